"""A small rule pack of a user's own, shared by the rule-file and CLI tests."""

HOUSE_PACK = """rules:
  - id: HOUSE-PROMO-FR
    category: advertising
    severity: warning
    languages: [fr]
    message: "Code promo."
    why: "La médecine ne doit pas être pratiquée comme un commerce."
    source: "CSP art. R.4127-19"
    kind: pattern
    params: {patterns: ['\\bcode promo\\b']}
    examples:
      flag: ["Code promo DOC10 sur ma téléconsultation"]
      pass: ["Rien à signaler ici"]
"""
