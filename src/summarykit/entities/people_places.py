"""PERSON and PLACE.

PERSON — a surname (``ent_surnames.txt``) and one or two more characters, found where the
text marks a person: after a title or role (副镇长李娟华, 站长胡业梅: ``ent_roles.txt``),
before 同志 / 家庭 / 等 / 荣获 …, in lists (分别是雷延林,陈得钦,…), after an age or a place
(12岁的廖锦欣, 长山村十三组的程玲); then every other mention of a name found so is tagged
too. National leaders cited bare come from ``ent_persons.txt``. The name ends where the
next word is a function word, a verb or a role. A blank standing for a name
(``_同志``, ``某某同志``) is a PERSON placeholder.

PLACE — a name ending in an administrative or street suffix (宁波市, 黎岭村, 西街社区,
鼓楼区五一北路, 衡山县江东乡: contiguous parts are one span; 村 + 组 as in 杨家岭村一组),
or a province, region or major city from ``ent_places.txt`` (青海玉树, 陕南). Generic words
(全镇, 辖区, 农村, 城市) are not places; a place inside an ORG is part of the ORG (the
overlap resolution keeps the longer span). Blanked names (``_村``, ``XX县``, ``__区``) are
PLACE placeholders.
"""

from __future__ import annotations

import functools
import re

from ._base import Cand, alternation, has_placeholder, lexicon, table
from ._words import (
    FUNCTION_CHARS,
    is_placeholder_token,
    is_stop,
    stopwords,
    token_ending_at,
    vocab,
)

_HAN = "\u4e00-\u9fff"
# characters that never end (or sit inside) a name: verbs and particles right after names
_NOT_NAME_CHAR = frozenset(
    "的了在和与及或等是为把被将从到向对于以并而且也还都就又再所说讲做作任来去让给主获荣同已曾现正个名位次号届其各每该本我这那"
)


@functools.cache
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    names = lexicon("ent_surnames.txt")
    return frozenset(n for n in names if len(n) == 1), frozenset(n for n in names if len(n) == 2)


@functools.cache
def _roles() -> frozenset[str]:
    return lexicon("ent_roles.txt")


@functools.cache
def _role_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(_roles())})")


_FUNCTION_SURNAMES = frozenset(
    "和向任包于从对为将把被以与及同由在但就也还都又再所之其各每该本我这那是有无不非可能会要应让使给请"
)
_AFTER_ONLY_ROLES = frozenset(["同志", "女士", "先生", "代表", "志愿者", "执委", "委员"])
_LIST_CUES = ("分别是", "分别为", "分别有", "包括", "是", "有", "如", "为", "：", ":")


def _common(w: str) -> bool:
    return vocab().get(w, 0) >= 100


def _name_ok(text: str, i: int, e: int, sur: int) -> bool:
    name = text[i:e]
    if name[0] == "万" and (
        name[1:2] in "人元亿余多千户"
        or (i and text[i - 1] in "0123456789０１２３４５６７８９一二三四五六七八九十百千.．")
    ):
        return False  # 5万人 · 超过万亿元: a numeral, not the surname 万
    if not all("\u4e00" <= c <= "\u9fff" for c in name):
        return False
    if any(c in _NOT_NAME_CHAR for c in name[sur:]):
        return False
    # ordinary words are not names: 安全 · 计算机 · 文化
    return not (_common(name) or _common(name[:2]))


def name_at(text: str, i: int, *, end: int | None = None) -> int | None:
    """End of a person name starting at ``i`` (surname + 1–2 characters), or ``None``.

    Three characters unless the third starts a word of its own (卢英同志 · 陆超在会上 ·
    宋刚、); with ``end`` given, only a name ending exactly there."""
    singles, doubles = _surnames()
    if text[i : i + 2] in doubles:
        sur = 2
    elif text[i : i + 1] in singles and text[i] not in _FUNCTION_SURNAMES:
        sur = 1
    else:
        return None
    for given in (2, 1):
        e = i + sur + given
        if e > len(text) or (end is not None and e != end):
            continue
        if not _name_ok(text, i, e, sur):
            continue
        if given == 1 and end is None and e < len(text) and _common(text[e - 1 : e + 1]):
            continue  # 党员来体现: 来体 is no name, 体现 is a word
        if given == 2 and end is None and e < len(text):
            nxt = text[e - 1 : e + 1]  # the last character and the next one
            if (
                _common(nxt)
                or nxt in stopwords()
                or nxt in _roles()
                or text[e - 1] in _NOT_NAME_CHAR
            ):
                continue
        return e
    return None


