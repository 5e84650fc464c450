"""Entities: every case named in issue 3, table-driven, on real-looking sentences."""

from __future__ import annotations

import pytest

from summarykit.entities import document_year, extract_entities, find_entities
from summarykit.entities.numbers import approx_range, parse_number, place_step
from summarykit.model import Document, check_offsets


def ents(text: str, **kw):
    return find_entities(text, **kw)


def one(text: str, surface: str, label: str | None = None):
    """The entity whose text is ``surface`` (and label), failing with what was found."""
    found = [e for e in ents(text) if e.text == surface and (label is None or e.label == label)]
    assert found, (
        f"{surface!r} ({label}) not found in {text!r}: {[(e.label, e.text) for e in ents(text)]}"
    )
    return found[0]


# -- ORG -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("在县妇联的精心指导下开展工作。", "县妇联"),
        ("东城街道妇联结合实际,扎实推进改建工作。", "东城街道妇联"),
        ("__镇妇联紧紧围绕区妇联年初提出的工作要求。", "__镇妇联"),
        ("xx区妇联着力加强自身建设。", "xx区妇联"),
        ("在镇党委的正确领导下。", "镇党委"),
        ("社区妇女和社区关工委为辖区的幼儿园小朋友送去糖果。", "社区关工委"),
        ("结合社区矛盾纠纷排查以及居民调解委员会努力为广大妇女提供服务。", "居民调解委员会"),
        ("期间,县地税局带着浓浓的爱心来到学校。", "县地税局"),
        ("组织6家企业代表队在亚洲浆纸业有限公司多功能厅开展竞赛。", "亚洲浆纸业有限公司"),
        ("近期又联合西安爱知中学举办了演出活动。", "西安爱知中学"),
        ("今年是联合国儿基会的反对对儿童暴力年。", "联合国儿基会"),
        ("乡妇联配合综治办、派出所等组织送法上门。", "派出所"),
        ("妇女工作者代表计生服务站站长胡业梅做了发言。", "计生服务站"),
    ],
)
def test_org(text: str, surface: str) -> None:
    e = one(text, surface, "ORG")
    assert e.placeholder == ("_" in surface or "xx" in surface)


def test_org_drops_leading_pronoun() -> None:
    orgs = [e.text for e in ents("我社区妇联经常组织社区党员学习。") if e.label == "ORG"]
    assert orgs == ["社区妇联"]


def test_org_coordination() -> None:
    orgs = [
        e.text for e in ents("在镇党委、政府的正确领导下,在县妇联的指导下。") if e.label == "ORG"
    ]
    assert orgs == ["镇党委", "政府", "县妇联"]
    # 市、区妇联 → only 区妇联 (市 alone is no name)
    assert [e.text for e in ents("同时还用心与市、区妇联密切配合。") if e.label == "ORG"] == [
        "区妇联"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "各级妇联组织要发挥作用。",
        "妇联既是全镇妇女的代言人。",
        "加强基层妇联建设。",
        "建设服务型政府。",
    ],
)
def test_not_org(text: str) -> None:
    assert [e.text for e in ents(text) if e.label == "ORG"] == []


# -- HONOR ---------------------------------------------------------------------------------
def test_honor_national_without_quotes() -> None:
    e = one(
        "社区先后荣获全国“平安家庭示范社区”、全国“计生协会先进单位”。", "平安家庭示范社区", "HONOR"
    )
    assert e.level == "national"
    assert (
        one(
            "社区先后荣获全国“平安家庭示范社区”、全国“计生协会先进单位”。", "计生协会先进单位"
        ).level
        == "national"
    )


def test_honor_awarded_by() -> None:
    e = one("她个人和家庭也被新城区妇联授予《学习型家庭》荣誉称号。", "学习型家庭", "HONOR")
    assert e.awarded_by == "新城区妇联"
    assert e.level == "district"
    assert not [
        x
        for x in ents("她个人和家庭也被新城区妇联授予《学习型家庭》荣誉称号。")
        if x.label == "LAW"
    ]


def test_honor_series_shares_level_and_drops_chenghao() -> None:
    text = "荣获省级“礼貌社区”、省级“巾帼礼貌岗”;市级“十佳社区党支部”等荣誉称号。"
    got = [(e.text, e.level) for e in ents(text) if e.label == "HONOR"]
    assert got == [
        ("礼貌社区", "provincial"),
        ("巾帼礼貌岗", "provincial"),
        ("十佳社区党支部", "city"),
    ]
    assert [e.text for e in ents("获得“全国五好文明家庭”称号。") if e.label == "HONOR"] == [
        "全国五好文明家庭"
    ]


def test_campaign_is_not_honor() -> None:
    assert [
        e for e in ents("为了深化“平安家庭”创建活动,推进平安社区建设。") if e.label == "HONOR"
    ] == []


