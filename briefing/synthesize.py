"""Stage 5: merge what several sources say into claims that cite all of them.

Every sentence of every article (not only the condensed ones) is a candidate witness, so a
claim cites each source that states it even when that source's summary left it out. Two
sentences state the same claim when their weighted vocabularies overlap enough (below);
sentences are grouped greedily, strongest pair first, under two rules that keep distinct
claims apart: a claim holds at most one sentence per source (unless that source says the
same thing twice, nearly word for word), and a newcomer must resemble the claim's other
members on average, not just one of them (no chaining A~B~C into one claim).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable

from .facts import discrepancies
from .models import Claim, Evidence, Sentence, Summary
from .terms import spelling_variants, terms

# Similarity at or above which two sentences from different sources state the same claim.
# Calibrated on two sets read by hand: the bundled example (its clear cross-source
# restatements score 0.46-0.66 once Sergey/Sergei are one name; sentences that only share
# the story's topic, e.g. "concern about Russia transferring missile technology" vs "North
# Korea's pursuit of missile technology", reach 0.42) and a small invented bridge-collapse
# story in tests/test_synthesize.py (restatements 0.47-0.51; different facts sharing "fire
# brigade" or "city council in 2021" 0.38-0.39). Known limit: a paraphrase with few words
# in common ("strengthening military ties" / "burgeoning relationship") is not matched.
SAME_CLAIM = 0.44
# A source may state a claim twice (a standfirst that quotes the lead: 0.76 in the
# example); two different things it says about one person share the name and score up to
# 0.6, so its own sentences join one claim only above this.
RESTATEMENT = 0.65
# A sentence joins a claim only if its mean similarity to the claim's members from other
# sources reaches this: loose enough for a claim told at different lengths, tight enough to
# stop a chain of pairwise matches from drifting to another claim.
MEAN_LINK = 0.3
# Corroboration: each further source stating a claim raises its score by this share.
CORROBORATION_BONUS = 0.25
# Terms in more than this share of all sentences are the story's topic; pairs that share
# only such terms are not compared at all (this is what keeps matching sub-quadratic).
TOPIC_SHARE = 0.3


class SentenceIndex:
    """Sentences as IDF-weighted term sets, with an inverted index for candidate pairs."""

    def __init__(self, sentences: list[Sentence]):
        self.sentences = sentences
        variants = spelling_variants(s.text for s in sentences)
        self.terms = [frozenset(variants.get(t, t) for t in _split_hyphens(terms(s.text))) for s in sentences]
        df: dict[str, int] = defaultdict(int)
        for ts in self.terms:
            for t in ts:
                df[t] += 1
        n = len(sentences)
        self.df = df
        self.idf = {t: math.log((n + 1) / c) for t, c in df.items()}
        self.mass = [sum(self.idf[t] for t in ts) for ts in self.terms]

    def similarity(self, i: int, j: int) -> float:
        """Shared IDF mass, half against the shorter sentence and half against both.

        The first half lets a short sentence match a long one that tells the same thing
        with more detail; the second keeps two long sentences that merely share a few
        words apart.
        """
        a, b = self.terms[i], self.terms[j]
        if not a or not b:
            return 0.0
        shared = sum(self.idf[t] for t in a & b)
        ma, mb = self.mass[i], self.mass[j]
        if shared <= 0 or ma <= 0 or mb <= 0:
            return 0.0
        return 0.5 * shared / min(ma, mb) + 0.5 * shared / math.sqrt(ma * mb)

    def candidate_pairs(self) -> Iterable[tuple[int, int]]:
        """Pairs of sentences that share at least one term that is not the story's topic."""
        cap = max(2, int(TOPIC_SHARE * len(self.sentences)))
        postings: dict[str, list[int]] = defaultdict(list)
        for i, ts in enumerate(self.terms):
            for t in ts:
                if self.df[t] <= cap:
                    postings[t].append(i)
        seen: set[tuple[int, int]] = set()
        for ids in postings.values():
            for x, i in enumerate(ids):
                for j in ids[x + 1:]:
                    if (i, j) not in seen:
                        seen.add((i, j))
                        yield i, j


