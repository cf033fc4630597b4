from django.urls import path

from . import views

app_name = "editing"

urlpatterns = [
    path("<str:model>/<int:pk>/autosave/", views.autosave, name="autosave"),
    path("<str:model>/<int:pk>/autosave/discard/", views.discard, name="discard"),
    path("<str:model>/<int:pk>/heartbeat/", views.heartbeat, name="heartbeat"),
]
