"""`briefing ingest`, `archive` and `weekly`: the article archive and the weekly brief."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from briefing.cli.common import (add_brief_options, customisation, options_from, positive, printer, say,
                                 seconds)

INGEST_EXAMPLE = """\
Example:
  briefing ingest articles/ notes.md --db news.db
  briefing ingest https://example.org/news/story.html https://example.org/feed.xml
  BRIEFING_DB=news.db briefing ingest saved-feed.rss

Prints one line per article: added / present (already stored) / failed, with the reason.
Exit status 0 when nothing failed, 1 when some input failed (the rest are stored).
"""
ARCHIVE_EXAMPLE = """\
Example:
  briefing archive list --week 2023-W43
  briefing archive show 12
  briefing archive remove 12 15
"""
WEEKLY_EXAMPLE = """\
Example:
  briefing weekly --week 2023-W43 --db news.db -o output/
  briefing weekly --formats md,pdf          # the last complete week
"""


def add(commands) -> None:
    """`ingest`, `archive` and `weekly`: the article archive and the weekly brief."""
    db_help = "archive file (default: $BRIEFING_DB, else briefing.db)"
    ingest = commands.add_parser(
        "ingest", help="store articles from files, folders, web pages and feeds in the archive",
        description="Store articles in the archive: .txt/.md/.html/.pdf/.docx files and folders (as 'build' reads "
                    "them), http(s) article pages, and RSS/Atom feeds (URLs or .rss/.atom/.xml files; "
                    "each entry's page is fetched, else the feed's own text is used). Each article is "
                    "stored once, however many URLs or feeds it comes through.",
        epilog=INGEST_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    ingest.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, page URLs, feed URLs or files")
    ingest.add_argument("--db", metavar="FILE", help=db_help)
    ingest.add_argument("--timeout", type=seconds, default=20.0, metavar="SECONDS",
                        help="deadline for each whole download, redirects included (default: 20; "
                             "more than 3600 is taken as 3600)")
    ingest.add_argument("--allow-private-addresses", action="store_true",
                        help="let links inside feeds, and redirects, reach loopback, private and link-local "
                             "addresses (refused by default; an address typed here is always allowed)")
    ingest.add_argument("--max-size", type=positive, default=5120, metavar="KIB",
                        help="largest page or feed to download, in KiB (default: 5120)")
    ingest.add_argument("-q", "--quiet", action="store_true", help="print failures only")
    ingest.set_defaults(run=_ingest)

    archive = commands.add_parser(
        "archive", help="list, show or remove archived articles",
        description="See and manage what the archive stores.",
        epilog=ARCHIVE_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    archive.add_argument("action", choices=("list", "show", "remove"))
    archive.add_argument("ids", nargs="*", type=positive, metavar="ID", help="article ids (show, remove)")
    archive.add_argument("--week", metavar="YYYY-Www", help="list only the articles of this ISO week")
    archive.add_argument("--db", metavar="FILE", help=db_help)
    archive.set_defaults(run=_archive)

    weekly = commands.add_parser(
        "weekly", help="build the weekly brief from the archive",
        description="Build the brief of one ISO week from the archive: the week's articles (by "
                    "publication date, else ingest date) clustered into stories, each with its key "
                    "points and sections, claims marked new / updated / continuing against the "
                    "previous brief. Writes DIR/YYYY-Www/NAME.{md,html,pdf,json}.",
        epilog=WEEKLY_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    weekly.add_argument("--week", metavar="YYYY-Www", help="ISO week, e.g. 2023-W43 (default: last complete week)")
    weekly.add_argument("--db", metavar="FILE", help=db_help)
    weekly.add_argument("-o", "--output", default="output", metavar="DIR",
                        help="folder to write the week's folder into (default: output)")
    add_brief_options(weekly, "'Weekly brief YYYY-Www'")
    weekly.add_argument("--full-stories", action="store_true",
                        help="append every story's full brief (all claims, by section) to the short one")
    weekly.set_defaults(run=_weekly)


def _open_archive(args: argparse.Namespace, create: bool = False, readonly: bool = False):
    from briefing.archive.database import default_path
    from briefing.archive.store import Archive

    return Archive(Path(args.db) if args.db else default_path(), create=create, readonly=readonly)


def _ingest(args: argparse.Namespace) -> int:
    import functools

    from briefing.sources import web as fetch
    from briefing.archive.ingest import Intake

    counts = {"added": 0, "present": 0, "failed": 0}

    def report(r) -> None:
        counts[r.status] += 1
        if r.status == "failed" or not args.quiet:
            print(r, flush=True)  # flushed: a line printed is an article committed

    fetcher = functools.partial(fetch.fetch, timeout=args.timeout, max_bytes=args.max_size * 1024,
                                allow_private=args.allow_private_addresses)
    with _open_archive(args, create=True) as archive:
        Intake(archive, report, fetcher).run(args.inputs)
        if not args.quiet:
            say(f"{counts['added']} added, {counts['present']} already present, {counts['failed']} failed "
                 f"({archive.count()} articles in {archive.path})")
    return 1 if counts["failed"] else 0


def _archive(args: argparse.Namespace) -> int:
    from briefing.errors import UsageError
    from briefing.models import printable
    from briefing.text.sanitize import strip_controls
    from briefing.text.dates import parse_week

    listed_week = parse_week(args.week) if args.week else None  # checked before the archive is opened
    with _open_archive(args, readonly=args.action in ("list", "show")) as archive:
        if args.action == "list":
            for aid, origin, week, day, title, where in archive.listing(listed_week):
                dup = f" (same origin as {origin})" if origin != aid else ""
                print(printable(f"{aid:>6}  {week}  {day}  {title or 'Untitled'}{dup}  <{where}>"))
            return 0
        if not args.ids:
            raise UsageError(f"'archive {args.action}' needs article ids; see them with 'briefing archive list'")
        missing = 0
        for aid in args.ids:
            if args.action == "remove":
                if archive.remove(aid):
                    say(f"removed article {aid}")
                else:
                    missing += 1
                    say(f"error: no article {aid} in {archive.path}; see 'briefing archive list'")
                continue
            stored = archive.get(aid)
            if stored is None:
                missing += 1
                say(f"error: no article {aid} in {archive.path}; see 'briefing archive list'")
                continue
            s = stored.article.source
            for key, value in (("id", aid), ("title", s.title), ("author", s.author), ("publisher", s.publisher),
                               ("published", s.published), ("url", s.url), ("path", s.path),
                               ("from", stored.input), ("ingested", stored.ingested), ("week", stored.week),
                               ("origin", stored.origin_id), ("urls", " ".join(archive.urls(aid)))):
                if value:
                    print(printable(f"{key}: {value}"))
            print()
            print(strip_controls(stored.article.text))
        return 1 if missing else 0


def _weekly(args: argparse.Namespace) -> int:
    from briefing import api
    from briefing.render import write
    from briefing.text.dates import last_complete_week, parse_week
    from briefing.weekly.layout import Layout

    formats = write.parse_formats(args.formats)
    name = write.check_stem(args.name)
    week = parse_week(args.week) if args.week else last_complete_week()
    templates, extra_css = customisation(args)
    options = options_from(args)
    layout = Layout(full_stories=args.full_stories, templates=templates, extra_css=extra_css,
                    pdf_variant=args.pdf_variant, banner=options.banner,
                    built=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if options.stamp else None)
    with _open_archive(args) as archive, printer(formats, args) as pdf_printer:
        brief = api.weekly_brief(archive, week, options)  # recorded for next week's "what's new"
        written = api.write_weekly(brief, Path(args.output), formats, name, layout, printer=pdf_printer)
    if not args.quiet:
        n = len(brief.sources)
        k = len(brief.stories)
        say(f"wrote {', '.join(str(p) for p in written)} ({k} stor{'ies' if k != 1 else 'y'} from {n} "
            f"source{'s' if n != 1 else ''}{', marked against ' + brief.compared_with if brief.compared_with else ', first brief'})")
    return 0
