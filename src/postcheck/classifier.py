"""Linear text classifiers trained on the development corpus, one per language.

Hand-written rules catch the wordings they were written for; sarcasm,
insinuation and disguised advertising come in more wordings than any list.
A linear model over character and word n-grams generalises a little further,
and the `classifier` rule kind adds it to the rules, tuned for precision.

The model is trained by `training/train_classifiers.py` (scikit-learn, a
logistic regression over the features below, each present one valued at its
inverse document frequency, L2-normalised) and shipped as JSON: per feature,
its idf and one weight per label. Scoring needs no scikit-learn: the
probability of a label is the sigmoid of the bias plus the idf-weighted sum of
the weights of the features present, divided by the norm of their idfs, which
is what scikit-learn computes on the same features. Both sides call
`features`, so training and scoring cannot drift apart.
"""

from __future__ import annotations

import gzip
import json
import math
from functools import cache
from importlib import resources

import numpy as np
import regex

WORD = regex.compile(r"\w+")
SYMBOL = regex.compile(r"[^\w\s]")


def features(text: str) -> set[str]:
    """Each lower-cased word whole, its character 3- to 5-grams, padded with
    spaces so that word starts and ends count, the pairs of adjacent words, and
    each emoji or punctuation sign (an eye-roll says as much as a word)."""
    text = text.lower()
    words = WORD.findall(text)
    out = {f"{a} {b}" for a, b in zip(words, words[1:])}
    out.update(f"w:{word}" for word in words)
    out.update(f"s:{sign}" for sign in SYMBOL.findall(text))
    add = out.add
    for word in set(words):
        padded = f" {word} "
        # near the end a slice is shorter than asked: it is then a 3- or 4-gram already in the set
        for i in range(len(padded) - 2):
            add(padded[i:i + 3])
            add(padded[i:i + 4])
            add(padded[i:i + 5])
    return out


class Model:
    """Labels, biases, thresholds and per-feature idfs and weights of one language."""

    def __init__(self, data: dict):
        self.labels: list[str] = data["labels"]
        self.bias: list[float] = data["bias"]
        self.thresholds: dict[str, float] = data["thresholds"]
        # one row of weights per feature, in one matrix: a post sums a few hundred rows
        self.rows = {feature: i for i, feature in enumerate(data["weights"])}
        self.matrix = np.array(list(data["weights"].values()), dtype=np.float64).reshape(len(self.rows), -1)
        self.idf = np.array([data["idf"][feature] for feature in self.rows], dtype=np.float64)

    def scores(self, text: str) -> dict[str, float]:
        """The probability of each label for this text."""
        rows = [i for i in map(self.rows.get, features(text)) if i is not None]
        idf = self.idf[rows]
        totals = idf @ self.matrix[rows] / math.sqrt(idf @ idf) if rows else np.zeros(len(self.labels))
        return {label: 1.0 / (1.0 + math.exp(-(b + t))) for label, b, t in zip(self.labels, self.bias, totals)}


def model_path(lang: str):
    return resources.files("postcheck") / "models" / f"classifier-{lang}.json.gz"


@cache
def load(lang: str) -> Model | None:
    """The shipped model for a language, or None when there is none."""
    path = model_path(lang)
    if not path.is_file():
        return None
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as f:
        return Model(json.load(f))


def post_scores(analysis) -> dict[str, float]:
    """The label probabilities of an analysed post, computed once for all the
    rules and cues that ask (empty when the language has no model)."""
    if "classifier" not in analysis.memo:
        model = load(analysis.lang)
        analysis.memo["classifier"] = model.scores(analysis.text) if model else {}
    return analysis.memo["classifier"]


def sentence_scores(analysis, sentences: list[tuple[int, int]]) -> list[dict[str, float]]:
    """The label probabilities of each sentence, computed once for all the
    classifier rules that fire on the post."""
    if "classifier:sentences" not in analysis.memo:
        model = load(analysis.lang)
        analysis.memo["classifier:sentences"] = [model.scores(analysis.text[s:e]) for s, e in sentences]
    return analysis.memo["classifier:sentences"]
