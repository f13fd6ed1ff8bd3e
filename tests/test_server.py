"""`postcheck serve`: the HTTP API on loopback (health, check, batch, limits, concurrency, logs)."""

import asyncio
import json
import logging

import httpx
import pytest

from postcheck.server import BackgroundServer, create_app

POSTS = [
    "Reçu ce matin Mme Lefèvre, 82 ans, à Montargis, pour une chute. Son fils ne répond pas au 06 12 34 56 78.",
    "Book now with code PROMO10 for 20% off your first consultation!",
    "Ça fait 3 nuits 😴 que je n'ai pas dormi, courage à tous les internes 💪",
    "Congress of the French Society of Cardiology in Paris next week: see you there.",
]


def test_binds_to_loopback_by_default(server):
    from postcheck import server as server_mod

    assert server_mod.DEFAULT_HOST == "127.0.0.1" and server_mod.DEFAULT_PORT == 8765
    assert server.url.startswith("http://127.0.0.1:")


def test_health(client, linter):
    answer = client.get("/health")
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "ok" and set(body["languages"]) == {"fr", "en"} and body["rules"] == len(linter.rules)


@pytest.mark.parametrize("post", POSTS)
def test_check_returns_the_report_of_the_contract(client, linter, post):
    answer = client.post("/v1/check", json={"text": post, "lang": "auto"})
    assert answer.status_code == 200
    assert answer.json() == json.loads(json.dumps(linter.check(post).to_dict()))


def test_check_report_shape(client):
    body = client.post("/v1/check", json={"text": POSTS[0]}).json()
    assert set(body) == {"language", "verdict", "score", "findings", "rewrite"}
    assert body["verdict"] == "block" and body["language"] == "fr"
    for f in body["findings"]:
        assert set(f) == {"rule", "category", "severity", "score", "start", "end", "text", "message", "source", "suggestion"}
        assert POSTS[0][f["start"]:f["end"]] == f["text"]


def test_check_with_a_forced_language(client, linter):
    body = client.post("/v1/check", json={"text": POSTS[1], "lang": "en"}).json()
    assert body == json.loads(json.dumps(linter.check(POSTS[1], "en").to_dict()))


def test_batch_keeps_order_and_languages(client, linter):
    posts = [POSTS[0], {"text": POSTS[1], "lang": "en"}, POSTS[2], {"text": POSTS[3]}]
    answer = client.post("/v1/check-batch", json={"posts": posts, "lang": "auto"})
    assert answer.status_code == 200
    expected = [linter.check(p if isinstance(p, str) else p["text"]).to_dict() for p in posts]
    assert answer.json()["reports"] == json.loads(json.dumps(expected))


