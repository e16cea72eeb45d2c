"""How well text/same_claim decides "same claim" on the hand-judged candidate pairs.

    python -m tests.judged.calibrate     # precision and recall on the tuning and held-out halves

Each cluster's sentences (the judged spans, read from ../shared/devsets/multinews) are indexed
as briefing indexes a brief's sentences; pairs of fewer than six words on either side (page
debris, which cleaning removes before synthesis) are left out. The clusters are split in two by
name order (the hand-made rule's constants were tuned on the first half of the first 18);
the learned weights of text/same_claim saw every cluster, so their honest figures are those
of tests/judged/train_same_claim.py, which leaves one cluster out.
"""

from __future__ import annotations

from pathlib import Path

from briefing.models import Sentence
from briefing.text.same_claim import states_same
from briefing.text.similarity import SentenceIndex
from tests.judged.spans import DEVSET, all_sentences

JUDGED = Path(__file__).resolve().parent / "multinews"
MIN_WORDS = 6


def clusters() -> list[str]:
    return sorted(p.name.split(".")[0] for p in JUDGED.glob("*.pairs.tsv"))


def halves() -> tuple[list[str], list[str]]:
    names = clusters()
    return names[0::2], names[1::2]


def judged_pairs(cluster: str) -> tuple[SentenceIndex, list[tuple[int, int, bool]]]:
    """The cluster's sentences indexed, and every judged pair (i, j, judged same) of sentences
    of six words or more."""
    sentences, where, count = [], {}, {}
    for doc, start, end, text in all_sentences(cluster):
        where[f"{doc}:{start}-{end}"] = len(sentences)
        sentences.append(Sentence(doc, count.setdefault(doc, 0), start, end, text))
        count[doc] += 1
    out = []
    for line in (JUDGED / f"{cluster}.pairs.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        a, b, same, _ = line.split("\t")
        i, j = where[a], where[b]
        if min(len(sentences[i].text.split()), len(sentences[j].text.split())) >= MIN_WORDS:
            out.append((i, j, same == "1"))
    return SentenceIndex(sentences), out


def decisions(cluster: str) -> list[tuple[bool, bool]]:
    """(judged same, decided same) for every judged pair of the cluster."""
    index, pairs = judged_pairs(cluster)
    return [(same, states_same(index, i, j)) for i, j, same in pairs]


def measure(names: list[str]) -> tuple[int, int, int]:
    """(decided same and judged same, decided same, judged same) over the clusters."""
    pairs = [p for name in names for p in decisions(name)]
    return sum(j and d for j, d in pairs), sum(d for _, d in pairs), sum(j for j, _ in pairs)


def main() -> int:
    if not DEVSET.is_dir():
        print(f"{DEVSET} is absent: the judged pairs cannot be read")
        return 1
    for label, names in zip(("tuning", "held-out"), halves()):
        hits, decided, judged = measure(names)
        print(f"{label:9} precision {hits}/{decided} = {hits / decided:.1%}  recall {hits}/{judged} = {hits / judged:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
