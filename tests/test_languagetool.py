"""The LanguageTool-compatible API, tested with a real LanguageTool client
(language_tool_python, remote_server=...) and with raw requests."""

import json

import pytest

from postcheck import languagetool as lt

language_tool_python = pytest.importorskip("language_tool_python")

FR = "Reçu ce matin Mme Lefèvre, 82 ans, à Montargis, pour une chute. Son fils ne répond pas au 06 12 34 56 78."
EN = "Book now with code PROMO10 for 20% off your first consultation!"
EMOJI = "🎉🎉 Super journée 😷 ! Reçu Mme Lefèvre 👵🏻 ce matin, 82 ans, à Montargis."


@pytest.fixture()
def tool(server):
    t = language_tool_python.LanguageTool("fr-FR", remote_server=server.url)
    yield t
    t.close()


def test_real_client_checks_french(tool, linter):
    matches = tool.check(FR)
    report = linter.check(FR, "fr")
    assert [m.rule_id for m in matches] == [f.rule for f in report.findings]
    for match, finding in zip(matches, report.findings):
        assert FR[match.offset:match.offset + match.error_length] == finding.text
        assert match.category == lt.category_id(finding.category)
        assert match.message.startswith(finding.message.replace("…", "..."))  # the client folds the ellipsis
        assert match.replacements == ([] if finding.suggestion is None else [finding.suggestion])
        assert match.matched_text == finding.text
        assert finding.text in match.sentence
    assert "PATIENT_PRIVACY" in {m.category for m in matches}


def test_real_client_with_auto_language_and_emoji(server, linter):
    tool = language_tool_python.LanguageTool("auto", remote_server=server.url)
    try:
        matches = tool.check(EMOJI)
    finally:
        tool.close()
    report = linter.check(EMOJI)
    assert matches and [m.rule_id for m in matches] == [f.rule for f in report.findings]
    # Offsets travel as UTF-16 code units and the client brings them back to code points.
    for match, finding in zip(matches, report.findings):
        assert match.offset == finding.start
        assert EMOJI[match.offset:match.offset + match.error_length] == finding.text


def test_real_client_correct_applies_the_suggestions(tool, linter):
    fixed = tool.correct("Reçu ce matin Mme Lefèvre pour une chute.")
    assert "Lefèvre" not in fixed


def test_real_client_rule_and_category_filters(server, linter):
    tool = language_tool_python.LanguageTool("fr", remote_server=server.url)
    try:
        all_rules = {m.rule_id for m in tool.check(FR)}
        assert "PRIV-NAME-FR" in all_rules and len(all_rules) > 1
        tool.disabled_rules = {"PRIV-NAME-FR"}
        assert {m.rule_id for m in tool.check(FR)} == all_rules - {"PRIV-NAME-FR"}
        tool.disabled_rules = set()
        tool.enabled_rules = {"PRIV-NAME-FR"}
        tool.enabled_rules_only = True
        assert {m.rule_id for m in tool.check(FR)} == {"PRIV-NAME-FR"}
        tool.enabled_rules, tool.enabled_rules_only = set(), False
        tool.disabled_categories = {"PATIENT_PRIVACY"}
        assert tool.check(FR) == []
    finally:
        tool.close()


def test_english_advertising(server, linter):
    tool = language_tool_python.LanguageTool("en-US", remote_server=server.url)
    try:
        matches = tool.check(EN)
    finally:
        tool.close()
    assert {m.category for m in matches} == {"ADVERTISING"}
    assert [m.rule_id for m in matches] == [f.rule for f in linter.check(EN, "en").findings]


def test_response_shape(client):
    body = client.post("/v2/check", data={"text": FR, "language": "auto"}).json()
    assert body["software"]["apiVersion"] == 1
    assert body["language"]["code"] == "fr" and body["language"]["detectedLanguage"]["code"] == "fr"
    m = body["matches"][0]
    assert {"message", "shortMessage", "offset", "length", "replacements", "context", "sentence", "rule", "type"} <= set(m)
    assert set(m["context"]) == {"text", "offset", "length"}
    assert {"id", "description", "issueType", "category"} <= set(m["rule"])
    assert set(m["rule"]["category"]) == {"id", "name"}
    assert m["type"] == {"typeName": "Other"}
    ctx = m["context"]
    assert ctx["text"][ctx["offset"]:ctx["offset"] + ctx["length"]] == FR[m["offset"]:m["offset"] + m["length"]]


def test_multipart_form_and_get(client):
    multipart = client.post("/v2/check", files={"text": (None, FR), "language": (None, "fr")})
    form = client.post("/v2/check", data={"text": FR, "language": "fr"})
    get = client.get("/v2/check", params={"text": FR, "language": "fr"})
    assert multipart.status_code == form.status_code == get.status_code == 200
    assert multipart.json()["matches"] == form.json()["matches"] == get.json()["matches"]


def test_data_annotation_offsets_point_into_the_markup(client):
    data = {"annotation": [
        {"markup": "<p>"},
        {"text": "Reçu ce matin "},
        {"markup": "<b>"},
        {"text": "Mme Lefèvre"},
        {"markup": "</b>"},
        {"text": " pour une chute."},
        {"markup": "</p>", "interpretAs": "\n\n"},
    ]}
    original = "".join(a.get("text", a.get("markup")) for a in data["annotation"])
    body = client.post("/v2/check", data={"data": json.dumps(data), "language": "fr"}).json()
    spans = {m["rule"]["id"]: original[m["offset"]:m["offset"] + m["length"]] for m in body["matches"]}
    assert spans["PRIV-NAME-FR"] == "Mme Lefèvre"


@pytest.mark.parametrize("fields, needle", [
    ({"language": "fr"}, "Missing 'text' or 'data'"),
    ({"text": "Bonjour"}, "Missing 'language'"),
    ({"text": "Bonjour", "language": "xx-YY"}, "not a language code"),
    ({"data": "{not json", "language": "fr"}, "Invalid JSON in 'data'"),
    ({"data": '{"annotation": 3}', "language": "fr"}, "'annotation' list"),
    ({"text": "Bonjour", "language": "fr", "enabledOnly": "true"}, "enabledOnly"),
])
def test_bad_requests_get_400_like_languagetool(client, fields, needle):
    answer = client.post("/v2/check", data=fields)
    assert answer.status_code == 400
    assert answer.text.startswith("Error: ") and needle in answer.text


def test_malformed_multipart_gets_400(client):
    answer = client.post("/v2/check", content=b"--xyz\r\nContent-Disposition: form-data\r\n\r\nbroken",
                         headers={"content-type": "multipart/form-data; boundary=xyz"})
    assert answer.status_code == 400 and answer.text.startswith("Error: malformed form data")


def test_wrong_content_type_gets_400(client):
    answer = client.post("/v2/check", json={"text": FR, "language": "fr"})
    assert answer.status_code == 400 and "Content-Type" in answer.text


def test_languages(client, tool):
    langs = client.get("/v2/languages").json()
    assert {"name": "French (France)", "code": "fr", "longCode": "fr-FR"} in langs
    assert {"en", "fr"} == {lang["code"] for lang in langs}
    tool.language = "en-GB"  # the client validates the code against /v2/languages


def test_utf16_offsets():
    text = "a😷b"
    assert lt.utf16(text, 2) == 3 and lt.utf16(text, 1) == 1


def test_parse_language():
    assert lt.parse_language("auto") is None
    assert lt.parse_language("fr-CA") == "fr" and lt.parse_language("en_GB") == "en"
    with pytest.raises(lt.RequestError):
        lt.parse_language("de-DE")
