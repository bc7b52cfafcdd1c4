from annotations.articles.api import views

routes = [
    ("articles", views.ArticleViewSet, "article"),
    ("spans", views.SpanViewSet, "span"),
]
urlpatterns: list[object] = []
