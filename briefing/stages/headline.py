"""The brief's title: the headline of its lead source, or, when no article has one, the
opening words of its central claim (who did what, where) — a verbatim prefix of a source
sentence, so the title says nothing the sources do not.
"""

from __future__ import annotations

import re

from briefing.models import Article, Claim
from briefing.text.terms import stop_words

MAX_WORDS = 14  # a headline's length; a longer main clause is cut and marked with "…"
MIN_WORDS = 5  # a clause break (", the Red Cross says") ends the title only after this many words
_DATELINE = re.compile(r"^[\s\W]*[A-Z][A-Za-z .,'-]{1,60}?\([A-Za-z]{2,8}\)\s*(?:_|--|—|–|-)\s*")
_BREAK = re.compile(r"[,;:]|\s[—–-]{1,2}\s|\s_\s")
# An opening phrase before the subject, and an apposition after it ("Ghlam, a 24-year-old
# national, was detained"; ", in eastern Ukraine,"): the title goes on past them.
_FRONTED = re.compile(r"^(?:under|during|in|on|at|after|before|while|when|as|with|following|despite|amid|"
                      r"earlier|later|meanwhile|elsewhere)\b[^,;:]*,\s*", re.I)
_RELATIVE = re.compile(r"\s*(?:who|which|whose|where|and|but|or|said|says|according)\b", re.I)
PARENTHESIS_WORDS = 6
# Page furniture taken for a headline: a byline, a photo credit, a run of capitals
# ("LISTEN TO ARTICLE"), a clock time.
_NOT_HEADLINE_CASED = re.compile(r"^By\s|\b[A-Z]{2,}(?:\s+[A-Z]{2,}){2,}\b")


def looks_like_headline(title: str) -> bool:
    return not (_NOT_HEADLINE_CASED.search(title) or re.search(r"©|\bcopyright\b|\b\d{1,2}:\d\d\b", title, re.I))


def from_claim(text: str) -> str:
    """The claim's subject and main clause: up to its first clause break, at most MAX_WORDS."""
    text = _DATELINE.sub("", text.strip())
    opening = _FRONTED.match(text)  # "Under the eye of state television, protesters declared ..."
    if opening and len(opening.group().split()) <= MAX_WORDS:
        text = text[opening.end():]
        text = text[:1].upper() + text[1:]
    words = text.split()
    cut = len(words)
    breaks = list(_BREAK.finditer(text))
    skip = set()
    for i, m in enumerate(breaks[:-1]):  # an inserted phrase between two commas: ", in eastern Ukraine,"
        inserted = text[m.end():breaks[i + 1].start()]
        if len(inserted.split()) <= PARENTHESIS_WORDS and not _RELATIVE.match(inserted):
            skip |= {i, i + 1}
    for i, m in enumerate(breaks):
        before = len(text[:m.start()].split())
        if before >= MIN_WORDS and i not in skip:
            cut = before
            break
    short = cut > MAX_WORDS
    kept = words[:min(cut, MAX_WORDS)]
    stops = stop_words()
    while short and len(kept) > MIN_WORDS and kept[-1].lower().strip(",;:") in stops:
        kept.pop()  # never end on "of", "the", "and"
    title = " ".join(kept).rstrip(",;:.") if kept else text
    return title + ("…" if short else "")


def _without_dateline(headline: str) -> str:
    """A wire story's first line as its headline, without the dateline before it or the colon
    that leads into its list ("PAHOA, Hawaii (AP) — The Latest on a volcano eruption:")."""
    return _DATELINE.sub("", headline.strip()).rstrip(" :")


def derive_title(articles: list[Article], claims: list[Claim], key_points: list[Claim]) -> str:
    """The headline of the article behind the brief's top claim, else of the first with one;
    else the central claim's opening clause; else how many sources the brief has."""
    headlines = {a.source.id: _without_dateline(a.source.title or "") for a in articles}
    titled = {k: h for k, h in headlines.items() if h and looks_like_headline(h)}
    for claim in claims[:1]:
        if claim.origin[0] in titled:
            return titled[claim.origin[0]]
    if titled:
        return next(iter(titled.values()))
    for claim in key_points[:1] or claims[:1]:
        return from_claim(claim.text)
    return f"Brief from {len(articles)} source{'s' if len(articles) != 1 else ''}"
