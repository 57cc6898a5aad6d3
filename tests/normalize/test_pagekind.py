"""The page-kind test the crawler and WARC ingest share, in process, on the sample site's pages and
on pages written here."""

from conftest import SAMPLES

from normalize.pagekind import is_page, page_kind

SITE = SAMPLES / "site"


def read(path) -> str:
    return path.read_bytes().decode("utf-8", "replace")


def test_the_sample_sites_list_about_and_article_pages_are_told_apart():
    assert page_kind(read(SITE / "news" / "list_1.html")) == "list"
    assert page_kind(read(SITE / "about.html")) == "other"
    assert page_kind(read(SITE / "news" / "2024" / "0308-gulou-wechat.html")) == "article"


def test_link_share_and_own_text_decide():
    links = "".join(f'<li><a href="/n/{i}.html">第{i}篇表彰先进个人的新闻标题</a></li>' for i in range(20))
    body = "<p>" + "经研究决定，授予张明远同志“优秀共产党员”称号。" * 6 + "</p>"
    assert page_kind(f"<html><body><ul>{links}</ul></body></html>") == "list"
    assert page_kind(f"<html><body>{body}<ul>{links[:200]}</ul></body></html>") == "article"
    assert page_kind("<html><body><p>联系我们：电话 0871-1234567</p></body></html>") == "other"
    assert page_kind("") == "other"
    script = "<script>" + "var x = 1;" * 100 + "</script>"
    assert page_kind(f"<html><body>{script}<p>短</p></body></html>") == "other"  # scripts are no text


def test_robots_txt_is_never_a_page():
    assert not is_page("http://example.test/robots.txt")
    assert is_page("http://example.test/news/robots.txt.html")
