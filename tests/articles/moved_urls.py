"""The public site under /blog/: a URLconf for tests of addresses."""

from django.urls import include, path

urlpatterns = [path("blog/", include("articles.urls"))]
