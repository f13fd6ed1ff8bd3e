"""The pattern prefilter: a post is skipped only when the pattern cannot match it."""

import pytest
import regex

from postcheck import ruleset
from postcheck.patterns import compiled, may_match, required_literals


@pytest.mark.parametrize("pattern, needs", [
    (r"\bcode\s+promo\b", [{"code"}, {"promo"}]),
    (r"(?:prenez|book)\s+(?:rdv|now)", [{"prenez", "book"}, {"rdv", "now"}]),
    (r"\b(?:idiot|crétin)s?\b", [{"idiot", "crétin"}]),
    (r"[😂🤣]\s*(?:obèse|baleine)", [{"😂", "🤣"}, {"obèse", "baleine"}]),
    (r"(?x) \b chambre \s* \d+", [{"chambre"}]),
    (r"(?<!pas\s)grosse?", [{"gross"}]),  # a lookbehind is no requirement
])
def test_required_literals(pattern, needs):
    assert [set(s) for s in required_literals(pattern)] == needs


@pytest.mark.parametrize("pattern", [
    r"\d{10}",  # no literal at all
    r"(?:ab|\w+)c",  # one branch says nothing, the rest is too short
    r"\p{Lu}\w+ville",  # regex-only syntax: not parsed by re
    r"[[:alpha:]]+ville",  # POSIX class: re would read it otherwise
    r"(?:hopital){e<=1}",  # fuzzy matching
])
def test_what_cannot_be_read_is_never_skipped(pattern):
    assert required_literals(pattern) == ()


def test_prefilter_never_skips_a_match_in_the_shipped_packs():
    """Every pattern of the built-in packs, over every example of every rule."""
    rules = ruleset.load([ruleset.builtin_rules_dir()]).rules
    texts = [ex.text for rule in rules for ex in rule.examples]
    checked = 0
    for rule in rules:
        for pattern in rule.params.get("patterns", []) if rule.kind == "pattern" else []:
            needs = required_literals(pattern)
            flags = not rule.params.get("case_sensitive")
            for text in texts:
                if compiled(pattern, flags).search(text):
                    assert may_match(needs, text.lower()), (rule.id, pattern[:80], text)
                    checked += 1
    assert checked > 500


def test_case_and_accents_follow_the_pattern():
    needs = required_literals(r"\bHÔPITAL\b")
    assert may_match(needs, "Sorti de l'Hôpital hier".lower())
    assert not may_match(needs, "sorti de la clinique")
    assert regex.search(r"\bHÔPITAL\b", "hôpital", regex.IGNORECASE)


def test_index_gives_the_patterns_that_may_match():
    from postcheck.patterns import PatternIndex

    index = PatternIndex()
    promo, book, digits = (index.add(p) for p in (r"\bcode\s+promo\b", r"(?:prenez|book)\s+(?:rdv|now)", r"\d{10}"))
    assert index.add(r"\bcode\s+promo\b") == promo
    assert index.candidates("code promo, prenez vite rdv") == {promo, book, digits}
    assert index.candidates("un code sans promotion") == {promo, digits}  # "promo" is in "promotion"
    assert index.candidates("rien à voir") == {digits}
