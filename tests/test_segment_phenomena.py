"""Phenomena of real reports found while developing on corpora/holdout3, one table per
phenomenon. The examples are written for these tests (not copied from any corpus); each
table also holds the look-alikes that must stay ordinary text."""

from __future__ import annotations

import pytest

from summarykit.model import Document, Removal
from summarykit.segment import find_sections, segment


def outline(text: str) -> list[tuple[str, int, str]]:
    sections, _ = find_sections(text)
    return [(s.marker, s.level, s.heading) for s in sections]


# -- a half-width full stop ends sentences (text typed with ASCII punctuation) ----------

HALF_WIDTH_STOP = [
    pytest.param(
        "我校一贯重视家校合作,形成了育人合力.一、健全组织,明确职责.学校成立了家长委员会."
        "二、丰富活动,提高实效.每学期召开两次家长会.",
        [("一、", 1, "健全组织,明确职责"), ("二、", 1, "丰富活动,提高实效")],
        id="markers_run_in_after_a_half_width_stop",
    ),
    pytest.param(
        "全年工作如下.1.加强学习.组织学习12次.2.完善制度.修订制度5项.",
        [("1.", 1, "加强学习"), ("2.", 1, "完善制度")],
        id="arabic_items_after_a_half_width_stop",
    ),
    pytest.param(
        "一、经济指标\n全年增长3.5%.人均收入达到2.1万元,访问www.example.cn.查询.\n二、社会事业\n内容.",
        [("一、", 1, "经济指标"), ("二、", 1, "社会事业")],
        id="decimals_and_addresses_are_not_stops",
    ),
    pytest.param("全年接待来访群众共计一千余人次.三、四月份最多.", [], id="ranges_after_a_stop"),
]


