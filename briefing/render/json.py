"""The brief as JSON: the contract of BRIEF_JSON.md (shared docs), laid out the same for the
single and the weekly brief. Other tools read these fields: add freely, rename or drop none."""

from __future__ import annotations

import json

from briefing import __version__
from briefing.models import Brief, Claim
from briefing.render.views import in_source_order
from briefing.stages.corroborate import label as support_label


def evidence_dicts(evidence) -> list[dict]:
    return [{"source": e.source, "sentence": e.sentence, "start": e.start, "end": e.end} for e in evidence]


def discrepancy_dicts(discrepancies) -> list[dict]:
    return [{"kind": d.kind, "values": dict(in_source_order(d.values)),
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
