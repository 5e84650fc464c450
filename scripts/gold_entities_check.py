#!/usr/bin/env python
"""Validate the gold entity files in corpora/gold/entities/ and print label counts.

Usage:  python scripts/gold_entities_check.py [gold.json ...]

With no argument every ``corpora/gold/entities/*.json`` is checked. For each file:

- the source file exists and every document title is found at its ``start`` offset;
- every entity slices back: ``source[start:end] == text`` (Python str offsets, half-open);
- labels are valid, spans are non-empty, sorted and do not overlap;
- COUNT/MONEY/PERCENT: a number ``value`` unless ``placeholder`` (then ``value`` is null),
  a ``unit``; ``range`` (if any) is [low, high] with ``value == low``; the value agrees with
  the digits/numerals written in the text (万/亿 multiplied out);
- DATE: ``year``/``month``/``day`` are ints or null, ``relative``/``festival`` from the known
  sets, and no date part is invented (a stated year/month/day must be written in the text,
  unless it comes from a festival; known festivals must carry their month/day);
- HONOR: ``level`` from the known set;
- ``placeholder`` is true exactly when the text contains a blank (``_``, ``x``/``X`` run, ``某某``,
  ``***``) — checked as: a placeholder entity has such a blank, and a numeric or date entity
  with a blank is a placeholder.

Prints a table of counts per label per file; exits 1 if any check fails.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "corpora" / "gold" / "entities"

LABELS = ["ORG", "HONOR", "COUNT", "PERCENT", "MONEY", "DATE", "PERSON", "PLACE", "LAW"]
NUMERIC = {"COUNT", "MONEY", "PERCENT"}
LEVELS = {"national", "provincial", "city", "county", "district", "town", "unknown"}
RELATIVE = {"this_year", "last_year", "next_year", "first_half", "second_half",
            "year_start", "year_end"}
FESTIVALS = {"三八": (3, 8), "六一": (6, 1), "七一": (7, 1), "八一": (8, 1), "元旦": (1, 1),
             "国庆": (10, 1), "母亲节": (5, None), "春节": (None, None),
             "端午": (None, None), "国际禁毒日": (6, 26)}
BLANK = re.compile(
    r"[_＿]+|[xXｘＸ]{1,4}(?![a-wyzA-WYZ])|某某|[*＊]+|[#＃]+|[○〇]{2,}|×{2,}"
    r"|(?<![A-Za-z])[A-Z](?=社区|镇|村|乡|街道)"  # letter masks: A社区, C镇
)
# numeric dates written with separators (2022-03-03, 7.23, 1·26 with a middle dot): their
# parts are written too
NUMERIC_DATE = re.compile(r"(?:(\d{2,4})[-./·•])?(\d{1,2})[-./·•](\d{1,2})")
# a year written digit by digit in Chinese numerals, with 〇/○/零 or the look-alikes the
# sources use for zero (letter O, Arabic 0): 二〇一九年 · 二OO四年 · 二0一一年
YEAR_DIGITS = str.maketrans({**{k: str(v) for k, v in
                                {"零": 0, "〇": 0, "○": 0, "O": 0, "o": 0, "Ｏ": 0, "０": 0,
                                 "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                                 "七": 7, "八": 8, "九": 9}.items()}})
CN_YEAR = re.compile(r"[一二][零〇○OoＯ0０一二三四五六七八九]{3}(?=年)")


def year_written(text: str, y: int) -> bool:
    """The year is in the text: 2019 · 19年 · 二〇一九年 / 二OO四年 / 二0一一年."""
    if str(y) in text or re.search(rf"(?<![0-9]){y % 100:02d}年", text):
        return True
    return any(m.group().translate(YEAR_DIGITS) == str(y) for m in CN_YEAR.finditer(text))

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_small(s: str) -> int | None:
    """Chinese numeral below 万: 六十三 -> 63, 二 -> 2, 十 -> 10, 三百零五 -> 305."""
    total, cur = 0, None
    for ch in s:
        if ch in CN_DIGITS:
            cur = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            total += (1 if cur is None else cur) * CN_UNITS[ch]
            cur = None
        else:
            return None
    return total + (cur or 0)


def cn_to_number(s: str) -> int | None:
    """Chinese numeral with 万/亿 sections: 五千三百二十亿 -> 532000000000, 三万五千 -> 35000."""
    total = 0
    for big, mult in (("亿", 100_000_000), ("万", 10_000)):
        if big in s:
            head, s = s.split(big, 1)
            n = cn_small(head) if head else 1
            if n is None:
                return None
            total += n * mult
    if s:
        n = cn_small(s)
        if n is None:
            return None
        total += n
    return total


NUM_RE = re.compile(r"(?:百分之)?(?:([0-9][0-9,]*(?:\.[0-9]+)?)(?:余|多)?([十百千万亿]*)"
                    r"|([零〇一二两三四五六七八九十百千万亿]+)(?:点([零〇一二三四五六七八九]+))?)")
MULT = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}


def numbers_in(text: str) -> list[float]:
    """Values written in an entity text: 1.37万亿 -> 1.37e12, 7500多亿 -> 7.5e11, 五千三百二十亿."""
    out = []
    for m in NUM_RE.finditer(text):
        if m.group(1):
            v = float(m.group(1).replace(",", ""))
            for ch in m.group(2):
                v *= MULT[ch]
        else:
            n = cn_to_number(m.group(3))
            if n is None:
                continue
            v = float(n)
            if m.group(4):  # 七点五 -> 7.5
                v += float("0." + "".join(str(CN_DIGITS[c]) for c in m.group(4)))
        out.append(v)
    return out


def date_part_written(text: str, part: int, suffix: str) -> bool:
    cn = "".join(k for k, v in CN_DIGITS.items() if v == part and k not in "〇两")
    forms = {str(part), f"{part:02d}"}
    if part <= 31:
        tens, ones = divmod(part, 10)
        c = ("" if tens == 0 else ("十" if tens == 1 else f"{'零一二三四五六七八九'[tens]}十"))
        c += "" if ones == 0 else "零一二三四五六七八九"[ones]
        forms.add(c or cn)
    return any(f + suffix in text for f in forms) or (suffix == "" and any(f in text for f in forms))


def check_file(path: Path) -> tuple[list[str], dict[str, int]]:
    errs: list[str] = []
    gold = json.loads(path.read_text(encoding="utf-8"))
    src_path = ROOT / gold["source"]
    if not src_path.exists():
        return [f"source not found: {gold['source']}"], {}
    src = src_path.read_text(encoding="utf-8")

    for d in gold.get("documents", []):
        title = d.get("title")
        if not isinstance(d.get("start"), int) or not 0 <= d["start"] <= len(src):
            errs.append(f"document start out of range: {d}")
        elif title and src[d["start"]:d["start"] + len(title)] != title:
            errs.append(f"document title not at start: {d}")
        if d.get("year") is not None and not isinstance(d["year"], int):
            errs.append(f"document year not int/null: {d}")

    counts = {lab: 0 for lab in LABELS}
    prev = None
    for e in gold["entities"]:
        where = f"[{e.get('start')}:{e.get('end')}] {e.get('text')!r} {e.get('label')}"
        lab = e.get("label")
        if lab not in LABELS:
            errs.append(f"bad label: {where}")
            continue
        counts[lab] += 1
        s, t = e["start"], e["end"]
        if not (isinstance(s, int) and isinstance(t, int) and 0 <= s < t <= len(src)):
            errs.append(f"bad offsets: {where}")
            continue
        if src[s:t] != e["text"]:
            errs.append(f"text mismatch: {where} source has {src[s:t]!r}")
        if prev is not None:
            if s < prev["start"]:
                errs.append(f"not sorted: {where}")
            if s < prev["end"]:
                errs.append(f"overlap with {prev['text']!r}[{prev['start']}:{prev['end']}]: {where}")
        prev = e
        ph = bool(e.get("placeholder", False))
        has_blank = bool(BLANK.search(e["text"]))
        if ph and not has_blank:
            errs.append(f"placeholder without a blank in text: {where}")

        if lab in NUMERIC:
            v = e.get("value")
            if not e.get("unit"):
                errs.append(f"missing unit: {where}")
            if ph:
                if v is not None:
                    errs.append(f"placeholder with a value: {where}")
            else:
                if has_blank:
                    errs.append(f"blank in text but not placeholder: {where}")
                if not isinstance(v, (int, float)) or isinstance(v, bool):
                    errs.append(f"missing numeric value: {where}")
                else:
                    cands = numbers_in(e["text"])
                    if cands and not any(abs(c - v) <= 1e-9 * max(1.0, abs(v)) for c in cands):
                        errs.append(f"value {v} not written in text (saw {cands}): {where}")
            r = e.get("range")
            if r is not None and (len(r) != 2 or r[0] != v or not r[0] <= r[1]):
                errs.append(f"bad range: {where}")
            if not isinstance(e.get("approx", False), bool):
                errs.append(f"approx not bool: {where}")
        elif lab == "DATE":
            bad_part = False
            for k in ("year", "month", "day"):
                x = e.get(k)
                if x is not None and (not isinstance(x, int) or isinstance(x, bool)):
                    errs.append(f"DATE {k} not int/null: {where}")
                    bad_part = True
            if bad_part:
                continue
            rel, fest = e.get("relative"), e.get("festival")
            if rel is not None and rel not in RELATIVE:
                errs.append(f"bad relative {rel!r}: {where}")
            # festival names are an open set; month/day are checked only for the known ones
            if has_blank and not ph:
                errs.append(f"blank in text but not placeholder: {where}")
            # never invent: stated parts must be written (or implied by the festival)
            known = fest in FESTIVALS
            fm, fd = FESTIVALS.get(fest, (None, None))
            y, m, d = e.get("year"), e.get("month"), e.get("day")
            if y is not None and rel is None and not year_written(e["text"], y):
                errs.append(f"invented year {y}: {where}")
            nd = NUMERIC_DATE.search(e["text"])
            nd_parts = {int(g) for g in nd.groups() if g} if nd else set()
            if m is not None and fest is None and m not in nd_parts and not date_part_written(e["text"], m, "月"):
                errs.append(f"invented month {m}: {where}")
            if d is not None and fest is None and d not in nd_parts and not (date_part_written(e["text"], d, "日")
                                                  or date_part_written(e["text"], d, "号")):
                errs.append(f"invented day {d}: {where}")
            if known and (m, d) != (fm, fd):
                errs.append(f"festival {fest} month/day should be {(fm, fd)}: {where}")
        elif lab == "HONOR":
            if e.get("level", "unknown") not in LEVELS:
                errs.append(f"bad level: {where}")
    return errs, counts


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted(GOLD_DIR.glob("*.json"))
    if not files:
        print(f"no gold files in {GOLD_DIR}")
        return 1
    rows, total_errs = [], 0
    for f in files:
        errs, counts = check_file(f)
        total_errs += len(errs)
        for e in errs:
            print(f"{f.name}: {e}")
        rows.append((f.stem, counts))
    width = max(len(r[0]) for r in rows)
    print(f"{'file':<{width}} " + " ".join(f"{lab:>7}" for lab in LABELS) + "   total")
    tot = {lab: 0 for lab in LABELS}
    for name, c in rows:
        for lab in LABELS:
            tot[lab] += c.get(lab, 0)
        print(f"{name:<{width}} " + " ".join(f"{c.get(lab, 0):>7}" for lab in LABELS)
              + f" {sum(c.values()):>7}")
    if len(rows) > 1:
        print(f"{'TOTAL':<{width}} " + " ".join(f"{tot[lab]:>7}" for lab in LABELS)
              + f" {sum(tot.values()):>7}")
    print("FAIL" if total_errs else "OK", f"({total_errs} problems in {len(files)} files)")
    return 1 if total_errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
