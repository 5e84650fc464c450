"""COUNT, MONEY and PERCENT: a numeral and its measure word as one span.

``21个`` · ``150余人`` · ``五户`` · ``181,913户`` · ``1361万人`` · ``36.7岁`` · ``7000余元`` ·
``1万余元`` · ``五千三百二十亿元`` · ``28.07%`` · ``百分之七点五`` · ``5个百分点`` · ``31-40岁`` ·
placeholders ``__人`` · ``____元`` · ``X起`` · ``20xx余元``.

Not quantities: list markers (一是, 三、 — no measure word follows), ordinals (第一次,
十四届四次), idioms and slogans listed in ``ent_count_idioms.txt`` (进一步, 一技之长,
一系列, 四个全面 …), reduplications (一个个, 一天天), ``N年来`` durations, digits that
belong to a word (统一类别, 之一), and juxtaposed digits that are names (三八, 五一).
"""

from __future__ import annotations

import functools
import re

from ._base import Cand, alternation, lexicon_pattern, table
from .numbers import AR_NUM, approx_range, parse_number

_CN = "零〇○一二两三四五六七八九十百千万亿"
_CN_DIGIT = "一二两三四五六七八九"

# characters that make a word with a following single Chinese digit (统一, 唯一, 之一 …)
_WORD_BEFORE_DIGIT = set("统唯之同单划合逐专不周初某每其任万星独归惟第")
_MULT = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000}


@functools.cache
def _units() -> dict[str, str]:
    return {u: label for u, label in table("ent_units.tsv", 2)}


@functools.cache
def _pattern() -> re.Pattern[str]:
    units = alternation(_units())
    num = (
        r"(?:"
        r"[0-9]*(?:[_＿]+|(?<![A-Za-z])[xXｘＸ×]{1,4}(?![A-Za-z]))[0-9]*"  # placeholder digits
        r"(?:[.．](?:[_＿]+|[xXｘＸ×]{1,4}|[0-9]+)(?![A-Za-z]))?[十百千万亿]{0,2}"  # X.X亿
        r"|\*{2,}"
        rf"|(?<![0-9０-９A-Za-z.．]){AR_NUM}"  # Arabic
        r"|(?<![0-9０-９A-Za-z.．])[0-9]+(?:\.[0-9]+)? (?=[万亿千百]+[ ]?(?:余|多)?[ ]?[\u4e00-\u9fff%])[万亿千百]{1,3}"
        rf"|[数几][十百千万亿]+|[{_CN}]+几[十百千万]?|(?<![0-9０-９.．])[1-9]0几|上[百千万亿]"  # 数十 · 几百 · 十几 · 10几 · 上亿
        r"|(?<=逾)[百千万亿]"  # 逾万人
        rf"|[{_CN}]+(?:点[零〇一二三四五六七八九]+)?"  # Chinese
        r")"
    )
    return re.compile(
        r"(?=[0-9０-９_＿xXｘＸ×*数几上百零〇○一二两三四五六七八九十近将大约逾])"
        r"(?P<pre>(?<![最附接邻就靠贴亲将])近|将近|大约|(?<![预节制签条契违公邀相婚履特守誓隐])约"
        r"|逾(?=[百千万亿]))?"
        rf"(?:百分之(?P<pnum>{num})"
        rf"|(?P<num>{num})(?:[-－—~～至到](?P<num2>{num}))?"
        r"(?:(?P<sp0>[ ]?)(?P<suf>余|多)(?P<mult>万亿|千万|百万|十万|万|亿|千|百)?)?"
        rf"(?P<sp>[ \u3000]?)(?P<unit>{units}))"
        r"(?P<post>左右|及以上|以上|及以下|以下|之多|多(?=来|时间|的时间))?"
    )


@functools.cache
def _idiom_re() -> re.Pattern[str]:
    return re.compile(lexicon_pattern("ent_count_idioms.txt"))


def _word_freq(w: str) -> int:
    from ._words import vocab

    return vocab().get(w, 0)


def _is_placeholder(s: str) -> bool:
    return bool(re.search(r"[_＿xXｘＸ×*]", s))


def _vague(s: str) -> tuple[float, float] | None:
    """Ranges of 数十 / 几百 / 十几 / 二十几 (no single value was written)."""
    if s[0] == "上":
        v = float(_MULT[s[1]])
        return (v, v)
    if s[0] in "数几":
        m = 1
        for ch in s[1:]:
            m *= _MULT[ch]
        return (2.0 * m, 10.0 * m)
    head, _, tail = s.partition("几")
    base = parse_number(head)
    if base is None:
        return None
    if tail:  # 三十几万? rare: scale the whole thing
        return None
    step = 1.0
    if head.endswith("十"):
        step = 1.0
    elif head.endswith("百"):
        step = 10.0
    elif head.endswith("千"):
        step = 100.0
    elif head.endswith("万"):
        step = 1000.0
    return (base + step, base + 10 * step)


