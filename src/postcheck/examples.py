"""Run the examples that every rule carries, as LanguageTool does with its XML
rules: each `flag` example must raise the rule, each `pass` example must not."""

from __future__ import annotations

from dataclasses import dataclass

from postcheck.ruleset import Example, Rule


@dataclass
class Failure:
    rule: Rule
    example: Example
    found: list  # the rule's findings on the example (empty when it missed)

    def __str__(self) -> str:
        expected = "should be flagged" if self.example.flag else "should pass"
        got = ", ".join(repr(f.text) for f in self.found) or "no finding"
        return f"{self.rule.path}:{self.rule.line}: {self.rule.id}: example {expected}: {self.example.text!r} (got {got})"


def example_language(rule: Rule, example: Example) -> str | None:
    if example.lang:
        return example.lang
    return rule.languages[0] if len(rule.languages) == 1 else None


def run(linter, rules: list[Rule]) -> tuple[int, list[Failure]]:
    """Check every example of `rules` with `linter`; (examples run, failures)."""
    cases = [(rule, ex) for rule in rules for ex in rule.examples]
    failures = []
    for lang in {example_language(r, e) for r, e in cases}:
        batch = [(r, e) for r, e in cases if example_language(r, e) == lang]
        # each rule's own findings, before the report keeps one per span and category
        analyses = linter.analyse([e.text for _, e in batch], lang=lang)
        for (rule, ex), analysis in zip(batch, analyses):
            found = [f for f in linter.findings(analysis) if f.rule == rule.id]
            if bool(found) != ex.flag:
                failures.append(Failure(rule, ex, found))
    return len(cases), failures
