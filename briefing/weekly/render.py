"""Render and write a WeeklyBrief: Markdown and HTML through templates/weekly.*.j2, JSON as
BRIEF_JSON.md lays it out (the single brief's fields, plus `stories`), PDF from the HTML.

Claims are shown with the single brief's claim view (render._claim_view) plus their mark
(new / updated / continuing) and the number of independent origins among their sources.
"""

from __future__ import annotations

import json
from pathlib import Path

from briefing import __version__
from briefing.render import views as render
from briefing.models import Claim, source_order
from briefing.render.write import write_rendered
from briefing.render.resources import styles_dir
from briefing.weekly.build import Story, WeeklyBrief, week_days


def _claim_view(brief: WeeklyBrief, claim: Claim) -> dict:
    mark = brief.marks.get(claim.origin)
    return {**render._claim_view(claim), "origins": brief.claim_origins(claim),
            "status": mark.status if mark else None, "previous": mark.previous if mark else None,
            "changes": mark.changes if mark else []}


def _story_view(brief: WeeklyBrief, story: Story) -> dict:
    return {"title": story.title, "sources": story.source_ids, "single_source": story.single_source,
            "origins": story.origins, "outlets": story.outlets,
            "bottom_line": _claim_view(brief, story.key_points[0]) if story.key_points else None,
            "key_points": [_claim_view(brief, c) for c in story.key_points],
            "sections": [{"key": s.key, "title": s.title, "claims": [_claim_view(brief, c) for c in s.claims]}
                         for s in story.sections]}


def context(brief: WeeklyBrief, css: str = "") -> dict:
    first, last = week_days(brief.week)
    return {"title": brief.title, "week": brief.week, "first_day": first.isoformat(), "last_day": last.isoformat(),
            "sources": brief.sources, "stories": [_story_view(brief, s) for s in brief.stories],
            "compared_with": brief.compared_with, "dropped": brief.dropped,
            "generator": f"briefing {__version__}", "css": css}


def to_markdown(brief: WeeklyBrief) -> str:
    return render._environment(False).get_template("weekly.md.j2").render(**context(brief))


def to_html(brief: WeeklyBrief) -> str:
    css = (styles_dir() / "brief.css").read_text("utf-8")
    return render._environment(True).get_template("weekly.html.j2").render(**context(brief, css))


def to_dict(brief: WeeklyBrief) -> dict:
    def claim(c: Claim) -> dict:
        mark = brief.marks.get(c.origin)
        return {**render.claim_dict(c), "origins": brief.claim_origins(c),
                "status": mark.status if mark else None,
                "previous": mark.previous if mark else None,
                "changes": [{"was": a, "now": b} for a, b in mark.changes] if mark else []}

    stories = [{"title": s.title, "sources": s.source_ids, "single_source": s.single_source,
                "origins": s.origins, "outlets": s.outlets, "weight": round(s.weight, 4),
                "key_points": [claim(c) for c in s.key_points],
                "sections": [{"key": x.key, "title": x.title, "claims": render.section_claim_dicts(s.key_points, x, claim)}
                             for x in s.sections],
                "timeline": render.timeline_dicts(s.timeline),
                "actors": render.actor_dicts(s.actors)} for s in brief.stories]
    # the single brief's top-level fields: the front page's bottom lines as key points, and
    # every story's claims gathered by section (each claim still in one section only)
    sections: dict[str, dict] = {}
    for s in brief.stories:
        for x in s.sections:
            sections.setdefault(x.key, {"key": x.key, "title": x.title, "claims": []})["claims"].extend(
                render.section_claim_dicts(s.key_points, x, claim))
    return {
        "title": brief.title,
        "week": brief.week,
        "generator": f"briefing {__version__}",
        "sources": render.source_dicts(brief.sources),
        "key_points": [claim(s.key_points[0]) for s in brief.stories if s.key_points],
        "sections": list(sections.values()),
        "source_summaries": [{"source": summary.source_id,
                              "sentences": [summary.document.sentences[i].text for i in summary.condensed]}
                             for s in brief.stories for summary in s.summaries],
        "timeline": render.timeline_dicts(sorted((e for s in brief.stories for e in s.timeline),
                                                 key=lambda e: (e.sort_key, e.ref))),
        "actors": render.actor_dicts(_actors_of_week(brief)),
        "stories": stories,
        "compared_with": brief.compared_with,
        "dropped": brief.dropped,
    }


def _actors_of_week(brief: WeeklyBrief) -> list:
    """Each story's actors, one entry per name: the first story's role, every story's
    sources and places."""
    from dataclasses import replace

    merged: dict[str, object] = {}
    for story in brief.stories:
        for actor in story.actors:
            if actor.name not in merged:
                merged[actor.name] = replace(actor, sources=list(actor.sources), appears_in=list(actor.appears_in))
                continue
            known = merged[actor.name]
            known.sources = sorted(set(known.sources) | set(actor.sources), key=source_order)
            known.appears_in = known.appears_in + actor.appears_in
    return list(merged.values())


def to_json(brief: WeeklyBrief) -> str:
    return json.dumps(to_dict(brief), ensure_ascii=False, indent=2) + "\n"


def write(brief: WeeklyBrief, out_dir: Path, formats: tuple[str, ...], name: str, printer=None) -> list[Path]:
    """Write the chosen formats into out_dir/<week>/; return the paths written."""
    return write_rendered(out_dir / brief.week, formats, name, brief.title, markdown=lambda: to_markdown(brief),
                          html=lambda: to_html(brief), json=lambda: to_json(brief), printer=printer)
