"""From candidate markers to an outline: which candidates are sections, their levels and spans.

The outline is built the way a reader builds it, left to right with a stack of open lists:

* a candidate whose scheme is already open continues that list (a sibling), closing any
  deeper lists; its number should be the previous number + 1 (otherwise: gap, repeat,
  restart, slip — reported as anomalies, or the candidate is rejected when its position is
  too weak to carry an irregular number);
* a candidate of a new scheme opens a list nested under the current item; it should be
  number 1. Other numbers open a list where an excerpt starts mid-list (``二、`` on a line
  of its own, also after a title line; ``…。三、…。四、…`` as the first structure of the
  text) or where numbering runs on through the parents (``一、 1. 2. 二、 3. 4.``,
  ``第一章 第一条 … 第二章 第五条``);
* item 1 stands alone (without an item 2 to confirm it) at a line start, as the first
  sub-item chained straight after a short heading (``一、…情况(一)…情况1.全面…``), or as a
  sub-list item after a sentence near the end of an excerpt that cut off its sibling;
* run-in lists inside a paragraph (``…三件事：一是…二是…``, inline ``第一，…第二，…`` or
  ``（1）…（2）…``) never contain another list: a new list closes them first. A new
  heading-type list closes paragraph-initial ``一是`` lists too, unless it is an arabic list
  starting on a line of its own (``一是加强学习。\n1、学理论…``): that one is inside the
  ``一是`` item, whose span runs to its next sibling.

Before that, candidates that are not structure are dropped: tables of contents (the same
headings appear again later, lines end in page numbers, or a run of document titles with
no bodies: a site's related articles), preview text that the page repeats verbatim
further down, preview page numbers (``…新中国成\n2、立以来``, and the ``1、`` that opened
the first page), a download site's notice list (``1、本文档由用户上传…``), and weak
candidates that no second item confirms (a lone ``首先，`` or an inline ``（1）`` with no
``（2）``; ``首先在…`` without a comma only with ``其次`` in its paragraph).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Anomaly
from .headings import heading_span, space_wrapped, trim_heading
from .markers import BULLETS, LINE_BREAKS, SPACE_CHARS, Candidate

RUNIN_SCHEMES = frozenset({"shi", "ordinal_word"})
HEADING_SCHEMES = frozenset(
    {
        "cn_dun",
        "cn_paren",
        "di_cn",
        "arabic_dun",
        "arabic_dot",
        "arabic_decimal",
        "arabic_paren",
        "circled",
    }
)
BLOCK_SCHEMES = frozenset({"cn_dun", "cn_paren"})
"""Lists of these stay open when a new list starts after them on the same line."""
ARABIC_SCHEMES = frozenset(
    {"arabic_dun", "arabic_dot", "arabic_decimal", "arabic_paren", "circled"}
)
RANK = {
    "cn_dun": 1,
    "di_cn": 2,
    "cn_paren": 2,
    "arabic_dun": 3,
    "arabic_dot": 3,
    "arabic_decimal": 4,
    "arabic_paren": 4,
    "circled": 5,
    "shi": 6,
    "ordinal_word": 6,
}
"""Conventional nesting order of the schemes (1 = outermost); used only to decide whether
a new list in flattened text is a sub-list or a sibling list."""
ARABIC_LIST_FAMILY = frozenset({"arabic_dun", "arabic_dot"})
"""``1、`` and ``1.`` are one list when a writer slips from one to the other."""

ALLOWED: dict[str, frozenset[str]] = {
    "cn_dun": frozenset("LSW"),
    "cn_paren": frozenset("LSWCH"),  # 一、工作开展情况(一)突出政治引领… (confirmed only)
    "di_cn": frozenset("LSWC"),
    "arabic_dun": frozenset("LSWC"),  # after a comma only inside an inline list (1、…,2、…)
    "arabic_dot": frozenset("LSWC"),
    "arabic_decimal": frozenset("L"),
    "arabic_paren": frozenset("LSWC"),
    "circled": frozenset("LSWC"),  # not after a word: footnote marks (文件①规定)
    "shi": frozenset("LSWCH"),  # after a word only with a second item: 主要体现在一是…，二是…
    "ordinal_word": frozenset("LSWCH"),  # 我们首先要…，其次要…
}
"""Position classes (see ``markers``) at which each scheme can be a marker at all."""

LONE_START: dict[str, frozenset[str]] = {
    "cn_dun": frozenset("LSW"),
    "cn_paren": frozenset("LSW"),
    "di_cn": frozenset("L"),
    "arabic_dun": frozenset("L"),
    "arabic_dot": frozenset("L"),
    "arabic_decimal": frozenset("L"),
    "arabic_paren": frozenset("L"),
    "circled": frozenset("L"),
    "shi": frozenset("LSW"),
    "ordinal_word": frozenset(),
}
"""Classes at which item 1 may open a list without a second item confirming it."""

_SITE_NOTICE_RE = re.compile(
    r"(?:本(?:文档|文件|资料|资源|网站|站|平台)|下载|用户|如果?您)"
    r"[^\n]{0,30}(?:文档|上传|下载|版权|客服|付费|会员|浏览|阅读全部|侵权|举报)"
)
"""Items of a document-sharing site's notice list (``1、本文档由用户上传…``), not a report's."""
PAGE_CUT = 100
"""A line this long that stops mid-sentence before ``2、`` ends a preview page chunk."""
TAIL_WINDOW = 800
"""An item this close to the end of an excerpt may have lost its confirming sibling."""
CHAIN_MAX = 30
"""Longest heading that can run straight into the marker of its first sub-item."""
# a heading of parallel phrases (``二、精心策划,文体工作创新出彩(一)主要工作``) may chain on
_CHAIN_BREAK_RE = re.compile(r"[。！？!?；;：:\n\r\u2028\u2029]")
_COMMA_RE = re.compile(r"[，,]")


def _opens_sub_list(cands: Sequence[Candidate], keep: Sequence[bool], i: int) -> bool:
    """Is the next kept candidate after ``cands[i]`` of a lower-ranked (nested) list?"""
    for j in range(i + 1, len(cands)):
        if keep[j]:
            return RANK[cands[j].scheme] > RANK[cands[i].scheme]
    return False


def _comma_item(c: Candidate) -> bool:
    """``1,`` ``1，``: an arabic list written with commas opens only with a sibling to
    confirm it (a lone ``1,`` at a line start may be a number)."""
    return c.scheme == "arabic_dun" and c.slip


def _chain_gap(text: str, end: int, c: Candidate) -> bool:
    """Can the heading that starts at ``end`` run straight into the marker of ``c``?

    Short and without a sentence or clause break; commas only before (一) (a heading of
    parallel phrases): ``1、`` after a comma is a count (``二、人员情况,全镇共有干部1、``)."""
    return (
        end < c.start <= end + CHAIN_MAX
        and _CHAIN_BREAK_RE.search(text, end, c.start) is None
        and (c.scheme == "cn_paren" or _COMMA_RE.search(text, end, c.start) is None)
    )


CONFIRM_WINDOW = {"ordinal_word": 1500}
DEFAULT_CONFIRM_WINDOW = 3000
DUPLICATE_WINDOW = 30000

_STRIP_RE = re.compile(r"[\s\u3000\xa0]+")
# a TOC line ends in a page number after spaces or dot leaders: "工作回顾 2", "工作回顾……3"
_PAGE_NO_RE = re.compile(r"(?:[ \t\u3000]+|[.…·．_\-]{2,}[ \t\u3000]*)\d{1,4}[ \t\u3000]*$")
_CLOSING_RE = re.compile(
    r"\n[ \t\u3000\xa0]*(?:总之|總之|总而言之|總而言之|综上所述|綜上所述|总的来[看说讲]|總的來[看說講]|"
    r"回[顾顧][^\n，,。]{0,12}(?:工作|以来|以來|来|來)|过去的一年|過去的一年|一年来|一年來|半年来|半年來|"
    r"各位代表|同志们|同志們|在新的一年|新的一年|展望未来|展望未來)"
)


@dataclass(slots=True)
class _Open:
    """An open list on the outline stack."""

    key: str
    scheme: str
    number: int
    section: int  # index of its latest item in the output
    inline: bool  # its first item was not at a line start
    closes_on_new_list: bool
    style_norm: str
    first_marker: str


INLINE_SUFFIX = "@inline"
_STYLE_NORM = str.maketrans({",": "，", ".": "．", ":": "：", "步": "", "点": "", "點": ""})


def _norm_style(style: str) -> str:
    return style.translate(_STYLE_NORM)


@dataclass(slots=True)
class Item:
    """An accepted section before spans are computed."""

    cand: Candidate
    level: int
    parent: int | None
    clamp_to_paragraph: bool
    children: list[int] = field(default_factory=list)


class _Lines:
    """Line-end lookups in O(log n) (never ``str.find`` per item: a one-line 50 MB report)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in re.finditer(r"[\n\r\u2028\u2029\x0b\x0c\x85]", text)]

    def line_index(self, pos: int) -> int:
        return bisect.bisect_right(self.breaks, pos - 1) if self.breaks else 0

    def line_end(self, pos: int) -> int:
        k = bisect.bisect_left(self.breaks, pos)
        return self.breaks[k] if k < len(self.breaks) else len(self.text)


