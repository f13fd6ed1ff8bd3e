"""`kind: pattern`: regular expressions (the `regex` module, with a time limit)."""

from __future__ import annotations

import logging

from postcheck import patterns
from postcheck.detectors import BaseDetector, Hit

log = logging.getLogger("postcheck")


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
        self.patterns = [(patterns.compiled(p, ignore_case), patterns.required_literals(p))
                         for p in self.params["patterns"]]
        self.group = self.params.get("group", 0)

    def find(self, analysis, context):
        lowered = analysis.lowered
        for pattern, needs in self.patterns:
            if needs and not patterns.may_match(needs, lowered):
                continue
            try:
                for m in pattern.finditer(analysis.text, timeout=patterns.TIMEOUT):
                    start, end = m.span(self.group)
                    if end > start:
                        yield Hit(start, end)
            except TimeoutError:
                # Never log the post itself: only which rule gave up.
                log.warning("rule %s: pattern timed out, skipped for this post", self.rule.id)
            except IndexError:
                continue
