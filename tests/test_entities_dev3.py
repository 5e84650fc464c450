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
