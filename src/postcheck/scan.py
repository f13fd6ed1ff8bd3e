"""Bulk scanning of exports: records -> plan -> chunks -> workers -> ordered JSONL.

    scan([Path("archive.zip")], Path("results.jsonl"), ScanOptions(workers=2))

One direction of flow:

1. `ThreadIndex.build` reads the exports once into a temporary SQLite file
   (id -> text, reply_to): the second read can then give each reply its
   parents' text, and the count gives the progress bar its total. Memory stays
   flat; the disk holds the index.
2. `plan` reads the exports again and turns each record into an output line
   now (skipped: empty, unreadable, too long; or already written, on resume)
   or into a job: (post id, text, parents' text).
3. Jobs go in chunks to an engine (in-process, a multiprocessing pool, or a
   Dask cluster) that checks them with one Linter per worker process; results
   come back in input order, with a bounded number of chunks in flight.
4. `Output` appends each chunk's lines and fsyncs them: a crash loses nothing
   written; `--resume` reads the ids already written (tolerating a truncated
   last line) and skips exactly those records.

Thread context: a reply is checked with its parents' text before it (separate
paragraphs) and only findings inside the reply are kept, offsets shifted back,
so details spread over a thread count together.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import tempfile
import threading
from collections import Counter, deque
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from postcheck import sources
from postcheck.sources import Mapping, Record

SEPARATOR = "\n\n"
CONTEXT_DEPTH = 3  # parents given as context to a reply
CONTEXT_CHARS = 2000  # at most this much of their text, the end nearest the reply
THREAD_DEPTH = 200  # ancestors walked to find a thread's root


class ScanError(Exception):
    """A scan that cannot start or go on; str() is one line."""


class ScanInterrupted(Exception):
    """Ctrl-C: what was written is kept; `--resume` goes on from there."""


@dataclass(frozen=True)
class Settings:
    """What a worker needs to build its Linter: small and picklable."""

    config: Path | None = None
    rules: tuple[Path, ...] = ()
    baseline: frozenset[str] = frozenset()


@dataclass
class ScanOptions:
    settings: Settings = field(default_factory=Settings)
    input_format: str | None = None
    mapping: Mapping = field(default_factory=Mapping)
    workers: int = 1
    batch_size: int = 64
    max_chars: int = 20_000
    thread_context: bool = True
    resume: bool = False
    scheduler: str | None = None  # tcp://host:port: run on a Dask cluster
    progress: Callable[[int, int], None] | None = None  # (done now, total) after each chunk


@dataclass
class ScanResult:
    total: int = 0  # input records
    resumed: int = 0  # already in the output from an earlier run
    scanned: int = 0
    skipped: int = 0
    done: int = 0  # records accounted for in the output so far (resumed included)


# ---------------------------------------------------------------- baseline

def finding_hash(rule: str, post_id: str, text: str) -> str:
    """A finding's identity across runs, as detect-secrets does: no text kept."""
    return hashlib.sha256("\0".join((rule, post_id, text)).encode()).hexdigest()


