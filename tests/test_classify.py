"""SectionClassifier: the researcher's example, the sklearn contract on text, the default model
(shipped as JSON, scored with numpy) and its equality with the estimator."""

from __future__ import annotations

import json
import pickle
import re
import subprocess
import sys

import numpy as np
import pytest
from conftest import ROOT
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.model_selection import GridSearchCV, GroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.utils.estimator_checks import parametrize_with_checks

from summarykit.classify import (
    CATEGORIES,
    DEFAULT_PARAMS,
    CategoryModel,
    SectionClassifier,
    category_mix,
    classify_document,
    default_classifier,
    keyword_lexicon,
    load_training_data,
    section_inputs,
    train_default_classifier,
    training_data_sha256,
)
from summarykit.model import Document, Section

# -- a researcher's own three-label data (the README example) --------------------------------
TRAIN = [
    ("一、开展三八节文艺汇演", "组织辖区妇女开展文艺汇演，唱歌跳舞，庆祝三八节。"),
    ("二、举办趣味运动会", "母亲节期间举办亲子趣味运动会和拔河比赛，丰富妇女文化生活。"),
    ("三、组织六一儿童节联欢", "六一儿童节组织联欢会和文艺演出，孩子们表演节目。"),
    ("四、举办广场舞比赛", "组织社区广场舞比赛，开展丰富多彩的文体活动。"),
    ("一、认真接待妇女来访", "全年接待妇女来信来访二十件，调解家庭纠纷十二起。"),
    ("二、开展普法宣传", "在三八维权周开展法律宣传，讲解妇女权益保障法和反家庭暴力法。"),
    ("三、依法维护妇女儿童权益", "配合综治办、派出所调解纠纷，维护妇女儿童合法权益。"),
    ("四、设立维权服务站", "设立妇女维权服务站，开通维权热线，处理家暴投诉。"),
    ("一、加强妇联组织建设", "完成换届选举，选出执委十五名，健全妇联组织机构。"),
    ("二、健全工作制度", "建立例会制度和档案台账，规范妇联工作考核。"),
    ("三、加强干部队伍建设", "组织妇联干部参加业务培训，提高执委履职能力。"),
    ("四、建设妇女之家阵地", "建成妇女之家三个，完善阵地建设，配齐专职干部。"),
]
LABELS = ["活动"] * 4 + ["维权"] * 4 + ["组织"] * 4


def test_researcher_example_three_labels():
    """The README example: fit on your own labels, predict, see why."""
    X = [f"{h}\n{t}" for h, t in TRAIN]  # plain strings: the first line is the heading
    clf = SectionClassifier().fit(X, LABELS)
    assert list(clf.classes_) == ["活动", "组织", "维权"]  # sorted, whatever the labels are

    new = [
        "五、举办迎新春文艺演出\n组织妇女排练节目，开展联欢。",
        "五、调解婚姻家庭纠纷\n接待来访妇女，依法维护合法权益。",
        "五、推进妇联换届工作\n完成村妇联换届选举，健全组织。",
    ]
    assert list(clf.predict(new)) == ["活动", "维权", "组织"]
    proba = clf.predict_proba(new)
    assert proba.shape == (3, 3) and np.allclose(proba.sum(axis=1), 1.0)

    why = clf.explain(new[1])
    assert why.label == "维权" and why.probability == pytest.approx(proba[1, 2])
    top = [f.feature for f in why.features[:5]]
    assert any(re.search("纠纷|维护|权益|来访|调解", name) for name in top), top

    names = clf.get_feature_names_out()
    assert len(names) == clf.n_features_out_
    assert {n.split("__")[0] for n in names} == {"heading_word", "heading_char", "text_word"}
    assert "text_word__纠纷" in set(names)
    assert "text_word__维权" in [name for name, _ in clf.top_features("维权", top=10)]


