"""One JSON line per request with an id that the response also carries; errors share the id."""

import json
import logging

import pytest

from ops.logs import JsonFormatter, RequestIdFilter

pytestmark = pytest.mark.django_db


def as_json(record: logging.LogRecord) -> dict:
    RequestIdFilter().filter(record)
    return json.loads(JsonFormatter().format(record))


def request_lines(caplog) -> list[dict]:
    return [as_json(r) for r in caplog.records if r.name == "cosmediclist.request"]


def test_each_request_gets_an_id_in_a_header_and_one_json_line(client, caplog):
    caplog.set_level(logging.INFO, logger="cosmediclist.request")

    first = client.get("/healthz?probe=1")
    second = client.get("/no-such-page/")

    ids = [first["X-Request-ID"], second["X-Request-ID"]]
    assert len(set(ids)) == 2 and all(len(i) == 32 for i in ids)
    lines = request_lines(caplog)
    assert [
        (line["request_id"], line["method"], line["path"], line["status"]) for line in lines
    ] == [
        (ids[0], "GET", "/healthz", 200),
        (ids[1], "GET", "/no-such-page/", 404),
    ]
    assert all(isinstance(line["duration_ms"], float) for line in lines)
    assert lines[0]["level"] == "INFO" and lines[0]["logger"] == "cosmediclist.request"


def test_a_safe_incoming_request_id_is_kept(client, caplog):
    caplog.set_level(logging.INFO, logger="cosmediclist.request")

    response = client.get("/healthz", headers={"X-Request-ID": "lb-7f3a.01:9"})

    assert response["X-Request-ID"] == "lb-7f3a.01:9"
    assert request_lines(caplog)[0]["request_id"] == "lb-7f3a.01:9"


@pytest.mark.parametrize(
    "given", ["", "has space", "new\nline", "<script>", "x" * 65, 'quote"d', "ünïcode"]
)
def test_an_unsafe_incoming_request_id_is_replaced(client, given):
    response = client.get("/healthz", headers={"X-Request-ID": given})

    assert response["X-Request-ID"] != given
    assert len(response["X-Request-ID"]) == 32


def test_an_error_is_logged_with_the_id_of_its_request(client, settings, caplog):
    settings.ROOT_URLCONF = "tests.ops.failing_urls"
    client.raise_request_exception = False
    caplog.set_level(logging.INFO)

    response = client.get("/broken/")

    assert response.status_code == 500
    errors = [as_json(r) for r in caplog.records if r.name == "django.request"]
    assert len(errors) == 1
    assert errors[0]["request_id"] == response["X-Request-ID"]
    assert errors[0]["level"] == "ERROR"
    assert "RuntimeError: a bug in a view" in errors[0]["error"]
    assert request_lines(caplog)[0]["status"] == 500


def test_records_outside_a_request_have_an_empty_id():
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, "hello %s", ("you",), None)

    line = as_json(record)

    assert line["message"] == "hello you"
    assert line["request_id"] == ""
