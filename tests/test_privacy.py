"""Patient privacy, end to end: identifiers, whose detail it is, combinations of
quasi-identifiers, images and consent, and the rewrite (which must pass when
checked again, and keep a clinical question's substance)."""

import pytest

CAT = "patient-privacy"


def raises(linter, text, lang):
    return CAT in linter.check(text, lang=lang).categories


def privacy_rules(linter, text, lang):
    return {f.rule for f in linter.check(text, lang=lang).findings if f.category == CAT and f.raises}


# --- identifiers and contact details -------------------------------------------

@pytest.mark.parametrize("lang, text, rule", [
    ("fr", "Reçu hier Mme Garnier pour un malaise, son fils veut tout savoir.", "PRIV-NAME-FR"),
    ("fr", "M. B., 67 ans, refuse la coronarographie. Des idées ?", "PRIV-NAME-FR"),
    ("fr", "Pensées pour mon petit patient qui se fait opérer demain #CourageHugoMercier", "PRIV-NAME-FR"),
    ("fr", "NIR 2 69 05 2A 004 005 35 : la mutuelle de ma patiente ne trouve pas son dossier.", "PRIV-ID-FR"),
    ("fr", "IPP 55012873 : ce monsieur attend son IRM depuis lundi.", "PRIV-ID-FR"),
    ("fr", "Le mari de ma patiente veut être rappelé au 07 81 22 45 90 après la visite.", "PRIV-CONTACT-FR"),
    ("fr", "Ma patiente me demande d'écrire à sa fille, lucie.perrin@laposte.net, pour le compte rendu.", "PRIV-CONTACT-FR"),
    ("fr", "Mme Ferreira, 7 rue des Acacias, a besoin d'un kiné à domicile, quelqu'un ?", "PRIV-CONTACT-FR"),
    ("fr", "Mon patient de la camionnette AB-123-CD se gare encore sur la place handicapée 🙃", "PRIV-CONTACT-FR"),
    ("fr", "M. D., lit 7, refuse son traitement depuis hier.", "PRIV-ROOM-FR"),
    ("fr", "Box 6 aux urgences : la dame attend son scanner depuis 5 h.", "PRIV-ROOM-WARD-FR"),
    ("fr", "Ma patiente née le 14/07/1931 refuse toujours le portage de repas.", "PRIV-DOB-FR"),
    ("en", "Mrs Whitfield came back to clinic today, still breathless, any thoughts?", "PRIV-NAME-EN"),
    ("en", "Mr. D. keeps pulling his oxygen mask off, ideas?", "PRIV-NAME-EN"),
    ("en", "The pharmacy wants my pt's SSN 536-22-8726 confirmed before releasing his insulin.", "PRIV-ID-EN"),
    ("en", "MRN 20194433 has been boarding in the ED for 30 hours.", "PRIV-ID-EN"),
    ("en", "My patient's husband asked me to post his mobile, 07700 900555, for the night team.", "PRIV-CONTACT-EN"),
    ("en", "Pt's son is waiting downstairs. His number is (614) 555-0133 if the ward needs him.", "PRIV-CONTACT-EN"),
    ("en", "The patient in bed 7 keeps pulling out his cannula, any tips?", "PRIV-ROOM-EN"),
    ("en", "Bay 2 on the cardiac ward needs a chaperone for the 3pm ECG.", "PRIV-ROOM-WARD-EN"),
    ("en", "My pt, DOB 02/11/1940, still gardens every day.", "PRIV-DOB-EN"),
])
def test_identifiers_are_flagged(linter, lang, text, rule):
    assert rule in privacy_rules(linter, text, lang)


def test_strong_identifiers_count_whoever_they_seem_to_belong_to(linter):
    assert "PRIV-ID-FR" in privacy_rules(linter, "Note à moi-même : IPP 71190552 à rappeler.", "fr")
    assert "PRIV-ID-EN" in privacy_rules(linter, "Reminder to self: MRN 33017745, chase the CT.", "en")


# --- whose detail is it ----------------------------------------------------------------

@pytest.mark.parametrize("lang, text", [
    # colleagues, named with their title
    ("fr", "Merci au Dr Lemoine pour sa formation sur l'écho hier à Lyon."),
    ("fr", "Merci à mon confrère Julien Ortega, réanimateur à Vannes, pour son aide cette nuit."),
    ("en", "Huge thanks to Dr Okoye for the ultrasound teaching in Leeds yesterday."),
    ("en", "Well deserved award for my colleague Dr Ada Mensah tonight."),
    # the author
    ("fr", "J'ai 52 ans, je suis généraliste à Figeac depuis 20 ans et je suis épuisé."),
    ("fr", "Je me présente : Hugo, 29 ans, remplaçant dans le Morbihan, ravi de vous rejoindre."),
    ("en", "I'm 52, a GP in York, and I just ran my first marathon."),
    ("en", "Hello, I'm Priya, 34, a paediatric registrar in Bristol. GMC 7120394. Views my own."),
    ("fr", "Mon fils de 10 ans a recousu son doudou : futur chirurgien ?"),
    ("en", "Mrs Holloway, my old piano teacher, sent me a card when I qualified."),
    # public figures and cited professors, outside any care
    ("fr", "Le ministre Paul Verdier veut encore réformer les urgences."),
    ("fr", "Le Pr Anne Carpentier a présenté ses travaux sur la maladie de Fabry au congrès de Bordeaux."),
    ("fr", "Le maire de Rodez inaugure la nouvelle maison de santé ce samedi."),
    ("en", "The Health Secretary, Jane Morton, promised more GP funding again."),
    ("en", "Prof. Alan Reid's new paper on Huntington's disease is a must-read."),
    ("en", "Councillor Maria Lopez voted against the new walk-in centre, disappointing."),
    # a practice's own contact details
    ("fr", "Le cabinet déménage le 1er avril au 3 place de la Halle, à Brive. Téléphone inchangé : 05 55 12 34 56."),
    ("en", "A message for all our patients: from 1 May we are at 22 Queen Street, Truro (01872 555 010)."),
    ("fr", "La PMI de Montreuil cherche un pédiatre, écrire à pmi.rh@ville-exemple.fr"),
    ("en", "Now hiring: salaried GP, email jobs@riverside-surgery.example or call 0161 496 0000."),
])
def test_details_of_non_patients_pass(linter, lang, text):
    assert not raises(linter, text, lang)


def test_same_name_flagged_only_as_a_patient(linter):
    assert raises(linter, "Reçu ce matin Mme Laurent pour une dyspnée.", "fr")
    assert not raises(linter, "Merci à la Dr Laurent pour sa présentation.", "fr")
    assert raises(linter, "Mrs Bennett came back to clinic, still short of breath.", "en")
    assert not raises(linter, "Thanks to Dr Bennett for covering my clinic.", "en")


def test_a_patients_relative_counts_as_the_patient(linter):
    assert raises(linter, "Ma patiente est partie ; sa fille joignable au 06 44 55 66 77 voudrait des nouvelles.", "fr")


