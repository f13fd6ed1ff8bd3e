"""Replacements that generalise a detail instead of blanking it out.

"82 ans" becomes "octogénaire", "a 45yo woman" "a woman in her 40s", "hier"
"récemment", a village goes with its preposition: the post keeps what a
colleague needs (an elderly patient, a recent event) and loses what points at
one person. Detectors call these to
fill a finding's suggestion; rewrite.py only applies suggestions.
"""

from __future__ import annotations

from datetime import date as date_cls

import regex

FR_DECADES = {
    2: "vingtenaire", 3: "trentenaire", 4: "quadragénaire", 5: "quinquagénaire",
    6: "sexagénaire", 7: "septuagénaire", 8: "octogénaire", 9: "nonagénaire",
}
EN_DECADES = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}
RECENTLY = {"fr": "récemment", "en": "recently"}
# Where a sentence begins: nothing but its opening space since a full stop or a line break.
SENTENCE_START = regex.compile(r"(?:^|[.!?]\s+|\n\s*)$")
# What our own rewrites put in a post: checked again, these are no details
# (the NER takes a capitalised "Septuagénaire" opening a sentence for a place).
OUR_WORDS = frozenset(FR_DECADES.values()) | {w + "s" for w in FR_DECADES.values()} | set(RECENTLY.values())
A_PATIENT = {"fr": {"f": "une patiente", "m": "un patient", None: "un patient"},
             "en": {"f": "a patient", "m": "a patient", None: "a patient"}}
PERSONS = frozenset(p for by_sex in A_PATIENT.values() for p in by_sex.values())

_SEX_MARKERS = [
    ("f", regex.compile(r"\b(?:mme|madame|mlle|mademoiselle|mrs|ms|miss|elle|she|her|woman|women|girl|lady|female|fille|"
                       r"femme|dame|patiente|pte|mère|mum|mom|mother|wife|daughter|maman|épouse|sage-femme|grossesse|"
                       r"enceinte|pregnant|partie|décédée|venue|arrivée|admise|hospitalisée)\b\.?|\b\d+\s?F\b|(?-i:\bF\b)",
                       regex.IGNORECASE)),
    ("m", regex.compile(r"\b(?:m|monsieur|mr|il|he|his|him|man|men|boy|male|homme|garçon|fils|père|dad|father|husband|"
                       r"son|mari|parti|décédé|venu|arrivé|admis|hospitalisé)\b\.?|\b\d+\s?M\b|(?-i:\bH\b)",
                       regex.IGNORECASE)),
]


def sex_near(text: str, start: int, end: int, window: int = 40) -> str | None:
    """'f' or 'm' from the marker nearest a span (an honorific inside it first,
    then a pronoun, a noun or an agreement around it), else None."""
    lo, hi = max(0, start - window), min(len(text), end + window)
    best = None
    for sex, pattern in _SEX_MARKERS:
        for m in pattern.finditer(text, lo, hi):
            distance = 0 if start <= m.start() < end else min(abs(m.start() - end), abs(start - m.end()))
            if best is None or distance < best[0]:
                best = (distance, sex)
    return best[1] if best else None


# Ages written in words, as doctors sometimes do to soften them: "quatre-vingt-onze ans".
FR_UNITS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
            "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
            "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100}
EN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
            "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
            "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}


def number_in(text: str) -> int | None:
    """The first number in a span, in digits or in words ("quatre-vingt-onze" -> 91)."""
    digits = regex.search(r"\d+", text)
    if digits:
        return int(digits.group())
    total, last = 0, 0
    for word in regex.findall(r"[a-zé]+", text.lower()):
        value = FR_UNITS.get(word, EN_UNITS.get(word))
        if value is None:
            if word in ("et", "and"):
                continue
            if total or last:
                break
            continue
        if value == 20 and last == 4:  # quatre-vingt
            total, last = total + 80 - 4, 0
            continue
        total, last = total + value, value
    return total or None


