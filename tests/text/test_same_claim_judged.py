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
    # the odd-numbered half of 35 clusters: measured 139/161 = 86.3% precision, 139/470 = 29.6%
    # recall (of 29: 83/101 = 82.2%, 33.3%; of 23: 77/89 = 86.5%, 35.0%; of 18: 40/47 = 85%, 36%
    # with the predicate check;
    # before it: 42/53 = 79%, 38%; similarity alone: 67%, 47%)
    assert hits / decided >= 0.863 and hits / judged >= 0.295, (hits, decided, judged)


def test_every_judged_pair_is_decided_as_measured_with_the_predicate_check():
    hits, decided, judged = calibrate.measure(calibrate.clusters())
    # 35 clusters: measured 246/291 = 84.5% precision, 246/924 = 26.6% recall. On the first 18
    # (where the constants were set): 125/141 = 88.7%, 32.9%, unchanged; the three sets added
    # since were measured before anything was tuned on them: B 30/36 = 83.3%, C 50/66 = 75.8%,
    # D 41/48 = 85.4%.
    # The decision generalises worse than it measured where it was tuned; the floor records
    # that rather than hides it. Recall is traded for precision on purpose: the pairs lost
    # share only a subordinate clause's event.
    assert hits / decided >= 0.845 and hits / judged >= 0.266, (hits, decided, judged)
