#!/usr/bin/env python3
"""Throughput of ingest + segment on the whole corpus (seed + dev), against jieba.lcut.

The corpus is repeated until it is at least ``--mb`` MB of UTF-8 (default 20). Both
contenders run in the same process on the same texts:

* summarykit: ``documents_from_text`` (decode already done: clutter removal, compilation
  splitting) and ``segment`` for every resulting document;
* jieba: ``lcut`` of a private ``jieba.Tokenizer`` (``summarykit.tokenize.tokenizer()``)
  on the same texts, dictionary already loaded.

Usage::

    .venv/bin/python bench/bench_segment.py            # 20 MB, both
    .venv/bin/python bench/bench_segment.py --mb 5     # quicker
    .venv/bin/python bench/bench_segment.py --single   # also one 50 MB document on one go

Prints characters per second for both and the ratio (target: summarykit ≥ 3× jieba).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from _corpus import corpus_texts, workload

from summarykit.ingest import documents_from_text
from summarykit.segment import segment
from summarykit.tokenize import tokenizer


def run_summarykit(texts: list[str]) -> tuple[float, int]:
    sections = 0
    gc.collect()
    t0 = time.perf_counter()
    for t in texts:
        for doc in documents_from_text(t):
            sections += len(segment(doc).sections)
    return time.perf_counter() - t0, sections


def run_jieba(texts: list[str]) -> tuple[float, int]:
    tok = tokenizer()
    tok.lcut("预热词典")  # dictionary load is not part of the measurement
    words = 0
    gc.collect()
    t0 = time.perf_counter()
    for t in texts:
        words += len(tok.lcut(t))
    return time.perf_counter() - t0, words


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--mb", type=float, default=20.0, help="size of the workload in MB of UTF-8 (default 20)"
    )
    ap.add_argument(
        "--single", action="store_true", help="also time one 50 MB document (linearity)"
    )
    ap.add_argument("--no-jieba", action="store_true", help="skip the jieba baseline")
    args = ap.parse_args(argv)

    texts = workload(args.mb)
    chars = sum(map(len, texts))
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(
        f"workload: {len(texts)} texts (seed + dev repeated), {chars:,} chars, {size / 1e6:.1f} MB UTF-8"
    )

    t_sk, n_sections = run_summarykit(texts)
    sk_rate = chars / t_sk
    print(
        f"summarykit ingest+segment: {t_sk:7.2f} s  {sk_rate / 1e6:6.2f} M chars/s  ({n_sections:,} sections)"
    )
    if not args.no_jieba:
        t_jb, n_words = run_jieba(texts)
        jb_rate = chars / t_jb
        print(
            f"jieba.lcut (private Tokenizer): {t_jb:7.2f} s  {jb_rate / 1e6:6.2f} M chars/s  ({n_words:,} words)"
        )
        print(
            f"ratio: summarykit ingest+segment is {sk_rate / jb_rate:.1f}x faster than jieba.lcut (target >= 3x)"
        )
    if args.single:
        big = "\n".join(corpus_texts())
        big = big * max(1, -(-50_000_000 // len(big.encode("utf-8"))))
        gc.collect()
        t0 = time.perf_counter()
        docs = documents_from_text(big, split=False)
        n = sum(len(segment(d).sections) for d in docs)
        dt = time.perf_counter() - t0
        print(
            f"one document of {len(big.encode('utf-8')) / 1e6:.0f} MB: {dt:.1f} s, {len(big) / dt / 1e6:.2f} M chars/s, {n:,} sections"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
