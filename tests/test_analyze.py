"""``analyze`` and ``summarykit analyze``: every table written, readable, joinable; the
report written; stages that are missing skipped with a note; CLI contract."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import SEED

import summarykit
from summarykit import analyze as analyze_mod
from summarykit.analyze import MATCH_COLUMNS, analyze
from summarykit.cli import main
from summarykit.errors import InputError, SummaryKitError
from summarykit.frames import DOCUMENT_COLUMNS, ENTITY_COLUMNS, SECTION_COLUMNS

P2, P6 = "000_13ecb70c73c97d6a/篇2", "000_13ecb70c73c97d6a/篇6"


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    """One full run (all stages) on the seed compilation, shared by the tests below."""
    return analyze([SEED], out=tmp_path_factory.mktemp("analyze") / "out")


def read(result, name: str) -> pd.DataFrame:
    return pd.read_csv(result.files[name], encoding="utf-8-sig")


def test_writes_every_table_and_the_report(result):
    assert set(result.files) >= {"documents", "sections", "entities", "matches", "report"}
    for name in ("documents", "sections", "entities", "matches"):
        raw = result.files[name].read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), (
            f"{name}.csv has no BOM (Excel would garble Chinese)"
        )
    docs = read(result, "documents")
    assert len(docs) == result.n_documents == 14
    assert list(docs.columns[: len(DOCUMENT_COLUMNS)]) == list(DOCUMENT_COLUMNS)
    assert {"copy_ratio", "boilerplate_ratio"} <= set(docs.columns)  # reuse figures joined in
    assert docs["title"].str.contains("社区妇联工作总结汇报").all()
    assert list(read(result, "sections").columns) == list(SECTION_COLUMNS)
    assert list(read(result, "entities").columns) == list(ENTITY_COLUMNS)


def test_tables_join_on_ids(result):
    docs, secs, ents, matches = (
        read(result, n) for n in ("documents", "sections", "entities", "matches")
    )
    assert docs["doc_id"].is_unique and secs["section_id"].is_unique
    assert set(secs["doc_id"]) <= set(docs["doc_id"])
    assert set(ents["doc_id"]) <= set(docs["doc_id"])
    assert set(ents["section_id"].dropna()) <= set(secs["section_id"])
    assert set(matches["doc_a"]) | set(matches["doc_b"]) <= set(docs["doc_id"])
    assert len(secs) == result.n_sections and len(ents) == result.n_entities
    assert len(matches) == result.n_matches > 0


def test_finds_the_spun_copy_and_reports_it(result):
    matches = read(result, "matches")
    pair = matches[[{a, b} == {P2, P6} for a, b in zip(matches["doc_a"], matches["doc_b"])]]
    assert len(pair) >= 1
    page = result.files["report"].read_text(encoding="utf-8")
    assert page.count("<details id='doc") == 14
    assert "Reuse audit" in page and "积极→用心" in page
    assert '<span class="sk-spin">用心</span>' in page  # the substituted word marked in the pair
    assert "<script" not in page


def test_summary_names_every_file(result):
    text = result.summary()
    assert "analyzed 14 documents" in text
    for path in result.files.values():
        assert str(path) in text


def test_parquet_tables_equal_the_csv_tables(result, tmp_path):
    pytest.importorskip("pyarrow")
    again = analyze(result.corpus, out=tmp_path, parquet=True, html=False)
    assert "report" not in again.files
    for name in ("sections", "entities"):
        frame = pd.read_parquet(again.files[name])
        assert list(frame.columns) == list(read(result, name).columns)
        assert len(frame) == len(read(result, name))
    secs = pd.read_parquet(again.files["sections"])
    assert str(secs["level"].dtype) == "Int64"  # typed columns survive in Parquet


def test_parquet_without_pyarrow_says_how_to_install(monkeypatch, tmp_path):
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(SummaryKitError, match=r"summarykit\[parquet\]"):
        analyze([SEED], out=tmp_path, parquet=True)


def test_missing_reuse_stage_is_skipped_with_a_note(result, tmp_path, monkeypatch):
    monkeypatch.setattr(
        analyze_mod, "run_reuse", lambda *a, **k: (None, "reuse detection is not available")
    )
    out = analyze(result.corpus, out=tmp_path)
    assert out.n_matches is None
    assert "reuse detection is not available" in out.notes
    matches = read(out, "matches")
    assert list(matches.columns) == list(MATCH_COLUMNS) and len(matches) == 0
    assert "reuse detection is not available" in out.files["report"].read_text(encoding="utf-8")


def test_n_jobs_and_progress_reach_the_stages(monkeypatch, tmp_path):
    seen = {}

    def fake_load(inputs, **kw):  # type: ignore[no-untyped-def]
        seen.update(kw)
        return summarykit.load([("a", "一、加强组织建设\n召开会议5次。")], stages=("segment",))

    def fake_reuse(corpus, **kw):  # type: ignore[no-untyped-def]
        seen["reuse"] = kw
        return None, "skipped in this test"

    monkeypatch.setattr(analyze_mod, "load", fake_load)
    monkeypatch.setattr(analyze_mod, "run_reuse", fake_reuse)
    analyze(["x"], out=tmp_path, n_jobs=2, progress=False)
    assert seen["n_jobs"] == 2 and seen["progress"] is False
    assert seen["reuse"]["n_jobs"] == 2


def test_nothing_readable_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no document could be read"):
        analyze([tmp_path / "missing.txt"], out=tmp_path / "out")
    with pytest.raises(ValueError, match="n_jobs"):
        analyze([SEED], out=tmp_path, n_jobs=0)


def test_cli_analyze_prints_paths_and_exit_codes(result, tmp_path, capsys):
    out = tmp_path / "cli"
    report = tmp_path / "社区工作总结.txt"
    report.write_text(
        "社区工作总结\n一、加强组织建设\n今年召开会议5次，参加150余人。\n二、存在不足\n创新不够。\n",
        encoding="utf-8",
    )
    code = main(
        ["analyze", str(report), str(tmp_path / "nope.txt"), "--out", str(out), "--no-progress"]
    )
    captured = capsys.readouterr()
    assert code == 1  # one input could not be read; the rest was analyzed
    assert "nope.txt" in captured.err
    assert str(out / "report.html") in captured.out and str(out / "documents.csv") in captured.out
    assert (out / "report.html").exists()
    assert main(["analyze", str(report), "--out", str(out), "--n-jobs", "0"]) == 2
    assert main(["analyze", str(tmp_path / "nope.txt"), "--out", str(out)]) == 1
