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
