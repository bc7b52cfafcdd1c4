from annotations.claims.api import views

routes = [("claims", views.ClaimViewSet, "claim")]
urlpatterns: list[object] = []
