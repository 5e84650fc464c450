"""Developer tool: regenerate ``resources/data/ent_stopwords.txt`` from jieba's dictionary.

    python -m summarykit.entities._lexgen > src/summarykit/resources/data/ent_stopwords.txt
    python -m summarykit.entities._lexgen places > src/summarykit/resources/data/ent_place_words.txt
    python -m summarykit.entities._lexgen divisions adcodes.csv > src/summarykit/resources/data/ent_divisions.tsv

The stop list holds words that cannot be part of an organization or place name (verbs,
adverbs, prepositions, pronouns, conjunctions, particles, localizers, measure words, time
words, idioms), taken from the part-of-speech tags of jieba's MIT-licensed ``dict.txt``
(frequency ≥ 20), minus ``NAME_VERBS`` (verbs that do occur inside names: 调解委员会,
计生服务站, 禁毒队 …), plus ``EXTRA`` (determiners and generic words). The extractor walks
left from an organization head word over dictionary tokens and stops at the first of these.
Not imported at run time.
"""

from __future__ import annotations

import os
import sys

STOP_TAGS = {
    "v", "vn", "vd", "vi", "vg", "p", "c", "r", "rr", "rz", "rg", "d", "df", "dg", "ad", "f",
    "q", "t", "tg", "y", "e", "o", "i", "l", "u", "uj", "ul", "ud", "ug", "uz", "uv", "z", "a",
}  # fmt: skip

NAME_VERBS = {
    "调解",
    "禁毒",
    "禁赌",
    "戒毒",
    "服务",
    "维权",
    "管理",
    "领导",
    "工作",
    "指导",
    "监督",
    "协调",
    "发展",
    "建设",
    "促进",
    "保护",
    "救助",
    "援助",
    "培训",
    "教育",
    "研究",
    "评估",
    "检测",
    "执法",
    "审计",
    "统计",
    "监察",
    "计划生育",
    "保障",
    "安全",
    "生产",
    "经营",
    "开发",
    "规划",
    "设计",
    "咨询",
    "调查",
    "检验",
    "检疫",
    "防疫",
    "治理",
    "综合治理",
    "信访",
    "接待",
    "志愿",
    "互助",
    "合作",
    "创业",
    "就业",
    "扶贫",
    "帮扶",
    "关爱",
    "统战",
    "巡视",
    "督查",
    "应急",
    "消防",
    "储蓄",
    "供销",
    "运输",
    "通信",
    "体育",
    "旅游",
    "改革",
    "考核",
    "招商",
    "投资",
    "建筑",
    "养老",
    "托管",
    "调处",
    "仲裁",
    "审判",
    "检察",
    "侦查",
    "监管",
    "救济",
    "联络",
    "协作",
    "交流",
    "备案",
    "登记",
    "审批",
    "公证",
    "鉴定",
    "环保",
    "节能",
    "防控",
    "调度",
    "指挥",
    "保卫",
    "康复",
    "矫正",
    "安置",
    "征收",
    "维稳",
    "慈善",
    "公开",
    "评审",
    "整治",
    "援建",
    "资助",
    "监测",
    "防治",
    "卫生",
    "计生",
    "科技",
    "民政",
    "司法",
    "公安",
    "政法",
    "纪检",
    "理论",
    "展览",
    "出版",
    "广播",
    "电视",
    "印刷",
    "测绘",
    "勘察",
    "气象",
    "地震",
    "水文",
    "航运",
    "铁路",
    "邮政",
    "快递",
    "保险",
    "证券",
    "信托",
    "期货",
    "典当",
    "拍卖",
    "租赁",
    "物流",
    "仓储",
    "家政",
    "保洁",
    "绿化",
    "环卫",
    "市政",
    "城管",
    "住建",
    "人防",
    "民防",
    "红十字",
    "共青团",
    "妇女",
    "儿童",
    "老年",
    "青少年",
    "少儿",
    "残疾人",
    "贫困",
    "新",
    "红",
    "白",
    "绿",
    "黄",
    "蓝",
    "东",
    "西",
    "南",
    "北",
    "中",
    "大",
    "小",
    "高",
    "长",
    "老",
}

