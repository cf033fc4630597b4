"""Comment bodies: plain text with paragraphs, line breaks and web addresses as links."""

import re

import pytest

from comments.markup import linkify, render_body


def by_line(text: str) -> str:
    """The rule spelled out: paragraphs at blank lines, each line linkified on its own."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(
        "<p>" + "<br>".join(linkify(line) for line in p.strip().split("\n")) + "</p>"
        for p in paragraphs
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n \n  ",
        "One line with <b>tags</b> & 'quotes' \"too\".",
        "  padded line  ",
        "See https://example.com/a?b=1&c=2.\nNext line www.example.org\n\nNew paragraph.",
        "A link at the end of a line https://example.com/x_(y)),\nand one at the start:\nwww.a.b",
        "Trailing spaces   \n  indented second line\n\n\n\n   third paragraph  \n",
        "http://\nhttps://x.y\n javascript:alert(1) www.example.com/<script>",
        "Tabs\tkept\n\t\nnot a blank line? \u00a0\nunicode é ✓ https://exämple.de/ü",
    ],
)
def test_render_body_links_each_line_as_the_rule_says(text):
    assert render_body(text) == by_line(text)


def test_render_body_escapes_and_links():
    html = render_body("Hi <there>\nsee www.example.org.\n\nBye")
    assert html == (
        '<p>Hi &lt;there&gt;<br>see <a href="https://www.example.org" '
        'rel="nofollow ugc noopener">www.example.org</a>.</p><p>Bye</p>'
    )
