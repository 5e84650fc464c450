"""Ingest: files, folders and strings → clean ``Document`` objects.

Decoding (``decode``), site-clutter removal (``clean``) and compilation splitting
(``split``) all work on the decoded source; cleaning only deletes, and every
deletion is recorded in ``Document.removed`` with its offset in the source.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import regex

from ..errors import InputError, type_error
from ..model import Document, Removal
from .clean import Span, clutter_spans, merge_spans
from .decode import decode_bytes, docx_text
from .split import split_regions

TEXT_SUFFIXES = frozenset({".txt", ".text"})
DOCX_SUFFIXES = frozenset({".docx"})
SUFFIXES = TEXT_SUFFIXES | DOCX_SUFFIXES
MAX_BYTES = 200 * 1024 * 1024
"""Files larger than this are refused with a clear message (one report is never this big)."""

_RE_TITLE_LINE = regex.compile(r"[^\n]*")


def read_source(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> str:
    """Decoded text of one ``.txt`` or ``.docx`` file (the text all source offsets index)."""
    p = Path(path)
    name = str(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError("no such file", source=name) from None
    if p.is_dir():
        raise InputError("is a folder, not a file", source=name)
    if size > max_bytes:
        raise InputError(
            f"is {size / 2**20:.1f} MiB, over the {max_bytes / 2**20:.0f} MiB limit "
            "(pass max_bytes= to raise it)",
            source=name,
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", source=name) from None
    if p.suffix.lower() in DOCX_SUFFIXES:
        return docx_text(data, source=name)
    return decode_bytes(data, source=name)[0]


_RE_REPORT_WORD = regex.compile(r"总结|總結|报告|報告|汇报|匯報|述职|述職|小结|计划|讲话|通知|意见|方案|要点")
_RE_COLLECTION = regex.compile(r"汇总|精选|合集|汇编|范文|模板|大全|小编|供大家|\d+篇[)）]|[(（]\d+篇|^首页|网")
_RE_SENTENCE_END = regex.compile(r"[。；;！!？?]")


def _guess_title(text: str) -> str:
    """The report's title among the first short lines: one naming a report kind, not a
    collection header or breadcrumb; a salutation (各位代表:) is skipped, a sentence stops."""
    candidates: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.endswith((":", "：")) and len(line) <= 12:  # 各位代表: / 同志们：
            continue
        if len(line) > 80 or _RE_SENTENCE_END.search(line) or len(regex.findall(r"[,，]", line)) >= 3:
            break
        candidates.append(line)
        if len(candidates) == 5:
            break

    def score(line: str) -> int:
        return (
            2 * bool(_RE_REPORT_WORD.search(line))
            - 2 * bool(_RE_COLLECTION.search(line))
            + bool(regex.search(r"篇\s*\d+$", line))
        )

    candidates = [c for c in candidates if len(regex.findall(r"\p{Han}", c)) >= 4 and score(c) >= 0]
    return max(candidates, key=score, default="")


def _document(
    source_text: str,
    start: int,
    end: int,
    deletions: list[Span],
    *,
    doc_id: str,
    title: str | None,
    source: str | None,
) -> Document:
    """A document for ``source_text[start:end]`` with ``deletions`` left out."""
    removed, parts, pos = [], [], start
    for s, e, reason in deletions:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        parts.append(source_text[pos:s])
        removed.append(Removal(source_start=s, text=source_text[s:e], reason=reason))
        pos = e
    parts.append(source_text[pos:end])
    text = "".join(parts)
    return Document(
        id=doc_id,
        text=text,
        title=title if title is not None else _guess_title(text),
        source=source,
        source_start=start,
        removed=tuple(removed),
    )


def documents_from_text(
    text: str,
    *,
    source: str | None = None,
    name: str | None = None,
    clean: bool = True,
    split: bool = True,
) -> list[Document]:
    """Documents of one decoded source text: cleaned, and split if it is a compilation.

    ``name`` is the id stem (a file's stem); documents of a compilation get ids
    ``name/篇2`` or ``name/3``.
    """
    if not isinstance(text, str):
        raise type_error("text", "a str (decode bytes first, or pass a path to load())", text)
    name = name or "doc"
    deletions = clutter_spans(text) if clean else []
    if split:
        regions, prefix = split_regions(text)
    else:
        regions, prefix = [], []
    if not prefix and len(regions) <= 1:
        return [_document(text, 0, len(text), deletions, doc_id=name, title=None, source=source)]
    deletions = merge_spans(deletions + prefix)
    return [
        _document(text, r.start, r.end, deletions, doc_id=f"{name}/{r.key}", title=r.title, source=source)
        for r in regions
    ]


def iter_paths(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files named by ``inputs``: files as given, folders recursively (sorted), globs.

    Only ``.txt``/``.text``/``.docx`` files are taken from folders; a file named
    explicitly is always taken (and fails loudly later if it is not a report).
    """
    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]
    for item in inputs:
        s = os.fspath(item)
        p = Path(s)
        if p.is_dir():
            yield from sorted(
                (f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES),
                key=lambda f: f.as_posix(),
            )
        elif not p.exists() and glob.has_magic(s):
            yield from sorted(Path(g) for g in glob.glob(s, recursive=True) if Path(g).is_file())
        else:
            yield p


__all__ = [
    "MAX_BYTES",
    "documents_from_text",
    "iter_paths",
    "read_source",
]
