"""Cold start of one-shot commands, next to `python -c "import spacy"` in the same run.

    python benchmarks/cold_start.py [--runs 5]

For a French and an English post: the first `postcheck check` (no background
checker running: it starts one) and the second (served warm). For the pre-commit
hook: the first and second `git commit` of 10 files in a scratch repository
whose pre-commit hook runs `postcheck hook`. Each figure is the median wall time
of --runs repetitions. Writes benchmarks/results/cold_start.json.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FR = "Reçu ce matin Mme Lefèvre, 82 ans, à Montargis pour une chute. Vos avis ? #doctoctoc"
EN = "Saw Mrs Patterson, 82yo, from Ledbury in clinic today after a fall. Thoughts? #MedTwitter"
POSTCHECK = [sys.executable, "-m", "postcheck"]

sys.path.insert(0, str(Path(__file__).parent))
from common import save  # noqa: E402


def wall(cmd, env, cwd=None) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t


def stop_servers(run_dir: Path) -> None:
    from postcheck import daemon

    for sock in run_dir.glob("postcheck-*/*.sock"):
        try:
            daemon._ask(sock, {"stop": True})
        except OSError:
            sock.unlink(missing_ok=True)
    time.sleep(0.5)


def first_and_second(cmd, env, run_dir, runs, cwd=None, before=None) -> tuple[list, list]:
    first, second = [], []
    for _ in range(runs):
        stop_servers(run_dir)
        if before:
            before()
        first.append(wall(cmd, env, cwd))
        if before:
            before()
        second.append(wall(cmd, env, cwd))
    stop_servers(run_dir)
    return first, second


def hook_repo(root: Path) -> tuple[list, callable]:
    """A scratch repository with a pre-commit hook running `postcheck hook` on staged files."""
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    hook = root / ".git" / "hooks" / "pre-commit"
    hook.write_text(f"#!/bin/sh\nexec {sys.executable} -m postcheck hook $(git diff --cached --name-only)\n")
    hook.chmod(0o755)
    counter = iter(range(10**6))

    def stage_ten() -> None:
        n = next(counter)
        for i in range(10):
            (root / f"note{i}.md").write_text(f"# Note {n}.{i}\n\nCampagne de vaccination : pensez-y.\n")
        subprocess.run(["git", "add", "-A"], cwd=root, check=True)

    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "commit", "-q", "-m", "notes"]
    return git, stage_ten


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    run_dir = Path(tempfile.mkdtemp(prefix="pcb-", dir="/tmp"))
    env = {**os.environ, "POSTCHECK_DAEMON": "on", "POSTCHECK_RUNTIME_DIR": str(run_dir)}
    env.pop("CI", None)
    results = {"import spacy": statistics.median(
        wall([sys.executable, "-c", "import spacy"], env) for _ in range(args.runs))}
    for label, post in (("French post", FR), ("English post", EN)):
        first, second = first_and_second([*POSTCHECK, "check", post], env, run_dir, args.runs)
        results[f"check, {label}, first"] = statistics.median(first)
        results[f"check, {label}, second"] = statistics.median(second)
    repo = Path(tempfile.mkdtemp(prefix="pcr-"))
    try:
        git, stage_ten = hook_repo(repo)
        first, second = first_and_second(git, env, run_dir, args.runs, cwd=repo, before=stage_ten)
        results["pre-commit hook, 10 files, first"] = statistics.median(first)
        results["pre-commit hook, 10 files, second"] = statistics.median(second)
    finally:
        shutil.rmtree(repo, ignore_errors=True)
        shutil.rmtree(run_dir, ignore_errors=True)
    base = results["import spacy"]
    print(f"median wall time of {args.runs} runs; ratio to `python -c \"import spacy\"`")
    for label, seconds in results.items():
        print(f"  {label:40}{seconds:8.2f} s{seconds / base:8.2f}x")
    save("cold_start", results)


if __name__ == "__main__":
    main()
