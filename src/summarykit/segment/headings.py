"""Where a section's heading starts and ends.

Rules (the annotation rules of ``corpora/gold/sections/README.md``, rule 4):

* Skip spaces after the marker (after an ordinal word also the comma: ``首先，…``), and
  markdown bold ``**`` (but not ``***`` masking a name: ``3、***镇消防…``).
* Headings of ``一是`` items and ``首先`` items are the **first clause**: up to the first
  ``，,；;：:。！？!?``, a line end, or a space that starts a run-in body.
* ``第一，`` items standing alone on their line (marker at the line start, one sentence up
  to the line end) are a whole sentence; run into a paragraph or a sentence
  (``因为：第一，经费困难；第二，…``) they are the first clause.
* Every other heading runs to the first ``。！？!?；;``, the line end, or a space followed
  by more text (``一、 领导重视,组织有力 为保证…`` → ``领导重视,组织有力``). A colon does
  not end it (``1.换届完成进度:截至…,完成率达94.4%;``).
* Punctuation inside “…” 《…》 「…」 ‘…’ does not end a heading.
* A heading phrase may run straight into its body with no punctuation: the body starts
  with an adverbial ending in a comma or a concessive, within the first two clauses
  (``…再上新水平今年以来,`` ``…理论素质在镇领导的积极引导下,`` ``…任务不论是…``).
  Sentence items (``1、`` ``1.`` ``(1)`` ``①``) only from their first clause, never at 在.
* A ``一、`` / ``（一）`` heading that would run on for more than ``LONG_HEADING``
  characters is a run-in heading whose body starts without a full stop: it is cut at the
  first clause, and before a purpose clause (``…培训为提高…``) if one starts inside it.
  Sentence items keep their whole sentence however long.

Every scan is bounded (``MAX_SCAN`` characters), so a 50 MB line costs nothing extra.
"""

from __future__ import annotations

import re

from .markers import LINE_BREAKS, Candidate

MAX_SCAN = 300
LONG_HEADING = 80

_Q = '“[^”\n]{0,150}”|《[^》\n]{0,150}》|「[^」\n]{0,150}」|‘[^’\n]{0,150}’|"[^"\n]{0,150}"'
# a year written with spaces (关于1 9 9 8 年) does not start a run-in body
_DIGIT_SPACE = r"(?<=[0-9０-９])[ \u3000]{1,2}(?=[0-9０-９年月日号])"
_OPEN = '“《「‘"'


# A half-width full stop after a Han character ends a sentence (text typed with ASCII
# punctuation: ``一、领导重视,组织健全.家庭是…``); a dot in 3.5万 / www.x.cn / 等. 2 does not.
_DOT = r"(?<![\u4e00-\u9fff])[.．]|[.．](?=[0-9A-Za-z０-９])"
# A count after a space goes on with the sentence (``今年新建工会组织 13家,``, ``X 份``): a
# run-in body does not start with a bare number and its measure word.
_MEASURE = "[家个個人名项項次场場万萬元户戶件起份所条條篇期批支吨噸亩畝]"
_COUNT_SPACE = (
    r"(?<=[\u4e00-\u9fff])[ \u3000](?=(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[xX×_]{1,4})[ \u3000]?"
    + _MEASURE
    + r")|(?<=[0-9０-９xX×_])[ \u3000](?="
    + _MEASURE
    + ")"
)
# ``Р`` / ``¶``: a preview site's paragraph mark ends a heading like a line break
_STOP_ALWAYS = ".．\u0420\xb6"


def _heading_re(stop: str, *extra: str) -> re.Pattern[str]:
    """Greedy run up to a ``stop`` character; quoted spans and the ``extra`` patterns are
    taken whole. Plain runs come first, so most characters cost one class test."""
    alts = [f"[^\\s{stop}{_STOP_ALWAYS}{_OPEN}]+", _Q, *extra, _DOT, f"[{_OPEN}]"]
    return re.compile("(?:" + "|".join(alts) + ")*")


