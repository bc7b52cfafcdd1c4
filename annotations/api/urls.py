from django.urls import include, path, re_path
from rest_framework.routers import DefaultRouter

from annotations.api import views

router = DefaultRouter()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("spans", views.SpanViewSet, basename="span")
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("verdicts", views.VerdictViewSet, basename="verdict")
router.register("ratings", views.RatingViewSet, basename="rating")
router.register("workspaces", views.WorkspaceViewSet, basename="workspace")

members = views.MembershipViewSet.as_view(
    {"get": "list", "post": "create"}, basename="membership", detail=False
)
member = views.MembershipViewSet.as_view(
    {"get": "retrieve", "put": "update", "patch": "partial_update", "delete": "destroy"},
    basename="membership",
    detail=True,
)

urlpatterns = [
    path("auth/token/", views.AuthTokenView.as_view(), name="auth-token"),
    path("me/", views.MeView.as_view(), name="me"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("stats/agreement/", views.AgreementView.as_view(), name="stats-agreement"),
    path("annotations/import/", views.AnnotationImportView.as_view(), name="annotations-import"),
    path("workspaces/<slug:workspace_slug>/members/", members, name="membership-list"),
    re_path(
        r"^workspaces/(?P<workspace_slug>[-a-zA-Z0-9_]+)/members/(?P<username>[\w.@+-]+)/$",
        member,
        name="membership-detail",
    ),
    path("", include("annotations.api.export")),
    path("", include("annotations.api.claimreview")),
    *router.urls,
]
