"""Files -> prose -> findings at file:line:col, for the pre-commit hook and CI.

A file is checked as one post. Only its prose is: for Markdown, front matter,
fenced and indented code blocks, inline code, HTML comments and tags, link
targets, URLs and markup characters are blanked out. Blanking keeps every other
character where it was, so a finding's offsets are offsets into the file.

Suppressions, in any file:

    <!-- postcheck: disable=PRIV-NAME-FR,advertising -->   from here ...
    <!-- postcheck: enable -->                             ... to here (or `enable=ID`)
    <!-- postcheck: disable -->                            every rule
    Some line  # postcheck: ignore[PRIV-NAME-FR]           this line only
    # postcheck: ignore[PRIV-NAME-FR]                      alone on its line: the next line

A suppression names rule ids or categories. One that suppresses nothing is
reported (rule UNUSED-SUPPRESSION), so that stale ones do not hide what comes next.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from postcheck.model import Finding, severity_rank

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx"}
UNUSED = "UNUSED-SUPPRESSION"
UNUSED_RULE = {
    "id": UNUSED,
    "category": "suppression",
    "severity": "warning",
    "message": "A postcheck suppression comment that suppresses nothing: remove it.",
    "source": "postcheck",
}

_BLOCK = re.compile(r"<!--\s*postcheck:\s*(disable|enable)\s*(?:=\s*([\w\-, ]*?))?\s*-->", re.I)
_LINE = re.compile(r"#\s*postcheck:\s*ignore\s*(?:\[([\w\-, ]*)\])?[^\n]*", re.I)


class HookInputError(Exception):
    """A file that cannot be checked; str() is one line."""


@dataclass
class Suppression:
    rules: frozenset[str] | None  # upper-cased rule ids or categories; None = every rule
    start: int  # span of the text it covers
    end: int
    comment: tuple[int, int]  # span of the comment itself
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        if not (self.start <= finding.start < self.end):
            return False
        return self.rules is None or bool({finding.rule.upper(), finding.category.upper()} & self.rules)


@dataclass
class FileResult:
    path: str
    text: str
    language: str | None
    findings: list[Finding] = field(default_factory=list)
    suppressed: int = 0
    _lines: list[int] = field(default_factory=list, repr=False)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an offset."""
        if not self._lines:
            self._lines = [0] + [m.end() for m in re.finditer(r"\n", self.text)]
        line = bisect.bisect_right(self._lines, offset) - 1
        return line + 1, offset - self._lines[line] + 1


# --- prose ---------------------------------------------------------------------------

def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


_FRONT = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\n.*?\n(?:\1|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_INLINE = [
    re.compile(r"<!--.*?-->", re.S),  # comments (and suppressions)
    re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S),  # inline code
    re.compile(r"^ {0,3}\[[^\]\n]+\]:[^\n]*", re.M),  # link reference definitions
    re.compile(r"!?\[(?=[^\]\n]*\])"),  # opening brackets of links and images
    re.compile(r"\]\([^)\n]*\)"),  # link and image targets: ](url "title")
    re.compile(r"\]\[[^\]\n]*\]"),  # reference links: ][ref]
    re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>", re.I),  # autolinks
    re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*?)?/?>"),  # HTML tags
    re.compile(r"\b(?:https?|ftp)://[^\s)>\]]+", re.I),  # bare URLs
    re.compile(r"^ {0,3}#{1,6}(?=[ \t]|$)|[ \t]#+[ \t]*$", re.M),  # ATX headings
    re.compile(r"^(?: {0,3}>[ \t]?)+", re.M),  # block quotes
    re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$", re.M),  # thematic breaks
    re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$", re.M),  # setext underlines
    re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?", re.M),  # list markers, task boxes
    re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?$", re.M),  # table rules
    re.compile(r"\|"),  # table cells
    re.compile(r"\*+|~~|(?<!\w)_+|_+(?!\w)"),  # emphasis
    re.compile(r"\\(?=[!-/:-@\[-`{-~])"),  # backslash escapes
]


def markdown_prose(text: str) -> str:
    """The text with everything but the prose blanked out (same length, same lines)."""
    chars = list(text)
    front = _FRONT.match(text)
    if front:
        _blank(chars, 0, front.end())
    # Fenced and indented code blocks, line by line.
    offset, fence, prev_blank, in_list = 0, None, True, False
    for line in text.splitlines(keepends=True):
        start, body = offset, line.rstrip("\n")
        offset += len(line)
        if front and start < front.end():
            continue
        if fence:
            _blank(chars, start, offset)
            closing = _FENCE.match(body)
            if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence) and not body.strip(" `~"):
                fence = None
            continue
        opening = _FENCE.match(body)
        if opening:
            fence = opening.group(1)
            _blank(chars, start, offset)
            continue
        if not body.strip():
            prev_blank = True
            continue
        indented = body.startswith("    ") or body.startswith("\t")
        if indented and prev_blank and not in_list:
            _blank(chars, start, offset)  # indented code block
            continue
        if _LIST.match(body):
            in_list = True
        elif not indented and prev_blank:
            in_list = False
        prev_blank = False
    for m in _LINE.finditer(text):
        _blank(chars, m.start(), m.end())
    masked = "".join(chars)
    for pattern in _INLINE:
        for m in pattern.finditer(masked):
            _blank(chars, m.start(), m.end())
        masked = "".join(chars)
    return masked


def plain_prose(text: str) -> str:
    """Plain text is all prose but for postcheck's own comments."""
    chars = list(text)
    for pattern in (_BLOCK, _LINE):
        for m in pattern.finditer(text):
            _blank(chars, m.start(), m.end())
    return "".join(chars)