def test_explain_contributions_add_up_to_the_decision_score():
    clf = SectionClassifier().fit(TRAIN, LABELS)
    x = ("六、举办文艺晚会", "组织妇女开展文艺演出。")
    ex = clf.explain(x, top=100000)
    k = list(clf.classes_).index(ex.label)
    positive = sum(f.contribution for f in ex.features)
    # all positive contributions + the (negative, omitted) rest + intercept = decision score
    score = clf.decision_function([x])[0, k]
    Xf = clf.feature_matrix([x])
    coef = clf.estimator_.coef_[k]
    assert Xf.toarray()[0] @ coef + ex.intercept == pytest.approx(score)
    assert positive >= Xf.toarray()[0] @ coef  # the positive part is at least the total
    assert [f.contribution for f in ex.features] == sorted((f.contribution for f in ex.features), reverse=True)
    with pytest.raises(ValueError, match="not one of classes_"):
        clf.explain(x, label="nope")


# -- accepted input forms ---------------------------------------------------------------------
def _doc_with_sections(text: str, outline: list[tuple[int, str, str]]) -> Document:
    """Document with sections (level, marker, heading) found in order in ``text``; a section
    ends where the next one of the same or higher level starts."""
    spans, pos = [], 0
    for level, marker, heading in outline:
        ms = text.index(marker + heading, pos)
        spans.append((level, ms, ms + len(marker), ms + len(marker) + len(heading)))
        pos = spans[-1][3]
    secs = []
    for i, (level, ms, me, he) in enumerate(spans):
        end = next((s[1] for s in spans[i + 1 :] if s[0] <= level), len(text))
        parent = next((j for j in range(i - 1, -1, -1) if spans[j][0] < level), None)
        secs.append(
            Section(level=level, marker=text[ms:me], scheme="cn_dun", number=i + 1, marker_start=ms,
                    marker_end=me, heading=text[me:he], heading_start=me, heading_end=he, start=ms,
                    end=end, parent=parent)
        )
    children = {i: tuple(j for j, s in enumerate(secs) if s.parent == i) for i in range(len(secs))}
    secs = [Section(**{**s.to_dict(), "children": children[i]}) for i, s in enumerate(secs)]
    return Document(id="t", text=text, sections=tuple(secs))


DOC_TEXT = "一、开展三八节文艺汇演\n组织妇女唱歌跳舞。\n二、接待妇女来访\n调解家庭纠纷五起。\n"
DOC = _doc_with_sections(DOC_TEXT, [(1, "一、", "开展三八节文艺汇演"), (1, "二、", "接待妇女来访")])


def test_input_forms_are_equivalent():
    import pandas as pd

    clf = SectionClassifier().fit(TRAIN, LABELS)
    pairs = section_inputs(DOC)
    assert pairs[0] == ("开展三八节文艺汇演", "一、开展三八节文艺汇演\n组织妇女唱歌跳舞。\n")
    expected = clf.predict_proba(pairs)
    forms = [
        [(DOC, s) for s in DOC.sections],
        [{"heading": h, "text": t} for h, t in pairs],
        np.array(pairs, dtype=object),
        pd.DataFrame(pairs, columns=["heading", "text"]),
        pd.DataFrame({"text": [t for _, t in pairs], "heading": [h for h, _ in pairs], "other": [1, 2]}),
    ]
    for X in forms:
        np.testing.assert_allclose(clf.predict_proba(X), expected)
    # a plain string takes its first line (up to 。！？, marker dropped) as the heading
    np.testing.assert_allclose(clf.predict_proba([t for _, t in pairs]), expected)
    from summarykit.classify import _split_heading

    assert [_split_heading(x) for x in ("（三）强势宣传。一是…", "  2. 加强学习\n…", "一是核查档案，交错检查", "第二，开展双学双比")] == [
        "强势宣传", "加强学习", "核查档案，交错检查", "开展双学双比"
    ]


@pytest.mark.parametrize(
    ("X", "error", "match"),
    [
        (np.zeros((3, 2)), TypeError, "works on text, got a numeric array"),
        ([1.0, 2.0, 3.0], TypeError, "got a number"),
        ("一、开展活动", TypeError, "not a single str"),
        ([b"\xe4\xb8\x80"] * 3, TypeError, "bytes"),
        ([DOC.sections[0]] * 3, TypeError, "section_inputs"),
        ([("a", "b", "c")] * 3, TypeError, "heading, text"),
        ([{"title": "x"}] * 3, TypeError, "'heading' and 'text' keys"),
        (np.array([["a", "b", "c"]] * 3, dtype=object), ValueError, "2 columns"),
    ],
)
def test_wrong_inputs_are_rejected_early_and_clearly(X, error, match):
    with pytest.raises(error, match=match):
        SectionClassifier().fit(X, ["a", "b", "c"])


