from __future__ import annotations

from django.urls import path

from booking import views

app_name = "booking"
urlpatterns = [
    path("", views.consult_form, name="consult-form"),
    path("confirmed/<str:token>/", views.confirmed, name="confirmed"),
    path("cancel/<str:token>/", views.cancel, name="cancel"),
    path("reschedule/<str:token>/", views.reschedule, name="reschedule"),
    path(
        "calendar/<str:token>/consults.ics",
        views.consults_calendar,
        name="consults-calendar",
    ),
]
