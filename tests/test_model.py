from __future__ import annotations

import dataclasses
import json

import pytest

from summarykit.model import Document, Entity, Removal, Section, check_offsets


def _doc_with_removals() -> tuple[str, Document]:
    source = "前言XX规专业好文档划和部署。第1页共2页结尾"
    # delete "专业好文档" (at 5) and "第1页共2页" (at 14), document starts at source offset 2
    doc = Document(
        id="d",
        text="XX规划和部署。结尾",
        source_start=2,
        removed=(Removal(5, "专业好文档", "watermark"), Removal(15, "第1页共2页", "page_header")),
    )
    return source, doc


def test_to_source_offset_maps_every_character_back():
    source, doc = _doc_with_removals()
    for i, ch in enumerate(doc.text):
        assert source[doc.to_source_offset(i)] == ch
    assert doc.to_source_offset(len(doc.text)) == len(source)


def test_source_text_rebuilds_the_source_exactly():
    source, doc = _doc_with_removals()
    assert doc.source_text() == source[2:]
    assert doc.source_end == len(source)


def test_from_source_offset_inverts_and_refuses_removed_text():
    _source, doc = _doc_with_removals()
    for i in range(len(doc.text)):
        assert doc.from_source_offset(doc.to_source_offset(i)) == i
    assert doc.from_source_offset(5) is None  # inside the watermark
    assert doc.from_source_offset(0) is None  # before the document


def test_offset_outside_document_raises():
    _, doc = _doc_with_removals()
    with pytest.raises(IndexError):
        doc.to_source_offset(len(doc.text) + 1)


def test_objects_are_frozen():
    _, doc = _doc_with_removals()
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "x"  # type: ignore[misc]


def test_json_round_trip():
    text = "一、组织建设\n召开会议五次。"
    sec = Section(level=1, marker="一、", scheme="cn_dun", number=1, marker_start=0, marker_end=2,
                  heading="组织建设", heading_start=2, heading_end=6, start=0, end=len(text))
    ent = Entity(label="COUNT", text="五次", start=11, end=13, value=5, unit="次", range=(5.0, 6.0))
    doc = Document(id="x", text=text, sections=(sec,), entities=(ent,))
    d = json.loads(json.dumps(doc.to_dict(), ensure_ascii=False))
    assert d["sections"][0]["heading"] == "组织建设"
    assert d["entities"][0]["value"] == 5
    again = Document.from_dict(d)
    assert again.sections == doc.sections and again.entities == doc.entities
    assert check_offsets(again) == []


def test_check_offsets_reports_violations():
    text = "一、组织建设"
    bad = Section(level=1, marker="一、", scheme="cn_dun", number=1, marker_start=0, marker_end=2,
                  heading="组织", heading_start=3, heading_end=5, start=0, end=6)
    assert check_offsets(Document(id="x", text=text, sections=(bad,)))
