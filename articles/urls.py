from __future__ import annotations

from django.urls import path

from articles import views
from articles.feeds import LatestArticlesFeed

app_name = "articles"
urlpatterns = [
    path("", views.article_list, name="list"),
    path("feed/", LatestArticlesFeed(), name="feed"),
    path("tag/<slug:tag_slug>/", views.article_list, name="tag"),
    path("preview/<int:pk>/", views.article_preview, name="preview"),
    path("<slug:slug>/", views.article_detail, name="detail"),
]
