"""Signed-in clients for each editorial role, and the admin forms they post."""

from django.contrib.auth.models import Group, Permission
from django.test import Client

from articles.models import Post
from tests.builders import make_user

CHANGELIST = "/admin/articles/post/"


def role_client(role: str | None = None, *permissions: str) -> Client:
    """A staff user's client, in the group `role` and/or with the named extra permissions."""
    user = make_user(is_staff=True)
    if role:
        user.groups.add(Group.objects.get(name=role))
    for code in permissions:
        app_label, codename = code.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def change_url(post: Post) -> str:
    return f"{CHANGELIST}{post.pk}/change/"


def post_form(post: Post | None = None, **fields) -> dict:
    """The change form's fields as a browser would post them, with `fields` changed."""
    data = {
        "title": "A title",
        "slug": "a-title",
        "excerpt": "",
        "body": "<p>Text.</p>",
        "published_at_0": "",
        "published_at_1": "",
        "comments_open": "on",
        "featured_image_alt": "",
        "seo_title": "",
        "seo_description": "",
        "last_reviewed_on": "",
        "references-TOTAL_FORMS": "0",
        "references-INITIAL_FORMS": "0",
        "references-MIN_NUM_FORMS": "0",
        "references-MAX_NUM_FORMS": "1000",
    }
    if post is not None:
        data.update(title=post.title, slug=post.slug, excerpt=post.excerpt, body=post.body)
        data["author"] = post.author_id
        if post.published_at:
            data["published_at_0"] = f"{post.published_at:%Y-%m-%d}"
            data["published_at_1"] = f"{post.published_at:%H:%M:%S}"
    data.update(fields)
    return data


def action(client: Client, name: str, *posts: Post, url: str = CHANGELIST, **extra):
    data = {"action": name, "_selected_action": [post.pk for post in posts], "index": 0, **extra}
    return client.post(url, data)
