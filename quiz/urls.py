from __future__ import annotations

app_name = "quiz"
urlpatterns: list = []
