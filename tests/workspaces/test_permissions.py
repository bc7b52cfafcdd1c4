"""Who may do what, through the API: the role x action matrix.

Roles are per workspace. Members read everything in their workspaces; annotators and editors
create articles, spans and claims; reviewers and editors create verdicts; authors change their
own work, editors anyone's; only editors publish. Rows of other workspaces do not exist for
the caller (404, or 400 naming the field that references them).
"""

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Model
from django.urls import reverse
from rest_framework.test import APIClient

from annotations.articles.models import Article, Span
from annotations.claims.models import Claim, ClaimSpan
from annotations.review.models import Verdict, VerdictState
from annotations.workspaces.models import Membership, Role, Workspace
from tests.factories import ArticleFactory, ClaimFactory, SpanFactory, VerdictFactory
from tests.helpers import error_fields

KINDS = ["article", "span", "claim", "verdict"]
WORK_KINDS = ["article", "span", "claim"]
MODELS: dict[str, type[Model]] = {
    "article": Article,
    "span": Span,
    "claim": Claim,
    "verdict": Verdict,
}
# A harmless change per kind, and the field to read it back from.
CHANGES: dict[str, tuple[str, str]] = {
    "article": ("title", "Changed title"),
    "span": ("note", "Changed note"),
    "claim": ("text", "Changed text"),
    "verdict": ("explanation", "Changed explanation"),
}
SUCCESS = {"patch": 200, "delete": 204}

# --- helpers ---------------------------------------------------------------------------


def list_url(kind: str) -> str:
    return reverse(f"{kind}-list")


def detail_url(kind: str, obj: Model) -> str:
    return reverse(f"{kind}-detail", args=[obj.pk])


def results(response: Any) -> list[dict[str, Any]]:
    data = response.data
    return data["results"] if isinstance(data, dict) and "results" in data else data


def ids(response: Any) -> set[str]:
    return {str(row["id"]) for row in results(response)}


def db_state(*objects: Model) -> tuple[dict[str, int], list[dict[str, Any] | None]]:
    """Row counts of every annotation table, and the stored values of ``objects``: equal
    before and after a request that changed nothing."""
    counts = {
        model.__name__: model.objects.count()
        for model in (Article, Span, Claim, ClaimSpan, Verdict, Membership)
    }
    rows = [type(obj).objects.filter(pk=obj.pk).values().first() for obj in objects]
    return counts, rows


def make_work(kind: str, owner: AbstractBaseUser, workspace: Workspace) -> Model:
    """A fresh row of ``kind`` owned by ``owner``, with nothing depending on it."""
    if kind == "article":
        return ArticleFactory(workspace=workspace, created_by=owner)
    if kind == "span":
        article = ArticleFactory(workspace=workspace, created_by=owner)
        return SpanFactory(article=article, created_by=owner)
    if kind == "claim":
        return ClaimFactory(workspace=workspace, created_by=owner)
    raise AssertionError(kind)


def make_verdict(owner: AbstractBaseUser, workspace: Workspace, state: str) -> Verdict:
    traits = {state: True} if state != VerdictState.DRAFT else {}
    return VerdictFactory(claim=ClaimFactory(workspace=workspace), reviewer=owner, **traits)


def create_payload(kind: str, workspace: Workspace) -> dict[str, Any]:
    """A valid creation request for ``kind`` in ``workspace`` (creating what it refers to)."""
    if kind == "article":
        return {"workspace": workspace.slug, "title": "Fresh", "body": "Fresh body text."}
    if kind == "span":
        return {"article": str(ArticleFactory(workspace=workspace).pk), "start": 0, "end": 3}
    if kind == "claim":
        return {"workspace": workspace.slug, "text": "A fresh claim."}
    if kind == "verdict":
        return {"claim": str(ClaimFactory(workspace=workspace).pk), "rating": "true"}
    raise AssertionError(kind)


