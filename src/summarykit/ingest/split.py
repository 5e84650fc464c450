"""Split a compilation (汇总N篇, 精选N篇, a numbered table of contents) into its reports.

Returns regions of the source; the caller turns each into a ``Document``. Text before
the first report (collection titles, a table of contents) is returned as spans to
delete, so it is recorded in the first document's ``removed`` and nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_CN_DIGITS = "零〇一二两三四五六七八九十百"
_NUM = rf"(?:\d{{1,3}}|[{_CN_DIGITS}]{{1,4}})"

# One report title per line: "社区妇联工作总结汇报 篇2", "篇3", "【第一篇】…", "第2篇 …"
RE_PIAN_TITLE = regex.compile(
    rf"(?m)^[ \t\u3000]*(?:"
    rf"(?P<t1>[^\n]{{0,60}}?)[ \t\u3000]*[【\[(（]?篇[ \t\u3000]*(?P<n1>{_NUM})[】\])）]?"
    rf"|[【\[]第(?P<n2>{_NUM})篇[】\]][ \t\u3000:：]*(?P<t2>[^\n]{{0,60}}?)"
    rf"|第(?P<n3>{_NUM})篇[ \t\u3000:：]+(?P<t3>[^\n]{{0,60}}?)"
    rf")[ \t\u3000]*\r?$"
)
RE_TOC_HEAD = regex.compile(r"(?m)^[ \t\u3000]*目[ \t\u3000]*录[ \t\u3000]*\r?$")
RE_TOC_LINE = regex.compile(
    r"(?m)^[ \t\u3000]*(?P<n>\d{1,3})[.．、][ \t\u3000]*(?P<title>[^\n]{2,80}?)[ \t\u3000]*(?P<page>\d{1,4})?[ \t\u3000]*\r?$"
)
_COLLECTION_WORDS = regex.compile(r"汇总|精选|合集|汇编|范文|\d+篇|篇\)|篇）")


@dataclass(frozen=True, slots=True)
class Region:
    start: int
    end: int
    title: str
    key: str
    """Short id within the file: ``篇2`` or ``3``."""


def _cn_int(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
    total, cur = 0, 0
    for ch in s:
        if ch in digits:
            cur = digits[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            return None
    return total + cur


def _pian_titles(text: str) -> list[tuple[int, int, str]]:
    """(line start, number, title line) of 篇N titles forming a run 1, 2, 3 …"""
    found = []
    for m in RE_PIAN_TITLE.finditer(text):
        num = m.group("n1") or m.group("n2") or m.group("n3")
        n = _cn_int(num)
        if n is None:
            continue
        line = m.group(0).strip()
        # a collection header such as "工作总结(汇总14篇)" is not a report title
        if m.group("n1") and _COLLECTION_WORDS.search(line) and not regex.search(r"篇[ \t\u3000]*" + regex.escape(num) + r"[】\])）]?$", line):
            continue
        if regex.search(r"[。；;]", line):
            continue
        found.append((m.start() + len(m.group(0)) - len(m.group(0).lstrip()), n, line))
    # keep the longest increasing-by-one chain (titles may be quoted in body text too)
    best: list[tuple[int, int, str]] = []
    for i, first in enumerate(found):
        chain = [first]
        for cand in found[i + 1 :]:
            if cand[1] == chain[-1][1] + 1:
                chain.append(cand)
        if len(chain) > len(best):
            best = chain
    return best if len(best) >= 2 else []


def _toc_titles(text: str) -> tuple[list[tuple[int, str]], tuple[int, int] | None]:
    """Report starts found from a numbered table of contents, and the TOC's span."""
    head = RE_TOC_HEAD.search(text)
    if not head:
        return [], None
    entries, pos, toc_end = [], head.end(), head.end()
    expected = 1
    while True:
        m = RE_TOC_LINE.search(text, pos)
        if not m or text[pos : m.start()].strip():
            break
        if int(m.group("n")) != expected:
            break
        entries.append(m.group("title").strip())
        expected += 1
        pos = toc_end = m.end()
    if len(entries) < 2:
        return [], None
    starts = []
    search_from = toc_end
    for title in entries:
        m = regex.search(r"(?m)^[ \t\u3000]*" + regex.escape(title) + r"[ \t\u3000]*\r?$", text, pos=search_from)
        if m:
            line_start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            starts.append((line_start, title))
            search_from = m.end()
    return starts, (head.start(), toc_end)


def split_regions(text: str) -> tuple[list[Region], list[tuple[int, int, str]]]:
    """Regions of the reports in ``text`` and prefix spans to delete (start, end, reason).

    A text that is not a compilation is one region covering everything.
    """
    starts: list[tuple[int, str, str]] = []
    pian = _pian_titles(text)
    toc_span = None
    if pian:
        starts = [(pos, title, f"篇{n}") for pos, n, title in pian]
    else:
        toc, toc_span = _toc_titles(text)
        if toc:
            starts = [(pos, title, str(i + 1)) for i, (pos, title) in enumerate(toc)]
    if not starts:
        return [Region(0, len(text), "", "")], []
    # (a table of contents whose first report alone survives still gives one region)
    regions = []
    for i, (pos, title, key) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        regions.append(Region(0 if i == 0 else pos, end, title, key))
    deletions = []
    prefix_end = starts[0][0]
    if prefix_end > 0:
        if toc_span is not None:
            if toc_span[0] > 0:
                deletions.append((0, toc_span[0], "collection_header"))
            deletions.append((toc_span[0], prefix_end, "table_of_contents"))
        else:
            deletions.append((0, prefix_end, "collection_header"))
    return regions, deletions