def test_sanba_hongqishou_is_honor_not_date() -> None:
    labels = {e.label for e in ents("她被评为全国三八红旗手。")}
    assert "HONOR" in labels and "DATE" not in labels


# -- COUNT / MONEY / PERCENT ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface", "label", "value", "unit", "approx"),
    [
        ("带领21个行政村全面进入总结阶段。", "21个", "COUNT", 21, "个", False),
        ("参加人数150余人。", "150余人", "COUNT", 150, "人", True),
        ("最后评出“平安家庭”五户。", "五户", "COUNT", 5, "户", False),
        ("创建“平安家庭”181,913户,占全区总户数的90%。", "181,913户", "COUNT", 181913, "户", False),
        ("全市常住人口1361万人。", "1361万人", "COUNT", 13610000, "人", False),
        ("平均年龄36.7岁,其中30岁及以下31人。", "36.7岁", "COUNT", 36.7, "岁", False),
        ("捐款7000余元,涌现出许多感人的事迹。", "7000余元", "MONEY", 7000, "元", True),
        ("共募集资金1万余元。", "1万余元", "MONEY", 10000, "元", True),
        (
            "全年财政收入五千三百二十亿元。",
            "五千三百二十亿元",
            "MONEY",
            532_000_000_000,
            "元",
            False,
        ),
        ("出口总额2.3亿美元。", "2.3亿美元", "MONEY", 230_000_000, "美元", False),
        ("占总数的28.07%;基层妇女代表76人。", "28.07%", "PERCENT", 28.07, "%", False),
        ("比上年增长百分之七点五。", "百分之七点五", "PERCENT", 7.5, "%", False),
        ("城镇调查失业率下降5个百分点。", "5个百分点", "PERCENT", 5, "百分点", False),
        ("全镇召开干部会议五次。", "五次", "COUNT", 5, "次", False),
        ("举办培训班3期,受训妇女达160人。", "3期", "COUNT", 3, "期", False),
        ("面积0.23平方公里,共有住户300户。", "0.23平方公里", "COUNT", 0.23, "平方公里", False),
        ("为了纪念“三八”国际劳动节105周年。", "105周年", "COUNT", 105, "周年", False),
    ],
)
def test_numeric(
    text: str, surface: str, label: str, value: float, unit: str, approx: bool
) -> None:
    e = one(text, surface, label)
    assert e.value == pytest.approx(value)
    assert e.unit == unit
    assert e.approx is approx
    assert e.placeholder is False


def test_range_rule_for_approximations() -> None:
    assert one("参加人数150余人。", "150余人").range == (150, 160)
    assert one("捐款7000余元。", "7000余元").range == (7000, 8000)
    assert one("共募集资金1万余元。", "1万余元").range == (10000, 20000)
    assert one("共20多万人参加。", "20多万人").range == (200000, 300000)
    e = one("其中31-40岁88人。", "31-40岁")
    assert (e.value, e.range) == (31, (31, 40))
    assert one("事项都在10项以上。", "10项以上").range is None  # open-ended


@pytest.mark.parametrize(
    "text",
    [
        "一是着力提高妇女素质。二是继续抓好培训。",
        "三、多层次、多形式提升妇女整体素质",
        "我社区妇联进一步营造良好氛围。",
        "使很多妇女学到了一技之长。",
        "开展了一系列工作。",
        "提高队伍素质,加强队伍建设。",
        "全乡妇女工作一年一个新变化。",
        "母女关系一天天融洽起来。",
        "这是第一次会议,以县妇联十四届四次执委扩大会议确定的目标。",
        "一方面充分利用社区宣传栏。",
    ],
)
def test_not_counts(text: str) -> None:
    found = [
        (e.label, e.text) for e in ents(text) if e.label in ("COUNT", "MONEY", "PERCENT", "DATE")
    ]
    assert found == []


# -- DATE ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface", "year", "month", "day"),
    [
        ("2019年全镇妇女工作取得新进展。", "2019年", 2019, None, None),
        ("3月6日,在镇政府大会议室召开表彰大会。", "3月6日", None, 3, 6),
        ("同时在五月十三日这天开展活动。", "五月十三日", None, 5, 13),
        ("成文日期:2022-03-03。", "2022-03-03", 2022, 3, 3),
        ("截至2022年12月31日,共办理123件。", "2022年12月31日", 2022, 12, 31),
        ("在4月份组织开展了演出活动。", "4月份", None, 4, None),
    ],
)
def test_dates(text: str, surface: str, year, month, day) -> None:
    e = one(text, surface, "DATE")
    assert (e.year, e.month, e.day, e.placeholder) == (year, month, day, False)


