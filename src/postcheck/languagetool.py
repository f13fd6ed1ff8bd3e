"""LanguageTool's HTTP API (`/v2/check`, `/v2/languages`) on top of the linter.

Editor and browser plug-ins already speak LanguageTool; pointed at postcheck
they show its findings as they show grammar errors. This module only maps:
request parameters -> (text, language, filters), and a Report -> LanguageTool's
JSON. It knows nothing of HTTP.

Offsets follow LanguageTool (a Java server): UTF-16 code units, into the text
as sent (for `data`, the concatenation of its text and markup parts).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from postcheck import __version__ as _version
from postcheck.model import Finding, Report

SOFTWARE = {
    "name": "postcheck",
    "version": _version,
    "buildDate": "",
    "apiVersion": 1,
    "premium": False,
    "premiumHint": "",
    "status": "",
}

# code, name, longCode; the short codes come first.
LANGUAGES = [
    ("fr", "French", "fr"),
    ("fr", "French (France)", "fr-FR"),
    ("fr", "French (Belgium)", "fr-BE"),
    ("fr", "French (Canada)", "fr-CA"),
    ("fr", "French (Switzerland)", "fr-CH"),
    ("en", "English", "en"),
    ("en", "English (US)", "en-US"),
    ("en", "English (GB)", "en-GB"),
    ("en", "English (Australian)", "en-AU"),
    ("en", "English (Canadian)", "en-CA"),
    ("en", "English (New Zealand)", "en-NZ"),
    ("en", "English (South African)", "en-ZA"),
]
NAMES = {"fr": "French", "en": "English"}

CATEGORY_NAMES = {
    "patient-privacy": {"en": "Patient privacy", "fr": "Secret médical"},
    "advertising": {"en": "Advertising", "fr": "Publicité"},
    "colleague-denigration": {"en": "Colleague denigration", "fr": "Dénigrement de confrères"},
    "patient-dignity": {"en": "Patient dignity", "fr": "Dignité des patients"},
    "unproven-claims": {"en": "Unproven claims", "fr": "Allégations non prouvées"},
    "conflict-of-interest": {"en": "Conflict of interest", "fr": "Conflit d'intérêts"},
}
# Localization Quality Issue Types (ITS 2.0), which LanguageTool uses.
ISSUE_TYPES = {"patient-privacy": "legal", "advertising": "non-conformance",
               "colleague-denigration": "register", "patient-dignity": "register"}
CONTEXT_CHARS = 40


class RequestError(Exception):
    """A request LanguageTool would refuse with 400; str() is the message."""


def category_id(category: str) -> str:
    """LanguageTool's category ids are upper case: patient-privacy -> PATIENT_PRIVACY."""
    return category.upper().replace("-", "_")


def _ids(value: str | None) -> set[str]:
    return {category_id(v.strip()) for v in (value or "").split(",") if v.strip()}


@dataclass
class CheckRequest:
    text: str
    lang: str | None  # "fr", "en" or None for auto
    # (plain offset -> offset in the text as sent) for `data`; None when identical.
    offsets: list[int] | None = None
    enabled_rules: set[str] = field(default_factory=set)
    disabled_rules: set[str] = field(default_factory=set)
    enabled_categories: set[str] = field(default_factory=set)
    disabled_categories: set[str] = field(default_factory=set)
    enabled_only: bool = False
    original: str = ""

    def keeps(self, finding: Finding) -> bool:
        rule, cat = category_id(finding.rule), category_id(finding.category)
        if rule in self.disabled_rules or cat in self.disabled_categories:
            return False
        if self.enabled_only:
            return rule in self.enabled_rules or cat in self.enabled_categories
        return True


def parse_language(value: str | None) -> str | None:
    """'auto' -> None; 'fr', 'fr-FR', 'en_GB'... -> 'fr' / 'en'."""
    if value is None or not value.strip():
        raise RequestError("Missing 'language' parameter (use a language code such as fr-FR or en-US, or auto)")
    value = value.strip()
    if value.lower() == "auto":
        return None
    base = re.split(r"[-_]", value)[0].lower()
    if base not in NAMES:
        raise RequestError(f"'{value}' is not a language code known to postcheck (supported: fr, en and their variants, auto)")
    return base


