"""HTML rendering: one document, a corpus, and the corpus report that ``analyze`` writes.

This module shows what the stages found; it computes nothing new. Every piece of document
text (titles, headings, entity text, removed text, ids) is HTML-escaped: reports are untrusted
input and the output is opened in a browser. Only the standard library is imported here, so
``Document._repr_html_`` stays cheap.

>>> from summarykit import parse
>>> html_text = document_html(parse("一、<b>组织</b>建设\\n召开会议5次。"))
>>> "<b>组织</b>" in html_text, "&lt;b&gt;组织&lt;/b&gt;" in html_text
(False, True)
"""

from __future__ import annotations

import bisect
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from .model import Document, Entity, Match, Section

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

# --------------------------------------------------------------------------------------------
# Colours (fixed, so a category has the same colour in every report and plot)
# --------------------------------------------------------------------------------------------
CATEGORY_COLORS: dict[str, str] = {
    "party_building": "#d62728",
    "organization": "#1f77b4",
    "publicity": "#17becf",
    "rights_law": "#9467bd",
    "family_civility": "#e377c2",
    "assistance": "#ff7f0e",
    "economy_skills": "#2ca02c",
    "culture_events": "#bcbd22",
    "health": "#8c564b",
    "environment": "#98df8a",
    "overview": "#7f7f7f",
    "shortcomings_plans": "#393b79",
    "other": "#c7c7c7",
}
"""Colour of each category of the default taxonomy (TAXONOMY.md); other labels get a stable
colour from ``category_color``."""

_EXTRA_COLORS = (
    "#aec7e8",
    "#ffbb78",
    "#ff9896",
    "#c5b0d5",
    "#c49c94",
    "#f7b6d2",
    "#dbdb8d",
    "#9edae5",
    "#637939",
    "#8c6d31",
    "#843c39",
    "#7b4173",
)

ENTITY_COLORS: dict[str, str] = {
    "ORG": "#cfe2ff",
    "HONOR": "#ffe08a",
    "COUNT": "#c8f0c8",
    "PERCENT": "#b9f2e6",
    "MONEY": "#f9d5a7",
    "DATE": "#e4d4f4",
    "PERSON": "#f8c8d8",
    "PLACE": "#d7ecc0",
    "LAW": "#d9d9d9",
}


def category_color(label: str | None) -> str:
    """The colour of a category label (stable across runs and processes)."""
    if not label:
        return "#eeeeee"
    if label in CATEGORY_COLORS:
        return CATEGORY_COLORS[label]
    h = int(hashlib.md5(label.encode("utf-8")).hexdigest()[:8], 16)
    return _EXTRA_COLORS[h % len(_EXTRA_COLORS)]


def _e(value: Any) -> str:
    """Escaped text of any value (``None`` → empty)."""
    return "" if value is None else escape(str(value), quote=True)


CSS = """
.sk{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","PingFang SC",
"Microsoft YaHei","SimHei",sans-serif;font-size:14px;line-height:1.55;color:#222}
.sk h1{font-size:22px;margin:.2em 0 .4em}.sk h2{font-size:18px;margin:1.2em 0 .4em;
border-bottom:2px solid #ddd;padding-bottom:.2em}.sk h3{font-size:15px;margin:.6em 0 .3em}
.sk-meta{color:#666;font-size:12px}
.sk-box{border:1px solid #ddd;border-radius:6px;padding:8px 12px;margin:6px 0;background:#fff}
.sk-outline{margin:4px 0 8px;font-size:13px}
.sk-ol{padding:1px 0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.sk-ol a{color:#222;text-decoration:none}.sk-ol a:hover{text-decoration:underline}
.sk-mk{color:#555;font-weight:600;margin-right:.25em}
.sk-cat{display:inline-block;border-radius:3px;padding:0 5px;margin:0 4px;font-size:11px;
color:#fff;vertical-align:1px;white-space:nowrap}
.sk-cat.sk-light{color:#222}
.sk-text{white-space:pre-wrap;max-height:520px;overflow:auto;border-top:1px solid #eee;
padding-top:6px;font-size:14px}
.sk-text.sk-full{max-height:none}
.sk-h{font-weight:700;border-bottom:2px solid var(--c,#888)}
.sk-ent{border-radius:3px;padding:0 1px}
.sk-tag{font-size:9px;font-weight:700;color:#555;margin:0 2px 0 1px;vertical-align:1px}
.sk-res{background:repeating-linear-gradient(45deg,#ffd6d6,#ffd6d6 3px,#fff0f0 3px,#fff0f0 6px);
outline:1px dashed #d00;color:#a00}
.sk-spin{text-decoration:underline wavy #7b3294;text-decoration-thickness:1.5px;background:#f2e6f7}
.sk-cp{border-bottom:3px solid #e6550d;background:rgba(253,174,107,.25)}
.sk-rm,.sk-an{font-size:10px;border-radius:3px;padding:0 3px;margin:0 2px;white-space:nowrap}
.sk-rm{background:#fee;color:#a00;border:1px dashed #d66}
.sk-an{background:#fff3cd;color:#7a5a00;border:1px solid #e0c060}
.sk table{border-collapse:collapse;font-size:12.5px;margin:4px 0}
.sk th,.sk td{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
.sk th{background:#f4f4f4}.sk td.sk-num{text-align:right;font-variant-numeric:tabular-nums}
.sk-bar{display:flex;height:14px;width:360px;border:1px solid #ccc;background:#f8f8f8}
.sk-bar span{display:block;height:100%}
.sk-legend span{display:inline-block;margin:0 10px 2px 0;font-size:12px}
.sk-legend i{display:inline-block;width:11px;height:11px;margin-right:3px;vertical-align:-1px}
.sk-note{background:#f6f6f6;border-left:4px solid #aaa;padding:4px 8px;color:#444;font-size:13px}
.sk-pair td{width:50%;white-space:pre-wrap}
.sk details>summary{cursor:pointer;padding:3px 0}
"""

