"""ORG: bodies as written, with their administrative prefix.

``县妇联`` · ``东城街道妇联`` · ``__镇妇联`` · ``xx区妇联`` · ``镇党委`` · ``社区关工委`` ·
``居民调解委员会`` · ``县地税局`` · ``亚洲浆纸业有限公司`` · ``西安爱知中学`` · ``联合国儿基会``.

A head word (``ent_org_heads.tsv``) ends the name; the name begins where the left walk over
dictionary words stops (``_words.walk_left``): at a verb, preposition, pronoun or
determiner, so ``我社区妇联`` gives ``社区妇联``. A type word with nothing before it
(``妇联``, ``政府``) is not a name, except right after a coordinated name: ``镇党委、政府``
gives ``镇党委`` and ``政府``. Generic mentions (``各级妇联组织``, ``各社区妇联``) are skipped.
"""

from __future__ import annotations

import functools
import re

from ._base import Cand, alternation, is_han, lexicon, table
from ._words import is_placeholder_token, is_word, token_ending_at, vocab, walk_left

_COMPOSING = frozenset("局办站队")
_GOVERNING = (
    "政府",
    "人民政府",
    "国务院",
    "党委",
    "省委",
    "市委",
    "县委",
    "区委",
    "党中央",
    "中共中央",
    "人大",
    "政协",
)
_PEERS = (*_GOVERNING, "妇联", "团委", "工会", "总工会", "残联", "科协", "文联", "侨联",
          "工商联", "关工委", "妇委会", "团工委")  # fmt: skip
"""Bodies of their own: one written right after another is a second body (镇妇联|团委)."""
_GENERIC_BEFORE = (
    "各级",
    "各",
    "全",
    "全国各级",
    "各类",
    "所有",
    "每个",
    "基层",
    "广大",
    "上级",
    "村级",
    "有关",
    "相关",
)


@functools.cache
def _heads() -> dict[str, str]:
    return {h: kind for h, kind in table("ent_org_heads.tsv", 2)}


@functools.cache
def _head_re() -> re.Pattern[str]:
    return re.compile(alternation(_heads()))


@functools.cache
def _admin() -> frozenset[str]:
    return lexicon("ent_admin_units.txt")


@functools.cache
def _not_org() -> frozenset[str]:
    return lexicon("ent_org_not.txt")


def _generic_before(text: str, s: int) -> bool:
    for g in _GENERIC_BEFORE:
        if s >= len(g) and text.startswith(g, s - len(g)):
            # 全/各 glued to the word before are not determiners: 健全社区妇联
            return not (len(g) == 1 and s >= 2 and is_word(text[s - 2 : s]))
    return False


@functools.cache
def type_words() -> frozenset[str]:
    """Head words that name a type of body (妇联, 党支部, 居委会 …): with only a level before
    them (社区妇联) they say which kind of body, not which one."""
    return frozenset(h for h, kind in _heads().items() if kind in ("prefixed", "bare"))


