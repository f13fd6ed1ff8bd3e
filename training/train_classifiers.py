"""Train the classifiers that `kind: classifier` rules use, on the development split only.

    pip install ".[train]"
    python training/train_classifiers.py            # writes src/postcheck/models/
    python training/train_classifiers.py --check    # fails if the shipped models differ

Per language and category: a logistic regression over `postcheck.classifier.features`
(present or absent, weighted by inverse document frequency, L2-normalised), classes
weighted by their frequency. The threshold is read
off 5-fold cross-validation on the same split (each post's held-out probability
averaged over 5 shuffles): the lowest probability, from the
model's own decision boundary (0.5) up, at which the held-out folds reach the target
precision, so that the model only adds findings the rules would be trusted with.

A label that a `kind: classifier` rule of the built-in rules scores gets its threshold
from what that rule adds to the others instead: the linter runs on the same posts with
every such rule firing wherever its context holds, and the threshold is the one at
which the held-out probabilities give the rules plus the model their best F1, provided
what the model adds to the rules is right at least three times in four (and at least
three times), and that the model adds false alarms on at most 1% of the benign posts
(so that the model rules together stay well inside the 5% the linter allows itself). Where no
threshold beats the rules alone, the rule never fires (1.0). A rule may fix its own threshold
(`params.threshold`, with its reason in a comment); training then only reports what it reaches.
The held-out test split is never read here.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import sys
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from postcheck import classifier, evaluate
from postcheck.classifier import features
from postcheck.config import Config
from postcheck.evaluate import MAIN, prf
from postcheck.linter import Linter

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "corpus" / "dev"
OUT = ROOT / "src" / "postcheck" / "models"
C = 10.0
TARGET_PRECISION = 0.85
MIN_POSITIVES = 3  # out-of-fold hits needed before a precision is believed
# From the decision boundary of the class-balanced model (0.5) up: never below it.
GRID = [round(0.5 + 0.05 * i, 2) for i in range(10)]  # 0.50 .. 0.95
# Beside the rules, the model may go lower: what it adds is judged with them.
RULE_GRID = [round(0.3 + 0.05 * i, 2) for i in range(14)]  # 0.30 .. 0.95
BENIGN_BUDGET = 0.01
REPEATS = 5  # shuffles of the 5-fold cross-validation, averaged
ADDED_PRECISION = 0.75


def read_dev(lang: str) -> list[dict]:
    records = []
    for file in sorted(DEV.glob("*.jsonl")):
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                if record.get("lang") == lang:
                    records.append(record)
    return records


def threshold(probabilities: np.ndarray, truth: np.ndarray) -> tuple[float, dict]:
    """The lowest grid threshold whose out-of-fold precision meets the target."""
    for t in GRID:
        flagged = probabilities >= t
        tp = int((flagged & truth).sum())
        fp = int((flagged & ~truth).sum())
        if tp >= MIN_POSITIVES and tp / (tp + fp) >= TARGET_PRECISION:
            return t, prf(tp, fp, int((~flagged & truth).sum()))
    return 1.0, prf(0, 0, int(truth.sum()))  # never fires


class _Eligible:
    """Stands in for the shipped model while the rules run on the development posts:
    every classifier rule fires wherever its context holds, and the patient-story cue
    never does, so what the rules catch does not depend on a model being trained."""

    def __init__(self, labels):
        self.labels = list(labels)
        self.thresholds = {label: 0.0 for label in self.labels}
        self.thresholds["patient-privacy"] = 2.0

    def scores(self, text):
        return {label: 1.0 for label in self.labels}


@contextmanager
def _eligible_models():
    shipped = classifier.load
    classifier.load = lambda lang: _Eligible(MAIN)
    try:
        yield
    finally:
        classifier.load = shipped


def rule_outcomes(lang: str, records: list[dict]) -> dict[str, tuple[np.ndarray, np.ndarray, float | None]]:
    """Per label a classifier rule scores: the posts the other rules flag, the
    posts where the classifier rule's context holds, and the threshold the rule
    fixes itself (None: training chooses)."""
    config = Config()
    config = dataclasses.replace(config, thresholds=dataclasses.replace(config.thresholds, min_score=0.0))
    with _eligible_models():
        linter = Linter(config)
        model_rules = {r.id: r for r in linter.rules if r.kind == "classifier" and lang in r.languages}
        outcomes = evaluate.run(linter, [evaluate._record(r, r["id"]) for r in records])
    out = {}
    for label in {r.params["label"] for r in model_rules.values()}:
        fired = [o.rules.get(label, set()) for o in outcomes]
        fixed = [r.params["threshold"] for r in model_rules.values()
                 if r.params["label"] == label and "threshold" in r.params]
        out[label] = (np.array([any(r not in model_rules for r in f) for f in fired]),
                      np.array([any(r in model_rules for r in f) for f in fired]),
                      fixed[0] if fixed else None)
    return out


def rule_threshold(probabilities, truth, benign, rules, eligible, fixed=None) -> tuple[float, dict]:
    """The grid threshold at which the rules plus the model score their best F1 out
    of fold, with what the model adds precise enough and within the benign budget;
    1.0 when none beats the rules alone. A rule that fixes its threshold gets it,
    with the figures it reaches."""
    def score(flagged):
        counts = prf(int((flagged & truth).sum()), int((flagged & ~truth).sum()), int((~flagged & truth).sum()))
        return counts["f1"], counts
    if fixed is not None:
        return fixed, {**score(rules | (eligible & (probabilities >= fixed)))[1], "rules_alone_f1": score(rules)[0],
                       "fixed_by_rule": True}
    best, (best_f1, best_counts) = 1.0, score(rules)
    for t in reversed(RULE_GRID):  # from the top, so that a tie keeps the higher threshold
        added = eligible & (probabilities >= t) & ~rules
        right = int((added & truth).sum())
        if right < MIN_POSITIVES or right < ADDED_PRECISION * added.sum() \
                or (added & benign).sum() > BENIGN_BUDGET * benign.sum():
            continue
        flagged = rules | added
        f1, counts = score(flagged)
        if f1 > best_f1:
            best, best_f1, best_counts = t, f1, counts
    return best, {**best_counts, "rules_alone_f1": score(rules)[0]}


def vectorizer() -> TfidfVectorizer:
    # idf: a feature most posts share (" de ", " the") says less than a rare one
    return TfidfVectorizer(analyzer=features, binary=True, use_idf=True, norm="l2", min_df=2)


def fit(texts: list[str], truths: dict[str, np.ndarray]) -> dict:
    """One logistic regression per label, as the weights `postcheck.classifier.Model` reads."""
    vectors = vectorizer()
    matrix = vectors.fit_transform(texts)
    models = {label: LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(matrix, truth)
              for label, truth in truths.items()}
    weights = np.vstack([m.coef_[0] for m in models.values()]).T
    vocabulary = sorted(vectors.vocabulary_, key=vectors.vocabulary_.get)
    return {"labels": list(models), "bias": [round(float(m.intercept_[0]), 5) for m in models.values()],
            "weights": {f: [round(float(w), 5) for w in row] for f, row in zip(vocabulary, weights)},
            "idf": {f: round(float(v), 5) for f, v in zip(vocabulary, vectors.idf_)}}


def out_of_fold(matrix, truth: np.ndarray) -> np.ndarray:
    """Each post's held-out probability, averaged over REPEATS shuffles of 5-fold
    cross-validation: with a few dozen positives, one split alone moves a threshold."""
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    return np.mean([cross_val_predict(model, matrix, truth, method="predict_proba",
                                      cv=StratifiedKFold(5, shuffle=True, random_state=seed))[:, 1]
                    for seed in range(REPEATS)], axis=0)


def train(lang: str) -> dict:
    records = read_dev(lang)
    texts = [r["text"] for r in records]
    truths = {label: np.array([label in r.get("categories", []) for r in records]) for label in MAIN}
    matrix = vectorizer().fit_transform(texts)
    with_rules = rule_outcomes(lang, records)
    benign = np.array([not r.get("categories") for r in records])
    thresholds, cv = {}, {}
    for label, truth in truths.items():
        held_out = out_of_fold(matrix, truth)
        if label in with_rules:
            thresholds[label], cv[label] = rule_threshold(held_out, truth, benign, *with_rules[label])
        else:
            thresholds[label], cv[label] = threshold(held_out, truth)
    return {"lang": lang, "thresholds": thresholds, "cross_validation": cv,
            "trained_on": {"split": "corpus/dev", "posts": len(records)}, **fit(texts, truths)}


def same(a: dict, b: dict) -> bool:
    """Equal up to the last digits, which BLAS may change from machine to machine."""
    numbers = ("weights", "bias", "idf")
    if {k: v for k, v in a.items() if k not in numbers} != {k: v for k, v in b.items() if k not in numbers} \
            or a["weights"].keys() != b["weights"].keys() or "idf" not in a or "idf" not in b:
        return False
    pairs = [(a["bias"], b["bias"])] + [([a["idf"][f], *a["weights"][f]], [b["idf"][f], *b["weights"][f]])
                                        for f in a["weights"]]
    return all(abs(x - y) < 1e-3 for u, v in pairs for x, y in zip(u, v))


def encode(model: dict) -> bytes:
    raw = json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    return gzip.compress(raw, mtime=0)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped models, write nothing")
    parser.add_argument("--langs", nargs="+", default=["fr", "en"])
    args = parser.parse_args(argv)
    stale = []
    for lang in args.langs:
        model = train(lang)
        for label in model["labels"]:
            m = model["cross_validation"][label]
            alone = f"  (rules alone F1 {m['rules_alone_f1']:.3f})" if "rules_alone_f1" in m else ""
            alone += ", threshold fixed by the rule" if m.get("fixed_by_rule") else ""
            print(f"{lang} {label:22s} threshold {model['thresholds'][label]:.2f}  cross-validated "
                  f"P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f} ({m['tp']}/{m['support']}, "
                  f"{m['fp']} false){' with the rules' + alone if alone else ''}")
        path = OUT / f"classifier-{lang}.json.gz"
        data = encode(model)
        if args.check:
            if not path.is_file() or not same(json.loads(gzip.decompress(path.read_bytes())), model):
                stale.append(path)
        else:
            OUT.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)} ({len(model['weights'])} features, {len(data) // 1024} KiB)")
    for path in stale:
        print(f"{path.relative_to(ROOT)} is not what training on corpus/dev gives: run {Path(__file__).name}",
              file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
