"""spaCy integration: the component on spacy.blank("zh") and the displaCy rendering."""

from __future__ import annotations

import importlib
import sys

import pytest

spacy = pytest.importorskip("spacy")

import itertools

import summarykit.spacy_ext as sk

TEXT = "在镇党委、政府的正确领导下,县妇联组织150余人学习《妇女权益保障法》,会议由副镇长李娟华主持。"


def test_import_registers_nothing() -> None:
    from spacy.language import Language

    if Language.has_factory(sk.FACTORY):
        pytest.skip("already registered by an earlier test in this process")
    importlib.reload(sk)
    assert not Language.has_factory(sk.FACTORY)
    assert "summarykit.spacy_ext" in sys.modules


def test_component_on_char_segmenter() -> None:
    sk.register()
    sk.register()  # idempotent
    nlp = spacy.blank("zh")
    nlp.add_pipe(sk.FACTORY)
    doc = nlp(TEXT)
    got = [(e.text, e.label_) for e in doc.ents]
    assert got == [
        ("镇党委", "ORG"), ("政府", "ORG"), ("县妇联", "ORG"), ("150余人", "COUNT"),
        ("妇女权益保障法", "LAW"), ("李娟华", "PERSON"),
    ]  # fmt: skip
    full = doc._.summarykit_entities
    assert [e.value for e in full if e.label == "COUNT"] == [150]
    # ents are spans of whole tokens
    for e in doc.ents:
        assert e.start_char == e[0].idx and e.end_char == e[-1].idx + len(e[-1])


def test_component_on_jieba_tokens_expands_to_token_boundaries() -> None:
    nlp = sk.blank(segmenter="jieba")
    doc = nlp(TEXT)
    words = [t.text for t in doc]
    assert "县" in words or "县妇联" in words  # jieba segmentation, not characters
    labels = [e.label_ for e in doc.ents]
    assert "COUNT" in labels and "LAW" in labels and "ORG" in labels
    starts = {t.idx for t in doc}
    ends = {t.idx + len(t) for t in doc}
    for e in doc.ents:
        assert e.start_char in starts and e.end_char in ends
    # no overlaps after expansion
    spans = sorted((e.start, e.end) for e in doc.ents)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_contract_mode_and_label_filter() -> None:
    nlp = sk.blank(segmenter="char", alignment_mode="contract", labels=["COUNT"])
    doc = nlp("参加人数150余人,捐款7000余元。")
    assert [(e.text, e.label_) for e in doc.ents] == [("150余人", "COUNT")]
    with pytest.raises(ValueError):
        sk.EntityComponent(None, alignment_mode="sideways")


def test_render_escapes_and_marks() -> None:
    html = sk.render("副镇长李娟华<script>主持</script>,捐款7000余元。")
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "李娟华" in html and "PERSON" in html and "MONEY" in html
    sk.register()
    doc = spacy.blank("zh")
    doc.add_pipe(sk.FACTORY)
    html2 = sk.render(doc("县妇联组织150余人。"))
    assert "ORG" in html2 and "COUNT" in html2
    with pytest.raises(TypeError):
        sk.render(42)


def test_render_document() -> None:
    import summarykit

    d = summarykit.parse("县妇联组织150余人。", stages=("entities",), title="测试")
    html = sk.render(d, labels=["ORG"])
    assert "ORG" in html and "COUNT" not in html and "测试" in html


def test_sections_on_doc_extension_and_span_group():
    spacy = pytest.importorskip("spacy")
    from summarykit import spacy_ext

    spacy_ext.register()
    nlp = spacy.blank("zh")
    nlp.add_pipe("summarykit_entities")
    text = "一、加强组织建设\n召开会议五次。\n二、存在不足\n创新不够。"
    doc = nlp(text)
    assert [s.heading for s in doc._.sections] == ["加强组织建设", "存在不足"]
    assert [sp.label_ for sp in doc.spans["sections"]] == ["cn_dun", "cn_dun"]
    assert doc.spans["sections"][0].text.startswith("一、加强组织建设")
