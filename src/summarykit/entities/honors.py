"""HONOR: titles and awards conferred, with their level and, where stated, who conferred them.

A conferral cue (荣获, 获得, 授予, 被评为, 评出, 命名, 表彰 … ``ent_honor_cues.txt``) or a
following ``称号`` introduces one name or a series of names. A quoted name loses its quotes
and ``称号`` (``荣获全国“平安家庭示范社区”`` → ``平安家庭示范社区``, level national); quotes that
sit inside a name stay (``“争做合格家庭、培养合格人才”先进社区妇联``). Series share the level
word written before them until a new one appears (``省级“礼貌社区”、省级“巾帼礼貌岗”;市级…``).
Unquoted names are taken up to the next separator when they end like an honor (…家庭,
…标兵, 三八红旗手 — ``ent_honor_titles.txt``). ``被新城区妇联授予《学习型家庭》`` gives
``awarded_by`` 新城区妇联 and, without a level word, the level of that body (district).
Campaigns in quotes (开展“平安家庭”创建活动) have no cue and are not honors.
"""

from __future__ import annotations

import functools
import re

from ._base import Cand, has_placeholder, lexicon, lexicon_pattern
from ._words import is_word

_LEVEL_WORDS = [
    ("全国", "national"), ("国家级", "national"), ("国家", "national"), ("中国", "national"),
    ("省级", "provincial"), ("全省", "provincial"), ("省", "provincial"),
    ("市级", "city"), ("全市", "city"), ("市", "city"),
    ("县级", "county"), ("全县", "county"), ("县", "county"),
    ("区级", "district"), ("全区", "district"), ("区", "district"),
    ("街道级", "town"), ("镇级", "town"), ("乡级", "town"), ("乡镇", "town"), ("街道", "town"),
    ("镇", "town"), ("乡", "town"), ("村级", "town"), ("村(居)级", "town"),
]  # fmt: skip
_LEVEL_RANK = {"national": 6, "provincial": 5, "city": 4, "county": 3, "district": 2, "town": 1}
_HONOR_END = (
    r"(?:家庭|标兵|模范|能手|红旗手|红旗集体|先进集体|先进个人|先进单位|先进工作者|先进社区|"
    r"示范村|示范社区|示范点|示范岗|示范区|示范县|示范镇|示范单位|文明岗|礼貌岗|文明单位|文明村|"
    r"文明社区|文明城市|之星|奖章|奖|先导区|重点村|好媳妇|好婆婆|好儿媳|好妯娌|好邻居|好丈夫|"
    r"党组织|共产党员|工作者|标杆|明星|达人|巾帼|英雄|楷模|榜样|乡镇|红旗团委|红旗团支部)"
)
_OPEN = "“\"《‘'「"
_DATE_PREFIX = re.compile(r"(?:(?:19|20)[0-9]{2}|20[xX_＿]{2}|[_＿]{2,4})[ \u3000]?年度?")
_CAMPAIGN = re.compile(r"创建|争创|争当|争做|创|争")
"""Names after a striving verb are aims, not conferred titles (列为创建国家文明城市必检单位)."""


@functools.cache
def _unquoted_re() -> re.Pattern[str]:
    """An unquoted honor name: it ends like an honor (…家庭, …先进单位, …乡镇) where the phrase
    ends (punctuation, 称号/荣誉, 等, or a conjunction), not inside a longer noun
    (创建国家文明城市|必检单位)."""
    return re.compile(
        rf"[\u4e00-\u9fff_＿*＊xX、'‘’“”\"]{{0,20}}?{_HONOR_END}"
        r"(?=[^\u4e00-\u9fff]|称号|荣誉|等|[和及与并]|[一二两三四五六七八九十]|$)"
    )


_CLOSE = {"“": "”", '"': '"', "《": "》", "‘": "’", "'": "'", "「": "」"}
_SEP = "、，,；;和及与"


@functools.cache
def _cue_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{lexicon_pattern('ent_honor_cues.txt')}|命名表彰|命名|表彰)")


@functools.cache
def _titles_re() -> re.Pattern[str]:
    return re.compile(lexicon_pattern("ent_honor_titles.txt"))


_PROVINCES = frozenset(
    [
        "北京",
        "天津",
        "上海",
        "重庆",
        "河北",
        "山西",
        "辽宁",
        "吉林",
        "黑龙江",
        "江苏",
        "浙江",
        "安徽",
        "福建",
        "江西",
        "山东",
        "河南",
        "湖北",
        "湖南",
        "广东",
        "海南",
        "四川",
        "贵州",
        "云南",
        "陕西",
        "甘肃",
        "青海",
        "台湾",
        "内蒙古",
        "广西",
        "西藏",
        "宁夏",
        "新疆",
        "香港",
        "澳门",
    ]
)


