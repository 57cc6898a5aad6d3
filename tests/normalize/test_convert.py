import pytest

from normalize.convert import Converter


@pytest.fixture(scope="module")
def conv():
    return Converter()


@pytest.mark.parametrize(
    "trad, simp",
    [
        ("隨著選手的講述", "随着选手的讲述"),
        ("帶著我們支部同志", "带着我们支部同志"),
        ("傳遞著醫者仁心", "传递着医者仁心"),
        ("著名的著作", "著名的著作"),
        ("見“微”知著", "见“微”知著"),
        ("「這份榮譽」", "「这份荣誉」"),  # corner quotes stay (study-set gold)
        ("牠的家", "它的家"),
        ("顯著成效", "显著成效"),
        ("小兒麻痺患者", "小儿麻痹患者"),
    ],
)
def test_overrides(conv, trad, simp):
    assert conv.to_simplified(trad) == simp


def test_length_is_kept_so_spans_map_back(conv):
    text = "瀏陽市直機關“強省會當先鋒作表率”黨組織書記微黨課競賽(決賽)舉行,隨著選手的講述"
    assert len(conv.to_simplified(text)) == len(text)


def test_simplified_text_is_unchanged(conv):
    text = "王芳是鼓楼街道桃源社区党委书记，获评2023年度“最美奋斗者”。"
    assert conv.to_simplified(text) == text


# --- issue 11: a simplified page with a few traditional characters left in it ----------------------


@pytest.mark.parametrize(
    "mixed, simp",
    [
        ("10名基层干部走上颁奖舞臺，记者採访了群眾。", "10名基层干部走上颁奖舞台，记者采访了群众。"),
        ("整理成一本本檔案，值得借鑑", "整理成一本本档案，值得借鉴"),
        ("公司位於臺北，帶著大家", "公司位于台北，带着大家"),
        (
            "党支部书记於秀兰，以“乾坤朗朗”为主题，著名主持人",
            "党支部书记於秀兰，以“乾坤朗朗”为主题，著名主持人",
        ),
        ("王芳是鼓楼街道桃源社区党委书记。", "王芳是鼓楼街道桃源社区党委书记。"),
    ],
)
def test_stray_traditional_characters_are_converted_and_nothing_else(conv, mixed, simp):
    assert conv.stray_to_simplified(mixed) == simp


def test_genuine_simplified_text_has_no_traditional_character(conv):
    from conftest import ud_sentences

    sentences = ud_sentences("zh_gsdsimp-ud-test.conllu")
    assert [s for s in sentences if conv.has_traditional(s)] == []