# --- quasi-identifiers -------------------------------------------------------------------

@pytest.mark.parametrize("lang, one, three", [
    ("fr", "Patiente de 44 ans, zona ophtalmique : aciclovir IV ?",
     "Ma patiente, institutrice à Mornac, 44 ans, vue le 3 février pour un zona ophtalmique."),
    ("fr", "#doctoctoc F 36 ans, lombalgie fébrile, CRP 80 : IRM ?",
     "#doctoctoc F 36 ans, factrice à Saint-Agrève, lombalgie fébrile depuis hier, CRP 80 : IRM ?"),
    ("en", "A 62-year-old with a STEMI: would you thrombolyse at this distance?",
     "Our 62-year-old postman from Little Walsingham had a STEMI on Tuesday."),
    ("en", "23yo with tall stature and lens dislocation: Marfan work-up?",
     "Marfan syndrome confirmed in a 23yo rower from Henley, first case I've seen."),
])
def test_one_detail_passes_several_are_flagged(linter, lang, one, three):
    assert not raises(linter, one, lang)
    assert "PRIV-QUASI-" + lang.upper() in privacy_rules(linter, three, lang)


@pytest.mark.parametrize("lang, text", [
    ("fr", "Le petit-fils du pharmacien, 15 ans, est venu seul ce matin pour une entorse."),
    ("fr", "Le seul boucher de Saint-Véran a fait un malaise vagal au marché, 63 ans."),
    ("en", "The mayor's son, 16, came in drunk last night after the prom."),
    ("en", "The only vet on Sark had a TIA on Monday, 66 and still working."),
    ("en", "Two kids from Thornfield Primary in with chickenpox today, one of them the head's own daughter."),
])
def test_roles_and_uniqueness_identify(linter, lang, text):
    assert raises(linter, text, lang)


@pytest.mark.parametrize("lang, text", [
    ("fr", "Ma patiente, la maire de Saint-Véran, vient pour un zona et veut un arrêt discret."),
    ("fr", "Opéré hier l'ailier de l'équipe de rugby de Brive, il veut rejouer dans trois semaines."),
    ("en", "Saw our patient the harbourmaster of Padstow this morning with a nasty hand infection."),
    ("en", "Guess which Wexford County commissioner I just scoped. Lovely man, terrible prep."),
])
def test_a_role_one_person_holds_identifies_alone(linter, lang, text):
    assert "PRIV-QUASI-" + lang.upper() in privacy_rules(linter, text, lang)


@pytest.mark.parametrize("lang, text", [
    ("fr", "La maire de Saint-Véran inaugure samedi la nouvelle maison de santé, venez nombreux."),
    ("en", "The harbourmaster of Padstow opened our flu clinic today, thank you!"),
])
def test_a_role_outside_care_passes(linter, lang, text):
    assert not raises(linter, text, lang)


@pytest.mark.parametrize("lang, text", [
    # a common word opening a sentence is no place, whatever the NER says
    ("fr", "Un patient de 93 ans me demande s'il peut reprendre le vélo. Réponse : oui, avec un casque !"),
    ("fr", "Patiente de 31 ans, trois avis « c'est psy ». SEP confirmée à l'IRM. Écoutez les patientes."),
    # "M. X" stands in for no one
    ("fr", "En staff on ne dit plus « le diabétique de la 8 » mais « M. X, qui vit avec un diabète »."),
    # a ward's obs round is no obstetrician: the bed is still nobody's in particular
    ("en", "Obs round done, handover at 8, coffee at 8:05 ☕"),
])
def test_look_alikes_of_details_pass(linter, lang, text):
    assert not raises(linter, text, lang)


@pytest.mark.parametrize("lang, text", [
    ("fr", "Mon patient est tombé de trottinette hier soir, regardez-moi ce poignet [photo]"),
    ("en", "My patient fell off his scooter last night, wrist like a dinner fork [image: wrist X-ray]"),
])
def test_an_attachment_marker_is_an_image_shown(linter, lang, text):
    assert "PRIV-PHOTO-" + lang.upper() in privacy_rules(linter, text, lang)


@pytest.mark.parametrize("lang, text", [
    ("fr", "Patiente d'une quarantaine d'années, céphalées en coup de tonnerre : scanner normal, PL ?"),
    ("fr", "#doctoctoc Pte 60aine, sous lithium, TSH qui grimpe : on arrête ?"),
    ("fr", "Dépistage du diabète gratuit samedi à la mairie de Vitré, pour tous dès 40 ans."),
    ("en", "50s F, new AF, CHA2DS2-VASc 2. Would you anticoagulate?"),
    ("en", "Our spring CPD day is in Perth on 12 April, £40 for trainees."),
    ("en", "Kawasaki in a toddler with only three criteria: incomplete forms are easy to miss."),
    ("fr", "Maladie de Horton chez une femme de 62 ans : pensez-y devant toute céphalée récente."),
])
def test_anonymised_cases_and_announcements_pass(linter, lang, text):
    assert not raises(linter, text, lang)


# --- images and consent -----------------------------------------------------------------

@pytest.mark.parametrize("lang, text", [
    ("fr", "Je partage la photo de l'éruption de ma patiente, vous en pensez quoi ?"),
    ("fr", "Radio du jour chez un patient de 30 ans : devinez le diagnostic !"),
    ("en", "Here's a pic of my patient's rash from this morning, what do you think?"),
    ("en", "Film of the day: 7yo with a swallowed coin, who spots it first? 📸"),
])
def test_patient_images_without_consent_are_flagged(linter, lang, text):
    assert "PRIV-PHOTO-" + lang.upper() in privacy_rules(linter, text, lang)


@pytest.mark.parametrize("lang, text", [
    ("fr", "Avec l'accord écrit de ses parents, voici la radio du coude de mon petit patient : Monteggia !"),
    ("fr", "Je partage, avec son autorisation écrite, la photo de l'eczéma de contact de ma patiente."),
    ("en", "Shared with his written consent: my patient's chest film showing a textbook pneumothorax."),
    ("en", "At her request, here's a photo of my patient's healed skin graft for the students."),
    ("en", "Sharing a photo of our new practice team, say hi!"),
])
def test_images_with_consent_or_of_no_patient_pass(linter, lang, text):
    assert not raises(linter, text, lang)


