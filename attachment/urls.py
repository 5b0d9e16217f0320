from __future__ import annotations

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from attachment import views
from core import health, seo

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("faq/", views.faq, name="faq"),
    path("contact/", views.contact, name="contact"),
    path("privacy/", views.privacy, name="privacy"),
    path("fees/", views.fees, name="fees"),
    path("healthz", health.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("quiz/", include("quiz.urls")),
    path("articles/", include("articles.urls")),
    path("book/", include("booking.urls")),
    path("admin/", admin.site.urls),
    # Put together from what each app adds (core/seo.py).
    path("sitemap.xml", seo.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", seo.sitemap, name="sitemap-section"),
    path("robots.txt", seo.robots_txt, name="robots-txt"),
]

if settings.DEBUG:
    # Uploaded photos on a laptop; in production the web server in front serves MEDIA_ROOT.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
