"""The vocabulary of a sentence as claim matching and classification see it.

A sentence becomes a tuple of terms: one token per named country or organisation (all its
names, abbreviations and demonyms map to one, from `data/aliases.toml`), then the
Snowball stems of its other words, stop words removed.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
ENTITY_PREFIX = "@"
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_MONTH_ABBREVIATIONS = {"jan": "january", "feb": "february", "mar": "march", "apr": "april",
                        "jun": "june", "jul": "july", "aug": "august", "sep": "september",
                        "sept": "september", "oct": "october", "nov": "november", "dec": "december"}


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
def stop_words() -> frozenset[str]:
    """sumy's English stop-word list (shipped with sumy, no download)."""
    from sumy.utils import get_stop_words

    return frozenset(get_stop_words("english"))


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
    stops = stop_words()
    for m in _WORD.finditer(rest):
        word = m.group(0).lower()
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        if len(word) < 2 or word in stops or (word[0].isdigit() and not _YEAR.match(word)):
            # Counts and days are facts to compare (facts.py), so sources that differ on
            # them still match; a year names the period a claim is about, and is kept.
            continue
        out.append((m.start(), stem(_MONTH_ABBREVIATIONS.get(word, word))))
    out.sort()
    return tuple(t for _, t in out)


_CAPITALISED = re.compile(r"(?<=[\w,;:)’'”\"] )[A-Z][a-z]{3,}\b")
_VOWELS = set("aeiouy")


def spelling_variants(texts: Iterable[str]) -> dict[str, str]:
    """Map each stem of a capitalised word to one spelling shared by its variants.

    Transliterated names vary between outlets in a vowel (Sergey/Sergei, Jong/Jung), an
    added 'h' or a doubled letter (Mohamed/Mohammed). Words of four letters or more,
    capitalised inside a sentence, that differ by one such edit and share their first
    letter are one name; a consonant swap (Maria/Marta) is another name.
    """
    names = sorted({stem(m.group(0)) for text in texts for m in _CAPITALISED.finditer(text)})
    canonical: dict[str, str] = {}
    for i, j in _variant_candidates(names):  # in the order of an all-pairs loop, i < j
        a, b = names[i], names[j]
        if a[0] == b[0] and spelling_variant(a, b):
            canonical[b] = canonical.setdefault(a, a)
    return canonical


def _variant_candidates(names: list[str]) -> list[tuple[int, int]]:
    """Pairs of names that could be spelling variants, found through shared keys rather than
    by comparing all pairs (an archive's week holds thousands of names). A name's keys are
    itself, itself less one letter, and itself with one vowel blanked: two names one vowel
    apart share a blanked key, and a name with one letter more shares, less that letter,
    the shorter name's own key. So every pair spelling_variant accepts is found."""
    by_key: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        keys = {name} | {name[:k] + name[k + 1:] for k in range(len(name))} \
            | {name[:k] + "*" + name[k + 1:] for k in range(len(name)) if name[k] in _VOWELS}
        for key in keys:
            by_key.setdefault(key, []).append(i)
    pairs = {(a, b) for ids in by_key.values() if len(ids) > 1
             for n, a in enumerate(ids) for b in ids[n + 1:]}
    return sorted(pairs)


def spelling_variant(a: str, b: str) -> bool:
    if len(a) == len(b):
        diffs = [(x, y) for x, y in zip(a, b) if x != y]
        return len(diffs) == 1 and diffs[0][0] in _VOWELS and diffs[0][1] in _VOWELS
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for k in range(len(long_)):
        if long_[:k] + long_[k + 1:] == short:
            extra = long_[k]
            doubled = (k > 0 and long_[k - 1] == extra) or (k + 1 < len(long_) and long_[k + 1] == extra)
            return extra in _VOWELS or extra == "h" or doubled
    return False


def lower_case_words(texts: Iterable[str]) -> set[str]:
    """The words the texts use in lower case: a capitalised word among them is also an
    ordinary word of the input ("Bridge" at a sentence's start, "the bridge" elsewhere)."""
    return {w for t in texts for w in re.findall(r"\b[a-z]+\b", t)}
