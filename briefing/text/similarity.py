"""How alike two sentences are: IDF-weighted shared terms (names, numbers and the event's
own nouns), scored in numpy batches over candidate pairs found through shared rare terms, so
that comparing every sentence of a large input stays sub-quadratic. Claim matching
(stages/synthesize) and the weekly novelty check (weekly/novelty) read sentences with it.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from itertools import chain

import numpy as np

from briefing.models import Sentence
from briefing.text.terms import spelling_variants, terms

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
        # other verdicts on a pair (i < j) that merging asks for again: text/same_claim's
        self.verdicts: dict[tuple[int, int], bool] = {}

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

    def similarity(self, i: int, j: int, keep: bool = True) -> float:
        """Shared IDF mass, half against the shorter sentence and half against both.

        The first half lets a short sentence match a long one that tells the same thing
        with more detail; the second keeps two long sentences that merely share a few
        words apart. IDF is summed in the terms' sorted order, so a pair scores the same
        in every process and whether it is scored alone or in bulk (`similarities`).
        """
        key = (i, j) if i < j else (j, i)
        if key not in self._known:
            if not keep:  # a caller that asks for each pair once: nothing to keep
                return self._similarity(i, j)
            self._known[key] = self._similarity(i, j)
        return self._known[key]

    def word_mass(self, i: int) -> float:
        """The IDF mass of sentence i's words (its counts left out)."""
        return float(self.mass[i])

    @staticmethod
    def is_number(term: str) -> bool:
        return term.startswith(_NUMBER_PREFIX)

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
