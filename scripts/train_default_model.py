"""Train the default category model and write it as plain data (JSON) into package data.

    .venv/bin/python scripts/train_default_model.py           # write resources/data/category_model.json
    .venv/bin/python scripts/train_default_model.py --check   # exit 1 if the shipped file is stale

Fits ``SectionClassifier(**DEFAULT_PARAMS)`` on the shipped labels
(``resources/data/category_train.jsonl``, built by ``corpora/labels/build_sections.py``),
exports it with ``CategoryModel.from_estimator`` (classes, vocabularies, idf, block weights,
cue lexicon, coefficients, intercepts, parameters, SHA-256 of the training file) and checks
that the numpy scorer reproduces the estimator's ``predict_proba`` on every training section
(max difference ≤ 1e-6) before writing. Deterministic: the same labels, parameters and
library versions give the same file.

``--check`` refits and compares with the shipped file: same training-data hash, parameters,
classes and vocabularies, and the shipped scorer's probabilities within 1e-6 of the refitted
estimator's on every training section. It writes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import numpy as np

from summarykit.classify import (
    DEFAULT_PARAMS,
    TRAIN_FILE,
    CategoryModel,
    load_training_data,
    train_default_classifier,
    training_data_sha256,
)
from summarykit.classify._scorer import MODEL_FILE
from summarykit.resources import data_path

TOLERANCE = 1e-6


def export() -> tuple[CategoryModel, float, object]:
    X, y = load_training_data()
    clf = train_default_classifier()
    model = CategoryModel.from_estimator(
        clf, training_data={"file": TRAIN_FILE, "sha256": training_data_sha256(), "sections": len(y)}
    )
    diff = float(np.abs(model.predict_proba(X) - clf.predict_proba(X)).max())
    return model, diff, clf


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="verify the shipped model is current; write nothing")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    model, diff, clf = export()
    target = data_path(MODEL_FILE)
    if args.check:
        problems = []
        try:
            shipped = CategoryModel.load()
        except (OSError, ValueError) as exc:
            print(f"out of date: {target} cannot be loaded ({exc})", file=sys.stderr)
            return 1
        for key in ("training_data", "params", "classes"):
            if shipped.data.get(key) != model.data.get(key):
                problems.append(f"{key} differs")
        if [b.terms for b in shipped.blocks] != [b.terms for b in model.blocks]:
            problems.append("vocabularies differ")
        if not problems:
            X, _ = load_training_data()
            sdiff = float(np.abs(shipped.predict_proba(X) - clf.predict_proba(X)).max())
            if sdiff > TOLERANCE:
                problems.append(f"probabilities differ by up to {sdiff:.2e}")
        for p in problems:
            print(f"out of date: {target}: {p}; run scripts/train_default_model.py", file=sys.stderr)
        return 1 if problems else 0
    if diff > TOLERANCE:
        print(f"refusing to write: the numpy scorer differs from the estimator by {diff:.2e}", file=sys.stderr)
        return 1
    text = model.to_json()
    json.loads(text)  # well-formed
    with open(str(target), "w", encoding="utf-8") as fh:
        fh.write(text)
    print(
        f"{target}: {len(model.classes_)} classes, {model.n_features_out_} features, "
        f"{len(text.encode('utf-8')) / 1e6:.2f} MB; params {dict(DEFAULT_PARAMS)}; "
        f"max |Δp| vs scikit-learn {diff:.1e}; {time.perf_counter() - t0:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
