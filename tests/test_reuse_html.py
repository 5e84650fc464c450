"""The auditor's HTML report (summarykit.reuse.html): escaping, structure, and a real render."""

from __future__ import annotations

import base64
import hashlib
import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import summarykit
from summarykit.reuse.html import _JS, PALETTE, render_report

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
EVIL = "<script>alert(1)</script>"

COPIED = (
    "我们坚持以人民为中心，扎实推进平安家庭创建活动，积极组织妇女参与各项工作。"
    + EVIL
    + "全年共开展活动十二次。"
)


def _evil_report():
    """A to_dict()-shaped report whose every text field carries markup."""
    a = "第一份<b>报告</b>\n" + COPIED + "其余内容各不相同。"
    b = "第二份报告\n前言不同。" + COPIED.replace("积极", "用心") + "结尾。"
    sa, sb = a.index(COPIED), b.index("我们坚持")
    report = {
        "documents": [
            {
                "id": "A<i>",
                "title": "标题<img src=x onerror=alert(2)>",
                "copy_ratio": 0.5,
                "max_source_ratio": 0.5,
                "max_source": "B\"'&",
                "boilerplate_ratio": 0.1,
                "spin_score": 3.0,
                "spin_evidence": [],
                "residue": [
                    {
                        "kind": "site_text",
                        "start": 2,
                        "end": 2,
                        "text": "<iframe>水印</iframe>",
                        "reason": "watermark",
                    }
                ],
            },
            {
                "id": "B\"'&",
                "title": EVIL,
                "copy_ratio": 0.6,
                "max_source_ratio": 0.6,
                "max_source": "A<i>",
                "boilerplate_ratio": 0.0,
                "spin_score": 12.5,
                "spin_evidence": [
                    {
                        "start": sb + 24,
                        "end": sb + 28,
                        "text": "用心组织",
                        "expected": "积极组织",
                        "pattern": "积极→用心 R:<组织>",
                    }
                ],
                "residue": [
                    {"kind": "placeholder", "start": 0, "end": 2, "text": "第二", "reason": "<x>"}
                ],
            },
        ],
        "matches": [
            {
                "doc_a": "A<i>",
                "start_a": sa,
                "end_a": sa + len(COPIED),
                "doc_b": "B\"'&",
                "start_b": sb,
                "end_b": sb + len(COPIED),
                "kind": "spun",
                "score": 0.9,
                "substitutions": [{"from": "积极", "to": "用心", "count": 1}],
            }
        ],
        "boilerplate": [
            {"text": "<b>坚持以人民为中心</b>", "doc_count": 9, "docs": ["A<i>", EVIL]}
        ],
        "params": {"note": EVIL},
    }
    return report, {"A<i>": a, "B\"'&": b}


