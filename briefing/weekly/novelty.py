"""What is new since last week: claim fingerprints, and new / updated / continuing / dropped.

A claim is stored with its brief as a record: its text, a fingerprint (its vocabulary with
numbers and dates taken out, so "12 people" and "30 people" give one fingerprint) and the
facts it states. This week's claim is the same claim as a stored one when one of its
evidence sentences is as similar to it as two sources stating one claim must be
(synthesize.SAME_CLAIM, with the same similarity); it is *updated* when they differ on a
counted quantity or a date, and *continuing* otherwise. Stored claims that no sentence of
the week restates are listed as dropped. Candidates come from an inverted index
of last week's claims, so no sentence is compared with every other.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from briefing.text.dates import dates
from briefing.text.facts import numbers
from briefing.models import Claim, Sentence
from briefing.stages.synthesize import SAME_CLAIM
from briefing.text.similarity import TOPIC_SHARE, SentenceIndex
from briefing.text.terms import stop_words
from briefing.text.terms import terms

_NUMERAL = re.compile(r"^\d[\d.,]*$")
_WORD = re.compile(r"[^\W_]+")


@dataclass
class Mark:
    status: str  # "new" | "updated" | "continuing"
    previous: str | None = None  # last week's sentence, when the claim was there
    changes: list[tuple[str, str]] = field(default_factory=list)  # (was, now), as written


def claim_key(text: str) -> str:
    """The claim's vocabulary without numerals: stable across wording of its numbers."""
    vocabulary = sorted({t for t in terms(text) if not _NUMERAL.match(t)})
    return hashlib.sha1(" ".join(vocabulary).encode("utf-8")).hexdigest()[:16]


def record(claim: Claim, story: str, sources: dict[str, str]) -> dict:
    """What is stored of a claim for next week's comparison."""
    return {"fingerprint": claim_key(claim.text), "text": claim.text, "story": story,
            "sources": [sources[s] for s in claim.source_ids]}


def changes(before: str, after: list[str]) -> list[tuple[str, str]]:
    """Facts the two tellings give differently: (as written last week, as written now)."""
    now_text = " ".join(after)
    out = []
    old_n, new_n = numbers(before), numbers(now_text)
    for noun in sorted(old_n.keys() & new_n.keys()):
        if old_n[noun][0] != new_n[noun][0]:
            out.append((old_n[noun][1], new_n[noun][1]))
    old_d, new_d = dates(before), dates(now_text)
    if old_d and new_d and not any(a.can_match(b) for a in old_d for b in new_d):
        out.append((old_d[0].text, new_d[0].text))
    return out


def compare(claims: list[Claim], previous: list[dict], sentences: Iterable[Sentence] = ()
            ) -> tuple[dict[tuple[str, int], Mark], list[dict]]:
    """Marks for this week's claims (keyed by claim.origin) and last week's dropped records.

    `sentences` are all of the week's sentences: a stored claim that no claim restates is
    still not dropped when some sentence of the week (one the summaries left out) does.
    """
    prev_sentences = [Sentence("prev", i, 0, len(r["text"]), r["text"]) for i, r in enumerate(previous)]
    now_sentences, owner = [], []
    for c, claim in enumerate(claims):
        for e in claim.evidence:
            now_sentences.append(Sentence(e.source, len(now_sentences), e.start, e.end, e.sentence))
            owner.append(c)
    best: dict[int, tuple[float, int]] = {}  # claim -> (similarity, previous record)
    matched: set[int] = set()
    for n, p, sim in _restatements(prev_sentences, now_sentences):
        matched.add(p)
        c = owner[n]
        if c not in best or (sim, -p) > (best[c][0], -best[c][1]):  # most similar, then earliest
            best[c] = (sim, p)
    fingerprints = {r["fingerprint"]: p for p, r in enumerate(previous)}
    marks = {}
    for c, claim in enumerate(claims):
        p = best[c][1] if c in best else fingerprints.get(claim_key(claim.text))
        if p is None:
            marks[claim.origin] = Mark("new")
            continue
        matched.add(p)
        before = previous[p]["text"]
        diff = changes(before, [e.sentence for e in claim.evidence])
        marks[claim.origin] = Mark("updated" if diff else "continuing", before, diff)
    unmatched = [s for s in prev_sentences if s.index not in matched]
    if unmatched:
        rest = _sharing_words(unmatched, sentences)
        matched.update(unmatched[p].index for _, p, _ in _restatements(unmatched, rest))
    dropped = [r for p, r in enumerate(previous) if p not in matched]
    return marks, dropped


# A sentence is read closely against last week's unmatched claims only if it shares at
# least this many of a claim's distinctive words (all of them, for a claim with fewer), a
# word being distinctive when it is in at most DISTINCTIVE_SHARE of those claims. Two
# sentences that state one claim (similarity >= SAME_CLAIM) share far more than two
# distinctive words; the filter keeps the close reading to a few sentences of the week.
SHARED_WORDS = 2
DISTINCTIVE_SHARE = 0.05


def _sharing_words(claims: list[Sentence], sentences: Iterable[Sentence]) -> list[Sentence]:
    words = [_words(c.text) for c in claims]
    df: dict[str, int] = defaultdict(int)
    for ws in words:
        for w in ws:
            df[w] += 1
    cap = max(2, int(DISTINCTIVE_SHARE * len(claims)))
    postings: dict[str, list[int]] = defaultdict(list)
    need = []
    for k, ws in enumerate(words):
        distinctive = [w for w in ws if df[w] <= cap]
        need.append(min(SHARED_WORDS, len(distinctive)))
        for w in distinctive:
            postings[w].append(k)
    out = []
    for s in sentences:
        shared: dict[int, int] = defaultdict(int)
        for w in _words(s.text):
            for k in postings.get(w, ()):
                shared[k] += 1
        if any(n >= need[k] for k, n in shared.items()):
            out.append(s)
    return out


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - stop_words()


def _restatements(prev: list[Sentence], now: list[Sentence]) -> Iterator[tuple[int, int, float]]:
    """(position in now, position in prev, similarity) for every pair that states one claim,
    found through an inverted index of `prev` (never all pairs)."""
    index = SentenceIndex(prev + now)
    offset = len(prev)
    cap = max(2, int(TOPIC_SHARE * len(index.sentences)))
    postings: dict[str, list[int]] = defaultdict(list)
    for p in range(offset):
        for t in index.terms[p]:
            if index.df[t] <= cap:
                postings[t].append(p)
    # a sentence's similarities depend on its words only: copies of it (one wire sentence in
    # every outlet's report) are compared once
    found: dict[str, list[tuple[int, float]]] = {}
    for n in range(len(now)):
        i = offset + n
        if now[n].text not in found:
            sims = ((p, index.similarity(i, p, keep=False))  # each pair once: nothing to keep
                    for p in sorted({p for t in index.terms[i] for p in postings.get(t, ())}))
            found[now[n].text] = [(p, sim) for p, sim in sims if sim >= SAME_CLAIM]
        for p, sim in found[now[n].text]:
            yield n, p, sim
