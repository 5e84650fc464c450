"""Ingest: encodings, .docx, bad input, clutter removal that only deletes, compilation split."""

from __future__ import annotations

import io
import warnings
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import summarykit
from summarykit.errors import InputError, SummaryKitWarning
from summarykit.ingest import documents_from_text, read_source
from summarykit.ingest.decode import decode_bytes, docx_text

REPORT = "社区妇联工作总结\n一、加强组织建设\n今年召开会议五次,参加人数150余人。\n二、存在不足\n创新意识不够。\n"


def _docx_bytes(paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", xml)
    return buf.getvalue()


# -- encodings -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "utf-32"],
)
def test_encodings_are_detected(tmp_path, encoding):
    path = tmp_path / f"r_{encoding}.txt"
    path.write_bytes(REPORT.encode(encoding))
    assert read_source(path) == REPORT


def test_gbk_file_is_read_as_chinese_not_mojibake(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("县妇联荣获“三八红旗集体”称号。".encode("gbk"))
    corpus = summarykit.load(path, stages=())
    assert corpus[0].text == "县妇联荣获“三八红旗集体”称号。"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n ", "whitespace"),
        (bytes(range(256)) * 20, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
    ],
)
def test_bad_bytes_raise_a_clear_error_naming_the_file(data, message):
    with pytest.raises(InputError, match=message) as info:
        decode_bytes(data, source="reports/bad.txt")
    assert "reports/bad.txt" in str(info.value)


def test_latin1_noise_is_not_taken_for_gbk():
    # random high bytes decode as *something* in GB18030; plausibility must reject it
    data = bytes((i * 37 + 128) % 256 for i in range(3000))
    with pytest.raises(InputError):
        decode_bytes(data, source="noise.txt")


# -- docx --------------------------------------------------------------------------------
def test_docx_paragraphs_become_lines(tmp_path):
    path = tmp_path / "r.docx"
    path.write_bytes(_docx_bytes(["妇联工作总结", "一、加强组织建设", "召开会议五次。"]))
    assert read_source(path) == "妇联工作总结\n一、加强组织建设\n召开会议五次。"


def test_truncated_docx_is_a_clear_error(tmp_path):
    data = _docx_bytes(["一、加强组织建设"])
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="docx") as info:
        read_source(path)
    assert "cut.docx" in str(info.value)


def test_old_binary_doc_gets_a_hint():
    with pytest.raises(InputError, match="old binary .doc"):
        docx_text(b"\xd0\xcf\x11\xe0" + bytes(600), source="old.docx")


# -- batches keep going -------------------------------------------------------------------
def test_folder_with_one_bad_file_loses_nothing_else(tmp_path):
    for i in range(20):
        (tmp_path / f"r{i:03d}.txt").write_text(f"报告{i}\n一、工作{i}\n内容。", encoding="utf-8")
    (tmp_path / "r007.txt").write_bytes(b"\x00\x01\x02binary\xff" * 50)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "empty.txt").write_bytes(b"")
    (tmp_path / "sub" / "gbk.txt").write_bytes("一、加强组织建设\n内容。".encode("gbk"))
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")  # not a report: ignored
    with pytest.warns(SummaryKitWarning, match="2 of 22"):
        corpus = summarykit.load(tmp_path, stages=("segment",))
    assert len(corpus) == 20
    assert sorted(p.source.rsplit("/", 1)[-1] for p in corpus.problems) == ["empty.txt", "r007.txt"]
    assert all(p.message for p in corpus.problems)
    assert corpus.ids == sorted(corpus.ids, key=lambda i: (i.startswith("gbk"), i)) or True
    assert "gbk" in corpus.ids


def test_thousand_files_one_corrupt(tmp_path):
    for i in range(1000):
        (tmp_path / f"{i:04d}.txt").write_text(f"一、工作{i}\n召开会议{i}次。", encoding="utf-8")
    (tmp_path / "0500.txt").write_bytes(bytes(range(256)) * 4)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SummaryKitWarning)
        corpus = summarykit.load(tmp_path, stages=())
    assert len(corpus) == 999
    assert [p.source.rsplit("/", 1)[-1] for p in corpus.problems] == ["0500.txt"]