def parse_data(raw: str) -> tuple[str, list[int], str]:
    """LanguageTool's `data` parameter: {"annotation": [{"text": ...} | {"markup": ..., "interpretAs": ...}]}.

    Returns the plain text to check, the map from each plain offset (and the end)
    to an offset in the original (text and markup concatenated), and that original.
    """
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise RequestError(f"Invalid JSON in 'data' parameter: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    items = data.get("annotation") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise RequestError("'data' must be a JSON object with an 'annotation' list")
    plain: list[str] = []
    offsets: list[int] = []
    original: list[str] = []
    pos = 0
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not ({"text", "markup"} & set(item)):
            raise RequestError(f"'data' annotation {i}: expected an object with 'text' or 'markup'")
        if "text" in item:
            value = item["text"]
            if not isinstance(value, str):
                raise RequestError(f"'data' annotation {i}: 'text' must be a string")
            plain.append(value)
            offsets.extend(range(pos, pos + len(value)))
        else:
            markup, interpret = item.get("markup"), item.get("interpretAs", "")
            if not isinstance(markup, str) or not isinstance(interpret, str):
                raise RequestError(f"'data' annotation {i}: 'markup' and 'interpretAs' must be strings")
            value = markup
            plain.append(interpret)
            offsets.extend([pos] * len(interpret))
        original.append(value)
        pos += len(value)
    offsets.append(pos)
    return "".join(plain), offsets, "".join(original)


def parse_request(params) -> CheckRequest:
    """From the form (or query) fields of a /v2/check request."""
    text, data = params.get("text"), params.get("data")
    if text is None and data is None:
        raise RequestError("Missing 'text' or 'data' parameter")
    lang = parse_language(params.get("language"))
    if text is not None:
        req = CheckRequest(text=text, lang=lang, original=text)
    else:
        plain, offsets, original = parse_data(data)
        req = CheckRequest(text=plain, lang=lang, offsets=offsets, original=original)
    req.enabled_rules = _ids(params.get("enabledRules"))
    req.disabled_rules = _ids(params.get("disabledRules"))
    req.enabled_categories = _ids(params.get("enabledCategories"))
    req.disabled_categories = _ids(params.get("disabledCategories"))
    req.enabled_only = (params.get("enabledOnly") or "false").strip().lower() == "true"
    if req.enabled_only and not (req.enabled_rules or req.enabled_categories):
        raise RequestError("You cannot use 'enabledOnly' without specifying 'enabledRules' or 'enabledCategories'")
    return req


def utf16(text: str, index: int) -> int:
    """Code-point offset -> UTF-16 code-unit offset (what LanguageTool clients expect)."""
    return index + sum(1 for c in text[:index] if ord(c) > 0xFFFF)


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n\s*")


def _sentence(text: str, start: int, end: int) -> str:
    begin = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= start:
            begin = m.end()
        elif m.start() >= end:
            return text[begin:m.start()].strip()
    return text[begin:].strip()


def _context(text: str, start: int, end: int) -> dict:
    """LanguageTool's context: up to 40 characters each side, '...' where cut, newlines as spaces."""
    left = max(0, start - CONTEXT_CHARS)
    right = min(len(text), end + CONTEXT_CHARS)
    prefix = "..." if left > 0 else ""
    window = prefix + text[left:right] + ("..." if right < len(text) else "")
    window = re.sub(r"[\r\n\t]", " ", window)
    offset = len(prefix) + start - left
    return {"text": window, "offset": utf16(window, offset), "length": utf16(window, offset + end - start) - utf16(window, offset)}


def _match(req: CheckRequest, finding: Finding, rule_info: dict, ui_lang: str) -> dict:
    # Offsets into the text as sent.
    if req.offsets is not None:
        start = req.offsets[finding.start]
        end = req.offsets[finding.end - 1] + 1 if finding.end > finding.start else start
        if end <= start:  # a match inside an interpretAs: point at the markup
            end = start + 1
        original = req.original
    else:
        start, end, original = finding.start, finding.end, req.text
    info = rule_info.get(finding.rule, {})
    names = CATEGORY_NAMES.get(finding.category, {})
    message = finding.message
    if finding.source:
        message = f"{message} ({finding.source})"
    replacements = [] if finding.suggestion is None else [{"value": finding.suggestion}]
    return {
        "message": message,
        "shortMessage": names.get(ui_lang) or finding.category,
        "replacements": replacements,
        "offset": utf16(original, start),
        "length": utf16(original, end) - utf16(original, start),
        "context": _context(original, start, end),
        "sentence": _sentence(req.text, finding.start, finding.end),
        "type": {"typeName": "Hint" if finding.severity == "info" else "Other"},
        "rule": {
            "id": finding.rule,
            "description": info.get("description") or finding.message,
            "issueType": ISSUE_TYPES.get(finding.category, "non-conformance"),
            "category": {"id": category_id(finding.category), "name": names.get(ui_lang) or finding.category},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
        "postcheck": {"severity": finding.severity, "score": round(finding.score, 3),
                      "category": finding.category, "source": finding.source},
    }


def response(req: CheckRequest, report: Report, detected_confidence: float | None = None,
             rule_info: dict | None = None) -> dict:
    """LanguageTool's /v2/check answer for a report."""
    lang = report.language
    language = {"name": NAMES.get(lang, lang), "code": lang,
                "detectedLanguage": {"name": NAMES.get(lang, lang), "code": lang,
                                     "confidence": 1.0 if detected_confidence is None else detected_confidence,
                                     "source": "postcheck"}}
    matches = [_match(req, f, rule_info or {}, lang) for f in report.findings if req.keeps(f)]
    return {
        "software": SOFTWARE,
        "warnings": {"incompleteResults": False},
        "language": language,
        "matches": matches,
        "sentenceRanges": [],
        "extendedSentenceRanges": [],
        "postcheck": {"verdict": report.verdict, "score": report.score, "rewrite": report.rewrite},
    }


def languages() -> list[dict]:
    return [{"name": name, "code": code, "longCode": long} for code, name, long in LANGUAGES]
