"""postcheck: a compliance linter for doctors' social-media posts."""

from postcheck.linter import Linter
from postcheck.model import Finding, Report

__all__ = ["Linter", "Finding", "Report"]
__version__ = "0.1.0"
