"""Every example of every shipped rule runs here: a failing example breaks the build."""

import pytest

from postcheck import examples
from postcheck.ruleset import builtin_rules_dir, load

RULES = load([builtin_rules_dir()]).rules


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(linter, rule):
    count, failures = examples.run(linter, [rule])
    assert count >= 2
    assert not failures, "\n".join(map(str, failures))


def test_every_category_and_language_has_rules():
    for category in ("patient-privacy", "advertising", "colleague-denigration", "patient-dignity"):
        for lang in ("fr", "en"):
            assert any(r.category == category and lang in r.languages for r in RULES), (category, lang)


def test_every_rule_cites_a_source():
    for rule in RULES:
        assert any(token in rule.source for token in ("R.4127", "GMC", "AMA", "HIPAA", "L.4113", "226-13", "FSMB")), rule.id
