"""The folded matching view and its map back to Document.text offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarykit.reuse.normalize import normalize


def test_folds_width_case_punctuation_traditional_and_pinyin():
    text = "鎮(zhèn)政府，ＡＢ１２ 國家！「發展」"
    v = normalize(text)
    assert v.text == "镇政府ab12国家发展"
    # every folded character maps back to the character it came from
    for i, ch in enumerate(v.text):
        s, e = v.span(i, i + 1)
        assert e == s + 1
        assert normalize(text[s:e]).text == ch
    # a folded span maps to a text span covering exactly those characters
    assert text[slice(*v.span(0, 3))] == "鎮(zhèn)政府"
    assert text[slice(*v.span(3, 7))] == "ＡＢ１２"


def test_pinyin_only_after_han():
    assert normalize("按(a)项目").text == "按项目"  # a gloss after a Han character is dropped
    assert normalize("附件(A)").text == "附件"
    assert normalize("ABC(d)").text == "abcd"  # no Han before it: kept


def test_to_norm_inverse():
    text = "一、加强组织建设。\n二、积极开展活动"
    v = normalize(text)
    s, e = v.to_norm(2, 8)
    assert v.text[s:e] == "加强组织建设"
    assert v.span(s, e) == (2, 8)


def test_empty_and_type():
    assert normalize("").text == "" and len(normalize("，。 \n")) == 0
    try:
        normalize(b"abc")  # type: ignore[arg-type]
    except TypeError as exc:
        assert "str" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("bytes accepted")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("国國家镇鎮(zhèn)ＡＢａ１2，。 \n、“”积极发展abc")), max_size=60))
def test_offsets_always_map_back(text):
    v = normalize(text)
    assert len(v.starts) == len(v.text) == len(v.ends)
    prev = -1
    for i in range(len(v.text)):
        s, e = v.span(i, i + 1)
        assert 0 <= s < e <= len(text) and s > prev
        prev = s
        assert normalize(text[s:e]).text == v.text[i]
