"""`# noqa` comments: a pure function over (source text, diagnostics).

- `# noqa` on the reported line suppresses every diagnostic reported on that line;
- `# noqa: INI101` / `# noqa: INI101, INI201` only those codes (a prefix such as `INI1` works too);
- `# initlint: noqa` anywhere in the file, as a comment, suppresses the whole file;
  `# initlint: noqa: INI101` suppresses those codes in the whole file.

The inline regex is flake8's (`flake8/defaults.py`), case-insensitive, so the same comment
works for flake8, ruff (with `lint.external = ["INI"]`) and initlint. Only real comments count:
a `# noqa` inside a string does not suppress anything.
"""
from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from initlint.model import Diagnostic

NOQA_INLINE_REGEX = re.compile(
    # flake8's: "# noqa", optionally followed by ":" and a list of codes separated by commas/spaces
    r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?",
    re.IGNORECASE,
)
NOQA_FILE_REGEX = re.compile(
    r"#\s*initlint[:=]\s*noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"[,\s]+")
ALL = None  # a directive without codes: everything


@dataclass(frozen=True, slots=True)
class Directives:
    """What the comments of one file suppress: per line, and for the whole file."""

    lines: dict[int, frozenset[str] | None]  # line -> codes (None: all)
    file: frozenset[str] | None | bool  # False: no file-level directive; None: all; else codes


def _codes(match: re.Match[str]) -> frozenset[str] | None:
    codes = match.group("codes")
    if not codes:
        return ALL
    return frozenset(code.upper() for code in _SPLIT.split(codes) if code)


def _comments(source: str) -> Iterable[tuple[int, str]]:
    """(line, text) of every comment; falls back to a line scan when the file does not tokenize."""
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                yield token.start[0], token.string
    except (tokenize.TokenError, IndentationError, SyntaxError):
        for number, line in enumerate(source.splitlines(), start=1):
            index = line.find("#")
            if index != -1:
                yield number, line[index:]


def _merge(old: frozenset[str] | None | bool, new: frozenset[str] | None) -> frozenset[str] | None:
    if old is False:
        return new
    if old is None or new is None:
        return None
    return old | new  # type: ignore[operator]


def parse_directives(source: str) -> Directives:
    lines: dict[int, frozenset[str] | None] = {}
    file: frozenset[str] | None | bool = False
    if "noqa" not in source.lower():
        return Directives(lines, file)
    for line, comment in _comments(source):
        file_match = NOQA_FILE_REGEX.search(comment)
        if file_match:
            file = _merge(file, _codes(file_match))
            continue
        match = NOQA_INLINE_REGEX.search(comment)
        if match:
            lines[line] = _merge(lines.get(line, False), _codes(match))
    return Directives(lines, file)


def _covers(codes: frozenset[str] | None, code: str) -> bool:
    return codes is None or any(code.startswith(selector) for selector in codes)


def is_suppressed(directives: Directives, diagnostic: Diagnostic) -> bool:
    if directives.file is not False and _covers(directives.file, diagnostic.code):  # type: ignore[arg-type]
        return True
    line_codes = directives.lines.get(diagnostic.span.line, False)
    return line_codes is not False and _covers(line_codes, diagnostic.code)  # type: ignore[arg-type]


def suppress(source: str | None, diagnostics: Sequence[Diagnostic],
             unsuppressible: frozenset[str] = frozenset()) -> tuple[Diagnostic, ...]:
    """The diagnostics that no `# noqa` comment of `source` suppresses, in their order."""
    if not diagnostics or not source:
        return tuple(diagnostics)
    directives = parse_directives(source)
    if not directives.lines and directives.file is False:
        return tuple(diagnostics)
    return tuple(d for d in diagnostics if d.code in unsuppressible or not is_suppressed(directives, d))
