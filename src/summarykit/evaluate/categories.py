"""Evaluate work-category classification: grouped cross-validation against a keyword baseline.

``summarykit evaluate categories [PATH]`` (PATH: a ``sections.jsonl`` of labeled sections,
default ``corpora/labels/sections.jsonl``) prints macro-F1 of ``SectionClassifier`` and of the
keyword-lexicon ``KeywordBaseline`` under the same folds, a per-class report and the confusion
matrix.

Folds are grouped by document: no report has sections on both sides of a split. Documents
that copy each other (the seed's 篇3 reappears as ``summary_fulian_01``; several seed reports
share whole paragraphs) are merged into one group first, so a copied section cannot be
"recognised" from its twin in the training folds. The model configuration is the fixed default
of the default model (``summarykit.classify.DEFAULT_PARAMS``, chosen before this run; see ``corpora/labels/tune_classifier.py`` for
the nested-CV check of that choice).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

DEFAULT_PATH = Path("corpora") / "labels" / "sections.jsonl"
SHORT = {
    "party_building": "party",
    "organization": "org",
    "publicity": "pub",
    "rights_law": "rights",
    "family_civility": "family",
    "assistance": "assist",
    "economy_skills": "econ",
    "culture_events": "culture",
    "health": "health",
    "environment": "env",
    "overview": "overview",
    "shortcomings_plans": "plans",
    "other": "other",
}
_NATIONAL = re.compile(r"(gov_\d{4}_national|party_congress_)")
# the taxonomy's target: reports of grass-roots units (妇联, 社区, 村/镇, 工会, 党支部, 学校 …) — the
# seed, the development summaries and the held-out report excerpts (see corpora/labels/README.md)
_GRASS_ROOTS = re.compile(r"corpora/(seed|holdout[23]?)/|corpora/dev/(summary_|report_fulian_)")
_HELD_OUT = re.compile(r"corpora/holdout[23]?/")


def record_kinds(records: Sequence[dict[str, Any]]) -> np.ndarray:
    """Per record: ``"grass-roots"``, ``"national"`` or ``"local"`` (city/county government
    reports, speeches, the policy notice and the 1921 reports)."""
    return np.array([
        "national" if _NATIONAL.search(r["source"]) else "grass-roots" if _GRASS_ROOTS.search(r["source"]) else "local"
        for r in records
    ])


def load_records(path: str | Path) -> list[dict[str, Any]]:
    """Labeled sections from a JSONL file (one record per line, see ``corpora/labels/README.md``)."""
    p = Path(path)
    records = []
    for lineno, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as exc:
            raise ValueError(f"{p}:{lineno}: not JSON ({exc})") from None
        for key in ("source", "doc", "heading", "text", "category"):
            if key not in rec:
                raise ValueError(f"{p}:{lineno}: record lacks {key!r}")
        records.append(rec)
    return records


def _shingles(text: str, k: int) -> set[str]:
    t = re.sub(r"\s+", "", text)
    return {t[i : i + k] for i in range(max(0, len(t) - k + 1))}


def document_groups(records: Sequence[dict[str, Any]], *, k: int = 12, threshold: float = 0.2) -> np.ndarray:
    """A group id per record: its document, with documents that share at least
    ``threshold`` of the smaller one's ``k``-character shingles merged (union-find)."""
    docs = sorted({(r["source"], r["doc"]) for r in records})
    index = {d: i for i, d in enumerate(docs)}
    texts: dict[int, list[str]] = {}
    for r in records:
        texts.setdefault(index[(r["source"], r["doc"])], []).append(r["text"])
    sh = [_shingles("\n".join(texts[i]), k) for i in range(len(docs))]
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            small = min(len(sh[i]), len(sh[j]))
            if small and len(sh[i] & sh[j]) / small >= threshold:
                parent[find(i)] = find(j)
    roots = {find(i) for i in range(len(docs))}
    gid = {r: g for g, r in enumerate(sorted(roots))}
    return np.array([gid[find(index[(r["source"], r["doc"])])] for r in records])