def replace_payload(kind: str, obj: Any) -> dict[str, Any]:
    """A valid PUT body for ``obj``."""
    if kind == "article":
        return {"workspace": obj.workspace.slug, "title": "Replaced", "body": obj.body}
    if kind == "span":
        return {"article": str(obj.article_id), "start": obj.start, "end": obj.end, "note": "R"}
    if kind == "claim":
        return {"workspace": obj.workspace.slug, "text": "Replaced", "spans": []}
    if kind == "verdict":
        return {"claim": str(obj.claim_id), "rating": "true", "explanation": "Replaced"}
    raise AssertionError(kind)


# --- fixtures --------------------------------------------------------------------------


@pytest.fixture
def users(annotator: Any, reviewer: Any, editor: Any, member: Callable[..., Any]) -> dict:
    """The desk's members by username: two of each working role and an editor."""
    return {
        "annie": annotator,
        "andy": member(Role.ANNOTATOR, username="andy"),
        "rita": reviewer,
        "rex": member(Role.REVIEWER, username="rex"),
        "eddie": editor,
    }


ROLE_USER = {Role.ANNOTATOR: "annie", Role.REVIEWER: "rita", Role.EDITOR: "eddie"}


@pytest.fixture
def chain(users: dict, workspace: Workspace) -> dict[str, Model]:
    """An annotated article of the desk: annie's article, span and claim, rita's verdict."""
    article = ArticleFactory(workspace=workspace, created_by=users["annie"])
    span = SpanFactory(article=article)
    claim = ClaimFactory(workspace=workspace, created_by=users["annie"], spans=[span])
    verdict = VerdictFactory(claim=claim, reviewer=users["rita"])
    return {"article": article, "span": span, "claim": claim, "verdict": verdict}


# --- anonymous -------------------------------------------------------------------------

ANONYMOUS_REQUESTS = [
    *[("get", kind, "list") for kind in KINDS],
    *[("post", kind, "list") for kind in KINDS],
    *[(method, kind, "detail") for kind in KINDS for method in ("get", "put", "patch", "delete")],
    ("get", "article", "annotations"),
    ("post", "verdict", "publish"),
    ("get", "workspace", "list"),
    ("get", "rating", "list"),
    ("get", "me", None),
    ("get", "membership", "list"),
]


@pytest.mark.parametrize(("method", "name", "route"), ANONYMOUS_REQUESTS)
def test_anonymous_requests_answer_401(
    anonymous: APIClient, chain: dict, method: str, name: str, route: str | None
) -> None:
    if name == "me":
        url = reverse("me")
    elif name == "membership":
        url = reverse("membership-list", kwargs={"workspace_slug": "desk"})
    elif route in ("list", None):
        url = reverse(f"{name}-{route}")
    else:
        url = reverse(f"{name}-{route}", args=[chain[name].pk])
    before = db_state(*chain.values())

    response = getattr(anonymous, method)(url, {})

    assert response.status_code == 401, response.data
    assert db_state(*chain.values()) == before


# --- members read ----------------------------------------------------------------------


@pytest.mark.parametrize("role", list(ROLE_USER))
@pytest.mark.parametrize("kind", KINDS)
def test_members_list_and_retrieve_everything(
    client_for: Any, users: dict, chain: dict, role: str, kind: str
) -> None:
    client = client_for(users[ROLE_USER[role]])
    obj = chain[kind]

    listed = client.get(list_url(kind))
    retrieved = client.get(detail_url(kind, obj))

    assert listed.status_code == 200
    assert ids(listed) == {str(obj.pk)}
    assert retrieved.status_code == 200
    assert str(retrieved.data["id"]) == str(obj.pk)


@pytest.mark.parametrize("role", list(ROLE_USER))
def test_members_read_the_annotations_view(
    client_for: Any, users: dict, chain: dict, role: str
) -> None:
    response = client_for(users[ROLE_USER[role]]).get(
        reverse("article-annotations", args=[chain["article"].pk])
    )

    assert response.status_code == 200
    assert str(response.json()["article"]["id"]) == str(chain["article"].pk)
    for key, kind in (("spans", "span"), ("claims", "claim"), ("verdicts", "verdict")):
        assert [str(row["id"]) for row in response.json()[key]] == [str(chain[kind].pk)]


# --- create ----------------------------------------------------------------------------