def _stripped(text: str, start: int, length: int) -> str:
    return _STRIP_RE.sub("", text[start : start + length])


# -- filters before the outline -----------------------------------------------------------


def _drop_toc_and_duplicates(
    text: str, cands: list[Candidate], lines: _Lines
) -> tuple[list[bool], list[bool]]:
    """``keep`` flags (False for table-of-contents entries and repeated text) and
    ``duplicate`` flags (the candidate's text is repeated right after or further down)."""
    keep = [True] * len(cands)
    by_key: dict[tuple[str, int, str], list[int]] = {}
    by_marker: dict[str, list[int]] = {}
    heads: list[str] = []
    for i, c in enumerate(cands):
        h = _STRIP_RE.sub("", text[c.heading_start : min(c.heading_end, c.heading_start + 60)])[:30]
        heads.append(h)
        if len(h) >= 4:
            by_key.setdefault((c.scheme, c.number, h), []).append(i)
        by_marker.setdefault(c.marker, []).append(i)

    # (a) table of contents: the heading appears again later under the same marker, and
    # nothing but punctuation or a page number separates it from the next entry.
    # A heading repeated right away (PDF text layers) is a duplicate, reported as such.
    toc = [False] * len(cands)
    duplicate = [False] * len(cands)
    for i, c in enumerate(cands):
        h = heads[i]
        if len(h) < 4:
            continue
        later = by_key.get((c.scheme, c.number, h), ())
        if not later or later[-1] <= i:
            continue
        d = cands[i + 1] if i + 1 < len(cands) else None
        if d is None or d.scheme != c.scheme or d.number not in (c.number, c.number + 1):
            continue  # a TOC entry is followed by the next entry (or by its own repeat)
        gap = text[c.heading_end : d.start]
        if len(gap) <= 12 and not any(ch.isalpha() for ch in gap):
            if d.number == c.number and heads[i + 1] == h:
                duplicate[i] = True
            else:
                toc[i] = True
    # the last entry of a TOC has the document after it: it is TOC if its predecessor is
    for i, c in enumerate(cands):
        if toc[i] or len(heads[i]) < 4:
            continue
        later = by_key.get((c.scheme, c.number, heads[i]), ())
        if not later or later[-1] <= i:
            continue
        for j in range(i - 1, max(-1, i - 4), -1):
            if cands[j].scheme == c.scheme and cands[j].number == c.number - 1:
                if toc[j]:
                    toc[i] = True
                break

    # (b) page-numbered TOC lines: "1.2022年度太慈镇政务公开工作总结 2"
    page_line = [False] * len(cands)
    for i, c in enumerate(cands):
        if c.cls == "L" and c.heading_end > c.heading_start:
            line_end = lines.line_end(c.heading_start)
            if line_end - c.heading_start <= 120 and _PAGE_NO_RE.search(
                text, c.heading_start, line_end
            ):
                page_line[i] = True
    for i in range(len(cands)):
        if page_line[i]:
            prev_ok = i > 0 and page_line[i - 1] and cands[i - 1].scheme == cands[i].scheme
            next_ok = (
                i + 1 < len(cands) and page_line[i + 1] and cands[i + 1].scheme == cands[i].scheme
            )
            if prev_ok or next_ok:
                toc[i] = True

    # (b2) a list of document titles with nothing between them (a site's related-article
    # list, an unrepeated table of contents): 1、2022年社区工作总结\n2、…工作计划\n3、…
    def title_item(c: Candidate) -> bool:
        return _title_item(text, c)

    run: list[int] = []
    for i, c in enumerate([*cands, None]):
        if c is not None and title_item(c):
            d = cands[run[-1]] if run else None
            if d is not None and (
                d.key == c.key
                and c.number == d.number + 1
                and not text[d.heading_end : c.start].strip(_GAP_CHARS)
            ):
                run.append(i)
                continue
        if len(run) >= 3:
            for k in run:
                toc[k] = True
        run = [i] if c is not None and title_item(c) else []

    # (c) preview text repeated verbatim later (web previews, duplicated PDF text layers)
    for i, c in enumerate(cands):
        if toc[i] or duplicate[i]:
            keep[i] = False
            continue
        same = by_marker[c.marker]
        k = bisect.bisect_right(same, i)
        snippet = None
        for j in same[k : k + 3]:
            d = cands[j]
            if d.start - c.start > DUPLICATE_WINDOW:
                break
            if snippet is None:
                s = _stripped(text, c.end, 60)
                snippet = s[6:26] if len(s) >= 26 else ""
                if not snippet:
                    break
            if snippet in _stripped(text, d.end, 120):
                keep[i] = False
                duplicate[i] = True
                break
    return keep, duplicate


