"""Two editors on one post: presence notices, and a stale save refused with the text kept."""

from http import HTTPStatus

import pytest
import time_machine
from django.utils import timezone

from articles.models import Post
from tests.builders import make_post, make_user
from tests.editing.forms import change_form_data

pytestmark = pytest.mark.django_db


def editor(client, username: str, first: str, last: str):
    user = make_user(
        username=username, first_name=first, last_name=last, is_staff=True, is_superuser=True
    )
    c = type(client)()
    c.force_login(user)
    c.user = user
    return c


def test_a_stale_save_is_refused_with_a_link_to_compare_and_keeps_the_text(client):
    ana, ben = editor(client, "ana", "Ana", "Lopez"), editor(client, "ben", "Ben", "Okafor")
    post = make_post(body="<p>First text.</p>")
    url = f"/admin/articles/post/{post.pk}/change/"
    ana_form, ben_form = ana.get(url), ben.get(url)

    saved = ana.post(url, change_form_data(ana_form, body="<p>Ana's text.</p>"))
    assert saved.status_code == HTTPStatus.FOUND
    stale = ben.post(url, change_form_data(ben_form, body="<p>Ben's careful text.</p>"))

    assert stale.status_code == HTTPStatus.CONFLICT
    page = stale.content.decode()
    assert "Not saved: Ana Lopez saved a newer version of this post" in page
    assert f"/admin/articles/post/{post.pk}/history/compare/?version_id1=" in page
    assert "Ben&#x27;s careful text." in page or "Ben's careful text." in page
    assert Post.objects.get(pk=post.pk).body == "<p>Ana's text.</p>"

    again = ben.post(url, change_form_data(stale))  # saving again replaces, knowingly
    assert again.status_code == HTTPStatus.FOUND
    assert Post.objects.get(pk=post.pk).body == "<p>Ben's careful text.</p>"


def test_saving_twice_in_a_row_is_not_a_conflict(staff_client):
    post = make_post()
    url = f"/admin/articles/post/{post.pk}/change/"

    for body in ["<p>One.</p>", "<p>Two.</p>"]:
        response = staff_client.post(url, change_form_data(staff_client.get(url), body=body))
        assert response.status_code == HTTPStatus.FOUND

    assert Post.objects.get(pk=post.pk).body == "<p>Two.</p>"


def test_opening_a_post_someone_else_has_open_shows_who_and_since_when(client):
    ana, ben = editor(client, "ana", "Ana", "Lopez"), editor(client, "ben", "Ben", "Okafor")
    post = make_post()
    url = f"/admin/articles/post/{post.pk}/change/"
    opened = timezone.localtime(timezone.now()).replace(hour=10, minute=2)

    with time_machine.travel(opened, tick=False):
        alone = ana.get(url).content.decode()
    with time_machine.travel(opened.replace(minute=5), tick=False):
        together = ben.get(url).content.decode()
        beat = ana.post(f"/editing/post/{post.pk}/heartbeat/").json()
    with time_machine.travel(opened.replace(minute=30), tick=False):
        later = ben.get(url).content.decode()

    assert "is editing this post" not in alone
    assert "Ana Lopez is editing this post (since 10:02)" in together
    assert beat == {"editing": ["Ben Okafor is editing this post (since 10:05)"]}
    assert "is editing this post" not in later  # Ana's editor has been quiet too long


def test_heartbeats_are_for_staff_who_may_edit_the_post(client):
    post = make_post()
    url = f"/editing/post/{post.pk}/heartbeat/"
    viewer = make_user(username="viewer", is_staff=True)
    client.force_login(viewer)

    assert client.post(url).status_code == HTTPStatus.NOT_FOUND
    assert client.get(url).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    client.logout()
    assert client.post(url).status_code == HTTPStatus.FOUND  # to the login page
