"""Stage 9: print the brief's HTML to PDF with WeasyPrint (imported here and nowhere else).

The HTML carries its styles inline and links nothing, so the PDF needs no file or URL; the
fetcher refuses every request, so markup smuggled into an article can read nothing.
"""

from __future__ import annotations

from pathlib import Path

from .resources import styles_dir


def _refusing_fetcher():
    from weasyprint import URLFetcher

    class RefusingFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            raise ValueError(f"briefing fetches nothing while printing (refused {url[:80]})")

    return RefusingFetcher()


def to_pdf(html: str, title: str) -> bytes:
    """Render the brief's HTML to PDF bytes: A4, page numbers, DejaVu fonts."""
    import logging

    from weasyprint import CSS, HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = _refusing_fetcher()
    print_css = CSS(string=(styles_dir() / "print.css").read_text("utf-8"), url_fetcher=fetcher)
    document = HTML(string=html, url_fetcher=fetcher, base_url=str(Path.cwd() / "_no_base_")).render(
        stylesheets=[print_css])
    document.metadata.title = title
    return document.write_pdf()
