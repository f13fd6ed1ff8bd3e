"""Rule kinds. Each module here is one kind: `kind: pattern` in a rule file is
`detectors/pattern.py`, which defines `Detector`. Adding a kind is adding a module.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from typing import Iterable


@dataclass
class Hit:
    start: int
    end: int
    score: float = 1.0
    # The detector's own replacement when the rule's fix is `generalize`.
    suggestion: str | None = None
    # Where that replacement starts, when it takes more than the match
    # ("à Montargis" is removed whole when "Montargis" is the detail).
    fix_start: int | None = None
    # Where it ends, when it takes more than the match: an identifier's whole clause
    # ("Her MRN is [number] and the lab..." -> "The lab...").
    fix_end: int | None = None


class BaseDetector:
    KIND = ""
    PARAMS_SCHEMA: dict = {"type": "object"}
    # True when a hit judges the whole post, whatever span it points at: the
    # rule's `unless` patterns then read the whole post too.
    JUDGES_POST = False

    @classmethod
    def check_params(cls, params: dict) -> list[str]:
        """Checks beyond the JSON schema (a regex that does not compile...)."""
        return []

    def __init__(self, rule, lang: str, nlp):
        self.rule = rule
        self.lang = lang
        self.params = rule.params
        self.setup(nlp)

    def setup(self, nlp) -> None:
        """Compile params against the language's pipeline (tokenizer, vocab)."""

    def find(self, analysis, context) -> Iterable[Hit]:
        raise NotImplementedError


def _module_name(kind: str) -> str:
    return kind.replace("-", "_")


def known_kinds() -> list[str]:
    return sorted(m.name.replace("_", "-") for m in pkgutil.iter_modules(__path__))


def detector_class(kind: str):
    if kind not in known_kinds():
        return None
    return importlib.import_module(f"{__name__}.{_module_name(kind)}").Detector
