"""Presidio recognizers for what its stock set misses or gets wrong here.

Presidio ships English-oriented recognizers: no French NIR, weak French phone
numbers, nothing for hospital record numbers, room/bed numbers or French
dates, and an e-mail recognizer that asks `tldextract` to fetch the public
suffix list. The recognizers below fill those gaps; `registry_for(lang)`
assembles the set one language uses, and `resolve()` settles overlaps between
entity types (Presidio only settles them within one type).
"""

from __future__ import annotations

from functools import cache

import regex
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.predefined_recognizers import (
    EmailRecognizer,
    IbanRecognizer,
    IpRecognizer,
    NhsRecognizer,
    PhoneRecognizer,
    SpacyRecognizer,
    UrlRecognizer,
    UsSsnRecognizer,
)

from postcheck import patterns

# When entities of different types overlap, the higher rank wins: a checked
# identifier beats a phone number, which beats whatever spaCy's NER guessed.
# PROVIDER_ID (RPPS, ADELI, FINESS, GMC, NPI) is a doctor's or a facility's, no
# patient's: it ranks first so that its digits are not read as a phone or a record.
RANK = {"PROVIDER_ID": 3,
        **{e: 2 for e in ("FR_NIR", "US_SSN", "UK_NHS", "MEDICAL_RECORD", "IBAN_CODE", "EMAIL_ADDRESS", "DATE_OF_BIRTH")},
        **{e: 1 for e in ("PHONE_NUMBER", "STREET_ADDRESS", "POSTCODE", "ROOM", "URL", "VEHICLE_PLATE", "SOCIAL_PROFILE",
                          "CALENDAR_DATE")}}


def _rank(result) -> tuple[int, bool]:
    # At equal rank, a pattern says more than the NER's statistical guess.
    guessed = (result.recognition_metadata or {}).get("recognizer_name") == "SpacyRecognizer"
    return RANK.get(result.entity_type, 0), not guessed


def resolve(results: list, min_score: float = 0.5) -> list:
    """Drop each result overlapped by a likely (>= min_score) result of a
    higher-ranked type ("Kevin, 9 ans": a name by its form, a place for the NER)."""
    def beaten(r):
        return any(o.entity_type != r.entity_type and _rank(o) > _rank(r) and o.score >= min_score
                   and o.start < r.end and r.start < o.end for o in results)

    return [r for r in results if not beaten(r)]


@cache
def _offline_extractor():
    import tldextract

    # An empty URL list makes tldextract use the suffix list bundled in the wheel.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's e-mail recognizer, validated against the bundled suffix list."""

    def validate_result(self, pattern_text: str) -> bool:
        return _offline_extractor()(pattern_text.rsplit("@", 1)[-1]).suffix != ""


def nir_is_valid(text: str) -> bool:
    """French NIR key check: key = 97 - (first 13 characters mod 97); Corsica's
    2A and 2B count as 19 and 18."""
    compact = regex.sub(r"[\s.-]", "", text).upper()
    if len(compact) != 15 or not compact[13:].isdigit():
        return False
    body = compact[:5] + {"2A": "19", "2B": "18"}.get(compact[5:7], compact[5:7]) + compact[7:13]
    return body.isdigit() and 97 - int(body) % 97 == int(compact[13:])


class FrNirRecognizer(PatternRecognizer):
    """NIR (numéro de sécurité sociale): sex, year, month, place (2A/2B for Corsica,
    three digits overseas), order number, key; grouped or not. A valid key makes it
    certain; a wrong one (a typo, a number made up for a screenshot) keeps a low score
    that only a word such as "sécu" or "CPAM" nearby lifts over the rule's minimum."""

    NIR = (r"(?<![\w.])[1-478][ .-]?\d{2}[ .-]?\d{2}[ .-]?(?:\d{2}|2[AaBb])[ .-]?\d[ .-]?\d{2}"
           r"[ .-]?\d{3}[ .-]?\d{2}(?![\w])")

    def __init__(self, lang: str = "fr"):
        super().__init__(supported_entity="FR_NIR", name="FrNir", patterns=[Pattern("NIR", self.NIR, 0.3)],
                         context=["sécu", "nir", "insee", "vitale", "sécurité", "cpam", "ameli", "assuré", "assurée"],
                         supported_language=lang)

    def validate_result(self, pattern_text: str) -> bool | None:
        return True if nir_is_valid(pattern_text) else None


