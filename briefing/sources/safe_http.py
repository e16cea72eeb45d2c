"""One HTTP(S) GET that a hostile server or a hostile link cannot turn against the user.

What it guards against, and how:
- Server-side request forgery. A link found inside a feed or a page, and every redirect, may
  reach only a public address over http(s): the host is resolved first, every address it
  resolves to is checked (loopback, private, link-local, multicast, reserved and unspecified
  addresses are refused, IPv4-mapped IPv6 included), and the connection goes to the checked
  address itself, so a second DNS answer cannot swap in another one. An address the user typed
  on the command line is exempt (the user chose it); what it redirects to is checked all the
  same. `allow_private` (the --allow-private-addresses flag) lifts the check.
- Misbehaving servers. A malformed status line, a bad or truncated chunked body, too many or
  too long headers, a body shorter than its Content-Length, a connection reset: each is a
  FetchError with one line, never an exception from http.client.
- Slow servers. `timeout` is a deadline for the whole fetch (DNS, connect, headers, body and
  redirects together): a watchdog shuts the socket when it passes, so a server that drips a
  byte at a time cannot hold the run.
- Large answers. The body is read in pieces and refused past `max_bytes`.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from briefing.errors import InputError

MAX_REDIRECTS = 5
# http.client refuses a header line over 64 KiB and more than 100 headers; those limits
# stand, and their errors become FetchErrors below.
_CHUNK = 64 * 1024
# Characters kept as they are when a URL is made safe to send: everything URL syntax uses,
# and '%' so that an already-escaped URL is not escaped twice.
_SAFE = "/:?#[]@!$&'()*+,;=%~-._"


class FetchError(InputError):
    """A URL could not be fetched; the message says why and what to try."""


@dataclass(frozen=True)
class Answer:
    url: str  # the URL as it was asked for (made safe to send)
    final_url: str  # after redirects
    content_type: str
    data: bytes


def clean_url(url: str, what: str = "address") -> str:
    """`url` made safe to send: spaces and other characters a real feed leaves unescaped are
    percent-encoded; a URL that is not http(s), has no host or has a bad port is refused."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port  # raises ValueError for 'h:abc' and for ports out of range
    except ValueError as exc:
        raise FetchError(f"is not a valid {what} ({exc}); check the link") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"is not an http(s) {what} ({parts.scheme or 'no scheme'}:); only web pages are fetched")
    if not parts.hostname:
        raise FetchError(f"has no host name; check the link")
    del port
    return urlunsplit((parts.scheme.lower(), parts.netloc, quote(parts.path, safe=_SAFE),
                       quote(parts.query, safe=_SAFE), ""))


