"""Quality gate of work-category classification (grouped CV on corpora/labels/sections.jsonl).

Targets (issue 4): macro-F1 ≥ 0.75 and ≥ 0.10 above the keyword baseline. Measured with the
fixed default configuration (``summarykit evaluate categories``): macro-F1 0.724, baseline 0.577
(margin +0.147); nested CV (``corpora/labels/tune_classifier.py``): 0.703. The 0.75 target is
not reached, so it is a strict xfail carrying the real number; the margin target is met. The
regression floors below sit just under the measured values, so a change that loses accuracy
fails here. ``LABELS_SHA256`` pins the labeled data the numbers belong to: when the labels
change, re-run the evaluation and update numbers, floors and hash together.
"""

from __future__ import annotations

import hashlib

import pytest
from conftest import ROOT

from summarykit.evaluate.categories import cross_validate, document_groups, load_records

pytestmark = pytest.mark.slow  # five grouped-CV fits of the default model (~30 s)

LABELS = ROOT / "corpora" / "labels" / "sections.jsonl"
LABELS_SHA256 = "61112b2d7df3c5f7"  # first 16 hex digits
TARGET_MACRO_F1, TARGET_MARGIN = 0.75, 0.10
FLOOR_MACRO_F1, FLOOR_MARGIN, FLOOR_GRASS_ROOTS = 0.70, 0.12, 0.50


@pytest.fixture(scope="module")
def evaluation():
    return cross_validate(load_records(LABELS))


def test_the_gate_belongs_to_these_labels():
    digest = hashlib.sha256(LABELS.read_bytes()).hexdigest()[:16]
    assert digest == LABELS_SHA256, "labels changed: re-run `summarykit evaluate categories` and update this gate"


def test_folds_never_split_a_document_or_its_copies(evaluation):
    records = load_records(LABELS)
    groups = document_groups(records)
    by_doc = {}
    for r, g in zip(records, groups):
        by_doc.setdefault((r["source"], r["doc"]), set()).add(g)
    assert all(len(gs) == 1 for gs in by_doc.values())
    # the seed's 篇3 reappears as summary_fulian_01: one group
    g3 = {g for r, g in zip(records, groups) if r["doc"] == "篇3"}
    g01 = {g for r, g in zip(records, groups) if r["doc"] == "summary_fulian_01"}
    assert g3 == g01


def test_regression_floors(evaluation):
    assert evaluation.macro_f1 >= FLOOR_MACRO_F1
    assert evaluation.macro_f1 - evaluation.baseline_macro_f1 >= FLOOR_MARGIN
    grass, _ = evaluation.subset_macro_f1(~evaluation.national)
    assert grass >= FLOOR_GRASS_ROOTS


def test_probabilities_are_calibrated(evaluation):
    """Out-of-fold: the probability of the predicted label matches how often it is right
    (measured: mean 0.703 vs accuracy 0.723, ECE 0.049)."""
    conf, acc, ece = evaluation.calibration()
    assert abs(conf - acc) <= 0.05 and ece <= 0.08


def test_margin_over_keyword_baseline_target(evaluation):
    assert evaluation.macro_f1 - evaluation.baseline_macro_f1 >= TARGET_MARGIN


@pytest.mark.xfail(
    strict=True,
    reason="grouped-CV macro-F1 is 0.724 (nested CV 0.703), below the 0.75 target: 426 labeled "
    "sections, grass-roots reports only 0.52 (keyword baseline 0.55); see corpora/labels/README.md",
)
def test_macro_f1_target(evaluation):
    assert evaluation.macro_f1 >= TARGET_MACRO_F1