class NhsNumberRecognizer(NhsRecognizer):
    """Presidio's NHS-number recognizer (3-3-4 digits, mod-11 key). One ten-digit
    number in eleven passes the key, phone numbers included, so a valid key keeps
    the low pattern score and only the word "NHS" nearby makes it likely."""

    PATTERNS = [Pattern("NHS", r"\b\d{3}[- ]?\d{3}[- ]?\d{4}\b", 0.4)]

    def __init__(self, lang: str = "en"):
        super().__init__(patterns=self.PATTERNS, supported_language=lang)

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = regex.sub(r"\D", "", pattern_text)
        return None if super().validate_result(pattern_text) and len(set(digits)) > 1 else False


class OnePatternRecognizer(PatternRecognizer):
    """One pattern, not run on a post that lacks the words it requires."""

    def __init__(self, pattern: Pattern, **kwargs):
        super().__init__(patterns=[pattern], **kwargs)
        self.needs = patterns.required_literals(pattern.regex)

    def analyze(self, text, entities, *args, **kwargs):
        if self.needs and not patterns.may_match(self.needs, text.lower()):
            return []
        return super().analyze(text, entities, *args, **kwargs)


def _simple(entity: str, name: str, pattern: str, score: float, lang: str, context=(), flags=None):
    kwargs = {} if flags is None else {"global_regex_flags": flags}
    return OnePatternRecognizer(Pattern(name, pattern, score), supported_entity=entity, name=f"{name}_{lang}",
                                context=list(context), supported_language=lang, **kwargs)


# French phone: +33 / 0033, optionally "(0)", or a leading 0; then 1-9 and four
# pairs, grouped by spaces, dots or dashes (or not at all).
FR_PHONE = r"(?<![\w+])(?:(?:\+|00)33[ .-]?(?:\(0\)[ .-]?)?|0)[1-9](?:[ .-]?\d{2}){4}(?![\d])"
# Numbers in words, as some write them to dodge filters: "zéro six, trente-neuf,
# quatre-vingt-dix-huit...", "au douze, rue des Tanneurs".
FR_UNIT = r"(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf)"
FR_TEEN = r"(?:dix-sept|dix-huit|dix-neuf|dix|onze|douze|treize|quatorze|quinze|seize)"
FR_TENS = r"(?:vingt|trente|quarante|cinquante|soixante|quatre-vingts?)"
FR_NUMBER = rf"(?:zéro|{FR_TENS}(?:[- ]et[- ](?:un|onze)|-{FR_TEEN}|-{FR_UNIT})?|{FR_TEEN}|{FR_UNIT})"
FR_PHONE_WORDS = rf"\bzéro[\s-]+{FR_UNIT}(?:[\s,.-]+{FR_NUMBER}){{4}}\b"
# US (555) 123-4567, 555-123-4567, +1 555 123 4567; UK 07700 900123, +44 7700 900123, 020 7946 0958.
US_PHONE = r"(?<![\w+])(?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}(?!\d)"
UK_PHONE = r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|0)(?:7\d{3}|[12]\d{2,3}|[38]\d{2})[ -]?\d{3}[ -]?\d{3,4}(?!\d)"

