"""colleague-denigration: posts that disparage an identifiable colleague are raised;
their benign look-alikes (reasoned disagreement, criticism of a system, thanks,
self-deprecation, insults about non-colleagues, factual press reports) are not."""

import pytest
from category_cases import assert_category, cases

CATEGORY = "colleague-denigration"

FLAG_FR = [
    # insult of the trade, named colleague
    "Le Dr Marchetti de la clinique des Tilleuls ? Un charcutier, je récupère ses patients en miettes.",
    # generic insult at an identifiable team
    "Les urgentistes du CHU de Caen ? Une bande d'abrutis, trois heures pour poser une voie.",
    # incompetence
    "Le pneumologue de la rue Pasteur ne sait même pas interpréter une EFR, c'est dramatique.",
    "Les anesthésistes de l'hôpital de Vernon sont incompétents, encore une IOT ratée hier.",
    # malpractice
    "Le Dr Aubry lui a complètement bousillé le canal carpien, elle ne peut plus tenir une tasse.",
    # call for sanction
    "Le Dr Ferrand prescrit des antibiotiques à tout va. Il faudrait le radier.",
    # insinuation
    "Je ne citerai personne, mais les parents de Saint-Lô savent quel pédiatre éviter. Suivez mon regard.",
    # luring patients with disparagement
    "Mécontents de votre gynécologue ? Prenez rendez-vous chez moi, je vous écoute vraiment.",
    # sarcasm
    "Félicitations aux cadors du SAMU de Lisieux qui ont mis trois heures à envoyer une équipe.",
    # dishonesty
    "Le Dr Vial, grand « expert » en micronutrition, est payé par le labo pour vanter ses gélules.",
    # negligence, described colleague
    "Le médecin de garde de la maison médicale d'Évreux a renvoyé l'enfant sans même l'examiner.",
    # mockery with a prayer
    "Quand je lis les comptes rendus du radiologue de la clinique Sainte-Anne, mieux vaut prier.",
]

PASS_FR = [
    # a welcome, which the model alone reads as talk about a colleague
    "Bienvenue au Dr Marc Olivier, nouveau radiologue au CHU de Nantes !",
    # reasoned disagreement with a named professor's study
    "Je ne suis pas d'accord avec l'étude du Pr Leclerc : l'effectif est faible et le suivi trop court.",
    # criticism of management / system
    "La direction de l'hôpital est incompétente en matière de planning, les internes n'en peuvent plus.",
    "Le ministère est incapable d'anticiper les pénuries d'amoxicilline, pharmaciens et généralistes bricolent.",
    # thanks and congratulations
    "Merci au Dr Benoît et à toute l'équipe de chirurgie de la clinique du Lac pour leur accueil.",
    "Bravo au Dr Lemoine et aux urgentistes du CH de Cholet pour cette prise en charge exemplaire.",
    # insult about a non-colleague, non-clinical
    "Mon garagiste m'a facturé deux fois la vidange, quel escroc 😅",
    # self-deprecation with a colleague around
    "J'ai été une vraie brêle en garde cette nuit, merci à l'interne de m'avoir couvert.",
    # factual press report
    "L'affaire du chirurgien de Jonzac, rapportée par la presse, rappelle l'importance du signalement des événements indésirables.",
    # a patient described (other categories)
    "Ce patient est incapable de marcher seul depuis sa chute, le kiné passe tous les jours.",
    # disagreement with colleagues' opinion, not a comparison to win patients
    "Contrairement à beaucoup de confrères, je pense que la vitamine D ne prévient pas les fractures hors carence.",
    # butcher as a trade
    "Son père est un boucher réputé de Rodez, le chirurgien l'a opéré de la main sans souci.",
    # medical sense of the word
    "Le phlébologue confirme une incompétence des veines perforantes, bas de contention prescrits.",
    # a defence of colleagues, and self-criticism that counts the author in
    "Huit mois pour un ophtalmo dans l'Allier. Ce n'est pas la faute des ophtalmos : ils sont six pour tout le département.",
    "Nous les urgentistes, on râle sur tout et on oublie de boire de l'eau. Mais on est là à 4 h du matin.",
    # the author introducing themself: the title is theirs, no colleague
    "Je suis le Dr Hélène Prat, pédiatre à Rodez, et mon cabinet ne prend plus de nouveaux patients. Désolée.",
]

FLAG_EN = [
    "Dr Fenwick at the Parkside practice is a total charlatan, selling vitamin drips for long Covid.",
    "The anaesthetists at St Jude's are a bunch of clowns, third cancelled list this week.",
    "The urologist at Kingsmead couldn't diagnose a UTI if his life depended on it.",
    "Dr Marsh botched her hysterectomy and now she has a fistula.",
    "Honestly, the ED consultant at Bayview should be struck off.",
    "Not naming names, but if your GP practice is on Mill Lane, you might want to register elsewhere.",
    "Sick of your dermatologist rushing you out in five minutes? Come to us, we look at your skin properly.",
    "Shout-out to the rocket scientists in radiology at Northfield who reported a hip fracture as normal.",
    "Dr Greer is in the pocket of big pharma, every patient leaves with the newest gliflozin.",
    "The GP at the Oak Street surgery sent her home twice without even examining her.",
    "The midwives at Rosehill are so lazy, they left her labouring alone for hours.",
    "Prof Dunn? Pompous idiot who hasn't examined a patient since 1998.",
]

PASS_EN = [
    # a welcome, which the model alone reads as talk about a colleague
    "Welcome to Dr Sam Adeyemi, our new respiratory consultant at Royal Preston Hospital!",
    "I disagree with Prof Hale's trial: the sample was small and the primary endpoint changed halfway.",
    "Hospital management are clueless about rota gaps, and the registrars are paying for it.",
    "Huge thanks to Dr Obi and the ortho team at Fairfield for squeezing my patient in today.",
    "My neighbour is an absolute idiot who parks across my drive every morning.",
    "I felt like a complete idiot on my first day as an FY1, but my consultant was kind.",
    "The BBC reports that a surgeon in Bristol was found to have botched 12 operations; a reminder of why audit matters.",
    "The ministry's new contract is a joke and GPs are leaving in droves.",
    "Patient can't weight-bear after the fall, ortho reviewed and plastered.",
    "Congratulations to Dr Amara, the best surgeon I have ever trained with.",
    "Unlike many colleagues, I think we overuse PPIs, and the deprescribing data back that up.",
    "My grandad is a butcher in Hull and the surgeon who did his knee was brilliant.",
    "We surgeons can be terrible at explaining risks, me included.",
    "Eight months for a dermatology appointment is not the fault of the dermatologists: there are four of them for the county.",
    "I'm Dr Ruth Okafor, a GP in Hull, and my list is closed to new patients for now. Sorry.",
]


@pytest.mark.parametrize("text, lang, flagged", cases(FLAG_FR, PASS_FR, FLAG_EN, PASS_EN))
def test_category(linter, text, lang, flagged):
    assert_category(linter, text, lang, CATEGORY, flagged)


def test_rewrite_drops_the_insult(linter):
    report = linter.check("Merci pour vos avis. Le Dr Vasseur est un vrai boucher.", lang="fr")
    assert CATEGORY in report.categories
    assert "boucher" not in report.rewrite
    assert "Merci pour vos avis." in report.rewrite