def _title_item(text: str, c: Candidate) -> bool:
    """Is ``c`` a numbered document title on a line of its own (``1、2022年社区工作总结``)?"""
    return (
        c.cls == "L"
        and c.standalone
        and 0 < c.heading_end - c.heading_start <= 40
        and _DOC_TITLE_RE.search(text, c.heading_start, c.heading_end) is not None
    )


_DOC_TITLE_RE = re.compile(
    r"(?:总结|總結|报告|報告|汇报|匯報|计划|計劃|方案|范文|範文|心得|体会|體會|讲话|講話|发言稿|發言稿|"
    r"述职|述職|大全|精选|精選|[0-9一二三四五六七八九十]+篇)(?:[（(][^）)]{0,10}[）)])?[ \t\u3000]*$"
)
_GAP_CHARS = " \t\u3000\xa0\r\n。;；" + "".join(BULLETS)
_MARKER_START_RE = re.compile(
    r"[ \t\u3000]*(?:第?[一二三四五六七八九十]{1,3}[、，,.．是要]|第[一二三四五六七八九十]{1,3}(?:部分|章|节|条)"
    r"|[（(]?[一二三四五六七八九十0-9０-９]{1,3}[）)]|[0-9０-９]{1,2}(?:[.．][0-9０-９]{1,2})+"
    r"|[0-9０-９]{1,2}[、.．]|[①-⑳⑴-⒇⒈-⒛㈠-㈩❶-❿➀-➉])"
)


