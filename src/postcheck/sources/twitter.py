"""X/Twitter archive: data/tweets.js (or tweets-partN.js, or older tweet.js).

Each file is `window.YTD.tweets.partN = [ {"tweet": {...}}, ... ]`. There is no
author field: the author is the archive owner (account.js). Long posts are cut
in tweets.js and whole in note-tweet.js, which has no tweet id: a note is
matched to its tweet by the start of the text and the time.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Iterator

from postcheck.sources.base import Archive, Record, bad, iter_json_array, parse_time

TIME = "%a %b %d %H:%M:%S %z %Y"
PART = re.compile(r"^(tweets?)(-part\d+)?\.js$")
LINK = re.compile(r"\s*(https://t\.co/\S+\s*)+$")
PREFIX = 40  # characters used to match a note to its tweet
NOTE_WINDOW = 600  # seconds between a tweet and its note


def members(archive: Archive) -> list[str]:
    def order(name: str):
        m = re.search(r"part(\d+)", name)
        return int(m.group(1)) if m else 0
    return sorted((n for n in archive.names if PART.match(n.rsplit("/", 1)[-1])), key=order)


def detect(archive: Archive) -> bool:
    return bool(members(archive))


def _owner(archive: Archive) -> str | None:
    for name in archive.find("account.js"):
        try:
            with archive.text(name) as fh:
                for _, item in iter_json_array(fh, start_after="="):
                    account = item.get("account", {})
                    return account.get("username") or account.get("accountId")
        except (ValueError, AttributeError, OSError):
            return None
    return None


def _key(text: str) -> str:
    return " ".join(LINK.sub("", text).rstrip("…").split())[:PREFIX]


def _notes(archive: Archive) -> dict[str, list[tuple[float, str]]]:
    """Long-post texts by the start of their text (few: kept in memory)."""
    notes: dict[str, list[tuple[float, str]]] = {}
    for name in archive.find("note-tweet.js"):
        try:
            with archive.text(name) as fh:
                for _, item in iter_json_array(fh, start_after="="):
                    note = item.get("noteTweet", {}) if isinstance(item, dict) else {}
                    text = (note.get("core") or {}).get("text")
                    when = parse_time(note.get("createdAt"))
                    if text and when:
                        stamp = datetime.fromisoformat(when.replace("Z", "+00:00")).timestamp()
                        notes.setdefault(_key(text), []).append((stamp, text))
        except (ValueError, OSError):
            continue  # a broken note file only costs the long versions
    return notes


def _full_text(text: str, when: str | None, notes) -> str:
    if not notes or not when:
        return text
    stamp = datetime.fromisoformat(when.replace("Z", "+00:00")).timestamp()
    for note_stamp, note_text in notes.get(_key(text), ()):
        if abs(note_stamp - stamp) <= NOTE_WINDOW:
            return note_text
    return text


def read(archive: Archive) -> Iterator[Record]:
    owner = _owner(archive)
    notes = _notes(archive)
    for name in members(archive):
        where = archive.where(name)
        try:
            with archive.text(name) as fh:
                for line, item in iter_json_array(fh, start_after="="):
                    yield _record(item, f"{where}:{line}", owner, notes)
        except ValueError as exc:
            yield bad(where, str(exc))
        except OSError as exc:
            yield bad(where, f"cannot read: {exc}")


def _record(item, source: str, owner: str | None, notes) -> Record:
    tweet = item.get("tweet", item) if isinstance(item, dict) else None
    if not isinstance(tweet, dict):
        return bad(source, "not a tweet object")
    tid = tweet.get("id_str") or tweet.get("id")
    text = tweet.get("full_text", tweet.get("text"))
    if tid is None:
        return bad(source, "no id_str field")
    if not isinstance(text, str):
        return bad(source, "no full_text field", id=str(tid))
    when = parse_time(tweet.get("created_at"), TIME)
    return Record(
        id=str(tid), text=_full_text(text, when, notes), source=source, author=owner, time=when,
        url=f"https://x.com/{owner or 'i'}/status/{tid}",
        reply_to=tweet.get("in_reply_to_status_id_str") or None,
    )
