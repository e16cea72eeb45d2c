"""Render and write a WeeklyBrief: Markdown and HTML through templates/weekly.*.j2, JSON as
BRIEF_JSON.md lays it out (the single brief's fields, plus `stories`), PDF from the HTML.

What the reader sees (layout.Layout decides how much): a front page of the top stories, each
with its title, its lead and the lead's support; the other stories as one line each; a
short body per top story (its lead and key points, with discrepancies and denials, within
about `story_words` words); the full story briefs as an appendix when asked for.

Claims are shown with the single brief's claim view (render._claim_view) plus their mark
(new / updated / continuing) and the number of independent origins among their sources.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import json
from pathlib import Path

from briefing import __version__
from briefing.render import json as contract
from briefing.render import views as render
from briefing.render.filters import on_one_line
from briefing.models import Claim, source_order
from briefing.render.write import write_rendered
from briefing.render.resources import styles_dir
from briefing.text.dates import week_days
from briefing.weekly.layout import Layout, short_body

if TYPE_CHECKING:
    from briefing.weekly.build import Story, WeeklyBrief


def _claim_view(brief: WeeklyBrief, claim: Claim) -> dict:
    mark = brief.marks.get(claim.origin)
    return {**render._claim_view(claim), "origins": brief.claim_origins(claim),
            "status": mark.status if mark else None, "previous": mark.previous if mark else None,
            "changes": mark.changes if mark else []}


def _story_view(brief: WeeklyBrief, story: Story, layout: Layout = Layout()) -> dict:
    def view(c: Claim) -> dict:
        v = _claim_view(brief, c)
        if not layout.full_stories:  # the full claims are not printed: no links into them
            v["denials"] = [{**d, "ref": ""} for d in v["denials"]]
        return v

    body = short_body(story, layout.story_words)
    return {"title": story.title, "sources": story.source_ids, "single_source": story.single_source,
            "central": story.central,
            "origins": story.origins, "outlets": story.outlets,
            "bottom_line": view(story.lead) if story.lead else None,
            # a title made of the lead's opening words is printed once, as the lead's start
            "lead_rest": _lead_rest(story), "title_head": story.title.removesuffix(" …"),
            "lead_gap": bool(story.lead) and story.lead.text[len(story.title.removesuffix(" …")):][:1].isspace(),
            "body": [view(c) for c in body],
            "left_out": len(story.claims) - len(body),
            "key_points": [_claim_view(brief, c) for c in story.key_points],
            "sections": [{"key": s.key, "title": s.title, "claims": [_claim_view(brief, c) for c in s.claims]}
                         for s in story.sections]}


def _lead_rest(story: Story) -> str | None:
    head = story.title.removesuffix(" …")
    if story.lead is None or not story.lead.text.startswith(head):
        return None
    return on_one_line(story.lead.text[len(head):])


def context(brief: WeeklyBrief, css: str = "", layout: Layout = Layout()) -> dict:
    first, last = week_days(brief.week)
    stories = [_story_view(brief, s, layout) for s in brief.stories]
    printed = _printed_sources(stories, layout)
    return {"title": brief.title, "week": brief.week, "first_day": first.isoformat(), "last_day": last.isoformat(),
            "sources": brief.sources, "printed": printed, "stories": stories, "top": stories[:layout.top],
            "others": stories[layout.top:], "full_stories": layout.full_stories,
            "compared_with": brief.compared_with, "previous_week": brief.previous_week,
            "dropped": brief.dropped[:layout.dropped_max], "dropped_total": len(brief.dropped),
            "banner": layout.banner, "built": layout.built,
            "generator": f"briefing {__version__}", "css": css, "notes": [n for n in [_language_note(brief)] if n]}


def _language_note(brief: WeeklyBrief) -> str | None:
    from briefing.text.language import brief_note

    return brief_note([s.language for s in brief.sources])


def _printed_sources(stories: list[dict], layout: Layout) -> set[str]:
    """The sources the printed brief (PDF) cites: those of the top stories' leads and bodies
    and each other story's central article (every source, with the full story briefs). The
    rest are listed in the HTML and Markdown only: a busy week's 5,000 sources would be a
    hundred printed pages."""
    if layout.full_stories:
        return {sid for st in stories for sid in st["sources"]}
    out = {st["central"] for st in stories[layout.top:]}
    for st in stories[:layout.top]:
        for c in st["body"] + ([st["bottom_line"]] if st["bottom_line"] else []):
            out.update(c["cites"])
            out.update(sid for d in c["denials"] for sid in d["cites"])
            out.update(sid for d in c["discrepancies"] for sid, _ in d["pairs"])
    return out


def to_markdown(brief: WeeklyBrief, layout: Layout = Layout()) -> str:
    return render._render(render._template(False, "weekly.md.j2", layout.templates), context(brief, layout=layout))


def to_html(brief: WeeklyBrief, layout: Layout = Layout(), for_print: bool = False) -> str:
    """The HTML page; `for_print`: the page the PDF prints, without the sources print hides
    (a busy week's 5,000 hidden list items took most of the PDF's time to parse and style)."""
    css = (styles_dir() / "brief.css").read_text("utf-8")
    if layout.extra_css:
        css += "\n/* user stylesheet */\n" + layout.extra_css
    return render._render(render._template(True, "weekly.html.j2", layout.templates),
                          {**context(brief, css, layout), "for_print": for_print})


def to_dict(brief: WeeklyBrief) -> dict:
    def claim(c: Claim) -> dict:
        mark = brief.marks.get(c.origin)
        return {**contract.claim_dict(c), "origins": brief.claim_origins(c),
                "status": mark.status if mark else None,
                "previous": mark.previous if mark else None,
                "changes": [{"was": a, "now": b} for a, b in mark.changes] if mark else []}

    stories = [{"title": s.title, "sources": s.source_ids, "single_source": s.single_source,
                "origins": s.origins, "outlets": s.outlets, "weight": round(s.weight, 4),
                "central": s.central, "lead": claim(s.lead) if s.lead else None,
                "key_points": [claim(c) for c in s.key_points],
                "sections": [{"key": x.key, "title": x.title, "claims": contract.section_claim_dicts(s.key_points, x, claim)}
                             for x in s.sections],
                "timeline": contract.timeline_dicts(s.timeline),
                "actors": contract.actor_dicts(s.actors)} for s in brief.stories]
    # the single brief's top-level fields: the front page's bottom lines as key points, and
    # every story's claims gathered by section (each claim still in one section only)
    sections: dict[str, dict] = {}
    for s in brief.stories:
        for x in s.sections:
            sections.setdefault(x.key, {"key": x.key, "title": x.title, "claims": []})["claims"].extend(
                contract.section_claim_dicts(s.key_points, x, claim))
    return {
        "title": brief.title,
        "week": brief.week,
        "generator": f"briefing {__version__}",
        "language_note": _language_note(brief),
        "sources": contract.source_dicts(brief.sources, {**{a.source.id: a.text for s in brief.stories for a in s.unread},
                                                         **{m.source_id: m.document.article.text
                                                            for s in brief.stories for m in s.summaries}}),
        "key_points": [claim(s.key_points[0]) for s in brief.stories if s.key_points],
        "sections": list(sections.values()),
        "source_summaries": [{"source": summary.source_id,
                              "sentences": [summary.document.sentences[i].text for i in summary.condensed]}
                             for s in brief.stories for summary in s.summaries],
        "timeline": contract.timeline_dicts(sorted((e for s in brief.stories for e in s.timeline),
                                                 key=lambda e: (e.sort_key, e.ref))),
        "actors": contract.actor_dicts(_actors_of_week(brief)),
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


def write(brief: WeeklyBrief, out_dir: Path, formats: tuple[str, ...], name: str, printer=None,
          layout: Layout = Layout()) -> list[Path]:
    """Write the chosen formats into out_dir/<week>/, and the shelf (out_dir/index.html and
    index.md, every week's brief); return the paths written."""
    from briefing.weekly import shelf
    from briefing.weekly.docx import weekly_docx

    written = write_rendered(out_dir / brief.week, formats, name, brief.title,
                             markdown=lambda: to_markdown(brief, layout), html=lambda: to_html(brief, layout),
                             json=lambda: to_json(brief), printer=printer, pdf_variant=layout.pdf_variant,
                             print_html=lambda: to_html(brief, layout, for_print=True),
                             docx=lambda: weekly_docx(brief), own_folder=True)
    return written + shelf.update(out_dir)
