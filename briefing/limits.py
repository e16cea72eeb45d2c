"""How much of its input the tool is willing to read: caps that keep a hostile or broken
article from exhausting memory or time, each changeable with an environment variable.

Each cap is far above what a real news article needs, so it only ever bites on input that
is not an article (a log file, a dump, a generated attack); when it bites, the user is told
which file, which limit and which variable raises it.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, fields

from .errors import UsageError


@dataclass(frozen=True)
class Limits:
    # A saved news page is 0.1-3 MB (inline scripts and styles included); 10 MB leaves room
    # for a page with inline images while refusing dumps and logs before they are read.
    max_file_mb: float = 10
    # Articles per brief. Claim matching compares every sentence of every article, so time
    # grows with the total; 500 articles (a heavy week's archive) build in minutes.
    max_articles: int = 500
    # Characters of one article's text. A long-read feature is about 40,000 characters;
    # beyond 100,000 the rest of the text is left out (at a paragraph or sentence end).
    max_article_chars: int = 100_000
    # Sentences of one article. LexRank compares every pair of an article's sentences
    # (measured: 500 sentences rank in 1.4 s, 1,000 in 4.4 s, 2,000 in 25 s on one core);
    # a long feature has about 400.
    max_sentences: int = 600
    # Characters of one sentence. The longest sentences in news reporting run to about 100
    # words (some 700 characters); a "sentence" several times longer is a run-on list,
    # a table flattened to text or an attack, and is never shown as a claim.
    max_sentence_chars: int = 2_000
    # Seconds to read one input file (decode, parse its HTML or Markdown). A 10 MB page reads
    # in about 3 s; markup built to be slow (deep nesting, thousands of brackets) is stopped.
    max_read_seconds: float = 30

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)


ENV_PREFIX = "BRIEFING_"


def env_name(field_name: str) -> str:
    """'max_file_mb' -> 'BRIEFING_MAX_FILE_MB'."""
    return ENV_PREFIX + field_name.upper()


def current() -> Limits:
    """The limits in force: the defaults, each overridden by its environment variable."""
    values = {}
    for f in fields(Limits):
        raw = os.environ.get(env_name(f.name))
        if raw is None or not raw.strip():
            continue
        kind = float if f.type in ("float", float) else int
        try:
            value = kind(raw.strip().replace("_", ""))
        except ValueError:
            value = None
        if value is None or not math.isfinite(value) or value <= 0:  # "inf" and "nan" parse as floats
            raise UsageError(f"{env_name(f.name)}={raw!r} is not a positive number; "
                             f"unset it to use the default ({getattr(Limits, f.name)})")
        values[f.name] = value
    return Limits(**values)


def describe(name: str, limits: Limits | None = None) -> str:
    """'the 10 MB limit (BRIEFING_MAX_FILE_MB)' — for messages that tell the way out."""
    limits = limits or current()
    value = getattr(limits, name)
    unit = {"max_file_mb": " MB", "max_article_chars": " characters",
            "max_sentence_chars": " characters", "max_sentences": " sentences",
            "max_articles": " articles", "max_read_seconds": " s"}.get(name, "")
    shown = f"{value:g}" if isinstance(value, float) else f"{value:,}"
    return f"the {shown}{unit} limit (raise it with {env_name(name)})"