# --- rewrites ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Mme R., 45 ans, institutrice à Clamart, vue hier pour un burn-out. Vos conseils ?",
     "Une patiente, quadragénaire, institutrice, vue récemment pour un burn-out. Vos conseils ?"),
    ("fr", "Reçu ce matin Mme Lefèvre pour une douleur thoracique atypique, vos avis ?",
     "Reçu ce matin une patiente pour une douleur thoracique atypique, vos avis ?"),
    ("fr", "Ma patiente ne répond plus, son numéro 06 12 34 56 78 sonne dans le vide.",
     "Ma patiente ne répond plus, son numéro sonne dans le vide."),
    ("fr", "Une patiente de 82 ans de Lagrasse, vue le 3 février pour une chute : ostéoporose fracturaire ?",
     "Une patiente octogénaire, vue récemment pour une chute : ostéoporose fracturaire ?"),
    ("en", "Mrs Delaney came back to clinic today with the same chest pain, any thoughts?",
     "A patient came back to clinic today with the same chest pain, any thoughts?"),
    ("en", "Billing needs SSN 536-22-8726 for this pt before the claim goes through.",
     "Billing needs for this pt before the claim goes through."),
    ("en", "The pharmacy wants my pt's SSN 536-22-8726 confirmed before releasing his insulin.",
     "The pharmacy wants my pt's SSN confirmed before releasing his insulin."),
    ("en", "My patient's son is happy to be called, his number is 07700 900312 if the night team needs him.",
     "My patient's son is happy to be called, if the night team needs him."),
    ("en", "Saw a 58-year-old lollipop lady from Kirkby Lonsdale yesterday with new angina. Stress echo or CTCA?",
     "Saw a lollipop lady in her 50s recently with new angina. Stress echo or CTCA?"),
])
def test_expected_rewrites(linter, lang, text, expected):
    assert linter.check(text, lang=lang).rewrite == expected


REWRITTEN = [
    ("fr", "#doctoctoc H 52 ans, notaire à Saint-Géniez, douleurs thoraciques depuis hier, ECG normal. Test d'effort ?",
     ["douleurs thoraciques", "ECG normal", "Test d'effort"]),
    ("fr", "#doctoctoc H 60 ans, maire de Lagarde, HTA à 19/11 ce matin, refuse le traitement. Que faire ?",
     ["HTA à 19/11", "refuse le traitement"]),
    ("fr", "Kevin, 9 ans, suivi pour une leucémie, a fini sa chimio ! #CourageKevin", ["leucémie", "chimio"]),
    ("fr", "Pte NIR 2 84 05 75 112 034 48, bilan hépatique perturbé sous statine, qui a une idée ?",
     ["bilan hépatique perturbé", "statine"]),
    ("en", "Our 62-year-old postman from Little Walsingham had a STEMI on Tuesday. Thrombolysis or PCI?",
     ["STEMI", "Thrombolysis or PCI"]),
    ("en", "Mr. D. in bed 4 on the respiratory ward keeps pulling his NIV mask off. Any tips?", ["NIV mask", "Any tips"]),
    ("en", "The mayor's son, 16, came in drunk last night after the prom, BAL 2.1.", ["drunk", "BAL 2.1"]),
]


@pytest.mark.parametrize("lang, text, kept", REWRITTEN)
def test_rewrite_passes_and_keeps_the_clinical_question(linter, lang, text, kept):
    report = linter.check(text, lang=lang)
    assert CAT in report.categories
    assert not raises(linter, report.rewrite, lang), report.rewrite
    for phrase in kept:
        assert phrase in report.rewrite, (phrase, report.rewrite)


def test_every_privacy_finding_carries_a_suggestion(linter):
    for lang, text, _ in REWRITTEN:
        for f in linter.check(text, lang=lang).findings:
            if f.category == CAT:
                assert f.suggestion is not None, f


# --- constructions added from blind rounds of new wordings ------------------------------------

@pytest.mark.parametrize("lang, text", [
    # a patient named without any title, found by a known first name and a surname
    ("en", "Saw Jenny Okoro in clinic today, her sugars are finally under control."),
    ("fr", "Vu ce matin Jeanne Morel pour son suivi de diabète, enfin une HbA1c à 7 !"),
    # named, and the next sentence says who she was
    ("en", "Anyone on here know Aoife Brennan? She was my patient on the renal unit."),
    ("fr", "Quelqu'un connaît Malik Haddad ? C'était mon patient en néphro."),
    # initials after the word patient
    ("en", "Pt J.D. came in again with his fourth gout flare this year."),
    # a record number read out in words, after "is"
    ("en", "Patient's MRN is eight four four one zero two nine seven, can pharmacy check her levels?"),
    # an e-mail written to dodge filters
    ("en", "My patient's daughter wants the results at k.benali at gmail dot com, ok to reply?"),
    ("fr", "Le fils de ma patiente veut les résultats sur k.benali [arobase] laposte [point] net."),
])
def test_names_and_identifiers_in_new_wordings(linter, lang, text):
    assert raises(linter, text, lang)


@pytest.mark.parametrize("lang, text", [
    # colleagues, cited authors, ministers, the author's own family, named without a title
    ("en", "Congrats to Dr Jenny Okafor on her consultant post at Leeds General Infirmary!"),
    ("en", "Our new practice nurse, Bethany Hughes, starts on Monday. Please make her welcome!"),
    ("en", "Thanks to everyone who came to Mike Jenkins's retirement do. 35 years as our practice manager!"),
    ("en", "Warning: if Mr Okafor is down as your surgeon, read his outcome data first."),
    ("en", "The Prime Minister, Clara Voss, visited a hospital in Kent this morning."),
    ("en", "My dad turned 80 today and still cycles 20 miles every Sunday."),
    ("fr", "Très bel article de Marie Lefort et al. sur la déprescription chez le sujet âgé."),
    ("fr", "Le ministre de la Santé, Paul Dervaux, annonce 500 postes d'internes."),
    ("fr", "Mon père a eu 80 ans aujourd'hui et fait encore 30 km de vélo chaque dimanche."),
    # a capitalised word that qualifies a noun, or someone the patient is compared to
    ("en", "Kids from the only Sikh family in the street came to the vaccination fair."),
    ("fr", "Le papy du fond du couloir se prend pour Napoléon, il a sonné 30 fois cette nuit."),
    # one exact age and one relative date: a grief post, not an identification
    ("fr", "Ma patiente de 94 ans est partie cette nuit, entourée de ses enfants."),
])
def test_non_patients_named_in_new_wordings_pass(linter, lang, text):
    assert not raises(linter, text, lang)


