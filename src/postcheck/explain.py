"""`postcheck rules explain ID`: a rule's documentation, in the manner of `ruff rule`."""

from __future__ import annotations

from postcheck.ruleset import Rule

ACTIONS = {
    "replace": "the rewrite replaces the passage with",
    "generalize": "the rewrite generalises the detail (an age range, \"recently\", \"a patient\")",
    "remove": "the rewrite removes the passage",
    "drop-sentence": "the rewrite drops the sentence",
    "none": "no automatic rewrite: edit by hand",
}


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" for line in text.splitlines())


def explain(rule: Rule) -> str:
    lang = rule.languages[0]
    flag = next(e.text for e in rule.examples if e.flag)
    ok = next(e.text for e in rule.examples if not e.flag)
    fix = ACTIONS[rule.fix.action]
    if rule.fix.action == "replace":
        fix += f" “{rule.text(rule.fix.with_, lang)}”"
    advice = rule.text(rule.fix.advice, lang) if rule.fix.advice else ""
    context = ""
    if rule.context.requires or rule.context.excludes:
        parts = []
        if rule.context.requires:
            parts.append(f"only when the {rule.context.scope} is about: {', '.join(rule.context.requires)}")
        if rule.context.excludes:
            parts.append(f"not when it is about: {', '.join(rule.context.excludes)}")
        context = f"\n\nApplies {'; '.join(parts)}."
    return f"""# {rule.id}

**{rule.category}** · severity **{rule.severity}** · languages {', '.join(rule.languages)} · kind `{rule.kind}`

## What it does
{rule.text(rule.message, lang)}{context}

## Why is this bad?
{rule.text(rule.why, lang)}

## Authority
{rule.source}

## Example (flagged)
{_quote(flag)}

## Use instead (passes)
{_quote(ok)}

## How to fix
{advice}{' ' if advice else ''}Automatic fix: {fix}.

_Defined in {rule.path}:{rule.line}_
"""
