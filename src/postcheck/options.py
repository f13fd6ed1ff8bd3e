"""What the command-line modules share: option types and the one-line error exit."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer


class Lang(str, Enum):
    auto = "auto"
    fr = "fr"
    en = "en"


class Level(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"


def fail(message: str) -> typer.Exit:
    """Print a one-line error and return the exit (code 2) to raise."""
    print(f"postcheck: error: {message}", file=sys.stderr)
    return typer.Exit(2)


def config_option() -> Optional[Path]:
    return typer.Option(None, "--config", dir_okay=False,
                        help="Config file (default: postcheck.toml or pyproject.toml, found upwards).")


def rules_option() -> list[Path]:
    return typer.Option([], "--rules", help="Extra rule directory or file (repeatable).")