@pytest.mark.parametrize("lang, one, three", [
    ("en", "pt F/34 with ?ectopic, beta-hCG 1800: scan or repeat?",
     "pt F/34, works the till at the only Tesco in Ballater, presenting with ?ectopic."),
    # "M, 67," opens a case: the sentence speaks of a patient with no word saying so
    ("en", "M, 67, new bilateral hand numbness: cervical MRI or nerve conduction first?",
     "M, 67, retired fisherman from Lochinver, new bilateral hand numbness since last week."),
    ("en", "71M with three MIs: does he need to stop driving?",
     "Hx of 3 MIs, 71M, drives the school bus in our village."),
    ("en", "Ruptured spleen after a football collision: conservative or theatre?",
     "On Boxing Day we admitted the goalkeeper of Harrogate Town with a ruptured spleen."),
    ("en", "Woman in her late 40s wants a private full-body MRI, how do you say no?",
     "Pt in her late 40s, CEO of a Leeds startup that was on Dragons' Den last month, wants a full-body MRI."),
    ("fr", "Patiente F/52, burn-out depuis la rentrée. Vos avis ?",
     "Patiente F/52, professeure au lycée Jean-Moulin de Pontivy, burn-out depuis la rentrée."),
    ("fr", "Rupture de rate après un choc au football : abstention ou bloc ?",
     "Le jour de Noël, on a accueilli aux urgences le gardien de but de l'US Concarneau avec une rupture de rate."),
    ("fr", "Pte F 29 ans enceinte de son 3e : quel suivi proposer ?",
     "Pte F 29 ans, seule sage-femme de l'île de Sein, enceinte de son 3e."),
])
def test_one_detail_passes_several_are_flagged_in_new_wordings(linter, lang, one, three):
    assert not raises(linter, one, lang)
    assert "PRIV-QUASI-" + lang.upper() in privacy_rules(linter, three, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "Posting this with a heavy heart: here's the photo of the pressure sore found on a lady yesterday."),
    ("en", "Look at this rash on my patient's back, pics in the thread."),
    ("fr", "Regardez cette plaie chez mon patient, photos en commentaire."),
])
def test_more_ways_of_showing_a_patient_image(linter, lang, text):
    assert "PRIV-PHOTO-" + lang.upper() in privacy_rules(linter, text, lang)


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "pt F/34, hx of 3 miscarriages, seen in Ballater this morning.", "pt F 30s"),
    ("fr", "H67, ancien maire de Saint-Agrève, hospitalisé cette nuit pour un AVC.", "H sexagénaire"),
    ("en", "Mrs. E. Thornton-Hale (bed 12, Ward 4) would love visitors.", "A patient would love visitors."),
])
def test_new_rewrites(linter, lang, text, expected):
    report = linter.check(text, lang=lang)
    assert expected in report.rewrite, report.rewrite
    assert not raises(linter, report.rewrite, lang), report.rewrite


@pytest.mark.parametrize("lang, text", [
    # a recovery story says the person named is a patient
    ("en", "Shoutout to Marcus Adeyemi who walked out of our rehab unit today, 9 months after his spinal injury."),
    ("fr", "Bravo à Lucien Marchal qui est sorti de rééducation aujourd'hui, 9 mois après son accident."),
    # a great age said with a verb, a day and a village
    ("en", "Our oldest patient turns 104 on Friday! Edna still lives alone in Little Snoring."),
    # a named estate, a named pub and a time
    ("en", "ED last night: 19yo lad from the Brackenfield estate, stabbed outside the Crown & Anchor at 1am."),
])
def test_recovery_stories_and_venues(linter, lang, text):
    report = linter.check(text, lang=lang)
    assert CAT in report.categories
    assert not raises(linter, report.rewrite, lang), report.rewrite


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Our oldest patient turns 104 on Friday! Lives alone in Little Snoring.", "turns a hundred-plus"),
    ("fr", "Notre doyenne fête ses 104 ans vendredi ! Elle vit seule à Saint-Pierre-de-Chartreuse.", "ses 100 ans passés"),
])
def test_great_ages_after_a_verb_or_a_possessive(linter, lang, text, expected):
    assert expected in linter.check(text, lang=lang).rewrite


@pytest.mark.parametrize("lang, text", [
    ("en", "Footballer Jamal Reid's cardiac arrest on the pitch is a reminder: learn CPR, it saves lives."),
    ("en", "Thanks to Sister Grace O'Neill and the whole Ward 9 team for looking after my dad so well."),
    ("fr", "L'arrêt cardiaque du footballeur Karim Benslama sur le terrain nous le rappelle : formez-vous aux gestes qui sauvent."),
    ("fr", "J'ai fêté mes 50 ans en garde à Nantes. La belle vie 😂"),
])
def test_public_figures_and_the_authors_family_pass(linter, lang, text):
    assert not raises(linter, text, lang)


def test_a_death_on_the_ward_names_a_patient_not_a_colleague(linter):
    assert raises(linter, "Sad day. We lost Harold Pritchard on the stroke unit this afternoon.", "en")
    assert not raises(linter, "We lost Dr Alan Price last week, a giant of general practice.", "en")


# --- numbers written in words --------------------------------------------------

@pytest.mark.parametrize("lang, text, rule", [
    ("en", "The lady in bed eleven keeps asking for her cat, any ideas for settling her?", "PRIV-ROOM-EN"),
    ("en", "Can someone on nights ring the son of my pt in bed four? His number is oh seven nine double-oh "
           "eight hundred one two three.", "PRIV-CONTACT-EN"),
    ("fr", "Le monsieur de la chambre trois cent douze a encore arraché sa sonde cette nuit.", "PRIV-ROOM-FR"),
    ("fr", "Patiente née le quatre mars mille neuf cent trente-huit, qui a une idée pour ce prurit ?", "PRIV-DOB-FR"),
    # a social security number cut short is still one
    ("fr", "Sa carte vitale commence par deux, quarante et un, zéro six, trente-trois… la CPAM ne trouve rien.",
     "PRIV-ID-FR"),
])
def test_numbers_in_words_are_read_as_digits(linter, lang, text, rule):
    assert rule in privacy_rules(linter, text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "Eighty-eight years young and still on her allotment, a patient of mine came in today from Cley next the Sea."),
    ("fr", "Un ancien maçon de quatre-vingt-sept ans, de Saint-Jean-du-Gard, admis hier pour une chute."),
])
def test_ages_in_words_weigh_as_ages(linter, lang, text):
    report = linter.check(text, lang=lang)
    assert "PRIV-QUASI-" + lang.upper() in privacy_rules(linter, text, lang)
    assert not raises(linter, report.rewrite, lang), report.rewrite


@pytest.mark.parametrize("lang, text", [
    ("fr", "Huit ans de… disons de « suivi aléatoire » chez mon prédécesseur. Pas un seul vaccin à jour."),
    ("en", "Three of us on nights, twenty-two patients waiting, one porter. Send coffee."),
    ("fr", "Numéro faux pour tester : un, quatre-vingt-quatre, zéro cinq, soixante-quinze, cent douze."),
])
def test_numbers_in_words_that_identify_no_one_pass(linter, lang, text):
    assert not raises(linter, text, lang)


def test_a_match_in_the_digit_reading_is_reported_where_the_words_are():
    from postcheck.numerals import read

    post = "Bed fourteen on ward nine, day twenty-one."
    numerals = read(post, "en")
    assert numerals.text == "Bed 14 on ward 9, day 21."
    start = numerals.text.index("14")
    assert post[slice(*numerals.to_post(start - 4, start + 2))] == "Bed fourteen"
    start = numerals.text.index("ward")
    assert post[slice(*numerals.to_post(start, start + 6))] == "ward nine"
    assert read("No number here.", "en") is None


# --- one role, one person ------------------------------------------------------