def _written_magnitude(s: str) -> float | None:
    """数十 → 10 · 几百 → 100 · 数千万 → 10000000 · 十几 → 10 · 二十几万 → None (rare)."""
    if s[0] in "数几":
        m = 1
        for ch in s[1:]:
            m *= _MULT[ch]
        return float(m)
    head, _, tail = s.partition("几")
    return None if tail else parse_number(head)


def _consecutive(s: str) -> tuple[float, float] | None:
    """三四十 → (30, 40) · 两三 → (2, 3) · 七八 → (7, 8): adjacent digits = an estimate."""
    if len(s) < 2 or s[0] not in _CN_DIGIT or s[1] not in _CN_DIGIT[1:]:
        return None
    a = "一二三四五六七八九".find(s[0].replace("两", "二"))
    b = "一二三四五六七八九".find(s[1])
    if b != a + 1:
        return None
    lo = parse_number(s[0] + s[2:]) if len(s) > 2 else float(a + 1)
    hi = parse_number(s[1] + s[2:]) if len(s) > 2 else float(b + 1)
    if lo is None or hi is None:
        return None
    return (lo, hi)


def _num(v: float | None) -> int | float | None:
    """150.0 → 150 (the JSON contract shows integers as integers); 36.7 stays."""
    if v is None:
        return None
    return int(v) if float(v).is_integer() and abs(v) < 2**53 else v


def _rng(r: tuple[float, float] | None) -> tuple[int | float, int | float] | None:
    return None if r is None else (_num(r[0]), _num(r[1]))  # type: ignore[return-value]


def _real_one(text: str, start: int, end: int) -> bool:
    """一 + measure word is a quantity only when it is distributive or stated as a figure:
    每村设立一张 · 每位…写一篇 · 门头村设党支部一个。 (not 成立了一支…队, 一个好闺女)."""
    clause = re.split(r"[。；;！？!?\n]", text[max(0, start - 30) : start])[-1]
    if "每" in clause or "各" in clause:
        return True
    nxt = text[end : end + 1]
    return not nxt or nxt in "。，,；;、！？!?)）\n" and text[end - 1] != "期"


_OPENQ = "“\"‘'「"
_CLOSEQ = "”\"’'」"


def _in_short_quote(text: str, a: int, b: int) -> bool:
    """The quantity sits inside a short quoted phrase (at most 3 characters on each side):
    “五封” · “户5条” · “三个一”. Longer quoted titles can hold real quantities
    (寻找身边“100位最美家庭”…), and a count right after a closed quote is outside it."""
    left = text[max(0, a - 3) : a]
    k = max(left.rfind(q) for q in _OPENQ)
    if k < 0 or any(c in _CLOSEQ and c not in _OPENQ for c in left[k + 1 :]):
        return False
    for c in text[b : b + 3]:
        if c in _CLOSEQ:
            return True
        if c in _OPENQ or c in "，,。；;、\n":
            return False
    return False


