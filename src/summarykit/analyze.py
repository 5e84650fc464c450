"""The analysis job: every stage on a corpus, written out as tables and one HTML report.

``summarykit analyze PATH... --out DIR`` calls ``analyze``. It writes, in ``DIR``:

- ``documents.csv``  one row per document (``frames.DOCUMENT_COLUMNS``, plus the reuse
  stage's per-document columns such as ``copy_ratio`` and ``boilerplate_ratio``);
- ``sections.csv``   one row per section (``frames.SECTION_COLUMNS``);
- ``entities.csv``   one row per entity (``frames.ENTITY_COLUMNS``);
- ``matches.csv``    one row per copied passage (the reuse report's ``matches_frame()``);
- ``report.html``    the corpus overview (outline per document, category mix, entity tables,
  reuse audit), and ``reuse.html`` (the reuse stage's side-by-side audit) when available.

CSV files are UTF-8 with a BOM (``utf-8-sig``) so Excel opens the Chinese correctly; with
``parquet=True`` the tables are Parquet files instead (needs ``pyarrow``:
``pip install 'summarykit[parquet]'``). Stages not available in this install are skipped with
a note in the result (and in the report), never silently.
"""

from __future__ import annotations

import inspect
import json
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .corpus import Corpus
from .errors import InputError, SummaryKitError
from .model import InputProblem
from .pipeline import DEFAULT_STAGES, STAGES, load

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

MATCH_COLUMNS = {
    "doc_a": "string",
    "start_a": "Int64",
    "end_a": "Int64",
    "doc_b": "string",
    "start_b": "Int64",
    "end_b": "Int64",
    "kind": "string",
    "score": "Float64",
    "substitutions": "string",
}
"""Columns of ``matches.csv`` when the reuse stage is not available (an empty table with the
``Match`` fields); with it, the columns are those of ``ReuseReport.matches_frame()``."""

TABLES = ("documents", "sections", "entities", "matches")


@dataclass(frozen=True)
class AnalysisResult:
    """What ``analyze`` did: the files written, counts, and what was skipped and why."""

    out: Path
    files: Mapping[str, Path]
    """``documents``, ``sections``, ``entities``, ``matches``, ``report`` (and ``reuse``) → path."""
    n_documents: int
    n_sections: int
    n_entities: int
    n_matches: int | None
    """``None`` when the reuse stage did not run."""
    seconds: float
    problems: tuple[InputProblem, ...] = ()
    notes: tuple[str, ...] = ()
    """Stages skipped, and why."""
    corpus: Corpus = field(default_factory=Corpus, repr=False)
    reuse: Any = field(default=None, repr=False)

    def summary(self) -> str:
        """A few lines for a person: counts, then every file written."""
        n_chars = sum(len(d.text) for d in self.corpus.documents)
        matches = "reuse not run" if self.n_matches is None else f"{self.n_matches} copied passages"
        lines = [
            (
                f"analyzed {self.n_documents} documents ({n_chars:,} characters) in {self.seconds:.1f} s: "
                f"{self.n_sections} sections, {self.n_entities} entities, {matches}"
            )
        ]
        if self.problems:
            names = ", ".join(p.source for p in self.problems[:5]) + (
                " …" if len(self.problems) > 5 else ""
            )
            lines.append(
                f"{len(self.problems)} input(s) could not be read and were skipped: {names}"
            )
        lines += [f"note: {n}" for n in self.notes]
        width = max(len(k) for k in self.files) if self.files else 0
        lines += [f"  {k.ljust(width)}  {p}" for k, p in self.files.items()]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "out": str(self.out),
            "files": {k: str(v) for k, v in self.files.items()},
            "n_documents": self.n_documents,
            "n_sections": self.n_sections,
            "n_entities": self.n_entities,
            "n_matches": self.n_matches,
            "seconds": round(self.seconds, 3),
            "problems": [p.to_dict() for p in self.problems],
            "notes": list(self.notes),
        }


def _stage_notes(corpus: Corpus, stages: Sequence[str]) -> list[str]:
    """Say which requested per-document stages are not available in this install."""
    from .pipeline import _stage

    notes = []
    for name in stages:
        if name in STAGES and _stage(name) is None:
            notes.append(f"stage {name!r} is not available in this install; its columns are empty")
    return notes


def run_reuse(
    corpus: Corpus, *, min_chars: int | None = None, n_jobs: int = 1, progress: bool | None = None
) -> tuple[Any, str | None]:
    """``find_reuse(corpus)`` with whichever of these options it takes; ``(None, why)`` when the
    reuse stage is not available."""
    try:
        from .reuse import find_reuse  # type: ignore[attr-defined]
    except ImportError as exc:
        return None, f"reuse detection is not available in this install ({exc})"
    options: dict[str, Any] = {"min_chars": min_chars, "n_jobs": n_jobs, "progress": progress}
    try:
        params = inspect.signature(find_reuse).parameters
    except (TypeError, ValueError):  # pragma: no cover - builtins
        params = {}
    takes_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    kwargs = {k: v for k, v in options.items() if v is not None and (takes_any or k in params)}
    return find_reuse(corpus, **kwargs), None


