"""The command line's argument types: whole numbers and seconds within bounds, with a one-line
message when a value is out of them (argparse shows it as a usage error)."""

from __future__ import annotations

import argparse

MAX_LIMIT, MAX_OFFSET = 1000, 100_000  # hits a search prints at once; how deep it may page


def number(value: str, least: int, most: int, cast=int, unit: str = "a whole number"):
    try:
        found = cast(value)
    except ValueError:
        found = None
    if found is None or not least <= found <= most:
        raise argparse.ArgumentTypeError(f"must be {unit} from {least} to {most}, not {value!r}")
    return found


def count(value: str) -> int:
    return number(value, 0, 10**9)


def positive(value: str) -> int:
    return number(value, 1, 10**6)


def port(value: str) -> int:
    return number(value, 0, 65535)


def limit(value: str) -> int:
    return number(value, 0, MAX_LIMIT)


def offset(value: str) -> int:
    return number(value, 0, MAX_OFFSET)


def seconds(value: str) -> float:
    return number(value, 0, 3600, float, "a number of seconds")