def level_of(words: str) -> str | None:
    """The level named at the end of ``words`` (the text just before a quoted name)."""
    w = words.rstrip("“\"《‘'「 ")
    best: tuple[int, str] | None = None
    for word, level in _LEVEL_WORDS:
        i = w.rfind(word)
        if i >= 0 and i + len(word) >= len(w) - 1 and (best is None or i + len(word) > best[0]):
            best = (i + len(word), level)
    if best:
        return best[1]
    for p in _PROVINCES:
        if w.endswith(p):
            return "provincial"
    return None


def _first_level(words: str) -> str | None:
    """The highest level named in ``words`` (国家、省 → national)."""
    best = None
    for word, level in _LEVEL_WORDS:
        if (
            len(word) >= 1
            and word in words
            and (best is None or _LEVEL_RANK[level] > _LEVEL_RANK[best])
        ):
            best = level
    return best


_UNIT_LEVEL = {"省": "provincial", "市": "city", "州": "city", "县": "county", "区": "district",
               "镇": "town", "乡": "town"}  # fmt: skip


@functools.cache
def _gazetteer() -> frozenset[str]:
    return lexicon("ent_places.txt")


def _division_level(name: str) -> str | None:
    """The level of an administrative division named at the start: 顺昌县… → county,
    鼓楼区… → district, 南平市… → city (``ent_divisions.tsv``)."""
    from .people_places import divisions

    divs = divisions()
    for n in range(min(len(name) - 1, 9), 1, -1):
        level = divs.get(name[:n])
        if level == "province":
            return "provincial"
        if level == "city":
            return "city"
        if level == "county":
            return {"区": "district", "县": "county", "旗": "county"}.get(name[n - 1], "city")
    return None


def _level_inside(name: str) -> str | None:
    """The level a name states at its start: a level word (全国…, 省级…), a place
    (四川省… · 成都十大年度社区 → city · 浙江… → provincial), a blanked place with its unit
    (*省卫生乡镇 · ***县五四红旗团委), or a bare unit character that starts no word of its own
    (县新冠疫情防控先进单位 → county; but 市民…, 区域… say nothing)."""
    name = name.lstrip("“”\"'‘’")
    for word, level in _LEVEL_WORDS:
        if len(word) >= 2 and name.startswith(word):
            return level
    m = re.match(r"(?:[_＿*＊]+|[xX]{1,3})(省|市|州|县|区|镇|乡)", name)
    if m:
        return _UNIT_LEVEL[m.group(1)]
    for p in _PROVINCES:
        if name.startswith(p):
            return "provincial"
    div = _division_level(name)
    if div:
        return div
    for n in (4, 3, 2):
        head = name[:n]
        if head in _gazetteer() and head not in ("中国", "新中国"):
            return "city"  # provinces were matched above
    if name[:1] in _UNIT_LEVEL and len(name) > 2 and not is_word(name[:2]):
        return _UNIT_LEVEL[name[0]]
    return None


def _org_level(org: str) -> str | None:
    """Level of an awarding body from its administrative unit: 新城区妇联 → district."""
    m = re.search(r"(全国|中国|省|市|县|区|街道|镇|乡)(?=[^省市县区镇乡]*$)", org)
    if not m:
        return None
    return {"全国": "national", "中国": "national", "省": "provincial", "市": "city", "县": "county",
            "区": "district", "街道": "town", "镇": "town", "乡": "town"}[m.group(1)]  # fmt: skip


_AWARDER = re.compile(
    r"被([^，。；、“”《》\s]{2,20}?)(?:联合)?(?:授予|评为|命名为|表彰为|评选为|认定为|确定为|定为)"
)


def _quoted_at(text: str, i: int, limit: int) -> tuple[int, int, int] | None:
    """If a quoted name opens at ``i``: (name_start, name_end, after_close)."""
    if i >= limit or text[i] not in _OPEN:
        return None
    close = _CLOSE[text[i]]
    j = text.find(close, i + 1, min(limit, i + 40))
    if j < 0 or j == i + 1:
        return None
    inner = text[i + 1 : j]
    if "\n" in inner or "。" in inner:
        return None
    return i + 1, j, j + 1


