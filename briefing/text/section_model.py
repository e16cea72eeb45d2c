"""Learned weights that turn a sentence's role features (roles.py) into a section.

A multinomial logistic regression: per section, a weight for each feature (standardised by
the training data's mean and spread); the section with the highest probability wins, but a
section other than the default must be at least `threshold` likely — a sentence that fits
nowhere in particular is a statement, so a section with nothing that belongs there stays
empty instead of being filled with misfits. With `acceptable` weights (one logistic
regression per section: is this section one an analyst would accept for the sentence?), the
section most likely to be acceptable wins instead, a section other than the default only when
it is at least `margin` likelier to be acceptable than the default: a placement is right when
it is the judged label or one of the others judged defensible, so this is the rule that
aims at what is measured. The weights are data
(`data/section_weights.toml`), written by tests/judged/train_sections.py from the hand labels
in tests/judged/multinews; a profile whose sections have other keys uses their cues alone.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from importlib import resources

import numpy as np

from briefing.text.logistic import fit_logistic, floats, standardise


@dataclass(frozen=True)
class SectionModel:
    keys: tuple[str, ...]  # sections, in weight-row order
    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # len(keys) x len(features)
    default: str
    threshold: float
    acceptable: np.ndarray | None = None  # len(keys) x len(features), or None: argmax of `weights`
    margin: float = 0.0

    def vector(self, named: dict[str, float]) -> np.ndarray:
        x = np.array([named.get(f, 0.0) for f in self.features], dtype=float)
        return (x - self.mean) / self.scale

    def probabilities(self, named: dict[str, float]) -> dict[str, float]:
        z = self.weights @ self.vector(named)
        p = np.exp(z - z.max())
        p /= p.sum()
        return dict(zip(self.keys, p.tolist()))

    def choose(self, named: dict[str, float]) -> str:
        if self.acceptable is not None:
            pa = dict(zip(self.keys, (1 / (1 + np.exp(-(self.acceptable @ self.vector(named))))).tolist()))
            best = max(self.keys, key=lambda k: (pa[k], k == self.default))
            return best if best == self.default or pa[best] >= pa[self.default] + self.margin else self.default
        p = self.probabilities(named)
        best = max(self.keys, key=lambda k: (p[k], k == self.default))
        return best if best == self.default or p[best] >= self.threshold else self.default

    def to_toml(self, header: str) -> str:
        lines = [header.rstrip(), "", f'default = "{self.default}"', f"threshold = {self.threshold:.3f}",
                 "features = [" + ", ".join(f'"{f}"' for f in self.features) + "]",
                 f"mean = {floats(self.mean)}", f"scale = {floats(self.scale)}", "", "[weights]"]
        lines += [f"{k} = {floats(row)}" for k, row in zip(self.keys, self.weights)]
        if self.acceptable is not None:
            lines += ["", "[acceptable]", f"margin = {self.margin:.3f}"]
            lines += [f"{k} = {floats(row)}" for k, row in zip(self.keys, self.acceptable)]
        return "\n".join(lines) + "\n"


def from_data(data: dict) -> SectionModel:
    keys = tuple(data["weights"])
    acceptable = data.get("acceptable")
    return SectionModel(keys, tuple(data["features"]), np.array(data["mean"], dtype=float),
                        np.array(data["scale"], dtype=float),
                        np.array([data["weights"][k] for k in keys], dtype=float),
                        data["default"], float(data["threshold"]),
                        np.array([acceptable[k] for k in keys], dtype=float) if acceptable else None,
                        float(acceptable["margin"]) if acceptable else 0.0)


def load_model() -> SectionModel | None:
    path = resources.files("briefing").joinpath("data/section_weights.toml")
    if not path.is_file():
        return None
    return from_data(tomllib.loads(path.read_text("utf-8")))


def fit(x: np.ndarray, acceptable: np.ndarray, label: np.ndarray, keys: tuple[str, ...],
        features: tuple[str, ...], default: str, threshold: float,
        l2: float = 1.0, steps: int = 3000, rate: float = 0.5) -> SectionModel:
    """Weights that make each sentence's acceptable sections likely, its first choice most:
    the loss is -log P(label) - log P(any acceptable section), plus an L2 penalty; full-batch
    gradient descent from zero, so the same data always gives the same weights."""
    mean, scale = standardise(x)
    xs = (x - mean) / scale
    n, k = len(xs), len(keys)
    onehot = np.zeros((n, k))
    onehot[np.arange(n), label] = 1.0
    w = np.zeros((k, xs.shape[1]))
    for _ in range(steps):
        z = xs @ w.T
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        pa = p * acceptable
        q = pa / pa.sum(axis=1, keepdims=True)
        grad = ((2 * p - onehot - q).T @ xs) / n + l2 * w / n
        grad[:, 0] -= l2 * w[:, 0] / n  # no penalty on the bias
        w -= rate * grad
    return SectionModel(keys, features, mean, scale, w, default, threshold)


def fit_acceptable(model: SectionModel, x: np.ndarray, acceptable: np.ndarray, margin: float,
                   l2: float = 1.0, steps: int = 2000, rate: float = 0.5) -> SectionModel:
    """`model` with acceptability weights: per section, a logistic regression of whether the
    section is acceptable for the sentence (on `model`'s standardised features, L2 penalty,
    full-batch gradient descent from zero, so deterministic)."""
    w = fit_logistic((x - model.mean) / model.scale, acceptable, l2, steps, rate)
    return replace(model, acceptable=w, margin=margin)
