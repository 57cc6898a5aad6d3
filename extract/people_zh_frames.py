"""The frames that mark where a Chinese person stands (credits, award phrases, lists, grids,
profiles, annotations), built once from the words of lexicons/people_zh.tsv."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.lexicon import alternation
from extract.tsv import read_blocks

HAN = "\u4e00-\u9fff"
PUNCTUATION = frozenset("，。、；：:;,.!?！？“”\"‘’'《》（）()【】[]…—\n \t\u3000")


@dataclass(frozen=True)
class Frames:
    boundary: frozenset[str]  # characters that end a unit+position phrase when scanning back
    annotation: re.Pattern  # 王芳(女), 龙建新(苗族), (女，满族)
    byline: re.Pattern  # （通讯员 许雅兰 彭红霞）
    byline_line: re.Pattern  # 编辑:时金
    byline_word: re.Pattern  # the credit words inside a credit
    conferred: re.Pattern  # 授予王某等10名
    is_: re.Pattern  # 王芳是…书记
    of: re.Pattern  # …的王芳；
    list_clause: re.Pattern  # only clauses holding a 、-list
    item: re.Pattern
    list_end: re.Pattern
    award_before: re.Pattern  # 授予|张秀英
    paren: re.Pattern
    line: re.Pattern
    title_unit: re.Pattern  # 县委, 团市委, 街道党工委: with 书记, one title
    grid_line: re.Pattern  # optional number, name, optional (annotation), then unit and position
    profile: re.Pattern  # name, then 男/女, ethnicity, and the unit and position


@cache
def frames() -> Frames:
    words = read_blocks("people_zh.tsv")

    def any_of(kind: str) -> str:
        return alternation(words[kind]).pattern

    return Frames(
        boundary=PUNCTUATION | frozenset(words["boundary"]),
        annotation=re.compile(
            rf"[（(](女|男|[{HAN}]{{1,4}}族|女[，,、][{HAN}]{{1,4}}族|[{HAN}]{{1,4}}族[，,、]女|男[，,、][{HAN}]{{1,4}}族)[）)]"
        ),
        byline=re.compile(rf"[（(]\s*((?:{any_of('byline_bracket')})[^（）()\n]{{1,60}})[）)]"),
        byline_line=re.compile(rf"(?m)^\s*(?:{any_of('byline_line')})\s*[:：]\s*(.{{1,40}})$"),
        byline_word=re.compile(any_of("byline_word")),
        conferred=re.compile(
            rf"(?:{any_of('conferred')})[：:]?([{HAN}]{{2,4}}?)等(?=[\d一二三四五六七八九十百千两]|同志|人)"
        ),
        is_=re.compile(rf"(?:^|(?<=[，。；：！？,;:!?\n”]))([{HAN}]{{2,4}}?)是([^，。；,;\n]{{2,40}})"),
        of=re.compile(rf"的([{HAN}]{{2,4}}?)(?=[；;，,。…])"),
        list_clause=re.compile(r"[^，。；：:;,!?！？\n、]*、[^，。；：:;,!?！？\n]*"),
        item=re.compile(r"[^、]+"),
        list_end=re.compile(any_of("list_end")),
        award_before=re.compile(rf"(?:{any_of('award_before')})$"),
        paren=re.compile(r"[（(]"),
        line=re.compile(r"[^\n]+"),
        title_unit=re.compile(
            rf"团?[{''.join(words['title_level'])}]委|[{''.join(words['title_place'])}]*党(?:工)?委"
        ),
        grid_line=re.compile(
            rf"^\s*(?:\d+\s*号|\d+[.、．]|[（(]\d+[）)])?\s*(?P<name>[{HAN}]{{2,4}})(?:[（(][^）)]*[）)])?[ \t\u3000]+(?P<rest>\S.*)$"
        ),
        profile=re.compile(
            rf"(?:^|(?<=[。；\n]))(?:[{HAN}]{{2,8}}?(?:{any_of('profile_title')})?)?(?P<name>[{HAN}]{{2,4}}?)"
            rf"(?:[（(](?P<ann>[^）)]{{1,8}})[）)])?"
            rf"[，,](?:(?P<sex>[男女])[，,])?(?:(?P<eth>[{HAN}]{{1,4}}族)[，,])?(?P<rest>[^，,。；\n]{{2,40}})[。；，,]"
        ),
    )
