"""Chance pairings of stock clauses, and passage ends, on real report text (corpora/dev).

* Two real clauses that each stand alone in a few dozen reports, found side by side in two
  reports, are what a corpus of reports produces by chance (``recombined_alpha``); the same
  sentence is a copy when its clauses are rare.
* A copied paragraph followed by the next heading (``二、…`` / ``（二）…``) or preceded by
  an introductory clause in one report only (``现将…总结如下：``) is reported as the
  paragraph, without the heading's number or the framing clause.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from summarykit.model import Document
from summarykit.reuse.boilerplate import ChanceParams
from summarykit.reuse.detect import _trim_fragments, find_reuse, junction_rates

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "corpora" / "dev"


def _paragraphs(lo: int = 80, hi: int = 300) -> list[str]:
    out = []
    for path in sorted(DEV.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if lo <= len(line) <= hi and line.endswith("。"):
                out.append(line)
    return out


def _clause_pairs(paras: list[str]) -> list[tuple[str, str]]:
    """Consecutive real clauses of 15–24 characters (no other punctuation inside)."""
    out = []
    for para in paras:
        parts = para.rstrip("。").split("，")
        for x, y in itertools.pairwise(parts):
            if 15 <= len(x) <= 24 and 15 <= len(y) <= 24 and not any(c in x + y for c in "。；：、“”（）"):
                out.append((x, y))
                break
    return out


def _pair_matches(report, a: str, b: str):
    return [m for m in report.matches if {m.doc_a, m.doc_b} == {a, b}]


def _sentences() -> list[str]:
    out = []
    for path in sorted(DEV.glob("*.txt")):
        for ln in path.read_text(encoding="utf-8").splitlines():
            out += [x + "。" for x in ln.strip().split("。") if len(x) >= 10]
    return out


@pytest.fixture(scope="module")
def stock_corpus():
    pairs = _clause_pairs(_paragraphs())
    (x, y), (u, v) = pairs[0], pairs[1]
    frame = [pair[0] for pair in pairs[2:10]]  # real clauses of other paragraphs around them
    used = [x, y, u, v, *frame]
    lines = [ln for ln in _sentences() if not any(c in ln for c in used)]
    # 860 reports of about 300 consecutive characters of real reports each
    n = 860
    docs: list[str] = []
    cur: list[str] = []
    for ln in lines:
        cur.append(ln)
        if sum(len(c) for c in cur) >= 300:
            docs.append("".join(cur))
            cur = []
        if len(docs) == n:
            break
    assert len(docs) == n
    # x and y are stock clauses: each stands alone in 39 reports (with the two below, in
    # 41 < 5% of 860 reports: not template text, they still count as evidence)
    for t in range(39):
        docs[100 + t] += "\n" + x + "。"
        docs[200 + t] += "\n" + y + "。"
    # reports 10 and 20 hold them side by side inside a longer sentence (each its own),
    # as do reports 30 and 40 with u and v, two clauses found nowhere else
    for t, d in enumerate((10, 20)):
        docs[d] += "\n" + frame[t] + "，" + x + "，" + y + "，" + frame[2 + t] + "。"
    for t, d in enumerate((30, 40)):
        docs[d] += "\n" + frame[4 + t] + "，" + u + "，" + v + "，" + frame[6 + t] + "。"
    return [Document(id=f"d{i:03d}", text=t, title=f"d{i:03d}") for i, t in enumerate(docs)]


def test_junction_rates_count_boundaries_per_report(stock_corpus):
    log_j = junction_rates([d.text for d in stock_corpus])
    # one over the boundaries per report: about ten clause boundaries and a few sentence
    # ends in 300 characters of a real report; hardly any line breaks (never above 1)
    assert log_j[0] == 0.0
    assert -4.0 < log_j[1] < log_j[2] < -0.5
    assert -0.5 < log_j[3] <= 0.0


def test_two_stock_clauses_side_by_side_are_chance(stock_corpus):
    report = find_reuse(stock_corpus, n_jobs=1, progress=False)
    # rare clauses side by side: a copy
    assert len(_pair_matches(report, "d030", "d040")) == 1
    # common clauses side by side: what 860 reports produce by chance
    assert _pair_matches(report, "d010", "d020") == []
    # the character chain alone (the previous model) calls it a copy: its junction is
    # in no other report
    old = find_reuse(stock_corpus, n_jobs=1, progress=False, clause_junctions=False)
    assert len(_pair_matches(old, "d010", "d020")) == 1
    # rare clauses gain nothing from a cut: the rare pair stays a copy under a second
    # test ten thousand times stricter than the default
    strict = find_reuse(stock_corpus, n_jobs=1, progress=False, chance=ChanceParams(recombined_alpha=1e-3))
    assert len(_pair_matches(strict, "d030", "d040")) == 1


@pytest.fixture(scope="module")
def heading_corpus():
    paras = _paragraphs(120, 300)
    body = paras[50]
    others = paras[60:72]
    a = f"{others[0]}\n一、加强组织建设\n{others[1]}\n{body}\n二、加强队伍建设\n{others[2]}"
    b = f"{others[3]}\n\n（一）完善工作机制\n\n现将一年来的工作情况总结如下：{body}\n\n（二）推进作风建设\n\n{others[4]}"
    docs = [Document(id="a", text=a, title="a"), Document(id="b", text=b, title="b")]
    docs += [Document(id=f"o{i}", text=others[5 + i], title=f"o{i}") for i in range(6)]
    return docs, body


def test_copied_paragraph_without_next_heading_or_framing_clause(heading_corpus):
    docs, body = heading_corpus
    report = find_reuse(docs, n_jobs=1, progress=False)
    (m,) = _pair_matches(report, "a", "b")
    ta, tb = docs[0].text, docs[1].text
    assert ta[m.start_a : m.end_a] == body
    assert tb[m.start_b : m.end_b] == body


def test_trim_fragments_on_real_spans():
    t = "推进基层建设。加强基层组织建设，提高服务能力。\n\n（二）加强"
    s, e = _trim_fragments(t, 4, len(t), 8)
    assert t[s:e] == "加强基层组织建设，提高服务能力。"
    # a span at a sentence start keeps its start
    assert _trim_fragments(t, 7, len(t), 8)[0] == 7
    # a sentence of more than four characters before the first sentence end stays
    t2 = "着力加强自身建设。吸收思想政治素质高的离退休干部。"
    assert _trim_fragments(t2, 0, len(t2), 8) == (0, len(t2))
    # an introductory clause ending in a colon goes, up to twice the limit
    t3 = "现将一年来的工作情况总结如下：加强基层组织建设，提高服务能力。"
    s, e = _trim_fragments(t3, 5, len(t3), 8)
    assert t3[s:e] == "加强基层组织建设，提高服务能力。"
    assert _trim_fragments(t3, 5, len(t3), 0) == (5, len(t3))
