"""Bulk scanning: output lines, skips, thread context, baseline, resume, workers, Dask, reports."""

import csv
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from postcheck.scan import ScanOptions, finding_hash, scan
from postcheck.scan_cli import scan as scan_command
from postcheck.sources import Mapping

EXPORTS = Path(__file__).parent / "fixtures" / "exports"
CONTRACT = {"language", "verdict", "score", "findings", "rewrite"}
PRIVACY = "Reçu ce matin Mme Lefèvre, 82 ans, à Montargis pour une chute."
CLEAN = "Campagne de vaccination antigrippale : pensez-y dès octobre, parlez-en à votre médecin."

app = typer.Typer(pretty_exceptions_enable=False)
app.command("scan")(scan_command)
app.command("noop")(lambda: None)  # two commands, so "scan" is a subcommand as in cli.py
runner = CliRunner()


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def posts(n: int) -> list[dict]:
    base = [PRIVACY, CLEAN, "Consultation 25€ seulement, code promo DOC10 sur mon site, prenez RDV !",
            "Garde aux urgences cette nuit, 40 passages. Courage aux collègues."]
    return [{"id": f"p{i}", "text": f"{base[i % 4]} ({i})", "author": f"dr{i % 3}",
             "time": f"2024-{1 + i % 12:02d}-01T10:00:00Z"} for i in range(n)]


def write_jsonl(path: Path, items) -> Path:
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    return path


def run_scan(paths, out, **kw) -> list[dict]:
    scan([Path(p) for p in paths], out, ScanOptions(**kw))
    return lines(out)


def test_every_record_accounted_for(tmp_path):
    src = tmp_path / "posts.jsonl"
    src.write_text(json.dumps({"id": "a", "text": PRIVACY, "author": "dr_x", "time": "2024-02-03T10:00:00Z",
                               "url": "https://example.org/a"}) + "\n"
                   + json.dumps({"id": "b", "text": "   "}) + "\n"
                   + "{broken\n"
                   + json.dumps({"id": "d", "text": "x" * 100}) + "\n"
                   + json.dumps({"id": "e", "text": CLEAN}) + "\n", encoding="utf-8")
    out = run_scan([src], tmp_path / "out.jsonl", max_chars=95)
    assert [line["id"] for line in out] == ["a", "b", "posts.jsonl:3", "d", "e"]
    first = out[0]
    assert CONTRACT <= set(first) and first["verdict"] != "ok"
    assert (first["author"], first["time"], first["url"]) == ("dr_x", "2024-02-03T10:00:00Z", "https://example.org/a")
    for f in first["findings"]:
        assert PRIVACY[f["start"]:f["end"]] == f["text"]
    assert out[1] == {"id": "b", "skipped": "empty"}
    assert out[2]["skipped"].startswith("unreadable: posts.jsonl:3: invalid JSON")
    assert out[3]["skipped"].startswith("too long")
    assert out[4]["verdict"] == "ok" and "author" not in out[4]
    assert stat.S_IMODE(os.stat(tmp_path / "out.jsonl").st_mode) == 0o600


def test_malformed_file_among_good_ones(tmp_path):
    bad = tmp_path / "bad" / "data"
    bad.mkdir(parents=True)
    (bad / "tweets.js").write_text('window.YTD.tweets.part0 = [{"tweet": {"id_str": "9", "full_text": "Bonjour"}}, {oops')
    good = write_jsonl(tmp_path / "good.jsonl", posts(3))
    out = run_scan([good, tmp_path / "bad", EXPORTS / "mastodon"], tmp_path / "out.jsonl")
    ids = [line["id"] for line in out]
    assert ids[:3] == ["p0", "p1", "p2"] and ids[3] == "9"
    assert out[4]["skipped"].startswith("unreadable: bad/data/tweets.js: line 1")
    assert len(out) == 3 + 2 + 3 and all("verdict" in line for line in out[5:])


@pytest.mark.parametrize("export, fmt, mapping, count", [
    ("twitter", None, None, 5),
    ("facebook", None, None, 5),
    ("facebook-old", None, None, 3),
    ("mastodon", None, None, 3),
    ("reddit", None, None, 3),
    ("discourse/user_archive.csv", None, None, 2),
    ("linkedin", None, None, 3),
    ("generic/posts.csv", "csv", Mapping(text="body", id="post_id", author="who", time="when", reply_to="parent"), 2),
    ("generic/posts.jsonl", None, None, 2),
])
def test_each_format_scans(tmp_path, export, fmt, mapping, count):
    out = run_scan([EXPORTS / export], tmp_path / "out.jsonl", input_format=fmt, mapping=mapping or Mapping())
    assert len(out) == count and len({line["id"] for line in out}) == count
    assert all(CONTRACT <= set(line) or set(line) == {"id", "skipped"} for line in out)


