"""Profiles: a TOML file that sets a brief's title, handling banner, sections, lengths and summarizer.

The file is checked once, as a whole, before any article is read: every problem is reported
(each naming its key and what is allowed), and a key the profile does not know is an error,
so a misspelt setting is never silently ignored. Example (see README, "Profiles"):

    title = "Weekly brief: Korean peninsula"
    banner = "UNCLASSIFIED // FOR PUBLIC RELEASE"
    summarizer = "textrank"
    appendix = true              # print the per-source summaries (off unless asked for)

    [lengths]
    key_points = 4

    [[sections]]
    key = "statement"
    title = "What was said"
    default = true
    cues = { "condemn" = 3, "statement" = 1.5 }
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import UsageError
from briefing.stages.summarize import ALGORITHMS as SUMMARIZERS  # cheap: sumy itself is imported lazily

TOP_KEYS = ("title", "banner", "summarizer", "lengths", "sections", "appendix")
# lengths: key -> (least, most, what it counts)
LENGTHS = {"key_points": (1, 20, "claims in the key points"),
           "timeline": (0, 500, "events in the timeline; 0 leaves it out"),
           "actors": (0, 500, "actors listed; 0 leaves the list out"),
           "claim_words": (50, 100_000, "words of claims in the sections; the best claims are kept"),
           "reading_words": (200, 1_000_000, "words of the whole brief before its sources; claims give way"),
           "appendix_words": (0, 10_000_000, "longest source-summaries appendix printed; 0 never prints it")}
SECTION_KEYS = ("key", "title", "cues", "default")
_SECTION_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class ProfileError(UsageError):
    """A profile with problems; `problems` holds one line per problem."""

    def __init__(self, path: Path, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__(f"profile {path} has {len(problems)} problem{'s' if len(problems) != 1 else ''}: "
                         + "; ".join(problems))


@dataclass(frozen=True)
class Profile:
    title: str | None = None
    banner: str | None = None
    summarizer: str | None = None
    lengths: dict[str, int] = field(default_factory=dict)
    sections: tuple[dict, ...] = ()  # [{key, title, cues, default}] as classify.scheme_from_data takes them
    appendix: bool = False  # print the per-source summaries appendix


def load(path: Path) -> Profile:
    """Read and check a profile; raise ProfileError listing every problem."""
    from briefing.user_files import read_user_text  # a regular file of at most 1 MB (not /dev/zero)

    text = read_user_text(path, "--profile", "readable UTF-8 .toml file")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"profile {path} is not valid TOML ({exc}); fix the syntax") from None
    problems = check(data)
    if problems:
        raise ProfileError(path, problems)
    return Profile(title=data.get("title"), banner=data.get("banner"), summarizer=data.get("summarizer"),
                   lengths=dict(data.get("lengths", {})), sections=tuple(data.get("sections", ())),
                   appendix=data.get("appendix", False))


def _allowed(keys) -> str:
    return ", ".join(keys)


def check(data: dict) -> list[str]:
    """Every problem of a parsed profile, one line each, naming the key and what is allowed."""
    problems = [f"unknown key '{k}'; allowed keys: {_allowed(TOP_KEYS)}" for k in data if k not in TOP_KEYS]
    for key in ("title", "banner"):
        if key in data and (not isinstance(data[key], str) or not data[key].strip()):
            problems.append(f"'{key}' must be a non-empty string")
    if "appendix" in data and not isinstance(data["appendix"], bool):
        problems.append(f"'appendix' is {data['appendix']!r}; allowed values: true or false")
    if "summarizer" in data and data["summarizer"] not in SUMMARIZERS:
        problems.append(f"'summarizer' is {data['summarizer']!r}; allowed values: {_allowed(SUMMARIZERS)}")
    lengths = data.get("lengths", {})
    if not isinstance(lengths, dict):
        problems.append("'lengths' must be a table, e.g. [lengths] key_points = 5")
        lengths = {}
    for key, value in lengths.items():
        if key not in LENGTHS:
            problems.append(f"unknown key 'lengths.{key}'; allowed keys: {_allowed(LENGTHS)}")
            continue
        least, most, what = LENGTHS[key]
        if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= most:
            problems.append(f"'lengths.{key}' is {value!r}; allowed values: a whole number from {least} to {most} "
                            f"({what})")
    sections = data.get("sections", [])
    if not isinstance(sections, list):
        return problems + ["'sections' must be an array of tables: [[sections]] with key, title and cues"]
    seen: set[str] = set()
    defaults = 0
    for n, section in enumerate(sections, 1):
        where = f"sections[{n}]"
        if not isinstance(section, dict):
            problems.append(f"'{where}' must be a table with key, title and cues")
            continue
        problems += [f"unknown key '{where}.{k}'; allowed keys: {_allowed(SECTION_KEYS)}"
                     for k in section if k not in SECTION_KEYS]
        key = section.get("key")
        if not isinstance(key, str) or not _SECTION_KEY.match(key):
            problems.append(f"'{where}.key' is {key!r}; allowed values: lower-case letters, digits and _ "
                            "starting with a letter, e.g. \"outlook\"")
        elif key in seen:
            problems.append(f"'{where}.key' repeats {key!r}; allowed values: a key no other section has")
        else:
            seen.add(key)
        if not isinstance(section.get("title"), str) or not section.get("title", "").strip():
            problems.append(f"'{where}.title' is missing; allowed values: a non-empty string")
        cues = section.get("cues", {})
        if not isinstance(cues, dict):
            problems.append(f"'{where}.cues' must be a table of cue = weight, e.g. {{ \"reject\" = 4 }}")
        else:
            for cue, weight in cues.items():
                if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 < weight <= 10:
                    problems.append(f"'{where}.cues.{cue}' is {weight!r}; allowed values: a number above 0, "
                                    "at most 10")
        if "default" in section and not isinstance(section["default"], bool):
            problems.append(f"'{where}.default' is {section['default']!r}; allowed values: true, false")
        defaults += section.get("default") is True
    if defaults > 1:
        problems.append("'sections.default' is true for more than one section; allowed values: true for one "
                        "section at most")
    return problems
