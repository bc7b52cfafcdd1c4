from django.urls import path

from annotations.search.api import views

routes: list[object] = []
urlpatterns = [path("search/", views.SearchView.as_view(), name="search")]
