import importlib
import os
from collections.abc import Callable, Iterator
from typing import Any, NoReturn

import pytest
import redis
from django.apps import apps as django_apps
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from annotations.workspaces.models import Role, Workspace
from factcheck import cache as shared_cache
from factcheck.settings import cache_config
from tests.factories import MembershipFactory, UserFactory, WorkspaceFactory

REDIS_URL = os.environ.get("FACTCHECK_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
"""A Redis database the tests may empty at will."""


def service_missing(service: str, reason: str) -> NoReturn:
    """Skip a test that needs ``service`` (``redis``, ``chromium``, ``semantic``), or fail it
    where the environment says the service must be there: CI sets ``FACTCHECK_TEST_REQUIRE``
    to the services it provides, so that their tests always run there."""
    required = {name.strip() for name in os.environ.get("FACTCHECK_TEST_REQUIRE", "").split(",")}
    if service in required:
        pytest.fail(f"{reason} (FACTCHECK_TEST_REQUIRE names {service})")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def fresh_rate_limits() -> None:
    """Rate limits count in the cache; each test starts with none used, and with the cache
    taken for working."""
    cache.clear()
    shared_cache.health.down_until = 0.0


@pytest.fixture(autouse=True)
def migrations_seed(request: pytest.FixtureRequest) -> None:
    """What the migrations seed (the rating scale, the default workspace), for tests with real
    transactions too: each of those empties the database after it."""
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        request.getfixturevalue("transactional_db")
        seeding = importlib.import_module("annotations.migrations.0002_seed_ratings_and_newsroom")
        seeding.seed(django_apps, None)


@pytest.fixture
def redis_cache(settings: Any) -> Iterator[str]:
    """The default cache is Redis (``FACTCHECK_TEST_REDIS_URL``), emptied before and after."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError as exc:
        service_missing("redis", f"Redis is not reachable at {REDIS_URL}: {exc}")
    settings.CACHES = {"default": cache_config(REDIS_URL)}
    cache.clear()
    yield REDIS_URL
    cache.clear()


@pytest.fixture(params=["local-memory", "redis"])
def any_cache(request: pytest.FixtureRequest) -> str:
    """Run the test with each cache the service supports."""
    if request.param == "redis":
        request.getfixturevalue("redis_cache")
    return str(request.param)


@pytest.fixture
def workspace(db: None) -> Workspace:
    return WorkspaceFactory(slug="desk")


@pytest.fixture
def other_workspace(db: None) -> Workspace:
    return WorkspaceFactory(slug="elsewhere")


@pytest.fixture
def member(workspace: Workspace) -> Callable[..., Any]:
    """Make a user with ``role`` in ``workspace`` (the ``desk`` workspace by default)."""

    def make(role: str = Role.ANNOTATOR, ws: Workspace | None = None, username: str | None = None):
        user = UserFactory(**({"username": username} if username else {}))
        MembershipFactory(user=user, workspace=ws or workspace, role=role)
        return user

    return make


@pytest.fixture
def annotator(member: Callable[..., Any]) -> Any:
    return member(Role.ANNOTATOR, username="annie")


@pytest.fixture
def reviewer(member: Callable[..., Any]) -> Any:
    return member(Role.REVIEWER, username="rita")


@pytest.fixture
def editor(member: Callable[..., Any]) -> Any:
    return member(Role.EDITOR, username="eddie")


@pytest.fixture
def outsider(member: Callable[..., Any], other_workspace: Workspace) -> Any:
    """An editor, but of another workspace."""
    return member(Role.EDITOR, ws=other_workspace, username="otto")


@pytest.fixture
def client_for() -> Callable[[Any], APIClient]:
    """A client that sends the user's API token, so each request loads the user afresh,
    as in production."""

    def make(user: Any) -> APIClient:
        client = APIClient()
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return make


@pytest.fixture
def anonymous() -> APIClient:
    return APIClient()


@pytest.fixture
def staff_user(db: None) -> Any:
    return UserFactory(username="staff", is_staff=True)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Each phase's report on the test (``rep_setup``, ``rep_call``), for fixtures that act on
    failure, such as the browser tests' screenshot."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
