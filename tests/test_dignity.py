"""patient-dignity: posts that mock or demean patients are raised; benign look-alikes are not.

Every post here is invented for this test; none is copied from the corpus or from a
rule's own examples. The benign posts are deliberately close to the flagged ones:
clinical descriptions of obesity or addiction, public-health messages, the author's
own fatigue, a slur quoted in order to condemn it, grief, discrimination discussed.
"""

import pytest
from category_cases import assert_category, cases

CATEGORY = "patient-dignity"

FLAG_FR = [
    # a put-down addressed to the patient, a mock diagnosis
    "Elle veut un régime miracle avant l'été. Ma belle, t'as surtout besoin de lâcher les chips.",
    "Le monsieur de 14h voulait un arrêt pour « fatigue ». Diagnostic : flemme.",
    # slur / contempt
    "Encore un cassos qui vient aux urgences à 4h pour un certificat de sport.",
    "La pétasse de la salle d'attente m'a fait un scandale parce qu'elle attendait depuis 20 minutes.",
    # fat-shaming
    "Ma patiente de 9h, 170 kg, m'explique qu'elle mange comme un oiseau. Un oiseau de la taille d'un cachalot alors.",
    "Aux obèses qui râlent contre leur diabète : regardez dans votre assiette 🍔😂",
    # ableist / intelligence
    "Le triso du box 5 a encore arraché sa sonde, c'est reparti pour un tour.",
    "Mon patient de 10h pense que l'antibiotique soigne la grippe. Deux neurones, et encore.",
    # stereotype
    "Bon, les Roms sont encore venus en bande au cabinet pour une seule otite.",
    # mockery of complaints
    "Douleur à 15 sur 10 selon ma patiente, qui rigolait au téléphone dans le couloir.",
    "Oscar du meilleur acteur pour le monsieur du box 1, malaise spectaculaire devant sa femme.",
    # sexualised
    "Petite patiente de 22 ans vue pour une entorse, bien roulée, ma journée est faite.",
    # contempt for a group
    "Les vieux de l'EHPAD qui encombrent le service depuis trois semaines, on en fait quoi ?",
    "Les toxicos reviennent tous les samedis soirs, on devrait arrêter de les soigner.",
    # laughing at suffering / gloating
    "Ma patiente pleurait pendant le frottis, j'avoue j'ai pouffé mdr",
    "Le patient du lit 3 m'a insulté ce matin, ça lui apprendra à attendre sa morphine.",
    # emoji
    "Mon patient refuse de croire que le tabac est en cause, il préfère Doctissimo 🤡",
    # the dead
    "Le vieux du lit 4 a calanché cette nuit, bon débarras.",
    # sarcasm, a patient reduced to a label, contempt for the poor
    "Mon patient de 11h jure qu'il ne fume plus. C'est ça, et moi je suis le pape.",
    "La dame trisomique de 15h a encore mis ses chaussures à l'envers mdr",
    "Salle d'attente pleine de cas sociaux qui viennent parce que c'est gratuit, pourquoi se gêner.",
    # the mockery two sentences after the patient, a pronoun carrying the subject
    "Patient de 80 ans qui refuse ses lunettes. Il lit l'ordonnance à l'envers depuis dix minutes. Quel génie.",
    # insults the patient shouts are no condemnation of the mockery
    "Mon patient crie des insultes à l'infirmière depuis une heure, on a sorti le pop-corn 🍿",
    # patients as a group, described by what they do
    "Ces patients qui débarquent à 19h55 pour un certificat de sport. On sent la journée chargée.",
]

