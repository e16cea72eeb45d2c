"""The sentence ids hand judgements are kept under (tests/judged/spans.py) are whole sentences,
and every id a judgement names is one of them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.judged.spans import DEVSET, sentences

JUDGED = Path(__file__).resolve().parents[1] / "judged"


def pieces(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


def test_a_title_or_a_month_before_a_name_or_a_day_does_not_end_a_sentence():
    text = ("The bill passed on Tuesday, said Rep. Mara Lind of Ohio. It goes to the Senate next.\n\n"
            "Police have been on alert since the Jan. 7 attacks, Lt. Gen. Ivo Rask said.")
    assert pieces(text) == [
        "The bill passed on Tuesday, said Rep. Mara Lind of Ohio.",
        "It goes to the Senate next.",
        "Police have been on alert since the Jan. 7 attacks, Lt. Gen. Ivo Rask said.",
    ]


def test_a_sentence_ending_in_an_abbreviation_before_a_new_paragraph_stays_apart():
    assert pieces("The hearing was chaired by Sen.\n\nMara Lind spoke first.") == [
        "The hearing was chaired by Sen.", "Mara Lind spoke first."]


def _judged_ids() -> dict[tuple[str, str], set[str]]:
    """(cluster, doc) -> every sentence id a judgement file names."""
    found: dict[tuple[str, str], set[str]] = {}
    for folder in ("multinews", "heldout"):
        for path in sorted((JUDGED / folder).glob("*.tsv")):
            rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
            if path.name.endswith((".sections.tsv", ".pairs.tsv")):
                cluster = path.name.split(".")[0]
                ids = [(cluster, r[k]) for r in rows for k in ("sentence", "a", "b") if k in r]
            else:
                continue  # actors are mentions, weekly leads the text a front page showed
            for cluster, sid in ids:
                found.setdefault((cluster, sid.split(":")[0]), set()).add(sid)
    return found


@pytest.mark.skipif(not DEVSET.is_dir(), reason="needs ../shared/devsets/multinews (the judged articles)")
def test_every_judged_sentence_id_is_a_sentence_of_its_article():
    stray = []
    for (cluster, doc), ids in sorted(_judged_ids().items()):
        text = (DEVSET / cluster / "docs" / f"{doc}.txt").read_text("utf-8")
        spans = {f"{doc}:{s}-{e}" for s, e in sentences(text)}
        stray += [f"{cluster} {i}" for i in sorted(ids - spans)]
    assert not stray, f"judged ids that are no longer sentences: {stray[:10]}"
