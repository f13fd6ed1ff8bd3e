"""The Python API: Linter().check / check_many, offsets, languages, config."""

import pytest

from postcheck import Linter, Report
from postcheck.config import Config, ConfigError, load as load_config

POSTS = [
    "Reçu ce matin Mme Lefèvre 👵🏻, 82 ans, à Montargis pour une chute… #doctoctoc",
    "Saw Mrs. Patterson 😷 (DOB 03/14/1951) in clinic today, MRN 48213377 — thoughts on her rash?",
    "Ça fait 3 nuits 😴 que je n'ai pas dormi, courage à tous les internes 💪",
    "Ééé 🎉🎉 Ünïcödé ok. Mme Dupont-Lévêque, 45 ans, institutrice à Clamart, vue hier",
]


def test_check_returns_a_report(linter):
    report = linter.check(POSTS[0])
    assert isinstance(report, Report)
    assert report.to_dict()["language"] == "fr"
    assert "patient-privacy" in report.categories


def test_check_many_matches_check(linter):
    many = linter.check_many(POSTS)
    assert [r.to_dict() for r in many] == [linter.check(p).to_dict() for p in POSTS]


@pytest.mark.parametrize("post", POSTS)
def test_offsets_point_at_the_right_characters(linter, post):
    for finding in linter.check(post).findings:
        assert post[finding.start:finding.end] == finding.text


def test_languages_are_detected_per_post(linter):
    assert [r.language for r in linter.check_many(POSTS[:3])] == ["fr", "en", "fr"]


def test_benign_post_is_ok(linter):
    report = linter.check(POSTS[2])
    assert report.verdict == "ok" and not report.categories


def test_rejects_non_text(linter):
    with pytest.raises(TypeError):
        linter.check_many(["ok", None])


def test_config_disables_a_category_and_a_rule():
    quiet = Linter(Config(disable={"patient-privacy"}))
    assert not quiet.check(POSTS[0]).categories
    no_names = Linter(Config(disable={"PRIV-NAME-FR"}))
    assert "PRIV-NAME-FR" not in {f.rule for f in no_names.check(POSTS[0]).findings}


def test_config_file_is_found_upwards(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.postcheck]\nfail-on = "error"\ndisable = ["advertising"]\n'
        '[tool.postcheck.thresholds]\nblock = 90\n', encoding="utf-8")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    cfg = load_config(start=nested)
    assert (cfg.fail_on, cfg.disable, cfg.thresholds.block) == ("error", {"advertising"}, 90)


@pytest.mark.parametrize("text, words", [
    ('fail-on = "sometimes"\n', "fail-on must be one of"),
    ('colour = "red"\n', "unknown key 'colour'"),
    ('fail-on = \n', "invalid TOML"),
])
def test_config_errors_are_one_line(tmp_path, text, words):
    path = tmp_path / "postcheck.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(start=tmp_path)
    assert words in str(info.value) and str(path) in str(info.value)