@dataclass
class CategoryEvaluation:
    """Result of ``cross_validate``: out-of-fold predictions of the model and the baseline."""

    labels: list[str]
    y_true: np.ndarray
    y_pred: np.ndarray
    y_base: np.ndarray
    groups: np.ndarray
    n_splits: int
    national: np.ndarray
    params: dict[str, Any] = field(default_factory=dict)
    confidence: np.ndarray | None = None
    kinds: np.ndarray | None = None
    """``record_kinds`` of the records (grass-roots / local / national)."""
    held_out: np.ndarray | None = None
    """True for the sections of the held-out report excerpts (``corpora/holdout*/``)."""
    """Out-of-fold probability of the predicted label (``None`` without ``predict_proba``)."""

    def calibration(self, *, bins: int = 10) -> tuple[float, float, float]:
        """(mean confidence, accuracy, expected calibration error over ``bins`` equal-width
        confidence bins) of the out-of-fold predictions."""
        if self.confidence is None:
            raise ValueError("no out-of-fold probabilities were recorded")
        correct = (self.y_pred == self.y_true).astype(float)
        edges = np.linspace(0.0, 1.0, bins + 1)
        which = np.clip(np.digitize(self.confidence, edges[1:-1]), 0, bins - 1)
        ece = sum(
            abs(self.confidence[which == b].mean() - correct[which == b].mean()) * (which == b).mean()
            for b in range(bins)
            if (which == b).any()
        )
        return float(self.confidence.mean()), float(correct.mean()), float(ece)

    @property
    def macro_f1(self) -> float:
        from sklearn.metrics import f1_score

        return float(f1_score(self.y_true, self.y_pred, labels=self.labels, average="macro", zero_division=0))

    @property
    def baseline_macro_f1(self) -> float:
        from sklearn.metrics import f1_score

        return float(f1_score(self.y_true, self.y_base, labels=self.labels, average="macro", zero_division=0))

    def subset_macro_f1(self, mask: np.ndarray) -> tuple[float, float]:
        """(model, baseline) macro-F1 over the records in ``mask`` (classes present there)."""
        from sklearn.metrics import f1_score

        labels = [c for c in self.labels if c in set(self.y_true[mask])]
        f = lambda pred: float(f1_score(self.y_true[mask], pred[mask], labels=labels, average="macro", zero_division=0))
        return f(self.y_pred), f(self.y_base)

    def report(self) -> str:
        from sklearn.metrics import classification_report

        return classification_report(self.y_true, self.y_pred, labels=self.labels, digits=3, zero_division=0)

    def confusion(self) -> np.ndarray:
        from sklearn.metrics import confusion_matrix

        return confusion_matrix(self.y_true, self.y_pred, labels=self.labels)

    def format_confusion(self) -> str:
        cm = self.confusion()
        names = [SHORT.get(c, c[:8]) for c in self.labels]
        w = max(8, max(len(n) for n in names) + 1)
        lines = ["true \\ pred".ljust(w) + "".join(n.rjust(w) for n in names)]
        for n, row in zip(names, cm):
            lines.append(n.ljust(w) + "".join(str(v).rjust(w) for v in row))
        return "\n".join(lines)


def cross_validate(
    records: Sequence[dict[str, Any]],
    *,
    estimator: Any = None,
    baseline: Any = None,
    n_splits: int = 5,
    random_state: int = 0,
) -> CategoryEvaluation:
    """Out-of-fold predictions under ``StratifiedGroupKFold`` (groups: ``document_groups``)."""
    from sklearn.base import clone
    from sklearn.model_selection import StratifiedGroupKFold

    from ..classify import KeywordBaseline, default_estimator

    est = default_estimator() if estimator is None else estimator
    base = KeywordBaseline() if baseline is None else baseline
    X = [{"heading": r["heading"], "text": r["text"]} for r in records]
    y = np.array([r["category"] for r in records], dtype=object)
    groups = document_groups(records)
    y_pred = np.empty(len(y), dtype=object)
    y_base = np.empty(len(y), dtype=object)
    confidence = np.zeros(len(y)) if hasattr(est, "predict_proba") else None
    cv = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=random_state)
    import warnings

    with warnings.catch_warnings():  # "The least populated class in y has only 5 members"
        warnings.filterwarnings("ignore", message="The least populated class", category=UserWarning)
        splits = list(cv.split(X, y, groups))
    for train, test in splits:
        assert not set(groups[train]) & set(groups[test])
        Xtr = [X[i] for i in train]
        Xte = [X[i] for i in test]
        model = clone(est).fit(Xtr, y[train])
        if confidence is not None:
            proba = model.predict_proba(Xte)
            y_pred[test] = model.classes_[proba.argmax(axis=1)]
            confidence[test] = proba.max(axis=1)
        else:
            y_pred[test] = model.predict(Xte)
        y_base[test] = clone(base).fit(Xtr, y[train]).predict(Xte)
    labels = [c for c in _label_order(y)]
    national = np.array([bool(_NATIONAL.search(r["source"])) for r in records])
    held_out = np.array([bool(_HELD_OUT.search(r["source"])) for r in records])
    return CategoryEvaluation(labels, y, y_pred, y_base, groups, n_splits, national, est.get_params(), confidence,
                              record_kinds(records), held_out)


DEFAULT_GRID: dict[str, list[Any]] = {
    "C": [1.0, 3.0, 10.0],
    "lexicon_weight": [0.5, 1.0],
    "heading_weight": [1.0, 2.0, 3.0],
}


