"""Match words and phrases on a token's surface form or its lemma, accents folded.

spaCy's PhraseMatcher compares one attribute only; a lexicon needs either
("bouchers" by lemma, slang the small models lemmatise badly by surface form),
and a trailing `*` for prefixes ("incompét*").
"""

from __future__ import annotations

from collections import defaultdict

from postcheck.nlp import Analysis, fold


def _word_matches(keys: tuple[str, str], word: str) -> bool:
    if word.endswith("*"):
        return any(k.startswith(word[:-1]) for k in keys)
    return word in keys


class TermMatcher:
    def __init__(self, terms: list[str], tokenizer):
        self._index: dict[str, list] = defaultdict(list)
        self._wild: list = []
        for term in terms:
            words = tuple(fold(t.text) for t in tokenizer(term) if not t.is_space)
            if not words:
                continue
            # spaCy splits "incompét*" into "incompét" + "*": glue the star back.
            if len(words) > 1 and words[-1] == "*":
                words = words[:-2] + (words[-2] + "*",)
            (self._wild if words[0].endswith("*") else self._index[words[0]]).append((words, term))

    def matches(self, analysis: Analysis) -> list[tuple[int, int, str]]:
        """(start_char, end_char, term) for every occurrence, longest first at a position."""
        keys = analysis.token_keys
        doc = analysis.doc
        out = []
        for i, tok_keys in enumerate(keys):
            candidates = [c for k in set(tok_keys) for c in self._index.get(k, ())] + self._wild
            for words, term in sorted(candidates, key=lambda c: -len(c[0])):
                n = len(words)
                if i + n <= len(keys) and all(_word_matches(keys[i + j], w) for j, w in enumerate(words)):
                    last = doc[i + n - 1]
                    out.append((doc[i].idx, last.idx + len(last.text), term))
                    break
        return out
