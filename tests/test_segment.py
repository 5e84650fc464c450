"""The section parser on real snippets (every scheme, every hard case), anomalies, spans,
and property tests on arbitrary Unicode and on shuffled real paragraphs."""

from __future__ import annotations

import dataclasses
import itertools
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import summarykit
from summarykit.model import Document, check_offsets
from summarykit.segment import find_sections, segment

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "seed" / "000_13ecb70c73c97d6a.txt"
DEV = ROOT / "corpora" / "dev"


def outline(text: str) -> list[tuple[str, int, str]]:
    sections, _ = find_sections(text)
    return [(s.marker, s.level, s.heading) for s in sections]


def kinds(text: str) -> list[str]:
    return [a.kind for a in find_sections(text)[1]]


# ---------------------------------------------------------------------------------------
# every scheme, half- and full-width (snippets from corpora/seed and corpora/dev)

SCHEMES = [
    pytest.param(
        "一、发挥妇联组织优势,推进社区建设发展\n\n我社区妇联经常组织学习。\n\n二、积极组织妇女参与和谐家园建设\n\n为了深化创建活动。",
        [
            ("一、", 1, "发挥妇联组织优势,推进社区建设发展"),
            ("二、", 1, "积极组织妇女参与和谐家园建设"),
        ],
        id="cn_dun",
    ),
    pytest.param(
        "(一)推动了妇女儿童维权工作\n\n维护妇女儿童权益。\n\n(二)加强了对妇女的宣传教育引导工作\n\n我社区从维护社会稳定入手。",
        [("(一)", 1, "推动了妇女儿童维权工作"), ("(二)", 1, "加强了对妇女的宣传教育引导工作")],
        id="cn_paren_half_document_starts_at_paren",
    ),
    pytest.param(
        "一、总体要求\n内容。\n二、建立个人所得税纳税信用管理机制\n（一）全面实施个人所得税申报信用承诺制。\n税务部门设立承诺书。\n（二）建立健全个人所得税纳税信用记录。\n税务总局研究制定办法。",
        [
            ("一、", 1, "总体要求"),
            ("二、", 1, "建立个人所得税纳税信用管理机制"),
            ("（一）", 2, "全面实施个人所得税申报信用承诺制"),
            ("（二）", 2, "建立健全个人所得税纳税信用记录"),
        ],
        id="cn_paren_full_width",
    ),
    pytest.param(
        "第一、提高女性自身素质,完善文化阵地建设。\n\n为了更好的迎接奥运年。\n\n第二,开展双学双比,建功立业卓有成效。\n\n第三、加强维权,保护合法权益。\n\n受中国几千年重男轻女的影响。",
        [
            ("第一、", 1, "提高女性自身素质,完善文化阵地建设"),
            ("第二,", 1, "开展双学双比,建功立业卓有成效"),
            ("第三、", 1, "加强维权,保护合法权益"),
        ],
        id="di_cn_standalone_with_slip",
    ),
    pytest.param(
        "一、关于过去五年的政府工作\n\n五年来，我们有以下几点体会：\n\n第一，坚持解放思想、实事求是的思想路线。\n\n这是我们取得成就的根本。\n\n第二，妥善处理改革、发展、稳定三者之间的关系。\n\n改革是动力。",
        [
            ("一、", 1, "关于过去五年的政府工作"),
            ("第一，", 2, "坚持解放思想、实事求是的思想路线"),
            ("第二，", 2, "妥善处理改革、发展、稳定三者之间的关系"),
        ],
        id="di_cn_fullwidth_comma_paragraph_initial",
    ),
    pytest.param(
        "最遗憾的是我们非常需要钱。《劳动界》已停刊，两个工人工会也得停办。因为：第一，经费困难；第二，无政府主义思想在工会里已广泛传播。",
        [("第一，", 1, "经费困难"), ("第二，", 1, "无政府主义思想在工会里已广泛传播")],
        id="di_cn_inline_first_clause",
    ),
    pytest.param(
        "第一部分 工作回顾\n内容。\n第二部分 今年任务\n内容。",
        [("第一部分", 1, "工作回顾"), ("第二部分", 1, "今年任务")],
        id="di_cn_part",
    ),
    pytest.param(
        "三、多层次、多形式提升妇女整体素质\n\n1、为了纪念“三八国际劳动节”105周年,社区妇女代表开展活动共同庆祝自己的节日。\n\n2、邀请妇女代表们参加社区辖区内幼儿园文艺汇演活动,丰富了社区妇女同志的文化生活。",
        [
            ("三、", 1, "多层次、多形式提升妇女整体素质"),
            ("1、", 2, "为了纪念“三八国际劳动节”105周年,社区妇女代表开展活动共同庆祝自己的节日"),
            (
                "2、",
                2,
                "邀请妇女代表们参加社区辖区内幼儿园文艺汇演活动,丰富了社区妇女同志的文化生活",
            ),
        ],
        id="arabic_dun",
    ),
    pytest.param(
        "三、今后意见\n\n\n1．吸收新党员\n\n\n广州的党员人数不多。\n\n2．成立工会\n\n\n这个问题更是困难。\n\n3．成立工人学校\n\n①工会学校\n\n成立这类学校。\n\n②工人夜校\n\n目前只有一所学校。\n\n4．对农民的宣传工作\n\n褚诺晨同志创办了《新村》。",
        [
            ("三、", 1, "今后意见"),
            ("1．", 2, "吸收新党员"),
            ("2．", 2, "成立工会"),
            ("3．", 2, "成立工人学校"),
            ("①", 3, "工会学校"),
            ("②", 3, "工人夜校"),
            ("4．", 2, "对农民的宣传工作"),
        ],
        id="arabic_dot_fullwidth_and_circled",
    ),
    pytest.param(
        "二、工作成果 1. 加强宣传教育工作。通过利用社区广播广泛宣传。 2. 强化环境整治工作。加强对社区周边环境的整治。",
        [("二、", 1, "工作成果"), ("1.", 2, "加强宣传教育工作"), ("2.", 2, "强化环境整治工作")],
        id="arabic_dot_half_space_after_marker",
    ),
    pytest.param(
        "１．加强学习\n内容。\n２．改进作风\n内容。",
        [("１．", 1, "加强学习"), ("２．", 1, "改进作风")],
        id="arabic_dot_fullwidth_digits",
    ),
    pytest.param(
        "⒈加强学习\n内容。\n⒉改进作风\n内容。",
        [("⒈", 1, "加强学习"), ("⒉", 1, "改进作风")],
        id="arabic_dot_single_char",
    ),
    pytest.param(
        "加快建立住房保障体系。总的指导原则是：（1）坚持从我国人多地少的基本国情出发，建立住房供应体系。（2）坚持正确发挥政府和市场的作用，政府主要制定政策。（3）坚持加强对房地产市场的调控和监管。",
        [
            ("（1）", 1, "坚持从我国人多地少的基本国情出发，建立住房供应体系"),
            ("（2）", 1, "坚持正确发挥政府和市场的作用，政府主要制定政策"),
            ("（3）", 1, "坚持加强对房地产市场的调控和监管"),
        ],
        id="arabic_paren_inline",
    ),
    pytest.param(
        "⑴加强学习\n内容。\n⑵改进作风\n内容。",
        [("⑴", 1, "加强学习"), ("⑵", 1, "改进作风")],
        id="arabic_paren_single_char",
    ),
    pytest.param(
        "一、领导重视,分组协作,考核做到有依有据\n\n一是核查档案,交错检查。我镇妇联分组对各村进行了督导。二是实地走访,问卷调查。采取随即抽取的方式。三是分组谈话,排摸调研。邀请部分村妇代会主任。\n\n二、分片座谈,回顾工作",
        [
            ("一、", 1, "领导重视,分组协作,考核做到有依有据"),
            ("一是", 2, "核查档案"),
            ("二是", 2, "实地走访"),
            ("三是", 2, "分组谈话"),
            ("二、", 1, "分片座谈,回顾工作"),
        ],
        id="shi_inline_in_one_paragraph",
    ),
    pytest.param(
        "二、积极引导妇女参与精神文明创建活动。\n\n社区妇联要重点抓好四方面工作。一要紧紧围绕乡风文明,村容整洁这一主题;二要继续深入推进“家庭助廉”教育活动和“平安家庭”创建活动。三要用科学发展观引导群众。",
        [
            ("二、", 1, "积极引导妇女参与精神文明创建活动"),
            ("一要", 2, "紧紧围绕乡风文明"),
            ("二要", 2, "继续深入推进“家庭助廉”教育活动和“平安家庭”创建活动"),
            ("三要", 2, "用科学发展观引导群众"),
        ],
        id="shi_yao",
    ),
    pytest.param(
        "一是着力提高妇女素质。首先,通过妇女群众会议和妇女干部例会等形式,组织学习。其次,举办了妇女培训班,取得了良好的效果。\n\n二是继续抓好新技术的培训和推广,提高妇女的致富能力。",
        [
            ("一是", 1, "着力提高妇女素质"),
            ("首先", 2, "通过妇女群众会议和妇女干部例会等形式"),
            ("其次", 2, "举办了妇女培训班"),
            ("二是", 1, "继续抓好新技术的培训和推广"),
        ],
        id="ordinal_word_under_shi",
    ),
    pytest.param(
        "为什么北京居民抱有这种消极态度呢？首先，北京人铭记古代哲学家所说的话；其次，几千年来，君主专制的思想深深地刻印在他们的脑海里；最后，工业尚处于初级发展阶段。",
        [
            ("首先", 1, "北京人铭记古代哲学家所说的话"),
            ("其次", 1, "几千年来"),
            ("最后", 1, "工业尚处于初级发展阶段"),
        ],
        id="ordinal_word_enumerating",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SCHEMES)
def test_schemes(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert outline(text) == expected


def test_scheme_names_and_numbers() -> None:
    text = "第一、甲\n内容。\n一、乙\n（一）丙\n1、丁\n1.戊\n(1)己\n①庚\n一是辛，内容。二是壬，内容。\n首先，子；其次，丑；最后，寅。"
    sections, _ = find_sections(text)
    got = [(s.marker, s.scheme, s.number) for s in sections]
    assert ("第一、", "di_cn", 1) in got
    assert ("一、", "cn_dun", 1) in got
    assert ("（一）", "cn_paren", 1) in got
    assert ("1、", "arabic_dun", 1) in got
    assert ("1.", "arabic_dot", 1) in got
    assert ("(1)", "arabic_paren", 1) in got
    assert ("①", "circled", 1) in got
    assert ("二是", "shi", 2) in got
    assert ("最后", "ordinal_word", 3) in got


# ---------------------------------------------------------------------------------------
# hard cases

HARD = [
    pytest.param(
        "二、发挥妇联组织优势\n\n在今年青海玉树大地震发生后,社区妇联动员广大妇女开展捐资助困献爱心活动。捐款7000余元,涌现出许多感人的事迹。三、注重规范妇女管理,丰富妇女活动内容。\n\n我社区妇联联系妇女。",
        [("二、", 1, "发挥妇联组织优势"), ("三、", 1, "注重规范妇女管理,丰富妇女活动内容")],
        id="heading_merged_into_previous_paragraph",
    ),
    pytest.param(
        "二、积极引导妇女参与。\n\n内容。和谐文明家庭要达到总户数的30%。三, 进一步加强妇联组织的能力建设,为群众基础作贡献\n\n社区各妇联要提高本领。",
        [
            ("二、", 1, "积极引导妇女参与"),
            ("三,", 1, "进一步加强妇联组织的能力建设,为群众基础作贡献"),
        ],
        id="slip_comma_after_sentence",
    ),
    pytest.param(
        "现将活动情况汇报如下: 一、 领导重视,组织有力 为保证庆祝活动顺利进行,成立了领导小组。 二、 宣传到位,氛围浓厚 充分利用广播、黑板报。 三、 统筹安排,节目丰富 3月5日,镇妇联联合镇团委。",
        [
            ("一、", 1, "领导重视,组织有力"),
            ("二、", 1, "宣传到位,氛围浓厚"),
            ("三、", 1, "统筹安排,节目丰富"),
        ],
        id="whole_report_on_one_line_run_in_bodies",
    ),
    pytest.param(
        "（一）加强思想作风建设努力提高工作能力,按照武装头脑,指导实践,推动工作的要求,狠抓妇联干部的理论学习,认真学习贯彻会议精神,社会主义荣辱观教育和中央,省地有关会议精神,加强了民族团结进步工作,增强了理论指导工作实践的能力。\n（二）宣传教育形式多样,寓教于乐。\n内容。",
        [
            ("（一）", 1, "加强思想作风建设努力提高工作能力"),
            ("（二）", 1, "宣传教育形式多样,寓教于乐"),
        ],
        id="long_run_in_heading_cut_at_first_clause",
    ),
    pytest.param(
        "(三)组织农村留守妇女参加科技培训为提高广大留守妇女科技素质,增强致富能力,让广大农村妇女汲取新信息、学习新理念、掌握新技能,进一步适应社会主义新农村建设需要,县妇联举办培训班。",
        [("(三)", 1, "组织农村留守妇女参加科技培训")],
        id="run_in_body_starting_with_purpose_clause",
    ),
    pytest.param(
        "（一）召开妇女工作总结暨“庆三八，迎春天”茶话会。全镇各村妇女主任参加了会议。",
        [("（一）", 1, "召开妇女工作总结暨“庆三八，迎春天”茶话会")],
        id="punctuation_inside_quotes_does_not_end_heading",
    ),
    pytest.param(
        "二、关于1 9 9 8 年政府工作的建议\n\n内容。",
        [("二、", 1, "关于1 9 9 8 年政府工作的建议")],
        id="year_written_with_spaces",
    ),
    pytest.param(
        "2022 一、年工作回顾 2022 年是党和国家历史上极为重要的一年。",
        [("一、", 1, "年工作回顾")],
        id="pdf_wrap_spaces",
    ),
    pytest.param(
        "一、指导思想：以科学发展观为指导，全面推进。\n二、会议安排\n上午9:30召开会议。",
        [("一、", 1, "指导思想：以科学发展观为指导，全面推进"), ("二、", 1, "会议安排")],
        id="colon_does_not_end_a_heading",
    ),
    pytest.param(
        "一 、总体要求\n内容。\n二 、主要任务\n内容。",
        [("一 、", 1, "总体要求"), ("二 、", 1, "主要任务")],
        id="space_before_dun",
    ),
    pytest.param(
        "我们首先要加强学习，其次要提高素质，最后要抓好落实。",
        [("首先", 1, "要加强学习"), ("其次", 1, "要提高素质"), ("最后", 1, "要抓好落实")],
        id="ordinal_words_without_comma",
    ),
    pytest.param(
        "主要体现在一是加强学习，二是提高素质，三是抓落实。原因之一是资金不足，二是人员不够。",
        [("一是", 1, "加强学习"), ("二是", 1, "提高素质"), ("三是", 1, "抓落实")],
        id="shi_list_after_a_word",
    ),
]


@pytest.mark.parametrize(("text", "expected"), HARD)
def test_hard_cases(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert outline(text) == expected


# ---------------------------------------------------------------------------------------
# general phenomena met on unseen reports (corpora/holdout); one short snippet each

PHENOMENA = [
    pytest.param(
        "1. 换届完成进度:截至2024年3月,区17个村按期完成换届,换届完成率达94.4%;村换届工作历时43天。\n"
        "2. 班子配置情况:共选出支部委员会成员70名,文化结构显著优化;村委会成员平均年龄46岁。",
        [
            ("1.", 1, "换届完成进度:截至2024年3月,区17个村按期完成换届,换届完成率达94.4%"),
            ("2.", 1, "班子配置情况:共选出支部委员会成员70名,文化结构显著优化"),
        ],
        id="label_colon_body_item_runs_to_the_sentence_end",
    ),
    pytest.param(
        "二、主要工作\n1、创成活动开展以来,社区党总支组织召开了社区创建文明城市工作动员大会,传达区创城办《关于创建全国文明城市的工作实施方案》的精神,"
        "安排部署社区的创建文明城市具体工作,动员广大居民群众积极投身到全国文明城市创建工作中来,为创建工作打下了良好的基础。\n"
        "2、制定了实施方案,成立了领导小组。",
        [
            ("二、", 1, "主要工作"),
            (
                "1、",
                2,
                (
                    "创成活动开展以来,社区党总支组织召开了社区创建文明城市工作动员大会,传达区创城办《关于创建全国文明城市的工作实施方案》的精神,"
                    "安排部署社区的创建文明城市具体工作,动员广大居民群众积极投身到全国文明城市创建工作中来,为创建工作打下了良好的基础"
                ),
            ),
            ("2、", 2, "制定了实施方案,成立了领导小组"),
        ],
        id="long_sentence_item_is_its_own_heading",
    ),
    pytest.param(
        "一、坚定理想信念,提高思想修养和理论素质在镇领导的积极引导下,在村干部的热心帮助下,我的各方面素质都有了很大的提高。\n"
        "二、抢抓机遇、优化产业,经济工作再上新水平今年以来,镇政府因地制宜求特色,依托优势谋发展。\n"
        "三、做好本职工作,出色完成领导交给的各项任务不论是镇领导,还是村干部都对我们特别重视。",
        [
            ("一、", 1, "坚定理想信念,提高思想修养和理论素质"),
            ("二、", 1, "抢抓机遇、优化产业,经济工作再上新水平"),
            ("三、", 1, "做好本职工作,出色完成领导交给的各项任务"),
        ],
        id="heading_runs_into_body_without_punctuation",
    ),
    pytest.param(
        "一、我镇在县委的正确领导下,全面完成了各项工作任务。\n二、存在的问题\n内容。",
        [("一、", 1, "我镇在县委的正确领导下,全面完成了各项工作任务"), ("二、", 1, "存在的问题")],
        id="adverbial_inside_a_sentence_heading_is_not_a_body_start",
    ),
    pytest.param(
        "一、**工作回顾**\n内容。\n二、成绩\n1、***镇消防队在全市督查中排名第一。\n2、*省卫生乡镇称号。",
        [
            ("一、", 1, "工作回顾"),
            ("二、", 1, "成绩"),
            ("1、", 2, "***镇消防队在全市督查中排名第一"),
            ("2、", 2, "*省卫生乡镇称号"),
        ],
        id="asterisks_masking_a_name_are_heading_text_markdown_bold_is_not",
    ),
    pytest.param(
        '社區在硬件建設方面一步到位。首先在辦公方面購置了電腦,還專門訂做了一套軟件。其次是建立健全社區各項規章制度和工作責任,並把規章制度全部"上牆"。',
        [
            ("首先", 1, "在辦公方面購置了電腦"),
            ("其次", 1, "是建立健全社區各項規章制度和工作責任"),
        ],
        id="ordinal_words_run_into_the_clause_traditional_characters",
    ),
    pytest.param(
        "首先,加強學習;其次,完善制度;最後,強化考核。",
        [("首先", 1, "加強學習"), ("其次", 1, "完善制度"), ("最後", 1, "強化考核")],
        id="traditional_zuihou",
    ),
    pytest.param(
        "一、存在的问题\n原因有二:其一,资金投入不足;其二,人才队伍薄弱。\n二、下步打算\n内容。",
        [
            ("一、", 1, "存在的问题"),
            ("其一", 2, "资金投入不足"),
            ("其二", 2, "人才队伍薄弱"),
            ("二、", 1, "下步打算"),
        ],
        id="qi_yi_qi_er",
    ),
    pytest.param(
        "党支部工作年度总结三篇\n五、加大宣传力度,充分调动职工积极性\n1.积极开展院内宣传工作。内容。\n2.支持工会工作。内容。\n六.加强党风廉政建设\n内容。",
        [
            ("五、", 1, "加大宣传力度,充分调动职工积极性"),
            ("1.", 2, "积极开展院内宣传工作"),
            ("2.", 2, "支持工会工作"),
            ("六.", 1, "加强党风廉政建设"),
        ],
        id="excerpt_starts_mid_list_after_a_title_line",
    ),
    pytest.param(
        "现将工作情况总结如下:一、2017年度工作任务完成情况(一)重点工作任务完成情况1.全面完成年度脱贫任务。"
        "我镇今年实现脱贫77户288人。2.科学制定深度贫困村规划。根据数据清洗结果制定规划。",
        [
            ("一、", 1, "2017年度工作任务完成情况"),
            ("(一)", 2, "重点工作任务完成情况"),
            ("1.", 3, "全面完成年度脱贫任务"),
            ("2.", 3, "科学制定深度贫困村规划"),
        ],
        id="chain_of_headings_merged_without_separators",
    ),
    pytest.param(
        "一、经费使用情况详见附表1.\n内容。\n二、人员情况,全镇共有干部1、\n内容。",
        [("一、", 1, "经费使用情况详见附表1."), ("二、", 1, "人员情况,全镇共有干部1")],
        id="numbers_after_a_word_are_not_chained_headings",
    ),
    pytest.param(
        "- 16.07 KB\n- 1、本文档由用户上传,淘文库整理发布,可阅读全部内容。\n- 2、本文档内容版权归属内容提供方。\n"
        "- 3、本文档由用户上传,本站不保证质量和数量令人满意。\n- 网站客服QQ:403074932\n"
        "X镇政府2020年工作总结。一、2020年工作总结(一)疫情防控常态开展。内容。(二)脱贫攻坚。内容。",
        [("一、", 1, "2020年工作总结"), ("(一)", 2, "疫情防控常态开展"), ("(二)", 2, "脱贫攻坚")],
        id="download_site_notice_list_is_not_structure",
    ),
    pytest.param(
        "一、本站工作情况\n内容。\n二、本站存在问题\n内容。",
        [("一、", 1, "本站工作情况"), ("二、", 1, "本站存在问题")],
        id="ben_zhan_in_a_real_heading",
    ),
    pytest.param(
        "存在问题:\n1、村容不整洁;\n2、村集体经济薄弱;\n针对以上问题,我们开展了工作。一、全面了解村情村况。内容。\n"
        "二、解决存在问题。\n内容。",
        [
            ("1、", 1, "村容不整洁"),
            ("2、", 1, "村集体经济薄弱"),
            ("一、", 1, "全面了解村情村况"),
            ("二、", 1, "解决存在问题"),
        ],
        id="lead_in_list_then_merged_top_level_heading",
    ),
    pytest.param(
        "1、加强学习\n主要包括:一、学理论;二、学业务。\n2、改进作风\n内容。",
        [
            ("1、", 1, "加强学习"),
            ("一、", 2, "学理论"),
            ("二、", 2, "学业务"),
            ("2、", 1, "改进作风"),
        ],
        id="inline_cn_enumeration_inside_an_arabic_item",
    ),
    pytest.param(
        "下面汇报如下。一、抢抓机遇、优化产业,经济工作再上新水平。今年以来,全镇经济平稳增长。"
        "1、大力发展现代农业苹果生产方面。继续按照发展思路促进产业升级,春季新发展苹果面积4500亩,全镇苹果",
        [
            ("一、", 1, "抢抓机遇、优化产业,经济工作再上新水平"),
            ("1、", 2, "大力发展现代农业苹果生产方面"),
        ],
        id="sub_list_item_1_whose_item_2_the_excerpt_cut_off",
    ),
    pytest.param(
        "1.项目概况\n1.1 项目背景\n内容。\n1.2 建设目标\n内容。\n1.2.1 近期目标\n内容。\n1.2.2 远期目标\n内容。\n"
        "2.实施情况\n2.1 个人事项\n全年增长\n3.61亿元,面积\n4.2万亩。",
        [
            ("1.", 1, "项目概况"),
            ("1.1", 2, "项目背景"),
            ("1.2", 2, "建设目标"),
            ("1.2.1", 3, "近期目标"),
            ("1.2.2", 3, "远期目标"),
            ("2.", 1, "实施情况"),
            ("2.1", 2, "个人事项"),
        ],
        id="decimal_outline",
    ),
    pytest.param(
        "第一章 总则\n第一条 为了规范管理，制定本办法。\n第二条 本办法适用于全镇。\n"
        "第二章 职责\n第三条 镇政府负责组织实施。\n第四条 各村配合。",
        [
            ("第一章", 1, "总则"),
            ("第一条", 2, "为了规范管理，制定本办法"),
            ("第二条", 2, "本办法适用于全镇"),
            ("第二章", 1, "职责"),
            ("第三条", 2, "镇政府负责组织实施"),
            ("第四条", 2, "各村配合"),
        ],
        id="articles_of_a_regulation_numbered_through_chapters",
    ),
    pytest.param(
        "一、工作回顾\n1.加强学习。内容。\n2.改进作风。内容。\n二、存在问题\n主要问题如下。3.资金不足。内容。\n4.人才缺乏。内容。",
        [
            ("一、", 1, "工作回顾"),
            ("1.", 2, "加强学习"),
            ("2.", 2, "改进作风"),
            ("二、", 1, "存在问题"),
            ("3.", 2, "资金不足"),
            ("4.", 2, "人才缺乏"),
        ],
        id="items_numbered_through_the_whole_document",
    ),
    pytest.param(
        "主要有三点体会:第一是坚持党的领导,这是根本;第二是坚持以人民为中心,这是宗旨;第三是坚持改革创新。",
        [
            ("第一是", 1, "坚持党的领导"),
            ("第二是", 1, "坚持以人民为中心"),
            ("第三是", 1, "坚持改革创新"),
        ],
        id="di_yi_shi",
    ),
    pytest.param(
        "㈠加强学习\n内容。\n㈡改进作风\n内容。\n一）完善制度\n内容。\n二）强化考核\n内容。\n❶甲项\n内容。\n❷乙项\n内容。",
        [
            ("㈠", 1, "加强学习"),
            ("㈡", 1, "改进作风"),
            ("一）", 2, "完善制度"),
            ("二）", 2, "强化考核"),
            ("❶", 3, "甲项"),
            ("❷", 3, "乙项"),
        ],
        id="parenthesised_ideographs_half_brackets_and_dingbat_circles",
    ),
    pytest.param(
        "一、堅定理想信念,提高思想修養和理論素質在鎮領導的積極引導下,我的各方面素質都有了很大的提高。\n"
        "二、加强组织领导,健全工作机制为确保各项工作落到实处,镇里成立了领导小组。\n"
        "三、把党建工作作为推进发展的重要抓手,全面加强基层组织建设。",
        [
            ("一、", 1, "堅定理想信念,提高思想修養和理論素質"),
            ("二、", 1, "加强组织领导,健全工作机制"),
            ("三、", 1, "把党建工作作为推进发展的重要抓手,全面加强基层组织建设"),
        ],
        id="run_in_body_traditional_and_purpose_clause",
    ),
    pytest.param(
        "一、主要工作\n今年主要做了以下工作:1、加强学习,2、改进作风,3、完善制度。\n二、下步打算\n内容。",
        [
            ("一、", 1, "主要工作"),
            ("1、", 2, "加强学习"),
            ("2、", 2, "改进作风"),
            ("3、", 2, "完善制度"),
            ("二、", 1, "下步打算"),
        ],
        id="inline_arabic_list_separated_by_commas",
    ),
    pytest.param(
        "取得了较好成效。三、加强队伍建设。内容很多。四、下步打算。内容。",
        [("三、", 1, "加强队伍建设"), ("四、", 1, "下步打算")],
        id="excerpt_starts_inside_a_section_mid_paragraph",
    ),
    pytest.param(
        "一、强化组织建设,夯实基层基础自2020年以来,我镇不断完善组织体系。\n"
        "二、推进产业发展,促进农民增收随着乡村振兴战略的实施,全镇产业结构不断优化。\n"
        "三、工作回顾2022年,我镇经济平稳增长。\n"
        "四、回顾过去五年来,我们取得了显著成绩。\n"
        "五、乡村振兴工作开展一年来,成效显著。",
        [
            ("一、", 1, "强化组织建设,夯实基层基础"),
            ("二、", 1, "推进产业发展,促进农民增收"),
            ("三、", 1, "工作回顾"),
            ("四、", 1, "回顾过去五年来,我们取得了显著成绩"),
            ("五、", 1, "乡村振兴工作开展一年来,成效显著"),
        ],
        id="run_in_body_time_adverbials",
    ),
    pytest.param(
        "1.加强学习(1)学理论。内容。(2)学业务。内容。\n2.改进作风\n内容。",
        [("1.", 1, "加强学习"), ("(1)", 2, "学理论"), ("(2)", 2, "学业务"), ("2.", 1, "改进作风")],
        id="chained_paren_list",
    ),
    pytest.param(
        "首先,加强学习;其次,完善制度;最后一点,强化考核。",
        [("首先", 1, "加强学习"), ("其次", 1, "完善制度"), ("最后", 1, "一点")],
        id="zuihou_yidian",
    ),
    pytest.param(
        "一、主要工作\n一是加强学习。主要做法如下:\n1、学理论。内容。\n2、学业务。内容。\n二是改进作风。内容。\n"
        "二、下步打算\n内容。",
        [
            ("一、", 1, "主要工作"),
            ("一是", 2, "加强学习"),
            ("1、", 3, "学理论"),
            ("2、", 3, "学业务"),
            ("二是", 2, "改进作风"),
            ("二、", 1, "下步打算"),
        ],
        id="sub_list_on_its_own_lines_inside_a_paragraph_initial_shi_item",
    ),
    pytest.param(
        "一、工作回顾\n1、2022年工作完成情况\n内容。\n2、20xx年工作打算\n内容。",
        [("一、", 1, "工作回顾"), ("1、", 2, "2022年工作完成情况"), ("2、", 2, "20xx年工作打算")],
        id="arabic_heading_starting_with_a_year",
    ),
    pytest.param(
        "相关推荐:\n1、2022年社区工作总结\n2、2023年社区工作计划\n3、社区工作总结范文(精选5篇)\n\n"
        "社区工作总结\n一、加强学习\n内容。\n二、改进作风\n内容。",
        [("一、", 1, "加强学习"), ("二、", 1, "改进作风")],
        id="list_of_document_titles_is_not_structure",
    ),
    pytest.param(
        "1、2021年乡镇三八妇女节庆祝活动总结本文具有广泛通用性。 为隆重纪念“三八”国际妇女节,现将活动情况汇报如下:"
        " 一、 领导重视,组织有力 为保证庆祝活动顺利进行,成立了以分管副镇长为组长的活动领导小组,负责组织实施全镇庆祝活动的开展。"
        " 二、 宣传到位,氛围浓厚 充分利用广播、黑板报、宣传资料等方式,广泛宣传庆祝活动,同时大力宣传新中国成\n"
        "2、立以来妇女解放与发展的成就,在全镇营造了浓厚的节日氛围。 三、 统筹安排,节目丰富 3月5日,镇妇联联合镇团委开展活动。",
        [
            ("一、", 1, "领导重视,组织有力"),
            ("二、", 1, "宣传到位,氛围浓厚"),
            ("三、", 1, "统筹安排,节目丰富"),
        ],
        id="preview_page_numbers_1_and_2",
    ),
    pytest.param(
        "一、加强学习\n学习了党章、党规等等……二、改进作风\n内容。",
        [("一、", 1, "加强学习"), ("二、", 1, "改进作风")],
        id="heading_merged_after_an_ellipsis",
    ),
    pytest.param(
        "我讲三点意见。\n第一点，要提高认识。内容。\n第二点，要加强领导。内容。\n第三点，要狠抓落实。内容。",
        [
            ("第一点，", 1, "要提高认识"),
            ("第二点，", 1, "要加强领导"),
            ("第三点，", 1, "要狠抓落实"),
        ],
        id="di_yi_dian",
    ),
    pytest.param(
        "发挥了重要作用。三是加强队伍建设,提高服务水平。内容。四是强化考核。内容。",
        [("三是", 1, "加强队伍建设"), ("四是", 1, "强化考核")],
        id="excerpt_starts_inside_an_inline_list",
    ),
    pytest.param(
        "一、主要工作\n1、加强学习,社区党员在书记的带领下,开展学习活动。\n2、加强学习今年以来,开展学习活动12次。\n",
        [
            ("一、", 1, "主要工作"),
            ("1、", 2, "加强学习,社区党员在书记的带领下,开展学习活动"),
            ("2、", 2, "加强学习"),
        ],
        id="sentence_items_run_into_a_body_only_from_their_first_clause",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PHENOMENA)
def test_phenomena(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert outline(text) == expected


NOT_SECTIONS = [
    pytest.param(
        "这标志着我国第一次无产阶级文化大革命胜利结束。他是村第一书记。", id="di_in_words"
    ),
    pytest.param(
        "今年1、2月份，全市完成投资50亿元。一、二季度增长较快，三、四月份又有回落。",
        id="numbers_listed",
    ),
    pytest.param(
        "将统一类别的所有档案集中在一起,做了统一要求。这是唯一要做的事,统一是前提。",
        id="yi_shi_inside_words",
    ),
    pytest.param(
        "2019年1月1日起全面施行。截至2022.12.31,增长1.5%。第1.2条。", id="dates_and_decimals"
    ),
    pytest.param(
        "发展第一、第二、第三产业,其中第一、二产业增长较快。", id="ordinal_lists_of_industries"
    ),
    pytest.param(
        "社区妇女同胞们首先用心响应,大家纷纷捐款捐物。经过推荐,最后评出五户。",
        id="narrative_first_and_finally",
    ),
    pytest.param("同时利用契机开展多种形式活动。其次,社区妇联还组织成立了舞蹈队。", id="lone_qici"),
    pytest.param("一方面充分利用宣传栏。另一方面结合节庆日开展活动。", id="one_side_other_side"),
    pytest.param(
        "他首先发现了问题,立即报告。\n其次,大家要注意安全。这是三大任务之首,抓住其一,带动其他。",
        id="ordinal_words_without_comma_across_paragraphs_and_lone_qi_yi",
    ),
    pytest.param(
        "十一、十二月份完成了。今年一、二年级。再次强调要抓落实。", id="month_and_grade_ranges"
    ),
    pytest.param(
        "我们在工作中发现很多问题需要认真研究解决这也是唯\n一是要加强学习的原因。",
        id="hard_wrap_inside_a_word",
    ),
    pytest.param("文件①规定了要求，通知②也有说明。", id="footnote_marks"),
    pytest.param(
        "全镇经济平稳增长。1、2月份完成投资5亿元。总投资达到1.5亿元。", id="numbers_near_the_end"
    ),
    pytest.param("今年主要做了以下工作,1、加强学习。\n其他内容。", id="lone_arabic_after_a_comma"),
    pytest.param(
        "2024.5.2\n增长\n1.5个百分点,达到\n3.2 万元。五、六十年代的老党员。三、四年級學生。二、三產業。",
        id="decimals_at_line_starts_and_traditional_ranges",
    ),
    pytest.param("提高到58.5%。PM\n2.5\n浓度下降。", id="subscript_split_onto_lines"),
    pytest.param(
        "详见（附件1）和表(2)的说明,参见第（一）项。", id="parenthesised_references_in_words"
    ),
]


@pytest.mark.parametrize("text", NOT_SECTIONS)
def test_not_sections(text: str) -> None:
    assert outline(text) == []


def test_inline_table_of_contents_is_not_a_list() -> None:
    # gov_1978: the report announces its six parts inline, then uses them as headings
    text = (
        "报告分三个部分：一、三年来的斗争和新时期的总任务；二、把揭批“四人帮”的斗争进行到底；"
        "三、加快社会主义经济建设。\n\n报告的总题目是：团结起来。\n\n"
        "一、三年来的斗争和新时期的总任务\n\n内容。\n\n二、把揭批“四人帮”的斗争进行到底\n\n内容。\n\n"
        "三、加快社会主义经济建设\n\n内容。"
    )
    sections, _ = find_sections(text)
    assert [s.marker for s in sections] == ["一、", "二、", "三、"]
    assert all(text[s.marker_start - 2 : s.marker_start] == "\n\n" for s in sections)


def test_block_table_of_contents_with_page_numbers() -> None:
    text = (
        "目录\n1.2022年度太慈镇政务公开工作总结 2\n2.沟溪乡2022年政务公开工作总结 5\n3.霍山县落儿岭镇政务公开年度工作总结 8\n\n"
        "2022年度太慈镇政务公开工作总结\n\n一、加强组织领导\n\n为更好开展工作。\n\n二、健全工作机制\n\n我镇完善机制。"
    )
    assert outline(text) == [("一、", 1, "加强组织领导"), ("二、", 1, "健全工作机制")]


def test_table_of_contents_with_dot_leaders() -> None:
    text = "目录\n一、工作回顾……………1\n二、存在问题……………3\n三、下步打算……………5\n一、工作回顾\n内容很多。\n二、存在问题\n内容。\n三、下步打算\n内容。"
    sections, _ = find_sections(text)
    assert [(s.marker, s.heading) for s in sections] == [
        ("一、", "工作回顾"),
        ("二、", "存在问题"),
        ("三、", "下步打算"),
    ]
    assert sections[0].marker_start == text.index("一、工作回顾\n")


def test_block_table_of_contents_repeated_as_headings() -> None:
    text = "目录\n一、工作回顾\n二、存在问题\n三、下步打算\n\n一、工作回顾\n内容很多。\n二、存在问题\n内容。\n三、下步打算\n内容。"
    sections, _ = find_sections(text)
    assert [s.marker_start for s in sections] == [
        text.index("一、", 20),
        text.index("二、", 20),
        text.index("三、", 30),
    ]


def test_repeated_structure_is_not_a_table_of_contents() -> None:
    text = "甲镇总结\n一、基本情况\n（一）人口情况\n人口很多。\n二、工作\n内容。\n乙镇总结\n一、基本情况\n（一）人口情况\n人口也多。"
    assert [(m, lvl) for m, lvl, _ in outline(text)] == [
        ("一、", 1),
        ("（一）", 2),
        ("二、", 1),
        ("一、", 1),
        ("（一）", 2),
    ]


def test_preview_text_repeated_later_counts_once() -> None:
    # gov_2023_xian: the page shows a preview line, then the full text again (PDF spaces)
    text = (
        "2023年西安市政府工作报告各位代表:现在,我代表市人民政府向大会报告工作,请予审议。一、2022年工作回顾2022年是党和国家历史上极为重要的一年,也是西安发\n"
        "年西安市政府工作报告 2023 各位代表: 现在,我代表市人民政府向大会报告工作,请予审议。 2022 一、年工作回顾 2022 年是党和国家历史上极为重要的一年,也是西安发 展进程中极不平凡的一年。"
    )
    sections, _ = find_sections(text)
    assert [(s.marker, s.heading) for s in sections] == [("一、", "年工作回顾")]
    assert sections[0].marker_start > text.index("\n")


def test_preview_page_number_cutting_a_sentence() -> None:
    text = (
        "一、概述\n2022年，全县各乡镇和各部门在县委县政府正确领导下根据政府信息公开条例的要求"
        "切实加强了对政府信息公开工作的组织领导通过健全组织机构完\n2、善配套措施强化制度建设。\n二、主动公开\n内容。"
    )
    assert [s.marker for s in find_sections(text)[0]] == ["一、", "二、"]


def test_excerpt_may_start_mid_list() -> None:
    text = "学校安全工作是一项艰苦的工作。\n\n      二、加大教育投入,努力促进全镇\n\n内容。"
    assert outline(text) == [("二、", 1, "加大教育投入,努力促进全镇")]
    assert "numbering_start" in kinds(text)


def test_lead_in_arabic_list_does_not_swallow_the_report() -> None:
    text = "村里存在的问题:\n\n1、村容不整洁;\n\n2、村集体经济薄弱;\n\n一、全面了解村情村况。\n\n内容。\n\n二、解决存在问题。\n\n内容。"
    assert [(m, lvl) for m, lvl, _ in outline(text)] == [
        ("1、", 1),
        ("2、", 1),
        ("一、", 1),
        ("二、", 1),
    ]


def test_inline_enumeration_of_the_same_scheme_nests() -> None:
    text = "一、总体情况\n主要有以下几点：一、加强领导；二、完善制度；三、强化考核。\n二、下步打算\n继续努力。"
    assert outline(text) == [
        ("一、", 1, "总体情况"),
        ("一、", 2, "加强领导"),
        ("二、", 2, "完善制度"),
        ("三、", 2, "强化考核"),
        ("二、", 1, "下步打算"),
    ]


def test_shi_list_nests_under_arabic_item_and_heading_pops_back() -> None:
    # seed 篇6: 2、 then 一是…三是 inline, then 三、 merged at the end of the paragraph
    text = (
        "二、发挥妇联组织优势\n\n1、在妇女维权中发挥作用。社区妇联成立了维权组织。\n\n"
        "2、在居民服务中发挥作用。一是“巾帼服务”人人赞。我社区妇联还发挥骨干作用。二是“延习托管”解民忧。社区妇联创办托管班。"
        "三是资助困难献爱心。涌现出许多感人的事迹。三、注重规范妇女管理,丰富妇女活动内容。\n\n我社区妇联联系妇女。"
    )
    assert outline(text) == [
        ("二、", 1, "发挥妇联组织优势"),
        ("1、", 2, "在妇女维权中发挥作用"),
        ("2、", 2, "在居民服务中发挥作用"),
        ("一是", 3, "“巾帼服务”人人赞"),
        ("二是", 3, "“延习托管”解民忧"),
        ("三是", 3, "资助困难献爱心"),
        ("三、", 1, "注重规范妇女管理,丰富妇女活动内容"),
    ]


def test_markdown_bold_and_fullwidth_space() -> None:
    assert outline("**一、工作回顾**\n内容。\n\u3000\u3000**二、下步打算**\n内容。") == [
        ("一、", 1, "工作回顾"),
        ("二、", 1, "下步打算"),
    ]


def test_slip_styles_used_consistently_open_a_list() -> None:
    assert outline("一．工作回顾\n今年我们做了很多。\n二．存在问题\n问题不少。") == [
        ("一．", 1, "工作回顾"),
        ("二．", 1, "存在问题"),
    ]


def test_formal_numerals_of_converted_traditional_text() -> None:
    text = "區別在於以下三點:\n第壹,要回答的問題不壹樣。總結要回答做了哪些工作。\n第二,寫作側重點不同。\n第三,表達方式不同。\n貳、其他\n內容。"
    got = outline(text)
    assert got[:3] == [
        ("第壹,", 1, "要回答的問題不壹樣"),
        ("第二,", 1, "寫作側重點不同"),
        ("第三,", 1, "表達方式不同"),
    ]


def test_flattened_text_nests_lower_ranked_lists() -> None:
    # scraped forum text: junk before the markers puts them after spaces mid-line
    text = (
        "由首部、正文和落款三个部分组成。\n# L* n6 Q% ^ 1.首部。主要包括标题等内容。\n# u+ z1 Q) (1)标题。标题有单标题和双标题之分。\n"
        ", i/ r+ r$ (2)主送机关或称谓。标题之下顶格写。\n 2.正文。由导言、主体和结尾组成。"
    )
    assert [(m, lvl) for m, lvl, _ in outline(text)] == [
        ("1.", 1),
        ("(1)", 2),
        ("(2)", 2),
        ("2.", 1),
    ]


def test_pdf_wrap_spaces_inside_headings() -> None:
    # lines of a PDF joined with spaces every ~28 characters: a space between two Han
    # characters is a wrap there, not where a run-in body starts
    text = (
        "为深入贯彻全面推进农村党员的先进性建设,把基层党 组织和干部党员队伍建设培养成为贯彻习近平新时代中国特 色社会主义思想"
        "和党的二十大精神、实现某镇乡村振兴的坚 强战斗集体和发展各项事业的带头人,我镇认真谋划党建工作。\n"
        "(一)进一步加强党员干部理论学习\n一是深入学习宣传贯彻党的二十大精神、习近平系列讲 话精神,抓好整改落实阶段各项工作;"
        "二是坚持落实每季度一次的党课、党员培训等制度。\n(二)进一步加强组织 建设\n内容。"
    )
    assert outline(text) == [
        ("(一)", 1, "进一步加强党员干部理论学习"),
        ("一是", 2, "深入学习宣传贯彻党的二十大精神、习近平系列讲 话精神"),
        ("二是", 2, "坚持落实每季度一次的党课、党员培训等制度"),
        ("(二)", 1, "进一步加强组织 建设"),
    ]


def test_paren_heading_merged_after_a_heading() -> None:
    text = (
        "现将有关情况汇报如下。一、工作开展情况(一)突出政治引领,组织保证作用进一步增强。坚持以党的政治建设为统领。"
        "(二)强化组织建设。内容。二、存在问题(一)学习不深入。内容。(二)创新不够。内容。"
    )
    assert [(m, lvl, h) for m, lvl, h in outline(text)] == [
        ("一、", 1, "工作开展情况"),
        ("(一)", 2, "突出政治引领,组织保证作用进一步增强"),
        ("(二)", 2, "强化组织建设"),
        ("二、", 1, "存在问题"),
        ("(一)", 2, "学习不深入"),
        ("(二)", 2, "创新不够"),
    ]
    assert outline("根据第十条(一)项规定执行,第十一条(二)项另有规定。") == []


def test_list_slipping_between_arabic_punctuations() -> None:
    text = "一、加强学习\n1、学理论\n内容。\n2.学业务\n内容。\n3、学法律\n内容。"
    sections, anomalies = find_sections(text)
    assert [(s.marker, s.level, s.number) for s in sections] == [
        ("一、", 1, 1),
        ("1、", 2, 1),
        ("2.", 2, 2),
        ("3、", 2, 3),
    ]
    assert [(a.kind, a.start) for a in anomalies] == [("marker_slip", text.index("2."))]


def test_empty_heading_when_marker_stands_alone() -> None:
    sections, _ = find_sections(
        "深化企业改革，\n一要\n积极引入竞争机制。\n二要\n加强企业基础工作。"
    )
    assert [(s.marker, s.heading) for s in sections] == [("一要", ""), ("二要", "")]


# ---------------------------------------------------------------------------------------
# anomalies


def test_numbering_gap_seed_pian8() -> None:
    text = (
        "第四、加强团结,维护稳定局面。\n\n因此,我们妇联同志在日常工作和学习中,一是加强学习,提高自身素质;二是工作吃苦,迎难而上;"
        "三是以大局为重,以团结为重;九是当好妇女的守门人,做好妇女的贴心人。\n\n第五、以党支部换届选举为契机,推进妇联组织建设"
    )
    sections, anomalies = find_sections(text)
    assert [s.marker for s in sections] == ["第四、", "一是", "二是", "三是", "九是", "第五、"]
    assert sections[4].number == 9 and sections[4].level == 2
    gap = [a for a in anomalies if a.kind == "numbering_gap"]
    assert (
        len(gap) == 1
        and gap[0].detail == "三是 followed by 九是"
        and gap[0].start == text.index("九是")
    )


def test_marker_slip_and_empty_section() -> None:
    text = (
        "第一、提高女性自身素质。\n\n为了更好的迎接奥运年。\n\n第二,开展双学双比,建功立业卓有成效。\n\n"
        "第三、加强维权,保护合法权益。\n\n受中国几千年重男轻女的影响。"
    )
    _, anomalies = find_sections(text)
    got = {(a.kind, a.start) for a in anomalies}
    assert ("marker_slip", text.index("第二,")) in got
    assert ("empty_section", text.index("第二,")) in got


@pytest.mark.parametrize(
    "text",
    [
        # a list of one-line items
        "存在的问题:\n\n1、村容不整洁、环境卫生差;\n\n2、村集体经济薄弱;\n\n3、观念落后;\n\n4、道路设施落后。\n\n针对存在的问题,开展以下工作。",
        # an inline enumeration of short items
        "运动大体上可以分为三派：1．民主主义运动；2．基尔特社会主义；3．无政府主义运动。这三派各有主张。",
        # a heading cut off by the end of an excerpt
        "一、领导重视\n\n内容很多。\n\n二、分片座谈,回顾工作",
    ],
)
def test_no_empty_section_false_alarms(text: str) -> None:
    assert "empty_section" not in kinds(text)


def test_marker_slip_cn_dun() -> None:
    text = "一、甲\n内容。\n二、乙\n内容。三, 丙\n内容。"
    assert ("marker_slip", text.index("三,")) in {(a.kind, a.start) for a in find_sections(text)[1]}


def test_typo_san_shi_shi() -> None:
    text = "一、加强学习\n一是学理论，提高认识。二是学业务；三是是学法律。四是抓落实。"
    sections, anomalies = find_sections(text)
    third = sections[3]
    assert (third.marker, third.number, third.heading) == ("三是", 3, "学法律")
    assert [a.kind for a in anomalies] == ["marker_typo"]


def test_numbering_repeat_and_restart() -> None:
    text = "一、甲\n内容。\n二、乙\n内容。\n二、丙\n内容。\n一、丁\n内容。\n二、戊\n内容。"
    ks = kinds(text)
    assert "numbering_repeat" in ks and "numbering_restart" in ks
    assert [s.level for s in find_sections(text)[0]] == [1, 1, 1, 1, 1]


def test_duplicate_heading_from_pdf_extraction() -> None:
    text = "一、工作回顾\n一、工作回顾\n今年完成很多。\n二、问题\n不少。"
    sections, anomalies = find_sections(text)
    assert [s.marker for s in sections] == ["一、", "二、"]
    assert [a.kind for a in anomalies] == ["duplicate_heading"]


def test_no_anomalies_on_clean_outline() -> None:
    assert kinds("一、甲\n内容。\n（一）乙\n内容。\n（二）丙\n内容。\n二、丁\n内容。") == []


# ---------------------------------------------------------------------------------------
# spans


def test_spans_nest_and_end_where_the_next_section_starts() -> None:
    text = "前言。\n一、甲\n内容一。\n（一）乙\n内容二。\n（二）丙\n内容三。\n二、丁\n内容四。\n"
    sections, _ = find_sections(text)
    a, b, c, d = sections
    assert text[a.start : a.end] == "一、甲\n内容一。\n（一）乙\n内容二。\n（二）丙\n内容三。"
    assert (b.parent, c.parent) == (0, 0) and a.children == (1, 2)
    assert b.end <= c.start and c.end == a.end
    assert text[d.start : d.end] == "二、丁\n内容四。"  # trailing whitespace is not part of it


def test_inline_list_ends_with_its_paragraph() -> None:
    text = "一、甲\n一是学理论。二是学业务。\n这一段不属于二是。\n二、乙"
    sections, _ = find_sections(text)
    second = sections[2]
    assert text[second.start : second.end] == "二是学业务。"
    assert sections[0].end == text.index("\n二、")


def test_closing_paragraph_ends_the_last_top_level_section() -> None:
    text = "一、甲\n内容。\n二、乙\n内容。\n\n回顾半年来的工作,对照年初的工作目标存在着差距与不足。"
    last = find_sections(text)[0][-1]
    assert text[last.start : last.end] == "二、乙\n内容。"


def test_closing_paragraph_in_traditional_characters() -> None:
    text = "一、甲\n內容。\n二、乙\n內容。\n\n總之,成績顯著。"
    last = find_sections(text)[0][-1]
    assert text[last.start : last.end] == "二、乙\n內容。"


def test_first_body_paragraph_is_never_a_closing_paragraph() -> None:
    text = (
        "一、甲\n内容。\n二、工作回顾\n一年来，我们主要做了以下工作。\n很多工作。\n总之，成绩显著。"
    )
    last = find_sections(text)[0][-1]
    assert text[last.start : last.end] == "二、工作回顾\n一年来，我们主要做了以下工作。\n很多工作。"


def test_segment_returns_a_new_document() -> None:
    doc = Document(id="x", text="一、甲\n内容。\n二、乙\n内容。", anomalies=())
    out = segment(doc)
    assert out is not doc and out.text == doc.text and out.id == "x"
    assert [s.marker for s in out.sections] == ["一、", "二、"]
    assert check_offsets(out) == []
    assert segment(out).sections == out.sections  # idempotent


def test_parse_runs_segment() -> None:
    doc = summarykit.parse(
        "一、加强组织建设\n今年召开会议五次。\n二、存在不足\n创新不够。", stages=("segment",)
    )
    assert [(s.marker, s.heading) for s in doc.sections] == [
        ("一、", "加强组织建设"),
        ("二、", "存在不足"),
    ]


def test_seed_compilation_outlines() -> None:
    seed_corpus = summarykit.load(SEED, stages=("segment",))
    assert len(seed_corpus) == 14
    for doc in seed_corpus:
        assert doc.sections, doc.id
        assert check_offsets(doc) == [], doc.id
    pian8 = next(d for d in seed_corpus if d.id.endswith("篇8"))
    assert [a.kind for a in pian8.anomalies if a.kind == "numbering_gap"] == ["numbering_gap"]


# ---------------------------------------------------------------------------------------
# properties


def _assert_well_formed(text: str) -> None:
    doc = segment(Document(id="p", text=text))
    assert check_offsets(doc) == []
    secs = doc.sections
    for i, s in enumerate(secs):
        assert s.heading == s.heading.strip()
        assert "\n" not in s.heading
        assert s.level == (secs[s.parent].level + 1 if s.parent is not None else 1)
        for j in s.children:
            assert secs[j].parent == i
    # any two sections are disjoint or nested, and start in document order
    for a, b in itertools.pairwise(secs):
        assert a.start < b.start
    for i, a in enumerate(secs):
        for b in secs[i + 1 :]:
            assert b.start >= a.end or b.end <= a.end


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_arbitrary_unicode_never_breaks(text: str) -> None:
    _assert_well_formed(text)


_MARKERS = [
    "一、",
    "二、",
    "三, ",
    "（一）",
    "(二)",
    "1、",
    "2.",
    "１．",
    "(1)",
    "⑵",
    "①",
    "②",
    "一是",
    "二是",
    "三是是",
    "九是",
    "一要",
    "第一，",
    "第二、",
    "第一部分",
    "首先，",
    "其次,",
    "最后，",
    "最後一点，",
    "其一，",
    "其二是",
    "第一条 ",
    "第二章",
    "第一是",
    "1.1 ",
    "1.2.1 ",
    "㈠",
    "二）",
    "❶",
    "1、2022年",
    "本文档由用户上传",
    "……",
    "\n",
    "。",
    "；",
    "：",
    " ",
    "\u3000",
    "“",
    "”",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_MARKERS), st.text(max_size=6)), max_size=60))
def test_marker_soup_never_breaks(parts: list[str]) -> None:
    _assert_well_formed("".join(parts))


def _paragraphs() -> list[str]:
    paras = []
    for path in [SEED, *sorted(DEV.glob("*.txt"))[:20]]:
        paras.extend(p for p in path.read_text(encoding="utf-8").split("\n") if p.strip())
    return paras


PARAGRAPHS = _paragraphs()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=25),
    st.sampled_from(["\n", "\n\n", "", " ", "。"]),
)
def test_shuffled_real_paragraphs(paras: list[str], sep: str) -> None:
    _assert_well_formed(sep.join(paras))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=10), st.text(max_size=20))
def test_real_paragraphs_through_ingest(paras: list[str], noise: str) -> None:
    text = noise.join(paras)
    doc = summarykit.parse(text, stages=("segment",))
    assert check_offsets(doc) == []
    assert doc.source_text() == text


# ---------------------------------------------------------------------------------------
# linear time


def test_large_one_line_input_is_linear() -> None:
    unit = "现将活动情况汇报如下: 一、 领导重视,组织有力 为保证活动顺利进行,一是学习,二是宣传。第一，抓落实；第二，抓考核。(1)甲（2）乙 "
    small = unit * 1000
    big = unit * 8000  # ~0.7 M characters on one line
    t0 = time.perf_counter()
    find_sections(small)
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    sections, _ = find_sections(big)
    t_big = time.perf_counter() - t0
    assert sections
    assert t_big < 20
    assert t_big < 8 * 3 * max(t_small, 0.01)  # 8× the text: far from 64× (quadratic)


def test_non_str_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        find_sections(b"\xe4\xb8\x80\xe3\x80\x81")  # type: ignore[arg-type]


def test_sections_are_frozen() -> None:
    s = find_sections("一、甲\n内容。")[0][0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.level = 2  # type: ignore[misc]
