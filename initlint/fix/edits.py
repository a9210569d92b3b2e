"""Applying fixes to a source text: edits by span, conflicts, and a libcst parse of the result.

Edits are spliced into the text at their spans, so every byte outside them stays as it was. A
fix is all-or-nothing: it is applied only if none of its edits overlaps an edit already taken
(an identical edit, which two fixes of one shared initializer make, counts once). The result
must parse (libcst); if it does not, nothing is applied.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from initlint.model import Diagnostic, Edit, Fix, Span


@dataclass(frozen=True, slots=True)
class Applied:
    source: str  # the new text (the old one if nothing applied)
    applied: tuple[Diagnostic, ...]  # the diagnostics whose fixes went in
    edits: tuple[Edit, ...]  # the edits that went in, in text order


def _line_starts(source: str) -> list[int]:
    starts = [0]
    index = 0
    length = len(source)
    while index < length:
        char = source[index]
        if char == "\r":
            if index + 1 < length and source[index + 1] == "\n":
                index += 1
            starts.append(index + 1)
        elif char == "\n":
            starts.append(index + 1)
        index += 1
    return starts


def _offsets(source: str, starts: list[int], span: Span) -> tuple[int, int]:
    def one(line: int, column: int) -> int:
        if line > len(starts):
            return len(source)
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(source)
        # the line's text without its ending
        text_end = end
        while text_end > start and source[text_end - 1] in "\r\n":
            text_end -= 1
        return min(start + column - 1, text_end)

    return one(span.line, span.column), one(span.end_line, span.end_column)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Ranges [s, e) conflict if they share a character, or an insertion sits inside or at the edge
    of the other (two insertions at one point conflict too: their order would be a guess)."""
    (s1, e1), (s2, e2) = a, b
    if s1 == e1 or s2 == e2:
        return s2 <= s1 <= e2 or s1 <= s2 <= e1
    return s1 < e2 and s2 < e1


def applicable(diagnostic: Diagnostic, unsafe: bool) -> bool:
    fix = diagnostic.fix
    return fix is not None and bool(fix.edits) and (fix.applicability == "safe" or unsafe)


def apply_fixes(source: str, diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> Applied:
    """Apply the fixes of `diagnostics` that the applicability allows, in diagnostic order,
    skipping any that conflict with one already taken."""
    starts = _line_starts(source)
    taken: dict[tuple[int, int, str], Edit] = {}
    ranges: list[tuple[tuple[int, int], str]] = []
    applied: list[Diagnostic] = []
    ordered = sorted((d for d in diagnostics if applicable(d, unsafe)),
                     key=lambda d: (_first(d.fix), d.span.line, d.span.column, d.code))  # type: ignore[arg-type]
    for diagnostic in ordered:
        fix = diagnostic.fix
        assert fix is not None
        mine: list[tuple[tuple[int, int], Edit]] = []
        ok = True
        for edit in fix.edits:
            start, end = _offsets(source, starts, edit.span)
            key = (start, end, edit.content)
            if key in taken or any(r == (start, end) and c == edit.content for r, c in ((m[0], m[1].content) for m in mine)):
                continue  # the same edit from another fix of a shared site
            if any(_overlaps((start, end), other) for other, _ in ranges) or \
                    any(_overlaps((start, end), other) for other, _ in mine):
                ok = False
                break
            mine.append(((start, end), edit))
        if not ok:
            continue
        for (start, end), edit in mine:
            taken[(start, end, edit.content)] = edit
            ranges.append(((start, end), edit.content))
        applied.append(diagnostic)
    if not taken:
        return Applied(source, (), ())
    pieces: list[str] = []
    cursor = 0
    for start, end, content in sorted(taken, key=lambda key: (key[0], key[1])):
        pieces.append(source[cursor:start])
        pieces.append(content)
        cursor = end
    pieces.append(source[cursor:])
    result = "".join(pieces)
    if not parses(result):
        return Applied(source, (), ())
    edits = tuple(taken[key] for key in sorted(taken, key=lambda key: (key[0], key[1])))
    return Applied(result, tuple(applied), edits)


def _first(fix: Fix) -> tuple[int, int]:
    return min(((edit.span.line, edit.span.column) for edit in fix.edits), default=(0, 0))


def parses(source: str) -> bool:
    import libcst as cst  # here, not at the top: a run whose results all come from the cache never loads it

    from initlint.analysis.guard import run_deep
    from initlint.analysis.project import parse_text

    try:
        # a big stack: deep (valid) nesting would overflow the C stack. Through the parse cache: the
        # re-lint that verifies the fixes (fix._verified) reads the same tree instead of parsing again
        run_deep(parse_text, source)
    except (cst.ParserSyntaxError, RecursionError):
        return False
    return True


def line_map(edits: Sequence[Edit]):  # noqa: ANN201 - Callable[[int], int]
    """Old line -> new line after `edits` (an edit moves the lines below it by the lines it adds)."""
    shifts = sorted((edit.span.end_line, edit.content.count("\n") - (edit.span.end_line - edit.span.line))
                    for edit in edits)

    def mapped(line: int) -> int:
        return line + sum(delta for end_line, delta in shifts if end_line < line)

    return mapped
