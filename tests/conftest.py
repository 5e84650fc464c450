from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SEED = CORPORA / "seed" / "000_13ecb70c73c97d6a.txt"
DEV = CORPORA / "dev"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_corpus():
    import summarykit

    return summarykit.load(SEED)
