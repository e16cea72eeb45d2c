"""The key points: the bottom line first, then the rest of this event's news.

They are chosen by the summarizer of `briefing summarize` (summary/multidoc.py: budgeted
coverage of what most articles report), among the claims that can lead a brief: not
backstory (an older year, "since 1984", "has long"), not a quotation nobody is named as
saying, not a sentence that opens by pointing back ("He said", "This") or asks a question.
The body's sections then hold the other claims, so no claim is printed twice.
"""

from __future__ import annotations

import math
import re

from briefing.models import Claim, Summary
from briefing.summary import multidoc
from briefing.text import roles
from briefing.text.sentences import leans_on_context

# Key points: a quarter of the claims, at least 3 and at most 5 (bottom line up front: a
# reader should take in the key points in under a minute).
KEY_POINTS_MIN, KEY_POINTS_MAX, KEY_POINTS_SHARE = 3, 5, 0.25
WORDS_PER_POINT = 40  # the summarizer's word budget: this much a point (long claims are rare news)


# Not a lead: a sentence that goes on from one before ("That makes ...", "But ...", "In it, ..."
# or "have also agreed" early on), speech in the first person outside quotation marks (a
# transcript), a caption (a full date with its year: "April 6, 2014."), a cut-off end, or
# quotation marks that do not pair up (half a quotation).
_GOES_ON = re.compile(r"^\W*(?:that|that's|not|but|and|so|yet|still|such|both|neither|in it)\b"
                      r"|^(?:\S+\s+){0,5}also\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|we|We|my|My|our|Our|us)\b")
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]|``.*?''")
_FULL_DATE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\b")


def can_lead(claim: Claim, year: int | None) -> bool:
    text = claim.text.strip()
    if (roles.is_background(text, year) or roles.is_bare_quote(text) or leans_on_context(text)
            or text.endswith("?") or multidoc.words(text) < multidoc.MIN_WORDS):
        return False
    straight, opening, closing = text.count('"'), text.count("“"), text.count("”")
    return not (_GOES_ON.search(text) or _FIRST_PERSON.search(_QUOTED.sub(" ", text)) or _FULL_DATE.search(text)
                or text.endswith(("...", "…")) or straight % 2 or opening != closing)


def choose(claims: list[Claim], summaries: list[Summary], most: int = KEY_POINTS_MAX) -> list[Claim]:
    """The key points, best first (claims arrive sorted by score)."""
    n = max(min(KEY_POINTS_MIN, most), min(most, math.ceil(len(claims) * KEY_POINTS_SHARE)))
    year = roles.context([s.document for s in summaries]).year
    fit = [c for c in claims if can_lead(c, year)]
    by_ref = {c.ref: c for c in fit}
    chosen = [by_ref[c.ref] for c in multidoc.select(fit, summaries, WORDS_PER_POINT * n)][:n]
    picked = {c.ref for c in chosen}
    chosen += [c for c in fit if c.ref not in picked][:n - len(chosen)]  # too few shared concepts
    return chosen or claims[:1]
