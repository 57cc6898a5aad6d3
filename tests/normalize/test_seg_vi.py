"""Vietnamese segmentation: span invariants on tricky input, then each rule of rules/vi_rules.tsv."""

from __future__ import annotations

import random
import unicodedata

import pytest

from normalize.seg_vi import ALL_RULES, RULES, VietnameseSegmenter

LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


@pytest.fixture(scope="module")
def seg() -> VietnameseSegmenter:
    return VietnameseSegmenter()


@pytest.fixture(scope="module")
def plain() -> VietnameseSegmenter:
    return VietnameseSegmenter(rules=())


def words(seg: VietnameseSegmenter, text: str) -> list[str]:
    return [text[a:b] for a, b in seg.spans(text)]


def check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """In order, no overlap, no space at either end, every non-space character in exactly one span,
    whitespace never a token, no span across a line break or a tab."""
    pos = 0
    for a, b in spans:
        assert pos <= a < b <= len(text), (text, spans)
        assert text[pos:a].isspace() or pos == a, (text, pos, a)
        assert not text[a].isspace() and not text[b - 1].isspace(), (text, a, b)
        assert not any(c in LINE_BREAKS + "\t" for c in text[a:b]), (text, a, b)
        pos = b
    assert not text[pos:] or text[pos:].isspace(), (text, pos)


TRICKY = [
    "",
    "   ",
    "\n\n\t \r\n",
    "ông Trần Văn Chánh - tổ dân phố 7",
    "a_b c__d _x_ snake_case_name",
    unicodedata.normalize("NFD", "Ông Trần Văn Chánh được tặng Giấy khen của Chủ tịch UBND phường."),
    "Trần\tVăn\nChánh\r\nđược\u2028khen\u2029.",
    "xem https://vnexpress.net/thoi-su/a_b-123.html, hoặc (http://x.vn/?q=1&b=2).",
    "liên hệ ubnd.p7@hcm.gov.vn.",
    "Dân số 45.940.313 người, tăng 94,7%; giá 10 . 000 đồng, nặng 1 , 9 kg.",
    '“Tấm gương sáng” và "người tốt" ‘việc tốt’ «x»',
    "ngày 20/11/2023, 9-1987, 15-20 phút, 2019-2020, tháng 11/2023",
    "x\u200by \ufeffXin chào\u00adbạn \u200d",
    "Cafe\u0301 ở Ha\u0300 Nô\u0323\u0302i",  # NFD with marks in a non-canonical order
    "\u0301\u0303 a \u0301",  # marks with nothing to sit on
    "👨‍👩‍👧 gia đình 🇻🇳 Việt Nam ✅",
    "UBND. TP. Hồ Chí Minh, PGS.TS Lê Văn A, đ/c Võ Thị Sáu, Nguyễn Văn A.",
    "... ==> -> >> !!! ??? …",
    "A B C D E F G H I K L M N O P Q R S T U V X Y",
    "ÔNG TRẦN VĂN CHÁNH - TỔ DÂN PHỐ 7",
    "quen quen ghi ghi chép chép Người người",
    "١٢٣ ๑๒๓ ²³ ½ Ⅻ",
]


@pytest.mark.parametrize("text", TRICKY)
def test_spans_hold_on_tricky_text(seg, text):
    check_spans(text, seg.spans(text))