@functools.cache
def _famous_re() -> re.Pattern[str]:
    return re.compile(alternation(lexicon("ent_persons.txt")))


_MASK = re.compile(r"某某?|(?<!\*)\*{1,3}(?!\*)|(?<![A-Za-z])[xX×]{1,3}(?![A-Za-z0-9])")
_CONTEXT_BEFORE = re.compile(r"(?:[0-9一二三四五六七八九十]岁|[村组家镇乡户])的")
_SEP = "、,，"


def _clause_of(text: str, i: int) -> int:
    k = max(text.rfind(c, 0, i) for c in "。；;！？!?\n")
    return k + 1


def find_people(text: str) -> list[Cand]:
    found: dict[int, int] = {}
    # 1. after a role: 副镇长李娟华 · 党委书记宋刚、副书记陆超
    for m in _role_re().finditer(text):
        if m.group() in _AFTER_ONLY_ROLES:
            continue
        i = m.end()
        e = name_at(text, i)
        if e is not None:
            found.setdefault(i, e)
    # 2. before 同志 / 家庭 / 荣获 …: 张春娥同志 · 郭晓玲家庭荣获 · 陈月智荣获
    for m in re.finditer(
        r"同志|家庭(?=荣获|获得|被评为|获评|等)|等(?=家庭|同志)|荣获|获评|被评为|为办公室|任组长|为副组长",
        text,
    ):
        j = m.start()
        for start in (j - 3, j - 2, j - 4):
            if start < 0:
                continue
            e = name_at(text, start, end=j)
            if e != j:
                continue
            before = text[start - 1] if start else ""
            if (
                before
                and "\u4e00" <= before <= "\u9fff"
                and not (
                    before in FUNCTION_CHARS
                    or _ends_role(text, start)
                    or is_stop(text[max(0, start - 2) : start])
                    or before in stopwords()
                    or before in "村组区镇乡长记席任员"
                )
            ):
                continue
            found.setdefault(start, e)
            break
    # 3. after an age or a place: 12岁的廖锦欣 · 长山村十三组的程玲
    for m in _CONTEXT_BEFORE.finditer(text):
        e = name_at(text, m.end())
        if e is not None:
            found.setdefault(m.end(), e)
    # 4. lists: 分别是雷延林,陈得钦,…,郑辉贤五户 · _村聂福则、黎岭村王建伟等
    listed: list[tuple[int, int]] = []
    singles, doubles = _surnames()
    for m in re.finditer(f"[{_SEP}]", text):
        p = m.start()
        for L in (3, 2):  # the item before the separator
            st = p - L
            if st < 0 or (text[st] not in singles and text[st : st + 2] not in doubles):
                continue
            if name_at(text, st, end=p) != p:
                continue
            prev = text[st - 1] if st else ""
            if (
                not prev
                or not ("\u4e00" <= prev <= "\u9fff")
                or prev in _SEP + "村组"
                or any(text.endswith(c, 0, st) for c in _LIST_CUES)
                or _ends_role(text, st)
                or prev in "员者"
            ):
                listed.append((st, p))
                break
        if text[p + 1 : p + 2] not in singles and text[p + 1 : p + 3] not in doubles:
            continue
        for L in (3, 2):  # the item after it
            e = p + 1 + L
            if name_at(text, p + 1, end=e) != e:
                continue
            nxt = text[e : e + 1]
            if (
                not nxt
                or not ("\u4e00" <= nxt <= "\u9fff")
                or nxt in "等"
                or re.match(r"[一二两三四五六七八九十0-9]+[户名位人个]", text[e : e + 4])
            ):
                listed.append((p + 1, e))
                break
    by_clause: dict[int, list[tuple[int, int]]] = {}
    for s_, e_ in listed:
        by_clause.setdefault(_clause_of(text, s_), []).append((s_, e_))
    for s_, e_ in found.items():
        by_clause.setdefault(_clause_of(text, s_), []).append((s_, e_))
    for items in by_clause.values():
        if len({x for x, _ in items}) >= 2:
            for s_, e_ in items:
                found.setdefault(s_, e_)
    # 4b. a list of names in brackets (2名同学(户迎森、张文娟)): when one item is a name and
    # every item looks like one, all are (a surname missing from the list does not matter)
    for m in _BRACKET_LIST.finditer(text):
        items = [(x.start(), x.end()) for x in re.finditer(r"[^、,，]+", m.group(1))]
        base = m.start(1)
        spans = [(base + a, base + b) for a, b in items]
        if len(spans) < 2 or not all(_looks_like_name(text[a:b]) for a, b in spans):
            continue
        if not any(name_at(text, a, end=b) == b for a, b in spans):
            continue
        for a, b in spans:
            found.setdefault(a, b)
    # 5. national leaders
    for m in _famous_re().finditer(text):
        found.setdefault(m.start(), m.end())
    # 6. every other mention of a name found above
    names = {text[s_:e_] for s_, e_ in found.items() if e_ - s_ >= 2}
    if names:
        for m in re.finditer(alternation(names), text):
            found.setdefault(m.start(), m.end())
    # 7. a surname and a mask: 李某 · 王某某 · 陈** · 张XX (names withheld in a report)
    singles, doubles = _surnames()
    for m in _MASK.finditer(text):
        j, mask_end = m.span()
        if text[j - 2 : j] in doubles and j >= 2:
            i = j - 2
        elif j >= 1 and text[j - 1] in singles and text[j - 1] not in _FUNCTION_SURNAMES:
            i = j - 1
        else:
            continue
        if i > 0 and vocab().get(text[i - 1 : i + 1], 0) > 0:
            continue  # 提高某项: 高 ends the word 提高
        if m.group() == "某" and vocab().get(text[j : j + 2], 0) > 0:
            continue  # 某些 · 某项 · 某种: a determiner, not a mask
        if m.group()[0] in "xX×" and not re.match(
            r"[^\u4e00-\u9fff]|同志|等|家庭|[、和与及的]|$", text[mask_end : mask_end + 2]
        ):
            continue  # an X masks anything (全X区第X位): a name only where a name is expected
        if text[i] in "全各每该本":
            continue  # a determiner, not the surname 全
        found.setdefault(i, mask_end)
    out = [
        Cand("PERSON", s_, e_, 30, {"placeholder": has_placeholder(text[s_:e_])})
        for s_, e_ in found.items()
    ]
    # blanks standing for a name: 干事_同志 · 某某同志
    for m in re.finditer(r"(?:[_＿]+|某某|[xX×]{2,3}|\*{2,3})(?=同志)", text):
        out.append(Cand("PERSON", m.start(), m.end(), 30, {"placeholder": True}))
    return out


