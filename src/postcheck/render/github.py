"""Findings in files -> GitHub Actions workflow commands (annotations on the diff).

    ::error file=post.md,line=3,col=14,endLine=3,endColumn=25,title=PRIV-NAME-FR::Nom d'un patient...
"""

from __future__ import annotations

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def render(results) -> str:
    lines = []
    for r in results:
        for f in r.findings:
            line, col = r.position(f.start)
            end_line, end_col = r.position(max(f.end, f.start + 1))
            props = [f"file={_property(r.path)}", f"line={line}", f"col={col}", f"endLine={end_line}"]
            if end_line == line:
                props.append(f"endColumn={end_col}")
            props.append(f"title={_property(f'{f.rule} ({f.category})')}")
            message = f.message + (f" ({f.source})" if f.source and f.category != "suppression" else "")
            lines.append(f"::{LEVELS.get(f.severity, 'warning')} {','.join(props)}::{_data(message)}")
    return "".join(line + "\n" for line in lines)
