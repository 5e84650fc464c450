"""Shared pieces of the entity recognizers: candidates, lexicon patterns, character classes."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..resources import load_lines, load_table

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Han characters (CJK unified ideographs, extension A, compatibility)."""

OPEN_Q = "“\"「『‘'"
CLOSE_Q = "”\"」』’'"
QUOTES = OPEN_Q + CLOSE_Q


@dataclass(slots=True)
class Cand:
    """A candidate entity before overlap resolution.

    ``prio`` breaks ties between candidates of equal length (and lets strong readings such
    as a quoted honor beat a longer weak one, see ``__init__._resolve``).
    """

    label: str
    start: int
    end: int
    prio: int = 50
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def length(self) -> int:
        return self.end - self.start


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so the longest one matches)."""
    uniq = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in uniq)


@functools.cache
def lexicon(name: str) -> frozenset[str]:
    """The words of ``resources/data/<name>`` as a set."""
    return frozenset(load_lines(name))


@functools.cache
def lexicon_pattern(name: str) -> str:
    """A longest-first alternation of the words of ``resources/data/<name>``."""
    return alternation(load_lines(name))


def table(name: str, columns: int) -> tuple[tuple[str, ...], ...]:
    return load_table(name, columns=columns)


def is_han(ch: str) -> bool:
    return bool(ch) and (
        "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"
    )


@functools.cache
def _simplified_table() -> dict[int, str]:
    """Traditional → simplified, character by character (zhconv's one-character entries)."""
    try:
        from zhconv import zhconv as _zh
    except ImportError:  # pragma: no cover - zhconv is a dependency
        return {}
    return {
        ord(t): v
        for t, v in _zh.getdict("zh-hans").items()
        if len(t) == 1 and len(v) == 1 and t != v
    }


def to_simplified(text: str) -> str:
    """``text`` with traditional characters folded to simplified ones, one character for one
    (社區 → 社区, 總結 → 总结), so offsets are unchanged: the lexicons and jieba's dictionary
    are simplified, and the recognizers read this view while entities slice the original."""
    return text.translate(_simplified_table())


PLACEHOLDER_RE = re.compile(r"[_＿]|(?<![A-Za-z])[xXｘＸ×]+(?![A-Za-z])|\*|某某|某")


def has_placeholder(s: str) -> bool:
    return bool(PLACEHOLDER_RE.search(s))
