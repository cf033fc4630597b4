"""A medical reviewer linked to their public profile, and the admin forms of the sign-off."""

import re

from django.test import Client

from tests.builders import make_reviewer
from tests.editorial.roles import change_url, role_client


def reviewer_client(name: str = "Dr Ada Stone", email: str = "ada.stone@example.com") -> Client:
    """A Medical reviewer's client whose account is linked to the public reviewer `name`."""
    client = role_client("Medical reviewer")
    client.user.email = email
    client.user.save()
    client.reviewer = make_reviewer(name=name, credentials="MBBS, MRCP (Derm)", user=client.user)
    return client


def digest_on_form(client: Client, post) -> str:
    """The text digest the change form's sign-off button carries."""
    page = client.get(change_url(post)).content.decode()
    return re.search(r'name="digest" value="([0-9a-f]{64})"', page).group(1)


def sign_off(client: Client, post, note: str = ""):
    digest = digest_on_form(client, post)
    return client.post(
        f"{change_url(post)[: -len('change/')]}sign-off/", {"digest": digest, "note": note}
    )


def signoff_url(post) -> str:
    return f"/admin/articles/post/{post.pk}/sign-off/"