def test_parameter_and_label_validation():
    with pytest.raises(ValueError, match="3 sections but y has 2"):
        SectionClassifier().fit(TRAIN[:3], LABELS[:2])
    with pytest.raises(ValueError, match="target y is None"):
        SectionClassifier().fit(TRAIN, None)
    with pytest.raises(ValueError, match="Unknown label type"):
        SectionClassifier().fit(TRAIN, np.linspace(0, 1, len(TRAIN)))
    with pytest.raises(ValueError, match="heading_weight"):
        SectionClassifier(heading_weight=-1).fit(TRAIN, LABELS)
    with pytest.raises(ValueError, match="char_ngram_range"):
        SectionClassifier(char_ngram_range=(3, 1)).fit(TRAIN, LABELS)
    with pytest.raises(ValueError, match="lexicon"):
        SectionClassifier(lexicon="mine").fit(TRAIN, LABELS)
    with pytest.raises(NotFittedError):
        SectionClassifier().predict(["一、开展活动"])


# -- the estimator contract -------------------------------------------------------------------
# sklearn's generic checks feed numeric arrays (make_blobs, iris …). SectionClassifier is a text
# model: it rejects numeric X with a TypeError, so every check that fits on numbers is expected
# to fail, and xfail_strict makes sure each of them really does (and that nothing else fails).
# The checks that apply to any estimator (params, clone, repr, tags, unfitted errors, empty data,
# label validation) pass; the contract the numeric checks test is re-checked on text below.
_NUMERIC = "fits on a numeric array; a text model rejects it with TypeError (re-checked on text below)"
EXPECTED_FAILED_CHECKS = {
    name: _NUMERIC
    for name in (
        "check_fit_score_takes_y", "check_estimators_overwrite_params",
        "check_dont_overwrite_parameters", "check_estimators_fit_returns_self",
        "check_readonly_memmap_input", "check_n_features_in_after_fitting",
        "check_positive_only_tag_during_fit", "check_estimators_dtypes",
        "check_sample_weights_pandas_series", "check_sample_weights_not_an_array",
        "check_sample_weights_list", "check_all_zero_sample_weights_error",
        "check_sample_weights_shape", "check_sample_weights_not_overwritten",
        "check_sample_weight_equivalence_on_dense_data", "check_dtype_object",
        "check_pipeline_consistency", "check_estimators_nan_inf", "check_estimators_pickle",
        "check_f_contiguous_array_estimator", "check_classifier_data_not_an_array",
        "check_classifiers_one_label", "check_classifiers_one_label_sample_weights",
        "check_classifiers_classes", "check_classifiers_train", "check_supervised_y_2d",
        "check_class_weight_classifiers", "check_non_transformer_estimators_n_iter",
        "check_decision_proba_consistency", "check_methods_sample_order_invariance",
        "check_methods_subset_invariance", "check_fit2d_1sample", "check_fit2d_1feature",
        "check_dict_unchanged", "check_fit_idempotent", "check_fit_check_is_fitted",
        "check_n_features_in", "check_fit1d", "check_fit2d_predict1d",
    )
}


@parametrize_with_checks(
    [SectionClassifier()], expected_failed_checks=lambda est: EXPECTED_FAILED_CHECKS, xfail_strict=True
)
def test_sklearn_estimator_checks(estimator, check):
    check(estimator)


@pytest.fixture(scope="module")
def fitted():
    return SectionClassifier().fit(TRAIN, LABELS)


