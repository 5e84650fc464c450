"""Cross-document reuse detection (issue 5): copied passages, spinner substitutions,
template boilerplate.

>>> from summarykit.reuse import find_reuse  # doctest: +SKIP

Modules: ``normalize`` (folded matching view with offsets back to the text),
``candidates`` (exact pairs / fingerprint index), ``align`` (passage alignment),
``boilerplate`` (chance model, template phrases), ``shared`` (passages shared by
many documents are template text), ``detect`` (``find_reuse``),
``report`` (``ReuseReport``). Importing this package loads nothing heavy.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ReuseReport", "find_reuse"]


def __getattr__(name: str) -> Any:
    if name == "find_reuse":
        from .detect import find_reuse

        return find_reuse
    if name == "ReuseReport":
        from .report import ReuseReport

        return ReuseReport
    raise AttributeError(f"module 'summarykit.reuse' has no attribute {name!r}")
