"""The learned section weights: the section most likely to be acceptable wins, another than
the default only by a margin; the weights survive being written and read back."""

from __future__ import annotations

import tomllib

import numpy as np

from briefing.text.section_model import SectionModel, fit, fit_acceptable, from_data

KEYS = ("statement", "reactions")
FEATURES = ("bias", "judging")


def _model(margin: float) -> SectionModel:
    # acceptable: statement always fairly likely (bias 0.2 -> 0.55); reactions likelier the
    # more the sentence judges (0.6 at judging 1, 0.88 at judging 5)
    plain = SectionModel(KEYS, FEATURES, np.zeros(2), np.ones(2), np.zeros((2, 2)), "statement", 0.35)
    return SectionModel(KEYS, FEATURES, plain.mean, plain.scale, plain.weights, "statement", 0.35,
                        np.array([[0.2, 0.0], [0.0, 0.405]]), margin)


def test_a_section_slightly_likelier_to_be_acceptable_than_statement_needs_the_margin():
    judging_a_little = {"bias": 1.0, "judging": 1.0}
    assert _model(0.0).choose(judging_a_little) == "reactions"
    assert _model(0.1).choose(judging_a_little) == "statement"
    assert _model(0.1).choose({"bias": 1.0, "judging": 5.0}) == "reactions"


def test_acceptability_weights_are_written_and_read_back():
    model = _model(0.1)
    again = from_data(tomllib.loads(model.to_toml("# test")))
    assert again.margin == 0.1
    assert np.allclose(again.acceptable, model.acceptable)
    for judging in (0.0, 1.0, 5.0):
        assert again.choose({"bias": 1.0, "judging": judging}) == model.choose({"bias": 1.0, "judging": judging})


def test_learned_acceptability_follows_the_labels():
    # sentences that judge are judged acceptable as reactions, plain reports as statements only
    x = np.array([[1.0, j] for j in (0, 0, 0, 0, 3, 3, 4, 4)])
    ok = np.array([[1, 0]] * 4 + [[0, 1]] * 4, dtype=float)
    label = ok.argmax(axis=1)
    model = fit_acceptable(fit(x, ok, label, KEYS, FEATURES, "statement", 0.35), x, ok, 0.1)
    assert model.choose({"bias": 1.0, "judging": 0.0}) == "statement"
    assert model.choose({"bias": 1.0, "judging": 4.0}) == "reactions"