_BRACKET_LIST = re.compile(r"[(（]([\u4e00-\u9fff]{2,4}(?:[、,，][\u4e00-\u9fff]{2,4})+)[)）]")


def _looks_like_name(w: str) -> bool:
    """2–3 characters, no function character, no common word, no body or place ending."""
    return (
        2 <= len(w) <= 3
        and not any(c in _NOT_NAME_CHAR for c in w[1:])
        and not _common(w)
        and not _common(w[:2])
        and w[-1] not in "会联委局办站所院队部村镇乡县区市省街路社组处科室厂司校"
    )


def _ends_role(text: str, i: int) -> bool:
    for r in _roles():
        if text.startswith(r, i - len(r)):
            return True
    return False


# -- places --------------------------------------------------------------------------------
@functools.cache
def _suffixes() -> dict[str, int]:
    return {s: int(n) for s, n in table("ent_place_suffixes.tsv", 2)}


@functools.cache
def _suffix_re() -> re.Pattern[str]:
    return re.compile(alternation(_suffixes()))


@functools.cache
def _gazetteer_re() -> re.Pattern[str]:
    return re.compile(alternation(lexicon("ent_places.txt")))


_GENERIC_PLACE = frozenset(
    [
        "地区",
        "社区",
        "城区",
        "山区",
        "景区",
        "小区",
        "辖区",
        "园区",
        "片区",
        "郊区",
        "市区",
        "老区",
        "灾区",
        "新区",
        "牧区",
        "林区",
        "矿区",
        "库区",
        "湾区",
        "街区",
        "校区",
        "厂区",
        "城市",
        "都市",
        "超市",
        "上市",
        "股市",
        "城乡",
        "农村",
        "乡村",
        "山村",
        "渔村",
        "全村",
        "本村",
        "该村",
        "各村",
        "村村",
        "全镇",
        "本镇",
        "该镇",
        "各镇",
        "乡镇",
        "城镇",
        "集镇",
        "重镇",
        "全乡",
        "本乡",
        "各乡",
        "家乡",
        "故乡",
        "下乡",
        "老乡",
        "城乡",
        "异乡",
        "外乡",
        "全县",
        "本县",
        "该县",
        "各县",
        "郡县",
        "全市",
        "本市",
        "该市",
        "各市",
        "全省",
        "本省",
        "外省",
        "各省",
        "全区",
        "本区",
        "该区",
        "各区",
        "我区",
        "我市",
        "我县",
        "我镇",
        "我乡",
        "我村",
        "街道",
        "大街",
        "上街",
        "逛街",
        "沿街",
        "临街",
        "道路",
        "公路",
        "马路",
        "铁路",
        "思路",
        "出路",
        "一路",
        "走路",
        "门路",
        "线路",
        "电路",
        "之路",
        "新路",
        "老路",
        "领路",
        "网路",
        "水路",
        "陆路",
        "退路",
        "套路",
        "销路",
        "前路",
        "后路",
        "半路",
        "来路",
        "去路",
        "生路",
        "活路",
        "歧路",
        "弯路",
        "近路",
        "远路",
        "回路",
        "全街道",
        "该社区",
        "本社区",
        "全社区",
        "各社区",
        "我社区",
        "开发区",
        "示范区",
        "试验区",
        "先行区",
        "功能区",
        "生态区",
        "景区",
        "风景区",
        "旅游区",
        "商业区",
        "工业区",
        "居住区",
        "住宅区",
        "安置区",
        "大城市",
        "中小城市",
        "特大城市",
        "超大城市",
        "中心城市",
        "新农村",
        "地级市",
        "县级市",
        "行政村",
        "自然村",
        "贫困村",
        "贫困县",
        "棚户区",
        "自由贸易区",
        "高风险区",
        "中风险区",
        "低风险区",
        "先导区",
        "先进县",
        "示范县",
        "重点村",
        "文明村",
        "总思路",
        "新思路",
        "工作思路",
        "整村",
        "驻村",
        "进村",
        "入村",
        "到村",
    ]
)


