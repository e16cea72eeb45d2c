"""The typed records that the pipeline stages hand each other.

ingest -> RawArticle -> clean -> Article -> segment -> Document
       -> summarize -> Summary -> synthesize -> Claim -> classify -> Brief
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Source:
    """What the brief's source list says about one input article."""

    id: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None  # YYYY-MM-DD when known
    url: str | None = None
    path: str | None = None
    descriptor: str | None = None  # news report, official statement, analysis ... (front matter wins)
    language: str | None = None  # ISO 639-1 code, told from the text (language.py)


@dataclass(frozen=True)
class Block:
    """A unit of an article's layout: a heading or a paragraph of text, as read."""

    kind: Literal["heading", "text"]
    text: str


@dataclass(frozen=True)
class RawArticle:
    """An input file read and decoded, before any cleaning."""

    source: Source
    blocks: tuple[Block, ...]
    # the first line may be the headline of a plain-text file; only the cleaner can tell
    title_from_first_line: bool = False
    notes: tuple[str, ...] = ()  # what a limit left out of it, said to the user as warnings


@dataclass(frozen=True)
class Heading:
    """An in-text subheading; it applies to the text from `offset` on."""

    offset: int
    text: str


@dataclass(frozen=True)
class Article:
    """An article's cleaned text: prose only, with headings and debris taken out."""

    source: Source
    text: str
    headings: tuple[Heading, ...] = ()
    removed: tuple[str, ...] = ()  # the lines cleaning dropped, for --verbose and tests
    notes: tuple[str, ...] = ()  # what a limit left out of it, said to the user as warnings


@dataclass(frozen=True)
class Sentence:
    """One sentence: an exact slice `article.text[start:end]`."""

    source_id: str
    index: int  # position among the article's sentences
    start: int
    end: int
    text: str
    heading: str | None = None  # the subheading it stands under
    paragraph: int = 0

    @property
    def key(self) -> tuple[str, int]:
        return (self.source_id, self.index)


@dataclass(frozen=True)
class Document:
    """An article split into sentences."""

    article: Article
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Summary:
    """An article's sentences ranked by the summarizer, and its condensed set."""

    document: Document
    salience: tuple[float, ...]  # per sentence, in [0, 1]; 1 = the summarizer's top pick
    condensed: tuple[int, ...]  # indices of the kept sentences, in document order

    @property
    def source_id(self) -> str:
        return self.document.article.source.id


@dataclass(frozen=True)
class Evidence:
    """A source sentence that states a claim."""

    source: str
    sentence: str
    start: int
    end: int
    index: int = 0  # sentence index within its source


# For each sentence (source id, index): every sentence that states the same, itself included.
# Made by claim matching (stages/synthesize), read by the stages after it.
Witnesses = dict[tuple[str, int], tuple[Evidence, ...]]


@dataclass(frozen=True)
class Discrepancy:
    """Sources that state one claim but differ on a fact in it."""

    kind: Literal["date", "number", "person", "place"]
    values: dict[str, str]  # source id -> the value as written in that source
    about: str = ""  # what differs, in the sources' words ("death toll in Honduras")
    later: tuple[str, ...] = ()  # sources published after the others: maybe a revision


@dataclass(frozen=True)
class Denial:
    """A statement that denies, rejects or declines to confirm a claim, linked to that claim."""

    text: str  # the denying sentence, verbatim
    evidence: tuple[Evidence, ...]
    ref: str = ""  # anchor of the denial when it is itself a claim of the brief


@dataclass(frozen=True)
class Claim:
    """One thing the sources say, shown once, citing every source that says it."""

    text: str
    evidence: list[Evidence]
    salience: float
    score: float = 0.0
    section: str = ""
    discrepancies: list[Discrepancy] = field(default_factory=list)
    origin: tuple[str, int] = ("", 0)  # (source id, sentence index) of the shown sentence
    origins: int = 0  # independent origins among its sources (reprints of one story count once)
    ref: str = ""  # anchor in the brief ("claim-3"), set once the claims are placed
    denials: list[Denial] = field(default_factory=list)  # statements that deny this claim
    answers: str = ""  # ref of the claim this one denies, when it is a denial

    @property
    def source_ids(self) -> list[str]:
        return sorted({e.source for e in self.evidence}, key=source_order)

    @property
    def first_seen(self) -> tuple[int, int]:
        """Source order, then position: the tie-breaker that keeps output deterministic."""
        return min((source_order(e.source), e.index) for e in self.evidence)


def source_order(source_id: str) -> tuple[int, str]:
    """Sort key for source ids: numerically ("2" before "10")."""
    return (int(source_id), "") if source_id.isdigit() else (0, source_id)


@dataclass(frozen=True)
class SectionSpec:
    """A section of the brief and the vocabulary that draws claims into it."""

    key: str
    title: str
    cues: dict[str, float]  # cue (word or phrase, matched after stemming) -> weight


@dataclass
class Section:
    key: str
    title: str
    claims: list[Claim]


@dataclass
class TimelineEvent:
    """A dated event the sources report: the sentence that dates it, with its citations."""

    date: str  # YYYY-MM-DD, YYYY-MM, or the date as written when it cannot be resolved
    text: str
    evidence: list[Evidence]
    sort_key: tuple[int, ...] = ()
    discrepancies: list[Discrepancy] = field(default_factory=list)
    ref: str = ""
    claim: str = ""  # ref of the brief's claim that states the same, if any
    year_unknown: bool = False  # neither the sentence nor the article's date gives the year


@dataclass
class Actor:
    """A person, government or organisation acting in the brief, as the sources name it."""

    name: str
    kind: Literal["person", "government", "organisation"]
    role: str | None = None  # the title the sources give, e.g. "Russian Foreign Minister"
    variants: list[str] = field(default_factory=list)  # other spellings, shown once
    sources: list[str] = field(default_factory=list)
    appears_in: list[str] = field(default_factory=list)  # refs of claims and events


@dataclass
class Brief:
    title: str
    sources: list[Source]
    key_points: list[Claim]
    sections: list[Section]
    source_summaries: list[tuple[str, list[str]]]  # (source id, condensed sentences)
    # whether the rendered brief prints source_summaries (brief.json always has them)
    appendix_printed: bool = True
    appendix_asked: bool = True  # the reader asked for the per-source summaries (--appendix)
    timeline: list[TimelineEvent] = field(default_factory=list)
    undated: list[TimelineEvent] = field(default_factory=list)  # events whose year is unknown, kept apart
    actors: list[Actor] = field(default_factory=list)
    banner: str | None = None  # handling banner, printed at the top and foot of every page
    built: str | None = None  # build date, only when asked for (--stamp): builds stay reproducible
    language_note: str | None = None  # said when the sources are not all in English (language.py)
    # each source's cleaned text (source id -> text), which evidence offsets index
    texts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Problem:
    """An input that could not be used, and what the user can do about it."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{printable(self.path)}: {self.reason}"


def printable(text: str) -> str:
    """A file name fit for a terminal: control characters (escape sequences) shown escaped."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)
