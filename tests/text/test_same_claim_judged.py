"""The same-claim decision on the hand-judged pairs it was not tuned on (issue 12): the held-out
half of tests/judged/multinews, read from ../shared/devsets (skipped when it is absent)."""

from __future__ import annotations

import pytest

from tests.judged import calibrate

pytestmark = pytest.mark.skipif(not calibrate.DEVSET.is_dir(),
                                reason=f"{calibrate.DEVSET} is absent: the judged pairs' sentences cannot be read")


def test_held_out_pairs_are_decided_as_measured_when_the_constants_were_set():
    _, held_out = calibrate.halves()
    hits, decided, judged = calibrate.measure(held_out)
    # measured 40/47 = 85% precision, 40/112 = 36% recall with the predicate check (before it:
    # 42/53 = 79%, 38%; similarity alone: 67%, 47%)
    assert hits / decided >= 0.85 and hits / judged >= 0.35, (hits, decided, judged)


def test_every_judged_pair_is_decided_as_measured_with_the_predicate_check():
    hits, decided, judged = calibrate.measure(calibrate.clusters())
    # 18 clusters, main clauses compared (text/clauses): measured 125/141 = 88.7% precision,
    # 125/380 = 32.9% recall (predicates of the whole sentence: 136/160 = 85.0%, 35.8%; on 12
    # clusters 76/89 = 85.4%, 35.2%). Recall is traded for precision on purpose: the pairs lost
    # share only a subordinate clause's event ("X came after Y ..." / "Y ...").
    assert hits / decided >= 0.88 and hits / judged >= 0.32, (hits, decided, judged)