def _cut_sentence_before(text: str, c: Candidate, lines: _Lines) -> int:
    """Length of the previous line if it stops mid-sentence right before ``c`` (which is
    at a line start), else -1: ``…新中国成\n2、立以来`` (a preview page number) or a
    hard-wrapped line ``…这是唯\n一是…``. A previous line that is itself a numbered
    heading (``一、加强学习\n1、…``) does not count."""
    if c.cls != "L":
        return -1
    i = c.start - 1
    while i >= 0 and text[i] in SPACE_CHARS:
        i -= 1
    if i < 0 or text[i] not in LINE_BREAKS:
        return -1
    j = i - 1
    while j >= 0 and text[j] in SPACE_CHARS:
        j -= 1
    if j < 0 or text[j] in LINE_BREAKS or not ("\u4e00" <= text[j] <= "\u9fff"):
        return -1
    k = bisect.bisect_left(lines.breaks, j)
    line_start = lines.breaks[k - 1] + 1 if k > 0 else 0
    if j - line_start + 1 < PAGE_CUT and _MARKER_START_RE.match(text, line_start, j + 1):
        return -1  # a heading line (a long one that stops mid-sentence is a page chunk)
    if j - line_start < _TITLE_MAX and _TITLE_END_RE.search(text, line_start, j + 1):
        return -1  # a title line (``党支部工作年度总结三篇\n五、…``): nothing runs on
    return j - line_start + 1


def _hard_wrapped(text: str, lines: _Lines) -> bool:
    """Is ``text`` hard-wrapped: do at least ``WRAPPED_MIN`` of its lines (of 15 or more
    characters, not headings or titles) stop mid-sentence with the next line going on?"""
    count = 0
    start = 0
    for b in lines.breaks:
        j = b - 1
        while j >= start and text[j] in SPACE_CHARS:
            j -= 1
        if (
            j - start >= 14
            and "\u4e00" <= text[j] <= "\u9fff"
            and b + 1 < len(text)
            and "\u4e00" <= text[b + 1] <= "\u9fff"
            and not _MARKER_START_RE.match(text, start, j + 1)
        ):
            count += 1
            if count >= WRAPPED_MIN:
                return True
        start = b + 1
    return False


WRAPPED_MIN = 3
_TITLE_MAX = 40
_TITLE_END_RE = re.compile(
    r"(?:总结|總結|报告|報告|汇报|匯報|计划|計劃|讲话|講話|发言|發言|意见|意見|方案|通知|纪要|紀要|要点|材料|"
    r"[0-9一二三四五六七八九十]+篇|篇[0-9一二三四五六七八九十]+)[ \t\u3000]*$"
)