CREATE_MATRIX = [
    *[(kind, Role.ANNOTATOR, 201) for kind in WORK_KINDS],
    *[(kind, Role.REVIEWER, 403) for kind in WORK_KINDS],
    *[(kind, Role.EDITOR, 201) for kind in WORK_KINDS],
    ("verdict", Role.ANNOTATOR, 403),
    ("verdict", Role.REVIEWER, 201),
    ("verdict", Role.EDITOR, 201),
]


@pytest.mark.parametrize(("kind", "role", "expected"), CREATE_MATRIX)
def test_create_by_role(
    client_for: Any, users: dict, workspace: Workspace, kind: str, role: str, expected: int
) -> None:
    username = ROLE_USER[role]
    payload = create_payload(kind, workspace)
    before = db_state()

    response = client_for(users[username]).post(list_url(kind), payload)

    assert response.status_code == expected, response.data
    model = MODELS[kind]
    if expected == 201:
        created = model.objects.get(pk=response.data["id"])
        owner = created.reviewer if kind == "verdict" else created.created_by
        assert owner.username == username
        assert model.objects.count() == before[0][model.__name__] + 1
    else:
        assert db_state() == before


# --- change and delete articles, spans, claims -----------------------------------------

# (actor, owner of the row, allowed)
WORK_RULES = [
    ("annie", "annie", True),  # an annotator's own work
    ("annie", "andy", False),  # another annotator's
    ("annie", "eddie", False),  # an editor's
    ("eddie", "annie", True),  # editors change anyone's
    ("eddie", "eddie", True),
    ("rita", "annie", False),  # reviewers change no work
]


@pytest.mark.parametrize("method", ["patch", "delete"])
@pytest.mark.parametrize(("actor", "owner", "allowed"), WORK_RULES)
@pytest.mark.parametrize("kind", WORK_KINDS)
def test_change_and_delete_work(
    client_for: Any,
    users: dict,
    workspace: Workspace,
    kind: str,
    actor: str,
    owner: str,
    allowed: bool,
    method: str,
) -> None:
    obj = make_work(kind, users[owner], workspace)
    field, value = CHANGES[kind]
    before = db_state(obj)

    response = getattr(client_for(users[actor]), method)(detail_url(kind, obj), {field: value})

    assert response.status_code == (SUCCESS[method] if allowed else 403), response.data
    stored = type(obj).objects.filter(pk=obj.pk).first()
    if not allowed:
        assert db_state(obj) == before
    elif method == "patch":
        assert getattr(stored, field) == value
    else:
        assert stored is None


def test_a_demoted_author_cannot_change_their_work(
    client_for: Any, users: dict, workspace: Workspace
) -> None:
    article = make_work("article", users["annie"], workspace)
    Membership.objects.filter(user=users["annie"]).update(role=Role.REVIEWER)
    before = db_state(article)

    response = client_for(users["annie"]).patch(detail_url("article", article), {"title": "X"})

    assert response.status_code == 403
    assert db_state(article) == before


# --- verdicts --------------------------------------------------------------------------

# (actor, verdict's reviewer, verdict's state, refusal of a PATCH, refusal of a DELETE; None
# for success). Another reviewer's unpublished verdict does not exist for a reviewer who has
# not judged the claim (blind review); a published verdict is changed but never deleted.
VERDICT_RULES = [
    ("rita", "rita", VerdictState.DRAFT, None, None),
    ("rita", "rex", VerdictState.DRAFT, 404, 404),
    ("rita", "rex", VerdictState.SUBMITTED, 404, 404),
    ("rita", "rex", VerdictState.PUBLISHED, 403, 403),
    ("rita", "rita", VerdictState.SUBMITTED, 403, 403),
    ("rita", "rita", VerdictState.PUBLISHED, 403, 403),
    ("eddie", "rita", VerdictState.DRAFT, None, None),
    ("eddie", "rita", VerdictState.SUBMITTED, None, None),
    ("eddie", "rita", VerdictState.PUBLISHED, None, 409),
    ("eddie", "rita", VerdictState.SUPERSEDED, None, 409),
    ("annie", "rita", VerdictState.DRAFT, 403, 403),
]


