"""Counts over a scan's results file, and the terminal summary.

Read in one streaming pass; only counters and the `keep` highest-scoring
flagged posts are held in memory.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

RAISING = ("warning", "error")


@dataclass
class Stats:
    records: int = 0
    scanned: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason kind -> count
    verdicts: Counter = field(default_factory=Counter)
    categories: Counter = field(default_factory=Counter)
    severities: Counter = field(default_factory=Counter)
    rules: Counter = field(default_factory=Counter)
    authors: Counter = field(default_factory=Counter)  # findings at warning or above, per author
    months: Counter = field(default_factory=Counter)  # (YYYY-MM, category) -> findings
    top: list = field(default_factory=list)  # heap of (score, -order, line)

    def add(self, line: dict, order: int, keep: int) -> None:
        self.records += 1
        if "skipped" in line:
            self.skipped[str(line["skipped"]).split(":")[0]] += 1
            return
        self.scanned += 1
        self.verdicts[line.get("verdict", "?")] += 1
        month = (line.get("time") or "")[:7] or "unknown"
        for f in line.get("findings", ()):
            self.severities[f["severity"]] += 1
            if f["severity"] not in RAISING:
                continue
            self.categories[f["category"]] += 1
            self.rules[f["rule"]] += 1
            self.authors[line.get("author") or "unknown"] += 1
            self.months[(month, f["category"])] += 1
        if line.get("verdict", "ok") != "ok" and keep:
            entry = (line.get("score", 0), -order, line)
            if len(self.top) < keep:
                heapq.heappush(self.top, entry)
            else:
                heapq.heappushpop(self.top, entry)

    def flagged(self) -> list[dict]:
        """The kept flagged posts, highest score first, then input order."""
        return [line for _, _, line in sorted(self.top, key=lambda e: (-e[0], -e[1]))]


def collect(results: Path, keep: int = 0) -> Stats:
    from postcheck.scan import read_results

    stats = Stats()
    for order, line in enumerate(read_results(results)):
        stats.add(line, order, keep)
    return stats


def _table(title: str, counts: Counter, limit: int = 10) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(title.split(" per ")[-1])
    table.add_column("findings", justify="right")
    for key, count in counts.most_common(limit):
        table.add_row(str(key), str(count))
    return table


def render(stats: Stats, console: Console) -> None:
    skipped = sum(stats.skipped.values())
    console.print(f"[bold]{stats.records}[/] records: {stats.scanned} scanned, {skipped} skipped"
                  + (f" ({', '.join(f'{k} {v}' for k, v in stats.skipped.most_common())})" if skipped else ""))
    console.print("verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(stats.verdicts.items())))
    months = Counter()
    for (month, _), count in stats.months.items():
        months[month] += count
    for title, counts in (("Findings per category", stats.categories), ("Findings per severity", stats.severities),
                          ("Findings per author", stats.authors)):
        if counts:
            console.print(_table(title, counts))
    if months:
        table = Table(title="Findings per month", title_justify="left")
        table.add_column("month")
        table.add_column("findings", justify="right")
        for month in sorted(months)[-24:]:
            table.add_row(month, str(months[month]))
        console.print(table)
