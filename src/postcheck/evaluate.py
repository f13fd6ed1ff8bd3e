"""`postcheck eval`: precision, recall and F1 per category and language on an
annotated JSONL corpus, the false-alarm rate on benign posts, and the verdict
confusion.

A record: {"id", "lang", "text", "categories": [...], "spans": [...]} and,
optionally, "verdict" (the expected one). A post raises a category when its
report has a warning or error finding of that category.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from postcheck.model import CATEGORIES

MAIN = CATEGORIES[:4]


class CorpusError(Exception):
    """A corpus file or record that cannot be used; str() names file and line."""


@dataclass
class Record:
    id: str
    lang: str
    text: str
    categories: frozenset
    spans: list
    verdict: str | None
    where: str  # file:line


@dataclass
class Outcome:
    record: Record
    raised: frozenset
    verdict: str
    rules: dict  # category -> rule ids that fired
    privacy_spans: list = field(default_factory=list)  # (start, end) of privacy findings


def corpus_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise CorpusError(f"{path}: no .jsonl file in this directory")
        return files
    if not path.is_file():
        raise CorpusError(f"{path}: no such corpus file or directory")
    return [path]


def _record(raw, where: str) -> Record:
    if not isinstance(raw, dict):
        raise CorpusError(f"{where}: a record must be a JSON object")
    for key in ("id", "text"):
        if not isinstance(raw.get(key), str):
            raise CorpusError(f"{where}: field {key!r} must be a string")
    cats = raw.get("categories", [])
    if not isinstance(cats, list) or any(c not in CATEGORIES for c in cats):
        raise CorpusError(f"{where}: field 'categories' must be a list of: {', '.join(CATEGORIES)}")
    return Record(raw["id"], raw.get("lang") or "auto", raw["text"], frozenset(cats), raw.get("spans", []),
                  raw.get("verdict"), where)


def read(path: Path) -> list[Record]:
    records = []
    for file in corpus_files(path):
        with file.open(encoding="utf-8") as lines:
            for n, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    raw = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise CorpusError(f"{file}:{n}: invalid JSON: {exc.msg}") from None
                records.append(_record(raw, f"{file}:{n}"))
    return records


def run(linter, records: list[Record]) -> list[Outcome]:
    outcomes = []
    for lang in dict.fromkeys(r.lang for r in records):
        batch = [r for r in records if r.lang == lang]
        reports = linter.check_many([r.text for r in batch], lang=None if lang == "auto" else lang)
        for record, report in zip(batch, reports):
            rules = defaultdict(set)
            for f in report.findings:
                if f.raises:
                    rules[f.category].add(f.rule)
            spans = [(f.start, f.end) for f in report.findings if f.category == "patient-privacy" and f.raises]
            outcomes.append(Outcome(record, frozenset(report.categories), report.verdict, dict(rules), spans))
    order = {id(r): i for i, r in enumerate(records)}
    return sorted(outcomes, key=lambda o: order[id(o.record)])


def prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 from counts (1.0 when nothing was expected or flagged)."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3),
            "tp": tp, "fp": fp, "fn": fn, "support": tp + fn}


def _span_recall(outcomes: list[Outcome]) -> dict:
    expected = found = 0
    for o in outcomes:
        for span in o.record.spans:
            expected += 1
            found += any(s < span["end"] and span["start"] < e for s, e in o.privacy_spans)
    return {"spans": expected, "covered": found, "recall": round(found / expected, 3) if expected else 1.0}


def summarise(outcomes: list[Outcome]) -> dict:
    by_lang = defaultdict(list)
    for o in outcomes:
        by_lang[o.record.lang].append(o)
    summary = {"posts": len(outcomes), "languages": {}}
    for lang, group in sorted(by_lang.items()):
        cats = {}
        for cat in MAIN:
            tp = sum(cat in o.raised and cat in o.record.categories for o in group)
            fp = sum(cat in o.raised and cat not in o.record.categories for o in group)
            fn = sum(cat not in o.raised and cat in o.record.categories for o in group)
            cats[cat] = prf(tp, fp, fn)
        benign = [o for o in group if not o.record.categories]
        alarms = sum(bool(o.raised) for o in benign)
        confusion = Counter((o.record.verdict or ("ok" if not o.record.categories else "flag"), o.verdict)
                            for o in group)
        summary["languages"][lang] = {
            "posts": len(group),
            "categories": cats,
            "benign": {"posts": len(benign), "false_alarms": alarms,
                       "rate": round(alarms / len(benign), 3) if benign else 0.0},
            "verdicts": {f"{exp}->{got}": n for (exp, got), n in sorted(confusion.items())},
            "privacy_spans": _span_recall(group),
        }
    return summary


def errors(outcomes: list[Outcome]) -> list[dict]:
    """Misses and false alarms, with the rules that fired."""
    out = []
    for o in outcomes:
        for cat in sorted(o.raised ^ o.record.categories):
            missed = cat in o.record.categories
            out.append({"id": o.record.id, "where": o.record.where, "lang": o.record.lang,
                        "category": cat, "error": "miss" if missed else "false alarm",
                        "rules": sorted(o.rules.get(cat, ())), "text": o.record.text})
    return out
