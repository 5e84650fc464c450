"""Agreement between the first labels and the blind second annotation, and the adjudication.

    .venv/bin/python corpora/labels/agreement.py

The first annotator's primary label of a section is ``adjudication.tsv``'s ``first`` where the
two disagreed, else the (unchanged) label in ``sections.jsonl``. Prints raw agreement, Cohen's
kappa, macro-F1 of the second annotation scored against the first, the most frequent
disagreements, and how the adjudication went.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from sklearn.metrics import cohen_kappa_score, f1_score

HERE = Path(__file__).resolve().parent


def read_tsv(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def main() -> int:
    current = {json.loads(line)["id"]: json.loads(line)["category"]
               for line in (HERE / "sections.jsonl").read_text(encoding="utf-8").splitlines()}
    second = {row[0]: row[1] for row in read_tsv(HERE / "second_annotation.tsv")}
    adjudicated = {row[0]: row for row in read_tsv(HERE / "adjudication.tsv")}
    ids = sorted(set(current) & set(second))
    first = [adjudicated[i][1] if i in adjudicated else current[i] for i in ids]
    other = [second[i] for i in ids]
    disagree = [i for i, a, b in zip(ids, first, other) if a != b]
    assert set(disagree) == set(adjudicated), "adjudication.tsv must list exactly the disagreements"
    print(f"sections annotated twice: {len(ids)} (of {len(current)} labeled)")
    print(f"primary label agreement {1 - len(disagree) / len(ids):.3f}   Cohen's kappa "
          f"{cohen_kappa_score(first, other):.3f}   macro-F1 (second vs first) "
          f"{f1_score(first, other, average='macro'):.3f}")
    pairs = Counter((a, b) for a, b in zip(first, other) if a != b)
    print("most frequent disagreements (first → second):",
          ", ".join(f"{a}→{b} {n}" for (a, b), n in pairs.most_common(6)))
    outcome = Counter(
        "first" if row[3] == row[1] else "second" if row[3] == row[2] else "third label"
        for row in adjudicated.values()
    )
    print(f"adjudicated {len(adjudicated)}: kept the first label {outcome['first']}, took the second "
          f"{outcome['second']}, a third label {outcome['third label']}")
    changed = sum(1 for i, row in adjudicated.items() if current[i] != row[1])
    print(f"labels changed by adjudication: {changed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