@functools.cache
def _place_words() -> frozenset[str]:
    return lexicon("ent_place_words.txt")


@functools.cache
def _units() -> frozenset[str]:
    return frozenset(_suffixes())


_COMMON_FREQ = 500
_RARE_CHAR = 1000
_ROOM = re.compile(r"楼[A-Za-z]?[0-9]{2,4}(?:室|教室|房间)?(?![0-9A-Za-z])")
_ABSTRACT_AFTER_UNIT = frozenset("务风貌容情")
_DEGREE = frozenset("大小多少高低新旧老好强")
"""Adjectives of degree: next to a common word they make a description (经济大省), not a name."""
_COUNT_BEFORE = re.compile(r"[0-9０-９一二两三四五六七八九十百几多余]个$")
_ADDRESS_TAIL = re.compile(
    rf"(?:[0-9]+号)?(?:[{_HAN}]{{0,4}}?(?:家属院|家属区|公寓|菜场|菜市场|花园|广场|大厦|大楼|号楼|小区))?"
)
_CHAIN_UNITS = (
    "省",
    "市",
    "县",
    "区",
    "镇",
    "乡",
    "村",
    "街道",
    "社区",
    "自治区",
    "自治州",
    "自治县",
    "新区",
)


def _freq(w: str) -> int:
    return vocab().get(w, 0)


