"""The library surface: what the command line calls, and what a Python caller uses.

    >>> from briefing import build_brief, make_options, write_brief
    >>> result = build_brief(["examples/dprk-russia"], make_options(title="DPRK-Russia arms"))
    >>> result.brief.title, len(result.brief.sources)
    ('DPRK-Russia arms', 3)
    >>> paths = write_brief(result, "output/", formats=("md", "json"))   # doctest: +SKIP

Options come from `make_options` (briefing/options.py): keyword settings, an optional
profile file, and the limits in the environment; nothing below reads the environment.
"""

from __future__ import annotations

from pathlib import Path

from briefing.options import Options, make_options

__all__ = ["build_brief", "build_stories", "summarize", "weekly_brief", "write_brief", "write_weekly", "make_options", "Options"]


def build_brief(inputs: list[str], options: Options | None = None):
    """Read the article files and folders in `inputs` and make the brief (a
    pipeline.BuildResult: the brief, the inputs skipped and why, warnings). Raises
    errors.NoArticlesError when no input is a usable article."""
    from briefing import pipeline

    return pipeline.build([str(i) for i in inputs], options or make_options())


def build_stories(inputs: list[str], options: Options | None = None):
    """One brief (pipeline.BuildResult) per separate story the inputs tell, the largest first."""
    from briefing import pipeline

    return pipeline.build_stories([str(i) for i in inputs], options or make_options())


def write_brief(result, output: str | Path, formats: tuple[str, ...] = ("md", "html", "pdf", "json"),
                name: str = "brief", **render) -> list[Path]:
    """Write a built brief into the folder `output`, all formats switched in together; never
    over one of its inputs. `render` takes templates=, extra_css=, pdf_variant=, printer=."""
    from briefing.render import write

    return write.write_brief(result.brief, Path(output), formats, write.check_stem(name),
                             protected=result.input_files(), **render)


def summarize(inputs: list[str], words: int = 100, options: Options | None = None):
    """The short multi-document summary: (its sentences, verbatim, best first, within
    `words` words; the inputs skipped and why)."""
    from briefing.summary import multidoc

    return multidoc.summarize([str(i) for i in inputs], words, options or make_options())


def weekly_brief(archive, week: str, options: Options | None = None):
    """The brief of ISO week `week` ("2023-W43") from an archive (archive.store.Archive),
    recorded in the archive so that next week's brief can say what is new."""
    from briefing.weekly import build

    options = options or make_options()
    return build.build(archive, week, options, record=True)


def write_weekly(brief, output: str | Path, formats: tuple[str, ...] = ("md", "html", "pdf", "json"),
                 name: str = "brief", layout=None, printer=None) -> list[Path]:
    """Write a weekly brief into output/YYYY-Www/ and the shelf (output/index.html, index.md);
    `layout` (weekly.layout.Layout) says how much is printed and carries the user's templates,
    stylesheet, PDF variant and banner."""
    from briefing.render import write
    from briefing.weekly import render as weekly_render
    from briefing.weekly.layout import Layout

    return weekly_render.write(brief, Path(output), formats, write.check_stem(name), printer, layout or Layout())
