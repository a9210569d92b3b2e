"""What every reporter shares: deterministic order, rule metadata, summaries, JSON-safe data."""
from __future__ import annotations

import math
import os
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

import click

from initlint.model import Diagnostic, FileResult

if TYPE_CHECKING:
    from initlint.rules.base import Rule

TOOL = "initlint"
INFORMATION_URI = "https://github.com/initlint/initlint"


def sort_key(diagnostic: Diagnostic) -> tuple:
    span = diagnostic.span
    return (PurePath(diagnostic.path).parts, span.line, span.column, diagnostic.code, diagnostic.message)


def diagnostics(results: Iterable[FileResult]) -> list[Diagnostic]:
    """Every diagnostic, sorted by file, line, column, code."""
    return sorted((d for result in results for d in result.diagnostics), key=sort_key)


def rule(code: str) -> "Rule | None":
    """The registered rule for `code` (imported on first use: `--version` need not load the rules)."""
    from initlint import rules

    return rules.RULES_BY_CODE.get(code)


def url(diagnostic: Diagnostic) -> str | None:
    found = rule(diagnostic.code)
    return found.url if found else None


def posix(path: str) -> str:
    return path.replace(os.sep, "/") if os.sep != "/" else path


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(found: Sequence[Diagnostic], color: bool = False) -> str:
    """ruff's closing line: `Found 3 errors.` / `All checks passed!`."""
    if not found:
        return click.style("All checks passed!", fg="green", bold=True) if color else "All checks passed!"
    infos = sum(1 for d in found if d.severity == "info")
    note = f" ({infos} info)" if infos else ""
    return f"Found {plural(len(found), 'error')}{note}."


def jsonable(value: Any) -> Any:
    """Plain JSON values: tuples as lists, NaN and infinities as null, anything else as text."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [jsonable(item) for item in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    return str(value)


def format_number(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format(value, ".4g")
    if value is None:
        return "null"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(format_number(item) for item in value) + "]"
    return str(value)


def data_line(diagnostic: Diagnostic) -> str:
    """`fan_in=784, std=1, glorot_std=0.05` (the traceback of INI902 is left to --verbose)."""
    return ", ".join(f"{key}={format_number(value)}" for key, value in diagnostic.data.items()
                     if key != "traceback" and not isinstance(value, dict))
