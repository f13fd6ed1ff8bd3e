"""Replacements that generalise a detail instead of blanking it out.

"82 ans" becomes "octogénaire", "45yo" "in her 40s", "hier" "récemment": the
post keeps what a colleague needs (an elderly patient, a recent event) and
loses what points at one person. Detectors call these to fill a finding's
suggestion; rewrite.py only applies suggestions.
"""

from __future__ import annotations

import regex

FR_DECADES = {
    2: "vingtenaire", 3: "trentenaire", 4: "quadragénaire", 5: "quinquagénaire",
    6: "sexagénaire", 7: "septuagénaire", 8: "octogénaire", 9: "nonagénaire",
}
RECENTLY = {"fr": "récemment", "en": "recently"}
A_PATIENT = {"fr": {"f": "une patiente", "m": "un patient", None: "un patient"},
             "en": {"f": "a patient", "m": "a patient", None: "a patient"}}

_FEMININE = regex.compile(r"\b(?:mme|madame|mlle|mademoiselle|mrs|ms|miss|la|elle|she|her|woman|girl|f|patiente|pte)\b\.?",
                          regex.IGNORECASE)
_MASCULINE = regex.compile(r"\b(?:m|monsieur|mr|le|il|he|his|man|boy|h|patient|pt)\b\.?", regex.IGNORECASE)


def sex_near(text: str, start: int, end: int, window: int = 40) -> str | None:
    """'f' or 'm' from the words around a span (honorific, pronoun, F/H), else None."""
    around = text[max(0, start - window): end + window]
    if _FEMININE.search(around):
        return "f"
    if _MASCULINE.search(around):
        return "m"
    return None


def age_phrase(years: int, lang: str, sex: str | None) -> str:
    if lang == "fr":
        if years < 2:
            return "nourrisson"
        if years < 13:
            return "enfant"
        if years < 20:
            return "adolescente" if sex == "f" else "adolescent"
        return FR_DECADES.get(min(years // 10, 9), "nonagénaire") if years < 100 else "centenaire"
    if years < 2:
        return "infant"
    if years < 13:
        return "child"
    if years < 20:
        return "teenager"
    pronoun = {"f": "her", "m": "his"}.get(sex, "their")
    return f"in {pronoun} {min(years // 10, 9) * 10}s"


# A removed place or contact takes its preposition along: "vue à Montargis" ->
# "vue", "joignable au 06..." -> "joignable".
PREPOSITION_BEFORE = {
    "fr": regex.compile(r"(?:\b(?:à|a|au|aux|en|de|du|des|d'|sur|près\s+de|vers|dans|chez)\s*)$", regex.IGNORECASE),
    "en": regex.compile(r"(?:\b(?:in|at|from|near|of|on|to)\s+)$", regex.IGNORECASE),
}


def removal_start(text: str, start: int, lang: str) -> int:
    m = PREPOSITION_BEFORE[lang].search(text, max(0, start - 20), start)
    return m.start() if m else start


def person(lang: str, sex: str | None) -> str:
    return A_PATIENT[lang][sex]


def recently(lang: str) -> str:
    return RECENTLY[lang]
