"""`kind: quasi-identifiers`: details that are harmless alone and identifying together.

Each detail kind (age, place, date, occupation...) has a weight in the rule
file. Details about the patient are gathered over the post; the combination
scores 1 - prod(1 - weight) over the distinct kinds present, so one detail
alone stays low and each further kind raises the score. The rule fires when
at least `min` kinds are present and the score reaches `threshold`; every
detail then becomes a finding with its own generalising suggestion.
"""

from __future__ import annotations

import regex

from postcheck import generalize
from postcheck.detectors import BaseDetector, Hit
from postcheck.terms import TermMatcher

DETAIL = {
    "type": "object",
    "additionalProperties": False,
    "required": ["weight"],
    "properties": {
        "weight": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
        "entities": {"type": "array", "items": {"type": "string"}},
        "terms": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "patterns": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "generalize": {"enum": ["age", "date", "remove", "keep"]},
    },
}


class Detector(BaseDetector):
    KIND = "quasi-identifiers"
    PARAMS_SCHEMA = {
        "type": "object",
        "additionalProperties": False,
        "required": ["details", "threshold"],
        "properties": {
            "threshold": {"type": "number", "minimum": 0, "maximum": 1},
            "min": {"type": "integer", "minimum": 1},
            "min_entity_score": {"type": "number", "minimum": 0, "maximum": 1},
            "details": {"type": "object", "minProperties": 2, "additionalProperties": DETAIL},
        },
    }

    @classmethod
    def check_params(cls, params):
        errors = []
        for kind, detail in params.get("details", {}).items():
            for p in detail.get("patterns", []):
                try:
                    regex.compile(p)
                except regex.error as exc:
                    errors.append(f"details.{kind}: pattern {p!r} does not compile: {exc}")
        return errors

    def setup(self, nlp):
        self.details = self.params["details"]
        self.threshold = self.params["threshold"]
        self.min = self.params.get("min", 2)
        self.min_entity_score = self.params.get("min_entity_score", 0.5)
        self.terms = {k: TermMatcher(d.get("terms", []), nlp.tokenizer) for k, d in self.details.items()}
        self.patterns = {k: [regex.compile(p, regex.IGNORECASE) for p in d.get("patterns", [])]
                         for k, d in self.details.items()}

    def _spans(self, analysis, kind):
        detail = self.details[kind]
        wanted = set(detail.get("entities", []))
        for r in analysis.entities:
            if r.entity_type in wanted and r.score >= self.min_entity_score:
                yield r.start, r.end
        for start, end, _ in self.terms[kind].matches(analysis):
            yield start, end
        for pattern in self.patterns[kind]:
            try:
                for m in pattern.finditer(analysis.text, timeout=0.25):
                    yield m.span()
            except TimeoutError:
                continue

    def _about_patient(self, context, start, end) -> bool:
        subject = context.subject_of(start, end)
        return subject == "patient" or (subject == "unknown" and "patient" in context.post_labels)

    def _suggest(self, analysis, kind, start, end) -> tuple[int, str | None]:
        how = self.details[kind].get("generalize", "remove")
        text = analysis.text
        if how == "keep":
            return start, None
        if how == "age":
            years = regex.search(r"\d+", text[start:end])
            if years:
                return start, generalize.age_phrase(int(years.group()), self.lang,
                                                    generalize.sex_near(text, start, end))
        if how == "date":
            return start, generalize.recently(self.lang)
        return generalize.removal_start(text, start, self.lang), ""

    def _gather(self, analysis, context):
        found: dict[str, list[tuple[int, int]]] = {}
        taken: list[tuple[int, int]] = []
        # Longer spans first, so "le 3 février" wins over "février".
        candidates = [(kind, s, e) for kind in self.details for s, e in self._spans(analysis, kind)]
        for kind, start, end in sorted(candidates, key=lambda c: c[1] - c[2]):
            if any(s < end and start < e for s, e in taken) or not self._about_patient(context, start, end):
                continue
            taken.append((start, end))
            found.setdefault(kind, []).append((start, end))
        return found

    def find(self, analysis, context):
        found = self._gather(analysis, context)
        if len(found) < self.min:
            return
        risk = 1.0
        for kind in found:
            risk *= 1 - self.details[kind]["weight"]
        score = 1 - risk
        if score < self.threshold:
            return
        for kind, spans in found.items():
            for start, end in spans:
                fix_start, suggestion = self._suggest(analysis, kind, start, end)
                yield Hit(start, end, score, suggestion, fix_start=fix_start)
