"""A private ``jieba.Tokenizer`` (never jieba's global one), created lazily and warmed once.

Used for classifier features and word-level reuse alignment. Importing this module does
not import jieba; the first call does.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Iterator
from typing import Any

_lock = threading.Lock()


@functools.cache
def tokenizer() -> Any:
    """The shared private ``jieba.Tokenizer`` instance (dictionary loaded on first call)."""
    try:
        import jieba
    except ImportError:  # pragma: no cover - jieba is a hard dependency
        raise ImportError("summarykit needs jieba: pip install jieba") from None
    with _lock:
        # jieba logs "Building prefix dict…" at import/initialise; keep it quiet here
        logging.getLogger("jieba").setLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        tok.initialize()
    return tok


def words(text: str, *, hmm: bool = True) -> list[str]:
    """jieba words of ``text`` (no offsets)."""
    return tokenizer().lcut(text, HMM=hmm)


def tokens(text: str, *, hmm: bool = True) -> Iterator[tuple[str, int, int]]:
    """``(word, start, end)`` for every jieba token, offsets into ``text``."""
    return tokenizer().tokenize(text, HMM=hmm)
