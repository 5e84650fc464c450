"""HTML rendering: escaping, marks that slice back to the text, the corpus report, and the
report opened in headless Chromium."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SEED

import summarykit
from summarykit.corpus import Corpus
from summarykit.model import Anomaly, Document, Entity, Removal, Section, check_offsets
from summarykit.report import corpus_html, document_html, report_html, residue_spans

EVIL = '<script>alert("1")</script>'
SPAN_KIND = re.compile(r'<span class="sk-(?:cat|rm|an|tag)[^"]*"[^>]*>[^<]*</span>')


def _section(
    text: str, marker: str, heading: str, end: int, *, category: str | None = None
) -> Section:
    m = text.index(marker)
    h = text.index(heading, m)
    return Section(
        level=1,
        marker=marker,
        scheme="cn_dun",
        number=1,
        marker_start=m,
        marker_end=m + len(marker),
        heading=heading,
        heading_start=h,
        heading_end=h + len(heading),
        start=m,
        end=end,
        category=category,
        category_scores={category: 0.8} if category else None,
    )


def _entity(text: str, label: str, span: str, **kw) -> Entity:  # type: ignore[no-untyped-def]
    i = text.index(span)
    return Entity(label=label, text=span, start=i, end=i + len(span), **kw)


@pytest.fixture(scope="module")
def evil_doc() -> Document:
    text = f"一、加强{EVIL}建设\n今年召开会议5次，参加150余人。20xx年XX镇。\n二、存在不足\n创新不够{EVIL}。"
    second = text.index("二、")
    doc = Document(
        id=f"evil/{EVIL}",
        title=f"标题{EVIL}",
        text=text,
        sections=(
            _section(text, "一、", f"加强{EVIL}建设", second, category="organization"),
            _section(text, "二、", "存在不足", len(text), category=f"cat{EVIL}"),
        ),
        entities=(
            _entity(text, "COUNT", "150余人", value=150, unit="人", approx=True),
            _entity(text, "ORG", f"创新不够{EVIL}"),
        ),
        removed=(Removal(source_start=4, text=f"水印{EVIL}", reason=f"watermark{EVIL}"),),
        anomalies=(Anomaly(kind="numbering_gap", start=second, detail=f"gap {EVIL}"),),
    )
    assert check_offsets(doc) == []
    return doc


def _visible_text(fragment: str) -> str:
    """The document text back out of the rendered body: drop inserted badges, strip tags."""
    body = fragment.split('<div class="sk-text', 1)[1].split(">", 1)[1]
    body = body.rsplit("</div></div>", 1)[0]
    body = SPAN_KIND.sub("", body)
    body = re.sub(r"<a id=[^>]*></a>", "", body)
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def test_document_html_escapes_every_piece_of_text(evil_doc):
    out = document_html(evil_doc)
    assert "<script" not in out
    assert "&lt;script&gt;" in out
    # the text, title, id, heading, category, entity, removal and anomaly all came through escaped
    assert out.count("&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt;") >= 8


def test_document_html_body_is_the_text_with_marks(evil_doc):
    out = document_html(evil_doc)
    assert _visible_text(out) == evil_doc.text
    assert out.count('class="sk-tag"') == len(evil_doc.entities)  # one label tag per entity
    assert 'title="COUNT · value=150 · unit=人 · approx"' in out
    assert "organization</span>" in out  # category badge
    assert out.count('class="sk-res"') == 2  # 20xx, XX
    assert "✂ watermark" in out and "⚠ numbering_gap" in out


def test_outline_lists_sections_with_category_and_anchor(evil_doc):
    out = document_html(evil_doc)
    outline = out.split('<div class="sk-outline">', 1)[1].split('<div class="sk-text', 1)[0]
    assert outline.count('class="sk-ol"') == 2
    assert "存在不足" in outline and "organization" in outline
    anchors = re.findall(r'href="#([^"]+)"', outline)
    assert all(f'id="{a}"' in out for a in anchors)


RESIDUE_TEXT = "20xx年，__镇某某村召开会议，XX同志发言，第x届。2023年正常。"


def test_residue_comes_from_the_reuse_stage_detector():
    doc = Document(id="d", text=RESIDUE_TEXT)
    assert [doc.text[s:e] for s, e, _ in residue_spans(doc)] == [
        "20xx年",
        "__镇",
        "某某",
        "XX",
        "x届",
    ]
    out = document_html(doc)
    assert out.count('class="sk-res"') == 5 and "2023年正常" in out


def test_residue_fallback_when_the_reuse_stage_is_missing(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "summarykit.reuse.residue", None)  # import fails
    doc = Document(id="d", text=RESIDUE_TEXT)
    assert [doc.text[s:e] for s, e, _ in residue_spans(doc)] == ["20xx", "__", "某某", "XX", "x"]
    with_entity = Document(
        id="d", text=doc.text, entities=(Entity("DATE", "20xx年", 0, 5, placeholder=True),)
    )
    assert [(s, e) for s, e, _ in residue_spans(with_entity)] == [(0, 5)]


def test_real_document_renders_every_entity_and_heading(seed_parsed):
    doc = seed_parsed["000_13ecb70c73c97d6a/篇2"]
    assert doc.sections and doc.entities
    out = doc._repr_html_()
    assert _visible_text(out) == doc.text
    assert out.count('class="sk-tag"') == len(doc.entities)
    for s in doc.sections:
        assert html.escape(s.heading[:20]) in out


def test_corpus_html_has_a_row_per_document(seed_parsed, evil_doc):
    out = seed_parsed._repr_html_()
    assert out.count("<tr>") == len(seed_parsed) + 1
    assert "篇14" in out
    short = corpus_html(Corpus(seed_parsed.documents + (evil_doc,)), max_rows=5)
    assert "… 10 more documents" in short
    assert "<script" not in corpus_html(Corpus((evil_doc,)))


def test_report_html_without_reuse_says_so(evil_doc):
    out = report_html(
        Corpus((evil_doc,)), reuse_note="reuse detection is not available in this install"
    )
    assert out.startswith("<!DOCTYPE html>")
    assert "<script" not in out
    assert "reuse detection is not available in this install" in out


@pytest.fixture(scope="module")
def seed_parsed() -> Corpus:
    return summarykit.load(SEED, stages=("segment", "entities"))


# ---------------------------------------------------------------------------------------------
# The report in a real browser
# ---------------------------------------------------------------------------------------------
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def screenshot(page: Path, png: Path, profile: Path, *, size: str = "1280,1600") -> None:
    """Headless Chromium screenshot of a local HTML file (no network, no first-run noise)."""
    assert CHROMIUM
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            f"--window-size={size}",
            page.resolve().as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


def colours(png: Path) -> int:
    from PIL import Image

    with Image.open(png) as im:
        return len(im.convert("RGB").getcolors(maxcolors=1 << 20) or [])


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (.ci/run installs it)")
def test_report_opens_in_headless_chromium(tmp_path, seed_parsed):
    from summarykit.analyze import analyze

    result = analyze(seed_parsed, out=tmp_path / "out")
    png = tmp_path / "report.png"
    screenshot(result.files["report"], png, tmp_path / "profile")
    from PIL import Image

    with Image.open(png) as im:
        assert im.size == (1280, 1600)
    assert colours(png) > 200  # text, table rules, category bars: not a blank page
    keep = Path(__file__).resolve().parent.parent / "out" / "screenshots"
    keep.mkdir(parents=True, exist_ok=True)
    shutil.copy(png, keep / "report.png")


def _has_cjk_font() -> bool:
    fc = shutil.which("fc-list")
    if not fc:
        return False
    out = subprocess.run([fc, ":lang=zh"], capture_output=True, text=True, check=False).stdout
    return bool(out.strip())


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (.ci/run installs it)")
@pytest.mark.skipif(
    not _has_cjk_font(), reason="no CJK font installed (.ci/run installs fonts-noto-cjk)"
)
def test_chinese_renders_in_chromium_not_as_tofu(tmp_path):
    """Two pages that differ only in which Chinese characters they show (same count, same
    layout) give different pixels: real glyphs, not identical tofu boxes."""
    pngs = []
    for i, text in enumerate(("社区妇联工作总结", "巾帼文明岗荣誉称")):
        page = tmp_path / f"p{i}.html"
        doc = Document(id="d", title=text, text=text * 20)
        page.write_text(
            "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
            f"{document_html(doc)}</body></html>",
            encoding="utf-8",
        )
        png = tmp_path / f"p{i}.png"
        screenshot(page, png, tmp_path / f"profile{i}", size="600,300")
        pngs.append(png)
    from PIL import Image, ImageChops

    with Image.open(pngs[0]) as a, Image.open(pngs[1]) as b:
        assert ImageChops.difference(a.convert("L"), b.convert("L")).getbbox() is not None


def test_report_details_are_capped_for_huge_corpora(seed_parsed):
    out = report_html(seed_parsed, max_documents=3)
    assert out.count("<details id='doc") == 3
    assert "11 more documents" in out
    assert out.count("<tr><td><a href='#doc") == len(seed_parsed)  # the table still lists all
