"""The background checker's server side (see daemon.py): one Linter kept warm,
answering one JSON line per connection on a private Unix socket.

    python -m postcheck.daemon_server --socket PATH [--config FILE] [--rules DIR]...

Started by the client, never by hand. Post text is never logged.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import socketserver
import struct
import sys
from pathlib import Path

IDLE_SECONDS = float(os.environ.get("POSTCHECK_DAEMON_IDLE", "900"))


def peer_uid(conn: socket.socket) -> int:
    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    return struct.unpack("3i", creds)[1]


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        if peer_uid(self.connection) != os.getuid():
            return  # another user: say nothing
        try:
            request = json.loads(self.rfile.readline())
            if request.get("stop"):
                self.server.idle = True
                answer = {"stopped": True}
                self.wfile.write(json.dumps(answer).encode() + b"\n")
                return
            reports = self.server.linter.check_many(request["texts"], lang=request.get("lang"))
            answer = {"reports": [r.to_dict() for r in reports]}
        except Exception as exc:  # the client shows it as one line; the server keeps serving
            answer = {"error": f"{type(exc).__name__}: {exc}".splitlines()[0]}
        self.wfile.write(json.dumps(answer, ensure_ascii=False).encode() + b"\n")


class Server(socketserver.UnixStreamServer):
    timeout = IDLE_SECONDS
    idle = False

    def handle_timeout(self):
        self.idle = True


def build_linter(args):
    from postcheck import config
    from postcheck.linter import Linter

    cfg = config.load(Path(args.config)) if args.config else config.Config()
    return Linter(cfg, rule_dirs=[Path(d) for d in args.rules])


def serve(sock_path: Path, linter) -> None:
    # Bind under a temporary name and rename: clients only see a socket that is ready.
    staging = sock_path.with_suffix(".starting")
    staging.unlink(missing_ok=True)
    server = Server(str(staging), Handler, bind_and_activate=True)
    server.linter = linter
    os.chmod(staging, 0o600)
    os.replace(staging, sock_path)
    inode = sock_path.stat().st_ino
    # Raising out of the blocking wait is what stops it now, not at the next request.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while not server.idle:
            server.handle_request()
            # Another server took this name over (or it was removed): leave.
            if not sock_path.exists() or sock_path.stat().st_ino != inode:
                break
    finally:
        if sock_path.exists() and sock_path.stat().st_ino == inode:
            sock_path.unlink()
        server.server_close()


def main() -> None:
    ap = argparse.ArgumentParser(prog="postcheck.daemon_server")
    ap.add_argument("--socket", required=True)
    ap.add_argument("--config")
    ap.add_argument("--rules", action="append", default=[])
    args = ap.parse_args()
    sock_path = Path(args.socket)
    try:
        linter = build_linter(args)
    except Exception as exc:  # rules, config or models unusable: tell the waiting client
        sock_path.with_suffix(".err").write_text(str(exc).splitlines()[0], encoding="utf-8")
        raise SystemExit(1)
    serve(sock_path, linter)
    # Leave at once: tearing down loaded models takes seconds and nothing needs flushing.
    os._exit(0)


if __name__ == "__main__":
    main()
