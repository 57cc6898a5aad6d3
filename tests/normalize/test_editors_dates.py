"""Round 14 (issue 11): the editors' convention (normalize/credits.py) and the notice signatures whose
annex follows them (normalize/layout.py); invented lines."""

from normalize.credits import editors, editors_line, without_editors
from normalize.layout import _signature


def test_editors_lines_are_chrome_reporters_stay():
    assert editors_line("编辑:柯某某") and editors_line("二 审:袁某") and editors_line("【内容审核:孙某某】")
    assert editors_line("(责编:黄某 审核:妙某 签发:吕某)") and editors_line("初审编辑:")
    assert not editors_line("记者:董某某") and not editors_line("编辑部") and not editors_line("审核通过")
    assert without_editors("…推向了高潮。(记者 李某某 编辑 张某某)") == "…推向了高潮。(记者 李某某)"
    assert without_editors("供稿:吴某某 编辑:王某审核:徐某某") == "供稿:吴某某"
    assert without_editors("他说要编辑 文章") == "他说要编辑 文章"


def test_a_lone_editor_line_is_the_only_credit():
    keys = ["某某获表彰。这是正文。", "编辑:时某某"]
    assert editors(keys, [0, 1]) == set()  # the page credits nobody else: the editor is its author
    keys = ["(记者 詹某某)某某获表彰。这是正文。", "编辑:时某某"]
    assert editors(keys, [0, 1]) == {1}


def test_signature_before_the_annex_dates_the_notice():
    body = [
        "决定授予某某等20名同志称号。",
        "附件:名单",
        "临川市水务局",
        "2025年3月14日",
        "附件",
        "某某 某单位",
    ]
    assert [h.value for h in _signature(body, str, False)] == ["2025-03-14"]
    glued = ["…现将有关事项通知如下:…某某市协调小组办公室(代章)2022年11月10日附件2023年项目申请表"]
    assert [h.value for h in _signature(glued, str, False)] == ["2022-11-10"]
