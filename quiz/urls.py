from __future__ import annotations

from django.urls import path

from quiz import views

app_name = "quiz"
urlpatterns = [
    path("", views.start, name="start"),
    path("result/<str:token>/", views.result, name="result"),
    path("<slug:instrument>/", views.questionnaire, name="questionnaire"),
    path("<slug:instrument>/answer/", views.answer, name="answer"),
]
