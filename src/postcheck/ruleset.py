"""Load and validate YAML rule packs.

A pack file holds `rules:` (a list of rules) and/or `context:` (cue words that
tell who a sentence is about). Files are validated against `rule.schema.json`,
then each rule's `params` against the schema of its detector kind, so that a
malformed file fails at load with its path, line and what is wrong.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from postcheck.model import severity_rank

DEFAULT_CONFIDENCE = {"error": 0.9, "warning": 0.75, "info": 0.4}


class RuleError(Exception):
    """A rule file that cannot be used; str() is one line naming file and line."""


@dataclass(frozen=True)
class Example:
    text: str
    lang: str | None
    flag: bool


@dataclass(frozen=True)
class Fix:
    action: str = "none"  # replace | generalize | remove | drop-sentence | none
    with_: dict = field(default_factory=dict)  # lang -> literal replacement
    advice: dict = field(default_factory=dict)  # lang -> how to fix


@dataclass(frozen=True)
class ContextRule:
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    scope: str = "sentence"
    unless: tuple[str, ...] = ()  # regexes that, in the hit's sentence, cancel it


@dataclass(frozen=True, eq=False)
class Rule:
    id: str
    category: str
    severity: str
    languages: tuple[str, ...]
    message: dict
    source: str
    why: dict
    kind: str
    params: dict
    confidence: float
    context: ContextRule
    fix: Fix
    examples: tuple[Example, ...]
    path: str
    line: int

    def text(self, field_value: dict, lang: str) -> str:
        """Pick the text for `lang`, falling back to the rule's first language."""
        return field_value.get(lang) or next(iter(field_value.values()), "")

    @property
    def rank(self) -> int:
        return severity_rank(self.severity)


@dataclass
class RuleSet:
    rules: list[Rule]
    # lang -> subject label -> {"terms": [...], "patterns": [...]}
    context: dict = field(default_factory=dict)

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def for_language(self, lang: str) -> list[Rule]:
        return [r for r in self.rules if lang in r.languages]


def builtin_rules_dir() -> Path:
    return Path(str(resources.files("postcheck") / "rules"))


