"""One CSV row per finding of a scan, for spreadsheets."""

from __future__ import annotations

import csv
from pathlib import Path

COLUMNS = ["id", "author", "time", "thread", "url", "verdict", "rule", "category", "severity", "score",
           "start", "end", "text", "message", "source", "suggestion"]


def write(results: Path, path: Path) -> int:
    """Write the findings of a results file; returns the number of rows."""
    from postcheck.scan import open_private, read_results

    rows = 0
    with open_private(path) as fh:
        writer = csv.DictWriter(fh, COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for line in read_results(results):
            post = {k: line.get(k) for k in ("id", "author", "time", "thread", "url", "verdict")}
            for finding in line.get("findings", ()):
                writer.writerow({**post, **finding})
                rows += 1
    return rows
