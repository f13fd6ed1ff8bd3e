"""The HTTP API and the web page (`postcheck serve`).

    GET  /                  the web page (src/postcheck/web/, served locally)
    GET  /health            {"status": "ok", ...} once the models are loaded
    POST /v1/check          {"text": "...", "lang": "auto"} -> the report (DESIGN.md contract)
    POST /v1/check-batch    {"posts": ["...", {"text": "...", "lang": "fr"}], "lang": "auto"}
                            -> {"reports": [...]} in the same order
    GET  /v1/rules          rule explanations for the page: {"rules": {id: {...}}}
    POST /v2/check          LanguageTool-compatible (form fields text|data, language, ...)
    GET  /v2/languages      LanguageTool-compatible

The linter is not shared between threads: every check runs on one dedicated
worker thread, so concurrent requests are queued and each gets its own answer,
while the event loop stays free for /health and the page. Request bodies over
`max_body` bytes get 413; malformed JSON or form data get 400 with a message.
Post text is never logged: errors name what is wrong, never the text.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse
from starlette.routing import Route

from postcheck import __version__
from postcheck import languagetool as lt

log = logging.getLogger("postcheck.server")

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_MAX_BODY = 100_000
MAX_BATCH = 1000
WEB_FILES = {"index.html": "text/html; charset=utf-8", "app.js": "text/javascript; charset=utf-8",
             "style.css": "text/css; charset=utf-8", "favicon.svg": "image/svg+xml"}
# The page loads nothing from elsewhere; the browser enforces it.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


class BodyTooLarge(Exception):
    pass


class LimitBody:
    """ASGI middleware: refuse request bodies over `limit` bytes with 413,
    from Content-Length when given, else while the body streams in."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None:
            try:
                too_large = int(length) > self.limit
            except ValueError:
                return await _send_json(send, 400, {"error": "invalid Content-Length header"})
            if too_large:
                return await _send_json(send, 413, self._message())
        seen = 0
        started = False

        async def counted_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge()
            return message

        async def tracked_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except BodyTooLarge:
            if not started:
                await _send_json(send, 413, self._message())

    def _message(self) -> dict:
        return {"error": f"request body too large (limit {self.limit} bytes)"}


class AccessLog:
    """ASGI middleware: one line per request with method, path and status; never
    the query string (a LanguageTool GET carries the post there) nor the body."""

    def __init__(self, app):
        self.app = app
        self.log = logging.getLogger("postcheck.access")

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        t0, status = time.perf_counter(), 0

        async def tracked_send(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, tracked_send)
        finally:
            self.log.info("%s %s %d %.0f ms", scope["method"], scope["path"], status, 1000 * (time.perf_counter() - t0))


async def _send_json(send, status: int, payload: dict):
    body = json.dumps(payload).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


class Checker:
    """The linter behind one worker thread (spaCy and Presidio are not shared across threads)."""

    def __init__(self, linter=None, config=None, rule_dirs=()):
        self._linter = linter
        self._config, self._rule_dirs = config, list(rule_dirs)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="postcheck-linter")
        self.ready = False
        self.load_seconds: float | None = None

    def _load(self):
        t0 = time.perf_counter()
        if self._linter is None:
            from postcheck.linter import Linter

            self._linter = Linter(self._config, rule_dirs=self._rule_dirs)
        from postcheck.nlp import LANGUAGES

        warm = {"fr": "Reçu Mme Dupont, 45 ans, à Lyon, au 06 12 34 56 78, dr.x@example.org.",
                "en": "Saw Mrs. Smith, 45, in Boston, call 555-123-4567 or dr.x@example.org."}
        for lang in LANGUAGES:  # models, recognizers and detectors loaded once, at start
            self._linter.check(warm.get(lang, "Hello."), lang=lang)
        self.load_seconds = time.perf_counter() - t0
        self.ready = True

    def load(self):
        self._pool.submit(self._load).result()

    async def run(self, fn, *args):
        try:
            return await asyncio.wrap_future(self._pool.submit(fn, self._linter, *args))
        except (ValueError, TypeError) as exc:
            raise HTTPException(400, str(exc).splitlines()[0]) from None
        except Exception as exc:  # name the failure, never the text
            log.error("check failed: %s", type(exc).__name__)
            raise HTTPException(500, f"internal error ({type(exc).__name__})") from None

    @property
    def linter(self):
        return self._linter

    def close(self):
        self._pool.shutdown(wait=False, cancel_futures=True)


