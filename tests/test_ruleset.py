"""The rule-file validator: each mistake is reported with its file, line and what is wrong."""

import pytest

from house_pack import HOUSE_PACK as GOOD
from postcheck.ruleset import RuleError, load, load_file



def write(tmp_path, text, name="pack.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path, text) -> str:
    path = write(tmp_path, text)
    with pytest.raises(RuleError) as info:
        load_file(path)
    message = str(info.value)
    assert "\n" not in message and message.startswith(f"{path}:")
    return message


def test_good_pack_loads(tmp_path):
    rule = load_file(write(tmp_path, GOOD)).rules[0]
    assert (rule.id, rule.kind, rule.line, rule.confidence) == ("HOUSE-PROMO-FR", "pattern", 2, 0.75)
    assert [e.flag for e in rule.examples] == [True, False]


@pytest.mark.parametrize("change, line, words", [
    (("severity: warning", "severity: fatal"), 4, "'fatal' is not one of"),
    (("id: HOUSE-PROMO-FR", "id: house promo"), 2, "does not match"),
    (("    source: \"CSP art. R.4127-19\"\n", ""), 2, "'source' is a required property"),
    (("languages: [fr]", "languages: [de]"), 5, "'de' is not one of"),
    (("kind: pattern", "kind: telepathy"), 9, "unknown kind 'telepathy'"),
    (("params: {patterns: ['\\bcode promo\\b']}", "params: {patterns: ['(unclosed']}"), 10, "does not compile"),
    (("params: {patterns: ['\\bcode promo\\b']}", "params: {regexes: ['x']}"), 10, "params"),
    (("      pass: [\"Rien à signaler ici\"]\n", ""), 11, "'pass' is a required property"),
    (("    why:", "    wy:"), 2, "Additional properties"),
])
def test_schema_errors_name_file_line_and_problem(tmp_path, change, line, words):
    message = error_for(tmp_path, GOOD.replace(*change))
    assert message.split(":")[1] == str(line), message
    assert words in message


def test_yaml_syntax_error_names_the_line(tmp_path):
    message = error_for(tmp_path, GOOD.replace("    kind: pattern", "    kind: [pattern"))
    assert "invalid YAML" in message


def test_empty_file_and_missing_directory(tmp_path):
    assert "empty rule file" in error_for(tmp_path, "")
    with pytest.raises(RuleError, match="no such rule file or directory"):
        load([tmp_path / "nope"])


def test_duplicate_ids_across_files(tmp_path):
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD, "b.yaml")
    with pytest.raises(RuleError, match="duplicate rule id HOUSE-PROMO-FR .*a.yaml:2"):
        load([tmp_path])


def test_a_file_named_twice_loads_once(tmp_path):
    path = write(tmp_path, GOOD, "a.yaml")
    assert [r.id for r in load([tmp_path, path]).rules] == ["HOUSE-PROMO-FR"]


def test_context_sections_merge(tmp_path):
    write(tmp_path, "context:\n  fr:\n    practice: {terms: [mon cabinet]}\n", "a.yaml")
    write(tmp_path, "context:\n  fr:\n    practice: {terms: [ma clinique]}\n", "b.yaml")
    assert load([tmp_path]).context["fr"]["practice"]["terms"] == ["mon cabinet", "ma clinique"]


def test_unless_pattern_that_does_not_compile_names_its_line(tmp_path):
    pack = GOOD.replace("    kind: pattern", "    context: {unless: ['(unclosed']}\n    kind: pattern")
    message = error_for(tmp_path, pack)
    assert message.split(":")[1] == "9" and "unless pattern" in message and "does not compile" in message


def test_unless_drops_a_hit_only_in_its_own_sentence(tmp_path):
    from postcheck import Linter

    pack = GOOD.replace("    kind: pattern", "    context: {unless: ['\\bjamais\\b']}\n    kind: pattern")
    linter = Linter(rule_dirs=[write(tmp_path, pack)], builtin=False)
    quoted = linter.check("Ne donnez jamais de code promo à vos patients.", lang="fr")
    assert quoted.findings == []
    elsewhere = linter.check("Je ne fais jamais ça. Code promo DOC10 sur ma téléconsultation.", lang="fr")
    assert [f.rule for f in elsewhere.findings] == ["HOUSE-PROMO-FR"]
