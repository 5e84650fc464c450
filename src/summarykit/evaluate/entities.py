"""Score the entity extractor against ``corpora/gold/entities/*.json``, with baselines.

    summarykit evaluate entities [GOLD_JSON_OR_DIR …]
    python -m summarykit.evaluate.entities [--json] [--no-baselines] [-v [LABEL]] [GOLD…]

With no paths it scores ``corpora/gold/entities`` (seed and dev) and
``corpora/gold/holdout_entities``. Files are grouped by *split*, the ``corpora/`` folder their
source lives in (``seed``, ``dev``, ``holdout`` …), and each split gets its own table; the
combined table follows when there is more than one split. ``-v`` lists every miss (``fn``),
spurious prediction (``fp``) and value mismatch with its context.

Gold offsets are source-file offsets; predictions are mapped there with
``doc.to_source_offset``. Only the annotated span of each gold file is scored: its top-level
``"range": [a, b]`` if present (minus any ``"exclude"`` spans), else from the first
document's start to the end of the file.

Printed, per label and overall, and for the seed vs the dev files:

* exact-span precision / recall / F1 (same start, end and label);
* overlap recall (a gold entity overlapped by a prediction of the same label);
* value accuracy on exact matches — numbers: ``value`` equal within 1e-6 relative (both
  null for placeholders); dates: ``year``, ``month``, ``day`` and ``placeholder`` all equal;
* invented date parts: a year/month/day that a predicted DATE gives where the matching gold
  placeholder DATE has none (must be 0);
* baselines in the same run: (a) ``jieba.posseg`` tags mapped to labels (nr→PERSON,
  ns→PLACE, nt→ORG, m(+q)→COUNT, t→DATE) on the same documents; (b) ``cn2an.cn2an`` applied
  to the numeral of each of our exactly matched numeric spans, against our own normalizer.

``evaluate_entities(paths)`` returns the figures as a dict (for tests and notebooks).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..model import ENTITY_LABELS
from . import gold_files as _gold_files
from . import resolve_source, split_of

NUMERIC = ("COUNT", "MONEY", "PERCENT")
POSSEG_LABELS = ("ORG", "COUNT", "DATE", "PERSON", "PLACE")


# -- files -------------------------------------------------------------------------------





# -- predictions ---------------------------------------------------------------------------
def predict_file(source: Path) -> tuple[str, list[dict[str, Any]], float, list[tuple[int, int]]]:
    """(source text, predicted entities with SOURCE offsets, seconds spent extracting,
    source spans no document covers: cleaned away by ingest or outside every report)."""
    import summarykit

    from ..entities import extract_entities

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = summarykit.load(source, stages=())
    text = source.read_text(encoding="utf-8")
    preds: list[dict[str, Any]] = []
    spent = 0.0
    for doc in corpus:
        t0 = time.perf_counter()
        doc = extract_entities(doc)
        spent += time.perf_counter() - t0
        for e in doc.entities:
            s = doc.to_source_offset(e.start)
            end = doc.to_source_offset(e.end - 1) + 1 if e.end > e.start else s
            d = e.to_dict()
            d.update(start=s, end=end, doc=doc.id)
            preds.append(d)
    hidden: list[tuple[int, int]] = []
    covered = sorted((d.source_start, d.source_end) for d in corpus)
    pos = 0
    for a, b in covered:
        if a > pos:
            hidden.append((pos, a))
        pos = max(pos, b)
    if pos < len(text):
        hidden.append((pos, len(text)))
    for doc in corpus:
        hidden.extend((r.source_start, r.source_end) for r in doc.removed)
    return text, preds, spent, hidden


def _posseg_predict(source_text: str, docs: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Baseline (a): jieba.posseg on each document span, tags mapped to labels."""
    import logging

    import jieba
    import jieba.posseg

    logging.getLogger("jieba").setLevel(logging.WARNING)
    tok = _posseg_tokenizer()
    out: list[dict[str, Any]] = []
    mapping = {
        "nr": "PERSON",
        "nrfg": "PERSON",
        "nrt": "PERSON",
        "ns": "PLACE",
        "nt": "ORG",
        "t": "DATE",
    }
    for a, b in docs:
        pos = a
        words = list(tok.cut(source_text[a:b]))
        i = 0
        while i < len(words):
            w = words[i]
            start, end = pos, pos + len(w.word)
            label = mapping.get(w.flag)
            if w.flag in ("m", "mq"):
                label = "COUNT"
                if i + 1 < len(words) and words[i + 1].flag == "q":
                    end += len(words[i + 1].word)
                    i += 1
            if label and w.word.strip():
                out.append(
                    {"label": label, "start": start, "end": end, "text": source_text[start:end]}
                )
            pos = end
            i += 1
    _ = jieba
    return out