EXTRA = {
    "各级",
    "各",
    "全",
    "全体",
    "广大",
    "基层",
    "有关",
    "相关",
    "所属",
    "下属",
    "其他",
    "其它",
    "这些",
    "那些",
    "上级",
    "下级",
    "以及",
    "等",
    "暨",
    "和",
    "与",
    "及",
    "同",
    "跟",
    "共",
    "其",
    "此",
    "该",
    "本",
    "我",
    "我们",
    "咱们",
    "她们",
    "他们",
    "你们",
    "您",
    "原",
    "各类",
    "各种",
    "各个",
    "每个",
    "所有",
    "一切",
    "整个",
    "部分",
    "全部",
    "多个",
    "若干",
    "通过",
    "依托",
    "依靠",
    "联合",
    "会同",
    "配合",
    "协助",
    "协同",
    "联手",
    "携手",
    "邀请",
    "组织",
    "成立",
    "召开",
    "举办",
    "开展",
    "参加",
    "参与",
    "走访",
    "慰问",
    "感谢",
    "支持",
    "带领",
    "加入",
    "建立",
    "组建",
    "设立",
    "创建",
    "争创",
    "授予",
    "获得",
    "荣获",
    "评为",
    "推荐",
    "报送",
    "上报",
    "提交",
    "督促",
    "要求",
    "发挥",
    "形成",
    "包括",
    "涉及",
    "来自",
    "作为",
    "担任",
    "当选",
    "选举",
    "产生",
    "负责",
    "主持",
    "牵头",
    "联系",
    "内设",
    "整合",
    "动员",
    "发动",
    "号召",
    "倡导",
    "呼吁",
    "积极",
    "主动",
    "认真",
    "共同",
    "充分",
    "进一步",
    "全面",
    "深入",
    "广泛",
    "大力",
    "切实",
    "努力",
    "不断",
    "经",
    "由",
    "向",
    "对",
    "被",
    "把",
    "将",
    "为",
    "给",
    "让",
    "受",
    "从",
    "到",
    "是",
    "有",
    "于",
    "以",
    "据",
    "在",
    "的",
    "了",
    "着",
    "过",
    "地",
    "得",
    "也",
    "还",
    "都",
    "就",
    "又",
    "再",
    "并",
    "而",
    "但",
    "或",
    "及其",
    "之",
    "中",
    "内",
    "上",
    "下",
    "里",
    "外",
    "后",
    "前",
    "代表",
    "年度",
    "现有",
    "辖区",
    "首个",
    "利用",
    "深化",
    "调整",
    "宣传",
    "主任",
    "干部",
    "同志",
    "书记",
    "主席",
    "委员",
    "成员",
    "人员",
    "党员",
    "职工",
    "工作者",
    "家庭",
    "妇女群众",
    "群众",
    "领导班子",
    "班子",
    "执委",
    "骨干",
    "向上",
    "特别",
    "尤其",
    "如",
    "例如",
    "比如",
    "即",
    "像",
    "随",
    "随着",
    "根据",
    "按照",
    "依照",
    "依据",
    "结合",
    "围绕",
    "针对",
    "对于",
    "关于",
    "至",
    "直至",
    # time adverbials (几年来学校工会: 几年来 is no part of the name)
    "年来",
    "以来",
    "多年来",
    "几年来",
    "近年来",
    "一年来",
    "半年来",
}


def place_words() -> None:
    """``ent_place_words.txt``: jieba's ``ns`` (place) words of 2–6 characters."""
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    out = sys.stdout
    out.write(
        "# Place words (POS tag ns) of jieba "
        + jieba.__version__
        + " dict.txt (MIT), 2-6 characters.\n"
        "# Generated by `python -m summarykit.entities._lexgen places`. Used only to accept the name\n"
        "# part of a place before its suffix (鼓楼 + 区, 南村 + 村), never on its own.\n"
    )
    with open(path, encoding="utf-8") as f:
        for line in f:
            w, _freq, tag = line.split()
            if tag == "ns" and 2 <= len(w) <= 6:
                out.write(w + "\n")


def divisions(adcodes_csv: str) -> None:
    """``ent_divisions.tsv``: the full names of China's provinces, prefecture-level and
    county-level divisions with their level, from the ``adcodes.csv`` of the ``cpca`` wheel
    (MIT; ``pip download cpca==0.5.5 --no-deps``, unzip, ``cpca/resources/adcodes.csv``).
    An adcode ``PPCCXX000000`` is a province when ``CCXX`` is 0, a city when ``XX`` is 0."""
    import csv

    out = sys.stdout
    out.write(
        "# Administrative divisions of China (full names) <TAB> level (province, city, county).\n"
        "# Generated by `python -m summarykit.entities._lexgen divisions adcodes.csv` from cpca\n"
        "# 0.5.5 (MIT) resources/adcodes.csv. Used to accept a place written with its unit\n"
        "# (南平市 before 政府信息公开, 顺昌县) and to give honors a level, never alone as a name.\n"
    )
    seen: set[str] = set()
    rows: list[str] = []
    with open(adcodes_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code, name = row["adcode"], row["name"].strip()
            if not name or "直辖" in name or name in ("市辖区", "县") or name in seen:
                continue
            level = "province" if code[2:6] == "0000" else "city" if code[4:6] == "00" else "county"
            seen.add(name)
            rows.append(f"{name}\t{level}\n")
    out.writelines(sorted(rows))


def main() -> None:
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    words: set[str] = set(EXTRA)
    with open(path, encoding="utf-8") as f:
        for line in f:
            w, freq, tag = line.split()
            if tag in STOP_TAGS and int(freq) >= 20 and len(w) <= 4 and w not in NAME_VERBS:
                words.add(w)
    words -= NAME_VERBS - EXTRA
    out = sys.stdout
    out.write(
        "# Words that cannot be part of an organization or place name (the ORG/PLACE left\n"
        "# walk stops at them). Generated by `python -m summarykit.entities._lexgen` from the\n"
        f"# POS tags of jieba {jieba.__version__} dict.txt (MIT), tags {' '.join(sorted(STOP_TAGS))},\n"
        "# frequency >= 20, minus verbs that occur inside names, plus determiners and role words.\n"
    )
    for w in sorted(words):
        out.write(w + "\n")


if __name__ == "__main__":
    if sys.argv[1:] == ["places"]:
        place_words()
    elif sys.argv[1:2] == ["divisions"] and len(sys.argv) == 3:
        divisions(sys.argv[2])
    else:
        main()
