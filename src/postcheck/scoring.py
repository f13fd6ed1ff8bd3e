"""Findings -> a post score (0-100, higher is worse) and a verdict.

The post score combines findings as independent risks, each weighted by its
severity: 100 * (1 - prod(1 - weight * score)). One clear error blocks; a
warning asks for review, and enough of them together block.
"""

from __future__ import annotations

from dataclasses import dataclass

from postcheck.model import Finding

SEVERITY_WEIGHT = {"error": 1.0, "warning": 0.6, "info": 0.1}


@dataclass(frozen=True)
class Thresholds:
    block: int = 75  # post score from which the verdict is "block"
    min_score: float = 0.3  # findings scored below this are dropped


def post_score(findings: list[Finding]) -> int:
    safe = 1.0
    for f in findings:
        safe *= 1 - SEVERITY_WEIGHT[f.severity] * f.score
    return round(100 * (1 - safe))


def verdict(findings: list[Finding], score: int, thresholds: Thresholds) -> str:
    if not any(f.raises for f in findings):
        return "ok"
    return "block" if score >= thresholds.block else "review"
