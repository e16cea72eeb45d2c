"""What a sentence does in a news story, as numbers a classifier can weigh.

A sentence reports the event (its principal actors say, decide, find), responds to it (a
third party speaks: the subject of the reporting verb is not one of the event's actors;
denials, condemnation), describes forces and violence, or looks ahead (modality, future,
plans). The features here say so from the sentence's syntax-like cues (modal verbs, tense
markers, a reporting verb and who its subject is, negation, quotation) and from the event's
own actors: the names most articles use, counted double in their opening sentences. The word
classes are data (`data/roles.toml`); the weight of each feature for each section is learned
from hand labels (tests/judged/train_sections.py -> `data/section_weights.toml`).
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from briefing.models import Document, Sentence
from briefing.text.people import NOT_NAMES
from briefing.text.titles import TITLE_WORDS
from briefing.text.terms import entities, entity_spans, stem

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20[0-3]\d)\b")
_PRONOUN_SUBJECT = {"he", "she", "they", "it", "we", "i"}
# The event's principal actors: the names used by the most articles (at least two when there
# are several), at most this many.
PRINCIPALS = 6
LEAD_SENTENCES = 3  # an article's lead, where news says what happened: its names count double
_SUBJECT_WINDOW = 6  # words before (or after, "said Mr X") a reporting verb that name its subject


@lru_cache(maxsize=1)
def valences() -> dict[str, float]:
    """Hand-rated valence (-4 to 4) of English words, from the VADER sentiment lexicon that the
    vaderSentiment package ships (only its data file is read; its code is never imported)."""
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            out[parts[0]] = float(parts[1])
    return out


def evaluative(words: list[str]) -> float:
    """How strongly a sentence judges (praise, blame, alarm): half the summed strength of its
    rated words, at most 3. Responses judge; reports of what happened mostly do not."""
    rated = valences()
    return min(sum(abs(rated.get(w.lower(), 0.0)) for w in words) / 2, 3.0)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[tuple[str, ...], ...]]:
    data = tomllib.loads(resources.files("briefing").joinpath("data/roles.toml").read_text("utf-8"))
    return {cls: tuple(tuple(stem(w) for w in _WORD.findall(phrase)) for phrase in words)
            for cls, words in data.items()}


def _stems(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text)]


def _hits(stems: list[str], phrases: tuple[tuple[str, ...], ...]) -> list[int]:
    """Positions where a phrase of the class starts."""
    by_first = _by_first(phrases)
    out = []
    for i, word in enumerate(stems):
        # only the phrases that open with this word can start here (a weekly brief asks this
        # of every word of 5,000 articles: comparing each against every phrase took most of its time)
        for p in by_first.get(word, ()):
            if tuple(stems[i:i + len(p)]) == p:
                out.append(i)
                break
    return out


@lru_cache(maxsize=16)
def _by_first(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """A class's phrases by their first word, in the class's order."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        if p:
            out.setdefault(p[0], []).append(p)
    return {w: tuple(ps) for w, ps in out.items()}


def names(text: str) -> set[str]:
    """Names a sentence uses: countries and organisations (one token each, data/aliases.toml)
    and capitalised words not opening the sentence."""
    found = set(entities(text))
    for m in _NAME.finditer(text):
        if m.start() > 0 and len(m.group()) > 2:
            found.add(m.group().lower())
    return found


def actors(text: str) -> set[str]:
    """Who or what a sentence names as able to act: its countries and organisations (one
    token each, however written: "Russia", "Russian", "Moscow") and its other capitalised
    words not opening the sentence, less those inside a country's name, titles ("President")
    and days and months ("Sunday"), which name no actor."""
    found = set(entities(text))
    spans = entity_spans(text)
    for m in _NAME.finditer(text):
        word = m.group()
        if (m.start() > 0 and len(word) > 2 and word not in NOT_NAMES and word.lower() not in TITLE_WORDS
                and not any(a <= m.start() < b for a, b in spans)):
            found.add(word.lower())
    return found


@dataclass(frozen=True)
class Context:
    """What the whole set of articles says about who the event's actors are and when it is."""

    principals: frozenset[str]
    year: int | None  # the latest year the articles are dated or mention


def context(documents: list[Document]) -> Context:
    weight: Counter = Counter()
    df: Counter = Counter()
    years = []
    for d in documents:
        seen: set[str] = set()
        for s in d.sentences:
            found = actors(s.text)
            seen |= found
            for n in found:
                weight[n] += 2 if s.index < LEAD_SENTENCES else 1
        df.update(seen)
        if d.article.source.published:
            years.append(int(d.article.source.published[:4]))
    least = 2 if len(documents) > 1 else 1
    ranked = sorted((n for n in weight if df[n] >= least), key=lambda n: (-df[n] * weight[n], n))
    return Context(frozenset(ranked[:PRINCIPALS]), max(years) if years else event_year(documents))


