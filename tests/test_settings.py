"""Settings come from the environment: production checks, required variables, parsed values.

Everything that imports ``factcheck.settings`` with a particular environment runs in a
subprocess, so the settings of this test process are left untouched.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client

REPO_ROOT = Path(__file__).resolve().parent.parent
MANAGE_PY = str(REPO_ROOT / "manage.py")

# Variables the settings read; none may leak from the environment the tests run in.
CONFIG_PREFIXES = ("DJANGO_", "DATABASE_", "CORS_", "CACHE_", "FACTCHECK_")


def clean_env(**overrides: str) -> dict[str, str]:
    """This process's environment without any configuration variable, plus ``overrides``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(CONFIG_PREFIXES)}
    env["DJANGO_SETTINGS_MODULE"] = "factcheck.settings"
    env.update(overrides)
    return env


def run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - fixed arguments, our own interpreter
        [sys.executable, *args],
        cwd=REPO_ROOT,
        env=clean_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def settings_value(expression: str, **env: str) -> Any:
    """Evaluate ``expression`` on ``settings`` in a fresh process and return it, via JSON."""
    code = (
        "import json, django\n"
        "from django.conf import settings\n"
        "django.setup()\n"
        f"print(json.dumps({expression}, default=str))\n"
    )
    result = run(["-c", code], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def production_env(**overrides: str) -> dict[str, str]:
    return {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "factcheck.example",
        **overrides,
    }


def test_deploy_check_passes_without_warnings() -> None:
    result = run([MANAGE_PY, "check", "--deploy", "--fail-level", "WARNING"], **production_env())
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output
    assert "System check identified no issues" in result.stdout


def test_missing_secret_key_without_debug_is_refused() -> None:
    result = run([MANAGE_PY, "check"], DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_missing_secret_key_is_allowed_in_debug_mode() -> None:
    result = run([MANAGE_PY, "check"], DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_production_settings_are_hardened() -> None:
    values = settings_value(
        "{name: getattr(settings, name) for name in ["
        "'DEBUG', 'ALLOWED_HOSTS', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', "
        "'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS']}",
        **production_env(),
    )
    assert values == {
        "DEBUG": False,
        "ALLOWED_HOSTS": ["factcheck.example"],
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
    }


def test_database_url_selects_postgres() -> None:
    database = settings_value(
        "settings.DATABASES['default']",
        **production_env(DATABASE_URL="postgres://u:p@db.example:5432/name"),
    )
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["NAME"] == "name"
    assert database["HOST"] == "db.example"
    assert database["PORT"] == 5432
    assert database["USER"] == "u"
    assert database["PASSWORD"] == "p"


def test_no_database_url_gives_local_sqlite() -> None:
    database = settings_value("settings.DATABASES['default']", **production_env())
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(REPO_ROOT / "db.sqlite3")


def test_an_empty_database_url_means_the_local_sqlite_file() -> None:
    database = settings_value("settings.DATABASES['default']", **production_env(DATABASE_URL=""))
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(REPO_ROOT / "db.sqlite3")


def test_cors_allowed_origins_are_parsed_from_a_comma_separated_list() -> None:
    origins = settings_value(
        "settings.CORS_ALLOWED_ORIGINS",
        **production_env(CORS_ALLOWED_ORIGINS="https://a.example, https://b.example,"),
    )
    assert origins == ["https://a.example", "https://b.example"]


def test_cors_allowed_origins_default_to_none() -> None:
    assert settings_value("settings.CORS_ALLOWED_ORIGINS", **production_env()) == []


def test_the_cache_is_local_unless_a_redis_url_is_given() -> None:
    local = settings_value("settings.CACHES['default']", **production_env())
    assert local["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    shared = settings_value(
        "settings.CACHES['default']", **production_env(CACHE_URL="redis://cache.internal:6379/2")
    )
    assert shared["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert shared["LOCATION"] == "redis://cache.internal:6379/2"
    assert shared["OPTIONS"] == {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


def test_a_cache_url_that_is_not_redis_is_refused() -> None:
    result = run(
        [MANAGE_PY, "check"], **production_env(CACHE_URL="memcached://cache.internal:11211")
    )
    assert result.returncode != 0
    assert "CACHE_URL" in result.stderr


def test_trusted_proxies_default_to_none() -> None:
    assert settings_value("settings.REST_FRAMEWORK['NUM_PROXIES']", **production_env()) == 0
    proxies = production_env(DJANGO_NUM_PROXIES="2")
    assert settings_value("settings.REST_FRAMEWORK['NUM_PROXIES']", **proxies) == 2
    result = run([MANAGE_PY, "check"], **production_env(DJANGO_NUM_PROXIES="-1"))
    assert result.returncode != 0
    assert "DJANGO_NUM_PROXIES" in result.stderr


def test_sqlite_writers_queue() -> None:
    options = settings_value("settings.DATABASES['default']['OPTIONS']", **production_env())
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] == 20
    assert "journal_mode=WAL" in options["init_command"]


def preflight(client: Client, origin: str) -> Any:
    return client.options(
        "/api/v1/articles/",
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )


@pytest.mark.django_db
def test_cors_preflight_from_an_allowed_origin_is_answered(client: Client, settings: Any) -> None:
    settings.CORS_ALLOWED_ORIGINS = ["https://ui.example"]
    response = preflight(client, "https://ui.example")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "https://ui.example"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "authorization" in response["Access-Control-Allow-Headers"].lower()


@pytest.mark.django_db
def test_cors_preflight_from_another_origin_is_not_allowed(client: Client, settings: Any) -> None:
    settings.CORS_ALLOWED_ORIGINS = ["https://ui.example"]
    response = preflight(client, "https://evil.example")
    assert "Access-Control-Allow-Origin" not in response


def test_the_suite_runs_on_the_database_configured(db: None) -> None:
    """Guards CI: with a postgres DATABASE_URL, these tests really run on PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    assert connection.vendor == ("postgresql" if url.startswith("postgres") else "sqlite")


def test_the_served_application_never_defaults_to_debug() -> None:
    """manage.py defaults to debug for local commands; wsgi.py must not."""
    result = run(["-c", "import factcheck.wsgi"])
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
