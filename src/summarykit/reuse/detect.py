"""``find_reuse``: passage-level reuse detection across a corpus.

Stages (each in its own module):

1. ``normalize``  — folded matching view of every document, mapping back to its text.
2. ``candidates`` — which document pairs to align: every pair sharing a k-gram in small
   corpora (``exact``), a winnowed fingerprint index joined on fingerprint beyond that
   (``index``); chosen automatically, recorded in ``params``.
3. ``align``      — seeds → chains → passages (one match per passage) → word-level diffs.
4. ``boilerplate``— chance model: is a shared run a copy or template text? (Checked in
   the worker before the word diff, so chance overlaps cost little.)
5. here           — substitution pairs learned from the corpus: one-for-one word
   replacements seen in aligned passages. A **second pass** folds every learned pair (and
   the shipped lexicon's) into one character per class (``normalize.fold_words``),
   indexes the folded corpus and aligns the new candidate pairs it finds, and realigns
   the first pass's spun-looking passages there: a copy spun with a table the code never
   saw becomes a verbatim copy once other copies have taught the table. Pairs seen in two
   aligned document pairs (or in the lexicon) decide ``spun``; then direction,
   per-document ratios, template phrases. First-pass passages rejected only for a
   core a spinner broke (``_near_miss``) are realigned there too.
6. ``shared``     — a passage whose matches link ``template_min_docs`` documents or more
   is template text (a formula the genre repeats), not a copy: it moves from the matches
   to ``boilerplate`` and ``boilerplate_ratio``, unless the pair shares more than the
   others do.

**Direction.** ``doc_a`` is the source and ``doc_b`` the copy when the evidence says so:
the spinner's side is the copy. Evidence per replacement ``x → y``: the shipped lexicon's
orientation (original → spun), which word is more common in the corpus (a spinner's
replacement is rarer than the word it replaced), and the two documents' single-document
spin scores. With no such evidence (verbatim and near copies), ``doc_a`` is the document
that comes first in the corpus and ``MatchInfo.direction`` is ``id_order``.

Output is deterministic: the same corpus and parameters give the same report, with or
without worker processes.
"""

from __future__ import annotations

import itertools
import math
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

import numpy as np

from ..model import Document, Match, Substitution
from .align import AlignParams, Passage, Refined, passages, refine
from .boilerplate import ChanceModel, ChanceParams, GramTable, formula_flags, template_runs
from .candidates import band_matches, chained_pairs, choose_method, exact_pairs, gram_hashes_many
from .normalize import NormView, normalize
from .report import DocumentReuse, MatchInfo, ReuseReport, TemplatePhrase
from .shared import template_matches

Method = Literal["auto", "exact", "index"]
_PUNCT_EXTEND = set("。，,、；;：:！!？?…）)」』”’】》")
_PUNCT_EXTEND_LEFT = set("（(「『“‘【《")


@dataclass(frozen=True)
class ReuseParams:
    """Every parameter of ``find_reuse`` (all recorded in ``ReuseReport.params``)."""

    min_chars: int = 30
    """Shortest passage reported, in ``Document.text`` characters, on both sides."""
    method: Method = "auto"
    k: int = 6
    """Folded character k-gram length of fingerprints and of the chance model."""
    max_df: int = 8
    """k-grams in more documents than this are common phrases, not candidate evidence."""
    min_chain_span: int = 10
    """``index`` candidates: shared rare k-grams chained along a diagonal over at least this
    many folded characters (one junction of two phrases copied together gives 10–11)."""
    max_chain_step: int = 20
    """Largest step between two chained rare k-grams."""
    min_core: int = 20
    """A copy needs one stretch of at least this many matching, non-template folded
    characters whose gaps are word-sized (≤ 4 characters on each side): two phrases
    that happen to sit side by side in two reports are not one copied passage."""
    min_core_spun: int = 14
    """The core a folded (second-pass) passage needs when its blocks hold two or more
    words the documents replaced one for one with words of a learned spinner class."""
    sentence_end_evidence: float = 1.0
    """Each end of a passage that falls on a sentence boundary in both documents adds this
    much to its significance (log10 of the expected number of chance pairs): chance
    overlaps of stock clauses seldom start or end where sentences do in both reports."""
    clause_junctions: bool = True
    """Second chance test: the shared run is also priced as if reports were clauses
    freely recombined (``ChanceModel.run_log_p`` with junctions: cut at clause and
    sentence boundaries, each piece priced by how common it is, each cut by how many such
    boundaries a report has) and must stay under ``ChanceParams.recombined_alpha``: two
    stock clauses side by side in two reports are not a copy, however surprising their
    junction looks character by character."""
    pairs_per_doc: int = 2
    min_pair_budget: int = 4000
    """At most ``max(min_pair_budget, pairs_per_doc · N)`` candidate pairs are aligned in
    the first pass (longest chains first), so the work grows linearly with the corpus."""
    sentence_edges: int = 16
    """Passages are set at sentence level: a clause of at most this many characters between
    a passage end and a sentence boundary joins the passage when the other document is at
    a boundary there (0: off)."""
    complete_sentences: int = 10
    """A passage that stops at most this many characters short of the same sentence
    boundary in both documents, before alike pieces, is completed to it (0: off)."""
    trim_fragment: int = 8
    """A passage end that runs at most this many characters past a sentence end, line
    break or colon into an unfinished sentence is cut back to it (0: off)."""
    band_pool: int = 25
    """Candidate ranking: the best ``band_pool`` × budget pairs by chain span are ranked
    again by how much text matches along their chain's diagonal (``band_matches``; 0:
    chain span only)."""
    fold_pass: bool = True
    """Second pass on text with learned spinner pairs folded (``index`` method only)."""
    fold_pairs_per_doc: float = 0.2
    """New second-pass candidate pairs aligned whole: the best ``max(min_pair_budget / 4,
    fold_pairs_per_doc · N)`` (longest chains first)."""
    fold_window: int = 160
    """Further second-pass candidates, down to ``max(min_pair_budget, pairs_per_doc · N)``,
    are aligned on this many folded characters either side of their best chain only, so
    the work still grows linearly with the corpus."""
    learn_min_support: int = 2
    """A replacement seen in this many aligned document pairs is a learned spinner pair."""
    fold_min_support: int = 1
    """Replacements seen in this many aligned pairs are folded for the second pass (a
    wrong pair there costs little: it only proposes candidates)."""
    template_min_docs: int = 4
    """A passage whose matches link this many documents (matches chained by spans that
    overlap by half in a shared document) is template text, not a copy: it leaves the
    matches and the copy ratios and joins ``boilerplate`` and ``boilerplate_ratio``,
    except a match whose pair shares at least ``min_chars`` more on both sides than any
    third document does (``shared.template_matches``; 0: off)."""
    retry_near_misses: bool = True
    """First-pass passages rejected only for a core between ``min_core_spun`` and
    ``min_core`` are realigned in the folded pass (where the shorter core applies to a
    passage holding two or more replaced words)."""
    spin_doc_threshold: float = 3.0
    """Copy-side spin score (spinner words per 1,000 characters) above which its
    one-for-one replacements count as spinner substitutions."""
    n_jobs: int = 2
    seed: int = 0
    """No step is random; kept so the report states it."""
    align: AlignParams = field(default_factory=AlignParams)
    chance: ChanceParams = field(default_factory=ChanceParams)


# -- worker state (set for the duration of one call, inherited by forked workers) -------
_STATE: dict[str, Any] = {}


_SEP_SENTENCE = set("。！？!?；;")
_SEP_CLAUSE = set("，,：:、")
_OPENERS = set(" \t\u3000“‘\"（(【《「『")
_CLOSERS = set("”’\"）)】》」』")
_QUOTES = set("“”‘’\"'「」『』")


def _sep_class(gap: str) -> int:
    """Kind of separator between two folded characters: 0 none, 1 clause, 2 sentence,
    3 line break; plus 4 when the gap holds a quotation mark (brackets and spaces are
    not separators)."""
    if not gap:
        return 0
    q = 4 if any(c in _QUOTES for c in gap) else 0
    if "\n" in gap:
        return 3 + q
    if any(c in _SEP_SENTENCE for c in gap):
        return 2 + q
    if any(c in _SEP_CLAUSE for c in gap):
        return 1 + q
    return q


def _number_slots(blocks: Sequence[tuple[int, int, int]], ta: str, tb: str) -> tuple[bool, ...]:
    """Per block: does it follow the previous one across a number that differs on both
    sides (``…里程从6.6万公里…`` / ``…从2.1万公里…``)? Such a block continues one phrase
    with a number slot; it is no independent evidence of copying."""
    out = [False]
    for (i0, j0, l0), (i1, j1, _l1) in itertools.pairwise(blocks):
        ga, gb = ta[i0 + l0 : i1], tb[j0 + l0 : j1]
        out.append(0 < len(ga) <= 6 and 0 < len(gb) <= 6 and ga.isdigit() and gb.isdigit())
    return tuple(out)


