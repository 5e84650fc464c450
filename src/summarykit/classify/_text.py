"""Inputs, text folding, the cue lexicon and the shipped training data (no scikit-learn).

Everything here is shared by the trainable ``SectionClassifier`` (``_estimator``) and the
numpy-only scorer of the default model (``_scorer``).
"""

from __future__ import annotations

import functools
import json
import numbers
import re
import sys
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

import numpy as np

from ..model import Document, Section

CATEGORIES: tuple[str, ...] = (
    "party_building",
    "organization",
    "publicity",
    "rights_law",
    "family_civility",
    "assistance",
    "economy_skills",
    "culture_events",
    "health",
    "environment",
    "overview",
    "shortcomings_plans",
    "other",
)
"""The default taxonomy (``TAXONOMY.md``). ``SectionClassifier`` itself accepts any labels."""

TRAIN_FILE = "category_train.jsonl"
KEYWORDS_FILE = "category_keywords.tsv"
_HEADING_END = "。！？!?\n"
RE_LEADING_MARKER = re.compile(
    r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.．]"
    r"|第[一二三四五六七八九十]{1,3}[、，,]?|[一二三四五六七八九十][是要][，,]?|[①-⑳])\s*"
)



# -- inputs -------------------------------------------------------------------------------
def _split_heading(text: str) -> str:
    """The heading of a plain-string section: its first line up to the first 。！？ (≤ 80
    chars), without a leading numbering marker (一、 （一） 1. 一是 第一， ①)."""
    m = RE_LEADING_MARKER.match(text)
    text = text[m.end() :] if m else text.lstrip()
    for i, ch in enumerate(text[:80]):
        if ch in _HEADING_END:
            return text[:i].strip()
    return text[:80].strip()


def _describe(x: Any) -> str:
    r = repr(x)
    return f"{type(x).__name__}: {r[:60]}{'…' if len(r) > 60 else ''}"


def _one_input(x: Any) -> tuple[str, str]:
    """Normalise one item of ``X`` to ``(heading, text)``."""
    if isinstance(x, str):
        return _split_heading(x), x
    if isinstance(x, Mapping):
        try:
            heading, text = x["heading"], x["text"]
        except KeyError:
            raise TypeError(
                f"a mapping in X needs 'heading' and 'text' keys, got keys {sorted(x)[:6]}"
            ) from None
        heading = "" if heading is None else heading
        if isinstance(heading, str) and isinstance(text, str):
            return heading, text
    elif isinstance(x, tuple | list | np.ndarray) and len(x) == 2:
        a, b = x[0], x[1]
        if isinstance(a, Document) and isinstance(b, Section):
            return b.heading, a.text[b.start : b.end]
        if isinstance(a, str) and isinstance(b, str):
            return a, b
    elif isinstance(x, Section):
        raise TypeError(
            "a Section alone has no text; pass (doc, section) pairs, e.g. section_inputs(doc)"
        )
    elif isinstance(x, bytes | bytearray):
        raise TypeError(f"X holds bytes, expected decoded text (str); got {_describe(x)}")
    raise TypeError(
        "SectionClassifier works on text: each item of X must be a str, a (heading, text) "
        f"pair of str, a mapping with 'heading' and 'text', or a (Document, Section) pair; got {_describe(x)}"
    )


def _is_sparse(X: Any) -> bool:
    """A scipy sparse matrix? (Without importing scipy: if it is not loaded, X is none.)"""
    sparse = sys.modules.get("scipy.sparse")
    return sparse is not None and bool(sparse.issparse(X))


