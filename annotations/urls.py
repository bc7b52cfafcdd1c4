"""The API under /api/v1/: each domain's endpoints, and one router for the viewsets of all of
them (its root lists them)."""

from typing import Any

from rest_framework.routers import DefaultRouter

from annotations.articles.api import urls as articles
from annotations.claims.api import urls as claims
from annotations.interop.api import urls as interop
from annotations.review.api import urls as review
from annotations.search.api import urls as search
from annotations.workspaces.api import urls as workspaces

DOMAINS: list[Any] = [workspaces, articles, claims, review, search, interop]

router = DefaultRouter()
for domain in DOMAINS:
    for prefix, viewset, basename in domain.routes:
        router.register(prefix, viewset, basename=basename)

urlpatterns = [
    *(pattern for domain in DOMAINS for pattern in domain.urlpatterns),
    *router.urls,
]
