"""Each identifier format postcheck adds to Presidio: what it finds, and what it
must leave alone (invalid keys, look-alike numbers)."""

import pytest

from postcheck.recognizers import nir_is_valid, resolve


def found(linter, lang, text):
    """{(entity type, matched text)} after cross-type overlaps are settled."""
    analysis = next(linter.pipelines.analyse([text], [lang]))
    return {(r.entity_type, text[r.start:r.end]) for r in resolve(analysis.entities) if r.score >= 0.5}


def types_of(linter, lang, text, fragment):
    return {t for t, s in found(linter, lang, text) if fragment in s or s in fragment}


# --- NIR -----------------------------------------------------------------

@pytest.mark.parametrize("nir", [
    "1 84 05 75 112 034 01", "184057511203401", "2 69 05 2A 004 005 35", "2 69 05 2B 004 005 62",
    "2 84 05 75 112 034 48", "2.84.05.75.112.034.48",
])
def test_nir_valid_keys(nir):
    assert nir_is_valid(nir)


@pytest.mark.parametrize("nir", ["1 84 05 75 112 034 49", "184057511203402", "2 69 05 2A 004 005 34", "1 84 05 75 112"])
def test_nir_invalid_keys(nir):
    assert not nir_is_valid(nir)


def test_nir_found_with_or_without_spaces(linter):
    for nir in ("1 84 05 75 112 034 01", "184057511203401", "2 69 05 2A 004 005 35"):
        assert ("FR_NIR", nir) in found(linter, "fr", f"Numéro de sécu {nir} pour la FSE."), nir


def test_nir_with_a_wrong_key_is_not_an_identifier(linter):
    assert not types_of(linter, "fr", "Numéro 1 84 05 75 112 034 49 refusé.", "1 84 05") & {"FR_NIR"}


# --- phones --------------------------------------------------------------

@pytest.mark.parametrize("phone", [
    "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678", "+33 6 12 34 56 78", "+33612345678",
    "0033 6 12 34 56 78", "+33 (0)6 12 34 56 78", "zéro six, trente-neuf, quatre-vingt-dix-huit, quarante et un, douze",
])
def test_french_phone_forms(linter, phone):
    assert ("PHONE_NUMBER", phone) in found(linter, "fr", f"Rappelez-la au {phone} demain."), phone


@pytest.mark.parametrize("phone", ["(614) 555-0182", "614-555-0182", "+1 614 555 0182", "07700 900461", "+44 7700 900461"])
def test_us_and_uk_phone_forms(linter, phone):
    assert ("PHONE_NUMBER", phone) in found(linter, "en", f"Please call her back on {phone} today."), phone


# --- record numbers, and the doctor's own ids ------------------------------

@pytest.mark.parametrize("text, record", [
    ("Pt IPP 40028917, 3e nuit sur un brancard.", "IPP 40028917"),
    ("Dossier n° 2023-118754 : tubes perdus.", "Dossier n° 2023-118754"),
    ("Numéro de dossier 55012873 à vérifier.", "Numéro de dossier 55012873"),
])
def test_french_record_numbers_need_their_word(linter, text, record):
    assert ("MEDICAL_RECORD", record) in found(linter, "fr", text)


def test_a_bare_number_is_no_record(linter):
    assert not {t for t, _ in found(linter, "fr", "Créat à 140 puis 40028917 tubes, non.")} & {"MEDICAL_RECORD"}


@pytest.mark.parametrize("text, record", [
    ("Can someone look at MRN 00483921?", "MRN 00483921"),
    ("Hosp no RXH4482210, bed 12.", "Hosp no RXH4482210"),
    ("BCBS denied member ID XHP847201933 again.", "member ID XHP847201933"),
    ("hosp number four four eight, two nine one, seven seven zero.", "hosp number four four eight, two nine one, seven seven zero"),
])
def test_english_record_numbers(linter, text, record):
    assert ("MEDICAL_RECORD", record) in found(linter, "en", text)


@pytest.mark.parametrize("lang, text, number", [
    ("fr", "Dr Anne Roux, RPPS 10101234567", "10101234567"),
    ("fr", "ADELI 751234567 et FINESS 060780947", "060780947"),
    ("en", "Sam, GMC 7034412, views my own", "7034412"),
    ("en", "NPI 1234567893 on the claim", "1234567893"),
])
def test_provider_ids_are_not_phones_or_records(linter, lang, text, number):
    kinds = types_of(linter, lang, text, number)
    assert "PROVIDER_ID" in kinds
    assert not kinds & {"PHONE_NUMBER", "MEDICAL_RECORD", "US_SSN", "UK_NHS"}


def test_ssn(linter):
    assert ("US_SSN", "536-22-8726") in found(linter, "en", "my pt with SSN 536-22-8726 again")
    assert not {t for t, _ in found(linter, "en", "Order 536228726 shipped")} & {"US_SSN"}


def test_nhs_number_needs_its_key_and_its_word(linter):
    assert "UK_NHS" in types_of(linter, "en", "Her NHS number is 943 476 5919.", "943 476 5919")
    assert "UK_NHS" not in types_of(linter, "en", "Her NHS number is 943 476 5918.", "943 476 5918")


# --- IBAN, e-mail ----------------------------------------------------------

def test_iban_checked_by_its_key(linter):
    assert "IBAN_CODE" in types_of(linter, "fr", "IBAN FR76 3000 6000 0112 3456 7890 189 merci", "FR76")
    assert "IBAN_CODE" not in types_of(linter, "fr", "IBAN FR76 3000 6000 0112 3456 7890 188 merci", "FR76")


