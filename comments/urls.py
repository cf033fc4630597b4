from django.urls import path

from . import feeds, views

app_name = "comments"

urlpatterns = [
    path("post/<int:post_id>/", views.post_comment, name="post_comment"),
    path("post/<int:post_id>/token/", views.fresh_token, name="fresh_token"),
    path("feed/", feeds.SiteCommentsFeed(), name="feed"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
