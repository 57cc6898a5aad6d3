"""Bytes -> text in browser order: byte-order mark, HTTP charset, <meta> charset, then detection."""

from __future__ import annotations

import codecs
import re

from normalize.hanzi import plausibility
from normalize.records import Decoded, InputError, Source

# WHATWG encoding labels that Python spells differently (browsers decode GBK/GB2312 as GB18030).
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "chinese": "gb18030",
    "csgb2312": "gb18030",
    "gb_2312-80": "gb18030",
    "iso-ir-58": "gb18030",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "cn-big5": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "csbig5": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "l1": "cp1252",
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
    "x-unicode20utf8": "utf-8",
}
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML = re.compile(rb"<!doctype\s+html|<html|<head|<body|<meta|<div|<p[\s>]", re.I)
# control bytes no text has (tab, line breaks and ESC, 0x1b, are allowed): counted by deleting them
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_CJK = ("gb18030", "big5hkscs")
PLAUSIBLE = -11.0  # mean log-frequency above which a CJK decoding reads as real text


def canonical(label: str | None) -> str | None:
    """Python codec name for a charset label, or None when the label is unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared(source: Source) -> str | None:
    """The charset the HTTP header, or else a <meta> tag in the first 64 KB, declares."""
    ctype = source.content_type or ""
    m = re.search(r"charset\s*=\s*([^\s;]+)", ctype, re.I)
    if m and canonical(m.group(1)):
        return canonical(m.group(1))
    m = _META.search(source.data[:65536])
    return canonical(m.group(1).decode("ascii", "ignore")) if m else None


def looks_html(source: Source) -> bool:
    if "html" in (source.content_type or "").lower():
        return True
    if source.uri.lower().split("?")[0].endswith((".html", ".htm")):
        return True
    return bool(_HTML.search(source.data[:2048]))


def _errors(text: str) -> int:
    return text.count("\ufffd")


def _best_cjk(data: bytes) -> tuple[str, str, float]:
    """(encoding, text, error rate) of the CJK candidate with fewest errors, then most plausible."""
    high = max(1, sum(b > 127 for b in data))
    scored = []
    for enc in _CJK:
        text = data.decode(enc, "replace")
        rate = _errors(text) / high
        scored.append((rate, -plausibility(text), enc, text))
    rate, _, enc, text = min(scored)
    return enc, text, rate


def _single_byte(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1258", "cp1252", "iso8859_15", "cp1251"]).best()
    return (best.encoding, str(best)) if best is not None else None


def decode(source: Source) -> Decoded:
    data = source.data
    if not data.strip():
        raise InputError("empty file")
    head = data[:8192]
    if not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and (
        b"\x00" in head or len(head) - len(head.translate(None, _CONTROL_BYTES)) > len(head) // 100
    ):
        raise InputError("binary file, not text or HTML")
    html = looks_html(source)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return Decoded(source, data[len(bom) :].decode(enc, "replace"), enc, html)
    enc = declared(source)
    if enc:
        text = data.decode(enc, "replace")
        if _errors(text) <= max(2, len(data) // 2000):
            return Decoded(source, text, enc, html)
    if data.isascii():
        return Decoded(source, data.decode("ascii"), "ascii", html)
    try:
        return Decoded(source, data.decode("utf-8"), "utf-8", html)
    except UnicodeDecodeError:
        pass
    enc, text, rate = _best_cjk(data)
    if rate < 0.02 and plausibility(text) > PLAUSIBLE:
        return Decoded(source, text, enc, html)
    utf8 = data.decode("utf-8", "replace")
    if _errors(utf8) <= max(2, len(data) // 2000):
        return Decoded(source, utf8, "utf-8", html)
    single = _single_byte(data)
    if single is None:
        raise InputError(f"undecodable bytes (not UTF-8, GB18030 or Big5; {rate:.0%} invalid as {enc})")
    return Decoded(source, single[1], single[0], html)
