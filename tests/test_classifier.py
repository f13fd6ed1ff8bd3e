"""The trained classifiers: features, scoring equal to scikit-learn's, the shipped
models being what training on the development split gives, and their two uses
(a rule kind, and a patient cue for the context model)."""

import gzip
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from house_pack import HOUSE_PACK
from postcheck import classifier
from postcheck.classifier import Model, features
from postcheck.context import ContextModel
from postcheck.nlp import sentence_spans
from postcheck.ruleset import RuleError, load_file

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training"))
import train_classifiers  # noqa: E402


def test_features_are_padded_character_ngrams_and_word_pairs():
    found = features("Pte RIDICULE")
    assert {" pt", "pte", "pte ", " pte ", "ridi", "cule ", "pte ridicule"} <= found
    assert "e r" not in found  # no n-gram spans two words
    assert features("") == set()


def test_scores_equal_scikit_learns_probabilities():
    texts = ["on se moque de la patiente", "tarifs et prise de rendez-vous en ligne", "la patiente va mieux",
             "réservez vite, tarif promo", "merci aux collègues du service", "encore une patiente ridicule"] * 2
    truths = {"a": np.array([True, False, False, False, False, True] * 2),
              "b": np.array([False, True, False, True, False, False] * 2)}
    model = Model({**train_classifiers.fit(texts, truths), "thresholds": {"a": 0.5, "b": 0.5}})
    vectors = train_classifiers.vectorizer().fit(texts)
    from sklearn.linear_model import LogisticRegression

    for label, truth in truths.items():
        reference = LogisticRegression(C=train_classifiers.C, class_weight="balanced", max_iter=5000)
        reference.fit(vectors.transform(texts), truth)
        probe = ["une patiente ridicule", "tarif en ligne", "rien de connu ici"]
        expected = reference.predict_proba(vectors.transform(probe))[:, 1]
        assert [model.scores(t)[label] for t in probe] == pytest.approx(expected, abs=1e-4)


def test_shipped_models_are_what_training_on_the_dev_split_gives(capsys):
    assert train_classifiers.main(["--check"]) == 0, capsys.readouterr().err
    for lang in ("fr", "en"):
        shipped = json.loads(gzip.decompress(classifier.model_path(lang).read_bytes()))
        assert shipped["trained_on"]["split"] == "corpus/dev"


def test_a_classifier_rule_names_an_existing_label(tmp_path):
    pack = HOUSE_PACK.replace("kind: pattern", "kind: classifier").replace(
        "params: {patterns: ['\\bcode promo\\b']}", "params: {label: horoscope}")
    path = tmp_path / "pack.yaml"
    path.write_text(pack, encoding="utf-8")
    with pytest.raises(RuleError, match=r"pack.yaml:10: .*no trained fr classifier for label 'horoscope'"):
        load_file(path)


def test_a_classifier_rule_reports_the_sentence_the_model_scores_highest(linter):
    rules = [r for r in linter.rules if r.kind == "classifier"]
    assert {r.category for r in rules} >= {"advertising", "colleague-denigration", "patient-dignity"}
    for rule in rules:
        for text in (e.text for e in rule.examples if e.flag):
            hit = next(f for f in linter.check(text, lang=rule.languages[0]).findings if f.rule == rule.id)
            assert hit.text in [text[s:e].strip() for s, e in sentence_spans(text)], rule.id


class FixedModel(Model):
    def __init__(self, probability):
        self.labels, self.thresholds, self.probability = ["patient-privacy"], {"patient-privacy": 0.5}, probability

    def scores(self, text):
        return {"patient-privacy": self.probability}


@pytest.mark.parametrize("probability, expected", [(0.9, "patient"), (0.1, "unknown")])
def test_a_post_read_as_a_patient_story_speaks_of_a_patient(monkeypatch, linter, probability, expected):
    monkeypatch.setattr(classifier, "load", lambda lang: FixedModel(probability))
    nlp = linter.pipelines.spacy("en")
    cues = {"patient": {"terms": ["patient"], "model": {"label": "patient-privacy"}},
            "colleague": {"terms": ["Dr"]}}
    model = ContextModel(cues, nlp.tokenizer, "en")
    text = "M, 67, retired trawlerman, Kinlochbervie. Dr Hale thinks it is carpal tunnel."
    analysis = next(iter(linter.pipelines.analyse([text], ["en"])))
    context = model.read(analysis)
    assert context.subject_of(text.index("Kinlochbervie"), text.index("Kinlochbervie") + 13) == expected
    # a sentence that names someone else keeps its own subject
    assert context.subject_of(text.index("Hale"), text.index("Hale") + 4) == "colleague"


def test_a_model_rule_threshold_is_where_rules_plus_model_score_best():
    # ten posts: the rules catch two of six positives; the model ranks the rest
    truth = np.array([1, 1, 1, 1, 1, 1, 0, 0, 0, 0], bool)
    rules = np.array([1, 1, 0, 0, 0, 0, 0, 0, 0, 0], bool)
    eligible = np.ones(10, bool)
    benign = ~truth
    p = np.array([.9, .9, .8, .7, .6, .35, .32, .1, .1, .1])
    t, counts = train_classifiers.rule_threshold(p, truth, benign, rules, eligible)
    # at 0.35 the model adds four right and none wrong; at 0.30 one wrong more and
    # 1 benign in 4 is over the budget
    assert t == 0.35 and counts["tp"] == 6 and counts["fp"] == 0
    assert counts["rules_alone_f1"] == pytest.approx(0.5)


def test_a_model_rule_whose_model_adds_nothing_right_never_fires():
    truth = np.array([1, 1, 0, 0, 0, 0], bool)
    rules = np.array([1, 1, 0, 0, 0, 0], bool)
    p = np.array([.9, .9, .9, .8, .7, .6])
    t, _ = train_classifiers.rule_threshold(p, truth, ~truth, rules, np.ones(6, bool))
    assert t == 1.0


def test_what_a_model_adds_must_be_right_three_times_in_four():
    truth = np.array([1, 1, 1, 1, 1, 1, 0, 0] + [0] * 200, bool)
    rules = np.zeros(208, bool)
    p = np.array([.9, .9, .9, .6, .6, .6, .6, .6] + [.1] * 200)
    everywhere = np.ones(208, bool)
    # at 0.6: 6 right, 2 wrong (3 in 4), and 2 benign of 202 within the 1% budget
    assert train_classifiers.rule_threshold(p, truth, ~truth, rules, everywhere)[0] == 0.6
    # one wrong more at 0.6, and only the surer 0.9 is left
    truth[3] = False
    assert train_classifiers.rule_threshold(p, truth, ~truth, rules, everywhere)[0] == 0.9
    # without the context (not eligible), the model adds nothing
    assert train_classifiers.rule_threshold(p, truth, ~truth, rules, np.zeros(208, bool))[0] == 1.0


def test_a_threshold_the_rule_fixes_is_kept_and_measured():
    truth = np.array([1, 1, 1, 1, 0, 0], bool)
    rules = np.array([1, 0, 0, 0, 0, 0], bool)
    p = np.array([.9, .9, .7, .4, .65, .1])
    # training would go lower, but the rule keeps 0.8: the model adds one right post
    t, counts = train_classifiers.rule_threshold(p, truth, ~truth, rules, np.ones(6, bool), fixed=0.8)
    assert t == 0.8 and counts["tp"] == 2 and counts["fp"] == 0 and counts["fixed_by_rule"]
