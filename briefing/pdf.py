"""Stage 9: print the brief's HTML to PDF with WeasyPrint (imported here and nowhere else).

The HTML carries its styles inline and links nothing, so the PDF needs no file or URL; the
fetcher refuses every request, so markup smuggled into an article can read nothing.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from .resources import styles_dir


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
