from __future__ import annotations

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    """Shared infrastructure with no page of its own: caching, rate limits, the client's
    address, responses and middleware. It imports no app of the site."""

    name = "core"
    verbose_name = "Site infrastructure"

    def ready(self) -> None:
        from core import admin_nav

        for model, name in [
            ("auth.user", "Users (who can log in here)"),
            ("auth.group", "Groups of permissions"),
            ("axes.accesslog", "Logins and logouts"),
            ("axes.accessfailurelog", "Failed logins"),
            ("axes.accessattempt", "Login lockouts"),
            ("core.ratecount", "Rate-limit counts"),
            ("django_tasks_database.dbtaskresult", "Background tasks (sending email)"),
        ]:
            admin_nav.place(model, "Site security and mail", order=100, name=name)


class PracticeAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the practice's own site: her sections, "Today" as its home."""

    default = False  # core's own config (CoreConfig) stays the one "core" names
    default_site = "core.admin_site.PracticeAdminSite"
