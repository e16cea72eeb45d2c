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


# A photo or video credit in brackets: the names, a slash and the outlet ("(Jane Roe / Daily
# Planet)", "(Ann Lee,Bo Park/The Washington Post)"). News prose puts no slash between names
# and an outlet inside brackets.
_NAMES = r"(?:[A-Z][\w.'’-]+\s+){1,3}[A-Z][\w.'’-]+"
CREDIT = re.compile(r"\(" + _NAMES + r"(?:\s*,\s*" + _NAMES + r")*\s*/\s*[A-Z][^()]{2,40}\)")
# ... or "Photograph: Jane Roe/Daily Planet" at the end of the caption it closes, perhaps with a
# player's buttons after it ("(Jane Roe/Daily Planet video) SEE MORE VIDEOS").
_CREDIT_END = re.compile(r"(?:" + CREDIT.pattern + r"|\(?\b(?:Photograph|Photo|Picture|Image|Video)(?: by)?:"
                         r"\s+[A-Z][^.!?()]{0,80}\)?)(?:\s+[A-Z]{2,}){0,4}\s*$")


def is_debris(text: str, rules: DebrisRules | None = None) -> bool:
    """Whether `text`, as a line of its own, is a caption, a credit or site boilerplate. A line
    that ends with a photo's or a video's credit is its caption however long: in the 57
    multinews clusters every such line was one (some a headline, a standfirst and a caption
    run together)."""
    if _CREDIT_END.search(text):
        return True
    words = WORD.findall(text)
    return len(words) <= MAX_DEBRIS_WORDS and matches_debris(text.lower().strip(), len(words), rules or debris_rules())


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