@pytest.mark.parametrize("lang, text", [
    ("en", "Saw the MLA for Strangford in clinic this morning, nasty cellulitis, said not a word to the press."),
    ("en", "Guess who needed a cast: the Wolves' starting goalkeeper, after Saturday's match. #sportsmed"),
    ("en", "Our Year 9 rugby captain at Kingsbridge Academy is back in the scrum after his clavicle fracture."),
    ("en", "Pt M, 71, Lochinver, retired ghillie, new AF. Anticoagulate?"),
    ("en", "Our little village of Ardnamurchan (pop. 300) has a new case of Huntington's and I'm the only GP."),
])
def test_roles_and_places_said_in_passing_identify(linter, lang, text):
    report = linter.check(text, lang=lang)
    assert CAT in report.categories
    assert not raises(linter, report.rewrite, lang), report.rewrite


@pytest.mark.parametrize("lang, text", [
    ("en", "F, 34, Pregnant, second trimester, new headache and visual aura. Thoughts?"),
    ("en", "The number you gave us is for the ward, please ring the switchboard instead."),
    ("en", "Great talk from the MLA for Strangford on rural GP funding at our conference today."),
])
def test_look_alikes_of_roles_and_places_pass(linter, lang, text):
    assert not raises(linter, text, lang)


# --- who the details are about: the audience, a name given as such --------------

@pytest.mark.parametrize("lang, text, expected", [
    # the colleagues addressed are not whom the details are about
    ("en", "Heads up for the GPs in this group: a man called Trevor Bale has been phoning from 07700 900417 asking "
           "for diazepam, he was my patient until March.", "a man has been phoning"),
    ("fr", "Une dame prénommée Josiane est venue ce matin aux urgences pour une douleur thoracique.",
     "Une dame est venue"),
    # a first name owning a clinical detail
    ("en", "Maisie's platelets are finally over 50 after three weeks on the unit. Go Maisie!", "A patient's platelets"),
])
def test_names_given_as_such_and_audiences(linter, lang, text, expected):
    report = linter.check(text, lang=lang)
    assert CAT in report.categories
    assert expected in report.rewrite, report.rewrite
    assert not raises(linter, report.rewrite, lang), report.rewrite


@pytest.mark.parametrize("lang, text", [
    ("en", "Monday's bloods were all normal, so we stepped down the antibiotics."),
    ("en", "Hey fellow GPs, Dr Ana Brooks (Leeds) is taking referrals for her new menopause clinic."),
])
def test_days_and_colleagues_named_to_the_audience_pass(linter, lang, text):
    assert not raises(linter, text, lang)


# --- constructions from the later blind rounds (corpus/blind/*-priv) ----------------
# Each flagged post must be rewritten into one that passes, keeping `expected`.

IDENTIFYING = [
    # events, superlatives, a relative's public role
    ("en", "Delivered a baby boy born in the back of a taxi on the A1 last night, 2 days old now and feeding well.",
     "a few days old now"),
    ("en", "The groom from Saturday's wedding at the Old Rectory came in with a fractured wrist from the ceilidh.",
     "came in with a fractured wrist"),
    ("en", "My patient, the youngest woman in Shetland to have a hip replacement, 31, is back at work already.",
     "is back at work"),
    ("en", "Pregnant 16yo, her mum is the local councillor and she's terrified of the gossip.", "Pregnant teenager"),
    ("en", "The man from the fruit stall at Borough Market has finally agreed to a colonoscopy, 63 and never screened.",
     "agreed to a colonoscopy"),
    ("en", "Saw a 44yo farmer from rural Ceredigion with a tick bite and a target rash.", "farmer in their 40s"),
    # a retired doctor in the story is the patient, not a colleague at work
    ("en", "68 y/o retired consultant from Harrogate admitted with urosepsis overnight, refusing all bloods.",
     "admitted with urosepsis"),
    # "at my practice" is where the patient is seen, not the author speaking of themselves
    ("en", "Pt at my practice, 15, has asked me not to tell her parents about the pregnancy. She lives in Brough.",
     "She lives locally."),
    # a named show, a local club, births and deaths
    ("en", "Had the president of the local cricket club in overnight with a GI bleed. He'll want it kept quiet.",
     "Had a patient in recently"),
    ("en", "pt says she's the one who was on Love Island last summer. I had no idea. Now, about that rash.",
     "the one who was on a TV show"),
    ("en", "A well-known local family, the youngest daughter, 19, just diagnosed with cystic fibrosis.",
     "diagnosed with cystic fibrosis"),
    ("en", "3 sisters, 6 and 8 and 10, same primary in Keswick, all with scarlet fever this week.", "3 sisters, school-age"),
    ("en", "The chap who sells the Big Issue outside Boots came in with frostbite this morning.", "came in with frostbite"),
    ("fr", "Les triplés nés le 2 mars à la maternité de Quimper sont rentrés à la maison, la maman est épuisée mais ravie.",
     "nés récemment"),
    ("fr", "Pensée pour le gardien du musée de Vannes que j'ai vu partir dimanche. Un cancer du poumon.", "un patient"),
    ("fr", "Le gardien de but du stade de Lorient, fracture du poignet hier à l'entraînement.", "fracture du poignet"),
    ("fr", "Nourrisson de 12 jours, né dans l'ambulance sur l'A84 samedi, fièvre à 38,5. Conduite à tenir ?",
     "Nourrisson de quelques jours"),
    # the author's circle, distinctive marks, small named places
    ("en", "Awkward: my new patient is my daughter's form tutor, and her thyroid results are not great.", "someone I know"),
    ("fr", "Mon nouveau patient est l'entraîneur de foot de mon fils, et son bilan hépatique est mauvais.",
     "une connaissance"),
    ("en", "Pt with the spider web tattoo on his face, Darlington, 45, back again with an abscess.", "back again"),
    ("en", "My patient is the only Sikh GP in our tiny Cornish village and worries about gossip over her IVF.",
     "worries about gossip"),
    # 'everyone knows him', a named squad, the author's street
    ("en", "Old fisherman, 80s, everyone in Mousehole knows him, came to us short of breath. Mesothelioma.",
     "came to us short of breath"),
    ("en", "I treated a member of the Wales netball squad last month for a stress fracture. Back for the Commonwealth Games.",
     "stress fracture"),
    ("en", "Our village's only female plumber is my patient and has just been diagnosed with MS.", "diagnosed with MS"),
    ("en", "The Nowak family with six kids on our street all registered with us, and the eldest has epilepsy.",
     "registered with us"),
    ("fr", "Ancien boucher, tout Lamballe le connaît, arrivé confus aux urgences hier. Hématome sous-dural.",
     "Hématome sous-dural"),
    ("fr", "H 31 ans, préparateur à l'entrepôt Lidl de Cestas, lombalgie depuis 2 semaines. Arrêt ?", "lombalgie"),
    # small places, council seats, twins, concerts
    ("en", "I'm a GP in a hamlet of about 300 souls. The postmaster, who is also on the parish council, came in with "
           "haematuria last week.", "came in with haematuria"),
    ("en", "The twins from Year 8 at Hillview Academy both came in with the same broken wrist.", "the same broken wrist"),
    ("en", "Guess who ended up in my resus: the lead singer of the band from last night's gig at the Roundhouse.",
     "ended up in my resus"),
    ("en", "pt ID 5512-0087 still waiting for a bed after 30 hours.", "still waiting for a bed"),
    ("fr", "La postière de notre village de 600 habitants, qui est aussi au conseil municipal, est venue pour une "
           "hématurie.", "hématurie"),
    ("fr", "Le nouveau gérant de ma salle de sport est mon patient, et son bilan lipidique est catastrophique.",
     "Une connaissance est mon patient"),
]
NOT_PATIENTS_OR_TOO_VAGUE = [
    # judges, knights, the author's family, colleagues' places
    ("en", "Sir Michael Marmot said health follows the social gradient, and my clinic list proves it every day."),
    ("en", "Mr Justice Cobb's judgment on the ventilation case will be taught for years."),
    ("en", "My dad is 79 and just had his cataracts done at Moorfields. Amazing team."),
    ("en", "Huge thanks to the paramedics from the Keswick station who brought my patient in within 20 minutes."),
    ("en", "Dear Dr Okoye at Hillside Urgent Care: please stop prescribing antibiotics for every cough in a 2yo."),
    ("en", "Turned 40 today. Spent it in theatre at Ninewells, cake at 4 in the mess."),
    # one vague detail, the author's parent
    ("en", "The old man we lost overnight had outlived both his sons. Rest easy."),
    ("fr", "Mon père, 77 ans, vient d'être opéré de la prostate à Rennes. Merci à toute l'équipe d'uro."),
    # beds as furniture
    ("en", "Bed 7 on Ward 21 has had a broken call bell since June. Estates, please."),
    ("fr", "La chambre 9 du service est en travaux jusqu'à lundi, les entrées passent en 12."),
    # a public figure's own words, a doctor the patient has not got
    ("fr", "Stromae qui parle de sa dépression dans une interview, ça aide mes patients à en parler."),
    ("en", "M, 60s, no GP for a decade, new AF. Anticoagulate before the echo?"),
    # someone else's representative
    ("en", "Mum of a pt turned up with a printed gene report, a solicitor, and her MP's office on speed dial."),
]


