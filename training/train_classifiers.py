"""Train the classifiers that `kind: classifier` rules use, on the development split only.

    pip install ".[train]"
    python training/train_classifiers.py            # writes src/postcheck/models/
    python training/train_classifiers.py --check    # fails if the shipped models differ

Per language and category: a logistic regression over `postcheck.classifier.features`
(binary, L2-normalised), classes weighted by their frequency. The threshold is read
off 5-fold cross-validation on the same split: the lowest probability, from the
model's own decision boundary (0.5) up, at which the held-out folds reach the target
precision, so that the model only adds findings the rules would be trusted with. The held-out test split is never read here.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from postcheck.classifier import features
from postcheck.evaluate import MAIN, prf

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "corpus" / "dev"
OUT = ROOT / "src" / "postcheck" / "models"
C = 10.0
TARGET_PRECISION = 0.85
MIN_POSITIVES = 3  # out-of-fold hits needed before a precision is believed
# From the decision boundary of the class-balanced model (0.5) up: never below it.
GRID = [round(0.5 + 0.05 * i, 2) for i in range(10)]  # 0.50 .. 0.95


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


def vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer=features, binary=True, use_idf=False, norm="l2", min_df=2)


def fit(texts: list[str], truths: dict[str, np.ndarray]) -> dict:
    """One logistic regression per label, as the weights `postcheck.classifier.Model` reads."""
    vectors = vectorizer()
    matrix = vectors.fit_transform(texts)
    models = {label: LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(matrix, truth)
              for label, truth in truths.items()}
    weights = np.vstack([m.coef_[0] for m in models.values()]).T
    vocabulary = sorted(vectors.vocabulary_, key=vectors.vocabulary_.get)
    return {"labels": list(models), "bias": [round(float(m.intercept_[0]), 5) for m in models.values()],
            "weights": {f: [round(float(w), 5) for w in row] for f, row in zip(vocabulary, weights)}}


def train(lang: str) -> dict:
    records = read_dev(lang)
    texts = [r["text"] for r in records]
    truths = {label: np.array([label in r.get("categories", []) for r in records]) for label in MAIN}
    matrix = vectorizer().fit_transform(texts)
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    thresholds, cv = {}, {}
    for label, truth in truths.items():
        model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
        held_out = cross_val_predict(model, matrix, truth, cv=folds, method="predict_proba")[:, 1]
        thresholds[label], cv[label] = threshold(held_out, truth)
    return {"lang": lang, "thresholds": thresholds, "cross_validation": cv,
            "trained_on": {"split": "corpus/dev", "posts": len(records)}, **fit(texts, truths)}


def same(a: dict, b: dict) -> bool:
    """Equal up to the last digits, which BLAS may change from machine to machine."""
    if {k: v for k, v in a.items() if k not in ("weights", "bias")} != \
            {k: v for k, v in b.items() if k not in ("weights", "bias")} or a["weights"].keys() != b["weights"].keys():
        return False
    pairs = [(a["bias"], b["bias"])] + [(a["weights"][f], b["weights"][f]) for f in a["weights"]]
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
            print(f"{lang} {label:22s} threshold {model['thresholds'][label]:.2f}  cross-validated "
                  f"P {m['precision']:.3f} R {m['recall']:.3f} ({m['tp']}/{m['support']}, {m['fp']} false)")
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
