"""The warm background checker behind one-shot commands (daemon.py)."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from postcheck import daemon

POST = "Reçu ce matin Mme Lefèvre, 82 ans, à Montargis pour une chute."
STARTING = "starting the background checker"
RULE = """rules:
  - id: HOUSE-WORD-FR
    category: advertising
    severity: warning
    languages: [fr]
    message: "Mot maison."
    why: "Un test."
    source: "CSP art. R.4127-19"
    kind: pattern
    params: {patterns: ['\\bWORD\\b']}
    examples:
      flag: ["WORD ici"]
      pass: ["rien ici"]
"""


@pytest.fixture
def run_dir():
    # Short on purpose: a Unix socket path must stay under ~100 bytes.
    path = Path(tempfile.mkdtemp(prefix="pc-", dir="/tmp"))
    yield path
    for sock in path.glob("postcheck-*/*.sock"):  # stop every server this test started
        try:
            daemon._ask(sock, {"stop": True})
        except OSError:
            pass
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def runtime(run_dir):
    return {**os.environ, "POSTCHECK_DAEMON": "on", "POSTCHECK_RUNTIME_DIR": str(run_dir)}


def sockets(run_dir):
    return list(run_dir.glob("postcheck-*/*.sock"))


def postcheck(env, *args):
    return subprocess.run([sys.executable, "-m", "postcheck", *args], env=env, capture_output=True,
                          text=True, timeout=300)


def test_second_call_is_served_warm_with_the_same_report(runtime):
    first = postcheck(runtime, "check", POST, "-f", "json")
    second = postcheck(runtime, "check", POST, "-f", "json")
    in_process = postcheck({**runtime, "POSTCHECK_DAEMON": "off"}, "check", POST, "-f", "json")
    assert STARTING in first.stderr and len(first.stderr.strip().splitlines()) == 1
    assert STARTING not in second.stderr
    assert first.returncode == second.returncode == in_process.returncode == 1
    assert json.loads(first.stdout) == json.loads(second.stdout) == json.loads(in_process.stdout)


def test_a_rule_edit_is_never_served_stale(runtime, run_dir, tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text(RULE, encoding="utf-8")
    before = postcheck(runtime, "check", "WORD ici et OTHER là", "-f", "json", "--lang", "fr", "--rules", str(pack))
    assert [f["rule"] for f in json.loads(before.stdout)["findings"]] == ["HOUSE-WORD-FR"]
    pack.write_text(RULE.replace("WORD", "OTHER"), encoding="utf-8")
    after = postcheck(runtime, "check", "WORD ici et OTHER là", "-f", "json", "--lang", "fr", "--rules", str(pack))
    assert STARTING in after.stderr
    assert [f["text"] for f in json.loads(after.stdout)["findings"]] == ["OTHER"]
    # The server for the old rules was retired, not left to idle.
    assert len(sockets(run_dir)) == 1


def test_bad_rules_are_a_one_line_error_before_any_server(runtime, tmp_path):
    pack = tmp_path / "bad.yaml"
    pack.write_text(RULE.replace("severity: warning", "severity: fatal"), encoding="utf-8")
    result = postcheck(runtime, "check", "bonjour", "--rules", str(pack))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("postcheck: error:")
    assert "'fatal' is not one of" in result.stderr and "Traceback" not in result.stderr


def test_sockets_are_private(runtime, run_dir):
    postcheck(runtime, "check", POST, "-f", "json")
    directory = next(run_dir.glob("postcheck-*"))
    assert directory.stat().st_mode & 0o777 == 0o700
    for sock in directory.glob("*.sock"):
        assert sock.stat().st_mode & 0o777 == 0o600


def test_a_shared_directory_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("POSTCHECK_RUNTIME_DIR", str(tmp_path))
    shared = tmp_path / f"postcheck-{os.getuid()}"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    with pytest.raises(daemon.DaemonUnavailable):
        daemon.runtime_dir()


def test_the_server_stops_when_idle(runtime, run_dir):
    postcheck({**runtime, "POSTCHECK_DAEMON_IDLE": "1"}, "check", POST, "-f", "json")
    assert sockets(run_dir)
    deadline = time.monotonic() + 30
    while sockets(run_dir) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not sockets(run_dir)


def test_an_unusable_socket_path_falls_back_to_checking_in_process(runtime, run_dir):
    deep = run_dir / ("d" * 120)
    result = postcheck({**runtime, "POSTCHECK_RUNTIME_DIR": str(deep)}, "check", POST, "-f", "json")
    assert result.returncode == 1 and json.loads(result.stdout)["findings"]
    assert "Traceback" not in result.stderr


def test_off_in_ci_unless_asked(monkeypatch):
    monkeypatch.delenv("POSTCHECK_DAEMON", raising=False)
    monkeypatch.setenv("CI", "true")
    assert not daemon.enabled()
    monkeypatch.setenv("POSTCHECK_DAEMON", "on")
    assert daemon.enabled()
