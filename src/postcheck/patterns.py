"""Regular expressions from rule files, compiled once per process.

The `regex` module parses patterns in Python, which is slow; rule files hold
hundreds of patterns, validated at load and used by detectors: both go through
here so that each is compiled once.
"""

from __future__ import annotations

from functools import cache

import regex

TIMEOUT = 0.25  # seconds per pattern and post: a pathological pattern must not hang a check


@cache
def compiled(pattern: str, ignore_case: bool = True) -> regex.Pattern:
    return regex.compile(pattern, regex.IGNORECASE if ignore_case else 0)


def errors(patterns, where: str = "pattern") -> list[str]:
    """One message per pattern that does not compile."""
    out = []
    for p in patterns:
        try:
            compiled(p)
        except regex.error as exc:
            out.append(f"{where} {p!r} does not compile: {exc}")
    return out
