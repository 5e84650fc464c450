"""Spin signature of a single report: the unidiomatic collocations a synonym spinner leaves.

A spinner (伪原创) swaps words for "synonyms" without regard to collocation: 起到了积极的推动作用
becomes 起到了用心的推动作用, 取得了一定的成绩 becomes 取得了必须的成绩, 文明社区 becomes 礼貌社区,
特别是广大妇女 becomes 个性是广大妇女. A person does not write these. Finding them needs no
second document, so a spun report whose source is not in the collection can still be flagged.

How it works, per document:

1. Find every occurrence of a spun word of the shipped lexicon ``spin_pairs.tsv``
   (``original<TAB>spun``) whose original has collocation contexts in ``spin_collocations.tsv``.
2. Look at the right and left context, skipping quotes (“ ” 《 》). The occurrence counts when the
   *original* word is idiomatic in that context (积极 + 参与, 一定 + 的成绩, 巾帼 + 文明) and the
   spun word is not idiomatic there in its own right (用心 + 学习, 建立 + 健全 clear it).
3. Check that the word stands as a word (jieba tokenization of a small window). For example, 显着
   in 彰显着 is 彰显 + 着.

``score`` is spinner words per 1,000 characters of ``Document.text``. ``evidence`` lists each
collocation with its span, the idiomatic form and the rule that fired.

>>> r = spin_score("为社区妇联工作起到了用心的推动作用，省级“礼貌社区”。")
>>> [(e.text, e.expected) for e in r.evidence]
[('用心的推动作用', '积极的推动作用'), ('礼貌社区', '文明社区')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..errors import type_error
from ..model import Document

_QUOTES = "“”‘’\"'《》「」『』〈〉"
_WINDOW = 24


class SpinEvidence(NamedTuple):
    """One spinner collocation: ``text == doc.text[start:end]`` (the word and its context)."""

    start: int
    end: int
    text: str
    expected: str
    """The idiomatic form: the same span with the original word put back (用心参与 → 积极参与)."""
    pattern: str
    """The rule that fired, e.g. ``积极→用心 R:参与``."""
    word: str
    """The spinner word as written (用心)."""
    original: str
    """The word it replaced (积极)."""

    def to_dict(self) -> dict[str, Any]:
        return dict(self._asdict())


@dataclass(frozen=True, slots=True)
class SpinResult:
    """Spin signature of one document."""

    score: float
    """Spinner words per 1,000 characters of the document text."""
    count: int
    chars: int
    evidence: tuple[SpinEvidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 3),
            "count": self.count,
            "chars": self.chars,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class SpinLexicon:
    """Spinner pairs with the contexts that betray them (see ``spin_collocations.tsv``)."""

    originals: Mapping[str, tuple[str, ...]]
    """spun word → the original words it replaces (only pairs with collocation contexts)."""
    right: Mapping[str, re.Pattern[str]]
    left: Mapping[str, re.Pattern[str]]
    ok_right: Mapping[str, re.Pattern[str]]
    ok_left: Mapping[str, re.Pattern[str]]
    words: re.Pattern[str]
    """Alternation of every spun word, longest first."""

    @classmethod
    def from_rows(
        cls,
        pairs: list[tuple[str, str]],
        rows: list[tuple[str, str, str]],
        *,
        source: str = "<rows>",
    ) -> SpinLexicon:
        """Build from ``(original, spun)`` pairs and ``(word, side, regex)`` collocation rows."""
        groups: dict[str, dict[str, list[str]]] = {"R": {}, "L": {}, "okR": {}, "okL": {}}
        for word, side, rx in rows:
            if side not in groups:
                raise ValueError(
                    f"{source}: side must be R, L, okR or okL, got {side!r} for {word!r}"
                )
            try:
                re.compile(rx)
            except re.error as exc:
                raise ValueError(f"{source}: bad regex for {word!r} {side}: {exc}") from None
            groups[side].setdefault(word, []).append(rx)
        right = {w: re.compile("(?:" + "|".join(v) + ")") for w, v in groups["R"].items()}
        left = {w: re.compile("(?:" + "|".join(v) + ")$") for w, v in groups["L"].items()}
        ok_right = {w: re.compile("(?:" + "|".join(v) + ")") for w, v in groups["okR"].items()}
        ok_left = {w: re.compile("(?:" + "|".join(v) + ")$") for w, v in groups["okL"].items()}
        originals: dict[str, list[str]] = {}
        for o, s in pairs:
            if o in right or o in left:
                originals.setdefault(s, [])
                if o not in originals[s]:
                    originals[s].append(o)
        if not originals:
            words = re.compile(r"(?!x)x")
        else:
            words = re.compile(
                "|".join(re.escape(w) for w in sorted(originals, key=lambda w: (-len(w), w)))
            )
        return cls(
            {s: tuple(o) for s, o in originals.items()}, right, left, ok_right, ok_left, words
        )


@functools.cache
def default_lexicon() -> SpinLexicon:
    """The shipped lexicon: ``spin_pairs.tsv`` + ``spin_collocations.tsv`` (loaded once)."""
    from ..resources import load_table

    pairs = [(o, s) for o, s in load_table("spin_pairs.tsv", columns=2)]
    rows = [(w, side, rx) for w, side, rx in load_table("spin_collocations.tsv", columns=3)]
    return SpinLexicon.from_rows(pairs, rows, source="spin_collocations.tsv")


def _skip_right(text: str, j: int) -> int:
    while j < len(text) and text[j] in _QUOTES:
        j += 1
    return j


def _skip_left(text: str, i: int) -> int:
    while i > 0 and text[i - 1] in _QUOTES:
        i -= 1
    return i


def _is_word(text: str, i: int, j: int) -> bool:
    """Whether ``text[i:j]`` stands as a word: no jieba token of a small window runs across its
    start (显着 in 彰显着 is 彰显 + 着) or contains it (个性 in 个性化). A token that takes the
    word's last character together with the context (用 + 心性 in 用心性) does not count: the
    spinner's collocation is exactly what confuses the segmenter.
    """
    from ..tokenize import tokens

    a, b = max(0, i - 8), min(len(text), j + 8)
    for _w, s, e in tokens(text[a:b], hmm=False):
        s, e = a + s, a + e
        if s < i < e:
            return False
        if s <= i and j <= e and e - s > j - i:
            return False
    return True


def spin_score(doc: Document | str, *, lexicon: SpinLexicon | None = None) -> SpinResult:
    """Spinner words per 1,000 characters of ``doc``, with the collocations as evidence.

    ``doc`` is a ``Document`` or a plain string; offsets are into ``doc.text`` (or the string).
    """
    if isinstance(doc, Document):
        text = doc.text
    elif isinstance(doc, str):
        text = doc
    else:
        raise type_error("doc", "a Document or a str", doc)
    lex = lexicon or default_lexicon()
    evidence: list[SpinEvidence] = []
    for m in lex.words.finditer(text):
        s, i, j = m.group(), m.start(), m.end()
        q = _skip_right(text, j)
        p = _skip_left(text, i)
        ok_r, ok_l = lex.ok_right.get(s), lex.ok_left.get(s)
        if ok_r is not None and ok_r.match(text, q, q + _WINDOW):
            continue
        if ok_l is not None and ok_l.search(text, max(0, p - _WINDOW), p):
            continue
        hit = None
        for o in lex.originals[s]:
            r = lex.right.get(o)
            if r is not None and (mr := r.match(text, q, q + _WINDOW)) and mr.end() > q:
                hit = (o, "R", i, mr.end(), mr.group())
                break
            left = lex.left.get(o)
            if (
                left is not None
                and (ml := left.search(text, max(0, p - _WINDOW), p))
                and ml.start() < p
            ):
                hit = (o, "L", ml.start(), j, ml.group())
                break
        if hit is None or not _is_word(text, i, j):
            continue
        o, side, start, end, ctx = hit
        span = text[start:end]
        expected = span[: i - start] + o + span[j - start :]
        evidence.append(SpinEvidence(start, end, span, expected, f"{o}→{s} {side}:{ctx}", s, o))
    chars = len(text)
    score = 1000.0 * len(evidence) / chars if chars else 0.0
    return SpinResult(score=score, count=len(evidence), chars=chars, evidence=tuple(evidence))


__all__ = ["SpinEvidence", "SpinLexicon", "SpinResult", "default_lexicon", "spin_score"]
