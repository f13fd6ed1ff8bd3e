"""postcheck: a compliance linter for doctors' social-media posts.

    from postcheck import Linter
    Linter().check("...").to_dict()
"""

__all__ = ["Linter", "Finding", "Report"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # Imported on first use, so that `postcheck check` talking to the warm
    # background checker does not pay for the linter's imports.
    if name == "Linter":
        from postcheck.linter import Linter

        return Linter
    if name in ("Finding", "Report"):
        from postcheck import model

        return getattr(model, name)
    raise AttributeError(f"module 'postcheck' has no attribute {name!r}")
