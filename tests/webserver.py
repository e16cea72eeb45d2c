"""A local web server for the ingest tests: pages and feeds on 127.0.0.1 only, in a thread."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def page(title: str, paragraphs: list[str], date: str = "2023-10-24") -> str:
    """An article page with the debris a real one has (menu, footer) around the article."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title}</title>"
            f'<meta property="article:published_time" content="{date}T09:00:00Z"></head>'
            f'<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
            f"<article><h1>{title}</h1>\n{body}\n</article>"
            f"<footer>Copyright Example News. All rights reserved.</footer></body></html>")


class Routes(dict):
    """path -> (status, content type, body) or a callable(handler) for special behaviour."""


@contextmanager
def serve(routes: Routes):
    """Serve `routes` on 127.0.0.1 at a free port; yield the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            self.server.requests.append(self.path)
            route = routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            if callable(route):
                route(self)
                return
            status, ctype, body = route
            data = body.encode("utf-8") if isinstance(body, str) else body
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server
    finally:
        server.shutdown()
        server.server_close()


def slow(seconds: float):
    def handler(h: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        try:
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.end_headers()
            h.wfile.write(b"<html><body><p>Too late.</p></body></html>")
        except OSError:
            pass  # the client gave up, as it should

    return handler


def huge(megabytes: int):
    """A page with no Content-Length that streams `megabytes` of HTML."""
    def handler(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        chunk = b"<p>" + b"All work and no play makes a very long page. " * 200 + b"</p>\n"
        try:
            h.wfile.write(b"<html><body>")
            for _ in range(megabytes * 1024 * 1024 // len(chunk) + 1):
                h.wfile.write(chunk)
        except OSError:
            pass  # the client stopped reading at its cap

    return handler
