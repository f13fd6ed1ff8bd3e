"""`kind: entity`: Presidio entities (names, contacts, identifiers...), kept only
when the detail is about a subject the rule names (a patient by default).

spaCy's small models tag many capitalised words as persons ("Salle d'attente",
"Fiche de poste", "Vos avis"), so a PERSON must also look like a name before it
counts; and a name is replaced by "une patiente" / "a patient", or dropped when
the post already says who the person is ("ma patiente Mme X", "his wife Ann").
"""

from __future__ import annotations


import regex

from postcheck import generalize
from postcheck.detectors import BaseDetector, Hit
from postcheck.nlp import Lexicon, lexicon
from postcheck.recognizers import DIGIT_WORD, EPONYMS, resolve

HONORIFIC = regex.compile(r"(?:\b(?:Mme|Mlle|M|Mr|Mrs|Ms|Miss|Mx|Madame|Monsieur|Mademoiselle)\.?\s+)$")
# What a capitalised word is not a person's name after: a street, a disease or a
# sign ("rue Gambetta", "maladie de Fabry"), a possessive or an article ("son
# Seroplex", "the Whipple"), a work ("jouer du Brassens"), a place preposition
# ("in Much Hadham"), or a drug's frame ("sous Xarelto", "except Dilaudid").
NOT_A_PERSON_BEFORE = regex.compile(
    r"\b(?:(?:rue|avenue|av|boulevard|bd|place|allée|impasse|quai|chemin|cours|tour|cité|résidence|immeuble|"
    r"maladie|syndrome|signe|test|score|"
    r"manœuvre|manoeuvre|méthode|loi|classification|critères|échelle|stade)\s+(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+|d['’])?"
    r"|(?:son|sa|ses|mon|ma|mes|ton|ta|tes|notre|votre|leur|du|des|le|la|les|un|une|his|her|their|my|your|our|the|an?)\s+"
    # a street a trade or a home is on: "a hairdresser on Belle Vue", "lives in Marsh Gibbon"
    r"|(?:hairdresser|shop|salon|stall|café|cafe|pub|bakery|house|flat|lives|living|works|working|based)\s+(?:on|in)\s+"
    r"|(?:jou\w*|écout\w*|chant\w*|lu|lire|relu)\s+(?:du|de)\s+"
    # someone the patient is compared to: "se prend pour Napoléon", "thinks he's Elvis"
    r"|(?:se\s+(?:prend|prenait|croit|croyait)(?:\s+pour)?|(?:thinks|thought)\s+(?:he|she|they)(?:['’]s|['’]re|\s+is|\s+was|\s+are)"
    r"|sosie\s+de|lookalike|look-alike|dressed\s+as|déguisée?\s+en)\s+"
    # an app someone is on: "scrolling Insta", "watching Netflix"
    r"|(?:scroll\w*|swip\w*|watch\w*|binge\w*|stream\w*)\s+"
    # a place preposition, but not "Bravo à X", "Merci à X", "proud of X", "the death of X"
    r"|(?:in|near|from|(?<!\b(?:proud|thinking|fond|loss|death|memory|care|wife|husband|son|daughter|mother|father|widow|friend|family)\s)of"
    r"|(?<!\b(?:bravo|merci|félicitations|courage|pensées?|bienvenue|rétablissement|hommage|soutien)\s)à"
    r"|de|près\s+de)\s+(?:[A-Z][a-z]+\s+)?"
    r"|(?:sous|except|allergi\w*\s+(?:à|au|to)|allergies\s*:|prescri\w*|mis\s+sous|switched\s+to|started\s+on|"
    r"dose\s+of|taking|prend|prenait|de\s+la|du)\s*['‘\"«]?\s*)$",
    regex.IGNORECASE)
# Words that end the name of a place ("Market St", "Brookfield Common"): a span
# they end or follow is no person.
PLACE_WORDS = (r"Street|St|Road|Rd|Lane|Avenue|Ave|Close|Drive|Way|Common|Park|Green|Heath|Moor|Fields|Hill|Woods?|"
               r"Estate|Square|Bridge|Marsh|Forest|Beach|Pier|Harbour|Quay|Gardens|Allotments")