_POSSEG: Any = None


def _posseg_tokenizer() -> Any:
    global _POSSEG
    if _POSSEG is None:
        import jieba
        import jieba.posseg

        _POSSEG = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    return _POSSEG


# -- scoring -------------------------------------------------------------------------------
def _in_scope(e: dict[str, Any], scope: tuple[int, int], exclude: list[tuple[int, int]]) -> bool:
    if e["start"] < scope[0] or e["end"] > scope[1]:
        return False
    return not any(e["start"] < b and e["end"] > a for a, b in exclude)


def _value_equal(label: str, p: dict[str, Any], g: dict[str, Any]) -> bool:
    if label in NUMERIC:
        pv, gv = p.get("value"), g.get("value")
        if pv is None or gv is None:
            return pv is None and gv is None
        return abs(float(pv) - float(gv)) <= 1e-6 * max(1.0, abs(float(gv)))
    if label == "DATE":
        return all(p.get(k) == g.get(k) for k in ("year", "month", "day")) and bool(
            p.get("placeholder")
        ) == bool(g.get("placeholder"))
    if label == "HONOR":
        return (p.get("level") or "unknown") == (g.get("level") or "unknown") and p.get(
            "awarded_by"
        ) == g.get("awarded_by")
    return True


_APPROX_PRE = re.compile(r"^(?:大约|将近|约|近|超过|逾)")
_APPROX_POST = re.compile(r"(?:左右|以上|以下|及以下|之多)$")


def numeral_of(text: str, unit: str | None) -> str:
    """The numeral part of a numeric span: 1万余元 → 1万 · 百分之七点五 → 七点五 · 20多万人 → 20万."""
    s = _APPROX_PRE.sub("", text)
    s = _APPROX_POST.sub("", s)
    s = s.removeprefix("百分之")
    for u in sorted({unit or "", "个百分点", "百分点", "%", "％"}, key=len, reverse=True):
        if u and s.endswith(u):
            s = s[: -len(u)]
            break
    return s.replace("余", "").replace("多", "").replace(",", "")


def _cn2an_value(text: str, unit: str | None) -> float | None:
    import cn2an

    try:
        return float(cn2an.cn2an(numeral_of(text, unit), "smart"))
    except Exception:  # noqa: BLE001 - cn2an raises ValueError and friends on what it cannot read
        return None


class _Tally:
    def __init__(self) -> None:
        self.tp: Counter[str] = Counter()
        self.fp: Counter[str] = Counter()
        self.fn: Counter[str] = Counter()
        self.overlap: Counter[str] = Counter()
        self.gold: Counter[str] = Counter()
        self.pred: Counter[str] = Counter()

    def add(
        self, preds: list[dict[str, Any]], golds: list[dict[str, Any]]
    ) -> list[tuple[dict, dict]]:
        gkey = {(g["start"], g["end"], g["label"]): g for g in golds}
        pkey = {(p["start"], p["end"], p["label"]): p for p in preds}
        matched = []
        for k, p in pkey.items():
            self.pred[k[2]] += 1
            if k in gkey:
                self.tp[k[2]] += 1
                matched.append((p, gkey[k]))
            else:
                self.fp[k[2]] += 1
        by_label: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for p in preds:
            by_label[p["label"]].append((p["start"], p["end"]))
        for k, g in gkey.items():
            self.gold[k[2]] += 1
            if k not in pkey:
                self.fn[k[2]] += 1
            if any(s < g["end"] and e > g["start"] for s, e in by_label[k[2]]):
                self.overlap[k[2]] += 1
        return matched

    def row(self, labels: Sequence[str]) -> dict[str, float | int]:
        tp = sum(self.tp[x] for x in labels)
        fp = sum(self.fp[x] for x in labels)
        fn = sum(self.fn[x] for x in labels)
        gold = sum(self.gold[x] for x in labels)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        ov = sum(self.overlap[x] for x in labels) / gold if gold else 0.0
        return {"gold": gold, "pred": sum(self.pred[x] for x in labels), "tp": tp,
                "precision": p, "recall": r, "f1": f, "overlap_recall": ov}  # fmt: skip


