"""The annotated corpus stays usable: well-formed records, honest spans, balanced splits."""

from collections import Counter
from pathlib import Path

import pytest

from postcheck import evaluate
from postcheck.model import CATEGORIES

CORPUS = Path(__file__).parent.parent / "corpus"
SPLITS = {split: evaluate.read(CORPUS / split) for split in ("dev", "test")}
ALL = [r for records in SPLITS.values() for r in records]


def test_ids_are_unique_and_texts_distinct():
    assert len({r.id for r in ALL}) == len(ALL)
    assert len({r.text for r in ALL}) == len(ALL)


def test_size_and_language_balance():
    langs = Counter(r.lang for r in ALL)
    assert len(ALL) >= 400
    assert abs(langs["fr"] - langs["en"]) <= 0.1 * len(ALL)


def test_at_least_a_third_are_benign():
    assert sum(not r.categories for r in ALL) >= len(ALL) / 3


@pytest.mark.parametrize("split", SPLITS)
def test_every_category_and_language_is_in_each_split(split):
    for lang in ("fr", "en"):
        counts = Counter(c for r in SPLITS[split] if r.lang == lang for c in r.categories)
        for category in CATEGORIES[:4]:
            assert counts[category] >= 10, (split, lang, category)


def test_privacy_spans_point_at_their_text():
    for r in ALL:
        if "patient-privacy" in r.categories:
            assert r.spans, r.id
        for span in r.spans:
            assert r.text[span["start"]:span["end"]] == span["text"], (r.id, span)


def test_no_test_post_is_duplicated_in_dev():
    dev = {r.text for r in SPLITS["dev"]}
    assert not [r.id for r in SPLITS["test"] if r.text in dev]
