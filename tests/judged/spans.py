"""Sentence and pair ids for hand judgements on ../shared/devsets/multinews.

The devsets' terms forbid copying their text into this repository, so every judgement here
is kept as ids: a sentence is `DOC:START-END`, character offsets into
`../shared/devsets/multinews/CLUSTER/docs/DOC.txt` as read (UTF-8, newlines kept). The
sentence boundaries come from syntok on each blank-line paragraph, independently of
briefing's own cleaning and segmenting, so the judgements do not move when briefing changes;
the evaluator maps a brief's sentence to the judged span it overlaps most.

    python -m tests.judged.spans show CLUSTER      # sentences with ids, to read and judge
    python -m tests.judged.spans template CLUSTER  # TSV rows of ids to fill in (no text)
    python -m tests.judged.spans pairs CLUSTER     # cross-document candidate pairs, to judge
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from pathlib import Path

DEVSET = Path(__file__).resolve().parents[2].parent / "shared" / "devsets" / "multinews"
_WORD = re.compile(r"[A-Za-z0-9]+")
_STOP = set("""a an the and or but of to in on at for from by with as is are was were be been
being it its this that these those he she they we you i his her their our your not no
has have had will would can could should may might said says say than then there here
who whom which what when where why how also more most such into over after before
about up out so if do does did""".split())


def documents(cluster: str) -> list[tuple[str, str]]:
    """(doc id, raw text) for every document of the cluster, in file order."""
    docs = sorted((DEVSET / cluster / "docs").glob("*.txt"))
    return [(p.stem, p.read_text(encoding="utf-8")) for p in docs]


# syntok ends a sentence at a title written before a name ("said Rep. | Mark Meadows") and
# at a month before its day ("since the Jan. | 7-9 attacks"): the two halves are one sentence.
_TITLE_END = re.compile(
    r"\b(?:Reps?|Sens?|Govs?|Gens?|Lt|Maj|Col|Sgt|Capt|Cmdr|Adm|Cpl|Pvt|Supt|Insp|Det|Dr|Rev|Prof"
    r"|Mrs?|Ms)\.$"
)
_MONTH_END = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.$")


def _continues(before: str, after: str) -> bool:
    """Whether syntok's break between two spans of one paragraph falls inside a sentence."""
    if _TITLE_END.search(before):
        return after[:1].isupper()
    return bool(_MONTH_END.search(before)) and after[:1].isdigit()


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a raw document: syntok within each blank-line paragraph."""
    from syntok.segmenter import analyze

    spans = []
    for m in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        para, base = m.group(0), m.start()
        start = len(spans)
        for paragraph in analyze(para):
            for sentence in paragraph:
                tokens = list(sentence)
                if not tokens:
                    continue
                s = tokens[0].offset
                e = tokens[-1].offset + len(tokens[-1].value)
                if not para[s:e].strip():
                    continue
                if len(spans) > start and _continues(text[spans[-1][0]:spans[-1][1]], para[s:e]):
                    spans[-1] = (spans[-1][0], base + e)
                else:
                    spans.append((base + s, base + e))
    return spans


def all_sentences(cluster: str) -> list[tuple[str, int, int, str]]:
    out = []
    for doc, text in documents(cluster):
        for s, e in sentences(text):
            out.append((doc, s, e, " ".join(text[s:e].split())))
    return out


def _terms(text: str) -> Counter:
    return Counter(w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP)


def candidate_pairs(cluster: str, per_sentence: int = 2, floor: float = 0.12):
    """Cross-document sentence pairs that share content words: the pool a judge reads.

    Plain TF-IDF cosine, deliberately not briefing's own similarity, so the pool does not
    inherit its blind spots. Each sentence proposes its best `per_sentence` partners.
    """
    sents = all_sentences(cluster)
    bags = [_terms(t) for *_, t in sents]
    df = Counter(w for b in bags for w in b)
    n = len(bags)
    vecs = []
    for b in bags:
        v = {w: c * math.log((n + 1) / (df[w] + 0.5)) for w, c in b.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    chosen = set()
    for i, a in enumerate(sents):
        scored = []
        for j, b in enumerate(sents):
            if a[0] == b[0]:
                continue
            sim = sum(x * vecs[j].get(w, 0.0) for w, x in vecs[i].items())
            if sim >= floor:
                scored.append((sim, j))
        for sim, j in sorted(scored, reverse=True)[:per_sentence]:
            chosen.add((min(i, j), max(i, j)))
    return [(sents[i], sents[j]) for i, j in sorted(chosen)]


def sid(doc: str, s: int, e: int) -> str:
    return f"{doc}:{s}-{e}"


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in {"show", "template", "pairs"}:
        print(__doc__, file=sys.stderr)
        return 2
    command, cluster = argv
    if command == "show":
        for doc, s, e, text in all_sentences(cluster):
            print(f"[{sid(doc, s, e)}] {text}")
    elif command == "template":
        print("sentence\tlabel\talso\tbackground\tjunk")
        for doc, s, e, _ in all_sentences(cluster):
            print(f"{sid(doc, s, e)}\t\t\t\t")
    else:
        for k, (a, b) in enumerate(candidate_pairs(cluster)):
            print(f"P{k}\t{sid(*a[:3])}\t{sid(*b[:3])}\n  A: {a[3]}\n  B: {b[3]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
