"""Stage 8: render a Brief as Markdown, HTML (Jinja templates) and JSON (the contract in
BRIEF_JSON.md). Article text is data: HTML output is autoescaped, Markdown output escapes
the characters that would turn a sentence into markup, and neither evaluates it."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import TypedDict

from pathlib import Path

from briefing import __version__
from briefing.stages.corroborate import label as support_label
from briefing.models import Actor, Brief, Claim, Discrepancy, Evidence, Source, TimelineEvent, source_order
from briefing.render.resources import styles_dir, templates_dir

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
# Python-Markdown reads "#Word" as a heading even without a space (CommonMark needs one),
# so a leading "#" is always escaped; list markers only make lists before a space.
_MD_LINE_START = re.compile(r"^(\s*)(#|[>+\-](?=\s)|\d+[.)](?=\s))")


class DiscrepancyView(TypedDict):
    kind: str
    pairs: list[tuple[str, str]]  # (source id, value as written), in source order
    about: str  # what differs ("death toll in Honduras"), or ""
    later: list[str]  # sources whose value was reported later


class DenialView(TypedDict):
    text: str
    cites: list[str]
    ref: str  # anchor of the denial when the brief shows it as a claim too, else ""


class ClaimView(TypedDict):
    text: str
    cites: list[str]
    discrepancies: list[DiscrepancyView]
    ref: str  # anchor ("claim-3")
    support: str  # "single source", "2 sources", "3 outlets, 1 origin"
    single_source: bool
    denials: list[DenialView]  # statements that deny this claim
    answers: str  # ref of the claim this one denies, or ""


class EventView(TypedDict):
    date: str
    text: str
    cites: list[str]
    ref: str
    claim: str  # ref of the claim that states the same, or ""
    discrepancies: list[DiscrepancyView]


class ActorView(TypedDict):
    name: str
    kind: str
    role: str | None
    variants: list[str]
    sources: list[str]
    appears_in: list[str]
    places: list[tuple[str, str]]  # (section title, ref of the first item there that names the actor)


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
    timeline: list[EventView]
    undated: list[EventView]  # events whose year is unknown, listed apart after the timeline
    actors: list[ActorView]
    claim_texts: dict[str, str]  # ref -> its opening words, to name the claim a denial answers
    source_summaries: list[SummaryView]  # empty when the appendix is left out (see below)
    appendix_left_out: int  # sources whose summaries are left out of a long brief (0: none)
    banner: str | None  # handling banner, top and foot of every page
    built: str | None  # build date, only with --stamp
    notes: list[str]  # said under the title: the sources' languages when not all English
    subject: str  # one line on what the brief is drawn from (PDF metadata)
    keywords: list[str]  # the main actors (PDF metadata)
    generator: str
    css: str


def _cites(evidence: list[Evidence] | tuple[Evidence, ...]) -> list[str]:
    return sorted({e.source for e in evidence}, key=source_order)


def _discrepancy_views(discrepancies: list[Discrepancy]) -> list[DiscrepancyView]:
    return [DiscrepancyView(kind=d.kind, pairs=_in_source_order(d.values), about=d.about, later=list(d.later))
            for d in discrepancies]


def _claim_view(claim: Claim) -> ClaimView:
    cites = claim.source_ids
    return ClaimView(text=_one_line(claim.text), cites=cites, discrepancies=_discrepancy_views(claim.discrepancies),
                     ref=claim.ref, support=support_label(len(cites), claim.origins), single_source=len(cites) == 1,
                     denials=[DenialView(text=_one_line(d.text), cites=_cites(d.evidence), ref=d.ref)
                              for d in claim.denials],
                     answers=claim.answers)


def _event_view(event: TimelineEvent, key_refs: frozenset[str] = frozenset()) -> EventView:
    """A timeline entry; one whose claim is a key point names it by its opening words, since
    the key point is printed in full above (nothing is printed twice)."""
    text = _opening(event.text) if event.claim in key_refs else _one_line(event.text)
    return EventView(date=event.date, text=text, cites=_cites(event.evidence), ref=event.ref,
                     claim=event.claim, discrepancies=_discrepancy_views(event.discrepancies))


def _actor_view(actor: Actor, section_of: dict[str, str]) -> ActorView:
    places: dict[str, str] = {}
    for ref in actor.appears_in:
        if ref in section_of:
            places.setdefault(section_of[ref], ref)
    order = list(dict.fromkeys(section_of.values()))
    return ActorView(name=actor.name, kind=actor.kind, role=actor.role, variants=actor.variants,
                     sources=actor.sources, appears_in=actor.appears_in,
                     places=sorted(places.items(), key=lambda tr: order.index(tr[0])))


def _in_source_order(values: dict[str, str]) -> list[tuple[str, str]]:
    return sorted(values.items(), key=lambda kv: source_order(kv[0]))


def _one_line(text: str) -> str:
    return " ".join(text.split())


REFER_WORDS = 10  # a claim printed in full elsewhere is referred to by its first words, as long as a title


def _opening(text: str) -> str:
    """The claim's opening words, verbatim, with "…" when cut: how a note refers to a claim
    the brief prints in full elsewhere."""
    words = text.split()
    return " ".join(words) if len(words) <= REFER_WORDS else " ".join(words[:REFER_WORDS]).rstrip(",;:") + " …"


def context(brief: Brief, css: str = "") -> BriefContext:
    titles = {s.id: s.title for s in brief.sources}
    dates = [s.published for s in brief.sources if s.published]
    cutoff = max(dates) if dates else None
    n = len(brief.sources)
    section_of = {c.ref: s.title for s in brief.sections for c in s.claims}
    section_of.update({c.ref: "Key points" for c in brief.key_points})
    section_of.update({e.ref: "Timeline" for e in brief.timeline + brief.undated})
    key_refs = frozenset(c.ref for c in brief.key_points)
    return BriefContext(
        title=brief.title,
        cutoff=cutoff,
        sources=brief.sources,
        key_points=[_claim_view(c) for c in brief.key_points],
        sections=[SectionView(key=s.key, title=s.title, claims=[_claim_view(c) for c in s.claims])
                  for s in brief.sections],
        timeline=[_event_view(e, key_refs) for e in brief.timeline],
        undated=[_event_view(e, key_refs) for e in brief.undated],
        actors=[_actor_view(a, section_of) for a in brief.actors],
        claim_texts={c.ref: _opening(c.text) for c in brief.key_points + [c for s in brief.sections for c in s.claims]},
        source_summaries=[SummaryView(source=sid, title=titles.get(sid), sentences=[_one_line(t) for t in sents])
                          for sid, sents in brief.source_summaries] if brief.appendix_printed else [],
        appendix_left_out=0 if brief.appendix_printed or not brief.appendix_asked else len(brief.source_summaries),
        banner=brief.banner,
        built=brief.built,
        notes=[brief.language_note] if brief.language_note else [],
        subject=f"Brief drawn from {n} source{'s' if n != 1 else ''}"
                + (f"; information cut-off {cutoff}" if cutoff else ""),
        keywords=[a.name for a in brief.actors[:12]],
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


def css_string(text: str):
    """`text` as a quoted CSS string, safe inside a <style> element (for the page margins)."""
    from markupsafe import Markup

    out = []
    for ch in str(text):
        if ch in '\\"':
            out.append("\\" + ch)
        elif ch in "<>&\n\r\f" or ord(ch) < 32:
            out.append(f"\\{ord(ch):X} ")
        else:
            out.append(ch)
    return Markup('"' + "".join(out) + '"')


def md_escape(text: str) -> str:
    """Escape what Markdown would read as markup, so article text stays literal text."""
    text = _MD_SPECIAL.sub(r"\\\1", _one_line(str(text)))
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


# Three or more sources with consecutive numbers are cited as a range ("[3–7]"), as numeric
# citation styles do; two stay "[3][4]". A claim that forty sources state stays one line.
RANGE_MIN = 3


def cite_runs(ids) -> list[tuple[str, str | None]]:
    """Citations as (first, last) runs; last is None for a source cited on its own."""
    runs: list[list[str]] = []
    for sid in ids:
        if runs and sid.isdigit() and runs[-1][-1].isdigit() and int(sid) == int(runs[-1][-1]) + 1:
            runs[-1].append(sid)
        else:
            runs.append([sid])
    out: list[tuple[str, str | None]] = []
    for run in runs:
        if len(run) >= RANGE_MIN:
            out.append((run[0], run[-1]))
        else:
            out.extend((sid, None) for sid in run)
    return out


@lru_cache(maxsize=8)
def _environment(html: bool, user_templates: str | None = None):
    """Templates from the user's folder first, then the built-in ones; a user template can
    extend the one it replaces as "builtin/NAME" (e.g. {% extends "builtin/brief.html.j2" %})."""
    import jinja2

    from briefing.user_files import CappedLoader

    builtin = jinja2.FileSystemLoader(str(templates_dir()))
    loaders = [CappedLoader(user_templates)] if user_templates else []  # regular files of a sane size
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders + [jinja2.PrefixLoader({"builtin": builtin}), builtin]),
        autoescape=html,  # HTML output is escaped; Markdown output must not be
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["cite_runs"] = cite_runs
    env.filters["web_url"] = web_url
    env.filters["md_code"] = md_code
    env.filters["css_string"] = css_string
    return env


def _template(html: bool, name: str, templates: Path | None):
    import jinja2

    from briefing.errors import UsageError

    try:
        return _environment(html, str(templates) if templates else None).get_template(name)
    except jinja2.TemplateSyntaxError as exc:
        raise UsageError(f"{exc.filename or exc.name}:{exc.lineno}: template error: {exc.message}; "
                         "fix the template or leave it out of --templates") from None


def _render(template, ctx: BriefContext) -> str:
    import jinja2

    from briefing.errors import UsageError

    try:
        return template.render(**ctx)
    except jinja2.TemplateError as exc:
        raise UsageError(f"template {template.name}: {exc}; check it against the names in "
                         "render.BriefContext") from None
    except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError, RecursionError) as exc:
        # a user's template that computes something impossible ({{ 1 // 0 }}, a bad index)
        raise UsageError(f"template {template.filename or template.name} failed ({type(exc).__name__}: "
                         f"{str(exc)[:200]}); fix the template or leave it out of --templates") from None


def to_markdown(brief: Brief, templates: Path | None = None) -> str:
    return _render(_template(False, "brief.md.j2", templates), context(brief))


def to_html(brief: Brief, templates: Path | None = None, extra_css: str = "") -> str:
    """The brief as one HTML page; `extra_css` (the user's stylesheet) comes after the built-in."""
    css = (styles_dir() / "brief.css").read_text("utf-8")
    if extra_css:
        css += "\n/* user stylesheet */\n" + extra_css
    return _render(_template(True, "brief.html.j2", templates), context(brief, css))


def evidence_dicts(evidence) -> list[dict]:
    return [{"source": e.source, "sentence": e.sentence, "start": e.start, "end": e.end} for e in evidence]


def discrepancy_dicts(discrepancies) -> list[dict]:
    return [{"kind": d.kind, "values": dict(_in_source_order(d.values)),
             **({"about": d.about} if d.about else {}), **({"reported_later": list(d.later)} if d.later else {})}
            for d in discrepancies]


def claim_dict(c: Claim) -> dict:
    """A claim as the JSON contract lays it out (single and weekly briefs alike)."""
    out = {
        "text": c.text,
        "evidence": evidence_dicts(c.evidence),
        "discrepancies": discrepancy_dicts(c.discrepancies),
        "section": c.section,
        "score": round(c.score, 4),
        "id": c.ref,
        "origins": c.origins,
        "support": support_label(len(c.source_ids), c.origins),
        "denied_by": [{"text": d.text, "evidence": evidence_dicts(d.evidence), **({"claim": d.ref} if d.ref else {})}
                      for d in c.denials],
    }
    if c.answers:
        out["answers"] = c.answers
    return out


def timeline_dicts(events) -> list[dict]:
    return [{"date": e.date, "text": e.text, "evidence": evidence_dicts(e.evidence), "id": e.ref,
             "discrepancies": discrepancy_dicts(e.discrepancies), **({"claim": e.claim} if e.claim else {})}
            for e in events]


def actor_dicts(actors) -> list[dict]:
    return [{"name": a.name, "variants": a.variants, "role": a.role, "sources": a.sources, "kind": a.kind,
             "appears_in": a.appears_in} for a in actors]


def source_dicts(sources, texts: dict[str, str] | None = None) -> list[dict]:
    """The sources, each with its cleaned text when known: evidence's start and end index it,
    so `text[start:end]` is the cited sentence."""
    return [{"id": s.id, "title": s.title, "author": s.author, "publisher": s.publisher,
             "published": s.published, "url": s.url, "path": s.path, "descriptor": s.descriptor,
             "language": s.language,
             **({"text": texts[s.id]} if texts and s.id in texts else {})}
            for s in sources]


def _ref_number(claim: Claim) -> int:
    return int(claim.ref.rsplit("-", 1)[-1]) if claim.ref[-1:].isdigit() else 0


def section_claim_dicts(key_points: list[Claim], section, as_dict=claim_dict) -> list[dict]:
    """Every claim placed in the section, in reading order: the JSON is the whole record, so a
    key point (printed once, among the key points) is listed in its section too, marked
    `"key_point": true`."""
    points = [c for c in key_points if c.section == section.key]
    return [{**as_dict(c), **({"key_point": True} if any(c is p for p in points) else {})}
            for c in sorted(points + section.claims, key=_ref_number)]


def to_dict(brief: Brief) -> dict:
    """The brief as the JSON contract (BRIEF_JSON.md) lays it out."""
    return {
        "title": brief.title,
        "generator": f"briefing {__version__}",
        "banner": brief.banner,
        "built": brief.built,
        "language_note": brief.language_note,
        "sources": source_dicts(brief.sources, brief.texts),
        "key_points": [claim_dict(c) for c in brief.key_points],
        "sections": [{"key": s.key, "title": s.title, "claims": section_claim_dicts(brief.key_points, s)}
                     for s in brief.sections],
        "timeline": timeline_dicts(brief.timeline),
        "timeline_year_unknown": timeline_dicts(brief.undated),
        "actors": actor_dicts(brief.actors),
        "source_summaries": [{"source": sid, "sentences": sents} for sid, sents in brief.source_summaries],
    }


def to_json(brief: Brief) -> str:
    return json.dumps(to_dict(brief), ensure_ascii=False, indent=2) + "\n"
