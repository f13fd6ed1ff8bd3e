"""Renderers: a Report (or a batch of them) to terminal text, JSON, SARIF..."""
