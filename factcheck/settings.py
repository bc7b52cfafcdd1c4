"""Settings for factcheck, read from the environment and nowhere else.

Variables (see README, "Configuration"):

- ``DJANGO_DEBUG``: ``1``/``true`` turns debug mode on. Off by default.
- ``DJANGO_SECRET_KEY``: required unless debug mode is on.
- ``DJANGO_ALLOWED_HOSTS``: comma-separated host names.
- ``DATABASE_URL``: ``postgres://user:password@host:5432/name``; unset means a local SQLite file.
- ``CORS_ALLOWED_ORIGINS``: comma-separated origins of frontends allowed to call the API.
- ``DJANGO_SECURE_SSL_REDIRECT``, ``DJANGO_SECURE_HSTS_SECONDS``,
  ``DJANGO_SECURE_PROXY_SSL_HEADER``: HTTPS hardening, on by default when debug mode is off.
- ``DATABASE_POOL``, ``DATABASE_POOL_MIN_SIZE``, ``DATABASE_POOL_MAX_SIZE``,
  ``DATABASE_STATEMENT_TIMEOUT_MS``, ``DATABASE_PGBOUNCER``: PostgreSQL connections.
- ``CACHE_URL``: ``redis://host:6379/0`` for a cache shared by every process (rate limits,
  failed logins); unset means a cache local to each process.
- ``DJANGO_NUM_PROXIES``: trusted proxies in front of the app, which append the client's
  address to ``X-Forwarded-For``; 0 (the default) takes the socket's address.
- ``DJANGO_LOG_FORMAT`` (``json`` or ``text``), ``DJANGO_LOG_LEVEL``.
"""

import os
from pathlib import Path
from typing import Any

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured

# Lets Django's generic classes take type parameters at run time, as their stubs do.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it, or set DJANGO_DEBUG=1 for local development."
        )
    # Only ever used with DEBUG on, on a developer's machine.
    SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "annotations",
]

MIDDLEWARE = [
    "factcheck.http.middleware.RequestIdMiddleware",
    "factcheck.http.middleware.RequestLogMiddleware",
    "factcheck.http.middleware.RequestSizeLimitMiddleware",
    "factcheck.http.middleware.ApiNotFoundMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "factcheck.http.idempotency.IdempotencyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "factcheck.http.middleware.AtomicChangesMiddleware",
]

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "factcheck" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    # An empty DATABASE_URL is no URL: the local SQLite file.
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Every request that may change data is one transaction, and a request that fails changes
# nothing: factcheck.http.middleware.AtomicChangesMiddleware.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    database_options = DATABASES["default"].setdefault("OPTIONS", {})
    if env_bool("DATABASE_PGBOUNCER", default=False):
        # PgBouncer in transaction mode pools connections itself, keeps no cursor between
        # transactions and drops startup options: set them on the database role
        # (ALTER ROLE … SET statement_timeout = '5s'; ALTER ROLE … SET jit = off).
        DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
    else:
        # No query runs longer than this: a runaway query fails instead of holding a worker.
        statement_timeout = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT_MS", "5000"))
        # JIT compilation pays off for long analytic queries, not for an API's short ones:
        # it added about 300 ms to searches planned as large scans (docs/benchmarks.md).
        database_options["options"] = f"-c statement_timeout={statement_timeout} -c jit=off"
        if env_bool("DATABASE_POOL", default=True):
            # psycopg's pool, per process: connections are reused instead of opened per
            # request (the pool replaces CONN_MAX_AGE).
            DATABASES["default"]["CONN_MAX_AGE"] = 0
            database_options["pool"] = {
                "min_size": int(os.environ.get("DATABASE_POOL_MIN_SIZE", "1")),
                "max_size": int(os.environ.get("DATABASE_POOL_MAX_SIZE", "4")),
                "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT_SECONDS", "10")),
            }

elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue instead of failing with "database is locked": each transaction takes the
    # write lock when it begins (IMMEDIATE) and waits up to the timeout for it; WAL lets
    # readers go on while a writer works.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("DATABASE_SQLITE_TIMEOUT_SECONDS", "20")),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )


def cache_config(url: str) -> dict[str, Any]:
    """Django's cache settings for ``CACHE_URL``: Redis (``redis://``, ``rediss://``,
    ``unix://``) or, when unset, memory local to each process."""
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if url.split("://", 1)[0] not in {"redis", "rediss", "unix"}:
        raise ImproperlyConfigured(
            f"CACHE_URL must be a redis://, rediss:// or unix:// URL: {url!r}"
        )
    # A cache that does not answer within this long counts as down: requests go on without it
    # (rate limits fail open, factcheck.http.ratelimit) instead of waiting for it.
    wait = float(os.environ.get("CACHE_TIMEOUT_SECONDS", "0.5"))
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "factcheck",
        "OPTIONS": {"socket_connect_timeout": wait, "socket_timeout": wait},
    }


