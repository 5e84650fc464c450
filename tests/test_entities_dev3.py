"""Entities: phenomena found on the third held-out set once it became a development set.

Short sentences written for these tests (not copied from the corpus), one table per phenomenon.
"""

from __future__ import annotations

import pytest

from summarykit.entities import document_year, find_entities
from summarykit.model import Document


def found(text: str) -> list[tuple[str, str]]:
    return [(e.label, e.text) for e in find_entities(text)]


def get(text: str, surface: str, label: str):
    hits = [e for e in find_entities(text) if e.text == surface and e.label == label]
    assert hits, f"{label} {surface!r} not in {found(text)}"
    return hits[0]


# -- DATE ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface", "year", "month", "day", "placeholder"),
    [
        # Chinese years with the letter O or an Arabic 0 for 〇
        ("二OO六年,全乡计生工作稳步推进。", "二OO六年", 2006, None, None, False),
        ("二0一三年在县委的领导下,我局圆满完成任务。", "二0一三年", 2013, None, None, False),
        ("回顾二O一二年的工作,成绩来之不易。", "二O一二年", 2012, None, None, False),
        # month·day names of events (middle dot; a dot only with quotes or an event word)
        ("全力做好“8·12”事故善后处置。", "8·12", None, 8, 12, False),
        ("在“3.15”当天开展咨询活动。", "3.15", None, 3, 15, False),
        ("4.20芦山地震发生后,党员踊跃捐款。", "4.20", None, 4, 20, False),
        # masked year spans and a masked year before a month range
        ("该村20xx-20xx年连续被评为文明村。", "20xx-20xx年", None, None, None, True),
        ("20XX年1-9月份,全镇新增就业120人。", "20XX年1-9月份", None, 1, None, True),
        ("现将2021学年度第一学期德育工作总结如下。", "2021学年度", 2021, None, None, False),
        # a year run together with other digits by a conversion: a date, year unknown
        ("201819年,村集体收入明显增加。", "201819年", None, None, None, False),
    ],
)
def test_dates_dev3(text, surface, year, month, day, placeholder) -> None:
    e = get(text, surface, "DATE")
    assert (e.year, e.month, e.day, e.placeholder) == (year, month, day, placeholder)


@pytest.mark.parametrize(
    "text",
    ["利润增长5.12亿元。", "人均增长3.15个百分点。", "比例为1.26,高于全省。", "第2.1条规定"],
)
def test_dot_numbers_are_not_dates(text: str) -> None:
    assert not [e for e in find_entities(text) if e.label == "DATE"], found(text)


@pytest.mark.parametrize(
    ("text", "surface", "festival", "month", "day"),
    [
        ("区妇联召开纪念“三八”国际劳动妇女节座谈会。", "“三八”国际劳动妇女节", "三八", 3, 8),
        ("围绕“4·15全民国家安全教育日”开展宣传。", "4·15全民国家安全教育日", "全民国家安全教育日", 4, 15),
        ("新春期间,社区为困难群众送去慰问品。", "新春", "春节", None, None),
        ("街道举办喜迎新春文艺演出。", "新春", "春节", None, None),
        ("组织居民猜灯谜、闹元宵。", "元宵", "元宵节", None, None),
    ],
)
def test_festivals_dev3(text, surface, festival, month, day) -> None:
    e = get(text, surface, "DATE")
    assert (e.festival, e.month, e.day) == (festival, month, day)


def test_no_festival_in_new_year_goods() -> None:
    assert not [e for e in find_entities("为居民送上新春对联。") if e.label == "DATE"]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("关于民政工作情况的报告\n——2012年6月20日在市人大常委会会议上\n主任、各位委员:\n今年以来", 2012),
        ("村委会工作总结\n(2019年12月30日)\n一年来,在镇党委领导下", 2019),
        ("镇妇联工作总结\n镇妇联工作总结\n二OO五年,我镇妇联工作紧紧围绕中心", 2005),
    ],
)
def test_document_year_from_date_line_and_opening(text: str, year: int) -> None:
    assert document_year(Document(id="t", text=text)) == year


# -- COUNT ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "approx"),
    [
        ("全镇已有逾万人参加体检。", "逾万人", 10000, "人", True),
        ("门前有一段20几米长的土路。", "20几米", 20, "米", True),
        ("累计接种疫苗近5万剂次。", "近5万剂次", 50000, "剂次", True),
        ("任务已细化为20多大项80多小项。", "20多大项", 20, "大项", True),
    ],
)
def test_counts_dev3(text, surface, value, unit, approx) -> None:
    e = get(text, surface, "COUNT")
    assert (e.value, e.unit, e.approx) == (value, unit, approx)


@pytest.mark.parametrize(
    "text",
    ["引进一家零部件生产企业。", "全体会员济济一堂。", "围绕三个文明建设目标。", "202018年村里修了路。"],
)
def test_not_counts_dev3(text: str) -> None:
    assert not [e for e in find_entities(text) if e.label == "COUNT"], found(text)


# -- ORG -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("业务上接受省民政厅的指导。", "省民政厅"),
        ("区财政局及时拨付了专项资金。", "区财政局"),
        ("县邮政局设立了爱心驿站。", "县邮政局"),
        ("宜昌市民政局组织了专项检查。", "宜昌市民政局"),
        ("河南省司法厅部署开展专项行动。", "河南省司法厅"),
        ("根据省政府办公厅的通知要求。", "省政府办公厅"),
    ],
)
def test_org_dev3(text: str, surface: str) -> None:
    get(text, surface, "ORG")


@pytest.mark.parametrize(
    "text",
    [
        "在便民服务大厅设立妇女维权窗口。",
        "在公司多功能厅举行颁奖仪式。",
        "根据《关于做好妇女工作的意见》(**委办〔**〕12号)要求。",
        "印发了《实施方案》(县妇儿工委〔〕5号)。",
        "当前政局稳定,社会和谐。",
    ],
)
def test_not_org_dev3(text: str) -> None:
    assert not [e for e in find_entities(text) if e.label == "ORG"], found(text)


# -- LAW -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "laws"),
    [
        ("严格执行环境保护法律、法规。", []),
        ("做好基层工会法人资格登记工作。", []),
        ("组织学习宪法、民法典和婚姻法。", ["宪法", "民法典", "婚姻法"]),
    ],
)
def test_bare_law_names_dev3(text: str, laws: list[str]) -> None:
    assert [e.text for e in find_entities(text) if e.label == "LAW"] == laws


# -- HONOR ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "honor", "count"),
    [
        ("经考评,确定四星党支部2个。", "四星党支部", "2个"),
        ("全村评出五星级文明户36户。", "五星级文明户", "36户"),
    ],
)
def test_star_ratings_are_honors(text: str, honor: str, count: str) -> None:
    get(text, honor, "HONOR")
    get(text, count, "COUNT")
    assert not [e for e in find_entities(text) if e.label == "ORG"], found(text)
