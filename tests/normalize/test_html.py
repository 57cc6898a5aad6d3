import pytest

from normalize import html
from normalize.decode import decode
from normalize.records import InputError, Source

WECHAT = """<html><head><meta charset="utf-8"><title>标题</title></head><body><div id="js_content">
<section><section><span>12月12日下午，</span><span>总结会在盘龙云上数字赋能产业园举行。</span></section></section>
<section><span>王芳是鼓楼街道桃源社区党委书记，</span><span>多年来一直致力于解决居民生活中的困难和问</span><span>题。</span></section>
<section><br></section>
<section><p>李超在工作中总是积极思考、勇于创新，始终将科技创新与生产紧密联系。</p></section>
<section><span>获表彰的还有</span>
<span>林晓燕</span>
<span>、吴海生等9人。</span></section>
</div></body></html>"""


def lines_of(markup: str) -> tuple[str, ...]:
    return html.extract(decode(Source("x.html", markup.encode()))).lines


def test_wechat_sections_keep_their_paragraph_breaks():
    lines = lines_of(WECHAT)
    assert "12月12日下午，总结会在盘龙云上数字赋能产业园举行。" in lines
    assert "王芳是鼓楼街道桃源社区党委书记，多年来一直致力于解决居民生活中的困难和问题。" in lines
    assert any(line.startswith("李超在工作中") for line in lines)


def test_no_spaces_are_inserted_between_chinese_characters():
    text = "\n".join(lines_of(WECHAT))
    assert "获表彰的还有林晓燕、吴海生等9人。" in text
    assert "问 题" not in text and "问\n题" not in text


def test_metadata_comes_from_the_page():
    markup = WECHAT.replace(
        "<title>标题</title>",
        '<title>标题</title><meta property="article:published_time" content="2024-01-22">',
    )
    page = html.extract(decode(Source("https://mp.example.cn/s/abc?x=1", markup.encode())))
    assert page.site == "mp.example.cn"
    assert [h.value for h in page.dates] == ["2024-01-22"]


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><ul><li><a href='/a'>首页</a></li><li><a href='/b'>联系我们</a></li></ul></body></html>",
        "<html><head></head><body></body></html>",
    ],
)
def test_html_with_no_article_is_refused(markup):
    with pytest.raises(InputError, match="no article"):
        html.extract(decode(Source("x.html", markup.encode())))
