"""summarykit: Chinese work summaries (工作总结, 政府工作报告 …) into structured data.

>>> import summarykit
>>> doc = summarykit.parse("一、加强组织建设\\n今年召开会议五次。")
>>> doc.sections[0].heading
'加强组织建设'
"""

from __future__ import annotations

import logging

from .corpus import Corpus
from .errors import InputError, SummaryKitError, SummaryKitWarning
from .model import Anomaly, Document, Entity, Match, Removal, Section
from .pipeline import load, parse

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    """Lazy public names whose modules load numpy-heavy machinery on first use."""
    if name == "find_reuse":
        from .reuse.detect import find_reuse

        return find_reuse
    if name == "ReuseReport":
        from .reuse.report import ReuseReport

        return ReuseReport
    raise AttributeError(f"module 'summarykit' has no attribute {name!r}")


__all__ = [
    "Anomaly",
    "Corpus",
    "Document",
    "Entity",
    "InputError",
    "Match",
    "Removal",
    "ReuseReport",
    "Section",
    "SummaryKitError",
    "SummaryKitWarning",
    "__version__",
    "find_reuse",
    "load",
    "parse",
]
