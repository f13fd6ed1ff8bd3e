"""`postcheck eval` results as terminal tables."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text


def render(summary: dict, console: Console) -> None:
    for lang, res in summary["languages"].items():
        table = Table(title=f"{lang}: {res['posts']} posts", title_justify="left")
        for col in ("category", "precision", "recall", "F1", "TP", "FP", "FN"):
            table.add_column(col, justify="left" if col == "category" else "right")
        for cat, m in res["categories"].items():
            table.add_row(cat, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}",
                          str(m["tp"]), str(m["fp"]), str(m["fn"]))
        console.print(table)
        b = res["benign"]
        spans = res["privacy_spans"]
        console.print(f"benign posts raising a finding: {b['false_alarms']}/{b['posts']} ({b['rate']:.1%})   "
                      f"privacy spans covered: {spans['covered']}/{spans['spans']}")
        console.print("verdicts (expected->got): " + ", ".join(f"{k} {v}" for k, v in res["verdicts"].items()))
        console.print()


def render_errors(errors: list[dict], console: Console) -> None:
    for e in errors:
        rules = ", ".join(e["rules"]) or "no rule fired"
        console.print(Text.assemble((f"{e['error']:<11} ", "bold red" if e["error"] == "miss" else "bold yellow"),
                                    f"{e['category']:<21} ", (f"{e['id']} ", "dim"), f"[{rules}]"))
        console.print(Text(f"    {e['text']}", style="dim"), soft_wrap=True)
