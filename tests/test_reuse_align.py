"""Passage alignment: seeds, chains, joining rules, word-level diffs."""

from __future__ import annotations

from summarykit.reuse.align import AlignParams, passages, refine
from summarykit.reuse.normalize import normalize

SRC = (
    "吸收思想政治素质高、议事能力强、热心公益事业的离退休干部、教师、及社区在职干部、居民代表组成社区妇联执委,开展工作。"
    "并相应成立了社区少儿工作领导小组、巾帼建设领导小组、妇女禁赌禁毒队等群众自治组织,为社区妇联工作起到了积极的推动作用。"
)
FILLER_A = "今年春季组织辖区育龄妇女免费体检，让她们有病早医，受到了良好的效果。"
FILLER_B = "社区舞蹈队定期开展文艺演出，丰富了老人的文化生活，倡导了和谐共建的理念。"


def _align(a: str, b: str, **kw):
    va, vb = normalize(a), normalize(b)
    ps = passages(va, vb, AlignParams(**kw), text_a=a, text_b=b)
    return va, vb, ps


def test_verbatim_passage_is_one_match_with_exact_spans():
    a = FILLER_A + SRC + FILLER_A
    b = FILLER_B + SRC + "\n" + FILLER_B
    va, vb, ps = _align(a, b)
    long = [p for p in ps if p.matched >= 30]
    assert len(long) == 1
    p = long[0]
    sa, ea = va.span(p.a0, p.a1)
    sb, eb = vb.span(p.b0, p.b1)
    assert a[sa:ea] == SRC[:-1] and b[sb:eb] == SRC[:-1]  # final 。 is punctuation, not folded
    r = refine(p, va, vb)
    assert r.replacements == () and r.edits == ()


def test_spun_copy_gives_word_substitutions():
    spun = SRC.replace("能力", "潜力").replace("积极", "用心")
    va, vb, ps = _align(SRC, spun)
    assert len(ps) == 1
    r = refine(ps[0], va, vb)
    assert sorted(r.replacements) == [("积极", "用心"), ("能力", "潜力")]
    assert r.edits == ()


def test_substituted_word_at_the_end_is_part_of_the_passage():
    a = "如工作上创新意识不够,社区妇女工作的力度还有待于加强,这些都将在今后的工作中加以不断改进。"
    b = a.replace("改进", "改善")
    va, vb, ps = _align(a, b)
    r = refine(ps[0], va, vb)
    assert r.replacements == (("改进", "改善"),)
    assert vb.text[r.b0 : r.b1].endswith("改善")


def test_word_expansion_uses_dictionary_words():
    a = "我们认真按照市区妇联的部署和要求,积极调动广大群众特别是广大妇女参与创建活动的积极性,取得了明显成效。"
    b = a.replace("特别是", "个性是")
    va, vb, ps = _align(a, b)
    r = refine(ps[0], va, vb)
    assert r.replacements in ((("特别", "个性"),), (("特别是", "个性是"),))


def test_adjacent_but_separate_passages_stay_separate():
    # B copies two passages of A that are far apart in A, back to back in B
    p1 = SRC
    p2 = "社区妇联还充分发挥妇女代表、妇女小组长等骨干作用,增强妇女工作的联系、渗透、代表和服务功能,畅通妇女组织与妇女群众的联系渠道。"
    a = p1 + FILLER_A * 6 + p2
    b = FILLER_B + p1 + p2 + FILLER_B
    _va, _vb, ps = _align(a, b)
    long = [p for p in ps if p.matched >= 30]
    assert len(long) == 2


def test_insertion_inside_a_passage_keeps_one_match():
    b = SRC.replace("妇女禁赌禁毒队", "妇女禁赌禁毒队、红白理事会")
    va, vb, ps = _align(SRC, b)
    assert len(ps) == 1
    r = refine(ps[0], va, vb)
    assert r.edits == (("", "红白理事会"),)


def test_reordered_sentences_are_one_passage():
    s1 = "吸收思想政治素质高、议事能力强、热心公益事业的离退休干部组成社区妇联执委。"
    s2 = "并相应成立了社区少儿工作领导小组、巾帼建设领导小组、妇女禁赌禁毒队等群众自治组织。"
    s3 = "为社区妇联工作起到了积极的推动作用,增强了妇女组织的凝聚力和战斗力。"
    a = FILLER_A + s1 + s2 + s3 + FILLER_B
    b = FILLER_B + s2 + s1 + s3 + FILLER_A
    _va, _vb, ps = _align(a, b)
    long = [p for p in ps if p.matched >= 30]
    assert len(long) == 1 and long[0].matched >= 90


def test_unrelated_texts_share_nothing_long():
    _va, _vb, ps = _align(FILLER_A * 2, FILLER_B * 2)
    assert all(p.matched < 20 for p in ps)