def test_text_contract_fit_returns_self_and_learned_state(fitted):
    clf = SectionClassifier()
    assert clf.fit(TRAIN, LABELS) is clf
    assert not [k for k in vars(SectionClassifier()) if k.endswith("_")]  # __init__ stores params only
    assert {"classes_", "vectorizers_", "estimator_", "lexicon_", "n_features_out_"} <= set(vars(clf))
    fresh = clone(fitted)
    assert fresh.get_params() == fitted.get_params() and not hasattr(fresh, "classes_")
    assert clone(SectionClassifier(C=7.0, lexicon="default")).get_params()["C"] == 7.0


def test_text_contract_probabilities_decisions_and_predictions_agree(fitted):
    X = [t for _, t in TRAIN] + ["召开座谈会。", "完成换届。"]
    proba = fitted.predict_proba(X)
    dec = fitted.decision_function(X)
    assert proba.shape == dec.shape == (len(X), 3)
    assert np.allclose(proba.sum(axis=1), 1.0) and (proba >= 0).all()
    pred = fitted.predict(X)
    assert (pred == fitted.classes_[proba.argmax(1)]).all()
    assert (pred == fitted.classes_[dec.argmax(1)]).all()


def test_text_contract_order_subset_invariance_idempotence_and_pickle(fitted):
    X = [t for _, t in TRAIN]
    full = fitted.predict_proba(X)
    order = np.random.default_rng(0).permutation(len(X))
    np.testing.assert_allclose(fitted.predict_proba([X[i] for i in order]), full[order])
    np.testing.assert_allclose(np.vstack([fitted.predict_proba(X[i : i + 5]) for i in range(0, len(X), 5)]), full)
    again = clone(fitted).fit(TRAIN, LABELS).fit(TRAIN, LABELS)
    np.testing.assert_allclose(again.predict_proba(X), full)
    restored = pickle.loads(pickle.dumps(fitted))
    np.testing.assert_allclose(restored.predict_proba(X), full)


def test_text_contract_any_label_type_and_a_single_label():
    ints = [{"活动": 0, "维权": 1, "组织": 2}[y] for y in LABELS]
    clf = SectionClassifier().fit(TRAIN, ints)
    assert list(clf.classes_) == [0, 1, 2] and clf.predict(TRAIN[:1])[0] == 0
    binary = SectionClassifier().fit(TRAIN[:8], LABELS[:8])
    assert binary.explain(TRAIN[5]).label == "维权"  # binary models explain either class
    one = SectionClassifier().fit(TRAIN[:4], LABELS[:4])
    assert list(one.predict(TRAIN)) == ["活动"] * len(TRAIN)
    assert np.allclose(one.predict_proba(TRAIN), 1.0)


def test_traditional_characters_are_folded_to_simplified(fitted):
    simplified = ("开展三八节文艺汇演", "一、开展三八节文艺汇演\n组织妇女唱歌跳舞。")
    traditional = ("開展三八節文藝匯演", "一、開展三八節文藝匯演\n組織婦女唱歌跳舞。")
    np.testing.assert_allclose(fitted.predict_proba([traditional]), fitted.predict_proba([simplified]))


def test_sample_weight_changes_the_model():
    w = np.ones(len(TRAIN))
    a = SectionClassifier().fit(TRAIN, LABELS).predict_proba(TRAIN)
    w[:4] = 5.0
    b = SectionClassifier().fit(TRAIN, LABELS, sample_weight=w).predict_proba(TRAIN)
    assert b[:4, 0].mean() > a[:4, 0].mean()


def test_pipeline_and_grid_search_with_document_groups():
    to_pairs = FunctionTransformer(lambda rows: [(r["h"], r["t"]) for r in rows])
    rows = [{"h": h, "t": t} for h, t in TRAIN]
    pipe = Pipeline([("pairs", to_pairs), ("clf", SectionClassifier())])
    assert list(pipe.fit(rows, LABELS).predict(rows[:2])) == ["活动", "活动"]
    groups = [i % 4 for i in range(len(TRAIN))]  # 4 "documents", each with one section per label
    search = GridSearchCV(
        SectionClassifier(), {"C": [1.0, 10.0], "heading_weight": [1.0, 2.0]}, cv=GroupKFold(4), scoring="f1_macro"
    )
    search.fit(TRAIN, LABELS, groups=groups)
    assert set(search.best_params_) == {"C", "heading_weight"}
    assert search.best_estimator_.predict(TRAIN[:1])[0] == "活动"