@pytest.mark.parametrize("lang, text, expected", IDENTIFYING)
def test_identifying_combinations_from_blind_rounds(linter, lang, text, expected):
    report = linter.check(text, lang=lang)
    assert CAT in report.categories
    # a removal that opens a sentence capitalises what now opens it
    assert expected.lower() in report.rewrite.lower(), report.rewrite
    assert not raises(linter, report.rewrite, lang), report.rewrite


@pytest.mark.parametrize("lang, text", NOT_PATIENTS_OR_TOO_VAGUE)
def test_look_alikes_from_blind_rounds_pass(linter, lang, text):
    assert not raises(linter, text, lang)


def test_erythema_migrans_is_no_migrant(linter):
    report = linter.check("Consentement écrit obtenu : un érythème migrant typique, attention aux tiques.", lang="fr")
    assert "patient-dignity" not in report.categories


@pytest.mark.parametrize("lang, text", [
    # someone seen, told by the author: "the man I saw at the walk-in", with an age, a town and a day
    ("en", "If anyone is the GP of the man I saw at the walk-in in Bromley yesterday, 47, new diabetes, please DM."),
    # a note that opens on the patient's initials, with a named block of flats
    ("en", "Saw K.D. again this morning, still on the 9th floor of Morven Court with a broken lift. Third fall this month."),
    # the one shop of a small town and the patient's workplace
    ("en", "My patient (works at the one Greggs in our little town) asked me not to tell her mum she's pregnant."),
    # an operation someone had at a named hospital is no department of colleagues
    ("en", "Our 16yo from the county netball squad had surgery yesterday at Spire Cardiff. Back by spring."),
    # a social security number cut short, after a comma
    ("fr", "Son numéro de sécu, c'est 1 84 11 33… quelqu'un peut vérifier ses droits ?"),
    # a trade and the town it is practised in, and a disease said of someone
    ("fr", "La nounou de la moitié des enfants de Plouha a une coqueluche. Comment prévenir les familles ?"),
    ("fr", "Le chauffeur du bus scolaire de Murat est venu en consult avec une tension à 22. Il roule demain."),
    # a case opened on an age band and a sex, with a department head's post and a day
    ("en", "Late 40s man, head of science at the academy, collapsed in assembly this morning. Troponin pending."),
    # the last four digits of an SSN, and a month and year of birth
    ("en", "Last four of his SSN are 8812 and DOB Sept '63, can billing find the duplicate record?"),
    # a nationality, a workplace said with a verb and a day: without the nationality, not enough
    ("en", "The Lithuanian man who works at the petrol station came in yesterday with a crush injury. Lovely chap."),
    # an image of one afternoon, shown with a colon
    ("en", "Her ankle X-ray from this afternoon: Weber B, undisplaced. She's 12 and gutted about netball."),
])
def test_patients_told_in_new_wordings(linter, lang, text):
    assert CAT in linter.check(text, lang=lang).categories


def test_a_post_opening_on_its_photo_shows_a_patient_image(linter):
    report = linter.check("Photo of the fish hook we took out of this boy's thumb at lunchtime 🎣", lang="en")
    assert "PRIV-PHOTO-EN" in {f.rule for f in report.findings}
    assert "PRIV-PHOTO-EN" not in {f.rule for f in linter.check(
        "Photo of the new resus bay, finally finished after 18 months of building work.", lang="en").findings}


@pytest.mark.parametrize("text", [
    "Paeds A&E at 2am: a toddler with a barking cough and two exhausted parents. Dex given, home by 4.",
    "Pt rated her pain 8/10 while scrolling Insta, which is how a lot of people cope. Examined, treated, reassessed.",
])
def test_a_department_or_an_app_is_no_patient_name(linter, text):
    assert "PRIV-NAME-EN" not in {f.rule for f in linter.check(text, lang="en").findings}


def test_the_initials_of_someone_seen_are_a_name(linter):
    report = linter.check("Saw T.W. again today, third fall this month, still living alone.", lang="en")
    assert "PRIV-NAME-EN" in {f.rule for f in report.findings}
    assert "T.W." not in report.rewrite
    # initials before a capitalised word are an abbreviation, a tower is no person
    assert not raises(linter, "Saw U.S. Open highlights last night, what a final.", "en")
    report = linter.check("Vu hier R.B. au 6e étage de la tour Mirabeau, BPCO stade 4.", lang="fr")
    assert [f.text for f in report.findings if f.rule == "PRIV-NAME-FR"] == ["R.B."]


def test_a_surname_with_a_particle_is_rewritten_whole(linter):
    # the NER misses this one: the honorific recognizer has to take "Du Pont" whole
    report = linter.check("Visite de Mme Rose Du Pont ce matin, toujours aussi vive à 96 ans.", lang="fr")
    assert CAT in report.categories
    assert "Pont" not in report.rewrite, report.rewrite