def find_orgs(text: str) -> list[Cand]:
    heads = _heads()
    not_org = _not_org()
    out: list[Cand] = []
    ends: dict[int, int] = {}  # end offset → start of ORGs accepted so far
    for m in _head_re().finditer(text):
        hs, he = m.span()
        head = m.group()
        kind = heads[head]
        core_start = hs
        if kind == "single":
            # the dictionary word that ends in the head: 教育局 · 派出所 · 区委
            s = token_ending_at(text, he, max(0, he - 6))
            if s is not None and he - s >= 2:
                word = text[s:he]
                if word in not_org or word in _admin() or word[0] in "我本该各全每其此":
                    continue  # (我院 · 本校 · 该所: the writer's unit, not a name)
                core_start = s
                if _not_org_suffix(word, not_org, 1, len(word) - 1):
                    continue  # 妇女干部 · 顾大局
            elif head not in _COMPOSING:
                continue
            # otherwise (局 办 站) the head needs modifiers: 县地税局 = 县 + 地税 + 局
        # the head is the start of a longer word: 中学生 · 社会 · 队伍 · 部分 · 人大代表
        if (
            he < len(text)
            and (is_word(text[hs : he + 1]) or (kind == "single" and is_word(text[hs : he + 2])))
            and text[he : he + 2] not in _VERBS_AFTER_BODY
        ):
            continue
        if (kind == "single" or head[-1] in "队校党") and vocab().get(
            text[he - 1 : he + 1], 0
        ) >= 50:
            continue  # 服务队伍 (队伍) · 中学生 (学生)
        if head == "政府" and text.startswith("工作报告", he):
            continue  # 政府工作报告: the genre, not a body
        if _MODIFIER_AFTER.get(head) and _MODIFIER_AFTER[head].match(text, he):
            continue  # 政府信息公开 · 政府网站 · 中心工作: the head word modifies a noun
        if _TIMES_AFTER.match(text, he):
            continue  # 召开支部委员会12次 · 党委会3次: meetings held, not the body
        if _DOC_NUMBER.match(text, he):
            continue  # 闽政办函〔2012〕157号: the issuer's code of a document number
        toks = walk_left(
            text, core_start, max_chars=12, max_tokens=5, inner_verbs=head.endswith(_DOING_HEADS)
        )
        if head in _PEERS:
            # 党中央国务院 · 省委省政府 · 镇党委政府 · 镇妇联团委: two bodies side by side
            for k, (a, b) in enumerate(toks):
                if any(text[a:b].endswith(g) for g in _PEERS):
                    toks = toks[:k]
                    break
        if (
            toks
            and text[toks[-1][0] : toks[-1][1]] in _LEADING_VERBS
            and not (toks[-1][1] == core_start and head in _VERB_NAMED_HEADS)
        ):
            # 指导司法所 · 建设企业协会: a verb first governs the body (the name walk lets it
            # in because names say what the body does); 指导委员会 · 建设局 are named by it
            toks = toks[:-1]
        start = toks[-1][0] if toks else core_start
        start = _digits_before(text, start, hs)
        if (
            head in ("人大", "政协")
            and text.startswith(("代表", "委员"), he)
            and not re.search(r"[省市县区镇乡]$", text[start:hs])
            and not text.endswith("各位", 0, hs)
        ):
            continue  # 人大代表 · 女政协委员: people (市政协委员 keeps 市政协; 请各位政协委员,
            # the formula of a government work report, names the assembly's own body)
        name = text[start:he]
        if kind == "prefixed" and start == hs:
            # a bare type word is an ORG only when the text ties it to one body: coordinated
            # with a preceding ORG (镇党委、政府 · 镇党委政府), 党委、政府 / 党委政府 (the unit's
            # own), or fixed by a pronoun (我妇联)
            prev = hs - 1
            tied = (prev >= 0 and text[prev] == "、" and prev in ends) or (
                hs in ends and head in _PEERS
            )
            tied = tied or (
                head == "党委" and re.match(r"[、和]?政府", text[he : he + 3]) is not None
            )
            tied = tied or (
                head == "政府" and re.search(r"党委[、和]?$", text[max(0, hs - 3) : hs]) is not None
            )
            # the government of the unit by what only one government has: its head, its
            # leading group, its overall work (当选为政府镇长 · 带领政府一班人 · 负责政府全面工作)
            tied = tied or (head == "政府" and _OWN_GOVERNMENT_AFTER.match(text, he) is not None)
            tied = tied or (
                head == "妇联" and text[hs - 1 : hs] == "我" and text[hs - 2 : hs] != "我们"
            )
            # the unit's own body fixed by a pronoun: 本党支部 · 我们支部 · 我党总支 (but
            # 我们妇联同志: 我们 goes with the people)
            tied = tied or (
                head in _OWN_BODIES
                and re.search(r"(?:本|我|我们)$", text[max(0, hs - 2) : hs]) is not None
                and not text.startswith(("同志", "干部", "工作者"), he)
            )
            # a numbered session's body: 第十届人民代表大会 · 十届人大
            tied = tied or (
                head in _SESSION_BODIES and _ORDINAL_BEFORE.search(text, max(0, hs - 6), hs)
            )
            if tied:
                out.append(
                    Cand("ORG", hs, he, 70, {"placeholder": False, "head": hs, "tied": True})
                )
                ends[he] = hs
            continue
        if kind == "single" and start == hs:
            continue
        if kind == "single" and re.fullmatch(r"[一二三四五六七八九十两0-9]+", text[start:hs]):
            continue  # 一队 · 二所: a numbered unit in a slogan, not a name
        if head == "队" and core_start == hs and hs - start < 2:
            continue  # a team is named by a word (太极拳队), not by one character (棍队)
        if _DISTRIBUTIVE.match(text, max(0, start - 1)) and text.startswith("分", he):
            continue  # 分村分社分户: unit by unit, not a body
        if (
            _not_org_suffix(name, not_org, 0, len(name) - len(head))
            or text[max(0, start - 1) : he] in not_org
        ):
            continue  # 社区家长学校 (a program) · 妇女干部
        if _generic_before(text, start):
            continue
        mod = text[start:hs] if kind != "single" else text[start:core_start]
        if head in ("政府", "人民政府") and not re.search(
            r"(?:[省市县区镇乡州旗]|街道|[_＿xX×*]+)$", mod
        ):
            continue  # 服务型政府 · 法治政府 · 地方政府: kinds of government
        # a modifier that is only a generic word is not a name: 基层妇联, 镇村妇联
        placeholder = any(is_placeholder_token(text[s:e]) for s, e in toks)
        if not placeholder and start < hs and not _plausible_modifier(text[start:hs]):
            continue
        fields = {"placeholder": placeholder, "head": hs, "governing": head in _GOVERNING,
                  "sub": head.endswith(_SUB_HEADS)}  # fmt: skip
        out.append(Cand("ORG", start, he, 70, fields))
        ends[he] = start
        campus = _CAMPUS.match(text, he)
        if campus and head.endswith(("院", "校", "大学")):
            # 友谊医院通州院区 · 儿童医院新院区 · 师范大学东校区: the campus is part of the name
            out.append(Cand("ORG", start, campus.end(), 70, dict(fields)))
    return out + find_organizers(text) + find_department_lists(text)


