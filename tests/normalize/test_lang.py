import pytest
from conftest import seed_text

from normalize.convert import Converter
from normalize.lang import detect

conv = Converter().to_simplified


@pytest.mark.parametrize(
    "prefix, want",
    [
        ("000", ("zh", "hans")),
        ("001", ("zh", "hans")),
        ("002", ("zh", "hant")),
        ("003", ("zh", "hant")),
        ("004", ("vi", None)),
    ],
)
def test_seeds(prefix, want):
    assert detect(seed_text(prefix), conv) == want


@pytest.mark.parametrize(
    "text, want",
    [
        ("The city council honoured ten volunteers on Monday for their work.", ("other", None)),
        ("濟南市中區表彰一批「出彩型」好干部，馮玉鈺隨著醫療隊前往武漢。", ("zh", "hant")),
        ("Bà Nguyễn Thị Hoa được tặng Giấy khen vì có thành tích xuất sắc.", ("vi", None)),
    ],
)
def test_short_texts(text, want):
    assert detect(text, conv) == want