def refused_address(address: str) -> str | None:
    """Why an IP address may not be reached from a link, or None when it is a public one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for flag, name in (("is_loopback", "a loopback"), ("is_link_local", "a link-local"),
                       ("is_private", "a private"), ("is_multicast", "a multicast"),
                       ("is_unspecified", "an unspecified"), ("is_reserved", "a reserved")):
        if getattr(ip, flag):
            return f"{name} address ({ip})"
    if not ip.is_global:
        return f"a non-public address ({ip})"
    return None


def _resolve(host: str, port: int, deadline: float) -> list[str]:
    """The host's addresses, within the deadline (getaddrinfo itself cannot be interrupted,
    so it runs in a thread that is left behind when it overruns)."""
    try:
        ipaddress.ip_address(host)
        return [host]
    except ValueError:
        pass
    found: dict = {}

    def look_up() -> None:
        try:
            found["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            found["error"] = exc

    worker = threading.Thread(target=look_up, daemon=True)
    worker.start()
    worker.join(max(0.0, deadline - time.monotonic()))
    if worker.is_alive():
        raise TimeoutError
    if "error" in found:
        exc = found["error"]
        raise FetchError(f"cannot be reached (the name {host} was not found: "
                         f"{getattr(exc, 'strerror', None) or exc}); check the address and the network")
    return list(dict.fromkeys(info[4][0] for info in found["infos"]))


def get(url: str, timeout: float, max_bytes: int, allow_private: bool = False, typed: bool = False) -> Answer:
    """GET `url`, following at most MAX_REDIRECTS redirects, all within `timeout` seconds.

    `typed`: the URL was given by the user, so its own address is not checked (its
    redirects are). Raise FetchError with a one-line reason for anything that goes wrong.
    """
    asked = clean_url(url)
    deadline = time.monotonic() + timeout
    current, exempt = asked, typed
    try:
        for _ in range(MAX_REDIRECTS + 1):
            status, reason, headers, data = _get_once(current, deadline, max_bytes, allow_private or exempt)
            location = headers.get("Location") if status in (301, 302, 303, 307, 308) else None
            if location is None:
                reason = reason[:100]
                if status >= 400:
                    raise FetchError(f"answered HTTP {status} {reason}; check the address")
                if status >= 300:
                    raise FetchError(f"answered HTTP {status} {reason} without saying where to; check the address")
                return Answer(asked, current, headers.get_content_type(), data)
            try:
                target = urljoin(current, location.strip())
            except ValueError:
                target = location
            try:
                current = clean_url(target, "redirect target")
            except FetchError as exc:
                raise FetchError(f"redirected to {target[:200]!r}, which {exc}") from None
            exempt = False
        raise FetchError(f"redirected more than {MAX_REDIRECTS} times; give the article's final address")
    except TimeoutError:
        raise FetchError(f"did not answer within {timeout:g} s (the deadline for the whole download); try again later") from None


def _get_once(url: str, deadline: float, max_bytes: int, may_be_private: bool):
    parts = urlsplit(url)
    https = parts.scheme == "https"
    port = parts.port or (443 if https else 80)
    addresses = _resolve(parts.hostname, port, deadline)
    if not may_be_private:
        for address in addresses:
            why = refused_address(address)
            if why:
                raise FetchError(f"leads to {why}, which a link in a feed or a redirect may not reach; "
                                 "pass --allow-private-addresses to allow it, or type the address itself")
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError
    if https:
        conn = http.client.HTTPSConnection(parts.hostname, port, timeout=remaining,
                                           context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(parts.hostname, port, timeout=remaining)

    opened: list[socket.socket] = []  # the raw socket: http.client drops its own reference early

    def connect(_address, timeout=None, source_address=None):
        problem = None
        for address in addresses:  # the checked addresses, never a fresh DNS answer
            try:
                sock = socket.create_connection((address, port), timeout, source_address)
                opened.append(sock)
                return sock
            except OSError as exc:
                problem = exc
        raise problem

    conn._create_connection = connect
    expired = threading.Event()

    def watchdog() -> None:
        expired.set()
        for sock in opened:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    timer = threading.Timer(remaining, watchdog)
    timer.daemon = True
    timer.start()
    from briefing.sources.web import USER_AGENT  # one user agent for every request

    path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
    try:
        try:
            conn.connect()
        except OSError as exc:
            if expired.is_set() or isinstance(exc, (TimeoutError, socket.timeout)):
                raise TimeoutError from None
            raise FetchError(f"cannot be reached ({_describe(exc)}); check the address and the network") from None
        opened[:] = [conn.sock]  # for https, the TLS socket that took over the raw one
        conn.request("GET", path, headers={
            "User-Agent": USER_AGENT, "Accept-Encoding": "identity",
            "Accept": "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
                      "application/xml;q=0.9, */*;q=0.5"})
        response = conn.getresponse()
        if response.status in (301, 302, 303, 307, 308) or response.status >= 400:
            return response.status, response.reason, response.headers, b""
        declared = response.headers.get("Content-Length")
        declared = int(declared) if declared and declared.strip().isdigit() else None
        if declared is not None and declared > max_bytes:
            raise FetchError(f"is too large ({declared // 1024} KiB, over the {max_bytes // 1024} KiB cap); "
                             "save the article's text and ingest the file")
        chunks, size = [], 0
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            for sock in opened:
                sock.settimeout(left)
            chunk = response.read1(_CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"is too large (over the {max_bytes // 1024} KiB cap); "
                                 "save the article's text and ingest the file")
            chunks.append(chunk)
        if expired.is_set():
            raise TimeoutError
        if declared is not None and size < declared:
            raise FetchError(f"sent {size:,} of the {declared:,} bytes it announced (the download was cut "
                             "short); nothing was stored, try again later")
        return response.status, response.reason, response.headers, b"".join(chunks)
    except FetchError:
        raise
    except (TimeoutError, socket.timeout):
        raise TimeoutError from None
    except http.client.IncompleteRead:
        if expired.is_set():
            raise TimeoutError from None
        raise FetchError("sent a body that was cut short or badly chunked; nothing was stored, "
                         "try again later") from None
    except (http.client.HTTPException, OSError, ValueError) as exc:
        if expired.is_set():
            raise TimeoutError from None
        raise FetchError(f"answered with a broken response ({_describe(exc)}); nothing was stored, "
                         "try again later") from None
    finally:
        timer.cancel()
        conn.close()


def _describe(exc: BaseException) -> str:
    """A short, one-line, printable account of a low-level error."""
    text = str(exc).splitlines()[0] if str(exc).strip() else ""
    text = "".join(c if c.isprintable() else "?" for c in text)[:120]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
