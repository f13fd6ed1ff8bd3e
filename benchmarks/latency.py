"""Warm per-post latency and cold start of `postcheck check`, each next to bare
Presidio (`AnalyzerEngine.analyze` with the same spaCy models) in the same run.

    python benchmarks/latency.py [--posts 200] [--cold-runs 3]

Prints a table and writes benchmarks/results/latency.json.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import BARE_PRESIDIO, bare_presidio, save  # noqa: E402
from synth import tweets  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def timed(fn, items) -> list[float]:
    out = []
    for item in items:
        t = time.perf_counter()
        fn(item)
        out.append((time.perf_counter() - t) * 1000)
    return out


def warm(posts):
    from postcheck import Linter

    analyzer = bare_presidio()
    linter = Linter()
    for text, lang in posts[:10]:  # warm both: models, caches, first-call costs
        linter.check(text)
        analyzer.analyze(text, language=lang)
    ours = timed(lambda p: linter.check(p[0]), posts)
    bare = timed(lambda p: analyzer.analyze(p[0], language=p[1]), posts)
    return ours, bare


def cold(runs: int, post: str) -> tuple[list[float], list[float]]:
    ours_cmd = [sys.executable, "-m", "postcheck", "check", post, "--format", "json"]
    bare_cmd = [sys.executable, "-c", BARE_PRESIDIO + f"analyzer.analyze({post!r}, language='fr')"]
    # A truly cold process: the warm background checker is cold_start.py's subject.
    env = {**os.environ, "POSTCHECK_DAEMON": "off"}
    ours, bare = [], []
    for _ in range(runs):
        for cmd, out in ((ours_cmd, ours), (bare_cmd, bare)):
            t = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=False, env=env)
            out.append(time.perf_counter() - t)
    return ours, bare


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=200)
    ap.add_argument("--cold-runs", type=int, default=3)
    args = ap.parse_args()
    posts = tweets(args.posts)
    ours, bare = warm(posts)
    cold_ours, cold_bare = cold(args.cold_runs, posts[0][0])
    result = {
        "posts": len(posts),
        "warm_ms": {"postcheck": {"p50": percentile(ours, 50), "p95": percentile(ours, 95)},
                    "presidio": {"p50": percentile(bare, 50), "p95": percentile(bare, 95)}},
        "cold_s": {"postcheck": statistics.median(cold_ours), "presidio": statistics.median(cold_bare)},
    }
    w, c = result["warm_ms"], result["cold_s"]
    print(f"{len(posts)} synthetic tweets (half French, half English)")
    print(f"{'':34}{'postcheck':>12}{'bare Presidio':>15}{'ratio':>8}")
    for label, a, b in (("warm p50 (ms/post)", w["postcheck"]["p50"], w["presidio"]["p50"]),
                        ("warm p95 (ms/post)", w["postcheck"]["p95"], w["presidio"]["p95"]),
                        (f"cold process (s, median of {args.cold_runs})", c["postcheck"], c["presidio"])):
        print(f"{label:34}{a:12.2f}{b:15.2f}{a / b:8.2f}x")
    save("latency", result)


if __name__ == "__main__":
    main()
