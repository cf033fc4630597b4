"""The people behind the articles: author pages, medical reviewer pages and the bylines that
lead to them."""

import datetime
import json
import re
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from articles.models import AuthorProfile, Reviewer
from tests.builders import image_bytes, make_post, make_reviewer, make_user

pytestmark = pytest.mark.django_db


def _json_ld(html: str, kind: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return next(b for b in map(json.loads, blocks) if b["@type"] == kind)


def test_an_imported_inactive_author_with_live_posts_has_a_page(client):
    author = make_user(username="wp-login", first_name="Theme", last_name="Buster", is_active=False)
    make_post(author=author, title="An imported article")
    slug = author.author_profile.public_slug

    response = client.get(f"/author/{slug}/")

    assert slug == "theme-buster"
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<h1" in html and "Theme Buster" in html and "An imported article" in html
    assert "wp-login" not in html
    assert author.email not in html


def test_an_author_without_live_posts_has_no_page(client):
    drafter = make_user(first_name="Drew", last_name="Drafts")
    make_post(author=drafter, published_at=None)
    make_post(author=drafter, published_at=timezone.now() + datetime.timedelta(days=2))
    trashed = make_post(author=drafter)
    trashed.trashed_at = timezone.now()
    trashed.save()
    nobody = make_user(first_name="No", last_name="Posts")

    assert client.get("/author/drew-drafts/").status_code == HTTPStatus.NOT_FOUND
    assert client.get(nobody.author_profile.get_absolute_url()).status_code == 404


def test_the_author_page_shows_photo_bio_and_job_title_and_says_so_in_json_ld(client):
    author = make_user(first_name="Ellis", last_name="Marlowe")
    profile = author.author_profile
    profile.bio = "Ellis writes plain-English guides."
    profile.job_title = "Health editor"
    profile.photo = SimpleUploadedFile("ellis.png", image_bytes(size=(1000, 1000)))
    profile.save()
    make_post(author=author)

    html = client.get("/author/ellis-marlowe/").content.decode()

    assert "Ellis writes plain-English guides." in html
    assert "Health editor" in html
    profile.refresh_from_db()
    widths = [width for width, _h, _name in profile.photo_renditions["sizes"]]
    assert widths == [480, 800]
    assert all(name.endswith(".webp") for _w, _h, name in profile.photo_renditions["sizes"])
    assert 'width="1000" height="1000"' in html
    assert f"{default_storage.url(profile.photo_renditions['sizes'][0][2])} 480w" in html
    person = _json_ld(html, "ProfilePage")["mainEntity"]
    assert person["@type"] == "Person"
    assert person["name"] == "Ellis Marlowe"
    assert person["url"] == "http://testserver/author/ellis-marlowe/"
    assert person["jobTitle"] == "Health editor"
    assert person["description"] == "Ellis writes plain-English guides."
    assert person["image"] == f"http://testserver{profile.photo.url}"


def test_without_a_job_title_the_role_comes_from_the_staff_group(client):
    author = make_user(first_name="Rowan", last_name="Edits", is_staff=True)
    author.groups.add(Group.objects.get(name="Author"), Group.objects.get(name="Editor"))
    make_post(author=author)

    html = client.get("/author/rowan-edits/").content.decode()

    assert '<p class="profile__role">Editor</p>' in html
    assert _json_ld(html, "ProfilePage")["mainEntity"]["jobTitle"] == "Editor"


def test_the_reviewer_page_lists_only_the_live_articles_they_reviewed(client, settings):
    settings.POSTS_PER_PAGE = 2
    reviewer = make_reviewer(
        name="Dr Amara Okafor",
        slug="dr-amara-okafor",
        credentials="MBBS, MRCP (Dermatology)",
        bio="A consultant dermatologist.",
        url="https://register.example.org/1234567",
    )
    reviewed = [make_post(reviewed_by=reviewer, title=f"Reviewed {n}") for n in range(3)]
    make_post(reviewed_by=reviewer, title="A reviewed draft", published_at=None)
    make_post(reviewed_by=make_reviewer(), title="Someone else's review")

    first = client.get("/reviewers/dr-amara-okafor/")
    second = client.get("/reviewers/dr-amara-okafor/page/2/")

    assert first.status_code == second.status_code == HTTPStatus.OK
    html = first.content.decode() + second.content.decode()
    assert "MBBS, MRCP (Dermatology)" in html and "A consultant dermatologist." in html
    assert 'href="https://register.example.org/1234567"' in html
    for post in reviewed:
        assert post.title in html
    assert "A reviewed draft" not in html and "Someone else&#x27;s review" not in html
    assert client.get("/reviewers/dr-amara-okafor/page/3/").status_code == 404
    assert client.get("/reviewers/nobody/").status_code == 404


def test_the_reviewer_page_carries_a_person_with_credentials_and_registration(client):
    reviewer = make_reviewer(
        name="Dr Tomasz Lindqvist",
        slug="dr-tomasz-lindqvist",
        credentials="MBChB, MSc (Aesthetic Medicine)",
        bio="An aesthetic physician.",
        url="https://register.example.org/7654321",
        photo=SimpleUploadedFile("t.jpg", image_bytes("JPEG", size=(900, 1200))),
    )
    make_post(reviewed_by=reviewer)

    html = client.get("/reviewers/dr-tomasz-lindqvist/").content.decode()
    person = _json_ld(html, "ProfilePage")["mainEntity"]

    assert person["name"] == "Dr Tomasz Lindqvist"
    assert person["url"] == "http://testserver/reviewers/dr-tomasz-lindqvist/"
    assert person["sameAs"] == ["https://register.example.org/7654321"]
    assert person["description"] == "An aesthetic physician."
    assert person["image"].startswith("http://testserver/media/people/")
    assert person["hasCredential"] == [
        {"@type": "EducationalOccupationalCredential", "name": "MBChB"},
        {"@type": "EducationalOccupationalCredential", "name": "MSc (Aesthetic Medicine)"},
    ]
    reviewer.refresh_from_db()
    assert [w for w, _h, _n in reviewer.photo_renditions["sizes"]] == [480, 800]
    assert 'width="900" height="1200"' in html


def test_the_reviewer_index_lists_every_reviewer_with_their_live_reviews(client):
    busy = make_reviewer(name="Dr Busy", slug="dr-busy")
    make_reviewer(name="Dr New", slug="dr-new")
    make_post(reviewed_by=busy)
    make_post(reviewed_by=busy, published_at=None)

    html = client.get("/reviewers/").content.decode()

    assert 'href="/reviewers/dr-busy/"' in html and "1 article reviewed" in html
    assert 'href="/reviewers/dr-new/"' in html and "0 articles reviewed" in html


def test_bylines_link_the_author_page_and_the_reviewer_page(client):
    author = make_user(first_name="Casey", last_name="Lee")
    reviewer = make_reviewer(name="Dr Ada Lane", slug="dr-ada-lane")
    post = make_post(author=author, reviewed_by=reviewer, slug="linked")

    page = client.get("/linked/").content.decode()
    home = client.get("/").content.decode()

    assert '<a href="/author/casey-lee/">Casey Lee</a>' in page
    assert '<a href="/reviewers/dr-ada-lane/"><strong>Dr Ada Lane</strong></a>' in page
    assert '<a href="/author/casey-lee/">Casey Lee</a>' in home
    article = _json_ld(page, "MedicalWebPage")
    assert article["author"]["url"] == "http://testserver/author/casey-lee/"
    assert article["reviewedBy"]["url"] == "http://testserver/reviewers/dr-ada-lane/"
    assert post.title in home


@pytest.mark.parametrize("bad", [">themereviewteam", "Théo", "UPPER", "a b", ""])
def test_an_unsafe_public_slug_is_made_again_from_the_display_name(bad):
    user = make_user(username="themereviewteam", first_name="Theme", last_name="Review")
    profile = user.author_profile
    profile.public_slug = bad
    profile.save()

    profile.refresh_from_db()
    assert profile.public_slug == "theme-review"


def test_a_public_slug_never_is_the_login_name():
    user = make_user(username="theme-review", first_name="Theme", last_name="Review")

    assert user.author_profile.public_slug == "theme-review-2"
    user.author_profile.public_slug = "theme-review"
    user.author_profile.save()
    user.author_profile.refresh_from_db()
    assert user.author_profile.public_slug == "theme-review-2"


def test_the_admin_refuses_an_unsafe_slug_and_accepts_a_photo(staff_client):
    user = make_user(first_name="Sam", last_name="Writer")
    url = f"/admin/articles/authorprofile/{user.author_profile.pk}/change/"
    form = {"user": user.pk, "display_name": "Sam Writer", "job_title": "", "bio": ""}

    refused = staff_client.post(url, {**form, "public_slug": ">sam"})
    uppercase = staff_client.post(url, {**form, "public_slug": "Sam"})
    not_an_image = staff_client.post(
        url,
        {**form, "public_slug": "sam", "photo": SimpleUploadedFile("x.png", b"<svg></svg>")},
    )
    accepted = staff_client.post(
        url,
        {
            **form,
            "public_slug": "sam",
            "photo": SimpleUploadedFile("me.png", image_bytes(size=(600, 600))),
        },
    )

    assert refused.status_code == uppercase.status_code == HTTPStatus.OK
    assert "Enter a valid “slug”" in refused.content.decode()
    assert "Use only lowercase letters" in uppercase.content.decode()
    assert "not an image" in not_an_image.content.decode()
    assert accepted.status_code == HTTPStatus.FOUND
    profile = AuthorProfile.objects.get(user=user)
    assert profile.public_slug == "sam"
    assert profile.photo_width == 600
    assert [w for w, _h, _n in profile.photo_renditions["sizes"]] == [480]


def test_the_admin_saves_a_reviewer_photo_with_renditions(staff_client):
    response = staff_client.post(
        "/admin/articles/reviewer/add/",
        {
            "name": "Dr Ada Lane",
            "slug": "dr-ada-lane",
            "credentials": "MBBS",
            "bio": "",
            "url": "",
            "photo": SimpleUploadedFile("ada.jpg", image_bytes("JPEG", size=(1400, 1000))),
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    reviewer = Reviewer.objects.get(slug="dr-ada-lane")
    assert [w for w, _h, _n in reviewer.photo_renditions["sizes"]] == [480, 800, 1200]


@pytest.mark.django_db(transaction=True)
def test_the_migration_repairs_unsafe_public_slugs():
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate([("articles", "0007_seo_plugin")])
    apps = (
        MigrationExecutor(connection).loader.project_state([("articles", "0007_seo_plugin")]).apps
    )
    User = apps.get_model("auth", "User")
    Profile = apps.get_model("articles", "AuthorProfile")
    broken = User.objects.create(username=">themereviewteam", first_name="Theme", last_name="Rev")
    fine = User.objects.create(username="ana", first_name="Ana", last_name="Lopez")
    Profile.objects.create(user=broken, public_slug=">themereviewteam")
    Profile.objects.create(user=fine, public_slug="ana-lopez")

    MigrationExecutor(connection).migrate(leaves)

    assert AuthorProfile.objects.get(user_id=broken.pk).public_slug == "theme-rev"
    assert AuthorProfile.objects.get(user_id=fine.pk).public_slug == "ana-lopez"
