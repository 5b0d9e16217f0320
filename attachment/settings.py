"""Settings for The Therapeutic Way's site.

Everything that differs between a laptop and production is read from the environment
(see .env.example). The defaults are safe: DEBUG is off, and production security (HTTPS
redirect, HSTS, secure cookies) switches on as soon as SITE_URL is an https:// address.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def envstr(name: str, default: str) -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {value!r}."
        ) from None


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def envrate(name: str, default: str) -> tuple[int, int]:
    """A rate such as "5/h" as (requests, seconds); "0" switches the limit off."""
    value = os.environ.get(name) or default
    if value.strip() == "0":
        return (0, 0)
    match = re.fullmatch(r"\s*(\d+)\s*/\s*([smhd])\s*", value)
    if not match:
        raise ImproperlyConfigured(
            f"{name} must look like 5/h (requests per s, m, h or d) or be 0, not {value!r}."
        )
    seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400}[match[2]]
    return (int(match[1]), seconds)


DEBUG = envbool("DEBUG", False)

SITE_URL = envstr("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
_site = urlsplit(SITE_URL)
if _site.scheme not in ("http", "https") or not _site.hostname:
    raise ImproperlyConfigured(
        f"SITE_URL must be a full address such as https://example.ca, not {SITE_URL!r}."
    )
# An https:// site is a production site behind TLS: everything below that only makes
# sense over HTTPS follows from this one fact instead of being repeated in five variables.
HTTPS = _site.scheme == "https"

# Only good enough for a laptop (DEBUG on): anyone can read it here, and with it forge
# the signed quiz-result, cancel and reschedule links.
PLACEHOLDER_SECRET_KEY = "django-insecure-local-only-never-use-this-key-in-production"
SECRET_KEY = envstr("SECRET_KEY", "") or PLACEHOLDER_SECRET_KEY

ALLOWED_HOSTS = envlist(
    "ALLOWED_HOSTS",
    [_site.hostname] + ([] if HTTPS else ["localhost", "127.0.0.1", "[::1]"]),
)
CSRF_TRUSTED_ORIGINS = [f"{_site.scheme}://{_site.netloc}"]

INSTALLED_APPS = [
    "core.apps.PracticeAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_htmx",
    "axes",
    "django_tasks_db",
    "reversion",
    "core",
    "attachment",
    "quiz",
    "articles",
    "booking",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, which answers /static/ itself: static files get these headers too.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "core.middleware.CrossOriginResourcePolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # An ETag on every page (unless no-store), and 304 Not Modified when it matches:
    # a returning visitor revalidates instead of downloading the page again.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.admin_guard.AdminActionIdsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Security and reliability: a database outage is a calm 503, not a 500.
    "core.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it watches the login responses of everything above.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "attachment.urls"
WSGI_APPLICATION = "attachment.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "attachment.context_processors.practice",
            ],
        },
    },
]

# SQLite is only the zero-set-up default for a laptop; production and CI use PostgreSQL.
try:
    DATABASES = {
        "default": dj_database_url.parse(
            envstr("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
            conn_max_age=envint("CONN_MAX_AGE", 60),
            # Reconnect by itself after PostgreSQL restarts, instead of failing until a restart.
            conn_health_checks=True,
        )
    }
except ValueError as error:  # dj-database-url's UnknownSchemeError is a ValueError
    raise ImproperlyConfigured(
        "DATABASE_URL must look like postgres://user@host:5432/name "
        f"or sqlite:///path/to/file ({error})."
    ) from None

REDIS_URL = envstr("REDIS_URL", "")
if REDIS_URL:
    if urlsplit(REDIS_URL).scheme not in ("redis", "rediss", "unix"):
        raise ImproperlyConfigured(
            f"REDIS_URL must look like redis://host:6379/0, not {REDIS_URL!r}."
        )
    # Shared by every process on every server: set it when there is more than one server.
    # If Redis stops answering, the site goes on without a cache (cache_backends.py).
    CACHES = {
        "default": {
            "BACKEND": "core.cache_backends.ForgivingRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
elif DEBUG:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    # Without Redis, gunicorn's worker processes still share one cache on this server,
    # so a change in the admin or a new booking shows at once in every worker, and rate
    # limits count across them. (Per-process memory would serve stale pages.)
    # Swept now and then, not listed on every write (cache_backends.py).
    CACHES = {
        "default": {
            "BACKEND": "core.cache_backends.SweptFileCache",
            "LOCATION": envstr("CACHE_DIR", str(BASE_DIR / ".cache")),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "admin:login"

LANGUAGE_CODE = "en-ca"
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        # Hashed names can be cached for a year; whitenoise serves them pre-compressed.
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Email. With no EMAIL_HOST, messages are printed to the console (the run command).
_email_host = envstr("EMAIL_HOST", "")
if _email_host:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _email_host,
                "port": envint("EMAIL_PORT", 587),
                "username": envstr("EMAIL_HOST_USER", ""),
                "password": envstr("EMAIL_HOST_PASSWORD", ""),
                "use_tls": envbool("EMAIL_USE_TLS", True),
                "timeout": envint("EMAIL_TIMEOUT", 10),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# Sending email is a task (booking/tasks.py). In production a worker sends it, so no
# visitor waits on the mail server: django-tasks-db keeps the queue in the database and
# `manage.py db_worker` (a systemd unit, deploy/) runs it. When developing, it is sent
# straight after the booking commits. Either way send_outbox retries what failed.
TASKS = {
    "default": {
        "BACKEND": envstr(
            "TASKS_BACKEND",
            "django.tasks.backends.immediate.ImmediateBackend"
            if DEBUG
            else "django_tasks_db.DatabaseBackend",
        )
    }
}
DEFAULT_FROM_EMAIL = envstr(
    "DEFAULT_FROM_EMAIL", "The Therapeutic Way <info@thetherapeuticway.ca>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who hears about a server error (a 500): comma-separated addresses. The message goes
# through the outbox after the response, names the kind of error and where, never what
# a visitor sent, and each kind at most once an hour (booking/error_reports.py).
ADMINS = envlist("ADMINS", [])
for _address in ADMINS:
    if not re.fullmatch(r"[^@\s,<>]+@[^@\s,<>]+\.[^@\s,<>]+", _address):
        raise ImproperlyConfigured(
            f"ADMINS must be email addresses separated by commas, not {_address!r}."
        )

# Security. Every response carries a strict Content Security Policy: no inline script or
# style anywhere, nothing from another origin.
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 8  # a working day in the admin

if HTTPS:
    SECURE_SSL_REDIRECT = True
    # A load balancer checks the server directly, over plain HTTP: answer it, not redirect.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    # TLS ends at the proxy in front of gunicorn; it tells us the original scheme.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Allows, but does not make, a submission to browsers' preload list: that is a choice
    # for the practice to make on hstspreload.org, and a hard one to undo.
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # The __Host- prefix pins a cookie to this exact host, over HTTPS, for every path.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# The client's address, for rate limits and the admin lockout. Behind a proxy, name the
# header that the proxy itself sets (for example HTTP_X_REAL_IP); a header the client
# could send is never trusted unless named here.
CLIENT_IP_HEADER = envstr("CLIENT_IP_HEADER", "")
if CLIENT_IP_HEADER and not re.fullmatch(
    r"(HTTP_[A-Z0-9_]+|REMOTE_ADDR)", CLIENT_IP_HEADER
):
    # "X-Real-IP" would never match: Django names it HTTP_X_REAL_IP, and every visitor
    # would then share one rate limit and one admin lockout.
    raise ImproperlyConfigured(
        "CLIENT_IP_HEADER must be written as Django sees it, such as HTTP_X_REAL_IP, "
        f"not {CLIENT_IP_HEADER!r}."
    )

# django-axes: lock the admin login after 5 failures for 30 minutes, per username and
# address, and per address whatever the usernames (one address trying many names).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"
AXES_USERNAME_CALLABLE = "core.client_ip.login_username"
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# Every attempt leaves a row the therapist can read in the admin: successes in Access
# logs, each failure in Access failures. The console log masks usernames and addresses.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# No "AXES: BEGIN" banner at start-up: it went to stderr on every manage.py command, and
# score_quiz promises one line there. Login failures are still logged, as before.
AXES_VERBOSE = False

# The practice's own rules.
BOOKING_RATE_LIMIT = envrate("BOOKING_RATE_LIMIT", "5/h")
# However many addresses a bot has, no more new consults than this (0 switches it off);
# when a cap is reached, visitors are asked to email or call and the therapist is told.
BOOKING_SITE_LIMIT_PER_HOUR = envint("BOOKING_SITE_LIMIT_PER_HOUR", 6)
BOOKING_SITE_LIMIT_PER_DAY = envint("BOOKING_SITE_LIMIT_PER_DAY", 20)
QUIZ_RATE_LIMIT = envrate("QUIZ_RATE_LIMIT", "30/h")
# Where "Leave this site" goes: an ordinary, busy site that draws no attention in a history.
QUICK_EXIT_URL = envstr("QUICK_EXIT_URL", "https://www.google.ca/")
if not QUICK_EXIT_URL.startswith("https://"):
    raise ImproperlyConfigured("QUICK_EXIT_URL must be an https:// address")
PERSONAL_DATA_RETENTION_DAYS = envint("PERSONAL_DATA_RETENTION_DAYS", 90)
if PERSONAL_DATA_RETENTION_DAYS < 1:  # 0 or less would purge consults still to come
    raise ImproperlyConfigured(
        "PERSONAL_DATA_RETENTION_DAYS must be 1 or more, "
        f"not {PERSONAL_DATA_RETENTION_DAYS}."
    )
# The quiz keeps a visitor's answers in progress in a signed cookie this long (seconds);
# the privacy statement quotes it.
QUIZ_ANSWERS_COOKIE_AGE = 60 * 60 * 24

# Facts only the deployment knows, quoted by the privacy statement. Until one is set the
# statement shows a marked placeholder and the admin lists it under "Needs your attention".
PRIVACY_HOSTING_PROVIDER = envstr("PRIVACY_HOSTING_PROVIDER", "")
PRIVACY_EMAIL_PROVIDER = envstr("PRIVACY_EMAIL_PROVIDER", "")
PRIVACY_DATA_LOCATION = envstr("PRIVACY_DATA_LOCATION", "")
PRIVACY_LOG_RETENTION_DAYS = envint("PRIVACY_LOG_RETENTION_DAYS", 0)
if PRIVACY_LOG_RETENTION_DAYS < 0:
    raise ImproperlyConfigured(
        "PRIVACY_LOG_RETENTION_DAYS must be the number of days the server keeps its "
        f"logs (0 until it is set), not {PRIVACY_LOG_RETENTION_DAYS}."
    )

LOG_LEVEL = envstr("LOG_LEVEL", "INFO").upper()
if LOG_LEVEL not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
    raise ImproperlyConfigured(
        f"LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, not {LOG_LEVEL!r}."
    )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        # A 500 is emailed to ADMINS, without personal data (booking/error_reports.py).
        "practice": {
            "class": "booking.error_reports.OutboxErrorHandler",
            "level": "ERROR",
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Replaces Django's own mail_admins, which sends while the visitor waits and
        # puts what they typed in the message.
        "django": {"handlers": [], "propagate": True},
        "django.request": {"handlers": ["practice"], "propagate": True},
    },
}

# Optional error tracking with Sentry: off unless SENTRY_DSN is set. Nothing a visitor
# sent, no cookies, no addresses, no user: only the error and where it happened.
SENTRY_DSN = envstr("SENTRY_DSN", "")
if SENTRY_DSN:
    from core.sentry import start_sentry

    start_sentry(SENTRY_DSN, environment=_site.hostname)

# Booking
# Forms sent sooner than this after they were shown are taken for bots (0 for load tests).
BOOKING_MIN_SECONDS = envint("BOOKING_MIN_SECONDS", 3)
BOOKING_MAX_FORM_AGE = 2 * 60 * 60

# The therapist's own calendars (booking/fetching.py): each fetch waits at most this many
# seconds for each step (three times that in all), and reads at most this many bytes.
CALENDAR_FETCH_TIMEOUT = envint("CALENDAR_FETCH_TIMEOUT", 10)
CALENDAR_MAX_BYTES = envint("CALENDAR_MAX_BYTES", 10 * 1024 * 1024)
# Tests and benchmarks only: also read calendars served on this machine (127.0.0.1, ::1).
# Never in production: the address is typed into a web form.
CALENDAR_ALLOW_LOOPBACK = envbool("CALENDAR_ALLOW_LOOPBACK", False)

# Checked last, so a malformed value above is named first.
if not DEBUG and (
    SECRET_KEY == PLACEHOLDER_SECRET_KEY
    or SECRET_KEY.startswith("django-insecure-")
    or len(SECRET_KEY) < 50
):
    # Refuse to start rather than serve forgeable links; `check --deploy` alone is
    # only a warning that nobody has to read.
    raise ImproperlyConfigured(
        "SECRET_KEY must be a random value of 50 or more characters when DEBUG is off "
        "(deploy/install.sh writes one; on a laptop, DEBUG=true)."
    )
