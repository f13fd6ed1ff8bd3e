"""`kind: pattern`: regular expressions (the `regex` module, with a time limit)."""

from __future__ import annotations

from postcheck import patterns
from postcheck.detectors import BaseDetector, Hit

# One index per language for the patterns of every rule of the process, so that
# a post is read once to know which patterns may match it.
INDEXES: dict[str, patterns.PatternIndex] = {}


class Detector(BaseDetector):
    KIND = "pattern"
    PARAMS_SCHEMA = {
        "type": "object",
        "additionalProperties": False,
        "required": ["patterns"],
        "properties": {
            "patterns": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
            "case_sensitive": {"type": "boolean"},
            "group": {"type": ["integer", "string"], "description": "report this capture group"},
        },
    }

    @classmethod
    def check_params(cls, params):
        return patterns.errors(params.get("patterns", []))

    def setup(self, nlp):
        ignore_case = not self.params.get("case_sensitive")
        index = INDEXES.setdefault(self.lang, patterns.PatternIndex())
        self.patterns = [(patterns.compiled(p, ignore_case), index.add(p)) for p in self.params["patterns"]]
        self.group = self.params.get("group", 0)

    def find(self, analysis, context):
        key = f"patterns:{self.lang}"
        if key not in analysis.memo:
            analysis.memo[key] = INDEXES[self.lang].candidates(analysis.lowered)
        candidates = analysis.memo[key]
        for pattern, pid in self.patterns:
            if pid not in candidates:
                continue
            try:
                for start, end in analysis.matches(pattern, f"rule {self.rule.id}", self.group):
                    if end > start:
                        yield Hit(start, end)
            except IndexError:
                continue
