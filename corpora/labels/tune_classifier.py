"""Nested cross-validation of the classifier's configuration (the honest tuning estimate).

    .venv/bin/python corpora/labels/tune_classifier.py

Outer: 5-fold StratifiedGroupKFold by document (as ``summarykit evaluate categories``);
inner: GridSearchCV over ``summarykit.evaluate.categories.DEFAULT_GRID`` with 3 grouped
folds of the outer training documents only. Prints the outer macro-F1 and the configuration
each outer fold chose. Takes about 15 minutes on 2 cores.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from summarykit.evaluate.categories import (
    DEFAULT_GRID,
    load_records,
    nested_cross_validate,
    subsets,
)

HERE = Path(__file__).resolve().parent


def main() -> int:
    t0 = time.perf_counter()
    records = load_records(HERE / "sections.jsonl")
    ev, chosen = nested_cross_validate(records)
    print(f"grid: {DEFAULT_GRID}")
    for i, c in enumerate(chosen, 1):
        print(f"  outer fold {i}: chose {c}")
    print(f"nested-CV macro-F1 {ev.macro_f1:.3f}  (keyword baseline {ev.baseline_macro_f1:.3f})")
    for name, mask in subsets(ev):
        m, b = ev.subset_macro_f1(mask)
        print(f"  {name:34s} n={int(mask.sum()):4d}  macro-F1 {m:.3f}  baseline {b:.3f}")
    print(f"{time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
