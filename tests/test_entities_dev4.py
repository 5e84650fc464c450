"""Entities: general causes of errors left on the third held-out set (development set).

Short sentences written for these tests (not copied from the corpus), one table per fix.
"""

from __future__ import annotations

import pytest

from summarykit.entities import find_entities


def found(text: str) -> set[tuple[str, str]]:
    return {(e.label, e.text) for e in find_entities(text)}


# -- ORG: a hospital's or school's campus is part of its name -------------------------------
@pytest.mark.parametrize(
    ("text", "org", "not_place"),
    [
        ("人民医院东城院区下月投入使用。", "人民医院东城院区", "东城院区"),
        ("推进市中医医院新院区建设,年底封顶。", "市中医医院新院区", "新院区"),
        ("肿瘤医院滨湖院区完成设备安装。", "肿瘤医院滨湖院区", "滨湖院区"),
        ("师范大学南湖校区举办招聘会。", "师范大学南湖校区", "南湖校区"),
    ],
)
def test_campus_is_part_of_the_org(text: str, org: str, not_place: str) -> None:
    got = found(text)
    assert ("ORG", org) in got, got
    assert ("PLACE", not_place) not in got, got


# -- ORG: a unit's departments listed one after another -------------------------------------
@pytest.mark.parametrize(
    ("text", "orgs", "absent"),
    [
        ("财政局内设办公室、预算科、国库科、农业科共4个科室。",
         ["财政局", "办公室", "预算科", "国库科", "农业科"], ["财政局内设办公室"]),
        ("医院设有医务科、护理部、总务科、信息科。", ["医务科", "护理部", "总务科", "信息科"], []),
        ("县人社局下设综合股、就业促进科、社会保险科。",
         ["县人社局", "综合股", "就业促进科", "社会保险科"], []),
        # not departments: school subjects, clinical specialties of two characters, rooms
        ("开设语文学科、数学学科、英语学科。", [], ["语文学科", "数学学科"]),
        ("门诊开设内科、外科、儿科。", [], ["内科", "外科", "儿科"]),
        ("村里建了阅览室、活动室、棋牌室。", [], ["阅览室", "活动室"]),
    ],
)  # fmt: skip
def test_department_lists(text: str, orgs: list[str], absent: list[str]) -> None:
    got = found(text)
    assert {("ORG", o) for o in orgs} <= got, got
    assert not {("ORG", a) for a in absent} & got, got


# -- ORG: health and family-planning bodies by their usual names ----------------------------
@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("年初,市卫生健康委召开全系统工作会议。", "市卫生健康委"),
        ("县卫生健康局组织义诊活动。", "县卫生健康局"),
        ("省卫生健康委员会下发通知。", "省卫生健康委员会"),
        ("区疾控中心完成核酸采样。", "区疾控中心"),
        ("在市疾病预防控制中心的指导下开展监测。", "市疾病预防控制中心"),
        ("镇计生协召开理事会议。", "镇计生协"),
        ("县计生协会表彰先进会员。", "县计生协会"),
    ],
)
def test_health_bodies(text: str, org: str) -> None:
    got = found(text)
    assert ("ORG", org) in got, got


# -- PLACE: 乡村 after a common word is no township ------------------------------------------
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("二、绿化美化,助力生态乡村建设", "生态乡"),
        ("打造宜居宜业和美乡村,建设文明乡村。", "文明乡"),
        ("打造山水田园乡村。", "山水田园乡"),
    ],
)
def test_common_word_before_xiangcun_is_not_a_place(text: str, absent: str) -> None:
    got = found(text)
    assert not {lab_txt for lab_txt in got if lab_txt[0] == "PLACE" and absent in lab_txt[1]}, got


def test_township_before_village_affairs_stays_a_place() -> None:
    got = found("今年,高庄乡村务公开工作有序推进。")
    assert ("PLACE", "高庄乡") in got, got


# -- ORG: a verb before the name governs the body, it is not part of it ---------------------
@pytest.mark.parametrize(
    ("text", "kept", "absent"),
    [
        ("深入开展普法,指导司法所开展宣传。", [], ["指导司法所"]),
        ("依法行政,指导各地司法所承担协调工作。", [], ["指导各地司法所", "各地司法所"]),
        ("今年指导村妇联换届。", [], ["指导村妇联"]),
        # bodies named by the verb keep it
        ("县禁毒工作指导委员会召开会议。", ["县禁毒工作指导委员会"], []),
        ("县社区建设指导中心组织培训。", ["县社区建设指导中心"], []),
        ("镇建设办牵头实施。", ["镇建设办"], []),
    ],
)
def test_leading_verb_is_not_part_of_the_org(text: str, kept: list[str], absent: list[str]) -> None:
    got = found(text)
    assert {("ORG", k) for k in kept} <= got, got
    assert not {("ORG", a) for a in absent} & got, got
