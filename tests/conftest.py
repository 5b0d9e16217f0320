"""Shared test set-up: PostgreSQL in CI, plain static files, and Chromium for browser tests."""

from __future__ import annotations

import os
import shutil

import pytest

# Playwright runs an event loop in the test thread; the ORM calls around it are synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

IN_CI = os.environ.get("CI") == "true"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    # Tests serve static files straight from static/, with no collectstatic step.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    # A booking's emails go out as soon as it commits, as when developing, so a test sees
    # them; "worker" is production's queue, for the tests that run the worker itself.
    settings.TASKS = {
        "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
        "worker": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
    from asgiref.local import Local
    from django.tasks import task_backends

    # Django read TASKS when the apps loaded; start its handler again, as Django's own
    # setting_changed receiver does for CACHES.
    task_backends._settings = task_backends.settings = task_backends.configure_settings(
        None
    )
    task_backends._connections = Local(task_backends.thread_critical)
    if (
        IN_CI
        and settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql"
    ):
        raise pytest.UsageError(
            "CI must test against PostgreSQL: set DATABASE_URL=postgres://..."
        )
    if IN_CI and not shutil.which(CHROMIUM):
        raise pytest.UsageError(
            f"CI must run the browser tests, but {CHROMIUM} is missing."
        )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not shutil.which(CHROMIUM):
        pytest.skip(
            f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        )
    return {**browser_type_launch_args, "executable_path": CHROMIUM}


@pytest.fixture(scope="session")
def _migrated_content(django_db_setup, django_db_blocker) -> str:
    """What the data migrations put in a fresh database (the practice, quiz texts, hours...).

    Read when the first test on committed rows starts, before anything has flushed."""
    from django.db import connection

    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture(autouse=True)
def _content_after_a_flush(request: pytest.FixtureRequest, django_db_blocker):
    """A test on committed rows (a browser test, a race) ends by emptying every table; the
    next one starts again from the migrated content, as a fresh install would.

    Django's own serialized_rollback is meant to do this, but under pytest-django it loses
    the serialized copy once a plain database test has run first. A plain database test
    that runs after such a test (pytest-django's ordering allows it) gets the content put
    back inside its own transaction.
    """
    uses_db = {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    if not uses_db and request.node.get_closest_marker("django_db") is None:
        return
    migrated_content = request.getfixturevalue("_migrated_content")
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from attachment.models import PracticeDetails

    with django_db_blocker.unblock():
        if not PracticeDetails.objects.exists():
            # The flush's post_migrate signal made new content types and permissions with
            # new ids; the serialized ones (with the ids the content refers to) replace them.
            ContentType.objects.all().delete()
            ContentType.objects.clear_cache()
            connection.creation.deserialize_db_from_string(migrated_content)


@pytest.fixture(autouse=True)
def _no_site_wide_booking_caps(settings):
    """Many tests book more consults in a frozen hour than the site allows a bot: the
    caps are switched off here, and tests/booking/test_bots.py turns them on."""
    settings.BOOKING_SITE_LIMIT_PER_HOUR = 0
    settings.BOOKING_SITE_LIMIT_PER_DAY = 0


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: no page, rate-limit count or setting leaks between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
