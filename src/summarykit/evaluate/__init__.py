"""Evaluation against the team's gold data in ``corpora/gold/`` (one module per stage).

``summarykit evaluate sections|entities|categories|reuse [PATH…]`` runs that module's ``main``.
The gold-file plumbing shared by the stages lives here: gold folders by kind (seed/dev gold,
the first held-out set, the blind second one), the source file a gold file names, and the
*split* of a source (the ``corpora/`` folder it lives in).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

GOLD = Path("corpora") / "gold"


def repo_root(probe: Path) -> Path:
    """The checkout this package runs from (the folder holding ``probe``), else cwd."""
    for parent in Path(__file__).resolve().parents:
        if (parent / probe).is_dir():
            return parent
    return Path.cwd()


def default_gold_dirs(kind: str) -> list[Path]:
    """Existing gold folders for ``kind`` (``sections``, ``entities``): the development gold,
    ``holdout_<kind>`` (held out, then used for development), ``holdout2_<kind>`` and
    ``holdout3_<kind>`` (blind: never used for tuning)."""
    main = GOLD / kind
    base = Path.cwd() if (Path.cwd() / main).is_dir() else repo_root(main)
    subdirs = (main, *(GOLD / f"holdout{n}_{kind}" for n in ("", "2", "3")))
    return [base / sub for sub in subdirs if (base / sub).is_dir()] or [base / main]


def gold_files(paths: Iterable[str | Path], kind: str) -> list[Path]:
    """Gold JSON files named by ``paths`` (files or folders); default: all gold of ``kind``."""
    out: list[Path] = []
    for p in map(Path, list(paths) or default_gold_dirs(kind)):
        if p.is_dir():
            out.extend(sorted(p.glob("*.json")))
        elif p.is_file():
            out.append(p)
        else:
            raise FileNotFoundError(f"no such gold file or folder: {p}")
    return out


def resolve_source(gold_path: Path, source: str) -> Path:
    """The source file a gold file names (relative to cwd or to the repository)."""
    candidates = [Path(source), Path.cwd() / source]
    parents = gold_path.resolve().parents
    if len(parents) > 3:  # corpora/gold/<kind>/x.json → the repository is three folders up
        candidates.append(parents[3] / source)
    candidates.append(repo_root(GOLD) / source)
    for c in candidates:
        if c.is_file():
            return c
    raise FileNotFoundError(f"{gold_path}: source file {source!r} not found")


def split_of(source: str, default: str = "other") -> str:
    """The ``corpora/`` folder ``source`` lives in (``seed``, ``dev``, ``holdout`` …)."""
    parts = Path(source).parts
    for i, part in enumerate(parts[:-2]):
        if part == "corpora":
            return parts[i + 1]
    return default