def age_phrase(years: int, lang: str, sex: str | None, attributive: bool = False) -> str:
    """An age band that still tells a colleague what matters clinically."""
    if lang == "fr":
        if years < 2:
            return "nourrisson"
        if years < 12:
            return "d'âge scolaire" if years >= 6 else "en bas âge"
        if years < 20:
            return "adolescente" if sex == "f" else "adolescent"
        return FR_DECADES.get(min(years // 10, 9)) if years < 100 else "centenaire"
    if years < 5:
        return "young"
    if years < 13:
        return "school-age"
    if years < 20:
        return "teenage" if attributive else "in their teens"
    if years >= 100:  # past a hundred, the decade would be wrong ("in their 90s")
        return "hundred-plus" if attributive else "over 100"
    decade = min(years // 10, 9)
    if attributive:
        return f"{EN_DECADES[decade]}-something"
    pronoun = {"f": "her", "m": "his"}.get(sex, "their")
    return f"in {pronoun} {decade * 10}s"


# "a 45-year-old woman", "29yo F": the age qualifies a noun (or a sex letter),
# not a clause ("the 18-year-old who won").
EN_ATTRIBUTIVE = regex.compile(r"^\s*(?:-|\s)?(?!(?:who|that|which|with|was|is|has|had|from|in|at|on|and|but|came|comes)\b)[A-Za-z]")
# "The 18-year-old who won": the age is the noun.
EN_ARTICLE_BEFORE = regex.compile(r"\b(?:the|a|an|this|that|our|my)\s+$", regex.IGNORECASE)
EN_AGE_NOUN = {5: "young child", 13: "school-age child", 20: "teenager"}
EN_SHORTHAND = regex.compile(r"^(\d{1,3})\s?/?\s?([MF])$")
POSSESSIVE_BEFORE = regex.compile(r"\b(?:ses|mes|leurs|tes|nos|vos)\s+$", regex.IGNORECASE)
TURNS_BEFORE = regex.compile(r"\b(?:turns|turned|turning|celebrated\s+(?:her|his|their))\s+$", regex.IGNORECASE)
# "F/34", "M 67": the sex first.
SEX_FIRST = regex.compile(r"^([MFHmfh])\s?/?\s?(\d{1,3})$")
ARTICLE_A = regex.compile(r"\b([Aa])\s+$")


# A noun that already gives the age band makes the exact age redundant:
# "une ado de 16 ans" -> "une ado", "a toddler aged 2" -> "a toddler".
AGE_NOUN_BEFORE = regex.compile(
    r"\b(?:ado|ados|adolescente?|bébé|nourrisson|enfant|petite?|teen|teenager|toddler|baby|infant|child|kid)\s*,?\s*$",
    regex.IGNORECASE)


# A newborn's age in days or weeks.
NEWBORN = regex.compile(r"\b(day|week|jour|semaine)s?\b", regex.IGNORECASE)
NEWBORN_BAND = {"day": "a few days old", "week": "a few weeks old", "jour": "quelques jours", "semaine": "quelques semaines"}


def age(text: str, start: int, end: int, lang: str, noun_end: int | None = None) -> tuple[int, int, str | None]:
    """(replacement start, replacement end, replacement) for an exact age at
    [start, end). `noun_end` ends the noun an English age qualifies: "a 45yo
    woman" becomes "a woman in her 40s"."""
    span = text[start:end]
    years = number_in(span)
    if years is None:
        return start, end, None
    newborn = NEWBORN.search(span)
    if newborn:  # "3 days old" -> "a few days old": a band would say "young"
        return start, end, NEWBORN_BAND[newborn.group(1).lower()]
    noun = AGE_NOUN_BEFORE.search(text, max(0, start - 20), start)
    if noun and years < 20:
        return len(text[:start].rstrip(" ,")), end, ""
    sex = sex_near(text, start, noun_end or end)
    if lang == "fr" and POSSESSIVE_BEFORE.search(text, max(0, start - 8), start):
        # "fête ses 104 ans" -> "fête ses 100 ans passés"
        return start, end, f"{min(years // 10, 10) * 10} ans passés" if years >= 20 else age_phrase(years, lang, sex)
    if lang == "en" and TURNS_BEFORE.search(text, max(0, start - 30), start):
        # "turns 104" -> "turns a hundred-plus", "turned 67" -> "turned sixty-something"
        return start, end, ("a hundred-plus" if years >= 100 else age_phrase(years, lang, sex, attributive=True))
    first = SEX_FIRST.match(span)
    if first:  # "F/34" -> "F 30s", "H67" -> "H sexagénaire": the sex stays, the age is banded
        letter = first.group(1).upper()
        sex = "f" if letter == "F" else "m"
        if lang == "fr":
            return start, end, f"{letter} {age_phrase(years, lang, sex)}"
        return start, end, f"{letter} {min(years // 10, 9) * 10}s" if years >= 20 else f"{letter}, {age_phrase(years, lang, sex)}"
    if lang == "fr":
        return start, end, age_phrase(years, lang, sex)
    if noun_end and years >= 20:
        return start, noun_end, f"{text[end:noun_end].strip(' -')} {age_phrase(years, lang, sex)}"
    shorthand = EN_SHORTHAND.match(span)
    if shorthand:  # "45M" -> "40s M", as clinicians write it
        return start, end, f"{min(years // 10, 9) * 10}s {shorthand.group(2)}" if years >= 20 else age_phrase(years, lang, sex)
    attributive = bool(regex.search(r"(?:yo|y/o|y\.o\.|old)$", span)) and bool(EN_ATTRIBUTIVE.match(text[end:end + 12]))
    phrase = age_phrase(years, lang, sex, attributive)
    # "the 18-year-old who", "pregnant 15yo at my practice": the age stands for the person
    if not attributive and (EN_ARTICLE_BEFORE.search(text, max(0, start - 6), start)
                            or regex.search(r"(?:yo|y/o|y\.o\.|-old)$", span)):
        phrase = next((noun for below, noun in EN_AGE_NOUN.items() if years < below),
                      "centenarian" if years >= 100 else age_phrase(years, lang, sex, attributive=True))
    article = ARTICLE_A.search(text, max(0, start - 3), start)
    if article and phrase[0] in "aeiou":  # "a 81-year-old" -> "an eighty-something"
        return article.start(), end, f"{article.group(1)}n {phrase}"
    return start, end, phrase


# A date after "de"/"d'" goes with it: "la garde d'hier soir" -> "la garde";
# after "depuis" it becomes "depuis peu".
OF_BEFORE = regex.compile(r"\s*\b(?:de|d['’]|of)\s*$", regex.IGNORECASE)
SINCE_BEFORE = regex.compile(r"\b(?:depuis|since)\s+$", regex.IGNORECASE)
# A date something is planned for or due by: "goes home for Christmas" -> "goes home soon",
# "everybody will know by tonight" -> "everybody will know soon".
FOR_BEFORE = regex.compile(r"\b(?:for|by|until|till|pour|d['’]ici)\s+$", regex.IGNORECASE)
SOON = {"fr": "bientôt", "en": "soon"}


def date(text: str, start: int, lang: str) -> tuple[int, str]:
    """A date or a day becomes "recently" ("depuis hier" -> "depuis peu", "for
    Christmas" or "by tonight" -> "soon"), or goes when it qualifies a noun ("la
    garde d'hier soir" -> "la garde")."""
    of = OF_BEFORE.search(text, max(0, start - 6), start)
    if of:
        return of.start(), ""
    since = SINCE_BEFORE.search(text, max(0, start - 8), start)
    if since:
        return (start, "peu") if lang == "fr" else (since.start(), RECENTLY[lang])
    planned = FOR_BEFORE.search(text, max(0, start - 8), start)
    if planned:
        return planned.start(), SOON[lang]
    return start, RECENTLY[lang]


def birth_year(span: str, lang: str) -> str:
    """A date of birth keeps its year; past 89 only the band, as HIPAA asks."""
    year = regex.search(r"\b(1[89]\d\d|20\d\d)\b", span)
    if not year:
        return ""
    if date_cls.today().year - int(year.group(1)) > 89:
        return "nonagénaire" if lang == "fr" else "aged over 90"
    if lang == "en":
        return f"born in {year.group(1)}"
    if span.lower().startswith("naissance"):  # "date de naissance : 12/03/1951"
        return f"naissance : {year.group(1)}"
    born = regex.match(r"(?i)née?\b", span)
    return f"{born.group()} en {year.group(1)}" if born else f"en {year.group(1)}"


# A removed place or contact takes its preposition along: "vue à Montargis" ->
# "vue", "joignable au 06..." -> "joignable".
PREPOSITION_BEFORE = {
    "fr": regex.compile(r"(?:\s*\b(?:à|a|au|aux|en|de|du|des|d'|d’|sur|près\s+de|vers|dans|chez|depuis|devant|derrière"
                        r"|en\s+face\s+de|à\s+côté\s+de)"
                        r"(?:\s+(?:la|le|les)\s+|\s*l['’])?\s*)$", regex.IGNORECASE),
    "en": regex.compile(r"(?:\s*\b(?:in|at|from|near|of|on|to|via|for|with|outside|behind|opposite)\s+)$", regex.IGNORECASE),
}


# A former role goes whole: "M. X, ancien maire de Vic" -> "M. X", not "M. X, ancien".
FORMER_BEFORE = {
    "fr": regex.compile(r"\b(?:ancien(?:ne)?|ex-|feue?)\s*$", regex.IGNORECASE),
    "en": regex.compile(r"\b(?:former|ex-)\s*$", regex.IGNORECASE),
}


def removal_start(text: str, start: int, lang: str) -> int:
    former = FORMER_BEFORE[lang].search(text, max(0, start - 12), start)
    if former:
        start = former.start()
    m = PREPOSITION_BEFORE[lang].search(text, max(0, start - 20), start)
    return m.start() if m else start


# Where someone lives cannot just go: "She lives in Brough" -> "She lives locally".
LIVES_BEFORE = {
    "fr": regex.compile(r"\b(?:habite|habitent|vit|vivent|domiciliée?s?|installée?s?)\s+$", regex.IGNORECASE),
    "en": regex.compile(r"\b(?:lives?|living|lived|resides?|residing|based)\s+$", regex.IGNORECASE),
}
LOCALLY = {"fr": " dans la région", "en": " locally"}


def removal(text: str, start: int, lang: str) -> tuple[int, str]:
    """(replacement start, replacement) for a place or contact detail that goes."""
    fix_start = removal_start(text, start, lang)
    if fix_start < start and LIVES_BEFORE[lang].search(text, max(0, fix_start - 20), fix_start + 1):
        return fix_start, LOCALLY[lang]
    return fix_start, ""


def person(lang: str, sex: str | None) -> str:
    return A_PATIENT[lang][sex]


def patient_noun(lang: str, sex: str | None) -> str:
    """"patient", "patiente": the noun without its article."""
    return A_PATIENT[lang][sex].split(" ", 1)[1]


# "My patient, the mayor of Ledbury, came in": the apposition just goes.
PATIENT_THEN_COMMA = regex.compile(r"\b(?:patient|patiente|pt|pte)(\s*,\s*)$", regex.IGNORECASE)
# "Guess which Harlan County commissioner" -> "Guess which patient".
COMMA_AFTER = regex.compile(r"\s*,")
ASKING = regex.compile(r"(which|quel|quelle)\b", regex.IGNORECASE)
ASKED = {"which": "which patient", "quel": "quel patient", "quelle": "quelle patiente"}


def person_span(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """A role that names the patient, replaced where the sentence allows it
    without "a patient": (start, end, replacement), or None."""
    before = PATIENT_THEN_COMMA.search(text, max(0, start - 20), start)
    after = COMMA_AFTER.match(text, end)
    if before and after:
        return before.start(1), after.end(), ""
    asking = ASKING.match(text, start)
    if asking:
        return start, end, asking.group() + ASKED[asking.group().lower()][len(asking.group()):]
    return None


def recently(lang: str) -> str:
    return RECENTLY[lang]
