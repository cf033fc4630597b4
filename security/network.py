"""The visitor's IP address, shared by the comment rules and the login lock-out."""

from __future__ import annotations

import ipaddress
import logging

from django.conf import settings
from django.http import HttpRequest

logger = logging.getLogger(__name__)


def _address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    """The last hop of the header set by a proxy (COMMENTS_CLIENT_IP_HEADER), else REMOTE_ADDR.
    A header value that is not an IP address is ignored and logged: it would be stored as the
    address on SQLite and refused by PostgreSQL's inet column."""
    header = settings.COMMENTS_CLIENT_IP_HEADER
    raw = request.META.get(header, "") if header else ""
    if raw:
        if address := _address(raw.split(",")[-1]):
            return address
        logger.warning("Ignored %s: %r is not an IP address", header, raw[:100])
    return _address(request.META.get("REMOTE_ADDR", ""))


def client_ip_for_lockout(request: HttpRequest) -> str:
    """The address the login lock-out counts failures against ("" when none is known)."""
    return client_ip(request) or ""
