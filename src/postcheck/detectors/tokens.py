"""`kind: tokens`: spaCy Matcher patterns (token attributes, POS, lemmas, dependencies)."""

from __future__ import annotations

from postcheck.detectors import BaseDetector, Hit


class Detector(BaseDetector):
    KIND = "tokens"
    PARAMS_SCHEMA = {
        "type": "object",
        "additionalProperties": False,
        "required": ["patterns"],
        "properties": {
            "patterns": {
                "type": "array", "minItems": 1,
                "items": {"type": "array", "minItems": 1, "items": {"type": "object"}},
            },
        },
    }

    @classmethod
    def check_params(cls, params):
        from spacy.matcher import Matcher
        from spacy.vocab import Vocab

        try:
            Matcher(Vocab()).add("check", params.get("patterns", []))
        except Exception as exc:  # spaCy raises ValueError/MatchPatternError with a long text
            return [f"invalid spaCy Matcher pattern: {str(exc).splitlines()[0]}"]
        return []

    def setup(self, nlp):
        from spacy.matcher import Matcher

        self.matcher = Matcher(nlp.vocab)
        self.matcher.add(self.rule.id, self.params["patterns"])

    def find(self, analysis, context):
        for span in self.matcher(analysis.doc, as_spans=True):
            yield Hit(span.start_char, span.end_char)
