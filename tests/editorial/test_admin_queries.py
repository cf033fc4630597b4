"""The admin's post change list and change form cost the same number of queries with few posts
or many, for an Editor and for a writer whose own posts come first."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders import make_category, make_post, make_reference, make_tag, make_user

from .roles import CHANGELIST, change_url, role_client

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _add_posts(count: int, author) -> None:
    for _ in range(count):
        post = make_post(author=author, categories=[make_category()], tags=[make_tag()])
        make_reference(post)


@pytest.mark.parametrize("role", ["Editor", "Author"])
def test_change_list_queries_do_not_grow_with_the_number_of_posts(role):
    client = role_client(role)
    _add_posts(2, client.user)
    _add_posts(2, make_user())
    client.get(CHANGELIST)  # caches filled once per process (content types)
    few = _queries(client, CHANGELIST)

    _add_posts(8, client.user)
    _add_posts(8, make_user())

    assert _queries(client, CHANGELIST) == few


@pytest.mark.parametrize("role", ["Editor", "Author"])
def test_change_form_queries_do_not_grow_with_the_posts_references_and_topics(role):
    client = role_client(role)
    small = make_post(author=client.user, categories=[make_category()], tags=[make_tag()])
    make_reference(small)
    large = make_post(
        author=client.user,
        categories=[make_category() for _ in range(6)],
        tags=[make_tag() for _ in range(6)],
    )
    for _ in range(6):
        make_reference(large)
    _add_posts(5, make_user())
    client.get(change_url(small))  # caches filled once per process (content types)

    assert _queries(client, change_url(large)) == _queries(client, change_url(small))
