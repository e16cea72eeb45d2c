"""Logistic regression learned from hand judgements and shipped as data.

One fitting routine serves every learned yes/no decision (a section acceptable for a
sentence: text/section_model; two sentences stating one claim: text/same_claim): full-batch
gradient descent from zero on standardised features with an L2 penalty (none on the bias,
the first feature, which is always 1), so the same data always gives the same weights.
`BinaryModel` is one such decision with its threshold, written to and read from TOML.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The mean and spread of each feature (column 0, the bias, stays 1)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    mean[0], scale[0] = 0.0, 1.0
    scale[scale == 0] = 1.0
    return mean, scale


def fit_logistic(xs: np.ndarray, targets: np.ndarray, l2: float = 1.0, steps: int = 2000,
                 rate: float = 0.5) -> np.ndarray:
    """Weights (one row per column of `targets`, n x k of 0/1) of independent logistic
    regressions on the standardised features `xs` (n x d)."""
    n = len(xs)
    w = np.zeros((targets.shape[1], xs.shape[1]))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(xs @ w.T)))
        grad = ((p - targets).T @ xs) / n + l2 * w / n
        grad[:, 0] -= l2 * w[:, 0] / n  # no penalty on the bias
        w -= rate * grad
    return w


def floats(values) -> str:
    return "[" + ", ".join(f"{v:.5f}" for v in values) + "]"


@dataclass(frozen=True)
class BinaryModel:
    """A yes/no decision: yes when the probability reaches `threshold`."""

    features: tuple[str, ...]  # the first is "bias"
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    threshold: float

    def probability(self, named: dict[str, float]) -> float:
        x = np.array([1.0] + [named[f] for f in self.features[1:]], dtype=float)
        return float(1 / (1 + np.exp(-((x - self.mean) / self.scale) @ self.weights)))

    def decide(self, named: dict[str, float]) -> bool:
        return self.probability(named) >= self.threshold

    def to_toml(self, header: str) -> str:
        return "\n".join([header.rstrip(), "", f"threshold = {self.threshold:.3f}",
                          "features = [" + ", ".join(f'"{f}"' for f in self.features) + "]",
                          f"mean = {floats(self.mean)}", f"scale = {floats(self.scale)}",
                          f"weights = {floats(self.weights)}"]) + "\n"

    @classmethod
    def from_data(cls, data: dict) -> BinaryModel:
        return cls(tuple(data["features"]), *(np.array(data[k], dtype=float) for k in ("mean", "scale", "weights")),
                   float(data["threshold"]))

    @classmethod
    def learn(cls, features: tuple[str, ...], x: np.ndarray, y: np.ndarray, threshold: float,
              l2: float = 1.0, steps: int = 3000) -> BinaryModel:
        """Learned on rows x (a first column of ones for the bias) judged y (0/1)."""
        mean, scale = standardise(x)
        w = fit_logistic((x - mean) / scale, y.reshape(-1, 1).astype(float), l2, steps)
        return cls(features, mean, scale, w[0], threshold)