_LEADING_VERBS = frozenset(["指导", "建设"])
_VERB_NAMED_HEADS = frozenset(["委员会", "领导小组", "小组", "组", "站", "办", "办公室", "局", "科",
                               "中心", "银行", "兵团", "处", "股"])  # fmt: skip
_VERBS_AFTER_BODY = frozenset(["内设", "下设"])
"""Verbs that start with a localizer glued to a head (民政局|内设 — not 局内): the body stands."""
_CAMPUS = re.compile(r"[\u4e00-\u9fff]{0,3}?[院校]区")
_DEPT_HEADS = ("科", "办公室", "办", "室", "股", "部")
_SETS_UP = ("内设", "下设", "设有", "设置", "设立", "包括", "分设")
_NOT_DEPT = ("干部", "内部", "外部", "全部", "局部", "基部", "腹部",
             "学科", "本科", "专科", "百科", "理科", "文科", "工科", "预科", "教科", "分科",
             "专业科", "科室", "教室", "会议室", "活动室", "阅览室", "工作室")  # fmt: skip


def find_department_lists(text: str) -> list[Cand]:
    """A unit's departments listed one after another: ``内设办公室、救灾救济科、社会福利科、
    移民科共11个科室``. A run of 、-separated items, each ending in a department head (科 ·
    办公室 · 办 · 室 · 股), two or more of them ``…科`` names of three characters or more, is a
    list of bodies: every item is an ORG (the first one as far left as the name walk goes, the
    last one up to its head)."""
    out: list[Cand] = []
    for m in re.finditer(r"[\u4e00-\u9fff]+(?:、[\u4e00-\u9fff]+)+", text):
        parts: list[tuple[int, int]] = []
        pos = m.start()
        for seg in m.group().split("、"):
            parts.append((pos, pos + len(seg)))
            pos += len(seg) + 1
        a, b = parts[0]
        v = max((text.rfind(w, a, b) + len(w) for w in _SETS_UP if text.rfind(w, a, b) >= 0),
                default=-1)  # fmt: skip
        if v >= 0:
            parts[0] = (v, b)  # 财政局内设|办公室 · 医院设有|医务科
        else:
            toks = walk_left(text, b, max_chars=10, max_tokens=5)
            parts[0] = (toks[-1][0], b) if toks else (b, b)
        a, b = parts[-1]
        last = re.match(
            r"[\u4e00-\u9fff]+?(?:科|办公室|股)(?![\u4e00-\u9fff]{0,1}[室学技研])", text[a:b]
        )
        parts[-1] = (a, a + last.end()) if last else (a, a)
        names = [text[x:y] for x, y in parts]
        if not all(_department_name(n) for n in names):
            continue
        if sum(n.endswith("科") and len(n) >= 3 for n in names) < 2:
            continue
        out.extend(
            Cand("ORG", x, y, 65, {"placeholder": False, "head": x, "listed": True})
            for x, y in parts
        )
    return out


def _department_name(name: str) -> bool:
    return (
        2 <= len(name) <= 10
        and name.endswith(_DEPT_HEADS)
        and not name.endswith(_NOT_DEPT)
        and name[0] not in "的了在和与及或等是为把被将从到向对于以并而各每该本我这那其全"
    )


