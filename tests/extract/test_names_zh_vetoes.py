"""The Chinese name finder on the failure classes of real pages (issue 11, round 6): the rules'
vetoes and trims on the CRF tagger's spans, asked directly so that they hold whatever the model
proposes, and the finder's names on short invented sentences of each class."""

import pytest

from extract.names_zh import ChineseNameFinder


@pytest.fixture(scope="module")
def tagged():
    import rjieba

    from normalize.seg_zh import ChineseSegmenter

    return ChineseNameFinder(ChineseSegmenter().is_word, rjieba.Jieba().tag)


def names(finder, text: str) -> list[str]:
    return [text[a:b] for a, b in finder.find(text)]


@pytest.mark.parametrize(
    "text, span",
    [
        ("共有25名“身边好人”荣登好人榜。", "荣登"),  # a verb of honour jieba calls a person
        ("出席义工嘉许礼。", "嘉许礼"),  # a common word and a suffix: a ceremony
        ("总统孙立德（图左二）颁奖。", "图左二"),  # a place in a photo
        ("金丽、陈明四人当选。", "陈明四人"),  # the names' count glued to the last one
        ("「施比受更有福」之胸襟", "施比"),  # a preposition is no given name
    ],
)
def test_the_rules_veto_spans_of_the_tagger(tagged, text, span):
    a = text.index(span)
    assert not tagged._may_be(text, a, a + len(span), 0.8)


@pytest.mark.parametrize(
    "text, a, b, end",
    [
        ("农户乔慧芬家的小院", 2, 6, 5),  # a fourth 家 is the household
        ("王芳家的小院", 0, 3, 2),  # 家的 after a two-character name
        ("王芳明家门口", 0, 4, 3),  # four characters: always
        ("滕家宝来自石门镇", 0, 3, 3),  # 家 inside the name stays
        ("欧阳家的小院", 0, 3, 3),  # a compound surname: 欧阳家 is left alone
    ],
)
def test_a_household_is_cut_off(tagged, text, a, b, end):
    assert tagged._household(text, a, b) == end


@pytest.mark.parametrize(
    "text, expected",
    [
        ("行政长官林何秀娟出席并致辞。", ["林何秀娟"]),  # a Hong Kong married name after a role
        ("大会圆满结束。林何秀娟表示感谢。", ["林何秀娟"]),  # ... at a sentence's start
        ("乔治王子和玛丽娜公主结婚。", ["乔治", "玛丽娜"]),  # 和 is "and", no husband's surname
        (
            "授予艾克拜尔·阿不都拉、宋晓峰称号",
            ["艾克拜尔·阿不都拉", "宋晓峰"],
        ),  # Uyghur syllables after the dot
        ("阿依古丽•吐尔逊、努尔兰•别克当选", ["阿依古丽•吐尔逊", "努尔兰•别克"]),
        ("努尔艾力·买买提不仅自己致富", ["努尔艾力·买买提"]),  # 不仅 is a word after the name
        ("钟阳新丰纺织机械有限公司获评先进集体。", []),  # a brand before a company's name
        ("技术员邵明辉荣获劳动模范称号。", ["邵明辉"]),
        ("邵明辉任钟阳纺织机械有限公司经理。", ["邵明辉"]),  # a verb between: a person
    ],
)
def test_find(tagged, text, expected):
    assert names(tagged, text) == expected