_RE_RESIDUE = re.compile(
    r"(?:19|20)\d?[xX×＊*_＿]{1,2}(?=\s*年)"  # 20xx年, 20__年, 202x年
    r"|[xX×＊*]{2,}"  # XX, ××, ***
    r"|[_＿]{2,}"  # __ blanks
    r"|某某"
    r"|(?<![A-Za-z])[xX](?=[镇村县市区乡街届])"  # x镇, 第x届
)
"""Template placeholders left in a report (20xx年, XX, __, 某某, x镇). A fallback for display
only, used when the reuse stage has not reported the document's residue itself."""


# --------------------------------------------------------------------------------------------
# One document
# --------------------------------------------------------------------------------------------
def _uid(doc: Document) -> str:
    return "sk" + hashlib.md5(doc.id.encode("utf-8")).hexdigest()[:8]


def _light(color: str) -> bool:
    c = color.lstrip("#")
    r, g, b = (int(c[i : i + 2], 16) for i in (0, 2, 4))
    return 0.299 * r + 0.587 * g + 0.114 * b > 160


def _cat_badge(section: Section) -> str:
    if not section.category:
        return ""
    color = category_color(section.category)
    score = (section.category_scores or {}).get(section.category)
    tip = f"{section.category} {score:.2f}" if isinstance(score, int | float) else section.category
    light = " sk-light" if _light(color) else ""
    return (
        f'<span class="sk-cat{light}" style="background:{color}" title="{_e(tip)}">'
        f"{_e(section.category)}</span>"
    )


def _entity_tip(e: Entity) -> str:
    parts = [e.label]
    if e.value is not None:
        parts.append(f"value={e.value}")
    if e.unit:
        parts.append(f"unit={e.unit}")
    if e.range:
        parts.append(f"range={e.range[0]}–{e.range[1]}")
    if e.approx:
        parts.append("approx")
    if e.placeholder:
        parts.append("placeholder")
    for name in ("year", "month", "day", "relative", "festival", "level", "awarded_by"):
        v = getattr(e, name)
        if v is not None:
            parts.append(f"{name}={v}")
    return " · ".join(str(p) for p in parts)


def residue_spans(doc: Document, reuse: Any = None) -> list[tuple[int, int, str]]:
    """Template residue in ``doc`` as ``(start, end, kind)``, for marking.

    From the reuse report's record of this document when one is given, else from the reuse
    stage's single-document detector (``summarykit.reuse.residue.find_residue``); placeholder
    entities are added. Only if the reuse stage is not installed does the ``_RE_RESIDUE``
    fallback mark placeholders. Text that ingest deleted is shown from ``doc.removed``.
    """
    spans: list[tuple[int, int, str]] = list(_reuse_residue(reuse, doc.id))
    detector = None
    if reuse is None:
        try:
            from .reuse.residue import find_residue as detector
        except ImportError:
            detector = None
    if detector is not None:
        for r in detector(doc):
            if r.end > r.start:
                spans.append((r.start, r.end, str(r.kind)))
    spans.extend((e.start, e.end, "placeholder") for e in doc.entities if e.placeholder)
    if not spans and reuse is None and detector is None:
        spans = [(m.start(), m.end(), "placeholder") for m in _RE_RESIDUE.finditer(doc.text)]
    return sorted(set(spans))