# A record number only counts after the word that says what it is: MRN, hospital
# number, health-plan member ID... Some dictate it in words ("four four eight").
EN_RECORD_WORD = (r"(?:MRN|medical\s+record(?:\s+(?:number|no\.?|#))?|hosp(?:ital)?\s+(?:number|no\.?|#)|unit\s+(?:number|no\.?)"
                  r"|(?:patient|pt)\s+(?:ID|number|no\.?)|chart\s+(?:number|no\.?|#)|NHS\s+(?:number|no\.?)"
                  r"|(?:member|subscriber|beneficiary|policy|insurance|Medicare|Medicaid)\s+(?:ID|number|no\.?|#))")
DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
# Digits with up to three letters before, a Medicare Beneficiary Identifier (4-3-4 letters and
# digits, "1EG4-TE5-MK72"), or digits dictated in words.
RECORD_NUMBER = (rf"[A-Z]{{0,3}}\d[\d -]{{3,14}}\d\b|\d[A-Z0-9]{{3}}-[A-Z0-9]{{3}}-[A-Z0-9]{{4}}\b"
                 rf"|{DIGIT_WORD}(?:[\s,-]+{DIGIT_WORD}){{4,}}\b")

# Honorific + a capitalised name or an initial ("Mme R.", "M. K.", "Mr. J.",
# "Mrs Patel"); case-sensitive so that "M. le ministre" stays out.
CASE_SENSITIVE = regex.DOTALL | regex.MULTILINE
INITIALS = r"[A-ZÉ]\.(?:\s?-?[A-ZÉ]\.)*"
# A first name and a surname, which may open on a particle ("Germaine Le Goff", "Anna Van
# Dijk"; not "La", which is "La Poste") or an elided one ("O'Driscoll"), or initials. A lone capital is an initial, except
# X, Y and Z: "M. X" is the usual stand-in for no one.
NAME = (rf"(?:(?:O['’]|D['’])?[A-ZÉÈ][a-zà-ÿ'-]+(?:[ -](?:(?:Le|De|Du|Van|Von|Da|Di|Del|Dos|Mac)\s)?[A-ZÉÈ][a-zà-ÿ'-]+)?"
        rf"(?:\s{INITIALS})?|{INITIALS}|(?![XYZ])[A-ZÉ](?![\w.]))")
FR_HONORIFIC_NAME = rf"\b(?:Mme|Mlle|Madame|Mademoiselle|Monsieur|M\.)\s+{NAME}"
EN_HONORIFIC_NAME = rf"\b(?:Mrs|Mr|Ms|Miss|Mx)\.?\s+{NAME}"
# Initials alone, as a name ("J.-M. D., notre kiné"): two or more, at least one
# with a hyphen or followed by another, so that "P.S." or "U.S." stay out; or
# the initials of someone seen ("Saw J.M. again today", "Vu R.B. hier").
BARE_INITIALS = (r"(?<![\w.])[A-Z]\.-[A-Z]\.\s?[A-Z]\.|(?<![\w.])[A-Z]\.\s[A-Z]\.(?=,)"
                 r"|(?<=\b(?:[Ss]aw|[Ss]een|[Rr]eviewed|[Vv]isited|[Vv]ue?|[Rr]evue?)\s(?:again\s|encore\s|hier\s|today\s|yesterday\s)?)"
                 r"[A-Z]\.\s?[A-Z]\.(?!\s?[A-Z][a-z])")  # not "Saw U.S. Open highlights"
# A person in a hashtag: "#TeamLucasDurand", "#JusticePourNaël", "#PrayForEmma".
HASHTAG_NAME = (r"#(?:Team|Soutien|Courage|Force|JeSuis|Justice(?:Pour|For)|PrayFor|Support|Pour|For|Go|Save|Help)"
                r"[A-ZÉ][a-zà-ÿ]+(?:[A-ZÉ][a-zà-ÿ]+)?\b")
