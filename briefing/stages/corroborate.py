"""How well each claim is supported: how many sources state it, and how many independent origins.

A wire story reprinted by three outlets is three sources but one origin; counting it three
times would pass repetition off as confirmation. Articles whose text is mostly the same
word sequences are one origin.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import combinations

from briefing.models import Article, Claim, source_order

# Word 5-grams shared, as a share of the smaller article's 5-grams, at or above which two
# articles are one story reprinted (trimmed, retitled or lightly edited). Reprints share
# 80-100% of their 5-grams; independent reports of one event share under 5% (the bundled
# example's three articles share 0-1%), so the threshold sits well clear of both.
SAME_ORIGIN = 0.5
SHINGLE = 5
_WORD = re.compile(r"[^\W_]+", re.U)


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {tuple(words[i:i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}


def origins(articles: list[Article]) -> dict[str, str]:
    """Source id -> id of the first source of its origin (itself unless it is a reprint)."""
    shingles = {a.source.id: _shingles(a.text) for a in articles}
    ids = sorted(shingles, key=source_order)
    # count shared shingles through an inverted index: only articles that share text are paired
    postings: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for i in ids:
        for shingle in shingles[i]:
            postings[shingle].append(i)
    shared: Counter[tuple[str, str]] = Counter()
    for holders in postings.values():
        shared.update(combinations(holders, 2))  # holders are in source order
    root = {i: i for i in ids}
    for (a, b), n in sorted(shared.items(), key=lambda kv: (source_order(kv[0][0]), source_order(kv[0][1]))):
        if n / min(len(shingles[a]), len(shingles[b])) >= SAME_ORIGIN:
            ra, rb = _find(root, a), _find(root, b)
            if ra != rb:
                first, second = sorted((ra, rb), key=source_order)
                root[second] = first
    return {i: _find(root, i) for i in ids}


def _find(root: dict[str, str], i: str) -> str:
    while root[i] != i:
        i = root[i]
    return i


def count_origins(claims: list[Claim], origin_of: dict[str, str]) -> list[Claim]:
    """Each claim with its number of independent origins."""
    return [replace(claim, origins=len({origin_of.get(s, s) for s in claim.source_ids})) for claim in claims]


def label(n_sources: int, n_origins: int) -> str:
    """What the brief prints beside a claim: "single source", "3 sources", "3 outlets, 1 origin"."""
    if n_sources <= 1:
        return "single source"
    if 0 < n_origins < n_sources:
        return f"{n_sources} outlets, {n_origins} origin{'s' if n_origins != 1 else ''}"
    return f"{n_sources} sources"
