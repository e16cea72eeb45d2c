"""Fetch a web page or feed over http(s): a deadline, a user agent, a size cap, one-line errors.

safe_http does the request (redirects, TLS, the checks against server-side request forgery
and misbehaving servers); proxies from the environment are not used, since the address a
proxy would reach cannot be checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from briefing import __version__

USER_AGENT = f"briefing/{__version__} (+https://example.invalid/briefing; news brief builder)"
# A news page is rarely over 2 MB of HTML; 5 MB leaves room for inline scripts and styles
# while a runaway or hostile response cannot fill memory.
MAX_BYTES = 5 * 1024 * 1024
# Seconds for a whole fetch: DNS, connection, headers, body and redirects together.
TIMEOUT = 20.0

from briefing.sources.safe_http import FetchError  # noqa: E402,F401 - raised there; callers import it from here


@dataclass(frozen=True)
class Page:
    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str
    data: bytes


def is_url(text: str) -> bool:
    try:
        return urlsplit(text.strip()).scheme.lower() in ("http", "https")
    except ValueError:  # 'http://[::1/x': a broken URL is still meant as one
        return text.strip().lower().startswith(("http:", "https:"))


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES, allow_private: bool = False,
          typed: bool = False) -> Page:
    """GET `url` (see safe_http for what is refused: private addresses reached through a link
    or a redirect, broken responses, short bodies); `timeout` is a deadline for the whole
    fetch. Raise FetchError with a one-line reason."""
    from briefing.sources import safe_http

    answer = safe_http.get(url, timeout, max_bytes, allow_private=allow_private, typed=typed)
    return Page(url=answer.url, final_url=answer.final_url, content_type=answer.content_type, data=answer.data)
