from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from factcheck import health

urlpatterns = [
    path("api/v1/", include("annotations.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path(
        "api/redoc/",
        SpectacularRedocView.as_view(url_name="schema", template_name="docs/redoc.html"),
        name="redoc",
    ),
    # The reference annotator (clients/annotator), a page of the API's own origin.
    path("annotate/", TemplateView.as_view(template_name="annotate.html"), name="annotator"),
    path("api-auth/", include("rest_framework.urls")),
    path("admin/", admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]

handler400 = "factcheck.http.problems.bad_request"
handler403 = "factcheck.http.problems.permission_denied"
handler404 = "factcheck.http.problems.not_found"
handler500 = "factcheck.http.problems.server_error"
