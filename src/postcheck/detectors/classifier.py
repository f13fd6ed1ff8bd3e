"""`kind: classifier`: the language's trained model (postcheck/classifier.py)
gives the post a probability for the rule's label; at or above the threshold,
the finding covers the sentence the model scores highest, so the writer sees
what to reword."""

from __future__ import annotations

from postcheck import classifier
from postcheck.detectors import BaseDetector, Hit
from postcheck.nlp import LANGUAGES


class Detector(BaseDetector):
    KIND = "classifier"
    JUDGES_POST = True
    PARAMS_SCHEMA = {
        "type": "object",
        "additionalProperties": False,
        "required": ["label"],
        "properties": {
            "label": {"type": "string", "minLength": 1, "description": "the category the model scores"},
            "threshold": {"type": "number", "minimum": 0, "maximum": 1,
                          "description": "overrides the threshold the training chose by cross-validation"},
        },
    }

    @classmethod
    def check_params(cls, params):
        label = params.get("label")
        for lang in LANGUAGES:
            model = classifier.load(lang)
            if model is None or label not in model.labels:
                return [f"no trained {lang} classifier for label {label!r} (training/train_classifiers.py makes them)"]
        return []

    def setup(self, nlp):
        self.model = classifier.load(self.lang)
        self.label = self.params["label"]
        self.threshold = self.params.get("threshold", self.model.thresholds[self.label])

    def find(self, analysis, context):
        score = classifier.post_scores(analysis)[self.label]
        if score < self.threshold:
            return
        by_sentence = classifier.sentence_scores(analysis, context.sentences)
        start, end = max(zip(context.sentences, by_sentence), key=lambda pair: pair[1][self.label])[0]
        while end > start and analysis.text[end - 1].isspace():
            end -= 1
        while start < end and analysis.text[start].isspace():
            start += 1
        yield Hit(start, end, score)
