"""Passages shared by many documents are template text, not copies.

A pair of documents sharing a passage is evidence of copying; the same passage in four
or more documents is a formula the genre repeats (``高举中国特色社会主义伟大旗帜，以…为
指导…``, the thanks at the end of every national government report). The chance model
cannot always tell: a long formula paragraph that only national reports use has rare
k-grams, so two reports sharing it look like a copy. What it cannot see, the matches
themselves show: the same region matched with several other documents.

``template_matches`` groups matches into components: two matches are linked when their
spans in a document they share overlap by at least ``overlap`` of the shorter span. A
component that links at least ``min_docs`` distinct documents is template text, and its
matches leave the copies, with one guard so that real copying is not hidden behind a
formula it contains: a match keeps its place as a copy when, on both its sides, at least
``min_chars`` of its span are covered by no match of the component with a *third*
document — the pair shares more than the template (a copied paragraph that happens to
contain a formula sentence; two consecutive years' reports that repeat a whole paragraph
around the formula). The guard is positional, not a length ratio: it asks whether the
pair has shared text the others do not have, which is what a copy is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Match


@dataclass(frozen=True)
class SharedPassage:
    """A component of template matches: the documents it links and their spans."""

    members: tuple[int, ...]
    """Indices (into the matches given) of the matches that are template text."""
    docs: tuple[str, ...]
    """The documents the component links (every document of the component)."""
    spans: dict[str, list[tuple[int, int]]]
    """Per document, the spans of its template matches (``Document.text`` offsets)."""
    center: int
    """The member linked to most other documents (its text stands for the passage)."""


def _sides(m: Match) -> tuple[tuple[str, int, int], tuple[str, int, int]]:
    return (m.doc_a, m.start_a, m.end_a), (m.doc_b, m.start_b, m.end_b)


def _uncovered(s: int, e: int, spans: Sequence[tuple[int, int]]) -> int:
    """Characters of ``[s, e)`` covered by none of ``spans``."""
    covered = 0
    cur = s
    for a, b in sorted(spans):
        a, b = max(a, cur), min(b, e)
        if b > a:
            covered += b - a
            cur = b
    return (e - s) - covered


def template_matches(
    matches: Sequence[Match], *, min_docs: int = 4, min_chars: int = 30, overlap: float = 0.5
) -> list[SharedPassage]:
    """Components of ``matches`` linking at least ``min_docs`` documents (see the module
    docstring); each lists the members that are template text (guarded ones excluded)."""
    if min_docs < 2 or len(matches) < 2:
        return []
    parent = list(range(len(matches)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_doc: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for i, m in enumerate(matches):
        for d, s, e in _sides(m):
            by_doc[d].append((s, e, i))
    # overlapping spans in one document: sweep by start
    for d in sorted(by_doc):
        spans = sorted(by_doc[d])
        for a in range(len(spans)):
            s1, e1, i = spans[a]
            for b in range(a + 1, len(spans)):
                s2, e2, j = spans[b]
                if s2 >= e1:
                    break
                ov = min(e1, e2) - s2
                if i != j and ov > 0 and ov >= overlap * min(e1 - s1, e2 - s2):
                    ri, rj = find(i), find(j)
                    if ri != rj:
                        parent[max(ri, rj)] = min(ri, rj)
    comps: dict[int, list[int]] = defaultdict(list)
    for i in range(len(matches)):
        comps[find(i)].append(i)
    out: list[SharedPassage] = []
    for root in sorted(comps):
        members = comps[root]
        docs = {d for i in members for d in (matches[i].doc_a, matches[i].doc_b)}
        if len(docs) < min_docs:
            continue
        # per document: (span, partner document) of every member
        spans_in: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for i in members:
            m = matches[i]
            spans_in[m.doc_a].append((m.start_a, m.end_a, m.doc_b))
            spans_in[m.doc_b].append((m.start_b, m.end_b, m.doc_a))
        template: list[int] = []
        for i in members:
            m = matches[i]
            free = []
            for (d, s, e), partner in ((_sides(m)[0], m.doc_b), (_sides(m)[1], m.doc_a)):
                others = [(a, b) for a, b, p in spans_in[d] if p != partner]
                free.append(_uncovered(s, e, others))
            if min(free) >= min_chars:
                continue  # the pair shares more than the template: a copy
            template.append(i)
        if not template:
            continue
        tdocs = sorted({d for i in template for d in (matches[i].doc_a, matches[i].doc_b)})
        if len(tdocs) < min_docs:
            continue
        tspans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        links: dict[int, set[str]] = {}
        for i in template:
            m = matches[i]
            tspans[m.doc_a].append((m.start_a, m.end_a))
            tspans[m.doc_b].append((m.start_b, m.end_b))
            linked = {m.doc_a, m.doc_b}
            for d, s, e in _sides(m):
                for a, b, p in spans_in[d]:
                    if min(b, e) - max(a, s) >= overlap * min(b - a, e - s):
                        linked.add(p)
            links[i] = linked
        center = min(
            template, key=lambda i: (-len(links[i]), matches[i].end_a - matches[i].start_a, i)
        )
        out.append(SharedPassage(tuple(template), tuple(tdocs), dict(tspans), center))
    return out


__all__ = ["SharedPassage", "template_matches"]
