"""PAN-style scores of summarykit.evaluate.reuse."""

from __future__ import annotations

import math

import pytest

from summarykit.evaluate.reuse import Case, pan_scores


def c(a0, a1, b0, b1, kind="near", a="A", b="B"):
    return Case(a, a0, a1, b, b0, b1, kind)


def test_perfect():
    s = pan_scores([c(0, 100, 0, 100)], [c(0, 100, 0, 100)])
    assert s["precision"] == s["recall"] == s["granularity"] == s["plagdet"] == 1.0


def test_orientation_does_not_matter():
    s = pan_scores([c(0, 100, 10, 90)], [Case("B", 10, 90, "A", 0, 100, "near")])
    assert s["plagdet"] == 1.0


def test_split_detection_costs_granularity():
    s = pan_scores([c(0, 100, 0, 100)], [c(0, 50, 0, 50), c(50, 100, 50, 100)])
    assert s["recall"] == 1.0 and s["precision"] == 1.0 and s["granularity"] == 2.0
    assert s["plagdet"] == pytest.approx(1 / math.log2(3))


def test_partial_and_false_detections():
    s = pan_scores([c(0, 100, 0, 100, "spun")], [c(0, 50, 0, 50, "spun"), c(300, 400, 300, 400)])
    assert s["recall"] == pytest.approx(0.5)
    assert s["precision"] == pytest.approx(0.5)  # one exact half, one false
    assert s["recall_by_kind"] == {"spun": pytest.approx(0.5)}
    assert s["kind_accuracy"] == 1.0


def test_detection_must_overlap_both_sides():
    s = pan_scores([c(0, 100, 0, 100)], [c(0, 100, 500, 600)])
    assert s["recall"] == 0 and s["precision"] == 0


def test_other_pair_does_not_count():
    s = pan_scores([c(0, 100, 0, 100)], [c(0, 100, 0, 100, b="C")])
    assert s["recall"] == 0
