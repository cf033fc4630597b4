import pytest

from articles import extensions
from articles.markup import clean_html, plain_text, table_of_contents
from tests.builders import make_page, make_post, make_procedure

pytestmark = pytest.mark.django_db

HOSTILE = [
    ("<script>alert(1)</script><p>kept</p>", "<script"),
    ('<p onclick="steal()">kept</p>', "onclick"),
    ('<img src="x.png" alt="a" onerror="steal()">', "onerror"),
    ('<a href="javascript:alert(1)">kept</a>', "javascript:"),
    ('<a href="JaVaScRiPt:alert(1)">kept</a>', "avascript"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">kept</a>', "data:"),
    ('<iframe src="https://evil.example/"></iframe><p>kept</p>', "<iframe"),
    ("<style>body{display:none}</style><p>kept</p>", "<style"),
    ('<p style="position:fixed">kept</p>', "style="),
    ('<form action="/x"><input name="q"></form><p>kept</p>', "<form"),
    ("<svg><script>alert(1)</script></svg><p>kept</p>", "<svg"),
    ("<object data='x.swf'></object><p>kept</p>", "<object"),
]


@pytest.mark.parametrize(("html", "forbidden"), HOSTILE)
def test_saving_a_post_removes_dangerous_markup(html, forbidden):
    post = make_post(body=html)
    post.refresh_from_db()

    assert forbidden.lower() not in post.body.lower()
    if "kept" in html:
        assert "kept" in post.body


def test_allowed_formatting_survives_sanitising():
    html = (
        "<h2>Heading</h2><h3>Sub</h3><p><strong>b</strong> <em>i</em> "
        '<a href="https://example.org/x">link</a></p>'
        "<ul><li>one</li></ul><ol><li>two</li></ol>"
        '<figure class="image"><img src="/media/uploads/a.png" alt="A photo">'
        "<figcaption>Caption</figcaption></figure>"
        "<table><thead><tr><th>H</th></tr></thead><tbody><tr><td>D</td></tr></tbody></table>"
        "<blockquote><p>Quote</p></blockquote>"
    )
    cleaned = clean_html(html)

    for fragment in [
        "<h2",
        "<h3",
        "<strong>b</strong>",
        "<em>i</em>",
        'href="https://example.org/x"',
        "<ul><li>one</li></ul>",
        "<ol><li>two</li></ol>",
        'alt="A photo"',
        "<figcaption>Caption</figcaption>",
        "<th>H</th>",
        "<td>D</td>",
        "<blockquote>",
    ]:
        assert fragment in cleaned


def test_links_in_rich_text_get_a_safe_rel():
    assert 'rel="noopener noreferrer"' in clean_html('<a href="https://example.org">x</a>')


def test_pages_and_procedures_are_sanitised_on_save_too():
    page = make_page(body="<p>ok</p><script>bad()</script>")
    procedure = make_procedure(body='<p onmouseover="bad()">ok</p>')

    page.refresh_from_db()
    procedure.refresh_from_db()
    assert "script" not in page.body
    assert "onmouseover" not in procedure.body


def test_bodies_are_sanitised_on_save_even_with_no_other_app_plugged_in(monkeypatch):
    # The images app completes <img> tags after sanitising; sanitising never depends on it.
    monkeypatch.setattr(extensions, "body_steps", [])
    hostile = '<script>alert(1)</script><p>kept</p><img src="/media/a.png" onerror="x()">'
    bodies = [make(body=hostile).body for make in (make_post, make_page, make_procedure)]

    for body in bodies:
        assert "<script" not in body and "onerror" not in body and "<p>kept</p>" in body
        assert "loading=" not in body  # no image step ran


def test_headings_get_unique_ids_for_the_table_of_contents():
    html = clean_html("<h2>Aftercare</h2><h2>Aftercare</h2><h2>Content</h2><h3>Detail</h3>")

    assert table_of_contents(html) == [
        ("aftercare", "Aftercare"),
        ("aftercare-2", "Aftercare"),
        ("content-2", "Content"),
    ]


def test_heading_ids_are_reduced_to_plain_slugs():
    html = clean_html('<h2 id="x&quot; onclick=&quot;bad()">Title</h2><h2 id="A b">T</h2>')

    assert html == '<h2 id="x-onclickbad">Title</h2><h2 id="a-b">T</h2>'


def test_plain_text_drops_markup_and_scripts():
    assert plain_text("<p>Hello <b>there</b></p><script>x()</script>") == "Hello there"
