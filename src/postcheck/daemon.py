"""A warm background checker for one-shot commands (`check`, the pre-commit hook).

Loading spaCy and Presidio takes seconds; a linter that runs on every commit
cannot pay that each time. The first call starts a per-user background process
that keeps the models loaded (daemon_server.py); later calls send it their
posts over a Unix socket and get the reports back. Nothing to remember:

- The socket is named by a fingerprint of everything that decides a result:
  postcheck's code, the rule files, the config file, the model and library
  versions, the Python interpreter. Change any of them and the next call talks
  to a new process: results never come from stale rules or models.
- Sockets live in a per-user 0700 directory, and the server checks the peer's
  uid, so two users never see each other's posts.
- A server stops by itself after POSTCHECK_DAEMON_IDLE seconds unused (900).
- POSTCHECK_DAEMON=off checks in-process instead; it is off by default when the
  CI variable is set, where each run is one-shot anyway.

This module is the client: it imports nothing heavy.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

PACKAGE_DIR = Path(__file__).parent
LIBRARIES = ("spacy", "presidio-analyzer", "presidio-anonymizer", "lingua-language-detector")
START_TIMEOUT = 180.0  # seconds to wait for a new server to load its models


class DaemonUnavailable(Exception):
    """The background checker cannot be used here; check in-process instead."""


class DaemonError(Exception):
    """The background checker refused the job (bad rules, missing model...): one line."""


def enabled() -> bool:
    setting = os.environ.get("POSTCHECK_DAEMON", "").lower()
    if setting in ("off", "0", "no", "false"):
        return False
    if setting in ("on", "1", "yes", "true"):
        return True
    return not os.environ.get("CI") and hasattr(socket, "AF_UNIX")


def runtime_dir() -> Path:
    """A private directory for this user's sockets, refused if anyone else could use it."""
    base = os.environ.get("POSTCHECK_RUNTIME_DIR") or os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    path = Path(base) / f"postcheck-{os.getuid()}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.mkdir(mode=0o700, exist_ok=True)
        info = path.stat()
    except OSError as exc:
        raise DaemonUnavailable(f"no private directory for sockets: {exc}") from None
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise DaemonUnavailable(f"{path} is not private to this user")
    return path


def _files(directory: Path, patterns=("*.py", "*.json", "*.yaml", "*.yml", "*.html", "*.js", "*.css")):
    return sorted(p for pattern in patterns for p in directory.rglob(pattern) if "__pycache__" not in p.parts)


def family(config_path: Path | None, rule_dirs: list[Path]) -> str:
    """Servers for the same interpreter, config and rule directories form a family:
    a new one (after an edit or an upgrade) retires the older ones."""
    key = f"{sys.executable}\0{config_path and config_path.resolve()}\0{sorted(map(str, rule_dirs))}"
    return hashlib.sha256(key.encode()).hexdigest()[:8]


def fingerprint(config_path: Path | None, rule_dirs: list[Path], models: dict[str, str]) -> str:
    """What decides a result, hashed: code, rules, config, models, libraries, interpreter."""
    from postcheck import ruleset

    digest = hashlib.sha256()
    digest.update(f"{sys.executable}\0{os.getuid()}\0".encode())
    for path in _files(PACKAGE_DIR):
        digest.update(f"{path}\0".encode() + path.read_bytes())
    for directory in [ruleset.builtin_rules_dir(), *rule_dirs]:
        for path in ruleset.rule_files(Path(directory)):
            digest.update(f"{path.resolve()}\0".encode() + path.read_bytes())
    if config_path is not None:
        digest.update(f"{config_path.resolve()}\0".encode() + config_path.read_bytes())
    for dist in (*LIBRARIES, *models.values()):
        try:
            digest.update(f"{dist}={metadata.version(dist)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{dist}=missing\0".encode())
    return digest.hexdigest()[:24]


def _ask(sock_path: Path, request: dict) -> dict:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.connect(str(sock_path))
        conn.sendall(json.dumps(request).encode() + b"\n")
        with conn.makefile("rb") as answer:
            line = answer.readline()
    if not line:
        raise ConnectionResetError("the background checker closed the connection")
    return json.loads(line)


def _spawn(sock_path: Path, config_path: Path | None, rule_dirs: list[Path]) -> subprocess.Popen:
    print("postcheck: starting the background checker (first run: loading language models, ~10 s)...",
          file=sys.stderr, flush=True)
    cmd = [sys.executable, "-m", "postcheck.daemon_server", "--socket", str(sock_path)]
    if config_path is not None:
        cmd += ["--config", str(config_path)]
    for directory in rule_dirs:
        cmd += ["--rules", str(directory)]
    return subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True, close_fds=True)


def _wait(sock_path: Path, process: subprocess.Popen) -> None:
    error_file = sock_path.with_suffix(".err")
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if error_file.exists():
            raise DaemonError(error_file.read_text(encoding="utf-8").strip())
        if sock_path.exists():
            return
        if process.poll() is not None:
            raise DaemonUnavailable("the background checker exited while starting")
        time.sleep(0.05)
    raise DaemonUnavailable("the background checker took too long to start")


def _retire_family(sock_path: Path) -> None:
    """Ask the older servers of this family to stop: they would only idle."""
    prefix = sock_path.name.split("-")[0]
    for old in sock_path.parent.glob(f"{prefix}-*.sock"):
        if old != sock_path:
            try:
                _ask(old, {"stop": True})
            except OSError:
                old.unlink(missing_ok=True)
            for leftover in (old.with_suffix(".lock"), old.with_suffix(".err")):
                leftover.unlink(missing_ok=True)


def _ensure_server(sock_path: Path, config_path: Path | None, rule_dirs: list[Path]) -> None:
    """Start the server for this fingerprint unless one runs; one starter at a time."""
    with open(sock_path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if sock_path.exists():
            return
        sock_path.with_suffix(".err").unlink(missing_ok=True)
        _retire_family(sock_path)
        _wait(sock_path, _spawn(sock_path, config_path, rule_dirs))


def check_many(texts: list[str], lang: str | None, config_path: Path | None, rule_dirs: list[Path],
               models: dict[str, str]) -> list[dict]:
    """Reports (as dicts) from the background checker, starting it if needed."""
    try:
        return _check_many(texts, lang, config_path, rule_dirs, models)
    except OSError as exc:  # a path too long for a socket, a full disk...: check in-process
        raise DaemonUnavailable(str(exc)) from None


def _check_many(texts, lang, config_path, rule_dirs, models) -> list[dict]:
    name = f"{family(config_path, rule_dirs)}-{fingerprint(config_path, rule_dirs, models)}"
    sock_path = runtime_dir() / f"{name}.sock"
    request = {"texts": texts, "lang": lang}
    for attempt in range(2):
        try:
            answer = _ask(sock_path, request)
            break
        except (FileNotFoundError, ConnectionRefusedError, ConnectionResetError):
            # No server, or a dead one that left its socket behind.
            if attempt:
                raise DaemonUnavailable("the background checker does not answer") from None
            if sock_path.exists() and not _alive(sock_path):
                sock_path.unlink(missing_ok=True)
            _ensure_server(sock_path, config_path, rule_dirs)
    if "error" in answer:
        raise DaemonError(answer["error"])
    return answer["reports"]


def _alive(sock_path: Path) -> bool:
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.connect(str(sock_path))
        return True
    except OSError:
        return False