def find_honors(text: str) -> list[Cand]:
    out: list[Cand] = []
    n = len(text)
    seen: set[int] = set()
    for cm in _cue_re().finditer(text):
        cue_end = cm.end()
        clause_end = _clause_end(text, cue_end)
        awarded_by = None
        awarded_span = None
        level = None
        am = _AWARDER.search(text, max(0, cm.start() - 22), cm.end())
        if am and am.end() == cm.end():
            awarded_by = am.group(1)
            awarded_span = am.span(1)
        i = cue_end
        if text.startswith("了", i):
            i += 1
        # gap before the first item: 全国 · 省级 · 由全国妇联颁发的 · 一批
        gap_end = i
        while gap_end < clause_end and text[gap_end] not in _OPEN and gap_end - i <= 16:
            if text[gap_end] in "，,。；;":
                break
            gap_end += 1
        items = _series(text, i, gap_end, clause_end)
        if not items:
            # unquoted: 被评为全国三八红旗手 · 评出了好儿媳两名 · 获评省级信创先导区
            if (
                re.match(r"奖|金|得|取|悉|益|救|批|准|利|胜", text[cue_end : cue_end + 1])
                and cm.group() == "获"
            ):
                continue
            # a series of unquoted names, each maybe dated, separated by commas:
            # 获得2021年度省卫生乡镇,2021年度全市征兵工作先进单位,…
            pos = i
            while True:
                dm = _DATE_PREFIX.match(text, pos)
                p0 = dm.end() if dm else pos
                if p0 < len(text) and text[p0] in "'‘\"“":
                    p0 += 1  # a lone opening quote (the closing one is missing)
                m = _unquoted_re().match(text, p0)
                if not m or re.search(r"[，。；的]", m.group()) or _CAMPAIGN.match(m.group()):
                    break
                s, e = m.span()
                # 苏州首个省级信创先导区 → 省级信创先导区 · 国家、省乡村旅游重点村 → 乡村旅游重点村
                lv = re.search(r"(?:全国|国家级|省级|市级|县级|区级)(?=[^、]*$)", m.group())
                if lv:
                    s = s + lv.start()
                cut = m.group().rfind("、")
                if cut >= 0 and s < m.start() + cut + 1:
                    head = text[s : m.start() + cut + 1]
                    s = m.start() + cut + 1
                    while s < e and text[s] in "国家省市县区级":
                        s += 1
                    level_hint = level_of(head.replace("、", "")) or level_of(head)
                else:
                    level_hint = None
                if e - s < 2:
                    break
                lvl = (
                    _level_inside(text[s:e])
                    or level_hint
                    or _first_level(text[pos:s])
                    or (_org_level(awarded_by) if awarded_by else None)
                    or "unknown"
                )
                if s not in seen:
                    seen.add(s)
                    out.append(_cand(text, s, e, lvl, awarded_by, prio=85, span=awarded_span))
                if e < len(text) and text[e] in "，,、；;" and e + 1 < clause_end:
                    pos = e + 1
                    continue
                break
            continue
        base = level_of(text[i:gap_end]) if gap_end > i else None
        level = base
        for k, (s, e, pre) in enumerate(items):
            lv = level_of(pre) if pre else None
            if lv:
                level = lv
            name = text[s:e]
            lvl = _level_inside(name.strip('“”"')) or level
            if lvl is None and awarded_by:
                lvl = _org_level(awarded_by)
            if s in seen:
                continue
            seen.add(s)
            out.append(_cand(text, s, e, lvl or "unknown", awarded_by, prio=96, span=awarded_span))
    # “X”称号 / “X”荣誉称号 without a cue before it
    for m in re.finditer(r"[“\"《]([^“”\"《》\n。]{2,30})[”\"》](?:荣誉)?称号", text):
        s, e = m.span(1)
        if s in seen:
            continue
        seen.add(s)
        before = text[max(0, m.start() - 6) : m.start()]
        lvl = _level_inside(m.group(1)) or level_of(before) or "unknown"
        out.append(_cand(text, s, e, lvl, None, prio=96))
    # a series item without quotes: …”称号、__市__年度先进维权工作站称号
    for m in re.finditer(r"(?<=称号[、，,])([^、，,；;。“”\"《》\s]{2,24}?)(?:荣誉)?称号", text):
        s, e = m.span(1)
        if s in seen:
            continue
        seen.add(s)
        lvl = _level_inside(m.group(1)) or level_of(m.group(1)[:3]) or "unknown"
        out.append(_cand(text, s, e, lvl, None, prio=96))
    # honorific titles at a commendation: 好媳妇、好婆婆表彰大会 · 受表彰的好媳妇
    for m in _titles_re().finditer(text):
        s, e = m.span()
        if s in seen or (s > 0 and text[s - 1] in _OPEN):
            continue
        a = _clause_start(text, s)
        b = _clause_end(text, e)
        clause = text[a:b]
        if not re.search(r"表彰|颁奖|获奖|授予|命名|称号|评出|评为", clause):
            continue
        if re.match(r"[\u4e00-\u9fff]", text[e : e + 1]) and not re.match(
            r"表彰|颁奖|评选|等|代表|称号|[和及与]", text[e : e + 2]
        ):
            continue
        before = text[a:s]
        if sum(before.count(q) for q in '“"') % 2 == 1 and before.count("“") > before.count("”"):
            continue  # inside a quoted phrase: "我心中的好妈妈"
        seen.add(s)
        out.append(_cand(text, s, e, _level_inside(m.group()) or "unknown", None, prio=84))
        # the rest of the list: 三八红旗手、巾帼建功标兵和三学三比能手等
        k = e
        while True:
            nm = re.compile(
                rf"[、和及与]([\u4e00-\u9fff]{{2,10}}?{_HONOR_END})(?=[、和及与等])"
            ).match(text, k)
            if not nm or nm.start(1) in seen:
                break
            seen.add(nm.start(1))
            out.append(_cand(text, nm.start(1), nm.end(1), "unknown", None, prio=84))
            k = nm.end(1)
    # a star rating given to a unit is a title: 评定五星党支部2个 · 三星级文明户 (the stars
    # are a grade, not a count)
    for m in _STAR_RATED.finditer(text):
        if m.start() not in seen:
            seen.add(m.start())
            out.append(_cand(text, m.start(), m.end(), "unknown", None, prio=84))
    _ = n
    return out