class _Stats:
    """Every figure of one group of files (a split, or all of them)."""

    def __init__(self) -> None:
        self.ours = _Tally()
        self.base = _Tally()
        self.value_ok: Counter[str] = Counter()
        self.value_n: Counter[str] = Counter()
        self.cn2an_ok = 0
        self.invented = 0
        self.hidden = 0
        self.files = 0

    def result(self, baselines: bool) -> dict[str, Any]:
        vn = self.value_n
        out: dict[str, Any] = {
            "files": self.files,
            "labels": {lab: self.ours.row([lab]) for lab in ENTITY_LABELS},
            "overall": self.ours.row(ENTITY_LABELS),
            "value_accuracy": {
                lab: (self.value_ok[lab] / vn[lab] if vn[lab] else None)
                for lab in (*NUMERIC, "DATE", "HONOR")
            },
            "value_n": dict(vn),
            "number_value_accuracy": _ratio(
                sum(self.value_ok[x] for x in NUMERIC), sum(vn[x] for x in NUMERIC)
            ),
            "date_value_accuracy": _ratio(self.value_ok["DATE"], vn["DATE"]),
            "cn2an_number_value_accuracy": _ratio(self.cn2an_ok, sum(vn[x] for x in NUMERIC)),
            "invented_date_parts": self.invented,
            "gold_in_removed_text": self.hidden,
        }
        if baselines:
            out["posseg"] = {lab: self.base.row([lab]) for lab in POSSEG_LABELS}
            out["posseg"]["overall"] = self.base.row(POSSEG_LABELS)
        return out


def _context(text: str, s: int, e: int, width: int = 14) -> str:
    return (text[max(0, s - width) : s] + "【" + text[s:e] + "】" + text[e : e + width]).replace(
        "\n", "⏎"
    )


def evaluate_entities(
    paths: Iterable[str | Path] = (), *, baselines: bool = True, keep_errors: bool = False
) -> dict[str, Any]:
    """Score every gold file; returns per-label/overall figures for all files, the same per
    split (``result["splits"][name]``), and the baselines."""
    files = gold_files(paths)
    from ..entities import find_entities

    find_entities("预热：县妇联组织150余人。")  # load dictionaries before timing
    total = _Stats()
    by_split: dict[str, _Stats] = defaultdict(_Stats)
    errors: list[dict[str, Any]] = []
    chars = 0
    spent = 0.0
    for gp in files:
        gold = json.loads(gp.read_text(encoding="utf-8"))
        src = resolve_source(gp, gold["source"])
        text, preds, secs, hidden = predict_file(src)
        spent += secs
        chars += len(text)
        split = split_of(gold["source"], "seed" if gp.stem.startswith("000_") else "other")
        groups = (total, by_split[split])
        docs = gold.get("documents") or [{"start": 0}]
        scope = (
            tuple(gold["range"])
            if gold.get("range")
            else (min(d.get("start", 0) for d in docs), len(text))
        )
        exclude = [tuple(x) for x in gold.get("exclude", [])]
        golds = [g for g in gold["entities"] if _in_scope(g, scope, exclude)]  # type: ignore[arg-type]
        # gold inside text that ingest cleaned away (site clutter, a table of contents) cannot
        # be found by any extractor that reads Document.text: counted apart, not scored
        unseen = [g for g in golds if not _in_scope(g, (0, len(text)), hidden)]
        golds = [g for g in golds if g not in unseen]
        preds = [p for p in preds if _in_scope(p, scope, exclude)]  # type: ignore[arg-type]
        bp: list[dict[str, Any]] = []
        if baselines:
            spans = [(max(d.get("start", 0), scope[0]), scope[1]) for d in docs[:1]]
            bp = [p for p in _posseg_predict(text, spans) if _in_scope(p, scope, exclude)]  # type: ignore[arg-type]
        for st in groups:
            st.files += 1
            st.hidden += len(unseen)
            matched = st.ours.add(preds, golds)
            if baselines:
                st.base.add(bp, [g for g in golds if g["label"] in POSSEG_LABELS])
            for p, g in matched:
                lab = g["label"]
                if lab in NUMERIC or lab in ("DATE", "HONOR"):
                    st.value_n[lab] += 1
                    if _value_equal(lab, p, g):
                        st.value_ok[lab] += 1
                    if lab in NUMERIC:
                        cv = (
                            None if g.get("placeholder") else _cn2an_value(p["text"], p.get("unit"))
                        )
                        if _value_equal(lab, {"value": cv}, g):
                            st.cn2an_ok += 1
            # invented date parts: any predicted DATE overlapping a gold placeholder DATE
            for g in golds:
                if g["label"] != "DATE" or not g.get("placeholder"):
                    continue
                for p in preds:
                    if p["label"] == "DATE" and p["start"] < g["end"] and p["end"] > g["start"]:
                        st.invented += sum(
                            1
                            for k in ("year", "month", "day")
                            if p.get(k) is not None and g.get(k) is None
                        )
        if keep_errors:
            errors.extend(_file_errors(gp.name, split, text, preds, golds))
    result: dict[str, Any] = {**total.result(baselines), "files": [str(f) for f in files]}
    result["splits"] = {sp: st.result(baselines) for sp, st in by_split.items()}
    result["gold_in_removed_text"] = {sp: st.hidden for sp, st in by_split.items()}
    result["chars"] = chars
    result["seconds"] = spent
    if keep_errors:
        result["errors"] = errors
    return result


