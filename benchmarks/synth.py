"""Synthetic tweets for benchmarks: deterministic, French and English, a mix of
clean posts and posts with the details postcheck looks for. Not the annotated
corpus: these only need to look like real traffic."""

from __future__ import annotations

import random

FR = [
    "Reçu ce matin {name}, {age} ans, à {town} pour {cond}. Vos avis ? #doctoctoc",
    "Pte de {age} ans, ATCD de {cond}, sous {drug}. Quelle conduite à tenir ? #doctoctoc",
    "Garde aux urg cette nuit, {n} passages, {cond} en pagaille. Courage aux collègues 💪",
    "Le centre de santé de {town} recrute un MG, contact au 01 {p1} {p2} {p3} {p4}.",
    "Consultation {price}€ seulement, code promo DOC{n} sur mon site, prenez RDV !",
    "Encore une fois le Dr {surname} a massacré le genou d'un patient, un vrai boucher.",
    "Campagne de vaccination antigrippale : pensez-y dès octobre, parlez-en à votre médecin.",
    "{name} chambre {n}, son fils m'appelle au 06 {p1} {p2} {p3} {p4} toutes les heures 🙄",
]
EN = [
    "Saw {ename}, {age}yo, from {etown} in clinic today with {econd}. Thoughts? #MedTwitter",
    "Pt in her {dec}s, hx of {econd}, on {drug}. Next step? #FOAMed",
    "Long night in the ED, {n} patients, lots of {econd}. Proud of the team 💪",
    "Our clinic in {etown} is hiring a GP, call 555-01{p1} or email jobs@clinic.example.com",
    "Botox ${price} this week only, use code GLOW{n}, book now! Best results in town.",
    "The ortho guy at St Mary's botched another knee, total butcher. #MedTwitter",
    "Flu shots are available at your local pharmacy, protect yourself and others this winter.",
    "{ename} in bed {n} keeps calling, her daughter phoned 555-01{p1} again 🙄",
]
SLOTS = {
    "name": ["Mme Lefèvre", "M. Karim B.", "Mme Dupont", "Mlle Rousseau", "M. Garnier"],
    "surname": ["Martin", "Bernard", "Moreau", "Laurent"],
    "town": ["Montargis", "Clamart", "Vierzon", "Lannion", "Dole"],
    "cond": ["une douleur thoracique", "une chute", "un malaise", "une dyspnée", "une fièvre"],
    "drug": ["apixaban", "metformine", "lévothyroxine", "amoxicilline"],
    "ename": ["Mrs Patterson", "Mr. Jim K.", "Ms Alvarez", "Mr Okafor"],
    "etown": ["Ledbury", "Tamworth", "Salem", "Galway"],
    "econd": ["chest pain", "syncope", "a rash", "shortness of breath"],
}


def tweets(count: int, seed: int = 7) -> list[tuple[str, str]]:
    """(text, lang) pairs, about half French."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        lang = "fr" if i % 2 == 0 else "en"
        template = rng.choice(FR if lang == "fr" else EN)
        values = {k: rng.choice(v) for k, v in SLOTS.items()}
        values.update(age=rng.randint(18, 95), dec=rng.randint(2, 9) * 10, n=rng.randint(2, 99),
                      price=rng.choice([25, 50, 80, 120]),
                      **{f"p{j}": f"{rng.randint(0, 99):02d}" for j in range(1, 5)})
        out.append((template.format(**values), lang))
    return out
