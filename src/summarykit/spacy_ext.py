"""spaCy integration: summarykit entities on ``doc.ents``, and displaCy rendering.

Nothing is registered at import. Call :func:`register` once, then add the component to a
blank Chinese pipeline (no spaCy model is needed or downloaded)::

    import spacy, summarykit.spacy_ext as sk
    sk.register()
    nlp = spacy.blank("zh")                      # character segmenter
    nlp.add_pipe("summarykit_entities")
    doc = nlp("今年共召开会议五次，参加人数150余人。")
    [(e.text, e.label_) for e in doc.ents]       # [('今年', 'DATE'), ('五次', 'COUNT'), ('150余人', 'COUNT')]

``sk.blank()`` builds that pipeline with spaCy's jieba segmenter when jieba is installed, so
``doc.ents`` are aligned to jieba words. An entity that does not fall on token boundaries is
expanded to the tokens it touches (``alignment_mode="expand"``, configurable: ``"contract"``
or ``"strict"``); if two expanded entities then overlap, the longer one is kept
(``spacy.util.filter_spans``). The full summarykit entities, values included, are on
``doc._.summarykit_entities``. Sections (the numbered outline) are on ``doc._.sections``
(summarykit ``Section`` objects) and in ``doc.spans["sections"]`` (one span per section,
labelled with its marker scheme); turn them off with ``config={"sections": False}``.

``sk.render(doc_or_text)`` returns displaCy HTML (manual mode, style ``ent``) for notebooks;
it needs no pipeline at all when given a string.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from .model import ENTITY_LABELS, Entity

FACTORY = "summarykit_entities"
EXTENSION = "summarykit_entities"
SECTIONS_EXTENSION = "sections"

COLORS: dict[str, str] = {
    "ORG": "#7aecec",
    "HONOR": "#f0d0ff",
    "COUNT": "#e4e7d2",
    "MONEY": "#bfe1d9",
    "PERCENT": "#c7f5c7",
    "DATE": "#bfeeb7",
    "PERSON": "#aa9cfc",
    "PLACE": "#feca74",
    "LAW": "#ffeb80",
}
"""displaCy colours per label."""


class EntityComponent:
    """The pipeline component: runs ``summarykit.entities.find_entities`` on ``doc.text``."""

    def __init__(
        self,
        nlp: Any,
        name: str = FACTORY,
        *,
        alignment_mode: str = "expand",
        labels: Collection[str] | None = None,
        year: int | None = None,
        sections: bool = True,
    ) -> None:
        if alignment_mode not in ("expand", "contract", "strict"):
            raise ValueError(
                f"alignment_mode must be expand, contract or strict, got {alignment_mode!r}"
            )
        if labels is not None:
            unknown = set(labels) - set(ENTITY_LABELS)
            if unknown:
                raise ValueError(f"unknown entity label(s) {sorted(unknown)}")
        self.name = name
        self.alignment_mode = alignment_mode
        self.labels = tuple(labels) if labels is not None else None
        self.year = year
        self.sections = sections

    def __call__(self, doc: Any) -> Any:
        from spacy.util import filter_spans

        from .entities import find_entities

        ents = find_entities(doc.text, year=self.year, labels=self.labels)
        spans = []
        for e in ents:
            span = doc.char_span(e.start, e.end, label=e.label, alignment_mode=self.alignment_mode)
            if span is not None and len(span):
                spans.append(span)
        doc.ents = filter_spans(spans)
        doc._.set(EXTENSION, ents)
        if self.sections:
            self._add_sections(doc)
        return doc

    def _add_sections(self, doc: Any) -> None:
        from .pipeline import parse

        # clean=False: ingest must not delete anything, so offsets stay those of doc.text
        sections = parse(doc.text, clean=False, stages=("segment",)).sections
        doc._.set(SECTIONS_EXTENSION, sections)
        group = []
        for s in sections:
            span = doc.char_span(s.start, s.end, label=s.scheme, alignment_mode="expand")
            if span is not None:
                group.append(span)
        doc.spans["sections"] = group


def _make_component(
    nlp: Any,
    name: str,
    alignment_mode: str,
    labels: list[str] | None,
    year: int | None,
    sections: bool,
) -> EntityComponent:
    return EntityComponent(
        nlp, name, alignment_mode=alignment_mode, labels=labels, year=year, sections=sections
    )


def register() -> None:
    """Register the ``summarykit_entities`` factory and the ``doc._.summarykit_entities``
    extension with spaCy. Idempotent; never called at import."""
    from spacy.language import Language
    from spacy.tokens import Doc

    for name in (EXTENSION, SECTIONS_EXTENSION):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Language.has_factory(FACTORY):
        Language.factory(
            FACTORY,
            default_config={"alignment_mode": "expand", "labels": None, "year": None, "sections": True},
        )(_make_component)


def blank(*, segmenter: str | None = None, **config: Any) -> Any:
    """``spacy.blank("zh")`` with the component added.

    ``segmenter`` is ``"jieba"`` (default when jieba is importable) or ``"char"``; extra
    keyword arguments go to the component config (``alignment_mode``, ``labels``, ``year``).
    """
    import spacy

    register()
    if segmenter is None:
        try:
            import jieba  # noqa: F401

            segmenter = "jieba"
        except ImportError:  # pragma: no cover - jieba is a dependency
            segmenter = "char"
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": segmenter}}})
    nlp.add_pipe(FACTORY, config=config)
    return nlp


def _manual(text: str, ents: Iterable[Any], title: str | None) -> dict[str, Any]:
    items = []
    for e in ents:
        if isinstance(e, Entity):
            items.append({"start": e.start, "end": e.end, "label": e.label})
        else:  # a spaCy Span
            items.append({"start": e.start_char, "end": e.end_char, "label": e.label_})
    items.sort(key=lambda d: d["start"])
    return {"text": text, "ents": items, "title": title}


def render(
    doc_or_text: Any,
    *,
    labels: Collection[str] | None = None,
    title: str | None = None,
    jupyter: bool = False,
) -> str:
    """displaCy HTML (style ``ent``, manual mode) for a string, a summarykit ``Document``, or
    a spaCy ``Doc``. Document text is escaped by displaCy. With ``jupyter=True`` the HTML is
    also displayed in the notebook."""
    from spacy import displacy

    from .entities import find_entities
    from .model import Document

    if isinstance(doc_or_text, str):
        text, ents = doc_or_text, find_entities(doc_or_text, labels=labels)
    elif isinstance(doc_or_text, Document):
        text = doc_or_text.text
        ents = (
            list(doc_or_text.entities)
            if doc_or_text.entities
            else find_entities(text, labels=labels)
        )
        title = title if title is not None else (doc_or_text.title or doc_or_text.id)
    elif hasattr(doc_or_text, "ents") and hasattr(doc_or_text, "text"):
        text, ents = doc_or_text.text, list(doc_or_text.ents)
    else:
        raise TypeError(
            f"render() takes a str, a summarykit Document or a spaCy Doc, got {type(doc_or_text).__name__}"
        )
    if labels is not None:
        want = set(labels)
        ents = [e for e in ents if (e.label if isinstance(e, Entity) else e.label_) in want]
    data = _manual(text, ents, title)
    html = displacy.render(
        data, style="ent", manual=True, jupyter=False, options={"colors": COLORS}
    )
    if jupyter:  # pragma: no cover - needs a notebook
        from IPython.display import HTML, display

        display(HTML(html))
    return str(html)


__all__ = ["COLORS", "EXTENSION", "FACTORY", "EntityComponent", "blank", "register", "render"]
