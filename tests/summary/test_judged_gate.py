"""The CI quality gate on hand judgements: what a reader checks in a brief cannot drop silently.

`briefing eval --judged` builds a brief for every hand-judged real cluster in
tests/judged/multinews (ids only; the articles are in ../shared/devsets) and measures it
against the judges. The floors are pinned in tests/quality_floors.toml, [judged]: lower
bounds for what should be high, upper bounds for what should be low.
"""

from __future__ import annotations

import pytest

from tests.summary.test_quality_gate import DEVSETS, FLOORS

FLOOR = FLOORS["judged"]
# measure -> (floor key, True when the measure must stay at or above the floor)
GATES = {
    "sections": ("min_sections_percent", True),
    "junk": ("max_cannot_stand_alone_percent", False),
    "key_points_bad": ("max_key_points_bad_percent", False),
    "within_words": ("min_within_words_percent", True),
    "printed_twice": ("max_printed_twice_percent", False),
    "citation_precision": ("min_citation_precision_percent", True),
    "citation_recall": ("min_citation_recall_percent", True),
    "discrepancy_precision": ("min_discrepancy_precision_percent", True),
    "actor_recall": ("min_actor_recall_percent", True),
    "actor_precision": ("min_actor_precision_percent", True),
    "timeline_years": ("min_timeline_years_percent", True),
}


@pytest.fixture(scope="module")
def judged():
    if not DEVSETS.is_dir():
        pytest.skip(f"{DEVSETS} is absent: the judged clusters' articles live in ../shared beside the repository")
    from briefing.summary import judged_report

    return judged_report.evaluate_judged()


def test_every_judged_cluster_is_built_and_every_item_in_the_briefs_is_judged(judged):
    assert len(judged.clusters) == FLOOR["clusters"]
    unjudged = {k: v for k, v in judged.totals().items() if v and k != "words"}
    assert not unjudged, f"judge these first (briefing eval --judged --dump-unjudged FILE): {unjudged}"


@pytest.mark.parametrize("measure", sorted(GATES))
def test_judged_measure_holds_its_floor(judged, measure):
    key, at_least = GATES[measure]
    ratio = judged.overall()[measure]
    assert ratio.total > 0, f"nothing was judged for {measure}"
    if at_least:
        assert ratio.percent >= FLOOR[key], f"{measure} {ratio.hits}/{ratio.total} = {ratio.percent:.1f}% < {FLOOR[key]}%"
    else:
        assert ratio.percent <= FLOOR[key], f"{measure} {ratio.hits}/{ratio.total} = {ratio.percent:.1f}% > {FLOOR[key]}%"
