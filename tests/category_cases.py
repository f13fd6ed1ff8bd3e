"""Shared by the category test modules: each lists flagged posts and benign
look-alikes per language; one parametrized test checks them all."""


def cases(fr_flag, fr_pass, en_flag, en_pass) -> list[tuple[str, str, bool]]:
    """(text, lang, flagged) for every post of a category module."""
    return ([(t, "fr", True) for t in fr_flag] + [(t, "fr", False) for t in fr_pass]
            + [(t, "en", True) for t in en_flag] + [(t, "en", False) for t in en_pass])


def assert_category(linter, text: str, lang: str, category: str, flagged: bool) -> None:
    report = linter.check(text, lang=lang)
    if flagged:
        assert category in report.categories, [f.to_dict() for f in report.findings]
    else:
        assert category not in report.categories, \
            [f.to_dict() for f in report.findings if f.category == category]
