"""`briefing eval --judged`: measure briefs against hand judgements kept as ids.

A judged set is a folder of CLUSTER.sections.tsv (sentence, label, also, background, junk),
CLUSTER.pairs.tsv (a, b, same, differ) and CLUSTER.actors.tsv (mention, kind), every
sentence an id `DOC:START-END`: character offsets into DEVSET/CLUSTER/docs/DOC.txt as read.
For each judged cluster the brief is built as `briefing build` builds it (in this process),
and each sentence the brief shows or cites is mapped back to a judged span: the brief's
sentence is a verbatim slice of the cleaned text, so it is found in the raw file by a search
that ignores white space, and the judged span that overlaps it most is its judgement.
The measures themselves are in judged_measures.py, the report in judged_report.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import UsageError
from briefing.sources.decode import decode
from briefing.summary.evaluate import load_set

JUDGED_DIR = Path("tests/judged/multinews")
DEVSET = Path("../shared/devsets/multinews")
Span = tuple[str, int, int]  # (doc, start, end): offsets into DOC.txt as read
_ID = re.compile(r"^(?P<doc>[^:\s]+):(?P<start>\d+)-(?P<end>\d+)$")


@dataclass(frozen=True)
class SentenceJudgement:
    label: str  # statement | reactions | military | outlook
    also: frozenset[str]
    background: bool
    junk: bool


@dataclass
class Judgements:
    """One cluster's hand judgements."""

    name: str
    sections: dict[Span, SentenceJudgement]
    pairs: dict[frozenset, tuple[bool, str]]  # {a, b} -> (same claim, differ kind or "")
    actors: list[tuple[Span, str]]  # (mention, kind)
    # listed actors judged after the fact (listed_actors.tsv): name as listed -> correct or not
    listed_actors: dict[str, bool] = field(default_factory=dict)


def sid(span: Span) -> str:
    doc, start, end = span
    return f"{doc}:{start}-{end}"


def parse_id(value: str, where: str) -> Span:
    m = _ID.match(value.strip())
    if not m:
        raise UsageError(f"{where}: {value!r} is not a sentence id DOC:START-END; fix the row")
    return m.group("doc"), int(m.group("start")), int(m.group("end"))


def read_rows(path: Path, columns: int) -> list[tuple[str, list[str]]]:
    """The rows of a judgement TSV after its header, each with 'FILE:LINE' for messages."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot be read ({exc.__class__.__name__}); give a UTF-8 TSV file") from None
    rows = []
    for n, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) < columns:
            raise UsageError(f"{path}:{n}: needs {columns} tab-separated columns; fix the row")
        rows.append((f"{path}:{n}", cells))
    return rows


def _flag(value: str, where: str) -> bool:
    if value.strip() not in {"0", "1"}:
        raise UsageError(f"{where}: {value!r} should be 0 or 1; fix the row")
    return value.strip() == "1"


def _kinds(value: str) -> frozenset[str]:
    return frozenset(k.strip() for k in value.split(",") if k.strip() not in {"", "-"})


def load_judgements(judged_dir: Path, name: str) -> Judgements:
    sections = {parse_id(c[0], w): SentenceJudgement(c[1].strip(), _kinds(c[2]), _flag(c[3], w), _flag(c[4], w))
                for w, c in read_rows(judged_dir / f"{name}.sections.tsv", 5)}
    pairs = {frozenset((parse_id(c[0], w), parse_id(c[1], w))): (_flag(c[2], w), "".join(_kinds(c[3])))
             for w, c in _optional_rows(judged_dir / f"{name}.pairs.tsv", 4)}
    actors = [(parse_id(c[0], w), c[1].strip()) for w, c in _optional_rows(judged_dir / f"{name}.actors.tsv", 2)]
    listed = {c[1].strip(): _flag(c[2], w) for w, c in _optional_rows(judged_dir / "listed_actors.tsv", 3)
              if c[0].strip() == name}
    return Judgements(name, sections, pairs, actors, listed)


def _optional_rows(path: Path, columns: int) -> list[tuple[str, list[str]]]:
    return read_rows(path, columns) if path.exists() else []


def judged_clusters(judged_dir: Path) -> list[str]:
    """The names of the clusters judged in the folder (those with a sections file)."""
    if not judged_dir.is_dir():
        raise UsageError(f"{judged_dir}: no such folder; give the folder of CLUSTER.sections.tsv, "
                         "CLUSTER.pairs.tsv and CLUSTER.actors.tsv judgements")
    names = sorted(p.name[:-len(".sections.tsv")] for p in judged_dir.glob("*.sections.tsv"))
    if not names:
        raise UsageError(f"{judged_dir}: holds no CLUSTER.sections.tsv; give the folder of the judgements")
    return names


def cluster_docs(devset: Path, names: list[str]) -> dict[str, list[Path]]:
    """The article files of each judged cluster in the devset."""
    if not devset.is_dir():
        raise UsageError(f"{devset}: no such folder; the judged clusters' articles are needed, "
                         "give their set with --devset DIR")
    found = {c.name: c.docs for c in load_set(devset)}
    missing = [n for n in names if n not in found]
    if missing:
        raise UsageError(f"{devset}: has no cluster {', '.join(missing)}; give the set the judgements "
                         "were made on with --devset DIR")
    return {n: found[n] for n in names}


# How a sentence is looked for in a raw file: white space collapsed; failing that (cleaning
# changed punctuation or a quote mark), its letters and digits alone.
_SPACED, _WORDS = (re.compile(r"\S+"), " "), (re.compile(r"\w+"), "")
_ENDS = 8  # words at each end that place a sentence whose middle cleaning changed


@dataclass
class Flat:
    """A raw document reduced to its tokens joined by `sep`, and where each character came from."""

    text: str
    at: list[int]
    tokens: re.Pattern
    sep: str

    def norm(self, text: str) -> str:
        return self.sep.join(self.tokens.findall(text))


def flatten(raw: str, how: tuple[re.Pattern, str] = _SPACED) -> Flat:
    tokens, sep = how
    chars: list[str] = []
    at: list[int] = []
    for m in tokens.finditer(raw):
        if chars and sep:
            chars.append(sep)
            at.append(m.start() - 1)
        chars.extend(m.group())
        at.extend(range(m.start(), m.end()))
    return Flat("".join(chars), at, tokens, sep)


def places(flat: Flat, text: str) -> list[tuple[int, int]]:
    """Every raw (start, end) where `text` stands, by the flat text's way of reading."""
    needle = flat.norm(text)
    found, i = [], flat.text.find(needle) if needle else -1
    while i >= 0:
        found.append((flat.at[i], flat.at[i + len(needle) - 1] + 1))
        i = flat.text.find(needle, i + 1)
    return found


