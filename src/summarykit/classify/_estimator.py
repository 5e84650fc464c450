"""The trainable estimators: ``SectionClassifier`` and the ``KeywordBaseline`` (scikit-learn).

Imported on first use of either name (``summarykit.classify`` loads this module lazily), so
that classifying with the shipped default model never imports scikit-learn.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted

from ._text import (
    DEFAULT_PARAMS,
    Explanation,
    _as_pairs,
    _lexicon_arg,
    check_label,
    check_top,
    coef_for,
    contributions,
    jieba_words,
    keyword_lexicon,
    load_training_data,
    ranked_features,
    to_simplified,
)

__all__ = ["KeywordBaseline", "SectionClassifier", "default_estimator", "train_default_classifier"]


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
        return coef_for(self.estimator_.coef_, self.estimator_.intercept_, self.classes_, label)

    def explain(self, x: Any, *, label: Any = None, top: int = 10) -> Explanation:
        """The features that drove the prediction for one section ``x``.

        ``x`` is one input in any accepted form (str, (heading, text), mapping, or a
        (Document, Section) pair). Contributions are ``feature value × coefficient`` of the
        explained label (the predicted one unless ``label`` is given), largest first; with
        the intercept they sum to that label's decision score.
        """
        check_is_fitted(self, "vectorizers_")
        check_top(top)
        Xf = self.feature_matrix([x])
        proba = self.predict_proba([x])[0]
        if label is None:
            label = self.classes_[int(np.argmax(proba))]
        else:
            check_label(self.classes_, label)
        p = float(proba[int(np.flatnonzero(self.classes_ == label)[0])])
        if self.estimator_ is None:
            return Explanation(label, p, 0.0, ())
        coef, intercept = self._coef_for(label)
        row = Xf.tocsr()
        return Explanation(label, p, intercept, contributions(row.indices, row.data, coef, self.get_feature_names_out(), top))

    def top_features(self, label: Any, *, top: int = 20) -> list[tuple[str, float]]:
        """The ``top`` features with the largest coefficients for ``label`` (model-wide view)."""
        check_is_fitted(self, "vectorizers_")
        if self.estimator_ is None:
            return []
        check_label(self.classes_, label)
        return ranked_features(self._coef_for(label)[0], self.get_feature_names_out(), top)


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



def default_estimator() -> SectionClassifier:
    """An unfitted ``SectionClassifier`` configured like the default model (``DEFAULT_PARAMS``)."""
    return SectionClassifier(**DEFAULT_PARAMS)


def train_default_classifier() -> SectionClassifier:
    """``default_estimator()`` fitted on the shipped labels (``load_training_data()``): the
    scikit-learn model that ``resources/data/category_model.json`` was exported from
    (``scripts/train_default_model.py``). A few seconds; the default model itself never
    trains at run time."""
    X, y = load_training_data()
    return default_estimator().fit(X, y)
