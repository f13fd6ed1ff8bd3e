"""The linter: text -> analysis -> detectors -> findings -> score -> rewrite.

    from postcheck import Linter
    report = Linter().check("Reçu ce matin Mme Lefèvre, 82 ans...")
    report.to_dict()

A Linter loads its rules once and each language's models on first use; keep
one and call `check` or `check_many` as often as needed.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable

from postcheck import config as config_mod
from postcheck import generalize, patterns, rewrite, ruleset, scoring
from postcheck.context import ContextModel
from postcheck.model import Finding, Report, severity_rank
from postcheck.nlp import LANGUAGES, Analysis, Pipelines

log = logging.getLogger("postcheck")


def _cancelled(rule, detector, hit, text: str, context) -> bool:
    """An `unless` pattern in the hit's sentence: the word is quoted to condemn it, or
    negated. Where the detector judges the whole post, the `unless` reads it all."""
    if detector.JUDGES_POST:
        start, end = 0, len(text)
    else:
        start, end = context.sentences[context.sentence_index(hit.start)]
        end = max(end, hit.end)
    for pattern in rule.context.unless:
        try:
            if patterns.compiled(pattern).search(text, start, end, timeout=patterns.TIMEOUT):
                return True
        except TimeoutError:
            log.warning("rule %s: unless pattern timed out, ignored for this post", rule.id)
    return False


def _one_per_span(findings: list[Finding]) -> list[Finding]:
    """Two rules of a category on the same words say one thing: the report keeps
    the graver (`findings` keeps both, for the tests of each rule)."""
    kept: dict[tuple, Finding] = {}
    for f in findings:
        key = (f.category, f.start, f.end)
        if key not in kept or (severity_rank(f.severity), f.score) > (severity_rank(kept[key].severity), kept[key].score):
            kept[key] = f
    return sorted(kept.values(), key=lambda f: (f.start, f.end, f.rule))


class Linter:
    def __init__(self, config: config_mod.Config | None = None, rule_dirs: Iterable[Path] = (),
                 builtin: bool = True):
        self.config = config if config is not None else config_mod.Config()
        dirs = ([ruleset.builtin_rules_dir()] if builtin else []) + list(self.config.rule_dirs) + list(rule_dirs)
        self.ruleset = ruleset.load(dirs)
        self.rules = [r for r in self.ruleset.rules if self.config.is_enabled(r)]
        self.pipelines = Pipelines(self.config.models)
        self._compiled: dict[str, tuple] = {}

    def _for(self, lang: str):
        """Context model and detectors for one language, compiled on first use."""
        if lang not in self._compiled:
            from postcheck.detectors import detector_class

            nlp = self.pipelines.spacy(lang)
            context = ContextModel(self.ruleset.context.get(lang, {}), nlp.tokenizer, lang)
            detectors = [(r, detector_class(r.kind)(r, lang, nlp)) for r in self.rules if lang in r.languages]
            self._compiled[lang] = (context, detectors)
        return self._compiled[lang]

    def _language(self, text: str, lang: str | None) -> str:
        lang = lang or self.config.language
        if lang in (None, "auto"):
            return self.pipelines.detect_language(text)
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r} (use {', '.join(LANGUAGES)} or auto)")
        return lang

    def _suggestion(self, rule, hit, analysis, context) -> tuple[str | None, tuple[int, int] | None]:
        action = rule.fix.action
        if action == "replace":
            return rule.text(rule.fix.with_, analysis.lang), None
        if action == "generalize":
            if hit.fix_start is None and hit.fix_end is None:
                return hit.suggestion, None
            return hit.suggestion, (hit.start if hit.fix_start is None else hit.fix_start, hit.fix_end or hit.end)
        if action == "remove":
            return "", (generalize.removal_start(analysis.text, hit.start, analysis.lang), hit.end)
        if action == "drop-sentence":
            # Every sentence the finding touches: a quoted testimonial may run over several.
            first = context.sentences[context.sentence_index(hit.start)]
            last = context.sentences[context.sentence_index(max(hit.end - 1, hit.start))]
            return "", (first[0], last[1])
        return None, None

    def findings(self, analysis: Analysis) -> list[Finding]:
        context_model, detectors = self._for(analysis.lang)
        context = context_model.read(analysis)
        found: dict[tuple, Finding] = {}
        for rule, detector in detectors:
            want, avoid, scope = rule.context.requires, rule.context.excludes, rule.context.scope
            for hit in detector.find(analysis, context):
                labels = context.labels_for(hit.start, scope)
                if (want and not labels & set(want)) or (avoid and labels & set(avoid)):
                    continue
                if rule.context.unless and _cancelled(rule, detector, hit, analysis.text, context):
                    continue
                score = rule.confidence * hit.score
                if score < self.config.thresholds.min_score:
                    continue
                suggestion, fix_span = self._suggestion(rule, hit, analysis, context)
                finding = Finding(rule.id, rule.category, rule.severity, score, hit.start, hit.end,
                                  analysis.text[hit.start:hit.end], rule.text(rule.message, analysis.lang),
                                  rule.source, suggestion, fix_span)
                key = (rule.id, hit.start, hit.end)
                if key not in found or found[key].score < score:
                    found[key] = finding
        return sorted(found.values(), key=lambda f: (f.start, f.end, f.rule))

    def report(self, analysis: Analysis) -> Report:
        findings = _one_per_span(self.findings(analysis))
        score = scoring.post_score(findings)
        return Report(
            language=analysis.lang,
            verdict=scoring.verdict(findings, score, self.config.thresholds),
            score=score,
            findings=findings,
            rewrite=rewrite.rewrite(analysis.text, findings, analysis.lang),
        )

    def check(self, text: str, lang: str | None = None) -> Report:
        return self.check_many([text], lang)[0]

    def check_many(self, texts: Iterable[str], lang: str | None = None) -> list[Report]:
        """Check many posts, each language batched through spaCy's `nlp.pipe`."""
        return [self.report(a) for a in self.analyse(texts, lang)]

    def analyse(self, texts: Iterable[str], lang: str | None = None) -> Iterable[Analysis]:
        """Each post analysed in its language (given, configured or detected)."""
        texts = list(texts)
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise TypeError(f"post {i}: expected str, got {type(text).__name__}")
        return self.pipelines.analyse(texts, [self._language(t, lang) for t in texts])
