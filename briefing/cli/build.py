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
    add_brief_options(build, "the headline of its lead source")
    build.add_argument("--appendix", action="store_true",
                       help="print each source's summary after the source list (off by default: the brief "
                            "stays a five-minute read; brief.json always has them)")
    build.add_argument("--stories", choices=("largest", "each", "all"), default="largest",
                       help="when the articles tell separate stories: brief the largest and name the others "
                            "(default), write one brief per story into DIR/story-N, or keep all in one brief")
    build.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from briefing.render import write

    formats = write.parse_formats(args.formats)
    name = write.check_stem(args.name)
    out_dir = Path(args.output)
    templates, extra_css = customisation(args)
    # the profile is checked before anything is read
    options = options_from(args, exclude=out_dir, appendix=args.appendix, stories=args.stories)
    with printer(formats, args) as pdf_printer:  # before the pipeline's imports, to overlap with them
        from briefing import api

        results = api.build_stories(args.inputs, options) if args.stories == "each" \
            else [api.build_brief(args.inputs, options)]
        for n, result in enumerate(results, 1):
            for problem in result.problems:
                say(f"skipped {problem}")
            for warning in result.warnings:
                say(f"warning: {warning}")
            folder = out_dir / f"story-{n}" if len(results) > 1 else out_dir
            written = write.write_brief(result.brief, folder, formats, name, protected=result.input_files(),
                                        templates=templates, extra_css=extra_css, pdf_variant=args.pdf_variant,
                                        printer=pdf_printer)
            if not args.quiet:
                claims = len(result.brief.key_points) + sum(len(s.claims) for s in result.brief.sections)
                k = len(result.brief.sources)
                say(f"wrote {', '.join(str(p) for p in written)} ({k} source{'s' if k != 1 else ''}, {claims} claims)")
    return 0