def test_custom_lexicon_features():
    lex = {"fun": ["文艺", "比赛", "联欢"], "law": ["纠纷", "维权"]}
    clf = SectionClassifier(lexicon=lex).fit(TRAIN, LABELS)
    names = list(clf.get_feature_names_out())
    assert names[-4:] == ["lexicon_heading__fun", "lexicon_heading__law", "lexicon_text__fun", "lexicon_text__law"]
    with pytest.raises(TypeError, match="sequence of non-empty str"):
        SectionClassifier(lexicon={"fun": "文艺"}).fit(TRAIN, LABELS)


# -- the default model ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def default_model():
    return default_classifier()


@pytest.fixture(scope="module")
def refitted():
    """The scikit-learn default model, fitted here on the shipped labels (~5 s)."""
    return train_default_classifier()


def test_default_model_is_shipped_data_loaded_once(default_model):
    assert isinstance(default_model, CategoryModel)
    assert default_classifier() is default_model
    assert set(default_model.classes_) == set(CATEGORIES)
    assert default_model.lexicon_ == keyword_lexicon()
    assert default_model.data["params"]["heading_weight"] == DEFAULT_PARAMS["heading_weight"]


def test_default_model_reproduces_the_estimator_probabilities(default_model, refitted):
    """The numpy scorer of the shipped JSON gives the probabilities of SectionClassifier
    fitted on the shipped labels: every training section plus unseen, traditional, plain-str
    and heading-less inputs."""
    X, _ = load_training_data()
    extra = [
        ("開展三八節文藝匯演", "一、開展三八節文藝匯演\n組織婦女唱歌跳舞。"),
        "三、存在的问题\n工作创新不够，明年将进一步改进。",
        ("", "走访慰问困难群众二十户，送去米面油。"),
        ("加强组织建设", ""),
        ("", ""),
        ("  ", "\n\t "),
    ]
    ours, theirs = default_model.predict_proba(X + extra), refitted.predict_proba(X + extra)
    assert ours.shape == theirs.shape == (len(X) + len(extra), len(CATEGORIES))
    assert list(default_model.classes_) == list(refitted.classes_)
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-6)
    np.testing.assert_allclose(default_model.decision_function(extra), refitted.decision_function(extra), atol=1e-6)
    assert list(default_model.get_feature_names_out()) == list(refitted.get_feature_names_out())
    ex_ours, ex_theirs = default_model.explain(extra[1], top=10**6), refitted.explain(extra[1], top=10**6)
    assert ex_ours.label == ex_theirs.label and ex_ours.probability == pytest.approx(ex_theirs.probability, abs=1e-6)
    ours_c = {f.feature: f.contribution for f in ex_ours.features}
    theirs_c = {f.feature: f.contribution for f in ex_theirs.features if f.contribution > 1e-6}
    assert set(theirs_c) <= set(ours_c) and all(abs(ours_c[k] - v) <= 1e-6 for k, v in theirs_c.items())
    top_ours, top_theirs = dict(default_model.top_features("health", top=10)), dict(refitted.top_features("health", top=10))
    assert top_ours.keys() == top_theirs.keys()
    assert all(abs(top_ours[k] - v) <= 1e-8 for k, v in top_theirs.items())


def test_shipped_model_is_current(default_model, refitted):
    """category_model.json belongs to the shipped labels and DEFAULT_PARAMS: the recorded
    hash of the training file matches it, and a refit has the same parameters and
    vocabularies (its probabilities are compared above). Stale? run scripts/train_default_model.py."""
    td = default_model.data["training_data"]
    assert td["sha256"] == training_data_sha256(), "training labels changed: run scripts/train_default_model.py"
    assert td["sections"] == len(load_training_data()[1])
    assert default_model.data["params"] == CategoryModel.from_estimator(refitted).data["params"]
    assert [b.terms for b in default_model.blocks] == [list(v.get_feature_names_out()) for v in refitted.vectorizers_.values()]


