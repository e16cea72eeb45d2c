"""The command line: parse options, call the library, turn its errors into one-line messages.

Nothing heavy is imported at module level, so `briefing --help` answers at once.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from . import __version__
from .errors import BriefingError, NoArticlesError, UsageError
from .summarize import ALGORITHMS, DEFAULT_ALGORITHM  # cheap: sumy itself is imported lazily
from .pdf import VARIANTS as PDF_VARIANTS  # cheap: WeasyPrint itself is imported lazily

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
                    "(optional YAML front matter) and .html files, or folders of them (read "
                    "recursively; hidden files skipped).",
        epilog=BUILD_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    build.add_argument("inputs", nargs="+", metavar="INPUT", help="article files and folders")
    build.add_argument("-o", "--output", default="output", metavar="DIR",
                       help="folder to write the brief into (default: output)")
    build.add_argument("--formats", default="md,html,pdf,json", metavar="LIST",
                       help="comma-separated formats to write: md,html,pdf,json (default: all four)")
    build.add_argument("--name", default="brief", metavar="STEM",
                       help="file name of the brief without extension (default: brief)")
    build.add_argument("--title", help="title of the brief (default: the headline of its lead source)")
    build.add_argument("--summarizer", default=None, choices=ALGORITHMS,
                       help="sumy algorithm that ranks each article's sentences (default: the profile's, "
                            f"else {DEFAULT_ALGORITHM})")
    build.add_argument("--banner", metavar="TEXT",
                       help="handling banner printed at the top and foot of every page, "
                            "e.g. 'UNCLASSIFIED // FOR PUBLIC RELEASE'")
    build.add_argument("--stamp", action="store_true",
                       help="print the build date in the brief (off by default, so builds are reproducible)")
    build.add_argument("--profile", metavar="FILE",
                       help="TOML profile: title, banner, sections and their cues, lengths, summarizer")
    build.add_argument("--templates", metavar="DIR",
                       help="folder of templates tried before the built-in ones (brief.html.j2, brief.md.j2); "
                            "extend a built-in one with {%% extends \"builtin/brief.html.j2\" %%}")
    build.add_argument("--stylesheet", metavar="FILE", help="CSS file applied after the built-in styles")
    build.add_argument("--pdf-variant", choices=PDF_VARIANTS, metavar="VARIANT",
                       help=f"PDF standard to follow: {', '.join(PDF_VARIANTS)} (pdf/ua-1: tagged, accessible)")
    build.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    build.set_defaults(run=_build)
    return parser


def _build(args: argparse.Namespace) -> int:
    from . import output, pipeline

    formats = output.parse_formats(args.formats)
    name = output.check_stem(args.name)
    out_dir = Path(args.output)
    templates, extra_css = _customisation(args)
    options = pipeline.Options(title=args.title, summarizer=args.summarizer or DEFAULT_ALGORITHM, exclude=out_dir,
                               banner=args.banner, stamp=args.stamp)
    if args.profile:
        from . import profile

        options = pipeline.options_with_profile(options, profile.load(Path(args.profile)))
        if args.summarizer:  # an option on the command line wins over the profile
            options = replace(options, summarizer=args.summarizer)
    result = pipeline.build(args.inputs, options)
    for problem in result.problems:
        _say(f"skipped {problem}")
    for warning in result.warnings:
        _say(f"warning: {warning}")
    inputs = {Path(s.path).resolve() for s in result.brief.sources if s.path}
    written = output.write_brief(result.brief, out_dir, formats, name, protected=inputs, templates=templates,
                                 extra_css=extra_css, pdf_variant=args.pdf_variant)
    if not args.quiet:
        claims = sum(len(s.claims) for s in result.brief.sections)
        n = len(result.brief.sources)
        _say(f"wrote {', '.join(str(p) for p in written)} ({n} source{'s' if n != 1 else ''}, {claims} claims)")
    return 0


def _customisation(args: argparse.Namespace) -> tuple[Path | None, str]:
    """The user's template folder and stylesheet, checked (and read) before anything is built."""
    from .errors import UsageError

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


def _say(message: str) -> None:
    print(f"briefing: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
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


if __name__ == "__main__":
    sys.exit(main())
