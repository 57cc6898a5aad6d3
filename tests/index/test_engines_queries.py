"""What a query means, the same on both engines, through the real `honours search` (issue 12.11,
12.12, 13.6): words in a search for people are looked for in the article they appear in when no person
has them in their own fields; an unquoted Chinese run finds what the same run quoted finds. And
the engines stay behind index/engine.py without an import circle (issue 14)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ENGINES, ROOT, run_honours

AWARD_2023 = """县委县政府关于表彰2023年度劳动模范的决定
发布日期：2024-04-28
2023年，全县广大职工群众奋发进取、开拓创新，涌现出一大批先进模范人物。为表彰先进、树立典型，县委、县政府决定，授予李建国、王永强、张秀英等20名同志“石林县劳动模范”称号。
希望受表彰的同志珍惜荣誉，戒骄戒躁，在各自岗位上再创佳绩。根据第二批第007号稿件的安排，各单位要认真组织学习。
"""
AWARD_2021 = """市总工会关于表彰2021年度五一劳动奖章获得者的通报
发布日期：2021-04-30
为大力弘扬劳模精神、劳动精神、工匠精神，市总工会决定，对孙立新、周海燕、吴建华等15名同志予以表彰，授予“五一劳动奖章”。
各级工会组织要广泛宣传先进事迹，引导广大职工立足岗位、建功立业，在推动高质量发展中展现新作为。
"""
MEETING_2023 = """社区召开2023年度工作部署会
发布日期：2023-02-15
2月15日，桃源社区召开2023年度工作部署会。社区党委书记刘德华主持会议，社区主任陈丽萍通报了上年度工作情况。
会议要求，全体社区工作者要提高认识、压实责任，扎实做好新一年的各项工作，为居民提供更好的服务。
"""


@pytest.fixture(scope="module", params=ENGINES)
def honours(request, tmp_path_factory):
    root = tmp_path_factory.mktemp(f"queries-{request.param}")
    src = root / "in"
    src.mkdir()
    for name, text in (
        ("award2023.txt", AWARD_2023),
        ("award2021.txt", AWARD_2021),
        ("meeting.txt", MEETING_2023),
    ):
        (src / name).write_text(text, encoding="utf-8")
    args = ("--data-dir", str(root / "data"), "--engine", request.param)
    done = run_honours(*args, "ingest", str(src))
    assert done.returncode == 0, done.stderr
    return args


def search(honours, query: str, *filters: str) -> dict:
    done = run_honours(*honours, "search", *filters, "--json", "--limit", "100", "--", query)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def names(found: dict) -> set[str]:
    return {h["name"] for h in found["hits"]}


def test_a_word_no_person_has_finds_the_people_of_the_articles_with_it(honours):
    found = search(honours, "表彰", "--kind", "person", "--year", "2023")
    assert {"李建国", "王永强", "张秀英"} <= names(found)
    assert not names(found) & {"孙立新", "周海燕", "吴建华", "刘德华", "陈丽萍"}  # 2021; no 表彰
    assert found["total"] == len(found["hits"])
    assert {"孙立新", "周海燕", "吴建华"} <= names(search(honours, "表彰", "--kind", "person"))


def test_a_word_in_a_persons_own_fields_still_means_that_person(honours):
    assert names(search(honours, "李建国", "--kind", "person")) == {"李建国"}  # not the others of his article
    assert names(search(honours, "李建国 表彰", "--kind", "person")) == {"李建国"}
    assert names(search(honours, "刘德华 表彰", "--kind", "person")) == set()  # his article has no 表彰
    assert names(search(honours, "党委书记", "--kind", "person")) == {"刘德华"}  # a role, not the article
    assert "刘德华" not in names(search(honours, "表彰", "--kind", "person"))
    assert names(search(honours, "-表彰", "--kind", "person")) == {
        "刘德华",
        "陈丽萍",
    }  # excluded the same way


def test_an_unquoted_chinese_run_finds_what_it_finds_quoted(honours):
    quoted = search(honours, '"第二批第007号稿件"')
    unquoted = search(honours, "第二批第007号稿件")
    assert quoted["total"] >= 1 and unquoted["total"] == quoted["total"]
    assert {h["id"] for h in unquoted["hits"]} == {h["id"] for h in quoted["hits"]}
    assert unquoted["hits"][0]["title"] == "县委县政府关于表彰2023年度劳动模范的决定"


def test_the_engines_are_found_by_name_without_an_import_circle():
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "index").glob("*.py"))
    tool = ROOT / "tests" / "shared" / "tools" / "import_circles.py"
    done = subprocess.run(
        [sys.executable, str(tool), *files], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stdout.strip() == "", done.stdout
    source = (ROOT / "index" / "engine.py").read_text(encoding="utf-8")
    assert "import index.tantivy_engine" not in source and "from index.tantivy_engine" not in source
    assert "from index.whoosh_engine" not in source


def test_words_keep_their_meaning_inside_or_branches(honours):
    """Each word of an OR is read as it is alone: one no person has, in the people's articles."""
    found = names(search(honours, "刘德华 OR 表彰", "--kind", "person", "--year", "2023"))
    assert {"刘德华", "李建国", "王永强", "张秀英"} <= found
    assert not found & {"孙立新", "周海燕", "吴建华", "陈丽萍"}
    assert names(search(honours, "(党委书记 OR 李建国) -刘德华", "--kind", "person")) == {"李建国"}
    assert names(search(honours, "刘德华 OR -表彰", "--kind", "person")) == {"刘德华", "陈丽萍"}
