"""List-Unsubscribe as a real SMTP server receives it: a plain `<URL>` that mail clients can
read, not an RFC 2047 encoded word folded over two lines."""

import re
import socket

import pytest
from aiosmtpd.controller import Controller

from comments.notifications import notify_reply
from tests.builders import make_post
from tests.comments.builders import make_comment

pytestmark = pytest.mark.django_db

BASE = "https://reviews.cosmediclist-example.org"


class Inbox:
    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):  # the name aiosmtpd calls
        self.messages.append(envelope.original_content or envelope.content)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_inbox(settings):
    inbox = Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 10},
        }
    }
    try:
        yield inbox
    finally:
        controller.stop()


def _header(raw: bytes, name: str) -> str:
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    found = re.search(rf"^{name}:([^\r]*(?:\r\n[ \t][^\r]*)*)", head, re.MULTILINE | re.IGNORECASE)
    assert found, head
    return found.group(1)


def test_list_unsubscribe_reaches_the_smtp_server_as_a_plain_url(smtp_inbox):
    post = make_post()
    parent = make_comment(post, author_email="asker@example.net", notify_replies=True)
    reply = make_comment(post, parent=parent, author_email="helper@example.net")

    assert notify_reply.call(reply.pk, BASE) == 1

    raw = smtp_inbox.messages[0]
    value = _header(raw, "List-Unsubscribe")
    assert "=?" not in value
    assert "\r\n" not in value  # one line: not folded
    assert re.fullmatch(rf" <{re.escape(BASE)}/comments/unsubscribe/[^>\s]+/>", value), value
    assert _header(raw, "List-Unsubscribe-Post") == " List-Unsubscribe=One-Click"
