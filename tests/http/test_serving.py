"""Production serving: database connections (pool, statement timeout, PgBouncer), JSON
request logs with the request's id, duration and query count."""

import json
import logging
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.module_loading import import_string

from tests.factories import ArticleFactory
from tests.test_settings import production_env, settings_value

POSTGRES = "postgres://u:p@db.example:5432/name"


def test_postgresql_connections_are_pooled_with_a_statement_timeout() -> None:
    database = settings_value(
        "settings.DATABASES['default']", **production_env(DATABASE_URL=POSTGRES)
    )
    assert database["OPTIONS"]["options"] == "-c statement_timeout=5000 -c jit=off"
    assert database["OPTIONS"]["pool"] == {"min_size": 1, "max_size": 4, "timeout": 10.0}
    assert database["CONN_MAX_AGE"] == 0  # the pool replaces persistent connections


def test_the_pool_and_timeout_are_configurable() -> None:
    database = settings_value(
        "settings.DATABASES['default']",
        **production_env(
            DATABASE_URL=POSTGRES,
            DATABASE_POOL_MAX_SIZE="10",
            DATABASE_STATEMENT_TIMEOUT_MS="250",
            DATABASE_POOL="0",
        ),
    )
    assert database["OPTIONS"] == {"options": "-c statement_timeout=250 -c jit=off"}


def test_behind_pgbouncer_django_neither_pools_nor_keeps_cursors() -> None:
    database = settings_value(
        "settings.DATABASES['default']",
        **production_env(DATABASE_URL=POSTGRES, DATABASE_PGBOUNCER="1"),
    )
    assert database["OPTIONS"] == {}
    assert database["DISABLE_SERVER_SIDE_CURSORS"] is True


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
def test_the_statement_timeout_bounds_every_query_and_jit_is_off(db: None) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "5s"
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def test_logs_are_json_in_production() -> None:
    assert settings_value("settings.LOG_FORMAT", **production_env()) == "json"
    assert settings_value("settings.LOG_FORMAT", DJANGO_DEBUG="1") == "text"


def test_each_request_is_logged_with_its_id_duration_and_queries(
    annotator: Any,
    client_for: Any,
    workspace: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    ArticleFactory(workspace=workspace, created_by=annotator)
    client = client_for(annotator)
    with (
        caplog.at_level(logging.INFO, logger="factcheck.request"),
        CaptureQueriesContext(connection) as queries,
    ):
        response = client.get(reverse("article-list"), HTTP_X_REQUEST_ID="trace-42")
    [record] = [r for r in caplog.records if r.name == "factcheck.request"]
    assert response["X-Request-ID"] == record.request_id == "trace-42"
    assert (record.method, record.path, record.status) == ("GET", "/api/v1/articles/", 200)
    assert record.duration_ms > 0
    # Every query the request ran: the token with the caller's roles, the count, the page.
    assert record.queries == len(queries) == 3


def test_the_json_formatter_writes_the_fields() -> None:
    config = dict(settings.LOGGING["formatters"]["json"])
    formatter = import_string(config.pop("()"))(**config)
    record = logging.LogRecord("factcheck.request", logging.INFO, "", 0, "GET / 200", (), None)
    record.request_id, record.queries = "abc", 3
    line = json.loads(formatter.format(record))
    assert line["logger"] == "factcheck.request"
    assert (line["request_id"], line["queries"], line["level"]) == ("abc", 3, "INFO")


def test_the_orjson_renderer_writes_what_drfs_would() -> None:
    from decimal import Decimal
    from uuid import UUID

    from django.utils.functional import lazy
    from rest_framework.renderers import JSONRenderer as DRFJSONRenderer

    from factcheck.http.renderers import JSONRenderer

    data = {
        "quote": "Kiev’s “push”\u2028next line",
        "id": UUID("0ab57f47-dafd-47e1-ab96-02a7db8abc41"),
        "value": Decimal("3.50"),
        "label": lazy(lambda: "Mostly true", str)(),
        "items": [1, None, True, {"nested": "é"}],
    }
    ours = JSONRenderer().render(data, "application/json")
    assert json.loads(ours) == json.loads(DRFJSONRenderer().render(data, "application/json"))
    assert b"\\u2028" in ours
    assert "“push”".encode() in ours
