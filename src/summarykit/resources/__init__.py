"""Lexicons and patterns shipped as package data, loaded lazily and cached.

Files are line-oriented UTF-8 under ``resources/data/``. Blank lines and lines starting
with ``#`` are ignored. Tab-separated fields are split. A parse error cites file and line.
"""

from __future__ import annotations

import functools
from importlib import resources

from ..errors import ResourceError


def _read(name: str) -> str:
    try:
        return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ResourceError(f"packaged resource {name!r} is missing") from None


@functools.cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-blank, non-comment lines of ``data/<name>``, stripped."""
    out = []
    for line in _read(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@functools.cache
def load_table(name: str, *, columns: int) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of ``data/<name>`` with exactly ``columns`` fields each."""
    rows = []
    for lineno, line in enumerate(_read(name).splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = tuple(f.strip() for f in line.split("\t"))
        if len(fields) != columns:
            raise ResourceError(
                f"{name}:{lineno}: expected {columns} tab-separated fields, got {len(fields)}"
            )
        rows.append(fields)
    return tuple(rows)


def data_path(name: str):
    """A ``Traversable`` for ``data/<name>`` (for readers that need a file object)."""
    return resources.files(__package__).joinpath("data", name)
