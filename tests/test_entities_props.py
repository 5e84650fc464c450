"""Property tests: extraction never raises, every entity slices back, none overlap."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarykit.entities import find_entities
from summarykit.model import ENTITY_LABELS

# characters the rules care about, so that random strings hit them often
_ALPHABET = (
    "0123456789０１２３,.．%％-~_＿xX×*#某"
    "零〇一二两三四五六七八九十百千万亿点余多近约左右以上数几第届"
    '年月日号度份上下半初底今去明本来节期间前夕“”"‘’《》、，,。；;：:()（）\n '
    "县镇乡村区市省街道社区妇联党委政府局办站所队委员会中心学校公司有限"
    "人个户名件次元岁周年平方公里百分之点成"
    "荣获得授予被评为称号全国省级市级先进家庭标兵"
    "法条例规定方案意见《婚姻法》"
    "王李张刘陈杨书记主任同志等分别是"
    "的了在和与及我组织开展工作"
)

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str) -> None:
    ents = find_entities(text)
    prev_end = 0
    for e in ents:
        assert e.label in ENTITY_LABELS
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text
        assert e.start >= prev_end, f"overlap at {e.start}: {e.text!r}"
        prev_end = e.end
        if e.placeholder and e.label in ("COUNT", "MONEY", "PERCENT"):
            assert e.value is None
        if e.label == "DATE" and e.month is not None:
            assert 1 <= e.month <= 12
        if e.label == "DATE" and e.day is not None:
            assert 1 <= e.day <= 31


@_SETTINGS
@given(st.text())
def test_any_text(text: str) -> None:
    _check(text)


@_SETTINGS
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_report_like_text(text: str) -> None:
    _check(text)


@_SETTINGS
@given(st.lists(st.sampled_from(["县妇联", "150余人", "__月21日", "“三八”节", "《婚姻法》", "荣获全国“文明家庭”",
                                 "副镇长李娟华", "鼓楼区五一北路", "20xx年", "百分之七点五", "、", "，", "。", "和"]),
                max_size=12))  # fmt: skip
def test_concatenated_fragments(parts: list[str]) -> None:
    _check("".join(parts))
