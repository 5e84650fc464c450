"""Numerals: the patterns that *find* them and the strict normalizer that *values* them.

Finding is done by the recognizers (``counts``, ``dates``) with the regex pieces below;
this module only converts a numeral span that was already found. Nothing here rewrites
running text (``cn2an.transform`` would turn 一是 into 1是 and 队伍 into 队5).

``parse_number`` accepts Arabic numerals (half- or full-width, thousands commas,
decimals), Arabic numerals with Chinese multipliers (``1361万``, ``2.3亿``, ``5千万``),
and well-formed Chinese numerals (``五千三百二十亿``, ``一百五十``, ``十二``, ``两万``,
``七点五``). It returns ``None`` for strings that are not one well-formed number, e.g.
``三八`` or ``五一`` (festival/road names, not quantities) — callers rely on that.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "０": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    # financial forms (only ever accepted inside a longer numeral, see counts.py)
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}  # fmt: skip
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS: dict[str, int] = {"万": 10_000, "亿": 100_000_000}

_AR_TAIL = re.compile(r"[十百千]?万?亿?|万亿")
FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")

# -- regex pieces (plain ``re`` syntax) ------------------------------------------------------
CN_NUM_CHARS = "零〇○一二两三四五六七八九十百千万亿"
AR = r"[0-9０-９]"
# Arabic numeral: 181,913 · 36.7 · 1361 · full-width digits; then optional Chinese multipliers
AR_NUM = (
    rf"(?:{AR}{{1,3}}(?:,{AR}{{3}})+(?![0-9０-９])|{AR}+(?:[.．]{AR}+)?)"
    r"(?:[十百千万亿]{1,3})?"
)
# Chinese numeral; 点 decimals
CN_NUM = rf"[{CN_NUM_CHARS}]+(?:点[零〇一二三四五六七八九]+)?"
# Placeholder digits: __ ＿＿ xx XX ×× ** (a lone x/X too, as in X起 / X亿元)
PH_NUM = r"(?:[_＿]+|(?<![A-Za-z])[xXｘＸ×]{1,4}(?![A-Za-z])|\*{2,}|某某?)"


def to_halfwidth(s: str) -> str:
    return s.translate(FULLWIDTH)


def _parse_cn_int(s: str) -> int | None:
    """Value of a well-formed Chinese integer numeral, else ``None``."""
    if not s:
        return None
    total = 0  # completed 亿/万 sections
    section = 0  # current section below 万
    digit: int | None = None
    last_small = 10_000  # the previous small unit inside the section (must decrease)
    last_big = 10**17
    zero_pending = False
    for i, ch in enumerate(s):
        if ch in CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row: 三八, 五一, 一二 → not a quantity
            digit = CN_DIGITS[ch]
            if digit == 0:
                zero_pending = True
                digit = None
                if i == 0 and len(s) > 1:
                    return None
                continue
        elif ch in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[ch]
            if unit >= last_small and not (zero_pending and unit < last_small):
                return None
            if digit is None:
                if (
                    unit == 10
                    and section == 0
                    and (i == 0 or s[i - 1] in CN_BIG_UNITS or zero_pending)
                ):
                    digit = 1  # 十二, 三万零十
                else:
                    return None
            section += digit * unit
            digit = None
            last_small = unit
            zero_pending = False
        elif ch in CN_BIG_UNITS:
            unit = CN_BIG_UNITS[ch]
            if digit is not None:
                section += digit
                digit = None
            if section == 0 and total == 0:
                return None
            if unit >= last_big:
                # 万亿: multiply what we have
                total = (total + section) * unit
            else:
                total += section * unit
            last_big = unit
            section = 0
            last_small = 10_000
            zero_pending = False
        else:
            return None
    if digit is not None:
        # a trailing bare digit after a unit: 一万五 (=15000) / 三百五 (=350) colloquial
        if last_small < 10_000 and not zero_pending and section and s[-2] in CN_SMALL_UNITS:
            section += digit * (last_small // 10)
        elif (
            last_big < 10**17
            and last_small == 10_000
            and not zero_pending
            and s[-2] in CN_BIG_UNITS
        ):
            section += digit * (last_big // 10)
        else:
            section += digit
    return total + section


def parse_cn_digits(s: str) -> int | None:
    """Digit-by-digit Chinese numerals (years: 二〇一九, 一九五四) → int, else ``None``."""
    out = 0
    for ch in s:
        if ch not in CN_DIGITS:
            return None
        out = out * 10 + CN_DIGITS[ch]
    return out if s else None


def parse_number(s: str) -> float | None:
    """The value of one numeral span (``181,913`` · ``1361万`` · ``五千三百二十亿`` · ``七点五``)."""
    s = to_halfwidth(s.strip()).replace(",", "").replace(" ", "")
    if not s:
        return None
    # split a trailing run of Chinese multipliers off an Arabic head: 1361万 · 2.3亿 · 5千万
    i = 0
    while i < len(s) and (s[i].isdigit() and s[i].isascii() or s[i] == "."):
        i += 1
    if i:
        head, tail = s[:i], s[i:]
        try:
            value = float(head)
        except ValueError:
            return None
        if tail:
            if not _AR_TAIL.fullmatch(tail):
                return _mixed(s)  # 3万5千
            for ch in tail:
                value *= CN_SMALL_UNITS.get(ch) or CN_BIG_UNITS[ch]
        return _clean(value)
    if "点" in s:
        ip, _, fp = s.partition("点")
        iv = _parse_cn_int(ip) if ip else 0
        fv = parse_cn_digits(fp)
        if iv is None or fv is None or not fp:
            return None
        return _clean(
            float(f"{iv}.{fp.translate(str.maketrans({k: str(v) for k, v in CN_DIGITS.items()}))}")
        )
    v = _parse_cn_int(s)
    return None if v is None else _clean(float(v))


def _mixed(s: str) -> float | None:
    """3万5千 → 35000: replace each Arabic run by Chinese digits only if it is one digit."""
    out = []
    for ch in s:
        if ch.isdigit() and ch.isascii():
            out.append("〇一二三四五六七八九"[int(ch)])
        else:
            out.append(ch)
    v = _parse_cn_int("".join(out))
    return None if v is None else float(v)


def _clean(v: float) -> float:
    """Round away binary noise from multiplying decimals (2.3 * 1e8)."""
    if v == 0 or not math.isfinite(v):
        return v
    return float(f"{v:.12g}")


def place_step(value: float) -> float | None:
    """Place value of the last nonzero digit of ``value`` (150 → 10, 7000 → 1000, 36.7 → 0.1).

    This is the granularity the writer chose, and so the width of an approximation:
    ``150余人`` is "150 and some more, but fewer than the next ten": ``[150, 160)``.
    """
    if not value or not math.isfinite(value):
        return None
    try:
        d = Decimal(repr(abs(value))).normalize()
    except InvalidOperation:  # pragma: no cover
        return None
    exp = d.as_tuple().exponent
    return float(Decimal(1).scaleb(int(exp)))  # type: ignore[arg-type]


def approx_range(value: float, kind: str) -> tuple[float, float] | None:
    """The interval an approximate quantity stands for. See the package docstring.

    ``more`` (余/多/以上 … as a suffix of the numeral): ``[v, v + step)``;
    ``almost`` (近): ``[v - step, v)``; ``about`` (约/左右): ``[v - step/2, v + step/2)``;
    ``at_least`` (以上/逾/超过 after or before a complete quantity): ``None`` (open-ended).
    """
    step = place_step(value)
    if step is None:
        return None
    if kind == "more":
        return (_clean(value), _clean(value + step))
    if kind == "almost":
        return (_clean(value - step), _clean(value))
    if kind == "about":
        return (_clean(value - step / 2), _clean(value + step / 2))
    return None


__all__ = [
    "AR_NUM",
    "CN_NUM",
    "PH_NUM",
    "approx_range",
    "parse_cn_digits",
    "parse_number",
    "place_step",
    "to_halfwidth",
]
