"""`kind: entity`: Presidio entities (names, contacts, identifiers...), kept only
when the detail is about a subject the rule names (a patient by default)."""

from __future__ import annotations

import regex

from postcheck import generalize
from postcheck.detectors import BaseDetector, Hit

# An honorific right before a name belongs to the finding: "Mme Dupont" -> "une patiente".
HONORIFIC = regex.compile(
    r"(?:\b(?:Mme|Mlle|M|Mr|Mrs|Ms|Miss|Madame|Monsieur|Mademoiselle)\.?\s+)$", regex.IGNORECASE)


class Detector(BaseDetector):
    KIND = "entity"
    PARAMS_SCHEMA = {
        "type": "object",
        "additionalProperties": False,
        "required": ["entities"],
        "properties": {
            "entities": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
            "min_score": {"type": "number", "minimum": 0, "maximum": 1},
            "about": {
                "description": "whose detail counts; 'any' for identifiers that are always personal",
                "type": "array", "minItems": 1,
                "items": {"enum": ["patient", "colleague", "author", "public-figure", "unknown", "any"]},
            },
        },
    }

    def setup(self, nlp):
        self.entities = set(self.params["entities"])
        self.min_score = self.params.get("min_score", 0.5)
        self.about = set(self.params.get("about", ["patient"]))

    def _counts(self, context, start, end) -> bool:
        return "any" in self.about or context.subject_of(start, end) in self.about

    def _suggest(self, analysis, entity_type, start, end) -> str:
        if entity_type == "PERSON":
            return generalize.person(self.lang, generalize.sex_near(analysis.text, start, end, window=0))
        if entity_type == "DATE_TIME":
            return generalize.recently(self.lang)
        return ""

    def find(self, analysis, context):
        for result in analysis.entities:
            if result.entity_type not in self.entities or result.score < self.min_score:
                continue
            start, end = result.start, result.end
            if result.entity_type == "PERSON":
                m = HONORIFIC.search(analysis.text, 0, start)
                start = m.start() if m else start
            if self._counts(context, start, end):
                yield Hit(start, end, result.score, self._suggest(analysis, result.entity_type, start, end))