def test_thread_context_counts_details_spread_over_a_thread(tmp_path):
    out = {line["id"]: line for line in run_scan([EXPORTS / "twitter"], tmp_path / "out.jsonl")}
    reply = out["1700000000000000003"]
    text = "Et elle habite à Montargis, institutrice retraitée."
    assert reply["thread"] == "1700000000000000002"
    assert reply["verdict"] != "ok"
    assert {f["text"] for f in reply["findings"]} >= {"Montargis"}
    for f in reply["findings"]:  # offsets point into the reply itself
        assert text[f["start"]:f["end"]] == f["text"]
    alone = run_scan([EXPORTS / "twitter"], tmp_path / "alone.jsonl", thread_context=False)
    assert next(x for x in alone if x["id"] == reply["id"])["verdict"] == "ok"


def test_baseline_hides_accepted_findings(tmp_path):
    src = write_jsonl(tmp_path / "posts.jsonl", posts(4))
    result = runner.invoke(app, ["scan", str(src), "-o", str(tmp_path / "first.jsonl"), "--workers", "1", "-q",
                                 "--write-baseline", str(tmp_path / "baseline.json")])
    assert result.exit_code == 1, result.output
    baseline = json.loads((tmp_path / "baseline.json").read_text())
    first = lines(tmp_path / "first.jsonl")
    expected = {finding_hash(f["rule"], line["id"], f["text"]) for line in first for f in line["findings"]}
    assert set(baseline["findings"]) == expected and expected
    assert "Lefèvre" not in (tmp_path / "baseline.json").read_text()  # hashes only

    # a new post arrives: only its findings are reported
    write_jsonl(src, posts(4) + [{"id": "new", "text": PRIVACY}])
    result = runner.invoke(app, ["scan", str(src), "-o", str(tmp_path / "second.jsonl"), "--workers", "1", "-q",
                                 "--baseline", str(tmp_path / "baseline.json")])
    second = lines(tmp_path / "second.jsonl")
    assert all(line["findings"] == [] and line["verdict"] == "ok" for line in second[:4])
    assert second[4]["id"] == "new" and second[4]["findings"]
    assert result.exit_code == 1


def test_bad_baseline_is_a_one_line_error(tmp_path):
    (tmp_path / "b.json").write_text("[1, 2")
    src = write_jsonl(tmp_path / "posts.jsonl", posts(1))
    result = runner.invoke(app, ["scan", str(src), "-o", str(tmp_path / "o.jsonl"), "--baseline", str(tmp_path / "b.json")])
    assert result.exit_code == 2 and "not a postcheck baseline" in result.output


