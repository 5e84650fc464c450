"""The per-document pipeline: ingest → segment → entities → classify.

Each stage is a pure function ``Document -> Document`` (so stages parallelize and could
run on a distributed engine). Stage modules are imported on first use, never at import.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .corpus import Corpus
from .errors import InputError, SummaryKitWarning, type_error
from .model import Document, InputProblem

Stage = Callable[[Document], Document]
STAGES: tuple[str, ...] = ("segment", "entities", "classify")
DEFAULT_STAGES: tuple[str, ...] = ("segment", "entities", "classify")


def _stage(name: str) -> Stage | None:
    """The stage function for ``name``, or ``None`` if that stage is not available."""
    if name == "segment":
        from .segment import segment

        return segment
    if name == "entities":
        try:
            from .entities import extract_entities
        except ImportError:
            return None
        return extract_entities
    if name == "classify":
        try:
            from .classify import classify_document
        except ImportError:
            return None
        return classify_document
    raise ValueError(f"unknown stage {name!r}; choose from {', '.join(STAGES)}")


def run_stages(doc: Document, stages: Sequence[str] = DEFAULT_STAGES) -> Document:
    """Apply the named per-document stages in pipeline order."""
    for name in STAGES:
        if name in stages:
            fn = _stage(name)
            if fn is not None:
                doc = fn(doc)
    return doc


def parse(
    text: str,
    *,
    id: str = "doc",
    title: str | None = None,
    clean: bool = True,
    stages: Sequence[str] = DEFAULT_STAGES,
) -> Document:
    """Parse one report given as a string.

    >>> doc = parse("一、加强组织建设\\n今年召开会议五次。\\n二、存在不足\\n创新不够。")
    >>> [(s.marker, s.heading) for s in doc.sections]
    [('一、', '加强组织建设'), ('二、', '存在不足')]
    """
    from .ingest import documents_from_text

    if isinstance(text, bytes | bytearray):
        raise type_error("text", "a str (use summarykit.load(path) for files, or decode the bytes)", text)
    if not isinstance(text, str):
        raise type_error("text", "a str", text)
    (doc,) = documents_from_text(text, name=id, clean=clean, split=False)
    if title is not None:
        from dataclasses import replace

        doc = replace(doc, title=title)
    return run_stages(doc, stages)


def _load_file(path: Path, stages: Sequence[str], split: bool, max_bytes: int) -> list[Document]:
    from .ingest import documents_from_text, read_source

    text = read_source(path, max_bytes=max_bytes)
    docs = documents_from_text(text, source=path.as_posix(), name=path.stem, split=split)
    return [run_stages(d, stages) for d in docs]


def _load_one(args: tuple[Path, tuple[str, ...], bool, int]) -> tuple[list[Document], InputProblem | None]:
    """Load one file, turning any failure into an ``InputProblem`` (never raises)."""
    path = args[0]
    try:
        return _load_file(*args), None
    except InputError as exc:
        return [], InputProblem(source=path.as_posix(), message=str(exc))
    except Exception as exc:  # noqa: BLE001 - a bug on one odd file must not lose the other 999
        return [], InputProblem(
            source=path.as_posix(), message=f"{path}: internal error: {exc!r}", error=type(exc).__name__
        )


def load(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | Iterable[tuple[str, str]],
    *,
    stages: Sequence[str] = DEFAULT_STAGES,
    split: bool = True,
    max_bytes: int | None = None,
    progress: bool | None = None,
    n_jobs: int = 1,
) -> Corpus:
    """Load files, folders (recursively, sorted) or globs into a ``Corpus``.

    Also accepts an iterable of ``(id, text)`` pairs. A file that cannot be read is
    reported by name in ``Corpus.problems`` (and one warning); the others are all loaded.
    ``n_jobs > 1`` runs the per-document stages in that many processes (``-1``: one per
    core); the result is identical to ``n_jobs=1``. ``progress`` shows a bar (default: on
    a terminal only).
    """
    from .ingest import MAX_BYTES, iter_paths

    limit = MAX_BYTES if max_bytes is None else max_bytes
    documents: list[Document] = []
    problems: list[InputProblem] = []
    if not isinstance(inputs, str | os.PathLike):
        inputs = list(inputs)
        if inputs and all(isinstance(x, tuple) and len(x) == 2 for x in inputs):
            for doc_id, text in inputs:  # type: ignore[misc]
                documents.append(parse(text, id=str(doc_id), stages=stages))
            return Corpus(tuple(documents))
    paths = list(iter_paths(inputs))  # type: ignore[arg-type]
    jobs = [(p, tuple(stages), split, limit) for p in paths]
    for docs, problem in _progress(_map(_load_one, jobs, n_jobs), progress, "load", total=len(jobs)):
        documents.extend(docs)
        if problem is not None:
            problems.append(problem)
    if problems:
        names = ", ".join(p.source for p in problems[:5]) + (" …" if len(problems) > 5 else "")
        warnings.warn(
            f"{len(problems)} of {len(paths)} input file(s) could not be read and were skipped: {names} "
            "(see Corpus.problems)",
            SummaryKitWarning,
            stacklevel=2,
        )
    return Corpus(tuple(documents), tuple(problems))


def _map(fn, items: list, n_jobs: int):  # type: ignore[no-untyped-def]
    """``map(fn, items)`` in order, in ``n_jobs`` processes when asked (results identical)."""
    if n_jobs == -1:
        n_jobs = os.cpu_count() or 1
    if n_jobs <= 1 or len(items) < 2:
        return map(fn, items)
    from concurrent.futures import ProcessPoolExecutor

    executor = ProcessPoolExecutor(max_workers=n_jobs)
    chunk = max(1, len(items) // (n_jobs * 8))

    def results():  # type: ignore[no-untyped-def]
        with executor:
            yield from executor.map(fn, items, chunksize=chunk)

    return results()


def _progress(items, progress: bool | None, desc: str, *, total: int):  # type: ignore[no-untyped-def]
    """tqdm on a terminal (or when asked), silent otherwise."""
    import sys

    show = sys.stderr.isatty() if progress is None else progress
    if not show or total < 2:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit="file", total=total)