def _split_at_separators(
    blocks: Sequence[tuple[int, int, int]], va: NormView, ta: str, vb: NormView, tb: str
) -> tuple[tuple[int, int, int], ...]:
    """Exact blocks cut wherever the two documents separate the same characters
    differently (``，`` against ``。``, a sentence end against a paragraph break).

    Matching drops punctuation, so two stock clauses that sit side by side in two reports
    (``…建设工程，技术含量…`` / ``…建设工程。⏎技术含量…``) look like one shared run whose
    junction is improbable. The separators differ there: the texts are not the same, and
    the chance model sees two runs, each of which must be improbable on its own."""
    out: list[tuple[int, int, int]] = []
    sa, ea, sb, eb = va.starts, va.ends, vb.starts, vb.ends
    for i, j, ln in blocks:
        start = 0
        if ln > 1:
            ga_lo, ga_hi = ea[i : i + ln - 1], sa[i + 1 : i + ln]
            gb_lo, gb_hi = eb[j : j + ln - 1], sb[j + 1 : j + ln]
            gaps = np.flatnonzero((ga_hi > ga_lo) | (gb_hi > gb_lo))
            for t in gaps.tolist():
                ca = _sep_class(ta[int(ga_lo[t]) : int(ga_hi[t])])
                cb = _sep_class(tb[int(gb_lo[t]) : int(gb_hi[t])])
                if ca != cb:
                    out.append((i + start, j + start, t + 1 - start))
                    start = t + 1
        out.append((i + start, j + start, ln - start))
    return tuple(out)


def _junctions(
    blocks: Sequence[tuple[int, int, int]], va: NormView, ta: str, log_j: Sequence[float]
) -> list[list[tuple[int, float]]]:
    """Per block: ``(offset in the block, ln J)`` of every clause, sentence or line
    boundary inside it (a quotation mark alone counts as a clause boundary)."""
    out: list[list[tuple[int, float]]] = []
    sa, ea = va.starts, va.ends
    for i, _j, ln in blocks:
        cur: list[tuple[int, float]] = []
        if ln > 1:
            lo, hi = ea[i : i + ln - 1], sa[i + 1 : i + ln]
            for t in np.flatnonzero(hi > lo).tolist():
                c = _sep_class(ta[int(lo[t]) : int(hi[t])])
                c = (c & 3) or (1 if c & 4 else 0)
                if c:
                    cur.append((t + 1, log_j[c]))
        out.append(cur)
    return out


def junction_rates(texts: Sequence[str]) -> tuple[float, float, float, float]:
    """``ln J`` per separator class (index 1 clause, 2 sentence, 3 line break): one over
    the mean number of such boundaries per document, counted over the corpus. A clause
    seen in ``df`` of ``N`` documents follows a given boundary of that class in another
    report with probability about ``df / N · J``."""
    n = max(len(texts), 1)
    big = "\n".join(texts)
    n_line = len(_RE_LINE.findall(big)) - (len(texts) - 1)
    n_sent = sum(big.count(c) for c in "。！？!?；;") - len(_RE_SENT_LINE.findall(big))
    n_clause = sum(big.count(c) for c in "，,：:、")
    rates = [0.0]
    for count in (n_clause, n_sent, n_line):
        rates.append(-math.log(max(count, n) / n))
    return (rates[0], rates[1], rates[2], rates[3])


_RE_LINE = re.compile(r"\n[\s]*")
_RE_SENT_LINE = re.compile(r"[。！？!?；;][”’\"）)】》」』]*[ \t\u3000]*\n")


def _at_sentence_start(t: str, i: int) -> bool:
    while i > 0 and t[i - 1] in _OPENERS:
        i -= 1
    return i == 0 or t[i - 1] in _SEP_SENTENCE or t[i - 1] == "\n"


def _at_sentence_end(t: str, e: int) -> bool:
    while e < len(t) and t[e] in _CLOSERS:
        e += 1
    return e >= len(t) or t[e] in _SEP_SENTENCE or t[e] == "\n"


def _sentence_ends(p: Passage, va: NormView, ta: str, vb: NormView, tb: str) -> int:
    """How many ends of the passage (start, end) fall on a sentence boundary in both
    documents: copies are made of sentences, chance overlaps of stock clauses seldom
    start and end where sentences do in both reports."""
    if p.a1 <= p.a0 or p.b1 <= p.b0:
        return 0
    s = _at_sentence_start(ta, int(va.starts[p.a0])) and _at_sentence_start(tb, int(vb.starts[p.b0]))
    e = _at_sentence_end(ta, int(va.ends[p.a1 - 1])) and _at_sentence_end(tb, int(vb.ends[p.b1 - 1]))
    return int(s) + int(e)


def _one_sentence(p: Passage, va: NormView, ta: str, vb: NormView, tb: str) -> bool:
    """The passage is one whole sentence in both documents (a sentence whose clauses the
    copy may have swapped: its core may then be made of blocks out of order)."""
    if _sentence_ends(p, va, ta, vb, tb) < 2:
        return False
    for v, t, a0, a1 in ((va, ta, p.a0, p.a1), (vb, tb, p.b0, p.b1)):
        s, e = int(v.starts[a0]), int(v.ends[a1 - 1])
        if any(ch in _SEP_SENTENCE or ch == "\n" for ch in t[s:e].rstrip("。！？!?；;”’\"）)】》」』")):
            return False
    return True


def _copy_significance(
    p: Passage,
    chance: ChanceModel,
    dfs: np.ndarray,
    ctx_dfs: np.ndarray,
    formula: np.ndarray,
    sides: tuple[NormView, str, NormView, str] | None = None,
    *,
    core_weights: np.ndarray | None = None,
    min_core: int | None = None,
) -> float | None:
    """The passage's significance if it counts as a copy (long enough, with a core of
    non-template text, and improbable by chance given how common its phrases are), else None.

    With ``sides`` (the two views and texts), blocks are cut where the documents punctuate
    differently, and every end of the passage on a sentence boundary in both documents
    adds ``sentence_end_evidence`` (log10) to the significance."""
    if max(p.a1 - p.a0, p.b1 - p.b0) < _STATE["min_norm"]:
        return None
    need = min_core or _STATE["min_core"]
    if chance.core(dfs, formula, p.blocks, weights=core_weights) < need and not (
        sides is not None
        and _one_sentence(p, *sides)
        and chance.core(dfs, formula, p.blocks, weights=core_weights, reordered=True) >= need
    ):
        return None
    if sides is None:
        sig = chance.significance(dfs, ctx_dfs, formula, p.blocks)
    else:
        blocks = _split_at_separators(p.blocks, *sides)
        slots = _number_slots(blocks, sides[0].text, sides[2].text)
        sig = chance.significance(dfs, ctx_dfs, formula, blocks, slots)
    if sides is None:
        return sig if chance.is_copy(sig) else None
    ends = _STATE.get("sentence_end_evidence", 0.0) * _sentence_ends(p, *sides)
    sig += ends
    if not chance.is_copy(sig):
        return None
    log_j = _STATE.get("junction_log")
    if log_j:
        # second test: even were clauses freely recombined across reports, few pairs
        # would share this run (a run glued from two common clauses fails it)
        junctions = _junctions(blocks, sides[0], sides[1], log_j)
        if any(junctions):
            free = chance.significance(dfs, ctx_dfs, formula, blocks, slots, junctions) + ends
            if not chance.is_copy_recombined(free):
                return None
    return sig


