"""The trash as the content's state: what is trashed is gone from the public, a live post or
page with a 410 at its address; restored, it is back. (The admin's side: tests/editing.)"""

from http import HTTPStatus

import pytest

from tests.builders import make_page, make_post

pytestmark = pytest.mark.django_db


def test_a_trashed_draft_is_simply_not_found(client):
    draft = make_post(published_at=None)
    draft.move_to_trash()

    assert client.get(draft.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_a_trashed_live_post_or_page_answers_410_until_it_is_restored(client):
    post = make_post(slug="hyaluronic-fillers")
    page = make_page(slug="about-us")

    for item in (post, page):
        item.move_to_trash()
        assert client.get(item.get_absolute_url()).status_code == HTTPStatus.GONE
        item.restore_from_trash()
        assert client.get(item.get_absolute_url()).status_code == HTTPStatus.OK
