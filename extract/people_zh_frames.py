"""The frames that mark where a Chinese person stands (credits, award phrases, lists, grids,
profiles, annotations), built once from the words of lexicons/people_zh.tsv."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.lexicon import alternation
from extract.text import HAN
from extract.tsv import read_blocks

PUNCTUATION = frozenset("，。、；：:;,.!?！？“”\"‘’'《》（）()【】[]「」『』﹕…—\n \t\u3000")


@dataclass(frozen=True)
class Frames:
    boundary: frozenset[str]  # characters that end a unit+position phrase when scanning back
    annotation: re.Pattern  # 王芳(女), 龙建新(苗族), (女，满族), (男,五十七岁,宜兰市)
    byline: re.Pattern  # （通讯员 许雅兰 彭红霞）
    byline_line: re.Pattern  # 编辑:时金, 图/羊城晚报记者 宋某 梁某
    byline_word: re.Pattern  # the credit words inside a credit
    byline_bare: re.Pattern  # 本报记者 岑思远 通讯员 祁显能: a line of credits and names only
    credit: re.Pattern  # 通讯员倪显能: a credit word right before a name
    credit_role: tuple[str, ...]  # 记者, 通讯员: credit words that are also the author's post
    columns: dict[str, str]  # table header -> "grid" (its cells are honoured) | "contact" (mentioned)
    figure_before: re.Pattern  # 学|雷锋: a figure in a campaign's name
    figure_after: re.Pattern  # 雷锋|精神: a figure standing for an ideal
    never_last: frozenset[str]  # characters that never end a three-character name
    never_in_cell: frozenset[str]  # characters never in the given name of a grid cell or credit
    frame_tail: tuple[str, ...]  # 对于X|来说: what a name never takes a character of
    after_name: re.Pattern  # words that start right after a name (等, 主持, 获评)
    after_title: re.Pattern  # 黄敏惠市长|也亲自表扬: words closing a name+position phrase (Taiwan order)
    aide: re.Pattern  # 副议长房绍棠|秘书: the aide of the one named after a position
    sex_after: dict[str, re.Pattern]  # "F": 邱芳玉|小姐, "M": 陈明|先生
    doctrine: re.Pattern  # 以X同志为核心的党中央
    attending: re.Pattern  # 出席会议的县领导还有X、Y
    lead_by: (
        re.Pattern
    )  # X|等领导同志会见, X|等县领导出席, X、Y|三位院领导: the leaders heading a group of leaders
    list_intro: re.Pattern  # 还有|X、Y
    attend_list: re.Pattern  # 市领导X、Y、Z参加, 市领导X、Y等亲切看望, 县领导X、…,Y等为劳模们送行
    credit_tail: re.Pattern  # …蔚然成风。(白续宏 张婷婷): the authors closing a paragraph
    credit_glued: re.Pattern  # …职工之家的温暖。汪诚: an author's name glued to the last sentence
    credit_photo: re.Pattern  # 演讲比赛第一名。孙永智摄: a caption line closed by its photographer
    credit_form: re.Pattern  # 作 者⏎(主创人员)⏎⏎邱某某: the authors named in a nomination form
    credit_photo_bracket: (
        re.Pattern
    )  # (新华网杨腾格尔摄), (资料图片/叶某摄), (黄某/文、摄): the credit in brackets
    credit_dateline: (
        re.Pattern
    )  # 本报讯 (李庚), …12月17日电(曹桢): the authors in a bracket after the dateline
    media_unit: tuple[str, ...]  # 蕲春台: a media unit credited beside the names in that bracket
    family_head_after: tuple[str, ...]  # 我省|成千珍家庭: what a family's head may follow
    lead_count: re.Pattern  # 孙家栋|等50名: the first of N honourees, right before 等 + a number
    award_subject: re.Pattern  # (，钟南山)被授予…: the verb whose subject opens the clause
    conferred: re.Pattern  # 授予王某等10名
    is_: re.Pattern  # 王芳是…书记
    of: re.Pattern  # …的王芳；
    list_clause: re.Pattern  # a clause (the finder keeps those holding a 、-list)
    item: re.Pattern
    list_end: re.Pattern
    award_before: re.Pattern  # 授予|张秀英
    paren: re.Pattern
    line: re.Pattern
    phrase_open: tuple[str, ...]  # 包括, 嘉宾: a unit+position phrase starts after them
    sub_body: tuple[
        str, ...
    ]  # 工会, 团委: a body inside another (公司工会副主席: the position is 工会副主席)
    title_unit: re.Pattern  # 县委, 团市委, 街道党工委: with 书记, one title
    grid_line: (
        re.Pattern
    )  # optional number, name (陈 桢 padded), optional (annotation), then unit and position
    profile: re.Pattern  # name, then 男/女, ethnicity, and the unit and position (matched at sentence starts)


@cache
def frames() -> Frames:
    words = read_blocks("people_zh.tsv")

    def any_of(kind: str) -> str:
        return alternation(words[kind]).pattern

    return Frames(
        boundary=PUNCTUATION | frozenset(words["boundary"]),
        annotation=re.compile(  # the sex and ethnicity first; age and home may follow (男,五十七岁,宜兰市)
            rf"[（(]((?:[男女][，,、])?[{HAN}]{{1,4}}族(?:[，,、][男女])?|女|男)(?:[，,、][^（）()\n]{{1,24}})?[）)]"
        ),
        byline=re.compile(rf"[（(]\s*((?:{any_of('byline_bracket')})[^（）()\n]{{1,60}})[）)]"),
        byline_line=re.compile(  # 【内容审核:孙某】: a credit line may sit in square brackets
            rf"(?m)^[ \t\u3000]*[【\[]?(?:{any_of('byline_line')})\s*[:：/／]\s*([^\n]{{1,40}}?)[】\]]?[ \t\u3000]*$"
        ),
        byline_word=re.compile(
            rf"{any_of('byline_word')}|(?:(?<=^)|(?<=[\s（(]))(?:{any_of('byline_short')})(?=[\s:：])"
        ),
        byline_bare=re.compile(
            rf"(?m)^[ \t\u3000]*[□■●◆]?[ \u3000]*(?:[{HAN}](?:[{HAN}]|[-－](?=[{HAN}])){{0,11}}?(?:{any_of('media_unit')}))?"
            rf"((?:{any_of('byline_bare')})[ \t\u3000]*[{HAN}][{HAN} \t\u3000]{{1,40}})$"
        ),
        credit=re.compile(  # 记者/罗某; not 设计师马某: 师 makes the credit word a profession
            rf"(?:{any_of('credit')})(?!师)(?:[ \u3000]{{0,2}}|[:：/／])(?=[{HAN}])"
        ),
        credit_role=tuple(words["credit_role"]),
        columns={
            **{w: "contact" for w in words["column_mentioned"]},
            **{w: "grid" for w in words["column_honoured"]},
        },
        figure_before=re.compile(rf"(?:{any_of('figure_before')})$"),
        figure_after=re.compile(any_of("figure_after")),
        never_last=frozenset(words["never_last"]),
        never_in_cell=frozenset(words["never_in_cell"]),
        frame_tail=tuple(words["frame_tail"]),
        after_name=re.compile(any_of("after_name")),
        after_title=re.compile(f"{any_of('after_name')}|{any_of('after_title')}"),
        aide=re.compile(any_of("aide")),
        sex_after={"F": re.compile(any_of("female_after")), "M": re.compile(any_of("male_after"))},
        doctrine=re.compile(rf"以([{HAN}]{{2,4}}?)(?:同志)?为(?:{any_of('doctrine_role')})的"),
        attending=re.compile(
            rf"(?:{any_of('attending')})[^，。；\n]{{0,12}}?(?:领导|嘉宾|来宾|贵宾|同志)(?:还)?(?:有|包括)[：:]?"
        ),
        list_intro=re.compile(rf"(?:{any_of('list_intro')})$"),
        lead_by=re.compile(  # X、Y、Z三位院领导共同出席: a count of leaders closes their list too
            rf"(?:等|[两三四五六七八九十几多]位)(?:[{''.join(words['title_level'])}]级?|中央|党和国家|[院校厂局所])?领导"
        ),
        attend_list=re.compile(
            rf"领导[：:]?((?:[{HAN}]{{2,4}}[、，,])*[{HAN}]{{2,4}}?)(?:等(?:同志|领导)?[{HAN}]{{0,4}}?)?(?:{any_of('attend_verb')})"
        ),
        credit_glued=re.compile(rf"[。！？!?”…]([{HAN}]{{2,3}})[ \t\u3000]*(?=\n|$)"),
        credit_dateline=re.compile(
            rf"(?:{any_of('dateline_end')})[ \u3000]*[（(]([{HAN}][{HAN} \u3000]{{1,30}})[）)]"
        ),
        media_unit=tuple(words["media_unit"]),
        family_head_after=tuple(words["family_head_after"]),
        credit_photo=re.compile(  # 颁奖现场。任某 吴某 摄: every name before the closing 摄
            rf"(?m)(?:^|[。！？!?\s])((?:[{HAN}]{{2,3}}[ \u3000、]+){{0,3}}[{HAN}]{{2,3}})[ \u3000]?摄[ \t\u3000]*$"
        ),
        credit_form=re.compile(  # 作 者⏎(主创人员)⏎⏎邱某某: the authors' box of a nomination form
            rf"(?m)^[ \t\u3000]*作[ \u3000]*者[ \t\u3000]*\n?[ \t\u3000]*[（(](?:{any_of('credit_form')})[）)]"
            rf"[ \t\u3000]*[:：]?\s*([{HAN}][{HAN} \t\u3000、，,]{{0,30}}[{HAN}])[ \t\u3000]*$"
        ),
        credit_photo_bracket=re.compile(
            rf"[（(][ \u3000]*(?:[{HAN}]{{1,6}}[/／])?(?:[{HAN}]{{1,6}}?(?:{any_of('media_unit')}))?[ \u3000]*([{HAN}]{{2,4}})"
            rf"(?:[ \u3000]?摄|[/／][文图](?:[、/／]?[文图摄])?)[ \u3000]*[）)]"
        ),
        lead_count=re.compile(r"等(?:[\d一二三四五六七八九十百千两]+(?:名|人|位|[（(]组)|同志[“\"「])"),
        award_subject=re.compile(rf"(?:同志)?(?:{any_of('subject_verb')})"),
        credit_tail=re.compile(
            rf"[。！？!?”…]\s*[（(]([{HAN}]{{2,4}}(?:[ \u3000]+[{HAN}]{{2,4}}){{0,3}})[）)][\s|]*(?=\n|$)"  # a table's closing | may follow
        ),
        conferred=re.compile(
            rf"(?:{any_of('conferred')})[：:]?([{HAN}]{{2,4}}?)等(?=[\d一二三四五六七八九十百千两]|同志|人)"
        ),
        is_=re.compile(
            rf"(?:^|(?<=[，。；：！？,;:!?\n”]))([{HAN}]{{2,4}}?)(?:同志)?是([^，。；,;\n]{{2,40}})"
        ),
        of=re.compile(rf"的([{HAN}]{{2,4}}?)(?=[；;，,。…]|[ \t\u3000]*(?:\n|$))"),  # 法庭的龙进品⏎
        list_clause=re.compile(r"[^，。；：:;,!?！？\n]+"),  # a clause: those holding 、 hold a list
        item=re.compile(r"[^、]+"),
        list_end=re.compile(  # 授予A、B|“乡村教师之星”称号: a quoted title after the last name ends it (not after 获“…”)
            rf"{any_of('list_end')}|[\d一二三四五六七八九十两]+[人名位]|(?<=[{HAN}])(?<![获评为授膺得选予])[“「『]"
        ),
        award_before=re.compile(rf"(?:{any_of('award_before')})$"),
        paren=re.compile(r"[（(]"),
        line=re.compile(r"[^\n]+"),
        phrase_open=tuple(words["phrase_open"]),
        sub_body=tuple(words["sub_body"]),
        title_unit=re.compile(
            rf"团?[{''.join(words['title_level'])}]委|[{''.join(words['title_place'])}]*党(?:工)?委"
        ),
        grid_line=re.compile(
            rf"^\s*(?:\d+\s*号|\d+[.、．]|[（(]\d+[）)])?\s*(?P<name>[{HAN}]{{2,4}}|[{HAN}][ \u3000][{HAN}](?=[ \t\u3000]))(?:[（(][^）)]*[）)])?[ \t\u3000]+(?P<rest>\S.*)$"
        ),
        profile=re.compile(
            rf"(?:[{HAN}]{{2,8}}?(?:{any_of('profile_title')})?)?(?P<name>[{HAN}]{{2,4}}?)"
            rf"(?:[（(](?P<ann>[^）)]{{1,8}})[）)])?"
            rf"[，,](?:(?P<sex>[男女])[，,])?(?:(?P<eth>[{HAN}]{{1,4}}族)[，,])?(?P<rest>[^，,。；\n]{{2,40}})[。；，,]"
        ),
    )
