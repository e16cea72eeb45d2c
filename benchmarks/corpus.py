"""Deterministic synthetic news corpora for the benchmarks.

The example articles' sentences are recombined into new articles under new story topics: a
story renames the example's actors (countries, people, places) to invented names of its
own, and each of its articles draws a different sample of sentences in a shuffled order.
So stories share the language of news reporting but not their actors, as real stories
do, and articles of one story restate each other as real coverage does. A fixed seed makes
every corpus the same on every run and machine.
"""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "dprk-russia"
SEED = 20231026  # any fixed number: the date of the example story

# The example's actors, renamed in each synthetic story.
ACTORS = ("North Korea", "South Korea", "Russia", "Japan", "United States", "Ukraine", "Lavrov",
          "Peskov", "Pyongyang", "Moscow", "Kim", "Putin", "DPRK", "ROK", "Korean Peninsula")
_SYLLABLES = ("ka", "lo", "ver", "mi", "tan", "sor", "el", "bra", "quin", "dor", "ust", "na", "pel", "zar")


def example_sentences() -> list[str]:
    """The cleaned example articles' sentences (at least six words each)."""
    from briefing import pipeline
    from briefing.stages import segment

    articles, _ = pipeline.read_articles([str(EXAMPLE)])
    return [s.text for a in articles for s in segment.segment(a).sentences if len(s.text.split()) >= 6]


def _name(rng: random.Random, taken: set[str]) -> str:
    """A new invented name, never one given before: stories do not share actors."""
    while True:
        name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(3, 4))).capitalize()
        if name not in taken:
            taken.add(name)
            return name


def write_corpus(folder: Path, n_articles: int, per_story: int = 10, sentences=(10, 20), seed: int = SEED) -> list[Path]:
    """Write `n_articles` plain-text articles, `per_story` to a story, into `folder`."""
    rng = random.Random(seed)
    pool = example_sentences()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    names: dict[str, str] = {}
    taken: set[str] = set()
    for i in range(n_articles):
        if i % per_story == 0:  # a new story: new names for every actor
            names = {actor: _name(rng, taken) for actor in ACTORS}
        chosen = rng.sample(pool, min(len(pool), rng.randint(*sentences)))
        paragraphs = []
        for text in chosen:
            for actor in sorted(names, key=len, reverse=True):
                text = text.replace(actor, names[actor])
            paragraphs.append(text)
        path = folder / f"article_{i:05d}.txt"
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
