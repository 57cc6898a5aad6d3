"""Each cleaner removes what it must and leaves clean text alone."""

import pytest
from conftest import seed_text, ud_sentences

from normalize import clean, junk, mojibake
from normalize.chrome import chrome_rules
from normalize.layout import date_line
from normalize.repeats import drop_duplicate_lines, remove_spun

UD_FILES = ["zh_gsdsimp-ud-test.conllu", "zh_gsd-ud-test.conllu", "vi_vtb-ud-test.conllu"]
CHAR_CLEANERS = [clean.strip_emoji, mojibake.repair, clean.remove_pinyin, clean.fix_punct, junk.strip_junk]


# --- pinyin annotations -------------------------------------------------------------------------


@pytest.mark.parametrize("prefix, kept", [("002", "瀏陽市直機關"), ("003", "擔當作為")])
def test_pinyin_annotations_are_removed_from_the_farm_seeds(prefix, kept):
    out = clean.remove_pinyin(seed_text(prefix))
    assert out.removed > 100
    assert "(jī)" not in out.text and "(dāng)" not in out.text and kept in out.text


def test_simplified_annotations_with_trailing_space_and_inside_numbers():
    text = "坚持以人民为中心(xīn )，核心(xīn)价值，2(èr)0名同志(zhì)，共建(jiàn)美好家园(yuán)。"
    out = clean.remove_pinyin(text)
    assert out.text == "坚持以人民为中心，核心价值，20名同志，共建美好家园。" and out.removed == 6


@pytest.mark.parametrize(
    "text",
    [
        "张秀英(女),石林县人民医院护士长",
        "李建国(满族)、郑丽娟(女,畲族)",
        "云南建投(集团)有限公司",
        "微党课竞赛(决赛)举行",
        "一位名叫王珺(jùn)的女孩，家住旸(yáng)谷村，荣获“中国好人”称号。",
        "打造昆明城市CBD,提升楼宇(总部)经济",
        "He said (ok).",
    ],
)
def test_genuine_parentheticals_and_sparse_glosses_stay(text):
    assert clean.remove_pinyin(text).text == text


# --- emoji ----------------------------------------------------------------------------------------


def test_emoji_go_before_nfkc_can_turn_them_into_characters():
    out = clean.strip_emoji("王(🐷)芳同志🈴作社(xī🐷n)，点赞👍🏽👨‍👩‍👧")  # five emoji, two of them sequences
    assert out.text == "王芳同志作社(xīn)，点赞" and out.removed == 5
    assert "合" not in out.text


def test_symbols_that_are_not_emoji_stay():
    text = "①②③ ★ ℃ ㎡ → ×÷ 《问春风》 ①号楼"
    assert clean.strip_emoji(text).text == text


# --- injected punctuation -------------------------------------------------------------------------


def test_injected_commas_go_and_list_commas_stay():
    out = clean.fix_punct("上午,,浏阳市直机关,、服务人民的故事,。活动由甲,、乙主办，，丙承办")
    assert out.text == "上午,浏阳市直机关、服务人民的故事。活动由甲、乙主办，丙承办" and out.removed == 5
    assert clean.fix_punct("陈彦羽、彭亮、金瓦路消防救援站等").removed == 0


# --- GBK byte-shift mojibake ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "broken, fixed",
    [
        ("如此?!彼{(lán)波直言", "如此。”藍(lán)波直言"),
        ("就提拔誰重用誰褒獎?wù)l”,讓出彩", "就提拔誰重用誰褒獎誰”,讓出彩"),
        ("振興的活力?!拔覍⒗^續弘揚", "振興的活力。“我將繼續弘揚"),
        ("力量?!北R俏玲說", "力量。”盧俏玲說"),
    ],
)
def test_byte_shift_runs_are_re_aligned(broken, fixed):
    out = mojibake.repair(broken)
    assert out.text == fixed and out.removed == 1


def test_seed_002_mojibake_is_repaired_where_the_gold_expects():
    """A dropped byte pair (名登 in 第一名登臺) is only recoverable with the paragraph as context."""
    out = mojibake.repair(seed_text("002"))
    assert out.removed >= 5
    for want in ("作為第一名登臺演講的選手", "湖南省演講與口才學", "藍(lán)波直言", "盧俏玲說"):
        assert want in out.text


def test_question_marks_in_clean_text_stay():
    text = "真的吗?!他说App很好用。你来了?他问(wèn)。What?!"
    assert mojibake.repair(text).text == text


# --- duplicated lines and spun fragments ----------------------------------------------------------


def test_duplicated_captions_and_repeated_title_go():
    lines = ["正文第一段。", "图为表彰现场", "图为表彰现场", "标题在此", "正文第二段。"]
    out, n = drop_duplicate_lines(lines, "标题在此", str)
    assert out == ["正文第一段。", "图为表彰现场", "正文第二段。"] and n == 2


def test_spun_title_fragments_are_removed_from_seed_001(normalizer):
    text = seed_text("001")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    is_word = normalizer.segmenters("zh").is_word
    out, n = remove_spun(lines, lines[0], str, is_word)
    body = "\n".join(out)
    assert n >= 10
    assert "2021年是中国共产党成立100周年,也是“十四五”开局之年" in body
    assert "深情回顾党的奋斗历史,热情讴歌党的光辉业绩" in body
    assert "中国共产党百年奋斗历程" in body  # 党百年 here is real text, not a fragment


