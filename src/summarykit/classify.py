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

The default model (``default_classifier()``) is trained on first use from the labels shipped
in package data (``resources/data/category_train.jsonl``, the default taxonomy of
``TAXONOMY.md``) and cached for the process; nothing is ever unpickled.
``classify_document(doc)`` fills ``category`` and ``category_scores`` on every section.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import numbers
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted

from .model import Document, Section

__all__ = [
    "CATEGORIES",
    "DEFAULT_PARAMS",
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
]

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
    if sp.issparse(X):
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
    from .tokenize import words

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


class SectionClassifier(ClassifierMixin, BaseEstimator):
    """Work-category classifier for sections of Chinese reports (any label set).

    Features (after folding traditional characters to simplified), each block L2-normalised
    TF-IDF and scaled by its weight: jieba words of the heading and of the text, character n-grams of the heading (and of the text when
    ``char_text=True``), and — when a cue lexicon is given — ``log(1 + hits)`` of each
    label's cue words in heading and text. A multinomial logistic regression on top gives
    the probabilities.

    Parameters
    ----------
    heading_weight : float, default=1.0
        Scale of the heading blocks relative to the text blocks. The heading is also part of
        the text, so 1.0 already counts it twice.
    word_ngram_range : tuple (min_n, max_n), default=(1, 1)
        n-grams of jieba words.
    char_ngram_range : tuple (min_n, max_n) or None, default=(1, 3)
        Character n-grams (``analyzer="char_wb"``); ``None`` turns them off.
    char_text : bool, default=False
        Also use character n-grams of the text (not only of the heading). Off by default: on
        the labeled sections they added ~100,000 features and no accuracy.
    lexicon : None, "default" or mapping label → cue words, default=None
        Cue-word counts as extra features. ``"default"`` is the shipped lexicon of the default
        taxonomy (``resources/data/category_keywords.tsv``); any mapping works (its keys need
        not be the labels of ``y``: the model learns what the counts mean).
    lexicon_weight : float, default=1.0
        Scale of the lexicon features.
    min_df : int, float or mapping block → int/float, default=1
        Passed to each ``TfidfVectorizer``; a mapping sets it per block (``heading_word``,
        ``heading_char``, ``text_word``, ``text_char``; blocks not named get 1).
    sublinear_tf : bool, default=True
        ``1 + log(tf)`` instead of raw term counts (passed to each ``TfidfVectorizer``).
    max_chars : int or None, default=3000
        Only the first ``max_chars`` characters of a section's text are used (the opening
        of a long section says what it is about; this bounds the cost of 20,000-character
        sections of national reports). ``None`` uses everything.
    C : float, default=3.0
        Inverse regularisation strength of the logistic regression.
    class_weight : "balanced", dict or None, default="balanced"
        Passed to ``LogisticRegression`` (rare categories matter as much as frequent ones).
    max_iter : int, default=3000
        Passed to ``LogisticRegression``.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
    vectorizers_ : dict of block name → fitted ``TfidfVectorizer`` (a block whose vocabulary
        came out empty, e.g. no headings at all, is left out)
    lexicon_ : dict label → cue words, or None
    estimator_ : fitted ``LogisticRegression`` (``None`` when ``y`` has a single class)
    n_features_out_ : int
    """

    def __init__(
        self,
        *,
        heading_weight: float = 1.0,
        word_ngram_range: tuple[int, int] = (1, 1),
        char_ngram_range: tuple[int, int] | None = (1, 3),
        char_text: bool = False,
        lexicon: str | Mapping[str, Sequence[str]] | None = None,
        lexicon_weight: float = 1.0,
        min_df: float | Mapping[str, float] = 1,
        sublinear_tf: bool = True,
        max_chars: int | None = 3000,
        C: float = 3.0,
        class_weight: str | Mapping[Any, float] | None = "balanced",
        max_iter: int = 3000,
    ) -> None:
        self.heading_weight = heading_weight
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.char_text = char_text
        self.lexicon = lexicon
        self.lexicon_weight = lexicon_weight
        self.min_df = min_df
        self.sublinear_tf = sublinear_tf
        self.max_chars = max_chars
        self.C = C
        self.class_weight = class_weight
        self.max_iter = max_iter

    # -- sklearn plumbing ------------------------------------------------------------------
    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True  # texts
        tags.input_tags.two_d_array = True  # (n, 2) arrays of (heading, text)
        tags.input_tags.sparse = False
        return tags

    def _validate_params(self) -> None:
        for name in ("heading_weight", "lexicon_weight"):
            v = getattr(self, name)
            if not isinstance(v, numbers.Real) or isinstance(v, bool) or v < 0:
                raise ValueError(f"{name} must be a number ≥ 0, got {v!r}")
        ranges = [("word_ngram_range", self.word_ngram_range)]
        if self.char_ngram_range is not None:
            ranges.append(("char_ngram_range", self.char_ngram_range))
        for name, r in ranges:
            if not (isinstance(r, tuple | list) and len(r) == 2 and 1 <= r[0] <= r[1]):
                raise ValueError(f"{name} must be (min_n, max_n) with 1 ≤ min_n ≤ max_n, got {r!r}")
        if self.max_chars is not None and (not isinstance(self.max_chars, numbers.Integral) or self.max_chars < 1):
            raise ValueError(f"max_chars must be a positive int or None, got {self.max_chars!r}")
        if isinstance(self.min_df, Mapping):
            unknown = set(self.min_df) - {"heading_word", "heading_char", "text_word", "text_char"}
            if unknown:
                raise ValueError(f"min_df names unknown blocks {sorted(unknown)}; blocks are heading_word, "
                                 "heading_char, text_word, text_char")
        if not isinstance(self.C, numbers.Real) or self.C <= 0:
            raise ValueError(f"C must be a positive number, got {self.C!r}")

    def _block_names(self) -> list[str]:
        names = ["heading_word", "text_word"]
        if self.char_ngram_range is not None:
            names.insert(1, "heading_char")
            if self.char_text:
                names.append("text_char")
        return names

    def _new_vectorizer(self, block: str) -> TfidfVectorizer:
        min_df = self.min_df.get(block, 1) if isinstance(self.min_df, Mapping) else self.min_df
        common = {"min_df": min_df, "sublinear_tf": bool(self.sublinear_tf), "lowercase": False,
                  "dtype": np.float64}
        if block.endswith("word"):
            return TfidfVectorizer(
                tokenizer=jieba_words, token_pattern=None, ngram_range=tuple(self.word_ngram_range), **common
            )
        return TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(self.char_ngram_range), **common)

    def _weight(self, block: str) -> float:
        return float(self.heading_weight) if block.startswith("heading") else 1.0

    def _lexicon_features(self, headings: list[str], texts: list[str]) -> sp.csr_matrix:
        lex = self.lexicon_ or {}
        out = np.zeros((len(headings), 2 * len(lex)))
        for i, (h, t) in enumerate(zip(headings, texts)):
            for j, cues in enumerate(lex.values()):
                out[i, j] = sum(h.count(w) for w in cues)
                out[i, len(lex) + j] = sum(t.count(w) for w in cues)
        return sp.csr_matrix(np.log1p(out) * float(self.lexicon_weight))

    def _features(self, headings: list[str], texts: list[str], *, fit: bool) -> sp.csr_matrix:
        if self.max_chars is not None:
            texts = [t[: self.max_chars] for t in texts]
        headings = [to_simplified(h) for h in headings]
        texts = [to_simplified(t) for t in texts]
        data = {"heading": headings, "text": texts}
        mats = []
        if fit:
            self.vectorizers_ = {}
            for block in self._block_names():
                vec = self._new_vectorizer(block)
                try:
                    m = vec.fit_transform(data[block.split("_")[0]])
                except ValueError as exc:  # empty vocabulary (e.g. no headings at all)
                    if "empty vocabulary" not in str(exc):
                        raise
                    continue
                self.vectorizers_[block] = vec
                mats.append(m * self._weight(block))
            if not mats:
                raise ValueError("no features: every section text is empty (or only whitespace)")
        else:
            for block, vec in self.vectorizers_.items():
                mats.append(vec.transform(data[block.split("_")[0]]) * self._weight(block))
        if self.lexicon_:
            mats.append(self._lexicon_features(headings, texts))
        return sp.hstack(mats, format="csr")

    # -- API -------------------------------------------------------------------------------
    def fit(self, X: Any, y: Any, sample_weight: Any = None) -> SectionClassifier:
        """Fit on sections ``X`` (see the module docstring for accepted forms) and labels ``y``."""
        self._validate_params()
        if y is None:
            raise ValueError(
                "SectionClassifier requires y to be passed, but the target y is None (one label per section)"
            )
        y_arr = np.asarray(y if hasattr(y, "dtype") or hasattr(y, "__array__") else list(y))
        if y_arr.ndim == 2 and y_arr.shape[1] == 1:
            y_arr = y_arr.ravel()
        if y_arr.ndim != 1:
            raise ValueError(f"y must be 1-d (one label per section), got shape {y_arr.shape}")
        if len(y_arr):
            check_classification_targets(y_arr)  # 'Unknown label type' for continuous y, NaN/inf
        headings, texts = _as_pairs(X)
        if len(headings) == 0:
            raise ValueError("Found array with 0 sample(s) (shape=(0,)) while a minimum of 1 is required.")
        if len(y_arr) != len(headings):
            raise ValueError(f"X has {len(headings)} sections but y has {len(y_arr)} labels")
        if sample_weight is not None:
            sample_weight = np.asarray(sample_weight, dtype=float)
            if sample_weight.shape != (len(y_arr),):
                raise ValueError(f"sample_weight must have shape ({len(y_arr)},), got {sample_weight.shape}")
        self.lexicon_ = _lexicon_arg(self.lexicon)
        Xf = self._features(headings, texts, fit=True)
        self.n_features_out_ = Xf.shape[1]
        classes = np.unique(y_arr)
        if len(classes) == 1:
            self.classes_ = classes
            self.estimator_ = None
            return self
        from threadpoolctl import threadpool_limits

        # one BLAS thread: for problems this small, threads only fight (6x slower on 2 busy cores)
        with threadpool_limits(limits=1, user_api="blas"):
            self.estimator_ = LogisticRegression(
                C=self.C, class_weight=self.class_weight, max_iter=self.max_iter
            ).fit(Xf, y_arr, sample_weight=sample_weight)
        self.classes_ = self.estimator_.classes_
        return self

    def feature_matrix(self, X: Any) -> sp.csr_matrix:
        """The weighted feature matrix (columns named by ``get_feature_names_out``)."""
        check_is_fitted(self, "vectorizers_")
        headings, texts = _as_pairs(X)
        return self._features(headings, texts, fit=False)

    def decision_function(self, X: Any) -> np.ndarray:
        check_is_fitted(self, "vectorizers_")
        Xf = self.feature_matrix(X)
        if self.estimator_ is None:
            return np.zeros(Xf.shape[0])
        return self.estimator_.decision_function(Xf)

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities, columns in ``classes_`` order (rows sum to 1)."""
        check_is_fitted(self, "vectorizers_")
        Xf = self.feature_matrix(X)
        if self.estimator_ is None:
            return np.ones((Xf.shape[0], 1))
        return self.estimator_.predict_proba(Xf)

    def predict(self, X: Any) -> np.ndarray:
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """``block__term`` for every feature column: blocks ``heading_word``, ``heading_char``,
        ``text_word``, ``text_char``, then ``lexicon_heading``/``lexicon_text`` (term = label)."""
        check_is_fitted(self, "vectorizers_")
        names = [
            f"{block}__{t}" for block, vec in self.vectorizers_.items() for t in vec.get_feature_names_out()
        ]
        if self.lexicon_:
            names += [f"lexicon_heading__{k}" for k in self.lexicon_]
            names += [f"lexicon_text__{k}" for k in self.lexicon_]
        return np.asarray(names, dtype=object)

    def _coef_for(self, label: Any) -> tuple[np.ndarray, float]:
        est = self.estimator_
        (k,) = np.flatnonzero(self.classes_ == label)
        if est.coef_.shape[0] == 1:  # binary: one row for classes_[1]
            sign = 1.0 if k == 1 else -1.0
            return sign * est.coef_[0], sign * float(est.intercept_[0])
        return est.coef_[k], float(est.intercept_[k])

    def explain(self, x: Any, *, label: Any = None, top: int = 10) -> Explanation:
        """The features that drove the prediction for one section ``x``.

        ``x`` is one input in any accepted form (str, (heading, text), mapping, or a
        (Document, Section) pair). Contributions are ``feature value × coefficient`` of the
        explained label (the predicted one unless ``label`` is given), largest first; with
        the intercept they sum to that label's decision score.
        """
        check_is_fitted(self, "vectorizers_")
        if not isinstance(top, numbers.Integral) or top < 1:
            raise ValueError(f"top must be a positive int, got {top!r}")
        Xf = self.feature_matrix([x])
        proba = self.predict_proba([x])[0]
        if label is None:
            label = self.classes_[int(np.argmax(proba))]
        elif label not in set(self.classes_.tolist()):
            raise ValueError(f"label {label!r} is not one of classes_ {list(self.classes_)}")
        p = float(proba[int(np.flatnonzero(self.classes_ == label)[0])])
        if self.estimator_ is None:
            return Explanation(label, p, 0.0, ())
        coef, intercept = self._coef_for(label)
        row = Xf.tocsr()
        idx, vals = row.indices, row.data
        contrib = vals * coef[idx]
        order = np.argsort(-contrib)[:top]
        names = self.get_feature_names_out()
        feats = tuple(
            FeatureContribution(str(names[idx[i]]), float(vals[i]), float(coef[idx[i]]), float(contrib[i]))
            for i in order
            if contrib[i] > 0
        )
        return Explanation(label, p, intercept, feats)

    def top_features(self, label: Any, *, top: int = 20) -> list[tuple[str, float]]:
        """The ``top`` features with the largest coefficients for ``label`` (model-wide view)."""
        check_is_fitted(self, "vectorizers_")
        if self.estimator_ is None:
            return []
        if label not in set(self.classes_.tolist()):
            raise ValueError(f"label {label!r} is not one of classes_ {list(self.classes_)}")
        coef, _ = self._coef_for(label)
        names = self.get_feature_names_out()
        order = np.argsort(-coef)[:top]
        return [(str(names[i]), float(coef[i])) for i in order]


# -- keyword baseline ---------------------------------------------------------------------
class KeywordBaseline(ClassifierMixin, BaseEstimator):
    """A keyword-lexicon classifier, the baseline ``SectionClassifier`` must beat.

    Each category has a list of cue words (``resources/data/category_keywords.tsv``, written
    from the cues in ``TAXONOMY.md``, not fitted to the labels). A section scores, for each
    category, the number of cue occurrences in its text plus ``heading_weight`` × those in
    its heading; the best-scoring category wins, ``default`` when nothing matches. ``fit``
    learns nothing but ``classes_``.
    """

    def __init__(self, *, lexicon: Mapping[str, Sequence[str]] | None = None, heading_weight: float = 3.0,
                 default: str = "other", max_chars: int | None = 3000) -> None:
        self.lexicon = lexicon
        self.heading_weight = heading_weight
        self.default = default
        self.max_chars = max_chars

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        return tags

    def fit(self, X: Any, y: Any) -> KeywordBaseline:
        _as_pairs(X)
        self.lexicon_ = dict(self.lexicon) if self.lexicon is not None else keyword_lexicon()
        self.classes_ = np.unique(np.concatenate([np.asarray(y, dtype=object), [self.default]]).astype(str))
        return self

    def _scores(self, X: Any) -> np.ndarray:
        check_is_fitted(self, "lexicon_")
        headings, texts = _as_pairs(X)
        cats = list(self.classes_)
        out = np.zeros((len(headings), len(cats)))
        for i, (h, t) in enumerate(zip(headings, texts)):
            if self.max_chars is not None:
                t = t[: self.max_chars]
            for j, c in enumerate(cats):
                for kw in self.lexicon_.get(c, ()):
                    out[i, j] += t.count(kw) + self.heading_weight * h.count(kw)
        return out

    def predict(self, X: Any) -> np.ndarray:
        s = self._scores(X)
        best = np.argmax(s, axis=1)
        default = list(self.classes_).index(self.default)
        best[s.max(axis=1) == 0] = default
        return self.classes_[best]


@functools.cache
def keyword_lexicon() -> dict[str, tuple[str, ...]]:
    """Category → cue words, from ``resources/data/category_keywords.tsv``."""
    from .resources import load_table

    lex: dict[str, list[str]] = {}
    for cat, words_ in load_table(KEYWORDS_FILE, columns=2):
        lex.setdefault(cat, []).extend(w.strip() for w in words_.split() if w.strip())
    return {c: tuple(ws) for c, ws in lex.items()}


# -- default model --------------------------------------------------------------------------
def load_training_data() -> tuple[list[dict[str, str]], list[str]]:
    """The shipped labeled sections: (inputs with ``heading``/``text``, labels)."""
    from .errors import ResourceError
    from .resources import data_path

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


def default_estimator() -> SectionClassifier:
    """An unfitted ``SectionClassifier`` configured like the default model."""
    return SectionClassifier(**DEFAULT_PARAMS)


@functools.cache
def default_classifier() -> SectionClassifier:
    """The default model, trained on the shipped labels on first call (cached per process)."""
    X, y = load_training_data()
    return default_estimator().fit(X, y)


def classify_document(doc: Document, *, classifier: SectionClassifier | None = None, top: int = 3) -> Document:
    """``doc`` with ``category`` and ``category_scores`` (the ``top`` best, probabilities
    rounded to 3 places) filled on every section, deeper levels included."""
    if not isinstance(doc, Document):
        raise TypeError(f"doc must be a Document, got {_describe(doc)}")
    if not doc.sections:
        return doc
    clf = default_classifier() if classifier is None else classifier
    proba = clf.predict_proba(section_inputs(doc))
    classes = clf.classes_
    sections = []
    for s, p in zip(doc.sections, proba):
        order = np.argsort(-p)[:top]
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
