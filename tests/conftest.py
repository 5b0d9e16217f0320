"""Shared test set-up: PostgreSQL in CI, plain static files, Chromium for browser tests,
and what lets ./dev test run the suite in parallel (pytest-xdist, one process a core).

Each xdist worker (gw0, gw1...) has its own test database (pytest-django names it
test_<name>_gw0), its own file cache and media folder, and its own Redis database,
counted down from the one in REDIS_TEST_URL (gw0 uses it, gw1 the one below...), so
no worker ever clears or counts what another is using.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

# Playwright runs an event loop in the test thread; the ORM calls around it are synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

IN_CI = os.environ.get("CI") == "true"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# "gw0", "gw1"... under pytest-xdist, "" in a single process.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
WORKER_NUMBER = int(WORKER[2:]) if WORKER.startswith("gw") else 0


def _this_workers_redis(url: str) -> str:
    match = re.fullmatch(r"(redis://[^/]+/)(\d+)", url)
    if not match or not WORKER:
        return url
    number = int(match[2]) - WORKER_NUMBER
    if number < 0:
        raise pytest.UsageError(
            f"REDIS_TEST_URL={url} leaves no Redis database for worker {WORKER}: "
            "give a higher database number or fewer workers (-n)."
        )
    return f"{match[1]}{number}"


# Read by the Redis tests when they are imported, which is after this file.
if "REDIS_TEST_URL" in os.environ:
    os.environ["REDIS_TEST_URL"] = _this_workers_redis(os.environ["REDIS_TEST_URL"])

_SCRATCH = tempfile.TemporaryDirectory(prefix=f"attachment-tests-{WORKER or 'main'}-")

# What a production server's environment holds, for tests that start manage.py as one.
PRODUCTION_ENVIRONMENT = {
    "SECRET_KEY": "a-long-random-production-secret-" + "x7Kq9vLm2Pz" * 4,
    "SITE_URL": "https://thetherapeuticway.ca",
    "DEBUG": "false",
    "EMAIL_HOST": "smtp.example.org",
}

# Sunday evening in Toronto: the whole next week is bookable.
# The practice's zone, as settings.TIME_ZONE says; the tests read times as she does.
TORONTO = ZoneInfo("America/Toronto")
NOW = datetime(2026, 11, 29, 18, 0, tzinfo=TORONTO).astimezone(UTC)


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
    # Logins are the point of many tests; the production hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # This process's own folders, so parallel workers never clear each other's cache
    # or files (each test still starts with an empty cache: _fresh_cache below).
    scratch = _SCRATCH.name
    settings.MEDIA_ROOT = os.path.join(scratch, "media")
    for cache in settings.CACHES.values():
        if cache["BACKEND"].endswith(("FileBasedCache", "SweptFileCache")):
            cache["LOCATION"] = os.path.join(scratch, "cache")
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
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database (one per xdist worker: test_<name>_gw0, _gw1...), with a copy
    kept of what the data migrations put in it: the practice, quiz texts, hours, content
    types and permissions."""
    from django.db import connection

    with django_db_blocker.unblock():
        _MIGRATED.keep(connection)
    # Django's serialized_rollback would deserialize its own copy before every browser
    # test; the content is already there, put back after each flush (below).
    if hasattr(connection, "_test_serialized_contents"):
        del connection._test_serialized_contents


class _MigratedContent:
    """The migrated content, and the way back to it after a test on committed rows.

    On PostgreSQL the rows are copied into a schema of their own once, and back with one
    INSERT ... SELECT a table, instead of Django's serializer saving every object again
    one by one. Elsewhere (SQLite on a laptop) Django's serializer does it."""

    SCHEMA = "_migrated_content"

    def __init__(self) -> None:
        # Each table that has rows, with its columns (generated ones left out).
        self.columns: dict[str, str] = {}
        self.serialized = ""

    def keep(self, connection) -> None:
        if connection.vendor != "postgresql":
            self.serialized = connection.creation.serialize_db_to_string()
            return
        with connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA IF EXISTS {self.SCHEMA} CASCADE")
            cursor.execute(f"CREATE SCHEMA {self.SCHEMA}")
            for table in _tables(connection):
                cursor.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}")')
                if not cursor.fetchone()[0]:
                    continue
                cursor.execute(
                    "SELECT string_agg(quote_ident(column_name), ', ' "
                    "ORDER BY ordinal_position) FROM information_schema.columns "
                    "WHERE table_schema = current_schema() AND table_name = %s "
                    "AND is_generated = 'NEVER'",
                    [table],
                )
                self.columns[table] = columns = cursor.fetchone()[0]
                cursor.execute(
                    f'CREATE TABLE {self.SCHEMA}."{table}" AS '
                    f'SELECT {columns} FROM "{table}"'
                )

    def flush_and_restore(self, connection) -> None:
        """Every table emptied, then the migrated content put back with its own ids.

        Sequences are not reset: they stay past every id in the copy, as after a flush."""
        from django.core.management import call_command
        from django.db import transaction

        if connection.vendor != "postgresql":
            call_command(
                "flush",
                verbosity=0,
                interactive=False,
                database=connection.alias,
                inhibit_post_migrate=True,
            )
            connection.creation.deserialize_db_from_string(self.serialized)
            return
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE " + ", ".join(f'"{t}"' for t in _tables(connection))
            )
            for table, columns in self.columns.items():
                cursor.execute(
                    f'INSERT INTO "{table}" ({columns}) '
                    f'SELECT {columns} FROM {self.SCHEMA}."{table}"'
                )


_MIGRATED = _MigratedContent()


def _tables(connection) -> list[str]:
    return sorted(
        connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
    )


def _flush_back_to_migrated_content(self) -> None:
    # Replaces TransactionTestCase's flush: a test on committed rows (a browser test, a
    # race) ends by emptying every table, and the next test starts again from the
    # migrated content, as on a fresh install. Plain database tests roll back instead.
    from django.db import connections

    for db_name in self._databases_names(include_mirrors=False):
        _MIGRATED.flush_and_restore(connections[db_name])


def pytest_sessionstart(session: pytest.Session) -> None:
    from django.test import TransactionTestCase

    TransactionTestCase._fixture_teardown = _flush_back_to_migrated_content


@pytest.fixture
def clock():
    """Time stands still at NOW, Sunday evening in Toronto, for the whole test."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def quick_forms(settings):
    """The booking form's bot check wants 3 s of reading; tests submit at once."""
    settings.BOOKING_MIN_SECONDS = 0


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
