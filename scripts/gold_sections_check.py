#!/usr/bin/env python3
"""Validate the gold section annotations in corpora/gold/sections/*.json.

Usage:
    python scripts/gold_sections_check.py [GOLD_JSON ...] [--schemes]

Without arguments every corpora/gold/sections/*.json is checked.  For each file it checks that

* the JSON has the agreed shape (source, documents[title, start, sections[...]]),
* the source file exists and each document title (if not empty) occurs at/after its ``start``,
* documents are in source order and every section lies inside its own document,
* ``text[offset:offset+len(marker)] == marker`` (offsets are str indices of the decoded source),
* the marker is a well-formed marker of its ``scheme`` (di_cn also admits 第一步，) and ``number``
  is the int it spells
  (ordinal words 首先/其次/再次 must be 1/2/3; 最后 any int >= 2),
* the heading starts right after the marker (only spaces, or for ordinal words a comma, between),
  has no surrounding whitespace, and is empty only when nothing follows the marker on its line,
* offsets strictly ascend within a document,
* levels are ints >= 1, the first section of a document is level 1, and a level k+1 item always
  follows a level-k item of the same document (a level never jumps by more than one).

It then prints one summary row per file (documents, sections, sections per level) and, with
``--schemes``, the count of sections per scheme.  Numbering irregularities (gaps, repeats) are
printed as notes, not errors: the gold records slips as written (e.g. 三是 followed by 九是); a
list that restarts at 1 under the same parent (a second 一要… list) is not noted.
Exit status 0 when every file passes, 1 otherwise.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "corpora" / "gold" / "sections"

CN = "一二三四五六七八九十"
SCHEME_RX = {
    "cn_dun": rf"[{CN}]+[、,，.．]?",  # a bare 四 whose 、 was lost is a slip, kept as written
    "cn_paren": rf"[（(][{CN}]+[）)]、?",  # (一)、 slip
    "di_cn": rf"第[{CN}]+(?:部分|步?[、,，])",
    "arabic_dun": r"[0-9０-９]+、",
    "arabic_dot": r"[0-9０-９]+[.．]|[⒈-⒛]",
    "arabic_paren": r"[（(][0-9０-９]+[）)]|[⑴-⒇]",
    "circled": r"[①-⑳]",
    "shi": rf"[{CN}]+[是要]",
    "ordinal_word": r"首先|其次|再次|最后",
}
SPACES = " \t\u3000\xa0"
DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_to_int(s: str) -> int:
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[ones] if ones else 0)
    return DIGITS[s]


def marker_number(scheme: str, marker: str) -> int | None:
    """The int a marker spells, or None for 最后 (its number is its position)."""
    if scheme == "ordinal_word":
        return {"首先": 1, "其次": 2, "再次": 3}.get(marker)
    ch = marker[0]
    for lo, hi in (("①", "⑳"), ("⑴", "⒇"), ("⒈", "⒛")):
        if lo <= ch <= hi:
            return ord(ch) - ord(lo) + 1
    m = re.search(r"[0-9０-９]+", marker)
    if m:
        return int(m.group().translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    m = re.search(rf"[{CN}]+", marker)
    return cn_to_int(m.group()) if m else None


def check_file(path: Path) -> tuple[list[str], list[str], dict]:
    errors: list[str] = []
    notes: list[str] = []
    stats: dict = {"documents": 0, "sections": 0, "levels": Counter(), "schemes": Counter()}
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"cannot read JSON: {exc}"], notes, stats
    src = gold.get("source")
    if not isinstance(src, str) or not (ROOT / src).is_file():
        return [f"source file missing: {src!r}"], notes, stats
    if Path(src).stem != path.stem:
        errors.append(f"gold file is named {path.name} but source stem is {Path(src).stem}")
    text = (ROOT / src).read_bytes().decode("utf-8")
    docs = gold.get("documents")
    if not isinstance(docs, list) or not docs:
        return errors + ["'documents' must be a non-empty list"], notes, stats
    stats["documents"] = len(docs)
    starts = [d.get("start") for d in docs]
    if not all(isinstance(s, int) and 0 <= s < max(len(text), 1) for s in starts):
        return errors + [f"bad document starts {starts}"], notes, stats
    if starts != sorted(starts) or len(set(starts)) != len(starts):
        errors.append("documents are not in strictly ascending source order")
    for di, doc in enumerate(docs):
        start = doc["start"]
        end = starts[di + 1] if di + 1 < len(docs) else len(text)
        title = doc.get("title")
        where = f"doc {di} ({title!r})"
        if not isinstance(title, str):
            errors.append(f"{where}: title must be a string")
            title = ""
        secs = doc.get("sections")
        if not isinstance(secs, list):
            errors.append(f"{where}: sections must be a list")
            continue
        if title:
            tpos = text.find(title, start, end)
            first = secs[0]["offset"] if secs and isinstance(secs[0].get("offset"), int) else end
            if tpos < 0 or tpos > first:
                errors.append(f"{where}: title not found between start {start} and first section")
        prev_off, prev_level = -1, 0
        # per (parent index) list of (scheme, number) for numbering notes
        stack: list[int] = []  # indices of the open ancestors, by level
        siblings: dict[tuple[int, int], list[tuple[str, int, int]]] = {}
        for si, s in enumerate(secs):
            w = f"{where} section {si}"
            keys = {"offset", "marker", "scheme", "number", "level", "heading"}
            if not isinstance(s, dict) or set(s) < keys:
                errors.append(f"{w}: needs keys {sorted(keys)}")
                continue
            off, mk, sch, num, lvl, head = (s[k] for k in ("offset", "marker", "scheme", "number",
                                                          "level", "heading"))
            w = f"{where} @{off} {mk!r}"
            if not (isinstance(off, int) and isinstance(lvl, int) and isinstance(num, int)
                    and not isinstance(num, bool) and isinstance(mk, str) and mk
                    and isinstance(head, str)):
                errors.append(f"{w}: offset/level/number must be ints, marker/heading strings")
                continue
            stats["sections"] += 1
            stats["levels"][lvl] += 1
            stats["schemes"][sch] += 1
            if not start <= off < end:
                errors.append(f"{w}: offset outside its document [{start}, {end})")
            if off <= prev_off:
                errors.append(f"{w}: offsets not strictly ascending")
            if text[off:off + len(mk)] != mk:
                errors.append(f"{w}: source has {text[off:off + len(mk)]!r} at offset")
            if sch not in SCHEME_RX:
                errors.append(f"{w}: unknown scheme {sch!r}")
            elif not re.fullmatch(SCHEME_RX[sch], mk):
                errors.append(f"{w}: marker does not fit scheme {sch}")
            else:
                want = marker_number(sch, mk)
                if want is not None and want != num:
                    errors.append(f"{w}: number {num} but marker spells {want}")
                if want is None and num < 2:
                    errors.append(f"{w}: 最后 must take its position (>= 2)")
            # heading placement
            after = off + len(mk)
            gap = SPACES + (",，、:：" if sch == "ordinal_word" else "")
            hpos = after
            while hpos < len(text) and text[hpos] in gap:
                hpos += 1
            if head != head.strip(SPACES + "\r\n"):
                errors.append(f"{w}: heading has surrounding whitespace")
            if head:
                if text.find(head, after) != hpos:
                    errors.append(f"{w}: heading {head!r} not right after marker "
                                  f"(source: {text[after:after + len(head) + 4]!r})")
                if "\n" in head or "\r" in head:
                    errors.append(f"{w}: heading spans a line break")
            elif hpos < len(text) and text[hpos] not in "\r\n":
                errors.append(f"{w}: empty heading but text follows the marker")
            # levels
            if lvl < 1:
                errors.append(f"{w}: level must be >= 1")
            elif lvl > prev_level + 1:
                errors.append(f"{w}: level {lvl} without an enclosing level {lvl - 1} item")
            else:
                del stack[lvl - 1:]
                parent = stack[-1] if stack else -1
                stack.append(si)
                siblings.setdefault((parent, lvl), []).append((sch, num, off))
            prev_off, prev_level = off, max(lvl, 1)
        for (_parent, _lvl), items in siblings.items():
            run: list[tuple[str, int, int]] = []
            for sch, num, off in items:
                if run and run[-1][0] == sch and num not in (1, run[-1][1] + 1):
                    notes.append(f"{where} @{off}: {sch} numbering {run[-1][1]} -> {num}")
                if not run and num != 1 and sch != "ordinal_word":
                    notes.append(f"{where} @{off}: list starts at {num}")
                run.append((sch, num, off))
    return errors, notes, stats


def main(argv: list[str]) -> int:
    show_schemes = "--schemes" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")] or sorted(GOLD_DIR.glob("*.json"))
    if not paths:
        print(f"no gold files under {GOLD_DIR}", file=sys.stderr)
        return 1
    failed = 0
    total = Counter()
    rows = []
    for p in paths:
        errors, notes, st = check_file(p)
        for e in errors:
            print(f"ERROR {p.name}: {e}")
        for n in notes:
            print(f"note  {p.name}: {n}")
        failed += bool(errors)
        lv = st["levels"]
        rows.append((p.stem, st["documents"], st["sections"], lv[1], lv[2], lv[3],
                     sum(v for k, v in lv.items() if k >= 4), "FAIL" if errors else "ok",
                     st["schemes"]))
        total.update({"documents": st["documents"], "sections": st["sections"], "L1": lv[1],
                      "L2": lv[2], "L3": lv[3],
                      "L4+": sum(v for k, v in lv.items() if k >= 4)})
        total.update({"s:" + k: v for k, v in st["schemes"].items()})
    w = max(len(r[0]) for r in rows) + 2
    print(f"\n{'file':<{w}}{'docs':>5}{'secs':>6}{'L1':>5}{'L2':>5}{'L3':>5}{'L4+':>5}  status"
          + ("  schemes" if show_schemes else ""))
    for r in rows:
        sch = "  " + " ".join(f"{k}:{v}" for k, v in sorted(r[8].items())) if show_schemes else ""
        print(f"{r[0]:<{w}}{r[1]:>5}{r[2]:>6}{r[3]:>5}{r[4]:>5}{r[5]:>5}{r[6]:>5}  {r[7]}{sch}")
    print(f"{'TOTAL (' + str(len(rows)) + ' files)':<{w}}{total['documents']:>5}{total['sections']:>6}"
          f"{total['L1']:>5}{total['L2']:>5}{total['L3']:>5}{total['L4+']:>5}  "
          f"{'FAIL' if failed else 'ok'}")
    if show_schemes:
        print("schemes: " + " ".join(f"{k[2:]}:{v}" for k, v in sorted(total.items())
                                     if k.startswith("s:")))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
