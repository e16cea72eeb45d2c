"""Whether the articles given together tell one story, and if not, which tell which.

Two articles are linked when the cosine of their term vectors (entities and stems as claim
matching sees them, TF-IDF over the leads of the articles given: text/tfidf.py) reaches
LINKED; a story is a connected group. Linking by any one pair keeps one event told by very
different articles together, while articles about unrelated events share almost nothing.
(weekly/stories.py clusters a week by centroids with a threshold made to keep neighbouring
events apart; on one event's articles it splits 42 of 69 development clusters, so it does
not fit this question.)

Calibrated on the 57 multinews clusters, the 6 newswire and 5 small test clusters and the
seeds (one story each), and on 34 pairs of those clusters given together: at 0.10, 2 of the
69 single stories are split and 31 of the 34 pairs are told apart (0.08: 2 and 26; 0.12:
7 and 33).
"""

from __future__ import annotations

from collections import Counter

from briefing.models import Article
from briefing.text import tfidf
from briefing.text.terms import terms

LINKED = 0.10
# A few sentences share too few words to tell one event told twice from two events: an article
# shorter than this is kept with the others.
SHORT_WORDS = 120


def stories(articles: list[Article]) -> list[list[Article]]:
    """The articles grouped by story, the largest first (ties: the one read first)."""
    vectors, _ = tfidf.vectors([Counter(terms(tfidf.lead(a.text))) for a in articles])
    parent = list(range(len(articles)))
    short = [len(a.text.split()) < SHORT_WORDS for a in articles]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(vectors)):
        for j in range(i + 1, len(vectors)):
            if short[i] or short[j] or tfidf.cosine(vectors[i], vectors[j]) >= LINKED:
                parent[root(i)] = root(j)
    groups: dict[int, list[Article]] = {}
    for i, article in enumerate(articles):
        groups.setdefault(root(i), []).append(article)
    return sorted(groups.values(), key=lambda g: (-len(g), articles.index(g[0])))
