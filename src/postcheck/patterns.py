"""Regular expressions from rule files, compiled once per process.

The `regex` module parses patterns in Python, which is slow; rule files hold
hundreds of patterns, validated at load and used by detectors: both go through
here so that each is compiled once.

Most patterns cannot match most posts, yet a scan of the whole text costs each
one the same. `required_literals` reads from a pattern the words a match must
contain, so that a post lacking them is not scanned at all (the prefilter idea
of RE2's FilteredRE2).
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Iterator

import regex

TIMEOUT = 0.25  # seconds per pattern and post: a pathological pattern must not hang a check

log = logging.getLogger("postcheck")


@cache
def compiled(pattern: str, ignore_case: bool = True) -> regex.Pattern:
    return regex.compile(pattern, regex.IGNORECASE if ignore_case else 0)


def finditer(pattern: regex.Pattern, text: str, source: str) -> Iterator[regex.Match]:
    """The pattern's matches in a post, given up after TIMEOUT; the warning
    names the rule or cue (`source`), never the post."""
    try:
        yield from pattern.finditer(text, timeout=TIMEOUT)
    except TimeoutError:
        log.warning("%s: pattern timed out, skipped for this post", source)


def errors(patterns, where: str = "pattern") -> list[str]:
    """One message per pattern that does not compile."""
    out = []
    for p in patterns:
        try:
            compiled(p)
        except regex.error as exc:
            out.append(f"{where} {p!r} does not compile: {exc}")
    return out


# --- prefilter -------------------------------------------------------------------------

ACCENTED = set("àâäéèêëîïôöùûüçœæÿñ")
# Syntax that re would parse, but differently: POSIX classes, fuzzy matching.
REGEX_ONLY = regex.compile(r"\[:|\{[^}]*[eids][^}]*\}")


def _plain(char: str) -> bool:
    """A character whose lower case stands for every case-insensitive match of it."""
    low = char.lower()
    return len(low) == 1 and ((char.isascii() and char.isprintable()) or low in ACCENTED or low == char.upper())


def _weight(word: str) -> int:
    # An emoji or symbol is as telling as a few letters.
    return len(word) + sum(2 for c in word if ord(c) > 0x24F)


def _strongest(groups: list[set[str]]) -> set[str]:
    return max(groups, key=lambda g: min(map(_weight, g)))


def _needs(items) -> list[set[str]]:
    """For a parsed sequence: sets of lower-case strings; a match contains one
    string of every set. Whatever cannot be read safely adds no set."""
    from re import _constants as c

    out, run = [], ""
    for op, arg in items:
        if op is c.LITERAL and _plain(chr(arg)):
            run += chr(arg).lower()
            continue
        if op is c.AT:  # \b, ^: zero-width, the literal run goes on
            continue
        if run:
            out.append({run})
            run = ""
        if op is c.SUBPATTERN:
            out += _needs(arg[-1])
        elif op is c.ATOMIC_GROUP:
            out += _needs(arg)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and arg[0] >= 1:
            out += _needs(arg[2])
        elif op is c.IN and len(arg) <= 20 and all(o is c.LITERAL and _plain(chr(a)) for o, a in arg):
            out.append({chr(a).lower() for _, a in arg})
        elif op is c.BRANCH:
            branches = [_needs(b) for b in arg[1]]
            if all(branches):
                out.append(set().union(*(_strongest(b) for b in branches)))
    if run:
        out.append({run})
    return out


@cache
def required_literals(pattern: str) -> tuple[frozenset[str], ...]:
    """Sets of lower-case strings, one of each set in any text the pattern
    matches (ignoring case); empty when nothing can be said.

    Read with the standard library's parser (re._parser), which knows the
    syntax shared with `regex`; a pattern it cannot parse is never skipped."""
    from re import _parser

    if REGEX_ONLY.search(pattern):
        return ()
    try:
        tree = _parser.parse(pattern, regex.IGNORECASE)
    except Exception:  # regex-only syntax (\\p{L}, variable lookbehind...): no prefilter
        return ()
    return tuple(frozenset(s) for s in _needs(list(tree)) if min(map(_weight, s)) >= 2)


def may_match(needs: tuple[frozenset[str], ...], lowered: str) -> bool:
    return all(any(word in lowered for word in group) for group in needs)


class PatternIndex:
    """Many patterns, and per text the ids of those that may match it: one
    Aho-Corasick pass finds the required words present, instead of a test per
    pattern."""

    def __init__(self):
        self._needs: list[tuple[frozenset[str], ...]] = []
        self._ids: dict[str, int] = {}
        self._free: set[int] = set()  # patterns that require nothing we can read
        self._where: dict[str, list[tuple[int, int]]] = {}  # word -> (pattern id, group) it satisfies
        self._automaton = None

    def add(self, pattern: str) -> int:
        """The pattern's id; a pattern added again (another Linter) keeps its id."""
        if pattern in self._ids:
            return self._ids[pattern]
        self._ids[pattern] = len(self._needs)
        needs = required_literals(pattern)
        self._needs.append(needs)
        if not needs:
            self._free.add(len(self._needs) - 1)
        self._automaton = None
        return len(self._needs) - 1

    def _build(self):
        import ahocorasick

        where: dict[str, list[tuple[int, int]]] = {}
        for pid, needs in enumerate(self._needs):
            for g, group in enumerate(needs):
                for word in group:
                    where.setdefault(word, []).append((pid, g))
        automaton = ahocorasick.Automaton()
        for word in where:
            automaton.add_word(word, word)
        if where:
            automaton.make_automaton()
        self._where = where
        return automaton

    def candidates(self, lowered: str) -> set[int]:
        automaton = self._automaton
        if automaton is None:
            automaton = self._automaton = self._build()
        if not len(automaton):
            return set(self._free)
        met: dict[int, set[int]] = {}
        for word in {word for _, word in automaton.iter(lowered)}:  # "de" may occur ten times
            for pid, g in self._where[word]:
                met.setdefault(pid, set()).add(g)
        return self._free | {pid for pid, groups in met.items() if len(groups) == len(self._needs[pid])}