class _ReuseView:
    """A reuse report with per-document lookups by id (built once, for whole-corpus pages)."""

    def __init__(self, reuse: Any) -> None:
        self._reuse = reuse
        self._docs = {_get(d, "id"): d for d in getattr(reuse, "documents", ()) or ()}
        self._matches: dict[str, list[Match]] = defaultdict(list)
        for m in getattr(reuse, "matches", ()) or ():
            self._matches[m.doc_a].append(m)
            if m.doc_b != m.doc_a:
                self._matches[m.doc_b].append(m)

    def document(self, doc_id: str) -> Any:
        if doc_id in self._docs:
            return self._docs[doc_id]
        fn = getattr(self._reuse, "document", None)
        if callable(fn) and not self._docs:
            return fn(doc_id)
        raise KeyError(doc_id)

    def matches_of(self, doc_id: str) -> list[Match]:
        return self._matches.get(doc_id, [])

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reuse, name)


def _reuse_doc(reuse: Any, doc_id: str) -> Any:
    """The reuse report's per-document record (``ReuseReport.document(id)``), or ``None``."""
    fn = getattr(reuse, "document", None)
    if not callable(fn):
        return None
    try:
        return fn(doc_id)
    except (KeyError, LookupError):
        return None


def _get(record: Any, name: str, default: Any = None) -> Any:
    if isinstance(record, Mapping):
        return record.get(name, default)
    return getattr(record, name, default)


def _reuse_residue(reuse: Any, doc_id: str) -> list[tuple[int, int, str]]:
    """Residue spans the reuse report recorded for one document (offsets into its text)."""
    out = []
    for r in _get(_reuse_doc(reuse, doc_id), "residue", ()) or ():
        start, end = _get(r, "start"), _get(r, "end")
        kind = _get(r, "kind") or _get(r, "reason") or _get(r, "label") or "residue"
        if isinstance(start, int) and isinstance(end, int) and end > start:
            out.append((start, end, str(kind)))
    return out


def spin_spans(doc: Document, reuse: Any = None) -> list[tuple[int, int, str]]:
    """Spinner evidence in ``doc`` (unidiomatic substituted words) as ``(start, end, tip)``."""
    out = []
    for ev in _get(_reuse_doc(reuse, doc.id), "spin_evidence", ()) or ():
        start, end = _get(ev, "start"), _get(ev, "end")
        if not (isinstance(start, int) and isinstance(end, int) and end > start):
            continue
        expected = _get(ev, "expected")
        tip = f"spinner word {_get(ev, 'word') or doc.text[start:end]}" + (
            f" (a person writes {expected})" if expected else ""
        )
        out.append((start, end, tip))
    return _merge(out)


def reuse_documents_table(reuse: Any) -> Any:
    """The reuse report's per-document frame with a ``doc_id`` column (``None`` if it has none).

    ``ReuseReport.documents_frame()`` is indexed by document id; the corpus frames key on a
    ``doc_id`` column, so this puts the id there for joining and display.
    """
    fn = getattr(reuse, "documents_frame", None)
    if not callable(fn):
        return None
    frame = fn()
    if "doc_id" not in frame.columns:
        if frame.index.name in ("id", "doc_id"):
            frame = frame.rename_axis("doc_id").reset_index()
        elif "id" in frame.columns:
            frame = frame.rename(columns={"id": "doc_id"})
        else:
            return None
    return frame


