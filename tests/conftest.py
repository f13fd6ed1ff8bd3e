import os

import pytest

# Tests check in-process unless they test the background checker itself
# (tests/test_daemon.py passes its own environment to the processes it starts).
os.environ["POSTCHECK_DAEMON"] = "off"

from postcheck import Linter


@pytest.fixture(scope="session")
def linter():
    """One linter for the whole run: models load once."""
    return Linter()


@pytest.fixture(scope="module")
def server(linter):
    """`postcheck serve`'s app on a loopback port, for the HTTP and LanguageTool API tests."""
    from postcheck.server import BackgroundServer, create_app

    with BackgroundServer(create_app(linter)) as running:
        yield running


@pytest.fixture(scope="module")
def client(server):
    import httpx

    with httpx.Client(base_url=server.url, timeout=120) as c:
        yield c
