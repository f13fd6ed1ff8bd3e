"""Patient privacy on an annotated corpus split: postcheck next to bare Presidio.

    python benchmarks/privacy.py [corpus/test]

Bare Presidio is a stock `AnalyzerEngine` with the same spaCy models and its
default recognizers; a post counts as flagged by it when any entity scores at
least 0.5 (the usual way it is wired into a pre-publication check). postcheck
counts a post as flagged when it raises a patient-privacy finding. Per
language: precision, recall and F1 on the posts annotated patient-privacy, and
the share of benign posts that name someone who is not a patient (a title
before a capitalised name, or a two-word name found by the NER) and yet raise
a privacy flag. Writes benchmarks/results/privacy.json.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).parent))
from common import bare_presidio, save  # noqa: E402

PRIVACY = "patient-privacy"
# A named person by form: "Dr Martin", "la ministre Mme X", "Prof. Okafor".
TITLED_NAME = regex.compile(
    r"\b(?:Dr|Dre|Drs|Pr|Prof|Professeur|Professeure|Docteur|Docteure|Mme|Madame|M|Monsieur|Mr|Mrs|Ms|Miss|"
    r"Sir|Dame|ministre|Minister|Senator|sénateur|sénatrice|député|députée|maire|Mayor)\.?\s+\p{Lu}[\p{L}-]+")


def names_someone(text: str, entities) -> bool:
    two_words = any(e.entity_type == "PERSON" and e.score >= 0.5 and len(text[e.start:e.end].split()) >= 2
                    and all(w[:1].isupper() for w in text[e.start:e.end].split()) for e in entities)
    return bool(TITLED_NAME.search(text)) or two_words


def scores(flags: list[bool], truth: list[bool]) -> dict:
    from postcheck.evaluate import prf

    pairs = list(zip(flags, truth))
    return prf(sum(f and t for f, t in pairs), sum(f and not t for f, t in pairs), sum(t and not f for f, t in pairs))


def main() -> None:
    from postcheck import Linter, evaluate

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=Path("corpus/test"))
    args = ap.parse_args()
    records = evaluate.read(args.corpus)
    linter, analyzer = Linter(), bare_presidio()
    result: dict = {"corpus": str(args.corpus), "languages": {}}
    for lang in ("fr", "en"):
        batch = [r for r in records if r.lang == lang]
        ours = [PRIVACY in o.raised for o in evaluate.run(linter, batch)]
        found = [analyzer.analyze(r.text, language=lang) for r in batch]
        bare = [any(e.score >= 0.5 for e in entities) for entities in found]
        truth = [PRIVACY in r.categories for r in batch]
        named = [i for i, r in enumerate(batch) if not r.categories and names_someone(r.text, found[i])]
        result["languages"][lang] = {
            "posts": len(batch), "privacy_posts": sum(truth), "benign_naming_someone": len(named),
            "postcheck": {**scores(ours, truth), "benign_naming_someone_pass": sum(not ours[i] for i in named)},
            "bare_presidio": {**scores(bare, truth), "benign_naming_someone_pass": sum(not bare[i] for i in named)},
        }
    print(f"{args.corpus}: patient privacy, post level")
    print(f"{'':6}{'':15}{'precision':>10}{'recall':>8}{'F1':>7}  benign naming a non-patient: pass")
    for lang, row in result["languages"].items():
        for who in ("postcheck", "bare_presidio"):
            m = row[who]
            print(f"{lang:6}{who:15}{m['precision']:10.3f}{m['recall']:8.3f}{m['f1']:7.3f}  "
                  f"{m['benign_naming_someone_pass']}/{row['benign_naming_someone']}")
    save("privacy", result)


if __name__ == "__main__":
    main()
