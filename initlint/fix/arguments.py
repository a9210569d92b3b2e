"""Edits that set one argument of a call: replace its value where it is written (by keyword, or
at its position), else insert `name=value` after the last argument, in the call's own layout.
"""
from __future__ import annotations

import libcst as cst

from initlint.analysis.catalog import KERAS1_ARGUMENTS
from initlint.fix.locate import SourceIndex
from initlint.model import Edit, Span

# the Keras 1 spellings of an initializer parameter (`init=` is a Keras layer's kernel_initializer,
# or an Embedding's embeddings_initializer): a fix replaces them, as adding the new name beside
# them makes a call Keras rejects
_KERAS1_SPELLINGS: dict[str, set[str]] = {}
for _renames in KERAS1_ARGUMENTS.values():
    for _old, _new in _renames.items():
        if _new.endswith("_initializer"):
            _KERAS1_SPELLINGS.setdefault(_new, set()).add(_old)


def find_argument(call: cst.Call, name: str, position: int | None) -> cst.Arg | None:
    """The argument that binds parameter `name` (keyword, or the `position`-th positional one)."""
    for arg in call.args:
        if arg.keyword is not None and (arg.keyword.value == name or arg.keyword.value in _KERAS1_SPELLINGS.get(name, ())):
            return arg
    if position is None:
        return None
    positional: list[cst.Arg] = []
    for arg in call.args:
        if arg.keyword is not None or arg.star == "**":
            break
        if arg.star == "*":
            return None  # positions after *args are not known
        positional.append(arg)
    return positional[position] if position < len(positional) else None


def set_argument(index: SourceIndex, call: cst.Call, name: str, position: int | None, value: str) -> Edit | None:
    """Set parameter `name` of `call` to the source text `value`."""
    found = find_argument(call, name, position)
    if found is not None:
        span = index.span_of(found.value)
        return None if span is None else Edit(value, span)
    return insert_keyword(index, call, f"{name}={value}")


def insert_keyword(index: SourceIndex, call: cst.Call, text: str) -> Edit | None:
    """Insert `text` (a `name=value` argument) after the call's last argument.

    One-line calls get `, name=value`; a call with one argument per line gets a new line with the
    same indentation (after a trailing comma and any comment on its line, keeping the comma style).
    """
    nl = index.newline
    call_span = index.span_of(call)
    if call_span is None:
        return None
    if not call.args:
        func_span = index.span_of(call.func)
        if func_span is None:
            return None
        start = index.offset(func_span.end_line, func_span.end_column)
        end = index.offset(call_span.end_line, call_span.end_column)
        paren = index.source.find("(", start, end)
        if paren < 0:
            return None
        line, column = _position(index, paren + 1)
        return Edit(text, Span(line, column, line, column))
    last = call.args[-1]
    value_span = index.span_of(last.value)
    if value_span is None:
        return None
    start_span = index.span_of(last.keyword) if last.keyword is not None else value_span
    assert start_span is not None
    before = index.lines[start_span.line - 1][: start_span.column - 1]
    own_line = before.strip() == "" and start_span.line > call_span.line
    indent = before if own_line else ""
    value_end = index.offset(value_span.end_line, value_span.end_column)
    comma = _trailing_comma(index.source, value_end, index.offset(call_span.end_line, call_span.end_column))
    if comma is None:
        line, column = value_span.end_line, value_span.end_column
        content = f",{nl}{indent}{text}" if own_line else f", {text}"
        return Edit(content, Span(line, column, line, column))
    comma_line, comma_column = _position(index, comma)
    if own_line:
        end_column = index.line_end(comma_line)
        return Edit(f"{nl}{indent}{text},", Span(comma_line, end_column, comma_line, end_column))
    return Edit(f" {text},", Span(comma_line, comma_column + 1, comma_line, comma_column + 1))


def _trailing_comma(source: str, start: int, end: int) -> int | None:
    """Offset of the comma after the last argument, if the call writes one."""
    index = start
    while index < end:
        char = source[index]
        if char == ",":
            return index
        if char == "#":
            while index < end and source[index] not in "\r\n":
                index += 1
            continue
        if char in " \t\r\n\\":
            index += 1
            continue
        return None
    return None


def _position(index: SourceIndex, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a code-point offset."""
    import bisect

    line = bisect.bisect_right(index.line_starts, offset)
    return line, offset - index.line_starts[line - 1] + 1


def insertion_end(index: SourceIndex, node: cst.CSTNode) -> Edit | None:
    """An empty edit just after `node` (where `()` goes to call an uncalled initializer)."""
    span = index.span_of(node)
    if span is None:
        return None
    return Edit("", Span(span.end_line, span.end_column, span.end_line, span.end_column))
