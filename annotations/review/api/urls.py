from django.urls import path

from annotations.review.api import views

routes = [
    ("verdicts", views.VerdictViewSet, "verdict"),
    ("ratings", views.RatingViewSet, "rating"),
]
urlpatterns = [
    path("stats/agreement/", views.AgreementView.as_view(), name="stats-agreement"),
]
