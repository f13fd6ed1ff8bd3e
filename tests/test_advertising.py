"""The `advertising` category, in French and English: self-promotion aimed at patients
is raised; job offers, congresses, public-health campaigns, practice notices, shared
papers, factual descriptions of one's specialty and patient education are not.

Posts are invented for this file (not taken from the corpus, not the rules' examples).
"""

import pytest
from category_cases import assert_category, cases

CATEGORY = "advertising"

FR_FLAG = [
    # prix / grille tarifaire
    "Nouveau au cabinet : séance de cryolipolyse à partir de 199 €, résultats dès 6 semaines.",
    "Mes tarifs 2025 :\n- Consultation esthétique : 60 €\n- Injection lèvres : 300 €",
    "Je reçois désormais en téléconsultation le dimanche, consultation à 45 € réglable en ligne.",
    # remises, codes, offres
    "Offre de rentrée : -30 % sur les forfaits épilation laser jusqu'au 30 septembre !",
    "Pour l'ouverture du cabinet, la première séance d'ostéopathie médicale est offerte 🎁",
    "Ma crème réparatrice préférée, -10 % avec le code DOCPEAU sur l'e-shop de la marque.",
    # appels à réserver chez soi
    "Varices, couperose ? Prenez rendez-vous en ligne sur Doctolib au cabinet de Vannes 👉",
    "Encore deux places pour les séances de PRP de jeudi, envoyez-moi un MP pour réserver.",
    # superlatifs / comparaisons
    "Fiers d'être le meilleur centre de chirurgie réfractive de Bretagne, merci à toute l'équipe !",
    "Contrairement à la plupart des dermatologues, chez moi pas de consultation expédiée en 5 minutes.",
    "Je suis le seul angiologue de la vallée à proposer la sclérothérapie à la mousse sans attente.",
    # résultats garantis
    "Perte de poids durable, résultat garanti avec notre méthode en 8 semaines.",
    "Protocole anti-chute : 100 % de réussite chez nos patients depuis deux ans.",
    # témoignages
    "Mes patientes sont ravies de leur blépharoplastie, elles me le disent à chaque contrôle 🥰",
    "Si vous avez été content de votre suivi, laissez-nous un petit avis sur notre fiche Google 🙏",
    # avant / après
    "Avant/après d'un comblement des cernes, résultat immédiat ✨ #injections",
    "Résultat après 4 séances de laser pigmentaire sur des taches solaires, je suis bluffée 😍",
    # détournement de patientèle
    "Plus satisfait de votre gynéco ? Je vous reçois au cabinet dès la semaine prochaine.",
    # usage commercial du titre
    "Enfin disponible : ma propre gamme de compléments alimentaires, formulée par votre médecin.",
    # jeu concours
    "Concours : gagnez une séance de peeling au cabinet en partageant cette publication !",
]

FR_PASS = [
    # offres d'emploi
    "La maison de santé de Lannion cherche un MG collaborateur, rétrocession 75 %, 3 000 patients en attente. Contact : 02 96 00 00 00.",
    "Le CH recrute un pédiatre, salaire selon grille PH à partir de 5 200 € brut, logement possible.",
    # congrès, webinaires
    "Congrès de la SFD à Paris en mars : inscription 250 €, 120 € pour les internes, places limitées.",
    "Webinaire gratuit sur la BPCO mardi soir, inscrivez-vous via le lien en commentaire.",
    # santé publique
    "Campagne de vaccination HPV au collège : prenez rendez-vous pour votre enfant, c'est gratuit.",
    "Mois sans tabac : n'attendez plus pour vous faire accompagner, le 39 89 est gratuit.",
    # notices neutres
    "Le cabinet sera ouvert le samedi matin à partir de janvier, sur rendez-vous uniquement.",
    "Nous déménageons : à partir du 1er juin, le cabinet est au 8 place de la Mairie. Horaires inchangés.",
    # partage d'article, présentation factuelle
    "Notre article sur le dépistage de la rétinopathie est paru dans la Revue du Praticien, lien ci-dessous.",
    "Je suis angiologue au cabinet de Vannes : je prends en charge les varices et la maladie veineuse chronique.",
    # éducation des patients
    "Fil 🧵 : avant et après un effort intense, comment adapter l'insuline ? Quelques repères.",
    "Il n'y a pas de régime miracle : les résultats garantis en trois semaines, c'est du marketing.",
    "Les meilleurs résultats contre l'arthrose du genou viennent de l'activité physique régulière.",
    "Si votre toux dure plus de trois semaines, prenez rendez-vous avec votre médecin traitant.",
    # divers
    "Le meilleur conseil que j'ai reçu en internat : toujours relire l'ordonnance à voix haute.",
    "Les avis Google négatifs sur les médecins, vous y répondez ou pas ?",
    "Merci à tous pour vos retours sur mon fil d'hier, je réponds à tout ce soir.",
    "La consultation longue à 60 € pour les plus de 80 ans arrive en 2026, c'est un début.",
    "Un patient m'a offert des chocolats pour mon départ, j'étais émue.",
    "La promotion de la santé commence à l'école : bravo aux infirmières scolaires.",
    # prix dans l'actualité ou un débat, pas une offre
    "Le forfait médecin traitant rapporte seulement 5 € par patient et par an, qui le sait ?",
    "Quel est le meilleur cabinet de groupe de la région pour un premier remplacement ?",
    "« Le Dr Morel est génial » : voilà ce qu'a écrit mon fils sur sa carte de fête des pères 😂",
]