# A person's own handle, written as a name: "@TomHarrisRuns" (not "@NHSEngland", "@DrPatel").
AT_HANDLE_NAME = r"(?<![\w@])@(?!(?:Dr|Prof|Doc|Nurse|Team|The|Official|Royal|Saint|St)[A-Z_])(?:[A-Z][a-z]+){2,}\w*"
# Someone introduced by name: "si quelqu'un connaît Nadia", "a lady called Rose",
# "my patient Amira" (the NER reads some first names as organisations).
# Capitalised words that are days or months, not first names.
EN_DAYS_MONTHS = (r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
                  r"August|September|October|November|December")
# Diseases named after someone: "ma patiente Alzheimer" names the disease, not her.
EPONYMS = r"Alzheimer|Parkinson|Crohn|Charcot|Huntington|Basedow|Hashimoto|Asperger|Tourette|Raynaud|Horton|Kahler|Hodgkin|Down"
NOT_A_NAME = rf"(?!(?:{EN_DAYS_MONTHS}|Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche|{EPONYMS})\b)"
FR_NAMED = (r"(?<=\b(?:connaît|connaissez|connais|appelle|appelée?|prénommée?|surnommée?|[Mm](?:on|a)\s+patiente?)\s)"
            + NOT_A_NAME + r"[A-ZÉ][a-zà-ÿ]+(?:[ -][A-ZÉ][a-zà-ÿ]+)?")
EN_PATIENT_WORD = r"(?:[Mm]y|[Oo]ur)\s+(?:(?:oldest|youngest|favourite|favorite|first|last)\s+)?(?:patient|pt)"
EN_NAMED = (r"(?<=\b(?:knows|know|named|called|name\s+is|" + EN_PATIENT_WORD + r")\s)"
            + NOT_A_NAME + r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?"
            # in apposition, the name alone between commas: "Our oldest patient, Edna, born..."
            + r"|(?<=\b" + EN_PATIENT_WORD + r",\s)" + NOT_A_NAME + r"[A-Z][a-z]+(?=,)")
# A first name followed by an age: "Kevin, 9 ans", "Amelia, 6,".
FR_NAME_AGE = r"\b[A-ZÉ][a-zéèëïç]+(?=\s*,\s*\d{1,3}\s*ans\b)"
EN_NAME_AGE = r"\b[A-Z][a-z]+(?=,\s*\d{1,3}(?:,|\s*(?:yo|y/o|years?\s+old)\b))"
# A first name owning a clinical detail: "Jayden's sats", "Maisie's bloods".
EN_NAME_POSSESSIVE = (rf"\b(?!(?:{EN_DAYS_MONTHS}|Today|Tonight|Yesterday|Tomorrow)\b)"
                      r"[A-Z][a-z]{2,}(?=['’]s\s+(?:sats|obs|bloods|temp|temperature|fever|BP|heart\s+rate|wound|scan|MRI|"
                      r"CT|x-?ray|biopsy|results|labs|platelets|Hb|creatinine|INR|cannula|drain|chemo|surgery|op|operation|"
                      r"seizures?|breathing|oxygen|feeds?|weight|mum|mom|dad|parents|family|consultant|discharge)\b)")
# A child named by first name: "le petit Lucas", "little Emma".
FR_CHILD_NAME = r"\b(?:le\s+petit|la\s+petite)\s+[A-ZÉ][a-zà-ÿ]+"
EN_CHILD_NAME = r"\b(?:little|baby)\s+[A-Z][a-z]+"  # lower-case: "Little Snoring" is a village

FR_MONTHS = r"(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)"
FR_DATE = (rf"\b(?:\d{{1,2}}|1er)\s+{FR_MONTHS}(?:\s+\d{{4}})?\b"
           r"|\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b")
EN_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
# "3 March", "March 3rd", "the fourth of July 1957"
EN_ORDINAL = (r"(?:the\s+)?(?:(?:twenty|thirty)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
              r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)")
EN_DAY_MONTH = (rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?|{EN_ORDINAL})\s+(?:of\s+)?{EN_MONTHS}|{EN_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
                r"(?:,?\s+\d{4})?")
