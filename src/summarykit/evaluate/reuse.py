"""``summarykit evaluate reuse``: PAN-style passage scores, next to a baseline.

Scores (Potthast et al., *An Evaluation Framework for Plagiarism Detection*, 2010),
computed on characters, both sides of every passage:

* a detection ``r`` *detects* a gold case ``s`` when they concern the same two documents
  and overlap on both sides; ``s ⊓ r`` is then the union of the two overlaps;
* precision = mean over detections of ``|∪_s (s ⊓ r)| / |r|``;
* recall = mean over cases of ``|∪_r (s ⊓ r)| / |s|`` (also per kind);
* granularity = mean number of detections per detected case;
* plagdet = F1 / log2(1 + granularity).

Pairs are unordered: a detection ``B → A`` scores against a case ``A → B``. ``kind acc``
is the share of detected cases whose best-overlapping detection has the gold kind.

Inputs: the seed gold (``corpora/gold/reuse/seed.json``; source-file offsets mapped to
``Document.text``) and synthetic corpora (a folder with ``truth.json`` from
``scripts/make_synth.py``; without paths, a 1,000-document corpus is generated in memory).

The baseline is the best of the approaches the issue measured: folded character 8-gram
fingerprints, a document-frequency template mask, and ``difflib`` alignment of the
regions around shared fingerprints.
"""

from __future__ import annotations

import json
import math
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]


@dataclass(frozen=True)
class Case:
    """A passage pair (gold or detected) in ``Document.text`` offsets."""

    doc_a: str
    start_a: int
    end_a: int
    doc_b: str
    start_b: int
    end_b: int
    kind: str = ""
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def sides(self) -> dict[str, tuple[int, int]]:
        return {self.doc_a: (self.start_a, self.end_a), self.doc_b: (self.start_b, self.end_b)}

    @property
    def size(self) -> int:
        return (self.end_a - self.start_a) + (self.end_b - self.start_b)

    @property
    def key(self) -> frozenset[str]:
        return frozenset((self.doc_a, self.doc_b))


def _union(intervals: Iterable[tuple[int, int]]) -> int:
    total, cs, ce = 0, None, None
    for s, e in sorted(intervals):
        if e <= s:
            continue
        if cs is None or s > ce:
            if cs is not None:
                total += ce - cs
            cs, ce = s, e
        else:
            ce = max(ce, e)
    if cs is not None:
        total += ce - cs
    return total


def _overlaps(s: Case, r: Case) -> dict[str, tuple[int, int]] | None:
    """Per-document overlap of ``s`` and ``r`` if ``r`` detects ``s``, else ``None``."""
    if s.key != r.key or len(s.key) != 2:
        return None
    ss, rs = s.sides(), r.sides()
    out = {}
    for doc in s.key:
        a0, a1 = ss[doc]
        b0, b1 = rs[doc]
        lo, hi = max(a0, b0), min(a1, b1)
        if hi <= lo:
            return None
        out[doc] = (lo, hi)
    return out


