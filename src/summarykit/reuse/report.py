"""``ReuseReport``: what ``find_reuse`` found, as objects, JSON, DataFrames and HTML."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Match, Removal, _plain

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..corpus import Corpus


@dataclass(frozen=True)
class DocumentReuse:
    """Per-document figures (CNKI-style ratios are shares of ``len(Document.text)``).

    ``copy_ratio``: share of the document's characters inside passages it shares with
    another document, counting a passage only on its copy side when the direction is
    known (spinner evidence) and on both sides otherwise. ``max_source_ratio`` is the
    same share with the single document that contributes most (``max_source``).
    """

    id: str
    title: str
    source: str | None
    source_start: int
    removed: tuple[Removal, ...]
    copy_ratio: float
    max_source_ratio: float
    max_source: str | None
    boilerplate_ratio: float
    spin_score: float | None
    spin_evidence: tuple[Mapping[str, Any], ...] = ()
    residue: tuple[Mapping[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "source_start": self.source_start,
            "removed": [r.to_dict() for r in self.removed],
            "copy_ratio": round(self.copy_ratio, 4),
            "max_source_ratio": round(self.max_source_ratio, 4),
            "max_source": self.max_source,
            "boilerplate_ratio": round(self.boilerplate_ratio, 4),
            "spin_score": None if self.spin_score is None else round(self.spin_score, 3),
            "spin_evidence": [_plain(dict(e)) for e in self.spin_evidence],
            "residue": [_plain(dict(r)) for r in self.residue],
        }


@dataclass(frozen=True)
class TemplatePhrase:
    """Template text shared by many documents (not evidence of copying)."""

    text: str
    doc_count: int
    docs: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "doc_count": self.doc_count, "docs": list(self.docs)}


@dataclass(frozen=True)
class MatchInfo:
    """What a ``Match`` does not carry: how its direction was decided, its significance
    under the chance model, and the non-spinner edits."""

    direction: str
    """``spin`` (A is the source: B carries the spinner's words) or ``id_order``."""
    significance: float
    """``-log10`` of the expected number of document pairs sharing such a run by chance."""
    edits: tuple[tuple[str, str], ...] = ()
    ordered: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "direction": self.direction,
            "significance": round(self.significance, 2),
            "edits": [{"from": a, "to": b} for a, b in self.edits],
            "ordered": self.ordered,
        }


