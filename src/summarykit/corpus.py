"""``Corpus``: many documents, plus the inputs that could not be read."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from .model import Document, InputProblem


@dataclass(frozen=True)
class Corpus(Sequence[Document]):
    """An ordered, immutable collection of documents.

    ``problems`` lists every input that could not be read (file name and reason); the
    other documents are all here. Indexing by position or by document id both work.
    """

    documents: tuple[Document, ...] = ()
    problems: tuple[InputProblem, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)

    @overload
    def __getitem__(self, key: int) -> Document: ...
    @overload
    def __getitem__(self, key: slice) -> Corpus: ...
    @overload
    def __getitem__(self, key: str) -> Document: ...
    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        if isinstance(key, str):
            for d in self.documents:
                if d.id == key:
                    return d
            raise KeyError(key)
        if isinstance(key, slice):
            return Corpus(self.documents[key], self.problems, dict(self.meta))
        return self.documents[key]

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    @property
    def ids(self) -> list[str]:
        return [d.id for d in self.documents]

    # -- DataFrames (pandas is imported only when one is built) --------------------------
    def documents_frame(self):  # type: ignore[no-untyped-def]
        """One row per document; columns in ``summarykit.frames.DOCUMENT_COLUMNS``."""
        from .frames import documents_frame

        return documents_frame(self.documents)

    def sections_frame(self):  # type: ignore[no-untyped-def]
        """One row per section; columns in ``summarykit.frames.SECTION_COLUMNS``."""
        from .frames import sections_frame

        return sections_frame(self.documents)

    def entities_frame(self):  # type: ignore[no-untyped-def]
        """One row per entity; columns in ``summarykit.frames.ENTITY_COLUMNS``."""
        from .frames import entities_frame

        return entities_frame(self.documents)

    def to_dict(self, *, include_text: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"documents": [d.to_dict(include_text=include_text) for d in self.documents]}
        if self.problems:
            out["problems"] = [p.to_dict() for p in self.problems]
        return out

    def _repr_html_(self) -> str:
        """Jupyter display: one row per document with its category mix (``summarykit.report``)."""
        from .report import corpus_html

        return corpus_html(self)

    def __repr__(self) -> str:
        bad = f", problems={len(self.problems)}" if self.problems else ""
        return f"Corpus(documents={len(self.documents)}{bad})"