PASS_FR = [
    # a pet name with kindness, a real diagnosis
    "Papy, t'es un champion : trois semaines après ta prothèse, tu remarches sans canne ❤️",
    "Diagnostic : fracture du poignet, plâtre pour six semaines, et beaucoup de courage.",
    "Patiente obèse, IMC 42, quelle prise en charge pour sa gonarthrose avant la chirurgie bariatrique ?",
    "Obésité : ce n'est pas un manque de volonté, c'est une maladie chronique. Parlons-en sans jugement.",
    "Arrêtez de traiter les patients de « cas soc' » : la précarité n'est pas un choix.",
    "Journée de garde interminable, je suis crevé, je dors debout 😂",
    "Mon cerveau en fin de garde : j'ai mis le stéthoscope au frigo 🙄",
    "Ma patiente était très en colère d'avoir attendu trois heures ; elle avait raison, on manque de bras.",
    "Les patients roms ont un accès aux soins bien plus difficile : un travail de médiation en santé aide beaucoup.",
    "Décès d'une patiente que je suivais depuis quinze ans. Respect et pensées pour sa famille.",
    "Addictions : la réduction des risques sauve des vies, pas la stigmatisation des usagers.",
    "Patient schizophrène stabilisé sous clozapine, suivi NFS : vous espacez à quel rythme ?",
    "Le « syndrome méditerranéen » n'existe pas : c'est un préjugé qui tue, rappelons-le aux internes.",
    "Patiente fibromyalgique épuisée, je cherche un centre de la douleur pas trop loin de Lyon.",
    "Fou rire avec mon patient de 8 ans qui m'a expliqué comment soigner son dinosaure en peluche 😂",
    "Mamie Jeanne, 97 ans, ma plus ancienne patiente, m'a appris plus que la fac.",
    "Vieillissement de la population : il faut des lits d'aval et des places en EHPAD, pas des reproches.",
    "Les bénéficiaires de l'AME ont droit aux mêmes soins que tous : refuser un rendez-vous est illégal.",
    "Ma patiente de 93 ans m'a demandé si j'avais une amoureuse 😂 elle veut me présenter sa voisine.",
    "Mon patient attend son rendez-vous de cardio depuis cinq mois 🙄 on marche sur la tête.",
    "Une fibro ce matin pour mon patient : gastrite à Helicobacter, traitement lancé.",
    "Traiter un patient de cas soc', c'est une insulte à notre métier 🤡",
    "Mon patient de 80 ans a refusé ses lunettes. Il lit l'ordonnance avec peine. Quelle patience il lui faut.",
    "Ces patients qui arrivent à 19h55 ont souvent un travail qui ne leur laisse pas d'autre créneau. Ouvrons le soir.",
]

FLAG_EN = [
    # a put-down addressed to the patient, a mock diagnosis
    "Pt asked why her back hurts after the gym. Babe, you're lifting your own body weight in cake.",
    "Teen in clinic says TikTok told him he has ADHD. Working diagnosis: bad parenting 🙄",
    # slur / contempt
    "The dirtbag in cubicle 7 spat at the HCA and then asked for a sandwich.",
    "Tonight's pt is the usual waste of oxygen who comes in drunk every Friday.",
    # frequent flyer label
    "Guess which frequent flyer turned up at triage again at 2am.",
    # fat-shaming
    "My 9am was 30 stone and wondered why her knees hurt. The scales filed a complaint.",
    # ableist / intelligence
    "Pt asked if his MRI would charge his phone. Natural selection is slacking this year.",
    "The retard in bed 11 pulled out his catheter for the third time.",
    # stereotype
    "Fifteen relatives crammed into the cubicle and a pain score of 10. Must be a cultural thing.",
    # mockery of complaints
    "Pt rates her pain 10/10 while eating a packet of crisps and texting. Sure.",
    "Award-winning performance from the guy in bay 6, fainted the second his mum walked in.",
    # sexualised
    "Intimate exam this morning, lucky me 😏 she was a 10.",
    # group contempt
    "The medical take is full of grannies only here for the free tea and a warm bed.",
    "Another teen mom on her third baby by 20, who's paying for all this?",
    # ridicule
    "Time-waster of the week goes to the pt who came to A&E for a hangnail.",
    # laughing at suffering
    "Pt was howling during the NG tube insertion lmao",
    # emoji
    "32 st pt insists he only eats salad 🐖",
    # the dead
    "The old codger in bed 2 finally kicked the bucket, bed free for the next one lol",
    # sarcasm, a patient reduced to a label, contempt for the poor
    "Pt swears he's stopped smoking. Yeah right, and I'm the Pope.",
    "My 3pm with Down syndrome put his shoes on the wrong feet again lol",
    "Waiting room full of benefit scroungers who only come because it's free.",
    # patients as a group, described by what they do
    "Some of my older patients think the NHS app is a telephone number. Bless them, living in 1955.",
]

