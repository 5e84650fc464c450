"""The data model every stage shares.

Offsets are Python ``str`` indices into ``Document.text``, half-open ``[start, end)``.
``doc.text[x.start:x.end] == x.text`` holds for every entity, heading and match span.
All objects are frozen; stages return new objects (``dataclasses.replace``).

This module does no I/O and imports no third-party package.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMES: tuple[str, ...] = (
    "cn_dun",  # 一、
    "cn_paren",  # （一） (一)
    "di_cn",  # 第一， 第一、 第一部分
    "arabic_dun",  # 1、
    "arabic_dot",  # 1. 1． ⒈
    "arabic_decimal",  # 1.1 1.1.1 (decimal outline; number = last component, one list per depth)
    "arabic_paren",  # (1) （1） ⑴
    "circled",  # ①
    "shi",  # 一是 一要 一方面
    "ordinal_word",  # 首先 其次 最后
)
"""Numbering schemes the segmenter knows, named as in DESIGN.md."""

ENTITY_LABELS: tuple[str, ...] = (
    "ORG",
    "HONOR",
    "COUNT",
    "PERCENT",
    "MONEY",
    "DATE",
    "PERSON",
    "PLACE",
    "LAW",
)

MatchKind = Literal["verbatim", "near", "spun"]


def _plain(value: Any) -> Any:
    """JSON-ready copy of a field value (tuples → lists, nested dataclasses → dicts)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return value.to_dict()  # type: ignore[attr-defined]
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class Removal:
    """A span that ingest cleaning deleted from the decoded source file."""

    source_start: int
    """Offset of the deleted text in the decoded source file."""
    text: str
    reason: str
    """``watermark``, ``site_clutter``, ``page_header``, ``collection_header`` …"""

    @property
    def source_end(self) -> int:
        return self.source_start + len(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {"source_start": self.source_start, "text": self.text, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Anomaly:
    """Something odd about a document's structure, reported rather than silently fixed."""

    kind: str
    """``numbering_gap``, ``numbering_repeat``, ``numbering_slip``, ``empty_heading``,
    ``duplicate_heading``, ``marker_typo`` …"""
    start: int
    detail: str
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "start": self.start, "detail": self.detail}
        if self.end is not None:
            d["end"] = self.end
        return d


@dataclass(frozen=True, slots=True)
class Section:
    """One numbered section. ``start``/``end`` cover the whole section, children included.

    ``parent`` and ``children`` are indices into ``Document.sections`` (document order).
    """

    level: int
    marker: str
    scheme: str
    number: int | None
    marker_start: int
    marker_end: int
    heading: str
    heading_start: int
    heading_end: int
    start: int
    end: int
    parent: int | None = None
    children: tuple[int, ...] = ()
    category: str | None = None
    category_scores: Mapping[str, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}


@dataclass(frozen=True, slots=True)
class Entity:
    """A span with a label and, where it has one, a normalized value.

    Label-specific fields stay ``None`` where they do not apply. A placeholder such as
    ``20xx年`` or ``__人`` is found, flagged, and given no value: values are never invented.
    """

    label: str
    text: str
    start: int
    end: int
    value: Any = None
    unit: str | None = None
    approx: bool = False
    placeholder: bool = False
    range: tuple[float, float] | None = None
    # DATE
    year: int | None = None
    month: int | None = None
    day: int | None = None
    relative: str | None = None
    festival: str | None = None
    # HONOR
    level: str | None = None
    awarded_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}


@dataclass(frozen=True, slots=True)
class Substitution:
    """A one-for-one word replacement seen in a spun copy (``from`` in A, ``to`` in B)."""

    source: str
    target: str
    count: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.source, "to": self.target, "count": self.count}


@dataclass(frozen=True, slots=True)
class Match:
    """A passage of ``doc_a`` reused in ``doc_b``; offsets into each ``Document.text``."""

    doc_a: str
    start_a: int
    end_a: int
    doc_b: str
    start_b: int
    end_b: int
    kind: MatchKind
    score: float
    substitutions: tuple[Substitution, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}


