"""Synthetic work-report corpora with planted copies whose ground truth is known.

    python scripts/make_synth.py --n 1000 --seed 1 --out /tmp/synth1000
    python scripts/make_synth.py --n 10000 --seed 1 --out /tmp/synth10000 --check

or, in memory (tests, bench)::

    sys.path.insert(0, "scripts"); from make_synth import make_corpus
    docs, truth = make_corpus(1000, seed=1)          # docs: [(id, text)], truth: dict

The reports are recombined from real text in ``corpora/seed`` and ``corpora/dev``. Clauses (the
pieces between commas) are shuffled into sentences, sentences into paragraphs, and real section
headings are renumbered ``一、`` ``（一）``. Each document has a title line. Chance overlaps stay
short, because no two documents share two consecutive clauses unless the truth says so. Every clause
is 4–18 characters, so a shared run of 30 characters or more is always a planted copy or a template
formula.

Planted in it:

- copies of 1–6 consecutive sentences of one document into another. ``obfuscation`` is
  ``verbatim``, ``folded`` (full/half-width punctuation and digits switched, still kind
  ``verbatim``), ``edit`` (character and clause insertions, deletions and replacements: kind
  ``near``), ``reorder`` (sentence order shuffled: kind ``near``) or ``spun`` (jieba words replaced
  from one spinner table in ``corpora/synth/tables/``, sometimes plus light edits: kind ``spun``).
  Sometimes two copies from different sources are planted back to back, so adjacent passages must
  stay separate.
- template formulas (在…的正确领导下, 取得了一定的成绩，但也存在一些不足 …) shared by 10–40 % of the
  documents, with slot variants. They are boilerplate, **not** copies. Their spans are in
  ``truth["boilerplate"]``.

Offsets in the truth are Python ``str`` indices into each document's text. The files contain nothing
that ingest removes, so ``summarykit.load(folder)`` gives ``Document.text`` equal to the file
content, and the same offsets hold (``--check`` verifies it).
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TABLES_DIR = ROOT / "corpora" / "synth" / "tables"
POOL_DIRS = (ROOT / "corpora" / "seed", ROOT / "corpora" / "dev")
SEEN_TABLES = ("t1_classic", "t2_thesaurus")
UNSEEN_TABLES = ("t3_unseen", "t4_unseen", "t5_unseen")
# Reports kept out of the pool: spun text (its odd words would look like planted spinning),
# traditional characters, and X-masked text.
POOL_SKIP = frozenset(
    {
        "000_13ecb70c73c97d6a/篇2",
        "000_13ecb70c73c97d6a/篇5",
        "000_13ecb70c73c97d6a/篇11",
        "gov_1954_national",
        "summary_govinfo_05",
        "gov_2023_suining_anon",
        "gov_202x_anon_city_postdisaster",
    }
)
MIN_CLAUSE, MAX_CLAUSE = 4, 18
MAX_HEADING = 14
MIN_PASSAGE = 30

# obfuscation → (kind, weight)
OBFUSCATIONS: dict[str, tuple[str, float]] = {
    "verbatim": ("verbatim", 0.15),
    "folded": ("verbatim", 0.10),
    "edit": ("near", 0.25),
    "reorder": ("near", 0.10),
    "spun": ("spun", 0.40),
}
TABLE_WEIGHTS = {
    "t1_classic": 0.15,
    "t2_thesaurus": 0.15,
    "t3_unseen": 0.25,
    "t4_unseen": 0.25,
    "t5_unseen": 0.20,
}

CN_NUM = "一二三四五六七八九十"
_SLOTS = {
    "上级": [
        "镇党委、镇政府",
        "区委、区政府",
        "县委、县政府",
        "街道党工委",
        "上级党委",
        "市委、市政府",
        "乡党委、乡政府",
        "局党组",
    ],
    "单位": ["我镇", "我街道", "我社区", "我局", "我校", "我村", "我乡", "我单位", "我委"],
    "期间": ["一年来", "半年来", "过去一年", "今年以来"],
}
# (id, position, text). position: intro | body | closing. Texts ending in "，" are sentence
# prefixes (generated clauses follow in the same sentence); the others are whole sentences.
TEMPLATES: tuple[tuple[str, str, str], ...] = (
    ("T01", "intro", "{期间}，在{上级}的正确领导下，在上级有关部门的大力支持下，"),
    (
        "T02",
        "intro",
        "{单位}以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，",
    ),
    ("T03", "intro", "现将{期间}的工作情况总结如下："),
    ("T04", "intro", "{单位}坚持以人民为中心的发展思想，紧紧围绕年初确定的目标任务，"),
    ("T05", "body", "切实增强了做好工作的责任感和使命感。"),
    ("T06", "body", "进一步提高了思想认识，统一了思想，凝聚了共识。"),
    ("T07", "body", "取得了良好的社会效果，得到了上级领导和广大群众的一致好评。"),
    ("T08", "body", "为全面完成全年各项目标任务奠定了坚实基础。"),
    ("T09", "body", "做到了思想到位、组织到位、措施到位、责任到位。"),
    ("T10", "body", "加强组织领导，明确工作责任，"),
    ("T11", "body", "认真贯彻落实上级决策部署，"),
    (
        "T12",
        "closing",
        "{期间}，{单位}虽然取得了一定的成绩，但也存在一些不足，主要表现在以下几个方面：",
    ),
    ("T13", "closing", "一是学习不够深入，二是创新意识不强，三是工作方法有待改进。"),
    ("T14", "closing", "在今后的工作中，我们将认真总结经验，查找不足，采取有效措施加以改进。"),
    (
        "T15",
        "closing",
        "在新的一年里，{单位}将在{上级}的坚强领导下，以更加饱满的热情、更加务实的作风，",
    ),
    ("T16", "closing", "努力开创各项工作新局面，为推动经济社会高质量发展作出新的更大贡献。"),
    ("T17", "closing", "以上是{单位}{期间}的工作总结，不足之处，敬请批评指正。"),
)
_PLACES = [
    "城南",
    "城北",
    "河西",
    "河东",
    "青山",
    "东湖",
    "西湖",
    "南山",
    "北岭",
    "长安",
    "新华",
    "和平",
    "解放",
    "人民",
    "向阳",
    "红星",
    "胜利",
    "建设",
    "东风",
    "前进",
    "金山",
    "银河",
    "白沙",
    "黄石",
    "绿水",
    "清河",
    "柳林",
    "松江",
    "桂林",
    "梅园",
    "桃源",
    "杏花",
    "荷塘",
    "龙泉",
    "凤凰",
    "麒麟",
    "双桥",
    "三元",
    "四方",
    "五里",
    "六合",
    "七星",
    "八角",
    "九龙",
    "十里",
    "太平",
    "永安",
    "兴隆",
    "富民",
    "丰收",
    "长青",
    "新村",
    "高桥",
    "石门",
    "沙河",
    "马场",
    "牛山",
]
_UNITS = [
    "街道妇联",
    "镇妇联",
    "社区居委会",
    "镇人民政府",
    "县教育局",
    "村党支部",
    "区总工会",
    "市民政局",
    "乡人民政府",
    "社区党委",
    "县妇联",
    "区文明办",
    "镇团委",
    "中心小学",
    "县卫生健康局",
    "街道办事处",
    "村民委员会",
    "区司法局",
]
_KINDS = ("工作总结", "年度工作总结", "工作汇报", "上半年工作总结", "工作报告", "年终工作总结")

_RE_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])\s*(\S.*?)\s*$"
)
_RE_ENUM = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}(?:是|要|、)|第[一二三四五六七八九十]{1,3}[，,、]?|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．]|[①-⑳]|——|首先|其次|最后)"
)
_RE_SENT = re.compile(r"[^。！？；;!?]+[。！？；;!?]?")
_RE_CLAUSE = re.compile(r"[^，,：:]+")
_RE_HAN = re.compile(r"[\u4e00-\u9fff]")
_BAD_CHARS = re.compile(
    r"[\s…|<>#*_=~^\\/@&$%【】\[\]{}「」『』A-Za-z×]|篇|页|目录|下载|复制|网|阅读|收藏|欢迎|范文|本文|文档|点击|关注|会员|分享|转载"
)
_PAIRS_BRACKETS = ("“”", "‘’", "《》", "（）", "()")
_DIGITS = re.compile(r"\d+")
_FULL = str.maketrans("，：；（）0123456789", ",:;()０１２３４５６７８９")
_TO_FULL = str.maketrans(",:;()０１２３４５６７８９", "，：；（）0123456789")


def _fold_full_to_half(text: str) -> str:
    return text.translate(str.maketrans("，：；（）０１２３４５６７８９", ",:;()0123456789"))


def _fold_half_to_full(text: str) -> str:
    return text.translate(str.maketrans(",:;()0123456789", "，：；（）０１２３４５６７８９"))


# --------------------------------------------------------------------------- pool
@dataclass(frozen=True)
class Pool:
    clauses: tuple[str, ...]
    headings: tuple[str, ...]
    digits: tuple[bool, ...] = ()
    """``digits[i]``: clause ``i`` holds a number (randomised on every use)."""


def _balanced(s: str) -> bool:
    return all(s.count(o) == s.count(c) for o, c in _PAIRS_BRACKETS) and s.count('"') % 2 == 0


def _clean_clause(c: str) -> str | None:
    c = c.strip()
    c = _RE_ENUM.sub("", c).strip()
    c = c.rstrip("，,：:。！？；;!?、")
    c = c.lstrip("，,：:。！？；;!?、")
    if not (MIN_CLAUSE <= len(c) <= MAX_CLAUSE) or _BAD_CHARS.search(c) or not _balanced(c):
        return None
    if len(_RE_HAN.findall(c)) < 0.6 * len(c):
        return None
    from summarykit.reuse.residue import find_residue

    if find_residue(c):  # template-site residue (小编, 仅供参考, 某某, “” …) is not report text
        return None
    return c


@functools.cache
def load_pool() -> Pool:
    """Clauses and headings of the real reports in corpora/seed and corpora/dev (cached)."""
    sys.path.insert(0, str(ROOT / "src"))
    import summarykit
    from summarykit.tokenize import tokens

    corpus = summarykit.load([str(d) for d in POOL_DIRS], stages=(), progress=False)
    clauses: dict[str, None] = {}
    headings: dict[str, None] = {}
    for doc in corpus:
        if doc.id in POOL_SKIP:
            continue
        lines = doc.text.split("\n")
        for line in lines[1:]:  # line 0 is the title
            m = _RE_HEADING.match(line)
            if m and len(line) <= 30 and "。" not in m.group(1)[:-1]:
                h = m.group(1).rstrip("。；;，,")
                if 4 <= len(h) <= MAX_HEADING and not _BAD_CHARS.search(h) and _balanced(h):
                    headings[h] = None
                continue
            for sent in _RE_SENT.findall(line):
                for raw in _RE_CLAUSE.findall(sent):
                    raw = raw.strip().rstrip("。！？；;!?")
                    if len(raw) > MAX_CLAUSE:
                        # cut a long clause at word boundaries into pieces of at most MAX_CLAUSE
                        piece, start = [], 0
                        for w, s, e in tokens(raw, hmm=False):
                            if e - start > MAX_CLAUSE and piece:
                                part = raw[start:s]
                                if (c := _clean_clause(part)) is not None:
                                    clauses[c] = None
                                start = s
                            piece.append(w)
                        raw = raw[start:]
                    c = _clean_clause(raw)
                    if c is not None:
                        clauses[c] = None
    # Real headings are few; short clauses that open with a verb of work reports make headings too
    # (加强组织建设, 深化改革创新), as do two short clauses joined by a comma.
    verbs = re.compile(
        r"^(?:加强|推进|强化|深化|坚持|完善|健全|推动|提升|提高|促进|落实|抓好|做好|开展|突出|注重|狠抓|创新|夯实|优化|扎实)"
    )
    short = [
        c
        for c in clauses
        if 6 <= len(c) <= 12 and verbs.match(c) and not any(ch.isdigit() for ch in c)
    ]
    for c in short:
        headings[c] = None
    cl = tuple(clauses)
    return Pool(cl, tuple(headings), tuple(any(ch.isdigit() for ch in c) for c in cl))


@functools.cache
def load_table(name: str) -> dict[str, str]:
    """A spinner table: original word → spun word."""
    out: dict[str, str] = {}
    for lineno, line in enumerate(
        (TABLES_DIR / f"{name}.tsv").read_text(encoding="utf-8").splitlines(), 1
    ):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise ValueError(f"{name}.tsv:{lineno}: expected original<TAB>spun")
        out[parts[0].strip()] = parts[1].strip()
    return out


# --------------------------------------------------------------------------- model
@dataclass
class Sent:
    text: str
    tmpl: str | None = None  # template id
    tmpl_len: int = 0  # chars of template text at the start of this sentence
    plant: int | None = None  # planted passage id (B side)
    start: int = -1
    end: int = -1


@dataclass
class Block:
    kind: str  # title | heading | para
    text: str = ""
    sents: list[Sent] = field(default_factory=list)
    start: int = -1


@dataclass
class Doc:
    id: str
    comma: str
    colon: str
    sep: str
    blocks: list[Block]
    received: int = 0
    supplied: int = 0


class _Gen:
    def __init__(self, pool: Pool, rng: random.Random) -> None:
        self.pool = pool
        self.rng = rng
        self.pairs: set[int] = set()
        """Adjacent unit pairs already used, as ``((prev + 64) << 32) + next + 64`` (ints hash fast)."""
        self.prev = -1
        self.tmpl_index = {t[0]: i for i, t in enumerate(TEMPLATES)}

    # units are clause ids >= 0, template ids < -1 (-2 - index), heading ids offset by 10**7
    def _next(self, candidates: int, offset: int = 0) -> int:
        rand = self.rng.random
        for _ in range(30):
            u = offset + int(rand() * candidates)
            if ((self.prev + 64) << 32) + u + 64 not in self.pairs:
                break
        self.pairs.add(((self.prev + 64) << 32) + u + 64)
        self.prev = u
        return u

    def clause(self) -> str:
        u = self._next(len(self.pool.clauses))
        c = self.pool.clauses[u]
        if self.pool.digits[u]:
            c = _DIGITS.sub(self._number, c)
        return c

    def _number(self, m: re.Match[str]) -> str:
        s = m.group()
        if len(s) == 4 and s[:2] in ("19", "20"):
            return str(self.rng.randint(2005, 2024))
        if len(s) == 1:
            return str(self.rng.randint(1, 9))
        return str(self.rng.randint(10 ** (len(s) - 1), 10 ** len(s) - 1))

    def heading(self) -> str:
        u = self._next(len(self.pool.headings), 10**7)
        return self.pool.headings[u - 10**7]

    def template(self, tid: str) -> str:
        u = -2 - self.tmpl_index[tid]
        self.pairs.add(((self.prev + 64) << 32) + u + 64)
        self.prev = u
        text = TEMPLATES[self.tmpl_index[tid]][2]
        return re.sub(r"\{(\w+)\}", lambda m: self.rng.choice(_SLOTS[m.group(1)]), text)

    def sentence(self, comma: str, n: int | None = None) -> str:
        n = n or self.rng.choice((2, 2, 3, 3, 3, 4, 4, 5))
        return comma.join(self.clause() for _ in range(n)) + "。"


def _style(text: str, comma: str, colon: str) -> str:
    return text.replace("，", comma).replace("：", colon)


def _build_doc(gen: _Gen, doc_id: str, tmpl_p: dict[str, float]) -> Doc:
    rng = gen.rng
    comma = "，" if rng.random() < 0.7 else ","
    colon = "：" if comma == "，" else ":"
    sep = "\n\n" if rng.random() < 0.6 else "\n"
    gen.prev = -1
    title = (
        f"{rng.choice(_PLACES)}{rng.choice(_UNITS)}{rng.randint(2008, 2024)}年{rng.choice(_KINDS)}"
    )
    blocks = [Block("title", title)]
    used = {t[0] for t in TEMPLATES if rng.random() < tmpl_p[t[0]]}

    def tsent(tid: str) -> Sent:
        t = _style(gen.template(tid), comma, colon)
        if t.endswith(comma):  # prefix: generated clauses finish the sentence
            rest = gen.sentence(comma, rng.choice((1, 2, 3)))
            return Sent(t + rest, tmpl=tid, tmpl_len=len(t))
        return Sent(t, tmpl=tid, tmpl_len=len(t))

    def para(n: int | None = None) -> Block:
        n = n or rng.choice((2, 3, 3, 4, 4, 5))
        return Block("para", sents=[Sent(gen.sentence(comma)) for _ in range(n)])

    intro = Block("para", sents=[])
    for tid in ("T01", "T02", "T04"):
        if tid in used:
            intro.sents.append(tsent(tid))
    intro.sents.extend(Sent(gen.sentence(comma)) for _ in range(rng.choice((1, 2, 3))))
    if "T03" in used:
        intro.sents.append(tsent("T03"))
    blocks.append(intro)
    body_tmpls = [t[0] for t in TEMPLATES if t[1] == "body" and t[0] in used]
    n_sec = rng.choice((2, 3, 3, 4, 4, 5, 6))
    for k in range(n_sec):
        blocks.append(Block("heading", f"{CN_NUM[k]}、{gen.heading()}"))
        if rng.random() < 0.25:
            for j in range(rng.choice((2, 3))):
                blocks.append(Block("heading", f"（{CN_NUM[j]}）{gen.heading()}"))
                blocks.append(para(rng.choice((1, 2, 3))))
        else:
            for _ in range(rng.choice((1, 1, 2, 2, 3))):
                blocks.append(para())
        if body_tmpls and rng.random() < 0.5:
            tid = body_tmpls.pop()
            target = blocks[-1]
            pos = rng.randrange(len(target.sents) + 1)
            target.sents.insert(pos, tsent(tid))
    closing = Block("para", sents=[Sent(gen.sentence(comma)) for _ in range(rng.choice((1, 2)))])
    for tid in ("T12", "T13", "T14", "T15", "T16", "T17"):
        if tid in used:
            closing.sents.append(tsent(tid))
    blocks.append(closing)
    return Doc(doc_id, comma, colon, sep, blocks)


# --------------------------------------------------------------------------- obfuscation
def _spin(
    text: str, table: dict[str, str], rate: float, rng: random.Random
) -> tuple[str, dict[tuple[str, str], int]]:
    sys.path.insert(0, str(ROOT / "src"))
    from summarykit.tokenize import tokens

    out, subs = [], {}
    for w, _s, _e in tokens(text, hmm=False):
        t = table.get(w)
        if t is not None and rng.random() < rate:
            out.append(t)
            subs[(w, t)] = subs.get((w, t), 0) + 1
        else:
            out.append(w)
    return "".join(out), subs


_INSERT_CHARS = "的了和及与在是也都将已并又更还"


def _edit(text: str, comma: str, gen: _Gen, n_edits: int) -> tuple[str, int]:
    rng = gen.rng
    done = 0
    for _ in range(n_edits * 3):
        if done >= n_edits:
            break
        op = rng.choice(
            ("del", "ins", "sub", "del", "ins", "clause_del", "clause_ins", "clause_swap")
        )
        han = [i for i, ch in enumerate(text) if _RE_HAN.match(ch)]
        if op in ("del", "ins", "sub") and len(han) > 10:
            i = rng.choice(han)
            if op == "del":
                text = text[:i] + text[i + 1 :]
            elif op == "ins":
                text = text[:i] + rng.choice(_INSERT_CHARS) + text[i:]
            else:
                c = rng.choice(gen.pool.clauses)
                text = text[:i] + rng.choice(c) + text[i + 1 :]
            done += 1
            continue
        parts = re.split(f"({re.escape(comma)}|。)", text)
        # parts: clause, sep, clause, sep … ; clause indices are even
        idx = [i for i in range(0, len(parts) - 1, 2) if parts[i] and parts[i + 1] == comma]
        if not idx:
            continue
        i = rng.choice(idx)
        if op == "clause_del" and len(idx) >= 2:
            del parts[i : i + 2]
        elif op == "clause_ins":
            parts[i:i] = [rng.choice(gen.pool.clauses), comma]
        elif (
            op == "clause_swap"
            and i + 2 < len(parts)
            and parts[i + 2]
            and parts[i + 3 : i + 4] == [comma]
        ):
            parts[i], parts[i + 2] = parts[i + 2], parts[i]
        else:
            continue
        text = "".join(parts)
        done += 1
    return text, done


# --------------------------------------------------------------------------- planting
@dataclass
class Plant:
    id: int
    a: int  # doc index
    block: int
    i: int  # first sentence index in block
    j: int  # last sentence index (inclusive)
    b: int
    obfuscation: str
    kind: str
    text_b: str
    table: str | None = None
    rate: float | None = None
    subs: dict[tuple[str, str], int] = field(default_factory=dict)
    edits: int = 0
    adjacent_to: int | None = None


def _source_candidates(doc: Doc, locked: set[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for bi, bl in enumerate(doc.blocks):
        if bl.kind == "para":
            for si, s in enumerate(bl.sents):
                if s.tmpl is None and s.plant is None and (bi, si) not in locked:
                    out.append((bi, si))
    return out


def _make_passage(
    A: Doc, locked: set[tuple[int, int]], obf: str, table: str | None, gen: _Gen
) -> tuple[int, int, int, str, str, float | None, dict[tuple[str, str], int], int] | None:
    """Pick a source range in ``A`` and make its copy; ``None`` if this try does not work."""
    rng = gen.rng
    cands = _source_candidates(A, locked)
    if not cands:
        return None
    bi, si = rng.choice(cands)
    block = A.blocks[bi]
    length = rng.choice((1, 1, 2, 2, 2, 3, 3, 4, 5, 6))
    if obf == "reorder":
        length = max(length, 2)
    j = si
    while j + 1 < len(block.sents) and j - si + 1 < length:
        nxt = block.sents[j + 1]
        if nxt.tmpl is not None or nxt.plant is not None or (bi, j + 1) in locked:
            break
        j += 1
    src_sents = [s.text for s in block.sents[si : j + 1]]
    src = "".join(src_sents)
    if len(src) < MIN_PASSAGE:
        return None
    rate: float | None = None
    subs: dict[tuple[str, str], int] = {}
    edits = 0
    if obf == "verbatim":
        text_b = src
    elif obf == "folded":
        text_b = _fold_full_to_half(src) if A.comma == "，" else _fold_half_to_full(src)
        if text_b == src:
            return None
    elif obf == "reorder":
        if len(src_sents) < 2:
            return None
        order = list(range(len(src_sents)))
        while order == sorted(order):
            rng.shuffle(order)
        text_b = "".join(src_sents[k] for k in order)
    elif obf == "edit":
        text_b, edits = _edit(src, A.comma, gen, max(1, round(len(src) / rng.uniform(25, 50))))
        if edits == 0:
            return None
    else:  # spun
        assert table is not None
        rate = round(rng.uniform(0.6, 1.0), 2)
        text_b, subs = _spin(src, load_table(table), rate, rng)
        if sum(subs.values()) < 2:
            return None
        if rng.random() < 0.25:
            text_b, edits = _edit(text_b, A.comma, gen, rng.choice((1, 2)))
            # an edit may delete or break a spun word: the truth lists what B still shows
            subs = {k: min(c, text_b.count(k[1])) for k, c in subs.items() if k[1] in text_b}
            if sum(subs.values()) < 2:
                return None
    if len(text_b) < MIN_PASSAGE:
        return None
    return bi, si, j, obf, text_b, rate, subs, edits


def _plant(docs: list[Doc], gen: _Gen, n_plants: int) -> list[Plant]:
    rng = gen.rng
    n = len(docs)
    locked: list[set[tuple[int, int]]] = [set() for _ in range(n)]
    plants: list[Plant] = []
    obf_names = list(OBFUSCATIONS)
    obf_w = [OBFUSCATIONS[o][1] for o in obf_names]
    tab_names = list(TABLE_WEIGHTS)
    tab_w = [TABLE_WEIGHTS[t] for t in tab_names]
    # where each receiving document's previous plant went, for back-to-back plants
    last_site: dict[int, tuple[int, int]] = {}
    sourced: dict[int, list[Plant]] = {}  # plants by source document
    attempts = 0
    while len(plants) < n_plants and attempts < n_plants * 20:
        attempts += 1
        # the obfuscation is drawn first, so failed tries do not skew the mix
        obf = rng.choices(obf_names, obf_w)[0]
        table = rng.choices(tab_names, tab_w)[0] if obf == "spun" else None
        made = None
        for _try in range(12):
            a, b = rng.randrange(n), rng.randrange(n)
            if a == b or docs[a].supplied >= 3 or docs[b].received >= 3:
                continue
            made = _make_passage(docs[a], locked[a], obf, table, gen)
            if made is not None:
                break
        if made is None:
            continue
        A = docs[a]
        bi, si, j, obf_done, text_b, rate, subs, edits = made
        kind = OBFUSCATIONS[obf_done][0]
        B = docs[b]
        # choose the insertion site in B
        p = Plant(len(plants), a, bi, si, j, b, obf_done, kind, text_b, table, rate, subs, edits)
        if b in last_site and rng.random() < 0.5:
            bbi, pos = last_site[b]  # right after B's previous plant: adjacent passages
            prev_id = B.blocks[bbi].sents[pos - 1].plant
            if prev_id is not None and plants[prev_id].a != a:
                p.adjacent_to = prev_id
            else:
                bbi = -1
        else:
            bbi = -1
        if bbi < 0:
            paras = [k for k, bl in enumerate(B.blocks) if bl.kind == "para"]
            bbi = rng.choice(paras)
            where = rng.random()
            if where < 0.4:
                pos = len(B.blocks[bbi].sents)
            elif where < 0.6:
                pos = 0
            else:  # a paragraph of its own after block bbi
                B.blocks.insert(bbi + 1, Block("para", sents=[]))
                # source locks of B in later blocks shift by one
                locked[b] = {(x + 1 if x > bbi else x, y) for x, y in locked[b]}
                for q in sourced.get(b, ()):
                    if q.block > bbi:
                        q.block += 1
                for k, (sb, sp) in list(last_site.items()):
                    if k == b and sb > bbi:
                        last_site[k] = (sb + 1, sp)
                bbi, pos = bbi + 1, 0
        B.blocks[bbi].sents.insert(pos, Sent(text_b, plant=p.id))
        # sentence indices of B's locked sources in that block shift by one after pos
        locked[b] = {(x, y + 1 if x == bbi and y >= pos else y) for x, y in locked[b]}
        for q in sourced.get(b, ()):
            if q.block == bbi and q.i >= pos:
                q.i += 1
                q.j += 1
        last_site[b] = (bbi, pos + 1)
        for k in range(si, j + 1):
            locked[a].add((bi, k))
        A.supplied += 1
        B.received += 1
        plants.append(p)
        sourced.setdefault(a, []).append(p)
    return plants


# --------------------------------------------------------------------------- render
def _render(doc: Doc) -> str:
    parts: list[str] = []
    pos = 0
    for bl in doc.blocks:
        bl.start = pos
        if bl.kind in ("title", "heading"):
            parts.append(bl.text)
            pos += len(bl.text)
        else:
            for s in bl.sents:
                s.start = pos
                parts.append(s.text)
                pos += len(s.text)
                s.end = pos
        parts.append(doc.sep)
        pos += len(doc.sep)
    return "".join(parts)


def make_corpus(
    n_docs: int,
    *,
    seed: int = 1,
    out: str | Path | None = None,
    plant_rate: float = 0.4,
) -> tuple[list[tuple[str, str]], dict[str, Any]]:
    """Build ``n_docs`` reports with planted copies. Returns ``(docs, truth)``.

    ``docs`` is a list of ``(id, text)``; ``truth`` is JSON-ready (see the module docstring and
    corpora/synth/README.md). With ``out``, also writes ``out/<id>.txt`` and ``out/truth.json``.
    """
    if n_docs < 2:
        raise ValueError("n_docs must be at least 2")
    t0 = time.perf_counter()
    pool = load_pool()
    rng = random.Random(seed)
    gen = _Gen(pool, rng)
    width = max(5, len(str(n_docs - 1)))
    tmpl_p = {t[0]: round(rng.uniform(0.10, 0.40), 3) for t in TEMPLATES}
    docs = [_build_doc(gen, f"doc{i:0{width}d}", tmpl_p) for i in range(n_docs)]
    plants = _plant(docs, gen, round(plant_rate * n_docs))
    texts = [_render(d) for d in docs]

    passages = []
    for p in plants:
        A, B = docs[p.a], docs[p.b]
        blk = A.blocks[p.block]
        sa, ea = blk.sents[p.i].start, blk.sents[p.j].end
        sb = next(s for bl in B.blocks for s in bl.sents if s.plant == p.id)
        assert texts[p.b][sb.start : sb.end] == p.text_b
        passages.append(
            {
                "id": p.id,
                "doc_a": A.id,
                "start_a": sa,
                "end_a": ea,
                "doc_b": B.id,
                "start_b": sb.start,
                "end_b": sb.end,
                "kind": p.kind,
                "obfuscation": p.obfuscation,
                "table": p.table,
                "table_seen": None if p.table is None else p.table in SEEN_TABLES,
                "spin_rate": p.rate,
                "substitutions": [
                    {"from": f, "to": t, "count": c} for (f, t), c in sorted(p.subs.items())
                ],
                "edits": p.edits,
                "adjacent_to": p.adjacent_to,
            }
        )
    boilerplate = []
    tmpl_docs: dict[str, set[str]] = {}
    for d in docs:
        for bl in d.blocks:
            for s in bl.sents:
                if s.tmpl is not None:
                    boilerplate.append(
                        {
                            "doc": d.id,
                            "start": s.start,
                            "end": s.start + s.tmpl_len,
                            "template": s.tmpl,
                        }
                    )
                    tmpl_docs.setdefault(s.tmpl, set()).add(d.id)
    covered: dict[str, list[tuple[int, int]]] = {}
    for p in passages:
        covered.setdefault(p["doc_a"], []).append((p["start_a"], p["end_a"]))
        covered.setdefault(p["doc_b"], []).append((p["start_b"], p["end_b"]))
    documents = []
    for d, t in zip(docs, texts):
        spans = covered.get(d.id, [])
        chars = len(set().union(*(range(s, e) for s, e in spans))) if spans else 0
        documents.append(
            {
                "id": d.id,
                "chars": len(t),
                "copied_chars": chars,
                "copy_ratio": round(chars / len(t), 4),
            }
        )
    truth: dict[str, Any] = {
        "generator": "scripts/make_synth.py",
        "n_docs": n_docs,
        "seed": seed,
        "params": {
            "plant_rate": plant_rate,
            "min_passage": MIN_PASSAGE,
            "clause_chars": [MIN_CLAUSE, MAX_CLAUSE],
            "obfuscations": {k: v[1] for k, v in OBFUSCATIONS.items()},
            "tables": TABLE_WEIGHTS,
            "template_rates": tmpl_p,
        },
        "tables": {"seen": list(SEEN_TABLES), "unseen": list(UNSEEN_TABLES)},
        "offsets": "Python str indices into each document's text (== the file's decoded content)",
        "documents": documents,
        "passages": passages,
        "templates": [
            {"id": t[0], "position": t[1], "text": t[2], "doc_count": len(tmpl_docs.get(t[0], ()))}
            for t in TEMPLATES
        ],
        "boilerplate": boilerplate,
        "seconds": None,
    }
    pairs = [(d.id, t) for d, t in zip(docs, texts)]
    truth["seconds"] = round(time.perf_counter() - t0, 2)
    if out is not None:
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        for doc_id, text in pairs:
            (out / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    return pairs, truth


def check_ingest(docs: list[tuple[str, str]]) -> list[str]:
    """Ids whose text ingest would change (clutter removal or splitting) — should be empty."""
    sys.path.insert(0, str(ROOT / "src"))
    from summarykit.ingest import documents_from_text

    bad = []
    for doc_id, text in docs:
        out = documents_from_text(text, name=doc_id, split=True)
        if len(out) != 1 or out[0].text != text or out[0].removed:
            bad.append(doc_id)
    return bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="number of documents (default 1000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--out", type=Path, required=True, help="output folder (.txt files + truth.json)"
    )
    ap.add_argument(
        "--plant-rate", type=float, default=0.4, help="planted passages per document (default 0.4)"
    )
    ap.add_argument(
        "--check", action="store_true", help="verify that ingest leaves every text unchanged"
    )
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    docs, truth = make_corpus(args.n, seed=args.seed, out=args.out, plant_rate=args.plant_rate)
    dt = time.perf_counter() - t0
    chars = sum(len(t) for _, t in docs)
    kinds: dict[str, int] = {}
    for p in truth["passages"]:
        key = p["obfuscation"] + (f":{p['table']}" if p["table"] else "")
        kinds[key] = kinds.get(key, 0) + 1
    print(
        f"{len(docs)} documents, {chars:,} chars, {len(truth['passages'])} planted passages, "
        f"{len(truth['boilerplate'])} template occurrences; {dt:.1f} s (generation {truth['seconds']} s) → {args.out}"
    )
    print("passages by obfuscation:", ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    if args.check:
        bad = check_ingest(docs)
        print(
            f"ingest check: {len(bad)} document(s) changed by ingest"
            + (f": {bad[:5]}" if bad else "")
        )
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())


def unexplained_overlaps(
    docs: list[tuple[str, str]], truth: dict[str, Any], *, k: int = MIN_PASSAGE
) -> list[dict[str, Any]]:
    """Runs of ``k`` characters shared by two documents (after width/punctuation folding) that
    neither a planted passage nor template boilerplate explains — should be empty.

    Memory grows with the corpus (one dict entry per window): meant for a few hundred documents.
    """
    import unicodedata

    def fold(t: str) -> str:
        t = unicodedata.normalize("NFKC", t)
        return t.replace("。", ".").replace("、", ",")

    spans: dict[tuple[str, str], list[tuple[int, int, int, int]]] = {}
    for p in truth["passages"]:
        spans.setdefault((p["doc_a"], p["doc_b"]), []).append(
            (p["start_a"], p["end_a"], p["start_b"], p["end_b"])
        )
    boiler: dict[str, list[tuple[int, int]]] = {}
    for bp in truth["boilerplate"]:
        boiler.setdefault(bp["doc"], []).append((bp["start"], bp["end"]))
    first: dict[str, tuple[int, int]] = {}
    out = []
    for di, (doc_id, text) in enumerate(docs):
        f = fold(text)
        assert len(f) == len(text)
        for i in range(len(f) - k + 1):
            w = f[i : i + k]
            if "\n" in w:
                continue
            seen = first.get(w)
            if seen is None:
                first[w] = (di, i)
                continue
            dj, j = seen
            if dj == di:
                continue
            x, y = docs[dj][0], doc_id

            def inside(pairs: list[tuple[int, int, int, int]], p: int, q: int, t: int = 2) -> bool:
                # t: the sentence-final 。 before a passage is shared by chance
                return any(
                    sa - t <= p and p + k <= ea + t and sb - t <= q and q + k <= eb + t
                    for sa, ea, sb, eb in pairs
                )

            if inside(spans.get((x, y), []), j, i) or inside(spans.get((y, x), []), i, j):
                continue
            if any(s < j + k and j < e for s, e in boiler.get(x, ())) and any(
                s < i + k and i < e for s, e in boiler.get(y, ())
            ):
                continue
            out.append(
                {"doc_x": x, "start_x": j, "doc_y": y, "start_y": i, "text": text[i : i + k]}
            )
    return out
