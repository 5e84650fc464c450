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


PLACEHOLDER_RE = re.compile(r"[_＿]|(?<![A-Za-z])[xXｘＸ×]+(?![A-Za-z])|\*|某某|某")


def has_placeholder(s: str) -> bool:
    return bool(PLACEHOLDER_RE.search(s))