def test_spans_hold_on_random_text(seg):
    alphabet = list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĐHTN0123456789 .,;:!?-/_%“”\"'()…\t\n\r\xa0\u200b\u0301")
    alphabet += ["ông ", "Trần ", "Văn ", "Chánh ", " . ", "10 . 000 ", "http://x.vn/a_b ", "ướ", "H. "]
    rng = random.Random(7)
    for _ in range(1500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        if rng.random() < 0.3:
            text = unicodedata.normalize("NFD", text)
        check_spans(text, seg.spans(text))


def test_long_text_keeps_every_word(seg):
    line = "Ông Trần Văn Chánh - tổ dân phố 7 được tặng Giấy khen vì đã có thành tích xuất sắc. "
    text = "\n".join(line * 20 for _ in range(60))  # ~100,000 characters
    spans = seg.spans(text)
    check_spans(text, spans)
    assert len(spans) == len(words(seg, line)) * 20 * 60


def test_nfd_text_gives_the_same_words_as_nfc(seg):
    nfc = "Bà Lê Thị Hồng Nhung, Chi hội trưởng Chi hội Phụ nữ khu phố 3, nhận Bằng khen."
    nfd = unicodedata.normalize("NFD", nfc)
    assert len(nfd) > len(nfc)
    assert [unicodedata.normalize("NFC", w) for w in words(seg, nfd)] == words(seg, nfc)


def test_underscores_are_symbols_not_word_joints(seg):
    assert words(seg, "tổ_dân_phố 7") == ["tổ", "_", "dân", "_", "phố", "7"]


def test_a_word_never_spans_a_line_break_or_a_tab(seg):
    assert words(seg, "Trần Văn\nChánh") == ["Trần Văn", "Chánh"]
    assert words(seg, "Trần Văn\tChánh") == ["Trần Văn", "Chánh"]
    assert words(seg, "Họ và tên:\tNguyễn Văn A")[-1] == "Nguyễn Văn A"
    assert words(seg, "dân\r\nsố") == ["dân", "số"]


def test_multi_syllable_words_span_their_inner_spaces(seg):
    text = "ông  Trần  Văn  Chánh"
    assert words(seg, text) == ["ông", "Trần  Văn  Chánh"]


def test_urls_emails_and_quotes(seg):
    assert words(seg, "xem https://x.vn/a_b.html, rồi") == ["xem", "https://x.vn/a_b.html", ",", "rồi"]
    assert words(seg, "gửi ubnd@hcm.gov.vn.") == ["gửi", "ubnd@hcm.gov.vn", "."]
    assert words(seg, "“Tấm gương”")[0] == "“" and words(seg, "“Tấm gương”")[-1] == "”"


def test_without_rules_it_is_pyvi(plain):
    from pyvi import ViTokenizer

    for text in [
        'Thanh bắt chuyện với Hùng và nói : " Tôi trông ông quen quen ? " .',
        "Bộ Công an , Sở Giáo dục và Đào tạo cùng Hội Cựu chiến binh quận 1 tham dự .",
        "Hà Nội là thủ đô . Việt Nam đạt 94,7 % dân số , tức 45.940.313 người .",
    ]:
        assert [w.replace(" ", "_") for w in words(plain, text)] == ViTokenizer.tokenize(text).split()


def test_unknown_rule_is_refused():
    with pytest.raises(ValueError, match="unknown"):
        VietnameseSegmenter(rules=("numbers", "nonsense"))


def test_every_rule_line_says_why():
    kinds = {"cue", "abbr", "noredup", "surname", "opener"}
    for line in RULES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, value, why = line.split("\t")
            assert kind in kinds and value.strip() == value and value and len(why) > 5, line


# numbers


@pytest.mark.parametrize(
    "text, expected",
    [
        ("dân số 45.940.313 người", ["dân số", "45.940.313", "người"]),
        ("đạt 94,7% kế hoạch", ["đạt", "94,7%", "kế hoạch"]),
        ("gần 90 % các vụ", ["gần", "90 %", "các", "vụ"]),
        ("giá 10 . 000 đồng", ["giá", "10 . 000", "đồng"]),
        ("nặng 1 , 9 kg", ["nặng", "1 , 9", "kg"]),
        ("ngày 20/11/2023 và 20-11-2023", ["ngày", "20/11/2023", "và", "20-11-2023"]),
        ("tháng 9-1987 và 11/2023", ["tháng", "9-1987", "và", "11/2023"]),
        ("chừng 15-20 phút", ["chừng", "15", "-", "20", "phút"]),
        ("các năm 2019-2020", ["các", "năm", "2019", "-", "2020"]),
    ],
)
def test_numbers(seg, text, expected):
    assert words(seg, text) == expected


# names


@pytest.mark.parametrize(
    "text, name",
    [
        ("ông Trần Văn Chánh - tổ dân phố 7", "Trần Văn Chánh"),
        ("Ông Trần Văn Chánh cho biết", "Trần Văn Chánh"),
        ("bà Lê Thị Hồng Nhung, tổ 5", "Lê Thị Hồng Nhung"),
        ("khen thưởng chị Phạm Thị Mỹ Dung", "Phạm Thị Mỹ Dung"),
        ("Đồng chí Nguyễn Văn Hùng, Bí thư Đảng ủy phường", "Nguyễn Văn Hùng"),
        ("của đ/c Võ Thị Sáu", "Võ Thị Sáu"),
        ("em Lê Minh Khôi, học sinh lớp 5A", "Lê Minh Khôi"),
        ("trao cho ông Nguyễn Văn A.", "Nguyễn Văn A"),
        ("chị Nguyễn Thị H. cho biết", "Nguyễn Thị H."),
        ("vào trường Nguyễn Đình Chiểu học", "Nguyễn Đình Chiểu"),
        ("Mới 16 tuổi, Nguyễn Văn Quí tình nguyện nhập ngũ", "Nguyễn Văn Quí"),
    ],
)
def test_person_names_are_one_word(seg, text, name):
    assert name in words(seg, text)


def test_a_name_after_an_address_term_stops_at_lower_case(seg):
    assert words(seg, "cô Kim ốm nên") == ["cô", "Kim", "ốm", "nên"]
    assert words(seg, "Mẹ Việt Nam Anh hùng Nguyễn Thị Thứ")[-2:] == ["Anh hùng", "Nguyễn Thị Thứ"]


def test_organisations_keep_their_words(seg):
    assert words(seg, "Hội Liên hiệp Phụ nữ Việt Nam") == ["Hội", "Liên hiệp", "Phụ nữ", "Việt Nam"]
    assert words(seg, "Bộ Công an và Sở Giáo dục") == ["Bộ", "Công an", "và", "Sở", "Giáo dục"]
    assert words(seg, "Hội Cựu chiến binh phường") == ["Hội", "Cựu chiến binh", "phường"]


def test_a_name_does_not_run_into_the_next_word(seg):
    assert words(seg, "ở Trường Sơn biên địa")[:3] == ["ở", "Trường Sơn", "biên"]


def test_sentence_initial_capital_is_no_name(seg):
    assert words(seg, "Nhà Hải không nghèo. Vậy Kim trong sáng?")[:2] == ["Nhà", "Hải"]
    assert words(seg, "Nhà Hải không nghèo. Vậy Kim trong sáng?")[5:7] == ["Vậy", "Kim"]
    assert words(seg, "Hà Nội là thủ đô. Việt Nam đạt")[0] == "Hà Nội"
    assert words(seg, "Hà Nội là thủ đô. Việt Nam đạt 5 huy chương")[4:6] == ["Việt Nam", "đạt"]
    assert words(seg, "Nguyễn Văn Quí tình nguyện")[0] == "Nguyễn Văn Quí"


def test_abbreviations(seg):
    assert words(seg, "của UBND.") == ["của", "UBND", "."]
    assert words(seg, "TP. Hồ Chí Minh") == ["TP.", "Hồ Chí Minh"]


# reduplication


def test_reduplicated_syllables_are_one_word(seg):
    assert words(seg, "trông ông quen quen ?") == ["trông", "ông", "quen quen", "?"]
    assert words(seg, "ghi ghi , chép chép") == ["ghi ghi", ",", "chép chép"]
    assert words(seg, "của mình mình biết")[:3] == ["của", "mình", "mình"]


def test_each_rule_can_be_switched_off(seg):
    text = "giá 10 . 000 đồng , quen quen"
    assert words(VietnameseSegmenter(rules=[r for r in ALL_RULES if r != "numbers"]), text)[1:4] == [
        "10",
        ".",
        "000",
    ]
    assert "quen quen" not in words(VietnameseSegmenter(rules=["numbers"]), text)
