"""DATE: calendar dates, years, months, relative years, halves, festivals, placeholders.

Parts are filled only as the text states them: ``__月21日`` has month ``None`` and day 21;
``20xx年`` has year ``None``; a festival gets its fixed month/day (``“三八”节`` → 3/8) or
none when it moves (``春节``, ``母亲节`` → month 5, day ``None``). Relative expressions
(今年/去年/明年/上半年 …) carry ``relative`` and get a year only when the caller knows the
document's own year.
"""

from __future__ import annotations

import functools

import regex as re

from ._base import Cand, alternation, table
from .numbers import CN_DIGITS, parse_cn_digits, parse_number

_PH = r"(?:[_＿]+|(?<![A-Za-z])[xXｘＸ×]{1,4}(?![A-Za-z])|\*{1,4}|某某?)"

_YEAR = (
    r"(?:(?P<y>(?<![0-9０-９.．])[12][0-9]{3})"
    r"|(?P<ycn>[一二〇○零][〇○零一二三四五六七八九]{3}|[一二](?=[〇○零一二三四五六七八九OＯ0０]{0,2}[OＯ0０])[〇○零一二三四五六七八九OＯ0０]{3}(?=[ \u3000]?年))"
    rf"|(?P<yph>(?<![0-9])(?:[12][0-9]{{0,2}}|二[零〇○][零〇○一二]?|二){_PH}[0-9]?(?![0-9])"
    r"|(?<![0-9A-Za-z])(?:[_＿]+|[xXｘＸ×]{2,4}|\*{2,4})(?![A-Za-z])|某某?))"
)
# a month or day left blank as spaces in a form: ``20xx年 月 日`` (only right after 年 / 月)
_BLANK_MONTH = r"(?<=年)[ \u3000]{1,3}(?=月[ \u3000]{1,3}日)"
_BLANK_DAY = r"(?<=月)[ \u3000]{1,3}(?=日)"
_MONTH = (
    r"(?P<m>(?<![0-9０-９.．])(?:1[0-2]|0?[1-9])(?![0-9])|十[一二]?|(?<![十百千万两一二三四五六七八九])[一二三四五六七八九正]"
    rf"|{_PH}|{_BLANK_MONTH})"
)
_DAY = (
    r"(?P<d>(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
    rf"|{_PH}|{_BLANK_DAY})"
)
_XUN = r"(?P<xun>上旬|中旬|下旬|初|底|末|中)?"

_REL_YEAR = {
    "今年": "this_year", "本年": "this_year", "本年度": "this_year", "今年度": "this_year",
    "去年": "last_year", "上年": "last_year", "上一年": "last_year", "前年": "year_before_last",
    "明年": "next_year", "来年": "next_year", "下一年": "next_year",
}  # fmt: skip
_REL_OFFSET = {"this_year": 0, "last_year": -1, "year_before_last": -2, "next_year": 1}
_QUARTERS = frozenset(["q1", "q2", "q3", "q4"])
"""A quarter names no year of its own: it gets none from the document (as 前三季度)."""
_REL_PART = {
    "上半年": "first_half", "下半年": "second_half", "年初": "year_start", "年底": "year_end",
    "年末": "year_end", "年中": "mid_year", "一季度": "q1", "二季度": "q2", "三季度": "q3",
    "四季度": "q4", "第一季度": "q1", "第二季度": "q2", "第三季度": "q3", "第四季度": "q4",
    "前三季度": None,
}  # fmt: skip


@functools.cache
def _festivals() -> tuple[
    dict[str, tuple[str, int | None, int | None]], dict[str, tuple[str, int | None, int | None]]
]:
    full: dict[str, tuple[str, int | None, int | None]] = {}
    short: dict[str, tuple[str, int | None, int | None]] = {}
    for name, month, day, fulls, shorts in table("ent_festivals.tsv", 5):
        info = (name, None if month == "-" else int(month), None if day == "-" else int(day))
        for f in filter(None, fulls.split(",")):
            full[f] = info
        for s in filter(None, shorts.split(",")):
            short[s] = info
    return full, short


