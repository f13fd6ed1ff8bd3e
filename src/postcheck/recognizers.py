"""Presidio recognizers for what its stock set misses or gets wrong here.

Presidio ships English-oriented recognizers: no French NIR, weak French phone
numbers, nothing for hospital record numbers or room/bed numbers, and an e-mail
recognizer that asks `tldextract` to fetch the public suffix list. The
recognizers below fill those gaps; `registry_for(lang)` assembles the set one
language uses.
"""

from __future__ import annotations

from functools import cache

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerRegistry
from presidio_analyzer.predefined_recognizers import (
    EmailRecognizer,
    IbanRecognizer,
    IpRecognizer,
    PhoneRecognizer,
    SpacyRecognizer,
    UrlRecognizer,
    UsSsnRecognizer,
)


@cache
def _offline_extractor():
    import tldextract

    # An empty URL list makes tldextract use the suffix list bundled in the wheel.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's e-mail recognizer, validated against the bundled suffix list."""

    def validate_result(self, pattern_text: str) -> bool:
        return _offline_extractor()(pattern_text.rsplit("@", 1)[-1]).suffix != ""


def nir_is_valid(digits: str) -> bool:
    """French NIR key check: key = 97 - (first 13 characters mod 97), Corsica 2A/2B -> 19/18."""
    compact = "".join(digits.split()).upper()
    if len(compact) != 15:
        return False
    body = compact[:13].replace("2A", "19", 1) if compact[5:7] == "2A" else compact[:13]
    body = body.replace("2B", "18", 1) if compact[5:7] == "2B" else body
    if not (body.isdigit() and compact[13:].isdigit()):
        return False
    return 97 - int(body) % 97 == int(compact[13:])


class FrNirRecognizer(PatternRecognizer):
    """NIR (numéro de sécurité sociale): 15 characters, often grouped, checked by its key."""

    PATTERNS = [
        Pattern(
            "NIR",
            r"(?<![\w\d])[12][ .]?\d{2}[ .]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .]?(?:\d{2}|2[AB])[ .]?\d{3}[ .]?\d{3}[ .]?\d{2}(?![\w\d])",
            0.6,
        )
    ]
    CONTEXT = ["sécu", "sécurité sociale", "nir", "insee", "numéro", "carte vitale", "vitale"]

    def __init__(self, supported_language: str = "fr"):
        super().__init__(supported_entity="FR_NIR", patterns=self.PATTERNS, context=self.CONTEXT,
                         supported_language=supported_language)

    def validate_result(self, pattern_text: str) -> bool:
        return nir_is_valid(pattern_text.replace(".", " "))


# French phone: +33 / 0033 (optionally "(0)") or 0, then 1-9 and four pairs.
FR_PHONE = (
    r"(?<![\w+])(?:(?:\+33|0033)[ .-]?(?:\(0\)[ .-]?)?|0)[1-9](?:[ .-]?\d{2}){4}(?!\d)"
)


def _simple(entity: str, name: str, regex: str, score: float, context: list[str], lang: str):
    return PatternRecognizer(supported_entity=entity, name=f"{name}_{lang}",
                             patterns=[Pattern(name, regex, score)], context=context,
                             supported_language=lang)


def french_recognizers(lang: str = "fr") -> list:
    return [
        FrNirRecognizer(lang),
        _simple("PHONE_NUMBER", "FrPhone", FR_PHONE, 0.7, ["tél", "tel", "portable", "joindre", "appeler"], lang),
        _simple("MEDICAL_RECORD", "FrIpp",
                r"\b(?:IPP|NDA|NIP|n°\s*(?:de\s+)?dossier|num[ée]ro\s+de\s+dossier|dossier\s+n°)\s*(?:n°|:|#)?\s*\d[\d ]{4,14}\d\b",
                0.85, [], lang),
        _simple("FR_RPPS", "FrRpps", r"\b(?:RPPS|ADELI|FINESS)\s*(?:n°|:)?\s*\d{9,11}\b", 0.85, [], lang),
        _simple("ROOM", "FrRoom", r"\b(?:chambre|ch\.|lit|box|salle)\s*(?:n°\s*)?\d{1,4}[A-Z]?\b", 0.6, [], lang),
        _simple("STREET_ADDRESS", "FrAddress",
                r"\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|route|quai|cours|square)\s+(?:de\s+la\s+|des\s+|du\s+|de\s+l'|d'|de\s+)?[\w'-]+(?:\s+[A-ZÉ][\w'-]+){0,3}",
                0.75, [], lang),
        _simple("FR_POSTCODE_TOWN", "FrPostcodeTown",
                r"\b(?:0[1-9]|[1-8]\d|9[0-5]|97[1-6])\d{3}\s+[A-ZÉÈ][\w'-]+(?:[ -][A-ZÉÈ][\w'-]+)*", 0.6, [], lang),
    ]


def english_recognizers(lang: str = "en") -> list:
    return [
        UsSsnRecognizer(supported_language=lang),
        _simple("MEDICAL_RECORD", "Mrn",
                r"\b(?:MRN|medical\s+record(?:\s+(?:number|no\.?|#))?|hospital\s+(?:number|no\.?)|NHS\s+(?:number|no\.?))\s*(?::|#|no\.?)?\s*\d[\d -]{4,14}\d\b",
                0.85, [], lang),
        _simple("ROOM", "Room", r"\b(?:room|rm|bed|bay|cubicle|bed\s+space)\s*(?:#|no\.?\s*)?\d{1,4}[A-Z]?\b", 0.6, [], lang),
        _simple("STREET_ADDRESS", "Address",
                r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Close|Way|Court|Ct|Crescent|Terrace|Place|Pl)\b\.?",
                0.75, [], lang),
        _simple("DATE_OF_BIRTH", "Dob",
                r"\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|born(?:\s+on)?)\s*:?\s*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|[A-Z][a-z]+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})",
                0.85, [], lang),
    ]


PHONE_REGIONS = {"fr": ("FR", "BE", "CH", "GB", "US"), "en": ("US", "GB", "CA", "AU", "IE", "FR")}


def registry_for(lang: str) -> RecognizerRegistry:
    registry = RecognizerRegistry(supported_languages=[lang])
    common = [
        SpacyRecognizer(supported_language=lang,
                        supported_entities=["PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "NRP"]),
        OfflineEmailRecognizer(supported_language=lang),
        PhoneRecognizer(supported_language=lang, supported_regions=PHONE_REGIONS[lang]),
        IbanRecognizer(supported_language=lang),
        IpRecognizer(supported_language=lang),
        UrlRecognizer(supported_language=lang),
    ]
    specific = french_recognizers(lang) if lang == "fr" else english_recognizers(lang)
    for recognizer in common + specific:
        registry.add_recognizer(recognizer)
    return registry
