"""The web page in a real browser: headless Chromium (Debian's `chromium`) driven by Playwright.

Screenshots are saved as test artefacts under tests/artifacts/ (or $POSTCHECK_ARTIFACTS).
"""

import os
import shutil
from pathlib import Path

import pytest

from postcheck.server import BackgroundServer, create_app

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="needs Debian's chromium (apt-get install -y chromium) at /usr/bin/chromium")
sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (pip install playwright)")

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(os.environ.get("POSTCHECK_ARTIFACTS", Path(__file__).parent / "artifacts"))
POST = "Reçu ce matin Mme Lefèvre, 82 ans, à Montargis, pour une chute. Son fils ne répond pas au 06 12 34 56 78. #doctoctoc"


@pytest.fixture(scope="module")
def server(linter):
    with BackgroundServer(create_app(linter)) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    # bypass_csp: Playwright's wait_for_function evaluates strings, which the page's policy forbids;
    # that nothing comes from elsewhere is checked on the requests instead.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR", bypass_csp=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server.url) else None)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server.url + "/")
    yield page
    assert not outside, f"the page fetched something from elsewhere: {outside}"
    assert not errors, f"JavaScript errors: {errors}"
    context.close()


def _wait_checked(page, count=None):
    page.wait_for_selector("#backdrop mark", timeout=60_000)
    page.wait_for_function("!document.body.dataset.checking", timeout=60_000)


def test_typing_a_post_highlights_findings_and_offers_a_rewrite(page, linter):
    expected = linter.check(POST)
    page.click("#draft")
    page.keyboard.type(POST, delay=5)  # debounced: checks while typing, the last one wins
    _wait_checked(page)
    page.wait_for_function(f"document.querySelectorAll('#findings li').length === {len(expected.findings)}", timeout=60_000)

    # The findings, in place: each highlighted passage is the finding's text.
    marks = page.eval_on_selector_all("#backdrop mark", "ms => ms.map(m => m.textContent)")
    for finding in expected.findings:
        assert any(finding.text in m or m in finding.text for m in marks)
    assert "Mme Lefèvre" in marks
    # The list: rule, explanation (message), source, for each finding.
    items = page.locator("#findings li")
    assert items.count() == len(expected.findings)
    rules = [items.nth(i).get_attribute("data-rule") for i in range(items.count())]
    assert rules == [f.rule for f in expected.findings]
    first = items.nth(rules.index("PRIV-NAME-FR"))
    assert "CSP" in first.locator(".source").inner_text()
    assert first.locator(".message").inner_text()
    # Verdict, score, rewrite.
    assert page.get_attribute("#verdict", "data-verdict") == expected.verdict == "block"
    assert page.inner_text("#rewrite") == expected.rewrite
    assert "Lefèvre" not in page.inner_text("#rewrite")
    # Character counter against X's limit.
    assert page.inner_text("#counter").startswith(f"{len(POST)} / 280")

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-desktop.png"), full_page=True)

    # Copy the rewrite, then replace the draft with it: the new draft is checked and passes.
    page.click("#copy")
    assert page.evaluate("navigator.clipboard.readText()") == expected.rewrite
    page.click("#use")
    assert page.input_value("#draft") == expected.rewrite
    page.wait_for_function("document.querySelector('#verdict').dataset.verdict === 'ok'", timeout=60_000)
    assert page.locator("#findings li").count() == linter.check(expected.rewrite).findings.__len__() == 0
    assert page.locator("#backdrop mark").count() == 0


def test_interface_language_platform_limit_and_post_language(page, linter):
    page.fill("#draft", "Book now with code PROMO10 for 20% off your first consultation!")
    _wait_checked(page)
    assert page.inner_text("#verdict-label") == "À ne pas publier"
    page.click("#ui-en")
    assert page.inner_text("#verdict-label") == "Do not publish"
    assert page.inner_text("h2 >> nth=0") == "What to fix"
    assert page.get_attribute("html", "lang") == "en"
    assert "characters" in page.inner_text("#counter")
    # A long post: over X's limit, within Mastodon's.
    long_post = "Congress of the French Society of Cardiology next week. " * 6
    page.fill("#draft", long_post)
    page.wait_for_function("document.querySelector('#verdict').dataset.verdict === 'ok'", timeout=60_000)
    assert "too many" in page.inner_text("#counter") and "over" in page.get_attribute("#counter", "class")
    page.select_option("#platform", "500")
    assert page.inner_text("#counter").startswith(f"{len(long_post)} / 500")
    assert "over" not in page.get_attribute("#counter", "class")
    # The post language is sent with the check.
    with page.expect_request(lambda r: r.url.endswith("/v1/check")) as request:
        page.select_option("#post-lang", "fr")
    assert request.value.post_data_json["lang"] == "fr"
    # The choice of interface language is remembered.
    page.reload()
    assert page.inner_text("h2 >> nth=0") == "What to fix"


def test_phone_sized_screen(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="fr-FR", bypass_csp=True)
    page = context.new_page()
    page.goto(server.url + "/")
    page.fill("#draft", POST)
    _wait_checked(page)
    # Nothing wider than the screen: no horizontal scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = page.locator("#draft").bounding_box()
    assert box["width"] > 300
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-phone.png"), full_page=True)
    context.close()


@pytest.mark.skipif(not shutil.which("git"), reason="no git")
def test_page_assets_ship_in_the_package():
    from importlib import resources

    web = resources.files("postcheck") / "web"
    for name in ("index.html", "app.js", "style.css", "favicon.svg"):
        assert (web / name).is_file()
    html = (web / "index.html").read_text("utf-8")
    assert "http://" not in html and "https://" not in html  # no external fonts or scripts