EN_DATE = rf"\b{EN_DAY_MONTH}\b|\b\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}})\b"
# Number plates: French SIV "AB-123-CD", older "123 ABC 75", British "AB12 CDE".
PLATE = (r"(?-i:\b[A-HJ-NP-TV-Z]{2}[- ]\d{3}[- ][A-HJ-NP-TV-Z]{2}\b|\b\d{1,4}\s[A-Z]{2,3}\s(?:0[1-9]|[1-8]\d|9[0-5]|2[AB])\b"
         r"|\b[A-Z]{2}\d{2}\s[A-Z]{3}\b)")


# An e-mail written to dodge filters: "jo.harper at gmail dot com", "k.benali [arobase] laposte.net".
OBFUSCATED_EMAIL = (r"\b[\w.+-]+\s*(?:\[\s*(?:at|arobase|@)\s*\]|\(\s*(?:at|arobase|@)\s*\)|\s(?:at|arobase)\s)\s*"
                    r"[\w-]+(?:\s*(?:\.|\[\s*(?:dot|point)\s*\]|\(\s*(?:dot|point)\s*\)|\s(?:dot|point)\s)\s*[\w-]+)*"
                    r"\s*(?:\.|\[\s*(?:dot|point)\s*\]|\(\s*(?:dot|point)\s*\)|\s(?:dot|point)\s)\s*"
                    r"(?:com|net|org|fr|be|ch|ca|uk|co\.uk|co\s(?:dot|point)\suk|ie|us|edu|io|info|eu)\b")
# Initials right after the word patient: "pt J.S.", "patiente M.-L. R.", "Pt J.McK".
PATIENT_INITIALS = (r"(?<=\b(?:[Pp]t|[Pp]atient|[Pp]atiente|[Pp]te)\s)(?:[A-Z]\.(?:\s?-?[A-Z]\.)*(?:\s?Ma?c[A-Z]\w*)?)(?![\w])")
# A phone number dictated digit by digit: "oh seven seven double oh nine...".
EN_DIGIT_WORD = r"(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine)"
# "nine hundred" is 9-0-0 there, as in "oh eight hundred".
EN_PHONE_WORDS = (rf"\b(?:(?:double|triple)[\s-]+)?{EN_DIGIT_WORD}"
                  rf"(?:[\s,-]+(?:(?:double|triple)[\s-]+)?(?:{EN_DIGIT_WORD}|hundred)){{7,}}\b")


# A person's own page: a fundraiser or a social profile ("gofundme.com/f/help-jenny",
# "her insta is @jenny_runs"). A paper's or a society's link is no such page.
SOCIAL_PROFILE = (r"\b(?:https?://)?(?:www\.)?(?:gofundme\.com|justgiving\.com|leetchi\.com|helloasso\.com|"
                  r"facebook\.com|fb\.com|instagram\.com|tiktok\.com|twitter\.com|x\.com|linkedin\.com/in)/[\w@.%/?=&-]*\w"
                  r"|(?<=\b(?:insta(?:gram)?|tiktok|twitter|snap(?:chat)?|handle|compte|pseudo)\s+(?:is\s+|c['’]est\s+|:\s*)?)@\w{2,}")


def _shared(lang: str) -> list:
    return [
        _simple("SOCIAL_PROFILE", "SocialProfile", SOCIAL_PROFILE, 0.6, lang),
        _simple("EMAIL_ADDRESS", "ObfuscatedEmail", OBFUSCATED_EMAIL, 0.7, lang),
        _simple("PERSON", "PatientInitials", PATIENT_INITIALS, 0.7, lang, flags=CASE_SENSITIVE),
        _simple("PERSON", "Initials", BARE_INITIALS, 0.6, lang, flags=CASE_SENSITIVE),
        _simple("PERSON", "HashtagName", HASHTAG_NAME, 0.6, lang, flags=CASE_SENSITIVE),
        _simple("PERSON", "AtHandleName", AT_HANDLE_NAME, 0.6, lang, flags=CASE_SENSITIVE),
        _simple("VEHICLE_PLATE", "Plate", PLATE, 0.6, lang),
    ]