def _as_pairs(X: Any) -> tuple[list[str], list[str]]:
    """``(headings, texts)`` from any accepted form of ``X``; validates eagerly."""
    if isinstance(X, str | bytes | bytearray):
        raise TypeError(
            "X must be a sequence of sections (e.g. a list of str), not a single "
            f"{type(X).__name__}; wrap one section in a list"
        )
    if isinstance(X, Document):
        raise TypeError("X is a Document; use section_inputs(doc) or classify_document(doc)")
    if hasattr(X, "columns") and hasattr(X, "to_dict"):  # pandas DataFrame
        cols = list(X.columns)
        if {"heading", "text"} <= set(cols):
            X = X[["heading", "text"]].to_numpy(dtype=object)
        elif len(cols) == 2:
            X = X.to_numpy(dtype=object)
        elif len(cols) == 1:
            X = X.iloc[:, 0].to_numpy(dtype=object)
        else:
            raise TypeError(f"a DataFrame X needs 'heading' and 'text' columns, got {cols[:6]}")
    if _is_sparse(X):
        raise TypeError("SectionClassifier works on text, not on a sparse numeric matrix")
    if isinstance(X, np.ndarray):
        if X.ndim == 2 and X.shape[1] == 0:
            raise ValueError(
                f"Found array with 0 feature(s) (shape={X.shape}) while a minimum of 1 is required "
                "(a 2-d X has the columns heading, text)."
            )
        if X.ndim >= 1 and X.shape[0] == 0:
            raise ValueError(f"Found array with 0 sample(s) (shape={X.shape}) while a minimum of 1 is required.")
        if X.dtype.kind in "biufcmM":
            raise TypeError(
                f"SectionClassifier works on text, got a numeric array (dtype {X.dtype}, shape "
                f"{X.shape}); pass section texts or (heading, text) pairs"
            )
        if X.ndim == 2 and X.shape[1] != 2:
            raise ValueError(f"a 2-d X must have 2 columns (heading, text), got shape {X.shape}")
        if X.ndim > 2:
            raise ValueError(f"X must be 1-d (texts) or 2-d (heading, text), got shape {X.shape}")
        items: Iterable[Any] = list(X)
    elif hasattr(X, "to_numpy") and not isinstance(X, Mapping):  # pandas Series
        items = list(X.to_numpy(dtype=object))
    elif isinstance(X, Iterable) and not isinstance(X, Mapping):
        items = list(X)
    else:
        raise TypeError(f"X must be a sequence of sections, got {_describe(X)}")
    headings, texts = [], []
    for x in items:
        if isinstance(x, numbers.Number) or (isinstance(x, np.ndarray) and x.dtype.kind in "biufc"):
            raise TypeError(
                f"SectionClassifier works on text, got a number in X ({_describe(x)}); "
                "pass section texts or (heading, text) pairs"
            )
        h, t = _one_input(x)
        headings.append(h)
        texts.append(t)
    return headings, texts


def section_inputs(doc: Document, sections: Iterable[Section] | None = None) -> list[tuple[str, str]]:
    """``(heading, text)`` for every section of ``doc`` (or the given ones), text = the whole
    section (children included), ready for ``SectionClassifier.predict``."""
    if not isinstance(doc, Document):
        raise TypeError(f"doc must be a Document, got {_describe(doc)}")
    secs = doc.sections if sections is None else sections
    return [(s.heading, doc.text[s.start : s.end]) for s in secs]


# -- features -----------------------------------------------------------------------------
@functools.cache
def _simplified_table() -> dict[int, str]:
    """Traditional → simplified, character by character (zhconv's single-character entries)."""
    try:
        from zhconv import zhconv as _zh
    except ImportError:  # pragma: no cover - zhconv is a dependency
        return {}
    return {ord(t): v for t, v in _zh.getdict("zh-hans").items() if len(t) == 1 and len(v) == 1 and t != v}


def to_simplified(text: str) -> str:
    """``text`` with traditional characters folded to simplified ones (the vocabulary of jieba
    and of the training data is simplified); a character-level fold, offsets unchanged."""
    return text.translate(_simplified_table())


@functools.lru_cache(maxsize=2048)
def _cached_words(text: str) -> tuple[str, ...]:
    from ..tokenize import words

    return tuple(w for w in words(text) if w.strip())


def jieba_words(text: str) -> tuple[str, ...]:
    """jieba words of ``text`` (summarykit's private tokenizer), whitespace dropped.

    Memoised (2048 texts) because cross-validation re-fits the same texts many times.
    """
    return _cached_words(text)


class FeatureContribution(NamedTuple):
    """One feature's share of a prediction: ``contribution = value × weight``."""

    feature: str
    """``block__term``, block in ``heading_word heading_char text_word text_char``."""
    value: float
    """The (weighted TF-IDF) feature value for this input."""
    weight: float
    """The model's coefficient of this feature for the explained label."""
    contribution: float