NOT_A_PERSON_AFTER = regex.compile(
    r"^-[a-z]|^\s*\d+(?:[.,]\d+)?\s*(?:mg|g|µg|mcg|ml|UI|IU|cp|mg/j)\b|^(?:['’]s)?\s+(?:disease|syndrome|sign|test|score|criteria|lesions?|nodes?|palsy|phenomenon|"
    rf"{PLACE_WORDS})\b"
    # a department named after its specialty: "Paeds ED", "Ortho clinic"
    r"|^\s+(?:ED|ER|ICU|HDU|NICU|PICU|OPD|clinic|ward|resus)\b")
PLACE_WORD = regex.compile(rf"(?:{PLACE_WORDS})")
# Spans that are names by their form: an honorific, initials, a hashtag, "le petit Lucas".
TRUSTED_NAME = regex.compile(
    r"(?:Mme|Mlle|M|Mr|Mrs|Ms|Miss|Mx|Madame|Monsieur|Mademoiselle)\b\.?\s+(?-i:[A-ZÉ])|#|@|[A-Z]\.|(?:le\s+petit|la\s+petite|(?-i:little|baby))\s",
    regex.IGNORECASE)
# A name right after a word that already says who it is adds nothing but the
# identity: "ma patiente Mme X" -> "ma patiente", "his wife Ann" -> "his wife",
# "Merci Sandrine pour ta confiance" -> "Merci pour ta confiance".
ROLE_BEFORE = {
    "fr": regex.compile(r"\b(?:patiente?|patients?|pte?|femme|mari|fils|fille|mère|père|frère|sœur|soeur|épouse|époux|"
                        r"compagne?|merci|bravo|félicitations)\s*,?\s*$", regex.IGNORECASE),
    "en": regex.compile(r"\b(?:patients?|pt|wife|husband|son|daughter|mother|mum|mom|father|dad|brother|sister|partner|"
                        r"thanks|thank\s+you|congrats|congratulations|well\s+done|"
                        # someone the readers know by their job: "our postman Derek" -> "our postman"
                        r"(?:our|my|the)\s+(?:local\s+)?(?:postman|postwoman|postie|milkman|cleaner|plumber|builder|vicar|"
                        r"caretaker|gardener|lollipop\s+(?:man|lady)|window\s+cleaner|barber|hairdresser|landlord|landlady))"
                        r"\s*,?\s*$", regex.IGNORECASE),
}
# A name given as such goes with the word that gives it: "a guy named Kevin" -> "a guy".
NAMED_BEFORE = {
    "fr": regex.compile(r"\s+(?:prénommée?|surnommée?|appelée?|qui\s+s['’]appelle)\s+$", regex.IGNORECASE),
    "en": regex.compile(r",?\s+(?:named|called|by\s+the\s+name\s+of)\s+$", regex.IGNORECASE),
}
# The words that announce an identifier or a number go with it when it is
# removed: "my pt with SSN 412-55-0937" -> "my pt", "his number is 07700..." -> "";
# not after a possessive ("my pt's SSN 412-..." -> "my pt's SSN").
LABEL_BEFORE = regex.compile(
    r"(?<!['’]s\s|\b(?:his|her|their|its|son|sa|leur)\s)\b(?:SSN|NIR|NHS(?:\s+(?:number|no\.?))?|social\s+security(?:\s+number)?|n°\s*(?:de\s+)?sécu(?:rité\s+sociale)?|"
    r"numéro\s+de\s+sécu(?:rité\s+sociale)?|(?:(?:his|her|their|my|the)\s+)?(?:phone\s+|mobile\s+|cell\s+)?number\s+is|"
    r"(?:son|sa|leur)\s+(?:numéro|portable|tél(?:éphone)?|e-?mail|adresse\s+e-?mail)\s+(?:est|c['’]est)(?:\s+le)?)"
    r"\s*(?::|#)?\s*$", regex.IGNORECASE)
# An identifier keeps its label when it follows its owner ("Pt's NHS no. [number]") or
# is the subject its sentence opens on ("SSN [number] on the referral is wrong").
POSSESSIVE_BEFORE = regex.compile(r"(?<=\w)['’]s\s+$")
CLAUSE_GOES_ON = regex.compile(r"\s+(?:on|in|is|was|for|from|has|had|keeps?|belongs?|rejected|denied|returned|bounced)\b")
# The number inside a labelled identifier, and what joins it to its label ("MRN is", "MRN:").
NUMBER = regex.compile(rf"\d|\b{DIGIT_WORD}\b", regex.IGNORECASE)
LABEL_JOIN = regex.compile(r"[\s:#=]*(?:\b(?:is|was|reads|est|c['’]est)\b)?[\s:#=]*$", regex.IGNORECASE)
# A contact detail stated after a possessive label, closing its clause, loses its copula:
# "pt's email is [address], wants" -> "pt's email, wants".
COPULA_BEFORE = regex.compile(r"(?<=['’]s\s+(?:e-?mail|mobile|phone|number|cell)(?:\s+(?:address|number))?)\s+(?:is|was)\s*:?\s*$",
                              regex.IGNORECASE)