def _merge(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping spans (overlaps merged, tooltips joined)."""
    out: list[tuple[int, int, str]] = []
    for start, end, tip in sorted(spans):
        if end <= start:
            continue
        if out and start < out[-1][1]:
            s0, e0, t0 = out[-1]
            tips = t0 if tip in t0.split("\n") else f"{t0}\n{tip}"
            out[-1] = (s0, max(e0, end), tips)
        else:
            out.append((start, end, tip))
    return out


def _copy_spans(doc_id: str, matches: Iterable[Match]) -> list[tuple[int, int, str]]:
    spans = []
    for m in matches:
        if m.doc_a == doc_id:
            spans.append(
                (m.start_a, m.end_a, f"{m.kind} {m.score:.2f} ↔ {m.doc_b} [{m.start_b}:{m.end_b}]")
            )
        if m.doc_b == doc_id:
            spans.append(
                (m.start_b, m.end_b, f"{m.kind} {m.score:.2f} ↔ {m.doc_a} [{m.start_a}:{m.end_a}]")
            )
    return _merge(spans)


class _Layer:
    """Non-overlapping spans of one kind, looked up by position."""

    def __init__(self, spans: Sequence[tuple[int, int, Any]]) -> None:
        self.spans = sorted(spans, key=lambda s: (s[0], s[1]))
        self.starts = [s[0] for s in self.spans]

    def at(self, i: int) -> tuple[int, int, Any] | None:
        k = bisect.bisect_right(self.starts, i) - 1
        if k >= 0 and self.spans[k][0] <= i < self.spans[k][1]:
            return self.spans[k]
        return None


def _body_html(
    doc: Document,
    *,
    residue: Sequence[tuple[int, int, str]],
    matches: Sequence[Match],
    uid: str,
    spin: Sequence[tuple[int, int, str]] = (),
    limit: int | None,
) -> str:
    text = doc.text if limit is None else doc.text[:limit]
    n = len(text)
    headings = _Layer(
        [
            (s.heading_start, s.heading_end, s)
            for s in doc.sections
            if s.heading_end > s.heading_start
        ]
    )
    entities = _Layer(_merge_entities(doc.entities))
    resid = _Layer(_merge((s, e, k) for s, e, k in residue))
    copies = _Layer(_copy_spans(doc.id, matches))
    spins = _Layer(spin)

    inserts: dict[int, list[str]] = defaultdict(list)
    for i, s in enumerate(doc.sections):
        inserts[s.marker_start].append(f'<a id="{uid}-s{i}"></a>{_cat_badge(s)}')
    positions, _ = doc._removal_index()
    for pos, r in zip(positions, sorted(doc.removed, key=lambda r: r.source_start)):
        inserts[pos].append(
            f'<span class="sk-rm" title="removed {_e(r.reason)}: {_e(r.text)}">✂ {_e(r.reason)}</span>'
        )
    for a in doc.anomalies:
        inserts[a.start].append(f'<span class="sk-an" title="{_e(a.detail)}">⚠ {_e(a.kind)}</span>')

    cuts = {0, n, *inserts}
    for layer in (headings, entities, resid, copies, spins):
        for s, e, _ in layer.spans:
            cuts.add(s)
            cuts.add(e)
    points = sorted(c for c in cuts if 0 <= c <= n)

    out: list[str] = []
    for p, q in zip(points, points[1:] + [None]):
        if p in inserts:
            out.extend(inserts[p])
        if q is None:
            break
        if q <= p:
            continue
        piece = _e(text[p:q])
        ent = entities.at(p)
        if (w := spins.at(p)) is not None:
            piece = f'<span class="sk-spin" title="{_e(w[2])}">{piece}</span>'
        if (r := resid.at(p)) is not None:
            piece = f'<span class="sk-res" title="template residue: {_e(r[2])}">{piece}</span>'
        if ent is not None:
            e = ent[2]
            color = ENTITY_COLORS.get(e.label, "#eee")
            piece = f'<span class="sk-ent" style="background:{color}" title="{_e(_entity_tip(e))}">{piece}</span>'
        if (h := headings.at(p)) is not None:
            color = category_color(h[2].category)
            piece = f'<span class="sk-h" style="--c:{color}">{piece}</span>'
        if (c := copies.at(p)) is not None:
            piece = f'<span class="sk-cp" title="{_e(c[2])}">{piece}</span>'
        out.append(piece)
        if ent is not None and ent[1] == q:
            out.append(f'<span class="sk-tag">{_e(ent[2].label)}</span>')
    if limit is not None and len(doc.text) > limit:
        out.append(f'\n<span class="sk-meta">… {len(doc.text) - limit:,} more characters</span>')
    return "".join(out)


def _merge_entities(entities: Iterable[Entity]) -> list[tuple[int, int, Entity]]:
    """Entities as spans; should two overlap (the model forbids it), the first one wins."""
    out: list[tuple[int, int, Entity]] = []
    for e in sorted(entities, key=lambda e: (e.start, -e.end)):
        if e.end > e.start and (not out or e.start >= out[-1][1]):
            out.append((e.start, e.end, e))
    return out


def outline_html(doc: Document, *, uid: str | None = None, max_sections: int | None = None) -> str:
    """The section outline: marker, heading and category badge, indented by level."""
    uid = uid or _uid(doc)
    if not doc.sections:
        return '<div class="sk-outline sk-meta">no numbered sections found</div>'
    rows = []
    shown = doc.sections if max_sections is None else doc.sections[:max_sections]
    for i, s in enumerate(shown):
        pad = (s.level - 1) * 1.4
        heading = s.heading if len(s.heading) <= 80 else s.heading[:79] + "…"
        rows.append(
            f'<div class="sk-ol" style="padding-left:{pad:.1f}em">'
            f'<a href="#{uid}-s{i}"><span class="sk-mk">{_e(s.marker)}</span>{_e(heading)}</a>'
            f"{_cat_badge(s)}</div>"
        )
    if len(shown) < len(doc.sections):
        rows.append(f'<div class="sk-meta">… {len(doc.sections) - len(shown)} more sections</div>')
    return f'<div class="sk-outline">{"".join(rows)}</div>'


def _doc_stats(doc: Document) -> str:
    labels = Counter(e.label for e in doc.entities)
    ents = ", ".join(f"{k} {v}" for k, v in sorted(labels.items(), key=lambda kv: -kv[1]))
    bits = [
        f"{len(doc.text):,} characters",
        f"{len(doc.sections)} sections",
        f"{len(doc.entities)} entities" + (f" ({ents})" if ents else ""),
    ]
    if doc.removed:
        bits.append(f"{len(doc.removed)} removed spans")
    if doc.anomalies:
        bits.append(f"{len(doc.anomalies)} anomalies")
    if doc.source:
        bits.append(f"source {doc.source}")
    return " · ".join(_e(b) for b in bits)


def document_fragment(
    doc: Document,
    *,
    reuse: Any = None,
    show_text: bool = True,
    max_chars: int | None = None,
    full_height: bool = False,
    heading_tag: str = "h3",
) -> str:
    """A document as an HTML fragment (no ``<style>``): title, stats, outline, marked text."""
    uid = _uid(doc)
    if isinstance(reuse, _ReuseView):
        matches = reuse.matches_of(doc.id)
    else:
        matches = [m for m in getattr(reuse, "matches", ()) or () if doc.id in (m.doc_a, m.doc_b)]
    parts = [
        f"<{heading_tag}>{_e(doc.title or doc.id)}</{heading_tag}>",
        f'<div class="sk-meta">{_e(doc.id)} · {_doc_stats(doc)}</div>',
        outline_html(doc, uid=uid),
    ]
    if show_text:
        body = _body_html(
            doc,
            residue=residue_spans(doc, reuse),
            matches=matches,
            uid=uid,
            limit=max_chars,
            spin=spin_spans(doc, reuse),
        )
        cls = "sk-text sk-full" if full_height else "sk-text"
        parts.append(f'<div class="{cls}">{body}</div>')
    return "".join(parts)


def document_html(doc: Document, *, reuse: Any = None, max_chars: int | None = 200_000) -> str:
    """A self-contained HTML fragment for one document (what Jupyter shows).

    The outline with categories, then the text with entities highlighted (hover for the
    value), headings underlined in their category colour, template residue hatched in red,
    removed spans (watermarks, site clutter) and anomalies shown as small markers, and
    passages shared with other documents underlined when a reuse report is given.
    """
    return f'<style>{CSS}</style><div class="sk sk-box">{document_fragment(doc, reuse=reuse, max_chars=max_chars)}</div>'


# --------------------------------------------------------------------------------------------
# A corpus
# --------------------------------------------------------------------------------------------
def _top_sections(doc: Document) -> list[Section]:
    return [s for s in doc.sections if s.parent is None]


def category_shares(doc: Document) -> dict[str, float]:
    """Share of the characters of the top-level sections in each category (empty if none)."""
    totals: Counter[str] = Counter()
    for s in _top_sections(doc):
        totals[s.category or "unclassified"] += s.end - s.start
    whole = sum(totals.values())
    return {k: v / whole for k, v in totals.most_common()} if whole else {}


def _mix_bar(shares: Mapping[str, float]) -> str:
    if not shares:
        return '<span class="sk-meta">—</span>'
    cells = "".join(
        f'<span style="width:{100 * v:.2f}%;background:{category_color(k if k != "unclassified" else None)}" '
        f'title="{_e(k)} {100 * v:.0f}%"></span>'
        for k, v in shares.items()
    )
    return f'<div class="sk-bar">{cells}</div>'


def _legend(labels: Iterable[str]) -> str:
    items = "".join(
        f'<span><i style="background:{category_color(k if k != "unclassified" else None)}"></i>{_e(k)}</span>'
        for k in labels
    )
    return f'<div class="sk-legend">{items}</div>'


def corpus_html(corpus: Corpus, *, max_rows: int = 60) -> str:
    """A table of the corpus's documents with their category mix (what Jupyter shows)."""
    rows = []
    labels: Counter[str] = Counter()
    for d in corpus.documents[:max_rows]:
        shares = category_shares(d)
        labels.update(shares)
        rows.append(
            "<tr>"
            f"<td>{_e(d.id)}</td><td>{_e(d.title)}</td>"
            f'<td class="sk-num">{len(d.text):,}</td><td class="sk-num">{len(d.sections)}</td>'
            f'<td class="sk-num">{len(d.entities)}</td><td>{_mix_bar(shares)}</td>'
            "</tr>"
        )
    more = len(corpus.documents) - max_rows
    if more > 0:
        rows.append(f'<tr><td colspan="6" class="sk-meta">… {more} more documents</td></tr>')
    problems = ""
    if corpus.problems:
        items = "".join(f"<li>{_e(p.message)}</li>" for p in corpus.problems[:20])
        problems = f'<div class="sk-note">{len(corpus.problems)} input(s) could not be read:<ul>{items}</ul></div>'
    n_chars = sum(len(d.text) for d in corpus.documents)
    return (
        f'<style>{CSS}</style><div class="sk sk-box">'
        f"<h3>Corpus: {len(corpus.documents)} documents</h3>"
        f'<div class="sk-meta">{n_chars:,} characters · {sum(len(d.sections) for d in corpus)} sections · '
        f"{sum(len(d.entities) for d in corpus)} entities</div>{problems}"
        "<table><tr><th>id</th><th>title</th><th>chars</th><th>sections</th><th>entities</th>"
        f"<th>category mix (top-level sections, by characters)</th></tr>{''.join(rows)}</table>"
        f"{_legend(k for k, _ in labels.most_common())}</div>"
    )


# --------------------------------------------------------------------------------------------
# The corpus report (report.html written by ``analyze``)
# --------------------------------------------------------------------------------------------
def _fmt(v: Any) -> str:
    if v is None or type(v).__name__ in ("NAType", "NaTType"):
        return ""
    if isinstance(v, float):
        if math.isnan(v):
            return ""
        return f"{v:.3f}"
    if isinstance(v, int) and not isinstance(v, bool):
        return f"{v:,}"
    return str(v)


def table_html(
    rows: Sequence[Sequence[Any]], columns: Sequence[str], *, max_rows: int | None = None
) -> str:
    """An escaped HTML table; numbers right-aligned."""
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    body = []
    shown = rows if max_rows is None else rows[:max_rows]
    for r in shown:
        cells = []
        for v in r:
            num = isinstance(v, int | float) and not isinstance(v, bool)
            cells.append(
                f'<td class="sk-num">{_e(_fmt(v))}</td>' if num else f"<td>{_e(_fmt(v))}</td>"
            )
        body.append(f"<tr>{''.join(cells)}</tr>")
    if max_rows is not None and len(rows) > max_rows:
        body.append(
            f'<tr><td colspan="{len(columns)}" class="sk-meta">… {len(rows) - max_rows} more rows</td></tr>'
        )
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def frame_table(
    frame: Any, *, max_rows: int | None = 200, columns: Sequence[str] | None = None
) -> str:
    """An escaped HTML table of a pandas DataFrame (nullable values shown empty)."""
    cols = [c for c in (columns or list(frame.columns)) if c in frame.columns]
    rows = [[_py(v) for v in rec] for rec in frame[cols].itertuples(index=False, name=None)]
    return table_html(rows, cols, max_rows=max_rows)


def _py(v: Any) -> Any:
    """numpy/pandas scalars → Python scalars (so numbers format and align as numbers)."""
    item = getattr(v, "item", None)
    if callable(item) and type(v).__module__.startswith("numpy"):
        try:
            return item()
        except (ValueError, TypeError):  # pragma: no cover
            return v
    return v


def _category_section(corpus: Corpus) -> str:
    from .frames import unit_kind

    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    overall: Counter[str] = Counter()
    for d in corpus.documents:
        for s in _top_sections(d):
            label = s.category or "unclassified"
            by_kind[unit_kind(d)][label] += s.end - s.start
            overall[label] += s.end - s.start
    if not overall:
        return '<div class="sk-note">No numbered sections were found, so there is no category mix.</div>'
    note = ""
    if set(overall) == {"unclassified"}:
        note = (
            '<div class="sk-note">No section has a category: the classifier stage is not '
            "available in this install, so every section shows as unclassified.</div>"
        )
    rows = []
    for kind, counts in sorted(by_kind.items(), key=lambda kv: -sum(kv[1].values())):
        total = sum(counts.values())
        shares = {k: v / total for k, v in counts.most_common()}
        n_docs = sum(1 for d in corpus.documents if unit_kind(d) == kind)
        rows.append(
            f"<tr><td>{_e(kind)}</td><td class='sk-num'>{n_docs}</td><td>{_mix_bar(shares)}</td></tr>"
        )
    total = sum(overall.values())
    shares = {k: v / total for k, v in overall.most_common()}
    rows.append(
        f"<tr><th>all</th><th class='sk-num'>{len(corpus)}</th><td>{_mix_bar(shares)}</td></tr>"
    )
    pct = table_html(
        [[k, f"{100 * v:.1f}%"] for k, v in shares.items()], ["category", "share of characters"]
    )
    return (
        f"{note}<h3>By kind of unit</h3><table><tr><th>unit kind</th><th>documents</th>"
        f"<th>category mix (top-level sections, by characters)</th></tr>{''.join(rows)}</table>"
        f"{_legend(shares)}<h3>Whole corpus</h3>{pct}"
    )


def _entity_section(corpus: Corpus) -> str:
    from .model import ENTITY_LABELS

    if not any(d.entities for d in corpus.documents):
        return '<div class="sk-note">No entities: the entity stage is not available in this install or found none.</div>'
    labels = [
        lab for lab in ENTITY_LABELS if any(e.label == lab for d in corpus for e in d.entities)
    ]
    counts = []
    for d in corpus.documents:
        c = Counter(e.label for e in d.entities)
        counts.append([d.id, *[c.get(lab, 0) for lab in labels], len(d.entities)])
    parts = ["<h3>Entities per document</h3>", table_html(counts, ["document", *labels, "total"])]
    honors = [
        [d.id, e.text, e.level, e.awarded_by, e.year]
        for d in corpus.documents
        for e in d.entities
        if e.label == "HONOR"
    ]
    if honors:
        parts += [
            f"<h3>Honours ({len(honors)})</h3>",
            table_html(honors, ["document", "honour", "level", "awarded by", "year"], max_rows=300),
        ]
    frequent = []
    for lab in labels:
        c = Counter(e.text for d in corpus for e in d.entities if e.label == lab)
        frequent.append([lab, "、".join(f"{t} ×{n}" for t, n in c.most_common(12))])
    parts += [
        "<h3>Most frequent entity texts</h3>",
        table_html(frequent, ["label", "most frequent (× occurrences)"]),
    ]
    placeholders = [
        [d.id, e.label, e.text] for d in corpus.documents for e in d.entities if e.placeholder
    ]
    if placeholders:
        parts += [
            f"<h3>Placeholders left in the text ({len(placeholders)})</h3>",
            table_html(placeholders, ["document", "label", "text"], max_rows=200),
        ]
    return "".join(parts)


def _reuse_section(corpus: Corpus, reuse: Any, reuse_href: str | None, note: str | None) -> str:
    if reuse is None:
        return f'<div class="sk-note">{_e(note or "Reuse detection was not run.")}</div>'
    parts = []
    if reuse_href:
        parts.append(
            f"<p>The full audit — both texts side by side, copied passages in matching colours, "
            f'substitutions marked — is in <a href="{_e(reuse_href)}">{_e(reuse_href)}</a>.</p>'
        )
    records = [r for d in corpus.documents if (r := _reuse_doc(reuse, d.id)) is not None]
    if records:
        rows = []
        for r in sorted(records, key=lambda r: -float(_get(r, "copy_ratio", 0) or 0)):
            spin = _get(r, "spin_score")
            rows.append(
                [
                    _get(r, "id"),
                    _get(r, "title"),
                    _pct(_get(r, "copy_ratio")),
                    _pct(_get(r, "max_source_ratio")),
                    _get(r, "max_source"),
                    _pct(_get(r, "boilerplate_ratio")),
                    None if spin is None else f"{float(spin):.1f}",
                    len(_get(r, "spin_evidence", ()) or ()),
                    len(_get(r, "residue", ()) or ()),
                ]
            )
        parts += [
            "<h3>Documents by copy ratio</h3>",
            (
                '<p class="sk-meta">copied: share of the document inside passages shared with another '
                "document; largest source: the same share from the one document that gives most; "
                "spin: spinner words per 1,000 characters (unidiomatic substitutions such as 礼貌社区).</p>"
            ),
            table_html(
                rows,
                [
                    "document",
                    "title",
                    "copied",
                    "largest source share",
                    "largest source",
                    "template text",
                    "spin",
                    "spinner words",
                    "residue",
                ],
            ),
        ]
    phrases = list(getattr(reuse, "boilerplate", ()) or ())
    if phrases:
        rows = [[_get(b, "doc_count"), _get(b, "text")] for b in phrases[:40]]
        parts += [
            f"<h3>Template phrases (shared by many documents: not copying; top {len(rows)} of {len(phrases)})</h3>",
            table_html(rows, ["documents", "phrase"]),
        ]
    matches = list(getattr(reuse, "matches", ()) or ())
    parts.append(f"<h3>Copied passages ({len(matches)})</h3>")
    by_id = {d.id: d for d in corpus.documents}
    rows = []
    for m in sorted(matches, key=lambda m: -(m.end_a - m.start_a))[:200]:
        a, b = by_id.get(m.doc_a), by_id.get(m.doc_b)
        ta = a.text[m.start_a : m.end_a] if a else ""
        tb = b.text[m.start_b : m.end_b] if b else ""
        subs = "、".join(f"{s.source}→{s.target}×{s.count}" for s in m.substitutions)
        rows.append(
            f"<tr><td colspan=2><b>{_e(m.kind)}</b> · score {m.score:.2f} · "
            f"{_e(m.doc_a)} [{m.start_a}:{m.end_a}] ↔ {_e(m.doc_b)} [{m.start_b}:{m.end_b}]"
            + (f" · substitutions: {_e(subs)}" if subs else "")
            + "</td></tr><tr class='sk-pair'>"
            f"<td>{_mark_words(_clip(ta), [s.source for s in m.substitutions])}</td>"
            f"<td>{_mark_words(_clip(tb), [s.target for s in m.substitutions])}</td></tr>"
        )
    if rows:
        parts.append(f"<table>{''.join(rows)}</table>")
    elif not matches:
        parts.append('<div class="sk-meta">No copied passages found.</div>')
    return "".join(parts)


def _mark_words(text: str, words: Sequence[str]) -> str:
    """Escaped ``text`` with every occurrence of ``words`` (spinner substitutions) marked."""
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return _e(text)
    pattern = re.compile("|".join(re.escape(w) for w in words))
    out, prev = [], 0
    for m in pattern.finditer(text):
        out.append(_e(text[prev : m.start()]))
        out.append(f'<span class="sk-spin">{_e(m.group())}</span>')
        prev = m.end()
    out.append(_e(text[prev:]))
    return "".join(out)


def _pct(v: Any) -> str:
    return "" if v is None else f"{100 * float(v):.0f}%"


def _clip(text: str, n: int = 400) -> str:
    return text if len(text) <= n else text[: n // 2] + " … " + text[-n // 2 :]


def report_html(
    corpus: Corpus,
    *,
    reuse: Any = None,
    title: str = "summarykit report",
    reuse_href: str | None = None,
    notes: Sequence[str] = (),
    reuse_note: str | None = None,
    max_chars: int | None = 200_000,
    max_documents: int | None = 1000,
) -> str:
    """The corpus report as one HTML page: overview, category mix, entities, reuse audit,
    and each document's outline and marked text (collapsed; the first ``max_documents``,
    each cut at ``max_chars`` characters, so a huge corpus still gives a page a browser opens).
    """
    reuse = _ReuseView(reuse) if reuse is not None else None
    n_chars = sum(len(d.text) for d in corpus.documents)
    doc_rows = []
    from .frames import unit_kind

    for i, d in enumerate(corpus.documents):
        cr = _get(_reuse_doc(reuse, d.id), "copy_ratio")
        doc_rows.append(
            f"<tr><td><a href='#doc{i}'>{_e(d.id)}</a></td><td>{_e(d.title)}</td><td>{_e(unit_kind(d))}</td>"
            f"<td class='sk-num'>{len(d.text):,}</td><td class='sk-num'>{len(d.sections)}</td>"
            f"<td class='sk-num'>{len(d.entities)}</td>"
            f"<td class='sk-num'>{_pct(cr)}</td>"
            f"<td>{_mix_bar(category_shares(d))}</td></tr>"
        )
    docs_detail = []
    shown = corpus.documents if max_documents is None else corpus.documents[:max_documents]
    for i, d in enumerate(shown):
        docs_detail.append(
            f"<details id='doc{i}' class='sk-box'><summary><b>{_e(d.title or d.id)}</b> "
            f"<span class='sk-meta'>{_e(d.id)} · {len(d.sections)} sections</span></summary>"
            f"{document_fragment(d, reuse=reuse, max_chars=max_chars, heading_tag='h3')}</details>"
        )
    if len(shown) < len(corpus.documents):
        docs_detail.append(
            f"<div class='sk-note'>… {len(corpus.documents) - len(shown):,} more documents: their "
            "outlines are in sections.csv, their entities in entities.csv.</div>"
        )
    problems = ""
    if corpus.problems:
        items = "".join(f"<li>{_e(p.message)}</li>" for p in corpus.problems)
        problems = f"<div class='sk-note'>{len(corpus.problems)} input(s) could not be read:<ul>{items}</ul></div>"
    notes_html = "".join(f"<div class='sk-note'>{_e(n)}</div>" for n in notes)
    entity_legend = "".join(
        f'<span><i style="background:{c}"></i>{_e(k)}</span>' for k, c in ENTITY_COLORS.items()
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{_e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{margin:16px 24px;background:#fafafa}}{CSS}</style></head>
<body><div class="sk">
<h1>{_e(title)}</h1>
<div class="sk-meta">{len(corpus)} documents · {n_chars:,} characters ·
{sum(len(d.sections) for d in corpus)} sections · {sum(len(d.entities) for d in corpus)} entities</div>
{problems}{notes_html}
<p class="sk-meta"><a href="#sk-docs">documents</a> · <a href="#sk-reuse">reuse audit</a> ·
<a href="#sk-cats">category mix</a> · <a href="#sk-ents">entities</a> · <a href="#sk-text">outline and text</a></p>
<h2 id="sk-docs">Documents</h2>
<table><tr><th>id</th><th>title</th><th>unit kind</th><th>chars</th><th>sections</th><th>entities</th>
<th>copied</th><th>category mix</th></tr>{"".join(doc_rows)}</table>
<h2 id="sk-reuse">Reuse audit</h2>{_reuse_section(corpus, reuse, reuse_href, reuse_note)}
<h2 id="sk-cats">Category mix</h2>{_category_section(corpus)}
<h2 id="sk-ents">Entities</h2>{_entity_section(corpus)}
<h2 id="sk-text">Documents: outline and text</h2>
<div class="sk-legend">{entity_legend}<span><i class="sk-res"></i>template residue</span>
<span><i class="sk-cp"></i>shared with another document</span>
<span><i class="sk-spin"></i>spinner word</span></div>
{"".join(docs_detail)}
</div></body></html>
"""


__all__ = [
    "CATEGORY_COLORS",
    "ENTITY_COLORS",
    "category_color",
    "category_shares",
    "corpus_html",
    "document_fragment",
    "document_html",
    "frame_table",
    "outline_html",
    "report_html",
    "residue_spans",
    "table_html",
]
