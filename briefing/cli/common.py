"""What every command shares: option types, the options that shape a brief (one definition,
so `build` and `weekly` take the same ones), and turning them into `Options` once."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from briefing.errors import UsageError
from briefing.render.pdf import VARIANTS as PDF_VARIANTS  # cheap: WeasyPrint itself is imported lazily
from briefing.render.write import DEFAULT_FORMATS, FORMATS
from briefing.stages.summarize import ALGORITHMS, DEFAULT_ALGORITHM  # cheap: sumy itself is imported lazily


def positive_number(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not math.isfinite(number) or number <= 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number")
    return number


# Longer than any real download; far below what a timer or a socket can hold (1e308 cannot).
MAX_SECONDS = 3600.0


def seconds(value: str) -> float:
    """A positive number of seconds; anything over MAX_SECONDS (1e308 too) is MAX_SECONDS."""
    return min(positive_number(value), MAX_SECONDS)


def positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return number


def say(message: str) -> None:
    print(f"briefing: {message}", file=sys.stderr)


def show_progress(args: argparse.Namespace) -> bool:
    """A progress bar only for a person watching: stderr is a terminal and not --quiet."""
    return not args.quiet and sys.stderr.isatty()


def add_output_options(parser: argparse.ArgumentParser) -> None:
    """--formats and --name, the same for every command that writes a brief."""
    parser.add_argument("--formats", default=",".join(DEFAULT_FORMATS), metavar="LIST",
                        help=f"comma-separated formats to write: {','.join(FORMATS)} "
                             f"(default: {','.join(DEFAULT_FORMATS)}; docx is a Word file)")
    parser.add_argument("--name", default="brief", metavar="STEM",
                        help="file name of the brief without extension (default: brief)")


def add_summarizer_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--summarizer", default=None, choices=ALGORITHMS,
                        help="sumy algorithm that ranks each article's sentences (default: the profile's, "
                             f"else {DEFAULT_ALGORITHM})")


def add_jobs_option(parser: argparse.ArgumentParser) -> None:
    """--jobs, one meaning for every command that takes it (build, summarize, weekly, eval):
    how many worker processes share the work (briefing/parallel.py)."""
    parser.add_argument("-j", "--jobs", type=positive, metavar="N",
                        help="worker processes (default: the machine's cores); never more than the cores, "
                             "and the output is the same whatever the number")


def add_brief_options(parser: argparse.ArgumentParser, title_default: str) -> None:
    """The options that shape a brief, for every command that makes one (build, weekly)."""
    add_output_options(parser)
    parser.add_argument("--title", help=f"title of the brief (default: {title_default})")
    add_summarizer_option(parser)
    parser.add_argument("--banner", metavar="TEXT",
                        help="handling banner printed at the top and foot of every page, "
                             "e.g. 'UNCLASSIFIED // FOR PUBLIC RELEASE'")
    parser.add_argument("--stamp", action="store_true",
                        help="print the build date in the brief (off by default, so builds are reproducible)")
    parser.add_argument("--profile", metavar="FILE",
                        help="TOML profile: title, banner, sections and their cues, lengths, summarizer")
    parser.add_argument("--templates", metavar="DIR",
                        help="folder of templates tried before the built-in ones (brief.html.j2, brief.md.j2); "
                             "extend a built-in one with {%% extends \"builtin/brief.html.j2\" %%}")
    parser.add_argument("--stylesheet", metavar="FILE", help="CSS file applied after the built-in styles")
    parser.add_argument("--pdf-variant", choices=PDF_VARIANTS, metavar="VARIANT",
                        help=f"PDF standard to follow: {', '.join(PDF_VARIANTS)} (pdf/ua-1: tagged, accessible)")
    add_jobs_option(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")


def options_from(args: argparse.Namespace, **fixed):
    """The build options for these arguments: the one call from the command line into
    `options.make_options`, where arguments, profile and environment meet."""
    from briefing.options import make_options

    given = {name: getattr(args, name, None) for name in ("title", "summarizer", "banner", "jobs")}
    if getattr(args, "stamp", False):
        given["stamp"] = True
    if hasattr(args, "quiet"):
        given["progress"] = show_progress(args)
    return make_options(profile=getattr(args, "profile", None), **given, **fixed)


def printer(formats: tuple[str, ...], args: argparse.Namespace):
    """The PDF printer, started now on a second process (unless --jobs 1) so that WeasyPrint
    is loaded while the brief is built; see render/pdf.Printer."""
    from briefing.render.pdf import Printer

    return Printer(getattr(args, "pdf_variant", None), ahead="pdf" in formats and args.jobs != 1)


def customisation(args: argparse.Namespace) -> tuple[Path | None, str]:
    """The user's template folder and stylesheet, checked (and read) before anything is built."""
    templates = Path(args.templates) if args.templates else None
    if templates is not None and not templates.is_dir():
        raise UsageError(f"--templates {templates} is not a folder; give the folder that holds your brief.*.j2 files")
    css = ""
    if args.stylesheet:
        from briefing.user_files import read_user_text

        css = read_user_text(Path(args.stylesheet), "--stylesheet", "readable UTF-8 .css file")
    return templates, css