# A colon does not end a heading (``1.换届完成进度:截至…。`` is one heading, rule 4)
SENTENCE_RE = _heading_re("。！？!?；;", _DIGIT_SPACE, _COUNT_SPACE)
CLAUSE_RE = _heading_re("。！？!?；;，,：:", _DIGIT_SPACE, _COUNT_SPACE)
# In text whose PDF line wraps became spaces (社区居 民), a space between two Han
# characters is a wrap, not the start of a run-in body.
_WRAP = r"(?<=[\u4e00-\u9fff])[ \u3000](?=[\u4e00-\u9fff])"
WRAP_SPACE_RE = re.compile(_WRAP)
SENTENCE_WRAPPED_RE = _heading_re("。！？!?；;", _DIGIT_SPACE, _WRAP, _COUNT_SPACE)
CLAUSE_WRAPPED_RE = _heading_re("。！？!?；;，,：:", _DIGIT_SPACE, _WRAP, _COUNT_SPACE)


def space_wrapped(text: str) -> bool:
    """Does ``text`` read like a PDF whose line wraps became spaces (many Han-space-Han)?"""
    for count, _ in enumerate(WRAP_SPACE_RE.finditer(text), 1):
        if count >= 5 and count * 200 >= len(text):
            return True
    return False


_PURPOSE = (
    r"(?<![作成认認以视視称稱])[为為](?:了|提高|进一步|進一步|加强|加強|促进|促進|推进|推進|确保|確保|保证|保證"
    r"|切实|切實|更好|全面|深入|营造|營造|实现|實現|推动|推動|落实|落實|贯彻|貫徹|适应|適應|迎接"
    r"|庆祝|慶祝|纪念|紀念)"
)
_PURPOSE_RE = re.compile(r"(?<=[\u4e00-\u9fff])" + _PURPOSE)
# A body glued to its heading phrase with no punctuation starts with an adverbial that
# ends in a comma (``…再上新水平今年以来,`` ``…理论素质在镇领导的积极引导下,``
# ``…科技培训为提高广大妇女素质,``) or with a concessive (``…各项任务不论是镇领导,…``).
# Simplified and traditional forms.
_RUNIN_BODY_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:"
    r"(?<![展施立行动動去近过過])(?:今年|去年|近年|多年|近几年|近幾年|几年|幾年|年初|上半年|下半年|一年|半年"
    r"|[两兩三四五]年|[0-9０-９]{2,4}年)(?:以来|以來|来|來)[，,]"
    r"|(?:今年|去年|年初|上半年|下半年|[0-9０-９]{4}年)[，,]"
    r"|(?:近期|目前|当前|當前)[，,]"
    r"|自[^，,。；;：:！？!?\s]{1,15}(?:以来|以來)[，,]"
    r"|(?:随着|隨著|隨着)[^，,。；;：:！？!?\s]{1,20}[，,]"
    r"|(?<![存现現正实實所旨意好])在[^，,。；;：:！？!?\s]{1,16}(?:下|中|里|裏|方面)[，,]"
    r"|(?:经过|經過)[^，,。；;：:！？!?\s]{2,20}[，,]"
    r"|" + _PURPOSE + r"[^，,。；;：:！？!?\s]{1,25}[，,]"
    r"|(?:不论|不論|无论|無論|尽管|儘管|盡管|虽然|雖然)"
    r")"
)
_RUNIN_MIN = 4  # characters of heading before the body can start
_LEAD_SPACE = " \t\u3000\xa0\u2002\u2003\u2009\u200b\ufeff"
_TRAIL_STRIP = " \t\u3000\xa0\u2002\u2003\u2009\u200b\ufeff，,；;：:、*\u0420\xb6"
_ENDERS_AND_CLOSERS = "。！？!?；;”’」』）)"

FIRST_CLAUSE_SCHEMES = frozenset({"shi", "ordinal_word"})
ITEM_SCHEMES = frozenset({"arabic_dun", "arabic_dot", "arabic_paren", "circled"})
"""Items of these lists are often whole sentences: their heading runs to the sentence end
however long it is (a long ``一、`` / ``（一）`` heading is a run-in heading phrase)."""


def _skip(text: str, p: int, chars: str, limit: int) -> int:
    while p < limit and text[p] in chars:
        p += 1
    return p


