"""LAW: titles of laws, regulations, plans and documents.

The text inside 《》 (without the brackets) when it names a law or document: its ending
(法, 条例, 方案, 意见, 规划 … ``ent_law_suffixes.txt``) or the verb before it (制定, 印发,
学习, 贯彻 …) says so; titles of songs, shows and books (表演了《十劝歌》) are not laws, and
a 《》 title conferred as an honor is left to ``honors``. Bare law names (婚姻法, 反家暴法)
come from ``ent_law_names.txt``; ``中华人民共和国…法/条例`` by rule. A title containing a
blank (``__``) is a placeholder.
"""

from __future__ import annotations

import functools
import itertools
import re

from ._base import Cand, has_placeholder, lexicon, lexicon_pattern

_DOC_VERBS = (
    "制定|出台|印发|下发|转发|颁布|发布|实施|贯彻|落实|学习|宣传|宣讲|普及|根据|按照|依据|依照|执行|"
    "重申|修订|起草|通过|审议|撰写|形成|编制|报送|上报|遵照|对照|结合|认真|组织学习|传达"
)
_NOT_LAW_BEFORE = re.compile(
    r"(?:表演|演唱|演出|合唱|朗诵|歌曲|节目|唱|跳|阅读|读|观看|观|放映|电影|书籍|小品|舞蹈|快板|诗歌)[了过着]?$"
)
_NOT_LAW_TITLE = re.compile(r"(?:歌|曲|舞|谣|诗|赋|戏|剧|影|报|刊|志|书|信息|通讯|简报)$")


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    title = re.compile(r"《([^《》\n]{1,80})》")
    suffix = re.compile(rf"(?:{lexicon_pattern('ent_law_suffixes.txt')})$")
    bare = re.compile(
        rf"(?:中华人民共和国[\u4e00-\u9fff]{{1,16}}?(?:法|条例))|(?:{lexicon_pattern('ent_law_names.txt')})"
    )
    return title, suffix, bare


_FA_WORD_AFTER = frozenset("律人规治制理院官庭")
"""Characters that make 法 the start of another word (法律 · 法人 · 法规 · 法治 · 法院)."""
_GENERIC_RULE_HEAD = re.compile(
    r"(?:各|有关|相关|上述|这些|此|该|以上|上级|本|其|新|一系列|各项|各类|系列)"
)
_BARE_RULE = re.compile(
    r"(?:贯彻落实|贯彻执行|贯彻|落实|根据|按照|依据|依照|遵照|执行|实施|严格执行|严格落实|认真落实|认真执行)"
    r"(?P<name>[\u4e00-\u9fff]{4,18}?(?:条例|规定|实施细则|管理办法|暂行办法))"
)
_LISTED_RULE = re.compile(
    r"(?:条例|规定|法|实施细则|办法|》)[、和及与]"
    r"(?P<name>[\u4e00-\u9fff]{4,18}?(?:条例|规定|实施细则|管理办法|暂行办法))"
)
_VERB_BEFORE = re.compile(rf"(?:{_DOC_VERBS})[了过着]?(?:[新的]|[^，。；！？\n]{{0,6}}?)$")


def find_laws(text: str) -> list[Cand]:
    title, suffix, bare = _patterns()
    out: list[Cand] = []
    pending: list[tuple[int, int, int, int]] = []
    for m in title.finditer(text):
        name = m.group(1)
        s, e = m.start(1), m.end(1)
        before = text[max(0, m.start() - 12) : m.start()]
        # a list 《A》、《B》 shares the verb of its first item
        k = m.start()
        while k >= 2 and text[k - 1] in "、和及与," and text[k - 2] == "》":
            j = text.rfind("《", 0, k - 2)
            if j < 0:
                break
            k = j
        lead = text[max(0, k - 12) : k]
        if _NOT_LAW_BEFORE.search(lead) or _NOT_LAW_BEFORE.search(before):
            continue
        is_law = bool(suffix.search(name)) or bool(_VERB_BEFORE.search(lead))
        if not is_law and not _NOT_LAW_TITLE.search(name):
            pending.append((s, e, k, m.end()))  # decided by the list it stands in, below
            continue
        if not is_law or _NOT_LAW_TITLE.search(name) and not suffix.search(name):
            continue
        out.append(Cand("LAW", s, e, 95, {"placeholder": has_placeholder(name)}))
    # a title in a list of laws is one too: 《两法》、《两纲》以及《…规划》
    law_spans = [(c.start - 1, c.end + 1) for c in out]
    for s, e, k, close in pending:
        around = [
            (a, b) for a, b in law_spans
            if (0 <= s - 1 - b <= 3 and re.fullmatch(r"[、和及与,，]|以及", text[b : s - 1]))
            or (0 <= a - close <= 3 and re.fullmatch(r"[、和及与,，]|以及", text[close:a]))
        ]  # fmt: skip
        if around:
            out.append(Cand("LAW", s, e, 95, {"placeholder": has_placeholder(text[s:e])}))
    # bare regulation names after a verb that applies them (落实重大行政决策程序规定 ·
    # 根据云南省政府信息公开规定), and the next item of a list of regulations
    # (…信息公开条例、云南省政府信息公开规定); a determiner in front means a generic mention
    for m in itertools.chain(_BARE_RULE.finditer(text), _LISTED_RULE.finditer(text)):
        name = m.group("name")
        if _GENERIC_RULE_HEAD.match(name):
            continue
        out.append(
            Cand("LAW", m.start("name"), m.end("name"), 78, {"placeholder": has_placeholder(name)})
        )
    for m in bare.finditer(text):
        s, e = m.span()
        # inside 《》 already handled; skip words that merely end in a law name (方法, 办法 are
        # not listed; 宪法 inside 宪法日 is a festival)
        if text[e : e + 1] == "日":
            continue
        if text[e - 1] == "法" and text[e : e + 1] in _FA_WORD_AFTER:
            continue  # 环境保护法律、法规 · 工会法人资格 · 法规 · 法治: 法 begins another word
        out.append(Cand("LAW", s, e, 80, {"placeholder": False}))
    return out


_ = lexicon  # re-exported helpers stay importable for tests

__all__ = ["find_laws"]