def _acceptable(w: str, text: str, t: int) -> bool:
    """Can ``w`` (at ``text[t:]``) be (part of) the proper name of a place?"""
    if w in FUNCTION_CHARS or w in _GENERIC_PLACE:
        return False
    if len(w) == 1:
        if not ("\u4e00" <= w <= "\u9fff"):
            return False
        if w in stopwords() and _freq(w) >= _RARE_CHAR:
            # a stop-like first character only at a clause start: ,同沙社区 · 2022年度太慈镇
            # (a rare one, 耘 in 励耘楼, is a name character wherever it stands)
            prev = text[t - 1] if t else ""
            return not prev or not ("\u4e00" <= prev <= "\u9fff") or prev in "年度"
        return True
    if w in _place_words() and (
        _freq(w) < 4 * _COMMON_FREQ or w in _short_divisions() or w in lexicon("ent_places.txt")
    ):
        return True  # (jieba's place words include common ones: 美丽 in 美丽乡村)
    if is_stop(w):
        return False
    return _freq(w) < _COMMON_FREQ


def _name_left(
    text: str, p: int, *, max_len: int = 3, numerals: bool = False, single_x: bool = False
) -> tuple[int, bool]:
    """Start of the proper name ending at ``p`` (== ``p`` if none) and whether it is a blank.

    ``single_x``: a lone X masks a name too (X村 · X镇), when a boundary stands before it
    (the units of villages and towns: a lone X before 区/市 more often masks a character of
    a word, 社X区 → X区工作者)."""
    q = p
    while True:
        t = token_ending_at(text, q, max(0, q - 8))
        if t is None:
            break
        w = text[t:q]
        if is_placeholder_token(w):
            if q == p and (w[0] in "_＿#＃*" or len(w) >= 2):
                return t, True
            if q == p and _boundary_before(text, t) and (w == "某" or (single_x and w in "xXｘＸ")):
                return t, True  # 某县 · 某村 · X村
            break
        if any(w.endswith(u) for u in _CHAIN_UNITS):
            if q == p and w in _place_words() and len(w) <= max_len:
                q = t  # 南村 + 村
            break  # the next unit of a chain
        # a token that swallowed the end of a unit (街道白燕 → 道白 + 燕): cut it there
        cut = next((t + j for j in range(len(w) - 1, 0, -1) for u in _CHAIN_UNITS
                    if text[max(0, t + j - len(u)) : t + j] == u), None)  # fmt: skip
        if cut is not None:
            if all(_acceptable(c, text, cut) for c in text[cut:q]):
                q = cut
            break
        if p - t > max_len and not (w in _place_words() and p - t <= 4):
            break
        if _acceptable(w, text, t) or (numerals and re.fullmatch(r"[一二三四五六七八九十]+", w)):
            q = t  # (numbered roads: 五一北路 · 解放二路)
            continue
        # a common word glued to the name (对门 + 兴村): keep its last character
        if len(w) >= 2 and q == p and _acceptable(w[-1], text, q - 1) and w[-1] not in stopwords():
            q -= 1
        break
    # a stop-like character let in at a clause start (,同沙社区) is left out when the rest is
    # a name of its own: ,仅东岗街道 → 东岗街道
    if q < p and text[q] in stopwords() and _freq(text[q]) >= _RARE_CHAR and p - q - 1 >= 2:
        q += 1
    return q, False


def _boundary_before(text: str, i: int) -> bool:
    """Nothing of a word stands right before ``text[i]``: punctuation, a function character,
    or a one-character stop word (在X村 · 、X村)."""
    if i == 0:
        return True
    ch = text[i - 1]
    return not ("\u4e00" <= ch <= "\u9fff") or ch in FUNCTION_CHARS or ch in stopwords()


