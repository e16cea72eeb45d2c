"""The key points: the bottom line first, then the rest of this event's news.

They are chosen by the summarizer of `briefing summarize` (summary/multidoc.py: budgeted
coverage of what most articles report), among the claims that can lead a brief (text/lead.py,
the one stand-alone rule of text/standalone.py with a lead's extras) and are not backstory.
The body's sections then hold the other claims, so no claim is printed twice.
"""

from __future__ import annotations

import math

from briefing.models import Claim, Summary
from briefing.summary import multidoc
from briefing.text import lead, roles

# Key points: a quarter of the claims, at least 3 and at most 5 (bottom line up front: a
# reader should take in the key points in under a minute).
KEY_POINTS_MIN, KEY_POINTS_MAX, KEY_POINTS_SHARE = 3, 5, 0.25
WORDS_PER_POINT = 40  # the summarizer's word budget: this much a point (long claims are rare news)


def can_lead(claim: Claim, year: int | None, topic: str = "") -> bool:
    """Whether the claim can be a key point: it can lead (text/lead.py: it stands alone, says
    who did what, and does not open with a quotation; `topic` is the headline of the article
    it is shown from) and is this event's news, not backstory (an older year, "since 1984",
    "has long": text/roles.is_background)."""
    return lead.can_lead(claim.text, topic) and not roles.is_background(claim.text, year)


def choose(claims: list[Claim], summaries: list[Summary], most: int = KEY_POINTS_MAX) -> list[Claim]:
    """The key points, best first (claims arrive sorted by score)."""
    n = max(min(KEY_POINTS_MIN, most), min(most, math.ceil(len(claims) * KEY_POINTS_SHARE)))
    year = roles.context([s.document for s in summaries]).year
    headlines = {s.source_id: s.document.article.source.title or "" for s in summaries}
    fit = [c for c in claims if can_lead(c, year, headlines.get(c.origin[0], ""))]
    by_ref = {c.ref: c for c in fit}
    chosen = [by_ref[c.ref] for c in multidoc.select(fit, summaries, WORDS_PER_POINT * n)][:n]
    picked = {c.ref for c in chosen}
    chosen += [c for c in fit if c.ref not in picked][:n - len(chosen)]  # too few shared concepts
    return chosen or claims[:1]
