"""The features of the `is_commendation` classifier that bench/tagger/train_commendation.py tried (a
negative result: it stays out of extract/). What the rules decided on the page (cue score, each kind
of evidence, honourees, collectives and counts found), the cue words of
extract/lexicons/commendation_cues.tsv in the title and the body, a few title shapes (公示, 名单,
决定, 通知, 申报, quyết định, thông báo, hỏi đáp …) and tense words (荣获 / 拟, đã / sẽ)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.commendation import _found, cues, evidence, score

_TITLE = {
    name: re.compile(p)
    for name, p in (
        ("notice", r"公示|公告|公布|thông báo|công bố"),
        ("list", r"名单|名录|榜单|danh sách"),
        ("decision", r"决定|通报|quyết định"),
        ("circular", r"通知|办法|条例|规定|方案|细则|hướng dẫn|quy định|nghị định|thông tư"),
        ("apply", r"申报|推荐|报名|征集|评选活动|开展|启动|đề nghị|hồ sơ|đăng ký|phát động"),
        ("question", r"[？?]|吗|如何|怎么|什么|là gì|thế nào|bao nhiêu|hỏi đáp|có được"),
        ("ceremony", r"大会|典礼|仪式|颁奖|lễ|trao|tặng|đón nhận"),
        ("won", r"荣获|获评|获得|获|荣膺|授予|喜报|nhận|được tặng|được trao|vinh danh|tuyên dương"),
        ("past", r"逝|去世|追忆|回顾|历史|bác hồ|lịch sử"),
        ("feature", r"事迹|故事|风采|榜样|人物|gương"),
    )
}
_TEXT = {
    name: re.compile(p)
    for name, p in (
        ("won", r"荣获|获评|被授予|获得了|荣膺|đã được|được trao|được tặng|đón nhận"),
        ("to_come", r"拟|将于|即将|推荐对象|候选人|sẽ|dự kiến|đề nghị"),
        ("decide", r"决定授予|决定表彰|决定对|quyết định tặng|quyết định khen"),
        ("list", r"名单如下|名单[：:]|以下|如下|sau đây|gồm:"),
    )
}


@dataclass(frozen=True)
class Found:
    """What the rules found on the page, as the model reads it."""

    talks: bool
    kind: str | None
    honourees: int
    collectives: int
    counts: int


def _bucket(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2-3" if n <= 3 else "4+"


def features(title: str, text: str, lang: str, found: Found, rules: bool = True) -> dict[str, float]:
    """The page's features; `rules=False` leaves out what the rules decided (text features only)."""
    out = {"bias": 1.0}
    if rules:
        decided = {
            "talks": str(found.talks),
            "kind": str(found.kind),
            "hon": _bucket(found.honourees),
            "col": _bucket(found.collectives),
            "cnt": _bucket(found.counts),
            "named": str(found.honourees + found.collectives > 0),
            "score": _bucket(score(title, text) // 3),
        }
        for side, points in evidence(title, text).items():
            decided[side] = _bucket(points // 2)
        for k, v in decided.items():
            out[f"{k}={v}"] = 1.0
            out[f"{lang}:{k}={v}"] = 1.0
    head, body = title.lower(), text.lower()
    table = cues()
    for cue in _found(head) & table.keys():
        out[f"t:{cue}"] = 1.0
    for cue in _found(body) & table.keys():
        out[f"b:{cue}"] = 1.0
    for name, pattern in _TITLE.items():
        if pattern.search(head):
            out[f"{lang}:title_{name}"] = 1.0
    for name, pattern in _TEXT.items():
        if pattern.search(body):
            out[f"{lang}:text_{name}"] = 1.0
    return out