def _bounded_name_left(text: str, p: int, *, max_len: int = 4) -> int | None:
    """Start of a name built from ordinary words, when a boundary closes it on the left:
    在红牌楼街道 (红 + 牌楼) · 我镇娘娘坝村 (娘娘 + 坝). The strict walk refuses common words
    (平安, 文明, 学校 …) because most names do not contain them; here they are let in only
    between a hard boundary (a stop word, a function character, punctuation, or the unit
    of a place before: 我镇 · 东岗街道) and the suffix, and only next to a piece that is no
    common word (a single character or a rare word), so 在学校社区 stays out."""
    q = p
    name_like = False
    while True:
        t = token_ending_at(text, q, max(0, q - 8))
        if t is None:
            break  # punctuation or a digit: a boundary
        w = text[t:q]
        if (
            w in FUNCTION_CHARS
            or is_stop(w)
            or is_placeholder_token(w)
            or any(w.endswith(u) for u in _CHAIN_UNITS)
        ):
            break
        if w in _GENERIC_PLACE or p - t > max_len:
            return None
        if (len(w) == 1 and w not in _DEGREE) or (len(w) > 1 and _freq(w) < _COMMON_FREQ):
            name_like = True
        q = t
    if p - q < 2 or not name_like or _freq(text[q:p]) >= _COMMON_FREQ // 5:
        return None
    return q


def _name_char_before(text: str, i: int, suf: str) -> bool:
    """Is ``text[i-1]`` a character that can begin or continue a place name (not a function
    character or a one-character stop word; numerals only before a road: 八一路)?"""
    ch = text[i - 1]
    if not ("\u4e00" <= ch <= "\u9fff"):
        return False
    if re.fullmatch(r"[一二三四五六七八九十]", ch):
        return suf in ("路", "街", "大道")
    return ch not in FUNCTION_CHARS and ch not in stopwords()


@functools.cache
def divisions() -> dict[str, str]:
    """China's administrative divisions by full name (南平市, 顺昌县, 鼓楼区) → level
    (province, city, county): ``ent_divisions.tsv``, derived from cpca's adcodes."""
    return {name: level for name, level in table("ent_divisions.tsv", 2)}


_SLOGAN = re.compile(
    r"(?:美丽|魅力|健康|平安|森林|最美|幸福|文明|和谐|生态|智慧|天堂|活力|数字|法治|书香|绿色|"
    r"清廉|人文|诚信|宜居|品质|开放|创新|精彩|大美|锦绣|印象|畅游|多彩)新?"
    r"(?P<name>[\u4e00-\u9fff]{2,3}?)(?=[”\"’'·・」]|$)"
)


@functools.cache
def _short_divisions() -> frozenset[str]:
    """Names of cities and counties without their unit (北仑区 → 北仑, 遂宁市 → 遂宁)."""
    out = set()
    for name, level in divisions().items():
        m = re.match(r"(.+?)(?:自治县|自治旗|自治州|林区|特区|新区|地区|盟|区|县|市|旗)$", name)
        if level != "province" and m and 2 <= len(m.group(1)) <= 4:
            out.add(m.group(1))
    return frozenset(out)


def _slogan_place(w: str) -> bool:
    return w not in _GENERIC_PLACE and (
        w in _short_divisions()
        or w in lexicon("ent_places.txt")
        or (w in _place_words() and _freq(w) < _COMMON_FREQ)
    )


def _known_name(name: str) -> bool:
    """A listed place (the gazetteer, or a jieba place word of three characters or more: its
    two-character ones include ordinary words such as 远山, 上城)."""
    return name in lexicon("ent_places.txt") or (len(name) >= 3 and name in _place_words())


