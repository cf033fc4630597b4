"""The Jinja2 environment of the public pages prints what Django's template language printed:
the same escaping, the same filters, nothing for a missing value."""

import datetime

import pytest
from django.template import engines
from django.utils.safestring import mark_safe

VALUES = {
    "text": "<b>Bold</b> & \"quoted\" 'too'",
    "safe": mark_safe("<em>kept</em>"),
    "moment": datetime.datetime(2026, 7, 1, 23, 30, tzinfo=datetime.UTC),
    "day": datetime.date(2026, 3, 4),
    "items": ["a<b", "c&d"],
    "count": 2,
    "one": 1,
    "bio": "First line\nsecond <line>\n\nNew paragraph",
    "words": "one two three four five six",
    "query": "acne scars & more/less",
}


def render(jinja: str, django: str) -> tuple[str, str]:
    return (
        engines["jinja2"].from_string(jinja).render(VALUES),
        engines["django"].from_string(django).render(VALUES),
    )


@pytest.mark.parametrize(
    ("jinja", "django"),
    [
        ("{{ text }}", "{{ text }}"),
        ("{{ safe }}", "{{ safe }}"),
        ("{{ moment|date('c') }}", "{{ moment|date:'c' }}"),
        ("{{ moment|date('Y-m-d\\\\TH:i:sO') }}", "{{ moment|date:'Y-m-d\\TH:i:sO' }}"),
        ('{{ moment|date("j F Y") }}', '{{ moment|date:"j F Y" }}'),
        ("{{ moment|date }}", "{{ moment|date }}"),
        ("{{ day|date('Y-m-d') }}", "{{ day|date:'Y-m-d' }}"),
        ("{{ nothing|date('c') }}", "{{ nothing|date:'c' }}"),
        ('{{ items|join(", ") }}', '{{ items|join:", " }}'),
        ("{{ count|pluralize }} {{ one|pluralize }}", "{{ count|pluralize }} {{ one|pluralize }}"),
        ("{{ bio|linebreaks }}", "{{ bio|linebreaks }}"),
        ("{{ words|truncatewords(3) }}", "{{ words|truncatewords:3 }}"),
        ("{{ query|urlencode }}", "{{ query|urlencode }}"),
        ("[{{ missing }}{{ missing.deeper.still }}]", "[{{ missing }}{{ missing.deeper.still }}]"),
    ],
)
def test_jinja2_prints_what_the_django_template_printed(jinja, django):
    printed, expected = render(jinja, django)
    assert printed == expected


def test_escaping_uses_djangos_entities():
    printed, _ = render("{{ text }}", "")
    assert printed == "&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot; &#x27;too&#x27;"


def test_the_date_is_shown_in_the_sites_time_zone(settings):
    settings.TIME_ZONE = "Europe/London"
    printed, _ = render("{{ moment|date('c') }}", "")
    assert printed == "2026-07-02T00:30:00+01:00"


@pytest.mark.parametrize("zone", ["UTC", "Europe/London", "America/St_Johns", "Asia/Kolkata"])
def test_written_date_formats_print_what_dateformat_prints(settings, zone):
    from zoneinfo import ZoneInfo

    from django.utils import dateformat, timezone

    from cosmediclist.jinja2 import _DATE_FORMATS, date

    settings.TIME_ZONE = zone
    moments = [
        datetime.datetime(2026, 1, 5, 9, 7, 3, tzinfo=datetime.UTC),
        datetime.datetime(2026, 7, 31, 23, 59, 59, 123456, tzinfo=datetime.UTC),
        datetime.datetime(987, 12, 25, 0, 0, tzinfo=ZoneInfo("Pacific/Chatham")),
    ]
    with timezone.override(zone):
        for moment in moments:
            for pattern in _DATE_FORMATS:
                local = timezone.localtime(moment)
                assert date(moment, pattern) == dateformat.format(local, pattern)


def test_static_addresses_follow_the_settings_and_the_script_prefix(settings):
    from django.urls import set_script_prefix

    from cosmediclist.jinja2 import static_url

    settings.STATIC_URL = "/static/"
    assert static_url("css/site.css").startswith("/static/css/site")
    settings.STATIC_URL = "/assets/"
    assert static_url("css/site.css").startswith("/assets/css/site")
    settings.STATIC_URL = "assets/"
    try:
        set_script_prefix("/blog/")
        assert static_url("css/site.css").startswith("/blog/assets/css/site")
    finally:
        set_script_prefix("/")
