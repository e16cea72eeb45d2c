"""The feed-and-server corpus: a local server that misbehaves in every way the hostile probe
found (issue 11), on 127.0.0.1 only, in a thread, answering with raw bytes so that it can
break HTTP itself.

Each route is one misbehaviour; `CORPUS` says what each one does and what `ingest` must say
about it. Loops are bounded in count and time, and the server stops with its context.
"""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager

ARTICLE = [
    "The harbour board of Lenvik approved a new ferry line to the outer islands on Tuesday evening.",
    "The ferry will carry up to 300 passengers a day and run four crossings in the summer months.",
    "Shop owners on the islands said the line would bring more visitors during the long season.",
    "The board expects the first crossing to take place in the spring after the sea trials end.",
]
SECRET = "INTERNAL-ONLY-8d1e0c5a-not-for-feeds"


def article_page(title: str = "Lenvik approves ferry line", paragraphs: list[str] = ARTICLE) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>Copyright Lenvik Post.</footer></body></html>").encode()


def _head(status: str = "200 OK", headers: dict | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status}"] + [f"{k}: {v}" for k, v in (headers or {}).items()] + ["Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _ok(body: bytes, ctype: str = "text/html; charset=utf-8") -> bytes:
    return _head("200 OK", {"Content-Type": ctype, "Content-Length": len(body)}) + body


# What each route sends (bytes, or a callable(sock, server) for the ones that take time).
# "what" is the misbehaviour; "says" a phrase the one-line failure must hold.
CORPUS = {
    "/malformed-status": {"what": "a status line that is not HTTP", "says": "broken response",
                          "send": b"HTTQ/1.1 two hundred OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>"},
    "/bad-chunk-size": {"what": "a chunk size that is not hexadecimal", "says": "badly chunked",
                        "send": _head("200 OK", {"Content-Type": "text/html", "Transfer-Encoding": "chunked"})
                        + b"zz\r\n<p>hello</p>\r\n0\r\n\r\n"},
    "/truncated-chunked": {"what": "a chunked body cut off inside a chunk", "says": "cut short",
                           "send": _head("200 OK", {"Content-Type": "text/html", "Transfer-Encoding": "chunked"})
                           + b"1000\r\n<html><body><p>Only the start of the page</p>"},
    "/many-headers": {"what": "150 headers (http.client allows 100)", "says": "broken response",
                      "send": _head("200 OK", {"Content-Type": "text/html",
                                               **{f"X-Filler-{i}": "x" for i in range(150)}}) + b"<p>x</p>"},
    "/long-header": {"what": "a 70 KB header line", "says": "broken response",
                     "send": _head("200 OK", {"Content-Type": "text/html", "X-Huge": "h" * 70_000}) + b"<p>x</p>"},
    "/short-body": {"what": "Content-Length: 100000 and 300 bytes sent", "says": "sent 300 of the 100,000 bytes",
                    "send": _head("200 OK", {"Content-Type": "text/html", "Content-Length": 100_000})
                    + (b"<html><body><article><h1>Cut</h1><p>" + b"A truncated download. " * 20)[:300]},
    "/no-status": {"what": "the connection closed before any answer", "says": "broken response", "send": b""},
    "/binary-garbage": {"what": "random bytes instead of HTTP", "says": "broken response",
                        "send": bytes(range(256)) * 8},
}


def _drip(sock: socket.socket, server: "Server") -> None:
    """Headers, then one byte every 0.5 s: each read is quick, the whole never ends (bounded
    at 40 s, and stopped as soon as the client hangs up)."""
    sock.sendall(_head("200 OK", {"Content-Type": "text/html"}))
    for _ in range(80):
        if server.stopping.wait(0.5):
            return
        try:
            sock.sendall(b"x")
        except OSError:
            server.drip_ended.append(time.monotonic())
            return


class Server:
    """Raw-socket server on 127.0.0.1; `routes` maps a path to bytes or a callable."""

    def __init__(self):
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(32)
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.requests: list[str] = []
        self.drip_ended: list[float] = []
        self.stopping = threading.Event()
        self.routes: dict = {path: case["send"] for path, case in CORPUS.items()}
        self.routes["/drip"] = _drip
        self.routes["/secret"] = _ok(f"<html><body><article><p>{SECRET} is the admin password of the "
                                     f"internal service, not an article.</p></article></body></html>".encode())
        self.routes["/ok.html"] = _ok(article_page())
        self.routes["/a%20b.html"] = _ok(article_page("Island school gets a new roof", [
            "The island school at Ytterby will get a new roof before the winter storms arrive this year.",
            "The council set aside money for the work after pupils were moved twice because of leaks.",
            "Builders from the mainland will start on the roof as soon as the summer holidays begin.",
            "Parents said they were relieved that the children could stay in their own classrooms.",
        ]))

    def redirect(self, path: str, location: str) -> None:
        self.routes[path] = _head("302 Found", {"Location": location, "Content-Length": 0})

    def serve(self, path: str, body: bytes | str, ctype: str = "text/html; charset=utf-8") -> None:
        self.routes[path] = _ok(body.encode() if isinstance(body, str) else body, ctype)

    def _handle(self, sock: socket.socket) -> None:
        try:
            sock.settimeout(5)
            data = b""
            while b"\r\n\r\n" not in data and len(data) < 65536:
                chunk = sock.recv(4096)
                if not chunk:
                    return
                data += chunk
            path = data.split(b"\r\n", 1)[0].split(b" ")[1].decode("latin-1")
            self.requests.append(path)
            route = self.routes.get(path)
            if route is None:
                sock.sendall(_head("404 Not Found", {"Content-Length": 0}))
            elif callable(route):
                route(sock, self)
            else:
                sock.sendall(route)
        except (OSError, IndexError):
            pass
        finally:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def _accept(self) -> None:
        for sock in _connections(self.listener, self.stopping):
            sock.settimeout(None)
            threading.Thread(target=self._handle, args=(sock,), daemon=True).start()


def _connections(listener: socket.socket, stopping: threading.Event):
    """Each connection accepted until `stopping` is set or the listener is closed."""
    while not stopping.is_set():
        try:
            sock, _ = listener.accept()
        except (TimeoutError, socket.timeout):
            continue
        except OSError:
            return
        yield sock


class Listener:
    """A bare TCP listener on 127.0.0.1 that records whether anyone connected (a stand-in
    for an FTP server or any other service a redirect must not reach)."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stopping = threading.Event()

    def _accept(self) -> None:
        for conn in _connections(self.sock, self.stopping):
            self.connections += 1
            try:
                conn.sendall(b"220 test FTP stand-in\r\n")
            except OSError:
                pass
            conn.close()


@contextmanager
def running():
    """A misbehaving server and a bare listener, both on 127.0.0.1, stopped on exit."""
    server, listener = Server(), Listener()
    threads = [threading.Thread(target=server._accept, daemon=True),
               threading.Thread(target=listener._accept, daemon=True)]
    for t in threads:
        t.start()
    try:
        yield server, listener
    finally:
        server.stopping.set()
        listener.stopping.set()
        server.listener.close()
        listener.sock.close()
        for t in threads:
            t.join(timeout=2)
