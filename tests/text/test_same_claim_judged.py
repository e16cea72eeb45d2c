"""The same-claim decision on the hand-judged pairs (issue 12): leaving one cluster out, and as
shipped, read from ../shared/devsets (skipped when it is absent)."""

from __future__ import annotations

import pytest

from tests.judged import calibrate, train_same_claim

pytestmark = pytest.mark.skipif(not calibrate.DEVSET.is_dir(),
                                reason=f"{calibrate.DEVSET} is absent: the judged pairs' sentences cannot be read")


@pytest.fixture(scope="module")
def data():
    return train_same_claim.read()


def test_pairs_of_a_cluster_left_out_are_decided_as_measured_when_the_weights_were_learned(data):
    probability, judged, same = train_same_claim.held_out(data)
    decided = train_same_claim.shipped_decision(data, probability)
    hits = int((decided & judged).sum())
    # 47 clusters, weights learned on the other 46 for each, 0.6 with a shared verb and 0.7 with
    # other verbs (same_claim.OTHER_VERBS): measured 259/286 = 90.6% precision, 259/1171 = 22.1%
    # recall; the recall floor moved from 0.228 to 0.221 on purpose, for the precision a
    # citation needs (briefs' citations on the 47: 73/75 -> 69/69 stating their claim). With 0.6
    # alone: 268/300 = 89.3% precision, 268/1171 = 22.9% recall with text/polarity and no time word in a claim's
    # subject (the code before, on the same judgements: 267/303 = 88.1%, 22.8%); before the split sentences were judged whole: 266/301 =
    # 88.4% precision, 266/1171 = 22.7% recall (the hand-made rule alone: 287/334 = 85.9%,
    # 24.5%). Before a sentence naming its subject by a demonstrative ("at that reactor's pool")
    # stopped being weighed: 270/305 = 88.5%, 23.1% (rule alone 85.1%), the floor lowered by
    # 0.1 point for the rule's 0.8 and the briefs' citations (74/80 -> 74/77 stating their
    # claim); before a line with no verb stopped being weighed: 275/314 = 87.6%, 23.5% (the
    # rule alone 300/358 = 83.8%, 25.6%). Recall is traded for precision on purpose. The floor moved down from 89.3% / 24.5% when the twelve clusters of held-out sets
    # E and F were folded in: new judged pairs, not a change of the decision, which they had
    # never seen. On 35 clusters it measured 227/254 = 89.4% precision, 227/924 = 24.6% recall. The hand-made rule alone (no learned weights),
    # whose constants were set on the first 18 clusters: 246/291 = 84.5%, 26.6%. (On 29
    # clusters at 0.7: 181/197 = 91.9%, 25.8% against the rule's 205/243 = 84.4%, 29.2%; on the 6
    # clusters of held-out set D, which the weights learned on those 29 never saw: 36/40 =
    # 90.0%, 16.2% against the rule's 41/48 = 85.4%, 18.5%.)
    assert hits / decided.sum() >= 0.905 and hits / same >= 0.221, (hits, int(decided.sum()), same)


def test_every_judged_pair_is_decided_as_measured_with_the_shipped_weights():
    hits, decided, judged = calibrate.measure(calibrate.clusters())
    # 47 clusters, with the weights learned on all of them, 0.6 with a shared verb and 0.7 with
    # other verbs: measured 261/280 = 93.2% precision, 261/1171 = 22.3% recall (the recall floor
    # moved from 0.230 to 0.222 with that choice, as above). With 0.6 alone: 272/300 =
    # 90.7% precision, 272/1171 = 23.2% recall once a sentence denying the other's verb is not
    # weighed (text/polarity) and a claim's time ("in June") is not its subject, the weights
    # learned again. With the 58 sentences first judged in halves (split at "Rep.", "Gov.")
    # judged whole, the code before measured 271/299 = 90.6%, 23.1%. Before that: 270/298 =
    # 90.6%, 23.1% (271/301 = 90.0% before demonstratives, 275/304
    # = 90.5%, 23.5% before a line with no verb stopped being weighed) (on 35 clusters: 229/251 = 91.2%, 24.8%; the rule
    # alone, before the weights: 246/291 = 84.5%, 26.6%; the floor moved with the twelve
    # clusters folded in, as above). Recall is traded for precision on purpose: a citation must state its claim.
    assert hits / decided >= 0.932 and hits / judged >= 0.222, (hits, decided, judged)


def test_shipped_same_claim_weights_are_what_the_training_script_learns(data):
    shipped = train_same_claim.OUT.read_text(encoding="utf-8")
    assert train_same_claim.learn(data).to_toml(train_same_claim.HEADER) == shipped, (
        "data/same_claim_weights.toml is stale: run python -m tests.judged.train_same_claim")
