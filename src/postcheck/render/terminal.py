"""The report for a person at a terminal (rich): the post with its offending
spans highlighted, one row per finding, the verdict and the rewrite."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from postcheck.model import Report

STYLE = {"error": "bold red underline", "warning": "bold yellow underline", "info": "cyan underline"}
VERDICT = {"ok": "bold green", "review": "bold yellow", "block": "bold red"}
LABELS = {
    "fr": {"post": "Publication", "findings": "Constats", "rewrite": "Réécriture proposée",
           "none": "Aucun problème trouvé.", "verdict": "Verdict", "score": "risque", "remove": "(retirer)",
           "cols": ("gravité", "catégorie · règle", "passage → suggestion", "message · fondement")},
    "en": {"post": "Post", "findings": "Findings", "rewrite": "Suggested rewrite",
           "none": "No problem found.", "verdict": "Verdict", "score": "risk", "remove": "(remove)",
           "cols": ("severity", "category · rule", "passage → suggestion", "message · source")},
}


def highlighted(text: str, report: Report) -> Text:
    out = Text(text)
    # Milder first, so that an error's style wins where spans overlap.
    for f in sorted(report.findings, key=lambda f: ("info", "warning", "error").index(f.severity)):
        out.stylize(STYLE[f.severity], f.start, f.end)
    return out


def findings_table(report: Report, labels: dict) -> Table:
    table = Table(show_lines=True, expand=True)
    # Severity and category never wrap mid-word ("colleague-denigration" is 21 wide).
    for name, ratio, min_width in zip(labels["cols"], (0, 0, 3, 4), (7, 21, 12, 16)):
        table.add_column(name, ratio=ratio or None, min_width=min_width, overflow="fold")
    for f in report.findings:
        passage = Text(f"« {f.text} »", style=STYLE[f.severity])
        if f.suggestion is not None:
            passage.append(f"\n→ {f.suggestion or labels['remove']}", style="green")
        table.add_row(Text(f"{f.severity}\n{f.score:.2f}", style=STYLE[f.severity].split()[1]),
                      Text(f"{f.category}\n{f.rule}"), passage,
                      Text.assemble(f.message, "\n", (f.source, "dim")))
    return table


def render(text: str, report: Report, console: Console) -> None:
    labels = LABELS.get(report.language, LABELS["en"])
    head = Text.assemble((f"{labels['verdict']}: ", "bold"), (report.verdict.upper(), VERDICT[report.verdict]),
                         f"   {labels['score']} {report.score}/100   ", (report.language, "dim"))
    console.print(Panel(highlighted(text, report), title=labels["post"], title_align="left"))
    if report.findings:
        console.print(findings_table(report, labels))
    else:
        console.print(Text(labels["none"], style="green"))
    console.print(head)
    if report.findings and report.rewrite != text:
        console.print(Panel(Group(Text(report.rewrite)), title=labels["rewrite"], title_align="left",
                            border_style="green"))
