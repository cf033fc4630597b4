import pytest

from wordpress.content import autop, convert_shortcodes, strip_block_comments, to_html


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello\nworld\n\nSecond", "<p>Hello<br />\nworld</p>\n<p>Second</p>\n"),
        ("One\n\n\n\nTwo", "<p>One</p>\n<p>Two</p>\n"),
        ("x<br><br>y", "<p>x</p>\n<p>y</p>\n"),
        ("a\r\nb", "<p>a<br />\nb</p>\n"),
        ("<div>one\ntwo</div>", "<div>one<br />\ntwo</div>\n"),
        (
            "Intro\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\nAfter",
            "<p>Intro</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>After</p>\n",
        ),
        ("<blockquote>q\n\nr</blockquote>", "<blockquote><p>q</p>\n<p>r</p></blockquote>\n"),
        ("Text\n<h2>Title</h2>\nMore", "<p>Text</p>\n<h2>Title</h2>\n<p>More</p>\n"),
        ("   \n\n  ", ""),
    ],
)
def test_autop_makes_paragraphs_and_line_breaks_as_wordpress_does(text, expected):
    assert autop(text) == expected


def test_autop_leaves_preformatted_text_alone():
    text = "Before\n<pre>line one\n\n  line two\n</pre>\nAfter"

    assert autop(text) == "<p>Before</p>\n<pre>line one\n\n  line two\n</pre>\n<p>After</p>\n"


def test_autop_keeps_newlines_inside_tags_as_they_are():
    text = 'See <a\nhref="/x">this</a>\nnow'

    assert autop(text) == '<p>See <a\nhref="/x">this</a><br />\nnow</p>\n'


def test_autop_without_line_breaks_only_makes_paragraphs():
    assert autop("a\nb\n\nc", line_breaks=False) == "<p>a\nb</p>\n<p>c</p>\n"


def test_block_comments_are_removed_and_their_html_kept():
    text = (
        '<!-- wp:paragraph {"align":"center"} -->\n<p>Kept</p>\n<!-- /wp:paragraph -->\n'
        "<!-- wp:separator /-->\n<!-- wp:core/quote --><blockquote>Q</blockquote>"
        "<!-- /wp:core/quote --><!-- an ordinary comment -->"
    )

    assert strip_block_comments(text) == (
        "\n<p>Kept</p>\n\n\n<blockquote>Q</blockquote><!-- an ordinary comment -->"
    )


def test_block_content_is_not_run_through_autop():
    html = to_html("<!-- wp:paragraph -->\n<p>One\nline</p>\n<!-- /wp:paragraph -->")

    assert html == "<p>One\nline</p>"


def test_caption_shortcode_becomes_a_figure_with_a_caption():
    text = (
        '[caption id="attachment_6" align="alignright" width="300"]'
        '<a href="/big.jpg"><img src="/small.jpg" alt="Pen" /></a> The pen[/caption]'
    )

    assert convert_shortcodes(text) == (
        '<figure class="wp-caption alignright"><a href="/big.jpg"><img src="/small.jpg" '
        'alt="Pen" /></a><figcaption>The pen</figcaption></figure>'
    )


def test_caption_shortcode_with_the_caption_in_an_attribute():
    text = '[caption caption="From the attribute"]<img src="/a.jpg" />[/caption]'

    assert convert_shortcodes(text) == (
        '<figure class="wp-caption"><img src="/a.jpg" />'
        "<figcaption>From the attribute</figcaption></figure>"
    )


def test_other_shortcodes_are_removed_with_their_text_kept():
    text = (
        '[gallery ids="1,2"] [embed]https://video.example/1[/embed] [note type="tip"]Drink '
        "water[/note] [audio /] [gallery] [row][col]nested[/col][/row]"
    )

    assert convert_shortcodes(text) == (" https://video.example/1 Drink water   nested")


def test_square_brackets_that_are_not_shortcodes_stay():
    text = "See [1], the nurse [sic] said; [[gallery]] is how to write a shortcode."

    assert convert_shortcodes(text) == (
        "See [1], the nurse [sic] said; [gallery] is how to write a shortcode."
    )


def test_a_shortcode_alone_in_its_paragraph_does_not_leave_an_empty_paragraph():
    html = to_html('Intro\n\n[gallery ids="3"]\n\n[caption]<img src="/a.jpg" /> Cap[/caption]')

    assert html == (
        '<p>Intro</p>\n<figure class="wp-caption"><img src="/a.jpg"><figcaption>Cap'
        "</figcaption></figure>"
    )


def test_conversion_keeps_backslashes_quotes_entities_and_unicode():
    text = (
        'Slashes aren\\\'t \\"cool\\" C:\\path &amp; &lt;tag&gt; '
        "\u202eRTL\u202c zero\u200bwidth \u200d emoji 🧴 combining e\u0301 ﷲ"
    )

    html = to_html(text)

    assert html == (
        '<p>Slashes aren\\\'t \\"cool\\" C:\\path &amp; &lt;tag&gt; '
        "\u202eRTL\u202c zero\u200bwidth \u200d emoji 🧴 combining e\u0301 ﷲ</p>"
    )


def test_conversion_sanitises_like_the_admin():
    html = to_html('<p onclick="x()">Hi<script>alert(1)</script></p><iframe src="//x"></iframe>')

    assert html == "<p>Hi</p>"