@dataclass(frozen=True)
class ReuseReport:
    """Result of ``find_reuse``: per-document figures, passage matches, template phrases,
    and every parameter and seed used (``params``), so a run can be reproduced."""

    documents: tuple[DocumentReuse, ...]
    matches: tuple[Match, ...]
    boilerplate: tuple[TemplatePhrase, ...]
    params: Mapping[str, Any]
    match_info: tuple[MatchInfo, ...] = ()
    corpus: Corpus | tuple[Any, ...] | None = field(default=None, repr=False, compare=False)
    """The documents the report is about (for text views; not serialised)."""

    def document(self, doc_id: str) -> DocumentReuse:
        for d in self.documents:
            if d.id == doc_id:
                return d
        raise KeyError(doc_id)

    def to_dict(self) -> dict[str, Any]:
        matches = []
        for i, m in enumerate(self.matches):
            d = m.to_dict()
            if i < len(self.match_info):
                d.update(self.match_info[i].to_dict())
            matches.append(d)
        return {
            "documents": [d.to_dict() for d in self.documents],
            "matches": matches,
            "boilerplate": [b.to_dict() for b in self.boilerplate],
            "params": _plain(dict(self.params)),
        }

    def to_json(self, **kwargs: Any) -> str:
        kwargs.setdefault("ensure_ascii", False)
        kwargs.setdefault("indent", 1)
        return json.dumps(self.to_dict(), **kwargs)

    # -- pandas at the edge --------------------------------------------------------------
    def matches_frame(self) -> pd.DataFrame:
        """One row per match; ``substitutions`` as ``from→to×n`` text."""
        import pandas as pd

        rows = []
        for i, m in enumerate(self.matches):
            info = self.match_info[i] if i < len(self.match_info) else None
            rows.append(
                {
                    "doc_a": m.doc_a,
                    "start_a": m.start_a,
                    "end_a": m.end_a,
                    "doc_b": m.doc_b,
                    "start_b": m.start_b,
                    "end_b": m.end_b,
                    "kind": m.kind,
                    "score": m.score,
                    "substitutions": "; ".join(f"{s.source}→{s.target}×{s.count}" for s in m.substitutions),
                    "direction": info.direction if info else None,
                    "significance": info.significance if info else None,
                }
            )
        columns = [
            "doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b", "kind", "score",
            "substitutions", "direction", "significance",
        ]  # fmt: skip
        return pd.DataFrame(rows, columns=columns)

    def documents_frame(self) -> pd.DataFrame:
        """One row per document, indexed by id."""
        import pandas as pd

        columns = [
            "id", "title", "copy_ratio", "max_source_ratio", "max_source", "boilerplate_ratio",
            "spin_score", "n_spin_evidence", "n_residue",
        ]  # fmt: skip
        rows = [
            {
                "id": d.id,
                "title": d.title,
                "copy_ratio": d.copy_ratio,
                "max_source_ratio": d.max_source_ratio,
                "max_source": d.max_source,
                "boilerplate_ratio": d.boilerplate_ratio,
                "spin_score": d.spin_score,
                "n_spin_evidence": len(d.spin_evidence),
                "n_residue": len(d.residue),
            }
            for d in self.documents
        ]
        return pd.DataFrame(rows, columns=columns).set_index("id")

    # -- text and HTML -------------------------------------------------------------------
    def to_text(self) -> str:
        """A plain summary a person can read in a terminal."""
        lines = ["documents (by copy ratio):"]
        for d in sorted(self.documents, key=lambda d: (-d.copy_ratio, d.id)):
            spin = "" if d.spin_score is None else f"  spin {d.spin_score:.1f}"
            src = f"  max {d.max_source_ratio:.0%} from {d.max_source}" if d.max_source else ""
            lines.append(
                f"  {d.copy_ratio:6.1%}  {d.id}{src}  boilerplate {d.boilerplate_ratio:.0%}{spin}"
            )
        lines.append(f"matches ({len(self.matches)}):")
        texts = {d.id: d.text for d in self.corpus} if self.corpus is not None else {}
        for m in self.matches:
            subs = ", ".join(f"{s.source}→{s.target}×{s.count}" for s in m.substitutions)
            lines.append(
                f"  {m.kind:8s} {m.score:.2f}  {m.doc_a} [{m.start_a},{m.end_a}) → "
                f"{m.doc_b} [{m.start_b},{m.end_b})" + (f"  {subs}" if subs else "")
            )
            if m.doc_b in texts:
                snippet = texts[m.doc_b][m.start_b : m.end_b].replace("\n", " ")
                lines.append(f"           {snippet[:60]}{'…' if len(snippet) > 60 else ''}")
        if self.boilerplate:
            lines.append(f"template phrases (top {min(len(self.boilerplate), 15)}):")
            for b in self.boilerplate[:15]:
                lines.append(f"  {b.doc_count:4d} docs  {b.text}")
        return "\n".join(lines)

    def to_html(self) -> str:
        """The auditor's HTML report (``summarykit.reuse.html``)."""
        try:
            from . import html as _html
        except ImportError:  # the renderer is optional until it lands
            import html as std_html

            return "<pre>" + std_html.escape(self.to_text()) + "</pre>"
        render = getattr(_html, "render_report", None) or _html.render
        return render(self)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return (
            f"ReuseReport(documents={len(self.documents)}, matches={len(self.matches)}, "
            f"boilerplate={len(self.boilerplate)})"
        )


__all__ = ["DocumentReuse", "MatchInfo", "ReuseReport", "TemplatePhrase"]
