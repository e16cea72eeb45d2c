"""Learned yes/no decisions shipped as data (text/logistic): what is learned is what is read back."""

from __future__ import annotations

import tomllib

import numpy as np

from briefing.text.logistic import BinaryModel

FEATURES = ("bias", "alike", "rare")
ROWS = np.array([[1, 0.9, 1], [1, 0.8, 0], [1, 0.7, 1], [1, 0.3, 0], [1, 0.2, 1], [1, 0.1, 0]], dtype=float)
JUDGED = np.array([1, 1, 1, 0, 0, 0])


def test_learned_weights_separate_what_the_judgements_separate():
    model = BinaryModel.learn(FEATURES, ROWS, JUDGED, threshold=0.5)
    assert [model.decide({"alike": a, "rare": r}) for _, a, r in ROWS] == [True] * 3 + [False] * 3


def test_weights_written_and_read_back_decide_the_same():
    model = BinaryModel.learn(FEATURES, ROWS, JUDGED, threshold=0.6)
    again = BinaryModel.from_data(tomllib.loads(model.to_toml("# test")))
    assert again.features == FEATURES and again.threshold == 0.6
    for _, a, r in ROWS:
        assert abs(again.probability({"alike": a, "rare": r}) - model.probability({"alike": a, "rare": r})) < 1e-4


def test_learning_twice_gives_the_same_weights():
    first = BinaryModel.learn(FEATURES, ROWS, JUDGED, threshold=0.5)
    assert first.to_toml("#") == BinaryModel.learn(FEATURES, ROWS, JUDGED, threshold=0.5).to_toml("#")
