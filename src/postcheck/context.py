"""Who is this about: a patient, a colleague, the author, a public figure.

Each sentence gets the set of subject labels whose cue words or patterns it
contains. Rules then require or exclude a subject (`context:` in a rule), in
the sentence, the sentence and its neighbours (`window`), or the whole post.
Cue words live in the rule packs (`context:` sections), not in code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from postcheck.nlp import Analysis
from postcheck.terms import TermMatcher

REGEX_TIMEOUT = 0.25  # seconds; a pathological cue pattern must not hang a check


SUBJECTS = ("patient", "colleague", "author", "public-figure")


@dataclass
class PostContext:
    sentences: list[tuple[int, int]]
    labels: list[frozenset]
    # (start, end, label) of every cue, in text order
    cues: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def post_labels(self) -> frozenset:
        return frozenset().union(*self.labels) if self.labels else frozenset()

    def sentence_index(self, pos: int) -> int:
        for i, (start, end) in enumerate(self.sentences):
            if start <= pos < end:
                return i
        return max(len(self.sentences) - 1, 0)

    def labels_for(self, start: int, scope: str) -> frozenset:
        if not self.labels:
            return frozenset()
        if scope == "post":
            return self.post_labels
        i = self.sentence_index(start)
        if scope == "window":
            return frozenset().union(*self.labels[max(i - 1, 0): i + 2])
        return self.labels[i]

    def subject_of(self, start: int, end: int) -> str:
        """Who a detail at [start, end) is about: the subject cue nearest before it
        in its sentence (or inside it: "Dr Martin"), else the first after it in the
        sentence, else the last cue of an earlier sentence, else "unknown"."""
        i = self.sentence_index(start)
        s_start, s_end = self.sentences[i] if self.sentences else (0, end)
        subject_cues = [c for c in self.cues if c[2] in SUBJECTS]
        before = [c for c in subject_cues if s_start <= c[0] < end]
        if before:
            return max(before, key=lambda c: c[0])[2]
        after = [c for c in subject_cues if end <= c[0] < s_end]
        if after:
            return after[0][2]
        earlier = [c for c in subject_cues if c[0] < s_start]
        return earlier[-1][2] if earlier else "unknown"


class ContextModel:
    """Compiled cues for one language."""

    def __init__(self, cues: dict, tokenizer):
        self._terms = {label: TermMatcher(c.get("terms", []), tokenizer) for label, c in cues.items()}
        self._patterns = {label: [regex.compile(p, regex.IGNORECASE) for p in c.get("patterns", [])]
                          for label, c in cues.items()}

    def _hits(self, analysis: Analysis):
        for label, matcher in self._terms.items():
            for start, end, _ in matcher.matches(analysis):
                yield start, end, label
        for label, patterns in self._patterns.items():
            for pattern in patterns:
                try:
                    for m in pattern.finditer(analysis.text, timeout=REGEX_TIMEOUT):
                        yield m.start(), m.end(), label
                except TimeoutError:
                    continue

    def read(self, analysis: Analysis) -> PostContext:
        sentences = analysis.sentences or [(0, len(analysis.text))]
        labels = [set() for _ in sentences]
        ctx = PostContext(sentences, [], sorted(self._hits(analysis)))
        for start, _, label in ctx.cues:
            labels[ctx.sentence_index(start)].add(label)
        ctx.labels = [frozenset(s) for s in labels]
        return ctx