class Explanation(NamedTuple):
    """Why a section got its label: the features that pushed it most towards ``label``."""

    label: Any
    probability: float
    intercept: float
    features: tuple[FeatureContribution, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "probability": self.probability,
            "intercept": self.intercept,
            "features": [f._asdict() for f in self.features],
        }


def coef_for(coef: np.ndarray, intercept: np.ndarray, classes: np.ndarray, label: Any) -> tuple[np.ndarray, float]:
    """The weight row and intercept of ``label`` (a binary model keeps one row, for
    ``classes[1]``: the other class gets it negated)."""
    (k,) = np.flatnonzero(classes == label)
    if coef.shape[0] == 1:
        sign = 1.0 if k == 1 else -1.0
        return sign * coef[0], sign * float(intercept[0])
    return coef[k], float(intercept[k])


def check_label(classes: np.ndarray, label: Any) -> None:
    if label not in set(classes.tolist()):
        raise ValueError(f"label {label!r} is not one of classes_ {list(classes)}")


def check_top(top: Any) -> None:
    if not isinstance(top, numbers.Integral) or top < 1:
        raise ValueError(f"top must be a positive int, got {top!r}")


def contributions(
    cols: np.ndarray, vals: np.ndarray, coef: np.ndarray, names: np.ndarray, top: int
) -> tuple[FeatureContribution, ...]:
    """The ``top`` positive ``value × weight`` contributions of one input's nonzero
    features (columns ``cols``, values ``vals``), largest first."""
    contrib = vals * coef[cols]
    order = np.argsort(-contrib, kind="stable")[:top]
    return tuple(
        FeatureContribution(str(names[cols[i]]), float(vals[i]), float(coef[cols[i]]), float(contrib[i]))
        for i in order
        if contrib[i] > 0
    )


def ranked_features(coef: np.ndarray, names: np.ndarray, top: int) -> list[tuple[str, float]]:
    """The ``top`` features with the largest weights in ``coef``."""
    order = np.argsort(-coef, kind="stable")[:top]
    return [(str(names[i]), float(coef[i])) for i in order]


def _lexicon_arg(lexicon: Any) -> dict[str, tuple[str, ...]] | None:
    if lexicon is None:
        return None
    if isinstance(lexicon, str):
        if lexicon != "default":
            raise ValueError(f"lexicon must be None, 'default' or a mapping label → cue words, got {lexicon!r}")
        return keyword_lexicon()
    if not isinstance(lexicon, Mapping):
        raise TypeError(f"lexicon must be None, 'default' or a mapping label → cue words, got {_describe(lexicon)}")
    out = {}
    for k, v in lexicon.items():
        if isinstance(v, str) or not all(isinstance(w, str) and w for w in v):
            raise TypeError(f"lexicon[{k!r}] must be a sequence of non-empty str, got {_describe(v)}")
        out[str(k)] = tuple(v)
    return out



@functools.cache
def keyword_lexicon() -> dict[str, tuple[str, ...]]:
    """Category → cue words, from ``resources/data/category_keywords.tsv``."""
    from ..resources import load_table

    lex: dict[str, list[str]] = {}
    for cat, words_ in load_table(KEYWORDS_FILE, columns=2):
        lex.setdefault(cat, []).extend(w.strip() for w in words_.split() if w.strip())
    return {c: tuple(ws) for c, ws in lex.items()}


# -- default model --------------------------------------------------------------------------
def load_training_data() -> tuple[list[dict[str, str]], list[str]]:
    """The shipped labeled sections: (inputs with ``heading``/``text``, labels)."""
    from ..errors import ResourceError
    from ..resources import data_path

    X, y = [], []
    raw = data_path(TRAIN_FILE).read_text(encoding="utf-8")
    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            X.append({"heading": rec["heading"], "text": rec["text"]})
            y.append(rec["label"])
        except (ValueError, KeyError) as exc:
            raise ResourceError(f"{TRAIN_FILE}:{lineno}: bad training record ({exc})") from None
    return X, y


DEFAULT_PARAMS: Mapping[str, Any] = {
    "lexicon": "default",
    "heading_weight": 2.0,
    "min_df": {"heading_char": 2, "text_word": 2},
}
"""Parameters of the default model (everything else is ``SectionClassifier``'s default).
Fixed before the reported evaluation; ``corpora/labels/tune_classifier.py`` checks the
choice by nested cross-validation."""


