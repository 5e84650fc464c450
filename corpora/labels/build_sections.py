"""Build ``sections.jsonl`` (and the package's training file) from the hand labels.

The labels (``labels.tsv``) say, for a section identified by its source file and the source
offset of its marker, which work category it belongs to. Section boundaries come from the
gold section annotations (``corpora/gold/sections/<stem>.json``; for the held-out excerpt
sets, named ``holdout/<stem>`` and ``holdout2/<stem>`` in the labels,
``corpora/gold/holdout_sections/`` and ``corpora/gold/holdout2_sections/``); for a source without a
gold file the labeled rows themselves are the markers. A section runs from its marker to the
next marker of the same or a higher level in the same document (or the document's end),
trailing whitespace and fragment separators (``[FRAGMENT …]`` lines of excerpt files)
excluded.

Run from the repository root::

    .venv/bin/python corpora/labels/build_sections.py          # write both files
    .venv/bin/python corpora/labels/build_sections.py --check  # verify they are up to date

Checks (any failure exits 1): every level-1/level-2 gold section of a labeled source has a
label; every label matches a gold section (offset, level, heading); categories are taxonomy
codes; ``text == source[start:end]``. A label ``-`` marks a gold section that has no body to
read (the excerpt ends at or just after its marker): it satisfies the first check and is not
emitted.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from summarykit.classify import CATEGORIES  # the taxonomy, defined once

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
GOLD = ROOT / "corpora" / "gold" / "sections"
# held-out excerpt sets: labels.tsv names their files "<set>/<stem>" (stems repeat across sets)
GOLD_SETS = {
    "holdout": ROOT / "corpora" / "gold" / "holdout_sections",
    "holdout2": ROOT / "corpora" / "gold" / "holdout2_sections",
    "holdout3": ROOT / "corpora" / "gold" / "holdout3_sections",
}
OUT = HERE / "sections.jsonl"
TRAIN = ROOT / "src" / "summarykit" / "resources" / "data" / "category_train.jsonl"
SOURCES = {"000_13ecb70c73c97d6a": "corpora/seed/000_13ecb70c73c97d6a.txt"}
# markers of sources delimited here (no gold file): 一、 … 十五、 and （一） … （十）
RE_MARKER = re.compile(r"[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）")
RE_HEADING_END = re.compile(r"[。！？!?\n]")
SKIP = "-"  # category of a gold section with no body to read (excerpt cut at its marker): not emitted



def source_path(stem: str) -> str:
    if "/" in stem:  # holdout/community_01 -> corpora/holdout/community_01.txt
        return f"corpora/{stem}.txt"
    return SOURCES.get(stem, f"corpora/dev/{stem}.txt")


def source_stem(source: str) -> str:
    """Inverse of ``source_path``: the labels.tsv name of a source file."""
    p = Path(source)
    return f"{p.parent.name}/{p.stem}" if p.parent.name in GOLD_SETS else p.stem


def gold_path(stem: str) -> Path:
    if "/" in stem:
        folder, name = stem.split("/", 1)
        if folder not in GOLD_SETS:
            raise SystemExit(f"labels.tsv: unknown corpus folder in {stem!r} (known: {sorted(GOLD_SETS)})")
        return GOLD_SETS[folder] / f"{name}.json"
    return GOLD / f"{stem}.json"


def read_labels(path: Path) -> list[dict]:
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 6:
            raise SystemExit(f"{path.name}:{lineno}: expected 6 tab-separated fields, got {len(parts)}")
        stem, start, level, cat, sec, heading = parts
        secondary = [s for s in sec.split(",") if s]
        if cat == SKIP and secondary:
            raise SystemExit(f"{path.name}:{lineno}: a skipped section ('-') has no secondaries")
        for c in [cat, *secondary] if cat != SKIP else []:
            if c not in CATEGORIES:
                raise SystemExit(f"{path.name}:{lineno}: unknown category {c!r}")
        if cat in secondary:
            raise SystemExit(f"{path.name}:{lineno}: primary {cat!r} repeated as secondary")
        rows.append(
            {"stem": stem, "start": int(start), "level": int(level), "category": cat,
             "secondary": secondary, "heading40": heading, "line": lineno}
        )
    return rows


def gold_documents(stem: str, text: str, rows: list[dict]) -> list[dict]:
    """Documents of one source with their markers: from the gold file, else from the labels."""
    gold_file = gold_path(stem)
    if gold_file.exists():
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        docs = []
        for d in gold["documents"]:
            name = d["title"].split()[-1] if stem in SOURCES else stem
            docs.append(
                {"doc": name, "start": d["start"],
                 "markers": [{"offset": s["offset"], "level": s["level"], "marker": s["marker"],
                              "heading": s["heading"]} for s in d["sections"]]}
            )
        return docs
    markers = [{"offset": r["start"], "level": r["level"], "marker": None, "heading": None} for r in rows]
    return [{"doc": stem, "start": 0, "markers": sorted(markers, key=lambda m: m["offset"])}]


def section_end(text: str, markers: list[dict], i: int, doc_end: int) -> int:
    m = markers[i]
    end = doc_end
    for n in markers[i + 1 :]:
        if n["level"] <= m["level"]:
            end = n["offset"]
            break
    frag = text.find("[FRAGMENT", m["offset"], end)
    if frag != -1:
        end = frag
    while end > m["offset"] and text[end - 1].isspace():
        end -= 1
    return end


def build() -> tuple[list[dict], list[str]]:
    rows = read_labels(HERE / "labels.tsv")
    by_stem: dict[str, list[dict]] = {}
    for r in rows:
        by_stem.setdefault(r["stem"], []).append(r)
    records, problems = [], []
    for stem, srows in by_stem.items():
        src = source_path(stem)
        text = (ROOT / src).read_bytes().decode("utf-8")
        docs = gold_documents(stem, text, srows)
        labels = {r["start"]: r for r in srows}
        seen = set()
        for k, d in enumerate(docs):
            doc_end = docs[k + 1]["start"] if k + 1 < len(docs) else len(text)
            markers = d["markers"]
            for i, m in enumerate(markers):
                lab = labels.get(m["offset"])
                if lab is None:
                    if m["level"] <= 2:
                        problems.append(f"{stem}@{m['offset']} L{m['level']} {m['heading']!r}: no label")
                    continue
                seen.add(m["offset"])
                if lab["level"] != m["level"]:
                    problems.append(f"labels.tsv:{lab['line']}: level {lab['level']} but gold says {m['level']}")
                heading, marker = m["heading"], m["marker"]
                if heading is None:  # no gold file: marker by regex, heading up to 。！？ or line end
                    mm = RE_MARKER.match(text, m["offset"])
                    if mm is None:
                        problems.append(f"labels.tsv:{lab['line']}: no 一、/（一） marker at {stem}@{m['offset']}")
                        continue
                    marker = mm.group()
                    heading = RE_HEADING_END.split(text[mm.end() :], maxsplit=1)[0].strip()
                if not heading.startswith(lab["heading40"]) and heading[:40] != lab["heading40"]:
                    problems.append(f"labels.tsv:{lab['line']}: heading {lab['heading40']!r} != gold {heading[:40]!r}")
                end = section_end(text, markers, i, doc_end)
                if lab["category"] == SKIP:
                    continue
                records.append(
                    {"id": f"{stem}/{d['doc']}@{m['offset']}" if stem in SOURCES else f"{stem}@{m['offset']}",
                     "source": src, "doc": d["doc"], "start": m["offset"], "end": end,
                     "level": m["level"], "marker": marker, "heading": heading,
                     "category": lab["category"], "secondary": lab["secondary"],
                     "text": text[m["offset"] : end]}
                )
        for start, lab in labels.items():
            if start not in seen:
                problems.append(f"labels.tsv:{lab['line']}: {stem}@{start} matches no gold marker")
    order = {s: i for i, s in enumerate(by_stem)}
    records.sort(key=lambda r: (order[source_stem(r["source"])], r["start"]))
    return records, problems


def dump(records: list[dict]) -> tuple[str, str]:
    full = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    train = "".join(
        json.dumps({"heading": r["heading"], "text": r["text"], "label": r["category"]}, ensure_ascii=False) + "\n"
        for r in records
    )
    return full, train


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="verify the files are up to date; write nothing")
    args = ap.parse_args(argv)
    records, problems = build()
    for p in problems:
        print(p, file=sys.stderr)
    full, train = dump(records)
    if args.check:
        stale = [str(p) for p, s in ((OUT, full), (TRAIN, train)) if not p.exists() or p.read_text(encoding="utf-8") != s]
        for p in stale:
            print(f"out of date: {p}", file=sys.stderr)
        return 1 if problems or stale else 0
    if problems:
        return 1
    OUT.write_text(full, encoding="utf-8")
    TRAIN.write_text(train, encoding="utf-8")
    counts = Counter(r["category"] for r in records)
    docs = len({(r["source"], r["doc"]) for r in records})
    print(f"{len(records)} sections from {docs} documents -> {OUT.relative_to(ROOT)}, {TRAIN.relative_to(ROOT)}")
    for c in CATEGORIES:
        print(f"  {c:20s} {counts[c]:4d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
