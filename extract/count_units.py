"""What a Chinese count counts (extract/counts.py finds the counts): people, units, households, views
or votes, read from its classifier, the words right after it and the kind of its honour."""

from __future__ import annotations

import re

from extract.count_context import times_honoured
from extract.count_words import words

_VIEW_BEFORE = re.compile(r"访问|浏览|阅读|观看|点击|播放|收看")
_VIEW_AFTER = re.compile(r"^(?:观看|围观|收看|参与|点赞|次)")
_MODIFIER = re.compile(r"[^，,、。；;：:“”「」\d]{2,30}?的")  # 13个…表现卓越的单位: what describes the noun


def unit_zh(
    text: str,
    m: re.Match,
    honour_kind: str | None,
    honour_before: bool = False,
    title: str = "",
    honour_next: bool = False,
) -> str | None:
    """What the count counts (person, collective, household, view, vote), or None when it counts none
    of them (历经3个月): the classifier says most, the words after it and its honour's kind the rest."""
    cls, after = m.group("cls"), text[m.end() : m.end() + 14]
    before = text[max(0, m.start() - 8) : m.start()]
    if cls == "个" and (title.endswith("项目") or after.startswith("项目")):
        return None  # 最佳志愿服务项目30个, 1个项目: projects, neither people nor units
    if words().not_counted.match(after) and cls in ("个", "次"):
        return None  # 历经3个月, 两个方面: a length of time or a list of points
    if cls == "人次" and times_honoured(text, m):
        return "person"  # 受表彰奖励有10人次, 被评为…641人次: honours counted per award
    if cls == "人次" or (cls == "人" and _VIEW_AFTER.match(after)):
        return "view"
    if cls == "名" and honour_before and honour_kind == "collective":
        return "collective"  # 优秀组织奖(3名): units counted by their prize
    if cls in ("集体", "校", "队", "间"):  # 四集体和一个人, 竹山3校获…奖, 选出…的40队, 等5间办事处: units
        return "collective"
    if cls in ("名", "人", "位"):
        return "person"
    if cls == "户":
        return "household"
    if cls == "票":
        return "vote"
    if cls == "次":
        return "view" if _VIEW_BEFORE.search(before) else None
    if after.startswith("人"):  # 十个人
        return "person"
    if words().household_noun.match(after) and cls != "家":
        return "household"
    if honour_before and title.endswith(("家庭", "户")):
        return "household"  # 全国文明家庭1家: a title of families right before counts households
    if honour_before and words().collective_end.search(title):
        return "collective"  # 五四红旗团支部3个: the title right before names units
    if cls == "个" and honour_next and words().collective_end.search(title):
        return "collective"  # 100个全国优秀公安局, 1个“见义勇为先进群体”: the title right after names units
    if honour_kind in ("collective", "household") or (
        honour_kind == "person" and honour_before and cls == "个"
    ):
        return honour_kind  # 全国五一劳动奖章1088个: persons counted by their medal
    if words().collective_noun.match(after):
        return "collective"
    if cls == "个" and before.endswith("等") and words().place_unit.match(text, m.end()):
        return "collective"  # 授予赣州市等6个设区市…称号: places named by a lead name are the counted
    if honour_kind == "person" and honour_next and cls == "个":
        return "person"  # 319个上海市五一劳动奖章 (not 22个“最美奋斗者”集体): persons counted by their medal
    if honour_kind is None and honour_next and cls == "个" and words().person_end.search(title):
        return "person"  # 11个巴南工匠: a title of people no lexicon knows, right after the count
    described = _MODIFIER.match(text, m.end()) if cls in ("个", "家") else None
    if described and words().collective_noun.match(text[described.end() : described.end() + 6]):
        return "collective"  # 颁奖给13个…评鉴表现卓越的单位: the noun a long description keeps apart
    lead = re.sub(r"(?:共|计|共计|合计|有|达)$", "", before)  # 寺庙共5家,分别为…: the units named before
    return "collective" if cls in ("家", "个", "所") and words().collective_end.search(lead) else None