@pytest.mark.parametrize(
    ("actor", "owner", "state", "patch_refused", "delete_refused"), VERDICT_RULES
)
@pytest.mark.parametrize("method", ["patch", "delete"])
def test_change_and_delete_verdicts(
    client_for: Any,
    users: dict,
    workspace: Workspace,
    actor: str,
    owner: str,
    state: str,
    patch_refused: int | None,
    delete_refused: int | None,
    method: str,
) -> None:
    verdict = make_verdict(users[owner], workspace, state)
    field, value = CHANGES["verdict"]
    before = db_state(verdict)
    refused_with = patch_refused if method == "patch" else delete_refused

    response = getattr(client_for(users[actor]), method)(
        detail_url("verdict", verdict), {field: value}
    )

    assert response.status_code == (refused_with or SUCCESS[method]), response.data
    if refused_with:
        assert db_state(verdict) == before
    elif method == "patch":
        verdict.refresh_from_db()
        assert verdict.explanation == value
        assert verdict.state == state  # changing is not publishing or unpublishing
    else:
        assert not Verdict.objects.filter(pk=verdict.pk).exists()


def test_a_reviewer_cannot_publish_by_patching_the_state(
    client_for: Any, users: dict, workspace: Workspace
) -> None:
    verdict = make_verdict(users["rita"], workspace, VerdictState.DRAFT)

    response = client_for(users["rita"]).patch(
        detail_url("verdict", verdict), {"state": "published", "published_at": "2024-01-01T00:00Z"}
    )

    verdict.refresh_from_db()
    assert response.status_code == 200, response.data  # read-only fields are ignored
    assert response.data["state"] == VerdictState.DRAFT
    assert verdict.state == VerdictState.DRAFT
    assert verdict.published_at is None


@pytest.mark.parametrize(
    ("actor", "expected"), [("eddie", 200), ("rita", 403), ("rex", 404), ("annie", 403)]
)
def test_only_editors_publish(
    client_for: Any, users: dict, workspace: Workspace, actor: str, expected: int
) -> None:
    verdict = make_verdict(users["rita"], workspace, VerdictState.SUBMITTED)
    before = db_state(verdict)

    response = client_for(users[actor]).post(reverse("verdict-publish", args=[verdict.pk]))

    assert response.status_code == expected, response.data
    verdict.refresh_from_db()
    if expected == 200:
        assert response.data["state"] == VerdictState.PUBLISHED
        assert verdict.state == VerdictState.PUBLISHED
        assert verdict.published_at is not None
    else:
        assert db_state(verdict) == before
        assert verdict.state == VerdictState.SUBMITTED


@pytest.mark.parametrize(
    ("actor", "expected"), [("rita", 200), ("eddie", 200), ("rex", 404), ("annie", 403)]
)
def test_the_reviewer_or_an_editor_submits(
    client_for: Any, users: dict, workspace: Workspace, actor: str, expected: int
) -> None:
    verdict = make_verdict(users["rita"], workspace, VerdictState.DRAFT)
    before = db_state(verdict)

    response = client_for(users[actor]).post(reverse("verdict-submit", args=[verdict.pk]))

    assert response.status_code == expected, response.data
    verdict.refresh_from_db()
    if expected == 200:
        assert verdict.state == VerdictState.SUBMITTED
    else:
        assert db_state(verdict) == before


# --- outsiders -------------------------------------------------------------------------

OUTSIDER_REQUESTS = [
    *[(method, kind, "detail") for kind in KINDS for method in ("get", "put", "patch", "delete")],
    ("post", "verdict", "publish"),
    ("get", "article", "annotations"),
]


@pytest.mark.parametrize(("method", "kind", "route"), OUTSIDER_REQUESTS)
def test_outsiders_get_404_for_every_method_on_desk_rows(
    client_for: Any, outsider: Any, chain: dict, method: str, kind: str, route: str
) -> None:
    obj = chain[kind]
    url = reverse(f"{kind}-{route}", args=[obj.pk])
    payload = replace_payload(kind, obj) if method == "put" else {CHANGES[kind][0]: "X"}
    before = db_state(*chain.values())

    response = getattr(client_for(outsider), method)(url, payload)

    assert response.status_code == 404, response.data
    assert db_state(*chain.values()) == before


