"""Residue of a template download: placeholders, watermarks and leftover site text.

A report filled in from a template site often keeps the template's blanks (``20xx年``,
``__镇``, ``XX区``, ``某某社区``, ``***``, an empty ``“”``), the site's watermark
(``专业好文档为您倾心整理,谢谢使用``) and bits of the page around it (``由会员分享``,
``一键复制全文保存为WORD``, a URL). Each is evidence, for an auditor, that the report was
downloaded rather than written.

``find_residue(doc)`` returns them in document order. Two sources:

- **in the text** (``placeholder``; ``site_text`` that ingest did not delete):
  ``start``/``end`` is the span in ``Document.text`` and ``text == doc.text[start:end]``.
- **deleted by ingest** (``Document.removed``; ``watermark`` for removals with reason
  ``watermark``, ``site_text`` for the others: site clutter, page headers, collection
  headers, tables of contents). The text is no longer in ``Document.text``, so
  ``start == end`` is the position in ``Document.text`` where the deleted text sat. The deleted
  string is in ``text``, its offset in the decoded source file is in ``source_start`` and the
  ingest reason is in ``reason``.

>>> [(r.kind, r.text) for r in find_residue("20xx年，__镇妇联在XX区妇联指导下，某某社区……")]
[('placeholder', '20xx年'), ('placeholder', '__镇'), ('placeholder', 'XX区'), ('placeholder', '某某')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from ..errors import type_error
from ..model import Document

ResidueKind = Literal["placeholder", "watermark", "site_text"]

_UNIT = "年月日号时人名户个次期届周件元万亿岁批项家所村镇乡区县市省州街道社区组队片座条"
# A year with blanks: 20xx年 20__年 202x 20×× 二零__年 二〇xx年 (the 年 is taken when present).
RE_YEAR = re.compile(
    r"(?<![\dA-Za-z])(?:(?:19|20)\d?|二[零〇○0])[xX×＊*_＿]{1,3}(?:年度?)?(?![A-Za-z])"
)
# Blanks: __镇 _村 ____元 (with the unit after them when there is one)
RE_BLANK = re.compile(rf"[_＿]+[{_UNIT}]?")
# Letters standing for a name or number: XX区 xx周年 X亿元 XXX思想 ××市 (not X光, X射线, XP …)
RE_LETTERS = re.compile(
    rf"(?<![A-Za-z])(?:[xX]{{1,4}}|[×ⅹＸｘ]{{1,4}})(?![A-Za-z光射线型])[{_UNIT}]?"
)
RE_MASK = re.compile(r"(?<![*＊])(?:[*＊]{2,}|(?<=[\u4e00-\u9fff])[*＊](?=[\u4e00-\u9fff]))")
RE_SOMEONE = re.compile(r"某某+")
RE_EMPTY_QUOTES = re.compile(r"“\s*”|《\s*》|「\s*」")
# Page furniture that ingest's clutter list did not catch.
RE_URL = re.compile(
    r"(?:https?://|www\.)[^\s\u3000，。；、（）()<>\]]+|(?<![A-Za-z0-9@.])[A-Za-z0-9-]{2,}\.(?:com|cn|net|org)(?:\.cn)?(?:/[^\s\u3000，。；、（）()<>\]]*)?"
)
RE_SITE = re.compile(
    r"由会员分享|可在线阅读|更多相关《|页珍藏版|上搜索。?|一键复制|保存为\s*WORD|[Ww][Oo][Rr][Dd]版本可编辑|欢迎下载|免费下载|"
    r"下载本文|本文档?由|版权(?:所有|归)|侵权(?:请)?联系|联系删除|转载请|来源[:：]\s*(?:网络|互联网)|范文网|文库|"
    r"【(?:完整版|精选|通用|最新|优选|范文|热门|\d+篇|[一二三四五六七八九十]+篇)】|[(（](?:汇总|精选|通用|合集)\d+篇[)）]|"
    r"欢迎各位亲|参考借鉴|仅供参考|[Pp]age\s*\d+\s*of\s*\d+|第\s*\d+\s*页\s*[,，/]?\s*共\s*\d+\s*页|"
    r"小编|为(?:您|大家)(?:分享|整理|收集|推荐)|希望(?:能够|能|可以)?(?:对(?:您|大家)有所帮助|帮助到(?:您|大家))|"
    r"下面是[^。\n]{0,24}?(?:整理|分享|收集|推荐)的"
)


@dataclass(frozen=True, slots=True)
class Residue:
    """A placeholder, watermark or bit of site text; see the module docstring for offsets."""

    kind: ResidueKind
    start: int
    end: int
    text: str
    source_start: int | None = None
    """Offset in the decoded source file (for text deleted by ingest, and for text spans)."""
    reason: str | None = None
    """Ingest's reason for a deletion (``watermark``, ``site_clutter``, ``page_header`` …);
    for spans in the text, the pattern family (``year``, ``blank``, ``letters``, ``mask``,
    ``someone``, ``empty_quotes``, ``url``, ``site_phrase``)."""

    @property
    def removed(self) -> bool:
        """True when ingest deleted this text (it is not in ``Document.text``)."""
        return self.start == self.end and bool(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "source_start": self.source_start,
            "reason": self.reason,
        }


# Cheap pre-checks (literal alternations and one character class are fast in ``re``; the full
# patterns are not): a pattern family runs only on a text where its trigger occurs.
_TRIGGER_PLACEHOLDER = re.compile(r"[xX×＊*_＿ⅹＸｘ]")
_TRIGGERS: dict[str, re.Pattern[str]] = {
    "url": re.compile(r"www\.|WWW\.|http|HTTP|\.com|\.cn|\.net|\.org|\.COM|\.CN|\.NET|\.ORG"),
    "site_phrase": re.compile(
        "|".join(
            map(
                re.escape,
                (
                    "会员分享",
                    "在线阅读",
                    "更多相关",
                    "珍藏版",
                    "上搜索",
                    "一键复制",
                    "保存为",
                    "版本可编辑",
                    "下载",
                    "本文",
                    "版权",
                    "侵权",
                    "删除",
                    "转载",
                    "来源",
                    "范文",
                    "文库",
                    "【",
                    "篇)",
                    "篇）",
                    "欢迎各位",
                    "借鉴",
                    "仅供",
                    "age",
                    "页共",
                    "页 共",
                    "页,共",
                    "页，共",
                    "页/共",
                    "小编",
                    "为您",
                    "为大家",
                    "帮助到",
                    "有所帮助",
                    "下面是",
                ),
            )
        )
    ),
    "year": _TRIGGER_PLACEHOLDER,
    "blank": _TRIGGER_PLACEHOLDER,
    "letters": _TRIGGER_PLACEHOLDER,
    "mask": _TRIGGER_PLACEHOLDER,
    "someone": re.compile("某某"),
    "empty_quotes": re.compile("“|《|「"),
}

_TEXT_PATTERNS: tuple[tuple[ResidueKind, str, re.Pattern[str]], ...] = (
    # site text first: a URL's 259_2.html is not a blank, nor its x a placeholder
    ("site_text", "url", RE_URL),
    ("site_text", "site_phrase", RE_SITE),
    ("placeholder", "year", RE_YEAR),
    ("placeholder", "blank", RE_BLANK),
    ("placeholder", "letters", RE_LETTERS),
    ("placeholder", "mask", RE_MASK),
    ("placeholder", "someone", RE_SOMEONE),
    ("placeholder", "empty_quotes", RE_EMPTY_QUOTES),
)


def find_residue(doc: Document | str) -> list[Residue]:
    """Placeholders, watermarks and site text of ``doc``, in document order.

    ``doc`` is a ``Document`` (its ``removed`` spans are included) or a plain string.
    """
    if isinstance(doc, Document):
        text, removed, source_start = doc.text, doc.removed, doc.source_start
    elif isinstance(doc, str):
        text, removed, source_start = doc, (), None
    else:
        raise type_error("doc", "a Document or a str", doc)

    spans: list[tuple[int, int, ResidueKind, str]] = []
    hits: dict[re.Pattern[str], bool] = {}
    for kind, family, rx in _TEXT_PATTERNS:
        trigger = _TRIGGERS[family]
        if trigger not in hits:
            hits[trigger] = trigger.search(text) is not None
        if not hits[trigger]:
            continue
        for m in rx.finditer(text):
            if m.end() > m.start():
                spans.append((m.start(), m.end(), kind, family))
    # earlier pattern families win on overlap (a year 20__年 is not also a blank __年)
    taken: list[tuple[int, int, ResidueKind, str]] = []
    order = {f: i for i, (_k, f, _rx) in enumerate(_TEXT_PATTERNS)}
    for s in sorted(spans, key=lambda s: (order[s[3]], s[0])):
        if all(s[1] <= t[0] or t[1] <= s[0] for t in taken):
            taken.append(s)

    out: list[Residue] = []
    for start, end, kind, family in taken:
        src = doc.to_source_offset(start) if isinstance(doc, Document) else None
        out.append(Residue(kind, start, end, text[start:end], src, family))
    if removed:
        assert source_start is not None
        cum = 0
        for r in sorted(removed, key=lambda r: r.source_start):
            pos = r.source_start - source_start - cum
            cum += len(r.text)
            kind: ResidueKind = "watermark" if r.reason == "watermark" else "site_text"
            out.append(Residue(kind, pos, pos, r.text, r.source_start, r.reason))
    out.sort(key=lambda r: (r.start, r.end, r.source_start or 0))
    return out


__all__ = ["Residue", "ResidueKind", "find_residue"]
