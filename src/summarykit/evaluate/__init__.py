"""Evaluation against the team's gold data in ``corpora/gold/`` (one module per stage).

``summarykit evaluate sections [PATH…]`` runs ``summarykit.evaluate.sections.main``.
"""