# -- the outline -------------------------------------------------------------------------


class _Confirmer:
    """Is item n at ``pos`` followed by item n+1 of the same list soon enough?"""

    def __init__(self, cands: Sequence[Candidate], keep: Sequence[bool]) -> None:
        self.pos: dict[str, list[int]] = {}
        self.num: dict[str, list[int]] = {}
        for c, k in zip(cands, keep):
            if k:
                self.pos.setdefault(c.key, []).append(c.start)
                self.num.setdefault(c.key, []).append(c.number)

    def next_same_key(self, c: Candidate) -> int | None:
        """Start of the next candidate of ``c``'s list, whatever its number."""
        starts = self.pos.get(c.key.removesuffix(INLINE_SUFFIX), [])
        k = bisect.bisect_right(starts, c.start)
        return starts[k] if k < len(starts) else None

    def confirming(self, c: Candidate) -> int | None:
        """Start of the item that confirms ``c``, or ``None``."""
        key = c.key.removesuffix(INLINE_SUFFIX)
        starts = self.pos.get(key, [])
        nums = self.num.get(key, [])
        window = CONFIRM_WINDOW.get(c.scheme, DEFAULT_CONFIRM_WINDOW)
        k = bisect.bisect_right(starts, c.start)
        for j in range(k, min(len(starts), k + 12)):
            if starts[j] - c.start > window:
                break
            n = nums[j]
            if c.scheme == "ordinal_word":
                # 其次/再次/最后 after this 首先 (another 首先 first: this one opened nothing)
                return starts[j] if n != 1 else None
            if n == c.number + 1:
                return starts[j]
            if n == c.number:
                return None
        return None


