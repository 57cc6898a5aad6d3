import codecs
import os

import pytest

from normalize.decode import decode
from normalize.records import InputError, Source

SCRIPT = "<script>" + "var a = function (x) { return x * 2; }; console.log('tracking');\n" * 260 + "</script>"
SIMPLIFIED = "王芳是鼓楼街道桃源社区党委书记，获评“最美奋斗者”。"
TRADITIONAL = "瀏陽市稅務局淮川分局黨支部書記藍波獲得一等獎。"


def page(body: str, head: str = SCRIPT) -> str:
    return f"<html><head><title>t</title>{head}</head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    "body, encoding, want",
    [
        (SIMPLIFIED, "gbk", "gb18030"),
        (SIMPLIFIED, "gb18030", "gb18030"),
        (TRADITIONAL, "big5", "big5hkscs"),
        (TRADITIONAL, "gbk", "gb18030"),
        ("祝𠮷英，女，秀洲区王江泾镇村民；龚䶮明，男，退休教师", "gb18030", "gb18030"),
        (SIMPLIFIED[:6], "gbk", "gb18030"),
        (TRADITIONAL[:5], "big5", "big5hkscs"),
    ],
)
def test_undeclared_cjk_pages_after_16kb_of_script_decode_cleanly(body, encoding, want):
    data = page(body).encode(encoding)
    assert data.index(b"<p>") > 16000
    doc = decode(Source("page.html", data))
    assert doc.encoding == want and body in doc.text and doc.is_html


def test_declarations_are_followed_in_browser_order():
    data = page(SIMPLIFIED, '<meta charset="gb2312">').encode("gbk")
    assert decode(Source("x.html", data)).encoding == "gb18030"
    http = Source(
        "http://example.com/a", page(TRADITIONAL, "").encode("big5"), content_type="text/html; charset=big5"
    )
    assert TRADITIONAL in decode(http).text
    bom = codecs.BOM_UTF8 + page(SIMPLIFIED, '<meta charset="gbk">').encode("utf-8")
    assert SIMPLIFIED in decode(Source("x.html", bom)).text


def test_a_wrong_declaration_falls_back_to_detection():
    data = page(SIMPLIFIED, '<meta charset="utf-8">').encode("gbk")
    assert SIMPLIFIED in decode(Source("x.html", data)).text


def test_utf8_vietnamese_is_not_mistaken_for_gb18030():
    text = "Trần Văn Chánh được biểu dương, khen thưởng."
    assert decode(Source("x.txt", text.encode())).text == text


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"  \n\n", "empty"),
        (b"\x00\x01\x02PK\x03\x04" * 100, "binary"),
        (bytes(range(128, 256)) * 30, "undecodable"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data, reason):
    with pytest.raises(InputError, match=reason):
        decode(Source("x.bin", data))


def test_random_bytes_are_refused():
    with pytest.raises(InputError):
        decode(Source("x.bin", os.urandom(5000)))
