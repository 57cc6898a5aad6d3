"""The interface strings in three languages (strings.toml), and the library's English messages as
the page shows them in each language (messages.toml)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path

WEB = Path(__file__).parent
STRINGS: dict[str, dict[str, str]] = tomllib.loads((WEB / "strings.toml").read_text(encoding="utf-8"))
MESSAGES: list[dict[str, str]] = tomllib.loads((WEB / "messages.toml").read_text(encoding="utf-8"))["message"]
PATTERNS = [(re.compile(m["pattern"]), m) for m in MESSAGES]
LANGUAGES = ("zh", "vi", "en")


def ui_language(params: Mapping[str, str]) -> str:
    lang = params.get("lang", "zh")
    return lang if lang in LANGUAGES else "zh"


def translator(lang: str) -> tuple[Callable[..., str], Callable[[str, object], str]]:
    def t(key: str, **values) -> str:
        """The string in the interface language; `{lang}_one` where it has one and n is 1 (English plurals)."""
        forms = STRINGS[key]
        return forms.get(f"{lang}_one" if values.get("n") == 1 else lang, forms[lang]).format(**values)

    def label(prefix: str, value) -> str:
        """A stored code (kind, unit, status, relation...) in the interface language; unknown ones as they are."""
        key = f"{prefix}{value}"
        return STRINGS[key][lang] if key in STRINGS else str(value)

    return t, label


def localised(message: str, lang: str) -> str:
    """A message the library wrote in English (a bad query), in the interface language: the first
    pattern of messages.toml that matches it, its groups filled in; unmatched, it stays English."""
    if lang == "en":
        return message
    for pattern, row in PATTERNS:
        m = pattern.search(message)
        if m:
            return row[lang].format(**m.groupdict())
    return message