def test_outsider_404_matches_a_missing_row(client_for: Any, outsider: Any, chain: dict) -> None:
    """Nothing tells an outsider that the row exists."""
    client = client_for(outsider)

    existing = client.get(detail_url("article", chain["article"]))
    missing = client.get(reverse("article-detail", args=[uuid.uuid4()]))

    assert existing.status_code == missing.status_code == 404
    assert existing.data == missing.data


# (kind created by the outsider, field referencing the desk)
OUTSIDER_REFERENCES = [
    ("article", "workspace"),
    ("span", "article"),
    ("claim", "spans"),
    ("verdict", "claim"),
]


@pytest.mark.parametrize(("kind", "field"), OUTSIDER_REFERENCES)
def test_outsiders_cannot_reference_desk_rows(
    client_for: Any, outsider: Any, chain: dict, kind: str, field: str
) -> None:
    payload = {
        "article": {"workspace": "desk", "title": "Intruder", "body": "Text."},
        "span": {"article": str(chain["article"].pk), "start": 0, "end": 3},
        "claim": {"text": "Intruder claim", "spans": [str(chain["span"].pk)]},
        "verdict": {"claim": str(chain["claim"].pk), "rating": "true"},
    }[kind]
    before = db_state(*chain.values())

    response = client_for(outsider).post(list_url(kind), payload)

    assert response.status_code == 400, response.data
    assert field in error_fields(response)
    assert db_state(*chain.values()) == before


@pytest.mark.parametrize("kind", KINDS)
def test_outsiders_list_none_of_the_desk_rows(
    client_for: Any, outsider: Any, other_workspace: Workspace, chain: dict, kind: str
) -> None:
    own = {
        "article": lambda: make_work("article", outsider, other_workspace),
        "span": lambda: make_work("span", outsider, other_workspace),
        "claim": lambda: make_work("claim", outsider, other_workspace),
        "verdict": lambda: make_verdict(outsider, other_workspace, VerdictState.DRAFT),
    }[kind]()

    response = client_for(outsider).get(list_url(kind))

    assert response.status_code == 200
    assert ids(response) == {str(own.pk)}


@pytest.mark.parametrize("kind", ["article", "claim"])
def test_outsiders_filtering_by_the_desk_get_nothing(
    client_for: Any, outsider: Any, chain: dict, kind: str
) -> None:
    response = client_for(outsider).get(list_url(kind), {"workspace": "desk"})

    assert response.status_code == 200
    assert results(response) == []


# --- roles are per workspace -----------------------------------------------------------

# A user who is annotator in the desk and reviewer elsewhere.
MIXED_MATRIX = [
    ("article", "desk", 201),
    ("article", "elsewhere", 403),
    ("span", "desk", 201),
    ("span", "elsewhere", 403),
    ("claim", "desk", 201),
    ("claim", "elsewhere", 403),
    ("verdict", "desk", 403),
    ("verdict", "elsewhere", 201),
]


@pytest.mark.parametrize(("kind", "slug", "expected"), MIXED_MATRIX)
def test_roles_apply_in_their_own_workspace_only(
    client_for: Any,
    member: Callable[..., Any],
    workspace: Workspace,
    other_workspace: Workspace,
    kind: str,
    slug: str,
    expected: int,
) -> None:
    member(Role.ANNOTATOR, username="mia")
    mia = member(Role.REVIEWER, ws=other_workspace, username="mia")
    assert mia.memberships.count() == 2
    target = workspace if slug == "desk" else other_workspace
    payload = create_payload(kind, target)
    before = db_state()

    response = client_for(mia).post(list_url(kind), payload)

    assert response.status_code == expected, response.data
    if expected == 201:
        created = MODELS[kind].objects.get(pk=response.data["id"])
        placed = created.workspace_id
        assert placed == target.pk
    else:
        assert db_state() == before
