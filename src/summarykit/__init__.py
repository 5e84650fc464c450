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

__all__ = [
    "Anomaly",
    "Corpus",
    "Document",
    "Entity",
    "InputError",
    "Match",
    "Removal",
    "Section",
    "SummaryKitError",
    "SummaryKitWarning",
    "__version__",
    "load",
    "parse",
]