_TIME_AFTER = (
    "期间|前夕|之际|当天|当日|前后|来临|到来|假期|长假|节日|节前|节后|那天|这天|以来|前|后|时"
)
_TIME_BEFORE = "利用|借助|借|值此|趁|在|于|庆祝|庆|迎|过|欢度|喜迎|迎接|纪念|闹"


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    full, short = _festivals()
    rel_year = alternation(_REL_YEAR)
    rel_part = alternation(_REL_PART)
    date = (
        r"(?=[0-9０-９一二三四五六七八九十〇○零两正_＿xXｘＸ×*某今去明本上下来前年第])"
        rf"(?:{_YEAR}[ \u3000]?学?年(?P<du>度)?"
        rf"(?:[ ]?{_MONTH}[ ]?月(?P<fen>份)?(?:[ ]?{_DAY}[ ]?[日号])?{_XUN})?"
        rf"|(?P<rel>{rel_year})"
        rf"|(?P<part3>{rel_part})"
        rf"|(?<![0-9０-９个.．]){_MONTH}[ ]?月(?P<fen3>份)?(?:[ ]?{_DAY}[ ]?[日号])?{_XUN}"
        r"|(?<![0-9０-９.．月])(?P<dd>3[01]|[12][0-9]|0?[1-9])日(?![内前后])"
        r")"
    )
    numeric = (
        r"(?<![0-9.．/-])(?=[12])(?P<ny>[12][0-9]{3})(?P<sep>[-/.．])(?P<nm>1[0-2]|0?[1-9])"
        r"(?P=sep)(?P<nd>3[01]|[12][0-9]|0?[1-9])(?![0-9])"
    )
    # quoted forms: “三八”节 / “三八”妇女节 (quotes inside the span) and “七一” (outside)
    fest_full = alternation(full)
    fest_short = alternation(short)
    fest = (
        rf"(?P<qin>[“\"](?P<qname>{fest_short}|[一二三四五六七八九十]{{2}})[”\"](?P<qsuf>国际劳动妇女节|国际妇女节|国际劳动节|妇女节|劳动节|儿童节|青年节|节)(?!日))"
        rf"|(?P<full>{fest_full})(?!日)"
        rf"|(?<=[“\"])(?P<qshort>{fest_short})(?=[”\"])"
        rf"|(?P<short>{fest_short})(?![路街巷道号村红小大广])"
    )
    return {
        "date": re.compile(date),
        "numeric": re.compile(numeric),
        "fest": re.compile(fest),
        "fest_full_at": re.compile(fest_full),
        "before": re.compile(rf"(?:{_TIME_BEFORE})$"),
        "after": re.compile(rf"(?:{_TIME_AFTER})"),
    }


_YEAR_RANGE = re.compile(
    r"(?<![0-9０-９.．])((?:19|20)(?:[0-9]{2}|[xXｘＸ×]{2}))[ ]?[-－—–~～至到][ ]?"
    r"((?:19|20)(?:[0-9]{2}|[xXｘＸ×]{2}))[ ]?年度?"
)
_MONTH_RANGE = re.compile(
    r"(?:(?<![0-9０-９.．])(?P<y>(?:19|20)(?:[0-9]{2}|[xXｘＸ×]{2}))[ ]?年)?"
    r"(?<![0-9０-９.．-])(1[0-2]|0?[1-9])[ ]?[-－—–~～至到][ ]?(1[0-2]|0?[1-9])[ ]?月份?(?![0-9日号])"
)
_GARBLED_YEAR = re.compile(r"(?<![0-9０-９.．])(?<![0-9][,，])(?:19|20)[0-9]{3,4}年(?![代前后内间来])")
_BRACKET_YEAR = re.compile(r"(?<=[(（])(?:19|20)[0-9]{2}(?=[)）](?![0-9]+号))")


_ZERO_LOOKALIKES = str.maketrans("OＯ0０", "〇〇〇〇")
"""Zeros the sources write inside a Chinese year: 二OO四年 (letter O), 二0一一年 (Arabic 0)."""


_MONTH_DOT_DAY = re.compile(
    r"(?<![0-9０-９.．·•:：/-])(?P<m>1[0-2]|[1-9])(?P<sep>[·•.．])(?P<d>3[01]|[12][0-9]|[1-9])"
    r"(?![0-9０-９.．%％‰])"
)
_EVENT_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:大地震|地震|事件|事故|惨案|特大|洪水|暴雨)")


def _num(s: str | None) -> tuple[int | None, bool]:
    """(value, is_placeholder) of a month/day numeral."""
    if s is None:
        return None, False
    if not s.strip():
        return None, True  # left blank as spaces: 20xx年 月 日
    if re.search(r"[_＿xXｘＸ×*某]", s):
        return None, True
    if s == "正":
        return 1, False
    if s.isascii():
        return int(s), False
    v = parse_number(s)
    return (int(v) if v is not None else None), False


