"""Floors on the team's gold (corpora/gold/entities): the issue's "done when" figures.

Skipped while the gold is not there. Run ``summarykit evaluate entities`` for the table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from summarykit.evaluate.entities import evaluate_entities, main, numeral_of

GOLD = Path(__file__).resolve().parent.parent / "corpora" / "gold" / "entities"
SEED_GOLD = GOLD / "000_13ecb70c73c97d6a.json"

pytestmark = pytest.mark.skipif(
    not SEED_GOLD.is_file(), reason="seed entity gold not annotated yet"
)

FLOORS = {
    "COUNT": 0.90, "MONEY": 0.90, "PERCENT": 0.90, "DATE": 0.90, "HONOR": 0.90, "LAW": 0.90,
    "ORG": 0.80, "PERSON": 0.75, "PLACE": 0.75,
}  # fmt: skip


@pytest.fixture(scope="module")
def result() -> dict:
    return evaluate_entities([GOLD], baselines=False)


@pytest.mark.parametrize("label", sorted(FLOORS))
def test_exact_span_f1_floor(result: dict, label: str) -> None:
    f1 = result["labels"][label]["f1"]
    assert f1 >= FLOORS[label], f"{label} exact-span F1 {f1:.3f} < {FLOORS[label]}"


def test_number_value_accuracy(result: dict) -> None:
    assert result["number_value_accuracy"] >= 0.98


def test_no_invented_date_parts(result: dict) -> None:
    assert result["invented_date_parts"] == 0


def test_seed_and_dev_are_both_scored(result: dict) -> None:
    assert set(result["splits"]) >= {"seed"}
    assert result["overall"]["gold"] > 500


def test_cli_entry_with_baselines(capsys: pytest.CaptureFixture[str]) -> None:
    small = GOLD / "summary_fulian_04.json"
    if not small.is_file():
        pytest.skip("dev gold file missing")
    assert main([str(small)]) == 0
    out = capsys.readouterr().out
    assert "jieba.posseg" in out and "cn2an-on-spans" in out and "invented date parts" in out
    assert main(["/no/such/gold.json"]) == 2


def test_numeral_of() -> None:
    assert numeral_of("1万余元", "元") == "1万"
    assert numeral_of("百分之七点五", "%") == "七点五"
    assert numeral_of("20多万人", "人") == "20万"
    assert numeral_of("5个百分点", "百分点") == "5"