def nested_cross_validate(
    records: Sequence[dict[str, Any]],
    *,
    grid: dict[str, list[Any]] | None = None,
    n_splits: int = 5,
    inner_splits: int = 3,
    random_state: int = 0,
) -> tuple[CategoryEvaluation, list[dict[str, Any]]]:
    """Nested CV: in each outer fold, ``GridSearchCV`` (inner ``StratifiedGroupKFold``,
    macro-F1) picks the configuration on the training documents only; the outer test
    documents score it. Returns the out-of-fold evaluation and the configuration chosen in
    each outer fold. This is the honest estimate of "default model + tuning"."""
    import warnings

    from sklearn.model_selection import GridSearchCV, StratifiedGroupKFold

    from ..classify import KeywordBaseline, default_estimator

    X = [{"heading": r["heading"], "text": r["text"]} for r in records]
    y = np.array([r["category"] for r in records], dtype=object)
    groups = document_groups(records)
    y_pred = np.empty(len(y), dtype=object)
    y_base = np.empty(len(y), dtype=object)
    chosen = []
    outer = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=random_state)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The least populated class", category=UserWarning)
        for train, test in outer.split(X, y, groups):
            Xtr = [X[i] for i in train]
            search = GridSearchCV(
                default_estimator(),
                grid or DEFAULT_GRID,
                scoring="f1_macro",
                cv=StratifiedGroupKFold(n_splits=inner_splits, shuffle=True, random_state=random_state),
                n_jobs=1,
            )
            search.fit(Xtr, y[train], groups=groups[train])
            chosen.append(dict(search.best_params_))
            y_pred[test] = search.predict([X[i] for i in test])
            y_base[test] = KeywordBaseline().fit(Xtr, y[train]).predict([X[i] for i in test])
    national = np.array([bool(_NATIONAL.search(r["source"])) for r in records])
    held_out = np.array([bool(_HELD_OUT.search(r["source"])) for r in records])
    ev = CategoryEvaluation(_label_order(y), y, y_pred, y_base, groups, n_splits, national, {"grid": grid or DEFAULT_GRID},
                            None, record_kinds(records), held_out)
    return ev, chosen


def subsets(ev: CategoryEvaluation) -> list[tuple[str, np.ndarray]]:
    """The record subsets the evaluation reports separately (name, mask)."""
    out = []
    if ev.kinds is not None:
        out.append(("grass-roots reports", ev.kinds == "grass-roots"))
        if ev.held_out is not None:
            out.append(("  of which held-out excerpts", ev.held_out))
        out.append(("local government and other genres", ev.kinds == "local"))
    else:
        out.append(("grass-roots + local", ~ev.national))
    out.append(("national reports", ev.national))
    return out


def _label_order(y: np.ndarray) -> list[str]:
    from ..classify import CATEGORIES

    present = set(y.tolist())
    return [c for c in CATEGORIES if c in present] + sorted(present - set(CATEGORIES))


def main(paths: Sequence[str] = ()) -> int:
    """Print the evaluation; exit 0. ``paths``: labeled JSONL files (default: the repo's)."""
    files = [Path(p) for p in paths] or [DEFAULT_PATH]
    records: list[dict[str, Any]] = []
    for f in files:
        if f.is_dir():
            f = f / "sections.jsonl"
        if not f.exists():
            print(f"summarykit: {f}: no labeled sections here (run from the repository root, or pass "
                  "the path of a sections.jsonl)", file=sys.stderr)
            return 2
        records.extend(load_records(f))
    ev = cross_validate(records)
    from collections import Counter

    n_docs = len({(r["source"], r["doc"]) for r in records})
    print(f"labeled sections: {len(records)} from {n_docs} documents ({len(set(ev.groups))} groups after "
          f"merging copies); {ev.n_splits}-fold StratifiedGroupKFold (shuffle, random_state=0)")
    counts = Counter(ev.y_true.tolist())
    print("labels: " + ", ".join(f"{c} {counts[c]}" for c in ev.labels))
    print(f"model: SectionClassifier({', '.join(f'{k}={v!r}' for k, v in sorted(ev.params.items()))})")
    print()
    print(f"macro-F1  SectionClassifier {ev.macro_f1:.3f}   keyword baseline {ev.baseline_macro_f1:.3f}   "
          f"margin {ev.macro_f1 - ev.baseline_macro_f1:+.3f}")
    from sklearn.metrics import accuracy_score

    print(f"accuracy  SectionClassifier {accuracy_score(ev.y_true, ev.y_pred):.3f}   "
          f"keyword baseline {accuracy_score(ev.y_true, ev.y_base):.3f}")
    if ev.confidence is not None:
        conf, acc, ece = ev.calibration()
        print(f"calibration  mean probability of the predicted label {conf:.3f} vs accuracy {acc:.3f}; "
              f"expected calibration error {ece:.3f} (10 bins)")
    for name, mask in subsets(ev):
        if mask.any():
            m, b = ev.subset_macro_f1(mask)
            print(f"  {name:34s} n={int(mask.sum()):4d}  macro-F1 {m:.3f}  baseline {b:.3f}")
    print()
    print("per-class report (SectionClassifier, out-of-fold):")
    print(ev.report())
    print("confusion matrix (rows true, columns predicted):")
    print(ev.format_confusion())
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