def event_year(documents: list[Document]) -> int | None:
    """With no publication dates: the latest year that several articles name (one article: its
    latest year), taken as the year of the event."""
    named: Counter = Counter()
    for d in documents:
        named.update({int(y) for s in d.sentences for y in _YEAR.findall(s.text)})
    least = 2 if len(documents) > 1 else 1
    return max((y for y, n in named.items() if n >= least), default=None)


def _subject(words: list[str], at: int, principals: frozenset[str]) -> str:
    """Who speaks: 'principal' (one of the event's actors), 'pronoun', or 'other'."""
    before = words[max(0, at - _SUBJECT_WINDOW):at]
    after = words[at + 1:at + 1 + _SUBJECT_WINDOW]
    window = before + after
    found = actors(" " + " ".join(window))
    if found & principals:
        return "principal"
    if found:
        return "other"
    if any(w.lower() in _PRONOUN_SUBJECT for w in before[-2:] + after[:1]):
        return "pronoun"
    return "other"


def features(sentence: Sentence, position: float, ctx: Context, cue: dict[str, float]) -> dict[str, float]:
    """The sentence's features by name (`cue`: the section cue scores of data/sections.toml)."""
    text = sentence.text
    lex = lexicon()
    words = _WORD.findall(text)
    stems = [stem(w) for w in words]
    f: dict[str, float] = {"bias": 1.0}
    for key, value in cue.items():
        f[f"cue:{key}"] = min(value, 6.0)
    for cls in ("response", "force", "modal", "future", "background", "negation"):
        f[cls] = min(len(_hits(stems, lex[cls])), 3)
    regular_past = sum(1 for w in words if len(w) > 4 and w.lower().endswith("ed"))
    f["past"] = min(len(_hits(stems, lex["past"])) + regular_past, 3)
    f["evaluative"] = evaluative(words)
    reports = _hits(stems, lex["reporting"])
    f["reporting"] = float(bool(reports))
    subject = _subject(words, reports[0], ctx.principals) if reports else ""
    for who in ("principal", "pronoun", "other"):
        f[f"speaker:{who}"] = float(subject == who)
    mine = actors(text)
    f["principals"] = min(len(mine & ctx.principals), 3)
    f["others"] = min(len(mine - ctx.principals), 3)
    f["response_by_other"] = f["response"] * (subject == "other" or not (mine & ctx.principals))
    # a speaker whose role marks a third party ("X, a professor at ...", "residents said")
    near = stems[max(0, reports[0] - 8):reports[0] + 9] if reports else []
    f["speaker:third"] = float(bool(_hits(near, lex["third_party"])))
    f["third_party"] = float(bool(_hits(stems, lex["third_party"])))
    years = [int(y) for y in _YEAR.findall(text)]
    f["old_year"] = float(bool(ctx.year and any(y < ctx.year for y in years)))
    f["quote"] = float(bool(re.search(r"[\"“”]|``|''", text)))
    f["opens_quote"] = float(bool(re.match(r"^\W*[\"“`]", text)))
    f["question"] = float("?" in text)
    f["lead"] = float(sentence.index == 0)
    f["position"] = position
    f["length"] = math.log1p(len(words))
    f["number"] = float(bool(re.search(r"\d", text)))
    return f



_SINCE_YEAR = re.compile(r"\bsince (?:the )?(?:1[89]\d\d|20[0-3]\d)s?\b", re.I)
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]|``.*?''")


def is_background(text: str, year: int | None) -> bool:
    """Backstory rather than this event's news: a year before the event's ("in 1999"),
    "since 1984", or a backstory phrase of data/roles.toml ("has long", "for decades")."""
    if _SINCE_YEAR.search(text) or _hits(_stems(text), lexicon()["background"]):
        return True
    return bool(year and any(int(y) < year for y in _YEAR.findall(text)))


# Time told as before the news of the day: "until Monday", "two years ago", "last week", "in
# June" (a month with no day), "often", "usually", "already", "previously". "Earlier" and
# "later" are left out: "Earlier Thursday", "later on Monday" are mostly the day's news.
_TOLD_BEFORE = re.compile(r"\b(?:until|ago|often|usually|previously|already|last\s+(?:week|month|year)|in\s+(?:January|"
                          r"February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d))",
                          re.I)


def told_before(text: str) -> bool:
    """Whether the sentence tells of a time before the day's news (outside its quotations):
    on the 47 judged clusters, 17 of the 30 such claims that could have led were judged
    background or unable to stand alone, against 108 of 492 of all that could."""
    return bool(_TOLD_BEFORE.search(_QUOTED.sub(" ", text)))


def is_bare_quote(text: str) -> bool:
    """A quotation shown with nobody named as saying it: it opens with a quotation mark, or is
    mostly quotation with no name outside the quotes."""
    if re.match(r"^\W*?[\"“‘`]", text):
        return True
    outside = _QUOTED.sub(" ", text)
    return len(outside) < 0.5 * len(text) and not names(" " + outside)
