"""TF-IDF vectors of articles' leads: how `build` tells whether its articles are one story
(stages/related) and how `weekly` clusters a week into events (weekly/stories).

Both read only an article's first LEAD_WORDS words: the lead and nut paragraphs say what the
event is; the rest adds background that blurs one event into another. Weights are
sublinear term frequency times a smoothed IDF (+1: in a small set, words every article
shares still say they are one story); vectors are unit length, so a dot product is a cosine.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

LEAD_WORDS = 400


def lead(text: str) -> str:
    """The first LEAD_WORDS words of `text`."""
    return " ".join(text.split()[:LEAD_WORDS])


def vectors(counts: list[Counter[str]], weight: Callable[[str], float] = lambda term: 1.0,
            ) -> tuple[list[dict[str, float]], Counter[str]]:
    """Unit TF-IDF vectors of the given term counts, and the document frequency of each term.
    `weight(term)` scales a kind of feature against plain terms before normalising."""
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(counts)
    out = []
    for c in counts:
        v = {t: weight(t) * (1 + math.log(f)) * (math.log((n + 1) / (df[t] + 1)) + 1) for t, f in c.items()}
        norm = math.sqrt(sum(w * w for w in v.values())) or 1.0
        out.append({t: w / norm for t, w in v.items()})
    return out, df


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """The cosine of two unit vectors."""
    if len(b) < len(a):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
