"""Stage 8: render a Brief as Markdown and HTML: the views a template sees (BriefContext, the
written contract of templates/) and the Jinja templates that show them. JSON is render/json.
Article text is data: HTML output is autoescaped, Markdown output escapes the characters that
would turn a sentence into markup (render/filters), and neither evaluates it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TypedDict

from briefing import __version__
from briefing.models import Actor, Brief, Claim, Discrepancy, Evidence, Source, TimelineEvent, source_order
from briefing.render.filters import cite_runs, css_string, md_code, md_escape, on_one_line, web_url
from briefing.render.resources import styles_dir, templates_dir
from briefing.stages.corroborate import label as support_label


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
    return [DiscrepancyView(kind=d.kind, pairs=in_source_order(d.values), about=d.about, later=list(d.later))
            for d in discrepancies]


def _claim_view(claim: Claim) -> ClaimView:
    cites = claim.source_ids
    return ClaimView(text=on_one_line(claim.text), cites=cites, discrepancies=_discrepancy_views(claim.discrepancies),
                     ref=claim.ref, support=support_label(len(cites), claim.origins), single_source=len(cites) == 1,
                     denials=[DenialView(text=on_one_line(d.text), cites=_cites(d.evidence), ref=d.ref)
                              for d in claim.denials],
                     answers=claim.answers)


def _event_view(event: TimelineEvent, key_refs: frozenset[str] = frozenset()) -> EventView:
    """A timeline entry; one whose claim is a key point names it by its opening words, since
    the key point is printed in full above (nothing is printed twice)."""
    text = _opening(event.text) if event.claim in key_refs else on_one_line(event.text)
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


def in_source_order(values: dict[str, str]) -> list[tuple[str, str]]:
    return sorted(values.items(), key=lambda kv: source_order(kv[0]))


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
        source_summaries=[SummaryView(source=sid, title=titles.get(sid), sentences=[on_one_line(t) for t in sents])
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
