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
    # the odd-numbered half of 23 clusters: measured 77/89 = 86.5% precision, 77/220 = 35.0%
    # recall (of 18: 40/47 = 85%, 40/112 = 36% with the predicate check; before it: 42/53 =
    # 79%, 38%; similarity alone: 67%, 47%)
    assert hits / decided >= 0.85 and hits / judged >= 0.35, (hits, decided, judged)


def test_every_judged_pair_is_decided_as_measured_with_the_predicate_check():
    hits, decided, judged = calibrate.measure(calibrate.clusters())
    # 23 clusters: measured 155/177 = 87.6% precision, 155/520 = 29.8% recall. The floor was
    # 0.88 / 0.32 on the first 18 (125/141 = 88.7%, 125/380 = 32.9%, unchanged); the 5 added
    # were held out until now and score 30/36 = 83.3%, 30/140 = 21.4%: the decision generalises
    # worse than it measured where it was tuned, which this floor now records rather than hides.
    # (Predicates of the whole sentence, on 18: 136/160 = 85.0%, 35.8%.) Recall is traded for
    # precision on purpose: the pairs lost share only a subordinate clause's event.
    assert hits / decided >= 0.875 and hits / judged >= 0.298, (hits, decided, judged)
