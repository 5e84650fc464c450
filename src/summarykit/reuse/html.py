"""The auditor's HTML report for a ``ReuseReport``: one self-contained page.

- a sortable table of documents (copy ratio, largest single source, boilerplate, spin score,
  residue; click a column head to sort);
- a side-by-side view per document pair. Each copied passage has its own colour, the same on both
  sides. Spinner substitutions are boxed in red, template phrases are struck through in grey,
  spinner collocations get a wavy underline, and placeholders / site text are outlined. A ✂ marks
  where ingest deleted a watermark or site text;
- the template phrases (boilerplate, not copies) in their own table, and the single-document
  evidence (spin collocations, residue) per document.

Reports are untrusted input: **every** piece of document text, title, id and phrase goes through
``html.escape``. Element ids are generated, never taken from the data. The page loads nothing
from outside. A Content-Security-Policy allows only its own inline script (pinned by hash), so
even a tag that slipped through escaping could not run.

``render_report(report, corpus)`` accepts a ``ReuseReport`` or its ``to_dict()`` JSON shape.
The texts come from ``corpus`` (a ``Corpus``, Documents, or a mapping id → text), or from
``report.corpus``.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any

PALETTE = (
    ("#ffe08a", "#c99a00"),
    ("#a8e6ff", "#1f8fbf"),
    ("#c7f5a6", "#4c9a1a"),
    ("#ffc2e2", "#c23b82"),
    ("#d9c8ff", "#6f45d1"),
    ("#ffd0a8", "#d46b08"),
    ("#b4f0e0", "#139b7a"),
    ("#f5c6c6", "#b53030"),
    ("#e3e8a0", "#8a9000"),
    ("#c8d8ff", "#3a5fcf"),
)

_CSS = """
body{font-family:"Noto Sans CJK SC","Noto Serif CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;
margin:16px 24px;color:#1d232b;background:#fafbfc;font-size:14px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #2b5f9e;padding-bottom:3px}
h3{font-size:15px;margin:18px 0 6px}.muted{color:#67707a}.small{font-size:12px}
table{border-collapse:collapse;background:#fff}th,td{border:1px solid #d5dae0;padding:3px 7px;text-align:left;vertical-align:top}
th{background:#2b5f9e;color:#fff;font-weight:600}table.sortable th{cursor:pointer;user-select:none}
table.sortable th:after{content:" \\2195";opacity:.5}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr:nth-child(even) td{background:#f4f6f9}
.bar{display:inline-block;height:9px;background:#d9463b;vertical-align:middle;margin-right:5px}
.bar.b{background:#8a949e}
.legend span{margin-right:14px}
.pair{background:#fff;border:1px solid #d5dae0;padding:8px 10px;margin:10px 0 22px}
.panes{display:flex;gap:14px}.pane{flex:1 1 50%;min-width:0}
.pane .txt{position:relative;white-space:pre-wrap;line-height:1.75;border:1px solid #e3e7eb;padding:8px;max-height:620px;overflow:auto;background:#fff}
.pane h4{margin:2px 0 6px;font-size:14px}
.sub{outline:2px solid #d0021b;outline-offset:-1px;font-weight:700;color:#8b0000}
.tmpl{color:#7b848d;text-decoration:line-through;text-decoration-color:#9aa3ac;background:#eef0f2}
.spin{text-decoration:underline wavy #d0021b;text-underline-offset:3px}
.res{outline:2px dashed #e07b00;outline-offset:-1px;background:#fff1dc}
.rm{color:#e07b00;font-weight:700;border:1px dashed #e07b00;padding:0 2px;margin:0 1px;font-size:12px}
.mlist{font-size:12px;margin:6px 0 0;padding-left:18px}
.kind{display:inline-block;padding:0 5px;border-radius:3px;font-size:12px;color:#fff}
.k-verbatim{background:#2b5f9e}.k-near{background:#6a7b2a}.k-spun{background:#c23b1b}
details{margin:6px 0}pre{white-space:pre-wrap;font-size:12px;background:#fff;border:1px solid #e3e7eb;padding:6px}
"""

# Sorting without inline handlers (the CSP below forbids them): numbers sort by data-v.
_JS = """
(function(){
  document.querySelectorAll('table.sortable').forEach(function(table){
    var heads = table.querySelectorAll('thead th');
    heads.forEach(function(th, col){
      th.addEventListener('click', function(){
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var asc = th.getAttribute('data-dir') !== 'asc';
        heads.forEach(function(h){ h.removeAttribute('data-dir'); });
        th.setAttribute('data-dir', asc ? 'asc' : 'desc');
        rows.sort(function(a, b){
          var x = a.cells[col], y = b.cells[col];
          var vx = x.getAttribute('data-v'), vy = y.getAttribute('data-v');
          var r;
          if (vx !== null && vy !== null) { r = parseFloat(vx) - parseFloat(vy); }
          else { r = x.textContent.localeCompare(y.textContent, 'zh'); }
          return asc ? r : -r;
        });
        rows.forEach(function(row){ body.appendChild(row); });
      });
    });
  });
  // each text pane opens at its first copied passage
  document.querySelectorAll('.pane .txt').forEach(function(box){
    var first = box.querySelector('[class*="m"][title*="passage"]');
    if (first) { box.scrollTop = Math.max(0, first.offsetTop - 60); }
  });
  document.documentElement.setAttribute('data-sortable', 'ready');
})();
""".strip()


def _csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{digest}'"


def _e(x: Any) -> str:
    """Escaped text of any value (``None`` → empty)."""
    return "" if x is None else escape(str(x), quote=True)


def _texts(report: Any, corpus: Any) -> dict[str, str]:
    src = corpus if corpus is not None else getattr(report, "corpus", None)
    if src is None:
        return {}
    if isinstance(src, Mapping):
        return {str(k): v if isinstance(v, str) else getattr(v, "text", "") for k, v in src.items()}
    if isinstance(src, Iterable):
        out = {}
        for d in src:
            if hasattr(d, "id") and hasattr(d, "text"):
                out[d.id] = d.text
            elif isinstance(d, tuple) and len(d) == 2:
                out[str(d[0])] = str(d[1])
        return out
    raise TypeError(
        f"corpus must be a Corpus, Documents, (id, text) pairs or a mapping, got {type(src).__name__}"
    )


def _as_dict(report: Any) -> dict[str, Any]:
    if isinstance(report, Mapping):
        data = dict(report)
    elif hasattr(report, "to_dict"):
        data = report.to_dict()
    else:
        raise TypeError(
            f"report must be a ReuseReport or its to_dict() mapping, got {type(report).__name__}"
        )
    for key in ("documents", "matches"):
        if key not in data:
            raise ValueError(f"report has no {key!r}: not a ReuseReport.to_dict() shape")
    return data


def _subs_text(subs: Sequence[Mapping[str, Any]]) -> str:
    return ", ".join(f"{s.get('from')}→{s.get('to')}×{s.get('count', 1)}" for s in subs)


def _find_all(text: str, needle: str, lo: int, hi: int, limit: int) -> list[int]:
    out, i = [], text.find(needle, lo, hi)
    while i >= 0 and len(out) < limit:
        out.append(i)
        i = text.find(needle, i + len(needle), hi)
    return out


def _annotated(
    text: str, spans: list[tuple[int, int, str, str]], points: list[tuple[int, str]]
) -> str:
    """``text`` as HTML with flat ``<span class>`` runs for the (possibly overlapping) ``spans``
    (start, end, css classes, title) and ``points`` (offset, html of a marker) inserted."""
    n = len(text)
    bounds = {0, n}
    for s, e, _c, _t in spans:
        bounds.add(max(0, min(n, s)))
        bounds.add(max(0, min(n, e)))
    for p, _h in points:
        bounds.add(max(0, min(n, p)))
    cuts = sorted(bounds)
    at: dict[int, list[str]] = {}
    for p, h in points:
        at.setdefault(max(0, min(n, p)), []).append(h)
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:] + [n]):
        out.extend(at.pop(a, []))
        if b <= a:
            continue
        classes, titles = [], []
        for s, e, c, t in spans:
            if s <= a and b <= e:
                classes.append(c)
                if t:
                    titles.append(t)
        chunk = _e(text[a:b])
        if classes:
            title = f' title="{_e(" · ".join(dict.fromkeys(titles)))}"' if titles else ""
            out.append(
                f'<span class="{_e(" ".join(dict.fromkeys(" ".join(classes).split())))}"{title}>{chunk}</span>'
            )
        else:
            out.append(chunk)
    for rest in at.values():
        out.extend(rest)
    return "".join(out)


def _pct(x: Any) -> str:
    return "" if x is None else f"{float(x):.1%}"


def _doc_spans(
    doc: Mapping[str, Any] | None, text: str, templates: Sequence[tuple[str, int]]
) -> tuple[list[tuple[int, int, str, str]], list[tuple[int, str]]]:
    """Template phrases, spin collocations and residue of one document as annotations."""
    spans: list[tuple[int, int, str, str]] = []
    points: list[tuple[int, str]] = []
    for phrase, count in templates:
        for i in _find_all(text, phrase, 0, len(text), 50):
            spans.append((i, i + len(phrase), "tmpl", f"template phrase · {count} documents"))
    if doc:
        for ev in doc.get("spin_evidence") or ():
            s, e = ev.get("start"), ev.get("end")
            if isinstance(s, int) and isinstance(e, int) and e > s:
                spans.append(
                    (s, e, "spin", f"spinner collocation: {ev.get('text')} → {ev.get('expected')}")
                )
        for r in doc.get("residue") or ():
            s, e = r.get("start"), r.get("end")
            if not isinstance(s, int):
                continue
            if isinstance(e, int) and e > s:
                spans.append((s, e, "res", f"{r.get('kind')}: {r.get('text')}"))
            else:
                title = _e(
                    f"removed by ingest ({r.get('reason') or r.get('kind')}): {r.get('text')}"
                )
                points.append((s, f'<span class="rm" title="{title}">✂</span>'))
    return spans, points


def render_report(
    report: Any,
    corpus: Any = None,
    *,
    max_pairs: int = 60,
    max_documents: int = 5000,
    max_templates: int = 200,
    title: str = "summarykit — reuse audit report",
) -> str:
    """The HTML page (a ``str``) for ``report``; see the module docstring."""
    data = _as_dict(report)
    texts = _texts(report, corpus)
    docs: list[dict[str, Any]] = list(data.get("documents") or [])
    matches: list[dict[str, Any]] = list(data.get("matches") or [])
    boiler: list[dict[str, Any]] = list(data.get("boilerplate") or [])
    params = data.get("params") or {}
    by_id = {d.get("id"): d for d in docs}
    ids = list(
        dict.fromkeys(
            [d.get("id") for d in docs] + [m.get(k) for m in matches for k in ("doc_a", "doc_b")]
        )
    )
    anchor = {doc_id: f"d{i}" for i, doc_id in enumerate(ids)}

    # pairs of documents, the most copied text first
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for m in matches:
        a, b = m.get("doc_a"), m.get("doc_b")
        key = (a, b) if (b, a) not in pairs else (b, a)
        if key != (a, b):  # orient like the pair's first match; substitutions keep their direction
            m = {**m, "doc_a": b, "doc_b": a, "start_a": m.get("start_b"), "end_a": m.get("end_b"),
                 "start_b": m.get("start_a"), "end_b": m.get("end_a"), "_flipped": True}  # fmt: skip
        pairs.setdefault(key, []).append(m)
    ranked = sorted(
        pairs.items(),
        key=lambda kv: (
            -sum((x.get("end_b") or 0) - (x.get("start_b") or 0) for x in kv[1]),
            str(kv[0]),
        ),
    )
    pair_anchor = {key: f"p{i}" for i, (key, _ms) in enumerate(ranked[:max_pairs])}
    pairs_of: dict[str, list[tuple[str, str]]] = {}
    for key in pair_anchor:
        for doc_id in key:
            pairs_of.setdefault(doc_id, []).append(key)
    templates = [
        (b.get("text"), int(b.get("doc_count") or 0))
        for b in sorted(boiler, key=lambda b: -len(b.get("text") or ""))[:max_templates]
        if b.get("text") and len(b.get("text")) >= 4
    ]

    h: list[str] = []
    h.append('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">')
    h.append(f'<meta http-equiv="Content-Security-Policy" content="{_e(_csp(_JS))}">')
    colours = "".join(
        f".m{i}{{background:{bg};box-shadow:inset 0 -2px 0 {bd}}}"
        for i, (bg, bd) in enumerate(PALETTE)
    )
    h.append(f"<title>{_e(title)}</title><style>{_CSS}{colours}</style></head><body>")
    h.append(f"<h1>{_e(title)}</h1>")
    n_sub = sum(1 for m in matches if m.get("kind") == "spun")
    h.append(
        f'<p class="muted">{len(docs)} documents · {len(matches)} copied passages '
        f"({n_sub} spun) · {len(pairs)} document pairs · {len(boiler)} template phrases. "
        "Percentages are shares of each document's characters. Click a column head to sort.</p>"
    )

    # -- documents table --------------------------------------------------------------------
    h.append("<h2>Documents by copy ratio</h2>")
    h.append('<table class="sortable" id="documents"><thead><tr><th>document</th><th>title</th>'
             "<th>copy ratio</th><th>largest source</th><th>from</th><th>boilerplate</th>"
             "<th>spin score</th><th>residue</th><th>pairs</th></tr></thead><tbody>")  # fmt: skip
    shown = sorted(docs, key=lambda d: (-(d.get("copy_ratio") or 0), str(d.get("id"))))[
        :max_documents
    ]
    for d in shown:
        doc_id = d.get("id")
        cr, mr, br = (
            d.get("copy_ratio") or 0,
            d.get("max_source_ratio") or 0,
            d.get("boilerplate_ratio") or 0,
        )
        spin = d.get("spin_score")
        links = " ".join(
            f'<a href="#{pair_anchor[k]}">{_e(k[1] if k[0] == doc_id else k[0])}</a>'
            for k in pairs_of.get(doc_id, [])
        )
        h.append(
            f'<tr id="{anchor[doc_id]}"><td>{_e(doc_id)}</td><td>{_e(d.get("title"))}</td>'
            f'<td class="num" data-v="{float(cr):.6f}"><span class="bar" style="width:{min(60, round(float(cr) * 120))}px"></span>{_pct(cr)}</td>'
            f'<td class="num" data-v="{float(mr):.6f}">{_pct(mr)}</td><td>{_e(d.get("max_source"))}</td>'
            f'<td class="num" data-v="{float(br):.6f}"><span class="bar b" style="width:{min(60, round(float(br) * 120))}px"></span>{_pct(br)}</td>'
            f'<td class="num" data-v="{-1 if spin is None else float(spin):.3f}">{"" if spin is None else f"{float(spin):.1f}"}</td>'
            f'<td class="num" data-v="{len(d.get("residue") or ())}">{len(d.get("residue") or ())}</td>'
            f"<td>{links}</td></tr>"
        )
    h.append("</tbody></table>")
    if len(docs) > len(shown):
        h.append(
            f'<p class="muted small">{len(docs) - len(shown)} more documents with lower copy ratios not shown.</p>'
        )

    # -- pair views ---------------------------------------------------------------------------
    h.append("<h2>Copied passages, side by side</h2>")
    legend_colours = "".join(
        f'<span style="background:{bg};border-bottom:2px solid {bd}">passage {i + 1}</span>'
        for i, (bg, bd) in enumerate(PALETTE[:3])
    )
    h.append(
        f'<p class="legend small">{legend_colours}'
        '<span class="sub">substitution</span><span class="tmpl">template phrase</span>'
        '<span class="spin">spinner collocation</span><span class="res">placeholder / site text</span>'
        '<span class="rm">✂</span> text removed by ingest (watermark, site text)</p>'
    )
    if not texts:
        h.append(
            '<p class="muted">Document texts were not given: passages are listed by offsets only.</p>'
        )
    for key, ms in ranked[:max_pairs]:
        a, b = key
        ms = sorted(ms, key=lambda m: (m.get("start_a") or 0, m.get("start_b") or 0))
        h.append(f'<div class="pair" id="{pair_anchor[key]}"><h3>{_e(a)} ↔ {_e(b)}</h3>')
        h.append('<ol class="mlist">')
        for k, m in enumerate(ms):
            bg, bd = PALETTE[k % len(PALETTE)]
            kind = str(m.get("kind"))
            subs = _subs_text(m.get("substitutions") or ())
            score = m.get("score")
            h.append(
                f'<li><span style="background:{bg};border-bottom:2px solid {bd}">passage {k + 1}</span> '
                f'<span class="kind k-{_e(kind)}">{_e(kind)}</span> '
                f"{_e(a)} [{_e(m.get('start_a'))}, {_e(m.get('end_a'))}) ↔ {_e(b)} [{_e(m.get('start_b'))}, {_e(m.get('end_b'))})"
                + (f" · copy in {_e(a)}" if m.get("_flipped") and m.get("kind") == "spun" else "")
                + (
                    f" · copy in {_e(b)}"
                    if not m.get("_flipped") and m.get("kind") == "spun"
                    else ""
                )
                + ("" if score is None else f" · score {float(score):.2f}")
                + (f" · substitutions: <b>{_e(subs)}</b>" if subs else "")
                + "</li>"
            )
        h.append("</ol>")
        if texts.get(a) is not None and texts.get(b) is not None:
            h.append('<div class="panes">')
            for side, doc_id in (("a", a), ("b", b)):
                text = texts[doc_id]
                spans, points = _doc_spans(by_id.get(doc_id), text, templates)
                for k, m in enumerate(ms):
                    s, e = m.get(f"start_{side}"), m.get(f"end_{side}")
                    if not (isinstance(s, int) and isinstance(e, int)):
                        continue
                    spans.append(
                        (s, e, f"m{k % len(PALETTE)}", f"passage {k + 1} ({m.get('kind')})")
                    )
                    for sub in m.get("substitutions") or ():
                        # "from" is in the match's doc_a; a flipped match has it on side b
                        word = (
                            sub.get("from")
                            if (side == "a") != bool(m.get("_flipped"))
                            else sub.get("to")
                        )
                        if word:
                            for i in _find_all(text, str(word), s, e, int(sub.get("count") or 1)):
                                spans.append(
                                    (
                                        i,
                                        i + len(word),
                                        "sub",
                                        f"substitution {sub.get('from')}→{sub.get('to')}",
                                    )
                                )
                title_d = by_id.get(doc_id, {}).get("title")
                h.append(
                    f'<div class="pane"><h4><a href="#{anchor[doc_id]}">{_e(doc_id)}</a> '
                    f'<span class="muted small">{_e(title_d)}</span></h4>'
                    f'<div class="txt">{_annotated(text, spans, points)}</div></div>'
                )
            h.append("</div>")
        h.append("</div>")
    if len(ranked) > max_pairs:
        h.append(
            f'<p class="muted small">{len(ranked) - max_pairs} more document pairs not shown.</p>'
        )

    # -- template phrases ---------------------------------------------------------------------
    h.append("<h2>Template phrases (boilerplate, not copies)</h2>")
    if boiler:
        h.append('<table class="sortable" id="templates"><thead><tr><th>phrase</th><th>documents</th>'
                 "<th>in</th></tr></thead><tbody>")  # fmt: skip
        for b in sorted(boiler, key=lambda b: (-(b.get("doc_count") or 0), str(b.get("text"))))[
            :max_templates
        ]:
            members = list(b.get("docs") or ())
            more = f" … (+{len(members) - 8})" if len(members) > 8 else ""
            h.append(
                f'<tr><td><span class="tmpl">{_e(b.get("text"))}</span></td>'
                f'<td class="num" data-v="{int(b.get("doc_count") or 0)}">{int(b.get("doc_count") or 0)}</td>'
                f'<td class="small">{_e(", ".join(map(str, members[:8])))}{_e(more)}</td></tr>'
            )
        h.append("</tbody></table>")
    else:
        h.append('<p class="muted">None found.</p>')

    # -- single-document evidence ------------------------------------------------------------
    h.append("<h2>Single-document evidence: spinner collocations and template residue</h2>")
    flagged = [d for d in docs if (d.get("spin_evidence") or d.get("residue"))]
    flagged.sort(
        key=lambda d: (-(d.get("spin_score") or 0), -len(d.get("residue") or ()), str(d.get("id")))
    )
    if not flagged:
        h.append('<p class="muted">None found.</p>')
    for d in flagged[:200]:
        doc_id = d.get("id")
        spin = d.get("spin_score")
        h.append(f'<details><summary><a href="#{anchor[doc_id]}">{_e(doc_id)}</a> '
                 f'{_e(d.get("title"))} — spin score {"–" if spin is None else f"{float(spin):.1f}"}, '
                 f'{len(d.get("spin_evidence") or ())} collocations, {len(d.get("residue") or ())} residue</summary>')  # fmt: skip
        ev = d.get("spin_evidence") or ()
        if ev:
            h.append(
                "<table><thead><tr><th>at</th><th>as written</th><th>idiomatic</th><th>rule</th></tr></thead><tbody>"
            )
            for x in ev:
                h.append(
                    f'<tr><td class="num">{_e(x.get("start"))}</td><td><span class="spin">{_e(x.get("text"))}</span></td>'
                    f'<td>{_e(x.get("expected"))}</td><td class="small">{_e(x.get("pattern"))}</td></tr>'
                )
            h.append("</tbody></table>")
        res = d.get("residue") or ()
        if res:
            h.append(
                "<table><thead><tr><th>at</th><th>kind</th><th>text</th><th>note</th></tr></thead><tbody>"
            )
            for r in res:
                removed = r.get("start") == r.get("end")
                note = (
                    f"removed by ingest ({r.get('reason')})" if removed else (r.get("reason") or "")
                )
                h.append(
                    f'<tr><td class="num">{_e(r.get("start"))}</td><td>{_e(r.get("kind"))}</td>'
                    f'<td><span class="res">{_e(r.get("text"))}</span></td><td class="small">{_e(note)}</td></tr>'
                )
            h.append("</tbody></table>")
        h.append("</details>")

    h.append("<h2>Parameters</h2><details><summary>parameters and seeds of this run</summary>")
    h.append(
        f"<pre>{_e(json.dumps(params, ensure_ascii=False, indent=1, default=str))}</pre></details>"
    )
    h.append(f"<script>{_JS}</script></body></html>")
    return "\n".join(h)


def render(report: Any, corpus: Any = None, **kwargs: Any) -> str:
    """Alias of ``render_report`` (what ``ReuseReport.to_html`` calls)."""
    return render_report(report, corpus, **kwargs)


__all__ = ["PALETTE", "render", "render_report"]
