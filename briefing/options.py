"""What a build is asked to do, made once and passed down: `Options` (the user's choices, with
the `Limits` in force), assembled by `make_options` — the one place where command-line
arguments, a profile and the environment meet. No stage reads the environment itself.

Limits: how much of its input the tool is willing to read: caps that keep a hostile or broken
article from exhausting memory or time, each changeable with an environment variable.

Each cap is far above what a real news article needs, so it only ever bites on input that
is not an article (a log file, a dump, a generated attack); when it bites, the user is told
which file, which limit and which variable raises it.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from typing import TYPE_CHECKING

from briefing.errors import UsageError
from briefing.stages.summarize import DEFAULT_ALGORITHM  # cheap: sumy itself is imported lazily

if TYPE_CHECKING:
    from briefing.profile import Profile
    from briefing.stages.classify import SectionScheme


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


def limits_from_env(env: Mapping[str, str]) -> Limits:
    """The defaults, each overridden by its environment variable in `env`."""
    values = {}
    for f in fields(Limits):
        raw = env.get(env_name(f.name))
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


def describe(name: str, limits: Limits) -> str:
    """'the 10 MB limit (BRIEFING_MAX_FILE_MB)' — for messages that tell the way out."""
    value = getattr(limits, name)
    unit = {"max_file_mb": " MB", "max_article_chars": " characters",
            "max_sentence_chars": " characters", "max_sentences": " sentences",
            "max_articles": " articles", "max_read_seconds": " s"}.get(name, "")
    shown = f"{value:g}" if isinstance(value, float) else f"{value:,}"
    return f"the {shown}{unit} limit (raise it with {env_name(name)})"


# A brief is read in five minutes: at the 238 words a minute adults read non-fiction silently
# (Brysbaert 2019, a meta-analysis of 190 studies), that is about 1,200 words. The claims get
# 750 of them (with their citations about 850), the timeline 150 and the actors list 12 names.
# The key points are among these claims and are not printed again in their sections. A brief
# of three articles (the example: 468 words of claims) is never cut; one of a hundred keeps
# its best claims. Profiles change it with [lengths] claim_words.
CLAIM_WORDS = 750
READING_WORDS = 1200  # the whole brief before its source list; claims give way when it is longer
TIMELINE_WORDS = 150  # events most sources report first; a profile's [lengths] timeline sets a count instead
ACTORS_MAX = 12
# The per-source summaries appendix is for checking a brief made from a handful of articles
# (the example's is about 350 words; ten typical articles give about 1,300). Beyond this many
# words it would outweigh the brief itself, so the rendered brief says where they are instead
# (brief.json keeps them always). Profiles change it with [lengths] appendix_words.
APPENDIX_WORDS = 2000


@dataclass(frozen=True)
class Options:
    """What the user chose for a build; travels through the stages as one object."""

    title: str | None = None
    summarizer: str = DEFAULT_ALGORITHM
    exclude: Path | None = None  # a folder not to read from (the output folder)
    banner: str | None = None  # handling banner ("UNCLASSIFIED // FOR PUBLIC RELEASE")
    stamp: bool = False  # print the build date (off by default: same input, same bytes)
    scheme: SectionScheme | None = None  # sections from a profile; else the built-in ones
    key_points_max: int = 0  # 0: the default (stages/key_points.KEY_POINTS_MAX)
    timeline_max: int | None = None  # None: the events that fit in TIMELINE_WORDS; 0: no timeline
    actors_max: int | None = ACTORS_MAX  # None: every actor; 0: no actors list
    claim_words: int | None = CLAIM_WORDS  # words of claims in the sections; None: no limit
    reading_words: int | None = READING_WORDS  # words before the source list (needs claim_words); None: no limit
    appendix_words: int | None = APPENDIX_WORDS  # longest appendix printed; None: no limit
    appendix: bool = False  # print the per-source summaries after the sources (--appendix)
    # make a claim of every sentence, not only of each article's condensed set: the short
    # multi-document summary (multidoc.py) chooses among all of them at the cluster level
    keep_all: bool = False
    jobs: int | None = None  # worker processes for every command (parallel.py); None: the machine's cores
    progress: bool = False  # a progress bar on stderr for long runs
    limits: Limits = field(default_factory=Limits)  # how much of its input a build reads
    # articles that tell separate stories: "largest" builds the brief of the largest story and
    # warns about the rest, "all" keeps every article in one brief (pipeline.build_stories: one each)
    stories: str = "largest"


def options_with_profile(options: Options, profile: Profile) -> Options:
    """The build options with a profile's settings filled in where the user gave none."""
    from briefing.stages import classify

    lengths = profile.lengths
    return replace(
        options,
        title=options.title or profile.title,
        banner=options.banner or profile.banner,
        summarizer=profile.summarizer or options.summarizer,
        scheme=classify.scheme_from_data(list(profile.sections)) if profile.sections else options.scheme,
        key_points_max=lengths.get("key_points", options.key_points_max),
        timeline_max=lengths.get("timeline", options.timeline_max),
        actors_max=lengths.get("actors", options.actors_max),
        claim_words=lengths.get("claim_words", options.claim_words),
        reading_words=lengths.get("reading_words", options.reading_words),
        appendix_words=lengths.get("appendix_words", options.appendix_words),
        appendix=options.appendix or profile.appendix,
    )


def make_options(*, profile: str | Path | None = None, env: Mapping[str, str] | None = None,
                 **given) -> Options:
    """The build options: what the caller gave (None for "not given"), then the profile's
    settings where the caller gave none, with the limits of `env` (default: os.environ).
    The command line and the library both come through here."""
    chosen = {k: v for k, v in given.items() if v is not None}
    options = Options(limits=limits_from_env(os.environ if env is None else env),
                      **{k: v for k, v in chosen.items() if k != "summarizer"})
    if profile is not None:
        from briefing import profile as profiles

        options = options_with_profile(options, profiles.load(Path(profile)))
    summarizer = chosen.get("summarizer") or (options.summarizer if profile is not None else None)
    return replace(options, summarizer=summarizer or DEFAULT_ALGORITHM)