CLAUSE_ENDS = regex.compile(r"\s*(?:[,.;!?]|$)")
# What names an identifier ("her MRN", "le NIR de ma patiente", "son numéro de sécu").
ID_LABEL = (r"(?:(?:NHS|hospital|record|phone|mobile|cell)\s+)?(?:number|no\.?)|numéro(?:\s+de\s+sécu(?:rité\s+sociale)?)?"
            r"|NIR|MRN|SSN|IPP|sécu|phone|mobile|portable|tél(?:éphone)?|(?:adresse\s+)?e-?mail|address|adresse")
# The label with whose it is: "the SSN of my patient", "le NIR de mon patient".
ID_LABEL_OF = rf"\b(?:{ID_LABEL})(?:[ \t]+(?:of|de|du|d['’])[ \t]*(?:[\w'’-]+[ \t]+){{0,2}}?[\w'’-]+)?"
# A sentence that opens on an identifier's label and its copula says nothing else
# about the patient: "Her MRN is [number] and the lab..." -> "The lab...".
ID_CLAUSE = regex.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*(?:[\w'’-]+[ \t]+){{0,5}}?{ID_LABEL_OF}"
                          rf"(?:[ \t]+(?:is|was|est|c['’]est)(?:[ \t]+le)?[ \t]*:?|[ \t]*:)[ \t]*$", regex.IGNORECASE)
# What follows such a clause: a conjunction or a comma before the next clause, or the sentence's end.
ID_CLAUSE_END = regex.compile(r"[ \t]*(?:,[ \t]*)?(?:and|but|so|et|mais|donc)[ \t]+(?=\w)"
                              r"|[ \t]*,[ \t]*(?=(?:il|elle|ils|elles|on|je|nous|vous|la|le|les|l['’]|son|sa|ses|he|she|they|we|I|it|the"
                              r"|her|his|their|my|our|a|an|un|une|des|ce|cette|can|could|pouvez|quelqu['’]un|someone|anyone)\b)"
                              r"|[ \t]*(?:[.!?]+[ \t]*|$)", regex.IGNORECASE)
APPOSITION_ENDS = regex.compile(r"[ \t]*,")
# The article of a room that stands for its patient: "Le box 3 a sonné".
ROOM_ARTICLE = regex.compile(r"\b(?:le|la|l['’]|the)\s*$", regex.IGNORECASE)
# An identifier given as what a patient comes "with", beside what else they come with.
WITH_BEFORE = regex.compile(r"\b(?:with|avec)[ \t]+$", regex.IGNORECASE)
AND_AFTER = regex.compile(r"[ \t]+(?:and|et)[ \t]+", regex.IGNORECASE)
# An identifier set between commas after its label: "her NHS number, [number], comes back" -> "her NHS number comes back".
ID_APPOSITION = regex.compile(rf"(?<={ID_LABEL_OF})[ \t]*,[ \t]*$", regex.IGNORECASE)
# A title that goes with the name it precedes: "Coach Dale Summers" -> "a patient".
TITLE_BEFORE = regex.compile(r"\b(?-i:Coach|Sergeant|Sgt\.?|Corporal|Cpl\.?|Officer|Captain|Capt\.?|Major|Colonel|Lieutenant|Lt\.?|"
                             r"Pastor|Reverend|Rev\.?|Judge|Councillor|Councilor|Deputy|Sheriff|Chief)\s+$")
ADDRESS_WORDS = {"madame", "monsieur", "mesdames", "messieurs", "mademoiselle", "docteur", "professeur", "maître",
                 "mme", "mlle", "mr", "mrs", "ms", "dr", "pr", "prof",
                 "sir", "madam", "doctor", "professor", "nurse", "mum", "mom", "dad", "papa", "maman", "mamie", "papy"}
PATIENT_APPOSITION = regex.compile(
    r"^\s*,\s*(?:un|une|mon|ma|notre|a|my|our)\s+(?:[\w-]+\s+){0,2}?(?:patiente?|patient|pte?)\b", regex.IGNORECASE)


class Detector(BaseDetector):
    KIND = "entity"
    PARAMS_SCHEMA = {
        "type": "object",
        "additionalProperties": False,
        "required": ["entities"],
        "properties": {
            "entities": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
            "min_score": {"type": "number", "minimum": 0, "maximum": 1},
            "given_names": {
                "description": "first names that the language's dictionary also lists as words (Jeanne, Tom, "
                               "Grace): a capitalised pair that starts with one is a name, and is found even "
                               "when the NER misses it",
                "type": "array", "items": {"type": "string", "minLength": 2},
            },
            "about": {
                "description": "whose detail counts; 'any' for identifiers that are always personal",
                "type": "array", "minItems": 1,
                "items": {"enum": ["patient", "colleague", "author", "public-figure", "unknown", "any"]},
            },
        },
    }

    def setup(self, nlp):
        self.entities = set(self.params["entities"])
        self.min_score = self.params.get("min_score", 0.5)
        self.about = set(self.params.get("about", ["patient"]))
        self.lexicon = lexicon(nlp, self.lang) if "PERSON" in self.entities else Lexicon()
        self.given = set(self.params.get("given_names", []))
        # "Jenny Okoro", "Jeanne Morel-Duval": a known first name and a capitalised surname.
        self.given_pair = regex.compile(
            rf"(?<![\w#@.])(?:{'|'.join(sorted(map(regex.escape, self.given), key=len, reverse=True))})"
            r"\s+(?:(?:de|du|van|von|Le|La)\s)?(?:Mc|Mac|O['’]|D['’])?[A-ZÉÈ][a-zà-ÿ]+(?:-[A-ZÉÈ][a-zà-ÿ]+)?\b"
        ) if self.given else None

    def _counts(self, context, start, end, ignore) -> bool:
        return "any" in self.about or context.subject_of(start, end, ignore) in self.about

    def _hashtag_in_patient_post(self, analysis, context, start) -> bool:
        # A hashtag stands apart from any sentence: it speaks for the whole post.
        return analysis.text[start] == "#" and "patient" in self.about and "patient" in context.post_labels

    def _common(self, token) -> bool:
        """A word that is no name here: a function word, a number, an honorific
        used alone ("Mesdames"), or a dictionary word opening its sentence."""
        word = token.text
        if token.is_stop or token.like_num or len(word) == 1 or word.lower() in ADDRESS_WORDS:
            return True
        first = not any(t.is_alpha for t in token.sent[: token.i - token.sent.start])
        if token.i > 0:  # an emoji ends a sentence as well as a full stop: "Coucou 👋 Médecin et..."
            before = token.nbor(-1)
            first = first or not (before.is_alpha or before.is_punct or before.like_num or before.is_space)
        # "Gave Doris her dose": a verb opening the sentence, known by its lemma
        return first and word not in self.given and (
            word.lower() in self.lexicon or (token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.lexicon))

    def _name_span(self, analysis, start: int, end: int) -> tuple[int, int] | None:
        """The name inside a PERSON entity, or None when it is no name: capitalised
        words that are not all common words ("Candy Crush", "Fiche de poste"), not
        part of a street or disease name ("rue Gambetta", "maladie de Fabry")."""
        text = analysis.text
        if TRUSTED_NAME.match(text, start):
            return start, end
        if text[max(0, start - 1):start] == "#" or "&" in text[start:end]:  # "#MedTwitter", "Paeds A&E": no person
            return None
        span = analysis.doc.char_span(start, end, alignment_mode="expand") or ()
        if any(t.is_digit for t in span):  # "Div 1", "Year 2": a division or a class, no one's name
            return None
        words = [t for t in span if t.text[:1].isupper() and regex.fullmatch(r"\p{L}+(?:['’]\p{L}+)?", t.text)
                 and not (t.text.isupper() and len(t) > 1)]  # "D'Souza" is one word
        while words and self._common(words[0]):  # "Merci Sandrine" -> "Sandrine"
            words.pop(0)
        if not words or (len(words) > 1 and words[0].text not in self.given
                         and all(t.text.lower() in self.lexicon for t in words)):
            return None
        if all(regex.fullmatch(EPONYMS, t.text) for t in words):  # "ma patiente Alzheimer": the disease
            return None
        # A capitalised word that qualifies a common noun is no name: "the only Sikh family",
        # "a Tesco delivery driver".
        last = words[-1]
        if (last.dep_ in ("amod", "compound") and last.head.pos_ == "NOUN" and last.head.text.islower()
                and not start <= last.head.idx < end and last.text not in self.given):
            return None
        start = max(start, words[0].idx)
        if NOT_A_PERSON_BEFORE.search(text, max(0, start - 30), start) or NOT_A_PERSON_AFTER.match(text[end:end + 20]):
            return None
        if len(words) > 1 and PLACE_WORD.fullmatch(words[-1].text):
            return None
        return start, end

    def _span(self, analysis, result) -> tuple[int, int] | None:
        """The entity without stray emoji or punctuation around it; for a name,
        only the name, with the honorific that precedes it ("Mme Dupont")."""
        text = analysis.text
        start, end = result.start, result.end
        while start < end and not (text[start].isalnum() or text[start] in "#@+("):
            start += 1
        while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
            end -= 1
        if end <= start:
            return None
        if result.entity_type != "PERSON":
            return start, end
        named = self._name_span(analysis, start, end)
        if named is None:
            return None
        start, end = named
        if text[end - 2:end] in ("'s", "’s"):  # "Mr Okoye's marrows" -> "a patient's marrows"
            end -= 2
        m = HONORIFIC.search(text, max(0, start - 15), start)
        return (m.start() if m else start), end

    def _adjective_before(self, analysis, start: int):
        """An English adjective right before a name ("lovely", "poor", "brave")."""
        if self.lang != "en":
            return None
        span = analysis.doc.char_span(start, start + 1, alignment_mode="expand")
        i = span.start if span is not None else 0
        previous = analysis.doc[i - 1] if i > 0 else None
        if previous is not None and previous.pos_ == "ADJ" and previous.text.islower():
            before = analysis.doc[i - 2] if i > 1 else None
            return previous if before is None or before.pos_ not in ("DET", "PRON") else None
        return None

    def _suggest(self, analysis, entity_type, start, end) -> tuple[int | None, int | None, str]:
        """(fix start, fix end, replacement): None keeps the match's own bound."""
        text = analysis.text
        if entity_type == "PERSON":
            if text[start] == "#" or ROLE_BEFORE[self.lang].search(text, max(0, start - 30), start):
                return len(text[:start].rstrip(" ,")), None, ""
            named = NAMED_BEFORE[self.lang].search(text, max(0, start - 20), start)
            if named:  # "a guy named Kevin calls" -> "a guy calls"
                return named.start(), None, ""
            if PATIENT_APPOSITION.match(text[end:end + 30]):
                # "Mrs X, a patient I have cared for" -> "a patient I have cared for"
                return start, None, ""
            phrase = generalize.person(self.lang, generalize.sex_near(text, start, end))
            title = TITLE_BEFORE.search(text, max(0, start - 15), start)
            if title:  # "Shout out to Coach Dale Summers" -> "Shout out to a patient"
                return title.start(), None, phrase
            adjective = self._adjective_before(analysis, start)
            if adjective is not None:  # "lovely Mr Okafor" -> "a lovely patient"
                return adjective.idx, None, f"{phrase.split()[0]} {adjective.text} {phrase.split()[-1]}"
            return None, None, phrase
        if entity_type == "DATE_OF_BIRTH":
            return None, None, generalize.birth_year(text[start:end], self.lang)
        subject = self._room_as_subject(analysis, entity_type, start, end)
        if subject is not None:  # "Bed 7 keeps pressing the buzzer" -> "A patient keeps pressing the buzzer"
            return subject, None, generalize.person(self.lang, generalize.sex_near(text, start, end))
        return *self._removal_span(text, entity_type, start, end), ""

    @staticmethod
    def _room_as_subject(analysis, entity_type: str, start: int, end: int) -> int | None:
        """Where a room or bed that stands for its patient as the subject of a verb
        begins ("Bed 14 is...", "Le box 3 a sonné"), or None."""
        if entity_type != "ROOM":
            return None
        text = analysis.text
        article = ROOM_ARTICLE.search(text, max(0, start - 4), start)
        first = article.start() if article else start
        if not generalize.SENTENCE_START.search(text, 0, first):
            return None
        following = next((t for t in analysis.doc if t.idx >= end and not t.is_space), None)
        return first if following is not None and following.pos_ in ("VERB", "AUX") else None

    def _removal_span(self, text: str, entity_type: str, start: int, end: int) -> tuple[int, int]:
        """What goes with an identifier or a contact detail: the clause that only
        states it, or the commas around it after its label; else what `_removal_start` says."""
        number = NUMBER.search(text, start, end)
        clause = ID_CLAUSE.search(text, max(0, start - 80), number.start() if number else start)
        after = ID_CLAUSE_END.match(text, end)
        if clause and after:
            return clause.start(), after.end()
        label = LABEL_BEFORE.search(text, max(0, start - 40), start)
        first = label.start() if label else start  # the identifier with the words that announce it
        joined = AND_AFTER.match(text, end)
        if joined and WITH_BEFORE.search(text, max(0, first - 8), first):
            # "Patient with NHS number [number] and chest pain" -> "Patient with chest pain"
            return first, joined.end()
        comma = ID_APPOSITION.search(text, max(0, start - 30), start)
        after = APPOSITION_ENDS.match(text, end)
        if comma and after:
            return comma.start(), after.end()
        return self._removal_start(text, entity_type, first, end), end

    def _removal_start(self, text: str, entity_type: str, start: int, end: int) -> int:
        """Where the removal of an identifier or a contact detail starts, given where
        its label starts: with the label ("SSN 412-..." goes whole), or after it when
        the label has to stay."""
        if POSSESSIVE_BEFORE.search(text, max(0, start - 4), start) or (
                entity_type != "ROOM" and generalize.SENTENCE_START.search(text, 0, start)
                and CLAUSE_GOES_ON.match(text, end)):
            return self._number_start(text, start, end)
        copula = COPULA_BEFORE.search(text, max(0, start - 30), start)
        if copula and CLAUSE_ENDS.match(text, end):
            return copula.start()
        return generalize.removal_start(text, start, self.lang)

    @staticmethod
    def _number_start(text: str, start: int, end: int) -> int:
        """Where the number of a labelled identifier begins, with what separates
        it from its label: "Mr X's MRN: 00482913 is wrong" -> "a patient's MRN is
        wrong", "Pt's MRN is 2210458 if..." -> "Pt's MRN if..." (the label says what
        was removed, and the sentence keeps its subject)."""
        number = NUMBER.search(text, start, end)
        k = number.start() if number else start
        return LABEL_JOIN.search(text, start, k).start()

    def _given_pairs(self, analysis) -> list:
        """"First-name Surname" pairs the NER missed ("saw Jenny Okoro in clinic")."""
        if self.given_pair is None or "PERSON" not in self.entities:
            return []
        from presidio_analyzer import RecognizerResult

        return [RecognizerResult("PERSON", m.start(), m.end(), 0.7,
                                 recognition_metadata={"recognizer_name": "GivenName"})
                for m in self.given_pair.finditer(analysis.text)]

    def find(self, analysis, context):
        results = resolve(analysis.entities) + self._given_pairs(analysis)
        # A room number or a phone number is no evidence of whose it is (a cue
        # such as "lit 7" inside one does not count); an honorific in a name is.
        ignore = [(r.start, r.end) for r in results if r.entity_type in self.entities and r.entity_type != "PERSON"]
        done: list[tuple[int, int]] = []
        names: dict[str, float] = {}
        # Longest first, so that "Mr. Jim K." is reported once, not also as "Jim".
        for result in sorted(results, key=lambda r: r.start - r.end):
            if result.entity_type not in self.entities or result.score < self.min_score:
                continue
            span = self._span(analysis, result)
            if span is None or any(s <= span[0] and span[1] <= e for s, e in done):
                continue
            start, end = span
            if self._counts(context, start, end, ignore) or self._hashtag_in_patient_post(analysis, context, start):
                done.append(span)
                if result.entity_type == "PERSON":
                    names.setdefault(analysis.text[start:end], result.score)
                fix_start, fix_end, suggestion = self._suggest(analysis, result.entity_type, start, end)
                yield Hit(start, end, result.score, suggestion, fix_start=fix_start, fix_end=fix_end)
        yield from self._repeats(analysis, names, done)

    def _repeats(self, analysis, names: dict[str, float], done: list[tuple[int, int]]):
        """The same patient wherever their name recurs, where the NER saw it only once
        ("Little Jayden's mum says... Little Jayden has...")."""
        for name, score in names.items():
            for m in regex.finditer(rf"(?<![\w@#]){regex.escape(name)}(?!\w)", analysis.text):
                if any(s < m.end() and m.start() < e for s, e in done):
                    continue
                done.append(m.span())
                fix_start, fix_end, suggestion = self._suggest(analysis, "PERSON", m.start(), m.end())
                yield Hit(m.start(), m.end(), score, suggestion, fix_start=fix_start, fix_end=fix_end)