def test_email_offline(linter):
    assert ("EMAIL_ADDRESS", "nathalie.verdier62@orange.fr") in found(linter, "fr", "depuis nathalie.verdier62@orange.fr hier")
    assert ("EMAIL_ADDRESS", "jo.harper@nhs.net") in found(linter, "en", "from jo.harper@nhs.net today")


# --- places: addresses, postcodes, rooms, plates -----------------------------

@pytest.mark.parametrize("address", ["12 rue des Lilas", "8 impasse des Lilas", "3 bis avenue Foch", "douze, rue des Tanneurs"])
def test_french_street_addresses(linter, address):
    assert ("STREET_ADDRESS", address) in found(linter, "fr", f"Elle habite {address}, au rez-de-chaussée.")


def test_an_article_is_no_house_number(linter):
    # "une" reads as a number in words, "place" as a street type
    assert not [f for f in found(linter, "fr", "Quelqu'un a une place en SSR pour elle ?") if f[0] == "STREET_ADDRESS"]


@pytest.mark.parametrize("address", ["221B Baker Street", "14 Station Road", "12 Elm Grove"])
def test_english_street_addresses(linter, address):
    assert ("STREET_ADDRESS", address) in found(linter, "en", f"She lives at {address}, on her own.")


def test_postcodes(linter):
    assert ("POSTCODE", "29200 Brest") in found(linter, "fr", "Elle vit au 29200 Brest depuis peu.")
    assert ("POSTCODE", "NW1 6XE") in found(linter, "en", "He lives in London NW1 6XE now.")
    assert ("POSTCODE", "TX 78701") in found(linter, "en", "Moved to Austin, TX 78701 last year.")


@pytest.mark.parametrize("lang, room", [
    ("fr", "chambre 214"), ("fr", "lit 7"), ("fr", "box 3"),
    ("en", "bed 7"), ("en", "bay 3"), ("en", "room 12"), ("en", "Ward 7"),
])
def test_rooms_and_beds(linter, lang, room):
    assert ("ROOM", room) in found(linter, lang, f"Patient en {room} ce soir." if lang == "fr" else f"Patient in {room} tonight.")


def test_number_plates(linter):
    assert ("VEHICLE_PLATE", "FG-482-KL") in found(linter, "fr", "la Clio grise FG-482-KL garée devant")
    assert ("VEHICLE_PLATE", "AB12 CDE") in found(linter, "en", "the blue Fiesta AB12 CDE outside")


# --- dates of birth and dates ---------------------------------------------------

@pytest.mark.parametrize("lang, text, dob", [
    ("fr", "Ma patiente née le 12/03/1951 marche encore.", "née le 12/03/1951"),
    ("fr", "Née le 29 février 1932, elle fête son anniversaire.", "Née le 29 février 1932"),
    ("en", "My pt, DOB 14/02/1949, still walks.", "DOB 14/02/1949"),
    ("en", "My pt born on the fourth of July 1957 had a colonoscopy.", "born on the fourth of July 1957"),
])
def test_dates_of_birth(linter, lang, text, dob):
    assert ("DATE_OF_BIRTH", dob) in found(linter, lang, text)


def test_french_calendar_dates(linter):
    kinds = found(linter, "fr", "Vue le 3 février, revue le 12/09/2024.")
    assert {("CALENDAR_DATE", "3 février"), ("CALENDAR_DATE", "12/09/2024")} <= kinds


# --- names by their form ----------------------------------------------------------

@pytest.mark.parametrize("lang, text, name", [
    ("fr", "Reçu Mme R. ce matin.", "Mme R."),
    ("fr", "M. T.L., chambre 12, refuse.", "M. T.L."),
    ("fr", "J.-M. D., notre kiné, a fait un AVC.", "J.-M. D."),
    ("fr", "Foncez ! #TeamLucasDurand", "#TeamLucasDurand"),
    ("fr", "Kevin, 9 ans, a fini sa chimio.", "Kevin"),
    ("en", "Mr. Jim K. is back again.", "Mr. Jim K."),
    ("en", "Mrs Patterson in bay 3 smiled.", "Mrs Patterson"),
])
def test_names_by_their_form(linter, lang, text, name):
    assert ("PERSON", name) in found(linter, lang, text)


# --- identifiers written to dodge filters --------------------------------------------------

@pytest.mark.parametrize("lang, text, fragment", [
    ("en", "Her son asked me to write to jo.harper77 at gmail dot com about the results.", "jo.harper77 at gmail dot com"),
    ("en", "Results to jo.harper [at] outlook [dot] co.uk please.", "jo.harper [at] outlook [dot] co.uk"),
    ("fr", "Écrire à k.benali [arobase] laposte [point] net pour le compte rendu.", "k.benali [arobase] laposte [point] net"),
])
def test_obfuscated_emails(linter, lang, text, fragment):
    assert ("EMAIL_ADDRESS", fragment) in found(linter, lang, text)


def test_an_ordinary_at_is_no_email(linter):
    assert not {t for t, _ in found(linter, "en", "Meet me at the station at noon. Then lunch.")} & {"EMAIL_ADDRESS"}


def test_phone_dictated_in_words(linter):
    text = "His wife is on oh seven seven double oh, nine oh oh, four six one if needed."
    assert "PHONE_NUMBER" in types_of(linter, "en", text, "oh seven seven double oh")


def test_record_number_after_is(linter):
    assert "MEDICAL_RECORD" in types_of(linter, "en", "Her MRN is 20194433, can you check?", "20194433")


@pytest.mark.parametrize("lang, text, initials", [
    ("en", "Pt J.D. came back with gout again.", "J.D."),
    ("fr", "Patiente M.-L. revue ce matin.", "M.-L."),
])
def test_initials_after_the_word_patient(linter, lang, text, initials):
    assert ("PERSON", initials) in found(linter, lang, text)
