"""`kind: lexicon`: words and phrases matched on surface form or lemma, so that
French inflections ("bouchers", "incompétente") match their dictionary form."""

from __future__ import annotations

from postcheck.detectors import BaseDetector, Hit
from postcheck.terms import TermMatcher


class Detector(BaseDetector):
    KIND = "lexicon"
    PARAMS_SCHEMA = {
        "type": "object",
        "additionalProperties": False,
        "required": ["terms"],
        "properties": {
            "terms": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
        },
    }

    def setup(self, nlp):
        self.matcher = TermMatcher(self.params["terms"], nlp.tokenizer)

    def find(self, analysis, context):
        for start, end, _ in self.matcher.matches(analysis):
            yield Hit(start, end)
