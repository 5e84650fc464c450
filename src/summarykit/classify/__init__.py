"""Work-category classification of sections (党建, 组织建设, 维权, 文体活动 …).

``SectionClassifier`` is a scikit-learn classifier for Chinese report sections: TF-IDF over
jieba words (summarykit's private tokenizer) and character n-grams, heading and section text
as separate feature blocks (the heading blocks weighted by ``heading_weight``), optionally
cue-word counts from a lexicon, then a multinomial logistic regression, whose probabilities
are what ``predict_proba`` returns. It accepts any label set, so a researcher can train it on
their own labels::

    >>> from summarykit.classify import SectionClassifier
    >>> clf = SectionClassifier().fit(texts, labels)          # doctest: +SKIP
    >>> clf.predict(["三、开展三八节文艺汇演……"])               # doctest: +SKIP

Inputs ``X`` (one item per section) may be

- ``str``: a whole section; its first line, up to the first 。！？ and without the numbering
  marker, serves as the heading;
- ``(heading, text)`` pairs, or an ``(n, 2)`` array of str (e.g. ``df[["heading", "text"]]``);
- mappings with ``"heading"`` and ``"text"`` keys (records of ``corpora/labels/sections.jsonl``);
- ``(Document, Section)`` pairs — ``section_inputs(doc)`` builds them for every section.

``text`` is the section's text (its heading may be included; that only strengthens it).
Numeric arrays are rejected with a ``TypeError``: this is a text model.

The default model (``default_classifier()``) is a ``SectionClassifier`` configured by
``DEFAULT_PARAMS`` and fitted on the labels shipped in package data
(``resources/data/category_train.jsonl``, the default taxonomy of ``TAXONOMY.md``), shipped
as plain data (``resources/data/category_model.json``, written by
``scripts/train_default_model.py``) and scored by ``CategoryModel`` with numpy alone: no
scikit-learn import, no training, nothing unpickled. ``train_default_classifier()`` refits
the scikit-learn model it came from. ``classify_document(doc)`` fills ``category`` and
``category_scores`` on every section.

``SectionClassifier``, ``KeywordBaseline``, ``default_estimator`` and
``train_default_classifier`` load scikit-learn; they are imported on first use.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from typing import Any

import numpy as np

from ..model import Document
from ._scorer import MODEL_FILE, CategoryModel
from ._text import (
    CATEGORIES,
    DEFAULT_PARAMS,
    KEYWORDS_FILE,
    RE_LEADING_MARKER,
    TRAIN_FILE,
    Explanation,
    FeatureContribution,
    _as_pairs,
    _describe,
    _one_input,
    _split_heading,
    jieba_words,
    keyword_lexicon,
    load_training_data,
    section_inputs,
    to_simplified,
)

__all__ = [
    "CATEGORIES",
    "DEFAULT_PARAMS",
    "CategoryModel",
    "Explanation",
    "FeatureContribution",
    "KeywordBaseline",
    "SectionClassifier",
    "category_mix",
    "classify_document",
    "default_classifier",
    "default_estimator",
    "keyword_lexicon",
    "load_training_data",
    "section_inputs",
    "to_simplified",
    "train_default_classifier",
    "training_data_sha256",
]

_LAZY = {"SectionClassifier", "KeywordBaseline", "default_estimator", "train_default_classifier"}


def __getattr__(name: str) -> Any:
    """The scikit-learn parts, imported on first use."""
    if name in _LAZY:
        from . import _estimator

        return getattr(_estimator, name)
    raise AttributeError(f"module 'summarykit.classify' has no attribute {name!r}")


def training_data_sha256() -> str:
    """SHA-256 of the shipped training file (``resources/data/category_train.jsonl``) as bytes."""
    from ..resources import data_path

    return hashlib.sha256(data_path(TRAIN_FILE).read_bytes()).hexdigest()


@functools.cache
def default_classifier() -> CategoryModel:
    """The default model: ``resources/data/category_model.json``, loaded on first call and
    cached for the process (numpy only; about 0.1 s)."""
    return CategoryModel.load()


def classify_document(doc: Document, *, classifier: Any = None, top: int = 3) -> Document:
    """``doc`` with ``category`` and ``category_scores`` (the ``top`` best, probabilities
    rounded to 3 places) filled on every section, deeper levels included.

    ``classifier``: any fitted model with ``classes_`` and ``predict_proba`` (a
    ``SectionClassifier`` trained on your labels, a ``CategoryModel``); default: the shipped one.
    """
    if not isinstance(doc, Document):
        raise TypeError(f"doc must be a Document, got {_describe(doc)}")
    if not doc.sections:
        return doc
    clf = default_classifier() if classifier is None else classifier
    proba = clf.predict_proba(section_inputs(doc))
    classes = clf.classes_
    sections = []
    for s, p in zip(doc.sections, proba):
        order = np.argsort(-p, kind="stable")[:top]
        scores = {str(classes[k]): round(float(p[k]), 3) for k in order}
        sections.append(dataclasses.replace(s, category=str(classes[order[0]]), category_scores=scores))
    return dataclasses.replace(doc, sections=tuple(sections))


def category_mix(doc: Document) -> dict[str, float]:
    """Share of the document's outermost sections, by characters, per category (sums to 1
    over classified sections; empty when nothing is classified)."""
    totals: dict[str, int] = {}
    for s in doc.sections:
        if s.parent is None and s.category is not None:
            totals[s.category] = totals.get(s.category, 0) + (s.end - s.start)
    n = sum(totals.values())
    return {c: v / n for c, v in sorted(totals.items(), key=lambda kv: -kv[1])} if n else {}


# names kept importable from the package for existing callers and tests
_ = (KEYWORDS_FILE, MODEL_FILE, RE_LEADING_MARKER, _as_pairs, _one_input, _split_heading, jieba_words)
