"""`postcheck hook`: files -> prose -> file:line:col findings, suppressions, formats,
and the real pre-commit framework refusing a commit."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from postcheck import hook, serve_cli

NAME_POST = "Reçu ce matin Mme Lefèvre pour une chute."
CLEAN_POST = "Congrès de la SFMU à Paris la semaine prochaine : venez nombreux !"

MARKDOWN = """---
title: Garde du week-end
patient: Mme Frontmatter
---
# Nuit de garde

Une nuit calme, merci à l'équipe.

```text
Reçu ce matin Mme Fencedcode pour une chute.
```

    Reçu ce matin Mme Indentedcode pour une chute.

Voir `Mme Inlinecode` et [le compte rendu](https://example.org/Mme-Linktarget).
<!-- Reçu ce matin Mme Htmlcomment pour une chute. -->

Reçu ce matin **Mme Lefèvre** pour une chute.
"""


@pytest.fixture()
def app(linter, monkeypatch):
    # The command builds its Linter; hand it the session's (models load once per run).
    monkeypatch.setattr("postcheck.linter.Linter", lambda cfg=None, rule_dirs=(): linter)
    a = typer.Typer()
    a.command()(serve_cli.hook)
    a.command()(serve_cli.serve)
    return a


def run(app, *args):
    return CliRunner().invoke(app, ["hook", *map(str, args)])


def at(text: str, needle: str) -> tuple[int, int]:
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# --- prose -------------------------------------------------------------------------------

def test_markdown_prose_keeps_positions_and_drops_non_prose():
    prose = hook.markdown_prose(MARKDOWN)
    assert len(prose) == len(MARKDOWN)
    assert [i for i, c in enumerate(prose) if c == "\n"] == [i for i, c in enumerate(MARKDOWN) if c == "\n"]
    for hidden in ("Frontmatter", "Fencedcode", "Indentedcode", "Inlinecode", "Linktarget", "Htmlcomment",
                   "https", "**", "```", "#"):
        assert hidden not in prose, hidden
    for kept in ("Nuit de garde", "Une nuit calme", "le compte rendu", "Mme Lefèvre"):
        assert kept in prose
        assert prose.index(kept) == MARKDOWN.index(kept)


def test_markdown_lists_are_prose_not_code():
    text = "- premier point\n\n    suite du premier point avec Mme Lefèvre\n"
    assert "Mme Lefèvre" in hook.markdown_prose(text)


def test_plain_prose_hides_only_postcheck_comments():
    text = "Ligne 1 # postcheck: ignore[PRIV-NAME-FR]\n#doctoctoc une question\n"
    prose = hook.plain_prose(text)
    assert "postcheck" not in prose and "#doctoctoc une question" in prose and len(prose) == len(text)


# --- findings and positions ----------------------------------------------------------------

def test_markdown_findings_only_in_prose_with_line_and_column(linter):
    [result] = hook.check_texts(linter, [("post.md", MARKDOWN, True)])
    names = [f for f in result.findings if f.rule == "PRIV-NAME-FR"]
    assert [f.text for f in names] == ["Mme Lefèvre"]
    assert result.position(names[0].start) == at(MARKDOWN, "Mme Lefèvre")


def test_plain_text_positions(linter):
    text = "Bonjour.\n\nUne question clinique.\n" + NAME_POST + "\n"
    [result] = hook.check_texts(linter, [("post.txt", text, False)])
    f = next(f for f in result.findings if f.rule == "PRIV-NAME-FR")
    assert result.position(f.start) == (4, NAME_POST.index("Mme") + 1)


# --- suppressions ---------------------------------------------------------------------------

def rules_of(linter, text, markdown=True):
    [result] = hook.check_texts(linter, [("f.md" if markdown else "f.txt", text, markdown)])
    return [f.rule for f in result.findings], result


def test_block_suppression_disables_then_enables(linter):
    text = ("<!-- postcheck: disable=PRIV-NAME-FR -->\n" + NAME_POST + "\n<!-- postcheck: enable -->\n\n"
            + NAME_POST.replace("Lefèvre", "Martinez") + "\n")
    rules, result = rules_of(linter, text)
    names = [f for f in result.findings if f.rule == "PRIV-NAME-FR"]
    assert [f.text for f in names] == ["Mme Martinez"]
    assert "UNUSED-SUPPRESSION" not in rules and result.suppressed >= 1


def test_block_suppression_by_category_and_for_all_rules(linter):
    assert "PRIV-NAME-FR" not in rules_of(linter, "<!-- postcheck: disable=patient-privacy -->\n" + NAME_POST)[0]
    rules, _ = rules_of(linter, "<!-- postcheck: disable -->\n" + NAME_POST)
    assert rules == []


def test_line_comment_ignores_its_line_or_the_next(linter):
    same_line = NAME_POST + "  # postcheck: ignore[PRIV-NAME-FR]\n"
    assert "PRIV-NAME-FR" not in rules_of(linter, same_line, markdown=False)[0]
    next_line = "# postcheck: ignore[PRIV-NAME-FR]\n" + NAME_POST + "\n"
    assert "PRIV-NAME-FR" not in rules_of(linter, next_line, markdown=False)[0]
    other_line = NAME_POST + "\nRien ici. # postcheck: ignore[PRIV-NAME-FR]\n"
    rules, _ = rules_of(linter, other_line, markdown=False)
    assert "PRIV-NAME-FR" in rules and "UNUSED-SUPPRESSION" in rules


def test_unused_and_unknown_suppressions_are_reported(linter):
    text = CLEAN_POST + "\n<!-- postcheck: disable=PRIV-NAME-FR -->\nRien.\n<!-- postcheck: disable=NO-SUCH-RULE -->\n"
    rules, result = rules_of(linter, text)
    unused = [f for f in result.findings if f.rule == "UNUSED-SUPPRESSION"]
    assert len(unused) == 2 and rules.count("UNUSED-SUPPRESSION") == 2
    assert result.position(unused[0].start) == at(text, "<!-- postcheck: disable=PRIV")
    assert "NO-SUCH-RULE" in unused[1].message and "unknown" in unused[1].message
    assert unused[0].severity == "warning"


# --- the command ------------------------------------------------------------------------------

def test_hook_command_text_output_and_exit_codes(app, tmp_path):
    bad, good = tmp_path / "bad.md", tmp_path / "good.txt"
    bad.write_text(MARKDOWN, encoding="utf-8")
    good.write_text(CLEAN_POST + "\n", encoding="utf-8")
    result = run(app, bad, good)
    assert result.exit_code == 1
    line, col = at(MARKDOWN, "Mme Lefèvre")
    assert f"{bad}:{line}:{col}: error: " in result.stdout and "[PRIV-NAME-FR]" in result.stdout
    assert str(good) not in result.stdout
    assert "Lefèvre" not in result.stdout  # the post text is not echoed
    assert run(app, good).exit_code == 0


def test_hook_fail_on_level(app, tmp_path):
    path = tmp_path / "quasi.txt"
    path.write_text("Vu un patient de 82 ans à Montargis ce matin, pour une chute.\n", encoding="utf-8")
    result = run(app, path)
    assert result.exit_code == 1 and ": warning: " in result.stdout and ": error: " not in result.stdout
    assert run(app, path, "--fail-on", "error").exit_code == 0


def test_hook_input_errors_exit_2(app, tmp_path):
    assert run(app, tmp_path / "missing.md").exit_code == 2
    binary = tmp_path / "latin1.txt"
    binary.write_bytes("Reçu Mme Lefèvre".encode("latin-1"))
    result = run(app, binary)
    assert result.exit_code == 2 and "not UTF-8" in result.stderr


def test_hook_github_annotations(app, tmp_path):
    path = tmp_path / "post.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    result = run(app, path, "--format", "github")
    assert result.exit_code == 1
    line, col = at(MARKDOWN, "Mme Lefèvre")
    name = [l for l in result.stdout.splitlines() if "title=PRIV-NAME-FR" in l]
    assert name and name[0].startswith(f"::error file={path},line={line},col={col},endLine={line},endColumn={col + 11},")
    assert all(l.startswith(("::error ", "::warning ", "::notice ")) for l in result.stdout.splitlines())


def test_hook_no_files_is_fine(app):
    assert run(app).exit_code == 0


# --- the real pre-commit framework ------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]


def _git(cwd, *args, check=True):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=check, capture_output=True, text=True)


def _snapshot_of_this_repository(dest: Path) -> str:
    """A git repository holding the current working tree (tracked and untracked, not ignored)
    in one commit: pre-commit installs hooks from a commit, and the tree may be uncommitted."""
    listed = _git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").stdout.split("\0")
    for rel in filter(None, listed):
        src = ROOT / rel
        if not src.exists() and not src.is_symlink():
            continue  # deleted in the working tree
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if src.is_symlink():
            os.symlink(os.readlink(src), target)
        elif src.is_file():
            shutil.copy2(src, target)
    _git(dest, "init", "-q", "-b", "main")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "snapshot")
    return _git(dest, "rev-parse", "HEAD").stdout.strip()


@pytest.mark.skipif(not shutil.which("git"), reason="needs git")
def test_pre_commit_refuses_a_commit_with_a_patient_name(tmp_path):
    pytest.importorskip("pre_commit", reason="needs pre-commit (pip install pre-commit)")
    hooks = tmp_path / "postcheck-repo"
    rev = _snapshot_of_this_repository(hooks)
    work = tmp_path / "blog"
    work.mkdir()
    _git(work, "init", "-q", "-b", "main")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    env.pop("VIRTUAL_ENV", None)
    pre_commit = [sys.executable, "-m", "pre_commit"]

    # 1. try-repo: installs the hook's environment from this repository and runs it on the staged post.
    (work / "post.md").write_text("# Garde\n\nReçu ce matin Mme Lefèvre, 82 ans, pour une chute.\n", encoding="utf-8")
    _git(work, "add", "post.md")
    tried = subprocess.run([*pre_commit, "try-repo", str(hooks), "postcheck", "--ref", rev],
                           cwd=work, env=env, capture_output=True, text=True, timeout=1800)
    assert tried.returncode == 1, tried.stdout + tried.stderr
    assert "post.md:3:15: error:" in tried.stdout and "PRIV-NAME-FR" in tried.stdout

    # 2. The same hook installed in git: the commit is refused, then a clean one is accepted.
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: postcheck\n", encoding="utf-8")
    subprocess.run([*pre_commit, "install"], cwd=work, env=env, check=True, capture_output=True, timeout=300)
    _git(work, "add", ".pre-commit-config.yaml")
    refused = subprocess.run(["git", "commit", "-m", "post"], cwd=work, env=env, capture_output=True, text=True,
                             timeout=1800)
    assert refused.returncode != 0, refused.stdout + refused.stderr
    assert "PRIV-NAME-FR" in refused.stdout + refused.stderr
    assert _git(work, "rev-list", "--all", check=False).stdout.strip() == ""  # nothing committed

    (work / "post.md").write_text("# Garde\n\nUne nuit calme, merci à toute l'équipe des urgences.\n", encoding="utf-8")
    _git(work, "add", "post.md")
    accepted = subprocess.run(["git", "commit", "-m", "post"], cwd=work, env=env, capture_output=True, text=True,
                              timeout=1800)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    output = accepted.stdout + accepted.stderr
    assert "postcheck" in output and "Passed" in output
    assert _git(work, "rev-list", "--count", "HEAD").stdout.strip() == "1"


def test_github_annotations_escape_their_properties():
    from postcheck.model import Finding
    from postcheck.render.github import render

    text = "Ligne\nReçu Mme X, 50%\n"
    finding = Finding("PRIV-NAME-FR", "patient-privacy", "error", 0.9, 11, 16, "Mme X", "a: b, c\n100%", "CSP")
    out = render([hook.FileResult("dir,a:b/p.txt", text, "fr", [finding])])
    assert out == ("::error file=dir%2Ca%3Ab/p.txt,line=2,col=6,endLine=2,endColumn=11,"
                   "title=PRIV-NAME-FR (patient-privacy)::a: b, c%0A100% (CSP)\n".replace("100%", "100%25"))
