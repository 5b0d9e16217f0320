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


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: no page, rate-limit count or setting leaks between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
