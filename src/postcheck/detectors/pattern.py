"""`kind: pattern`: regular expressions (the `regex` module, with a time limit)."""

from __future__ import annotations

import logging

import regex

from postcheck.detectors import BaseDetector, Hit

TIMEOUT = 0.25  # seconds per pattern and post
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
        errors = []
        for p in params.get("patterns", []):
            try:
                regex.compile(p)
            except regex.error as exc:
                errors.append(f"pattern {p!r} does not compile: {exc}")
        return errors

    def setup(self, nlp):
        flags = 0 if self.params.get("case_sensitive") else regex.IGNORECASE
        self.patterns = [regex.compile(p, flags) for p in self.params["patterns"]]
        self.group = self.params.get("group", 0)

    def find(self, analysis, context):
        for pattern in self.patterns:
            try:
                for m in pattern.finditer(analysis.text, timeout=TIMEOUT):
                    start, end = m.span(self.group)
                    if end > start:
                        yield Hit(start, end)
            except TimeoutError:
                # Never log the post itself: only which rule gave up.
                log.warning("rule %s: pattern timed out, skipped for this post", self.rule.id)
            except IndexError:
                continue
