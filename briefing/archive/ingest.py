"""`briefing ingest`: files, folders, web pages and feeds into the archive, one report per article.

Every input goes through the same stages as `build` (ingest.read / ingest.read_html, then
clean), so an archived article is exactly what a brief of that file or page would quote.
A report is handed to `report` only after its article is committed: a run killed at any
point has stored everything it said it added, and the next run finds those as present.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.sources import clean
from briefing.sources import feeds
from briefing.sources import web as fetch
from briefing.sources import files as ingest
from briefing.sources.collect import collect
from briefing.sources.decode import decode
from briefing.sources.markup import plain_blocks, read_html_fragment
from briefing.archive.store import Archive
from briefing.errors import InputError
from briefing.options import Limits
from briefing.models import Article, RawArticle, Source, printable
from briefing.text.dates import iso_day, publication_day
from briefing.text.sanitize import strip_controls

NO_DATE = "undated: no date in its metadata, file name or text, so it is filed under the week it was ingested"


@dataclass(frozen=True)
class Report:
    input: str  # the file, URL or "feed -> entry" it is about
    status: str  # "added" | "present" | "failed"
    article_id: int | None = None
    detail: str = ""  # the title, why it was already present, or why it failed

    def __str__(self) -> str:  # one line each, whatever a file name or a feed put in them
        where, detail = printable(self.input), printable(self.detail)
        if self.status == "failed":
            return f"failed   {where}: {detail}"
        label = "added  " if self.status == "added" else "present"
        return f"{label}  {self.article_id:>6}  {where}{f'  ({detail})' if detail else ''}"


class Intake:
    def __init__(self, archive: Archive, report: Callable[[Report], None],
                 fetcher: Callable[[str], fetch.Page] = fetch.fetch, limits: Limits = Limits()):
        self.archive = archive
        self.limits = limits
        self.report = report
        self.fetch = fetcher

    def run(self, inputs: list[str]) -> None:
        files: list[str] = []
        for given in inputs:
            if fetch.is_url(given):
                self._url(given)
            elif Path(given).suffix.lower() in feeds.FEED_SUFFIXES and Path(given).is_file():
                self._feed_file(Path(given))
            else:
                files.append(given)
        if files:
            paths, problems = collect(files)
            for problem in problems:
                self.report(Report(problem.path, "failed", detail=problem.reason))
            for path in paths:
                self._file(path)

    # -- files -----------------------------------------------------------------------------

    def _file(self, path: Path) -> None:
        try:
            raw = ingest.read(path, "0", limits=self.limits)
        except InputError as exc:
            self.report(Report(str(path), "failed", detail=str(exc)))
            return
        except (RecursionError, MemoryError, ValueError, LookupError) as exc:  # a reader's own failure
            self.report(Report(str(path), "failed", detail=f"could not be read ({type(exc).__name__}); "
                                                           "the other inputs are stored"))
            return
        self._store(raw, str(path))

    def _feed_file(self, path: Path) -> None:
        try:
            data = ingest.read_bounded(path, self.limits)  # the size limit of any input
        except InputError as exc:
            self.report(Report(str(path), "failed", detail=str(exc)))
            return
        self._feed(data, str(path))

    # -- the web ---------------------------------------------------------------------------

    def _url(self, url: str) -> None:
        known = self.archive.known_url(url)
        if known is not None:
            self.report(Report(url, "present", known, "same URL"))
            return
        try:
            page = self.fetch(url, typed=True)  # typed by the user: its own address may be local
        except InputError as exc:
            self.report(Report(url, "failed", detail=str(exc)))
            return
        if feeds.looks_like_feed(page.data, page.content_type):
            self._feed(page.data, url)
            return
        try:
            raw = self._page(page)
        except InputError as exc:
            self.report(Report(url, "failed", detail=str(exc)))
            return
        self._store(raw, url, urls=[url, page.final_url])

    def _page(self, page: fetch.Page) -> RawArticle:
        if page.content_type not in ("text/html", "application/xhtml+xml", "text/plain", ""):
            raise InputError(f"is {page.content_type}, not a web page; give the article's page")
        if page.content_type == "text/plain":
            text = decode(page.data)
            raw = RawArticle(Source(id="0"), plain_blocks(text), title_from_first_line=True)
        else:
            raw = ingest.read_html(page.data, Source(id="0"), self.limits)
        # the page's own canonical URL is metadata; the address it was fetched from is where it came from
        return replace(raw, source=replace(raw.source, url=raw.source.url or page.final_url))

    def _feed(self, data: bytes, where: str) -> None:
        from briefing.sources.time_cap import capped

        try:
            with capped(self.limits, "to parse"):
                _, entries = feeds.parse(data)
        except InputError as exc:
            self.report(Report(where, "failed", detail=str(exc)))
            return
        if not entries:
            self.report(Report(where, "failed", detail="feed has no entries; check it later"))
        for entry in entries:
            try:
                self._entry(entry, where)
            except Exception as exc:  # noqa: BLE001 - one bad entry costs only itself, in every run
                if exc.__class__.__module__ == "sqlite3":
                    raise  # the archive itself failed: no later entry could be stored either
                label = f"{where} -> {entry.link or f'entry {entry.position}'}"
                self.report(Report(label, "failed", detail=f"could not be read ({type(exc).__name__}); "
                                                           "the other entries are stored"))

    def _entry(self, entry: feeds.Entry, feed: str) -> None:
        label = f"{feed} -> {entry.link or f'entry {entry.position}'}"
        if entry.link and not fetch.is_url(entry.link):
            entry = replace(entry, link=None)
        if entry.link:
            known = self.archive.known_url(entry.link)
            if known is not None:
                self.report(Report(label, "present", known, "same URL"))
                return
        raw, page_problem, urls = None, "", [entry.link] if entry.link else []
        if entry.link:
            try:
                page = self.fetch(entry.link, typed=False)  # a link from a feed: checked
                raw = self._page(page)
                urls.append(page.final_url)
            except InputError as exc:
                page_problem = f"page {exc}"
        if raw is None and entry.content:
            try:
                raw = ingest.read_html(entry.content.encode("utf-8"), Source(id="0", url=entry.link), self.limits)
            except InputError:
                raw = read_html_fragment(entry.content, Source(id="0", url=entry.link))
        if raw is None:
            why = page_problem or "has neither a link nor any text"
            self.report(Report(label, "failed", detail=f"{why}; the feed gives no text to fall back on"))
            return
        source = raw.source
        raw = replace(raw, source=replace(source, title=source.title or entry.title,
                                          author=source.author or entry.author,
                                          published=source.published or entry.published,
                                          url=source.url or entry.link))
        note = f"{page_problem}; used the feed's own text" if page_problem else ""
        self._store(raw, label, urls=urls, via=feed, note=note)

    # -- storing ---------------------------------------------------------------------------

    def _store(self, raw: RawArticle, label: str, urls: list[str] = (), via: str | None = None,
               note: str = "") -> None:
        try:
            article = clean.clean(raw)
        except InputError as exc:
            self.report(Report(label, "failed", detail=str(exc)))
            return
        raw_text = strip_controls("\n\n".join(b.text for b in raw.blocks))  # kept as read, less controls
        article, dated = _dated(article)
        note = "; ".join(x for x in (note, dated) if x)
        # a file name that is not UTF-8 (or holds an escape sequence) is stored as it is shown
        added = self.archive.add(article, raw_text, input=printable(label), urls=list(urls),
                                 via=printable(via) if via else None)
        detail = "; ".join(x for x in (added.note, note) if x) if added.status == "present" else \
            "; ".join(x for x in (article.source.title or "untitled", added.note, note) if x)
        self.report(Report(label, added.status, added.article_id, detail))


def _dated(article: Article) -> tuple[Article, str]:
    """The article with a publication day from its file name or text when its metadata gives
    none it can use, and a note saying where the day came from (or that there is none)."""
    source = article.source
    if iso_day(source.published):
        return article, ""
    day, where = publication_day(None, source.path, article.text)
    if day is None:
        return article, NO_DATE
    return replace(article, source=replace(source, published=day)), f"dated {day} from its {where}"
