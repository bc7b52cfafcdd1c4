from django.urls import path, re_path

from annotations.workspaces.api import views

routes = [("workspaces", views.WorkspaceViewSet, "workspace")]

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
    path("workspaces/<slug:workspace_slug>/members/", members, name="membership-list"),
    re_path(
        r"^workspaces/(?P<workspace_slug>[-a-zA-Z0-9_]+)/members/(?P<username>[\w.@+-]+)/$",
        member,
        name="membership-detail",
    ),
]