_CO_ORGANIZE = re.compile(r"(?:共同|联合)(?:主办|举办|承办|协办|发起|组织|开展|评选)")
_LIST_TAIL = re.compile(r"等(?:[\u4e00-\u9fff]{0,4}(?:单位|部门|机构|媒体|组织|网站))?$")
_PERSON_NOUNS = ("干部", "群众", "党员", "职工", "同志", "代表", "委员", "居民", "村民", "妇女",
                 "人员", "志愿者", "学生", "家庭", "青年", "老人", "儿童")  # fmt: skip


def find_organizers(text: str) -> list[Cand]:
    """The bodies listed as joint organizers: ``A、B、C共同举办`` · ``由A联合B等单位共同主办``
    (人民网、新浪网、百度 · 中国信息化研究与促进网): whatever they are called, the subjects
    of 共同/联合 + 主办/举办/承办 are organizations. The list runs back to 由/在 or to the
    punctuation before it; it needs two items or more, each a plain name (no pronoun or
    determiner first, no people: 全体干部、群众共同开展 gives nothing)."""
    out: list[Cand] = []
    for m in _CO_ORGANIZE.finditer(text):
        end = m.start()
        lo = max(0, end - 80)
        punct = max((text.rfind(c, lo, end) for c in '，,。；;：:\n“”"（(）)《》'), default=-1)
        a = max(punct + 1, lo)
        k = max(text.rfind("由", a, end), text.rfind("在", a, end))
        if k >= 0:
            a = k + 1
        seg = text[a:end]
        t = _LIST_TAIL.search(seg)
        if t:
            seg = seg[: t.start()]
        parts = re.split(r"(、|联合|会同|携手)", seg)
        items: list[tuple[int, int]] = []
        pos = a
        for part in parts:
            if part not in ("、", "联合", "会同", "携手"):
                items.append((pos, pos + len(part)))
            pos += len(part)
        if len(items) < 2 or not all(_organizer_name(text[x:y]) for x, y in items):
            continue
        for x, y in items:
            out.append(Cand("ORG", x, y, 65, {"placeholder": False, "head": x, "listed": True}))
    return out


def _organizer_name(name: str) -> bool:
    if not 2 <= len(name) <= 24 or not re.fullmatch(r"[\u4e00-\u9fff0-9A-Za-z]+", name):
        return False
    if name[0] in "的了在和与及或等是为把被将从到向对于以并而且也还都就又再所各每该本我这那其全":
        return False
    if name.startswith(("有关", "相关", "广大", "基层", "上级")) or name.endswith(_PERSON_NOUNS):
        return False
    return "的" not in name


def join_bodies(cands: list[Cand]) -> list[Cand]:
    """Names that run into each other are one body: a place before a body
    (南平市|人民政府信息公开工作领导小组), a body before its own office or institute
    (…领导小组|办公室 · 工业和信息化部|电子科学技术情报研究所 · 区委|宣传部). Adds the
    joined candidates (the longest reading wins later). Not joined: two governing bodies side
    by side (镇党委政府 · 省委省政府) and a bare word tied to the body before it (镇党委、政府)."""
    orgs = [c for c in cands if c.label == "ORG"]
    if not orgs:
        return cands
    places = {c.end: c for c in cands if c.label == "PLACE"}
    new: list[Cand] = []
    for b in orgs:
        p = places.get(b.start)
        if p is not None and not b.fields.get("tied"):
            new.append(_joined(p, b))
    pool = orgs + new
    for _ in range(2):
        by_end: dict[int, list[Cand]] = {}
        for a in pool:
            by_end.setdefault(a.end, []).append(a)
        added = []
        for b in pool:
            if b.fields.get("tied"):
                continue
            hb = max(b.fields.get("head", b.start), b.start)
            sub = b.fields.get("sub", False)
            for e in range(b.start, hb + 1):
                for a in by_end.get(e, ()):
                    if a.start >= b.start:
                        continue
                    if e == b.start and not sub:
                        continue  # 镇妇联团委 · 党中央国务院: two bodies side by side
                    if a.fields.get("governing") and b.fields.get("governing"):
                        continue
                    added.append(_joined(a, b))
        if not added:
            break
        pool += added
        new += added
    return cands + new


def _joined(a: Cand, b: Cand) -> Cand:
    f = dict(b.fields)
    f["placeholder"] = bool(a.fields.get("placeholder")) or bool(b.fields.get("placeholder"))
    return Cand("ORG", a.start, b.end, b.prio, f)


