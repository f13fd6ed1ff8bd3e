"""The whole post, rewritten so that it passes: each finding's suggestion applied.

Edits go through presidio-anonymizer (`replace` for a suggestion, `redact` for
a removal), which also settles overlapping edits; then the seams are tidied:
doubled spaces and commas; a suggestion that starts a sentence is capitalised
and French elision is kept ("de une patiente" -> "d'une patiente").
"""

from __future__ import annotations

from functools import cache

import regex

from postcheck import generalize
from postcheck.model import Finding

TIDY = [
    (regex.compile(r"[,;:](\s*[.!?])"), r"\1"),
    (regex.compile(r"([!?])\s*,"), r"\1"),
    # A removal between a full stop and a comma: "in Phoenix. [phone], if anyone" -> "in Phoenix. If anyone".
    (regex.compile(r"([.!?])[ \t]+,[ \t]*(\w)"), lambda m: f"{m.group(1)} {m.group(2).upper()}"),
    (regex.compile(r"[ \t]{2,}"), " "),
    # A preposition whose object was removed before an apposition: "Congrats to [name], our
    # first patient" -> "Congrats to our first patient" (a space before the comma marks a removal).
    (regex.compile(r"(?<=\b(?:to|for|with|by|from|à|pour|avec|par))[ \t]+,"), ""),
    # Not before ; : ! ? — French typography spaces them.
    (regex.compile(r"[ \t]+([,.)])(?!\.)"), r"\1"),
    (regex.compile(r"([,;:])(?:\s*[,;:])+"), r"\1"),
    # Brackets emptied by removals: "()", "(,)", "( ; )".
    (regex.compile(r"\s*\([\s,;:/]*\)"), ""),
    # A bracket whose last words were removed: "(a patient, the one)" -> "(a patient)".
    (regex.compile(r"[,;:]\s*\)"), ")"),
    (regex.compile(r"^[ \t]*[,;:][ \t]*", regex.MULTILINE), ""),
    # A lone "." or "!" left at a line start by a dropped sentence (not an ellipsis).
    (regex.compile(r"^[ \t]*[.!](?![.!])[ \t]*", regex.MULTILINE), ""),
    (regex.compile(r"[ \t]+$", regex.MULTILINE), ""),
    # A sentence emptied by a removal leaves ". ." (an ellipsis stays).
    (regex.compile(r"(?<!\.)\.[ \t]*\.(?!\.)"), "."),
]
# English sets no space before ; : ! ? (a removal before one leaves it).
TIDY_FOR = {"fr": TIDY, "en": TIDY + [(regex.compile(r"[ \t]+([;:!?])(?=\s|$)"), r"\1")]}
# French elides "de", "que", "le", "la", "je" before a vowel: "de une" -> "d'une".
FR_ELIDABLE = regex.compile(r"\b(de|que|le|la|je) $", regex.IGNORECASE)


def _elide(text: str, start: int, suggestion: str) -> tuple[int, str]:
    m = FR_ELIDABLE.search(text, 0, start)
    if m and suggestion[:1].lower() in "aeiouéèêâîôû":
        return m.start(), f"{m.group(1)[:-1]}'{suggestion}"
    return start, suggestion


def _subsumed(f: Finding, findings: list[Finding]) -> bool:
    """Whether another edit already covers this finding's words: its own wider
    removal would only be trimmed to the edge and eat the words beside them
    ("à Mme" removed next to "Mme Odette Le Floch" -> "une patiente")."""
    return any(g is not f and g.suggestion is not None and (g.end - g.start) > (f.end - f.start)
               and g.start <= f.start and f.end <= g.end for g in findings)


def _title_of_name(text: str, f: Finding, findings: list[Finding]) -> bool:
    """Whether this finding's words are a title just before a name that becomes
    a person ("Councillor" in "cared for Councillor Margaret Yates"), not a
    place before a role ("de Lons le capitaine")."""
    return any(g.suggestion and g.suggestion.lower() in generalize.PERSONS and g.start >= f.end
               and not text[f.end:g.start].strip() and text[g.start:g.start + 1].isupper() for g in findings)


def _edits(text: str, findings: list[Finding], lang: str) -> list[tuple[int, int, str]]:
    edits = []
    for f in findings:
        if f.suggestion is None or _subsumed(f, findings):
            continue
        start, end = f.fix_span or (f.start, f.end)
        suggestion = f.suggestion
        if not suggestion and _title_of_name(text, f, findings):
            # the replacement takes the removed words' place: "cared for Councillor X" -> "cared for a patient"
            start = f.start
        if suggestion and lang == "fr":
            start, suggestion = _elide(text, start, suggestion)
        if suggestion and generalize.SENTENCE_START.search(text, 0, start):
            suggestion = suggestion[0].upper() + suggestion[1:]
        elif not suggestion and generalize.SENTENCE_START.search(text, 0, start):
            end, suggestion = _next_word_opens(text, end, findings)
        edits.append((start, end, suggestion))
    return edits


# The first letter after a removal, past the punctuation the removal orphans.
NEXT_LETTER = regex.compile(r"[ \t,;:]*([^\W\d_])")


def _next_word_opens(text: str, end: int, findings: list[Finding]) -> tuple[int, str]:
    """A removal of a sentence's opening words leaves the next word to open it:
    "Her MRN is [number] and the lab..." -> "The lab..." (unless that word has its own edit)."""
    m = NEXT_LETTER.match(text, end)
    spans = [f.fix_span or (f.start, f.end) for f in findings if f.suggestion is not None]
    if not m or not m.group(1).islower() or any(s < m.end() and end < e for s, e in spans):
        return end, ""
    return m.end(), m.group(1).upper()


@cache
def _engine():
    from presidio_anonymizer import AnonymizerEngine

    return AnonymizerEngine()


def apply(text: str, edits: list[tuple[int, int, str]], lang: str) -> str:
    from presidio_anonymizer.entities import ConflictResolutionStrategy, OperatorConfig, RecognizerResult

    if not edits:
        return text
    results, operators = [], {}
    for i, (start, end, new) in enumerate(edits):
        key = f"EDIT_{i}"
        # Wider edits win conflicts: a dropped sentence beats a word inside it.
        results.append(RecognizerResult(key, start, end, score=(end - start) / max(len(text), 1)))
        operators[key] = OperatorConfig("replace", {"new_value": new}) if new else OperatorConfig("redact")
    out = _engine().anonymize(
        text, results, operators,
        conflict_resolution=ConflictResolutionStrategy.REMOVE_INTERSECTIONS,
        merge_entities_with_spaces=False,
    ).text
    return tidy(out, lang)


def tidy(text: str, lang: str) -> str:
    for pattern, repl in TIDY_FOR[lang]:
        text = pattern.sub(repl, text)
    return text.strip()


def rewrite(text: str, findings: list[Finding], lang: str) -> str:
    out = apply(text, _edits(text, findings, lang), lang)
    # A post that began with a capital still does after its opening words were removed.
    if out[:1].islower() and text.lstrip()[:1].isupper():
        out = out[0].upper() + out[1:]
    return out
