"""The linter's measured quality on the held-out test split never falls below the
floors written in corpus/floors.toml."""

import tomllib
from pathlib import Path

import pytest

from postcheck import evaluate

CORPUS = Path(__file__).parent.parent / "corpus"
FLOORS = tomllib.loads((CORPUS / "floors.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def summary(linter):
    return evaluate.summarise(evaluate.run(linter, evaluate.read(CORPUS / "test")))


@pytest.mark.parametrize("lang", sorted(FLOORS["f1"]))
def test_f1_per_category_stays_above_its_floor(summary, lang):
    measured = summary["languages"][lang]["categories"]
    below = {cat: (measured[cat]["f1"], floor) for cat, floor in FLOORS["f1"][lang].items()
             if measured[cat]["f1"] < floor}
    assert not below, f"{lang}: F1 below floor (measured, floor): {below}"


@pytest.mark.parametrize("lang", sorted(FLOORS["f1"]))
def test_benign_posts_rarely_raise_anything(summary, lang):
    rate = summary["languages"][lang]["benign"]["rate"]
    assert rate <= FLOORS["benign"]["max_false_alarm_rate"], rate


def test_rewrites_of_the_whole_corpus_raise_no_privacy_finding(linter):
    """Every post of both splits whose report has a privacy finding: its rewrite,
    checked again, has none."""
    records = evaluate.read(CORPUS / "dev") + evaluate.read(CORPUS / "test")
    flagged = []
    for lang in ("fr", "en"):
        texts = [r.text for r in records if r.lang == lang]
        reports = linter.check_many(texts, lang=lang)
        flagged += [(lang, rep.rewrite) for rep in reports if any(f.category == "patient-privacy" for f in rep.findings)]
    assert len(flagged) >= 100
    rechecked = {lang: linter.check_many([text for l, text in flagged if l == lang], lang=lang) for lang in ("fr", "en")}
    leaks = [(f.rule, f.text) for reports in rechecked.values() for rep in reports for f in rep.findings
             if f.category == "patient-privacy"]
    assert not leaks, leaks
