"""Findings in files -> SARIF 2.1.0 (GitHub code scanning, Azure DevOps, IDE viewers).

Columns are counted in Unicode code points (`columnKind`), lines and columns
from 1. Results carry the rule id, level, message and its source; the post
text itself is not copied into the log (no snippets).
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from postcheck import __version__

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/:@-._~!$&'()*+,;=")


def _rule_descriptor(rule) -> dict:
    if isinstance(rule, dict):  # a synthetic rule, e.g. UNUSED-SUPPRESSION
        return {"id": rule["id"], "shortDescription": {"text": rule["message"]},
                "defaultConfiguration": {"level": LEVELS[rule["severity"]]},
                "properties": {"category": rule["category"], "tags": [rule["category"]]}}
    lang = "en" if "en" in rule.message else next(iter(rule.message), "en")
    out = {
        "id": rule.id,
        "shortDescription": {"text": rule.text(rule.message, lang)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "source": rule.source, "languages": list(rule.languages),
                       "tags": [rule.category]},
    }
    why = rule.text(rule.why, lang)
    if why:
        out["fullDescription"] = {"text": why}
    advice = rule.text(rule.fix.advice, lang)
    if advice:
        out["help"] = {"text": advice}
    return out


def to_sarif(results, rules) -> dict:
    """results: hook.FileResult-like objects (path, findings, position(offset)); rules: the rule set."""
    from postcheck.hook import UNUSED_RULE

    by_id = {r.id: r for r in rules}
    used = sorted({f.rule for r in results for f in r.findings})
    descriptors, index = [], {}
    for rule_id in used:
        rule = UNUSED_RULE if rule_id == UNUSED_RULE["id"] else by_id.get(rule_id)
        if rule is None:
            continue
        index[rule_id] = len(descriptors)
        descriptors.append(_rule_descriptor(rule))
    out_results = []
    for r in results:
        for f in r.findings:
            line, col = r.position(f.start)
            end_line, end_col = r.position(max(f.end, f.start + 1))
            message = f.message + (f" ({f.source})" if f.source and f.rule != UNUSED_RULE["id"] else "")
            fingerprint = hashlib.sha256(f"{f.rule}\0{r.path}\0{f.text}".encode()).hexdigest()[:32]
            result = {
                "ruleId": f.rule,
                "level": LEVELS.get(f.severity, "warning"),
                "message": {"text": message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _uri(r.path)},
                    "region": {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col},
                }}],
                "partialFingerprints": {"postcheck/v1": fingerprint},
                "properties": {"category": f.category, "score": round(f.score, 3), "source": f.source},
            }
            if f.rule in index:
                result["ruleIndex"] = index[f.rule]
            if f.suggestion is not None and f.rule != UNUSED_RULE["id"]:
                result["properties"]["suggestion"] = f.suggestion
            out_results.append(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "postcheck", "version": __version__, "semanticVersion": __version__,
                                "rules": descriptors}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": True}],
            "results": out_results,
        }],
    }
