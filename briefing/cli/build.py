"""`briefing build`: a brief from article files and folders."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.cli.common import add_brief_options, customisation, options_from, printer, say

EXAMPLE = """\
Example:
  briefing build examples/dprk-russia -o output/
  briefing build notes.md pages/ --formats md,json --name monday --title "Weekly brief"
  briefing build reports/ memo.docx paper.pdf --formats docx,pdf
  briefing build examples/dprk-russia --banner "UNCLASSIFIED // FOR PUBLIC RELEASE" --pdf-variant pdf/ua-1
  briefing build week/ --profile weekly.toml --templates my-templates/ --stylesheet house.css
"""


def add(commands) -> None:
    build = commands.add_parser(
        "build", help="build a brief from article files and folders",
        description="Build a brief (Markdown, HTML, PDF and JSON; Word on request) from articles: .txt, "
                    ".md (optional YAML front matter), .html, .pdf (with a text layer) and .docx files, "
                    "plain-text wire stories named without a text extension (APW19981016.0240), or "
                    "folders of them (read recursively; hidden files skipped, any other file named "
                    "with the reason it is not read). Each article is summarized in its own language "
                    "where sumy supports it.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    build.add_argument("inputs", nargs="+", metavar="INPUT", help="article files and folders")
    build.add_argument("-o", "--output", default="output", metavar="DIR",
                       help="folder to write the brief into (default: output)")
    add_brief_options(build, "the headline of its lead source",
                      "processes for summarizing articles (default: all cores)")
    build.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from briefing.render import write

    formats = write.parse_formats(args.formats)
    name = write.check_stem(args.name)
    out_dir = Path(args.output)
    templates, extra_css = customisation(args)
    options = options_from(args, exclude=out_dir)  # the profile is checked before anything is read
    with printer(formats, args) as pdf_printer:  # before the pipeline's imports, to overlap with them
        from briefing import api

        result = api.build_brief(args.inputs, options)
        for problem in result.problems:
            say(f"skipped {problem}")
        for warning in result.warnings:
            say(f"warning: {warning}")
        written = write.write_brief(result.brief, out_dir, formats, name, protected=result.input_files(),
                                    templates=templates, extra_css=extra_css, pdf_variant=args.pdf_variant,
                                    printer=pdf_printer)
    if not args.quiet:
        claims = sum(len(s.claims) for s in result.brief.sections)
        n = len(result.brief.sources)
        say(f"wrote {', '.join(str(p) for p in written)} ({n} source{'s' if n != 1 else ''}, {claims} claims)")
    return 0