def pan_scores(cases: Sequence[Case], detections: Sequence[Case]) -> dict[str, Any]:
    """Macro precision, recall, granularity, plagdet; recall and kind accuracy per kind."""
    by_key: dict[frozenset[str], list[int]] = defaultdict(list)
    for j, r in enumerate(detections):
        by_key[r.key].append(j)
    case_cov: list[dict[str, list[tuple[int, int]]]] = [defaultdict(list) for _ in cases]
    det_cov: list[dict[str, list[tuple[int, int]]]] = [defaultdict(list) for _ in detections]
    detected_by: list[list[tuple[int, int]]] = [[] for _ in cases]  # (overlap size, detection)
    for i, s in enumerate(cases):
        for j in by_key.get(s.key, ()):
            ov = _overlaps(s, detections[j])
            if ov is None:
                continue
            size = 0
            for doc, (lo, hi) in ov.items():
                case_cov[i][doc].append((lo, hi))
                det_cov[j][doc].append((lo, hi))
                size += hi - lo
            detected_by[i].append((size, j))
    rec_items = [
        sum(_union(v) for v in case_cov[i].values()) / max(s.size, 1) for i, s in enumerate(cases)
    ]
    prec_items = [
        sum(_union(v) for v in det_cov[j].values()) / max(r.size, 1) for j, r in enumerate(detections)
    ]
    precision = sum(prec_items) / len(prec_items) if prec_items else (1.0 if not cases else 0.0)
    recall = sum(rec_items) / len(rec_items) if rec_items else 1.0
    hit = [len(d) for d in detected_by if d]
    gran = sum(hit) / len(hit) if hit else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    plagdet = f1 / math.log2(1 + gran)
    kinds = sorted({s.kind for s in cases})
    rec_kind = {}
    acc_kind = {}
    for k in kinds:
        idx = [i for i, s in enumerate(cases) if s.kind == k]
        rec_kind[k] = sum(rec_items[i] for i in idx) / len(idx)
        det = [i for i in idx if detected_by[i]]
        ok = [i for i in det if detections[max(detected_by[i])[1]].kind == k]
        acc_kind[k] = len(ok) / len(det) if det else float("nan")
    found = sum(1 for d in detected_by if d)
    det_all = [i for i in range(len(cases)) if detected_by[i]]
    kind_ok = [i for i in det_all if detections[max(detected_by[i])[1]].kind == cases[i].kind]
    return {
        "precision": precision,
        "recall": recall,
        "granularity": gran,
        "plagdet": plagdet,
        "n_cases": len(cases),
        "n_detections": len(detections),
        "cases_found": found,
        "recall_by_kind": rec_kind,
        "kind_accuracy": len(kind_ok) / len(det_all) if det_all else float("nan"),
        "kind_accuracy_by_kind": acc_kind,
        "precision_items": prec_items,
        "recall_items": rec_items,
    }


# -- inputs -----------------------------------------------------------------------------


def seed_gold(path: Path | None = None):  # type: ignore[no-untyped-def]
    """(corpus, cases) for the seed gold; spans mapped from source offsets to text offsets."""
    import summarykit

    path = path or ROOT / "corpora" / "gold" / "reuse" / "seed.json"
    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    src = Path(gold["source"])
    if not src.is_absolute():
        src = ROOT / src
    corpus = summarykit.load(src, stages=())
    label = {}
    for name, info in gold.get("documents", {}).items():
        label[name] = info["id"]
    by_id = {d.id: d for d in corpus}
    cases = []
    for p in gold["passages"]:
        ida, idb = label.get(p["doc_a"], p["doc_a"]), label.get(p["doc_b"], p["doc_b"])
        da, db = by_id[ida], by_id[idb]
        cases.append(
            Case(
                ida,
                da.from_source_offset(p["start_a"]),
                da.from_source_offset(p["end_a"]),
                idb,
                db.from_source_offset(p["start_b"]),
                db.from_source_offset(p["end_b"]),
                p["kind"],
                {"substitutions": p.get("substitutions", []), "direction": p.get("direction")},
            )
        )
    return corpus, cases


def synth_cases(truth: dict[str, Any]) -> list[Case]:
    out = []
    for p in truth["passages"]:
        out.append(
            Case(
                p["doc_a"], p["start_a"], p["end_a"], p["doc_b"], p["start_b"], p["end_b"], p["kind"],
                {"table_seen": p.get("table_seen"), "obfuscation": p.get("obfuscation"),
                 "substitutions": p.get("substitutions", [])},
            )
        )
    return out