PASS_EN = [
    # a pet name with kindness, a real diagnosis
    "Love, you're doing brilliantly: what I told a patient after her last chemo. Thank you for letting me share it.",
    "Final diagnosis: viral labyrinthitis; she was back at work within the week.",
    "Pt with morbid obesity, BMI 45, advice on safe positioning for a lumbar puncture?",
    "Obesity is a chronic disease, not a character flaw. Support works better than shame.",
    "Stop calling patients 'frequent flyers'. They're usually lonely, poor or badly served.",
    "Night shift number four. I just poured coffee into my stethoscope bag. Send help 😂",
    "Pt was angry about the four-hour wait and said so loudly; she had every right to be.",
    "Racism in pain management is real: Black patients are undertreated for the same fracture.",
    "Lost a patient today who'd been with the practice for 40 years. Rest well.",
    "Addiction is a health condition. Naloxone in every pharmacy, please. #HarmReduction",
    "Pt with learning disabilities needed a longer appointment; reasonable adjustments matter.",
    "'GOMER' and 'bed blocker' are dehumanising terms and we should retire them.",
    "Our elderly patients wait days for care packages: that is a social care failure, not theirs.",
    "Funny moment in clinic: my 6-year-old pt prescribed me a lollipop for my cough 😂",
    "Pt with fibromyalgia told me nobody had believed her pain in ten years. That stayed with me.",
    "Whale watching with the kids this weekend, saw a humpback breach 🐋",
    "Pt with schizophrenia, stable on clozapine: how often do you check FBC after year one?",
    "Respect for the dead includes what we say about them online. Think before you post.",
    "My 93yo pt asked if I had a girlfriend 😂 she wants to set me up with her neighbour.",
    "My pt has been waiting five months for a cardiology appointment 🙄 madness.",
    "Gave 2 stacked shocks, ROSC, pt now on ICU and talking.",
    "The patients on our frailty list are not 'bed blockers': they are waiting for care packages that don't exist.",
]


@pytest.mark.parametrize("text, lang, flagged", cases(FLAG_FR, PASS_FR, FLAG_EN, PASS_EN))
def test_category(linter, text, lang, flagged):
    assert_category(linter, text, lang, CATEGORY, flagged)


def test_dignity_rewrite_drops_the_insult(linter):
    """The published rewrite no longer carries the contemptuous sentence."""
    report = linter.check("Vu ce matin le cassos du box 2 pour un certificat. Bonne journée à tous !", lang="fr")
    assert CATEGORY in report.categories
    assert "cassos" not in report.rewrite
    assert "Bonne journée" in report.rewrite


def test_frequent_flyer_is_replaced(linter):
    report = linter.check("Our frequent flyer is back in majors tonight.", lang="en")
    assert "frequent attender" in report.rewrite


@pytest.mark.parametrize("text", [
    "Bloke in resus insisting he's fine after three energy drinks and a line. Brain the size of a peanut, heart rate of a hummingbird.",
    "The lady who thinks the nurses are poisoning her tea is back. Completely bonkers, bless.",
    "She's 20, second pregnancy, two different dads, and wants to know if she can still go to Ibiza 🙄",
])
def test_english_put_downs_in_new_wordings(linter, text):
    assert "patient-dignity" in linter.check(text, lang="en").categories
