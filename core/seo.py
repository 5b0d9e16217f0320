"""/sitemap.xml and /robots.txt, put together from what each app says about itself.

Each app adds its own sitemap section and the paths robots should skip, in its
AppConfig.ready(); the root URLconf serves the views. So no app has to know another
app's addresses, and none imports another to build them.

/sitemap.xml is an index naming one sitemap per section (/sitemap-articles.xml), each
in pages of PER_PAGE addresses (?p=2...). One document for everything took 2.7 s at
10,000 articles and grew a worker by 200 MB for good; a page is a bounded amount of
work, and each is cached until the content changes (core/cache.py).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from core import cache

SITEMAPS: dict[str, type[Sitemap] | Sitemap] = {}
DISALLOWED: list[str] = []


# Addresses per sitemap page: search engines take up to 50,000, but a page is built in
# one request, and its work and memory should not grow with the practice.
PER_PAGE = 1_000


class OnSiteSitemap(Sitemap):
    """Addresses on SITE_URL, whatever host the request came in on."""

    limit = PER_PAGE

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_URL).netloc


class NamedPagesSitemap(OnSiteSitemap):
    """A few pages named by their URL names, e.g. ["quiz:start"]."""

    names: list[str] = []

    def items(self) -> list[str]:
        return self.names

    def location(self, item: str) -> str:
        return reverse(item)


def add_sitemap(section: str, sitemap: type[Sitemap]) -> None:
    SITEMAPS[section] = sitemap


def add_pages(section: str, *names: str) -> None:
    """A sitemap section listing these named pages."""
    add_sitemap(
        section, type(f"{section}Sitemap", (NamedPagesSitemap,), {"names": list(names)})
    )


def disallow(*paths: str) -> None:
    DISALLOWED.extend(path for path in paths if path not in DISALLOWED)


def sitemap_index(request: HttpRequest) -> HttpResponse:
    return cache.cached_response(
        request,
        "site:sitemap-index",
        lambda: _index(request).render(),
        until=cache.next_scheduled_change,
    )


def _index(request: HttpRequest) -> TemplateResponse:
    """Django's index view, but with addresses on SITE_URL (Django's takes the host
    from the request, as its sections do unless told otherwise)."""
    items = []
    for section, entry in SITEMAPS.items():
        site = entry() if isinstance(entry, type) else entry
        url = settings.SITE_URL + reverse("sitemap-section", args=[section])
        lastmod = site.get_latest_lastmod()
        # django-stubs copies Django's own annotation of last_mod (bool), which is a slip.
        items.append(SitemapIndexItem(url, lastmod))  # type: ignore[arg-type]
        items.extend(
            SitemapIndexItem(f"{url}?p={page}", lastmod)  # type: ignore[arg-type]
            for page in range(2, site.paginator.num_pages + 1)
        )
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": items},
        content_type="application/xml",
        headers={"X-Robots-Tag": "noindex, noodp, noarchive"},
    )


def sitemap(request: HttpRequest, section: str) -> HttpResponse:
    page = request.GET.get("p", "1")

    def render() -> HttpResponse:
        return sitemap_view(request, sitemaps=SITEMAPS, section=section).render()

    # Only the pages that can exist are kept: a known section, a short page number
    # (Django answers 404 for a page past the end, and only 200s are kept).
    if section not in SITEMAPS or set(request.GET) - {"p"} or not _number(page):
        return render()
    return cache.cached_response(
        request,
        f"site:sitemap:{section}:{int(page)}",
        render,
        until=cache.next_scheduled_change,
    )


def _number(text: str) -> bool:
    # isdigit() alone says yes to "²" and "٣".
    return text.isascii() and text.isdigit() and len(text) <= 4


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Allow: /",
        *(f"Disallow: {path}" for path in DISALLOWED),
        "",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