@cache
def _file_schema():
    import jsonschema

    schema = json.loads((resources.files("postcheck") / "rule.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _lang_map(value, languages) -> dict:
    if value is None:
        return {}
    if isinstance(value, str):
        return {lang: value for lang in languages}
    return dict(value)


def _node_line(node, path) -> int:
    """Line (1-based) of what a jsonschema error path points at: the key's line
    for a mapping entry (a value may start on the next line), else the item's."""
    line = node.start_mark.line
    for key in path:
        if isinstance(node, yaml.MappingNode):
            match = [(k, v) for k, v in node.value if k.value == key]
            if not match:
                break
            line, node = match[0][0].start_mark.line, match[0][1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line
        else:
            break
    return line + 1


def _where(path) -> str:
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out or "file"


# libyaml's parser when installed (it keeps line marks too): packs are large.
YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read rule file: {exc}") from None
    loader = YamlLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(f"{path}{line}: invalid YAML: {problem}") from None
    finally:
        loader.dispose()
    if node is None:
        raise RuleError(f"{path}:1: empty rule file")
    return node, data


def _validate(path: Path, node, data) -> None:
    errors = sorted(_file_schema().iter_errors(data), key=lambda e: list(map(str, e.path)))
    if errors:
        # The deepest error is the most specific one to show.
        err = max(errors, key=lambda e: len(e.path))
        raise RuleError(f"{path}:{_node_line(node, err.path)}: {_where(err.path)}: {err.message}")


def _params_errors(kind: str, params: dict):
    from postcheck.detectors import detector_class

    cls = detector_class(kind)
    if cls is None:
        from postcheck.detectors import known_kinds

        return [((), f"unknown kind {kind!r} (known: {', '.join(known_kinds())})")]
    import jsonschema

    validator = jsonschema.Draft202012Validator(cls.PARAMS_SCHEMA)
    errors = [(tuple(e.path), e.message) for e in validator.iter_errors(params)]
    return errors or [((), msg) for msg in cls.check_params(params)]


def _unless_errors(raw: dict) -> list[str]:
    from postcheck import patterns

    return patterns.errors(raw.get("context", {}).get("unless", ()), "unless pattern")


def _build_rule(raw: dict, path: Path, line: int) -> Rule:
    langs = tuple(raw["languages"])
    ctx = raw.get("context", {})
    fix = raw.get("fix", {"action": "none"})
    examples = tuple(
        Example(
            text=ex if isinstance(ex, str) else ex["text"],
            lang=None if isinstance(ex, str) else ex.get("lang"),
            flag=(kind == "flag"),
        )
        for kind in ("flag", "pass")
        for ex in raw["examples"][kind]
    )
    return Rule(
        id=raw["id"],
        category=raw["category"],
        severity=raw["severity"],
        languages=langs,
        message=_lang_map(raw["message"], langs),
        source=raw["source"],
        why=_lang_map(raw["why"], langs),
        kind=raw["kind"],
        params=raw.get("params", {}),
        confidence=raw.get("confidence", DEFAULT_CONFIDENCE[raw["severity"]]),
        context=ContextRule(tuple(ctx.get("requires", ())), tuple(ctx.get("excludes", ())),
                            ctx.get("scope", "sentence"), tuple(ctx.get("unless", ()))),
        fix=Fix(fix["action"], _lang_map(fix.get("with"), langs), _lang_map(fix.get("advice"), langs)),
        examples=examples,
        path=str(path),
        line=line,
    )


def load_file(path: Path, validate: bool = True) -> RuleSet:
    try:
        stat = path.stat()
    except OSError as exc:
        raise RuleError(f"{path}: cannot read rule file: {exc.strerror}") from None
    if not validate:
        try:
            return _load_file(path, stat.st_mtime_ns, stat.st_size, False)
        except (KeyError, TypeError, AttributeError, IndexError):
            pass  # malformed: the validating load below says where and why
    return _load_file(path, stat.st_mtime_ns, stat.st_size, True)


@cache
def _load_file(path: Path, mtime_ns: int, size: int, validate: bool) -> RuleSet:
    """Parsed (and validated) once per process for a given version of the file."""
    node, data = _parse(path)
    if validate:
        _validate(path, node, data)
    rules = []
    for i, raw in enumerate(data.get("rules", [])):
        for sub, msg in _params_errors(raw["kind"], raw.get("params", {})) if validate else ():
            where = ("rules", i, "params", *sub) if sub else ("rules", i, "kind" if "unknown kind" in msg else "params")
            raise RuleError(f"{path}:{_node_line(node, where)}: {_where(where)}: {msg}")
        for msg in _unless_errors(raw) if validate else ():
            where = ("rules", i, "context", "unless")
            raise RuleError(f"{path}:{_node_line(node, where)}: {_where(where)}: {msg}")
        rules.append(_build_rule(raw, path, _node_line(node, ("rules", i))))
    return RuleSet(rules, data.get("context", {}))


def rule_files(directory: Path) -> list[Path]:
    if directory.is_file():
        return [directory]
    if not directory.is_dir():
        raise RuleError(f"{directory}: no such rule file or directory")
    return sorted(p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load(directories: list[Path], validate: bool = True) -> RuleSet:
    """Load every pack under `directories`; later packs may add context cues and rules.
    `validate=False` only reads the catalogue (ids, texts): for a client whose
    checker validates, as one-shot commands talking to the warm checker."""
    merged = RuleSet([], {})
    seen: dict[str, Rule] = {}
    files: set[Path] = set()
    for directory in directories:
        for path in rule_files(Path(directory)):
            # A file named twice (a built-in pack passed to `rules test`) loads once.
            if path.resolve() in files:
                continue
            files.add(path.resolve())
            pack = load_file(path, validate)
            for rule in pack.rules:
                if rule.id in seen:
                    first = seen[rule.id]
                    raise RuleError(f"{rule.path}:{rule.line}: duplicate rule id {rule.id} "
                                    f"(first defined at {first.path}:{first.line})")
                seen[rule.id] = rule
                merged.rules.append(rule)
            for lang, subjects in pack.context.items():
                for subject, cues in subjects.items():
                    slot = merged.context.setdefault(lang, {}).setdefault(subject, {"terms": [], "patterns": []})
                    for key in ("terms", "patterns"):
                        slot[key].extend(cues.get(key, []))
                    if "model" in cues:  # a later pack's model cue replaces an earlier one
                        slot["model"] = cues["model"]
    return merged