def build_outline(text: str, cands: list[Candidate]) -> tuple[list[Item], list[Anomaly]]:
    lines = _Lines(text)
    wrapped = space_wrapped(text) if cands else False
    for k, c in enumerate(cands):
        d = cands[k + 1] if k + 1 < len(cands) else None
        # ``二、加强沟通,密切合作,积极改进家庭教育方式(一)家长学校…``: the heading stops at a
        # first sub-item run straight onto it (and is not a long run-in heading to cut short)
        stop = None
        if d is not None and d.number == 1 and d.cls == "H" and _chain_gap(text, c.end, d):
            stop = d.start
        c.heading_start, c.heading_end, c.standalone = heading_span(text, c, wrapped, stop)
        c.paragraph = lines.line_index(c.start)
    keep, duplicate = _drop_toc_and_duplicates(text, cands, lines)
    anomalies: list[Anomaly] = []
    chain_only = [False] * len(cands)  # 1. straight after a word: only as a chained heading
    notice: list[int] = []
    for i, c in enumerate(cands):
        if keep[i] and _SITE_NOTICE_RE.match(text, c.heading_start, c.heading_end):
            keep[i] = False  # - 1、本文档由用户上传… : a download site's notice list
            notice.append(i)
        if keep[i] and c.cls not in ALLOWED[c.scheme]:
            keep[i] = False
            chain_only[i] = c.cls == "H" and c.number == 1 and c.scheme in HEADING_SCHEMES
        if duplicate[i] and c.cls in ALLOWED[c.scheme] and c.heading_end > c.heading_start:
            h = text[c.heading_start : c.heading_end]
            anomalies.append(
                Anomaly("duplicate_heading", c.start, f"{c.marker}{h[:20]} repeated", c.heading_end)
            )
    for i in notice:
        # the other items of a notice list (``1. 部分文件预览时可能显示错乱…\n2. 本文档由用户
        # 上传…``): its neighbours on the next and previous lines
        for step in (-1, 1):
            j, d = i, cands[i]
            while 0 <= j + step < len(cands):
                e = cands[j + step]
                a, b = (e, d) if step < 0 else (d, e)
                if not (
                    e.key == d.key
                    and e.cls == "L"
                    and b.number == a.number + 1
                    and lines.line_index(b.start) - lines.line_index(a.start) <= 2
                ):
                    break
                j += step
                d = e
                keep[j] = False
    cuts = [_cut_sentence_before(text, c, lines) for c in cands]
    wrapped_lines = _hard_wrapped(text, lines) if any(15 <= k < PAGE_CUT for k in cuts) else False
    for i, c in enumerate(cands):
        if cuts[i] >= PAGE_CUT and c.scheme in ARABIC_LIST_FAMILY and c.number > 1:
            # ``…新中国成\n2、立以来``: a preview page number; the 1、 that opened the first
            # page chunk (``1、2021年乡镇…总结本文…``) is one too
            keep[i] = False
            if c.number == 2:
                for j in range(i - 1, max(-1, i - 30), -1):
                    d = cands[j]
                    if d.key == c.key and d.number == 1 and d.cls == "L":
                        keep[j] = False
                        break
    confirmer = _Confirmer(cands, keep)

    items: list[Item] = []
    stack: list[_Open] = []
    text_end = len(text.rstrip())

    def heading_key(c: Candidate) -> str:
        return _STRIP_RE.sub("", text[c.heading_start : c.heading_end])

    def find_open(key: str) -> int | None:
        for k in range(len(stack) - 1, -1, -1):
            if stack[k].key == key:
                return k
        return None

    last_number: dict[str, tuple[int, int]] = {}  # list key → (number, paragraph) of its last item

    def continues(c: Candidate) -> bool:
        """Does ``c`` go on with the numbering of a closed list of its kind (items numbered
        through the whole document: 一、 1. 2. 二、 3. 4.; 第一章 第一条 … 第二章 第五条)?"""
        last = last_number.get(c.key.removesuffix(INLINE_SUFFIX))
        return (
            last is not None
            and last[0] + 1 == c.number
            and c.number > 1
            and c.scheme not in RUNIN_SCHEMES
            and (c.cls == "L" or (c.cls in "SW" and last[1] != c.paragraph))
        )

    def run_in_goes_on(t: _Open, c: Candidate) -> bool:
        """``一是加强学习。\n1、学理论…\n2、学业务…\n二是…``: a paragraph-initial run-in item
        spans up to its next sibling, so a list that starts on a later line is inside it."""
        return c.scheme in ARABIC_SCHEMES and c.cls == "L" and items[t.section].cand.cls == "L"

    def inline_here(c: Candidate) -> bool:
        """Is ``c`` item 1 of an enumeration confirmed within its own paragraph?"""
        confirm = confirmer.confirming(c)
        return confirm is not None and lines.line_index(confirm) == c.paragraph

    def cut_off(c: Candidate) -> bool:
        """``…取得了平稳较快增长。1、大力发展现代农业方面。…`` near the end of an excerpt:
        item 1 of a sub-list after a sentence (or a 一是 after a comma), whose item 2 the
        excerpt cut off."""
        return (
            (
                (c.cls in "SW" and c.scheme in ARABIC_SCHEMES)
                or (c.cls == "C" and c.scheme == "shi")  # …进社区”,一是深入宣传,…
            )
            and text_end - c.start <= TAIL_WINDOW
            and bool(stack)
            and RANK[stack[-1].scheme] < RANK[c.scheme]
            and not stack[-1].closes_on_new_list
            and 0 < c.heading_end - c.heading_start <= 40
            and confirmer.next_same_key(c) is None
        )

    def chained(c: Candidate) -> bool:
        """``一、年度任务完成情况(一)重点工作完成情况1.全面完成…``: the short heading of the
        item just opened runs straight into item 1 of a lower-ranked list."""
        if c.number != 1 or not items or not stack or stack[-1].section != len(items) - 1:
            return False
        p = items[-1].cand
        return (
            RANK[c.scheme] > RANK[p.scheme]
            and c.heading_end > c.heading_start
            and _chain_gap(text, p.end, c)
        )

    for i, c in enumerate(cands):
        if not keep[i] and not (chain_only[i] and chained(c)):
            continue
        cut = cuts[i]
        # the previous line runs on into this one (hard-wrapped text); in text that is not
        # hard-wrapped, or after a paragraph that long, the line lost its full stop
        # (``…进行系统地、有条理的改进\n1、受理低保申请:…``)
        run_on = 15 <= cut < PAGE_CUT and wrapped_lines
        number = c.number
        pos = None
        if c.cls != "L":
            pos = find_open(c.key + INLINE_SUFFIX)
            if pos is not None:
                c.key += INLINE_SUFFIX
        if pos is None:
            pos = find_open(c.key)
        family_slip = False
        if pos is None and number != 1 and c.scheme in ARABIC_LIST_FAMILY:
            # 1、 … 2. : one list written with two kinds of punctuation
            for k in range(len(stack) - 1, -1, -1):
                if stack[k].scheme in ARABIC_LIST_FAMILY:
                    if stack[k].number + 1 == number and c.cls in "LS":
                        pos = k
                        family_slip = True
                    break
        nested_inline = False
        if pos is not None:
            top = stack[pos]
            expected = top.number + 1
            if c.scheme == "ordinal_word" and number == 0:
                number = c.number = expected  # 最后 takes its place in the list
            prev = items[top.section].cand
            kind = None
            if (c.weak or c.cls == "C") and prev.paragraph != c.paragraph:
                continue  # 其次 with no comma, ,2、 after a comma: only inside one paragraph
            if number == expected:
                if c.slip and top.style_norm == "、" and c.cls not in "LS":
                    continue
            elif number == 1:
                confirm = confirmer.confirming(c)
                if (
                    not top.inline
                    and c.cls != "L"
                    and confirm is not None
                    and lines.line_index(confirm) == c.paragraph
                ):
                    # 一、…；二、… inside the body of a section of the same scheme: an inline
                    # enumeration one level down, not a restart of the outline
                    nested_inline = True
                    pos = None
                elif not (c.cls == "L" or confirm is not None):
                    continue
                elif not top.closes_on_new_list:
                    kind = ("numbering_restart", f"{prev.marker} followed by {c.marker}")
            elif number == top.number:
                if heading_key(c) == heading_key(prev) and c.heading_end > c.heading_start:
                    anomalies.append(
                        Anomaly(
                            "duplicate_heading",
                            c.start,
                            f"{c.marker}{heading_key(c)[:20]} repeated",
                            c.heading_end,
                        )
                    )
                    continue
                if c.cls != "L":
                    continue
                kind = ("numbering_repeat", f"{prev.marker} followed by {c.marker}")
            elif number > expected:
                if c.cls in "CH" or (c.slip and c.cls != "L"):
                    continue
                kind = ("numbering_gap", f"{prev.marker} followed by {c.marker}")
            else:
                if c.cls != "L":
                    continue
                kind = ("numbering_slip", f"{prev.marker} followed by {c.marker}")
        if pos is not None:
            top = stack[pos]
            del stack[pos + 1 :]
            top.number = number
            top.section = len(items)
            parent = stack[pos - 1].section if pos > 0 else None
            level = pos + 1
            if kind:
                anomalies.append(Anomaly(kind[0], c.start, kind[1], c.end))
            if family_slip or (
                c.scheme in ("cn_dun", "di_cn", "arabic_dun")
                and _norm_style(c.style) != top.style_norm
            ):
                anomalies.append(
                    Anomaly("marker_slip", c.start, f"{c.marker} among {top.first_marker}", c.end)
                )
            clamp = top.closes_on_new_list
        else:
            if c.scheme == "ordinal_word" and number != 1:
                continue
            if number == 1:
                lone_ok = (
                    c.cls in LONE_START[c.scheme] and not run_on and not _comma_item(c)
                ) or cut_off(c)
                if (
                    lone_ok
                    and _title_item(text, c)
                    and confirmer.confirming(c) is None
                    and not _opens_sub_list(cands, keep, i)
                ):
                    # ``1、节能减排工作总结精选\n…\n一、高度重视…``: a site's numbered title
                    # over a report (not ``一、2025年上半年工作总结\n(一)…``, a part heading)
                    continue
                if not nested_inline and not lone_ok and not chained(c):
                    confirm = confirmer.confirming(c)
                    if confirm is None:
                        continue
                    if (c.weak or c.cls == "C") and lines.line_index(confirm) != c.paragraph:
                        continue  # 首先 with no comma, ,1、 after a comma: an inline list
                if c.slip and c.cls != "L" and confirmer.confirming(c) is None:
                    continue  # 三, 三. mid-paragraph only continue a list
            elif continues(c):
                pass  # 第五条 under 第二章 after 第四条 under 第一章: numbering runs on
            elif c.scheme == "arabic_decimal" and confirmer.confirming(c) is None:
                continue  # ``5.12汶川大地震…`` at a line start: a date, not item 12 of 5.
            elif (
                not items
                and c.cls in "SW"
                and c.scheme != "ordinal_word"
                and not c.slip
                and confirmer.confirming(c) is not None
            ):
                pass  # an excerpt that starts inside a section: …的工作。三、…。四、…
            elif c.cls != "L" or c.scheme == "ordinal_word" or cut >= 0:
                continue
            if nested_inline:
                c.key += INLINE_SUFFIX
            # close run-in lists that cannot contain this one
            while stack:
                t = stack[-1]
                if t.closes_on_new_list and t.inline:
                    stack.pop()  # a run-in enumeration inside a paragraph
                elif (
                    t.inline and t.scheme not in BLOCK_SCHEMES and RANK[c.scheme] <= RANK[t.scheme]
                ):
                    stack.pop()  # flattened text (1. … after spaces): a list of the same rank
                elif (
                    t.scheme in RUNIN_SCHEMES
                    and c.scheme in HEADING_SCHEMES
                    and c.cls != "C"
                    and not run_in_goes_on(t, c)
                ):
                    stack.pop()
                elif (
                    c.scheme == "cn_dun"
                    and t.scheme in ARABIC_SCHEMES
                    and (c.cls == "L" or (c.cls == "S" and not inline_here(c)))
                ):
                    stack.pop()  # 1、2、3 lead-in list, then the report's 一、 structure
                else:
                    break
            parent = stack[-1].section if stack else None
            level = len(stack) + 1
            inline = c.cls != "L"
            # run-in: 一是 lists, and enumerations that start after punctuation inside a
            # paragraph (因为：第一，…；第二，…). Lists after spaces in flattened text
            # (``二、工作成果 1. 加强…``) are structure and nest their own sub-lists.
            closes = c.scheme in RUNIN_SCHEMES or (
                c.cls in "SC" and (c.scheme not in BLOCK_SCHEMES or nested_inline)
            )
            if number != 1 and not continues(c):
                anomalies.append(
                    Anomaly("numbering_start", c.start, f"list starts at {c.marker}", c.end)
                )
            stack.append(
                _Open(
                    key=c.key,
                    scheme=c.scheme,
                    number=number,
                    section=len(items),
                    inline=inline,
                    closes_on_new_list=closes,
                    style_norm=_norm_style(c.style),
                    first_marker=c.marker,
                )
            )
            clamp = closes
        if c.typo:
            anomalies.append(
                Anomaly("marker_typo", c.start, f"{c.marker}是 written for {c.marker}", c.end + 1)
            )
        if parent is not None:
            items[parent].children.append(len(items))
        items.append(Item(cand=c, level=level, parent=parent, clamp_to_paragraph=clamp))
        last_number[c.key.removesuffix(INLINE_SUFFIX)] = (c.number, c.paragraph)
    return items, anomalies


