"""The report every surface returns: plain dataclasses with `to_dict()`.

The field names and their meaning are a public contract (see DESIGN.md,
"Output contract"); change them only with a version bump.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("info", "warning", "error")
CATEGORIES = (
    "patient-privacy",
    "advertising",
    "colleague-denigration",
    "patient-dignity",
    "unproven-claims",
    "conflict-of-interest",
)


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass
class Finding:
    rule: str
    category: str
    severity: str
    score: float
    start: int
    end: int
    text: str
    message: str
    source: str
    suggestion: str | None = None
    # The span the suggestion replaces, when wider than the match (not in JSON).
    fix_span: tuple[int, int] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_dict(cls, data: dict) -> "Finding":
        return cls(**{k: data[k] for k in ("rule", "category", "severity", "score", "start", "end", "text",
                                            "message", "source", "suggestion")})

    @property
    def raises(self) -> bool:
        """A finding counts against the post from `warning` up; `info` is a hint."""
        return severity_rank(self.severity) >= severity_rank("warning")

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "score": round(self.score, 3),
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "source": self.source,
            "suggestion": self.suggestion,
        }


@dataclass
class Report:
    language: str
    verdict: str
    score: int
    findings: list[Finding] = field(default_factory=list)
    rewrite: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> "Report":
        return cls(data["language"], data["verdict"], data["score"],
                   [Finding.from_dict(f) for f in data["findings"]], data["rewrite"])

    @property
    def categories(self) -> set[str]:
        """Categories the post raises (warning or error findings only)."""
        return {f.category for f in self.findings if f.raises}

    def fails(self, level: str) -> bool:
        """True when a finding reaches `level` (the exit-code rule of linters)."""
        return any(severity_rank(f.severity) >= severity_rank(level) for f in self.findings)

    def to_dict(self) -> dict:
        return {
            "language": self.language,
            "verdict": self.verdict,
            "score": self.score,
            "findings": [f.to_dict() for f in self.findings],
            "rewrite": self.rewrite,
        }
