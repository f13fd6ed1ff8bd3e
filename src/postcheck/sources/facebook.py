"""Facebook "Download your information" (JSON), current and older layouts.

Files are recognised by name, not path. Posts are a list of
`{"timestamp", "title", "data": [{"post": ...}], ...}`; comments sit under
`comments_v2`, group posts under `group_posts_v2`, group comments under
`group_comments_v2`. There are no ids and no reply links: the id is derived
from file, index and timestamp; the thread is the `title` ("X commented on Y's
post"). Strings arrive as mojibake and are repaired.
"""

from __future__ import annotations

import re
from typing import Iterator

from postcheck.sources.base import Archive, Record, bad, fix_mojibake, from_unix, iter_json_array

POSTS = re.compile(r"^(your_posts__check_ins__photos_and_videos|your_posts)_\d+\.json$")
# file name -> key of the array inside it (None: the file is the array)
NAMED = {
    "comments.json": "comments_v2",
    "group_posts_and_comments.json": "group_posts_v2",
    "your_posts_in_groups.json": "group_posts_v2",
    "your_comments_in_groups.json": "group_comments_v2",
}


def members(archive: Archive) -> list[tuple[str, str | None]]:
    out = []
    for name in archive.names:
        base = name.rsplit("/", 1)[-1]
        if POSTS.match(base):
            out.append((name, None))
        elif base in NAMED:
            out.append((name, NAMED[base]))
    return sorted(out)


def detect(archive: Archive) -> bool:
    return bool(members(archive))


def read(archive: Archive) -> Iterator[Record]:
    for name, key in members(archive):
        where = archive.where(name)
        base = name.rsplit("/", 1)[-1].removesuffix(".json")
        try:
            with archive.text(name) as fh:
                for index, (line, item) in enumerate(_items(fh, key)):
                    yield _record(fix_mojibake(item), f"{where}:{line}", f"fb:{base}:{index}")
        except ValueError as exc:
            yield bad(where, str(exc))
        except OSError as exc:
            yield bad(where, f"cannot read: {exc}")


def _items(fh, key):
    """The array of a file; a group file may hold group_comments_v2 instead."""
    if key is None:
        # Older exports wrap the posts list in {"status_updates_v2": [...]}; most are a bare list.
        head = fh.read(2048)
        wrapped = "status_updates_v2" in head
        yield from iter_json_array(_Chain(head, fh), key="status_updates_v2" if wrapped else None)
        return
    yield from iter_json_array(fh, key=key)


class _Chain:
    """A text stream that replays `head` before reading on from `fh`."""

    def __init__(self, head: str, fh):
        self.head, self.fh = head, fh

    def read(self, n: int = -1) -> str:
        if self.head:
            out, self.head = self.head, ""
            return out
        return self.fh.read(n)


def _texts(item: dict) -> tuple[str | None, str | None]:
    """(text, author) of a post or comment entry."""
    for entry in item.get("data") or []:
        if not isinstance(entry, dict):
            continue
        if isinstance(entry.get("post"), str):
            return entry["post"], None
        comment = entry.get("comment")
        if isinstance(comment, dict) and isinstance(comment.get("comment"), str):
            return comment["comment"], comment.get("author")
    return None, None


def _record(item, source: str, derived: str) -> Record:
    if not isinstance(item, dict):
        return bad(source, "not a post object")
    stamp = item.get("timestamp")
    rid = f"{derived}:{stamp}" if stamp is not None else derived
    text, author = _texts(item)
    title = item.get("title") if isinstance(item.get("title"), str) else None
    if text is None:
        # A photo, a check-in or a shared link with no words of the author's.
        text = ""
    return Record(id=rid, text=text, source=source, author=author, time=from_unix(stamp), thread=title)
