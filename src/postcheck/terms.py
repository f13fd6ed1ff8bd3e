"""Match words and phrases on a token's surface form or its lemma, accents folded.

spaCy's PhraseMatcher compares one attribute only; a lexicon needs either
("bouchers" by lemma, slang the small models lemmatise badly by surface form),
and a trailing `*` for prefixes ("incompét*").
"""

from __future__ import annotations

from collections import defaultdict

from postcheck.nlp import Analysis, fold

PREFIX = 3  # wildcard terms are indexed by this many leading letters


def _word_matches(keys: tuple[str, str], word: str) -> bool:
    if word.endswith("*"):
        return keys[0].startswith(word[:-1]) or keys[1].startswith(word[:-1])
    return word == keys[0] or word == keys[1]


class TermMatcher:
    def __init__(self, terms: list[str], tokenizer):
        # First word -> candidate terms; wildcard first words by their prefix, so
        # that each token costs a few dictionary look-ups, not a scan of every term.
        self._exact: dict[str, list] = defaultdict(list)
        self._prefixed: dict[str, list] = defaultdict(list)
        self._short_wild: list = []
        for term in terms:
            words = tuple(fold(t.text) for t in tokenizer(term) if not t.is_space)
            if not words:
                continue
            # spaCy splits "incompét*" into "incompét" + "*": glue the star back.
            if len(words) > 1 and words[-1] == "*":
                words = words[:-2] + (words[-2] + "*",)
            first = words[0]
            if not first.endswith("*"):
                self._exact[first].append((words, term))
            elif len(first) - 1 >= PREFIX:
                self._prefixed[first[:PREFIX]].append((words, term))
            else:
                self._short_wild.append((words, term))

    def _candidates(self, keys: tuple[str, str]):
        yield from self._exact.get(keys[0], ())
        if keys[1] != keys[0]:
            yield from self._exact.get(keys[1], ())
        for key in {keys[0][:PREFIX], keys[1][:PREFIX]}:
            yield from self._prefixed.get(key, ())
        yield from self._short_wild

    def matches(self, analysis: Analysis) -> list[tuple[int, int, str]]:
        """(start_char, end_char, term) for every occurrence, the longest at a position."""
        keys = analysis.token_keys
        doc = analysis.doc
        out = []
        for i, tok_keys in enumerate(keys):
            best = None
            for words, term in self._candidates(tok_keys):
                n = len(words)
                if (best is None or n > len(best[0])) and i + n <= len(keys) and \
                        all(_word_matches(keys[i + j], w) for j, w in enumerate(words)):
                    best = (words, term)
            if best:
                last = doc[i + len(best[0]) - 1]
                out.append((doc[i].idx, last.idx + len(last.text), best[1]))
        return out
