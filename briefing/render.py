"""Stage 8: render a Brief as Markdown, HTML (Jinja templates) and JSON (the contract in
BRIEF_JSON.md). Article text is data: HTML output is autoescaped, Markdown output escapes
the characters that would turn a sentence into markup, and neither evaluates it."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import TypedDict

from . import __version__
from .models import Brief, Claim, Source, source_order
from .resources import styles_dir, templates_dir

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
# Python-Markdown reads "#Word" as a heading even without a space (CommonMark needs one),
# so a leading "#" is always escaped; list markers only make lists before a space.
_MD_LINE_START = re.compile(r"^(\s*)(#|[>+\-](?=\s)|\d+[.)](?=\s))")


class DiscrepancyView(TypedDict):
    kind: str
    pairs: list[tuple[str, str]]  # (source id, value as written), in source order


class ClaimView(TypedDict):
    text: str
    cites: list[str]
    discrepancies: list[DiscrepancyView]


class SectionView(TypedDict):
    key: str
    title: str
    claims: list[ClaimView]


class SummaryView(TypedDict):
    source: str
    title: str | None
    sentences: list[str]


class BriefContext(TypedDict):
    """Everything a template may use: the written contract of templates/."""

    title: str
    cutoff: str | None  # the latest publication date among the sources
    sources: list[Source]
    key_points: list[ClaimView]
    sections: list[SectionView]
    source_summaries: list[SummaryView]
    generator: str
    css: str


def _claim_view(claim: Claim) -> ClaimView:
    return ClaimView(text=_one_line(claim.text), cites=claim.source_ids,
                     discrepancies=[DiscrepancyView(kind=d.kind, pairs=_in_source_order(d.values))
                                    for d in claim.discrepancies])


def _in_source_order(values: dict[str, str]) -> list[tuple[str, str]]:
    return sorted(values.items(), key=lambda kv: source_order(kv[0]))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def context(brief: Brief, css: str = "") -> BriefContext:
    titles = {s.id: s.title for s in brief.sources}
    dates = [s.published for s in brief.sources if s.published]
    return BriefContext(
        title=brief.title,
        cutoff=max(dates) if dates else None,
        sources=brief.sources,
        key_points=[_claim_view(c) for c in brief.key_points],
        sections=[SectionView(key=s.key, title=s.title, claims=[_claim_view(c) for c in s.claims])
                  for s in brief.sections],
        source_summaries=[SummaryView(source=sid, title=titles.get(sid), sentences=[_one_line(t) for t in sents])
                          for sid, sents in brief.source_summaries],
        generator=f"briefing {__version__}",
        css=css,
    )


_WEB_URL = re.compile(r"^https?://[^\s<>\"'`]+$")


def web_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address safe to link, else None (shown as text)."""
    return url if url and _WEB_URL.match(url) else None


def md_code(text: str) -> str:
    """`text` as a Markdown code span, fenced with more backticks than it contains."""
    text = _one_line(str(text))
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md_escape(text: str) -> str:
    """Escape what Markdown would read as markup, so article text stays literal text."""
    text = _MD_SPECIAL.sub(r"\\\1", _one_line(str(text)))
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


@lru_cache(maxsize=2)
def _environment(html: bool):
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=html,  # HTML output is escaped; Markdown output must not be
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["web_url"] = web_url
    env.filters["md_code"] = md_code
    return env


def to_markdown(brief: Brief) -> str:
    return _environment(False).get_template("brief.md.j2").render(**context(brief))


def to_html(brief: Brief) -> str:
    css = (styles_dir() / "brief.css").read_text("utf-8")
    return _environment(True).get_template("brief.html.j2").render(**context(brief, css))


def to_dict(brief: Brief) -> dict:
    """The brief as the JSON contract (BRIEF_JSON.md) lays it out."""
    def claim(c: Claim) -> dict:
        return {
            "text": c.text,
            "evidence": [{"source": e.source, "sentence": e.sentence, "start": e.start, "end": e.end}
                         for e in c.evidence],
            "discrepancies": [{"kind": d.kind, "values": dict(_in_source_order(d.values))} for d in c.discrepancies],
            "section": c.section,
            "score": round(c.score, 4),
        }

    return {
        "title": brief.title,
        "generator": f"briefing {__version__}",
        "sources": [{"id": s.id, "title": s.title, "author": s.author, "publisher": s.publisher,
                     "published": s.published, "url": s.url, "path": s.path} for s in brief.sources],
        "key_points": [claim(c) for c in brief.key_points],
        "sections": [{"key": s.key, "title": s.title, "claims": [claim(c) for c in s.claims]}
                     for s in brief.sections],
        "source_summaries": [{"source": sid, "sentences": sents} for sid, sents in brief.source_summaries],
    }


def to_json(brief: Brief) -> str:
    return json.dumps(to_dict(brief), ensure_ascii=False, indent=2) + "\n"
