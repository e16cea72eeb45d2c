"""Stage 5: merge what several sources say into claims that cite all of them.

Every sentence of every article (not only the condensed ones) is a candidate witness, so a
claim cites each source that states it even when that source's summary left it out. Two
sentences state the same claim when their weighted vocabularies overlap enough (below);
sentences are grouped greedily, strongest pair first, under two rules that keep distinct
claims apart: a claim holds at most one sentence per source (unless that source says the
same thing twice, nearly word for word), and a newcomer must state the same thing as each
of the claim's members from other sources (text/same_claim: no chaining A~B~C into one claim).
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from briefing.text.facts import discrepancies
from briefing.models import Claim, Evidence, Sentence, Summary, source_order, Witnesses
from briefing.text import shown
from briefing.text.similarity import SentenceIndex
from briefing.text.same_claim import states_same

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
# A sentence joins a claim only if it states the same thing as every member from another
# source (text/same_claim), checked against the first this-many members of each side (those
# that joined first, by the strongest links): exact for claims told by up to 10 sources,
# the size of a news cluster, and a bounded cost when a hundred sources tell one claim.
MEAN_LINK_SAMPLE = 10
# Corroboration: each further source stating a claim raises its score by this share.
CORROBORATION_BONUS = 0.25
def synthesize(summaries: list[Summary], published: dict[str, str | None] | None = None) -> list[Claim]:
    """Group sentences that state the same claim; return one claim per group that holds a
    sentence of some article's condensed set, best first."""
    return merge(summaries, published)[0]


def merge(summaries: list[Summary], published: dict[str, str | None] | None = None,
          stand_alone: bool = True) -> tuple[list[Claim], Witnesses]:
    """The claims (as `synthesize`), and the witnesses of every sentence, so that a stage
    quoting a sentence that is no claim (a dated event, a denial) cites every source that
    states it, not only the one it read. With `stand_alone` (a brief), each claim is shown in
    words that stand alone or is left out; without (the short summary, which chooses among
    every source's words of a claim itself, multidoc.py), each shows one of its sentences."""
    sentences = [s for summary in summaries for s in summary.document.sentences]
    salience = {s.key: summary.salience[s.index] for summary in summaries for s in summary.document.sentences}
    condensed = {(summary.source_id, i) for summary in summaries for i in summary.condensed}
    documents = {summary.source_id: summary.document for summary in summaries}
    index = SentenceIndex(sentences)
    candidates = []
    witnesses: Witnesses = {}
    for members in _group(index).values():
        members = sorted(members, key=lambda i: (source_order(sentences[i].source_id), sentences[i].index))
        evidence = [Evidence(source=sentences[i].source_id, sentence=sentences[i].text,
                             start=sentences[i].start, end=sentences[i].end, index=sentences[i].index)
                    for i in members]
        for i in members:
            witnesses[sentences[i].key] = tuple(evidence)
        keys = [sentences[i].key for i in members]
        if not any(k in condensed for k in keys):
            continue
        # the ways to show it, best first: a sentence that stands alone, then one joined to
        # the sentences it depends on (text/standalone.py, text/shown.py); none, and it is no claim
        ranked = sorted(members, key=lambda i: _representative_rank(sentences[i], salience, condensed), reverse=True)
        candidates_of = [(documents[sentences[i].source_id], sentences[i].index) for i in ranked]
        ways = shown.ways_to_show(candidates_of) if stand_alone else shown.as_written(candidates_of)
        if not ways:
            continue
        top = max(salience[k] for k in keys)
        n_sources = len({k[0] for k in keys})
        candidates.append(shown.Shown(
            Claim(text=ways[0].evidence.sentence, evidence=evidence, salience=top,
                  score=top * (1 + CORROBORATION_BONUS * (n_sources - 1)),
                  discrepancies=discrepancies(evidence, published or {}), origin=(ways[0].source, ways[0].index)),
            ways))
    candidates.sort(key=lambda c: (-c.claim.score, c.claim.first_seen))
    return shown.place(candidates) if stand_alone else [c.claim for c in candidates], witnesses


def _representative_rank(sentence: Sentence, salience: dict, condensed: set) -> tuple:
    """Which member a claim shows, among those that stand alone as well (text/standalone.py):
    one the summarizer kept, then the most salient."""
    return (sentence.key in condensed,
            salience[sentence.key], -sentence.index)


def _group(index: SentenceIndex) -> dict[int, list[int]]:
    """Greedy, strongest pair first, constrained agglomeration of same-claim sentences."""
    sentences = index.sentences
    group = list(range(len(sentences)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(sentences))}
    for i, j in _linked_pairs(index):
        gi, gj = group[i], group[j]
        if gi == gj or not _may_join(index, members[gi], members[gj]):
            continue
        if len(members[gi]) < len(members[gj]):
            gi, gj = gj, gi
        for k in members[gj]:
            group[k] = gi
        members[gi].extend(members.pop(gj))
    return members


def _linked_pairs(index: SentenceIndex) -> list[tuple[int, int]]:
    """Candidate pairs similar enough to state one claim, strongest first (ties by (i, j))."""
    first, second = index.candidate_arrays()
    similarity = index.similarities(first, second)
    source = _source_numbers(index.sentences)
    needed = np.where(source[first] == source[second], RESTATEMENT, SAME_CLAIM)
    linked = similarity >= needed
    first, second, similarity = first[linked], second[linked], similarity[linked]
    index.remember(first, second, similarity)  # _may_join asks for most of them again
    # sentences link only when they report the same thing (text/same_claim): two sources', and
    # a source's own two sentences too ("In both states ... seven points" is not its "In eight
    # states ... three points", however alike)
    same = np.array([states_same(index, i, j) for i, j in zip(first.tolist(), second.tolist())], dtype=bool)
    first, second, similarity = first[same], second[same], similarity[same]
    order = np.lexsort((second, first, -similarity))
    return list(zip(first[order].tolist(), second[order].tolist()))


def _source_numbers(sentences: list[Sentence]) -> np.ndarray:
    """Each sentence's source as a number, equal for sentences of one source."""
    numbers: dict[str, int] = {}
    return np.array([numbers.setdefault(s.source_id, len(numbers)) for s in sentences], dtype=np.int64)


def _may_join(index: SentenceIndex, a: list[int], b: list[int]) -> bool:
    sentences = index.sentences
    mine: dict[str, list[int]] = defaultdict(list)
    for i in a:
        mine[sentences[i].source_id].append(i)
    for j in b:  # one source, two different things: not one claim (checked for every pair),
        # unless it tells the claim over two adjacent sentences that each state it (below)
        if any(index.similarity(i, j) < RESTATEMENT and abs(sentences[i].index - sentences[j].index) != 1
               for i in mine.get(sentences[j].source_id, ())):
            return False
    # every sentence of a claim states what each other source's sentence states: no chain
    # A~B~C cites C for A (checked over the first members of each side, as the mean is)
    return all(states_same(index, i, j) for i in a[:MEAN_LINK_SAMPLE] for j in b[:MEAN_LINK_SAMPLE]
               if sentences[i].source_id != sentences[j].source_id)