def closing_start(text: str, after: int) -> int | None:
    """Start of a closing paragraph (``总之，…`` ``回顾半年来的工作…``) after ``after``."""
    m = _CLOSING_RE.search(text, after)
    return m.start() + 1 if m else None


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\u3000\xa0\u200b\ufeff"):
        end -= 1
    return end


def spans(text: str, items: list[Item]) -> list[tuple[int, int, int, int]]:
    """``(heading_start, heading_end, start, end)`` per item, in the order of ``items``.

    A section ends where the next section of the same or a higher level starts, or at the
    end of its parent. The last item of an inline run-in list ends with its paragraph.
    The last top-level section ends before a closing paragraph (``总之，…``,
    ``回顾半年来的工作…``, ``各位代表！``) that follows the last section's first paragraph.
    """
    n = len(text)
    lines = _Lines(text)
    count = len(items)
    next_le = [count] * count  # index of the next item with level <= this level
    pending: list[int] = []  # indices waiting for their next same-or-higher item
    for i, it in enumerate(items):
        while pending and items[pending[-1]].level >= it.level:
            next_le[pending.pop()] = i
        pending.append(i)
    doc_end = n
    if items:
        # a closing paragraph is never the first paragraph of the last section's body
        last = items[-1].cand
        p = lines.line_end(last.heading_end)
        while p < n and text[p] in LINE_BREAKS or p < n and text[p] in SPACE_CHARS:
            p += 1
        cs = closing_start(text, lines.line_end(p)) if p < n else None
        if cs is not None:
            doc_end = cs
    out: list[tuple[int, int, int, int]] = []
    ends: list[int] = []
    for i, it in enumerate(items):
        c = it.cand
        k = next_le[i]
        limit = items[k].cand.start if k < count else doc_end
        if it.parent is not None:
            limit = min(limit, ends[it.parent])
        if it.clamp_to_paragraph:
            # a run-in item ends with the paragraph of its last descendant (itself if none)
            pe = lines.line_end(items[k - 1].cand.heading_end)
            limit = min(limit, pe)
        cap = items[i + 1].cand.start if i + 1 < count else n
        hs, he = trim_heading(text, c.heading_start, c.heading_end, min(cap, limit))
        limit = max(limit, he, c.end)
        end = max(_rstrip_end(text, c.start, limit), he, c.end)
        if it.parent is not None:
            end = min(end, ends[it.parent])
        ends.append(end)
        out.append((hs, he, c.start, end))
    return out