def is_markdown(path: Path) -> bool:
    return path.suffix.lower() in MARKDOWN_SUFFIXES


# --- suppressions --------------------------------------------------------------------

def _rules(value: str | None) -> frozenset[str] | None:
    names = frozenset(v.strip().upper() for v in (value or "").split(",") if v.strip())
    return names or None


def suppressions(text: str) -> list[Suppression]:
    found: list[Suppression] = []
    open_: list[Suppression] = []
    for m in _BLOCK.finditer(text):
        action, rules = m.group(1).lower(), _rules(m.group(2))
        if action == "disable":
            s = Suppression(rules, m.end(), len(text), (m.start(), m.end()))
            found.append(s)
            open_.append(s)
        else:
            for s in list(open_):
                if rules is None or s.rules is None or s.rules & rules:
                    if rules is not None and s.rules is not None and not s.rules <= rules:
                        # partly re-enabled: the rest stays disabled in a new span
                        rest = Suppression(s.rules - rules, m.end(), len(text), s.comment)
                        found.append(rest)
                        open_.append(rest)
                    s.end = m.start()
                    open_.remove(s)
    lines = [0] + [m.end() for m in re.finditer(r"\n", text)] + [len(text) + 1]
    for m in _LINE.finditer(text):
        line = bisect.bisect_right(lines, m.start()) - 1
        line_start, line_end = lines[line], lines[line + 1]
        if not text[line_start:m.start()].strip() and line + 2 < len(lines):  # alone: the next non-blank line
            nxt = line + 1
            while nxt + 2 < len(lines) and not text[lines[nxt]:lines[nxt + 1]].strip():
                nxt += 1
            line_start, line_end = lines[nxt], lines[nxt + 1]
        found.append(Suppression(_rules(m.group(1)), line_start, line_end, (m.start(), m.end())))
    return found


def _merge_partial(found: list[Suppression]) -> dict[tuple[int, int], list[Suppression]]:
    by_comment: dict[tuple[int, int], list[Suppression]] = {}
    for s in found:
        by_comment.setdefault(s.comment, []).append(s)
    return by_comment


def apply_suppressions(text: str, findings: list[Finding], known: set[str]) -> tuple[list[Finding], int]:
    """Drop suppressed findings; add one UNUSED-SUPPRESSION finding per comment that dropped nothing."""
    found = suppressions(text)
    kept, dropped = [], 0
    for f in findings:
        covering = [s for s in found if s.covers(f)]
        for s in covering:
            s.used = True
        if covering:
            dropped += 1
        else:
            kept.append(f)
    for (start, end), group in _merge_partial(found).items():
        if any(s.used for s in group):
            continue
        names = group[0].rules
        unknown = sorted(n for n in (names or ()) if n not in known)
        what = ", ".join(sorted(names)) if names else "all rules"
        message = f"Unused suppression ({what}): nothing it covers was flagged; remove it."
        if unknown:
            message = f"Unused suppression: unknown rule or category {', '.join(unknown)}."
        kept.append(Finding(UNUSED, "suppression", "warning", 1.0, start, end, text[start:end], message,
                            "postcheck", ""))
    kept.sort(key=lambda f: (f.start, f.end, f.rule))
    return kept, dropped


# --- files ---------------------------------------------------------------------------

def read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise HookInputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise HookInputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise HookInputError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise HookInputError(f"{path}: not UTF-8 text (byte {exc.start})") from None


def check_texts(linter, items: list[tuple[str, str, bool]], lang: str | None = None) -> list[FileResult]:
    """items: (name, text, is_markdown). One post per file, batched through the linter."""
    known = {r.id.upper() for r in linter.ruleset.rules} | {r.category.upper() for r in linter.ruleset.rules}
    prose = [markdown_prose(text) if md else plain_prose(text) for _, text, md in items]
    todo = [i for i, p in enumerate(prose) if any(c.isalpha() for c in p)]
    reports = dict(zip(todo, linter.check_many([prose[i] for i in todo], lang))) if todo else {}
    results = []
    for i, (name, text, _) in enumerate(items):
        report = reports.get(i)
        findings = []
        if report is not None:
            for f in report.findings:
                f.text = text[f.start:f.end]
                findings.append(f)
        findings, dropped = apply_suppressions(text, findings, known)
        results.append(FileResult(name, text, report.language if report else None, findings, dropped))
    return results


def check_files(linter, paths: list[Path], lang: str | None = None) -> list[FileResult]:
    items = [(str(p), read(p), is_markdown(p)) for p in paths]
    return check_texts(linter, items, lang)


def fails(results: list[FileResult], level: str) -> bool:
    return any(severity_rank(f.severity) >= severity_rank(level) for r in results for f in r.findings)


def render_text(results: list[FileResult]) -> str:
    """One line per finding, as compilers do: path:line:col: severity: message [RULE] (no post text)."""
    lines = []
    for r in results:
        for f in r.findings:
            line, col = r.position(f.start)
            extra = f" -> {f.suggestion!r}" if f.suggestion else ""
            source = f" ({f.source})" if f.source and f.rule != UNUSED else ""
            lines.append(f"{r.path}:{line}:{col}: {f.severity}: {f.message}{source} [{f.rule}]{extra}")
    return "".join(line + "\n" for line in lines)


def summary(results: list[FileResult], level: str) -> str:
    total = sum(len(r.findings) for r in results)
    failing = sum(1 for r in results for f in r.findings if severity_rank(f.severity) >= severity_rank(level))
    files = sum(1 for r in results if r.findings)
    if not total:
        return f"postcheck: {len(results)} file(s) checked, nothing found"
    return f"postcheck: {total} finding(s) in {files} of {len(results)} file(s), {failing} at or above {level}"
