"""Prose-shaped page furniture: captions, credits and site boilerplate, by the patterns in
`data/debris.toml`. Cleaning (sources/clean.py) drops such a line from an article; the one
stand-alone rule (text/unfit.py) refuses such a sentence wherever it is left, since a page
may run it into a paragraph ("Email Sign Up By signing up you agree to ...").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Captions and boilerplate lines are short; a longer paragraph that happens to contain
# "click here" or "(Reuters)" is reporting, and is kept.
MAX_DEBRIS_WORDS = 40
# Up to this many words a line that merely contains a boilerplate phrase is boilerplate.
SHORT_LINE_WORDS = 10
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@dataclass(frozen=True)
class DebrisRules:
    caption_starts: tuple[str, ...]
    caption_ends: tuple[str, ...]
    boilerplate: tuple[str, ...]
    byline_words: tuple[str, ...]


@lru_cache(maxsize=1)
def debris_rules() -> DebrisRules:
    data = tomllib.loads(resources.files("briefing").joinpath("data/debris.toml").read_text("utf-8"))
    return DebrisRules(**{k: tuple(v) for k, v in data.items()})


def is_debris(text: str) -> bool:
    """Whether `text`, as a line of its own, is a caption, a credit or site boilerplate."""
    words = WORD.findall(text)
    return len(words) <= MAX_DEBRIS_WORDS and matches_debris(text.lower().strip(), len(words), debris_rules())


def matches_debris(low: str, n_words: int, rules: DebrisRules) -> bool:
    """A caption marker at either end, or a boilerplate phrase that opens the line or fills
    most of a short one ("Advertisement", "We use cookies."); a sentence of reporting that
    merely mentions a cookie factory is not boilerplate."""
    if any(low.startswith(p) for p in rules.caption_starts) or any(low.endswith(p) for p in rules.caption_ends):
        return True
    for phrase in rules.boilerplate:
        if low.startswith(phrase):
            return True
        if n_words <= SHORT_LINE_WORDS and re.search(r"\b" + re.escape(phrase), low):
            return True
    return False
