"""The command line: parse options, call the library, turn its errors into one-line messages.

Nothing heavy is imported at module level, so `briefing --help` answers at once.
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import replace
from pathlib import Path

from briefing import __version__
from briefing.errors import BriefingError, NoArticlesError, UsageError
from briefing.render.write import FORMATS
from briefing.stages.summarize import ALGORITHMS, DEFAULT_ALGORITHM  # cheap: sumy itself is imported lazily
from briefing.render.pdf import VARIANTS as PDF_VARIANTS  # cheap: WeasyPrint itself is imported lazily

BUILD_EXAMPLE = """\
Example:
  briefing build examples/dprk-russia -o output/
  briefing build notes.md pages/ --formats md,json --name monday --title "Weekly brief"
  briefing build examples/dprk-russia --banner "UNCLASSIFIED // FOR PUBLIC RELEASE" --pdf-variant pdf/ua-1
  briefing build week/ --profile weekly.toml --templates my-templates/ --stylesheet house.css
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Turn a pile of news articles into a brief: key points, sections, "
                    "every sentence quoted from and cited to its sources.",
        epilog="Run 'briefing build --help' for the options of a build.")
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = commands.add_parser(
        "build", help="build a brief from article files and folders",
        description="Build a brief (Markdown, HTML, PDF and JSON) from articles: .txt, .md "
                    "(optional YAML front matter) and .html files, plain-text wire stories named "
                    "without a text extension (APW19981016.0240), or folders of them (read "
                    "recursively; hidden files skipped).",
        epilog=BUILD_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    build.add_argument("inputs", nargs="+", metavar="INPUT", help="article files and folders")
    build.add_argument("-o", "--output", default="output", metavar="DIR",
                       help="folder to write the brief into (default: output)")
    _add_output_options(build)
    build.add_argument("--title", help="title of the brief (default: the headline of its lead source)")
    build.add_argument("--summarizer", default=None, choices=ALGORITHMS,
                       help="sumy algorithm that ranks each article's sentences (default: the profile's, "
                            f"else {DEFAULT_ALGORITHM})")
    build.add_argument("--banner", metavar="TEXT",
                       help="handling banner printed at the top and foot of every page, "
                            "e.g. 'UNCLASSIFIED // FOR PUBLIC RELEASE'")
    build.add_argument("--stamp", action="store_true",
                       help="print the build date in the brief (off by default, so builds are reproducible)")
    build.add_argument("--appendix", action="store_true",
                       help="print each source's summary after the source list (off by default: the brief "
                            "stays a five-minute read; brief.json always has them)")
    build.add_argument("--stories", choices=("largest", "each", "all"), default="largest",
                       help="when the articles tell separate stories: brief the largest and name the others "
                            "(default), write one brief per story into DIR/story-N, or keep all in one brief")
    build.add_argument("--profile", metavar="FILE",
                       help="TOML profile: title, banner, sections and their cues, lengths, summarizer")
    build.add_argument("--templates", metavar="DIR",
                       help="folder of templates tried before the built-in ones (brief.html.j2, brief.md.j2); "
                            "extend a built-in one with {%% extends \"builtin/brief.html.j2\" %%}")
    build.add_argument("--stylesheet", metavar="FILE", help="CSS file applied after the built-in styles")
    build.add_argument("--pdf-variant", choices=PDF_VARIANTS, metavar="VARIANT",
                       help=f"PDF standard to follow: {', '.join(PDF_VARIANTS)} (pdf/ua-1: tagged, accessible)")
    build.add_argument("-j", "--jobs", type=_positive, metavar="N",
                       help="processes for summarizing articles (default: all cores)")
    build.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    build.set_defaults(run=_build)
    _add_archive_commands(commands)
    _add_summarize(commands)
    _add_eval(commands)
    return parser


def _build(args: argparse.Namespace) -> int:
    from briefing.render import write as output

    formats = output.parse_formats(args.formats)
    name = output.check_stem(args.name)
    out_dir = Path(args.output)
    templates, extra_css = _customisation(args)
    with _printer(formats, args) as printer:  # before the pipeline's imports, to overlap with them
        from briefing import pipeline

        options = pipeline.Options(title=args.title, summarizer=args.summarizer or DEFAULT_ALGORITHM,
                                   exclude=out_dir, banner=args.banner, stamp=args.stamp, appendix=args.appendix,
                                   stories=args.stories,
                                   jobs=args.jobs, progress=_show_progress(args))
        if args.profile:
            from briefing import profile

            options = pipeline.options_with_profile(options, profile.load(Path(args.profile)))
            if args.summarizer:  # an option on the command line wins over the profile
                options = replace(options, summarizer=args.summarizer)
        results = pipeline.build_stories(args.inputs, options) if args.stories == "each" \
            else [pipeline.build(args.inputs, options)]
        for n, result in enumerate(results, 1):
            for problem in result.problems:
                _say(f"skipped {problem}")
            for warning in result.warnings:
                _say(f"warning: {warning}")
            folder = out_dir / f"story-{n}" if len(results) > 1 else out_dir
            written = output.write_brief(result.brief, folder, formats, name, protected=result.input_files(),
                                         templates=templates, extra_css=extra_css, pdf_variant=args.pdf_variant,
                                         printer=printer)
            if not args.quiet:
                claims = len(result.brief.key_points) + sum(len(s.claims) for s in result.brief.sections)
                k = len(result.brief.sources)
                _say(f"wrote {', '.join(str(p) for p in written)} ({k} source{'s' if k != 1 else ''}, {claims} claims)")
    return 0


def _printer(formats: tuple[str, ...], args: argparse.Namespace):
    """The PDF printer, started now on a second process (unless --jobs 1) so that WeasyPrint
    is loaded while the brief is built; see pdf.Printer."""
    from briefing.render.pdf import Printer

    return Printer(getattr(args, "pdf_variant", None), ahead="pdf" in formats and args.jobs != 1)


def _customisation(args: argparse.Namespace) -> tuple[Path | None, str]:
    """The user's template folder and stylesheet, checked (and read) before anything is built."""
    from briefing.errors import UsageError

    templates = Path(args.templates) if args.templates else None
    if templates is not None and not templates.is_dir():
        raise UsageError(f"--templates {templates} is not a folder; give the folder that holds your brief.*.j2 files")
    css = ""
    if args.stylesheet:
        try:
            css = Path(args.stylesheet).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read --stylesheet {args.stylesheet} ({exc.__class__.__name__}); "
                             "give a readable UTF-8 .css file") from None
    return templates, css


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


