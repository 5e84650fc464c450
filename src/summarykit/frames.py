"""pandas DataFrames of documents, sections and entities. The only module that imports pandas
(besides the reuse report's own frame methods, which call into here).

Columns are stable and documented; ids join across frames: ``doc_id`` everywhere, and
``section_id`` (``"<doc_id>#<index>"``) in both the sections and entities frames. Missing
values are ``pd.NA`` in nullable dtypes (never 0 or "").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import regex

from .model import Document, Section

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

DOCUMENT_COLUMNS = {
    "doc_id": "string",
    "title": "string",
    "source": "string",
    "source_start": "Int64",
    "unit_kind": "string",
    "year": "Int64",
    "n_chars": "Int64",
    "n_sections": "Int64",
    "n_top_sections": "Int64",
    "n_entities": "Int64",
    "n_anomalies": "Int64",
    "n_removed": "Int64",
}
SECTION_COLUMNS = {
    "doc_id": "string",
    "section_id": "string",
    "index": "Int64",
    "parent_id": "string",
    "level": "Int64",
    "marker": "string",
    "scheme": "string",
    "number": "Int64",
    "heading": "string",
    "start": "Int64",
    "end": "Int64",
    "n_chars": "Int64",
    "category": "string",
    "category_score": "Float64",
}
ENTITY_COLUMNS = {
    "doc_id": "string",
    "section_id": "string",
    "label": "string",
    "text": "string",
    "start": "Int64",
    "end": "Int64",
    "value": "Float64",
    "unit": "string",
    "approx": "boolean",
    "placeholder": "boolean",
    "range_low": "Float64",
    "range_high": "Float64",
    "year": "Int64",
    "month": "Int64",
    "day": "Int64",
    "relative": "string",
    "festival": "string",
    "level": "string",
    "awarded_by": "string",
}

# Kind of unit that wrote the report, from its title and opening (a researcher's grouping key).
_UNIT_KINDS = (
    ("women_federation", r"妇联|妇代会|妇女联合会|妇女工作"),
    ("government", r"政府|政务|信息公开|国务院"),
    ("party", r"党支部|党委|党总支|党工委|党代会|代表大会上的报告|共产"),
    ("union", r"工会"),
    ("school", r"学校|中学|小学|幼儿园|教师|班主任"),
    ("village", r"村|乡镇|乡村"),
    ("community", r"社区|街道|居委会"),
)
_RE_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


def unit_kind(doc: Document) -> str:
    """``women_federation``, ``community``, ``village``, ``school``, ``union``, ``party``,
    ``government`` or ``other``, by the first keyword found in the title, then the opening."""
    for probe in (doc.title, doc.text[:300]):
        for kind, pattern in _UNIT_KINDS:
            if regex.search(pattern, probe or ""):
                return kind
    return "other"


def document_year(doc: Document) -> int | None:
    """The report's own year when its title states it (``2022年…工作总结``), else ``None``."""
    if isinstance(doc.meta.get("year"), int):
        return int(doc.meta["year"])
    m = _RE_YEAR.search(doc.title or "")
    return int(m.group(1)) if m else None


def section_id(doc: Document, index: int) -> str:
    return f"{doc.id}#{index}"


def _innermost_section(doc: Document, start: int, end: int) -> int | None:
    best = None
    for i, s in enumerate(doc.sections):
        if s.start <= start and end <= s.end and (best is None or s.level > doc.sections[best].level):
            best = i
    return best


def _frame(rows: list[dict[str, Any]], columns: dict[str, str]) -> pd.DataFrame:
    import pandas as pd

    df = pd.DataFrame(rows, columns=list(columns))
    return df.astype(columns)


def documents_frame(docs: Iterable[Document]) -> pd.DataFrame:
    """One row per document."""
    rows = [
        {
            "doc_id": d.id,
            "title": d.title,
            "source": d.source,
            "source_start": d.source_start,
            "unit_kind": unit_kind(d),
            "year": document_year(d),
            "n_chars": len(d.text),
            "n_sections": len(d.sections),
            "n_top_sections": sum(1 for s in d.sections if s.parent is None),
            "n_entities": len(d.entities),
            "n_anomalies": len(d.anomalies),
            "n_removed": len(d.removed),
        }
        for d in docs
    ]
    return _frame(rows, DOCUMENT_COLUMNS)


def _section_row(doc: Document, i: int, s: Section) -> dict[str, Any]:
    scores = s.category_scores or {}
    return {
        "doc_id": doc.id,
        "section_id": section_id(doc, i),
        "index": i,
        "parent_id": section_id(doc, s.parent) if s.parent is not None else None,
        "level": s.level,
        "marker": s.marker,
        "scheme": s.scheme,
        "number": s.number,
        "heading": s.heading,
        "start": s.start,
        "end": s.end,
        "n_chars": s.end - s.start,
        "category": s.category,
        "category_score": scores.get(s.category) if s.category else None,
    }


def sections_frame(docs: Iterable[Document]) -> pd.DataFrame:
    """One row per section (all levels; filter on ``level``)."""
    rows = [_section_row(d, i, s) for d in docs for i, s in enumerate(d.sections)]
    return _frame(rows, SECTION_COLUMNS)


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def entities_frame(docs: Iterable[Document]) -> pd.DataFrame:
    """One row per entity; ``section_id`` is the innermost section containing it."""
    rows = []
    for d in docs:
        for e in d.entities:
            sec = _innermost_section(d, e.start, e.end)
            low, high = (e.range if e.range else (None, None))
            rows.append(
                {
                    "doc_id": d.id,
                    "section_id": section_id(d, sec) if sec is not None else None,
                    "label": e.label,
                    "text": e.text,
                    "start": e.start,
                    "end": e.end,
                    "value": _number(e.value),
                    "unit": e.unit,
                    "approx": e.approx,
                    "placeholder": e.placeholder,
                    "range_low": _number(low),
                    "range_high": _number(high) if high is not None and high != float("inf") else None,
                    "year": e.year,
                    "month": e.month,
                    "day": e.day,
                    "relative": e.relative,
                    "festival": e.festival,
                    "level": e.level,
                    "awarded_by": e.awarded_by,
                }
            )
    return _frame(rows, ENTITY_COLUMNS)
