from __future__ import annotations

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.queries import next_publication
from articles.sitemaps import SITEMAPS
from articles.views import robots_txt
from attachment import views
from core.cache import cached_page

# The home page lists the latest articles: its cached copy ends when the next one is due.
home = cached_page(until=next_publication)(views.home)

urlpatterns = [
    path("", home, name="home"),
    path("about/", views.about, name="about"),
    path("faq/", views.faq, name="faq"),
    path("contact/", views.contact, name="contact"),
    path("privacy/", views.privacy, name="privacy"),
    path("healthz", views.healthz, name="healthz"),
    path("quiz/", include("quiz.urls")),
    path("articles/", include("articles.urls")),
    path("book/", include("booking.urls")),
    path("admin/", admin.site.urls),
    # articles: the sitemap and robots.txt
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots-txt"),
]

if settings.DEBUG:
    # Uploaded photos on a laptop; in production the web server in front serves MEDIA_ROOT.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