def _align_chunk(
    chunk: list[tuple[int, int]],
) -> list[tuple[int, int, list[tuple[Passage, Refined, float]]]]:
    views: list[NormView] = _STATE["views"]
    texts: list[str] = _STATE["texts"]
    dfs: list[np.ndarray] = _STATE["dfs"]
    ctx_dfs: list[np.ndarray] = _STATE["ctx_dfs"]
    formula: list[np.ndarray] = _STATE["formula"]
    ctx_hashes: list[np.ndarray] = _STATE["ctx_hashes"]
    cache: dict[int, tuple[np.ndarray, np.ndarray]] = _STATE.setdefault("seed_cache", {})

    def seed_index(d: int) -> tuple[np.ndarray, np.ndarray]:
        # sorted seed k-grams of a document, built once per worker process
        if d not in cache:
            h = ctx_hashes[d]
            o = np.argsort(h, kind="stable")
            cache[d] = (h[o], o)
        return cache[d]

    params: AlignParams = _STATE["align"]
    chance: ChanceModel = _STATE["chance"]
    near_miss = _STATE.get("near_miss", False)
    out: list = []
    misses: list = []
    for x, y in chunk:
        found = []
        for p in passages(
            views[x],
            views[y],
            params,
            text_a=texts[x],
            text_b=texts[y],
            index_a=seed_index(x),
            index_b=seed_index(y),
        ):
            sig = _copy_significance(
                p, chance, dfs[x], ctx_dfs[x], formula[x], (views[x], texts[x], views[y], texts[y])
            )
            if sig is None:
                if near_miss and _near_miss(p, chance, dfs[x], formula[x]):
                    misses.append((x, y, (p.a0, p.a1, p.b0, p.b1)))
                continue
            found.append((p, refine(p, views[x], views[y]), sig))
        if found:
            out.append((x, y, found))
    return out + misses


def _near_miss(p: Passage, chance: ChanceModel, dfs: np.ndarray, formula: np.ndarray) -> bool:
    """A first-pass passage rejected only for a core shorter than ``min_core`` but as long
    as ``min_core_spun``: what a spinner leaves of a copied passage whose words it replaced
    every dozen characters. The folded pass realigns it, where the replaced words match
    again and the shorter core applies only if it holds two or more replacements."""
    if max(p.a1 - p.a0, p.b1 - p.b0) < _STATE["min_norm"]:
        return False
    # at least two gaps that may hold a replaced word (1–6 characters on both sides: a
    # word, and the short matching run next to it that seeds cannot reach): without them
    # folding cannot lengthen the core
    swaps = sum(
        1
        for (i0, j0, l0), (i1, j1, _l1) in itertools.pairwise(p.blocks)
        if 1 <= i1 - i0 - l0 <= 6 and 1 <= j1 - j0 - l0 <= 6
    )
    if swaps < 2:
        return False
    core = chance.core(dfs, formula, p.blocks)
    return _STATE["min_core_spun"] <= core < _STATE["min_core"]


def _unfold(p: Passage, fold: Any, x: int, y: int, ta: str, tb: str) -> Passage | None:
    """A passage aligned on folded views, as exact blocks of the unfolded views (a block
    ends wherever the two documents hold different words of one spinner class)."""
    sa, ea = fold.src_start[x], fold.src_end[x]
    sb, eb = fold.src_start[y], fold.src_end[y]
    blocks: list[list[int]] = []
    for i, j, ln in p.blocks:
        cur: list[int] | None = None
        for t in range(ln):
            a0, a1, b0, b1 = int(sa[i + t]), int(ea[i + t]), int(sb[j + t]), int(eb[j + t])
            if ta[a0:a1] == tb[b0:b1]:
                if cur is not None and cur[0] + cur[2] == a0 and cur[1] + cur[2] == b0:
                    cur[2] += a1 - a0
                else:
                    if cur is not None:
                        blocks.append(cur)
                    cur = [a0, b0, a1 - a0]
            elif cur is not None:
                blocks.append(cur)
                cur = None
        if cur is not None:
            blocks.append(cur)
    if not blocks:
        return None
    bl = tuple(sorted((b[0], b[1], b[2]) for b in blocks))
    a0, a1 = bl[0][0], max(b[0] + b[2] for b in bl)
    b0, b1 = min(b[1] for b in bl), max(b[1] + b[2] for b in bl)
    ordered = p.ordered and all(q[1] >= r[1] + r[2] for r, q in itertools.pairwise(bl))
    from .align import _diffs

    return Passage(a0, a1, b0, b1, bl, ordered, _diffs(ta, tb, bl) if ordered else ())


def _folded_replacements(p: Passage, fold: Any, x: int, y: int, ta: str, tb: str) -> int:
    """Folded characters of the passage's blocks that stand for different words in the
    two documents (one-for-one replacements of a learned spinner class)."""
    from .normalize import FOLD_BASE

    ca = fold.codes[x]
    sa, ea, sb, eb = fold.src_start[x], fold.src_end[x], fold.src_start[y], fold.src_end[y]
    count = 0
    for i, j, ln in p.blocks:
        for t in np.flatnonzero(ca[i : i + ln] >= FOLD_BASE).tolist():
            if ta[int(sa[i + t]) : int(ea[i + t])] != tb[int(sb[j + t]) : int(eb[j + t])]:
                count += 1
    return count


def _align_folded_chunk(
    chunk: list[tuple[int, int]],
) -> list[tuple[int, int, list[tuple[Passage, Refined, float]]]]:
    views: list[NormView] = _STATE["views"]
    texts: list[str] = _STATE["texts"]
    fold = _STATE["fold"]
    fdfs, fctx, fformula = _STATE["fdfs"], _STATE["fctx_dfs"], _STATE["fformula"]
    params: AlignParams = _STATE["align"]
    chance: ChanceModel = _STATE["fchance"]
    out = []
    for x, y, region in chunk:
        fa, fb = fold.view(x, views[x]), fold.view(y, views[y])
        sides = (fa, texts[x], fb, texts[y])
        la = lb = 0
        if region is not None:  # realign only around a first-pass passage
            a_lo, a_hi, b_lo, b_hi = region
            la = int(np.searchsorted(fold.src_start[x], a_lo))
            ha = int(np.searchsorted(fold.src_start[x], a_hi))
            lb = int(np.searchsorted(fold.src_start[y], b_lo))
            hb = int(np.searchsorted(fold.src_start[y], b_hi))
            fa = NormView(fa.text[la:ha], fa.codes[la:ha], fa.starts[la:ha], fa.ends[la:ha])
            fb = NormView(fb.text[lb:hb], fb.codes[lb:hb], fb.starts[lb:hb], fb.ends[lb:hb])
        found = []
        for p in passages(fa, fb, params, text_a=texts[x], text_b=texts[y]):
            if la or lb:
                p = Passage(
                    p.a0 + la, p.a1 + la, p.b0 + lb, p.b1 + lb,
                    tuple((i + la, j + lb, ln) for i, j, ln in p.blocks), p.ordered,
                )
            # the core is counted in text characters (a folded spinner word is as long as
            # the word), and a passage whose folded blocks hold several words the two
            # documents replaced one for one needs a shorter core: the spinner broke it
            n_rep = _folded_replacements(p, fold, x, y, views[x].text, views[y].text)
            sig = _copy_significance(
                p, chance, fdfs[x], fctx[x], fformula[x], sides,
                core_weights=fold.src_end[x] - fold.src_start[x],
                min_core=_STATE["min_core_spun"] if n_rep >= 2 else None,
            )
            if sig is None:
                continue
            q = _unfold(p, fold, x, y, views[x].text, views[y].text)
            if q is None:
                continue
            found.append((q, refine(q, views[x], views[y]), sig))
        if found:
            out.append((x, y, found))
    return out


def _run_chunks(
    chunks: list[list[tuple[int, int]]], n_jobs: int, progress: bool, fn: Any = None
) -> list:
    results: list = []
    bar = None
    if progress:
        try:
            from tqdm.auto import tqdm

            bar = tqdm(total=sum(len(c) for c in chunks), desc="align", unit="pair")
        except ImportError:  # pragma: no cover
            bar = None
    if n_jobs > 1 and len(chunks) > 1 and sys.platform != "win32":
        import multiprocessing as mp

        from ..tokenize import tokenizer

        tokenizer()  # load jieba once, before forking
        ctx = mp.get_context("fork")
        with ctx.Pool(n_jobs) as pool:
            for chunk, res in zip(chunks, pool.imap(fn or _align_chunk, chunks)):
                results.extend(res)
                if bar:
                    bar.update(len(chunk))
    else:
        for chunk in chunks:
            results.extend((fn or _align_chunk)(chunk))
            if bar:
                bar.update(len(chunk))
    if bar:
        bar.close()
    return results


def _as_documents(corpus: Any) -> list[Document]:
    if isinstance(corpus, str | bytes):
        raise TypeError(
            "find_reuse expects a Corpus or a sequence of Documents, got a single "
            f"{type(corpus).__name__}; use summarykit.load(paths) or summarykit.parse(text)"
        )
    docs = list(corpus)
    for d in docs:
        if not isinstance(d, Document):
            raise TypeError(
                f"find_reuse expects Documents, got {type(d).__name__}; "
                "build them with summarykit.load() or summarykit.parse()"
            )
    ids = [d.id for d in docs]
    if len(set(ids)) != len(ids):
        dup = next(i for i, c in Counter(ids).items() if c > 1)
        raise ValueError(f"document ids must be unique; {dup!r} occurs more than once")
    return docs