def _line_end(text: str, p: int, limit: int) -> int:
    while p < limit and text[p] not in LINE_BREAKS:
        p += 1
    return p


def _rest_of_line_empty(text: str, p: int, n: int) -> bool:
    """True if from ``p`` only closing punctuation/spaces remain before the line end."""
    limit = min(n, p + 20)
    p = _skip(text, p, _ENDERS_AND_CLOSERS, limit)
    p = _skip(text, p, _LEAD_SPACE, limit)
    return p >= n or text[p] in LINE_BREAKS


def heading_span(
    text: str, c: Candidate, wrapped: bool = False, stop: int | None = None
) -> tuple[int, int, bool]:
    """``(heading_start, heading_end, standalone)`` for candidate ``c``.

    ``standalone`` says the heading is all that stands on the rest of its line.
    An empty heading sits at the marker end. ``stop``: where the marker of a first sub-item
    chained straight onto this heading starts (the heading cannot run past it).
    """
    n = len(text)
    limit = min(n, c.end + MAX_SCAN)
    if stop is not None and c.end < stop < limit:
        limit = stop
    p = c.end
    if c.typo and p < limit and text[p] == "是":
        p += 1
    p = _skip(text, p, _LEAD_SPACE, limit)
    if p < limit and text[p] == "*":
        # markdown bold (``一、**工作回顾**``) is skipped; a masked name (``3、***镇…``) is text
        q = _skip(text, p, "*", limit)
        line_end = _line_end(text, q, limit)
        if text.find(text[p:q], q, line_end) >= 0 or q >= line_end:
            p = _skip(text, q, _LEAD_SPACE, limit)
    if c.scheme == "ordinal_word" or c.scheme == "shi":
        p = _skip(text, p, "，,、：:", limit)  # 首先，… / 一是,青年志愿者关
        p = _skip(text, p, _LEAD_SPACE, limit)
    if p >= n or text[p] in LINE_BREAKS:
        return c.end, c.end, True
    sentence_re, clause_re = (
        (SENTENCE_WRAPPED_RE, CLAUSE_WRAPPED_RE) if wrapped else (SENTENCE_RE, CLAUSE_RE)
    )
    e_sentence = sentence_re.match(text, p, limit).end()
    standalone = c.cls == "L" and (e_sentence >= n or _rest_of_line_empty(text, e_sentence, n))
    if c.scheme in FIRST_CLAUSE_SCHEMES or (c.scheme == "di_cn" and not standalone):
        e = clause_re.match(text, p, limit).end()
    else:
        e = e_sentence
        e1 = clause_re.match(text, p, e_sentence).end()  # end of the first clause
        e2 = e1
        item = c.scheme in ITEM_SCHEMES
        if e1 < e_sentence and not item:
            e2 = clause_re.match(text, e1 + 1, e_sentence).end()
        # a sentence item (1、…) runs on into its body only from its first clause, and never
        # before 在 (``1、社区全体党员在书记带领下,…`` is one sentence)
        m = _RUNIN_BODY_RE.search(text, p + _RUNIN_MIN, min(e2 + 1, e_sentence))
        if m and (item and text[m.start()] == "在"):
            m = None
        if m and (
            m.start() > e1 or m.start() >= p + (6 if text[m.start()] == "在" else _RUNIN_MIN)
        ):
            e = m.start()  # the body runs on straight after the heading phrase
        elif e_sentence - p > LONG_HEADING and c.scheme not in ITEM_SCHEMES:
            e = e1
            m = _PURPOSE_RE.search(text, p + 6, e)
            if m:
                e = m.start()
    while e > p and text[e - 1] in _TRAIL_STRIP:
        e -= 1
    if e <= p:
        return c.end, c.end, standalone
    return p, e, standalone


def trim_heading(text: str, start: int, end: int, cap: int) -> tuple[int, int]:
    """Heading ``[start, end)`` cut back to ``cap`` (the next marker) and stripped."""
    if end > cap:
        end = max(start, cap)
    while end > start and text[end - 1] in _TRAIL_STRIP:
        end -= 1
    return start, end