def french_recognizers(lang: str = "fr") -> list:
    return [
        FrNirRecognizer(lang),
        _simple("PHONE_NUMBER", "FrPhone", FR_PHONE, 0.7, lang, ["tél", "tel", "portable", "joindre", "appeler"]),
        _simple("PHONE_NUMBER", "FrPhoneWords", FR_PHONE_WORDS, 0.7, lang),
        # A record number only counts with the word that says what it is.
        _simple("MEDICAL_RECORD", "FrIpp",
                r"\b(?:IPP|NIP|NDA|(?:n°|num[ée]ro|no)\s*(?:de\s+)?(?:dossier|patient|séjour|sejour)|dossier\s+(?:n°|num[ée]ro)"
                r"|identifiant\s+patient)\s*(?:n°|:|#)?\s*[A-Z]{0,3}\d[\d -]{3,14}\d\b", 0.85, lang),
        # A social security number cut short is still one: "sécu 1 52 03 75..."
        # (a whole one is FrNirRecognizer's, key checked).
        _simple("MEDICAL_RECORD", "FrNirStart",
                r"\b(?:NIR|num[ée]ro\s+de\s+s[ée]cu(?:rit[ée]\s+sociale)?|n°\s*(?:de\s+)?s[ée]cu|carte\s+vitale)"
                r"\s*,?\s*(?:n°|:|est|c['’]est|commence\s+par|commençant\s+par)?\s*[12](?:[\s,.-]{0,2}\d{2,3}){3,}(?![\s,.-]{0,2}\d)",
                0.7, lang),
        _simple("PROVIDER_ID", "FrProvider", r"\b(?:RPPS|ADELI|FINESS)\s*(?:n°|:)?\s*\d[\d ]{7,13}\d\b", 0.9, lang),
        _simple("ROOM", "FrRoom", r"\b(?:chambre|ch\.|lit|box|brancard)\s*(?:n°\s*)?\d{1,4}(?:\s?(?-i:[A-Z])\b)?", 0.6, lang),
        # the room said without the word: "la patiente de la 12", "le papy de la 8", "le gros de la 12"
        _simple("ROOM", "FrRoomElliptic",
                r"(?<=\b(?:le|la|l['’]|du|au|ce|cette)\s*[\w-]+\s+de\s+)la\s+\d{1,3}\b"
                r"(?!\s*(?:ans|h\b|heures|min|kg|%|°|[.,:h]\d))", 0.6, lang),
        _simple("STREET_ADDRESS", "FrAddress",
                # a number in words, but not "une" ("une place en SSR" is no address)
                rf"\b(?:\d{{1,4}}|(?!une?\b){FR_NUMBER})(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|route"
                r"|quai|cours|square|résidence|lotissement)\s+(?:de\s+la\s+|des\s+|du\s+|de\s+l'|d'|de\s+)?[\w'-]+"
                r"(?:\s+(?-i:[A-ZÉ])[\w'-]+){0,3}", 0.75, lang),
        _simple("POSTCODE", "FrPostcodeTown",
                r"\b(?:0[1-9]|[1-8]\d|9[0-5]|97[1-6])\d{3}\s+(?-i:[A-ZÉÈ])[\w'-]+(?:[ -](?-i:[A-ZÉÈ])[\w'-]+)*", 0.6, lang),
        _simple("DATE_OF_BIRTH", "FrDob",
                rf"\b(?:né|née|naissance|anniversaire)\s*(?:le\s+|:\s*|c['’]est\s+le\s+)?(?:\d{{1,2}}|1er)(?:\s+{FR_MONTHS}\s+|[/.]\d{{1,2}}[/.])\d{{2,4}}\b",
                0.85, lang),
        _simple("CALENDAR_DATE", "FrDate", FR_DATE, 0.6, lang),
        _simple("PERSON", "FrHonorificName", FR_HONORIFIC_NAME, 0.85, lang, flags=CASE_SENSITIVE),
        _simple("PERSON", "FrChildName", FR_CHILD_NAME, 0.7, lang, flags=CASE_SENSITIVE),
        _simple("PERSON", "FrNamed", FR_NAMED, 0.6, lang, flags=CASE_SENSITIVE),
        _simple("PERSON", "FrNameAge", FR_NAME_AGE, 0.6, lang, flags=CASE_SENSITIVE),
        *_shared(lang),
    ]


