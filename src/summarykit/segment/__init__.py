"""Section parser: the numbered outline of a Chinese work report.

``segment(doc)`` finds every numbered item of the lists that structure a report — headings
on their own line, headings merged into the end of a paragraph, inline enumerations
(``一是…。二是…``), a whole report on one line — in every numbering scheme, half- and
full-width, with or without a space after the marker:

* ``cn_dun``: ``一、`` (and the slips ``三,`` ``三，`` ``三.``; ``一 、``)
* ``cn_paren``: ``（一）`` ``(一)`` ``㈠`` ``(一)、`` (and ``一）`` ``一)``, a list of its own)
* ``di_cn``: ``第一、`` ``第一，`` ``第一,`` ``第一步，`` ``第一是``, part headings ``第一部分`` ``第一章``
  ``第一节`` and the articles of regulations ``第一条`` (numbered on through the chapters)
* ``arabic_dun``: ``1、`` ``１、`` (and the slips ``1,`` ``1，`` at line starts, confirmed by a
  sibling; ``1、3月5日…`` opens with a date, ``1、2月份`` lists months)
* ``arabic_dot``: ``1.`` ``1．`` ``１．`` ``⒈``
* ``arabic_decimal``: ``1.1`` ``1.1.1`` at a line start (a list per depth; the number is the
  last component; ``3.61亿元`` is not one)
* ``arabic_paren``: ``(1)`` ``（1）`` ``⑴`` ``(1)、`` (and ``1)`` ``1）``, a list of its own)
* ``circled``: ``①`` ``❶`` ``➀``
* ``shi``: ``一是`` ``一要`` … ``十是`` (``三是是`` is the typo of ``三是``)
* ``ordinal_word``: ``首先`` ``其次`` ``再次`` ``最后`` (``最後``), only when at least two
  enumerate; without a comma (``首先在…。其次是…``) only within one paragraph; ``其一`` ``其二``
  is a list of its own

A half-width full stop after a Han character (``…格局.一、…``) ends a sentence like ``。``, and
a preview's paragraph mark ``Р`` / ``¶`` is a line break. Chinese numerals include the formal forms (``壹`` ``貳`` …) of converted traditional text.
The hierarchy is inferred per document (the outermost list present is level 1; see
``outline``). What is not structure is left out: tables of contents, repeated preview text,
page numbers of previews, numbers inside words and sentences (``第一次`` ``统一是``
``1、2月份`` ``一、二等奖``), dates and decimals. Irregular numbering is reported in
``Document.anomalies`` (``numbering_gap`` ``numbering_repeat`` ``numbering_restart``
``numbering_slip`` ``numbering_start`` ``marker_slip`` ``marker_typo`` ``empty_section``
``empty_heading`` ``duplicate_heading``) rather than silently fixed. Heading extents follow
``corpora/gold/sections/README.md`` (see ``headings``).

Section spans: a section runs from its marker to where the next section of the same or a
higher level starts, or to the end of its parent. The last item of an inline run-in list
(``…三是…。``, and every ``一是``/``首先`` item) ends with the paragraph of its last
descendant. The last top-level section ends before a closing paragraph (``总之，…``,
``回顾半年来的工作…``, ``一年来，…``, ``各位代表！``) if one follows its first body
paragraph; otherwise at the end of the document. Trailing whitespace is never part of a
section. Unnumbered lines between sections (a sub-title, a compilation's next title) belong
to the section before them.

The parser is linear in the length of the text and never raises on a ``str``.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from ..model import Anomaly, Document, Section
from .markers import Candidate, scan
from .outline import build_outline, spans


def find_sections(
    text: str, page_breaks: Sequence[int] = ()
) -> tuple[tuple[Section, ...], tuple[Anomaly, ...]]:
    """Sections (document order = outline pre-order) and anomalies of ``text``.

    ``page_breaks``: offsets in ``text`` where ingest deleted a page header or a preview's
    page number. Preview pages cut sentences anywhere, so no heading runs across one
    (``…改进不足,力`` + page ``2、`` + ``求工作做得更好``: the heading is the first part).
    """
    if not isinstance(text, str):
        raise TypeError(f"find_sections() needs a str, got {type(text).__name__}")
    breaks = sorted(page_breaks)
    cands = scan(text)
    items, anomalies = build_outline(text, cands)
    sp = spans(text, items)
    sections: list[Section] = []
    for it, (hs, he, start, end) in zip(items, sp):
        c = it.cand
        he = min(he, end)
        if breaks:
            k = bisect.bisect_right(breaks, hs)
            if k < len(breaks) and breaks[k] < he:
                he = breaks[k]
                while he > hs and text[he - 1] in _HEADING_TRAIL:
                    he -= 1
        hs = min(hs, he)
        sections.append(
            Section(
                level=it.level,
                marker=c.marker,
                scheme=c.scheme,
                number=c.number,
                marker_start=c.start,
                marker_end=c.end,
                heading=text[hs:he],
                heading_start=hs,
                heading_end=he,
                start=start,
                end=end,
                parent=it.parent,
                children=tuple(it.children),
            )
        )
    anomalies.extend(_empty_sections(text, sections))
    anomalies.sort(key=lambda a: (a.start, a.kind))
    return tuple(sections), tuple(anomalies)


_HEADING_TRAIL = " \t\r\n\u3000\xa0\u200b\ufeff，,；;：:、"
_NOT_BODY = set(" \t\r\n\u3000\xa0\u200b\ufeff。！？!?；;：:，,、.．")


def _at_line_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u3000\xa0*#":
        i -= 1
    return i < 0 or text[i] in "\n\r\u2028\u2029"


def _empty_sections(text: str, sections: list[Section]) -> list[Anomaly]:
    """Headings on a line of their own with no body, between sibling headings that have one.

    A list of one-sentence items is not a list of empty sections, run-in ``一是`` items and
    inline enumerations are their own body, and a section cut off by the end of an excerpt
    is not empty.
    """
    out = []
    has_body: list[bool] = []
    for s in sections:
        body = text[s.heading_end : s.end]
        empty = len(body) < 8 and all(ch in _NOT_BODY for ch in body)
        has_body.append(bool(s.children) or not empty)
    siblings: dict[tuple[int | None, str], list[int]] = {}
    rank: list[int] = []  # position of each section among its same-scheme siblings
    for i, s in enumerate(sections):
        group = siblings.setdefault((s.parent, s.scheme), [])
        rank.append(len(group))
        group.append(i)
    text_end = len(text.rstrip())
    for i, s in enumerate(sections):
        if (
            has_body[i]
            or s.scheme in ("shi", "ordinal_word")
            or not _at_line_start(text, s.marker_start)
        ):
            continue
        if s.end >= text_end:
            continue  # the excerpt stops here
        if not s.heading:
            detail = f"{s.marker} has neither heading nor body"
            out.append(Anomaly("empty_heading", s.marker_start, detail, s.end))
            continue
        if len(s.heading) > 30:
            continue  # a one-sentence item is its own content, not a bare heading
        sibs = siblings[(s.parent, s.scheme)]
        k = rank[i]
        neighbours = sibs[max(0, k - 1) : k] + sibs[k + 1 : k + 2]
        if neighbours and all(has_body[j] for j in neighbours):
            detail = f"{s.marker}{s.heading[:20]} has no body"
            out.append(Anomaly("empty_section", s.marker_start, detail, s.end))
    return out


def page_breaks(doc: Document) -> list[int]:
    """Offsets in ``doc.text`` where ingest deleted a page header or page number."""
    out = []
    removed = 0
    for r in sorted(doc.removed, key=lambda r: r.source_start):
        if r.reason == "page_header":
            out.append(r.source_start - doc.source_start - removed)
        removed += len(r.text)
    return out


def segment(doc: Document) -> Document:
    """``doc`` with ``sections`` and ``anomalies`` filled in (other fields unchanged).

    Anomalies found by earlier stages are kept; this stage's own are replaced on re-runs.
    """
    sections, anomalies = find_sections(doc.text, page_breaks(doc))
    own = {
        "numbering_gap",
        "numbering_repeat",
        "numbering_restart",
        "numbering_slip",
        "numbering_start",
        "marker_slip",
        "marker_typo",
        "empty_section",
        "empty_heading",
        "duplicate_heading",
    }
    kept = tuple(a for a in doc.anomalies if a.kind not in own)
    return dataclasses.replace(doc, sections=sections, anomalies=kept + anomalies)


__all__ = ["Candidate", "find_sections", "scan", "segment"]
