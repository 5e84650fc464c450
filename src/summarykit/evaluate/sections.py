"""Score the section parser against ``corpora/gold/sections/*.json``.

A predicted section matches a gold one when its marker starts at the same **source-file**
offset (``doc.to_source_offset(section.marker_start)``) and its marker text is the same.
On matched sections we also score the level and the exact heading.

    summarykit evaluate sections [GOLD_JSON_OR_DIR …]
    python -m summarykit.evaluate.sections [--json] [-v] [GOLD_JSON_OR_DIR …]

With no paths it scores ``corpora/gold/sections`` (seed and dev) and
``corpora/gold/holdout_sections``. Files are grouped by *split*, the ``corpora/`` folder their
source lives in (``seed``, ``dev``, ``holdout`` …), and every split gets its own OVERALL row.

``evaluate_sections(paths)`` returns the same figures as a dict (for tests and notebooks).
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from . import gold_files as _gold_files
from . import resolve_source, split_of


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _scores(gold: int, pred: int, matched: int, level_ok: int, head_ok: int) -> dict[str, Any]:
    p = _ratio(matched, pred) if pred else (1.0 if not gold else 0.0)
    r = _ratio(matched, gold) if gold else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "gold": gold,
        "predicted": pred,
        "matched": matched,
        "precision": p,
        "recall": r,
        "f1": f1,
        "level_accuracy": _ratio(level_ok, matched) if matched else 1.0,
        "exact_heading": _ratio(head_ok, matched) if matched else 1.0,
        "level_ok": level_ok,
        "heading_ok": head_ok,
    }


def predicted_sections(source_path: Path) -> list[dict[str, Any]]:
    """Sections the parser finds in one source file, with source-file offsets."""
    from ..pipeline import load

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load(source_path, stages=("segment",))
    for problem in corpus.problems:
        raise RuntimeError(problem.message)
    out = []
    for doc in corpus:
        for s in doc.sections:
            out.append(
                {
                    "offset": doc.to_source_offset(s.marker_start),
                    "marker": s.marker,
                    "level": s.level,
                    "heading": s.heading,
                    "scheme": s.scheme,
                    "doc": doc.id,
                }
            )
    return out


def evaluate_file(gold_path: str | Path) -> dict[str, Any]:
    """Scores and the itemised errors for one gold file."""
    gold_path = Path(gold_path)
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    source = resolve_source(gold_path, data["source"])
    gold = [s for d in data["documents"] for s in d["sections"]]
    pred = predicted_sections(source)
    gkey = {(g["offset"], g["marker"]): g for g in gold}
    pkey = {(p["offset"], p["marker"]): p for p in pred}
    matched = [k for k in gkey if k in pkey]
    level_ok = sum(gkey[k]["level"] == pkey[k]["level"] for k in matched)
    head_ok = sum(gkey[k]["heading"] == pkey[k]["heading"] for k in matched)
    res = _scores(len(gold), len(pred), len(matched), level_ok, head_ok)
    res["file"] = gold_path.stem
    res["split"] = split_of(data["source"])
    res["missed"] = [gkey[k] for k in sorted(gkey) if k not in pkey]
    res["spurious"] = [pkey[k] for k in sorted(pkey) if k not in gkey]
    res["wrong_level"] = [
        {**gkey[k], "predicted_level": pkey[k]["level"]}
        for k in sorted(matched)
        if gkey[k]["level"] != pkey[k]["level"]
    ]
    res["wrong_heading"] = [
        {**gkey[k], "predicted_heading": pkey[k]["heading"]}
        for k in sorted(matched)
        if gkey[k]["heading"] != pkey[k]["heading"]
    ]
    return res


def evaluate_sections(paths: Iterable[str | Path] = ()) -> dict[str, Any]:
    """Per-file and overall scores, per split (in order of first appearance) and ``all``,
    for the gold files named by ``paths``."""
    files = [evaluate_file(p) for p in gold_files(paths)]
    overall: dict[str, Any] = {}
    splits = list(dict.fromkeys(f["split"] for f in files))
    for split in [*splits, "all"]:
        rows = [f for f in files if split == "all" or f["split"] == split]
        if not rows:
            continue
        overall[split] = _scores(
            sum(f["gold"] for f in rows),
            sum(f["predicted"] for f in rows),
            sum(f["matched"] for f in rows),
            sum(f["level_ok"] for f in rows),
            sum(f["heading_ok"] for f in rows),
        )
        overall[split]["files"] = len(rows)
    return {"files": files, "overall": overall}


_HEADER = f"{'file':<40} {'split':<8} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6} {'level':>6} {'head':>6}"


def _row(name: str, split: str, s: dict[str, Any]) -> str:
    return (
        f"{name:<40} {split:<8} {s['gold']:>5} {s['predicted']:>5} {s['matched']:>5} "
        f"{s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} {s['level_accuracy']:>6.3f} {s['exact_heading']:>6.3f}"
    )


def format_report(result: dict[str, Any], *, verbose: bool = False) -> str:
    """The table: each split's files, then that split's OVERALL row; ``all`` at the end."""
    lines = [_HEADER]
    overall = result["overall"]
    for split in [k for k in overall if k != "all"]:
        lines.append("-" * len(_HEADER))
        for f in (f for f in result["files"] if f["split"] == split):
            lines.extend(_file_rows(f, verbose))
        s = overall[split]
        lines.append(_row(f"OVERALL {split} ({s['files']} files)", split, s))
    if len(overall) > 2:  # more than one split: also the total
        lines.append("-" * len(_HEADER))
        s = overall["all"]
        lines.append(_row(f"OVERALL all ({s['files']} files)", "", s))
    return "\n".join(lines)


def _file_rows(f: dict[str, Any], verbose: bool) -> list[str]:
    lines = [_row(f["file"], f["split"], f)]
    if verbose:
        for g in f["missed"]:
            lines.append(
                f"    missed   @{g['offset']} {g['marker']} L{g['level']} {g['heading'][:40]}"
            )
        for p in f["spurious"]:
            lines.append(
                f"    spurious @{p['offset']} {p['marker']} L{p['level']} {p['heading'][:40]}"
            )
        for g in f["wrong_level"]:
            lines.append(
                f"    level    @{g['offset']} {g['marker']} gold L{g['level']} got L{g['predicted_level']}"
            )
        for g in f["wrong_heading"]:
            lines.append(
                f"    heading  @{g['offset']} {g['marker']} gold {g['heading']!r} got {g['predicted_heading']!r}"
            )
    return lines


def main(paths: Sequence[str] = (), *, verbose: bool = False, as_json: bool = False) -> int:
    """Print the evaluation table (or JSON); exit code 0 (2 if a gold file is unusable)."""
    try:
        result = evaluate_sections(paths)
    except (OSError, ValueError, KeyError, RuntimeError) as exc:
        print(f"summarykit evaluate sections: {exc}", file=sys.stderr)
        return 2
    try:
        if as_json:
            json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        else:
            print(format_report(result, verbose=verbose))
    except BrokenPipeError:  # `… --json | head`
        pass
    return 0


def cli(argv: Sequence[str] | None = None) -> int:
    """Command-line entry (``summarykit evaluate sections [PATH…] [-v] [--json]``)."""
    ap = argparse.ArgumentParser(
        prog="python -m summarykit.evaluate.sections", description=__doc__.split("\n")[0]
    )
    ap.add_argument(
        "paths",
        nargs="*",
        help="gold JSON files or folders (default: corpora/gold/sections, holdout_sections, holdout2_sections, holdout3_sections)",
    )
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="list every miss, spurious section and mismatch",
    )
    args = ap.parse_args(argv)
    return main(args.paths, verbose=args.verbose, as_json=args.json)



def gold_files(paths: Iterable[str | Path] = ()) -> list[Path]:
    """Gold JSON files named by ``paths``; default: all sections gold (seed/dev, holdout, holdout2, holdout3)."""
    return _gold_files(paths, "sections")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(cli())
