"""Find site clutter, watermarks and page headers to delete. Deletion only.

Cleaning never rewrites a character of the report: it returns the spans to delete
(with reasons); ``ingest`` builds ``Document.text`` by leaving them out and records
each one in ``Document.removed``.
"""

from __future__ import annotations

import functools
import itertools

import regex

from ..resources import load_table

Span = tuple[int, int, str]  # start, end, reason (offsets in the decoded source)


@functools.cache
def _patterns() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    out = []
    for reason, pattern in load_table("clutter.tsv", columns=2):
        out.append((reason, regex.compile(pattern, regex.MULTILINE)))
    return tuple(out)


# Page chunks of docx/PDF previews on web pages begin with "N、" at a line start, and
# the chunk before usually stops mid-word ("新中国成\n2、立以来"). The number must run
# 1, 2, 3 … and chunks must be long, or it is a real list.
RE_PREVIEW_PAGE = regex.compile(r"(?m)^(\d{1,3})、")
_MIN_PAGE_CHUNK = 150
_SENTENCE_END = frozenset("。！？!?：:；;…\n")


def preview_page_markers(text: str) -> list[Span]:
    """Spans of preview page prefixes (``\\n2、``) to delete, or [] if not a preview."""
    hits = list(RE_PREVIEW_PAGE.finditer(text))
    if not hits or int(hits[0].group(1)) != 1:
        return []
    chain = [hits[0]]
    for m in hits[1:]:
        if int(m.group(1)) == int(chain[-1].group(1)) + 1:
            chain.append(m)
    banner = "由会员分享" in text[: hits[0].start()]
    gaps = [b.start() - a.start() for a, b in itertools.pairwise(chain)]
    if gaps and min(gaps) < _MIN_PAGE_CHUNK:
        return []
    # Evidence that these are page numbers, not a list: the preview banner, or a page break
    # that cuts a sentence (the text before "\n2、" does not end a sentence or a heading).
    cut_mid_sentence = any(
        m.start() >= 2
        and text[m.start() - 1] == "\n"
        and text[m.start() - 2] not in _SENTENCE_END
        and m.start() - 1 - (text.rfind("\n", 0, m.start() - 1) + 1) >= 80  # a long page line
        for m in chain[1:]
    )
    if not (banner or cut_mid_sentence):
        return []
    spans: list[Span] = []
    for m in chain:
        start = m.start()
        if start > 0 and text[start - 1] == "\n":
            # join the page break too, so a word split across pages is whole again
            prev_end = start - 1
            if prev_end > 0 and text[prev_end - 1] not in "。！？!?\n":
                start = prev_end
        spans.append((start, m.end(), "page_header"))
    return spans


def clutter_spans(text: str) -> list[Span]:
    """Every span to delete from ``text``, sorted and non-overlapping."""
    spans: list[Span] = []
    for reason, pattern in _patterns():
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            if end == len(text) and start < len(text) // 2 and "\n" in text[start:end].rstrip():
                # a "相关推荐 …" tail that would take most of the text is a sidebar above the
                # report, not a list of links after it: delete its line only, never the report
                end = text.index("\n", start) + 1
            if end > start:
                spans.append((start, end, reason))
    spans.extend(preview_page_markers(text))
    return merge_spans(spans)


def merge_spans(spans: list[Span]) -> list[Span]:
    """Sort and merge overlapping spans (the first reason wins)."""
    out: list[Span] = []
    for start, end, reason in sorted(spans):
        if out and start < out[-1][1]:
            ps, pe, pr = out[-1]
            out[-1] = (ps, max(pe, end), pr)
        else:
            out.append((start, end, reason))
    return out
