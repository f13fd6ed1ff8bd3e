"""The command line: outputs, exit codes, one-line errors."""

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from house_pack import HOUSE_PACK
from postcheck.cli import app

runner = CliRunner()
PRIVACY_FR = "Reçu ce matin Mme Lefèvre, 82 ans, à Montargis pour une chute."
CLEAN_FR = "Campagne de vaccination antigrippale : pensez-y dès octobre, parlez-en à votre médecin."


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


def postcheck(*args, input=None):
    """The real process, for what only a process shows (stderr, tracebacks)."""
    return subprocess.run([sys.executable, "-m", "postcheck", *args], input=input,
                          capture_output=True, text=True, timeout=300)


def test_json_report_follows_the_contract():
    result = run("check", PRIVACY_FR, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert set(report) == {"language", "verdict", "score", "findings", "rewrite"}
    assert report["language"] == "fr" and report["verdict"] in ("review", "block")
    assert 0 <= report["score"] <= 100
    for f in report["findings"]:
        assert set(f) == {"rule", "category", "severity", "score", "start", "end", "text", "message",
                          "source", "suggestion"}
        assert PRIVACY_FR[f["start"]:f["end"]] == f["text"]
        assert 0 <= f["score"] <= 1


def test_clean_post_exits_0_and_says_so():
    result = run("check", CLEAN_FR)
    assert result.exit_code == 0, result.stdout
    assert "Aucun problème" in result.stdout and "OK" in result.stdout


def test_terminal_report_shows_findings_verdict_and_rewrite():
    result = run("check", PRIVACY_FR)
    assert result.exit_code == 1
    for expected in ("Mme Lefèvre", "patient-privacy", "R.4127-4", "octogénaire", "Réécriture proposée"):
        assert expected in result.stdout


def test_reads_a_file_and_stdin(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(PRIVACY_FR, encoding="utf-8")
    from_file = json.loads(run("check", str(draft), "-f", "json").stdout)
    from_stdin = json.loads(run("check", "-", "-f", "json", input=PRIVACY_FR).stdout)
    assert from_file == from_stdin
    assert from_file["findings"]


def test_fail_on_error_ignores_warnings():
    # A price list is an advertising warning at most in English... use a post whose worst finding is a warning.
    result = run("check", "Pte 45 ans vue hier pour une lombalgie, vos avis ?", "-f", "json", "--fail-on", "error")
    report = json.loads(result.stdout)
    worst = max((f["severity"] for f in report["findings"]), key=["info", "warning", "error"].index, default="info")
    assert result.exit_code == (1 if worst == "error" else 0)


def test_language_is_detected_per_post():
    en = json.loads(run("check", "Saw a 45yo woman in clinic today with chest pain, thoughts?", "-f", "json").stdout)
    fr = json.loads(run("check", CLEAN_FR, "-f", "json").stdout)
    assert (en["language"], fr["language"]) == ("en", "fr")
    forced = json.loads(run("check", CLEAN_FR, "-f", "json", "--lang", "en").stdout)
    assert forced["language"] == "en"


@pytest.mark.parametrize("args, message", [
    (["check", "missing-draft.txt"], "missing-draft.txt: no such file"),
    (["check", "."], "is a directory"),
    (["check", "x", "--lang", "de"], "Invalid value"),
    (["rules", "explain", "NOPE-1"], "no rule 'NOPE-1'"),
])
def test_usage_and_input_errors_exit_2(args, message):
    result = postcheck(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_empty_and_binary_input_are_one_line_errors(tmp_path):
    blob = tmp_path / "photo.txt"
    blob.write_bytes(b"\xff\xd8\xff\xe0 not text")
    for args, stdin, message in ((["check", "-"], "  \n", "<stdin>: empty post"),
                                 (["check", str(blob)], None, "not UTF-8 text")):
        result = postcheck(*args, input=stdin)
        assert result.returncode == 2
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_malformed_rule_file_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - id: MY-RULE\n    category: advertising\n    severity: fatal\n", encoding="utf-8")
    result = postcheck("check", "--rules", str(bad), "bonjour")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert f"{bad}:" in result.stderr and "Traceback" not in result.stderr


def test_rules_list_and_explain():
    listed = json.loads(run("rules", "list", "-f", "json").stdout)
    ids = {r["id"] for r in listed}
    assert "PRIV-NAME-FR" in ids
    explained = run("rules", "explain", "priv-name-fr")
    assert explained.exit_code == 0
    for section in ("What it does", "Why is this bad?", "Authority", "How to fix", "R.4127-4"):
        assert section in explained.stdout


def test_rules_test_reports_failing_examples(tmp_path):
    pack = tmp_path / "house.yaml"
    examples = ('      flag: ["Code promo DOC10 sur ma téléconsultation", "Une consultation sans code"]\n'
                '      pass: ["Rien à signaler ici", "Un code promo pour le congrès"]\n')
    pack.write_text(HOUSE_PACK.split("    examples:\n")[0] + "    examples:\n" + examples, encoding="utf-8")
    result = run("rules", "test", str(pack))
    assert result.exit_code == 1
    assert "2 failed" in result.stdout
    assert "Une consultation sans code" in result.stdout and "Un code promo pour le congrès" in result.stdout
