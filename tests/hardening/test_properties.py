"""Property tests, tried as an attacker would: whatever is sent, the comment form, the search
page and the WordPress reader answer cleanly (never a 500, never a half-stored comment, never
an importer crash other than a clean error): 2,850 cases a run."""

import contextlib
import itertools
from http import HTTPStatus

import pytest
from django.core.management import CommandError
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from comments.models import Comment
from tests.builders import make_post
from tests.comments.builders import form_data
from tests.wordpress.helpers import run_import
from wordpress import reader
from wordpress.records import WXRError

pytestmark = pytest.mark.django_db


def examples(n: int):
    return hypothesis_settings(
        max_examples=n,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )


_ips = (f"10.77.{n // 256 % 256}.{n % 256}" for n in itertools.count(1))
ANSWERS = {
    HTTPStatus.SEE_OTHER, HTTPStatus.BAD_REQUEST, HTTPStatus.FORBIDDEN, HTTPStatus.CONFLICT,
    HTTPStatus.REQUEST_ENTITY_TOO_LARGE, HTTPStatus.TOO_MANY_REQUESTS,
}  # fmt: skip
hostile_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        ["' OR 1=1 --", '"><script>alert(1)</script>', "\x00", "../../etc/passwd", "%00",
         "a" * 6000, "ﷺ" * 50, "\ud7ff", "<a id=respond>", "${7*7}", "{{ 7|add:7 }}"]
    ),
)  # fmt: skip


@pytest.fixture
def post():
    return make_post(slug="target")


@examples(150)
@given(
    fields=st.fixed_dictionaries(
        {},
        optional={
            name: hostile_text
            for name in (
                "body",
                "author_name",
                "author_email",
                "author_url",
                "leave_empty",
                "parent",
                "token",
                "remember",
            )
        },
    ),
    forwarded=hostile_text,
)
def test_the_comment_form_never_fails_and_never_half_stores(
    client, post, settings, fields, forwarded
):
    settings.COMMENTS_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    data = form_data(post, **fields)
    before = Comment.objects.count()

    response = client.post(
        f"/comments/post/{post.pk}/",
        data,
        REMOTE_ADDR=next(_ips),
        HTTP_X_FORWARDED_FOR=forwarded.replace("\n", " ").replace("\r", " "),
    )

    assert response.status_code in ANSWERS
    stored = Comment.objects.count() - before
    assert stored == (1 if response.status_code == HTTPStatus.SEE_OTHER else 0)
    if stored:
        comment = Comment.objects.latest("pk")
        assert comment.post_id == post.pk and comment.body and comment.author_name


@examples(400)
@given(query=hostile_text, page=st.one_of(st.none(), hostile_text))
def test_search_never_fails_whatever_is_asked(client, post, query, page):
    params = {"q": query} if page is None else {"q": query, "page": page}

    response = client.get("/search/", params)

    assert response.status_code in {HTTPStatus.OK, HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND}


EXPORT_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
    b'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    b'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>T</title>'
)


def _item(title: str, slug: str, body: str, kind: str, date: str) -> bytes:
    def cdata(text: str) -> str:
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"

    return (
        f"<item><title>{cdata(title)}</title><wp:post_id>1</wp:post_id>"
        f"<content:encoded>{cdata(body)}</content:encoded><wp:post_name>{cdata(slug)}"
        f"</wp:post_name><wp:status>publish</wp:status><wp:post_date_gmt>{cdata(date)}"
        f"</wp:post_date_gmt><wp:post_type>{cdata(kind)}</wp:post_type></item>"
    ).encode("utf-8", "surrogatepass")


xml_text = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=80
)


@examples(2000)
@given(data=st.binary(max_size=400), cut=st.integers(0, 2000), junk=st.binary(max_size=40))
def test_the_wxr_reader_refuses_any_broken_file_cleanly(tmp_path_factory, data, cut, junk):
    whole = EXPORT_HEAD + _item("T", "s", "<p>b</p>", "post", "2024-01-01 00:00:00")
    sample = whole[:cut] + junk + data + b"</channel></rss>"
    path = tmp_path_factory.getbasetemp() / "fuzz.xml"
    path.write_bytes(sample)

    with contextlib.suppress(WXRError):  # a clean refusal; anything else fails the test
        scan = reader.scan(path)
        list(reader.parse(path, recover=scan.recovered))


@examples(300)
@given(
    title=xml_text,
    slug=st.one_of(xml_text, st.sampled_from(["..", "evil%2Fpath", "<script>", "%ff%fe", "."])),
    body=xml_text,
    kind=st.sampled_from(["post", "page", "attachment", "nav_menu_item", "", "post\n"]),
    date=st.one_of(st.just("2024-03-01 10:00:00"), xml_text),
)
def test_the_importer_takes_any_record_or_refuses_it_cleanly(
    tmp_path_factory, title, slug, body, kind, date
):
    path = tmp_path_factory.mktemp("wxr") / "x.xml"
    path.write_bytes(EXPORT_HEAD + _item(title, slug, body, kind, date) + b"</channel></rss>")

    with contextlib.suppress(CommandError):  # a clean refusal; anything else fails the test
        run_import(path)
