"""The command line: formats, stdin, output files, exit codes, bad files reported by name."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SEED

from summarykit.cli import main


def test_parse_json_follows_the_contract(capsys):
    assert main(["parse", str(SEED), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    docs = data["documents"]
    assert len(docs) == 14
    d = docs[1]
    for key in ("id", "title", "source", "source_start", "removed", "text", "sections", "anomalies"):
        assert key in d
    assert d["id"] == "000_13ecb70c73c97d6a/篇2"
    assert d["title"] == "社区妇联工作总结汇报 篇2"
    src = SEED.read_text(encoding="utf-8")
    assert src[d["source_start"] : d["source_start"] + len(d["title"])] == d["title"]


def test_parse_tree_and_output_file(tmp_path, capsys):
    out = tmp_path / "o.txt"
    assert main(["parse", str(SEED), "--format", "tree", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "000_13ecb70c73c97d6a/篇14  社区妇联工作总结汇报 篇14" in text
    assert capsys.readouterr().out == ""


def test_stdin(monkeypatch, capsys):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("一、加强组织建设\n召开会议五次。"))
    assert main(["parse", "-", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"][0]["id"] == "stdin"


def test_bad_file_is_reported_and_others_processed(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("一、加强组织建设\n内容。", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\xff" * 100)
    assert main(["parse", str(good), str(bad), "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert "bad.txt" in captured.err
    assert [d["id"] for d in json.loads(captured.out)["documents"]] == ["good"]


def test_missing_file_is_reported(tmp_path, capsys):
    assert main(["parse", str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [[], ["parse"], ["parse", "x", "--format", "xml"], ["frobnicate"]])
def test_bad_usage_exits_2(argv, capsys):
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code
    assert code == 2


def test_python_dash_m_and_console_script():
    out = subprocess.run(
        [sys.executable, "-m", "summarykit", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("summarykit ")


def test_output_folder_is_created(tmp_path):
    out = tmp_path / "new" / "dir" / "o.json"
    assert main(["parse", str(SEED), "--format", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["documents"]


def test_evaluate_passes_its_options_on(capsys):
    """`summarykit evaluate entities … -v ORG` lists the ORG errors; an option no evaluation
    knows is a usage error (exit 2), not silently dropped."""
    from conftest import ROOT

    gold = ROOT / "corpora" / "gold" / "entities" / "summary_fulian_04.json"
    assert main(["evaluate", "entities", str(gold), "--no-baselines", "-v", "ORG"]) == 0
    errors = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith(("fp ", "fn "))]
    assert errors and all(ln.split()[1] == "ORG" for ln in errors)
    assert main(["evaluate", "sections", str(ROOT / "corpora" / "gold" / "sections"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["overall"]
    assert main(["evaluate", "categories", "--bogus"]) == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:  # argparse's own usage error elsewhere
        main(["parse", "--bogus", str(SEED)])
    assert exc.value.code == 2
