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

    def matches(self, analysis: Analysis) -> list[tuple[int, int, str]]:
        """(start_char, end_char, term) for every occurrence, the longest at a position."""
        keys = analysis.token_keys
        words, prefixes = _index(analysis)
        best: dict[int, tuple] = {}

        def consider(i: int, candidates) -> None:
            for term_words, term in candidates:
                n = len(term_words)
                if (i not in best or n > len(best[i][0])) and i + n <= len(keys) and \
                        all(_word_matches(keys[i + j], w) for j, w in enumerate(term_words)):
                    best[i] = (term_words, term)

        # Only the first words present in the post are looked at: set intersections, not a loop over terms.
        for word in words.keys() & self._exact.keys():
            for i in words[word]:
                consider(i, self._exact[word])
        for prefix in prefixes.keys() & self._prefixed.keys():
            for i in prefixes[prefix]:
                consider(i, self._prefixed[prefix])
        if self._short_wild:
            for i in range(len(keys)):
                consider(i, self._short_wild)
        doc = analysis.doc
        out = []
        for i in sorted(best):
            last = doc[i + len(best[i][0]) - 1]
            out.append((doc[i].idx, last.idx + len(last.text), best[i][1]))
        return out


def _index(analysis: Analysis) -> tuple[dict, dict]:
    """Token positions by folded form or lemma, and by their first letters; built
    once per post and shared by every matcher."""
    if "terms" not in analysis.memo:
        words, prefixes = defaultdict(set), defaultdict(set)
        for i, (surface, lemma) in enumerate(analysis.token_keys):
            words[surface].add(i)
            words[lemma].add(i)
            prefixes[surface[:PREFIX]].add(i)
            prefixes[lemma[:PREFIX]].add(i)
        analysis.memo["terms"] = (words, prefixes)
    return analysis.memo["terms"]