def test_every_text_is_escaped():
    report, texts = _evil_report()
    page = render_report(report, texts)
    assert (
        EVIL not in page and "<img" not in page and "<iframe" not in page and "<b>坚持" not in page
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert page.count("<script") == 1 and page.rstrip().endswith("</script></body></html>")
    # ids from the data never become element ids or hrefs
    assert 'id="A<i>' not in page and 'href="#A' not in page
    # the only script is pinned by its hash in the CSP
    digest = base64.b64encode(hashlib.sha256(_JS.encode()).digest()).decode()
    assert (
        f"script-src 'sha256-{digest}'" in html.unescape(page)
        and "default-src &#x27;none&#x27;" in page
    )
    # the passage is highlighted in the same colour on both sides, with the substitution marked
    assert len(re.findall(r'class="[^"]*\bm0\b', page)) >= 2
    assert re.search(
        r'<span class="[^"]*\bsub\b[^"]*" title="[^"]*积极→用心[^"]*">积极</span>', page
    )
    assert re.search(
        r'<span class="[^"]*\bsub\b[^"]*" title="[^"]*积极→用心[^"]*">用心</span>', page
    )
    assert 'class="rm"' in page  # removed watermark marker


def test_bad_inputs():
    with pytest.raises(TypeError):
        render_report(42)
    with pytest.raises(ValueError):
        render_report({"documents": []})
    page = render_report({"documents": [], "matches": []})
    assert "0 documents" in page


@pytest.fixture(scope="module")
def seed_report():
    from summarykit.reuse import find_reuse

    corpus = summarykit.load(ROOT / "corpora" / "seed", stages=(), progress=False)
    return find_reuse(corpus), corpus


def test_seed_report_structure(seed_report):
    report, corpus = seed_report
    page = render_report(report, corpus)
    assert report.to_html() == page == report._repr_html_()
    table = page[page.index('<table class="sortable" id="documents">') : page.index("</table>")]
    rows = re.findall(r'<tr id="d\d+"><td>([^<]*)</td>', table)
    assert len(rows) == 14 and rows[0].endswith("篇2")  # sorted by copy ratio, 篇2 first
    # the spun pair 篇6/篇2 is shown with its substitutions
    assert "积极→用心×2" in page and "能力→潜力×1" in page
    assert ">用心</span>" in page and ">潜力</span>" in page
    assert "Template phrases (boilerplate, not copies)" in page
    assert "专业好文档为您倾心整理" in page  # 篇9's removed watermark listed as residue


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (Debian package: chromium)")
def test_renders_in_headless_chromium(seed_report, tmp_path):
    Image = pytest.importorskip("PIL.Image")  # Pillow comes with matplotlib in the dev extras

    report, corpus = seed_report
    html_file = tmp_path / "report.html"
    html_file.write_text(render_report(report, corpus), encoding="utf-8")
    png = tmp_path / "report.png"
    cmd = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}", "--window-size=1280,2600",
        html_file.as_uri(),
    ]  # fmt: skip
    subprocess.run(cmd, capture_output=True, timeout=120, check=False)
    assert png.exists() and png.stat().st_size > 20_000
    img = Image.open(png).convert("RGB")
    colours = img.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 50  # text, table, bars, highlights: not a blank page
    present = {c for _n, c in colours}
    hexes = {"#{:02x}{:02x}{:02x}".format(*c) for c in present}
    assert PALETTE[0][0] in hexes  # passage 1's highlight colour is on screen
    assert "#2b5f9e" in hexes  # table header colour
    # the page's own script runs under its Content-Security-Policy (pinned by hash); a script
    # that slipped into the page would not
    evil = html_file.read_text(encoding="utf-8").replace(
        "</body>", '<script>document.documentElement.setAttribute("data-evil", "1")</script></body>'
    )
    evil_file = tmp_path / "evil.html"
    evil_file.write_text(evil, encoding="utf-8")
    dump = [c for c in cmd[:-1] if not c.startswith(("--screenshot", "--window-size"))]
    dom = subprocess.run(
        [*dump, "--dump-dom", evil_file.as_uri()],
        capture_output=True,
        timeout=120,
        text=True,
        check=False,
    ).stdout
    assert 'data-sortable="ready"' in dom and "data-evil" not in dom.split("<head>")[0]


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (Debian package: chromium)")
def test_sorting_script_sorts(seed_report, tmp_path):
    report, corpus = seed_report
    page = render_report(report, corpus)
    table = page[page.index('<table class="sortable" id="documents">') : page.index("</table>") + 8]
    probe = (
        "document.querySelectorAll('#documents thead th')[2].click();"
        "document.body.setAttribute('data-order', Array.prototype.map.call("
        "document.querySelectorAll('#documents tbody tr'), function(r){return r.cells[2].getAttribute('data-v');}).join('|'));"
    )
    test_page = f"<!DOCTYPE html><html><body>{table}<script>{_JS}</script><script>{probe}</script></body></html>"
    f = tmp_path / "sort.html"
    f.write_text(test_page, encoding="utf-8")
    cmd = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", f.as_uri(),
    ]  # fmt: skip
    out = subprocess.run(cmd, capture_output=True, timeout=120, check=False, text=True).stdout
    m = re.search(r'data-order="([^"]*)"', out)
    assert m, out[:500]
    values = [float(v) for v in m.group(1).split("|")]
    assert (
        len(values) == 14 and values == sorted(values) and values[-1] > values[0]
    )  # first click: ascending
