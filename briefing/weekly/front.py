"""What a story shows on the weekly front page: its title, its lead and its importance.

- Lead: the claim that says what happened and reads alone (text.standalone): among the
  story's claims that stand alone, first those stated in an article's opening sentences
  (where news writing puts what happened), then the best corroborated and most salient.
- Title: the headline of the story's most central article (the one most similar to the
  others) when it has one; else words of the lead taken verbatim: its opening up to the
  first clause break (who did what, where), without a dateline or agency tag.
- Importance: independent origins, further outlets, and what is new since last week.
"""

from __future__ import annotations

import re

from briefing.models import Claim
from briefing.text.lead import leads_front_page
from briefing.text.roles import LEAD_SENTENCES  # an article's first sentences: what happened

# Title length in words, and the fewest words before a clause break may end it.
TITLE_WORDS = 10
TITLE_MIN_WORDS = 5
# Importance: each independent origin 1, each further reprint a quarter, each outlet
# beyond the first a quarter, plus the share of its key points that are new this week
# (when there is a previous brief), plus the salience of its key points to break ties.
REPRINT_WEIGHT = 0.25
OUTLET_WEIGHT = 0.25
NOVELTY_WEIGHT = 1.0

_DATELINE = re.compile(
    r"^\s*(?:\([A-Z][\w .]*\)\s*[-—–_:]*\s*"  # (CNN) -
    r"|[A-Z][A-Z ./'-]{2,}(?:,\s*[\w .'-]+?)?\s*(?:\([\w .]+\))?\s*(?:[-—–_]{1,2}|:)\s+"
    r"|[A-Z]{3,}(?:[ ,/]+[A-Z]{3,})*(?:,\s*[A-Z][a-z]+)?\s+(?=[A-Z][a-z]))")  # TOKYO Exhausted ...
# An opening phrase before the subject ("In an interview with CNN, ...", "On Monday, ..."):
# the title starts after its comma.
_OPENER = re.compile(r"^(?:in|on|at|after|before|during|with|as|when|while|under|since|for|by|first|"
                     r"earlier|later|meanwhile|today|yesterday|last|this)\b[^,]{0,80},\s+", re.I)
_BREAK = re.compile(r"\s*(?:[,;:—–(]|\s-\s|\b(?:after|as|when|while|because|following|amid|despite|"
                    r"according|who|which|where|saying|said|says|but|although|though|until|since|"
                    r"before|even|if|than)\b)")
_TRAILING = re.compile(r"(?:\s+(?:a|an|the|of|to|in|on|at|for|from|by|with|and|or|its|their|his|her))+$", re.I)


def lead_claim(claims: list[Claim], headlines: dict[str, str] | None = None) -> Claim | None:
    """The story's claim that says what happened, standing alone; None if none does
    (`headlines`: each source's headline, what a definite description may refer to)."""
    headlines = headlines or {}
    alone = [c for c in claims if leads_front_page(c.text, headlines.get(c.origin[0], ""))]
    if not alone:
        return None
    return min(alone, key=lambda c: (not any(e.index < LEAD_SENTENCES for e in c.evidence),
                                     -len({e.source for e in c.evidence}), -c.score, c.first_seen))


def lead_sentence(documents) -> str | None:
    """When no claim stands alone: the first sentence that does among the opening sentences
    of the story's articles (the most central article first)."""
    for document in documents:
        for sentence in document.sentences[:LEAD_SENTENCES]:
            if leads_front_page(strip_dateline(sentence.text), document.article.source.title or ""):
                return sentence.text
    return None


def strip_dateline(text: str) -> str:
    """'TASHGAR, Karvenia (AP) _ Voters ...' -> 'Voters ...'."""
    m = _DATELINE.match(text)
    rest = text[m.end():] if m else text
    return rest[:1].upper() + rest[1:] if rest else text


def title_from(sentence: str) -> str:
    """A title taken verbatim from the lead: its opening, cut at the first clause break
    after a few words and at most TITLE_WORDS words, with '…' when cut."""
    text = " ".join(strip_dateline(sentence).split()).rstrip(".")
    opener = _OPENER.match(text)
    if opener and len(text[opener.end():].split()) >= TITLE_MIN_WORDS:
        text = text[opener.end()][:1].upper() + text[opener.end() + 1:]
    words = text.split()
    cut = len(text)
    for m in _BREAK.finditer(text):
        if len(text[:m.start()].split()) >= TITLE_MIN_WORDS:
            cut = m.start()
            break
    head = text[:cut]
    if len(head.split()) > TITLE_WORDS:
        head = " ".join(head.split()[:TITLE_WORDS])
    head = _TRAILING.sub("", head).rstrip(" ,;:-—–")
    return head if len(head) == len(" ".join(words)) else head + " …"


def story_title(headline: str | None, lead: str | None, names: list[str], sources: int) -> str:
    """The central article's headline; else from the lead sentence (the central article's
    first sentence when no claim stands alone); else the story's names."""
    if headline and headline.strip():
        return " ".join(headline.split())
    if lead and lead.strip():
        return title_from(lead)
    if names:
        return ", ".join(names[:3])
    return f"Untitled report ({sources} source{'s' if sources != 1 else ''})"


def importance(origins: int, articles: int, outlets: int, salience: float, new_share: float) -> float:
    return (origins + REPRINT_WEIGHT * (articles - origins) + OUTLET_WEIGHT * max(0, outlets - 1)
            + NOVELTY_WEIGHT * new_share + salience)
