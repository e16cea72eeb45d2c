"""Stage 9: print the brief's HTML to PDF with WeasyPrint (imported here and nowhere else).

The HTML carries its styles inline and links nothing, so the PDF needs no file or URL; the
fetcher refuses every request, so markup smuggled into an article can read nothing.
"""

from __future__ import annotations

import os
import pickle
import signal
from contextlib import contextmanager
from pathlib import Path

from briefing.render.resources import styles_dir


def _refusing_fetcher():
    from weasyprint import URLFetcher

    class RefusingFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            raise ValueError(f"briefing fetches nothing while printing (refused {url[:80]})")

    return RefusingFetcher()


# PDF variants a user may ask for (WeasyPrint's names); pdf/ua-1 is the accessible, tagged one.
VARIANTS = ("pdf/ua-1", "pdf/a-3u", "pdf/a-2b")


def to_pdf(html: str, title: str, variant: str | None = None) -> bytes:
    """Render the brief's HTML to PDF bytes: A4, page numbers, DejaVu fonts; bookmarks come
    from the headings, author, subject and keywords from the HTML's <meta> elements."""
    import logging

    from weasyprint import CSS, HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = _refusing_fetcher()
    print_css = CSS(string=(styles_dir() / "print.css").read_text("utf-8"), url_fetcher=fetcher)
    document = HTML(string=html, url_fetcher=fetcher, base_url=str(Path.cwd() / "_no_base_")).render(
        stylesheets=[print_css])
    document.metadata.title = title
    with _fixed_font_timestamps():
        return document.write_pdf(pdf_variant=variant) if variant else document.write_pdf()


@contextmanager
def _fixed_font_timestamps():
    """fontTools stamps each embedded font subset with the current time unless
    SOURCE_DATE_EPOCH is set; pin it (unless the user did) so one brief gives one PDF."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)


# What the helper lays out while it waits: one short page in the brief's own fonts, so that
# Pango, fontconfig and the font files are loaded before the brief arrives.
_WARM_UP = "<h1>Brief</h1><p>Warm-up page: <strong>bold</strong> <em>italic</em> text.</p>"


class Printer:
    """Prints the brief's HTML to PDF, in a helper process started before the brief is built.

    Importing WeasyPrint and loading its fonts takes about half a second, as long as building
    a small brief. With `ahead`, and where the platform can fork, a helper process does both
    on another core while the caller reads and merges the articles, then prints the HTML it is
    sent; the output is the same bytes as printing here. Without `ahead`, or if the helper is
    gone, it prints in this process. Use it as a context manager: leaving the block ends the
    helper, whether or not it printed.
    """

    def __init__(self, variant: str | None = None, ahead: bool = False):
        self.variant = variant
        self._process = self._conn = self._job = None
        if ahead:
            import multiprocessing

            if "fork" in multiprocessing.get_all_start_methods():
                context = multiprocessing.get_context("fork")
                self._conn, theirs = context.Pipe()
                self._process = context.Process(target=_serve, args=(theirs, variant, self._conn), daemon=True,
                                                name="briefing-printer")
                self._process.start()
                theirs.close()

    def send(self, html: str, title: str) -> None:
        """Hand over the document; the helper starts printing it while the caller goes on."""
        self._job = (html, title)
        if self._conn is not None:
            try:
                self._conn.send(self._job)
            except OSError:  # the helper is gone: receive() prints here
                self.close()

    def receive(self) -> bytes:
        """The PDF of the document last sent."""
        if self._conn is not None:
            try:
                kind, value = self._conn.recv()
            except (EOFError, OSError):  # the helper is gone (killed, or out of memory): print here
                self.close()
            else:
                self.close()
                if kind == "error":
                    raise value
                return value
        return to_pdf(*self._job, self.variant)

    def print(self, html: str, title: str) -> bytes:
        self.send(html, title)
        return self.receive()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is not None:
            self._process.join(timeout=1)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join()
            self._process = None

    def __enter__(self) -> "Printer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _serve(conn, variant: str | None, callers_end=None) -> None:
    """The helper: warm up, print the one document it is sent, send back bytes or the error.

    It ends with its caller, however the caller ends (even `kill -9`): it closes its copy of
    the caller's end of the pipe, so its wait for the document ends when the caller's process
    does, and on Linux it asks the kernel to end it when its parent dies."""
    if callers_end is not None:
        callers_end.close()  # inherited through fork; kept open, recv() would wait forever
    _end_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the caller's to handle; it ends us
    try:
        to_pdf(_WARM_UP, "warm-up", variant)
    except Exception:  # noqa: BLE001 - the real document will meet the same error and report it
        pass
    try:
        html, title = conn.recv()
    except (EOFError, OSError):  # the caller built no brief
        return
    try:
        reply = ("pdf", to_pdf(html, title, variant))
    except BaseException as exc:  # noqa: BLE001 - sent back to be raised in the caller
        reply = ("error", _portable(exc))
    conn.send(reply)


def _end_with_parent() -> None:
    """PR_SET_PDEATHSIG: SIGTERM to this process when its parent dies (Linux; elsewhere the
    closed pipe alone ends the helper, once it is warmed up)."""
    parent = os.getppid()
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(0)


def _portable(exc: BaseException) -> BaseException:
    """The exception itself if it survives pickling, else a RuntimeError with its message."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{type(exc).__name__}: {exc}")