def _add_archive_commands(commands) -> None:
    """`ingest`, `archive` and `weekly`: the article archive and the weekly brief."""
    db_help = "archive file (default: $BRIEFING_DB, else briefing.db)"
    ingest = commands.add_parser(
        "ingest", help="store articles from files, folders, web pages and feeds in the archive",
        description="Store articles in the archive: .txt/.md/.html files and folders (as 'build' reads "
                    "them), http(s) article pages, and RSS/Atom feeds (URLs or .rss/.atom/.xml files; "
                    "each entry's page is fetched, else the feed's own text is used). Each article is "
                    "stored once, however many URLs or feeds it comes through.",
        epilog=INGEST_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    ingest.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, page URLs, feed URLs or files")
    ingest.add_argument("--db", metavar="FILE", help=db_help)
    ingest.add_argument("--timeout", type=_positive_number, default=20.0, metavar="SECONDS",
                        help="how long to wait for a web server (default: 20)")
    ingest.add_argument("--max-size", type=_positive, default=5120, metavar="KIB",
                        help="largest page or feed to download, in KiB (default: 5120)")
    ingest.add_argument("-q", "--quiet", action="store_true", help="print failures only")
    ingest.set_defaults(run=_ingest)

    archive = commands.add_parser(
        "archive", help="list, show or remove archived articles",
        description="See and manage what the archive stores.",
        epilog=ARCHIVE_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    archive.add_argument("action", choices=("list", "show", "remove"))
    archive.add_argument("ids", nargs="*", type=int, metavar="ID", help="article ids (show, remove)")
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
    _add_output_options(weekly)
    weekly.add_argument("--title", help="title of the brief (default: 'Weekly brief YYYY-Www')")
    weekly.add_argument("--summarizer", default=DEFAULT_ALGORITHM, choices=ALGORITHMS,
                        help=f"sumy algorithm that ranks each article's sentences (default: {DEFAULT_ALGORITHM})")
    weekly.add_argument("--jobs", type=_positive, metavar="N",
                        help="processes that build stories at once (default: 1)")
    weekly.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    weekly.set_defaults(run=_weekly)


def _open_archive(args: argparse.Namespace, create: bool = False):
    from briefing.archive.store import Archive, default_path

    return Archive(Path(args.db) if args.db else default_path(), create=create)


def _ingest(args: argparse.Namespace) -> int:
    import functools

    from briefing.sources import web as fetch
    from briefing.archive.ingest import Intake

    counts = {"added": 0, "present": 0, "failed": 0}

    def report(r) -> None:
        counts[r.status] += 1
        if r.status == "failed" or not args.quiet:
            print(r, flush=True)  # flushed: a line printed is an article committed

    fetcher = functools.partial(fetch.fetch, timeout=args.timeout, max_bytes=args.max_size * 1024)
    with _open_archive(args, create=True) as archive:
        Intake(archive, report, fetcher).run(args.inputs)
        if not args.quiet:
            _say(f"{counts['added']} added, {counts['present']} already present, {counts['failed']} failed "
                 f"({archive.count()} articles in {archive.path})")
    return 1 if counts["failed"] else 0


def _archive(args: argparse.Namespace) -> int:
    from briefing.errors import UsageError
    from briefing.weekly.build import parse_week

    listed_week = parse_week(args.week) if args.week else None  # checked before the archive is opened
    with _open_archive(args) as archive:
        if args.action == "list":
            for aid, origin, week, day, title, where in archive.listing(listed_week):
                dup = f" (same origin as {origin})" if origin != aid else ""
                print(f"{aid:>6}  {week}  {day}  {title or 'Untitled'}{dup}  <{where}>")
            return 0
        if not args.ids:
            raise UsageError(f"'archive {args.action}' needs article ids; see them with 'briefing archive list'")
        missing = 0
        for aid in args.ids:
            if args.action == "remove":
                if archive.remove(aid):
                    _say(f"removed article {aid}")
                else:
                    missing += 1
                    _say(f"error: no article {aid} in {archive.path}; see 'briefing archive list'")
                continue
            stored = archive.get(aid)
            if stored is None:
                missing += 1
                _say(f"error: no article {aid} in {archive.path}; see 'briefing archive list'")
                continue
            s = stored.article.source
            for key, value in (("id", aid), ("title", s.title), ("author", s.author), ("publisher", s.publisher),
                               ("published", s.published), ("url", s.url), ("path", s.path),
                               ("from", stored.input), ("ingested", stored.ingested), ("week", stored.week),
                               ("origin", stored.origin_id), ("urls", " ".join(archive.urls(aid)))):
                if value:
                    print(f"{key}: {value}")
            print()
            print(stored.article.text)
        return 1 if missing else 0


def _weekly(args: argparse.Namespace) -> int:
    from briefing import pipeline
    from briefing.render import write as output
    from briefing.weekly import build as weekly
    from briefing.weekly import render as weekly_render

    formats = output.parse_formats(args.formats)
    name = output.check_stem(args.name)
    week = weekly.parse_week(args.week) if args.week else weekly.last_complete_week()
    with _open_archive(args) as archive, _printer(formats, args) as printer:
        brief = weekly.build(archive, week, pipeline.Options(title=args.title, summarizer=args.summarizer),
                             jobs=args.jobs)
        written = weekly_render.write(brief, Path(args.output), formats, name, printer)
        archive.save_brief(week, weekly.claim_records(brief))
    if not args.quiet:
        n = len(brief.sources)
        k = len(brief.stories)
        _say(f"wrote {', '.join(str(p) for p in written)} ({k} stor{'ies' if k != 1 else 'y'} from {n} "
             f"source{'s' if n != 1 else ''}{', marked against ' + brief.compared_with if brief.compared_with else ''})")
    return 0




SUMMARIZE_EXAMPLE = """\
Example:
  briefing summarize examples/dprk-russia --words 100
"""


def _add_summarize(commands) -> None:
    sub = commands.add_parser(
        "summarize", help="print a short multi-document summary (plain text)",
        description="Print the brief's most important claims, verbatim, one per line, most "
                    "important first, in at most N words: no citations, no labels.",
        epilog=SUMMARIZE_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub.add_argument("inputs", nargs="+", metavar="INPUT", help="article files and folders")
    sub.add_argument("--words", type=_positive, default=100, metavar="N",
                     help="at most this many words (default: 100)")
    sub.add_argument("-j", "--jobs", type=_positive, metavar="N",
                     help="processes for summarizing articles (default: all cores)")
    sub.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    sub.set_defaults(run=_summarize)


def _summarize(args: argparse.Namespace) -> int:
    from briefing import pipeline
    from briefing.summary import multidoc

    lines, problems = multidoc.summarize(args.inputs, args.words, pipeline.Options(
        keep_all=True, jobs=args.jobs, progress=_show_progress(args)))
    for problem in problems:
        _say(f"skipped {problem}")
    if not lines:
        _say(f"error: no sentence of the sources fits in {args.words} words; give a larger --words")
        return 1
    for line in lines:
        print(line)
    return 0


EVAL_EXAMPLE = """\
Example:
  briefing eval tests/data/clusters --words 100
  briefing eval my-set --json > scores.json
  briefing eval --judged --dump-unjudged unjudged.tsv

SET_DIR holds one folder per cluster: CLUSTER/docs/*.txt (articles) and
CLUSTER/refs/*.txt (human reference summaries).
"""


def _add_eval(commands) -> None:
    sub = commands.add_parser(
        "eval", help="score briefing and sumy against reference summaries (ROUGE)",
        description="ROUGE-1/ROUGE-2 recall of 'briefing summarize' and of sumy's LexRank, "
                    "TextRank, LSA, Luhn and SumBasic over each cluster's concatenated "
                    "articles, with seconds taken, measured in one run.",
        epilog=EVAL_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub.add_argument("set_dir", nargs="?", metavar="SET_DIR", help="folder of clusters (ROUGE)")
    sub.add_argument("--judged", nargs="?", const="tests/judged/multinews", metavar="JUDGED_DIR",
                     help="instead, measure 'build' briefs against hand judgements (default folder: "
                          "tests/judged/multinews); see briefing/summary/judged.py")
    sub.add_argument("--devset", default="../shared/devsets/multinews", metavar="DIR",
                     help="with --judged: the judged clusters' articles (default: ../shared/devsets/multinews)")
    sub.add_argument("--dump-unjudged", metavar="FILE",
                     help="with --judged: write the pairs, flags and actors not judged yet to FILE, as ids")
    sub.add_argument("--words", type=_positive, default=100, metavar="N",
                     help="word budget; every summary is truncated to it (default: 100)")
    sub.add_argument("--json", action="store_true", help="print the results as JSON")
    sub.set_defaults(run=_eval)


def _eval(args: argparse.Namespace) -> int:
    import json

    from briefing.summary import evaluate

    if args.judged is not None or args.set_dir is None:
        return _eval_judged(args)
    results = evaluate.evaluate(Path(args.set_dir), args.words)
    n = len(evaluate.load_set(Path(args.set_dir)))
    if args.json:
        print(json.dumps(evaluate.to_dict(results, n, args.words), indent=2))
    else:
        print(evaluate.table(results, n, args.words))
    return 0


def _eval_judged(args: argparse.Namespace) -> int:
    import json

    from briefing.summary import judged_report

    if (args.judged is None) == (args.set_dir is None):
        raise UsageError("eval needs either SET_DIR (ROUGE) or --judged [JUDGED_DIR]; see 'briefing eval --help'")
    if args.dump_unjudged:
        judged_report.check_dump(Path(args.dump_unjudged), Path(args.judged))
    result = judged_report.evaluate_judged(Path(args.judged), Path(args.devset))
    if args.dump_unjudged:
        n = judged_report.write_unjudged(result, Path(args.dump_unjudged))
        _say(f"wrote {n} unjudged pairs, flags and actors to {args.dump_unjudged}")
    print(json.dumps(judged_report.to_dict(result), indent=2) if args.json else judged_report.table(result))
    return 0


def _show_progress(args: argparse.Namespace) -> bool:
    """A progress bar only for a person watching: stderr is a terminal and not --quiet."""
    return not args.quiet and sys.stderr.isatty()


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    """--formats and --name, the same for every command that writes a brief."""
    formats = ",".join(FORMATS)
    parser.add_argument("--formats", default=formats, metavar="LIST",
                        help=f"comma-separated formats to write: {formats} (default: all four)")
    parser.add_argument("--name", default="brief", metavar="STEM",
                        help="file name of the brief without extension (default: brief)")


def _positive_number(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not math.isfinite(number) or number <= 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number")
    return number


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return number


def _say(message: str) -> None:
    print(f"briefing: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        status = args.run(args)
        sys.stdout.flush()  # a reader that went away shows here, inside the handlers below
        return status
    except NoArticlesError as exc:
        for problem in exc.problems:
            _say(f"skipped {problem}")
        _say(f"error: {exc}")
        return 1
    except BriefingError as exc:
        for problem in getattr(exc, "problems", None) or [None]:  # a profile: one line per problem
            _say(f"error: {exc.path}: {problem}" if problem else f"error: {exc}")
        return 2 if isinstance(exc, UsageError) else 1
    except KeyboardInterrupt:
        _say("interrupted; the previous brief, if any, is left as it was")
        return 130
    except BrokenPipeError:  # the reader went away (`briefing summarize ... | head`): stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit's flush
        return 141  # 128 + SIGPIPE, as a shell reports a command ended by a closed pipe
    except Exception as exc:  # sqlite3 only: a lock held too long, a full disk, a damaged archive
        if exc.__class__.__module__ != "sqlite3":
            raise
        _say(f"error: the archive could not be used ({exc}); try again, or check its disk and --db")
        return 1


if __name__ == "__main__":
    sys.exit(main())
