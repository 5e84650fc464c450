"""The examples in README.md run as written.

Python blocks of one file run in order in one fresh interpreter (like a reader pasting them
into one session); lines of ``sh``/``console``/``bash`` blocks that start with ``summarykit``
run as commands. Everything runs in a scratch folder that sees the repository's ``corpora/``,
so files the examples write (``out/…``, ``*.png``) land there. A block right after
``<!-- no-test -->`` is skipped.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys

import pytest
from conftest import ROOT

FENCE = re.compile(
    r"(<!--\s*no-test\s*-->\s*)?^```(\w*)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL
)
PAGES = [ROOT / "README.md"]


def blocks(path):  # type: ignore[no-untyped-def]
    text = path.read_text(encoding="utf-8")
    return [(lang, body) for skip, lang, body in FENCE.findall(text) if not skip]


def commands(path) -> list[str]:  # type: ignore[no-untyped-def]
    out = []
    for lang, body in blocks(path):
        if lang in ("sh", "console", "bash", "shell"):
            for line in body.splitlines():
                line = line.strip().removeprefix("$ ")
                if line.startswith("summarykit "):
                    out.append(line.split("  #", 1)[0].strip())
    return out


@pytest.fixture()
def scratch(tmp_path):  # type: ignore[no-untyped-def]
    (tmp_path / "corpora").symlink_to(ROOT / "corpora", target_is_directory=True)
    return tmp_path


def _env() -> dict[str, str]:
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONWARNINGS="ignore")
    return env


def test_the_pages_exist():
    assert all(p.exists() for p in PAGES)


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_python_examples_run(page, scratch):
    """Every Python block runs; one followed by a ``text`` block prints exactly that."""
    found = blocks(page)
    code = [(i, body) for i, (lang, body) in enumerate(found) if lang in ("python", "py")]
    if not code:
        pytest.skip(f"{page.name} has no Python examples yet")
    script = "\n\n".join(f"print('@@block {i}@@')\n{body}" for i, body in code)
    run = subprocess.run(
        [sys.executable, "-c", script],
        check=False,
        cwd=scratch,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, f"{page.name} examples failed:\n{run.stderr[-3000:]}"
    printed = dict(re.findall(r"@@block (\d+)@@\n(.*?)(?=@@block \d+@@|\Z)", run.stdout, re.DOTALL))
    for i, _ in code:
        if i + 1 < len(found) and found[i + 1][0] == "text":
            assert printed[str(i)].strip() == found[i + 1][1].strip(), (
                f"{page.name}: block {i} prints something else"
            )


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_shell_examples_run(page, scratch):
    lines = commands(page)
    if not lines:
        pytest.skip(f"{page.name} has no summarykit commands")
    for line in lines:
        argv = shlex.split(line)
        run = subprocess.run(
            [sys.executable, "-m", "summarykit", *argv[1:]],
            check=False,
            cwd=scratch,
            env=_env(),
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert run.returncode == 0, f"{line!r} failed ({run.returncode}):\n{run.stderr[-3000:]}"