def synth_corpus(n: int, *, seed: int = 1):  # type: ignore[no-untyped-def]
    """(corpus, cases, truth) for a generated corpus of ``n`` documents (in memory)."""
    import summarykit

    scripts = str(ROOT / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    from make_synth import make_corpus  # type: ignore[import-not-found]

    docs, truth = make_corpus(n, seed=seed)
    corpus = summarykit.Corpus(tuple(summarykit.Document(id=i, text=t, title=t.split("\n", 1)[0]) for i, t in docs))
    return corpus, synth_cases(truth), truth


def load_synth_folder(folder: Path):  # type: ignore[no-untyped-def]
    import summarykit

    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    docs = []
    for d in truth["documents"]:
        text = (folder / f"{d['id']}.txt").read_text(encoding="utf-8")
        docs.append(summarykit.Document(id=d["id"], text=text, title=text.split("\n", 1)[0]))
    return summarykit.Corpus(tuple(docs)), synth_cases(truth), truth


# -- systems ------------------------------------------------------------------------------


def run_summarykit(corpus, *, min_chars: int = 30, n_jobs: int = 2) -> tuple[list[Case], float, Any]:  # type: ignore[no-untyped-def]
    from ..reuse.detect import find_reuse

    t0 = time.perf_counter()
    report = find_reuse(corpus, min_chars=min_chars, n_jobs=n_jobs, progress=False)
    dt = time.perf_counter() - t0
    dets = [
        Case(m.doc_a, m.start_a, m.end_a, m.doc_b, m.start_b, m.end_b, m.kind,
             {"substitutions": [s.to_dict() for s in m.substitutions]})
        for m in report.matches
    ]
    return dets, dt, report


def run_baseline(  # type: ignore[no-untyped-def]
    corpus, *, min_chars: int = 30, k: int = 8, mask_df: int = 3, max_pairs: int | None = None
) -> tuple[list[Case], float]:
    """Character 8-gram fingerprints + document-frequency template mask + difflib.

    The issue's strongest measured baseline: 8-grams in ``mask_df`` or more documents are
    template text; pairs sharing at least two unmasked 8-grams are verified with
    ``difflib.SequenceMatcher`` on windows around the shared 8-grams (whole documents
    would be quadratic), at most ``max_pairs`` pairs (default ``max(4000, 2·N)``, the same
    budget as summarykit), most shared 8-grams first.
    """
    import difflib

    import numpy as np

    from ..reuse.boilerplate import GramTable
    from ..reuse.candidates import gram_hashes, pairs_from_groups
    from ..reuse.normalize import normalize

    t0 = time.perf_counter()
    docs = list(corpus)
    n = len(docs)
    views = [normalize(d.text) for d in docs]
    hashes = [gram_hashes(v.codes, k) for v in views]
    _table, dfs = GramTable.build_with_positions(hashes, k=k)
    live = [df < mask_df for df in dfs]  # the template mask
    rows_h, rows_d = [], []
    for i, h in enumerate(hashes):
        keep = np.unique(h[live[i]])
        rows_h.append(keep)
        rows_d.append(np.full(len(keep), i, dtype=np.int64))
    if not rows_h:
        return [], time.perf_counter() - t0
    keys, counts = pairs_from_groups(
        np.concatenate(rows_h), np.concatenate(rows_d), max_df=max(mask_df - 1, 2), n_docs=max(n, 1)
    )
    budget = max_pairs if max_pairs is not None else max(4000, 2 * n)
    ok = counts >= 2
    keys, counts = keys[ok], counts[ok]
    keys = keys[np.lexsort((keys, -counts))[:budget]]
    out = []
    for key in sorted(keys.tolist()):
        x, y = int(key // n), int(key % n)
        a, b = views[x], views[y]
        live_a = live[x]
        shared = np.intersect1d(hashes[x][live_a], hashes[y])
        pa = np.flatnonzero(np.isin(hashes[x], shared))
        pb = np.flatnonzero(np.isin(hashes[y], shared))
        if len(pa) == 0 or len(pb) == 0:
            continue
        # windows around clusters of shared 8-grams in A and their matches in B
        cuts = np.flatnonzero(np.diff(pa) > 80)
        for c0, c1 in zip(np.r_[0, cuts + 1], np.r_[cuts, len(pa) - 1]):
            wa0, wa1 = max(0, int(pa[c0]) - 40), min(len(a), int(pa[c1]) + k + 40)
            qb = pb[np.isin(hashes[y][pb], hashes[x][pa[c0] : pa[c1] + 1])]
            if len(qb) == 0:
                continue
            wb0, wb1 = max(0, int(qb.min()) - 40), min(len(b), int(qb.max()) + k + 40)
            sm = difflib.SequenceMatcher(None, a.text[wa0:wa1], b.text[wb0:wb1], autojunk=False)
            blocks = [bl for bl in sm.get_matching_blocks() if bl.size >= 4]
            cur: list[Any] = []
            runs = []
            for bl in blocks:
                if cur and (
                    bl.a - (cur[-1].a + cur[-1].size) > 12 or bl.b - (cur[-1].b + cur[-1].size) > 12
                ):
                    runs.append(cur)
                    cur = []
                cur.append(bl)
            if cur:
                runs.append(cur)
            for run in runs:
                a0, a1 = wa0 + run[0].a, wa0 + run[-1].a + run[-1].size
                b0, b1 = wb0 + run[0].b, wb0 + run[-1].b + run[-1].size
                if a1 - a0 < k or b1 - b0 < 2 or live_a[a0 : a1 - k + 1].sum() < 3:
                    continue
                sa, ea = a.span(a0, a1)
                sb, eb = b.span(b0, b1)
                if ea - sa >= min_chars and eb - sb >= min_chars:
                    kind = "verbatim" if a.text[a0:a1] == b.text[b0:b1] else "near"
                    out.append(Case(docs[x].id, sa, ea, docs[y].id, sb, eb, kind))
    return out, time.perf_counter() - t0


# -- printing ---------------------------------------------------------------------------


def _row(name: str, s: dict[str, Any], seconds: float) -> str:
    kinds = " ".join(f"{k} {v:.3f}" for k, v in sorted(s["recall_by_kind"].items()))
    return (
        f"  {name:<11} P {s['precision']:.3f}  R {s['recall']:.3f}  G {s['granularity']:.3f}  "
        f"plagdet {s['plagdet']:.3f}  kind-acc {s['kind_accuracy']:.2f}  "
        f"found {s['cases_found']}/{s['n_cases']}  det {s['n_detections']}  {seconds:.1f}s  | recall {kinds}"
    )


def spun_unseen_recall(cases: Sequence[Case], scores: dict[str, Any]) -> float | None:
    idx = [i for i, c in enumerate(cases) if c.kind == "spun" and c.meta.get("table_seen") is False]
    if not idx:
        return None
    return sum(scores["recall_items"][i] for i in idx) / len(idx)


def precision_long(detections: Sequence[Case], scores: dict[str, Any], min_chars: int = 30) -> float:
    items = [
        p for p, d in zip(scores["precision_items"], detections)
        if min(d.end_a - d.start_a, d.end_b - d.start_b) >= min_chars
    ]
    return sum(items) / len(items) if items else 1.0


def evaluate(corpus, cases, *, name: str, baseline: bool = True, n_jobs: int = 2) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    dets, dt, report = run_summarykit(corpus, n_jobs=n_jobs)
    ours = pan_scores(cases, dets)
    print(f"{name}: {len(corpus)} documents, {len(cases)} gold passages")
    print(_row("summarykit", ours, dt))
    extra = [f"precision(≥30 chars) {precision_long(dets, ours):.3f}"]
    su = spun_unseen_recall(cases, ours)
    if su is not None:
        extra.append(f"recall spun/unseen tables {su:.3f}")
    print("              " + "  ".join(extra))
    out = {"summarykit": ours, "seconds": dt, "report": report, "detections": dets}
    if baseline:
        bdets, bdt = run_baseline(corpus)
        base = pan_scores(cases, bdets)
        print(_row("baseline", base, bdt))
        out["baseline"] = base
    return out


def main(paths: Sequence[str] = ()) -> int:
    """Evaluate on the seed gold and generated corpora; print one table per corpus."""
    targets: list[tuple[str, Any]] = []
    if not paths:
        targets = [("seed", ROOT / "corpora" / "gold" / "reuse" / "seed.json"), ("synth", 1000)]
    else:
        for p in paths:
            path = Path(p)
            if p.isdigit():
                targets.append(("synth", int(p)))
            elif path.is_dir() and (path / "truth.json").exists():
                targets.append(("folder", path))
            elif path.suffix == ".json":
                targets.append(("seed", path))
            else:
                print(f"summarykit: evaluate reuse: don't know what {p} is (gold .json, synth folder, or N)", file=sys.stderr)
                return 2
    print("PAN-style scores (P precision, R recall, G granularity; pairs unordered)")
    for kind, target in targets:
        if kind == "seed":
            corpus, cases = seed_gold(target)
            evaluate(corpus, cases, name=f"seed gold ({Path(target).name})")
        elif kind == "folder":
            corpus, cases, _ = load_synth_folder(target)
            evaluate(corpus, cases, name=f"generated corpus {target}")
        else:
            corpus, cases, _ = synth_corpus(int(target))
            evaluate(corpus, cases, name=f"generated corpus (make_synth n={target}, seed=1)")
    return 0


__all__ = ["Case", "evaluate", "main", "pan_scores", "run_baseline", "run_summarykit", "seed_gold", "synth_corpus"]
