"""Reuse detection at scale: generated corpora of 1,000 and 10,000 reports (minutes).

    .venv/bin/python bench/bench_reuse.py                 # 1000 and 10000 documents
    .venv/bin/python bench/bench_reuse.py 1000 3000       # other sizes
    .venv/bin/python bench/bench_reuse.py --baseline 1000 # also the baseline (slow)
    .venv/bin/python bench/bench_reuse.py --seed 2        # another generated corpus (a check that
                                                          # nothing was calibrated to seed 1's)

For each size: generate the corpus with ``scripts/make_synth.py`` (seed 1 unless ``--seed``; cached in
``$TMPDIR/summarykit-bench/synthN[_seedS]``), run ``find_reuse`` with 2 worker processes, and print
wall time (end to end: Documents in, ReuseReport out; generation and loading excluded),
the time per stage, PAN precision / recall / granularity / plagdet, recall per kind,
recall on spun copies made with spinner tables the code never saw, precision on passages
of at least 30 characters, and the time ratio between the two sizes (near-linear growth
means the ratio of times is close to the ratio of sizes, or below).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))


def corpus_for(n: int, seed: int = 1):  # type: ignore[no-untyped-def]
    from summarykit.evaluate.reuse import load_synth_folder

    folder = Path(tempfile.gettempdir()) / "summarykit-bench" / (f"synth{n}" if seed == 1 else f"synth{n}_seed{seed}")
    if not (folder / "truth.json").exists():
        from make_synth import make_corpus  # type: ignore[import-not-found]

        t0 = time.perf_counter()
        make_corpus(n, seed=seed, out=folder)
        print(f"  generated {n} documents in {time.perf_counter() - t0:.1f} s → {folder}", flush=True)
    return load_synth_folder(folder)


def main(argv: list[str]) -> int:
    from summarykit.evaluate.reuse import (
        pan_scores,
        precision_long,
        run_baseline,
        run_summarykit,
        spun_unseen_recall,
    )

    baseline = "--baseline" in argv
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    sizes = [int(a) for i, a in enumerate(argv) if a.isdigit() and (i == 0 or argv[i - 1] != "--seed")] or [1000, 10000]
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    times = {}
    for n in sizes:
        corpus, cases, _truth = corpus_for(n, seed)
        chars = sum(len(d.text) for d in corpus)
        dets, dt, report = run_summarykit(corpus, n_jobs=2)
        s = pan_scores(cases, dets)
        times[n] = dt
        kinds = "  ".join(f"{k} {v:.3f}" for k, v in sorted(s["recall_by_kind"].items()))
        stages = "  ".join(f"{k} {v:.1f}s" for k, v in report.params["timings"].items())
        print(f"\n{n} documents, {chars:,} characters, {len(cases)} planted passages")
        print(f"  summarykit: {dt:.1f} s wall ({stages}); {report.params['n_candidate_pairs']} candidate pairs")
        print(
            f"  P {s['precision']:.4f}  R {s['recall']:.3f}  G {s['granularity']:.3f}  "
            f"plagdet {s['plagdet']:.3f}  kind accuracy {s['kind_accuracy']:.3f}"
        )
        print(f"  recall by kind: {kinds}")
        wrong = sum(1 for p in s["precision_items"] if p == 0)
        print(
            f"  {len(dets)} detections, {wrong} with no planted passage under them; "
            f"{report.params.get('n_template_matches', 0)} matches moved to template text "
            f"(passages linking ≥ {report.params.get('template_min_docs')} documents)"
        )
        su = spun_unseen_recall(cases, s)
        print(
            f"  recall on spun copies with unseen tables {su:.3f}; "
            f"precision on passages ≥ 30 chars {precision_long(dets, s):.4f}"
        )
        if baseline:
            bdets, bdt = run_baseline(corpus)
            b = pan_scores(cases, bdets)
            print(
                f"  baseline (8-gram fingerprints + DF mask + difflib): {bdt:.1f} s  "
                f"P {b['precision']:.3f}  R {b['recall']:.3f}  G {b['granularity']:.3f}  plagdet {b['plagdet']:.3f}"
            )
    if len(times) >= 2:
        (n1, t1), (n2, t2) = sorted(times.items())[:2]
        print(f"\ngrowth: {n2 / n1:.0f}× documents → {t2 / t1:.1f}× time")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
