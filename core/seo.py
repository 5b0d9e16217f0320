"""/sitemap.xml and /robots.txt, put together from what each app says about itself.

Each app adds its own sitemap section and the paths robots should skip, in its
AppConfig.ready(); the root URLconf serves the two views. So no app has to know another
app's addresses, and none imports another to build them.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

SITEMAPS: dict[str, type[Sitemap] | Sitemap] = {}
DISALLOWED: list[str] = []


class OnSiteSitemap(Sitemap):
    """Addresses on SITE_URL, whatever host the request came in on."""

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


def sitemap(request: HttpRequest) -> HttpResponse:
    return sitemap_view(request, sitemaps=SITEMAPS)


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
