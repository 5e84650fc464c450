"""Quality gate of work-category classification (grouped CV on corpora/labels/sections.jsonl).

Targets (issue 4): macro-F1 ≥ 0.75 and ≥ 0.10 above the keyword baseline. Measured on the 968
labeled sections (seed, development files, holdout, holdout2, holdout3; labels adjudicated after
a blind second annotation) with the fixed default configuration (``summarykit evaluate
categories``; ``DEFAULT_PARAMS`` = cue lexicon, heading weight 2, min_df 2 for heading character
n-grams and text words, unchanged since the first session): macro-F1 0.766 (nested CV 0.773), keyword baseline
0.624 (margin +0.142); grass-roots reports 0.691 (baseline 0.588). The cue lexicon (v2) was
written blind to the labels. The regression floors below sit just under the measured values, so
a change that loses accuracy fails here. ``LABELS_SHA256`` pins the labeled data the numbers
belong to: when the labels change, re-run the evaluation and update numbers, floors and hash
together.
"""

from __future__ import annotations

import hashlib

import pytest
from conftest import ROOT

from summarykit.evaluate.categories import cross_validate, document_groups, load_records

pytestmark = pytest.mark.slow  # five grouped-CV fits of the default model (~30 s)

LABELS = ROOT / "corpora" / "labels" / "sections.jsonl"
LABELS_SHA256 = "4ac12ca0ec76c3fb"  # first 16 hex digits
TARGET_MACRO_F1, TARGET_MARGIN = 0.75, 0.10
FLOOR_MACRO_F1, FLOOR_MARGIN, FLOOR_GRASS_ROOTS = 0.75, 0.12, 0.67


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
    grass, grass_base = evaluation.subset_macro_f1(evaluation.kinds == "grass-roots")
    assert grass >= FLOOR_GRASS_ROOTS
    assert grass > grass_base  # on the taxonomy's own target the model beats the cue words (0.691 vs 0.588)


def test_grass_roots_subset_is_the_seed_the_summaries_and_the_held_out_excerpts(evaluation):
    records = load_records(LABELS)
    grass = {r["source"] for r, k in zip(records, evaluation.kinds) if k == "grass-roots"}
    assert {"corpora/seed/000_13ecb70c73c97d6a.txt", "corpora/holdout2/union_01.txt", "corpora/holdout3/union_01.txt"} <= grass
    assert not any("national" in s or "party_congress" in s for s in grass)
    assert int((evaluation.kinds == "grass-roots").sum()) == 713 and int(evaluation.held_out.sum()) == 542


def test_probabilities_are_calibrated(evaluation):
    """Out-of-fold: the probability of the predicted label matches how often it is right
    (measured: mean 0.783 vs accuracy 0.765, ECE 0.036)."""
    conf, acc, ece = evaluation.calibration()
    assert abs(conf - acc) <= 0.05 and ece <= 0.08


def test_margin_over_keyword_baseline_target(evaluation):
    assert evaluation.macro_f1 - evaluation.baseline_macro_f1 >= TARGET_MARGIN


def test_macro_f1_target(evaluation):
    assert evaluation.macro_f1 >= TARGET_MACRO_F1