def _split_hyphens(ts: Iterable[str]) -> list[str]:
    out = []
    for t in ts:
        out.extend([t] if t.startswith("@") else [p for p in t.split("-") if len(p) > 1])
    return out


def synthesize(summaries: list[Summary], published: dict[str, str | None] | None = None) -> list[Claim]:
    """Group sentences that state the same claim; return one claim per group that holds a
    sentence of some article's condensed set, best first."""
    sentences = [s for summary in summaries for s in summary.document.sentences]
    salience = {s.key: summary.salience[s.index] for summary in summaries for s in summary.document.sentences}
    condensed = {(summary.source_id, i) for summary in summaries for i in summary.condensed}
    index = SentenceIndex(sentences)
    groups = _group(index)
    claims = []
    for members in groups.values():
        keys = [sentences[i].key for i in members]
        if not any(sentences[i].key in condensed for i in members):
            continue
        rep = max(members, key=lambda i: _representative_rank(sentences[i], salience, condensed))
        evidence = [Evidence(source=sentences[i].source_id, sentence=sentences[i].text,
                             start=sentences[i].start, end=sentences[i].end, index=sentences[i].index)
                    for i in sorted(members, key=lambda i: sentences[i].key)]
        top = max(salience[k] for k in keys)
        n_sources = len({k[0] for k in keys})
        claims.append(Claim(
            text=sentences[rep].text, evidence=evidence, salience=top,
            score=top * (1 + CORROBORATION_BONUS * (n_sources - 1)),
            discrepancies=discrepancies(evidence, published or {}), origin=sentences[rep].key))
    claims.sort(key=lambda c: (-c.score, c.first_seen))
    return claims


# A sentence that opens with a pronoun leans on the sentence before it ("They pointed out
# ...", "He added ..."); shown alone in a brief it loses who "they" are.
_LEANING_STARTS = re.compile(r"^[\W]*(?:he|she|they|it|this|these|those|his|her|their|its)\b", re.I)


def _representative_rank(sentence: Sentence, salience: dict, condensed: set) -> tuple:
    """Which member a claim shows: one that reads on its own, then one the summarizer
    kept, then the most salient."""
    return (not _LEANING_STARTS.match(sentence.text), sentence.key in condensed,
            salience[sentence.key], -sentence.index)


def _group(index: SentenceIndex) -> dict[int, list[int]]:
    """Greedy, strongest pair first, constrained agglomeration of same-claim sentences."""
    sentences = index.sentences
    pairs = []
    for i, j in index.candidate_pairs():
        same_source = sentences[i].source_id == sentences[j].source_id
        sim = index.similarity(i, j)
        if sim >= (RESTATEMENT if same_source else SAME_CLAIM):
            pairs.append((-sim, i, j))
    pairs.sort()
    group = list(range(len(sentences)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(sentences))}
    for _, i, j in pairs:
        gi, gj = group[i], group[j]
        if gi == gj or not _may_join(index, members[gi], members[gj]):
            continue
        if len(members[gi]) < len(members[gj]):
            gi, gj = gj, gi
        for k in members[gj]:
            group[k] = gi
        members[gi].extend(members.pop(gj))
    return members


def _may_join(index: SentenceIndex, a: list[int], b: list[int]) -> bool:
    sentences = index.sentences
    sims = []
    for i in a:
        for j in b:
            sim = index.similarity(i, j)
            if sentences[i].source_id == sentences[j].source_id:
                if sim < RESTATEMENT:
                    return False  # one source, two different things: not one claim
            else:
                sims.append(sim)
    return not sims or sum(sims) / len(sims) >= MEAN_LINK