def test_unknown_export_is_a_one_line_error(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    result = runner.invoke(app, ["scan", str(tmp_path / "notes.txt"), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2 and "format not recognised" in result.output


def test_csv_html_and_redaction(tmp_path):
    src = write_jsonl(tmp_path / "posts.jsonl", posts(8))
    out, table, page = tmp_path / "out.jsonl", tmp_path / "f.csv", tmp_path / "r.html"
    result = runner.invoke(app, ["scan", str(src), "-o", str(out), "--workers", "1", "--csv", str(table),
                                 "--report", str(page)])
    assert result.exit_code == 1
    assert "Findings per category" in result.output and "patient-privacy" in result.output
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert len(rows) == sum(len(line["findings"]) for line in lines(out)) > 0
    html = page.read_text(encoding="utf-8")
    assert "<svg" in html and "<script" not in html and "<link" not in html and "src=" not in html
    assert "pour une chute" in html and "<mark" in html  # the post, with its findings highlighted
    assert "Garde aux urgences" not in html  # clean posts are not listed
    for path in (out, table, page):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600

    runner.invoke(app, ["scan", str(src), "-o", str(out), "--workers", "1", "-q", "--report", str(page), "--redact"])
    html = page.read_text(encoding="utf-8")
    assert "Reçu ce matin" not in html and "pour une chute" not in html  # only the spans


def test_pool_of_workers_gives_the_same_output(tmp_path):
    src = write_jsonl(tmp_path / "posts.jsonl", posts(40))
    one = run_scan([src], tmp_path / "one.jsonl", workers=1, batch_size=8)
    two = run_scan([src], tmp_path / "two.jsonl", workers=2, batch_size=8)
    assert one == two


def test_workers_never_outnumber_chunks():
    from postcheck.scan import local_workers

    assert local_workers(ScanOptions(workers=4, batch_size=64), 10) == 1
    assert local_workers(ScanOptions(workers=4, batch_size=64), 100) == 2
    assert local_workers(ScanOptions(workers=4, batch_size=64), 10_000) == 4
    assert local_workers(ScanOptions(workers=4, batch_size=64), 0) == 1


def test_progress_bar_shows_count_rate_and_eta():
    import io

    from rich.console import Console

    from postcheck.scan_cli import _progress

    out = io.StringIO()
    bar, update = _progress(Console(file=out, force_terminal=True, width=100, color_system=None), True)
    with bar:
        update(64, 256)
        time.sleep(0.3)
        update(128, 256)
        bar.refresh()
    shown = [line for line in out.getvalue().splitlines() if "posts/s" in line][-1]
    assert "128/256" in shown and "posts/s" in shown and "0:00:0" in shown, shown


def test_dask_local_cluster_gives_the_same_output(tmp_path):
    distributed = pytest.importorskip("distributed")
    src = write_jsonl(tmp_path / "posts.jsonl", posts(24) + [{"id": "r", "text": "x", "reply_to": "p0"}])
    run_scan([src, EXPORTS / "twitter"], tmp_path / "local.jsonl", batch_size=4)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = run_scan([src, EXPORTS / "twitter"], tmp_path / "dask.jsonl", batch_size=4,
                          scheduler=cluster.scheduler_address)
    assert (tmp_path / "local.jsonl").read_bytes() == (tmp_path / "dask.jsonl").read_bytes()
    assert len(remote) == 30


def _start(src: Path, out: Path, *extra) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "postcheck.scan_cli", str(src), "-o", str(out), "-q",
                             "--batch-size", "4", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_lines(out: Path, proc: subprocess.Popen, count: int, timeout: float = 180) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.05)
    raise AssertionError("the scan finished or stalled before it could be interrupted")


def test_resume_after_kill_matches_an_uninterrupted_run(tmp_path):
    src = write_jsonl(tmp_path / "posts.jsonl", posts(400))
    out = tmp_path / "out.jsonl"
    proc = _start(src, out, "--workers", "1")
    _wait_for_lines(out, proc, 20)
    proc.kill()
    proc.wait()
    written = out.read_bytes().count(b"\n")
    assert 20 <= written < 400
    with out.open("ab") as fh:  # a torn last write
        fh.write(b'{"id": "p999", "lang')
    done = subprocess.run([sys.executable, "-m", "postcheck.scan_cli", str(src), "-o", str(out), "-q",
                           "--workers", "1", "--resume"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    full = run_scan([src], tmp_path / "full.jsonl")
    resumed = lines(out)
    assert [line["id"] for line in resumed] == [f"p{i}" for i in range(400)]
    assert resumed == full


def test_ctrl_c_stops_cleanly_and_resume_completes(tmp_path):
    src = write_jsonl(tmp_path / "posts.jsonl", posts(300))
    out = tmp_path / "out.jsonl"
    proc = _start(src, out, "--workers", "2")
    _wait_for_lines(out, proc, 12)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "--resume" in err and "Traceback" not in err
    assert PRIVACY not in err
    kept = lines(out)  # every line written is whole
    result = runner.invoke(app, ["scan", str(src), "-o", str(out), "--workers", "1", "-q", "--resume"])
    assert result.exit_code == 1
    final = lines(out)
    assert final[:len(kept)] == kept and [line["id"] for line in final] == [f"p{i}" for i in range(300)]


def test_html_highlight_and_redaction_units():
    from postcheck.render.html_report import highlight, redacted

    f = lambda s, e, t: {"start": s, "end": e, "text": t, "rule": "R", "severity": "error", "message": "m",
                         "category": "patient-privacy"}
    text = "Mme <Dupont>, 82 ans"
    out = highlight(text, [f(0, 12, "Mme <Dupont>"), f(4, 12, "<Dupont>"), f(14, 20, "82 ans")])
    assert out.count("<mark") == 2 and "&lt;Dupont&gt;" in out and "<Dupont>" not in out
    assert redacted([f(14, 20, "82 ans"), f(0, 3, "Mme")]).index("Mme") < redacted([f(14, 20, "82 ans"), f(0, 3, "Mme")]).index("82 ans")


def test_summary_counts_from_results(tmp_path):
    from postcheck.render.scan_summary import collect

    finding = {"rule": "R1", "category": "advertising", "severity": "warning", "text": "x"}
    rows = [{"id": "a", "author": "dr1", "time": "2024-05-02T00:00:00Z", "verdict": "review", "score": 40,
             "findings": [finding, {**finding, "severity": "info"}]},
            {"id": "b", "skipped": "empty"}, {"id": "c", "verdict": "ok", "score": 0, "findings": []}]
    out = write_jsonl(tmp_path / "r.jsonl", rows)
    with out.open("a") as fh:
        fh.write('{"id": "torn"')  # a truncated last line is passed over
    stats = collect(out, keep=5)
    assert (stats.records, stats.scanned, stats.skipped["empty"]) == (3, 2, 1)
    assert stats.categories == {"advertising": 1} and stats.severities == {"warning": 1, "info": 1}
    assert stats.authors == {"dr1": 1} and stats.months == {("2024-05", "advertising"): 1}
    assert [line["id"] for line in stats.flagged()] == ["a"]


def test_help_and_usage_errors():
    result = runner.invoke(app, ["scan", "--help"])
    assert result.exit_code == 0 and "--input-format" in result.output and "--scheduler" in result.output
    result = runner.invoke(app, ["scan", str(EXPORTS / "generic" / "posts.jsonl")])
    assert result.exit_code == 2 and "--output" in result.output
    result = runner.invoke(app, ["scan", str(EXPORTS / "generic" / "posts.jsonl"), "-o", "x", "--input-format", "nope"])
    assert result.exit_code == 2