def _place_end_at(text: str, he: int, suf: str, *, depth: int = 0) -> tuple[int, bool] | None:
    """(start, placeholder) of the place whose suffix ``suf`` ends at ``he``, chain included."""
    hs = he - len(suf)
    minimum = _suffixes()[suf]
    tail: int | None = None
    # a common word that ends in the suffix is no place: 农村 · 思路 · 灾区 · 行政村 · 全区
    for k in range(len(suf) + 1, min(6, he) + 1):
        w = text[he - k : he]
        if text.startswith(suf, he - k) and k <= 2 * len(suf):
            continue  # 村村 in 南村村
        if (
            he - k >= 1
            and text[he - k - 1 : he - k + 1] in _place_words()
            and not (he - k >= 2 and _freq(text[he - k - 2 : he - k]) > 0)
        ):
            continue  # 山村 in 长山村: the name 长山 overlaps it (but 边远|山区, 以上|城市)
        if (
            k == len(suf) + 1
            and he - k >= 1
            and (w in _GENERIC_PLACE or (w not in _place_words() and _freq(w) >= 20))
            and _name_char_before(text, he - k, suf)
        ):
            tail = he - k  # 山村 in 长洼山村 · 一路 in 八一路: maybe the tail of a name
            continue
        if w in _GENERIC_PLACE:
            return None
        if w not in _place_words() and _freq(w) >= _COMMON_FREQ // 5:
            return None
    s = token_ending_at(text, he, max(0, he - 6))
    start, ph = _name_left(
        text, hs, numerals=suf in ("路", "街", "大道"), single_x=suf in ("村", "镇", "乡", "县")
    )
    if s is not None and he - s > len(suf) and text[s:he] in _place_words() and s < start:
        start, ph = s, False  # 宁波市 · 新城区 · 衡山县
    if hs - start < minimum and not ph:
        b = _bounded_name_left(text, hs)
        if b is None:
            return None
        start = b
    if not ph and re.fullmatch(r"[一二三四五六七八九十]+大", text[start:hs]):
        return None  # 妇女十二大省妇女十三大: a congress (十二大), then 省 starts the next one
    if not ph and all(c in "中省市县区镇乡村" for c in text[start:hs]):
        return None  # 按照中省市县…精神: a list of levels, not a name
    if (
        tail is not None
        and not ph
        and start < tail
        and not (_known_name(text[start:hs]) or text[start:he] in divisions())
    ):
        # a common word ends the name (山区, 城市, 一路): what comes before it must be a
        # name of two or more characters that is no word (长洼|山村 but not 边远|山区,
        # 礼貌|城市, 地级及以上|城市), or the numeral of a road (八|一路)
        pre = text[start:tail]
        road = suf in ("路", "街", "大道") and re.fullmatch(
            r"[一二三四五六七八九十]+", text[start:hs]
        )
        if not road and (len(pre) < 2 or _freq(pre) > 0 or _freq(pre[-2:]) > 0):
            return None
    elif tail is not None and start >= tail:
        return None
    if (
        not ph
        and re.fullmatch(r"[一二三四五六七八九十]+[东西南北中]?", text[start:hs])
        and not (
            start > 0
            and any(text[max(0, start - 4) : start].endswith(u) for u in ("区", "县", "市", "镇"))
        )
    ):
        return None
    # chain: 霍山县落儿岭镇 · 金庭镇石公村 · 祖庙街道白燕社区 · 石湾镇街道惠景社区
    while start > 0 and depth < 4:
        t = token_ending_at(text, start, max(0, start - 8))
        if t is None:
            break
        w = text[t:start]
        unit = next((u for u in sorted(_CHAIN_UNITS, key=len, reverse=True) if w.endswith(u)), None)
        if unit is None:
            break
        prev = _place_end_at(text, start, unit, depth=depth + 1) if unit in _suffixes() else None
        if prev is None and w == "街道":
            # 石湾镇街道: the 街道 of a town
            t2 = token_ending_at(text, t, max(0, t - 8))
            u2 = text[t - 1 : t]
            if t2 is not None and u2 in ("镇", "乡"):
                prev = _place_end_at(text, t, u2, depth=depth + 1)
        if prev is None:
            break
        start, ph = prev[0], ph or prev[1]
    return start, ph