EN_FLAG = [
    # prices
    "Private menopause clinic now open: initial consultation only £195, follow-ups £120.",
    "Tear trough filler from $650, book through our website.",
    # discounts and codes
    "Mother's Day treat: 25% off all skin boosters at our clinic this week only 💐",
    "Free initial consultation for every new patient who mentions this post!",
    "Get 10% off my favourite collagen powder with code DRSARAH10 🛒",
    # calls to book with oneself
    "Spider veins bothering you? Book your assessment with me online, slots on Saturdays.",
    "Two cancellations for tomorrow's vasectomy list, DM to book before they go 📅",
    # superlatives and comparisons
    "Proud to be rated the best cosmetic dentist in Manchester for the third year!",
    "We're the only clinic in Cornwall offering same-week MRI and results.",
    "Unlike other GPs, I actually have time for your questions, that's why my patients stay.",
    # guarantees
    "Hair regrowth guaranteed after our 6-session PRP course, or your money back.",
    "Our hernia repair programme: 100% success rate and no complications in 5 years.",
    # testimonials
    "So many happy patients this month, thank you all for the lovely reviews ❤️",
    "Please leave me a 5-star review on Google if I helped you, it means the world!",
    # before/after
    "Before/after: lip flip and filler, natural results 😍 #aesthetics",
    "Swipe to see the transformation after three sessions of microneedling 🔥",
    # poaching
    "Fed up with waiting for your NHS dermatologist? Come to our clinic, we'll see you this week.",
    # title
    "Doctor-recommended sleep gummies, now available in my online shop 💤",
    # disguised advice
    "Acne tip: wash twice a day, don't pick. And if it persists, I have appointments next week at my clinic.",
    "Giveaway time! Win a free hydrafacial at our clinic, just like and share ✨",
]

EN_PASS = [
    # jobs
    "We're hiring: salaried GP, 6 sessions, £11,500 per session, supportive team. Email the practice manager.",
    "Locum needed for our dermatology clinic in July, competitive day rate, DM me for details.",
    # congress, webinar
    "Early-bird tickets for the RCGP conference: £295 for members, book now, places are limited.",
    "Free webinar for practice nurses on inhaler technique, register via the link below.",
    # public health
    "Book your flu jab today at your GP practice or local pharmacy, it's free if you're over 65.",
    "Covid boosters are open for over-75s: book online through the NHS app.",
    # notices
    "From 1 September the practice opens on Saturday mornings for pre-booked appointments.",
    "Our surgery has moved to the new health centre on Mill Lane. Phone number unchanged.",
    # own paper, factual specialty
    "Our randomised trial of early mobilisation after hip fracture is out in the BMJ today.",
    "I'm a consultant vascular surgeon in Exeter; I treat varicose veins, aneurysms and leg ulcers.",
    # patient education
    "Thread 🧵: what to eat before and after exercise if you have type 1 diabetes.",
    "There is no miracle cure for back pain, and anyone promising guaranteed results is selling something.",
    "If your cough lasts more than three weeks, book an appointment with your GP.",
    "The best evidence for knee osteoarthritis is still exercise and weight loss.",
    # others
    "Best of luck to all the new FY1s starting tomorrow!",
    "I hate online reviews of doctors, most of mine are about the car park.",
    "Insulin at $35 a month is a start, but many still pay far more.",
    "Heart disease remains the number one killer of women in the US.",
    "Thanks to everyone for the feedback on yesterday's thread, I'll reply tonight.",
    "Come and see us at stand 14 at the ESC congress, we're presenting our registry data.",
    # prices in the news or a debate, not an offer
    "Prescription charges in England rise from £9.90 to £9.99 in April.",
    "A private MRI round here now costs from £400, which most of my patients can't afford.",
    "We're the first practice in the county to go paperless, and honestly it's been painful.",
]


@pytest.mark.parametrize("text, lang, flagged", cases(FR_FLAG, FR_PASS, EN_FLAG, EN_PASS))
def test_category(linter, text, lang, flagged):
    assert_category(linter, text, lang, CATEGORY, flagged)


def test_rewrite_drops_the_call_to_book(linter):
    text = "Je pose désormais des DIU au cabinet. Réservez votre consultation en ligne sur Doctolib !"
    report = linter.check(text, lang="fr")
    assert CATEGORY in report.categories
    assert "Réservez" not in report.rewrite
    assert "DIU" in report.rewrite


def test_two_rules_on_the_same_words_give_one_finding(linter):
    # "zéro douleur" is both a touted result and a commercial phrase: one finding says it
    text = "Éclat immédiat, zéro douleur : notre soin signature vous attend au centre."
    findings = [f for f in linter.check(text, lang="fr").findings if f.category == CATEGORY]
    spans = [(f.start, f.end) for f in findings]
    assert spans.count((text.index("zéro"), text.index(" :"))) == 1
    assert len(spans) == len(set(spans))
