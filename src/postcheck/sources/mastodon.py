"""Mastodon account archive: outbox.json, in a zip, a tar.gz or on its own.

`orderedItems` holds `Create` activities whose `object` is a Note with HTML
`content`, a content warning in `summary`, `inReplyTo` and `published`. Boosts
(`Announce`) are someone else's words: they are not records of the author.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Iterator

from postcheck.sources.base import Archive, Record, bad, iter_json_array, parse_time

BLOCKS = {"p", "div", "blockquote", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre"}


class _Text(HTMLParser):
    """HTML -> plain text: paragraphs become blank lines, <br> a newline."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.parts.append("\n")
        elif tag in BLOCKS and self.parts and not "".join(self.parts[-2:]).endswith("\n\n"):
            self.parts.append("\n\n")
        # Mastodon hides the scheme and the tail of long links in "invisible" spans.
        classes = dict(attrs).get("class") or ""
        if tag == "span" and "invisible" in classes.split():
            self.hidden += 1
        elif tag == "span" and self.hidden:
            self.hidden += 1

    def handle_endtag(self, tag):
        if tag == "span" and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def html_to_text(content: str) -> str:
    """The text a reader sees; finding offsets point into this text."""
    parser = _Text()
    parser.feed(content)
    parser.close()
    return "".join(parser.parts).strip()


def members(archive: Archive) -> list[str]:
    return archive.find("outbox.json")


def detect(archive: Archive) -> bool:
    return bool(members(archive))


def _owner(archive: Archive) -> str | None:
    import json

    for name in archive.find("actor.json"):
        try:
            with archive.text(name) as fh:
                actor = json.load(fh)
            return actor.get("preferredUsername") or actor.get("id")
        except (ValueError, OSError, AttributeError):
            return None
    return None


def read(archive: Archive) -> Iterator[Record]:
    return read_members(archive, members(archive))


def read_members(archive: Archive, names: list[str]) -> Iterator[Record]:
    owner = _owner(archive)
    for name in names:
        where = archive.where(name)
        try:
            with archive.text(name) as fh:
                for line, item in iter_json_array(fh, key="orderedItems"):
                    record = _record(item, f"{where}:{line}", owner)
                    if record is not None:
                        yield record
        except ValueError as exc:
            yield bad(where, str(exc))
        except OSError as exc:
            yield bad(where, f"cannot read: {exc}")


def _record(item, source: str, owner: str | None) -> Record | None:
    if not isinstance(item, dict):
        return bad(source, "not an activity object")
    if item.get("type") != "Create":
        return None  # boosts and other activities are not the author's posts
    note = item.get("object")
    if not isinstance(note, dict):
        return bad(source, "Create without an object", id=item.get("id"))
    nid = note.get("id") or item.get("id")
    if not nid:
        return bad(source, "no id field")
    content = note.get("content")
    if content is None and isinstance(note.get("contentMap"), dict) and note["contentMap"]:
        content = next(iter(note["contentMap"].values()))
    if not isinstance(content, str):
        return bad(source, "no content field", id=nid)
    text = html_to_text(content)
    warning = note.get("summary")
    if warning:
        text = f"{html.unescape(warning).strip()}\n\n{text}"  # the content warning is read first
    alts = [a.get("name") for a in note.get("attachment") or [] if isinstance(a, dict) and a.get("name")]
    if alts:
        text = "\n\n".join([text, *alts])
    return Record(id=nid, text=text, source=source, author=owner or note.get("attributedTo"),
                  time=parse_time(note.get("published")), url=note.get("url") or nid,
                  reply_to=note.get("inReplyTo") or None)