def load_baseline(path: Path) -> frozenset[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return frozenset(data["findings"])
    except OSError as exc:
        raise ScanError(f"{path}: cannot read baseline: {exc.strerror}") from None
    except (ValueError, KeyError, TypeError):
        raise ScanError(f"{path}: not a postcheck baseline (a JSON object with a 'findings' list)") from None


def write_baseline(results: Path, path: Path, keep: frozenset[str] = frozenset()) -> int:
    """Every finding in a results file (plus `keep`), as a baseline; returns how many."""
    hashes = sorted(keep | {finding_hash(f["rule"], str(line["id"]), f["text"])
                            for line in read_results(results) for f in line.get("findings", ())})
    data = {"version": 1, "hash": "sha256(rule NUL post id NUL matched text)", "findings": hashes}
    write_private(path, json.dumps(data, indent=1) + "\n")
    return len(hashes)


# ---------------------------------------------------------------- files

def open_private(path: Path, mode: str = "w"):
    """A file readable by its owner only: results may hold patient data."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if mode == "a" else os.O_TRUNC)
    fd = os.open(path, flags, 0o600)
    os.chmod(path, 0o600)
    return os.fdopen(fd, mode, encoding="utf-8", newline="\n")


def write_private(path: Path, text: str) -> None:
    with open_private(path) as fh:
        fh.write(text)


def read_results(path: Path) -> Iterator[dict]:
    """The lines of a results file; a truncated or garbled line is passed over."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.endswith("\n"):
                try:
                    item = json.loads(line)
                except ValueError:
                    continue
                if isinstance(item, dict) and "id" in item:
                    yield item


def written_ids(path: Path) -> Counter:
    """Ids already in the output, after cutting a truncated last line off."""
    if not path.exists():
        return Counter()
    with open(path, "rb+") as fh:
        data_end = fh.seek(0, os.SEEK_END)
        cut = data_end
        while cut > 0:  # back to the last newline
            step = min(65536, cut)
            fh.seek(cut - step)
            block = fh.read(step)
            nl = block.rfind(b"\n")
            if nl >= 0:
                cut = cut - step + nl + 1
                break
            cut -= step
        if cut != data_end:
            fh.truncate(cut)
    return Counter(str(item["id"]) for item in read_results(path))


class Output:
    """Appends lines; each chunk is flushed and fsynced before the next."""

    def __init__(self, path: Path, append: bool):
        self.fh = open_private(path, "a" if append else "w")

    def write(self, lines: list[dict]) -> None:
        self.fh.write("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
        self.fh.flush()
        os.fsync(self.fh.fileno())

    def close(self) -> None:
        self.fh.close()


# ---------------------------------------------------------------- thread index

class ThreadIndex:
    """id -> (text, reply_to) of every record, on disk; and the record count."""

    def __init__(self, directory: str):
        self.db = sqlite3.connect(os.path.join(directory, "threads.sqlite"))
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("CREATE TABLE posts (id TEXT PRIMARY KEY, text TEXT, reply_to TEXT)")
        self.count = 0
        self.replies = 0

    @classmethod
    def build(cls, records: Iterable[Record], directory: str) -> ThreadIndex:
        index = cls(directory)
        batch = []
        for record in records:
            index.count += 1
            index.replies += bool(record.reply_to)
            batch.append((record.id, record.text, record.reply_to))
            if len(batch) >= 5000:
                index._insert(batch)
                batch = []
        index._insert(batch)
        return index

    def _insert(self, rows):
        self.db.executemany("INSERT OR IGNORE INTO posts VALUES (?, ?, ?)", rows)
        self.db.commit()

    def get(self, post_id: str) -> tuple[str | None, str | None] | None:
        return self.db.execute("SELECT text, reply_to FROM posts WHERE id = ?", (post_id,)).fetchone()

    def text(self, post_id: str) -> str | None:
        row = self.get(post_id)
        return row[0] if row else None

    def ancestry(self, record: Record) -> tuple[list[str], str | None]:
        """(parents' texts, nearest first, up to CONTEXT_DEPTH; the thread's root id)."""
        texts: list[str] = []
        seen = {record.id}
        parent, root = record.reply_to, None
        while parent and parent not in seen and len(seen) <= THREAD_DEPTH:
            seen.add(parent)
            root = parent
            row = self.get(parent)
            if row is None:
                break
            if row[0] and len(texts) < CONTEXT_DEPTH:
                texts.append(row[0])
            parent = row[1]
        return texts, root

    def close(self):
        self.db.close()


# ---------------------------------------------------------------- plan

@dataclass
class Job:
    meta: dict
    item: tuple[str, str, str]  # (post id, text, parents' text)


def plan(records: Iterable[Record], index: ThreadIndex | None, done: Counter, options: ScanOptions,
         result: ScanResult) -> Iterator[Job | dict | None]:
    """Per record: None (already written), a finished line (skipped), or a Job."""
    for record in records:
        if done[record.id] > 0:
            done[record.id] -= 1
            result.resumed += 1
            yield None
            continue
        reason = _skip_reason(record, options.max_chars)
        if reason:
            result.skipped += 1
            yield {"id": record.id, "skipped": reason}
            continue
        context, root = index.ancestry(record) if index and record.reply_to else ([], None)
        if root and not record.thread:
            record = replace(record, thread=root)
        parents = SEPARATOR.join(reversed(context))[-CONTEXT_CHARS:] if options.thread_context else ""
        result.scanned += 1
        yield Job(record.meta(), (record.id, record.text, parents))


def _skip_reason(record: Record, max_chars: int) -> str | None:
    if record.problem:
        return record.problem
    if record.text is None or not record.text.strip():
        return "empty"
    if len(record.text) > max_chars:
        return f"too long: {len(record.text)} characters (limit {max_chars}, --max-chars)"
    return None


def chunks(planned: Iterator, size: int) -> Iterator[list]:
    """Chunks of `size` jobs, with the finished lines between them kept in place."""
    chunk, jobs = [], 0
    for entry in planned:
        chunk.append(entry)
        jobs += isinstance(entry, Job)
        if jobs >= size or len(chunk) >= 64 * size:
            yield chunk
            chunk, jobs = [], 0
    if chunk:
        yield chunk


# ---------------------------------------------------------------- checking (worker side)

_LINTERS: dict = {}
_LOCK = threading.Lock()


def _linter(settings: Settings):
    """One Linter per process and settings: models load once per worker."""
    key = (settings.config, settings.rules)
    if key not in _LINTERS:
        from postcheck import config as config_mod
        from postcheck.linter import Linter

        _LINTERS[key] = Linter(config_mod.load(settings.config), rule_dirs=list(settings.rules))
    return _LINTERS[key]


def check_items(items: list[tuple[str, str, str]], settings: Settings) -> list[dict]:
    """Report dicts for (post id, text, parents' text) items, in order."""
    with _LOCK:  # Dask may run several tasks in threads of one worker
        linter = _linter(settings)
        langs = [_language(linter, text) for _, text, _ in items]
        full = [parents + SEPARATOR + text if parents else text for _, text, parents in items]
        reports: list = [None] * len(items)
        for lang in dict.fromkeys(langs):
            idx = [i for i, item_lang in enumerate(langs) if item_lang == lang]
            for i, report in zip(idx, linter.check_many([full[i] for i in idx], lang)):
                reports[i] = report
        return [_finish(linter, item, report, settings.baseline).to_dict() for item, report in zip(items, reports)]


def _language(linter, text: str) -> str:
    from postcheck.nlp import LANGUAGES

    lang = linter.config.language
    return lang if lang in LANGUAGES else linter.pipelines.detect_language(text)


def _finish(linter, item, report, baseline: frozenset[str]):
    """Drop the parents' findings (shifting offsets back) and baselined ones."""
    from postcheck import rewrite, scoring

    post_id, text, parents = item
    offset = len(parents) + len(SEPARATOR) if parents else 0
    kept = []
    for f in report.findings:
        if f.start < offset or finding_hash(f.rule, post_id, f.text) in baseline:
            continue
        if offset:
            fix = (max(f.fix_span[0] - offset, 0), f.fix_span[1] - offset) if f.fix_span else None
            f = replace(f, start=f.start - offset, end=f.end - offset, fix_span=fix)
        kept.append(f)
    if not offset and len(kept) == len(report.findings):
        return report
    score = scoring.post_score(kept)
    return replace(report, findings=kept, score=score,
                   verdict=scoring.verdict(kept, score, linter.config.thresholds),
                   rewrite=rewrite.rewrite(text, kept, report.language))


def _init_worker(settings: Settings) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _warm(settings)


def _warm(settings: Settings) -> None:
    """Load the models now, not on the first chunk."""
    check_items([("warm-fr", "Bonjour à tous.", ""), ("warm-en", "Hello everyone.", "")], settings)


# ---------------------------------------------------------------- engines

class InProcess:
    def __init__(self, settings: Settings):
        self.settings = settings
        _warm(settings)

    def submit(self, items):
        result = check_items(items, self.settings)
        return lambda: result

    window = 1

    def close(self, abort: bool = False):
        pass


class Pool:
    """Local worker processes (forkserver or spawn), a Linter each."""

    def __init__(self, settings: Settings, workers: int):
        import multiprocessing as mp

        method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
        self.pool = mp.get_context(method).Pool(workers, initializer=_init_worker, initargs=(settings,))
        self.settings = settings
        self.window = workers * 2

    def submit(self, items):
        return self.pool.apply_async(check_items, (items, self.settings)).get

    def close(self, abort: bool = False):
        if abort:
            self.pool.terminate()
        else:
            self.pool.close()
        self.pool.join()


class DaskEngine:
    """The same checks on a Dask distributed cluster; results come back in order."""

    def __init__(self, settings: Settings, scheduler: str):
        try:
            from distributed import Client
        except ImportError:
            raise ScanError("--scheduler needs dask.distributed (pip install distributed)") from None
        try:
            self.client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise ScanError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        self.settings = self.client.scatter(settings, broadcast=True)
        workers = max(1, sum(self.client.nthreads().values()))
        self.window = workers * 2

    def submit(self, items):
        return self.client.submit(check_items, items, self.settings, pure=False).result

    def close(self, abort: bool = False):
        self.client.close()


def local_workers(options: ScanOptions, records: int) -> int:
    """No more workers than chunks: a small export is checked in this process,
    sparing the start of worker processes that would each load the models."""
    return max(1, min(options.workers, -(-records // options.batch_size)))


def engine_for(options: ScanOptions, records: int):
    if options.scheduler:
        return DaskEngine(options.settings, options.scheduler)
    workers = local_workers(options, records)
    if workers == 1:
        return InProcess(options.settings)
    return Pool(options.settings, workers)


def ordered(engine, batches: Iterator[list]) -> Iterator[list[dict]]:
    """Output lines per chunk, in input order, with at most `engine.window` chunks in flight."""
    pending: deque = deque()

    def finish(chunk, get) -> list[dict]:
        reports = iter(get() if get else ())
        lines = []
        for entry in chunk:
            if isinstance(entry, Job):
                lines.append({**entry.meta, **next(reports)})
            elif entry is not None:
                lines.append(entry)
        return lines

    for chunk in batches:
        items = [e.item for e in chunk if isinstance(e, Job)]
        pending.append((chunk, engine.submit(items) if items else None))
        while len(pending) > engine.window:
            yield finish(*pending.popleft())
    while pending:
        yield finish(*pending.popleft())


# ---------------------------------------------------------------- the scan

def scan(paths: list[Path], output: Path, options: ScanOptions) -> ScanResult:
    """Scan exports into a JSONL file; see the module docstring for the flow."""
    try:
        sources.check(paths, options.input_format)
    except sources.SourceError as exc:
        raise ScanError(str(exc)) from None
    done = written_ids(output) if options.resume else Counter()
    result = ScanResult()
    try:
        with tempfile.TemporaryDirectory(prefix="postcheck-scan-") as tmp:
            _run(paths, output, options, done, result, tmp)
    except KeyboardInterrupt:
        raise ScanInterrupted(f"interrupted: {result.done} of {result.total} records done, "
                              f"in {output}; run again with --resume") from None
    return result


def _run(paths: list[Path], output: Path, options: ScanOptions, done: Counter, result: ScanResult, tmp: str):
    def records():
        return sources.read(paths, options.input_format, options.mapping)

    index = ThreadIndex.build(records(), tmp)
    result.total = index.count
    engine = engine_for(options, index.count)
    out = Output(output, append=options.resume)
    try:
        batches = chunks(plan(records(), index if index.replies else None, done, options, result),
                         options.batch_size)
        for chunk, lines in zip_chunks(batches, engine):
            out.write(lines)
            result.done += len(chunk)
            if options.progress:
                options.progress(result.done, result.total)
    except BaseException:
        engine.close(abort=True)
        raise
    finally:
        out.close()
        index.close()
    engine.close()


def texts_for(ids: set[str], paths: list[Path], options: ScanOptions) -> dict[str, str]:
    """The text of the given posts, read again from the exports (for the HTML report)."""
    found = {}
    for record in sources.read(paths, options.input_format, options.mapping):
        if record.id in ids and record.text is not None:
            found.setdefault(record.id, record.text)
    return found


def zip_chunks(batches: Iterator[list], engine) -> Iterator[tuple[list, list[dict]]]:
    """(chunk, its output lines): the chunk is kept alongside for progress counts."""
    sizes: deque = deque()

    def tee():
        for chunk in batches:
            sizes.append(chunk)
            yield chunk

    for lines in ordered(engine, tee()):
        yield sizes.popleft(), lines