def test_classifying_never_imports_scikit_learn_or_trains():
    code = (
        "import sys, summarykit\n"
        "d = summarykit.parse('一、加强组织建设\\n完成换届选举，健全制度。\\n二、开展三八节文艺汇演\\n组织妇女唱歌跳舞。')\n"
        "print([s.category for s in d.sections], sorted(m for m in ('sklearn', 'summarykit.classify._estimator') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['organization', 'culture_events'] []"


def test_category_model_round_trips_any_fitted_classifier():
    """from_estimator → JSON → CategoryModel reproduces a researcher's model: three labels,
    custom lexicon, word bigrams and char n-grams of the text, a binary and a one-label model."""
    X = [f"{h}\n{t}" for h, t in TRAIN]
    new = ["五、举办迎新春文艺演出\n组织妇女排练节目。", "五、调解婚姻家庭纠纷\n接待来访妇女。", "完成换届。", ""]
    models = [
        SectionClassifier().fit(X, LABELS),
        SectionClassifier(lexicon={"fun": ["文艺", "比赛"], "law": ["纠纷"]}, word_ngram_range=(1, 2),
                          char_text=True, char_ngram_range=(2, 4), heading_weight=3.0, max_chars=20,
                          sublinear_tf=False).fit(X, LABELS),
        SectionClassifier().fit(X[:8], LABELS[:8]),
        SectionClassifier().fit(X[:4], LABELS[:4]),
    ]
    for clf in models:
        model = CategoryModel(json.loads(CategoryModel.from_estimator(clf).to_json()))
        assert list(model.classes_) == list(clf.classes_)
        np.testing.assert_allclose(model.predict_proba(X + new), clf.predict_proba(X + new), atol=1e-6)
        np.testing.assert_allclose(model.decision_function(new), clf.decision_function(new), atol=1e-6)
        assert list(model.predict(new)) == list(clf.predict(new))
        np.testing.assert_allclose(model.feature_matrix(new), clf.feature_matrix(new).toarray(), atol=1e-12)
        assert model.n_features_out_ == clf.n_features_out_
    binary = CategoryModel.from_estimator(models[2])
    assert binary.explain(TRAIN[5]).label == models[2].explain(TRAIN[5]).label == "维权"
    with pytest.raises(ValueError, match="format"):
        CategoryModel({"format": "pickle"})
    with pytest.raises(TypeError, match="fitted SectionClassifier"):
        CategoryModel.from_estimator(SectionClassifier())


@pytest.mark.parametrize(
    "text",
    ["一、开展三八节 文艺汇演", "  a  bc\tdef\n\nghij ", "", "x", "工会 维权 平安家庭 最美家庭创建活动"],
)
@pytest.mark.parametrize("ngram_range", [(1, 1), (1, 3), (2, 4), (3, 3)])
def test_analyzers_match_scikit_learn(text, ngram_range):
    from sklearn.feature_extraction.text import CountVectorizer

    from summarykit.classify._scorer import char_wb_ngrams, word_ngrams

    char = CountVectorizer(analyzer="char_wb", ngram_range=ngram_range, lowercase=False).build_analyzer()
    assert char_wb_ngrams(text, ngram_range) == char(text)
    word = CountVectorizer(tokenizer=str.split, token_pattern=None, ngram_range=ngram_range,
                           lowercase=False).build_analyzer()
    assert word_ngrams(text.split(), ngram_range) == word(text)


@pytest.mark.parametrize(
    ("heading", "text", "expected"),
    [
        ("开展三八节系列庆祝活动", "组织妇女文艺汇演、拔河比赛，欢度三八国际妇女节。", "culture_events"),
        ("切实维护妇女儿童合法权益", "接待妇女来信来访，调解婚姻家庭纠纷，开展反家庭暴力普法宣传。", "rights_law"),
        ("加强妇联组织自身建设", "完成村妇联换届选举，配齐执委，建立例会制度和档案台账。", "organization"),
        ("关爱困难妇女儿童", "春节走访慰问困难母亲和留守儿童，送去慰问金和慰问品。", "assistance"),
        ("深入开展最美家庭创建", "开展寻找最美家庭活动，征集家风家训，评选五好文明家庭。", "family_civility"),
        ("存在的问题和下步打算", "工作创新不够，力度有待加强。明年我们将进一步改进。", "shortcomings_plans"),
        ("整治村容村貌", "开展环境卫生整治，清理垃圾，修缮道路，建设美丽乡村。", "environment"),
    ],
)
def test_default_model_on_plain_grass_roots_sections(default_model, heading, text, expected):
    assert default_model.predict([(heading, f"{heading}\n{text}")])[0] == expected


def test_classify_document_fills_every_section(default_model):
    text = (
        "一、加强组织建设\n完成换届选举，健全制度。\n"
        "1、建立档案台账\n规范台账管理。\n"
        "二、开展三八节文艺汇演\n组织妇女唱歌跳舞，举办联欢会。\n"
    )
    doc = _doc_with_sections(
        text, [(1, "一、", "加强组织建设"), (2, "1、", "建立档案台账"), (1, "二、", "开展三八节文艺汇演")]
    )
    out = classify_document(doc, top=3)
    assert out.text == doc.text and out.id == doc.id  # nothing else changes
    assert [s.category for s in out.sections] == ["organization", "organization", "culture_events"]
    for s in out.sections:
        scores = list(s.category_scores.values())
        assert len(scores) == 3 and scores == sorted(scores, reverse=True) and sum(scores) <= 1.0 + 1e-9
        assert next(iter(s.category_scores)) == s.category
    assert out.sections[0].to_dict()["category_scores"]["organization"] > 0.5
    mix = category_mix(out)
    assert set(mix) == {"organization", "culture_events"} and sum(mix.values()) == pytest.approx(1.0)
    assert classify_document(Document(id="empty", text="没有编号。")).sections == ()
    with pytest.raises(TypeError, match="Document"):
        classify_document("一、加强组织建设")  # type: ignore[arg-type]


def test_classify_cli_prints_table_and_mix():
    text = "一、加强组织建设\n完成换届选举，健全制度。\n二、开展三八节文艺汇演\n组织妇女唱歌跳舞。\n"
    out = subprocess.run(
        [sys.executable, "-m", "summarykit", "classify", "-"], input=text, capture_output=True, text=True, timeout=300, check=False
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].split("\t") == ["document", "marker", "heading", "category", "probability"]
    rows = [line.split("\t") for line in lines[1:]]
    if rows[0][2] == "(no numbered sections found)":
        pytest.skip("the section parser found no sections")
    assert [r[1:4] for r in rows[:2]] == [
        ["一、", "加强组织建设", "organization"],
        ["二、", "开展三八节文艺汇演", "culture_events"],
    ]
    assert 0.0 < float(rows[0][4]) <= 1.0
    assert rows[2][1] == "mix" and rows[2][3].startswith(("organization", "culture_events"))


# -- the labeled data ---------------------------------------------------------------------------
LABELS_FILE = ROOT / "corpora" / "labels" / "sections.jsonl"


def test_labeled_sections_are_self_contained_and_slice_back():
    records = [json.loads(line) for line in LABELS_FILE.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 250
    sources = {}
    for r in records:
        text = sources.setdefault(r["source"], (ROOT / r["source"]).read_bytes().decode("utf-8"))
        assert text[r["start"] : r["end"]] == r["text"]
        # the heading follows the marker (gold headings of 1、 items may run to the first 。)
        assert r["text"].startswith(r["marker"]) and 0 <= r["text"].find(r["heading"]) <= len(r["marker"]) + 8
        assert r["category"] in CATEGORIES and set(r["secondary"]) <= set(CATEGORIES) - {r["category"]}
        assert r["level"] in (1, 2, 3)
    by_level = {lv: sum(r["level"] == lv for r in records) for lv in (1, 2, 3)}
    assert by_level[1] >= 100 and by_level[2] >= 150
    assert {r["category"] for r in records} == set(CATEGORIES)


def test_labeled_data_and_package_data_are_up_to_date():
    """sections.jsonl and the package's category_train.jsonl are what the builder makes from
    labels.tsv and the gold section offsets (a gold change must be re-checked here)."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "corpora" / "labels" / "build_sections.py"), "--check"],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )
    assert out.returncode == 0, out.stderr
