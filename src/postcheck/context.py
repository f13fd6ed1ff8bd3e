"""Who is this about: a patient, a colleague, the author, a public figure.

Each sentence gets the set of subject labels whose cue words or patterns it
contains. Rules then require or exclude a subject (`context:` in a rule), in
the sentence, the sentence and its neighbours (`window`), or the whole post.
Cue words live in the rule packs (`context:` sections), not in code.

`subject_of` answers the finer question privacy rules ask of one detail: whose
name, age or town is this? The doctor's own, a colleague's or a minister's is
no breach; a patient's (or a patient's relative's) is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from postcheck import classifier
from postcheck.nlp import Analysis
from postcheck.patterns import PatternIndex, compiled, finditer
from postcheck.terms import TermMatcher

SUBJECTS = ("patient", "colleague", "author", "public-figure")

# What may stand between a role word and the name it introduces: "le Dr Martin",
# "la ministre, Mme X", "my colleague Dr Y", "the Minister of Health, Ms Z".
ADJACENT_GAP = regex.compile(
    r"[\s,:(«\"'’-]*(?:(?:le|la|l['’]|les|un|une|mon|ma|mes|notre|nos|son|sa|ses|the|a|an|our|my|his|her|"
    r"of|de|du|d['’]|des)\s*[\s,:(«\"'’-]*)*"
    # a role's complement before an apposition: "la ministre de la Santé, Mme X"
    r"(?:(?:de|du|des|of)\s+(?:la\s+|l['’]|the\s+)?[\w-]+\s*,\s*)?"
    # where that person works or lives: "Dr Patel at Riverside Urgent Care", "Mrs Gupta from Leicester"
    r"(?:(?:at|from)\s+(?:the\s+)?)?", regex.IGNORECASE)
# An apposition right after a detail says who it is: "Mme X, ma prof de yoga".
APPOSITION = regex.compile(r"\s*[,(–-]\s*", regex.IGNORECASE)
APPOSITION_REACH = 12  # characters from the comma to the role word
# A sentence with a third-person pronoun goes on about someone named earlier.
THIRD_PERSON = regex.compile(r"\b(?:il|elle|ils|elles|lui|leur|son|sa|ses|he|she|him|her|his|hers|they|them|their)\b",
                             regex.IGNORECASE)
# So does the author's reply to them: "J'ai répondu que non", "I told her".
REPLY = regex.compile(r"\b(?:j['’]ai\s+répondu|je\s+(?:lui|leur)\s+ai\s+(?:dit|répondu|expliqué)|I\s+(?:told|replied|answered|said))\b",
                      regex.IGNORECASE)


# A team named as the place where a patient was seen is no one the details are
# about: in "Vu aux urgences de Quimperlé une institutrice de 91 ans" the age
# is the patient's (the cue still speaks of colleagues to the other rules).
PLACE_OF_CARE = regex.compile(r"\b(?:aux|au|à\s+la|à\s+l['’]|dans\s+(?:la|le|les|l['’])|in|at|to)\s+(?:the\s+|our\s+|their\s+|my\s+)?$",
                              regex.IGNORECASE)
CARE_TEAM = regex.compile(r"(?:urgences|réa\w*|SAMU|SMUR|bloc|maternité|clinique|polyclinique|CHU|CHR|CH|hôpital|hosto|"
                          r"service|ED|ER|A&E|hospital|clinic|unit|surgery|practice|cabinet|"
                          # the author's own practice: "pregnant 15yo at my practice"
                          r"(?:mon|notre|my|our)\s+(?:cabinet|practice|surgery|clinic|office|list))\b", regex.IGNORECASE)
# A retired doctor is someone's former colleague, not one at work in the story:
# in "71 y/o retired GP from Harrogate admitted with DKA" the details are a patient's.
FORMER = regex.compile(r"\b(?:retired|former|ex-?|ancien(?:ne)?)\s*$", regex.IGNORECASE)
# Nor is a doctor the patient has not got: "55, no GP, no meds", "pas de médecin traitant".
NEGATED = regex.compile(r"\b(?:no|without|pas\s+de|sans|aucun)\s+$", regex.IGNORECASE)
# Nor is a doctor who is the patient: "My patient is the only Sikh GP in our village".
PATIENT_IS = regex.compile(r"\b(?:patient|pt|patiente|pte)\s+(?:is|was|est|était)\s+(?:(?:the|a|an|our|le|la|l['’]|une?)\s*)?"
                           r"(?:(?:only|seule?|unique)\s+)?(?:[\w-]+\s+){0,2}$", regex.IGNORECASE)
# Nor a role the sentence says is the patient: "The receptionist at my dentist's is now my patient".
IS_MY_PATIENT = regex.compile(r"[^.!?\n]{0,40}?\b(?:is|was)\s+(?:now\s+|also\s+)?(?:my|our)\s+(?:patient|pt)\b",
                              regex.IGNORECASE)


# Colleagues addressed are the audience, not whom the details are about: "Heads
# up for the docs in this group: if a guy named Kevin calls you...".
AUDIENCE = regex.compile(r"\b(?:for|hey|hi|dear|calling|attention|fellow)\s+(?:all\s+)?(?:the\s+|my\s+|our\s+|fellow\s+)?$"
                         r"|\b(?:à\s+tous\s+les|chers|chères|appel\s+aux)\s+(?:chers\s+)?$", regex.IGNORECASE)


# A detail in brackets right after a name is that person's: "Kayleigh (bed 6)".
NAME_THEN_BRACKET = regex.compile(r"(?<![\w#@])((?-i:[A-ZÉÈ][\w'’-]+))\s*\($")


# A sentence that opens on a pronoun for someone just named: "She was my patient",
# "C'était mon patient", "Il est suivi au service".
REFERS_BACK = regex.compile(r"\s*(?:she|he|they|this|il|elle|ils|elles|c['’](?:était|est))\b", regex.IGNORECASE)


@dataclass
class PostContext:
    sentences: list[tuple[int, int]]
    labels: list[frozenset]
    # (start, end, label) of every cue, in text order
    cues: list[tuple[int, int, str]] = field(default_factory=list)
    text: str = ""

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

    def _subject_cues(self, lo: int, hi: int, ignore=(), addressed: bool = False):
        """Cues in [lo, hi), less those inside an `ignore` span, those that name
        no one the details are about and, unless `addressed`, colleagues
        addressed, whose own details only an adjacent detail can be."""
        # an empty cue (a sentence read as a story) is no word of the detail it precedes
        return [(s, e, label) for s, e, label in self.cues
                if label in SUBJECTS and lo <= s < hi and not any(a <= s and e <= b and s < e for a, b in ignore)
                and not self._names_no_one(s, label) and (addressed or not self._addressed(s, label))]

    def _names_no_one(self, start: int, label: str) -> bool:
        """A place of care ("at my practice"), a retired colleague, a doctor the
        patient has not got ("no GP"), a patient who is a doctor."""
        if label in ("colleague", "author") and self._place_of_care(start):
            return True
        text = self.text
        return label == "colleague" and bool(
            FORMER.search(text, max(0, start - 15), start) or NEGATED.search(text, max(0, start - 10), start)
            or PATIENT_IS.search(text, max(0, start - 50), start) or IS_MY_PATIENT.match(text, start))

    def _addressed(self, start: int, label: str) -> bool:
        return label == "colleague" and AUDIENCE.search(self.text, max(0, start - 25), start) is not None

    def _place_of_care(self, start: int) -> bool:
        """A team named as where a patient of the same sentence was seen."""
        if not (CARE_TEAM.match(self.text, start) and PLACE_OF_CARE.search(self.text, max(0, start - 20), start)):
            return False
        s_start, s_end = self.sentences[self.sentence_index(start)]
        return any(label == "patient" and s_start <= s < s_end for s, _, label in self.cues)

    def _before(self, cues, start: int):
        return [c for c in cues if c[1] <= start and ADJACENT_GAP.fullmatch(self.text, c[1], start)]

    def _adjacent(self, cues, start: int, end: int, nearby) -> str | None:
        """A role word right before the detail ("Dr Martin", "la ministre X"), in
        apposition after it ("X, my old teacher") or inside it ("Mme Y"). When
        the apposition and the inside disagree ("J.-M. D., notre kiné"), the
        one the nearby sentences also speak of wins. Last, a patient's verb
        right after it ("X came in")."""
        before = self._before(cues, start)
        if before:
            # a public figure cared for is a patient: "cared for Councillor X"
            if before[-1][2] == "public-figure" and any(c[2] == "patient" for c in self._before(cues, before[-1][0])):
                return "patient"
            return before[-1][2]
        gap = APPOSITION.match(self.text, end)
        after = [c for c in cues if gap and gap.end() > end and gap.end() <= c[0] <= gap.end() + APPOSITION_REACH]
        inside = [c for c in cues if start <= c[0] < end]
        if after and inside and after[0][2] != inside[0][2]:
            rest = [c[2] for c in nearby if c != after[0] and not start <= c[0] < end]
            return inside[0][2] if rest.count(inside[0][2]) > rest.count(after[0][2]) else after[0][2]
        for found in (after, inside):
            if found:
                return found[0][2]
        # the subject of what befalls a patient: "the butcher's daughter came in"
        if any(c[2] == "patient" and c[0] > end and not self.text[end:c[0]].strip() for c in cues):
            return "patient"
        return None

    def subject_of(self, start: int, end: int, ignore=()) -> str:
        """Who a detail at [start, end) is about: "patient", "colleague", "author",
        "public-figure" or "unknown".

        In order: the person a bracketed detail follows ("Kayleigh (bed 6)");
        else a role word adjacent to the detail; else the one subject its
        sentence speaks of; else, in a sentence speaking of several, the cue
        nearest before (or first after) the detail; else, when the sentence goes
        on with a pronoun, the subject of the sentences before; else, when the
        next sentence opens on a pronoun, the subject it names. Cues inside an
        `ignore` span do not count: details are no evidence about themselves
        ("maire" is a public role, but "H 52 ans, maire du village" is a patient)."""
        if not self.sentences:
            return "unknown"
        named = NAME_THEN_BRACKET.search(self.text, max(0, start - 40), start)
        if named:
            # whose the bracket is, the name says: its cues may include the bracket itself
            return self.subject_of(*named.span(1))
        i = self.sentence_index(start)
        s_start, s_end = self.sentences[i]
        addressed = self._subject_cues(s_start, s_end, ignore, addressed=True)
        cues = [c for c in addressed if not self._addressed(c[0], c[2])]
        nearby = self._subject_cues(self.sentences[max(i - 1, 0)][0], self.sentences[min(i + 1, len(self.sentences) - 1)][1],
                                    ignore)
        # "Dear Dr Patel at Riverside Urgent Care": the one addressed owns the details next to them
        adjacent = self._adjacent(addressed, start, end, nearby)
        if adjacent:
            return adjacent
        if len({c[2] for c in cues}) == 1:
            return cues[0][2]
        before = [c for c in cues if c[0] < start]
        if before:
            return before[-1][2]
        if cues:
            return cues[0][2]
        earlier = self._subject_cues(0, s_start, ignore)
        if earlier and THIRD_PERSON.search(self.text, s_start, s_end):
            return earlier[-1][2]
        # "Anyone know Aoife Brennan? She was my patient": the next sentence,
        # opening on a pronoun, says who the person was.
        if i + 1 < len(self.sentences):
            n_start, n_end = self.sentences[i + 1]
            if REFERS_BACK.match(self.text, n_start, n_end):
                following = self._subject_cues(n_start, n_end, ignore)
                if following:
                    return following[0][2]
        return "unknown"


def _carry_over(ctx: PostContext, labels: list[set]) -> None:
    """A sentence that names no one but speaks of him or her, or answers them,
    goes on about the one subject of the sentence before: "Patient sourd qui
    hurle. On l'entend jusqu'au parking, lui par contre n'entend rien. Ironie." """
    for i in range(1, len(labels)):
        before = labels[i - 1] & set(SUBJECTS)
        start, end = ctx.sentences[i]
        if len(before) == 1 and not labels[i] & set(SUBJECTS) and (
                THIRD_PERSON.search(ctx.text, start, end) or REPLY.search(ctx.text, start, end)):
            labels[i] |= before


