"""CSV exports: Reddit, Discourse, LinkedIn, and any CSV with a field mapping.

Each known export is recognised by its header. LinkedIn's CSVs have messy
quoting (multi-line fields, backslash-escaped quotes): they are read with an
escape character. A row that cannot be parsed is a per-record problem.
"""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from typing import Iterator

from postcheck.sources.base import Archive, Record, bad, parse_time

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

REDDIT_POSTS = {"id", "permalink", "date", "subreddit", "title", "body"}
REDDIT_COMMENTS = {"id", "permalink", "date", "subreddit", "link", "parent", "body"}
DISCOURSE = {"topic_title", "post_raw", "url", "created_at"}
LINKEDIN_SHARES = {"Date", "ShareLink", "ShareCommentary"}
LINKEDIN_COMMENTS = {"Date", "Link", "Message"}
DISCOURSE_URL = re.compile(r"/t/[^/]+/(\d+)(?:/(\d+))?")


@dataclass
class Mapping:
    """Which columns (CSV) or keys (JSONL) hold what."""

    text: str = "text"
    id: str | None = "id"
    author: str | None = "author"
    time: str | None = "time"
    reply_to: str | None = "reply_to"
    thread: str | None = "thread"
    url: str | None = "url"


def kind(header: list[str]) -> str | None:
    cols = set(header)
    for name, needed in (("reddit-comments", REDDIT_COMMENTS), ("reddit-posts", REDDIT_POSTS),
                         ("discourse", DISCOURSE), ("linkedin-shares", LINKEDIN_SHARES),
                         ("linkedin-comments", LINKEDIN_COMMENTS)):
        if needed <= cols:
            return name
    return None


def header_of(archive: Archive, name: str) -> list[str]:
    try:
        with archive.text(name) as fh:
            return next(csv.reader(fh), [])
    except (OSError, csv.Error):
        return []


def members(archive: Archive) -> list[tuple[str, str]]:
    out = []
    for name in archive.names:
        if name.lower().endswith(".csv"):
            found = kind(header_of(archive, name))
            if found:
                out.append((name, found))
    return out


def detect(archive: Archive) -> bool:
    return bool(members(archive))


def _rows(archive: Archive, name: str, linkedin: bool) -> Iterator[tuple[int, dict | None, str | None]]:
    """(line, row, problem) per CSV row; the line is where the row starts."""
    where = archive.where(name)
    with archive.text(name) as fh:
        options = {"escapechar": "\\", "doublequote": True} if linkedin else {}
        reader = csv.reader(fh, **options)
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ValueError(f"{where}: header: {exc}") from None
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield line, None, f"line {line}: {exc}"
                continue
            if not row:
                continue
            if len(row) != len(header):
                yield line, None, f"line {line}: {len(row)} fields, the header has {len(header)}"
                continue
            yield line, dict(zip(header, row)), None


def read(archive: Archive, owner: str | None = None) -> Iterator[Record]:
    for name, found in members(archive):
        yield from read_known(archive, name, found, owner)


def read_known(archive: Archive, name: str, found: str, owner: str | None = None) -> Iterator[Record]:
    where = archive.where(name)
    make = MAKERS[found]
    try:
        for line, row, problem in _rows(archive, name, linkedin=found.startswith("linkedin")):
            source = f"{where}:{line}"
            yield bad(source, problem) if problem else make(row, source, owner)
    except ValueError as exc:
        yield bad(where, str(exc))
    except OSError as exc:
        yield bad(where, f"cannot read: {exc}")


def _strip_kind(reddit_id: str) -> str:
    return reddit_id.split("_", 1)[1] if re.match(r"^t\d_", reddit_id) else reddit_id