def _rule_info(linter, lang: str) -> dict:
    out = {}
    for rule in linter.rules:
        out[rule.id] = {
            "category": rule.category,
            "severity": rule.severity,
            "description": rule.text(rule.message, lang),
            "why": rule.text(rule.why, lang),
            "advice": rule.text(rule.fix.advice, lang),
            "source": rule.source,
        }
    return out


async def _json_body(request: Request):
    body = await request.body()
    if not body.strip():
        raise HTTPException(400, "empty request body: send a JSON object")
    try:
        return json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise HTTPException(400, "request body is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise HTTPException(400, f"malformed JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None


def _post(value, where: str, default_lang) -> tuple[str, str | None]:
    if isinstance(value, str):
        text, lang = value, default_lang
    elif isinstance(value, dict):
        text, lang = value.get("text"), value.get("lang", default_lang)
    else:
        raise HTTPException(400, f"{where}: expected a string or an object with 'text'")
    if not isinstance(text, str):
        raise HTTPException(400, f"{where}: 'text' must be a string")
    if lang is not None and not isinstance(lang, str):
        raise HTTPException(400, f"{where}: 'lang' must be a string (fr, en or auto)")
    if lang not in (None, "auto", "fr", "en"):
        raise HTTPException(400, f"{where}: unsupported lang {lang!r} (use fr, en or auto)")
    return text, (None if lang in (None, "auto") else lang)


def create_app(linter=None, config=None, rule_dirs=(), max_body: int = DEFAULT_MAX_BODY, load: bool = True):
    """The ASGI application. Pass a Linter to share one (tests); else one is made
    from `config` and `rule_dirs`. Models are loaded at startup (lifespan)."""
    checker = Checker(linter, config, rule_dirs)
    web = resources.files("postcheck") / "web"
    rule_info_cache: dict[str, dict] = {}

    def rule_info(lang: str) -> dict:
        if lang not in rule_info_cache:
            rule_info_cache[lang] = _rule_info(checker.linter, lang)
        return rule_info_cache[lang]

    async def page(request: Request):
        name = request.path_params.get("name", "index.html")
        if name not in WEB_FILES:
            raise HTTPException(404, "not found")
        return FileResponse(Path(str(web / name)), media_type=WEB_FILES[name], headers=PAGE_HEADERS)

    async def health(request: Request):
        from postcheck.nlp import LANGUAGES

        return JSONResponse({"status": "ok" if checker.ready else "loading", "version": __version__,
                             "languages": list(LANGUAGES), "rules": len(checker.linter.rules) if checker.ready else 0},
                            status_code=200 if checker.ready else 503)

    async def check(request: Request):
        data = await _json_body(request)
        if not isinstance(data, dict):
            raise HTTPException(400, "expected a JSON object: {\"text\": \"...\", \"lang\": \"auto\"}")
        if "text" not in data:
            raise HTTPException(400, "missing field 'text'")
        text, lang = _post(data, "request", data.get("lang"))
        if not text.strip():
            raise HTTPException(400, "'text' is empty")
        report = await checker.run(lambda linter: linter.check(text, lang))
        return JSONResponse(report.to_dict())

    async def check_batch(request: Request):
        data = await _json_body(request)
        if isinstance(data, list):
            data = {"posts": data}
        if not isinstance(data, dict) or not isinstance(data.get("posts"), list):
            raise HTTPException(400, "expected a JSON object: {\"posts\": [\"...\", {\"text\": \"...\", \"lang\": \"fr\"}]}")
        default = data.get("lang")
        if len(data["posts"]) > MAX_BATCH:
            raise HTTPException(413, f"too many posts in one batch (limit {MAX_BATCH})")
        posts = [_post(p, f"posts[{i}]", default) for i, p in enumerate(data["posts"])]

        def run(linter):
            reports = [None] * len(posts)
            by_lang: dict = {}
            for i, (text, lang) in enumerate(posts):
                by_lang.setdefault(lang, []).append(i)
            for lang, idx in by_lang.items():
                for i, report in zip(idx, linter.check_many([posts[i][0] for i in idx], lang)):
                    reports[i] = report.to_dict()
            return reports

        return JSONResponse({"reports": await checker.run(run)})

    async def rules(request: Request):
        lang = request.query_params.get("lang", "en")
        return JSONResponse({"rules": rule_info(lang if lang in ("fr", "en") else "en")})

    async def lt_check(request: Request):
        if request.method == "GET":
            params = request.query_params
        else:
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            await request.body()  # read under the size limit first
            if ctype not in ("application/x-www-form-urlencoded", "multipart/form-data", ""):
                return PlainTextResponse(f"Error: unsupported Content-Type {ctype!r}: send form fields "
                                         "(application/x-www-form-urlencoded or multipart/form-data)", status_code=400)
            try:
                form = await request.form()
            except (HTTPException, ValueError, AssertionError, KeyError) as exc:
                detail = getattr(exc, "detail", None) or type(exc).__name__
                return PlainTextResponse(f"Error: malformed form data ({detail})", status_code=400)
            params = {**dict(request.query_params), **{k: v for k, v in form.items() if isinstance(v, str)}}
        try:
            req = lt.parse_request(params)
        except lt.RequestError as exc:
            return PlainTextResponse(f"Error: {exc}", status_code=400)
        report = await checker.run(lambda linter: linter.check(req.text, req.lang))
        return JSONResponse(lt.response(req, report, rule_info=rule_info(report.language)))

    async def lt_languages(request: Request):
        return JSONResponse(lt.languages())

    async def http_error(request: Request, exc: HTTPException):
        return _error(exc.status_code, exc.detail)

    async def too_large(request: Request, exc: BodyTooLarge):
        return _error(413, f"request body too large (limit {max_body} bytes)")

    async def server_error(request: Request, exc: Exception):
        # Name the failure, never the text (no traceback with locals, no body).
        log.error("internal error on %s %s: %s", request.method, request.url.path, type(exc).__name__)
        return _error(500, f"internal error ({type(exc).__name__})")

    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(app):
        if load:
            await asyncio.get_running_loop().run_in_executor(None, checker.load)
            log.info("postcheck ready: %d rules, models loaded in %.1f s", len(checker.linter.rules), checker.load_seconds)
        yield
        checker.close()

    routes = [
        Route("/", page),
        Route("/static/{name}", page),
        Route("/health", health),
        Route("/v1/check", check, methods=["POST"]),
        Route("/v1/check-batch", check_batch, methods=["POST"]),
        Route("/v1/rules", rules),
        Route("/v2/check", lt_check, methods=["GET", "POST"]),
        Route("/v2/languages", lt_languages),
    ]
    app = Starlette(routes=routes, lifespan=lifespan,
                    exception_handlers={HTTPException: http_error, BodyTooLarge: too_large,
                                        Exception: server_error})
    app.state.checker = checker
    return AccessLog(LimitBody(app, max_body))


class BackgroundServer:
    """Run the app with uvicorn on a thread (tests, embedding):

        with BackgroundServer(create_app(linter)) as server:
            httpx.get(server.url + "/health")
    """

    def __init__(self, app, host: str = DEFAULT_HOST, port: int = 0, log_level: str = "warning", **uvicorn_options):
        import uvicorn

        uvicorn_options.setdefault("access_log", False)
        self.config = uvicorn.Config(app, host=host, port=port, log_level=log_level, lifespan="on", **uvicorn_options)
        self.server = uvicorn.Server(self.config)
        self.thread = threading.Thread(target=self.server.run, daemon=True, name="postcheck-server")
        self.url = ""

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 300
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("postcheck server did not start")
            time.sleep(0.05)
        host, port = self.server.servers[0].sockets[0].getsockname()[:2]
        self.url = f"http://{host}:{port}"
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=30)


def run(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, max_body: int = DEFAULT_MAX_BODY,
        config=None, rule_dirs=(), log_level: str = "info"):
    """Serve until interrupted (what `postcheck serve` calls)."""
    import uvicorn

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    logging.getLogger("postcheck").setLevel(logging.INFO)
    app = create_app(config=config, rule_dirs=rule_dirs, max_body=max_body)
    # uvicorn's access log would print query strings (LanguageTool GET requests carry
    # the post there): AccessLog prints method, path and status only.
    uvicorn.run(app, host=host, port=port, log_level=log_level, lifespan="on", access_log=False)
