"""summarykit.plot: Chinese labels in a CJK font (no tofu), one warning when none exists,
and the numbers behind each figure."""

from __future__ import annotations

import subprocess
import sys
import warnings

import pytest

pytest.importorskip("matplotlib")
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from conftest import SEED

import summarykit
import summarykit.plot as skplot
from summarykit.errors import SummaryKitError, SummaryKitWarning


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def seed_corpus_segmented():
    return summarykit.load(SEED, stages=("segment",))


@pytest.fixture(scope="module")
def seed_reuse(seed_corpus_segmented):
    from summarykit.reuse import find_reuse

    return find_reuse(seed_corpus_segmented, n_jobs=1)


def sections_frame_zh() -> pd.DataFrame:
    """A hand-made sections frame with Chinese group names and known shares."""
    return pd.DataFrame(
        {
            "doc_id": ["社区妇联/篇1", "社区妇联/篇1", "社区妇联/篇2", "村委会/篇3"],
            "单位": ["妇联", "妇联", "妇联", "村委会"],
            "level": [1, 1, 1, 1],
            "category": ["organization", "assistance", "organization", None],
            "n_chars": [300, 100, 200, 50],
        }
    )


def test_importing_plot_does_not_import_matplotlib():
    code = "import sys, summarykit.plot; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_category_table_shares():
    table = skplot.category_table(sections_frame_zh(), by="单位")
    assert list(table.index) == ["妇联", "村委会"]  # corpus order, not sorted
    assert table.loc["妇联", "organization"] == pytest.approx(500 / 600)
    assert table.loc["妇联", "assistance"] == pytest.approx(100 / 600)
    assert table.loc["村委会", "unclassified"] == pytest.approx(1.0)
    assert table.sum(axis=1).tolist() == pytest.approx([1.0, 1.0])
    counts = skplot.category_table(
        sections_frame_zh(), by="doc_id", weight="sections", normalize=False
    )
    assert counts.loc["社区妇联/篇1"].sum() == 2


def test_category_table_says_how_to_get_a_missing_grouping_column():
    with pytest.raises(SummaryKitError, match="documents_frame"):
        skplot.category_table(sections_frame_zh(), by="unit_kind")


def test_chinese_labels_render_without_missing_glyphs(tmp_path, seed_corpus_segmented):
    if skplot.cjk_font() is None:
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ax = skplot.category_mix(sections_frame_zh(), by="单位")
        ax.set_title("类别构成：妇联与村委会")  # a user's own Chinese title after the fact
        ax.figure.savefig(tmp_path / "mix.png", dpi=60)
        ax = skplot.similarity_heatmap(seed_corpus_segmented)
        ax.figure.savefig(tmp_path / "heat.png", dpi=60)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message).lower()]
    assert missing == []
    assert (tmp_path / "mix.png").stat().st_size > 5_000
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[:2] == ["篇1", "篇2"]


def test_without_a_cjk_font_one_clear_warning(monkeypatch):
    monkeypatch.setattr(skplot, "CJK_FONTS", ("No Such CJK Font",))
    monkeypatch.setattr(skplot, "_FONT_FILE_HINTS", ("no-such-font-file",))
    skplot.cjk_font.cache_clear()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            skplot.category_mix(sections_frame_zh(), by="单位")
            skplot.category_mix(sections_frame_zh(), by="doc_id")
        ours = [w for w in caught if issubclass(w.category, SummaryKitWarning)]
        assert len(ours) == 1
        assert "apt-get install fonts-noto-cjk" in str(ours[0].message)
    finally:
        skplot.cjk_font.cache_clear()


def test_category_mix_warns_when_nothing_is_classified():
    frame = sections_frame_zh().assign(category=None)
    with pytest.warns(SummaryKitWarning, match="no section has a category"):
        skplot.category_mix(frame, by="单位")


def test_similarity_matrix_from_corpus_finds_the_copied_pair(seed_corpus_segmented):
    sim = skplot.similarity_matrix(seed_corpus_segmented)
    assert (sim.to_numpy() == sim.to_numpy().T).all()
    assert sim.to_numpy().diagonal() == pytest.approx([1.0] * len(sim))
    p2 = "000_13ecb70c73c97d6a/篇2"
    assert sim.loc[p2].drop(p2).idxmax() == "000_13ecb70c73c97d6a/篇6"


def test_similarity_from_reuse_report_and_copy_ratio_plot(
    seed_reuse, seed_corpus_segmented, tmp_path
):
    sim = skplot.similarity_matrix(seed_reuse, corpus=seed_corpus_segmented)
    p2, p6, p3 = (f"000_13ecb70c73c97d6a/篇{i}" for i in (2, 6, 3))
    assert sim.loc[p2, p6] == sim.loc[p6, p2] > 0.05
    assert sim.loc[p3].drop(p3).max() == 0.0  # 篇3 shares nothing
    ax = skplot.copy_ratio_distribution(seed_reuse)
    assert ax.get_legend() is not None and len(ax.patches) >= 2
    names = " ".join(t.get_text() for t in ax.texts)
    assert "篇2" in names  # the most-copied report is named
    ax.figure.savefig(tmp_path / "ratios.png", dpi=60)


def test_copy_ratio_needs_a_reuse_report():
    with pytest.raises(TypeError, match="ReuseReport"):
        skplot.copy_ratio_distribution(object())