@pytest.mark.parametrize("lang, text, expected", [
    # a public figure cared for is a patient, and the title goes with the name
    ("en", "Proud to have cared for Councillor Ruth Ashdown through her chemo, back at the town hall now.",
     "cared for a patient through"),
    ("fr", "J'ai accompagné la fin de vie de M. Gérard Vasseur, ancien maire de Riom-ès-Montagnes. Un homme droit.",
     "la fin de vie d'un patient. Un homme droit."),
    # a word inside the name's own replacement does not take the words beside it
    ("fr", "Joyeux anniversaire à Mme Huguette Le Bihan, notre doyenne de la résidence des Lilas !",
     "Joyeux anniversaire à une patiente"),
    # a name before an apposition that says who it is goes with its comma
    ("en", "Congratulations to James Whitfield, our first patient to finish the new CAR-T pathway!",
     "Congratulations to our first patient to finish"),
    # a name after "proud of" is a person, not a place; a name after a job the readers know goes
    ("en", "Incredibly proud of Tom Okafor, who walked out of our rehab unit today after his spinal injury.",
     "Incredibly proud of a patient, who walked out"),
    ("en", "Our postman Derek is in our ward with a bowel cancer, send him a card if you are on his round.",
     "Our postman is in our ward"),
    # a title goes with the name; a contact detail closing its clause takes its copula; a removal
    # between a full stop and a comma leaves a new sentence
    ("en", "Shout out to Coach Dale Summers, back on the sidelines 6 weeks after his bypass. We're all cheering!",
     "Shout out to a patient, back on the sidelines"),
    ("en", "Mr. Ramirez in bed 3 asked me to call his daughter in Phoenix. 602-555-0187, if anyone on nights sees this.",
     "his daughter in Phoenix. If anyone on nights sees this."),
])
def test_a_name_replaced_keeps_the_words_around_it(linter, lang, text, expected):
    report = linter.check(text, lang=lang)
    assert "PRIV-NAME-" + lang.upper() in {f.rule for f in report.findings}
    assert expected in report.rewrite, report.rewrite
    assert not raises(linter, report.rewrite, lang), report.rewrite


def test_a_councillor_named_outside_care_stays_a_public_figure(linter):
    assert not raises(linter, "Councillor Ruth Ashdown opened the new GP surgery on Friday, a fine speech.", "en")


@pytest.mark.parametrize("lang, text, name", [
    # the NER reads some first names as organisations; "my patient" says who it is
    ("en", "Proud moment: my patient Amira finished her last chemo today.", "Amira"),
    ("fr", "Ma patiente Sophie a enfin arrêté de fumer, trop fière d'elle.", "Sophie"),
])
def test_a_first_name_after_my_patient_is_a_name(linter, lang, text, name):
    report = linter.check(text, lang=lang)
    assert name in [f.text for f in report.findings if f.rule == "PRIV-NAME-" + lang.upper()]
    assert name not in report.rewrite
    assert not raises(linter, "My patient Tuesday clinic was cancelled again.", "en")


@pytest.mark.parametrize("text", [
    "Just had the local MP's wife in for her smear, lovely woman, very nervous.",
    "Our practice manager's husband came in with chest pain yesterday, stented by lunchtime.",
    "The 17-year-old who won the regional Britain's Got Talent heats last month came in with an overdose.",
    "Get well soon to @JoFlemingRuns, who collapsed at mile 20 yesterday. She's in good hands on our cardiac unit.",
    "If you saw the lorry fire on the news last night: the driver is with us, awake and asking after his dog.",
    "Small world: my hairdresser's son was my 3am overdose. Didn't recognise him until his mum walked in.",
    "The boy from the viral skateboard video came in with a broken wrist. Yes, that one.",
    "Our oldest patient, Ivy, born the day the Queen was crowned, is still going strong at the Laurels.",
])
def test_someone_known_through_a_relative_a_win_a_handle_the_news_or_a_video(linter, text):
    assert raises(linter, text, "en")
    report = linter.check(text, lang="en")
    assert not raises(linter, report.rewrite, "en"), report.rewrite


@pytest.mark.parametrize("text, expected", [
    ("The 17-year-old who won the regional Britain's Got Talent heats last month came in with an overdose.",
     "The teenager who won a prize recently"),
    ("Need advice: pregnant 15yo at my practice, her dad is the pastor of the only church in town.",
     "pregnant teenager at my practice"),
    ("A 45-year-old woman from Tenby, seen yesterday, new AF.", "A woman in her 40s"),
])
def test_an_age_standing_for_the_person_becomes_a_noun(linter, text, expected):
    assert expected in linter.check(text, lang="en").rewrite


def test_a_division_number_is_no_name(linter):
    report = linter.check("Treating a 14 y/o from Ballarat High's Div 1 netball side, any rehab tips?", lang="en")
    assert "Div 1" not in [f.text for f in report.findings if f.rule == "PRIV-NAME-EN"]


def test_a_handle_of_a_doctor_or_a_body_is_no_patient_name(linter):
    for text in ("Great talk by @DrAmyPatel on sepsis today, slides on her page.",
                 "Thanks @NHSEngland for the new guidance, our patient benefited today."):
        assert "PRIV-NAME-EN" not in {f.rule for f in linter.check(text, lang="en").findings}, text


@pytest.mark.parametrize("text, expected", [
    # the one holder of a superlative in a known place, alone
    ("Supported our school's longest-serving caretaker through his bowel cancer this year; back mopping floors now.",
     "a caretaker through"),
    # a scene a crowd watched
    ("Remember the lad who proposed at the Celtic match on the big screen? In our cath lab now, chest pain an hour later.",
     "proposed in public"),
    # a flat above a shop
    ("Flat 2A, above the bakery on Mill Row: she hasn't answered her door since Monday and missed her insulin review.",
     "In a block of flats:"),
    # someone the author sees every week from home
    ("The man in the green Volvo who parks outside my house every Friday turns out to be on my list. Alcohol, debts, no one.",
     "who parks every Friday"),
    # a contestant of a named show
    ("Stitched a finalist from last year's Great Pottery Throw Down after a kiln accident. Mum's the word 🤐",
     "a finalist on a TV show"),
    # a musician of a named band
    ("Honoured to look after the drummer of The Night Larks through his chemo; back on tour next month.",
     "look after a patient through"),
    # a case that opens on the role keeps its adjective
    ("Teenage striker for Kettering Town U16s, ACL rupture in Saturday's county final. Surgery Tuesday.",
     "Teenage patient, ACL rupture"),
    # a prison, a match, a win, a shop, a surname
    ("Prisoner from HMP Fordham, cell 22, sent to us with a GI bleed. Two officers at the bedside all night.",
     "Prisoner from HMP Fordham, sent to us"),
    ("Treated the Saturday league ref who got headbutted at the Millbrook Park game yesterday. Nasal fracture.",
     "the Saturday league ref who got headbutted"),
    ("Our village lottery winner (you know, the one from the Courier front page) came in with a stroke last night.",
     "A lottery winner came in"),
    ("The florist on Bridge St (the one with the neck tattoo) is 20 weeks pregnant and hasn't told her mum.",
     "The florist is 20 weeks pregnant"),
    ("Anyone at the bowls club will know Mrs Adeyemi's famous scones. She's with us, new heart failure.",
     "know a patient's famous scones"),
    ("Welcome home to the Pattersons and their triplets born at 31 weeks last month! All three off oxygen 💙",
     "Welcome home to a family and their triplets"),
    ("The cashier at my garage is now my patient with a new cancer diagnosis. Small town medicine.",
     "The cashier is now my patient"),
])
def test_someone_singled_out_by_a_place_a_scene_a_show_a_band_or_a_surname(linter, text, expected):
    report = linter.check(text, lang="en")
    assert "patient-privacy" in report.categories
    assert expected in report.rewrite, report.rewrite
    assert not raises(linter, report.rewrite, "en"), report.rewrite