@pytest.mark.parametrize("body, needle", [
    (b'{"text": "Mme Dupont', "malformed JSON"),
    (b"", "empty request body"),
    (b"[1, 2]", "expected a JSON object"),
    (b'{"lang": "fr"}', "missing field 'text'"),
    (b'{"text": 12}', "'text' must be a string"),
    (b'{"text": "   "}', "'text' is empty"),
    (b'{"text": "bonjour", "lang": "de"}', "unsupported lang"),
    (b"\xff\xfe{}", "not UTF-8"),
])
def test_bad_requests_get_400_with_a_clear_message(client, body, needle):
    answer = client.post("/v1/check", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 400
    assert needle in answer.json()["error"]


@pytest.mark.parametrize("body, needle", [
    (b'{"posts": "x"}', "expected a JSON object"),
    (b'{"posts": [1]}', "posts[0]: expected a string"),
    (b'{"posts": [{"text": "a", "lang": "es"}]}', "posts[0]: unsupported lang"),
])
def test_bad_batches_get_400(client, body, needle):
    answer = client.post("/v1/check-batch", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 400 and needle in answer.json()["error"]


def test_body_over_the_default_limit_gets_413(client):
    text = "Mme Dupont " * 10_000  # ~110 kB
    answer = client.post("/v1/check", json={"text": text})
    assert answer.status_code == 413
    assert "100000 bytes" in answer.json()["error"]


def test_streamed_body_over_the_limit_gets_413(client):
    def chunks():  # no Content-Length: chunked transfer
        for _ in range(30):
            yield b"x" * 5000

    answer = client.post("/v1/check", content=chunks(), headers={"content-type": "application/json"})
    assert answer.status_code == 413


def test_limit_is_configurable(linter):
    with BackgroundServer(create_app(linter, max_body=200)) as srv, httpx.Client(base_url=srv.url, timeout=60) as client:
        assert client.post("/v1/check", json={"text": "a" * 300}).status_code == 413
        assert client.post("/v2/check", data={"text": "a" * 300, "language": "fr"}).status_code == 413
        assert client.post("/v1/check", json={"text": "Bonjour à tous."}).status_code == 200


def test_unknown_path_and_wrong_method(client):
    assert client.get("/v1/nothing").status_code == 404
    assert client.get("/v1/check").status_code == 405


def test_fifty_concurrent_requests_each_get_their_own_answer(server, linter):
    posts = [f"{POSTS[i % len(POSTS)]} #{i}" for i in range(60)]
    expected = [json.loads(json.dumps(r.to_dict())) for r in linter.check_many(posts)]

    async def main():
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=0)
        async with httpx.AsyncClient(base_url=server.url, timeout=300, limits=limits) as c:
            calls = [c.post("/v1/check", json={"text": p}) for p in posts]
            calls += [c.post("/v2/check", data={"text": p, "language": "auto"}) for p in posts[:10]]
            calls += [c.get("/health") for _ in range(5)]
            return await asyncio.gather(*calls)

    answers = asyncio.run(main())
    assert len(answers) == 75 and all(a.status_code == 200 for a in answers)
    assert [a.json() for a in answers[:60]] == expected
    for post, answer in zip(posts[:10], answers[60:70]):
        body = answer.json()
        assert body["language"]["code"] == linter.check(post).language
        assert [m["rule"]["id"] for m in body["matches"]] == [f.rule for f in linter.check(post).findings]


def test_the_server_never_logs_post_text(linter, caplog):
    secret = "Mme Quennehen-Baudouin"
    post = f"Vu ce matin {secret}, 47 ans, au 06 11 22 33 44."
    caplog.set_level(logging.DEBUG)
    # log_config=None: uvicorn's loggers propagate to the root, where caplog listens.
    with BackgroundServer(create_app(linter), log_level="debug", log_config=None) as srv:
        with httpx.Client(base_url=srv.url, timeout=120) as c:
            assert c.post("/v1/check", json={"text": post}).status_code == 200
            assert c.post("/v1/check", content=f'{{"text": "{secret}'.encode()).status_code == 400
            assert c.post("/v1/check-batch", json={"posts": [post, post]}).status_code == 200
            assert c.post("/v2/check", data={"text": post, "language": "fr"}).status_code == 200
            assert c.get("/v2/check", params={"text": post, "language": "fr"}).status_code == 200
    # Everything the server side logged (the client libraries' own logs excluded).
    records = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    logged = "\n".join(r.getMessage() + str(r.args) for r in records)
    assert "POST /v1/check 200" in logged and "GET /v2/check 200" in logged  # the access log was on
    assert secret not in logged and "Quennehen" not in logged and "06 11 22" not in logged


def test_the_page_is_served_with_a_strict_content_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for name in ("app.js", "style.css"):
        assert client.get(f"/static/{name}").status_code == 200
    assert client.get("/static/../server.py").status_code == 404
    assert client.get("/static/nothing.js").status_code == 404


def test_rules_endpoint_explains_rules(client, linter):
    rules = client.get("/v1/rules", params={"lang": "fr"}).json()["rules"]
    assert set(rules) == {r.id for r in linter.rules}
    any_rule = next(iter(rules.values()))
    assert {"category", "severity", "description", "why", "advice", "source"} <= set(any_rule)


def test_serve_command_options():
    import typer
    from typer.testing import CliRunner

    from postcheck import serve_cli

    app = typer.Typer()
    app.command()(serve_cli.serve)
    app.command()(serve_cli.hook)
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--max-body", "--config", "--rules"):
        assert option in result.output


def test_cli_registers_serve_and_hook():
    from postcheck.cli import app

    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    assert {"serve", "hook"} <= names, "cli.py must register serve_cli.serve and serve_cli.hook"


def test_serve_command_runs_the_server(tmp_path):
    """The real command in its own process: loads the models, binds to loopback, answers."""
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    script = ("import typer\nfrom postcheck import serve_cli\napp = typer.Typer()\n"
              "app.command()(serve_cli.serve)\napp.command()(serve_cli.hook)\napp()\n")
    proc = subprocess.Popen([sys.executable, "-c", script, "serve", "--port", str(port), "--max-body", "5000"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read()
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.5)
        assert health.json()["status"] == "ok"
        secret = "Mme Quennehen-Baudouin"
        answer = httpx.post(f"http://127.0.0.1:{port}/v1/check", json={"text": f"Reçu ce matin {secret}."}, timeout=60)
        assert answer.json()["findings"][0]["rule"] == "PRIV-NAME-FR"
        assert httpx.post(f"http://127.0.0.1:{port}/v1/check", json={"text": "x" * 6000}, timeout=60).status_code == 413
    finally:
        proc.terminate()
        output = proc.communicate(timeout=60)[0]
    assert "POST /v1/check 200" in output and "POST /v1/check 413" in output
    assert "Quennehen" not in output