def find_places(text: str) -> list[Cand]:
    out: list[Cand] = []
    for m in _suffix_re().finditer(text):
        hs, he = m.span()
        suf = m.group()
        # a dictionary word across the end: 村民 · 区域 · 城市化 (应城市) · 路线
        across = any(
            _freq(text[hs - a : he + b]) >= 50
            for a in (0, 1, 2)
            for b in (1, 2)
            if hs - a >= 0 and he + b <= len(text)
        ) and not (suf == "街道" or (he < len(text) and text[he] in "村镇乡县区市"))
        if len(suf) == 1 and text[he : he + 1] in _ABSTRACT_AFTER_UNIT:
            continue  # 党务村务 · 村风村貌 · 镇容: the unit's affairs or looks, not a place
        found = _place_end_at(text, he, suf)
        if found is None:
            continue
        if across and not (_known_name(text[found[0] : hs]) or text[found[0] : he] in divisions()):
            continue  # 宁德市|政府 is a place, but 应城|市 in 城市化 is not
        start, placeholder = found
        name = text[start:he]
        if suf == "区" and text[hs - 1 : hs] == "院":
            continue  # 通州院区 · 新院区: a hospital's or school's campus, part of its name
        if (
            suf == "乡"
            and text.startswith("村", he)
            and not placeholder
            and _freq(text[max(start, hs - 2) : hs]) >= 100
        ):
            continue  # 助力生态乡村 · 山水童话乡村: a common word before 乡村, not a township
        if name in _GENERIC_PLACE or (not placeholder and name[0] in "全本该各我每"):
            continue
        if _COUNT_BEFORE.search(text, max(0, start - 6), start):
            continue  # 4个涉农街道 · 18个行政村: counted kinds of units, not a named one
        end = he
        # village groups: 杨家岭村一组 · 三眼桥村五、七组 ; addresses: 北新街88号教育局家属院
        g = re.compile(
            r"[一二三四五六七八九十]+(?:、[一二三四五六七八九十]+)*组(?![织成长员建])"
        ).match(text, he)
        if suf == "村" and g:
            end = g.end()
        if suf in ("街", "路", "大道", "巷", "社区"):
            a = _ADDRESS_TAIL.match(text, he)
            if a and a.end() > he and (suf != "社区" or not text[he : he + 1].isdigit()):
                end = a.end()
        out.append(Cand("PLACE", start, end, 40, {"placeholder": placeholder}))
    # a place praised by a slogan: “森林北仑” · “天堂苏州·最美吴中” · 魅力新城关 · 健康遂宁
    for m in _SLOGAN.finditer(text):
        s, e = m.span("name")
        if _slogan_place(text[s:e]):
            out.append(Cand("PLACE", s, e, 41, {"placeholder": False}))
    # a named building and a room in it: 励耘楼a107 · 明德楼302室
    for m in _ROOM.finditer(text):
        hs = m.start()
        start, ph = _name_left(text, hs)
        if ph or hs - start < 2:
            continue
        out.append(Cand("PLACE", start, m.end(), 40, {"placeholder": False}))
    for m in _gazetteer_re().finditer(text):
        s, e = m.span()
        # the name must not be cut out of the words around it: 浙江西部 (江西) · 黄河南岸 (河南);
        # jieba's plain cut of a few characters around it decides (今年|青海|玉树 is fine)
        if not _on_word_boundaries(text, s, e) and not (
            text[e : e + 1] == "式" and _on_word_boundaries(text, s, e + 1)
        ):
            continue  # (中国式现代化: the place and 式, "in its way", are one jieba word)
        out.append(Cand("PLACE", s, e, 41, {"placeholder": False}))
        # a smaller place named right after it (中国南平 · 湖北恩施 · 广东佛山): a jieba place
        # word that is no common word, on word boundaries; merged below into one span
        for n in (4, 3, 2):
            w = text[e : e + n]
            if (
                len(w) == n
                and w in _place_words()
                and _freq(w) < _COMMON_FREQ
                and w not in _GENERIC_PLACE
                and _on_word_boundaries(text, e, e + n)
            ):
                out.append(Cand("PLACE", e, e + n, 41, {"placeholder": False}))
                break
    return _merge_adjacent(out, text)


def _on_word_boundaries(text: str, s: int, e: int) -> bool:
    from ..tokenize import tokenizer

    a, b = max(0, s - 4), min(len(text), e + 4)
    cuts = {a}
    pos = a
    for w in tokenizer().cut(text[a:b], HMM=False):
        pos += len(w)
        cuts.add(pos)
    return s in cuts and e in cuts


def _merge_adjacent(cands: list[Cand], text: str) -> list[Cand]:
    """青海玉树: two places side by side are one span."""
    cands.sort(key=lambda c: (c.start, -c.end))
    out: list[Cand] = []
    for c in cands:
        if out and c.start == out[-1].end and not out[-1].fields.get("placeholder"):
            prev = out[-1]
            out.append(
                Cand(
                    "PLACE",
                    prev.start,
                    c.end,
                    40,
                    {"placeholder": c.fields.get("placeholder", False)},
                )
            )
        out.append(c)
    _ = text
    return out


def find_people_places(text: str) -> list[Cand]:
    return find_people(text) + find_places(text)


__all__ = ["divisions", "find_people", "find_people_places", "find_places", "name_at"]