def _load_lexicon() -> set[tuple[str, str]]:
    """The shipped spinner lexicon (original → spun), if present."""
    try:
        from ..errors import ResourceError
        from ..resources import load_lines
    except ImportError:  # pragma: no cover
        return set()
    try:
        lines = load_lines("spin_pairs.tsv")
    except (ResourceError, OSError):  # not shipped
        return set()
    out = set()
    for line in lines:
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) >= 2 and parts[0] and parts[1]:
            out.add((parts[0], parts[1]))
    return out


def _spin_chunk(chunk: list[int]) -> list[tuple[float | None, tuple, tuple]]:
    docs = _STATE["docs"]
    return _spin_scores([docs[i] for i in chunk])


def _spin_scores(docs: Sequence[Document]) -> list[tuple[float | None, tuple, tuple]]:
    """(spin_score, evidence, residue) per document from the single-document detectors."""
    try:
        from .spin import spin_score  # type: ignore[attr-defined]
    except ImportError:
        spin_score = None
    try:
        from .residue import find_residue  # type: ignore[attr-defined]
    except ImportError:
        find_residue = None
    out = []
    for d in docs:
        score, evidence, residue = None, (), ()
        if spin_score is not None:
            r = spin_score(d)
            score = float(getattr(r, "score", r))
            evidence = tuple(_as_mapping(e) for e in getattr(r, "evidence", ()))
        if find_residue is not None:
            residue = tuple(_as_mapping(e) for e in find_residue(d))
        out.append((score, evidence, residue))
    return out


def _as_mapping(x: Any) -> dict[str, Any]:
    if isinstance(x, dict):
        return x
    if hasattr(x, "to_dict"):
        return x.to_dict()
    if hasattr(x, "_asdict"):
        return dict(x._asdict())
    try:
        return asdict(x)
    except TypeError:
        return {"value": str(x)}


def _spinnable(a: str, b: str) -> bool:
    """A one-for-one replacement that a spinner could have made (not a typo, not a swap)."""
    return (
        2 <= len(a) <= 4
        and 2 <= len(b) <= 4
        and a != b
        and sorted(a) != sorted(b)
        and all("\u4e00" <= c <= "\u9fff" for c in a + b)
    )


def _text_span(view: NormView, text: str, s: int, e: int) -> tuple[int, int]:
    """Text span of folded ``[s, e)``, extended over identical closing punctuation later."""
    return view.span(s, e)


def _extend_punct(ta: str, sa: int, ea: int, tb: str, sb: int, eb: int) -> tuple[int, int, int, int]:
    """Include punctuation right after (or before) both spans when both have the same."""
    while ea < len(ta) and eb < len(tb) and ta[ea] == tb[eb] and ta[ea] in _PUNCT_EXTEND:
        ea, eb = ea + 1, eb + 1
    while sa > 0 and sb > 0 and ta[sa - 1] == tb[sb - 1] and ta[sa - 1] in _PUNCT_EXTEND_LEFT:
        sa, sb = sa - 1, sb - 1
    return sa, ea, sb, eb


_SENT_END = set("。！？；!?;\n")
_UNIT_END = _SENT_END | set("：:")
"""A colon ends an introductory clause (``现将一年来的工作情况总结如下：``): what follows
starts a new unit, and the clause before it is the author's framing, not the copy."""


def _at_start(t: str, i: int) -> bool:
    j = i
    while j > 0 and t[j - 1] in " \t\u3000":
        j -= 1
    return j == 0 or t[j - 1] in _UNIT_END


def _at_end(t: str, e: int) -> bool:
    return e >= len(t) or t[e - 1] in _SENT_END or t[e] in _SENT_END


def _sentence_edges(
    ta: str, sa: int, ea: int, tb: str, sb: int, eb: int, max_ext: int
) -> tuple[int, int, int, int]:
    """Copies are made of sentences: when a passage starts (ends) on a sentence boundary
    in one document and a short clause after (before) one in the other, the clause was
    inserted or dropped by the copyist and belongs to the passage."""

    def back(t: str, i: int) -> int | None:
        j = i
        while j > 0 and i - j <= max_ext and t[j - 1] not in _SENT_END:
            j -= 1
        return j if _at_start(t, j) and i - j <= max_ext else None

    def fwd(t: str, e: int) -> int | None:
        j = e
        while j < len(t) and j - e <= max_ext and t[j] not in _UNIT_END:
            j += 1
        if j - e > max_ext or (j < len(t) and t[j] in "：:"):
            return None
        return j + 1 if j < len(t) and t[j] in "。！？；!?;" else j

    if _at_start(ta, sa) and not _at_start(tb, sb):
        sb = back(tb, sb) if back(tb, sb) is not None else sb
    elif _at_start(tb, sb) and not _at_start(ta, sa):
        sa = back(ta, sa) if back(ta, sa) is not None else sa
    if _at_end(ta, ea) and not _at_end(tb, eb):
        eb = fwd(tb, eb) if fwd(tb, eb) is not None else eb
    elif _at_end(tb, eb) and not _at_end(ta, ea):
        ea = fwd(ta, ea) if fwd(ta, ea) is not None else ea
    return sa, ea, sb, eb


_CJK_WORD = re.compile(r"[\u4e00-\u9fff0-9A-Za-z０-９Ａ-Ｚａ-ｚ]+")


def _alike(pa: str, pb: str) -> bool:
    """Two short pieces a copyist's spinner or light edit could have made of one another:
    at most two characters apart in length, and either one word long (≤ 4 characters)
    or sharing at least 40% of their characters."""
    if not pa or not pb or abs(len(pa) - len(pb)) > 2:
        return False
    if max(len(pa), len(pb)) <= 4:
        return True
    common = sum((Counter(pa) & Counter(pb)).values())
    return common >= 0.4 * max(len(pa), len(pb))


def _word_pairs(pa: str, pb: str) -> list[tuple[str, str]]:
    """One-for-one word replacements between two short pieces (jieba words paired in
    order when both have as many; else the differing middle as one pair)."""
    from .align import _tokens

    if pa == pb:
        return []
    wa = [w for w, _s, _e in _tokens(pa, 0) if True]
    wb = [w for w, _s, _e in _tokens(pb, 0)]
    # search-mode tokens include words inside words: keep a left-to-right cover
    def cover(toks: list[tuple[str, int, int]]) -> list[str]:
        out, pos = [], 0
        for w, s_, e_ in sorted(toks, key=lambda t: (t[1], -(t[2] - t[1]))):
            if s_ == pos:
                out.append(w)
                pos = e_
        return out

    wa, wb = cover(_tokens(pa, 0)), cover(_tokens(pb, 0))
    if len(wa) == len(wb) and "".join(wa) == pa and "".join(wb) == pb:
        return [(x, y) for x, y in zip(wa, wb) if x != y]
    i = 0
    while i < min(len(pa), len(pb)) and pa[i] == pb[i]:
        i += 1
    j = 0
    while j < min(len(pa), len(pb)) - i and pa[-1 - j] == pb[-1 - j]:
        j += 1
    return [(pa[i : len(pa) - j], pb[i : len(pb) - j])]


def _complete_sentences(
    ta: str, sa: int, ea: int, tb: str, sb: int, eb: int, max_piece: int
) -> tuple[int, int, int, int, list[tuple[str, str]]]:
    """Copies are made of sentences: a passage that stops a few characters short of the
    same sentence boundary in both documents, before pieces that are alike (``…修复重大。``
    against ``…修复严重。``, ``坚持以质取胜`` against ``坚守以质取胜``), was cut by a
    replaced or edited word at its edge; the pieces belong to it. Returns the new spans
    and the word replacements inside the added pieces."""
    reps: list[tuple[str, str]] = []
    if not (_at_end(ta, ea) or _at_end(tb, eb)):
        ja, jb = ea, eb
        while ja < len(ta) and ja - ea <= max_piece and ta[ja] not in _SENT_END:
            ja += 1
        while jb < len(tb) and jb - eb <= max_piece and tb[jb] not in _SENT_END:
            jb += 1
        pa, pb = ta[ea:ja], tb[eb:jb]
        if (
            ja - ea <= max_piece
            and jb - eb <= max_piece
            and _CJK_WORD.fullmatch(pa)
            and _CJK_WORD.fullmatch(pb)
            and _alike(pa, pb)
        ):
            reps += _word_pairs(pa, pb)
            ea, eb = ja, jb
            if ea < len(ta) and eb < len(tb) and ta[ea] == tb[eb] and ta[ea] != "\n":
                ea, eb = ea + 1, eb + 1
    if not (_at_start(ta, sa) or _at_start(tb, sb)):
        ia, ib = sa, sb
        while ia > 0 and sa - ia <= max_piece and ta[ia - 1] not in _UNIT_END:
            ia -= 1
        while ib > 0 and sb - ib <= max_piece and tb[ib - 1] not in _UNIT_END:
            ib -= 1
        pa, pb = ta[ia:sa].lstrip(" \t\u3000"), tb[ib:sb].lstrip(" \t\u3000")
        if (
            sa - ia <= max_piece
            and sb - ib <= max_piece
            and _at_start(ta, ia)
            and _at_start(tb, ib)
            and _CJK_WORD.fullmatch(pa)
            and _CJK_WORD.fullmatch(pb)
            and _alike(pa, pb)
        ):
            reps = _word_pairs(pa, pb) + reps
            sa, sb = sa - len(pa), sb - len(pb)
    return sa, ea, sb, eb, reps