def _year(m: re.Match[str]) -> tuple[int | None, bool]:
    if m.group("y"):
        return int(m.group("y")), False
    if m.group("ycn"):
        v = parse_cn_digits(m.group("ycn").translate(_ZERO_LOOKALIKES))
        return v, False
    if m.group("yph"):
        return None, True
    return None, False


def find_dates(text: str, *, year: int | None = None) -> list[Cand]:
    """DATE candidates; ``year`` is the document's own year (resolves 今年/去年/明年)."""
    pats = _patterns()
    out: list[Cand] = []
    for m in pats["date"].finditer(text):
        start, end = m.span()
        f: dict = {"year": None, "month": None, "day": None, "relative": None, "festival": None}
        ph = False
        if m.group("y") or m.group("ycn") or m.group("yph"):
            y, ph = _year(m)
            if m.group("y") and not 1000 <= int(m.group("y")) <= 2199:
                continue
            if m.group("ycn") and (y is None or not 1000 <= y <= 2199):
                continue
            f["year"] = y
        rel = m.group("rel")
        if rel and rel.startswith("本") and text.startswith("报告", end):
            continue  # 本年度报告: this annual report
        if rel:
            f["relative"] = _REL_YEAR[rel]
            if year is not None:
                f["year"] = year + _REL_OFFSET[_REL_YEAR[rel]]
        part = m.group("part3")
        if part:
            # 年初/年底/上半年 alone: inside 一年初 · 近年底? keep only at a word start
            prev = text[start - 1] if start else ""
            if (prev and prev in "近每全当去今明本") or (
                part.startswith("年") and prev and prev in CN_DIGITS
            ):
                continue
            if (
                part in ("年中", "一季度", "二季度", "三季度", "四季度")
                and prev
                and "\u4e00" <= prev <= "\u9fff"
                and prev != "年"
            ):
                continue
            f["relative"] = _REL_PART[part]
            if year is not None and f["relative"] not in _QUARTERS | {None}:
                f["year"] = year
        mo, mph = _num(m.group("m"))
        d, dph = _num(m.group("d"))
        if m.group("dd"):
            d = int(m.group("dd"))
            # a bare day needs a neighbour that makes it a date: 6日召开 / 于6日
            nxt = text[end : end + 1]
            if (start and text[start - 1] in "的每第") or (nxt and nxt in "内以"):
                continue
        if mo is not None and not 1 <= mo <= 12:
            continue
        if d is not None and not 1 <= d <= 31:
            continue
        # a Chinese month numeral alone (三月) must not be the tail of a longer numeral
        if (
            m.group("m")
            and not m.group("y")
            and not m.group("ycn")
            and not m.group("yph")
            and not rel
        ):
            mstr = m.group("m")
            if mstr in ("某", "某某") and not m.group("d"):
                continue
            if re.fullmatch(r"[xXｘＸ×]", mstr) and not m.group("d"):
                continue
        f["month"], f["day"] = mo, d
        ph = ph or mph or dph
        f["placeholder"] = ph
        if ph and (m.group("yph") or "").startswith("某") and not (m.group("m") or m.group("du")):
            # 某某年 alone is a placeholder year; keep
            pass
        # a year written right before it is its year: 2014年|上半年 · 今年|二月份 (two DATEs,
        # as the gold annotates a relative part apart from the year it belongs to)
        if (
            (part or (m.group("m") and not m.group("y") and not m.group("yph")))
            and out
            and out[-1].end == start
            and out[-1].fields.get("month") is None
            and out[-1].fields.get("relative") in {*_REL_OFFSET, None}
        ):
            f["year"] = out[-1].fields.get("year")
        out.append(Cand("DATE", start, end, 60, f))
    # a span of years: 2017-2020年 → year 2017 (the low end) and range [2017, 2020], as counts
    for m in _YEAR_RANGE.finditer(text):
        if not (m.group(1).isdigit() and m.group(2).isdigit()):
            # 20xx-20xx年: a masked span of years, nothing invented
            f = {"year": None, "month": None, "day": None, "relative": None, "festival": None,
                 "placeholder": True}  # fmt: skip
            out.append(Cand("DATE", m.start(), m.end(), 61, f))
            continue
        y1, y2 = int(m.group(1)), int(m.group(2))
        if y2 <= y1:
            continue
        f = {"year": y1, "month": None, "day": None, "relative": None, "festival": None,
             "placeholder": False, "range": (y1, y2)}  # fmt: skip
        out.append(Cand("DATE", m.start(), m.end(), 61, f))
    # a span of months: 1-6月 · 1至6月份 → month 1 (the low end) and range [1, 6]
    for m in _MONTH_RANGE.finditer(text):
        m1, m2 = int(m.group(2)), int(m.group(3))
        if not 1 <= m1 < m2 <= 12:
            continue
        yt = m.group("y") or ""
        y = int(yt) if yt.isdigit() else None
        f = {"year": y, "month": m1, "day": None, "relative": None, "festival": None,
             "placeholder": bool(yt) and y is None, "range": (m1, m2)}  # fmt: skip
        out.append(Cand("DATE", m.start(), m.end(), 61, f))
    # a year garbled by a conversion (202223年: digits run together, no count of years is
    # that large): a DATE whose year is unknown, never a COUNT of 202,223 years
    for m in _GARBLED_YEAR.finditer(text):
        f = {"year": None, "month": None, "day": None, "relative": None, "festival": None,
             "placeholder": False}  # fmt: skip
        out.append(Cand("DATE", m.start(), m.end(), 55, f))
    # a bare year in brackets: 第十一届(2012)中国政府网站绩效评估 (not a document number:
    # 闽政办函(2012)157号)
    for m in _BRACKET_YEAR.finditer(text):
        f = {"year": int(m.group()), "month": None, "day": None, "relative": None,
             "festival": None, "placeholder": False}  # fmt: skip
        out.append(Cand("DATE", m.start(), m.end(), 55, f))
    for m in pats["numeric"].finditer(text):
        f = {
            "year": int(m.group("ny")), "month": int(m.group("nm")), "day": int(m.group("nd")),
            "relative": None, "festival": None, "placeholder": False,
        }  # fmt: skip
        out.append(Cand("DATE", m.start(), m.end(), 61, f))
    full, short = _festivals()
    # month·day naming an event or a day: “1·26”疫情 · 4·15全民国家安全教育日 · “7.23” ·
    # 5.12汶川大地震 (a dot between two numbers is a decimal unless quotes or an event word
    # make it a date; the middle dot always separates)
    for m in _MONTH_DOT_DAY.finditer(text):
        mo, d = int(m.group("m")), int(m.group("d"))
        end = m.end()
        if m.group("sep") in ".．":
            quoted = (m.start() and text[m.start() - 1] in "“\"‘'") and text[end : end + 1] in "”\"’'"
            if not quoted and not _EVENT_AFTER.match(text, end):
                continue
        f = {"year": None, "month": mo, "day": d, "relative": None, "festival": None,
             "placeholder": False}  # fmt: skip
        fm = pats["fest_full_at"].match(text, end)
        if fm and full[fm.group()][1:] == (mo, d):
            f["festival"] = full[fm.group()][0]  # 4·15全民国家安全教育日: one date, named
            end = fm.end()
        out.append(Cand("DATE", m.start(), end, 63, f))
    before = pats["before"]
    after_re = pats["after"]
    for m in pats["fest"].finditer(text):
        if m.group("qin"):
            # “三九”妇女节 (garbled digits): the festival the name denotes
            info = short.get(m.group("qname")) or full.get(m.group("qsuf"))
            if info is None:
                continue
        elif m.group("full"):
            info = full[m.group("full")]
        else:
            name = m.group("qshort") or m.group("short")
            if m.group("short") and not (
                after_re.match(text, m.end())
                or before.search(text, max(0, m.start() - 4), m.start())
            ):
                continue
            if m.group("qshort"):
                # “七一” quoted alone: a date only with a time cue around it
                after = text[m.end() + 1 : m.end() + 3]
                if not (
                    after_re.match(after)
                    or before.search(text, max(0, m.start() - 5), m.start() - 1)
                ):
                    continue
            info = short[name]
        fname, mo, d = info
        f = {
            "year": None,
            "month": mo,
            "day": d,
            "relative": None,
            "festival": fname,
            "placeholder": False,
        }
        out.append(Cand("DATE", m.start(), m.end(), 62, f))
    return out


__all__ = ["find_dates"]
