"""Readers for exported posts, one module per format, and format detection.

    for record in sources.read([Path("twitter-2024.zip")]):
        ...

Every input record comes out as a Record, in file order: readable ones with
their text, unreadable ones with `problem` set. Nothing is held in memory
beyond one record (and an X archive's long-post notes).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from postcheck.sources import facebook, jsonl, mastodon, tables, twitter
from postcheck.sources.base import Archive, Record, SourceError
from postcheck.sources.tables import Mapping

FORMATS = ("twitter", "facebook", "mastodon", "reddit", "discourse", "linkedin", "csv", "jsonl")

__all__ = ["FORMATS", "Mapping", "Record", "SourceError", "detect", "read"]


def detect(archive: Archive) -> str:
    """The format of an export, from its file names and contents."""
    if twitter.detect(archive):
        return "twitter"
    if mastodon.detect(archive):
        return "mastodon"
    if facebook.detect(archive):
        return "facebook"
    known = {found.split("-")[0] for _, found in tables.members(archive)}
    if len(known) == 1:
        return known.pop()
    if known:
        return "tables"
    lower = archive.path.name.lower()
    if archive.kind == "file" and lower.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if archive.kind == "file" and lower.endswith(".csv"):
        return "csv"
    if archive.kind == "file" and lower.endswith(".json"):
        with archive.text(archive.names[0]) as fh:
            head = fh.read(4096)
        if "orderedItems" in head:
            return "mastodon"
    raise SourceError(f"{archive.path}: format not recognised (use --input-format "
                      f"{'|'.join(FORMATS)})")


def open_archive(path: Path) -> Archive:
    if not path.exists():
        raise SourceError(f"{path}: no such file or directory")
    try:
        return Archive(path)
    except (OSError, EOFError, ValueError) as exc:
        raise SourceError(f"{path}: cannot open: {exc}") from None


def read_one(path: Path, input_format: str | None = None, mapping: Mapping | None = None) -> Iterator[Record]:
    archive = open_archive(path)
    fmt = input_format or detect(archive)
    mapping = mapping or Mapping()
    if fmt == "twitter":
        return twitter.read(archive)
    if fmt == "mastodon":
        if archive.kind == "file":  # a bare outbox.json, whatever its name
            archive.names = [archive.path.name]
            return mastodon.read_members(archive, archive.names)
        return mastodon.read(archive)
    if fmt == "facebook":
        return facebook.read(archive)
    if fmt in ("reddit", "discourse", "linkedin", "tables"):
        return tables.read(archive)
    if fmt == "csv":
        return tables.read_generic(archive, mapping)
    if fmt == "jsonl":
        return jsonl.read(archive, mapping)
    raise SourceError(f"unknown input format {fmt!r} (use {'|'.join(FORMATS)})")


def check(paths: Iterable[Path], input_format: str | None = None) -> list[str]:
    """Open and detect every export up front, so a bad path fails before any work."""
    return [input_format or detect(open_archive(Path(p))) for p in paths]


def read(paths: Iterable[Path], input_format: str | None = None, mapping: Mapping | None = None) -> Iterator[Record]:
    for path in paths:
        yield from read_one(Path(path), input_format, mapping)
