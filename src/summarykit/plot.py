"""The figures researchers ask for first, with Chinese text in a CJK font.

>>> import summarykit, summarykit.plot as skplot            # doctest: +SKIP
>>> corpus = summarykit.load("corpora/dev")                  # doctest: +SKIP
>>> skplot.category_mix(corpus, by="unit_kind")              # doctest: +SKIP
>>> skplot.similarity_heatmap(corpus)                        # doctest: +SKIP

matplotlib is imported only when a plot is drawn (``pip install 'summarykit[plot]'``). Every
helper returns the matplotlib ``Axes`` it drew on (pass ``ax=`` to draw into your own figure) and
sets a CJK font on the text it creates, without touching matplotlib's global settings; call
``use_cjk_font()`` once to make your own plots use it too. When no CJK font is installed, one
``SummaryKitWarning`` says how to install one (instead of silent tofu boxes).
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from .errors import SummaryKitError, SummaryKitWarning, type_error
from .report import category_color

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes

CJK_FONTS: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans CJK TC",
    "Noto Sans CJK JP",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "STHeiti",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "AR PL UMing CN",
    "AR PL UKai CN",
    "Droid Sans Fallback",
    "Arial Unicode MS",
)
"""Font families tried, in order of preference."""

_FONT_FILE_HINTS = (
    "cjk",
    "wqy",
    "wenquanyi",
    "sourcehan",
    "simhei",
    "msyh",
    "pingfang",
    "droidsansfallback",
    "uming",
    "ukai",
)

FONT_HINT = (
    "no CJK font found, so Chinese text would show as empty boxes. Install one, e.g. "
    "`apt-get install fonts-noto-cjk` (Debian/Ubuntu), `dnf install google-noto-sans-cjk-fonts` "
    "(Fedora), `brew install --cask font-noto-sans-cjk-sc` (macOS); then restart Python. "
    "If matplotlib still does not see it, delete matplotlib's font cache (matplotlib.get_cachedir())."
)


def _matplotlib():  # type: ignore[no-untyped-def]
    try:
        import matplotlib
    except ImportError:
        raise ImportError(
            "summarykit.plot needs matplotlib: pip install 'summarykit[plot]' (or pip install matplotlib)"
        ) from None
    return matplotlib


@functools.lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The family name of a CJK font matplotlib can use, or ``None`` (with one warning).

    Looks in matplotlib's font list first, then in the system font folders (a font installed
    after matplotlib built its cache is added, for this process only).
    """
    _matplotlib()
    from matplotlib import font_manager

    def known() -> set[str]:
        return {f.name for f in font_manager.fontManager.ttflist}

    names = known()
    for family in CJK_FONTS:
        if family in names:
            return family
    for path in font_manager.findSystemFonts():
        low = path.lower().replace("-", "").replace("_", "")
        if any(h in low for h in _FONT_FILE_HINTS):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # pragma: no cover - unreadable font file
                continue
    names = known()
    for family in CJK_FONTS:
        if family in names:
            return family
    warnings.warn(FONT_HINT, SummaryKitWarning, stacklevel=3)
    return None


def _families() -> list[str]:
    family = cjk_font()
    return [family, "DejaVu Sans"] if family else ["DejaVu Sans"]


def use_cjk_font() -> str | None:
    """Put the CJK font first in matplotlib's ``font.sans-serif`` (for your own plots too).

    This changes matplotlib's global settings, which the other helpers never do. Returns the
    family used, or ``None`` when none is installed (after one warning).
    """
    family = cjk_font()
    if family:
        import matplotlib

        current = [f for f in matplotlib.rcParams["font.sans-serif"] if f != family]
        matplotlib.rcParams["font.sans-serif"] = [family, *current]
        matplotlib.rcParams["font.family"] = "sans-serif"
        matplotlib.rcParams["axes.unicode_minus"] = False
    return family


def apply_cjk_font(fig_or_ax: Any) -> Any:
    """Set the CJK font on every text of a figure (or an Axes' figure), ticks made later too."""
    from matplotlib.text import Text

    fig = getattr(fig_or_ax, "figure", None) or fig_or_ax
    families = _families()
    for text in fig.findobj(Text):
        text.set_fontfamily(families)
    for ax in fig.axes:
        ax.tick_params(which="both", labelfontfamily=families)
    return fig_or_ax