def _json_cell(v: Any) -> Any:
    if isinstance(v, list | tuple | dict):
        return json.dumps(v, ensure_ascii=False, default=_json_default)
    return v


def _json_default(v: Any) -> Any:
    to_dict = getattr(v, "to_dict", None)
    return to_dict() if callable(to_dict) else str(v)


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists and dicts in object columns → JSON strings (CSV/Parquet hold scalars)."""
    out = frame.copy()
    for col in out.columns:
        if (
            out[col].dtype == object
            and out[col].map(lambda v: isinstance(v, list | tuple | dict)).any()
        ):
            out[col] = out[col].map(_json_cell).astype("string")
    return out


def _empty_matches() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in MATCH_COLUMNS.items()})


def _documents_table(corpus: Corpus, reuse: Any) -> pd.DataFrame:
    from .report import reuse_documents_table

    docs = corpus.documents_frame()
    extra = reuse_documents_table(reuse)
    if extra is not None:
        keep = [c for c in extra.columns if c == "doc_id" or c not in docs.columns]
        docs = docs.merge(extra[keep], on="doc_id", how="left")
    return docs


def _check_parquet() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise SummaryKitError(
            "--parquet needs pyarrow: pip install 'summarykit[parquet]' (or pip install pyarrow); "
            "without it, analyze writes CSV"
        ) from None


def analyze(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | Corpus,
    *,
    out: str | os.PathLike[str],
    parquet: bool = False,
    n_jobs: int = 1,
    progress: bool | None = None,
    min_chars: int | None = None,
    stages: Sequence[str] = DEFAULT_STAGES,
    html: bool = True,
    title: str | None = None,
) -> AnalysisResult:
    """Run every stage on ``inputs`` (paths, folders, globs, or a loaded ``Corpus``) and
    write the tables and ``report.html`` into ``out``.

    ``n_jobs`` runs the per-document stages in that many processes (``-1``: one per core),
    with results identical to ``n_jobs=1``; ``progress`` shows bars (default: on a terminal).
    Raises ``InputError`` when no document could be read at all.
    """
    t0 = time.perf_counter()
    if parquet:
        _check_parquet()
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or n_jobs == 0 or n_jobs < -1:
        raise ValueError(f"n_jobs must be a positive int or -1 (one per core), got {n_jobs!r}")
    if isinstance(inputs, Corpus):
        corpus = inputs
    else:
        import warnings

        from .errors import SummaryKitWarning

        with warnings.catch_warnings():  # the problems are listed in the result instead
            warnings.simplefilter("ignore", SummaryKitWarning)
            corpus = load(inputs, stages=stages, n_jobs=n_jobs, progress=progress)
    if not corpus.documents:
        detail = "; ".join(p.message for p in corpus.problems[:5])
        raise InputError("no document could be read" + (f": {detail}" if detail else ""))
    notes = _stage_notes(corpus, stages)
    try:
        reuse, why = run_reuse(corpus, min_chars=min_chars, n_jobs=n_jobs, progress=progress)
    except Exception as exc:  # noqa: BLE001 - an auditor still gets every other table, and the why
        reuse, why = None, f"reuse detection failed: {exc!r}"
    if why:
        notes.append(why)

    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    matches_fn = getattr(reuse, "matches_frame", None)
    tables = {
        "documents": _documents_table(corpus, reuse),
        "sections": corpus.sections_frame(),
        "entities": corpus.entities_frame(),
        "matches": matches_fn() if callable(matches_fn) else _empty_matches(),
    }
    files: dict[str, Path] = {}
    for name in TABLES:
        frame = _flat(tables[name])
        if parquet:
            path = out_dir / f"{name}.parquet"
            frame.to_parquet(path, index=False)
        else:
            path = out_dir / f"{name}.csv"
            frame.to_csv(path, index=False, encoding="utf-8-sig")
        files[name] = path
    if html:
        from .report import report_html

        reuse_href = None
        to_html = getattr(reuse, "to_html", None)
        if callable(to_html):
            try:
                page = to_html()
            except Exception as exc:  # noqa: BLE001 - the overview report is still written
                notes.append(f"the reuse audit page could not be rendered: {exc!r}")
            else:
                path = out_dir / "reuse.html"
                path.write_text(page, encoding="utf-8")
                files["reuse"] = path
                reuse_href = path.name
        page = report_html(
            corpus,
            reuse=reuse,
            title=title or f"summarykit report: {len(corpus)} documents",
            reuse_href=reuse_href,
            notes=notes,
            reuse_note=why,
        )
        path = out_dir / "report.html"
        path.write_text(page, encoding="utf-8")
        files["report"] = path
    n_matches = len(getattr(reuse, "matches", ()) or ()) if reuse is not None else None
    return AnalysisResult(
        out=out_dir,
        files=files,
        n_documents=len(corpus),
        n_sections=sum(len(d.sections) for d in corpus),
        n_entities=sum(len(d.entities) for d in corpus),
        n_matches=n_matches,
        seconds=time.perf_counter() - t0,
        problems=corpus.problems,
        notes=tuple(notes),
        corpus=corpus,
        reuse=reuse,
    )


__all__ = ["MATCH_COLUMNS", "AnalysisResult", "analyze", "run_reuse"]
