"""The command line: thin, everything it does is a library call.

Exit codes, as linters do: 0 nothing at or above the failing level, 1 findings
at or above it, 2 usage or input error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from postcheck import config as config_mod
from postcheck.options import Lang, Level, config_option, fail, rules_option

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Compliance linter for doctors' social-media posts (French and English).")
rules_app = typer.Typer(no_args_is_help=True, help="List, explain and test rules.")
app.add_typer(rules_app, name="rules")


class InputError(Exception):
    """Unreadable input; str() is one line."""


class Format(str, Enum):
    text = "text"
    json = "json"


def _looks_like_path(arg: str) -> bool:
    return not any(c.isspace() for c in arg) and ("/" in arg or "\\" in arg or Path(arg).suffix[1:].isalpha())


def read_input(arg: str) -> str:
    """The post: '-' is standard input, an existing file is read, anything else is the text itself."""
    if arg == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        path = Path(arg)
        if path.is_dir():
            raise InputError(f"{arg}: is a directory, not a post")
        if not path.is_file():
            if _looks_like_path(arg):
                raise InputError(f"{arg}: no such file (quote the post itself to check a text)")
            return arg
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{arg}: cannot read: {exc.strerror}") from None
        name = arg
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise InputError(f"{name}: empty post")
    return text


def _linter(config_path: Optional[Path], rules: list[Path]):
    from postcheck.linter import Linter

    cfg = config_mod.load(config_path)
    return cfg, Linter(cfg, rule_dirs=rules)


def check_texts(texts: list[str], lang: Optional[str], cfg: config_mod.Config, rules: list[Path]):
    """Reports for one-shot commands: from the warm background checker when it can
    be used (see daemon.py), else in this process. Both give the same reports."""
    from postcheck import daemon
    from postcheck.model import Report
    from postcheck.nlp import DEFAULT_MODELS

    rules = [r.resolve() for r in rules]
    if daemon.enabled():
        try:
            found = daemon.check_many(texts, lang, cfg.path, rules, {**DEFAULT_MODELS, **cfg.models})
            return [Report.from_dict(r) for r in found]
        except daemon.DaemonUnavailable:
            pass
    from postcheck.linter import Linter

    return Linter(cfg, rule_dirs=rules).check_many(texts, lang)


class OneShotLinter:
    """The linter as one-shot commands (the pre-commit hook) see it: the rule
    catalogue read cheaply here, reports from `check_texts`."""

    def __init__(self, cfg: config_mod.Config, rules: list[Path]):
        from postcheck import ruleset

        self.cfg, self.rule_dirs = cfg, list(rules)
        self.ruleset = ruleset.load([ruleset.builtin_rules_dir(), *cfg.rule_dirs, *self.rule_dirs], validate=False)

    def check_many(self, texts: list[str], lang: Optional[str] = None):
        return check_texts(texts, lang, self.cfg, self.rule_dirs)


def _errors():
    from postcheck.daemon import DaemonError
    from postcheck.nlp import ModelError
    from postcheck.ruleset import RuleError

    return (RuleError, config_mod.ConfigError, ModelError, InputError, DaemonError)


ConfigOpt = config_option()
RulesOpt = rules_option()


@app.command()
def check(
    post: str = typer.Argument(..., help="The post itself, a file containing it, or - for standard input."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    lang: Lang = typer.Option(None, "--lang", help="Language of the post [default: auto, or the config's]."),
    fail_on: Level = typer.Option(None, "--fail-on", help="Exit 1 on findings at or above this level [default: warning]."),
    config: Optional[Path] = ConfigOpt,
    rules: list[Path] = RulesOpt,
):
    """Check one post and print its findings, score, verdict and a rewrite."""
    try:
        text = read_input(post)
        cfg = config_mod.load(config)
        report = check_texts([text], lang.value if lang else None, cfg, rules)[0]
    except _errors() as exc:
        raise fail(str(exc))
    if fmt is Format.json:
        from postcheck.render.as_json import dumps

        print(dumps(report))
    else:
        from postcheck.render.terminal import render

        render(text, report, Console())
    raise typer.Exit(1 if report.fails((fail_on.value if fail_on else None) or cfg.fail_on) else 0)


@rules_app.command("list")
def rules_list(
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
    config: Optional[Path] = ConfigOpt,
    rules: list[Path] = RulesOpt,
):
    """List the rules: id, category, severity, languages."""
    from rich.table import Table

    try:
        cfg = config_mod.load(config)
        from postcheck import ruleset

        loaded = ruleset.load([ruleset.builtin_rules_dir(), *cfg.rule_dirs, *rules]).rules
    except _errors() as exc:
        raise fail(str(exc))
    if fmt is Format.json:
        import json

        print(json.dumps([{"id": r.id, "category": r.category, "severity": r.severity,
                           "languages": list(r.languages), "enabled": cfg.is_enabled(r)} for r in loaded], indent=2))
        return
    table = Table("id", "category", "severity", "languages", "enabled")
    for r in loaded:
        table.add_row(r.id, r.category, r.severity, ",".join(r.languages), "yes" if cfg.is_enabled(r) else "no")
    Console().print(table)


@rules_app.command("explain")
def rules_explain(
    rule_id: str = typer.Argument(..., help="A rule id, e.g. PRIV-NAME-FR."),
    config: Optional[Path] = ConfigOpt,
    rules: list[Path] = RulesOpt,
):
    """Explain a rule: what it catches, why, on what authority, examples, how to fix."""
    from rich.markdown import Markdown

    from postcheck import ruleset
    from postcheck.explain import explain

    try:
        cfg = config_mod.load(config)
        loaded = ruleset.load([ruleset.builtin_rules_dir(), *cfg.rule_dirs, *rules])
    except _errors() as exc:
        raise fail(str(exc))
    rule = loaded.get(rule_id.upper())
    if rule is None:
        raise fail(f"no rule {rule_id!r} (see `postcheck rules list`)")
    Console().print(Markdown(explain(rule)))


@rules_app.command("test")
def rules_test(
    paths: list[Path] = typer.Argument(..., help="Rule files or directories to test."),
):
    """Run the flag/pass examples of rule files; exit 1 if any example fails."""
    from postcheck import examples, ruleset
    from postcheck.linter import Linter

    try:
        own = ruleset.load(paths).rules
        # The built-in packs supply the context cues the user's rules rely on.
        linter = Linter(config_mod.Config(), rule_dirs=paths)
        count, failures = examples.run(linter, own)
    except _errors() as exc:
        raise fail(str(exc))
    for failure in failures:
        print(failure)
    print(f"{len(own)} rules, {count} examples: {count - len(failures)} passed, {len(failures)} failed")
    raise typer.Exit(1 if failures else 0)


@app.command("eval")
def eval_(
    corpus: Path = typer.Argument(Path("corpus/test"), help="Annotated JSONL file or directory [default: the test split]."),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
    show_errors: bool = typer.Option(False, "--show-errors", help="List misses and false alarms with the rules that fired."),
    config: Optional[Path] = ConfigOpt,
    rules: list[Path] = RulesOpt,
):
    """Measure precision, recall and F1 per category and language on an annotated corpus."""
    from postcheck import evaluate

    try:
        records = evaluate.read(corpus)
        _, linter = _linter(config, rules)
        outcomes = evaluate.run(linter, records)
    except (*_errors(), evaluate.CorpusError) as exc:
        raise fail(str(exc))
    summary = evaluate.summarise(outcomes)
    if fmt is Format.json:
        import json

        if show_errors:
            summary["errors"] = evaluate.errors(outcomes)
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    from postcheck.render.evaluation import render, render_errors

    console = Console()
    render(summary, console)
    if show_errors:
        render_errors(evaluate.errors(outcomes), console)


from postcheck import serve_cli  # noqa: E402  (their commands are registered here)
from postcheck.scan_cli import scan as scan_command  # noqa: E402

app.command()(serve_cli.serve)
app.command()(serve_cli.hook)
app.command("scan")(scan_command)


def main() -> None:
    app()