_STAR_RATED = re.compile(
    r"(?<![0-9一二三四五六七八九十])[一二三四五1-5]星级?"
    r"(?:党支部|党组织|支部|党总支|文明户|家庭|文明家庭|基层党组织|妇女之家|社区|村)"
    r"(?![\u4e00-\u9fff]{0,1}(?:创建|评定|评选|标准|考评|管理))"
)


def _series(text: str, i: int, first: int, clause_end: int) -> list[tuple[int, int, str]]:
    """Quoted items from ``first``: [(name_start, name_end, level_words_before)]."""
    items: list[tuple[int, int, str]] = []
    j = first
    pre_start = i
    limit = min(len(text), clause_end + 200)
    while j < limit:
        q = _quoted_at(text, j, limit)
        if q is None:
            break
        s, e, after = q
        pre = text[pre_start:j]
        # quotes inside the name: “争做合格家庭、培养合格人才”先进社区妇联
        t = re.compile(r"[\u4e00-\u9fff]{2,10}").match(text, after)
        if t and not re.match(
            r"(?:称号|荣誉|等|的|为|和|及|奖|称|[一二两三四五六七八九十百千0-9])", t.group()
        ) and (re.search(rf"{_HONOR_END}$", t.group()) or re.search(
            r"(?:社区|妇联|支部|单位|集体|岗)$", t.group()
        )):
            s, e = j, t.end()
            after = e
        items.append((s, e, pre))
        # separator, then an optional level word, then the next quote
        k = after
        if text.startswith("荣誉称号", k) or text.startswith("称号", k):
            break
        m = re.compile(r"[、，,；;和及与]\s*([^“\"《‘「、，,；;。\n]{0,8}?)(?=[“\"《‘「])").match(
            text, k
        )
        if not m:
            if k < limit and text[k] in "“《‘「":
                pre_start = j = k  # “好婆婆”“好媳妇”: quoted names side by side
                continue
            break
        pre_start = m.start(1)
        j = m.end()
    return items


def _clause_end(text: str, i: int) -> int:
    m = re.compile(r"[。！？!?\n]").search(text, i)
    return m.start() if m else len(text)


def _clause_start(text: str, i: int) -> int:
    k = max(
        text.rfind("。", 0, i),
        text.rfind("\n", 0, i),
        text.rfind("；", 0, i),
        text.rfind(";", 0, i),
    )
    return k + 1


def _cand(
    text: str,
    s: int,
    e: int,
    level: str,
    awarded_by: str | None,
    *,
    prio: int,
    span: tuple[int, int] | None = None,
) -> Cand:
    name = text[s:e]
    fields = {"level": level, "awarded_by": awarded_by, "placeholder": has_placeholder(name)}
    if span is not None:
        fields["awarded_by_span"] = span
    return Cand("HONOR", s, e, prio, fields)  # fmt: skip


_ = _LEVEL_RANK

__all__ = ["find_honors", "level_of"]
