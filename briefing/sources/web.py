"""Fetch a web page or feed over http(s): a timeout, a user agent, a size cap, one-line errors.

The standard library's urllib does the job (redirects, TLS, proxies from the environment);
what it lacks is a size cap, which `fetch` enforces by reading in chunks.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from briefing import __version__
from briefing.errors import InputError

USER_AGENT = f"briefing/{__version__} (+https://example.invalid/briefing; news brief builder)"
# A news page is rarely over 2 MB of HTML; 5 MB leaves room for inline scripts and styles
# while a runaway or hostile response cannot fill memory.
MAX_BYTES = 5 * 1024 * 1024
# Seconds to wait for the server to answer and between chunks of the body.
TIMEOUT = 20.0
_CHUNK = 64 * 1024


class FetchError(InputError):
    """A URL could not be fetched; the message says why and what to try."""


@dataclass(frozen=True)
class Page:
    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str
    data: bytes


def is_url(text: str) -> bool:
    return urlsplit(text).scheme.lower() in ("http", "https")


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Page:
    """GET `url`; raise FetchError for a bad status, a timeout, a refused connection or a body
    larger than `max_bytes`."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept": "text/html, application/xhtml+xml, "
                                                             "application/rss+xml, application/atom+xml, "
                                                             "application/xml;q=0.9, */*;q=0.5"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"is too large ({int(length) // 1024} KiB, over the "
                                 f"{max_bytes // 1024} KiB cap); save the article's text and ingest the file")
            chunks, size = [], 0
            while True:
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"is too large (over the {max_bytes // 1024} KiB cap); "
                                     "save the article's text and ingest the file")
                chunks.append(chunk)
            return Page(url=url, final_url=response.geturl(),
                        content_type=response.headers.get_content_type(), data=b"".join(chunks))
    except urllib.error.HTTPError as exc:
        raise FetchError(f"answered HTTP {exc.code} {exc.reason}; check the address") from None
    except (TimeoutError, socket.timeout):
        raise FetchError(f"did not answer within {timeout:g} s; try again later") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise FetchError(f"did not answer within {timeout:g} s; try again later") from None
        raise FetchError(f"cannot be reached ({getattr(reason, 'strerror', None) or reason}); "
                         "check the address and the network") from None
    except (OSError, ValueError) as exc:  # connection reset mid-body, malformed URL, bad chunking
        raise FetchError(f"could not be fetched ({exc}); try again later") from None