def english_recognizers(lang: str = "en") -> list:
    return [
        UsSsnRecognizer(supported_language=lang),
        NhsNumberRecognizer(lang),
        _simple("PHONE_NUMBER", "UsPhone", US_PHONE, 0.6, lang, ["phone", "call", "cell", "mobile"]),
        _simple("PHONE_NUMBER", "UkPhone", UK_PHONE, 0.6, lang, ["phone", "call", "mobile"]),
        _simple("PHONE_NUMBER", "EnPhoneWords", EN_PHONE_WORDS, 0.6, lang),
        _simple("MEDICAL_RECORD", "Mrn", rf"\b{EN_RECORD_WORD}(?:\s+(?:is|was|reads|=))?\s*(?::|#|no\.?)?\s*(?:{RECORD_NUMBER})", 0.85, lang),
        _simple("PROVIDER_ID", "ProviderId", r"\b(?:GMC|NPI|DEA)\s*(?:number|no\.?|#|:)?\s*[A-Z]{0,2}\d{6,10}\b", 0.9, lang),
        _simple("ROOM", "Room",
                r"\b(?:room|rm|bed|bay|cubicle|side\s+room|bed\s+space|ward)\s*(?:#|no\.?\s*)?\d{1,4}(?-i:[A-Z])?\b", 0.6, lang),
        # a prison cell: "cell 14", "cell block C"
        _simple("ROOM", "EnCell", r"\bcell\s+(?:block\s+(?-i:[A-Z])\b|\d{1,4}(?-i:[A-Z])?\b)", 0.6, lang),
        _simple("STREET_ADDRESS", "Address",
                r"\b\d{1,5}[A-Z]?\s+(?:(?-i:[A-Z])[a-z]+\s){1,3}(?-i:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard"
                r"|Blvd|Close|Way|Court|Ct|Crescent|Terrace|Place|Pl|Gardens|Grove|Row|Mews)\b\.?", 0.75, lang),
        _simple("POSTCODE", "UkPostcode",
                r"\b(?-i:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b", 0.6, lang),
        _simple("POSTCODE", "UsZip", r"\b(?-i:[A-Z]{2})\s+\d{5}(?:-\d{4})?\b", 0.5, lang),
        _simple("DATE_OF_BIRTH", "Dob",
                rf"\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|born(?:\s+on)?|(?:birthday|bday|b-day)\s+(?:is\s+|was\s+)?(?:on\s+)?)"
                rf"\s*:?\s*(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|{EN_DAY_MONTH}|{EN_MONTHS}\s+(?:['’]\d{{2}}|(?:19|20)\d{{2}}))",
                0.85, lang),
        # the last four digits of an SSN, named as such: "SSN ends 4471"
        _simple("US_SSN", "SsnLastFour",
                r"\b(?:SSN|social\s+security(?:\s+(?:number|no\.?|#))?)\s+(?:ends?|ending)\s+(?:in\s+|with\s+)?\d{4}\b"
                r"|\blast\s+(?:4|four)\s+(?:digits\s+)?of\s+(?:(?:his|her|their|the)\s+)?(?:SSN|social(?:\s+security)?)\s*(?:are|is|:)?\s*\d{4}\b",
                0.85, lang),
        _simple("CALENDAR_DATE", "EnDate", EN_DATE, 0.6, lang),
        _simple("PERSON", "EnHonorificName", EN_HONORIFIC_NAME, 0.85, lang, flags=CASE_SENSITIVE),
        _simple("PERSON", "EnChildName", EN_CHILD_NAME, 0.7, lang, flags=CASE_SENSITIVE),
        _simple("PERSON", "EnNamed", EN_NAMED, 0.6, lang, flags=CASE_SENSITIVE),
        _simple("PERSON", "EnNameAge", EN_NAME_AGE, 0.6, lang, flags=CASE_SENSITIVE),
        _simple("PERSON", "EnNamePossessive", EN_NAME_POSSESSIVE, 0.6, lang, flags=CASE_SENSITIVE),
        *_shared(lang),
    ]


