"""schema.org Article descriptions, for search engines (JSON-LD)."""

from __future__ import annotations

from articles.models import Article
from attachment.structured_data import therapist_jsonld


def article_jsonld(article: Article, *, site_url: str, publisher: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "description": article.summary,
        "url": site_url + article.get_absolute_url(),
        "mainEntityOfPage": site_url + article.get_absolute_url(),
        "dateModified": article.updated_at.isoformat(),
        "author": therapist_jsonld(article.author, site_url=site_url),
        "publisher": {
            "@type": "Organization",
            "name": publisher,
            "url": site_url + "/",
        },
        "keywords": [tag.name for tag in article.tags.all()],
    }
    if article.publish_at is not None:
        data["datePublished"] = article.publish_at.isoformat()
    if article.cover:
        data["image"] = site_url + article.cover.url
    return data
