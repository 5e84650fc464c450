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

from ._base import Cand, alternation, lexicon, table
from ._words import is_placeholder_token, is_word, token_ending_at, vocab, walk_left

_COMPOSING = frozenset("局办站")
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
                if word in not_org or word in _admin():
                    continue
                core_start = s
                if any(word[k:] in not_org for k in range(1, len(word) - 1)):
                    continue  # 妇女干部 · 顾大局
            elif head not in _COMPOSING:
                continue
            # otherwise (局 办 站) the head needs modifiers: 县地税局 = 县 + 地税 + 局
        # the head is the start of a longer word: 中学生 · 社会 · 队伍 · 部分 · 人大代表
        if is_word(text[hs : he + 1]) or (kind == "single" and is_word(text[hs : he + 2])):
            continue
        if (kind == "single" or head[-1] in "队校党") and vocab().get(text[he - 1 : he + 1], 0) >= 50:
            continue  # 服务队伍 (队伍) · 中学生 (学生)
        if head == "政府" and text.startswith("工作报告", he):
            continue  # 政府工作报告: the genre, not a body
        toks = walk_left(text, core_start, max_chars=12, max_tokens=5)
        if head in _GOVERNING:
            # 党中央国务院 · 省委省政府 · 镇党委政府: two bodies side by side, not one name
            for k, (a, b) in enumerate(toks):
                if any(text[a:b].endswith(g) for g in _GOVERNING):
                    toks = toks[:k]
                    break
        start = toks[-1][0] if toks else core_start
        if (
            head in ("人大", "政协")
            and text.startswith(("代表", "委员"), he)
            and not re.search(r"[省市县区镇乡]$", text[start:hs])
        ):
            continue  # 人大代表 · 女政协委员: people (市政协委员 keeps 市政协)
        name = text[start:he]
        if kind == "prefixed" and start == hs:
            # a bare type word is an ORG only when the text ties it to one body: coordinated
            # with a preceding ORG (镇党委、政府 · 镇党委政府), 党委、政府 / 党委政府 (the unit's
            # own), or fixed by a pronoun (我妇联)
            prev = hs - 1
            tied = (prev >= 0 and text[prev] == "、" and prev in ends) or (
                hs in ends and head in _GOVERNING
            )
            tied = tied or (
                head == "党委" and re.match(r"[、和]?政府", text[he : he + 3]) is not None
            )
            tied = tied or (
                head == "政府" and re.search(r"党委[、和]?$", text[max(0, hs - 3) : hs]) is not None
            )
            tied = tied or (
                head == "妇联" and text[hs - 1 : hs] == "我" and text[hs - 2 : hs] != "我们"
            )
            if tied:
                out.append(Cand("ORG", hs, he, 70, {"placeholder": False}))
                ends[he] = hs
            continue
        if kind == "single" and start == hs:
            continue
        if any(name[k:] in not_org for k in range(len(name) - len(head))) or text[max(0, start - 1) : he] in not_org:
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
        out.append(Cand("ORG", start, he, 70, {"placeholder": placeholder}))
        ends[he] = start
    return out


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
    ]
)


def _plausible_modifier(mod: str) -> bool:
    if (
        mod in _GENERIC_MODIFIERS
        or (mod[0] == "全" and len(mod) <= 3)
        or mod in ("村", "乡镇", "镇村")
    ):
        return False
    return not (is_word(mod) and mod in ("工作", "组织", "领导", "服务", "管理", "中心", "重点"))


__all__ = ["find_orgs"]
