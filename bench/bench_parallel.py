#!/usr/bin/env python3
"""``summarykit.load(n_jobs=2)`` against ``n_jobs=1``: identical frames, and the speed-up.

The bundled corpus (seed + dev) is written out again and again as separate files until it is at
least ``--mb`` MB of UTF-8, then loaded with all per-document stages (segment, entities,
classify) once with ``n_jobs=1`` and once with ``n_jobs=2``. The default classifier is trained
(and the jieba dictionary loaded) in the parent first, so neither run pays that one-off cost;
worker processes inherit it where the start method is ``fork`` and pay it themselves otherwise
(the script says which).

Usage::

    .venv/bin/python bench/bench_parallel.py            # 2 MB
    .venv/bin/python bench/bench_parallel.py --mb 5 --jobs 2 4

Prints wall and CPU seconds, characters per second and the speed-up per ``n_jobs``, and checks
that the documents, sections and entities frames are equal to the ``n_jobs=1`` ones (exit 1 if
not). "cores busy" (CPU / wall) below ``n_jobs`` means other processes held the cores: the
speed-up is only meaningful on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import summarykit
from summarykit.pipeline import DEFAULT_STAGES, run_stages


def write_workload(folder: Path, mb: float) -> tuple[int, int]:
    """Copies of the corpus files in ``folder`` until ``mb`` MB; returns (files, bytes)."""
    sources = sorted((ROOT / "corpora" / "seed").glob("*.txt")) + sorted(
        (ROOT / "corpora" / "dev").glob("*.txt")
    )
    data = [(p.stem, p.read_bytes()) for p in sources]
    target, total, n = int(mb * 1_000_000), 0, 0
    rep = 0
    while total < target:
        for stem, raw in data:
            (folder / f"r{rep:03d}_{stem}.txt").write_bytes(raw)
            total += len(raw)
            n += 1
        rep += 1
    return n, total


def warm_up() -> None:
    """Train the default classifier and load jieba in this process (cached per process)."""
    run_stages(
        summarykit.parse("一、加强组织建设\n今年召开会议5次，参加150余人。", stages=()),
        DEFAULT_STAGES,
    )


def _cpu() -> float:
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed_load(folder: Path, n_jobs: int):  # type: ignore[no-untyped-def]
    """(corpus, wall seconds, CPU seconds of this process and its finished workers)."""
    c0, t0 = _cpu(), time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = summarykit.load(folder, n_jobs=n_jobs, progress=False)
    return corpus, time.perf_counter() - t0, _cpu() - c0


def _line(n_jobs: int, wall: float, cpu: float, n_chars: int) -> str:
    # cores busy = CPU / wall: below n_jobs means other processes held the cores
    return (
        f"n_jobs={n_jobs}: {wall:6.1f} s wall {cpu:6.1f} s CPU ({cpu / wall:.2f} cores busy)  "
        f"{n_chars / wall:9,.0f} chars/s"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--mb", type=float, default=2.0, help="workload size in MB of UTF-8 (default 2)"
    )
    ap.add_argument(
        "--jobs", type=int, nargs="+", default=[2], help="n_jobs values to compare with 1"
    )
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    warm_up()
    print(
        f"warm-up (classifier training, jieba): {time.perf_counter() - t0:.1f} s; "
        f"start method {multiprocessing.get_start_method()}; {os.cpu_count()} cores; "
        f"load average {os.getloadavg()[0]:.1f} (a speed-up needs idle cores)"
    )
    folder = Path(tempfile.mkdtemp(prefix="sk-bench-"))
    try:
        n_files, n_bytes = write_workload(folder, args.mb)
        base, t1, cpu1 = timed_load(folder, 1)
        n_chars = sum(len(d.text) for d in base)
        frames = {
            name: getattr(base, f"{name}_frame")() for name in ("documents", "sections", "entities")
        }
        print(
            f"workload: {n_files} files, {n_bytes / 1e6:.1f} MB, {len(base)} documents, {n_chars:,} characters, "
            f"{sum(len(f) for f in frames.values()):,} frame rows"
        )
        print(_line(1, t1, cpu1, n_chars))
        ok = True
        for n_jobs in args.jobs:
            corpus, t, cpu = timed_load(folder, n_jobs)
            same = corpus.documents == base.documents and all(
                getattr(corpus, f"{name}_frame")().equals(frame) for name, frame in frames.items()
            )
            ok &= same
            print(
                f"{_line(n_jobs, t, cpu, n_chars)}  speed-up {t1 / t:.2f}x  "
                f"frames {'identical' if same else 'DIFFERENT'}"
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
