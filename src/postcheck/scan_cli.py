"""`postcheck scan`: bulk-scan exports into JSONL, with CSV, HTML and a summary.

cli.py registers it: `app.command("scan")(scan)`.
"""

from __future__ import annotations

import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from postcheck.sources import FORMATS


InputFormat = Enum("InputFormat", {name: name for name in FORMATS}, type=str)


def _fail(message: str) -> typer.Exit:
    print(f"postcheck: error: {message}", file=sys.stderr)
    return typer.Exit(2)


def _progress(console: Console, enabled: bool):
    """A rich progress bar (posts/s, ETA) and the callback that drives it."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeRemainingColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task):
            return Text(f"{task.speed or 0:,.0f} posts/s")

    bar = Progress(TextColumn("scanning"), BarColumn(), MofNCompleteColumn(), Rate(), TimeRemainingColumn(),
                   console=console, disable=not enabled, transient=False)
    task = bar.add_task("scan", total=None)

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    return bar, update


def scan(
    exports: list[Path] = typer.Argument(..., help="Exports to scan: X archive (zip or folder), Facebook JSON, "
                                                   "Mastodon archive or outbox.json, Reddit/Discourse/LinkedIn CSV, "
                                                   "or any CSV/JSONL."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Results, one JSON line per input record."),
    input_format: Optional[InputFormat] = typer.Option(None, "--input-format", help="Force the format [default: detected]."),
    text_field: str = typer.Option("text", "--text-field", help="CSV/JSONL: field holding the post."),
    id_field: str = typer.Option("id", "--id-field", help="CSV/JSONL: field holding the post id."),
    author_field: str = typer.Option("author", "--author-field", help="CSV/JSONL: field holding the author."),
    time_field: str = typer.Option("time", "--time-field", help="CSV/JSONL: field holding the date."),
    reply_to_field: str = typer.Option("reply_to", "--reply-to-field", help="CSV/JSONL: field holding the parent id."),
    workers: int = typer.Option(os.cpu_count() or 1, "--workers", "-j", min=1, help="Worker processes."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Posts per chunk sent to a worker."),
    max_chars: int = typer.Option(20_000, "--max-chars", min=1, help="Longer posts are skipped as too long."),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted scan into the same output."),
    thread_context: bool = typer.Option(True, "--thread-context/--no-thread-context",
                                        help="Check replies with their parents' text."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Accepted findings: not reported again."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="Write every finding as a baseline."),
    csv_out: Optional[Path] = typer.Option(None, "--csv", help="One CSV row per finding."),
    report: Optional[Path] = typer.Option(None, "--report", help="Self-contained HTML report."),
    redact: bool = typer.Option(False, "--redact", help="HTML report: show only the matched spans, no post text."),
    report_limit: int = typer.Option(500, "--report-limit", min=0, help="HTML report: flagged posts shown."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler (tcp://HOST:PORT)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
    config: Optional[Path] = typer.Option(None, "--config", dir_okay=False, help="Config file."),
    rules: list[Path] = typer.Option([], "--rules", help="Extra rule directory or file (repeatable)."),
):
    """Scan exported posts in bulk: JSONL results, a summary, CSV and HTML reports."""
    from postcheck import scan as engine
    from postcheck.render import scan_summary
    from postcheck.sources import Mapping

    if output is None and write_baseline is None:
        raise _fail("missing --output/-o (or --write-baseline)")
    if resume and output is None:
        raise _fail("--resume needs --output")
    console = Console(stderr=True)
    try:
        accepted = engine.load_baseline(baseline) if baseline else frozenset()
    except engine.ScanError as exc:
        raise _fail(str(exc))
    temp_dir = None
    if output is None:
        temp_dir = tempfile.TemporaryDirectory(prefix="postcheck-")
        output = Path(temp_dir.name) / "results.jsonl"
    options = engine.ScanOptions(
        settings=engine.Settings(config=config, rules=tuple(rules), baseline=accepted),
        input_format=input_format.value if input_format else None,
        mapping=Mapping(text=text_field, id=id_field, author=author_field, time=time_field, reply_to=reply_to_field),
        workers=workers, batch_size=batch_size, max_chars=max_chars, thread_context=thread_context,
        resume=resume, scheduler=scheduler)
    bar, options.progress = _progress(console, not quiet and console.is_terminal)
    try:
        with bar:
            result = engine.scan(exports, output, options)
    except engine.ScanInterrupted as exc:
        print(f"postcheck: {exc}", file=sys.stderr)
        raise typer.Exit(130)
    except (engine.ScanError, *_errors()) as exc:
        raise _fail(str(exc))
    except OSError as exc:
        raise _fail(f"{exc.filename or output}: {exc.strerror or exc}")
    stats = scan_summary.collect(output, keep=report_limit if report else 0)
    try:
        _write_extras(engine, stats, output, exports, options, csv_out, report, redact, write_baseline, accepted)
    except OSError as exc:
        raise _fail(f"{exc.filename}: {exc.strerror or exc}")
    if not quiet:
        if result.resumed:
            console.print(f"resumed: {result.resumed} records were already done")
        scan_summary.render(stats, console)
    if temp_dir:
        temp_dir.cleanup()
    raise typer.Exit(1 if stats.categories else 0)


def _errors() -> tuple:
    from postcheck import config as config_mod
    from postcheck.nlp import ModelError
    from postcheck.ruleset import RuleError

    return (RuleError, config_mod.ConfigError, ModelError)


def _write_extras(engine, stats, output, exports, options, csv_out, report, redact, write_baseline, accepted):
    from postcheck.render import csv_findings, html_report

    if csv_out:
        csv_findings.write(output, csv_out)
    if report:
        flagged = {str(line["id"]) for line in stats.flagged()}
        texts = {} if redact else engine.texts_for(flagged, exports, options)
        engine.write_private(report, html_report.render(stats, texts, redact=redact))
    if write_baseline:
        count = engine.write_baseline(output, write_baseline, keep=accepted)
        print(f"postcheck: baseline of {count} findings written to {write_baseline}", file=sys.stderr)


if __name__ == "__main__":  # python -m postcheck.scan_cli, until cli.py registers the command
    typer.run(scan)
