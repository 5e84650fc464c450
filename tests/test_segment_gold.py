"""The section parser against the team's gold annotations (corpora/gold/sections).

Floors from issue 2: section F1 ≥ 0.97 on the seed and ≥ 0.95 on the development files,
level accuracy ≥ 0.95 and exact headings ≥ 0.90 (on matched sections). A corpus file is
skipped only while its gold JSON does not exist yet. The first held-out set
(corpora/gold/holdout_sections) has a floor at what the parser reached on it.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from summarykit.evaluate.sections import evaluate_file, evaluate_sections, gold_files, main

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpora" / "gold" / "sections"
HOLDOUT_GOLD = ROOT / "corpora" / "gold" / "holdout_sections"
SOURCES = [  # every seed/dev file that has gold (the long unannotated national reports do not)
    p
    for p in [ROOT / "corpora" / "seed" / "000_13ecb70c73c97d6a.txt", *sorted((ROOT / "corpora" / "dev").glob("*.txt"))]
    if (GOLD / f"{p.stem}.json").exists()
]

FLOORS = {"seed": 0.97, "dev": 0.95}
LEVEL_FLOOR = 0.95
HEADING_FLOOR = 0.90
# corpora/gold/holdout_sections: F1, level accuracy and exact headings all reached 1.000
# after it served as a development set (was F1 0.938, level 0.921, headings 0.855)
HOLDOUT_FLOORS = {"f1": 0.98, "level_accuracy": 0.97, "exact_heading": 0.97}
PER_FILE_F1 = 0.80

KNOWN_BAD: dict[str, str] = {}  # stem → reason; strict xfail, so a fix shows up as XPASS


@functools.cache
def _result() -> dict:
    return evaluate_sections([GOLD])


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_gold_file(source: Path, request: pytest.FixtureRequest) -> None:
    gold = GOLD / f"{source.stem}.json"
    if not gold.exists():
        pytest.skip(f"no gold annotations for {source.name} yet")
    if source.stem in KNOWN_BAD:
        request.applymarker(pytest.mark.xfail(reason=KNOWN_BAD[source.stem], strict=True))
    r = evaluate_file(gold)
    detail = f"missed {r['missed'][:3]} spurious {r['spurious'][:3]}"
    assert r["f1"] >= PER_FILE_F1, detail
    assert r["level_accuracy"] >= LEVEL_FLOOR, r["wrong_level"][:3]
    assert r["exact_heading"] >= HEADING_FLOOR, r["wrong_heading"][:3]


@pytest.mark.parametrize("split", ["seed", "dev"])
def test_split_floors(split: str) -> None:
    overall = _result()["overall"]
    if split not in overall:
        pytest.skip(f"no {split} gold yet")
    s = overall[split]
    assert s["f1"] >= FLOORS[split], s
    assert s["level_accuracy"] >= LEVEL_FLOOR, s
    assert s["exact_heading"] >= HEADING_FLOOR, s


def test_seed_gold_is_complete() -> None:
    r = _result()
    seed = [f for f in r["files"] if f["split"] == "seed"]
    assert len(seed) == 1 and seed[0]["gold"] >= 100


def test_evaluation_counts_are_consistent() -> None:
    for f in _result()["files"]:
        assert f["matched"] == f["gold"] - len(f["missed"]) == f["predicted"] - len(f["spurious"])
        assert len(f["wrong_level"]) == f["matched"] - f["level_ok"]
        assert len(f["wrong_heading"]) == f["matched"] - f["heading_ok"]


def test_evaluate_detects_errors(tmp_path: Path) -> None:
    """The scorer is not vacuous: a gold file with one wrong and one extra section scores below 1."""
    source = ROOT / "corpora" / "dev" / "summary_govinfo_02.txt"
    text = source.read_text(encoding="utf-8")
    off = text.index("一、主动公开")
    gold = tmp_path / "x.json"
    sections = [
        {
            "offset": off,
            "marker": "一、",
            "scheme": "cn_dun",
            "number": 1,
            "level": 2,
            "heading": "不对",
        },
        {
            "offset": 5,
            "marker": "二、",
            "scheme": "cn_dun",
            "number": 2,
            "level": 1,
            "heading": "无",
        },
    ]
    doc = {"title": "", "start": 0, "sections": sections}
    gold.write_text(json.dumps({"source": source.as_posix(), "documents": [doc]}), encoding="utf-8")
    r = evaluate_file(gold)
    assert (r["gold"], r["matched"]) == (2, 1)
    assert r["recall"] == 0.5 and r["level_accuracy"] == 0.0 and r["exact_heading"] == 0.0


def test_cli_prints_table(capsys: pytest.CaptureFixture[str]) -> None:
    files = gold_files([GOLD])
    assert main([str(files[0])]) == 0
    out = capsys.readouterr().out
    assert "OVERALL" in out and "F1" in out and files[0].stem in out


def test_default_evaluation_prints_each_split(capsys: pytest.CaptureFixture[str]) -> None:
    """No paths: seed, dev and holdout gold, each split with its own OVERALL row."""
    assert main([]) == 0
    out = capsys.readouterr().out
    for split in ("seed", "dev", "holdout"):
        assert f"OVERALL {split} (" in out
    assert out.index("OVERALL seed") < out.index("OVERALL dev") < out.index("OVERALL holdout")
    holdout_rows = [ln for ln in out.splitlines() if ln.split()[1:2] == ["holdout"]]
    assert len(holdout_rows) == len(list(HOLDOUT_GOLD.glob("*.json"))) + 1


def test_holdout_floor() -> None:
    """The first held-out set (20 real excerpts), a development set since: no regression."""
    if not HOLDOUT_GOLD.is_dir():
        pytest.skip("no holdout gold")
    s = evaluate_sections([HOLDOUT_GOLD])["overall"]["holdout"]
    assert s["gold"] >= 80 and s["files"] == 20
    for key, floor in HOLDOUT_FLOORS.items():
        assert s[key] >= floor, (key, s)


# holdout2 is BLIND: nobody opened or tuned on it. First measured F1 0.971, level 0.911, heading
# 0.950; after general fixes made on holdout3 (second session): F1 0.990, level 0.913, heading 0.971.
# holdout3 (97 real excerpts gathered in the second session, gold by reading) is a DEVELOPMENT set
# now, like holdout before it: its first blind figures were P 0.986 R 0.915 F1 0.949, level 0.985,
# heading 0.927; after developing on it F1 1.000, level 1.000, heading 0.931 (most remaining
# heading misses are annotation conventions that differ from the seed/dev/holdout gold: a colon
# ends a heading, 一是 headings of several clauses). The floors sit just below the current figures:
# they guard against regression and are not targets to tune towards.
HELD_OUT_FLOORS = {
    "holdout2": (25, {"f1": 0.985, "level_accuracy": 0.91, "exact_heading": 0.965}),
    "holdout3": (97, {"f1": 0.995, "level_accuracy": 0.995, "exact_heading": 0.925}),
}


@pytest.mark.parametrize("split", sorted(HELD_OUT_FLOORS))
def test_held_out_floors(split: str) -> None:
    folder = ROOT / "corpora" / "gold" / f"{split}_sections"
    if not folder.is_dir():
        pytest.skip(f"no {split} gold")
    n_files, floors = HELD_OUT_FLOORS[split]
    s = evaluate_sections([folder])["overall"][split]
    assert s["files"] == n_files
    for key, floor in floors.items():
        assert s[key] >= floor, (key, s)
