from django.urls import path

from annotations.interop.api import archive, claimreview, export, views

routes: list[object] = []
urlpatterns = [
    path("annotations/import/", views.AnnotationImportView.as_view(), name="annotations-import"),
    path("export/", export.ExportView.as_view(), name="export"),
    path(
        "claims/<uuid:pk>/claimreview/",
        claimreview.ClaimReviewView.as_view(),
        name="claim-claimreview",
    ),
    path("claimreviews/", claimreview.ClaimReviewFeedView.as_view(), name="claimreview-feed"),
    path(
        "claimreviews/import/",
        archive.ClaimReviewImportView.as_view(),
        name="claimreviews-import",
    ),
]