def _reddit_post(row: dict, source: str, owner) -> Record:
    text = "\n\n".join(p for p in (row.get("title", ""), row.get("body", "")) if p.strip())
    rid = row["id"]
    return Record(id=f"reddit:{rid}", text=text, source=source, author=owner,
                  time=parse_time(row.get("date"), "%Y-%m-%d %H:%M:%S"),
                  url=row.get("permalink") or None, thread=f"reddit:{rid}")


def _reddit_comment(row: dict, source: str, owner) -> Record:
    parent = _strip_kind(row.get("parent") or "")
    link = row.get("link") or ""
    post = re.search(r"/comments/([a-z0-9]+)", link)
    return Record(id=f"reddit:{row['id']}", text=row.get("body", ""), source=source, author=owner,
                  time=parse_time(row.get("date"), "%Y-%m-%d %H:%M:%S"),
                  url=row.get("permalink") or None, reply_to=f"reddit:{parent}" if parent else None,
                  thread=f"reddit:{post.group(1)}" if post else (link or None))


def _discourse(row: dict, source: str, owner) -> Record:
    url = row.get("url") or ""
    m = DISCOURSE_URL.search(url)
    rid = f"discourse:{m.group(1)}/{m.group(2) or 1}" if m else f"discourse:{source}"
    thread = f"discourse:{m.group(1)}" if m else row.get("topic_title") or None
    return Record(id=rid, text=row.get("post_raw", ""), source=source, author=owner,
                  time=parse_time(row.get("created_at")), url=url or None, thread=thread)


def _linkedin_share(row: dict, source: str, owner) -> Record:
    link = row.get("ShareLink") or ""
    return Record(id=f"linkedin:{link or source}", text=_unescape(row.get("ShareCommentary", "")), source=source,
                  author=owner, time=parse_time(row.get("Date"), "%Y-%m-%d %H:%M:%S"), url=link or None)


def _linkedin_comment(row: dict, source: str, owner) -> Record:
    link = row.get("Link") or ""
    return Record(id=f"linkedin-comment:{source.rsplit('/', 1)[-1]}", text=_unescape(row.get("Message", "")),
                  source=source, author=owner, time=parse_time(row.get("Date"), "%Y-%m-%d %H:%M:%S"),
                  url=link or None, thread=link or None)


def _unescape(text: str) -> str:
    # LinkedIn doubles quotes inside fields that csv already unescaped ("" -> ").
    return text.replace('""', '"')


MAKERS = {"reddit-posts": _reddit_post, "reddit-comments": _reddit_comment, "discourse": _discourse,
          "linkedin-shares": _linkedin_share, "linkedin-comments": _linkedin_comment}


def read_generic(archive: Archive, mapping: Mapping) -> Iterator[Record]:
    """Any CSV: the columns named by the mapping; the row number when there is no id."""
    for name in archive.names:
        where = archive.where(name)
        try:
            first = True
            for line, row, problem in _rows(archive, name, linkedin=False):
                if first and row is not None and mapping.text not in row:
                    yield bad(where, f"no column {mapping.text!r} (use --text-field)")
                    break
                first = False
                source = f"{where}:{line}"
                yield bad(source, problem) if problem else from_mapping(row, source, mapping)
        except ValueError as exc:
            yield bad(where, str(exc))
        except OSError as exc:
            yield bad(where, f"cannot read: {exc}")


def from_mapping(row: dict, source: str, mapping: Mapping) -> Record:
    def get(field: str | None) -> str | None:
        value = row.get(field) if field else None
        return None if value in (None, "") else str(value)

    rid = get(mapping.id) or source
    text = row.get(mapping.text)
    if text is None:
        return bad(source, f"no {mapping.text!r} field", id=rid)
    if not isinstance(text, str):
        return bad(source, f"field {mapping.text!r} is not a string", id=rid)
    return Record(id=rid, text=text, source=source, author=get(mapping.author),
                  time=parse_time(get(mapping.time)) or get(mapping.time), thread=get(mapping.thread),
                  url=get(mapping.url), reply_to=get(mapping.reply_to))
