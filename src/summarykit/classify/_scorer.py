"""The default model as plain data (JSON), scored with numpy only.

``CategoryModel`` holds what a fitted ``SectionClassifier`` needs to compute its
probabilities — classes, per-block vocabularies with idf and weight, the cue lexicon,
coefficients and intercepts — and reproduces ``SectionClassifier.predict_proba`` without
scikit-learn and without training: TF-IDF of jieba words and ``char_wb`` n-grams
(``sublinear_tf``, L2 per block, scaled by the block weight), ``log(1 + hits)`` of the cue
words, then the softmax of the linear scores (the logistic function for two classes).

The shipped file is ``resources/data/category_model.json``, written by
``scripts/train_default_model.py`` from the shipped labels. Its format::

    {"format": "summarykit/category-model", "version": 1,
     "training_data": {"file": "category_train.jsonl", "sha256": "…", "sections": 592},
     "params": {…SectionClassifier.get_params()…}, "classes": [...],
     "max_chars": 3000, "sublinear_tf": true,
     "blocks": [{"name": "heading_word", "source": "heading", "analyzer": "word",
                 "ngram_range": [1, 1], "weight": 2.0, "terms": [...], "idf": [...]}, …],
     "lexicon": {"weight": 1.0, "cues": {label: [cue, …], …}} or null,
     "coef_decimals": 8, "coef": [[int, …] per class row], "intercept": [...]}

Coefficients are stored as integers in units of ``10**-coef_decimals``: with 8 decimals a
score moves by less than 1e-6 even if every one of a section's features were rounded the
same way, so the probabilities match the estimator's to about 1e-7.
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ._text import (
    Explanation,
    _as_pairs,
    _describe,
    check_label,
    check_top,
    coef_for,
    contributions,
    jieba_words,
    ranked_features,
    to_simplified,
)

__all__ = ["MODEL_FILE", "CategoryModel", "char_wb_ngrams", "word_ngrams"]

MODEL_FILE = "category_model.json"
FORMAT = "summarykit/category-model"
VERSION = 1
COEF_DECIMALS = 8


# -- analyzers (the same n-grams as scikit-learn's word and char_wb analyzers) ----------------
def word_ngrams(tokens: Sequence[str], ngram_range: Sequence[int]) -> list[str]:
    """Word n-grams of ``tokens`` as ``CountVectorizer(analyzer="word")`` makes them
    (unigrams first, then n-grams joined by a space)."""
    min_n, max_n = int(ngram_range[0]), int(ngram_range[1])
    if max_n == 1:
        return list(tokens)
    out = list(tokens) if min_n == 1 else []
    start = 2 if min_n == 1 else min_n
    n_tok = len(tokens)
    for n in range(start, min(max_n + 1, n_tok + 1)):
        for i in range(n_tok - n + 1):
            out.append(" ".join(tokens[i : i + n]))
    return out


def char_wb_ngrams(text: str, ngram_range: Sequence[int]) -> list[str]:
    """Character n-grams inside whitespace-separated words, each word padded with a space
    (``CountVectorizer(analyzer="char_wb")``)."""
    min_n, max_n = int(ngram_range[0]), int(ngram_range[1])
    out: list[str] = []
    for w in text.split():
        w = f" {w} "
        w_len = len(w)
        for n in range(min_n, max_n + 1):
            offset = 0
            out.append(w[offset : offset + n])
            while offset + n < w_len:
                offset += 1
                out.append(w[offset : offset + n])
            if offset == 0:  # a short word (w_len < n) is counted once
                break
    return out


class _Block:
    __slots__ = ("analyzer", "idf", "name", "ngram_range", "offset", "source", "terms", "vocab", "weight")

    def __init__(self, spec: Mapping[str, Any], offset: int) -> None:
        self.name = str(spec["name"])
        self.source = str(spec["source"])
        self.analyzer = str(spec["analyzer"])
        self.ngram_range = tuple(int(v) for v in spec["ngram_range"])
        self.weight = float(spec["weight"])
        self.terms = [str(t) for t in spec["terms"]]
        self.idf = np.asarray(spec["idf"], dtype=np.float64)
        if self.source not in ("heading", "text") or self.analyzer not in ("word", "char_wb"):
            raise ValueError(f"block {self.name!r}: unknown source {self.source!r} or analyzer {self.analyzer!r}")
        if len(self.terms) != len(self.idf):
            raise ValueError(f"block {self.name!r}: {len(self.terms)} terms but {len(self.idf)} idf values")
        self.vocab = {t: i for i, t in enumerate(self.terms)}
        if len(self.vocab) != len(self.terms):
            raise ValueError(f"block {self.name!r}: repeated terms")
        self.offset = offset

    def analyze(self, text: str) -> list[str]:
        if self.analyzer == "word":
            return word_ngrams(jieba_words(text), self.ngram_range)
        return char_wb_ngrams(text, self.ngram_range)

    def features(self, text: str, sublinear_tf: bool) -> tuple[np.ndarray, np.ndarray]:
        """(global columns, values) of ``text`` in this block: TF-IDF, L2-normalised, × weight."""
        counts = Counter(t for t in self.analyze(text) if t in self.vocab)
        if not counts:
            return np.zeros(0, dtype=np.intp), np.zeros(0)
        cols = np.fromiter((self.vocab[t] for t in counts), dtype=np.intp, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        if sublinear_tf:
            tf = np.log(tf) + 1.0
        vals = tf * self.idf[cols]
        norm = math.sqrt(float(vals @ vals))
        if norm > 0:
            vals = vals / norm
        order = np.argsort(cols)
        return cols[order] + self.offset, vals[order] * self.weight


class CategoryModel:
    """A fitted default-model scorer loaded from plain data (no scikit-learn, no training).

    Same prediction API as a fitted ``SectionClassifier``: ``classes_``, ``predict_proba``,
    ``predict``, ``decision_function``, ``explain``, ``top_features``,
    ``get_feature_names_out``, ``feature_matrix`` (dense), ``n_features_out_``; inputs ``X``
    in any form ``SectionClassifier`` accepts.

    >>> from summarykit.classify import default_classifier
    >>> model = default_classifier()                       # the shipped JSON, loaded once
    >>> model.predict([("开展三八节文艺汇演", "组织妇女唱歌跳舞，庆祝三八节。")])[0]
    'culture_events'
    """

    def __init__(self, data: Mapping[str, Any]) -> None:
        if not isinstance(data, Mapping):
            raise TypeError(f"CategoryModel needs the model's mapping (parsed JSON), got {_describe(data)}")
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise ValueError(
                f"not a category model of format {FORMAT!r} version {VERSION} "
                f"(got {data.get('format')!r} version {data.get('version')!r})"
            )
        self.data = data
        self.classes_ = np.asarray(data["classes"], dtype=object)
        self.max_chars = data.get("max_chars")
        self.sublinear_tf = bool(data.get("sublinear_tf", True))
        blocks, offset = [], 0
        for spec in data["blocks"]:
            b = _Block(spec, offset)
            blocks.append(b)
            offset += len(b.terms)
        self.blocks = tuple(blocks)
        lex = data.get("lexicon")
        self.lexicon_: dict[str, tuple[str, ...]] | None = (
            {str(k): tuple(v) for k, v in lex["cues"].items()} if lex else None
        )
        self.lexicon_weight = float(lex["weight"]) if lex else 0.0
        self._lex_offset = offset
        self.n_features_out_ = offset + (2 * len(self.lexicon_) if self.lexicon_ else 0)
        scale = 10.0 ** -int(data["coef_decimals"])
        self.coef_ = np.asarray(data["coef"], dtype=np.float64).reshape(-1, self.n_features_out_) * scale
        self.intercept_ = np.asarray(data["intercept"], dtype=np.float64)
        n_rows = 0 if len(self.classes_) == 1 else 1 if len(self.classes_) == 2 else len(self.classes_)
        if self.coef_.shape[0] != n_rows or self.intercept_.shape != (n_rows,):
            raise ValueError(
                f"{len(self.classes_)} classes need {n_rows} coefficient rows and intercepts, got "
                f"{self.coef_.shape[0]} and {self.intercept_.shape[0]}"
            )

    # -- construction ----------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None) -> CategoryModel:
        """The model in JSON file ``path`` (default: the shipped ``category_model.json``)."""
        if path is None:
            from ..resources import data_path

            raw = data_path(MODEL_FILE).read_text(encoding="utf-8")
        else:
            raw = Path(path).read_text(encoding="utf-8")
        return cls(json.loads(raw))

    @classmethod
    def from_estimator(
        cls, clf: Any, *, training_data: Mapping[str, Any] | None = None, coef_decimals: int = COEF_DECIMALS
    ) -> CategoryModel:
        """The plain-data form of a fitted ``SectionClassifier`` (any label set).

        ``training_data`` (e.g. ``{"file": …, "sha256": …, "sections": n}``) is recorded as
        is, so a later check can tell whether the model still belongs to its labels.
        """
        if not hasattr(clf, "vectorizers_"):
            raise TypeError(f"from_estimator needs a fitted SectionClassifier, got {_describe(clf)}")
        blocks = []
        for name, vec in clf.vectorizers_.items():
            word = name.endswith("word")
            blocks.append({
                "name": name,
                "source": name.split("_")[0],
                "analyzer": "word" if word else "char_wb",
                "ngram_range": list(clf.word_ngram_range if word else clf.char_ngram_range),
                "weight": float(clf._weight(name)),
                "terms": [str(t) for t in vec.get_feature_names_out()],
                "idf": [float(v) for v in vec.idf_],
            })
        classes = clf.classes_.tolist()
        if clf.estimator_ is None:
            coef: list[list[int]] = []
            intercept: list[float] = []
        else:
            scale = 10.0**coef_decimals
            coef = [[round(float(w) * scale) for w in row] for row in clf.estimator_.coef_]
            intercept = [float(v) for v in clf.estimator_.intercept_]
        params = {k: _jsonable(v) for k, v in sorted(clf.get_params().items())}
        data = {
            "format": FORMAT,
            "version": VERSION,
            "training_data": dict(training_data) if training_data is not None else None,
            "params": params,
            "classes": [_jsonable(c) for c in classes],
            "max_chars": clf.max_chars,
            "sublinear_tf": bool(clf.sublinear_tf),
            "blocks": blocks,
            "lexicon": (
                {"weight": float(clf.lexicon_weight), "cues": {k: list(v) for k, v in clf.lexicon_.items()}}
                if clf.lexicon_ else None
            ),
            "coef_decimals": int(coef_decimals),
            "coef": coef,
            "intercept": intercept,
        }
        return cls(data)

    def to_json(self) -> str:
        """The model as JSON text: one line per top-level key, per block, per coefficient row
        (deterministic, diff-friendly)."""
        dump = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
        lines = []
        for key, value in self.data.items():
            if key == "blocks":
                inner = ",\n".join(f"  {dump(b)}" for b in value)
                lines.append(f'"{key}": [\n{inner}\n]')
            elif key == "coef":
                inner = ",\n".join(f"  {dump(row)}" for row in value)
                lines.append(f'"{key}": [\n{inner}\n]')
            else:
                lines.append(f"{dump(key)}: {dump(value)}")
        return "{\n" + ",\n".join(lines) + "\n}\n"

    # -- features --------------------------------------------------------------------------
    def _row(self, heading: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        if self.max_chars is not None:
            text = text[: self.max_chars]
        heading, text = to_simplified(heading), to_simplified(text)
        cols, vals = [], []
        for b in self.blocks:
            c, v = b.features(heading if b.source == "heading" else text, self.sublinear_tf)
            cols.append(c)
            vals.append(v)
        if self.lexicon_:
            n = len(self.lexicon_)
            hits = np.zeros(2 * n)
            for j, cues in enumerate(self.lexicon_.values()):
                hits[j] = sum(heading.count(w) for w in cues)
                hits[n + j] = sum(text.count(w) for w in cues)
            (nz,) = np.nonzero(hits)
            cols.append(nz + self._lex_offset)
            vals.append(np.log1p(hits[nz]) * self.lexicon_weight)
        return np.concatenate(cols).astype(np.intp), np.concatenate(vals)

    def _rows(self, X: Any) -> list[tuple[np.ndarray, np.ndarray]]:
        headings, texts = _as_pairs(X)
        return [self._row(h, t) for h, t in zip(headings, texts)]

    def feature_matrix(self, X: Any) -> np.ndarray:
        """The weighted feature matrix as a dense array (columns: ``get_feature_names_out``)."""
        rows = self._rows(X)
        out = np.zeros((len(rows), self.n_features_out_))
        for i, (c, v) in enumerate(rows):
            out[i, c] = v
        return out

    # -- prediction ------------------------------------------------------------------------
    def _scores(self, rows: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        out = np.empty((len(rows), self.coef_.shape[0]))
        for i, (c, v) in enumerate(rows):
            out[i] = self.coef_[:, c] @ v + self.intercept_
        return out

    def decision_function(self, X: Any) -> np.ndarray:
        """Linear scores: ``(n, n_classes)``; ``(n,)`` for two classes (score of
        ``classes_[1]``), zeros for a single class — as ``SectionClassifier``."""
        rows = self._rows(X)
        if len(self.classes_) == 1:
            return np.zeros(len(rows))
        s = self._scores(rows)
        return s[:, 0] if len(self.classes_) == 2 else s

    @staticmethod
    def _proba_from_scores(s: np.ndarray, n_classes: int) -> np.ndarray:
        if n_classes == 1:
            return np.ones((s.shape[0], 1))
        if n_classes == 2:
            p1 = 1.0 / (1.0 + np.exp(-s[:, 0]))
            return np.column_stack([1.0 - p1, p1])
        z = s - s.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities, columns in ``classes_`` order (rows sum to 1)."""
        rows = self._rows(X)
        if len(self.classes_) == 1:
            return np.ones((len(rows), 1))
        return self._proba_from_scores(self._scores(rows), len(self.classes_))

    def predict(self, X: Any) -> np.ndarray:
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]

    # -- inspection ------------------------------------------------------------------------
    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """``block__term`` per column, then ``lexicon_heading__label`` / ``lexicon_text__label``."""
        names = [f"{b.name}__{t}" for b in self.blocks for t in b.terms]
        if self.lexicon_:
            names += [f"lexicon_heading__{k}" for k in self.lexicon_]
            names += [f"lexicon_text__{k}" for k in self.lexicon_]
        return np.asarray(names, dtype=object)

    def _coef_for(self, label: Any) -> tuple[np.ndarray, float]:
        return coef_for(self.coef_, self.intercept_, self.classes_, label)

    def explain(self, x: Any, *, label: Any = None, top: int = 10) -> Explanation:
        """The features that pushed section ``x`` most towards ``label`` (default: the
        predicted one): ``value × coefficient``, largest first, positive ones only."""
        check_top(top)
        (row,) = self._rows([x])
        proba = self.predict_proba([x])[0]
        if label is None:
            label = self.classes_[int(np.argmax(proba))]
        else:
            check_label(self.classes_, label)
        p = float(proba[int(np.flatnonzero(self.classes_ == label)[0])])
        if len(self.classes_) == 1:
            return Explanation(label, p, 0.0, ())
        coef, intercept = self._coef_for(label)
        cols, vals = row
        return Explanation(label, p, intercept, contributions(cols, vals, coef, self.get_feature_names_out(), top))

    def top_features(self, label: Any, *, top: int = 20) -> list[tuple[str, float]]:
        """The ``top`` features with the largest coefficients for ``label``."""
        if len(self.classes_) == 1:
            return []
        check_label(self.classes_, label)
        return ranked_features(self._coef_for(label)[0], self.get_feature_names_out(), top)

    def __repr__(self) -> str:
        td = self.data.get("training_data") or {}
        return (
            f"CategoryModel({len(self.classes_)} classes, {self.n_features_out_} features, "
            f"trained on {td.get('sections', '?')} sections)"
        )


def _jsonable(v: Any) -> Any:
    if isinstance(v, tuple):
        return [_jsonable(x) for x in v]
    if isinstance(v, Mapping):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, np.generic):
        return v.item()
    return v
