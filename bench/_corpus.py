"""The bundled corpus (seed + dev) as raw texts, repeated to a target size: the shared
workload of the throughput benches."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_texts() -> list[str]:
    paths = sorted((ROOT / "corpora" / "seed").glob("*.txt")) + sorted(
        (ROOT / "corpora" / "dev").glob("*.txt")
    )
    return [p.read_text(encoding="utf-8-sig") for p in paths]


def workload(mb: float) -> list[str]:
    """The corpus repeated until it holds at least ``mb`` megabytes of UTF-8."""
    base = corpus_texts()
    per_pass = sum(len(t.encode("utf-8")) for t in base)
    passes = max(1, -(-int(mb * 1_000_000) // per_pass))
    return base * passes
