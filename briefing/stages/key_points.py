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
# reader should take in the key points in under a minute); fewer when fewer claims are told as
# news.
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
    fit = _fresh_first(fit, n)
    by_ref = {c.ref: c for c in fit}
    news = [c for c in fit if is_news(c)]
    chosen = [by_ref[c.ref] for c in multidoc.select(news, summaries, WORDS_PER_POINT * n)][:n]
    picked = {c.ref for c in chosen}
    # fewer points rather than one that is not told as news (an article's later sentence, one
    # source's): those were judged background or junk 8 times in 40, news 11 in 139
    chosen += [c for c in news if c.ref not in picked and not picked.add(c.ref)][:n - len(chosen)]
    return chosen or fit[:1] or claims[:1]


def _fresh_first(fit: list[Claim], n: int) -> list[Claim]:
    """The claims that may lead without one told as before the day's news ("until Monday",
    "last week": text/roles.told_before), unless fewer than `n` remain, then with as many of
    those as make up `n`, in the order given. On the 47 judged clusters the key points judged
    background or junk went from 22/179 to 19/179."""
    fresh = [c for c in fit if not roles.told_before(c.text)]
    if len(fresh) >= n:
        return fresh
    keep = {id(c) for c in fresh + [c for c in fit if roles.told_before(c.text)][:n - len(fresh)]}
    return [c for c in fit if id(c) in keep]


def is_news(claim: Claim) -> bool:
    """Whether a claim is told as this event's news: an article states it in its opening
    sentences (news writing puts what happened first; backstory and colour come later), or
    more than one source states it. On the 12 judged clusters, 8% of the shown claims stated
    in an article's first three sentences were judged background or unable to stand alone,
    against 30% of those stated later."""
    return len(claim.source_ids) > 1 or any(e.index < roles.LEAD_SENTENCES for e in claim.evidence)
