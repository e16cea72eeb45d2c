"""The vocabulary of a sentence as claim matching and classification see it.

A sentence becomes a tuple of terms: one token per named country or organisation (all its
names, abbreviations and demonyms map to one, from `data/aliases.toml`), then the
Snowball stems of its other words, stop words removed.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
ENTITY_PREFIX = "@"


@lru_cache(maxsize=1)
def _aliases() -> tuple[re.Pattern[str], dict[str, str]]:
    data = tomllib.loads(resources.files("briefing").joinpath("data/aliases.toml").read_text("utf-8"))
    canonical = {variant: ENTITY_PREFIX + key for key, variants in data["entities"].items() for variant in variants}
    alternatives = "|".join(re.escape(v) for v in sorted(canonical, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])"), canonical


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import EnglishStemmer

    return EnglishStemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer().stem(word.lower().replace("’", "'"))


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from .summarize import stop_words

    return stop_words()


def entities(text: str) -> list[str]:
    """The canonical tokens of the countries and organisations named in `text`."""
    pattern, canonical = _aliases()
    return [canonical[m.group(0)] for m in pattern.finditer(text)]


def entity_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` names a country or organisation: (start, end) of each name."""
    pattern, _ = _aliases()
    return [m.span() for m in pattern.finditer(text)]


def entity_names(text: str) -> list[str]:
    """The alias keys ("north_korea") of the countries and organisations `text` names."""
    return [token[len(ENTITY_PREFIX):] for token in entities(text)]


def entity_variants(key: str) -> list[str]:
    """The names of one entity as `data/aliases.toml` lists them."""
    _, canonical = _aliases()
    return [variant for variant, token in canonical.items() if token == ENTITY_PREFIX + key]


def terms(text: str) -> tuple[str, ...]:
    """Entity tokens and content-word stems of `text`, in order of appearance."""
    pattern, canonical = _aliases()
    out: list[tuple[int, str]] = [(m.start(), canonical[m.group(0)]) for m in pattern.finditer(text)]
    rest = pattern.sub(lambda m: " " * len(m.group(0)), text)
    stops = _stop_words()
    for m in _WORD.finditer(rest):
        word = m.group(0).lower()
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        if len(word) < 2 or word in stops:
            continue
        out.append((m.start(), stem(word)))
    out.sort()
    return tuple(t for _, t in out)
