"""`kind: quasi-identifiers`: details that are harmless alone and identifying together.

Each detail kind (age, place, date, occupation...) has a weight in the rule
file: how far it narrows down who the patient is (a village narrows more than
a city, a rare disease more than a sex). Details about the patient are gathered
over the post; the combination scores 1 - prod(1 - weight) over the distinct
kinds present, so one detail alone stays low and each further kind raises the
score. The rule fires when at least `min` kinds are present and the score
reaches `threshold` (a detail marked `alone`, a role one person holds such
as "the mayor of Ledbury", needs no other); every detail then becomes a finding with its own
generalising suggestion, except those kept as they are (an occupation, a
diagnosis: the clinical question needs them), which only weigh in the score.
"""

from __future__ import annotations

import regex

from postcheck import generalize
from postcheck.detectors import BaseDetector, Hit
from postcheck.nlp import lexicon
from postcheck.patterns import PatternIndex, compiled
from postcheck.recognizers import resolve
from postcheck.terms import TermMatcher

GENERALIZE = ["age", "date", "remove", "keep", "person", "article", "replace"]
DETAIL = {
    "type": "object",
    "additionalProperties": False,
    "required": ["weight"],
    "properties": {
        "weight": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
        "alone": {"type": "boolean", "description": "identifying by itself: one person holds it"},
        "one-person": {"type": "boolean", "description": "a singular term met in the plural names a group: no detail"},
        "proper": {"type": "boolean",
                   "description": "a pattern match of one word the dictionary knows is none ('F, 34, Pregnant')"},
        "entities": {"type": "array", "items": {"type": "string"}},
        "terms": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "patterns": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "generalize": {"enum": GENERALIZE,
                       "description": "age: an age band; date: 'recently'; remove: drop it with its preposition; "
                                      "keep: leave it; person: 'a patient'; article: 'la seule' -> 'une'; "
                                      "replace: the `replacement` text"},
        "replacement": {"type": "string", "description": "what `generalize: replace` puts instead: 'on TV'"},
    },
}
# Words of address the NER sometimes tags as a place.
TITLES = {"docteur", "doc", "docteure", "madame", "monsieur", "mademoiselle", "professeur", "maître", "doctor",
          "sir", "madam", "nurse", "sister", "matron", "pt", "pte", "patient", "patiente", "mme", "mr", "mrs", "ms",
          "dr", "pr"}
# Body parts named after someone: the NER reads "a torn Achilles" as a place.
BODY_EPONYM = regex.compile(r"Achilles|Bartholin['’]?s?|Fallopian|Eustachian", regex.IGNORECASE)
# A product asked for or taken is no place: "me demande du Viagra", "taking Xanax".
SUBSTANCE_BEFORE = regex.compile(r"\b(?:demand\w*|pren\w*|pris|prescri\w*|veu\w+|voulai\w+|réclam\w*|sous|"
                                 r"taking|takes|took|prescribed|asks?\s+for|asked\s+for|wants?|wanted)\s+"
                                 r"(?:du\s+|de\s+la\s+|de\s+l['’]|des\s+|d['’]|some\s+|more\s+)?$", regex.IGNORECASE)
DETERMINER = regex.compile(r"(?:le|la|l['’]|les|un|une|mon|ma|notre|the|a|an|our|my)\b", regex.IGNORECASE)
# The determiner just before a role goes with it: "cared for the [Olympic rower]" -> "cared for a patient".
DETERMINER_BEFORE = regex.compile(r"\b(?:le|la|un|une|mon|ma|notre|the|a|an|our|my)\s+$|\bl['’]$", regex.IGNORECASE)
# The determiner and modifiers before a role: "our Year 11 netball" (captain).
NOUN_PHRASE_HEAD = regex.compile(r"\b(?:the|our|my|their|your|an?|le|la|les|une?|mon|ma|notre)\s+(?:[\w'’-]+\s+){1,3}$",
                                 regex.IGNORECASE)
MODIFIER_POS = {"ADJ", "NOUN", "PROPN", "NUM"}
# Nothing but spaces, quotes and brackets since the start of the text, a sentence or a clause.
SENTENCE_OPENS = regex.compile(r"(?:^|[.!?…:;»\"”)\n])[\s«\"“(]*$")
# "la seule sage-femme" -> "une sage-femme", "the only pilot" -> "a pilot".
ARTICLES = {"la": "une", "le": "un", "l'": "un", "l’": "un", "les": "des", "the": "a", "a": "a", "an": "a",
            "one": "", "un": "un", "une": "une", "ma": "une", "mon": "un", "notre": "un", "our": "a", "my": "a"}


