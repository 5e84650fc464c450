"""Section parser (placeholder interface; the full parser lands in its own commit)."""

from __future__ import annotations

from .model import Document


def segment(doc: Document) -> Document:
    """Fill ``doc.sections`` and ``doc.anomalies``."""
    return doc