@dataclass(frozen=True)
class Document:
    """One report: its cleaned text, where it came from, and what the stages found in it.

    ``text`` is the decoded source after cleaning, which only *deletes* spans; every
    deletion is in ``removed``, so ``source_text()`` rebuilds the source exactly and
    ``to_source_offset`` maps any offset back into the source file.
    """

    id: str
    text: str
    title: str = ""
    source: str | None = None
    source_start: int = 0
    removed: tuple[Removal, ...] = ()
    sections: tuple[Section, ...] = ()
    entities: tuple[Entity, ...] = ()
    anomalies: tuple[Anomaly, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)

    # -- offsets -----------------------------------------------------------------------
    def _removal_index(self) -> tuple[list[int], list[int]]:
        """Positions in ``text`` where each removal sat, and cumulative removed length."""
        cached = self.__dict__.get("_ri")
        if cached is None:
            positions, cumulative, total = [], [], 0
            for r in sorted(self.removed, key=lambda r: r.source_start):
                positions.append(r.source_start - self.source_start - total)
                total += len(r.text)
                cumulative.append(total)
            cached = (positions, cumulative)
            object.__setattr__(self, "_ri", cached)  # memo only; not part of the value
        return cached

    def to_source_offset(self, i: int) -> int:
        """Map offset ``i`` in ``text`` to the offset in the decoded source file.

        A removal sitting exactly at ``i`` lies *before* character ``i``.
        """
        if not 0 <= i <= len(self.text):
            raise IndexError(f"offset {i} outside document of length {len(self.text)}")
        positions, cumulative = self._removal_index()
        k = bisect.bisect_right(positions, i)
        return self.source_start + i + (cumulative[k - 1] if k else 0)

    def from_source_offset(self, s: int) -> int | None:
        """Inverse of ``to_source_offset``; ``None`` if ``s`` is inside removed text or
        outside this document."""
        i = s - self.source_start
        for r in sorted(self.removed, key=lambda r: r.source_start):
            if r.source_end <= s:
                i -= len(r.text)
            elif r.source_start <= s:
                return None
            else:
                break
        return i if 0 <= i <= len(self.text) else None

    def source_text(self) -> str:
        """The decoded source span of this document, rebuilt from ``text`` and ``removed``."""
        parts, prev = [], 0
        positions, _ = self._removal_index()
        for pos, r in zip(positions, sorted(self.removed, key=lambda r: r.source_start)):
            parts.append(self.text[prev:pos])
            parts.append(r.text)
            prev = pos
        parts.append(self.text[prev:])
        return "".join(parts)

    @property
    def source_end(self) -> int:
        return self.source_start + len(self.text) + sum(len(r.text) for r in self.removed)

    # -- structure helpers ---------------------------------------------------------------
    def top_sections(self) -> list[Section]:
        return [s for s in self.sections if s.parent is None]

    def section_text(self, section: Section | int) -> str:
        s = self.sections[section] if isinstance(section, int) else section
        return self.text[s.start : s.end]

    def iter_outline(self) -> Iterator[tuple[int, Section]]:
        """(index, section) in document order, which is also outline (pre-)order."""
        return iter(enumerate(self.sections))

    # -- serialisation -------------------------------------------------------------------
    def to_dict(self, *, include_text: bool = True) -> dict[str, Any]:
        """The JSON contract of DESIGN.md for one document."""
        d: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "source_start": self.source_start,
            "removed": [r.to_dict() for r in self.removed],
        }
        if include_text:
            d["text"] = self.text
        d["sections"] = [s.to_dict() for s in self.sections]
        d["entities"] = [e.to_dict() for e in self.entities]
        d["anomalies"] = [a.to_dict() for a in self.anomalies]
        if self.meta:
            d["meta"] = _plain(dict(self.meta))
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Document:
        """Rebuild a document from ``to_dict`` output (round-trips the contract)."""
        sections = tuple(
            Section(**{**s, "children": tuple(s.get("children", ()))}) for s in d.get("sections", ())
        )
        entities = tuple(
            Entity(**{**e, "range": tuple(e["range"]) if e.get("range") else None})
            for e in d.get("entities", ())
        )
        return cls(
            id=d["id"],
            text=d["text"],
            title=d.get("title", ""),
            source=d.get("source"),
            source_start=d.get("source_start", 0),
            removed=tuple(Removal(**r) for r in d.get("removed", ())),
            sections=sections,
            entities=entities,
            anomalies=tuple(Anomaly(**a) for a in d.get("anomalies", ())),
            meta=dict(d.get("meta", {})),
        )

    def _repr_html_(self) -> str:
        """Jupyter display: outline with categories, entities, residue (``summarykit.report``)."""
        from .report import document_html

        return document_html(self)

    def __repr__(self) -> str:
        head = self.text[:20].replace("\n", " ")
        return (
            f"Document(id={self.id!r}, title={self.title!r}, chars={len(self.text)}, "
            f"sections={len(self.sections)}, entities={len(self.entities)}, text={head!r}…)"
        )


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A file (or input) that could not be read; the rest of the batch goes on."""

    source: str
    message: str
    error: str = "InputError"

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "message": self.message, "error": self.error}


def check_offsets(doc: Document) -> list[str]:
    """Every offset invariant of the data model, as a list of violations (empty = fine).

    Used by tests and property tests; cheap enough to call in debugging sessions.
    """
    problems: list[str] = []
    n = len(doc.text)
    for i, s in enumerate(doc.sections):
        if not (0 <= s.start <= s.marker_start <= s.marker_end <= s.heading_start <= s.heading_end <= s.end <= n):
            problems.append(f"section {i} offsets out of order: {s}")
            continue
        if doc.text[s.heading_start : s.heading_end] != s.heading:
            problems.append(f"section {i} heading does not slice back")
        if doc.text[s.marker_start : s.marker_end] != s.marker:
            problems.append(f"section {i} marker does not slice back")
        if s.parent is not None:
            p = doc.sections[s.parent]
            if not (p.start <= s.start and s.end <= p.end) or p.level >= s.level:
                problems.append(f"section {i} not nested in its parent {s.parent}")
            if i not in p.children:
                problems.append(f"section {i} missing from its parent's children")
    # siblings (same parent) must not overlap and must be in order
    by_parent: dict[int | None, list[Section]] = {}
    for s in doc.sections:
        by_parent.setdefault(s.parent, []).append(s)
    for sibs in by_parent.values():
        for a, b in itertools.pairwise(sibs):
            if a.end > b.start:
                problems.append(f"sections overlap: {a.marker}@{a.start} and {b.marker}@{b.start}")
    for e in doc.entities:
        if doc.text[e.start : e.end] != e.text:
            problems.append(f"entity {e.label} {e.text!r} does not slice back")
    ents = sorted(doc.entities, key=lambda e: (e.start, e.end))
    for a, b in itertools.pairwise(ents):
        if a.end > b.start:
            problems.append(f"entities overlap: {a.text!r} and {b.text!r}")
    return problems


__all__ = [
    "ENTITY_LABELS",
    "SCHEMES",
    "Anomaly",
    "Document",
    "Entity",
    "InputProblem",
    "Match",
    "MatchKind",
    "Removal",
    "Section",
    "Substitution",
    "check_offsets",
]

