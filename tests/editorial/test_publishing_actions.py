"""The change list's publishing actions, as a staff user with every permission."""

from http import HTTPStatus

import pytest

from tests.builders import make_post

pytestmark = pytest.mark.django_db


def test_publish_now_action_makes_a_draft_live(staff_client, client):
    draft = make_post(slug="fresh", published_at=None)

    response = staff_client.post(
        "/admin/articles/post/",
        {"action": "publish_now", "_selected_action": [draft.pk]},
        follow=True,
    )

    assert "Published 1 post(s)." in response.content.decode()
    assert client.get("/fresh/").status_code == HTTPStatus.OK


def test_unpublish_action_takes_a_post_off_the_site(staff_client, client):
    post = make_post(slug="gone")

    staff_client.post(
        "/admin/articles/post/", {"action": "unpublish", "_selected_action": [post.pk]}
    )

    post.refresh_from_db()
    assert post.published_at is None
    assert client.get("/gone/").status_code == HTTPStatus.NOT_FOUND
