"""How much of a weekly brief is printed: the settings a caller (the CLI, or a library user)
passes to weekly.render, and the short body of a story.

A busy week must stay a few pages: the front page lists at most `top` stories, each top
story's body is its lead and key points within about `story_words` words (claims that
sources dispute or deny come first after the lead: they are what a reader must not miss),
and the full story briefs (every claim, by section) are printed only with `full_stories`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.models import Claim
from briefing.text.lead import MAX_WORDS

TOP_STORIES = 10
STORY_WORDS = 150
DROPPED_MAX = 20  # last week's claims listed as no longer reported; the rest are counted


@dataclass(frozen=True)
class Layout:
    top: int = TOP_STORIES  # stories on the front page, with a lead and a body
    story_words: int = STORY_WORDS  # about this many words per story body
    full_stories: bool = False  # append every story's full brief
    dropped_max: int = DROPPED_MAX
    templates: Path | None = None  # the user's template folder, tried before the built-in one
    extra_css: str = ""  # the user's stylesheet, after the built-in one
    pdf_variant: str | None = None
    banner: str | None = None  # handling banner, printed at the top and the foot
    built: str | None = None  # build date, printed only when given (--stamp)


def _words(claim: Claim) -> int:
    return len(claim.text.split()) + sum(len(v.split()) for d in claim.discrepancies for v in d.values.values()) \
        + sum(len(d.text.split()) for d in claim.denials)


def short_body(story, words: int = STORY_WORDS) -> list[Claim]:
    """The claims a story's body shows: the lead, then disputed or denied claims, then the
    other key points short enough to lead, while the words stay within `words` (the lead always)."""
    first = [story.lead] if story.lead else []
    contested = [c for c in story.claims if (c.discrepancies or c.denials) and c not in first]
    # key points can lead already (stages/key_points.py); a front page takes the short ones
    rest = [c for c in story.key_points if c not in first and c not in contested and len(c.text.split()) <= MAX_WORDS]
    chosen: list[Claim] = []
    used = 0
    for c in first + contested[:2] + rest:
        n = _words(c)
        if chosen and used + n > words:
            continue
        chosen.append(c)
        used += n
    return chosen
