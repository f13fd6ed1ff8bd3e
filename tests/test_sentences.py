"""Sentences for context are cut at end punctuation and line breaks, not at commas."""

import pytest

from postcheck.nlp import sentence_spans


@pytest.mark.parametrize("text, expected", [
    ("Reçu Mme X, 82 ans, de Montargis. Elle va bien !", ["Reçu Mme X, 82 ans, de Montargis.", " Elle va bien !"]),
    ("Vu par le Dr. Martin, cf. M. Dupont. Fin", ["Vu par le Dr. Martin, cf. M. Dupont.", " Fin"]),
    ("a 45 y.o. woman… then home\n\nNext", ["a 45 y.o. woman…", " then home\n\n", "Next"]),
    ("Une patiente (!) m'écrit. Ok", ["Une patiente (!) m'écrit.", " Ok"]),
    ("Poids 3.5 kg, « stop ! » Puis", ["Poids 3.5 kg, « stop ! »", " Puis"]),
    ("", [""]),
])
def test_sentence_spans(text, expected):
    assert [text[a:b] for a, b in sentence_spans(text)] == expected