def _by_ends(flat: Flat, sentence: str) -> list[tuple[int, int]]:
    """A sentence placed by its first and last words (something between them was changed)."""
    words = sentence.split()
    if len(words) < 2 * _ENDS:
        return []
    heads = places(flat, " ".join(words[:_ENDS]))
    tails = places(flat, " ".join(words[-_ENDS:]))
    return [(h, min(t for _, t in tails if t > h)) for h, _ in heads if any(t > h for _, t in tails)]


def find_raw(flats: tuple[Flat, ...], sentence: str, near: int) -> tuple[int, int] | None:
    """Where `sentence` stands in the raw text; of several places, the one nearest `near`
    (its offset in the cleaned text)."""
    for flat in flats:
        found = places(flat, sentence) or _by_ends(flat, sentence)
        if found:
            return min(found, key=lambda p: abs(p[0] - near))
    return None


@dataclass
class Locator:
    """Maps the brief's sentences (source id, text, cleaned offset) to judged spans."""

    doc_of: dict[str, str]  # source id -> doc id
    raw: dict[str, str]  # doc id -> its text as read
    flats: dict[str, tuple[Flat, ...]]  # doc id -> its raw text flattened two ways
    spans: dict[str, list[tuple[int, int]]]  # doc id -> judged sentence spans
    unlocated: set[tuple[str, str]] = field(default_factory=set)  # (source id, text) with no judged span

    def span(self, source: str, text: str, near: int = 0, first: bool = False) -> Span | None:
        """The judged span the text overlaps most; with `first`, the first one it overlaps (a
        verbatim span of two sentences is read from its first: the second leans on it)."""
        doc = self.doc_of.get(source)
        where = find_raw(self.flats[doc], text, near) if doc in self.flats else None
        overlap = [(min(e, where[1]) - max(s, where[0]), s, e) for s, e in self.spans.get(doc, [])] if where else []
        overlap = [o for o in overlap if o[0] > 0]
        if not overlap:
            self.unlocated.add((source, text))
            return None
        best = min(overlap, key=lambda o: o[1]) if first else max(overlap)
        return doc, best[1], best[2]

    def spans_of(self, source: str, text: str, near: int = 0) -> list[Span]:
        """Every judged span the text covers at least half of: each sentence a verbatim span
        of two or more sentences shows."""
        doc = self.doc_of.get(source)
        where = find_raw(self.flats[doc], text, near) if doc in self.flats else None
        if not where:
            return []
        return [(doc, s, e) for s, e in self.spans.get(doc, []) if 2 * (min(e, where[1]) - max(s, where[0])) >= e - s > 0]


def make_locator(sources, docs: list[Path], judged: Judgements) -> Locator:
    raw = {p.stem: decode(p.read_bytes()) for p in docs}
    doc_of = {s.id: Path(s.path).stem for s in sources if s.path}
    spans: dict[str, set[tuple[int, int]]] = {}
    known = list(judged.sections) + [s for pair in judged.pairs for s in pair]
    for doc, start, end in known:
        spans.setdefault(doc, set()).add((start, end))
    return Locator(doc_of, raw, {d: (flatten(t), flatten(t, _WORDS)) for d, t in raw.items()}, {d: sorted(s) for d, s in spans.items()})
