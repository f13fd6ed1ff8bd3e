"""The report as JSON (the DESIGN.md output contract)."""

from __future__ import annotations

import json

from postcheck.model import Report


def dumps(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