class Detector(BaseDetector):
    KIND = "quasi-identifiers"
    PARAMS_SCHEMA = {
        "type": "object",
        "additionalProperties": False,
        "required": ["details", "threshold"],
        "properties": {
            "threshold": {"type": "number", "minimum": 0, "maximum": 1},
            "min": {"type": "integer", "minimum": 1},
            "min_entity_score": {"type": "number", "minimum": 0, "maximum": 1},
            "details": {"type": "object", "minProperties": 2, "additionalProperties": DETAIL},
        },
    }

    @classmethod
    def check_params(cls, params):
        errors = []
        for kind, detail in params.get("details", {}).items():
            for p in detail.get("patterns", []):
                try:
                    regex.compile(p)
                except regex.error as exc:
                    errors.append(f"details.{kind}: pattern {p!r} does not compile: {exc}")
        return errors

    def setup(self, nlp):
        self.details = self.params["details"]
        self.threshold = self.params["threshold"]
        self.min = self.params.get("min", 2)
        self.min_entity_score = self.params.get("min_entity_score", 0.5)
        self.common = lexicon(nlp, self.lang)
        self.terms = {k: TermMatcher(d.get("terms", []), nlp.tokenizer) for k, d in self.details.items()}
        self.index = PatternIndex()
        self.patterns = {k: [(compiled(p), self.index.add(p)) for p in d.get("patterns", [])]
                         for k, d in self.details.items()}

    def _spans(self, analysis, entities, kind, candidates):
        """(start, end, from_entity) of every occurrence of one detail kind."""
        wanted = set(self.details[kind].get("entities", []))
        proper = self.details[kind].get("proper", False)
        for r in entities:
            if r.entity_type in wanted and r.score >= self.min_entity_score and self._plausible(analysis, r):
                yield r.start, r.end, True
        one_person = self.details[kind].get("one-person", False)
        for start, end, term in self.terms[kind].matches(analysis):
            if one_person and self._plural_of(analysis, start, end, term):
                continue
            yield start, end, False
        for pattern, pid in self.patterns[kind]:
            if pid not in candidates:
                continue
            for start, end in analysis.matches(pattern, f"rule {self.rule.id}, detail {kind}"):
                while start < end and analysis.text[start].isspace():  # an optional preposition left out
                    start += 1
                if end > start and not (proper and analysis.text[start:end].lower() in self.common):
                    yield start, end, False

    @staticmethod
    def _plural_of(analysis, start: int, end: int, term: str) -> bool:
        """A singular term met in the plural: "Firefighters in Croydon ran a day"
        names a group, not one person (a term listed in the plural stays)."""
        if analysis.text[start:end].lower() == term.lower():
            return False
        words = analysis.doc.char_span(start, end, alignment_mode="expand")
        return words is not None and len(words) > 0 and "Plur" in words[-1].morph.get("Number")

    def _plausible(self, analysis, result) -> bool:
        """spaCy's NER tags emoji, hashtags, acronyms, lab values and lower-case
        words as places ("#MG", "ER", "HbA1c", "bariatric"), and common words a
        sentence opens on ("Réponse :", "Écoutez les femmes")."""
        text = analysis.text
        span = text[result.start:result.end]
        words = span.strip(" .").lower().split()
        if not words or words[0].strip(".") in TITLES:  # "« Docteur, ... »", "Pte F" are no place
            return False
        if words[0].strip(".,") in generalize.OUR_WORDS:
            return False
        if BODY_EPONYM.fullmatch(span.strip(" .")) or SUBSTANCE_BEFORE.search(text, max(0, result.start - 30), result.start):
            return False
        if len(words) == 1 and (regex.search(r"\d", span) or self._common_opening(analysis, result.start, words[0])):
            return False
        if span.islower():  # "refer for bariatric assessment": a place has a capital
            return False
        return (regex.search(r"\p{L}", span) is not None and text[max(0, result.start - 1):result.start] != "#"
                and not (span.isupper() and len(span) <= 4))

    def _common_opening(self, analysis, start: int, word: str) -> bool:
        return word in self.common and SENTENCE_OPENS.search(analysis.text, 0, start) is not None

    def _about_patient(self, context, start, end, details) -> bool:
        # Details are no evidence of whose they are: "maire" is a public role,
        # but in "H 52 ans, maire du village" both details are a patient's.
        subject = context.subject_of(start, end, ignore=details)
        return subject == "patient" or (subject == "unknown" and "patient" in context.post_labels)

    def _noun_after(self, analysis, start: int, end: int) -> int | None:
        """Where the noun an English age qualifies ends ("a 45yo [woman]"), unless
        the noun goes on in a compound the chunker cut ("mum-of-three")."""
        if self.lang != "en":
            return None
        for chunk in analysis.doc.noun_chunks:
            if chunk.start_char <= start and end < chunk.end_char and "," not in analysis.text[end:chunk.end_char]:
                after = analysis.text[chunk.end_char:chunk.end_char + 1]
                return None if after.isalnum() or after == "-" else chunk.end_char
        return None

    def _suggest(self, analysis, kind, start, end, others=()) -> tuple[int, int, str | None]:
        """(replacement start, detail end, replacement); None keeps the detail."""
        how = self._how(kind)
        text = analysis.text
        if how == "age":
            noun_end = self._noun_after(analysis, start, end)
            # the noun is itself a detail to edit ("a 29-year-old [Olympic rower]"): its own edit does it
            if noun_end and any(end <= s and e <= noun_end for s, e in others):
                noun_end = None
            return generalize.age(text, start, end, self.lang, noun_end)
        if how == "person" and (span := generalize.person_span(text, start, end)):
            return span
        fix_start, suggestion = self._replace(analysis, kind, start, end)
        return fix_start, end, suggestion

    def _replace(self, analysis, kind, start, end) -> tuple[int, str | None]:
        how = self._how(kind)
        text = analysis.text
        if how == "replace":
            return start, self.details[kind].get("replacement", "")
        if how == "keep":
            return start, None
        if how == "date":
            return generalize.date(text, start, self.lang)
        if how == "person":
            start = self._phrase_start(analysis, start)
            sex = generalize.sex_near(text, start, end)
            determiner = DETERMINER_BEFORE.search(text, max(0, start - 8), start)
            if determiner:
                return determiner.start(), generalize.person(self.lang, sex)
            if not DETERMINER.match(text, start):
                lead = self._sentence_lead(analysis, start)
                if lead is not None:  # a case that opens on the role: "Teenage goalkeeper for X, ACL rupture"
                    noun = generalize.patient_noun(self.lang, sex)
                    return start, noun if lead else noun.capitalize()
                return generalize.removal_start(text, start, self.lang), ""  # "maire de X" in apposition goes
            return start, generalize.person(self.lang, sex)
        if how == "article":
            first = regex.match(r"\w+['’]?", text[start:end])
            return start, ARTICLES.get(first.group().lower(), "") if first else ""
        return generalize.removal(text, start, self.lang)

    @staticmethod
    def _sentence_lead(analysis, start: int) -> str | None:
        """The words between the start of the sentence and `start` when they
        are all modifiers ("Teenage"), "" when there are none; else None."""
        s_start = next((s for s, e in analysis.sentences if s <= start < e), 0)
        if all(t.pos_ in MODIFIER_POS for t in analysis.doc if s_start <= t.idx < start):
            return analysis.text[s_start:start].strip()
        return None

    @staticmethod
    def _phrase_start(analysis, start: int) -> int:
        """Where the noun phrase a role ends ends begins: "our Year 11 netball
        [captain at X]" is replaced whole, not left as "our Year 11 netball"."""
        head = NOUN_PHRASE_HEAD.search(analysis.text, max(0, start - 40), start)
        if head and all(t.pos_ in MODIFIER_POS for t in analysis.doc if head.start() < t.idx < start):
            return head.start()
        return start

    def _gather(self, analysis, context):
        found: dict[str, list[tuple[int, int]]] = {}
        taken: list[tuple[int, int, bool, str]] = []
        entities = resolve(analysis.entities)
        may_match = self.index.candidates(analysis.lowered)
        candidates = [(kind, s, e, ent) for kind in self.details
                      for s, e, ent in self._spans(analysis, entities, kind, may_match)]
        spans = [(s, e) for _, s, e, _ in candidates]
        # Longer spans first ("le 3 février" over "février"), and at equal length
        # a listed word over a guessed entity ("Paris" the big city over LOCATION),
        # then a detail that identifies alone ("Koh-Lanta" a TV contest over a place).
        for kind, start, end, entity in sorted(candidates,
                                               key=lambda c: (c[1] - c[2], c[3], not self.details[c[0]].get("alone"))):
            overlap = [t for t in taken if t[0] < end and start < t[1]]
            if not self._about_patient(context, start, end, spans):
                continue
            if not overlap:
                taken.append((start, end, entity, kind))
                found.setdefault(kind, []).append((start, end))
            elif not entity and all(t[0] <= start and end <= t[1] and not t[2] and self._how(t[3]) != self._how(kind)
                                    for t in overlap):
                # A listed detail inside another one still counts: "the Eastfield
                # High quarterback" names a school and a role (no finding of its own);
                # not the same detail read twice ("94 ans" is one age, not two).
                found.setdefault(kind, [])
        return found

    def _how(self, kind: str) -> str:
        return self.details[kind].get("generalize", "remove")

    def risk(self, found: dict) -> float:
        safe = 1.0
        for kind in found:
            safe *= 1 - self.details[kind]["weight"]
        return 1 - safe

    def find(self, analysis, context):
        found = self._gather(analysis, context)
        if len(found) < self.min and not any(self.details[kind].get("alone") for kind in found):
            return
        score = self.risk(found)
        if score < self.threshold:
            return
        # details that will be edited: an age does not take them into its own phrase
        others = [span for kind, spans in found.items() if self._how(kind) != "keep" for span in spans]
        for kind, spans in found.items():
            for start, end in spans:
                fix_start, end, suggestion = self._suggest(analysis, kind, start, end, others)
                # A detail kept as it is (an occupation, a diagnosis) still weighs
                # in the score but is no finding: there is nothing to change.
                if suggestion is not None:
                    yield Hit(start, end, score, suggestion, fix_start=fix_start)