@pytest.mark.parametrize(
    ("text", "surface", "relative"),
    [
        ("这些我们将在下半年的工作中加以改进。", "下半年", "second_half"),
        ("上半年共接待来访20件。", "上半年", "first_half"),
        ("对照年初的工作目标存在差距。", "年初", "year_start"),
        ("计划于年底全面完成。", "年底", "year_end"),
    ],
)
def test_relative_parts_of_year(text: str, surface: str, relative: str) -> None:
    e = one(text, surface, "DATE")
    assert e.relative == relative
    assert e.year is None  # no document year given


def test_relative_years_resolved_only_with_document_year() -> None:
    text = "今年共走访50户,去年为40户,明年计划60户。"
    assert [(e.text, e.year, e.relative) for e in ents(text) if e.label == "DATE"] == [
        ("今年", None, "this_year"), ("去年", None, "last_year"), ("明年", None, "next_year"),
    ]  # fmt: skip
    doc = extract_entities(Document(id="d", text=text, title="2022年社区妇联工作总结"))
    assert [(e.text, e.year) for e in doc.entities if e.label == "DATE"] == [
        ("今年", 2022), ("去年", 2021), ("明年", 2023),
    ]  # fmt: skip
    doc = extract_entities(Document(id="d", text=text, meta={"year": 2019}))
    assert [e.year for e in doc.entities if e.label == "DATE"] == [2019, 2018, 2020]


def test_document_year_from_title_like_first_line() -> None:
    d = Document(id="d", text="2021年乡镇三八妇女节庆祝活动总结为隆重纪念节日……去年我们……")
    assert document_year(d) == 2021
    assert document_year(Document(id="d", text="今年我们做了很多工作。")) is None


@pytest.mark.parametrize(
    ("text", "surface", "festival", "month", "day"),
    [
        ("同时利用“三八”节和妇女维权周等契机开展活动。", "“三八”节", "三八", 3, 8),
        ("六一期间社区妇女为幼儿园小朋友送去糖果。", "六一", "六一", 6, 1),
        ("在“七一”前夕,组织开展了文艺汇演。", "七一", "七一", 7, 1),
        ("元旦春节期间,我社区妇联走访特困家庭。", "元旦", "元旦", 1, 1),
        ("元旦春节期间,我社区妇联走访特困家庭。", "春节", "春节", None, None),
        ("借“母亲节”在镇妇联的组织领导下开展活动。", "母亲节", "母亲节", 5, None),
    ],
)
def test_festivals(text: str, surface: str, festival: str, month, day) -> None:
    e = one(text, surface, "DATE")
    assert (e.festival, e.month, e.day, e.year) == (festival, month, day, None)


@pytest.mark.parametrize(
    "text",
    [
        "社区居委会位于鼓楼区五一北路东侧。",
        "她被评为三八红旗手。",
        "回顾半年来的工作。",
        "一年来,在街道党工委的领导下。",
    ],
)
def test_not_dates(text: str) -> None:
    assert [e.text for e in ents(text) if e.label == "DATE"] == []


def test_wuyi_beilu_is_a_place() -> None:
    assert one("社区居委会位于鼓楼区五一北路东侧。", "鼓楼区五一北路", "PLACE")


# -- placeholders: found, flagged, never valued -------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("20xx年我社区妇女组织在党总支领导下开展工作。", "20xx年", "DATE"),
        ("20x年6月我社区妇联圆满完成换届选举。", "20x年6月", "DATE"),
        ("二零__年,在镇党委的正确领导下。", "二零__年", "DATE"),
        ("各基层妇女组织把20__年度承诺中尚未完成的实事列为承诺事项。", "20__年度", "DATE"),
        ("__月21日和__月26日召集各村妇代会主任座谈。", "__月21日", "DATE"),
        ("列为入党积极分子__人。", "__人", "COUNT"),
        ("为贫困儿童送来了____元现金。", "____元", "MONEY"),
        ("参加报告会___多人。", "___多人", "COUNT"),
        ("全年发生安全事故X起。", "X起", "COUNT"),
        ("xx区妇联着力加强自身建设。", "xx区妇联", "ORG"),
        ("镇党委书记_同志向妇女干部通报了情况。", "_", "PERSON"),
        ("推荐某某同志为候选人。", "某某", "PERSON"),
    ],
)
def test_placeholders(text: str, surface: str, label: str) -> None:
    e = one(text, surface, label)
    assert e.placeholder is True
    assert e.value is None
    if label == "DATE":
        stated = {
            "20x年6月": (None, 6, None),
            "__月21日": (None, None, 21),
            "__月26日": (None, None, 26),
        }
        assert (e.year, e.month, e.day) == stated.get(surface, (None, None, None))


def test_placeholder_month_is_never_invented() -> None:
    e = one("__月21日召开座谈会。", "__月21日")
    assert e.month is None and e.day == 21