@pytest.mark.parametrize(("text", "expected"), HALF_WIDTH_STOP)
def test_half_width_full_stop(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert outline(text) == expected


def test_heading_ends_at_a_half_width_stop() -> None:
    text = "一、加强领导.成立了工作领导小组,由书记任组长.\n二、落实责任.层层签订责任书."
    assert outline(text) == [("一、", 1, "加强领导"), ("二、", 1, "落实责任")]


# -- lists written with a comma after the number (一, 二, / 1, 2,) ------------------------

COMMA_LISTS = [
    pytest.param(
        "全年工作总结如下:\n一,健全文体队伍\n1,上半年:组建腰鼓队,队员20名。\n"
        "2,下半年:组建合唱团,团员15名。\n二,开展日常活动\n1,每天有晨练活动。\n2,每周有电影放映。\n",
        [
            ("一,", 1, "健全文体队伍"),
            ("1,", 2, "上半年:组建腰鼓队,队员20名"),
            ("2,", 2, "下半年:组建合唱团,团员15名"),
            ("二,", 1, "开展日常活动"),
            ("1,", 2, "每天有晨练活动"),
            ("2,", 2, "每周有电影放映"),
        ],
        id="comma_lists_at_line_starts",
    ),
    pytest.param(
        "一、主要工作\n1、开展宣传活动。\n2,组织志愿服务。\n3、走访困难群众。\n",
        [
            ("一、", 1, "主要工作"),
            ("1、", 2, "开展宣传活动"),
            ("2,", 2, "组织志愿服务"),
            ("3、", 2, "走访困难群众"),
        ],
        id="comma_slip_inside_a_dun_list",
    ),
    pytest.param(
        "全年投入资金\n1,000万元,其中第1,2季度投入较多。\n1,2月份完成了规划。\n共有3,5个村参加。",
        [],
        id="thousands_quarters_and_months_are_not_items",
    ),
    pytest.param(
        "需要说明的是\n1,本表数据为初步统计。\n其余数据另行上报。",
        [],
        id="a_lone_comma_item_needs_a_sibling",
    ),
    pytest.param("完成指标1,超额完成指标2,受到表彰。", [], id="numbers_after_a_word_and_comma"),
]


@pytest.mark.parametrize(("text", "expected"), COMMA_LISTS)
def test_comma_lists(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert outline(text) == expected


def test_comma_slip_in_a_dun_list_is_reported() -> None:
    _, anomalies = find_sections(
        "一、主要工作\n1、开展宣传活动。\n2,组织志愿服务。\n3、走访困难群众。\n"
    )
    assert [a.kind for a in anomalies] == ["marker_slip"]


# -- items that open with a date --------------------------------------------------------

DATED_ITEMS = [
    pytest.param(
        "今年社区活动如下:\n1、3月5日上午,社区组织志愿者清扫街道。\n2、3月12日,开展植树活动。\n"
        "3、4月8日下午,举办健康讲座。\n",
        [
            ("1、", 1, "3月5日上午,社区组织志愿者清扫街道"),
            ("2、", 1, "3月12日,开展植树活动"),
            ("3、", 1, "4月8日下午,举办健康讲座"),
        ],
        id="items_opening_with_a_full_date",
    ),
    pytest.param(
        "(一)开展文艺活动\n1、全年演出30场。\n2、1月,举办迎春晚会。\n3、5-6月,参加全市比赛。\n"
        "4、10月份,举办重阳节活动。\n",
        [
            ("(一)", 1, "开展文艺活动"),
            ("1、", 2, "全年演出30场"),
            ("2、", 2, "1月,举办迎春晚会"),
            ("3、", 2, "5-6月,参加全市比赛"),
            ("4、", 2, "10月份,举办重阳节活动"),
        ],
        id="items_opening_with_a_month_or_a_month_range",
    ),
    pytest.param(
        "今年1、2月份完成投资3亿元,3、4月份又有增长,第1、2季度持续向好。\n1、2月份全镇接待游客2万人次。\n",
        [],
        id="consecutive_month_lists_are_not_items",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DATED_ITEMS)
def test_items_opening_with_a_date(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert outline(text) == expected


# -- a 、 written after a bracketed marker ------------------------------------------------

BRACKET_DUN = [
    pytest.param(
        "一、主要工作\n(一)、加强安全管理\n建立了责任制。\n(二)、开展安全教育\n每月一次。\n",
        [("一、", 1, "主要工作"), ("(一)、", 2, "加强安全管理"), ("(二)、", 2, "开展安全教育")],
        id="cn_paren_with_dun",
    ),
    pytest.param(
        "（1）、制定计划。\n（2）、落实责任。\n",
        [("（1）、", 1, "制定计划"), ("（2）、", 1, "落实责任")],
        id="arabic_paren_with_dun",
    ),
    pytest.param("按照第(一)、(二)项的规定执行。", [], id="a_list_of_references_keeps_its_dun"),
]


@pytest.mark.parametrize(("text", "expected"), BRACKET_DUN)
def test_bracket_marker_with_dun(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert outline(text) == expected


# -- a first sub-item chained onto a heading of parallel phrases -------------------------

CHAINED = [
    pytest.param(
        "一、夯实基础,设施建设全面提升(一)场馆建设。完成了体育馆改造。(二)基层设施。新建文化室5个。"
        "二、精心策划,文体活动丰富多彩(一)主要活动。举办广场演出20场。",
        [
            ("一、", 1, "夯实基础,设施建设全面提升"),
            ("(一)", 2, "场馆建设"),
            ("(二)", 2, "基层设施"),
            ("二、", 1, "精心策划,文体活动丰富多彩"),
            ("(一)", 2, "主要活动"),
        ],
        id="paren_item_after_a_heading_with_a_comma",
    ),
    pytest.param(
        "二、加强沟通,改进家庭教育方式(一)定期召开家长会,交流教育经验.(二)开展家访活动.",
        [
            ("二、", 1, "加强沟通,改进家庭教育方式"),
            ("(一)", 2, "定期召开家长会,交流教育经验"),
            ("(二)", 2, "开展家访活动"),
        ],
        id="heading_ending_in_fangshi_is_not_a_formula_reference",
    ),
    pytest.param(
        "一、人员情况,全镇共有干部1、\n内容。\n二、计算方法见公式(一)\n内容。",
        [("一、", 1, "人员情况,全镇共有干部1"), ("二、", 1, "计算方法见公式(一)")],
        id="counts_and_formula_references_are_not_chained",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CHAINED)
def test_chained_first_sub_item(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert outline(text) == expected


# -- paragraph marks of document previews ------------------------------------------------


def test_preview_paragraph_mark_is_a_line_break() -> None:
    text = (
        "……做了大量工作,取得了明显成效。Р 二、存在的问题Р 1、部分干部重视不够。个别村认识不到位。"
        "Р 2、经费保障不足。活动难以开展。"
    )
    assert outline(text) == [
        ("二、", 1, "存在的问题"),
        ("1、", 2, "部分干部重视不够"),
        ("2、", 2, "经费保障不足"),
    ]


def test_cyrillic_text_is_not_a_paragraph_mark() -> None:
    assert outline("Москва РФ 二、三月份") == []


# -- a paragraph that lost its full stop is not a hard-wrapped line ---------------------

LOST_STOP = [
    pytest.param(
        "一、主要做法\n为了规范工作程序,我们对低保工作进行了系统的改进\n1、受理申请:建立申请登记制度。\n",
        [("一、", 1, "主要做法"), ("1、", 2, "受理申请:建立申请登记制度")],
        id="item_after_a_paragraph_without_a_full_stop",
    ),
    pytest.param(
        "今年以来我们围绕中心工作认真开展了各项\n活动取得了较好的成绩得到了上级的肯定\n"
        "和群众的好评全体干部团结一心扎实工作\n在镇党委的领导下现将主要工作总结如下各项\n"
        "1、工作有序推进。\n",
        [],
        id="hard_wrapped_text_still_runs_on",
    ),
]


@pytest.mark.parametrize(("text", "expected"), LOST_STOP)
def test_lost_full_stop(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert outline(text) == expected


# -- headings ---------------------------------------------------------------------------

HEADINGS = [
    pytest.param(
        "二、主要做法\n一是,党员先锋岗。设立岗位20个。二是,志愿服务队。组建队伍5支。",
        [("二、", 1, "主要做法"), ("一是", 2, "党员先锋岗"), ("二是", 2, "志愿服务队")],
        id="comma_after_yi_shi",
    ),
    pytest.param(
        "1、做好会员发展工作,今年新建工会组织 12家,发展会员650人。\n2、完成换届 X 个,选举委员 30名。\n",
        [
            ("1、", 1, "做好会员发展工作,今年新建工会组织 12家,发展会员650人"),
            ("2、", 1, "完成换届 X 个,选举委员 30名"),
        ],
        id="a_count_after_a_space_goes_on",
    ),
    pytest.param(
        "一、加强组织领导 为确保工作落实,成立了领导小组。\n二、工作回顾 2023年,我们完成了任务。\n",
        [("一、", 1, "加强组织领导"), ("二、", 1, "工作回顾")],
        id="a_space_before_a_body_or_a_year_still_ends_it",
    ),
    pytest.param(
        "一、文化活动经过全体干部的不断努力,各项活动得到了很好的开展\n"
        "二、公共设施建设在公共设施建设方面,我们投入资金50万元\n",
        [("一、", 1, "文化活动"), ("二、", 1, "公共设施建设")],
        id="run_in_body_opening_with_jingguo_or_zai_fangmian",
    ),
]


@pytest.mark.parametrize(("text", "expected"), HEADINGS)
def test_headings(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert outline(text) == expected


# -- what is not a section: dates, notices and titles that look like items --------------

NOT_ITEMS = [
    pytest.param(
        "一.学习贯彻会议精神\n1.弘扬奉献精神,凝聚力量。\n4.20芦山地震发生后,我村党员踊跃捐款。\n",
        [("一.", 1, "学习贯彻会议精神"), ("1.", 2, "弘扬奉献精神,凝聚力量")],
        id="a_month_day_date_at_a_line_start",
    ),
    pytest.param(
        "1 项目概况\n2.1 建设内容\n新建厂房。\n2.2 建设规模\n占地50亩。\n",
        [("2.1", 1, "建设内容"), ("2.2", 1, "建设规模")],
        id="a_decimal_outline_confirmed_by_its_sibling",
    ),
    pytest.param(
        "温馨提示:\n1. 部分文件在预览时可能出现排版错乱,下载后即可正常查看。\n"
        "2. 本文档由用户上传,版权归上传者所有。\n3. 下载前请仔细阅读文档内容。\n"
        "社区工作总结\n一、加强组织建设\n内容。\n",
        [("一、", 1, "加强组织建设")],
        id="every_item_of_a_site_notice_list",
    ),
    pytest.param(
        "本文是一篇优秀的工作总结,欢迎参考。\n1、社区安全生产工作总结精选\n"
        "为了落实上级要求,现将工作总结如下:\n一、高度重视\n内容。\n二、狠抓落实\n内容。\n",
        [("一、", 1, "高度重视"), ("二、", 1, "狠抓落实")],
        id="a_sites_numbered_title_over_a_report",
    ),
    pytest.param(
        "镇工作总结\n一、2024年上半年工作总结\n(一)经济发展\n内容。\n(二)社会事业\n内容。\n",
        [
            ("一、", 1, "2024年上半年工作总结"),
            ("(一)", 2, "经济发展"),
            ("(二)", 2, "社会事业"),
        ],
        id="a_part_heading_named_like_a_title_is_kept",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOT_ITEMS)
def test_not_items(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert outline(text) == expected


def test_yi_shi_after_a_comma_cut_off_by_the_end_of_an_excerpt() -> None:
    text = "二、以点带面,深化创建\n为全面推进平安社区建设,一是深入宣传,发动群众。街道向各社区印发"
    assert outline(text) == [("二、", 1, "以点带面,深化创建"), ("一是", 2, "深入宣传")]


def test_lone_yi_shi_after_a_comma_mid_document_is_not_a_list() -> None:
    body = "我们开展了大量工作。" * 100
    text = "二、深化创建\n为全面推进平安社区建设,一是深入宣传,发动群众。\n" + body
    assert outline(text) == [("二、", 1, "深化创建")]


# -- a heading never runs across a page break that ingest deleted -----------------------


def _with_page_header(source: str, header: str, reason: str = "page_header") -> Document:
    at = source.index(header)
    return Document(
        id="d",
        text=source[:at] + source[at + len(header) :],
        removed=(Removal(source_start=at, text=header, reason=reason),),
    )


PAGE_BREAKS = [
    pytest.param(
        "一、团支部工作\n1、每学期开始时,团支部及时做好计划,认真听取团员意见,改进不足,力第2页共9页"
        "求工作做得更好。\n2、加强团干部培训。\n",
        "第2页共9页",
        [
            ("一、", "团支部工作"),
            ("1、", "每学期开始时,团支部及时做好计划,认真听取团员意见,改进不足,力"),
            ("2、", "加强团干部培训"),
        ],
        id="preview_page_cuts_a_sentence",
    ),
    pytest.param(
        "(一)健康档案管理。全区建档2万份。(二)健康教育工作第3页共12页泽口卫生院成立了领导小组。",
        "第3页共12页",
        [("(一)", "健康档案管理"), ("(二)", "健康教育工作")],
        id="page_header_after_a_run_in_heading",
    ),
]


@pytest.mark.parametrize(("source", "header", "expected"), PAGE_BREAKS)
def test_heading_stops_at_a_page_break(
    source: str, header: str, expected: list[tuple[str, str]]
) -> None:
    doc = segment(_with_page_header(source, header))
    assert [(s.marker, s.heading) for s in doc.sections] == expected


def test_other_removals_do_not_cut_headings() -> None:
    # a watermark inserted inside a word is deleted, the heading reads on across it
    source = "一、加强妇女工作规专业文档整理划建设\n内容。\n二、完善制度\n内容。"
    doc = segment(_with_page_header(source, "专业文档整理", reason="watermark"))
    assert [s.heading for s in doc.sections] == ["加强妇女工作规划建设", "完善制度"]
