"""`postcheck serve` and `postcheck hook`: typer commands, registered by cli.py:

    from postcheck import serve_cli
    app.command()(serve_cli.serve)
    app.command()(serve_cli.hook)
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from postcheck import config as config_mod
from postcheck.options import Lang, Level, config_option, fail, rules_option


class HookFormat(str, Enum):
    text = "text"
    sarif = "sarif"
    github = "github"




def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (loopback by default; 0.0.0.0 exposes it)."),
    port: int = typer.Option(8765, "--port", help="Port to listen on."),
    max_body: int = typer.Option(100_000, "--max-body", min=1, help="Largest request body accepted, in bytes (413 above)."),
    config: Optional[Path] = config_option(),
    rules: list[Path] = rules_option(),
):
    """Serve the web page, the HTTP API and a LanguageTool-compatible API (models load once, at start)."""
    from postcheck.nlp import ModelError
    from postcheck.ruleset import RuleError

    try:
        cfg = config_mod.load(config)
        from postcheck import ruleset

        ruleset.load([ruleset.builtin_rules_dir(), *cfg.rule_dirs, *rules])  # fail early, before binding
    except (RuleError, config_mod.ConfigError, ModelError) as exc:
        raise fail(str(exc))
    from postcheck import server

    print(f"postcheck: loading models, then serving on http://{host}:{port}/", file=sys.stderr)
    server.run(host=host, port=port, max_body=max_body, config=cfg, rule_dirs=rules)


def hook(
    files: list[Path] = typer.Argument(None, help="Text or Markdown files to check (what pre-commit passes)."),
    fmt: HookFormat = typer.Option(HookFormat.text, "--format", "-f", help="text (file:line:col), sarif (SARIF 2.1.0) or github (workflow annotations)."),
    fail_on: Optional[Level] = typer.Option(None, "--fail-on", help="Exit 1 on findings at or above this level [default: the config's, warning]."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Language of the files [default: auto, or the config's]."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", dir_okay=False, help="Write the report to this file instead of standard output."),
    config: Optional[Path] = config_option(),
    rules: list[Path] = rules_option(),
):
    """Check files as a pre-commit hook or in CI: the prose of each file, with inline suppressions."""
    from postcheck import hook as hook_mod
    from postcheck.cli import OneShotLinter
    from postcheck.daemon import DaemonError
    from postcheck.nlp import ModelError
    from postcheck.ruleset import RuleError

    files = files or []
    try:
        cfg = config_mod.load(config)
        # Served by the warm background checker when it can be (see daemon.py).
        linter = OneShotLinter(cfg, rules)
        results = hook_mod.check_files(linter, files, lang=lang.value if lang else None)
    except (RuleError, config_mod.ConfigError, ModelError, DaemonError, hook_mod.HookInputError) as exc:
        raise fail(str(exc))
    level = fail_on.value if fail_on else cfg.fail_on
    if fmt is HookFormat.sarif:
        import json

        from postcheck.render.sarif import to_sarif

        out = json.dumps(to_sarif(results, linter.ruleset.rules), ensure_ascii=False, indent=2) + "\n"
    elif fmt is HookFormat.github:
        from postcheck.render.github import render

        out = render(results)
    else:
        out = hook_mod.render_text(results)
    if output is not None:
        output.write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out)
    failed = hook_mod.fails(results, level)
    if fmt is HookFormat.text and output is None:
        print(hook_mod.summary(results, level), file=sys.stderr)
    raise typer.Exit(1 if failed else 0)
