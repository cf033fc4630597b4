from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("post/<int:post_id>/", views.post_comment, name="post_comment"),
    path("post/<int:post_id>/token/", views.fresh_token, name="fresh_token"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
