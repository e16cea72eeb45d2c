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
from itertools import chain

import numpy as np

from briefing.text.facts import discrepancies
from briefing.models import Claim, Evidence, Sentence, Summary, source_order
from briefing.text.terms import spelling_variants, terms

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
# The mean is taken over the first this-many members of each side (those that joined first,
# by the strongest links): exact for claims told by up to 10 sources, the size of a news
# cluster, and a bounded cost when a hundred sources tell one claim.
MEAN_LINK_SAMPLE = 10
# Corroboration: each further source stating a claim raises its score by this share.
CORROBORATION_BONUS = 0.25
# Terms in more than this share of all sentences are the story's topic; pairs that share
# only such terms are not compared at all (this is what keeps matching sub-quadratic).
TOPIC_SHARE = 0.3
# ... and in a large input (an archive of many stories) a term in more than this many
# sentences is common language, not a claim's mark. Two sentences that state one claim also
# share rarer words (names, numbers, the event's own nouns), through which they are still
# compared. The cap bounds the comparisons per sentence, which keeps merging linear in the
# input's size; it changes nothing for inputs under 333 sentences (where TOPIC_SHARE binds
# first), i.e. briefs of up to about 15 articles.
MAX_BLOCK = 100


class SentenceIndex:
    """Sentences as IDF-weighted term sets, with an inverted index for candidate pairs.

    The terms are also kept as integer ids in flat arrays (a sentence's ids ascending, one
    sentence after another), so that the similarities of many pairs are computed at once.
    """

    def __init__(self, sentences: list[Sentence]):
        self.sentences = sentences
        variants = spelling_variants(s.text for s in sentences)
        self.terms = [frozenset(variants.get(t, t) for t in _split_hyphens(terms(s.text))) | _numbers(s.text)
                      for s in sentences]
        df: dict[str, int] = defaultdict(int)
        for ts in self.terms:
            for t in ts:
                df[t] += 1
        n = len(sentences)
        self.df = df
        self.idf = {t: math.log((n + 1) / c) for t, c in df.items()}
        self._flatten()
        # A count both sentences give ("30 people") is evidence they tell one fact; a count
        # only one gives, or a different one, is not evidence against (sources disagree on
        # counts, and facts.py shows it), so counts add to what is shared, never to the mass.
        words = ~self._is_number[self._flat]
        self.mass = _sums_in_order(self._owner[words], self._idf[self._flat[words]], n)
        # merging asks for the same pair again each time one of its groups grows
        self._known: dict[tuple[int, int], float] = {}

    def _flatten(self) -> None:
        """Terms as integer ids, in arrays: per id its IDF, document frequency and whether it
        is a count; per sentence its ids ascending, all sentences one after another."""
        # Ids follow the vocabulary's sorted order, and IDF is always summed in the order of
        # the ids: a set's own order changes with the process's hash seed, and a sum taken
        # in another order can differ in its last bit, enough to cross a threshold.
        vocabulary = sorted(self.df)
        self._id = {t: k for k, t in enumerate(vocabulary)}
        self._idf = np.array([self.idf[t] for t in vocabulary])
        self._df = np.array([self.df[t] for t in vocabulary], dtype=np.int64)
        self._is_number = np.array([t.startswith(_NUMBER_PREFIX) for t in vocabulary], dtype=bool)
        ids = [sorted(self._id[t] for t in ts) for ts in self.terms]
        self._length = np.array([len(x) for x in ids], dtype=np.int64)
        self._start = np.concatenate(([0], np.cumsum(self._length)))
        self._flat = np.fromiter(chain.from_iterable(ids), dtype=np.int64, count=int(self._start[-1]))
        self._owner = np.repeat(np.arange(len(ids), dtype=np.int64), self._length)
        # one key per (sentence, term), ascending: whether a sentence has a term is one binary search
        self._keys = self._owner * len(vocabulary) + self._flat

    def similarity(self, i: int, j: int) -> float:
        """Shared IDF mass, half against the shorter sentence and half against both.

        The first half lets a short sentence match a long one that tells the same thing
        with more detail; the second keeps two long sentences that merely share a few
        words apart. IDF is summed in the terms' sorted order, so a pair scores the same
        in every process and whether it is scored alone or in bulk (`similarities`).
        """
        key = (i, j) if i < j else (j, i)
        if key not in self._known:
            self._known[key] = self._similarity(i, j)
        return self._known[key]

    def remember(self, first: np.ndarray, second: np.ndarray, similarity: np.ndarray) -> None:
        """Keep similarities computed in bulk (pairs with first < second) for `similarity`."""
        self._known.update(zip(zip(first.tolist(), second.tolist()), similarity.tolist()))

    def _similarity(self, i: int, j: int) -> float:
        """One pair, scored as `similarities` scores it, without the cost of arrays."""
        words = numbers = 0.0
        for t in sorted(self._id[t] for t in self.terms[i] & self.terms[j]):
            if self._is_number[t]:
                numbers += self._idf[t]
            else:
                words += self._idf[t]
        ma, mb = self.mass[i], self.mass[j]
        if words <= 0 or ma <= 0 or mb <= 0:
            return 0.0  # a shared number alone ("30") says nothing about what is counted
        return float(_score(words + numbers, ma, mb))

    def similarities(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """`similarity` of every pair (first[k], second[k]) at once, in bounded memory."""
        out = np.empty(len(first))
        for lo in range(0, len(first), _PAIRS_PER_BATCH):
            hi = lo + _PAIRS_PER_BATCH
            out[lo:hi] = self._batch_similarities(first[lo:hi], second[lo:hi])
        return out

    def _batch_similarities(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        # Look each term of the pair's shorter sentence up in the longer one (as a set
        # intersection does); the terms found come out per pair, ids ascending.
        swap = self._length[first] > self._length[second]
        probe, other = np.where(swap, second, first), np.where(swap, first, second)
        pair, position = _runs(self._start[probe], self._length[probe])
        term = self._flat[position]
        wanted = other[pair] * len(self._idf) + term
        found = np.minimum(np.searchsorted(self._keys, wanted), len(self._keys) - 1)
        shared = self._keys[found] == wanted
        pair, term = pair[shared], term[shared]
        number = self._is_number[term]
        words = _sums_in_order(pair[~number], self._idf[term[~number]], len(first))
        numbers = _sums_in_order(pair[number], self._idf[term[number]], len(first))
        ma, mb = self.mass[first], self.mass[second]
        scored = (words > 0) & (ma > 0) & (mb > 0)  # as in _similarity
        out = np.zeros(len(first))
        out[scored] = _score(words[scored] + numbers[scored], ma[scored], mb[scored])
        return out

    def candidate_pairs(self) -> Iterable[tuple[int, int]]:
        """Pairs (i < j) of sentences that share a term that is neither the story's topic nor
        common across the whole input (see `candidate_arrays`)."""
        first, second = self.candidate_arrays()
        return zip(first.tolist(), second.tolist())

    def candidate_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """The candidate pairs as two arrays, ascending by (i, j): each term's sentences form a
        block, and only pairs within a block are compared. Blocks hold at most MAX_BLOCK
        sentences, so the work grows with the number of sentences times MAX_BLOCK, not with
        its square."""
        n = len(self.sentences)
        cap = min(MAX_BLOCK, max(2, int(TOPIC_SHARE * n)))
        kept = self._df[self._flat] <= cap
        # the postings, term after term, each term's sentences ascending (the sort is stable)
        by_term = np.argsort(self._flat[kept], kind="stable")
        term, sentence = self._flat[kept][by_term], self._owner[kept][by_term]
        # each posting pairs with the postings after it in its block
        block_end = np.searchsorted(term, term, side="right")
        after = block_end - np.arange(len(term)) - 1
        earlier, later = _runs(np.arange(len(term)) + 1, after)
        pairs = _distinct(sentence[earlier] * n + sentence[later])  # a pair found in several blocks, once
        return pairs // n, pairs % n


# Pairs scored at once, which bounds the arrays of a batch (about 12 terms looked up a pair,
# some 50 bytes of arrays each: about 10 MiB) whatever the input's size. On the 1,000-article
# benchmark corpus 2**14 was the fastest of 2**12 ... 2**20 (larger batches leave the cache).
_PAIRS_PER_BATCH = 1 << 14


def _runs(starts: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For runs [start, start + length): the run number and the position of every element,
    runs one after another."""
    run = np.repeat(np.arange(len(starts), dtype=np.int64), lengths)
    first_of_run = np.cumsum(lengths) - lengths
    return run, np.arange(len(run), dtype=np.int64) + np.repeat(starts - first_of_run, lengths)


def _distinct(keys: np.ndarray) -> np.ndarray:
    """The distinct keys, ascending. (np.unique hashes first in numpy 2; sorting alone took a
    twentieth of its time on the 1,000-article benchmark corpus.)"""
    keys = np.sort(keys)
    first = np.ones(len(keys), dtype=bool)
    np.not_equal(keys[1:], keys[:-1], out=first[1:])
    return keys[first]


def _sums_in_order(owner: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """Per owner (0 <= owner < size, ascending), the sum of its values added one by one in
    the order given. numpy's own sums add in another order (pairwise), which can change the
    last bit; adding the k-th value of every owner in step k keeps the order of a plain loop,
    so a pair scores the same alone or in bulk."""
    count = np.bincount(owner, minlength=size)
    first = np.cumsum(count) - count
    total = np.zeros(size)
    live = np.flatnonzero(count)
    for k in range(int(count.max(initial=0))):
        live = live[count[live] > k]
        total[live] += values[first[live] + k]
    return total


def _score(shared: float | np.ndarray, ma: float | np.ndarray, mb: float | np.ndarray) -> float | np.ndarray:
    """The similarity of two sentences of IDF masses ma and mb that share `shared`: for floats
    and for arrays alike, so one pair and many are scored by one formula."""
    return np.minimum(1.0, 0.5 * shared / np.minimum(ma, mb) + 0.5 * shared / np.sqrt(ma * mb))


_NUMBER_PREFIX = "#"
_COUNT = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w])|(?<![\w.,])\d+(?:\.\d+)?(?![\w])")


def _numbers(text: str) -> frozenset[str]:
    """The numbers a sentence gives, as terms ("#30"); years are already words of its own."""
    return frozenset(_NUMBER_PREFIX + m.group(0).replace(",", "") for m in _COUNT.finditer(text)
                     if not (len(m.group(0)) == 4 and m.group(0)[:2] in ("19", "20")))


def _split_hyphens(ts: Iterable[str]) -> list[str]:
    out = []
    for t in ts:
        out.extend([t] if t.startswith("@") else [p for p in t.split("-") if len(p) > 1])
    return out


# For each sentence (source id, index): every sentence that states the same, itself included.
Witnesses = dict[tuple[str, int], tuple[Evidence, ...]]


def synthesize(summaries: list[Summary], published: dict[str, str | None] | None = None) -> list[Claim]:
    """Group sentences that state the same claim; return one claim per group that holds a
    sentence of some article's condensed set, best first."""
    return merge(summaries, published)[0]


def merge(summaries: list[Summary], published: dict[str, str | None] | None = None) -> tuple[list[Claim], Witnesses]:
    """The claims (as `synthesize`), and the witnesses of every sentence, so that a stage
    quoting a sentence that is no claim (a dated event, a denial) cites every source that
    states it, not only the one it read."""
    sentences = [s for summary in summaries for s in summary.document.sentences]
    salience = {s.key: summary.salience[s.index] for summary in summaries for s in summary.document.sentences}
    condensed = {(summary.source_id, i) for summary in summaries for i in summary.condensed}
    index = SentenceIndex(sentences)
    claims = []
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
        rep = max(members, key=lambda i: _representative_rank(sentences[i], salience, condensed))
        top = max(salience[k] for k in keys)
        n_sources = len({k[0] for k in keys})
        claims.append(Claim(
            text=sentences[rep].text, evidence=evidence, salience=top,
            score=top * (1 + CORROBORATION_BONUS * (n_sources - 1)),
            discrepancies=discrepancies(evidence, published or {}), origin=sentences[rep].key))
    claims.sort(key=lambda c: (-c.score, c.first_seen))
    return claims, witnesses


# A sentence that opens with a pronoun leans on the sentence before it ("They pointed out
# ...", "He added ..."); shown alone in a brief it loses who "they" are.
_LEANING_STARTS = re.compile(r"^[\W]*(?:he|she|they|it|this|these|those|his|her|their|its)\b", re.I)


def leans_on_context(text: str) -> bool:
    """Whether a sentence opens with a pronoun that needs the sentence before it."""
    return bool(_LEANING_STARTS.match(text))


def _representative_rank(sentence: Sentence, salience: dict, condensed: set) -> tuple:
    """Which member a claim shows: one that reads on its own, then one the summarizer
    kept, then the most salient."""
    return (not leans_on_context(sentence.text), sentence.key in condensed,
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
    for j in b:  # one source, two different things: not one claim (checked for every pair)
        if any(index.similarity(i, j) < RESTATEMENT for i in mine.get(sentences[j].source_id, ())):
            return False
    sims = [index.similarity(i, j) for i in a[:MEAN_LINK_SAMPLE] for j in b[:MEAN_LINK_SAMPLE]
            if sentences[i].source_id != sentences[j].source_id]
    return not sims or sum(sims) / len(sims) >= MEAN_LINK