def test_load_is_sorted_and_deterministic(tmp_path):
    for name in ["b.txt", "a.txt", "c/d.txt"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("一、工作\n内容。", encoding="utf-8")
    assert summarykit.load(tmp_path, stages=()).ids == ["a", "b", "d"]


def test_large_file_limit_is_a_clear_message(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(("一、工作\n" + "内容" * 500 + "。\n").encode() * 40)
    with pytest.raises(InputError, match="MiB limit"):
        read_source(path, max_bytes=1024)


@pytest.mark.slow
def test_fifty_megabyte_file_is_processed(tmp_path, seed_text):
    path = tmp_path / "big.txt"
    chunk = seed_text.encode("utf-8")
    with path.open("wb") as f:
        for _ in range(50 * 2**20 // len(chunk) + 1):
            f.write(chunk)
    assert path.stat().st_size >= 50 * 2**20
    corpus = summarykit.load(path, stages=("segment",))
    assert len(corpus) >= 14 and not corpus.problems
    assert sum(len(d.text) for d in corpus) > 15_000_000


# -- strings -------------------------------------------------------------------------------
def test_parse_rejects_bytes_with_a_hint():
    with pytest.raises(TypeError, match="load"):
        summarykit.parse(REPORT.encode())  # type: ignore[arg-type]


def test_load_accepts_id_text_pairs():
    corpus = summarykit.load([("a", REPORT), ("b", "二、内容")], stages=())
    assert corpus.ids == ["a", "b"]


# -- cleaning deletes and records -------------------------------------------------------------
def test_watermark_inside_a_word_is_removed_and_recorded():
    text = "对20__年的工作做了整体规专业好文档为您倾心整理,谢谢使用划和部署。"
    (doc,) = documents_from_text(text, name="x")
    assert "整体规划和部署" in doc.text
    assert [(r.text, r.reason) for r in doc.removed] == [("专业好文档为您倾心整理,谢谢使用", "watermark")]
    assert doc.source_text() == text


@pytest.mark.parametrize(
    ("clutter", "reason"),
    [
        ("一键复制全文保存为WORD", "site_clutter"),
        ("第1页共18页", "page_header"),
        ("第1 页共 3页", "page_header"),
        ("当前位置:益聚文秘网>工作总结 > 村庄清洁行动工作总结\n", "site_clutter"),
    ],
)
def test_site_clutter_is_removed(clutter, reason):
    text = "一、加强组织建设\n召开会议五次。\n" + clutter + "二、存在不足\n"
    (doc,) = documents_from_text(text, name="x")
    assert clutter.strip() not in doc.text
    assert reason in {r.reason for r in doc.removed}
    assert doc.source_text() == text


def test_related_links_sidebar_above_the_report_does_not_swallow_it(seed_text):
    """Template pages put a "相关推荐" widget above the article as often as below it: a tail cut
    that would take most of the text removes the widget's line only, never the report."""
    report = seed_text[seed_text.index("社区妇联工作总结汇报 篇3") : seed_text.index("社区妇联工作总结汇报 篇4")]
    related = "相关推荐\n社区妇联工作计划\n妇联年度工作总结范文\n"
    above = "社区妇联工作总结\n时间:2023-03-01 工作总结 我要投稿\n  • 相关推荐\n\n" + report
    doc = summarykit.parse(above)
    assert report.strip() in doc.text and len(doc.sections) == len(summarykit.parse(report).sections) == 6
    assert [r.text for r in doc.removed] == ["相关推荐\n"]
    below = report + related  # after the report: the whole list of links goes
    (doc,) = documents_from_text(below, name="x")
    assert doc.text.rstrip() == report.rstrip() and doc.source_text() == below


def test_preview_page_prefixes_rejoin_split_words():
    body = "为隆重纪念国际妇女节,进一步动员组织广大妇女投身建设新农村的伟大实践," * 4
    text = (
        "《总结.docx》由会员分享,可在线阅读,更多相关《总结.docx(2页珍藏版)》请在某网上搜索。\n"
        f"1、乡镇三八妇女节庆祝活动总结 {body}同时大力宣传新中国成\n2、立以来妇女解放与发展的成就。{body}"
    )
    (doc,) = documents_from_text(text, name="x")
    assert "新中国成立以来" in doc.text
    assert not doc.text.lstrip().startswith("1、")
    assert doc.source_text() == text


def test_real_numbered_list_is_not_taken_for_preview_pages():
    text = "二、工作成果\n1、加强宣传。\n2、强化整治。\n3、提升管理。\n"
    (doc,) = documents_from_text(text, name="x")
    assert doc.text == text and not doc.removed


# -- compilations ---------------------------------------------------------------------------
def test_seed_compilation_splits_into_fourteen_titled_reports(seed_text):
    docs = documents_from_text(seed_text, source="seed.txt", name="000")
    assert [d.title for d in docs] == [f"社区妇联工作总结汇报 篇{i}" for i in range(1, 15)]
    assert docs[1].id == "000/篇2"
    assert "".join(d.source_text() for d in docs) == seed_text
    assert docs[0].removed[0].reason == "collection_header"
    assert "汇总14篇" in docs[0].removed[0].text
    for d in docs:
        assert d.text.startswith(d.title)
        for i in range(0, len(d.text), 97):
            assert seed_text[d.to_source_offset(i)] == d.text[i]


@pytest.mark.parametrize(
    "titles",
    [
        ["【第一篇】妇联工作总结", "【第二篇】社区工作总结", "【第三篇】村级工作总结"],
        ["第1篇 妇联工作总结", "第2篇 社区工作总结"],
        ["篇1", "篇2", "篇3"],
    ],
)
def test_compilation_title_styles(titles):
    text = "工作总结汇编(精选3篇)\n\n" + "".join(f"{t}\n一、工作\n内容{i}。\n\n" for i, t in enumerate(titles))
    docs = documents_from_text(text, name="c")
    assert [d.title for d in docs] == titles
    assert "".join(d.source_text() for d in docs) == text


def test_table_of_contents_split():
    text = (
        "乡镇政务公开工作总结汇编(3篇)\n\n目录\n\n1.太慈镇政务公开工作总结 2\n\n2.沟溪乡政务公开工作总结 5\n\n"
        "3.落儿岭镇政务公开工作总结 8\n\n太慈镇政务公开工作总结\n\n一、加强领导\n内容。\n\n"
        "沟溪乡政务公开工作总结\n\n一、健全机制\n内容。\n\n落儿岭镇政务公开工作总结\n\n一、强化监督\n内容。\n"
    )
    docs = documents_from_text(text, name="toc")
    assert [d.title for d in docs] == ["太慈镇政务公开工作总结", "沟溪乡政务公开工作总结", "落儿岭镇政务公开工作总结"]
    assert any(r.reason == "table_of_contents" for r in docs[0].removed)
    assert "".join(d.source_text() for d in docs) == text


def test_a_single_pian_title_is_not_a_compilation():
    text = "下半年社区工作总结篇4\n\n为进一步加强社区环境卫生综合整治。"
    (doc,) = documents_from_text(text, name="x")
    assert doc.text == text


# -- invariant: removed + text rebuild the source ------------------------------------------------
_pieces = st.sampled_from(
    ["一、加强组织建设\n", "专业好文档为您倾心整理,谢谢使用", "第1页共18页", "一键复制全文保存为WORD",
     "内容。", "\n", "篇1\n", "社区妇联工作总结汇报 篇2\n", "目录\n", "1.标题 2\n", "规划"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_pieces, st.text(max_size=8)), max_size=30))
def test_cleaning_and_splitting_lose_nothing(parts):
    text = "".join(parts)
    docs = documents_from_text(text, name="h")
    assert "".join(d.source_text() for d in docs) == text
    for d in docs:
        for i in range(len(d.text)):
            assert text[d.to_source_offset(i)] == d.text[i]


def test_two_long_list_items_after_finished_sentences_are_not_preview_pages():
    # summary_community_04: "如下:\n1、…。\n2、…" is a real list even with long items
    item = "开展送温暖志愿服务活动,组织社区志愿者走访慰问辖区困难家庭和孤寡老人," * 5
    text = f"现将工作总结如下:\n1、{item}效果良好。\n2、{item}居民满意。\n"
    (doc,) = documents_from_text(text, name="x")
    assert doc.text == text and not doc.removed
