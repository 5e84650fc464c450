#!/usr/bin/env python3
"""Throughput of entity extraction against jieba.posseg on the same texts.

The corpus (seed + dev) is repeated until it is at least ``--mb`` MB of UTF-8 (default 1,
i.e. the whole corpus once). Both contenders run in the same process on the same texts,
warmed up first (dictionaries and lexicons loaded; the warm-up time is printed apart):

* summarykit: ``summarykit.entities.find_entities(text)`` on every file's text;
* jieba.posseg: ``list(POSTokenizer(jieba.Tokenizer()).cut(text))`` — a private tokenizer,
  never jieba's globals.

Usage::

    .venv/bin/python bench/bench_entities.py            # whole corpus once
    .venv/bin/python bench/bench_entities.py --mb 3     # repeated to 3 MB
    .venv/bin/python bench/bench_entities.py --skip-posseg   # summarykit only

Prints characters per second for both and the ratio (target: summarykit ≥ 3× jieba.posseg).
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from _corpus import workload

from summarykit.entities import find_entities


def run_summarykit(texts: list[str]) -> tuple[float, int]:
    n = 0
    gc.collect()
    t0 = time.perf_counter()
    for t in texts:
        n += len(find_entities(t))
    return time.perf_counter() - t0, n


def run_posseg(texts: list[str], tok: object) -> tuple[float, int]:
    n = 0
    gc.collect()
    t0 = time.perf_counter()
    for t in texts:
        n += len(list(tok.cut(t)))  # type: ignore[attr-defined]
    return time.perf_counter() - t0, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--mb", type=float, default=1.0, help="repeat the corpus to at least this many MB"
    )
    ap.add_argument("--skip-posseg", action="store_true", help="time summarykit only")
    args = ap.parse_args(argv)

    texts = workload(args.mb)
    chars = sum(map(len, texts))
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"workload: {len(texts)} texts, {chars:,} chars, {mb:.2f} MB UTF-8")

    t0 = time.perf_counter()
    find_entities("预热：县妇联组织150余人参加“三八”节活动。")
    print(f"summarykit warm-up (jieba dictionary + lexicons): {time.perf_counter() - t0:.2f}s")
    secs, n = run_summarykit(texts)
    sk_rate = chars / secs
    print(f"summarykit entities : {secs:8.2f}s  {sk_rate:12,.0f} chars/s  ({n:,} entities)")
    if args.skip_posseg:
        return 0

    import jieba
    import jieba.posseg

    logging.getLogger("jieba").setLevel(logging.WARNING)
    t0 = time.perf_counter()
    tok = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    list(tok.cut("预热：县妇联组织150余人参加活动。"))
    print(f"jieba.posseg warm-up: {time.perf_counter() - t0:.2f}s")
    psecs, pn = run_posseg(texts, tok)
    ps_rate = chars / psecs
    print(f"jieba.posseg        : {psecs:8.2f}s  {ps_rate:12,.0f} chars/s  ({pn:,} tokens)")
    print(f"ratio summarykit / jieba.posseg: {sk_rate / ps_rate:.1f}x  (target >= 3x)")
    # jieba.posseg's HMM is very slow on long runs of characters it does not know (the
    # traditional-character 1954 report: ~200 chars/s); show the ratio without such texts too
    simple = [t for t in texts if not _traditional(t)]
    if len(simple) < len(texts):
        c2 = sum(map(len, simple))
        s2, _ = run_summarykit(simple)
        p2, _ = run_posseg(simple, tok)
        print(f"simplified-character texts only ({len(simple)} of {len(texts)}, {c2:,} chars): "
              f"summarykit {c2 / s2:,.0f} chars/s, jieba.posseg {c2 / p2:,.0f} chars/s, "
              f"ratio {p2 / s2:.1f}x")  # fmt: skip
    return 0


def _traditional(text: str) -> bool:
    """More than 2% of the characters change when converted to simplified Chinese."""
    import zhconv

    sample = text[:5000]
    changed = sum(a != b for a, b in zip(sample, zhconv.convert(sample, "zh-cn")))
    return changed > 0.02 * max(1, len(sample))


if __name__ == "__main__":
    sys.exit(main())
