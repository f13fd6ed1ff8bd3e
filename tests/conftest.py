import pytest

from postcheck import Linter


@pytest.fixture(scope="session")
def linter():
    """One linter for the whole run: models load once."""
    return Linter()