def find_counts(text: str) -> list[Cand]:
    out: list[Cand] = []
    units = _units()
    idioms = [(m.start(), m.end()) for m in _idiom_re().finditer(text)]
    idiom_starts = [s for s, _ in idioms]
    import bisect

    def in_idiom(a: int, b: int) -> bool:
        """An idiom covers the numeral: it starts at or before it (进一步, 一系列), not
        inside the quantity (多年来 in 40多年来)."""
        k = bisect.bisect_right(idiom_starts, a)
        # idioms are short (< 8 chars): scan back a little
        for j in range(k - 1, max(-1, k - 6), -1):
            s, e = idioms[j]
            if e > a and s <= a:
                return True
        return False

    for m in _pattern().finditer(text):
        start, end = m.span()
        pre, post, suf = m.group("pre"), m.group("post"), m.group("suf")
        if m.group("pnum") is not None:
            raw, unit_raw, label = m.group("pnum"), "%", "PERCENT"
            num_start = m.start("pnum") - 3
        else:
            raw, unit_raw = m.group("num"), m.group("unit")
            label = units[unit_raw]
            num_start = m.start("num")
        # ordinals: 第一次 · 第3批 · 十四届四次
        before = text[num_start - 1] if num_start > 0 else ""
        if (before and before in "第届") or (before == "大" and raw == "一"):
            continue
        if raw[0] in _CN and len(raw) == 1 and before in _WORD_BEFORE_DIGIT:
            continue
        after = text[m.end("unit") : m.end("unit") + 1] if m.group("unit") else ""
        if raw == "一" and unit_raw and after == unit_raw[-1] and label == "COUNT":
            continue  # 一个个 · 一天天 (reduplication)
        if unit_raw == "次" and re.match(
            r"(?:会议|全会|全体|全委|代表大会|党代会|常委会)",
            text[m.end("unit") : m.end("unit") + 4],
        ):
            continue  # 十三届全国人大五次会议: the fifth session, an ordinal
        if unit_raw == "年" and re.match(
            r"[一二三四五六七八九十0-9]+班", text[m.end("unit") : m.end("unit") + 4]
        ):
            continue  # 三年二班: a class, not three years
        if unit_raw == "组" and (before == "村" or _is_placeholder(raw)):
            continue  # 杨家岭村三组 (a village group, an ordinal) · ____组 (a group's name)
        if (
            num_start > 0
            and text[num_start - 1] in "“\"‘'"
            and not re.match(r"[”\"’']", text[m.end() : m.end() + 1])
        ):
            continue  # “五项建设” · “三项制度”: a number inside a name
        if _in_short_quote(text, num_start, m.end()):
            continue  # “五封”措施 · 对标“户5条”: a slogan that abbreviates, not a quantity
        if raw == "一" and label == "COUNT" and not _real_one(text, num_start, m.end()):
            continue  # 成立了一支…服务队 · 一个好闺女: an article, not a quantity
        if unit_raw == "元" and text.startswith("旦", m.end("unit")):
            continue
        if in_idiom(num_start, m.end("unit") if m.group("unit") else end):
            continue
        if pre and num_start > 0 and not raw:
            continue
        if raw in ("零", "〇", "○"):
            continue  # 零部件 · 零星: zero alone counts nothing
        spaced = bool(m.group("sp") or m.group("sp0") or " " in (raw or ""))
        if spaced:
            # a space between an Arabic numeral and its unit (text from a PDF: 共 68 户):
            # not after a Chinese numeral, not a list number at a line start (1 人员安排),
            # not when the unit starts a word (5 人员)
            if not re.fullmatch(r"[0-9０-９.,．，xX_]+(?: ?[万亿千百]{1,3})?", raw) or (
                len(raw) == 1 and (num_start == 0 or text[num_start - 1] == "\n")
            ):
                continue
            nxt2 = text[m.end("unit") - 1 : m.end("unit") + 1]
            if len(nxt2) == 2 and _word_freq(nxt2) >= 50:
                continue
        fields: dict = {"unit": unit_raw}
        value: float | None = None
        approx = bool(pre or suf or post)
        rng: tuple[float, float] | None = None
        placeholder = _is_placeholder(raw)
        if placeholder:
            pass
        elif raw in _MULT and pre == "逾":
            value = float(_MULT[raw])  # 逾万人: more than ten thousand, as written
        elif "几" in raw or raw[0] in "数上":
            rng = _vague(raw)
            if rng is None:
                continue
            approx = True
            if raw[0] == "上":
                value, rng = rng[0], None  # 上亿人: "up to a hundred million", value 1e8
            else:
                # the magnitude written is the value: 数十次 → 10 · 几百人 → 100 · 十几个 → 10
                value = _written_magnitude(raw)
        else:
            value = parse_number(raw)
            if value is None:
                rng = _consecutive(raw) if raw[0] in _CN else None
                if rng is None:
                    # 七、十、十一三个组: the numeral is the tail (三个), not 十一三
                    for k in range(1, len(raw)):
                        if (
                            raw[0] in _CN
                            and parse_number(raw[k:]) is not None
                            and raw[k] in _CN_DIGIT + "十"
                        ):
                            break
                    else:
                        continue
                    start = num_start = num_start + k
                    raw = raw[k:]
                    value = parse_number(raw)
                    if pre:
                        continue
                else:
                    value, approx = rng[0], True
        if value is not None and suf and m.group("mult"):
            mult = 1
            for ch in m.group("mult"):
                mult *= _MULT[ch]
            value = float(f"{value * mult:.12g}")
        num2 = m.group("num2")
        if num2 is not None and value is not None:
            v2 = parse_number(num2)
            if v2 is None or v2 < value:
                continue
            rng = (value, v2)
        elif value is not None and rng is None and approx:
            if suf:
                rng = approx_range(value, "more")
                if rng and m.group("mult"):
                    pass
            elif pre in ("近", "将近"):
                rng = approx_range(value, "almost")
            elif pre in ("约", "大约") or post == "左右":
                rng = approx_range(value, "about")
        if label == "PERCENT":
            fields["unit"] = (
                "百分点" if unit_raw.endswith("百分点") else ("成" if unit_raw == "成" else "%")
            )
        if not approx and re.search(
            r"(?:超过|超出|超|过|突破|逾|高于|多于)$", text[max(0, start - 2) : start]
        ):
            approx = (
                True  # 超300亿元 · 突破1万人: at least that much (the verb stays outside the span)
            )
        fields.update(value=_num(value), approx=approx, placeholder=placeholder, range=_rng(rng))
        out.append(Cand(label, start, end, 50, fields))
    return out


__all__ = ["find_counts"]
