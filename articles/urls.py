from __future__ import annotations

app_name = "articles"
urlpatterns: list = []
