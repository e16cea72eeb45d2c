"""One answer to "is this the same text": two articles are one origin (a wire story reprinted,
retitled, trimmed or lightly edited by several outlets) when their word 4-gram shingles
overlap enough. The single brief counts origins with it (stages/corroborate) and the archive
finds stored reprints with it (archive/store, through MinHash band keys), so the same
articles get the same origin count in both briefs.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from itertools import combinations

# MinHash: 64 hash functions in 16 bands of 4 rows. Two articles whose shingle sets have
# Jaccard similarity 0.6 share a band with probability 1-(1-0.6**4)**16 = 0.89; at 0.8, 0.9999;
# at 0.2 (same topic, different text), 0.025 - and those candidates are then checked exactly.
SHINGLE = 4
BANDS, ROWS = 16, 4
# Same origin when the exact shingle overlap reaches either bound. Jaccard 0.5 keeps a copy
# with a new headline, a rewritten lead and a few changed words (0.6-0.9 on the test's wire
# copies); containment 0.8 keeps a copy trimmed to its first paragraphs. Two reports of one
# event written independently share few 4-word runs (under 0.1 on the bundled example).
NEAR_JACCARD = 0.5
NEAR_CONTAINMENT = 0.8
# Shingles hash to 32 bits; the permutations are a*x+b mod a prime just above 2**32, with
# a < 2**31 so that a*x+b fits in numpy's uint64.
_PRIME = 4294967311
_WORDS = re.compile(r"[^\W_]+", re.U)


def text_fingerprint(text: str) -> str:
    """The same words in the same order give the same fingerprint, whatever the spacing,
    case or punctuation a site added."""
    words = " ".join(w.casefold() for w in _WORDS.findall(text))
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


def shingles(text: str) -> set[int]:
    words = [w.casefold() for w in _WORDS.findall(text)]
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    return {int.from_bytes(hashlib.blake2b(" ".join(words[i:i + SHINGLE]).encode(), digest_size=4).digest(), "big")
            for i in range(len(words) - SHINGLE + 1)}


def _permutations():
    import random

    rng = random.Random(20231023)  # fixed: keys must be the same in every run
    return [(rng.randrange(1, 1 << 31), rng.randrange(0, _PRIME)) for _ in range(BANDS * ROWS)]


_PERMS = _permutations()


def band_keys(sh: set[int]) -> list[int]:
    """One key per band: a hash of that band's MinHash values (signed 64-bit for SQLite)."""
    import numpy as np

    xs = np.fromiter(sh, dtype=np.uint64, count=len(sh))
    a = np.array([p[0] for p in _PERMS], dtype=np.uint64)[:, None]
    b = np.array([p[1] for p in _PERMS], dtype=np.uint64)[:, None]
    mins = ((a * xs[None, :] + b) % np.uint64(_PRIME)).min(axis=1) if len(xs) else np.zeros(len(_PERMS), np.uint64)
    keys = []
    for band in range(BANDS):
        row = mins[band * ROWS:(band + 1) * ROWS].tobytes()
        keys.append(int.from_bytes(hashlib.blake2b(row, digest_size=8).digest(), "big", signed=True))
    return keys


def same_origin(a: set[int], b: set[int]) -> bool:
    """Whether two texts' shingle sets are one story, reprinted or lightly edited."""
    if not a or not b:
        return False
    shared = len(a & b)
    return shared / len(a | b) >= NEAR_JACCARD or shared / min(len(a), len(b)) >= NEAR_CONTAINMENT


def origins(texts: dict[str, str], order=lambda i: i) -> dict[str, str]:
    """Id -> id of the first (in `order`) text of its origin: itself unless it is a reprint.
    Shingles shared are counted through an inverted index, so only texts that share text
    are compared."""
    sets = {i: shingles(t) for i, t in texts.items()}
    ids = sorted(sets, key=order)
    postings: dict[int, list[str]] = defaultdict(list)
    for i in ids:
        for shingle in sets[i]:
            postings[shingle].append(i)
    shared: Counter[tuple[str, str]] = Counter()
    for holders in postings.values():
        shared.update(combinations(holders, 2))  # holders are in id order
    root = {i: i for i in ids}
    for a, b in sorted(shared, key=lambda pair: (order(pair[0]), order(pair[1]))):
        if same_origin(sets[a], sets[b]):
            ra, rb = _find(root, a), _find(root, b)
            if ra != rb:
                first, second = sorted((ra, rb), key=order)
                root[second] = first
    return {i: _find(root, i) for i in ids}


def _find(root: dict[str, str], i: str) -> str:
    while root[i] != i:
        i = root[i]
    return i