def test_names_repeated_in_a_clean_article_are_not_spun(normalizer):
    lines = [
        "王芳是桃源社区党委书记，王芳多年来扎根社区。",
        "王芳说，荣誉属于大家。王芳表示将继续努力。",
        "王芳的事迹感动了居民。",
    ]
    is_word = normalizer.segmenters("zh").is_word
    assert remove_spun(lines, "王芳获评最美奋斗者", str, is_word) == (lines, 0)


# --- boilerplate ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "查看原文",
        "点分享",
        "继续滑动看下一个",
        "(责任编辑:焦点)",
        "点击:31次",
        "Đang truy cập: 111",
        "Tổng lượng truy cập: 45.940.313",
        "Mặc định Cỡ chữ",
        "上一篇:县政府召开常务会议",
        "?",
    ],
)
def test_chrome_lines_are_recognised(line):
    assert chrome_rules().is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "2023年03月29日 星期三",
        "Thứ 4, Ngày 20/01/2021 -",
        "发布日期:2021-03-15",
        "Ngày đăng: 23/02/2020 09:32",
    ],
)
def test_page_and_labelled_date_lines_are_recognised(line):
    assert date_line(line)


# --- clean text is left alone ----------------------------------------------------------------------


@pytest.mark.parametrize("name", UD_FILES)
def test_every_ud_sentence_is_unchanged_by_every_cleaner(name, normalizer):
    sentences = ud_sentences(name)
    whole = "\n".join(sentences)
    for cleaner in CHAR_CLEANERS:
        assert cleaner(whole).text == whole, cleaner.__name__
        changed = [s for s in sentences if cleaner(s).text != s]
        assert changed == [], (cleaner.__name__, changed[:3])
    rules = chrome_rules()
    assert [s for s in sentences if rules.is_chrome(s) or date_line(s)] == []
    is_word = normalizer.segmenters("zh").is_word
    assert remove_spun(sentences[1:], sentences[0], str, is_word)[1] == 0


def test_vietnamese_diacritics_and_rare_characters_survive_byte_for_byte(normalizer):
    from normalize.records import Source

    text = "Ông Trần Văn Chánh (tổ dân phố 7) được tặng Giấy khen; thuỷ/thủy, hoà/hòa giữ nguyên.\n"
    text += "祝𠮷英、龚䶮明、㐀丂 获评“嘉兴好人”，事迹感人。"
    for cleaner in CHAR_CLEANERS:
        assert cleaner(text).text == text
    article = normalizer.normalize(Source("clean.txt", ("标题\n" + text).encode()))
    assert "祝𠮷英、龚䶮明、㐀丂" in article.text


# --- issue 11: sparse and doubled farm pinyin, anti-scraping strings, image names, weak mojibake ----


def test_doubled_and_toneless_annotations_go_even_when_sparse():
    text = (
        "现将2024年度劳动模范建议(yi)人选予以公示。"
        + "正文内容很长。" * 60
        + "以共和国(guo)(guo)勋章获得者为榜样。"
    )
    out = clean.remove_pinyin(text)
    assert "建议人选" in out.text and "共和国勋章" in out.text and out.removed == 3


@pytest.mark.parametrize(
    "text",
    ["罗定国家住垚(yáo)山村", "山东单(shàn)县的先进个人", "附件(a)为名单", "计划(e)"],
)
def test_glosses_of_rare_characters_and_unusual_readings_stay(text):
    assert clean.remove_pinyin(text).text == text


def test_anti_scraping_strings_go_and_codes_stay():
    text = "颁发牌匾。qX7rT2pLm 据了解，合作社通过了ISO9001认证，“智慧龙潭”APP和5G基站，微信支付WeChatPay。8dKf0aZ3mW"
    out = junk.strip_junk(text)
    assert out.text == "颁发牌匾。据了解，合作社通过了ISO9001认证，“智慧龙潭”APP和5G基站，微信支付WeChatPay。"
    assert out.removed == 2


def test_image_names_and_entities_go():
    out = junk.strip_junk("图为挂牌现场 DSC_0457.jpg\n微信图片_20230519151422.jpg\n&nbsp& &nbsp&本县举办活动")
    assert out.text == "图为挂牌现场\n\n 本县举办活动" and out.removed == 4
    assert junk.strip_junk("下载地址：https://example.cn/a/b.jpg").text == "下载地址："


@pytest.mark.parametrize("run, noise", [("qX7rT2pLm", True), ("u2fJk9", True), ("iPhone15Pro", False),
                                        ("COVID19", False), ("GB18030", False), ("MyBatisPlus", False)])  # fmt: skip
def test_what_reads_as_random(run, noise):
    assert junk.is_noise(run) is noise


def test_a_weakly_supported_mojibake_reading_is_not_written():
    """`。”她被派去` lost `她` and the lead byte of `被`: the repair guessed 一 (她一派去), a fluent
    word that is not the text; with no more evidence than that the run stays as it is."""
    broken = "我們會把這份鼓勵化作前行的動力?!彼慌扇ド絽^義診已有八年，走遍了全市四十多個村寨。"
    assert mojibake.repair(broken).text == broken


def test_the_quote_form_always_starts_with_a_full_stop():
    out = mojibake.repair("優秀護理團隊十個?!斑@些年我們走過的每一步都算數。")
    assert out.text == "優秀護理團隊十個。“這些年我們走過的每一步都算數。"