def _trim_fragments(t: str, s: int, e: int, max_frag: int) -> tuple[int, int]:
    """Drop a short unfinished piece at either end of a span: a few characters before
    the first sentence end or line break when the span starts mid-sentence (``建设。…``),
    a few after the last one when it ends mid-sentence (``…。⏎⏎（二）加强``), and an
    introductory clause ending in a colon (``…工作情况总结如下：``). Copies are made of
    sentences; such pieces are the next heading's number, a common word that happens to
    match on both sides, or the author's framing, not copied text. Limits: ``max_frag``
    characters across a line break, half of it across a sentence end, twice it before a
    colon."""
    ws = " \t\u3000\n\r"

    def limit(brk: str) -> int:
        return 2 * max_frag if brk in "：:" else (max_frag if brk == "\n" else max_frag // 2)

    for _ in range(3):  # head: a piece before a break (a heading line may follow)
        if _at_start(t, s):
            break
        p = s
        while p < e and t[p] not in _UNIT_END:
            p += 1
        if p >= e - 1 or len(t[s:p].strip(ws)) > limit(t[p]):
            break
        s = p + 1
        while s < e and t[s] in ws:
            s += 1
    for _ in range(3):  # tail: a piece after a break that does not end a sentence
        if e <= s or t[e - 1] in _SENT_END or (e < len(t) and t[e] in _SENT_END):
            break
        p = e - 1
        while p > s and t[p] not in _UNIT_END:
            p -= 1
        if p <= s:
            break
        nxt = t[e : e + 3].lstrip(ws)[:1]
        lim = limit(nxt) if nxt and nxt in "：:" else limit(t[p])
        if len(t[p + 1 : e].strip(ws)) > lim:
            break
        e = p + 1 if t[p] != "\n" else p
        while e > s and t[e - 1] in ws:
            e -= 1
    return s, e


def _union_len(spans: Iterable[tuple[int, int]]) -> int:
    total, cur_s, cur_e = 0, -1, -1
    for s, e in sorted(spans):
        if s > cur_e:
            total += max(0, cur_e - cur_s)
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    return total + max(0, cur_e - cur_s)


def _split_like(flat: np.ndarray, parts: Sequence[np.ndarray]) -> list[np.ndarray]:
    sizes = np.cumsum([len(p) for p in parts])[:-1] if len(parts) else []
    return list(np.split(flat, sizes)) if len(parts) else []


def _learned(found: Iterable[tuple[int, int, Any]], min_support: int) -> set[frozenset]:
    """Replacement pairs seen in at least ``min_support`` aligned document pairs."""
    support: dict[frozenset, set[tuple[int, int]]] = defaultdict(set)
    for x, y, items in found:
        for item in items:
            r = item[1]
            for wa, wb in r.replacements:
                if _spinnable(wa, wb):
                    support[frozenset((wa, wb))].add((x, y))
    return {key for key, pairs in support.items() if len(pairs) >= min_support}


def _extend_with_classes(r: Refined, ta: str, tb: str, classes: dict[str, int]) -> Refined:
    """Grow a passage over spinner-pair words right before or after it on both sides
    (``活跃协同…`` against ``积极协同…``: the replaced first word is part of the copy)."""
    if not classes:
        return r
    a0, a1, b0, b1 = r.a0, r.a1, r.b0, r.b1
    reps = list(r.replacements)
    head: list[tuple[str, str]] = []
    for _ in range(3):
        hit = None
        for la in (4, 3, 2):
            wa = ta[max(0, a0 - la) : a0]
            ca = classes.get(wa) if len(wa) == la else None
            if ca is None:
                continue
            for lb in (4, 3, 2):
                wb = tb[max(0, b0 - lb) : b0]
                if len(wb) == lb and wb != wa and classes.get(wb) == ca:
                    hit = (la, lb, wa, wb)
                    break
            if hit:
                break
        if not hit:
            break
        a0, b0 = a0 - hit[0], b0 - hit[1]
        head.insert(0, (hit[2], hit[3]))
    tail: list[tuple[str, str]] = []
    for _ in range(3):
        hit = None
        for la in (4, 3, 2):
            wa = ta[a1 : a1 + la]
            ca = classes.get(wa) if len(wa) == la else None
            if ca is None:
                continue
            for lb in (4, 3, 2):
                wb = tb[b1 : b1 + lb]
                if len(wb) == lb and wb != wa and classes.get(wb) == ca:
                    hit = (la, lb, wa, wb)
                    break
            if hit:
                break
        if not hit:
            break
        a1, b1 = a1 + hit[0], b1 + hit[1]
        tail.append((hit[2], hit[3]))
    if not head and not tail:
        return r
    return Refined(a0, a1, b0, b1, tuple(head + reps + tail), r.edits)


def _drop_overlaps(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One match per stretch of text: of two passages of the same pair that overlap on
    both sides, keep the longer."""
    by_pair: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for item in raw:
        by_pair[(item["x"], item["y"])].append(item)
    out = []
    for key in sorted(by_pair):
        items = sorted(by_pair[key], key=lambda it: -(it["span_a"][1] - it["span_a"][0] + it["span_b"][1] - it["span_b"][0]))
        kept: list[dict[str, Any]] = []
        for it in items:
            (sa, ea), (sb, eb) = it["span_a"], it["span_b"]
            if any(
                sa < k["span_a"][1] and k["span_a"][0] < ea and sb < k["span_b"][1] and k["span_b"][0] < eb
                for k in kept
            ):
                continue
            kept.append(it)
        out.extend(sorted(kept, key=lambda it: it["span_a"]))
    return out


def _word_classes(pairs: Iterable[Iterable[str]]) -> dict[str, int]:
    """Union-find over spinner pairs: word → class id (deterministic numbering)."""
    parent: dict[str, str] = {}

    def root(w: str) -> str:
        while parent.setdefault(w, w) != w:
            parent[w] = parent[parent[w]]
            w = parent[w]
        return w

    for pair in pairs:
        ws = sorted(pair)
        for w in ws[1:]:
            ra, rb = root(ws[0]), root(w)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    roots = sorted({root(w) for w in parent})
    ids = {r: i for i, r in enumerate(roots)}
    return {w: ids[root(w)] for w in sorted(parent)}


def _chained_candidates(
    hashes: Sequence[np.ndarray], dfs: Sequence[np.ndarray], n: int, params: Any, with_positions: bool = False
) -> tuple[np.ndarray, ...]:
    """Candidate pairs from colinear chains of shared grams: every gram seen in 2 to
    ``max_df`` documents is posted with an idf-like weight, and ``chained_pairs`` joins the
    postings into (pair key, chain span, chain score)."""
    hs, ds, ps, ws = [], [], [], []
    for i, (h, df) in enumerate(zip(hashes, dfs)):
        pos = np.flatnonzero((df >= 2) & (df <= params.max_df))
        hs.append(h[pos])
        ds.append(np.full(len(pos), i, dtype=np.int64))
        ps.append(pos)
        ws.append(np.log((n - 1) / (df[pos] - 1)) / params.k)
    return chained_pairs(
        np.concatenate(hs),
        np.concatenate(ds),
        np.concatenate(ps),
        max_df=params.max_df,
        n_docs=max(n, 1),
        k=params.k,
        min_span=params.min_chain_span,
        max_step=params.max_chain_step,
        weights=np.concatenate(ws),
        with_positions=with_positions,
    )


def _template_masks(dfs: Sequence[np.ndarray], k: int, threshold: int) -> list[np.ndarray]:
    """Per document: folded characters covered by a k-gram in ``threshold`` or more documents."""
    out = []
    for df in dfs:
        hit = (df >= threshold).astype(np.int64)
        cover = np.zeros(len(df) + k, dtype=np.int64)
        cover[: len(df)] += hit
        cover[k : k + len(df)] -= hit
        out.append(np.cumsum(cover)[: len(df) + k - 1] > 0 if len(df) else np.zeros(0, dtype=bool))
    return out


def _rank_pairs(
    keys: np.ndarray,
    span: np.ndarray,
    score: np.ndarray,
    pos_a: np.ndarray,
    pos_b: np.ndarray,
    codes: Sequence[np.ndarray],
    dfs: Sequence[np.ndarray],
    n: int,
    params: ReuseParams,
    mask_threshold: int,
    budget: int,
) -> np.ndarray:
    """Candidate order: longest chain first, then (for the best ``band_pool`` × budget
    pairs) by how much non-template text matches around the chain (``band_matches``),
    never below the chain's own span. A copy of common clauses spun or edited at their
    junctions has a short rare chain but keeps matching around it."""
    order_ = np.lexsort((keys, -score, -span))
    if not params.band_pool or len(order_) <= budget:
        return order_
    pool, rest = order_[: params.band_pool * budget], order_[params.band_pool * budget :]
    masks = _template_masks(dfs, params.k, mask_threshold)
    band = band_matches(codes, masks, keys[pool], pos_a[pool], pos_b[pool], n_docs=n)
    merit = np.maximum(band, span[pool])
    return np.r_[pool[np.lexsort((keys[pool], -score[pool], -span[pool], -merit))], rest]


def _folded_pass(
    aligned: list,
    lex: set[tuple[str, str]],
    views: list[NormView],
    texts: list[str],
    done: set[tuple[int, int]],
    params: ReuseParams,
    show: bool,
    lap: Any,
    misses: Sequence[tuple[int, int, tuple[int, int, int, int]]] = (),
) -> list:
    """Second pass: fold the spinner pairs learned in the first pass (and the lexicon's)
    into one character per class, index the folded corpus, and align the new candidate
    pairs. A spun copy made with a table the code never saw becomes a verbatim copy once
    enough of that table has been learned from other copies."""
    from .normalize import fold_words

    learned = _learned(aligned, params.fold_min_support)
    pairs = [tuple(k) for k in learned] + [tuple(p) for p in lex]
    classes = _word_classes(pairs)
    if not learned or not classes:
        return []
    n = len(views)
    fold = fold_words([v.codes for v in views], classes)
    lap("fold_words")
    fh = gram_hashes_many(fold.codes, params.k)
    ftable, fdfs = GramTable.build_with_positions(fh, k=params.k)
    fctx_table, fctx_dfs = GramTable.build_with_positions(
        gram_hashes_many(fold.codes, params.k - 1), k=params.k - 1
    )
    fformula = _split_like(formula_flags(np.concatenate(fh) if fh else np.zeros(0, np.uint64), params.k), fh)
    lap("fold_tables")
    keys, span, score, pos_a, pos_b = _chained_candidates(fh, fdfs, n, params, with_positions=True)
    done_keys = np.array(sorted(x * n + y for x, y in done), dtype=np.int64)
    new = ~np.isin(keys, done_keys)
    keys, span, score, pos_a, pos_b = keys[new], span[new], score[new], pos_a[new], pos_b[new]
    budget = max(params.min_pair_budget // 4, int(params.fold_pairs_per_doc * n))
    wide = max(params.min_pair_budget, params.pairs_per_doc * n)
    fchance_thr = ChanceModel(ftable, fctx_table, params.chance).template_mask_threshold()
    order_ = _rank_pairs(keys, span, score, pos_a, pos_b, fold.codes, fdfs, n, params, fchance_thr, wide)[:wide]
    # the best-ranked new pairs are aligned whole; the rest (down to the first pass's
    # budget) only around their best chain: a heavily spun copy of two or three stock
    # clauses shows, once folded, a single short chain at a clause junction, like a chance
    # junction does, and only aligning it tells them apart
    regions: dict[tuple[int, int], tuple[int, int, int, int] | None] = {}
    w = params.fold_window
    for r, o in enumerate(order_.tolist()):
        x, y = int(keys[o] // n), int(keys[o] % n)
        if r < budget:
            regions[(x, y)] = None
            continue
        sa_, sb_ = fold.src_start[x], fold.src_start[y]
        pa_, pb_ = int(pos_a[o]), int(pos_b[o])
        ea_ = min(len(sa_) - 1, pa_ + int(span[o]))
        eb_ = min(len(sb_) - 1, pb_ + int(span[o]))
        regions[(x, y)] = (
            max(0, int(sa_[max(0, pa_ - w)]) if len(sa_) else 0),
            int(sa_[min(len(sa_) - 1, ea_ + w)]) + 1 if len(sa_) else 0,
            max(0, int(sb_[max(0, pb_ - w)]) if len(sb_) else 0),
            int(sb_[min(len(sb_) - 1, eb_ + w)]) + 1 if len(sb_) else 0,
        )
    # pairs whose first-pass passages show word replacements: realign folded around them,
    # where a spun passage is found whole (the longer of two overlapping passages is kept)
    margin = 48
    for x, y, items in aligned:
        spunish = [item[1] for item in items if item[1].replacements]
        if spunish and (x, y) not in regions:
            regions[(x, y)] = (
                max(0, min(r.a0 for r in spunish) - margin),
                max(r.a1 for r in spunish) + margin,
                max(0, min(r.b0 for r in spunish) - margin),
                max(r.b1 for r in spunish) + margin,
            )
    # first-pass near misses (a core between ``min_core_spun`` and ``min_core``): realigned
    # folded around the rejected passage (all of a pair's near misses in one region)
    miss_regions: dict[tuple[int, int], list[int]] = {}
    for x, y, (a0, a1, b0, b1) in misses:
        if (x, y) in regions:
            continue
        r_ = miss_regions.setdefault((x, y), [a0, a1, b0, b1])
        r_[:] = [min(r_[0], a0), max(r_[1], a1), min(r_[2], b0), max(r_[3], b1)]
    for (x, y), (a0, a1, b0, b1) in miss_regions.items():
        regions[(x, y)] = (max(0, a0 - margin), a1 + margin, max(0, b0 - margin), b1 + margin)
    pair_list = [(x, y, regions[(x, y)]) for x, y in sorted(regions)]
    lap("fold_index")
    _STATE.update(
        fold=fold, fdfs=fdfs, fctx_dfs=fctx_dfs, fformula=fformula,
        fchance=ChanceModel(ftable, fctx_table, params.chance),
    )
    chunk = 64
    chunks = [pair_list[i : i + chunk] for i in range(0, len(pair_list), chunk)]
    jobs = params.n_jobs if len(pair_list) >= 256 else 1
    out = _run_chunks(chunks, jobs, show, _align_folded_chunk)
    lap("fold_align")
    return out


def find_reuse(
    corpus: Any,
    *,
    min_chars: int = 30,
    method: Method = "auto",
    n_jobs: int = 2,
    progress: bool | None = None,
    learn: bool = True,
    lexicon: Iterable[tuple[str, str]] | None = None,
    **overrides: Any,
) -> ReuseReport:
    """Copied passages between the documents of ``corpus``, template text, spin scores.

    ``corpus`` is a ``Corpus`` or a sequence of ``Document``. ``min_chars`` is the
    shortest passage reported (``Document.text`` characters, both sides). ``method``
    picks the candidate search (``auto``: ``exact`` up to 60 documents, ``index`` beyond).
    ``lexicon`` replaces the shipped spinner lexicon (pairs original → spun);
    ``learn=False`` turns off learning substitution pairs from the corpus. Other
    ``ReuseParams`` fields can be given as keyword overrides.

    >>> import summarykit
    >>> a = summarykit.parse("一、工作\\n我们积极开展妇女维权服务，妥善处理妇女群众的来信来访，及时化解各类矛盾纠纷。", id="a")
    >>> b = summarykit.parse("一、工作\\n我们用心开展妇女维权服务，妥善处理妇女群众的来信来访，及时化解各类矛盾纠纷。", id="b")
    >>> r = summarykit.find_reuse([a, b], n_jobs=1)
    >>> [(m.doc_a, m.doc_b, m.kind) for m in r.matches]
    [('a', 'b', 'near')]
    """
    if not isinstance(min_chars, int) or min_chars < 1:
        raise ValueError(f"min_chars must be a positive int, got {min_chars!r}")
    if n_jobs is None or n_jobs < 1:
        n_jobs = os.cpu_count() or 1
    if method not in ("auto", "exact", "index"):
        raise ValueError(f"method must be 'auto', 'exact' or 'index', got {method!r}")
    align_over = overrides.pop("align", None)
    chance_over = overrides.pop("chance", None)
    known = {f for f in ReuseParams.__dataclass_fields__}
    unknown = set(overrides) - known
    if unknown:
        raise TypeError(f"unknown parameter(s) {sorted(unknown)}; known: {sorted(known)}")
    params = ReuseParams(min_chars=min_chars, method=method, n_jobs=n_jobs, **overrides)
    if align_over is not None:
        params = replace(params, align=align_over if isinstance(align_over, AlignParams) else AlignParams(**align_over))
    if chance_over is not None:
        params = replace(
            params, chance=chance_over if isinstance(chance_over, ChanceParams) else ChanceParams(**chance_over)
        )
    docs = _as_documents(corpus)
    n = len(docs)
    show = sys.stderr.isatty() if progress is None else progress
    chosen = choose_method(n) if params.method == "auto" else params.method

    import time

    clock = [time.perf_counter(), time.process_time()]
    timings: dict[str, float] = {}
    cpu_timings: dict[str, float] = {}

    def lap(name: str) -> None:
        # wall time per stage, and CPU time of this process (workers excluded)
        now, cpu = time.perf_counter(), time.process_time()
        timings[name] = round(now - clock[0], 3)
        cpu_timings[name] = round(cpu - clock[1], 3)
        clock[0], clock[1] = now, cpu

    views = [normalize(d.text) for d in docs]
    texts = [d.text for d in docs]
    hashes = gram_hashes_many([v.codes for v in views], params.k)
    table, dfs = GramTable.build_with_positions(hashes, k=params.k)
    ctx_hashes = gram_hashes_many([v.codes for v in views], params.k - 1)
    context, ctx_dfs = GramTable.build_with_positions(ctx_hashes, k=params.k - 1)
    chance = ChanceModel(table, context, params.chance)
    formula = _split_like(formula_flags(np.concatenate(hashes) if hashes else np.zeros(0, np.uint64), params.k), hashes)
    # seed k-grams of the aligner (the context grams when the lengths agree)
    seed_hashes = (
        ctx_hashes
        if params.align.seed_k == params.k - 1
        else gram_hashes_many([v.codes for v in views], params.align.seed_k)
    )

    lap("normalize_index")
    # -- candidate pairs ---------------------------------------------------------------
    if n < 2:
        keys, counts = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        min_shared = 1
    elif chosen == "exact":
        keys, counts = exact_pairs([v.codes for v in views], k=params.align.seed_k)
        min_shared = 1
    else:
        keys, span, score, pos_a, pos_b = _chained_candidates(hashes, dfs, n, params, with_positions=True)
        # bounded work: the best chains first, at most ``pair_budget`` pairs
        budget = max(params.min_pair_budget, params.pairs_per_doc * n)
        order_ = _rank_pairs(
            keys, span, score, pos_a, pos_b, [v.codes for v in views], dfs, n, params,
            chance.template_mask_threshold(), budget,
        )[:budget]
        keys = keys[order_]
        counts = np.ones(len(keys), dtype=np.int64)
        min_shared = 1
    keep = counts >= min_shared
    pair_list = [(int(k // max(n, 1)), int(k % max(n, 1))) for k in keys[keep]]
    n_candidates = len(pair_list)

    lap("candidates")
    # -- alignment (worker processes for big batches) ----------------------------------
    chunk = 64
    chunks = [pair_list[i : i + chunk] for i in range(0, len(pair_list), chunk)]
    _STATE.update(
        views=views,
        texts=texts,
        dfs=dfs,
        ctx_dfs=ctx_dfs,
        formula=formula,
        ctx_hashes=seed_hashes,
        align=params.align,
        chance=chance,
        min_norm=max(1, int(params.min_chars * 0.6)),
        min_core=params.min_core,
        min_core_spun=params.min_core_spun,
        sentence_end_evidence=params.sentence_end_evidence,
        junction_log=junction_rates(texts) if params.clause_junctions else None,
    )
    lex = set(_load_lexicon()) if lexicon is None else {(str(a), str(b)) for a, b in lexicon}
    try:
        jobs = params.n_jobs if len(pair_list) >= 256 else 1
        folding = learn and params.fold_pass and chosen == "index" and n >= 2
        _STATE["near_miss"] = folding and params.retry_near_misses
        res = _run_chunks(chunks, jobs, show)
        aligned = [t for t in res if isinstance(t[2], list)]
        misses = [t for t in res if isinstance(t[2], tuple)]
        lap("align")
        if folding:
            aligned += _folded_pass(
                aligned, lex, views, texts, {(x, y) for x, y, _ in aligned}, params, show, lap, misses
            )
    finally:
        _STATE.clear()

    # -- substitution learning -------------------------------------------------------------
    learned = _learned(aligned, params.learn_min_support) if learn else set()
    lex_keys = {frozenset(p) for p in lex}
    folded_pairs = _learned(aligned, params.fold_min_support) if learn else set()
    classes = _word_classes(list(folded_pairs) + list(lex_keys))

    # -- passage ends, length filter ---------------------------------------------------------
    raw: list[dict[str, Any]] = []
    for x, y, found in aligned:
        for p, r, sig in found:
            r = _extend_with_classes(r, views[x].text, views[y].text, classes)
            sa, ea = views[x].span(r.a0, r.a1)
            sb, eb = views[y].span(r.b0, r.b1)
            sa, ea, sb, eb = _extend_punct(texts[x], sa, ea, texts[y], sb, eb)
            if params.sentence_edges:
                sa, ea, sb, eb = _sentence_edges(texts[x], sa, ea, texts[y], sb, eb, params.sentence_edges)
            if params.complete_sentences:
                sa, ea, sb, eb, more = _complete_sentences(
                    texts[x], sa, ea, texts[y], sb, eb, params.complete_sentences
                )
                if more:
                    r = Refined(r.a0, r.a1, r.b0, r.b1, tuple(r.replacements) + tuple(more), r.edits)
            if params.trim_fragment:
                ta_, tb_ = _trim_fragments(texts[x], sa, ea, params.trim_fragment), _trim_fragments(
                    texts[y], sb, eb, params.trim_fragment
                )
                if min(ta_[1] - ta_[0], tb_[1] - tb_[0]) >= params.min_chars:
                    (sa, ea), (sb, eb) = ta_, tb_
            if ea - sa < params.min_chars or eb - sb < params.min_chars:
                continue
            raw.append(
                {"x": x, "y": y, "p": p, "r": r, "sig": sig, "span_a": (sa, ea), "span_b": (sb, eb)}
            )
    raw = _drop_overlaps(raw)

    if n >= 512 and params.n_jobs > 1:
        _STATE["docs"] = docs
        try:
            spins = _run_chunks(
                [list(range(i, min(n, i + 256))) for i in range(0, n, 256)], params.n_jobs, False, _spin_chunk
            )
        finally:
            _STATE.clear()
    else:
        spins = _spin_scores(docs)
    # word frequencies over a deterministic sample of the corpus, for orientation
    sample_idx = range(0, n, max(1, n // 400)) if n else range(0)
    sample = "\n".join(views[i].text for i in sample_idx)
    freq_cache: dict[str, int] = {}

    def freq(w: str) -> int:
        if w not in freq_cache:
            freq_cache[w] = sample.count(w)
        return freq_cache[w]

    # -- kinds, direction, matches -----------------------------------------------------------
    order = {d.id: i for i, d in enumerate(docs)}
    results: list[tuple[Match, MatchInfo]] = []
    for item in raw:
        x, y, p, r = item["x"], item["y"], item["p"], item["r"]
        reps = [rp for rp in r.replacements if _spinnable(*rp)]
        spin_x = spins[x][0] or 0.0
        spin_y = spins[y][0] or 0.0
        known = [rp for rp in reps if frozenset(rp) in learned or frozenset(rp) in lex_keys]
        # direction evidence: positive → y (B) is the copy
        ev = 0.0
        for wa, wb in reps:
            if (wa, wb) in lex:
                ev += 1.0
            elif (wb, wa) in lex:
                ev -= 1.0
            ev += 0.5 * (math.log1p(freq(wa)) - math.log1p(freq(wb)))
        ev += 0.2 * (spin_y - spin_x)
        copy_spin = spin_y if ev >= 0 else spin_x
        spinner_reps = list(known)
        if copy_spin >= params.spin_doc_threshold:
            spinner_reps = reps
        other = len(r.edits) + len(r.replacements) - len(reps)
        (sa_, ea_), (sb_, eb_) = item["span_a"], item["span_b"]
        same = normalize(texts[x][sa_:ea_]).text == normalize(texts[y][sb_:eb_]).text
        if not r.replacements and not r.edits and p.ordered and same:
            kind = "verbatim"
        elif spinner_reps and (len(spinner_reps) >= 2 or len(spinner_reps) >= other or known):
            kind = "spun"
        elif len(reps) >= 3 and len(reps) >= 2 * other:
            kind = "spun"
            spinner_reps = reps
        else:
            kind = "near"
        if kind == "verbatim" or (kind == "near" and same):
            kind = "verbatim" if same else "near"
        directed = kind == "spun" and (ev != 0.0)
        swap = ev < 0 if directed else order[docs[x].id] > order[docs[y].id]
        (sa, ea), (sb, eb) = item["span_a"], item["span_b"]
        da, db = docs[x].id, docs[y].id
        subs_counter: Counter = Counter()
        if kind == "spun":
            for wa, wb in spinner_reps:
                subs_counter[(wb, wa) if swap else (wa, wb)] += 1
        edits = tuple((b, a) if swap else (a, b) for a, b in r.edits)
        if swap:
            da, db, sa, ea, sb, eb = db, da, sb, eb, sa, ea
        subs = tuple(
            Substitution(s, t, c) for (s, t), c in sorted(subs_counter.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        m = Match(da, sa, ea, db, sb, eb, kind, round(min(1.0, p.similarity), 4), subs)
        info = MatchInfo("spin" if directed else "id_order", round(item["sig"], 2), edits, p.ordered)
        results.append((m, info))
    results.sort(key=lambda mi: (order[mi[0].doc_a], mi[0].start_a, order[mi[0].doc_b], mi[0].start_b))

    # -- passages shared by many documents are template text ------------------------------
    shared = (
        template_matches(
            [m for m, _ in results], min_docs=params.template_min_docs, min_chars=params.min_chars
        )
        if params.template_min_docs
        else []
    )
    moved = {i for sp in shared for i in sp.members}
    shared_phrases = [(results[sp.center][0], sp) for sp in shared]
    results = [mi for i, mi in enumerate(results) if i not in moved]

    lap("learn_kinds")
    # -- per-document figures ---------------------------------------------------------------
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    by_source: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for m, info in results:
        covered[m.doc_b].append((m.start_b, m.end_b))
        by_source[m.doc_b][m.doc_a].append((m.start_b, m.end_b))
        if info.direction != "spin":
            covered[m.doc_a].append((m.start_a, m.end_a))
            by_source[m.doc_a][m.doc_b].append((m.start_a, m.end_a))
    threshold = chance.template_threshold()
    bp_spans: list[list[tuple[int, int]]] = []
    for i in range(n):
        bp_spans.append(template_runs(dfs[i], formula[i], params.k, threshold))
    out_docs = []
    for i, d in enumerate(docs):
        length = max(len(d.text), 1)
        ratio = _union_len(covered.get(d.id, ())) / length
        best, best_ratio = None, 0.0
        for other_id, spans in sorted(by_source.get(d.id, {}).items(), key=lambda kv: order[kv[0]]):
            r_ = _union_len(spans) / length
            if r_ > best_ratio:
                best, best_ratio = other_id, r_
        text_spans = [views[i].span(s, min(e, len(views[i]))) for s, e in bp_spans[i] if s < len(views[i])]
        for _m, sp in shared_phrases:
            text_spans.extend(sp.spans.get(d.id, ()))
        bp_ratio = _union_len(text_spans) / length
        score, evidence, residue = spins[i]
        out_docs.append(
            DocumentReuse(
                id=d.id,
                title=d.title,
                source=d.source,
                source_start=d.source_start,
                removed=d.removed,
                copy_ratio=ratio,
                max_source_ratio=best_ratio,
                max_source=best,
                boilerplate_ratio=bp_ratio,
                spin_score=score,
                spin_evidence=evidence,
                residue=residue,
            )
        )

    boilerplate = _template_phrases(docs, views, bp_spans, params.k, limit=200)
    boilerplate = _merge_shared(boilerplate, shared_phrases, {d.id: d.text for d in docs}, order)
    lap("documents_boilerplate")
    record = {
        **{k: v for k, v in asdict(params).items() if k not in ("align", "chance")},
        "method": chosen,
        "align": asdict(params.align),
        "chance": asdict(params.chance),
        "template_threshold": threshold,
        "n_template_matches": len(moved),
        "n_documents": n,
        "n_candidate_pairs": n_candidates,
        "n_learned_pairs": len(learned),
        "learned_pairs": sorted("/".join(sorted(k)) for k in learned)[:500],
        "lexicon_size": len(lex),
        "learn": learn,
        "n_jobs": params.n_jobs,
        "cpu_count": os.cpu_count(),
        "timings": timings,
        "cpu_timings": cpu_timings,
    }
    return ReuseReport(
        documents=tuple(out_docs),
        matches=tuple(m for m, _ in results),
        boilerplate=boilerplate,
        params=record,
        match_info=tuple(i for _, i in results),
        corpus=corpus if hasattr(corpus, "documents") else tuple(docs),
    )


def _merge_shared(
    phrases: Sequence[TemplatePhrase],
    shared: Sequence[tuple[Match, Any]],
    texts: dict[str, str],
    order: dict[str, int],
) -> tuple[TemplatePhrase, ...]:
    """Template phrases plus the passages shared by many documents, without duplicates:
    a passage whose folded text is a listed phrase's merges into it (documents united);
    a listed phrase inside a passage, in no document the passage lacks, adds nothing and
    is dropped. Sorted like ``_template_phrases`` (most documents, then longest)."""
    items: dict[str, tuple[str, set[str]]] = {}
    for ph in phrases:
        items[normalize(ph.text).text] = (ph.text, set(ph.docs))
    for m, sp in shared:
        sa, sb = (m.end_a - m.start_a), (m.end_b - m.start_b)
        d, s, e = (m.doc_a, m.start_a, m.end_a) if sa <= sb else (m.doc_b, m.start_b, m.end_b)
        text = texts[d][s:e].strip()
        key = normalize(text).text
        if key in items:
            items[key][1].update(sp.docs)
        else:
            items[key] = (text, set(sp.docs))
    passages = [
        (normalize(texts[d][s:e]).text, set(sp.docs))
        for m, sp in shared
        for d, s, e in ((m.doc_a, m.start_a, m.end_a), (m.doc_b, m.start_b, m.end_b))
    ]
    out = []
    for key, (text, ids) in items.items():
        if any(key != p and key in p and ids <= pdocs for p, pdocs in passages):
            continue
        out.append(TemplatePhrase(text, len(ids), tuple(sorted(ids, key=lambda x: order.get(x, 0)))))
    out.sort(key=lambda t: (-t.doc_count, -len(t.text), t.text))
    return tuple(out)


def _template_phrases(
    docs: Sequence[Document],
    views: Sequence[NormView],
    spans: Sequence[list[tuple[int, int]]],
    k: int,
    *,
    limit: int,
    pool: int = 600,
) -> tuple[TemplatePhrase, ...]:
    """Template runs grouped by folded text. A run found inside a longer run of another
    document counts for that document too (``社区妇联工作总结汇报 篇`` is in every title,
    ``…篇1`` only in some); phrases that add nothing to a listed longer one are dropped."""
    by_text: dict[str, set[int]] = defaultdict(set)
    first_at: dict[str, tuple[int, int, int]] = {}
    for i, runs in enumerate(spans):
        v = views[i]
        for s, e in runs:
            e = min(e, len(v))
            if e - s < k:
                continue
            key = v.text[s:e]
            by_text[key].add(i)
            if key not in first_at:
                first_at[key] = (i, s, e)
    top = sorted(by_text.items(), key=lambda kv: (-len(kv[1]), -len(kv[0]), kv[0]))[:pool]
    merged: dict[str, set[int]] = {key: set(ids) for key, ids in top}
    keys = [key for key, _ in top]
    for t in keys:
        for u in keys:
            if len(u) > len(t) and t in u:
                merged[t] |= merged.get(u, set())
    items = [(key, ids) for key, ids in merged.items() if len(ids) >= 2]
    items.sort(key=lambda kv: (-len(kv[1]), -len(kv[0]), kv[0]))
    out: list[TemplatePhrase] = []
    listed: list[tuple[str, int]] = []
    for key, ids in items:
        if any(key in other and len(ids) <= cnt for other, cnt in listed):
            continue
        listed.append((key, len(ids)))
        d, fs, fe = first_at[key]
        ts, te = views[d].span(fs, fe)
        out.append(TemplatePhrase(docs[d].text[ts:te], len(ids), tuple(docs[i].id for i in sorted(ids))))
        if len(out) >= limit:
            break
    return tuple(out)


__all__ = ["ReuseParams", "find_reuse"]
