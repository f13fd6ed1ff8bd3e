"""What every reader shares: the Record, archive access, streaming JSON.

A reader turns one export into a stream of Records, in file order, without
holding the export in memory. A record it cannot read is still yielded, with
`problem` set, so that the scan accounts for it.
"""

from __future__ import annotations

import codecs
import io
import json
import tarfile
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import IO, Iterator


class SourceError(Exception):
    """An export that cannot be read at all; str() is one line naming the file."""


@dataclass
class Record:
    id: str
    text: str | None
    source: str  # where it came from: "export/file:line" or "file#index"
    author: str | None = None
    time: str | None = None  # ISO 8601, UTC when the export says so
    thread: str | None = None
    url: str | None = None
    reply_to: str | None = None
    problem: str | None = None  # set when the record could not be read

    def meta(self) -> dict:
        """The fields added to the report line, when known."""
        out = {"id": self.id}
        for key in ("author", "time", "thread", "url"):
            value = getattr(self, key)
            if value:
                out[key] = value
        return out


def bad(source: str, message: str, id: str | None = None) -> Record:
    return Record(id=id or source, text=None, source=source, problem=f"unreadable: {source}: {message}")


def iso(dt: datetime) -> str:
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc)
    return dt.isoformat().replace("+00:00", "Z")


def from_unix(value) -> str | None:
    try:
        return iso(datetime.fromtimestamp(int(value), tz=timezone.utc))
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def parse_time(value: str | None, *formats: str) -> str | None:
    """ISO 8601 from an export's date; None when absent or not understood."""
    if not value:
        return None
    value = value.strip()
    utc = value.endswith((" UTC", " GMT"))
    if utc:
        value = value[:-4]
    for fmt in formats:
        try:
            return iso(_utc(datetime.strptime(value, fmt), utc))
        except ValueError:
            pass
    try:
        return iso(_utc(datetime.fromisoformat(value.replace("Z", "+00:00")), utc))
    except ValueError:
        return None


def _utc(dt: datetime, utc: bool) -> datetime:
    return dt.replace(tzinfo=timezone.utc) if utc and dt.tzinfo is None else dt


class Archive:
    """A directory, zip or tar(.gz) seen as a flat list of member paths."""

    def __init__(self, path: Path):
        self.path = path
        self.label = path.name
        if path.is_dir():
            self.kind = "dir"
            self.names = sorted(str(p.relative_to(path).as_posix()) for p in path.rglob("*") if p.is_file())
        elif zipfile.is_zipfile(path):
            self.kind = "zip"
            with zipfile.ZipFile(path) as z:
                self.names = [n for n in z.namelist() if not n.endswith("/")]
        elif _is_tar(path):
            self.kind = "tar"
            with tarfile.open(path) as t:
                self.names = [m.name for m in t.getmembers() if m.isfile()]
        else:
            self.kind = "file"
            self.names = [path.name]

    def open(self, name: str) -> IO[bytes]:
        if self.kind == "dir":
            return open(self.path / name, "rb")
        if self.kind == "zip":
            z = zipfile.ZipFile(self.path)
            return _Closing(z.open(name), z)
        if self.kind == "tar":
            t = tarfile.open(self.path)
            member = t.extractfile(name)
            if member is None:
                raise SourceError(f"{self.label}/{name}: not a regular file")
            return _Closing(member, t)
        return open(self.path, "rb")

    def text(self, name: str) -> IO[str]:
        return io.TextIOWrapper(self.open(name), encoding="utf-8-sig", errors="replace", newline="")

    def find(self, *basenames: str) -> list[str]:
        """Members whose file name (not path) is one of `basenames`, in order."""
        wanted = set(basenames)
        return sorted(n for n in self.names if PurePosixPath(n).name in wanted)

    def where(self, name: str) -> str:
        return self.label if self.kind == "file" else f"{self.label}/{name}"


class _Closing(io.RawIOBase):
    """A member stream that also closes the archive it came from."""

    def __init__(self, stream, owner):
        self._stream, self._owner = stream, owner

    def readable(self):
        return True

    def readinto(self, b):
        data = self._stream.read(len(b))
        b[: len(data)] = data
        return len(data)

    def close(self):
        if not self.closed:
            self._stream.close()
            self._owner.close()
        super().close()


def _is_tar(path: Path) -> bool:
    try:
        return tarfile.is_tarfile(path)
    except OSError:
        return False


def iter_json_array(stream: IO[str], key: str | None = None, start_after: str | None = None,
                    chunk: int = 1 << 20) -> Iterator[tuple[int, object]]:
    """(line, element) for each element of a JSON array, read incrementally.

    The array is the first `[` after `"key"` when given (e.g. "orderedItems"),
    or after `start_after` (e.g. "=" in X's .js files), else the first `[` of
    the stream. Memory holds one element at a time plus one read chunk. A
    syntax error ends the file with ValueError naming the line.
    """
    decoder = json.JSONDecoder()
    state = {"buf": "", "pos": 0, "eof": False, "line": 1}

    def more() -> bool:
        """Read a chunk, dropping what was consumed; False at end of file."""
        if state["eof"]:
            return False
        data = stream.read(chunk)
        state["eof"] = not data
        state["buf"] = state["buf"][state["pos"]:] + data
        state["pos"] = 0
        return bool(data)

    def advance(to: int) -> None:
        state["line"] += state["buf"].count("\n", state["pos"], to)
        state["pos"] = to

    def seek(text: str) -> bool:
        while (found := state["buf"].find(text, state["pos"])) < 0:
            advance(max(state["pos"], len(state["buf"]) - len(text)))
            if not more():
                return False
        advance(found + len(text))
        return True

    marker = f'"{key}"' if key else start_after
    if marker and not seek(marker):
        raise ValueError(f"no {marker} found")
    if not seek("["):
        raise ValueError(f"line {state['line']}: expected a JSON array")
    while True:
        while True:  # whitespace and separating commas
            buf, pos = state["buf"], state["pos"]
            while pos < len(buf) and buf[pos] in " \t\r\n,":
                pos += 1
            advance(pos)
            if pos < len(buf) or not more():
                break
        if state["pos"] >= len(state["buf"]):
            raise ValueError(f"line {state['line']}: unexpected end of file inside the array")
        if state["buf"][state["pos"]] == "]":
            return
        while True:
            try:
                value, end = decoder.raw_decode(state["buf"], state["pos"])
                if end == len(state["buf"]) and more():  # a number may go on in the next chunk
                    continue
                break
            except json.JSONDecodeError as exc:
                if more():
                    continue
                line = state["line"] + state["buf"].count("\n", state["pos"], exc.pos)
                raise ValueError(f"line {line}: {exc.msg}") from None
        yield state["line"], value
        advance(end)


def fix_mojibake(value):
    """Facebook writes UTF-8 bytes as latin-1 escapes ("Ã©" for "é"): undo it, deeply."""
    if isinstance(value, str):
        try:
            return value.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return value
    if isinstance(value, list):
        return [fix_mojibake(v) for v in value]
    if isinstance(value, dict):
        return {k: fix_mojibake(v) for k, v in value.items()}
    return value


def decode_utf8(data: bytes) -> str:
    return codecs.decode(data, "utf-8-sig", errors="replace")
