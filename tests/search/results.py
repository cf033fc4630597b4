"""What a search shows, for the tests."""

from http import HTTPStatus


def result_titles(client, terms: str) -> list[str]:
    response = client.get("/search/", {"q": terms})
    assert response.status_code == HTTPStatus.OK
    return (
        [hit.post.title for hit in response.context["hits"]] if "hits" in response.context else []
    )
