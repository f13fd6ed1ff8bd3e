"""Numbers written in words, read as digits: "bed fourteen" as "bed 14",
"quatre-vingt-douze ans" as "92 ans".

Some write numbers out to dodge filters, others because it reads better; either
way the patterns that know "bed 14" should know "bed fourteen". text2num does
the reading; this module keeps the way back to the post's own offsets, so that
a match in the digit reading is reported (and rewritten) where the words are.
"""

from __future__ import annotations

import difflib
from bisect import bisect_right

from text_to_num import alpha2digit


class Numerals:
    """A post's digit reading and the map from its offsets back to the post's."""

    def __init__(self, post: str, reading: str):
        self.text = reading
        matcher = difflib.SequenceMatcher(None, post, reading, autojunk=False)
        # (reading start, reading end, post start, post end, same text?) per block
        self._blocks = [(j1, j2, i1, i2, tag == "equal") for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
        self._starts = [b[0] for b in self._blocks]

    def _block(self, offset: int):
        return self._blocks[max(0, bisect_right(self._starts, offset) - 1)]

    def to_post(self, start: int, end: int) -> tuple[int, int]:
        """A span of the reading as a span of the post; a span that starts or
        ends inside a number takes in the whole number as written."""
        j1, _, i1, i2, same = self._block(start)
        post_start = i1 + (start - j1) if same else i1
        j1, _, i1, i2, same = self._block(max(start, end - 1))
        post_end = i1 + (end - j1) if same else i2
        return post_start, max(post_start, post_end)


def read(text: str, lang: str) -> Numerals | None:
    """The digit reading of a post, or None when it spells no number out."""
    try:
        reading = alpha2digit(text, lang)
    except (ValueError, RuntimeError):  # a language text2num lacks
        return None
    return Numerals(text, reading) if reading != text else None
