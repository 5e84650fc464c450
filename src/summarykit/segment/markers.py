"""Candidate numbering markers: one compiled regex pass over the text, plus context.

A *candidate* is anything that looks like a list marker (``一、`` ``（一）`` ``第一，`` ``1.``
``(1)`` ``①`` ``一是`` ``首先，`` …) together with the position class of what precedes it:

``L``  at a line start (only spaces / bullets before it on its line)
``S``  after a sentence or clause end (。！？!?；;：: possibly followed by a closing quote)
``W``  after a run of spaces in the middle of a line (PDF/web text flattened onto one line)
``C``  after a comma or 、
``H``  straight after a word character (``统一是``, ``第一次`` never get here, ``总结一、``)

Which classes a scheme accepts, and what confirmation it needs, is decided in ``outline``.
Everything here is linear in the text: one ``finditer`` and O(1) work per match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "一二三四五六七八九十壹贰貳叁參肆伍陆陸柒捌玖拾"
"""Chinese numerals, with the formal forms (壹 貳 …) that converted traditional texts use."""
_CN_VALUE = {
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6, "柒": 7, "捌": 8, "玖": 9,
}  # fmt: skip
_TEN = "十拾"
_FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def cn_number(s: str) -> int | None:
    """Value of a Chinese numeral 一 … 九十九, or ``None`` if ``s`` is not a well-formed one."""
    if not s or len(s) > 3:
        return None
    tens_at = [i for i, ch in enumerate(s) if ch in _TEN]
    if tens_at:
        if len(tens_at) != 1:
            return None
        k = tens_at[0]
        tens, ones = s[:k], s[k + 1 :]
        if len(tens) > 1 or len(ones) > 1:
            return None
        t = _CN_VALUE.get(tens) if tens else 1
        o = _CN_VALUE.get(ones) if ones else 0
        if t is None or o is None or t == 1 and tens:  # 一十 is not how anyone numbers a list
            return None
        return t * 10 + o
    if len(s) != 1:
        return None
    return _CN_VALUE.get(s)


def arabic_number(s: str) -> int | None:
    s = s.translate(_FW_DIGITS).strip()
    if not s.isascii() or not s.isdigit():
        return None
    n = int(s)
    return n if 0 < n < 100 else None


_CN = f"[{CN_DIGITS}]{{1,3}}"
_AR = "[0-9０-９]{1,2}"
_SP = "[ \u3000]?"

# Order matters where two alternatives can start at the same character. The leading
# lookahead lets the engine skip, in C, every character that cannot start a marker
# (about 10× faster than trying each alternative at every position).
_FIRST = f"(?=[第首其再最（(⑴-⒇①-⑳⒈-⒛㈠-㈩❶-❿➀-➉0-9０-９{CN_DIGITS}])"
MARKER_RE = re.compile(
    _FIRST
    + "(?:"
    + "|".join(
        [
            # 第一、 第一， 第一, 第一． 第一： 第一步， 第一点， 第一是, the part headings 第一部分 第一章
            # 第一节 and the articles of regulations 第一条 (traditional 部份 節 條)
            rf"(?P<di>第(?P<di_n>{_CN})(?:(?P<di_part>部分|部份|章|节|節|条|條)[、，,：:．.]?|[步点點]?[、，,．.：:]|是))",
            # 首先， 其次， 再次， 最后， 最後，  首先要 其次是  其一， 其二是  and 首先在… 其次是…
            # (the punctuation is not part of the marker; what may follow is checked in scan)
            rf"(?P<ord>首先|其次|再次|最后|最後|其(?P<qi_n>{_CN}))",
            # （一） (一) ㈠   and 一） 一)
            # (一)、 (a 、 written after the bracket is part of the marker)
            rf"(?P<cp>[（(]{_SP}(?P<cp_n>{_CN}){_SP}[）)](?:、(?![（(]))?|[㈠-㈩]|(?P<cp_h>{_CN})[）)])",
            # （1） (1) ⑴   and 1） 1)
            rf"(?P<ap>[（(]{_SP}(?P<ap_n>{_AR}){_SP}[）)](?:、(?![（(]))?|[⑴-⒇]|(?P<ap_h>{_AR})[）)])",
            # ① ❶ ➀
            r"(?P<ci>[①-⑳❶-❿➀-➉])",
            # 1.1 1.1.1 1.1.  (a decimal outline; line starts only, checked in scan)
            r"(?P<dc>(?P<dc_n>[0-9０-９]{1,2}(?:[.．][0-9０-９]{1,2}){1,3})[.．]?(?![0-9０-９]))",
            # 1. 1． ⒈   (not a decimal: no digit after the dot)
            rf"(?P<ad>(?P<ad_n>{_AR})[.．](?![0-9０-９])|[⒈-⒛])",
            # 1、  and the slip 1, 1， (a list at line starts only, checked in scan)
            rf"(?P<au>(?P<au_n>{_AR})(?:[ \u3000]?、|(?P<au_c>[,，])))",
            # 一是 一要 (三是是: typo)
            rf"(?P<sh>(?P<sh_n>{_CN})(?P<sh_w>是是|是|要)(?![否素求点件害闻點聞]))",
            # 一、 and the slips 三, 三， 三. 三．
            rf"(?P<cd>(?P<cd_n>{_CN})(?P<cd_p>[ \u3000]?、|[,，]|[.．](?![0-9０-９])))",
        ]
    )
    + ")"
)

# characters that make a word with the numeral of a following 一是/一要 (统一是, 唯一要, 之一是,
# 其一是, 再三要, 独一无二是 …); after any other word character 一是 can open an inline list
_SHI_WORD_BEFORE = frozenset("统唯同单之其万逐划专均合整归择任第再另无周星礼初十百千万亿零两几数每")

# (一) right after these is a reference (第十条（一）项, 附件(一)), not a merged heading
_PAREN_REF_BEFORE = frozenset("条款项章节号表图件式附录第之")

# …方式(一) / 形式(一) end a heading phrase (``积极改进家庭教育方式(一)家长学校…``); 公式(一) does not
_STYLE_WORD_BEFORE = frozenset("方形模样樣正")


def _paren_reference(text: str, start: int) -> bool:
    """Is the bracketed numeral at ``start`` a reference (第十条（一）项, 附件(一), 公式(一))?"""
    ch = text[start - 1]
    if ch not in _PAREN_REF_BEFORE:
        return False
    return not (ch == "式" and start > 1 and text[start - 2] in _STYLE_WORD_BEFORE)


SPACE_CHARS = " \t\u3000\xa0\u2002\u2003\u2009\u200b\ufeff"
BULLETS = "●○■□◆◇▲△▶►★☆•·※#*>-—–"
ENDERS = "。！？!?；;：:…"
COMMAS = "，,、"
CLOSERS = "”’」』）)】》\"'"
LINE_BREAKS = "\n\r\u2028\u2029\x0b\x0c\x85"
PARAGRAPH_MARKS = "\u0420\xb6"
"""``Р`` (Cyrillic Er) and ``¶``: what document-preview sites print for a paragraph end."""

_DC_BEFORE = frozenset(LINE_BREAKS + SPACE_CHARS + BULLETS)
ORDINAL_NUMBER = {"首先": 1, "其次": 2, "再次": 3, "最后": 0, "最後": 0}  # 最后: its position
_ORD_PUNCT_RE = re.compile(r"[ \u3000]?[，,：:]|[要是]")
_YEAR_RE = re.compile(r"(?:[12][0-9]{3}|20[xX×]{2}|20[0-9][xX×])[ \u3000]?[年级級届屆]")
_LAST_POINT_RE = re.compile(r"[一1][点點个個项項条條方]")
_QI_PUNCT_RE = re.compile(r"[ \u3000]?[，,、：:]|是")


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    marker: str
    scheme: str
    number: int
    cls: str  # L S W C H
    style: str = ""  # punctuation / bracket variant, for slips
    key: str = ""  # scheme + variant: the identity of a list on the outline stack
    slip: bool = False
    typo: bool = False
    weak: bool = False  # 首先/其次 with no comma after it: an enumeration only within a paragraph
    # filled later
    heading_start: int = 0
    heading_end: int = 0
    standalone: bool = False  # heading is the whole rest of its line
    paragraph: int = 0  # index of the line the marker is on


def context_class(text: str, pos: int) -> str:
    """Position class of ``pos`` (see module docstring)."""
    i = pos - 1
    saw_space = False
    while i >= 0 and (text[i] in SPACE_CHARS or text[i] in BULLETS):
        if text[i] in SPACE_CHARS:
            saw_space = True
        i -= 1
        if pos - i > 40:  # a long run of spaces/bullets: treat as a line start
            return "L"
    if i < 0 or text[i] in LINE_BREAKS:
        return "L"
    ch = text[i]
    if ch in PARAGRAPH_MARKS and (i == 0 or not "\u0400" <= text[i - 1] <= "\u04ff"):
        return "L"  # ``…娘家人”。Р 二、存在的问题Р 1、…``: a preview's paragraph mark
    if ch in CLOSERS and i > 0:
        j = i - 1
        while j >= 0 and text[j] in CLOSERS and i - j < 4:
            j -= 1
        if j >= 0 and text[j] in ENDERS:
            return "S"
    if ch in ENDERS:
        return "S"
    if ch in ".．" and i > 0 and _is_han(text[i - 1]):
        return "S"  # a half-width full stop (…的格局.一、领导重视…): ASCII punctuation
    if saw_space:
        return "W"
    if ch in COMMAS:
        return "C"
    return "H"


def _word_split_by_wrap(text: str, pos: int) -> bool:
    """Does the line before ``pos`` (a line start) end, with no punctuation, in a character
    that makes a word with the numeral at ``pos`` (``唯\n一是``)?"""
    i = pos - 1
    while i >= 0 and text[i] in SPACE_CHARS:
        i -= 1
    if i < 0 or text[i] not in LINE_BREAKS:
        return False
    while i >= 0 and (text[i] in LINE_BREAKS or text[i] in SPACE_CHARS) and pos - i < 8:
        i -= 1
    return i >= 0 and text[i] in _SHI_WORD_BEFORE and pos - i < 8


def _is_numeral_char(ch: str) -> bool:
    return ch in CN_DIGITS


_DOT_SPLIT_RE = re.compile("[.．]")
_UNIT_CHARS = frozenset("万亿千百元亩%％‰倍个吨米岁克升")  # 3.61亿元, 1.5个百分点
_NOT_UNIT = frozenset({"个人", "个性", "个体", "个案", "百姓", "千方", "万众"})
_RANGE_WORDS = frozenset({"年级", "年級", "年代"})


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


_MONTH_RE = re.compile(
    r"([0-9０-９]{1,2})(?:[-~～—至到][0-9０-９]{1,2})?月(?:份)?([0-9０-９]{1,2}[日号號])?"
)


def _item_date(text: str, pos: int, num: int | None) -> bool:
    """Does a date that starts an item's text follow the marker ``num、`` at ``pos``?

    ``1、1月9日上午,…`` ``3、2月,…`` ``4、4-6月,…``: a month that is not the next number
    (numbers listed in a sentence run on: ``1、2月份`` ``3、4月``), or a full month-day date."""
    m = _MONTH_RE.match(text, pos)
    if m is None:
        return False
    if m.group(2):
        return True
    return num is not None and arabic_number(m.group(1)) != num + 1


def scan(text: str) -> list[Candidate]:
    """Every candidate marker of ``text``, in order (not yet filtered by structure)."""
    out: list[Candidate] = []
    n = len(text)
    for m in MARKER_RE.finditer(text):
        start, end = m.start(), m.end()
        if m.group("dc") is not None and start > 0 and text[start - 1] not in _DC_BEFORE:
            continue  # a decimal inside a sentence (增长6.5%): the common case, skipped fast
        cls = context_class(text, start)
        if cls == "H" and not (
            m.group("ord") is not None
            or (m.group("sh") is not None and text[start - 1] not in _SHI_WORD_BEFORE)
            or (m.group("cp") is not None and not _paren_reference(text, start))
            or (
                (
                    m.group("ad") is not None
                    or m.group("au") is not None
                    or m.group("ap_n") in ("1", "１")
                )
                and text[start] in "1１(（"
                and text[start - 1] not in _PAREN_REF_BEFORE
            )
        ):
            # inside a word: 统一是, 之一是, 第十条(一), 第一次 never get here, 总结一、 does.
            # 1. / 1、 / (1) after a word are kept only to be tried as a chained heading
            # (``…完成情况(一)重点工作任务完成情况1.全面完成…``, see outline)
            continue
        style = ""
        key = ""
        slip = typo = weak = False
        if m.group("di") is not None:
            num = cn_number(m.group("di_n"))
            scheme = "di_cn"
            part = m.group("di_part")
            style = part if part else text[end - 1]
            key = "di_cn:" + part if part else "di_cn"
            if part and cls != "L":
                continue  # 第一章 / 第一部分 are headings on their own line
            nxt = text[end : end + 2]
            # 第一、第二产业 / 第一、二产业: a list of ordinals, not a marker
            if style == "、" and nxt[:1] and (nxt[0] == "第" or _is_numeral_char(nxt[0])):
                continue
        elif m.group("ord") is not None:
            scheme = "ordinal_word"
            word = m.group("ord")
            qi = m.group("qi_n")
            if qi is not None:
                # 其一，…；其二，…  (a list of its own; not 其一 "one of them" in a sentence)
                if not _QI_PUNCT_RE.match(text, end):
                    continue
                num = cn_number(qi)
                key = "ordinal_word:其"
            else:
                num = ORDINAL_NUMBER[word]
                if word in ("最后", "最後") and _LAST_POINT_RE.match(text, end):
                    pass  # 最后一点，… / 最后一个方面是…
                elif not _ORD_PUNCT_RE.match(text, end):
                    # 首先在办公方面…。其次是… : run straight into the clause (traditional-
                    # character pages and spoken style drop the comma)
                    if word not in ("首先", "其次") or end >= n or not _is_han(text[end]):
                        continue
                    weak = True
        elif m.group("cp") is not None:
            scheme = "cn_paren"
            g = m.group("cp_n")
            h = m.group("cp_h")
            if g is not None:
                num = cn_number(g)
                style = m.group("cp")[0]
            elif h is not None:
                num = cn_number(h)
                style = ")"
                key = "cn_paren:half"  # 一） is a list of its own, not the same as （一）
                if cls not in "LSW":
                    continue
            else:
                num = ord(m.group("cp")) - ord("㈠") + 1
                style = "㈠"
        elif m.group("ap") is not None:
            scheme = "arabic_paren"
            g = m.group("ap_n")
            h = m.group("ap_h")
            if h is not None:
                num = arabic_number(h)
                style = ")"
                key = "arabic_paren:half"  # 1) is a list of its own, not the same as (1)
                if cls not in "LSW":
                    continue
            elif g is None:
                num = ord(m.group("ap")) - ord("⑴") + 1
                style = "⑴"
            else:
                num = arabic_number(g)
                style = m.group("ap")[0]
            if start > 0 and text[start - 1].isdigit():
                continue
        elif m.group("ci") is not None:
            scheme = "circled"
            ch = m.group("ci")
            if ch <= "⑳":
                num = ord(ch) - ord("①") + 1
            elif ch <= "❿":
                num = ord(ch) - ord("❶") + 1
                key = "circled:❶"
            else:
                num = ord(ch) - ord("➀") + 1
                key = "circled:➀"
        elif m.group("dc") is not None:
            # 1.1 项目背景 / 2.3.1 … : a decimal outline item at a line start, followed by a
            # heading (not 3.61亿元, 4.2万亩, 2024.5.2, 1.5%)
            if cls != "L":
                continue
            parts = _DOT_SPLIT_RE.split(m.group("dc_n"))
            nums = [arabic_number(x) for x in parts]
            if None in nums:
                continue
            k = end
            while k < n and text[k] in SPACE_CHARS:
                k += 1
            if k >= n or not (_is_han(text[k]) or text[k] in "“《（("):
                continue
            if text[k] in _UNIT_CHARS and text[k : k + 2] not in _NOT_UNIT:
                continue
            scheme = "arabic_decimal"
            num = nums[-1]
            style = "."
            key = f"arabic_decimal:{len(parts)}"
        elif m.group("ad") is not None:
            scheme = "arabic_dot"
            g = m.group("ad_n")
            if g is None:
                num = ord(m.group("ad")) - ord("⒈") + 1
                style = "⒈"
            else:
                num = arabic_number(g)
                style = text[end - 1]
                # 1.2.3 (a version or a date), not …如下.1.加强… (a half-width full stop)
                if start > 0 and (
                    text[start - 1].isdigit()
                    or (text[start - 1] in ".．" and not (start > 1 and _is_han(text[start - 2])))
                ):
                    continue
        elif m.group("au") is not None:
            scheme = "arabic_dun"
            num = arabic_number(m.group("au_n"))
            if start > 0 and text[start - 1].isdigit():
                continue
            if m.group("au_c") is not None:
                # 1,本年度… : a list written with commas, only at line starts and followed by
                # a heading (not 1,000 / 第1,2季度); confirmed by its siblings in ``outline``
                if cls != "L" or end >= n or not (_is_han(text[end]) or text[end] in "“《（("):
                    continue
                slip = True
                style = "，"
            else:
                style = "、"
            # 1、2月份 / 1、2、3: numbers listed in a sentence (not 1、2022年工作回顾, and not
            # 1、1月9日上午… / 3、2月,… / 4、4-6月,…: an item that opens with its date)
            if (
                end < n
                and text[end].isdigit()
                and not _YEAR_RE.match(text, end)
                and not _item_date(text, end, num)
            ):
                continue
        elif m.group("sh") is not None:
            scheme = "shi"
            if cls == "L" and _word_split_by_wrap(text, start):
                continue  # …这也是唯\n一是要…: 唯一 split by a hard line wrap
            num = cn_number(m.group("sh_n"))
            w = m.group("sh_w")
            typo = w == "是是"
            style = w[0]
            if typo:
                end -= 1  # the marker is 三是; the doubled 是 is skipped before the heading
        else:
            scheme = "cn_dun"
            num = cn_number(m.group("cd_n"))
            p = m.group("cd_p").strip(" \u3000")
            style = p
            slip = p != "、"
            if not slip and end < n and _is_numeral_char(text[end]):
                # 一、二等奖 / 三、四月份 / 十一、十二月 / 一、二、三产业 (not 一、三年来的斗争)
                j = end
                while j < n and j - end < 3 and _is_numeral_char(text[j]):
                    j += 1
                if j < n and (
                    text[j] in "、等季月级級类類产產期批至到和或" or text[j : j + 2] in _RANGE_WORDS
                ):
                    continue
            if slip and end < n and text[end].isdigit():
                continue
        if num is None or (num <= 0 and scheme != "ordinal_word"):
            continue
        out.append(
            Candidate(
                start=start,
                end=end,
                marker=text[start:end],
                scheme=scheme,
                number=num,
                cls=cls,
                style=style,
                slip=slip,
                typo=typo,
                weak=weak,
                key=key or scheme,
            )
        )
    return out
