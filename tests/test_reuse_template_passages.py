"""A passage shared by many documents is template text; shared by two it is a copy.

Real text only: a formula sentence of the 2019 national government report (variants of it
are in the 2023 and 2025 reports and the 20th Party congress report) placed in local
reports of the development corpus, and the paragraph around it from the same report."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarykit.model import Document, Match
from summarykit.reuse.detect import find_reuse
from summarykit.reuse.shared import template_matches

DEV = Path(__file__).resolve().parent.parent / "corpora" / "dev"
NATIONAL = (DEV / "gov_2019_national.txt").read_text(encoding="utf-8")
FORMULA = (
    "坚持一个中国原则和“九二共识”，推动两岸关系和平发展、推进祖国和平统一进程。"
    "坚决反对和遏制“台独”分裂图谋和行径，坚决维护国家主权和领土完整。"
)
# the paragraph of the 2019 report around it: more than the formula
PARAGRAPH = (
    "我们要坚持对台工作大政方针。全面贯彻落实习近平总书记在《告台湾同胞书》发表40周年纪念会上的"
    "重要讲话精神，" + FORMULA + "深化两岸融合发展，持续扩大两岸经济文化交流合作。"
    "两岸同胞同根相系、同命相连，应携手共创共享全体中国人的美好未来。"
)
HOSTS = [
    "summary_fulian_01",
    "summary_village_03",
    "summary_school_02",
    "summary_union_02",
    "summary_community_02",
    "summary_govinfo_02",
]


def _host(name: str) -> str:
    text = (DEV / f"{name}.txt").read_text(encoding="utf-8")
    return text[300:900]


def _docs(with_formula: dict[str, str]) -> list[Document]:
    out = []
    for name in HOSTS:
        body = _host(name)
        ins = with_formula.get(name)
        if ins:
            cut = body.index("。", 250) + 1
            body = body[:cut] + ins + body[cut:]
        out.append(Document(name, body, title=name))
    return out


def test_the_sentences_are_real():
    assert FORMULA in NATIONAL and PARAGRAPH in NATIONAL


def test_hosts_share_nothing():
    report = find_reuse(_docs({}), n_jobs=1, progress=False)
    assert report.matches == ()


def test_formula_in_two_documents_is_a_copy():
    report = find_reuse(_docs({h: FORMULA for h in HOSTS[:2]}), n_jobs=1, progress=False)
    assert len(report.matches) == 1
    m = report.matches[0]
    assert {m.doc_a, m.doc_b} == set(HOSTS[:2])
    assert report.document(HOSTS[0]).copy_ratio > 0.1
    assert report.params["n_template_matches"] == 0


def test_formula_in_three_documents_is_still_copying():
    report = find_reuse(_docs({h: FORMULA for h in HOSTS[:3]}), n_jobs=1, progress=False)
    assert len(report.matches) == 3
    assert report.params["n_template_matches"] == 0


def test_formula_in_four_documents_is_template_text():
    report = find_reuse(_docs({h: FORMULA for h in HOSTS[:4]}), n_jobs=1, progress=False)
    assert report.matches == ()
    assert report.params["n_template_matches"] == 6
    assert report.params["template_min_docs"] == 4
    entry = [b for b in report.boilerplate if "九二共识" in b.text]
    assert len(entry) == 1  # one entry, no duplicates of its pieces
    assert entry[0].doc_count == 4 and set(entry[0].docs) == set(HOSTS[:4])
    assert FORMULA in entry[0].text or entry[0].text in FORMULA
    for h in HOSTS[:4]:
        d = report.document(h)
        assert d.copy_ratio == 0.0
        assert d.boilerplate_ratio >= len(FORMULA) / (len(_host(h)) + len(FORMULA)) * 0.95
    assert report.document(HOSTS[4]).boilerplate_ratio < 0.1
    # the rule can be turned off: six pairwise copies again
    off = find_reuse(
        _docs({h: FORMULA for h in HOSTS[:4]}), n_jobs=1, progress=False, template_min_docs=0
    )
    assert len(off.matches) == 6


def test_a_copied_paragraph_around_the_formula_stays_a_copy():
    # two reports share the whole paragraph, two others only the formula sentence
    placed = {HOSTS[0]: PARAGRAPH, HOSTS[1]: PARAGRAPH, HOSTS[2]: FORMULA, HOSTS[3]: FORMULA}
    report = find_reuse(_docs(placed), n_jobs=1, progress=False)
    copies = [m for m in report.matches if {m.doc_a, m.doc_b} == set(HOSTS[:2])]
    assert len(copies) == 1
    m = copies[0]
    docs = {d.id: d.text for d in _docs(placed)}
    assert FORMULA in docs[m.doc_a][m.start_a : m.end_a]
    assert m.end_a - m.start_a >= len(PARAGRAPH) * 0.9
    # everything else is the template sentence shared by four documents
    assert all({x.doc_a, x.doc_b} == set(HOSTS[:2]) for x in report.matches)
    assert any(b.doc_count == 4 and "九二共识" in b.text for b in report.boilerplate)
    assert report.document(HOSTS[2]).copy_ratio == 0.0


def _m(a: str, sa: int, ea: int, b: str, sb: int, eb: int) -> Match:
    return Match(a, sa, ea, b, sb, eb, "near", 0.9)


def test_components_link_through_shared_spans():
    # a-b, b-c, c-d overlap in their shared documents: one component of four documents
    ms = [_m("a", 0, 50, "b", 100, 150), _m("b", 105, 150, "c", 0, 45), _m("c", 5, 45, "d", 10, 50)]
    (sp,) = template_matches(ms, min_docs=4, min_chars=30)
    assert sp.docs == ("a", "b", "c", "d") and sp.members == (0, 1, 2)
    # spans that touch less than half of the shorter one do not link
    ms2 = [
        _m("a", 0, 50, "b", 100, 150),
        _m("b", 140, 190, "c", 0, 50),
        _m("c", 5, 45, "d", 10, 50),
    ]
    assert template_matches(ms2, min_docs=4, min_chars=30) == []
    assert template_matches(ms, min_docs=0) == [] and template_matches(ms, min_docs=5) == []


@pytest.mark.parametrize("extra", [29, 30])
def test_guard_needs_min_chars_beyond_the_others_on_both_sides(extra):
    ms = [
        _m("a", 0, 40 + extra, "b", 0, 40 + extra),
        _m("a", 0, 40, "c", 0, 40),
        _m("b", 0, 40, "d", 0, 40),
        _m("c", 0, 40, "d", 0, 40),
    ]
    (sp,) = template_matches(ms, min_docs=4, min_chars=30)
    assert (0 in sp.members) is (extra < 30)