PHONE_REGIONS = {"fr": ("FR", "BE", "CH", "GB", "US"), "en": ("US", "GB", "CA", "AU", "IE", "FR")}


def _skipping(cls, may_hold):
    """`cls`, skipping texts that cannot hold its entity: most posts have no URL,
    phone number or e-mail, and these recognizers search the whole text."""
    class Skipping(cls):
        def analyze(self, text, entities, *args, **kwargs):
            return super().analyze(text, entities, *args, **kwargs) if may_hold(text) else []

    Skipping.__name__ = Skipping.__qualname__ = cls.__name__  # Presidio names results after it
    return Skipping


DOMAIN_LIKE = regex.compile(r"[^\s.]\.\p{L}{2}|://")  # "site.fr", "http://": a dot glued to letters
IP_LIKE = regex.compile(r"\d\.\d{1,3}\.|[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:")
PhoneSkipping = _skipping(PhoneRecognizer, lambda text: sum(c.isdigit() for c in text) >= 7)
UrlSkipping = _skipping(UrlRecognizer, DOMAIN_LIKE.search)
IpSkipping = _skipping(IpRecognizer, IP_LIKE.search)
EmailSkipping = _skipping(OfflineEmailRecognizer, lambda text: "@" in text)


class ContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's context enhancer, minus its deep copy of every result when no
    result came from a recognizer that has context words (most posts)."""

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
        with_words = {r.id for r in recognizers if r.context}
        if context or any((res.recognition_metadata or {}).get(key) in with_words for res in raw_results):
            return super().enhance_using_context(text, raw_results, nlp_artifacts, recognizers, context)
        return raw_results


def registry_for(lang: str) -> RecognizerRegistry:
    registry = RecognizerRegistry(supported_languages=[lang])
    common = [
        SpacyRecognizer(supported_language=lang,
                        supported_entities=["PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "NRP"]),
        EmailSkipping(supported_language=lang),
        PhoneSkipping(supported_language=lang, supported_regions=PHONE_REGIONS[lang]),
        IbanRecognizer(supported_language=lang),
        IpSkipping(supported_language=lang),
        UrlSkipping(supported_language=lang),
    ]
    specific = french_recognizers(lang) if lang == "fr" else english_recognizers(lang)
    for recognizer in common + specific:
        registry.add_recognizer(recognizer)
    return registry


def in_reading(registry: RecognizerRegistry, lang: str, numerals) -> list:
    """What the pattern recognizers find in a post's digit reading ("chambre
    deux cent quatorze" read as "chambre 214") and not in the post, at the
    post's offsets. The NER is not run again: numbers make no names."""
    found = []
    for recognizer in registry.get_recognizers(language=lang, all_fields=True):
        if isinstance(recognizer, SpacyRecognizer):
            continue
        for r in recognizer.analyze(numerals.text, recognizer.supported_entities, None) or []:
            start, end = numerals.to_post(r.start, r.end)
            found.append(RecognizerResult(r.entity_type, start, end, r.score, r.analysis_explanation,
                                          r.recognition_metadata))
    return found