# -- PERSON / PLACE ------------------------------------------------------------------------
def test_person_after_title_and_in_lists() -> None:
    assert one("会议由副镇长李娟华主持。", "李娟华", "PERSON")
    text = "评出“平安家庭”五户分别是雷延林,陈得钦,赵得梅,祁文贵,郑辉贤五户。"
    assert [e.text for e in ents(text) if e.label == "PERSON"] == [
        "雷延林",
        "陈得钦",
        "赵得梅",
        "祁文贵",
        "郑辉贤",
    ]
    assert [
        e.text for e in ents("__镇党委书记宋刚、副书记陆超在会上讲话。") if e.label == "PERSON"
    ] == ["宋刚", "陆超"]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("广大家庭用心投身宁波市争创全国礼貌城市。", "宁波市"),
        ("我镇踊现出的“最美家庭”有_村聂福则、黎岭村王建伟等家庭。", "黎岭村"),
        ("在今年青海玉树大地震和陕南洪涝灾害发生后。", "青海玉树"),
        ("在今年青海玉树大地震和陕南洪涝灾害发生后。", "陕南"),
        ("市妇联在衡山县江东乡走访慰问。", "衡山县江东乡"),
    ],
)
def test_places(text: str, surface: str) -> None:
    assert one(text, surface, "PLACE")


def test_generic_places_are_not_places() -> None:
    assert [e.text for e in ents("全镇各村和辖区内的社区都参加了。") if e.label == "PLACE"] == []


# -- LAW -----------------------------------------------------------------------------------
def test_laws() -> None:
    text = "组织学习《妇女权益保障法》、《婚姻法》,宣传普及反家庭暴力条例和反家暴法。"
    assert [e.text for e in ents(text) if e.label == "LAW"] == [
        "妇女权益保障法",
        "婚姻法",
        "反家庭暴力条例",
        "反家暴法",
    ]
    assert [
        e.text
        for e in ents("社区工作人员表演了《十劝歌》、《家和万事兴》等节目。")
        if e.label == "LAW"
    ] == []
    e = one("制定了《__区妇联基层组织建设实施规划》。", "__区妇联基层组织建设实施规划", "LAW")
    assert e.placeholder


# -- numbers module ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("s", "v"),
    [
        ("181,913", 181913),
        ("1361万", 13610000),
        ("五千三百二十亿", 532e9),
        ("七点五", 7.5),
        ("十二", 12),
        ("两万", 20000),
        ("一百零八", 108),
        ("３６．７", 36.7),
        ("1.5万亿", 1.5e12),
        ("三八", None),
        ("五一", None),
        ("千万", None),
    ],
)
def test_parse_number(s: str, v) -> None:
    assert parse_number(s) == (pytest.approx(v) if v is not None else None)


def test_place_step_and_ranges() -> None:
    assert [place_step(v) for v in (150, 7000, 10000, 36.7)] == [
        10,
        1000,
        10000,
        pytest.approx(0.1),
    ]
    assert approx_range(300, "almost") == (200, 300)
    assert approx_range(300, "about") == (250, 350)


# -- invariants ----------------------------------------------------------------------------
def test_entities_slice_back_and_do_not_overlap(seed_text: str) -> None:
    doc = extract_entities(Document(id="seed", text=seed_text))
    assert check_offsets(doc) == []
    assert len(doc.entities) > 400


def test_labels_filter_and_errors() -> None:
    text = "县妇联组织150余人参加培训。"
    assert {e.label for e in ents(text, labels=["COUNT"])} == {"COUNT"}
    with pytest.raises(ValueError):
        ents(text, labels=["NOPE"])
    with pytest.raises(TypeError):
        find_entities(b"bytes")  # type: ignore[arg-type]
    assert ents("") == []


def test_pipeline_fills_entities() -> None:
    import summarykit

    doc = summarykit.parse(
        "一、加强组织建设\n今年召开会议五次,参加人数150余人。",
        title="2022年工作总结",
        stages=("entities",),
    )
    assert [(e.label, e.text) for e in doc.entities][-2:] == [
        ("COUNT", "五次"),
        ("COUNT", "150余人"),
    ]
    assert doc.to_dict()["entities"][0]["label"]


def test_docstring_examples() -> None:
    import doctest

    import summarykit.entities as mod

    assert doctest.testmod(mod).failed == 0


# -- general phenomena met on unseen reports (invented snippets, one row per phenomenon) ----
def _pairs(text: str, **kw) -> set[tuple[str, str]]:
    return {(e.label, e.text) for e in ents(text, **kw)}


