"""Validate corpora/gold/reuse/seed.json against the seed file and print its figures.

    python corpora/gold/reuse/check.py            # exit status 1 on any problem

Checks: every span slices back to its recorded text in the decoded source file and lies
inside its report (and outside text removed by ingest); kinds are valid; passages are
>= min_chars on both sides; substitutions occur in the spans they are recorded for;
passages of one report do not overlap; the per-report copied share is what the spans
give. Prints one line per passage and the per-report coverage.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "src"))

KINDS = {"verbatim", "near", "spun"}


def main() -> int:
    import summarykit

    gold = json.loads((Path(__file__).parent / "seed.json").read_text(encoding="utf-8"))
    source = (ROOT / gold["source"]).read_text(encoding="utf-8")
    corpus = summarykit.load(ROOT / gold["source"], stages=())
    docs = {d.title.split()[-1]: d for d in corpus}
    problems: list[str] = []
    covered: dict[str, set[int]] = {name: set() for name in docs}

    for i, p in enumerate(gold["passages"]):
        if p["kind"] not in KINDS:
            problems.append(f"passage {i}: bad kind {p['kind']!r}")
        for side in "ab":
            name, start, end = p[f"doc_{side}"], p[f"start_{side}"], p[f"end_{side}"]
            doc = docs.get(name)
            if doc is None:
                problems.append(f"passage {i}: unknown report {name!r}")
                continue
            if source[start:end] != p[f"text_{side}"]:
                problems.append(f"passage {i} side {side}: source slice differs from text_{side}")
            if end - start < gold["min_chars"]:
                problems.append(
                    f"passage {i} side {side}: {end - start} < {gold['min_chars']} chars"
                )
            ts, te = doc.from_source_offset(start), doc.from_source_offset(end)
            if ts is None or te is None or doc.text[ts:te] != source[start:end]:
                problems.append(
                    f"passage {i} side {side}: not a clean span of {name}'s Document.text"
                )
            overlap = covered[name] & set(range(start, end))
            if overlap:
                problems.append(f"passage {i} side {side}: overlaps another passage of {name}")
            covered[name].update(range(start, end))
        for s in p["substitutions"]:
            if p["text_a"].count(s["from"]) < s["count"] or p["text_b"].count(s["to"]) < s["count"]:
                problems.append(
                    f"passage {i}: substitution {s} not found {s['count']}x in its spans"
                )
        if p["kind"] == "spun" and not p["substitutions"]:
            problems.append(f"passage {i}: spun passage without substitutions")
        if p["kind"] == "verbatim" and p["text_a"] != p["text_b"]:
            problems.append(f"passage {i}: verbatim but texts differ")  # folding aside
        subs = ", ".join(f"{s['from']}→{s['to']}×{s['count']}" for s in p["substitutions"])
        print(
            f"{i}: {p['doc_a']}[{p['start_a']},{p['end_a']}) {p['end_a'] - p['start_a']:>3} ch  ~  "
            f"{p['doc_b']}[{p['start_b']},{p['end_b']}) {p['end_b'] - p['start_b']:>3} ch  {p['kind']:<5} {subs}"
        )

    print("\nreport  chars  copied  share")
    for name, doc in docs.items():
        n, k = len(doc.text), len(covered[name])
        rec = gold["documents"].get(name, {})
        if rec.get("copied_chars") != k or rec.get("text_chars") != n:
            problems.append(
                f"{name}: documents entry says {rec.get('copied_chars')}/{rec.get('text_chars')}, spans give {k}/{n}"
            )
        print(f"{name:<6} {n:>6} {k:>7}  {k / n:6.1%}")

    for t in gold.get("template", []):
        import re

        found = [name for name, d in docs.items() if re.search(t["pattern"], d.text)]
        if found != t["docs"]:
            problems.append(f"template {t['text']!r}: docs {t['docs']} but pattern finds {found}")

    kinds: dict[str, int] = {}
    for p in gold["passages"]:
        kinds[p["kind"]] = kinds.get(p["kind"], 0) + 1
    print(
        f"\n{len(gold['passages'])} passages {kinds}; {len(gold.get('template', []))} template formulas; "
        f"{len(gold.get('excluded', []))} excluded candidates"
    )
    for msg in problems:
        print("PROBLEM:", msg, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
