"""Every model of the app, where Django (and the migrations' references) look for them; each is
defined in its domain's package."""

from annotations.articles.models import (
    AnnotationVersion,
    Article,
    ArticleQuerySet,
    ArticleRevision,
    Span,
    SpanQuerySet,
    language_validator,
)
from annotations.articles.reanchor import AnchorState
from annotations.claims.models import (
    Claim,
    ClaimEmbedding,
    ClaimQuerySet,
    ClaimSpan,
    ClaimStatus,
)
from annotations.history.models import HistoryContext, track_history
from annotations.review.models import (
    JUDGED_STATES,
    Rating,
    Verdict,
    VerdictQuerySet,
    VerdictState,
    validate_sources,
    verdict_completeness_errors,
)
from annotations.workspaces.models import (
    Authored,
    Membership,
    Role,
    Workspace,
    WorkspaceQuerySet,
    WorkspaceScopedQuerySet,
    remember_roles,
    roles_by_workspace,
)
from factcheck.db import count_of

# Loaded with this app's models: its table is the app's (see factcheck.http.models).
from factcheck.http.models import IdempotencyKey

__all__ = [
    "JUDGED_STATES",
    "AnchorState",
    "AnnotationVersion",
    "Article",
    "ArticleQuerySet",
    "ArticleRevision",
    "Authored",
    "Claim",
    "ClaimEmbedding",
    "ClaimQuerySet",
    "ClaimSpan",
    "ClaimStatus",
    "HistoryContext",
    "IdempotencyKey",
    "Membership",
    "Rating",
    "Role",
    "Span",
    "SpanQuerySet",
    "Verdict",
    "VerdictQuerySet",
    "VerdictState",
    "Workspace",
    "WorkspaceQuerySet",
    "WorkspaceScopedQuerySet",
    "count_of",
    "language_validator",
    "remember_roles",
    "roles_by_workspace",
    "track_history",
    "validate_sources",
    "verdict_completeness_errors",
]