# Rate limits and failed logins are counted here, and credentials and rendered annotations
# kept: with several processes or servers, a shared cache (CACHE_URL=redis://…) makes limits
# hold for the whole service and what one worker keeps serve the others.
CACHES = {"default": cache_config(os.environ.get("CACHE_URL", ""))}
# How long a token's user and roles are kept in the cache; every change to them through the
# application forgets them at once (annotations.workspaces.credentials).
FACTCHECK_CREDENTIALS_CACHE_SECONDS = int(
    os.environ.get("FACTCHECK_CREDENTIALS_CACHE_SECONDS", "300")
)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's username and password check, refusing accounts with too many failed logins.
AUTHENTICATION_BACKENDS = ["annotations.workspaces.login_limits.LoginLimitedModelBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# whitenoise serves the collected files (the API docs' Swagger UI and ReDoc, the admin's)
# compressed, under names that change with their content, so they are cached for ever.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Security -------------------------------------------------------------------------------
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/"
# Browser apps on those origins use the API's conditional and idempotent requests, so they may
# send these headers, and read every response header the API documents.
CORS_ALLOW_HEADERS = (
    "accept",
    "authorization",
    "content-type",
    "if-match",
    "if-none-match",
    "idempotency-key",
    "x-request-id",
)
CORS_EXPOSE_HEADERS = (
    "Content-Disposition",
    "ETag",
    "Idempotent-Replayed",
    "Location",
    "Retry-After",
    "X-Request-ID",
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = int(
    os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000")
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
if not SECURE_HSTS_PRELOAD:
    # Preloading commits a domain and all its subdomains to HTTPS in browsers for months; it is
    # each newsroom's call (DJANGO_SECURE_HSTS_PRELOAD=1), not a default.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", default=False):
    # Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Health probes come over plain HTTP from inside the cluster.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# --- Review -------------------------------------------------------------------------------
# Submitted verdicts with one rating that make a claim "agreed".
FACTCHECK_QUORUM = int(os.environ.get("FACTCHECK_QUORUM", "2"))
# A new claim's response lists existing claims at least this similar (0 to 1) as likely
# duplicates; see docs/search.md for how the default was chosen.
FACTCHECK_DUPLICATE_SIMILARITY = float(os.environ.get("FACTCHECK_DUPLICATE_SIMILARITY", "0.6"))
# Matching's semantic stage: a directory holding a sentence-transformers model (the
# `semantic` extra installs what loads it; nothing is downloaded). Unset: matching is lexical
# only. README, "Checked before?", says how to install one and what it costs.
FACTCHECK_EMBEDDING_MODEL = os.environ.get("FACTCHECK_EMBEDDING_MODEL", "")
# Search ranks at most this many matches of each kind, the most recently added: ranking every
# match of a common word would read most of the archive (docs/search.md).
FACTCHECK_SEARCH_WINDOW = int(os.environ.get("FACTCHECK_SEARCH_WINDOW", "1000"))

# --- Publishing (schema.org ClaimReview) ---------------------------------------------------
# A claim's fact-check page is FACTCHECK_SITE_URL + "/claims/<id>/" unless it has a review_url.
FACTCHECK_SITE_URL = os.environ.get("FACTCHECK_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
FACTCHECK_ORG_NAME = os.environ.get("FACTCHECK_ORG_NAME", "factcheck")
FACTCHECK_ORG_URL = os.environ.get("FACTCHECK_ORG_URL", FACTCHECK_SITE_URL)

# --- API ------------------------------------------------------------------------------------
# Larger request bodies answer 413 (factcheck.http.middleware.RequestSizeLimitMiddleware).
FACTCHECK_MAX_REQUEST_BYTES = int(os.environ.get("FACTCHECK_MAX_REQUEST_BYTES", str(2_621_440)))
DATA_UPLOAD_MAX_MEMORY_SIZE = FACTCHECK_MAX_REQUEST_BYTES
# Requests per user and per anonymous client (by address); over it, 429 with Retry-After.
# Counted in the cache (CACHE_URL): shared by all processes only when it is Redis.
FACTCHECK_THROTTLE_RATES = {
    "user": os.environ.get("FACTCHECK_THROTTLE_USER", "600/minute"),
    "anon": os.environ.get("FACTCHECK_THROTTLE_ANON", "60/minute"),
}
# Wrong passwords for one username, from any address, before its logins answer 429 for the
# rest of the window (annotations.workspaces.login_limits).
FACTCHECK_LOGIN_MAX_FAILURES = int(os.environ.get("FACTCHECK_LOGIN_MAX_FAILURES", "10"))
FACTCHECK_LOGIN_WINDOW_MINUTES = int(os.environ.get("FACTCHECK_LOGIN_WINDOW_MINUTES", "15"))
# Proxies in front of the app that each append the address they saw to X-Forwarded-For. With
# none, the header is the client's to forge, and the socket's address is the client's.
NUM_PROXIES = int(os.environ.get("DJANGO_NUM_PROXIES", "0"))
if NUM_PROXIES < 0:
    raise ImproperlyConfigured("DJANGO_NUM_PROXIES must be 0 or more.")
# How long an Idempotency-Key is remembered (factcheck.http.idempotency).
FACTCHECK_IDEMPOTENCY_TTL_HOURS = int(os.environ.get("FACTCHECK_IDEMPOTENCY_TTL_HOURS", "24"))
# How long a request may hold an Idempotency-Key before the key counts as abandoned (its
# worker died) and a retry runs anew: gunicorn's worker timeout by default.
FACTCHECK_IDEMPOTENCY_LEASE_SECONDS = int(
    os.environ.get("FACTCHECK_IDEMPOTENCY_LEASE_SECONDS", os.environ.get("GUNICORN_TIMEOUT", "30"))
)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "annotations.workspaces.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": ["factcheck.http.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": [
        "factcheck.http.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "factcheck.http.filters.SearchFilter",
        "factcheck.http.filters.OrderingFilter",
    ],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "factcheck.http.negotiation.ContentNegotiation",
    "DEFAULT_PAGINATION_CLASS": "factcheck.http.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "factcheck.http.schema.AutoSchema",
    "EXCEPTION_HANDLER": "factcheck.http.exceptions.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "factcheck.http.throttling.AnonThrottle",
        "factcheck.http.throttling.UserThrottle",
    ],
    "NUM_PROXIES": NUM_PROXIES,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "factcheck API",
    "DESCRIPTION": (
        "Fact-check annotation service: news articles, highlighted spans anchored by character "
        "offsets, the checkable claims they carry, and reviewers' verdicts.\n\n"
        "Authenticate with `POST /api/v1/auth/token/` and send `Authorization: Bearer <key>` "
        "(or `Token <key>`; in this page's Authorize dialog, paste the bare key). "
        "A method a path does not list answers 405 with a Problem document and an `Allow` "
        "header naming those it does. "
        "Offsets count Unicode code points into the stored (NFC, `\\n`-normalised) article body, "
        "half-open `[start, end)`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # The browsable API's session login is no scheme an API client or Swagger UI can use.
    "AUTHENTICATION_WHITELIST": ["annotations.workspaces.api.authentication.TokenAuthentication"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "factcheck.http.schema.link_created_resources",
        "factcheck.http.schema.exact_contract",
    ],
    "ENUM_NAME_OVERRIDES": {
        "RoleEnum": "annotations.workspaces.models.Role",
        "VerdictStateEnum": "annotations.review.models.VerdictState",
        "ClaimStatusEnum": "annotations.claims.models.ClaimStatus",
        # What became of an item of an import (Web Annotations, an archive of fact-checks).
        "ImportResultStatusEnum": ["created", "exists", "rejected"],
        "ProblemTypeEnum": "factcheck.http.schema.PROBLEM_TYPES",
        "WebAnnotationContextEnum": ["http://www.w3.org/ns/anno.jsonld"],
        "SchemaOrgContextEnum": ["https://schema.org"],
        # schema.org's @type of each node the ClaimReview documents hold.
        "ClaimReviewTypeEnum": ["ClaimReview"],
        "DataFeedTypeEnum": ["DataFeed"],
        "OrganizationTypeEnum": ["Organization"],
        "ClaimantTypeEnum": ["Person", "Organization"],
        "CreativeWorkTypeEnum": ["CreativeWork"],
        "RatingTypeEnum": ["Rating"],
        "ClaimTypeEnum": ["Claim"],
    },
}

# One line per request on the "factcheck.request" logger (factcheck.http.middleware), and
# everything else, as JSON objects (DJANGO_LOG_FORMAT=json, the default with debug off) or text.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(process)d %(message)s",
            "rename_fields": {
                "asctime": "time",
                "levelname": "level",
                "name": "logger",
                "process": "pid",
            },
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # The request log says the same, with the request id; Django's would double it.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
    },
}