def _new_ax(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _matplotlib()
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def short_labels(ids: Sequence[str]) -> list[str]:
    """Document ids shortened to their last ``/`` part (``…/篇2`` → ``篇2``) where that part is
    not a bare number and all labels stay unique."""
    short = [str(i).rsplit("/", 1)[-1] for i in ids]
    short = [s if not s.isdigit() else str(i) for s, i in zip(short, ids)]
    return short if len(set(short)) == len(short) else [str(i) for i in ids]


# --------------------------------------------------------------------------------------------
# Category mix
# --------------------------------------------------------------------------------------------
def _sections_with_docs(data: Any) -> pd.DataFrame:
    import pandas as pd

    from .corpus import Corpus

    if isinstance(data, Corpus):
        secs = data.sections_frame()
        docs = data.documents_frame()[["doc_id", "title", "unit_kind", "year"]]
        return secs.merge(docs, on="doc_id", how="left")
    if isinstance(data, pd.DataFrame):
        return data
    raise type_error("data", "a Corpus or a sections DataFrame (corpus.sections_frame())", data)


def category_table(
    data: Any,
    *,
    by: str = "doc_id",
    level: int | None = 1,
    weight: Literal["chars", "sections"] = "chars",
    normalize: bool = True,
) -> pd.DataFrame:
    """Groups × categories: share (or amount) of characters or sections in each category.

    ``data`` is a ``Corpus`` or a sections frame (``corpus.sections_frame()``, merged with
    ``corpus.documents_frame()`` for document-level keys such as ``unit_kind``). Sections
    without a category count as ``unclassified``. ``level=1`` counts top-level sections only
    (deeper sections are inside them); ``None`` counts all.
    """
    frame = _sections_with_docs(data)
    if by not in frame.columns:
        hint = ""
        if by in ("unit_kind", "title", "year"):
            hint = " (merge in corpus.documents_frame() on doc_id, or pass the Corpus itself)"
        raise SummaryKitError(
            f"cannot group by {by!r}: no such column{hint}; columns: {', '.join(map(str, frame.columns))}"
        )
    if weight not in ("chars", "sections"):
        raise ValueError(f"weight must be 'chars' or 'sections', got {weight!r}")
    if level is not None and "level" in frame.columns:
        frame = frame[frame["level"] == level]
    frame = frame.assign(category=frame["category"].astype("string").fillna("unclassified"))
    if weight == "chars":
        w = frame["n_chars"] if "n_chars" in frame.columns else frame["end"] - frame["start"]
    else:
        w = 1
    frame = frame.assign(_w=w)
    table = frame.pivot_table(
        index=by, columns="category", values="_w", aggfunc="sum", fill_value=0, observed=True
    )
    order = list(dict.fromkeys(frame[by].dropna()))  # groups in corpus order, not sorted
    table = table.reindex([g for g in order if g in table.index])
    table = table[table.sum().sort_values(ascending=False).index]
    table.columns.name = "category"
    if normalize:
        table = table.div(table.sum(axis=1).where(lambda s: s > 0), axis=0).fillna(0.0)
    return table.astype(float)


def category_mix(
    data: Any,
    *,
    by: str = "doc_id",
    level: int | None = 1,
    weight: Literal["chars", "sections"] = "chars",
    ax: Axes | None = None,
) -> Axes:
    """Stacked horizontal bars: the category mix of each document (``by="doc_id"``) or group
    (``by="unit_kind"`` or any column of the sections frame)."""
    table = category_table(data, by=by, level=level, weight=weight)
    if table.empty:
        raise SummaryKitError("no sections to plot: no document has numbered sections")
    if list(table.columns) == ["unclassified"]:
        warnings.warn(
            "no section has a category (the classifier stage did not run); every section is shown "
            "as unclassified",
            SummaryKitWarning,
            stacklevel=2,
        )
    labels = (
        short_labels(list(map(str, table.index))) if by == "doc_id" else list(map(str, table.index))
    )
    ax = _new_ax(ax, (10, max(2.5, 0.3 * len(table) + 1.6)))
    left = [0.0] * len(table)
    ypos = list(range(len(table)))
    for cat in table.columns:
        values = table[cat].tolist()
        color = category_color(None if cat == "unclassified" else str(cat))
        ax.barh(
            ypos, values, left=left, color=color, label=str(cat), edgecolor="white", linewidth=0.4
        )
        left = [a + b for a, b in zip(left, values)]
    ax.set_yticks(ypos, labels=labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(_percent())
    what = "characters" if weight == "chars" else "sections"
    ax.set_xlabel(f"share of {what} of {'top-level ' if level == 1 else ''}sections")
    ax.set_title(f"Category mix by {by}")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    return apply_cjk_font(ax)


def _percent():  # type: ignore[no-untyped-def]
    from matplotlib.ticker import PercentFormatter

    return PercentFormatter(xmax=1.0, decimals=0)


# --------------------------------------------------------------------------------------------
# Copy / boilerplate ratios
# --------------------------------------------------------------------------------------------
RATIO_COLUMNS = ("copy_ratio", "max_source_ratio", "boilerplate_ratio")


def _reuse_documents(report: Any) -> pd.DataFrame:
    import pandas as pd

    if isinstance(report, pd.DataFrame):
        return report
    from .report import reuse_documents_table

    frame = reuse_documents_table(report)
    if frame is not None:
        return frame
    raise type_error(
        "report", "a ReuseReport (summarykit.find_reuse(corpus)) or its documents_frame()", report
    )


def copy_ratio_distribution(
    report: Any,
    *,
    columns: Sequence[str] | None = None,
    bins: int = 20,
    label_top: int = 5,
    ax: Axes | None = None,
) -> Axes:
    """Histogram of per-document copy and boilerplate ratios (0–100 %), the documents with the
    highest copy ratio named on the plot. ``report`` is a ``ReuseReport`` or its
    ``documents_frame()``."""
    frame = _reuse_documents(report)
    cols = [c for c in (columns or RATIO_COLUMNS) if c in frame.columns]
    if not cols:
        raise SummaryKitError(
            f"no ratio column to plot: expected one of {', '.join(columns or RATIO_COLUMNS)}; "
            f"columns: {', '.join(map(str, frame.columns))}"
        )
    ax = _new_ax(ax, (8, 4))
    edges = [i / bins for i in range(bins + 1)]
    colors = {
        "copy_ratio": "#e6550d",
        "max_source_ratio": "#756bb1",
        "boilerplate_ratio": "#31a354",
    }
    for c in cols:
        values = frame[c].astype("Float64").dropna().astype(float).clip(0, 1).tolist()
        ax.hist(
            values,
            bins=edges,
            histtype="stepfilled",
            alpha=0.35,
            label=f"{c} (n={len(values)})",
            color=colors.get(c),
            edgecolor=colors.get(c),
            linewidth=1.2,
        )
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(_percent())
    ax.set_xlabel("share of the document's characters")
    ax.set_ylabel("documents")
    ax.set_title("Copy and boilerplate ratios per document")
    ax.legend(fontsize=8, frameon=False)
    if label_top and "copy_ratio" in frame.columns:
        idcol = "doc_id" if "doc_id" in frame.columns else frame.columns[0]
        top = (
            frame.dropna(subset=["copy_ratio"])
            .sort_values("copy_ratio", ascending=False)
            .head(label_top)
        )
        top = top[top["copy_ratio"] > 0]
        names = short_labels([str(v) for v in frame[idcol]])
        short = dict(zip(map(str, frame[idcol]), names))
        for k, (doc_id, ratio) in enumerate(zip(top[idcol], top["copy_ratio"])):
            ax.annotate(
                f"{short[str(doc_id)]} {float(ratio):.0%}",
                xy=(float(ratio), 0),
                xycoords=("data", "axes fraction"),
                xytext=(0, 14 + 12 * k),
                textcoords="offset points",
                fontsize=8,
                ha="center",
                arrowprops={"arrowstyle": "-", "color": "#999", "lw": 0.6},
            )
    return apply_cjk_font(ax)


# --------------------------------------------------------------------------------------------
# Similarity
# --------------------------------------------------------------------------------------------
def _char_grams(text: str, n: int) -> set[str]:
    import regex

    chars = "".join(regex.findall(r"[\p{Han}\p{L}\p{N}]", text))
    return {chars[i : i + n] for i in range(max(0, len(chars) - n + 1))}


def _covered(spans: Iterable[tuple[int, int]]) -> int:
    total, end = 0, -1
    for s, e in sorted(spans):
        if e <= end:
            continue
        total += e - max(s, end)
        end = e
    return total


def similarity_matrix(data: Any, *, corpus: Any = None, n: int = 5) -> pd.DataFrame:
    """Documents × documents similarity in [0, 1], as a DataFrame indexed by doc id.

    - For a ``Corpus``: Jaccard similarity of the documents' character ``n``-gram sets
      (letters and digits only, so punctuation and layout do not count).
    - For a ``ReuseReport``: the share of the pair's characters that lie in passages they
      share, ``(covered_a + covered_b) / (len_a + len_b)``, from its matches; lengths from
      ``corpus=`` (or the report's own corpus, if it keeps one).
    """
    import numpy as np
    import pandas as pd

    from .corpus import Corpus

    if isinstance(data, Corpus):
        ids = data.ids
        from scipy import sparse

        vocab: dict[str, int] = {}
        rows, cols = [], []
        for r, d in enumerate(data.documents):
            for g in _char_grams(d.text, n):
                rows.append(r)
                cols.append(vocab.setdefault(g, len(vocab)))
        x = sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.float64), (rows, cols)),
            shape=(len(ids), max(1, len(vocab))),
        )
        inter = (x @ x.T).toarray()
        sizes = np.diag(inter).copy()
        union = sizes[:, None] + sizes[None, :] - inter
        with np.errstate(divide="ignore", invalid="ignore"):
            sim = np.where(union > 0, inter / union, 0.0)
        return pd.DataFrame(sim, index=ids, columns=ids)
    matches = getattr(data, "matches", None)
    if matches is None:
        raise type_error("data", "a Corpus or a ReuseReport", data)
    corpus = corpus if corpus is not None else getattr(data, "corpus", None)
    if corpus is None:
        raise SummaryKitError(
            "similarity from a ReuseReport needs the documents' lengths: pass corpus="
        )
    ids = corpus.ids
    length = {d.id: len(d.text) for d in corpus.documents}
    spans: dict[tuple[str, str], tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
    for m in matches:
        a, b = sorted((m.doc_a, m.doc_b))
        sa, sb = (
            ((m.start_a, m.end_a), (m.start_b, m.end_b))
            if a == m.doc_a
            else ((m.start_b, m.end_b), (m.start_a, m.end_a))
        )
        pa, pb = spans.setdefault((a, b), ([], []))
        pa.append(sa)
        pb.append(sb)
    sim = pd.DataFrame(0.0, index=ids, columns=ids)
    for (a, b), (pa, pb) in spans.items():
        if a in length and b in length and length[a] + length[b]:
            v = (_covered(pa) + _covered(pb)) / (length[a] + length[b])
            sim.loc[a, b] = sim.loc[b, a] = v
    for i in ids:
        sim.loc[i, i] = 1.0
    return sim


def similarity_heatmap(
    data: Any,
    *,
    corpus: Any = None,
    ax: Axes | None = None,
    annotate: bool | None = None,
    cmap: str = "Reds",
) -> Axes:
    """Heatmap of ``similarity_matrix(data)`` (a ``Corpus`` or a ``ReuseReport``); the
    diagonal is left blank so the off-diagonal pairs set the colour scale."""
    import numpy as np

    sim = similarity_matrix(data, corpus=corpus)
    n = len(sim)
    if n == 0:
        raise SummaryKitError("no documents to compare")
    values = sim.to_numpy(dtype=float).copy()
    np.fill_diagonal(values, np.nan)
    off = values[~np.isnan(values)]
    vmax = float(off.max()) if off.size and off.max() > 0 else 1.0
    side = min(14.0, max(4.0, 0.32 * n + 2.5))
    ax = _new_ax(ax, (side + 1.2, side))
    image = ax.imshow(values, cmap=cmap, vmin=0.0, vmax=vmax, interpolation="nearest")
    labels = short_labels(list(sim.index))
    if n <= 80:
        ax.set_xticks(range(n), labels=labels, rotation=90, fontsize=7 if n > 20 else 9)
        ax.set_yticks(range(n), labels=labels, fontsize=7 if n > 20 else 9)
    if annotate if annotate is not None else n <= 16:
        for i in range(n):
            for j in range(n):
                if i != j and values[i, j] > 0.005:
                    ax.text(
                        j,
                        i,
                        f"{values[i, j]:.2f}",
                        ha="center",
                        va="center",
                        fontsize=7,
                        color="white" if values[i, j] > 0.6 * vmax else "black",
                    )
    from .corpus import Corpus

    what = "character 5-gram Jaccard" if isinstance(data, Corpus) else "shared passages"
    ax.set_title(f"Document similarity ({what})")
    ax.figure.colorbar(image, ax=ax, shrink=0.8)
    return apply_cjk_font(ax)


__all__ = [
    "CJK_FONTS",
    "apply_cjk_font",
    "category_mix",
    "category_table",
    "cjk_font",
    "copy_ratio_distribution",
    "short_labels",
    "similarity_heatmap",
    "similarity_matrix",
    "use_cjk_font",
]
