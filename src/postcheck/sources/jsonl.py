"""JSON Lines: one post per line; `id` and `text` work with no options."""

from __future__ import annotations

import json
from typing import Iterator

from postcheck.sources.base import Archive, Record, bad
from postcheck.sources.tables import Mapping, from_mapping


def read(archive: Archive, mapping: Mapping) -> Iterator[Record]:
    for name in archive.names:
        where = archive.where(name)
        try:
            with archive.text(name) as fh:
                for number, line in enumerate(fh, 1):
                    if line.strip():
                        yield _record(line, f"{where}:{number}", mapping)
        except OSError as exc:
            yield bad(where, f"cannot read: {exc}")


def _record(line: str, source: str, mapping: Mapping) -> Record:
    try:
        item = json.loads(line)
    except ValueError as exc:
        return bad(source, f"invalid JSON ({exc.msg}, column {exc.colno})")
    if not isinstance(item, dict):
        return bad(source, "not a JSON object")
    return from_mapping(item, source, mapping)