PHENOMENA = [
    # a relative part of the year is its own DATE, apart from the year written before it
    ("year_then_half", "在2016年下半年召开了两次会议。", [("DATE", "2016年"), ("DATE", "下半年")],
     [("DATE", "2016年下半年")]),
    ("relative_year_then_month", "我于去年九月份到任。", [("DATE", "去年"), ("DATE", "九月份")],
     [("DATE", "去年九月份")]),
    # a form's blanks left as spaces: 20xx年 月 日 is one placeholder date
    ("blank_month_day", "——20xx年 月 日在县人代会上", [("DATE", "20xx年 月 日")], []),
    # a space between the year and 年 (PDF conversions)
    ("year_space", "获得2019 年度先进单位", [("DATE", "2019 年度")], []),
    # a span of years is one DATE, not a count of years
    ("year_range", "编制了2021-2025年发展规划", [("DATE", "2021-2025年")],
     [("COUNT", "2021-2025年")]),
    # a span of months is one DATE: 1-6月 · 1至6月份 (month 1, range [1, 6])
    ("month_range", "1-6月共接待126人次,1至6月份共办理45件,截至2022年1-6月", [("DATE", "1-6月"),
     ("DATE", "2022年1-6月"),
     ("DATE", "1至6月份")], [("DATE", "6月"), ("DATE", "6月份")]),
    # a bare year in brackets is a date; in a document number it is not
    ("bracket_year", "第九届(2018)全国评比", [("DATE", "2018")], []),
    ("document_number", "按照皖政办(2018)12号文件", [], [("DATE", "2018")]),
    # text from a PDF: a space between a number and its unit or 月/日
    ("spaced_date", "5 月 15 日-5 月 28 日期间", [("DATE", "5 月 15 日"), ("DATE", "5 月 28 日")], []),
    ("spaced_counts", "共 68 户 260 人,投入资金 1.2 万元,增长 12.5 %",
     [("COUNT", "68 户"), ("COUNT", "260 人"), ("MONEY", "1.2 万元"), ("PERCENT", "12.5 %")], []),
    ("spaced_not_counts", "1 人员安排\n生产总值 亿元,增长 %", [],
     [("COUNT", "1 人"), ("MONEY", "亿元"), ("PERCENT", "%")]),
    # traditional characters read as simplified ones, spans and texts as written
    ("traditional", "在縣婦聯的指導下,2019年共捐款7000餘元。",
     [("ORG", "縣婦聯"), ("DATE", "2019年"), ("MONEY", "7000餘元")], []),
    # a numeral inside a short quoted slogan abbreviates something: not a quantity
    ("quoted_slogan", "实行“五包”责任制,对标“户6项”标准。", [],
     [("COUNT", "五包"), ("COUNT", "6项")]),
    ("quote_closed_before_count", "评出“文明家庭”八户。", [("COUNT", "八户")], []),
    # PLACE: a name made of ordinary words, closed on the left by a boundary or a unit
    ("place_of_common_words", "在红旗楼街道辖区运动会中", [("PLACE", "红旗楼街道")], []),
    ("place_after_unit", "我乡石头坝村识别贫困户", [("PLACE", "石头坝村")], []),
    # a common word at the end of a name (山村, 一路) does not make the name generic …
    ("generic_tail_of_name", "仅西岭街道长洼山村因故延缓", [("PLACE", "西岭街道长洼山村")],
     [("PLACE", "仅西岭街道")]),
    ("numbered_road_address", "办公地址:福建省南平市八一路439号,邮编",
     [("PLACE", "福建省南平市八一路439号")], []),
    # … but a word that ends there is no name: 边远|山区, 以上|城市, 经济|大省, 礼貌|城市
    ("generic_place_words", "加强边远山区、地级及以上城市建设,支持经济大省,争创礼貌城市", [],
     [("PLACE", "远山区"), ("PLACE", "上城市"), ("PLACE", "经济大省"), ("PLACE", "礼貌城市")]),
    # counted kinds of units and lists of levels are not places
    ("counted_units", "其中涉及4个涉农街道、按照中省市县会议精神", [],
     [("PLACE", "涉农街道"), ("PLACE", "中省市")]),
    # a unit's affairs: 党务村务
    ("unit_affairs", "对党务村务管理进行检查", [], [("PLACE", "党务村")]),
    # a smaller place right after a listed one is one span
    ("place_then_place", "可登录“湖北恩施”网站查询", [("PLACE", "湖北恩施")], []),
    # a named building and a room in it
    ("building_room", "支部成员在明德楼b203开展学习", [("PLACE", "明德楼b203")], []),
    # a place and 式 are one jieba word: 中国式现代化
    ("place_style", "推进中国式现代化", [("PLACE", "中国")], []),
    # a place praised by a slogan, without its unit
    ("slogan_place", "响应区委提出的“森林北仑”工作,擘画“天堂苏州·最美吴中”,守护健康遂宁",
     [("PLACE", "北仑"), ("PLACE", "苏州"), ("PLACE", "吴中"), ("PLACE", "遂宁")], []),
    ("slogan_not_place", "开展“平安家庭”创建,建设美丽乡村", [],
     [("PLACE", "家庭"), ("PLACE", "美丽乡")]),
    # a suffix at the very end of the text still ends a place
    ("place_at_text_end", "在鼓楼区五一北路", [("PLACE", "鼓楼区五一北路")], []),
    ("place_before_unit_word", "2013年的宁德市政府信息公开工作", [("PLACE", "宁德市")],
     [("ORG", "宁德市政府")]),
    # a division written in full is a place even where its unit starts a word (市|政府)
    ("division_before_word", "三明市政府信息公开工作", [("PLACE", "三明市")], []),
    # ORG: a place, a body and its office run together are one body
    ("body_chain", "本报告由宁德市人民政府信息公开工作领导小组办公室负责编制",
     [("ORG", "宁德市人民政府信息公开工作领导小组办公室")], [("PLACE", "宁德市")]),
    ("ministry_institute", "由国家信息中心联合住房和城乡建设部政策研究中心等单位共同主办",
     [("ORG", "国家信息中心"), ("ORG", "住房和城乡建设部政策研究中心")], []),
    ("party_committee_office", "加强与市委宣传部的联系", [("ORG", "市委宣传部")], []),
    ("governing_pair_not_joined", "镇党委政府高度重视", [("ORG", "镇党委"), ("ORG", "政府")],
     [("ORG", "镇党委政府")]),
    # a body named after what it does: a verb may stand before 中心/所/站 …
    ("doing_head", "由市软件测评中心负责", [("ORG", "市软件测评中心")], []),
    ("verb_alone_before_head", "紧紧围绕中心工作", [], [("ORG", "围绕中心")]),
    # 政府/中心 as modifiers of a noun: 政府信息公开 · 中心工作
    ("head_as_modifier", "开展党委、政府中心工作", [("ORG", "党委"), ("ORG", "政府")],
     [("ORG", "政府中心")]),
    # the issuer's code of a document number is no body
    ("document_number_org", "根据《通知》(闽政办〔2013〕88号)要求", [], [("ORG", "闽政办")]),
    # joint organizers are bodies whatever they are called
    ("co_organizers", "由新华网、腾讯网、搜狐共同举办",
     [("ORG", "新华网"), ("ORG", "腾讯网"), ("ORG", "搜狐")], []),
    ("co_organizers_people", "全体干部、群众共同开展", [], [("ORG", "全体干部")]),
    # teams named by a word; a numbered unit in a slogan is none
    ("teams", "特别是太极拳队、腰鼓队以及合唱团", [("ORG", "太极拳队"), ("ORG", "腰鼓队")], []),
    ("numbered_unit", "**镇消防“一队一中心”建设", [], [("ORG", "一队")]),
    # a kind of body in every unit, and kinds of staff, are no names
    ("generic_kinds", "全市开展乡镇应急管理服务中心和专职消防队建设", [],
     [("ORG", "乡镇应急管理服务中心"), ("ORG", "专职消防队")]),
    # a code before a name belongs to it; a count does not
    ("coded_name", "我们07法学党支部认真做好推优工作,组建了12支服务队",
     [("ORG", "07法学党支部")], [("ORG", "12支服务队")]),
    # the unit's own body fixed by a pronoun
    ("pronoun_own_body", "结合本党支部实际,确保我们支部工作顺利",
     [("ORG", "党支部"), ("ORG", "支部")], []),
    ("pronoun_with_people", "我们妇联同志要带头", [], [("ORG", "妇联")]),
    # the unit's own government by what only one government has (its head, its team)
    ("own_government", "当选为政府镇长,负责政府全面工作,带领政府一班人",
     [("ORG", "政府")], []),
    ("generic_government", "党和政府的温暖,政府对妇女的关爱政策", [], [("ORG", "政府")]),
    # meetings held N times are no bodies; a numbered session keeps its body
    ("meetings_counted", "全年召开支部委员会12次,完成县十届人大三次会议确定的任务",
     [("COUNT", "12次"), ("ORG", "人大")], [("ORG", "支部委员会")]),
    ("discipline_commission", "县纪委监委对3名干部进行了问责", [("ORG", "县纪委监委")], []),
    # departments by their usual short names (住建 = 住 + 建, two verbs for the walk)
    ("bureau_short_names", "在市住建局、市生态环境局指导下,县卫健委、县医保局联合",
     [("ORG", "市住建局"), ("ORG", "市生态环境局"), ("ORG", "县卫健委"), ("ORG", "县医保局")],
     []),
    # the writer's own unit by a pronoun is left out, like 我社区妇联 → 社区妇联
    ("own_unit_pronoun", "我院党支部现有党员45名,我校成绩第一", [("ORG", "院党支部")],
     [("ORG", "我院党支部"), ("ORG", "我校")]),
    ("study_group", "召开党委理论学习中心组扩大会议", [("ORG", "党委理论学习中心组")], []),
    # a numbered session's assembly; the assembly addressed in a work report
    ("session_body", "在XX县第十五届人民代表大会第三次会议上,请各位政协委员提出意见",
     [("ORG", "人民代表大会"), ("ORG", "政协"), ("PLACE", "XX县")], []),
    ("distributive_units", "分村分组分户进行监测", [], [("ORG", "村分组")]),
    ("peer_bodies", "同时镇妇联团委和镇组织办联合发布招募令",
     [("ORG", "镇妇联"), ("ORG", "团委")], [("ORG", "镇妇联团委")]),
    ("time_adverbial_before_body", "几年来学校工会组织老师参加比赛",
     [("ORG", "学校工会")], [("ORG", "几年来学校工会")]),
    ("verb_ending_in_head", "看望生病住院的老师", [], [("ORG", "生病住院")]),
    ("level_idiom", "形成了一级抓一级、层层抓落实的格局", [], [("COUNT", "一级")]),
    ("congress_ordinal", "学习中国妇女十二大省妇女十三大精神", [], [("PLACE", "十二大省")]),
    # PERSON: a bracketed list of names, one of them with a surname not listed
    ("bracketed_names", "2名同学(户晓明、张文娟)已成为正式党员", [("PERSON", "户晓明"),
     ("PERSON", "张文娟")], []),
    ("bracketed_bodies", "(县妇联、县总工会)", [], [("PERSON", "县妇联")]),
    # a person described by the group they belong to
    ("group_role", "X村村民李海东获县防控先进个人", [("PERSON", "李海东")], []),
    ("name_at_text_end", "X村村民李海东", [("PERSON", "李海东")], []),
    # people by their post or group: 会计王芳 · 退伍军人郑国庆 (a name, not the festival)
    ("post_before_name", "村主任李明、会计王芳配合,慰问了老党员马德福、退伍军人郑国庆",
     [("PERSON", "王芳"), ("PERSON", "马德福"), ("PERSON", "郑国庆")], [("DATE", "国庆")]),
    # the first item of a list after a role noun: 共产党员赵丽、孙强、周敏
    ("list_after_role", "表彰了优秀共产党员赵丽、孙强、周敏等10名同志",
     [("PERSON", "赵丽"), ("PERSON", "孙强"), ("PERSON", "周敏")], []),
    ("not_names", "要靠高素质党员来体现,毕业生687 万人,已超过万亿元", [],
     [("PERSON", "来体"), ("PERSON", "万人"), ("PERSON", "万亿元")]),
    # names withheld: a surname and a mask (某, 某某, *, X before a name cue)
    ("masked_names", "由贫困户刘某、王某某和欧阳某某负责,镇长陈**、黄XX同志到场",
     [("PERSON", "刘某"), ("PERSON", "王某某"), ("PERSON", "欧阳某某"), ("PERSON", "陈**"),
      ("PERSON", "黄XX")], []),
    ("not_masked_names", "提高某项工作,在某些方面,居全X区第X位", [],
     [("PERSON", "高某"), ("PERSON", "全X")]),
    # a masked place or body: 某乡 · 某某县妇联
    ("masked_units", "某乡和某某县妇联", [("PLACE", "某乡"), ("ORG", "某某县妇联")], []),
    # a lone X masks a village or a town (not a character of a word: X区工作者 = 社区工作者)
    ("single_x_place", "在X村召开会议,医务人员、X区工作者到场", [("PLACE", "X村")],
     [("PLACE", "X区")]),
    # LAW: a 《》 title in a list of laws is one too, whatever its ending
    ("listed_titles", "宣传《两法》、《两纲》以及《妇女儿童发展规划》",
     [("LAW", "两法"), ("LAW", "两纲"), ("LAW", "妇女儿童发展规划")], []),
    ("listed_songs", "表演了《十劝歌》、《家和万事兴》等节目", [],
     [("LAW", "十劝歌"), ("LAW", "家和万事兴")]),
    # LAW: the next item of a list of regulations
    ("listed_regulation", "根据政府信息公开条例、浙江省政府信息公开规定的要求",
     [("LAW", "浙江省政府信息公开规定")], [("PLACE", "浙江省")]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [row[1:] for row in PHENOMENA],
    ids=[row[0] for row in PHENOMENA],
)
def test_phenomena(text: str, present: list, absent: list) -> None:
    got = _pairs(text)
    assert set(map(tuple, present)) <= got, got
    assert not (set(map(tuple, absent)) & got), got


def test_year_of_a_part_follows_the_year_written_before_it() -> None:
    got = [(e.text, e.year, e.relative) for e in ents("2016年下半年和去年年底", year=2020)
           if e.label == "DATE"]  # fmt: skip
    assert got == [("2016年", 2016, None), ("下半年", 2016, "second_half"),
                   ("去年", 2019, "last_year"), ("年底", 2019, "year_end")]  # fmt: skip
    # a quarter gets no year from the document (no year was written for it)
    q = one("第三季度排名第二。", "第三季度", "DATE")
    assert q.year is None
    assert one("第三季度排名第二。", "第三季度").year is None
    r = one("编制了2021-2025年发展规划", "2021-2025年", "DATE")
    assert (r.year, r.range) == (2021, (2021, 2025))


def test_document_year_skips_site_lines_and_reads_traditional() -> None:
    intro = "下面是小编为大家整理的2023年乡镇工作总结,供大家参考。\n2021年以来,我镇围绕中心工作……"
    assert document_year(Document(id="d", text=intro, title=intro.split("\n")[0])) == 2021
    clutter = "- 12.5 KB\n- 2021-05-01 发布\n- 1、本文档由用户上传\nX乡2019年工作总结\n今年以来……"
    assert document_year(Document(id="d", text=clutter)) == 2019
    assert document_year(Document(id="d", text="2018年村委會工作總結\n今年……")) == 2018


def test_vague_quantities_take_the_written_magnitude() -> None:
    e = one("上级部门来检查指导数十次。", "数十次", "COUNT")
    assert (e.value, e.approx, e.range) == (10, True, (20, 100))
    e = one("共有十几个村参加。", "十几个", "COUNT")
    assert (e.value, e.range) == (10, (11, 20))


@pytest.mark.parametrize(
    ("text", "honors"),
    [
        # unquoted names in a dated series separated by commas, each with its level
        (
            "荣获2020年度全县文明乡镇,2020年度全市综治工作先进单位。",
            [("全县文明乡镇", "county"), ("全市综治工作先进单位", "city")],
        ),
        # a blanked place with its unit gives the level; the lone opening quote stays out
        ("获得2019年度'**市五四红旗团支部。", [("**市五四红旗团支部", "city")]),
        # a bare unit character that starts no word of its own gives the level
        ("李某获县安全生产先进个人。", [("县安全生产先进个人", "county")]),
        # a place at the start of a quoted name gives the level
        (
            "荣获“杭州十佳和谐社区”、“浙江省绿色社区”等称号。",
            [("杭州十佳和谐社区", "city"), ("浙江省绿色社区", "provincial")],
        ),
        # an administrative division at the start gives its level (divisions lexicon)
        (
            "荣获“顺昌县文明单位”、“鼓楼区巾帼文明岗”称号。",
            [("顺昌县文明单位", "county"), ("鼓楼区巾帼文明岗", "district")],
        ),
        # quoted names side by side, without a separator
        ("评选出“好婆婆”“好媳妇”各10名", [("好婆婆", "unknown"), ("好媳妇", "unknown")]),
        (
            "荣获“全国巾帼文明岗”“省三八红旗集体”等荣誉称号",
            [("全国巾帼文明岗", "national"), ("省三八红旗集体", "provincial")],
        ),
        # 定为 confers too, and names who conferred
        ("被县政府定为“文明社区”创建示范点。", [("“文明社区”创建示范点", "county")]),
        # striving for a title confers nothing
        ("被列为创建全国文明城市示范点。", []),
    ],
)
def test_honor_series_and_levels(text: str, honors: list) -> None:
    got = [(e.text, e.level) for e in ents(text) if e.label == "HONOR"]
    assert got == honors


def test_masked_entities_are_placeholders() -> None:
    for text, surface, label in [("贫困户刘某进行帮扶", "刘某", "PERSON"),
                                 ("某某县妇联开展活动", "某某县妇联", "ORG"),
                                 ("在某乡召开", "某乡", "PLACE")]:  # fmt: skip
        assert one(text, surface, label).placeholder is True


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        # a district's report: the community federations are a kind of body, its own stays
        ("我区妇联举办了社区妇联主席培训班。我区各街道积极参与。", ["区妇联"], ["社区妇联"]),
        # a report about many communities (各社区 · 23个社区 …) speaks of their bodies as a kind
        ("23个社区完成改建,各社区制定本社区方案,每个社区都产生了社区妇联执委。", [], ["社区妇联"]),
        # a community's own report keeps its own body
        ("我社区妇联组织妇女学习,我社区还开展了义诊。", ["社区妇联"], []),
    ],
)
def test_bodies_of_lower_units_as_a_kind(text: str, kept: list, dropped: list) -> None:
    orgs = [e.text for e in ents(text) if e.label == "ORG"]
    assert all(k in orgs for k in kept), orgs
    assert not any(d in orgs for d in dropped), orgs
