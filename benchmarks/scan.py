"""Throughput of `postcheck scan` with 1 and 2 workers, next to bare spaCy
`nlp.pipe` of the same models on the same texts, in the same run; and the
peak memory of a scan of a large export.

    python benchmarks/scan.py [--posts 20000] [--workers 1 2]
                              [--memory-posts 200000] [--memory-seconds 0]

Throughput is the steady rate: posts done after the first chunk came back
(models loaded) divided by the time since; the wall time with start-up is
printed too. Each rate also comes per CPU-second (all processes of the run
together), which does not depend on what else the machine is running: on a
shared machine the wall rates of 1 and 2 workers are not comparable, the CPU
rates are. Memory is the resident set of the scan process and its workers
together, sampled every half second; `--memory-seconds N` interrupts the scan
after N seconds (Ctrl-C, as a user would) when a full run would take too long.
Writes benchmarks/results/scan.json (or --output).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import RESULTS  # noqa: E402
from synth import tweets  # noqa: E402



def write_export(path: Path, count: int) -> list[tuple[str, str]]:
    posts = tweets(count)
    with path.open("w", encoding="utf-8") as fh:
        for i, (text, _) in enumerate(posts):
            fh.write(json.dumps({"id": f"t{i}", "text": text, "author": f"dr{i % 50}"}, ensure_ascii=False) + "\n")
    return posts


def bare_pipe(posts: list[tuple[str, str]]) -> float:
    """Posts per second of spaCy alone: each language's texts through nlp.pipe."""
    from postcheck.nlp import DEFAULT_MODELS, load_spacy

    by_lang: dict[str, list[str]] = {}
    for text, lang in posts:
        by_lang.setdefault(lang, []).append(text)
    models = {lang: load_spacy(DEFAULT_MODELS[lang]) for lang in by_lang}
    for lang, texts in by_lang.items():  # warm
        list(models[lang].pipe(texts[:64]))
    start, cpu = time.perf_counter(), time.process_time()
    for lang, texts in by_lang.items():
        for _ in models[lang].pipe(texts, batch_size=64):
            pass
    return len(posts) / (time.perf_counter() - start), len(posts) / (time.process_time() - cpu)


def cpu_seconds() -> float:
    """CPU time of this process and its live children (the scan's workers)."""
    import psutil

    me = psutil.Process()
    total = 0.0
    for p in [me, *me.children(recursive=True)]:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


def scan_rate(export: Path, workers: int, out: Path) -> dict:
    from postcheck.scan import ScanOptions, scan

    marks: list[tuple[float, float, int]] = []
    start = time.perf_counter()
    options = ScanOptions(workers=workers,
                          progress=lambda done, total: marks.append((time.perf_counter(), cpu_seconds(), done)))
    result = scan([export], out, options)
    wall = time.perf_counter() - start
    (t0, c0, d0), (t1, c1, d1) = marks[0], marks[-1]
    return {"workers": workers, "posts": result.total, "steady_posts_per_s": round((d1 - d0) / (t1 - t0), 1),
            "posts_per_cpu_s": round((d1 - d0) / (c1 - c0), 1),
            "wall_s": round(wall, 1), "wall_posts_per_s": round(result.total / wall, 1),
            "load_average_1min_after": round(os.getloadavg()[0], 2)}


def tree_rss(proc) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except Exception:  # a worker that just exited
            pass
    return total


def memory(export: Path, count: int, workers: int, seconds: float, out: Path) -> dict:
    import psutil

    cmd = [sys.executable, "-m", "postcheck.scan_cli", str(export), "-o", str(out), "-q", "--workers", str(workers)]
    # SIGINT back to default: a benchmark started in the background inherits it ignored.
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    ps = psutil.Process(proc.pid)
    start, peak, peak_main, curve, interrupted = time.time(), 0, 0, [], False
    while proc.poll() is None:
        rss = tree_rss(ps)
        try:
            peak_main = max(peak_main, ps.memory_info().rss)
        except psutil.Error:
            break
        peak = max(peak, rss)
        done = out.read_bytes().count(b"\n") if out.exists() else 0
        curve.append((round(time.time() - start), done, round(rss / 2**20)))
        if seconds and time.time() - start > seconds and not interrupted:
            proc.send_signal(signal.SIGINT)
            interrupted = True
        time.sleep(0.5)
    proc.wait()
    done = out.read_bytes().count(b"\n") if out.exists() else 0
    step = max(1, len(curve) // 20)
    return {"posts": count, "workers": workers, "scanned": done, "interrupted": interrupted,
            "peak_rss_mib_all_processes": round(peak / 2**20), "peak_rss_mib_main": round(peak_main / 2**20),
            "curve_s_done_mib": curve[::step]}


def throughput(report: dict, posts_count: int, worker_counts: list[int], tmp: Path) -> None:
    export = tmp / "tweets.jsonl"
    posts = write_export(export, posts_count)
    wall_rate, cpu_rate = bare_pipe(posts)
    report["bare_nlp_pipe_posts_per_s"] = round(wall_rate, 1)
    report["bare_nlp_pipe_posts_per_cpu_s"] = round(cpu_rate, 1)
    report["load_average_1min_after_bare"] = round(os.getloadavg()[0], 2)
    print(f"bare nlp.pipe: {report['bare_nlp_pipe_posts_per_s']} posts/s", flush=True)
    report["scan"] = []
    for workers in worker_counts:
        row = scan_rate(export, workers, tmp / f"out{workers}.jsonl")
        report["scan"].append(row)
        print(f"scan, {workers} worker(s): {row}", flush=True)
    rates = {row["workers"]: row["steady_posts_per_s"] for row in report["scan"]}
    cpu_rates = {row["workers"]: row["posts_per_cpu_s"] for row in report["scan"]}
    if 1 in rates:
        report["ratio_1_worker_vs_bare_wall"] = round(rates[1] / report["bare_nlp_pipe_posts_per_s"], 3)
        report["ratio_1_worker_vs_bare_cpu"] = round(cpu_rates[1] / report["bare_nlp_pipe_posts_per_cpu_s"], 3)
    if 1 in rates and 2 in rates:
        report["ratio_2_vs_1_workers_wall"] = round(rates[2] / rates[1], 3)
        # On 2 otherwise idle cores, 2 workers get twice the CPU of 1.
        report["ratio_2_vs_1_workers_projected_idle"] = round(min(2, os.cpu_count() or 1) * cpu_rates[2]
                                                              / cpu_rates[1], 3)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=20_000, help="0: skip the throughput runs")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--memory-posts", type=int, default=0, help="0: skip the memory run")
    ap.add_argument("--memory-seconds", type=float, default=0, help="interrupt the memory run after this long")
    ap.add_argument("--output", type=Path, default=RESULTS / "scan.json")
    args = ap.parse_args()
    report: dict = {"cpus": os.cpu_count(), "posts": args.posts}
    with tempfile.TemporaryDirectory() as tmp:
        if args.posts:
            throughput(report, args.posts, args.workers, Path(tmp))
        if args.memory_posts:
            big = Path(tmp) / "big.jsonl"
            write_export(big, args.memory_posts)
            report["memory"] = memory(big, args.memory_posts, max(args.workers), args.memory_seconds,
                                      Path(tmp) / "big.out.jsonl")
            print(f"memory: { {k: v for k, v in report['memory'].items() if k != 'curve_s_done_mib'} }", flush=True)
    args.output.parent.mkdir(exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps({k: v for k, v in report.items() if k != "memory"}, indent=2))


if __name__ == "__main__":
    main()
