"""Placeholders, watermarks and site text (summarykit.reuse.residue) on the seed and dev files."""

from __future__ import annotations

from pathlib import Path

import pytest

import summarykit
from summarykit.reuse.residue import Residue, find_residue

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seed_docs():
    """The 14 seed reports, ingest only (the stages are not needed here)."""
    return summarykit.load(ROOT / "corpora" / "seed", stages=(), progress=False)


@pytest.fixture(scope="module")
def dev():
    return {d.id: d for d in summarykit.load(ROOT / "corpora" / "dev", stages=(), progress=False)}


def _check_offsets(doc, residue):
    for r in residue:
        assert isinstance(r, Residue)
        if r.removed:
            # deleted by ingest: a position in the text, the text at its source offset
            assert r.kind in ("watermark", "site_text") and r.reason
            src = doc.source_text()
            assert src[r.source_start - doc.source_start :].startswith(r.text)
            assert doc.to_source_offset(r.start) >= r.source_start + len(r.text)
        else:
            assert doc.text[r.start : r.end] == r.text
            assert doc.to_source_offset(r.start) == r.source_start


def test_seed_placeholders_watermark_and_site_text(seed_docs):
    docs = {d.title.split()[-1]: d for d in seed_docs}
    res = {k: find_residue(d) for k, d in docs.items()}
    for k, d in docs.items():
        _check_offsets(d, res[k])
    p1 = [r.text for r in res["篇1"] if r.kind == "placeholder"]
    assert p1 == ["20xx年"]
    assert {"__镇", "____组", "__月", "__片"} <= {r.text for r in res["篇3"]}
    assert "20x年" in {r.text for r in res["篇5"]}
    assert {"20_年", "_乡", "_"} <= {r.text for r in res["篇8"]}
    assert "二零__年" in {r.text for r in res["篇10"]}
    assert {"xx周"} <= {r.text for r in res["篇11"]}
    (wm,) = [r for r in res["篇9"] if r.kind == "watermark"]
    assert (
        wm.text == "专业好文档为您倾心整理,谢谢使用"
        and wm.source_start == 10828
        and wm.start == wm.end
    )
    assert ("site_text", "一键复制全文保存为WORD") in {(r.kind, r.text) for r in res["篇14"]}
    assert sum(r.text.startswith("__") for r in res["篇13"]) >= 15
    # 篇6 is written out in full: no residue at all
    assert res["篇6"] == []


def test_dev_residue(dev):
    for d in dev.values():
        _check_offsets(d, find_residue(d))
    texts = lambda doc_id: {r.text for r in find_residue(dev[doc_id])}
    assert "某某" in texts("summary_fulian_11")
    assert "“”" in texts("summary_fulian_04")
    assert "**" in texts("summary_fulian_01")
    assert "202x年" in texts("gov_202x_anon_city_postdisaster")
    assert {"x镇", "x届"} <= texts("report_fulian_congress_01")
    assert "第1 页共 3页" in texts("summary_community_02")
    assert any(
        t.startswith("http://bx2200.com/") for t in texts("gov_2022_suzhou_wuzhong_fragments")
    )
    assert any("由会员分享" in t for t in texts("summary_govinfo_05"))
    assert "下面是小编给大家整理的" in texts("summary_community_04")
    # complete national reports carry none
    for doc_id in ("gov_2019_national", "gov_2023_national", "party_congress_20th_2022"):
        assert find_residue(dev[doc_id]) == [], doc_id


def test_plain_text_patterns_and_non_placeholders():
    r = find_residue("20__年，_村在XX区和××市，某某同志，***，“”，见www.example.com。")
    assert [(x.kind, x.text, x.reason) for x in r] == [
        ("placeholder", "20__年", "year"),
        ("placeholder", "_村", "blank"),
        ("placeholder", "XX区", "letters"),
        ("placeholder", "××市", "letters"),
        ("placeholder", "某某", "someone"),
        ("placeholder", "***", "mask"),
        ("placeholder", "“”", "empty_quotes"),
        ("site_text", "www.example.com", "url"),
    ]
    assert all(x.source_start is None for x in r)
    clean = "2023年全县X光检查覆盖率达95%，某些村开展了“三八”活动，增长6.5%，Windows系统升级。"
    assert find_residue(clean) == []
    with pytest.raises(TypeError):
        find_residue(42)  # type: ignore[arg-type]
    assert find_residue("20xx")[0].to_dict() == {
        "kind": "placeholder",
        "start": 0,
        "end": 4,
        "text": "20xx",
        "source_start": None,
        "reason": "year",
    }
