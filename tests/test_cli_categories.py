"""`postcheck check`, as a user runs it, gives the expected categories in both the
terminal and the JSON output: ten posts or more per category and language (the
category test modules' own posts), and their benign look-alikes."""

import json

import pytest
import test_advertising as adv
import test_denigration as den
import test_dignity as dig
from typer.testing import CliRunner

from postcheck.cli import app

PRIVACY_FR = [
    "Reçu ce matin Mme Lefèvre, 82 ans, à Montargis pour une chute. Vos avis ? #doctoctoc",
    "Ma patiente Mme Garnier ne répond plus, son portable 06 12 34 56 78 sonne dans le vide.",
    "Pte NIR 2 84 05 75 112 034 48, bilan hépatique perturbé, qui a une idée ?",
    "Mme R., 45 ans, institutrice à Clamart, vue hier pour un burn-out.",
    "La patiente de la chambre 214 sonne toute la nuit, vos astuces ? #IDE",
    "M. Karim Benali, IPP 812345678, revu ce matin en consultation de suivi.",
    "Le maire de Saint-Ouen-sur-Loire, 67 ans, vu hier aux urgences pour un AVC.",
    "Mme Dupuis, joignable à dupuis.m@orange.fr, attend toujours son compte rendu.",
    "Reçu M. Lambert, 91 ans, 12 rue des Lilas à Vierzon, pour une chute à domicile.",
    "Voici la radio de Mme Perrin, fracture du col bien visible 😬 #radiologie",
]
PRIVACY_EN = [
    "Saw Mrs Patterson, 82, from Ledbury in clinic yesterday after a fall. Thoughts? #MedTwitter",
    "My patient Mr Jim Okafor keeps missing appointments, his cell is (555) 014-2233.",
    "Pt with SSN 536-22-8145 came in with chest pain, any advice?",
    "Mrs. Alvarez, MRN 48213377, back in the ED tonight with DKA again.",
    "The patient in bed 7 on Ward 4 has been calling all night, tips? #nursing",
    "Mr Davies, DOB 03/14/1951, presented with syncope this morning.",
    "Treated the mayor of Tamworth, 58, yesterday for a heart attack in our ED.",
    "Mrs Green emailed me at jgreen@example.com asking about her biopsy results.",
    "Saw a 45yo female teacher from Much Hadham yesterday with a rare porphyria.",
    "Here is the X-ray of Mr Hughes, look at that fracture 😬 #radiology",
]
CASES = [
    *[("patient-privacy", t, True) for t in PRIVACY_FR + PRIVACY_EN],
    *[("advertising", t, True) for t in adv.FR_FLAG + adv.EN_FLAG],
    *[("advertising", t, False) for t in adv.FR_PASS + adv.EN_PASS],
    *[("colleague-denigration", t, True) for t in den.FLAG_FR + den.FLAG_EN],
    *[("colleague-denigration", t, False) for t in den.PASS_FR + den.PASS_EN],
    *[("patient-dignity", t, True) for t in dig.FLAG_FR + dig.FLAG_EN],
    *[("patient-dignity", t, False) for t in dig.PASS_FR + dig.PASS_EN],
]
runner = CliRunner()


@pytest.mark.parametrize("category, post, flagged", CASES)
def test_category_in_terminal_and_json_output(category, post, flagged):
    as_json = runner.invoke(app, ["check", post, "--format", "json"])
    report = json.loads(as_json.stdout)
    raised = {f["category"] for f in report["findings"] if f["severity"] != "info"}
    assert (category in raised) == flagged, report
    assert as_json.exit_code == (1 if raised else 0)
    terminal = runner.invoke(app, ["check", post], env={"COLUMNS": "200"})
    assert terminal.exit_code == as_json.exit_code
    assert (category in terminal.stdout) == flagged or not flagged and category in raised


def test_enough_posts_per_category_and_language():
    assert len(PRIVACY_FR) >= 10 and len(PRIVACY_EN) >= 10
    for flags in (adv.FR_FLAG, adv.EN_FLAG, den.FLAG_FR, den.FLAG_EN, dig.FLAG_FR, dig.FLAG_EN):
        assert len(flags) >= 10