def test_a_consent_taken_back_is_no_consent(linter):
    report = linter.check("Sharing with permission... not. Here's the MRI of the roofer who came off the Aldi roof today 😬", lang="en")
    assert "PRIV-PHOTO-EN" in {f.rule for f in report.findings}
    assert not raises(linter, "Sharing with permission: here's the MRI of a knee, anonymised, for teaching.", "en")


@pytest.mark.parametrize("text", [
    "Our school's longest-serving caretaker retires on Friday after 38 years. Cake in the staff room!",
    "Proposals on the big screen at football matches: romantic or a cardiac risk? Asking for a cardiologist.",
    "The drummer of The Night Larks came to talk to our teenage oncology group about music and hope.",
])
def test_the_same_words_about_no_patient_pass(linter, text):
    assert not raises(linter, text, "en")


def test_a_room_said_without_the_word_is_a_room(linter):
    report = linter.check("La mamie de la 17 a encore fugué à 3h du matin, l'équipe de nuit l'a retrouvée au parking.", lang="fr")
    assert "la 17" in [f.text for f in report.findings if f.rule == "PRIV-ROOM-FR"]
    assert "de la 17" not in report.rewrite
    # expressions quoted to be condemned, and an age, are no room
    assert not raises(linter, "Notre jargon en dit long : « le dément de la 4 », « l'AVC du fond ». Changeons-le.", "fr")
    assert not raises(linter, "Une dame de la trentaine, une autre de la 30aine : nos patientes vieillissent avec nous.", "fr")


def test_a_date_planned_for_becomes_soon(linter):
    report = linter.check("Our only paediatric dialysis patient, 6, from Lerwick, goes home for Christmas!", lang="en")
    assert "goes home soon!" in report.rewrite, report.rewrite


@pytest.mark.parametrize("text, name, place", [
    ("If you run on Hadley Common you know Doreen and her two spaniels. She's on our stroke unit.", "Doreen", "Hadley Common"),
    # a street is no name, and a surname with an elided particle is one name
    ("Mr O'Driscoll from the chippy on Market St has a new stoma and asks about lifting.", "Mr O'Driscoll", "Market St"),
    ("Saw Mrs D'Souza and her son on Church Lane today, his asthma is worse.", "Mrs D'Souza", "Church Lane"),
])
def test_a_place_on_a_common_or_a_street_is_no_name(linter, text, name, place):
    names = [f.text for f in linter.check(text, lang="en").findings if f.rule == "PRIV-NAME-EN"]
    assert name in names and place not in names, names


@pytest.mark.parametrize("text, expected", [
    ("Mr Okoye's MRN: 00482913 is wrong on the letter, can someone fix it?", "A patient's MRN is wrong on the letter"),
    ("Pt's NHS no. 721 334 5893 keeps bouncing on the e-referral system.", "Pt's NHS no. keeps bouncing"),
    ("Mrs Okafor's MRN is 2210458 if anyone on nights needs to pull her bloods.", "A patient's MRN if anyone on nights"),
    # the subject its sentence opens on keeps its label; after a comma the label goes too
    ("SSN 521-44-7802 on the referral is wrong, the pt is 67. Who fixes this?", "SSN on the referral is wrong"),
    ("Pt DOB 02.11.1987, NHS 603 118 2742, in resus now.", "Pt born in 1987, in resus now."),
    ("Medicare ID 1EG4-TE5-MK72 rejected at the pharmacy for the third time.", "Medicare ID rejected at the pharmacy"),
])
def test_an_identifier_after_its_owner_keeps_its_label(linter, text, expected):
    report = linter.check(text, lang="en")
    assert "PRIV-ID-EN" in {f.rule for f in report.findings}
    assert expected in report.rewrite, report.rewrite
    assert not raises(linter, report.rewrite, "en"), report.rewrite


@pytest.mark.parametrize("lang, text, expected", [
    # a clause that only states the identifier goes whole, and the next clause opens the sentence
    ("en", "Her MRN is 00482913 and the lab keeps mislabelling her samples.", "The lab keeps mislabelling her samples."),
    ("en", "His number is 07700 900123. Rang twice, no answer.", "Rang twice, no answer."),
    ("fr", "Le NIR de ma patiente est 1 84 07 75 112 345 13, la CPAM ne le trouve pas.", "La CPAM ne le trouve pas."),
    ("fr", "Son numéro de sécu est le 1 84 07 75 112 345 13 et la carte Vitale ne passe pas.",
     "La carte Vitale ne passe pas."),
    # between commas after its label, it goes with both commas
    ("en", "My patient's NHS number, 943 476 5919, comes back as unknown on the spine.",
     "My patient's NHS number comes back as unknown on the spine."),
    ("fr", "Le NIR de mon patient, 1 84 07 75 112 345 13, est rejeté par la CPAM.",
     "Le NIR de mon patient est rejeté par la CPAM."),
    # with the preposition's object gone, "with ... and" closes up
    ("en", "Patient with NHS number 943 476 5919 and chest pain since noon, who can see him?",
     "Patient with chest pain since noon, who can see him?"),
])
def test_an_identifier_stated_in_its_own_clause_goes_with_it(linter, lang, text, expected):
    report = linter.check(text, lang=lang)
    assert report.rewrite == expected
    assert not raises(linter, report.rewrite, lang), report.rewrite


@pytest.mark.parametrize("lang, text, expected", [
    # a room or bed that stands for its patient as the subject of a verb becomes the patient
    ("en", "Bed 7 keeps pressing the buzzer to ask what day it is. Bless her.",
     "A patient keeps pressing the buzzer to ask what day it is. Bless her."),
    ("fr", "Le box 3 a encore sonné 14 fois cette nuit.", "Un patient a encore sonné 14 fois"),
])
def test_a_room_standing_for_its_patient_becomes_a_patient(linter, lang, text, expected):
    report = linter.check(text, lang=lang)
    assert report.rewrite.startswith(expected), report.rewrite
    assert not raises(linter, report.rewrite, lang), report.rewrite