def _file_errors(
    name: str, split: str, text: str, preds: list[dict[str, Any]], golds: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Misses (fn), spurious predictions (fp) and value mismatches of one file, in text order."""
    out: list[dict[str, Any]] = []
    gk = {(g["start"], g["end"], g["label"]): g for g in golds}
    pk = {(p["start"], p["end"], p["label"]): p for p in preds}
    for k, g in gk.items():
        if k not in pk:
            out.append({"kind": "fn", **{x: g[x] for x in ("label", "start", "end", "text")}})
        elif not _value_equal(g["label"], pk[k], g):
            out.append({"kind": "value", "label": g["label"], "start": g["start"], "end": g["end"],
                        "text": g["text"], "pred": pk[k], "gold": g})  # fmt: skip
    for k, p in pk.items():
        if k not in gk:
            out.append({"kind": "fp", **{x: p[x] for x in ("label", "start", "end", "text")}})
    for e in out:
        e.update(file=name, split=split, context=_context(text, e["start"], e["end"]))
    out.sort(key=lambda e: (e["start"], e["kind"]))
    return out


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


# -- report --------------------------------------------------------------------------------
def _table(r: dict[str, Any], title: str) -> list[str]:
    """Per-label table of one group of files (all, or one split)."""
    head = f"{'label':<8}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}{'ovR':>7}{'value':>8}"
    has_base = "posseg" in r
    if has_base:
        head += f"   | jieba.posseg {'P':>6}{'R':>7}{'F1':>7}"
    lines = [title, head, "-" * len(head)]

    def fmt(
        label: str, row: dict[str, Any], value: float | None, brow: dict[str, Any] | None
    ) -> str:
        v = "" if value is None else f"{value:.3f}"
        if row["gold"] == 0 and row["pred"] == 0:
            return f"{label:<8}{0:>6}{0:>6}" + f"{'—':>7}" * 4
        s = (f"{label:<8}{row['gold']:>6}{row['pred']:>6}{row['precision']:>7.3f}{row['recall']:>7.3f}"
             f"{row['f1']:>7.3f}{row['overlap_recall']:>7.3f}{v:>8}")  # fmt: skip
        if has_base:
            s += ("   | " + " " * 13 + f"{brow['precision']:>6.3f}{brow['recall']:>7.3f}{brow['f1']:>7.3f}"
                  if brow else "   |")  # fmt: skip
        return s

    for lab in ENTITY_LABELS:
        lines.append(
            fmt(lab, r["labels"][lab], r["value_accuracy"].get(lab), r.get("posseg", {}).get(lab))
        )
    lines.append("-" * len(head))
    lines.append(fmt("overall", r["overall"], None, r.get("posseg", {}).get("overall")))
    nv, cv = r["number_value_accuracy"], r["cn2an_number_value_accuracy"]
    n = sum(r["value_n"].get(x, 0) for x in NUMERIC)
    if nv is not None:
        lines.append(
            f"number value accuracy on {n} exact matches: summarykit {nv:.3f}   cn2an-on-spans {cv:.3f}"
        )
    if r["date_value_accuracy"] is not None:
        lines.append(
            f"date value accuracy on {r['value_n'].get('DATE', 0)} exact matches: {r['date_value_accuracy']:.3f}"
        )
    if r["value_accuracy"].get("HONOR") is not None:
        lines.append(f"honor level + awarded_by accuracy on {r['value_n'].get('HONOR', 0)} exact matches: "
                     f"{r['value_accuracy']['HONOR']:.3f}")  # fmt: skip
    lines.append(f"invented date parts on placeholder dates: {r['invented_date_parts']}")
    return lines


def format_report(r: dict[str, Any]) -> str:
    lines = [f"entities: {len(r['files'])} gold file(s)", ""]
    splits = r["splits"]
    for sp, v in splits.items():
        lines += _table(v, f"== split {sp} ({v['files']} file(s)) ==")
        lines.append("")
    if len(splits) > 1:
        lines += _table(r, f"== all {len(r['files'])} files ==")
        lines.append("")
    lines.append(f"{'F1':<8}" + "".join(f"{lab:>8}" for lab in ENTITY_LABELS) + f"{'overall':>9}")
    for sp, v in splits.items():
        lines.append(
            f"{sp:<8}"
            + "".join(f"{v['labels'][lab]['f1']:>8.3f}" for lab in ENTITY_LABELS)
            + f"{v['overall']['f1']:>9.3f}"
        )
    if any(r.get("gold_in_removed_text", {}).values()):
        lines.append("gold entities in text ingest removed (not scored): "
                     + ", ".join(f"{k} {v}" for k, v in r["gold_in_removed_text"].items()))  # fmt: skip
    if r["seconds"]:
        lines.append(
            f"extraction: {r['chars']} chars in {r['seconds']:.2f}s ({r['chars'] / r['seconds']:,.0f} chars/s)"
        )
    return "\n".join(lines)


_VALUE_KEYS = ("value", "unit", "year", "month", "day", "placeholder", "relative", "festival",
               "level", "awarded_by")  # fmt: skip


def format_errors(r: dict[str, Any], label: str = "ALL") -> str:
    """One line per error: kind, label, file:offsets, the span in its context (and for value
    mismatches the differing fields, predicted/gold)."""
    lines = []
    for e in r.get("errors", []):
        if label != "ALL" and e["label"] != label:
            continue
        where = f"{e['split']}/{e['file']}:{e['start']}-{e['end']}"
        line = f"{e['kind']:<5} {e['label']:<7} {where:<40} {e['context']}"
        if e["kind"] == "value":
            diff = {
                k: (e["pred"].get(k), e["gold"].get(k))
                for k in _VALUE_KEYS
                if e["pred"].get(k) != e["gold"].get(k)
            }
            line += f"  pred/gold {diff}"
        lines.append(line)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="summarykit evaluate entities", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "paths",
        nargs="*",
        help="gold files or folders (default corpora/gold/entities, holdout_entities, holdout2_entities)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--no-baselines", action="store_true", help="skip the jieba.posseg baseline (slow)"
    )
    parser.add_argument("-v", "--errors", metavar="LABEL", nargs="?", const="ALL",
                        help="also list the errors (optionally of one label)")  # fmt: skip
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        r = evaluate_entities(
            args.paths, baselines=not args.no_baselines, keep_errors=bool(args.errors)
        )
    except FileNotFoundError as exc:
        print(f"summarykit: {exc}", file=sys.stderr)
        return 2
    if not r["files"]:
        print("summarykit: no gold entity files found", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(r, ensure_ascii=False, indent=1))
        return 0
    print(format_report(r))
    if args.errors:
        print()
        print(format_errors(r, args.errors))
    return 0


cli = main  # ``summarykit evaluate entities [PATH…] [--json] [--no-baselines] [-v [LABEL]]``

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def gold_files(paths: Iterable[str | Path] = ()) -> list[Path]:
    """Gold JSON files named by ``paths``; default: all entities gold (seed/dev, holdout, holdout2)."""
    return _gold_files(paths, "entities")