def _drop_nested(cues: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A cue inside a longer cue of another label is part of it: in "J'ai 45 ans"
    (the author) the "45 ans" is no patient's age."""
    def nested(c, o):
        return (o[2] != c[2] and o[0] <= c[0] and c[1] <= o[1] and o[1] - o[0] > c[1] - c[0]
                and c[2] in SUBJECTS and o[2] in SUBJECTS)

    return [c for c in cues if not any(nested(c, o) for o in cues)]


class ContextModel:
    """Compiled cues for one language."""

    def __init__(self, cues: dict, tokenizer, lang: str):
        self._terms = {label: TermMatcher(c.get("terms", []), tokenizer) for label, c in cues.items()}
        self._index = PatternIndex()
        self._patterns = {label: [(compiled(p), self._index.add(p)) for p in c.get("patterns", [])]
                          for label, c in cues.items()}
        self._stories = _story_cues(cues, lang)

    def _hits(self, analysis: Analysis):
        for label, matcher in self._terms.items():
            for start, end, _ in matcher.matches(analysis):
                yield start, end, label
        candidates = self._index.candidates(analysis.lowered)
        for label, patterns in self._patterns.items():
            for pattern, pid in patterns:
                if pid not in candidates:
                    continue
                for m in finditer(pattern, analysis.text, f"{label} cue"):
                    if m.end() > m.start():
                        yield m.start(), m.end(), label

    def read(self, analysis: Analysis) -> PostContext:
        sentences = analysis.sentences or [(0, len(analysis.text))]
        labels = [set() for _ in sentences]
        ctx = PostContext(sentences, [], _drop_nested(sorted(set(self._hits(analysis)))), analysis.text)
        for start, _, label in ctx.cues:
            labels[ctx.sentence_index(start)].add(label)
        self._read_as_story(analysis, ctx, labels)
        _carry_over(ctx, labels)
        ctx.labels = [frozenset(s) for s in labels]
        return ctx

    def _read_as_story(self, analysis: Analysis, ctx: PostContext, labels: list[set]) -> None:
        """A post the classifier reads as one subject's story ("67M, retired
        trawlerman, Kinlochbervie...": a patient, with no word saying so) speaks
        of that subject in every sentence that names no one else; each such
        sentence gets an empty cue at its start."""
        for subject, label, threshold in self._stories:
            if classifier.post_scores(analysis)[label] < threshold:
                continue
            for (start, _), found in zip(ctx.sentences, labels):
                if found & set(SUBJECTS) <= {subject}:
                    found.add(subject)
                    ctx.cues.append((start, start, subject))
        ctx.cues.sort()


def _story_cues(cues: dict, lang: str) -> list[tuple[str, str, float]]:
    """(subject, label, threshold) of the `model` cues the language's classifier
    can answer; the threshold is the cue's own, or the one training chose."""
    model = classifier.load(lang)
    stories = []
    for subject, c in cues.items():
        cue = c.get("model")
        if cue and model and cue["label"] in model.labels:
            stories.append((subject, cue["label"], cue.get("threshold", model.thresholds[cue["label"]])))
    return stories