_GENERIC_MODIFIERS = frozenset(
    [
        "镇村",
        "村级",
        "县级",
        "市级",
        "省级",
        "区级",
        "乡级",
        "镇级",
        "妇女",
        "全体",
        "自身",
        "其",
        "本单位",
        "单位",
        "部门",
        "机关",
        "系统",
        "内部",
        "辖区",
        "各村",
        "村村",
        "示范点",
        "上级",
        "地方",
        "专职",
        "兼职",
    ]
)
_GENERIC_FIRST = ("乡镇", "镇村", "村级", "县级", "市级", "省级", "区级", "乡级", "镇级", "城乡",
                  "专职", "兼职")  # fmt: skip
_OWN_BODIES = frozenset(
    ["妇联", "党支部", "支部", "党总支", "总支", "党委", "党工委", "团委", "团支部", "工会",
     "居委会", "党组", "妇代会"]
)  # fmt: skip
_OWN_GOVERNMENT_AFTER = re.compile(
    r"(?:镇长|乡长|县长|区长|市长|省长|州长|一班人|班子|全面工作|党组)"
)
_SESSION_BODIES = frozenset(["人民代表大会", "人大", "政协"])
_SUB_HEADS = ("办公室", "办", "室", "部", "处", "科", "所", "中心", "站", "组", "队")
"""Heads of a body's own departments: joined to the body written right before them
(市委|宣传部 · …领导小组|办公室); other heads name a peer (镇妇联|团委: two bodies)."""
_DOING_HEADS = ("中心", "所", "站", "院", "馆")
"""Heads of bodies named after what they do (软件评测中心, 情报研究所): a verb may stand
right before them."""
_ORDINAL_BEFORE = re.compile(r"第?[一二三四五六七八九十百0-9]+届$")
_DISTRIBUTIVE = re.compile(r"分[\u4e00-\u9fff]")
_MODIFIER_AFTER = {
    "政府": re.compile(r"信息公开|信息|网站|门户|采购|投资|债务|购买|性|机构改革|职能转变"),
    "人民政府": re.compile(r"信息公开|网站|门户"),
    "中心": re.compile(r"工作|任务|环节|城区|城市|镇|村|位置|地位"),
}
_TIMES_AFTER = re.compile(
    r"[0-9０-９一二两三四五六七八九十]+[ ]?[次场](?!会议|全会|全体|代表大会|常委会|扩大会议)"
)
_DOC_NUMBER = re.compile(
    r"(?:[函发字令电]|办函|发电)?(?:[〔\[［(（](?:19|20)[0-9]{2}[〕\]］)）]"
    r"|〔(?:(?:19|20)?[xXｘＸ×*＊_＿]{0,4})〕)"
)
"""The issuer's code before a document number's year: 闽政办函〔2012〕157号, also with the
year masked or lost: **委办〔**〕56号 · 妇儿工委〔〕2号."""


def _not_org_suffix(name: str, not_org: frozenset[str], lo: int, hi: int) -> bool:
    """A suffix of ``name`` from ``lo`` to ``hi`` is a non-organization word (社区家长学校 ·
    顾大局 · 妇女干部), except 政局 (a political situation) at the end of a bureau's name:
    民政局 · 财政局 · 邮政局."""
    for k in range(lo, hi):
        if name[k:] in not_org:
            if name[k:] == "政局" and k > 0 and name[k - 1] in _BUREAU_BEFORE_ZHENGJU:
                continue
            return True
    return False


_BUREAU_BEFORE_ZHENGJU = frozenset("民财邮")


def _digits_before(text: str, start: int, hs: int) -> int:
    """Take in a code of digits/letters written before the name: 05行管党支部 · 2021级…
    (not a count: 12支服务队 — a measure word follows the digits)."""
    if start == 0 or start >= hs:
        return start
    m = re.search(r"(?<![0-9A-Za-z.,:：])[0-9A-Za-z]{1,4}\Z", text[max(0, start - 5) : start])
    if not m:
        return start
    if text[start] in _UNIT_CHARS or not is_han(text[start]):
        return start
    return start - len(m.group())


_UNIT_CHARS = frozenset("个支名位人户家件项次场期批条种类组对份本张篇部所处层栋座辆台年月日号届级")


def _plausible_modifier(mod: str) -> bool:
    if mod.startswith(_GENERIC_FIRST):
        return False  # 乡镇消防安全服务中心 · 村级…: a kind of body in every unit
    if (
        mod in _GENERIC_MODIFIERS
        or (mod[0] == "全" and len(mod) <= 3)
        or mod in ("村", "乡镇", "镇村")
    ):
        return False
    return not (is_word(mod) and mod in ("工作", "组织", "领导", "服务", "管理", "中心", "重点"))


__all__ = ["find_department_lists", "find_orgs", "join_bodies"]
