"""The concise line, then the source line with a caret under the span, the data numbers and the fix."""
from __future__ import annotations

from collections.abc import Sequence

import click

from initlint.model import Diagnostic, FileResult
from initlint.report import concise
from initlint.report._common import data_line, diagnostics, summary


def _source_lines(results: Sequence[FileResult]) -> dict[str, list[str]]:
    return {result.path: result.source.splitlines() for result in results if result.source is not None}


def _snippet(diagnostic: Diagnostic, lines: list[str] | None, color: bool) -> list[str]:
    span = diagnostic.span
    if not lines or not 1 <= span.line <= len(lines):
        return []
    text = lines[span.line - 1]
    start = min(max(span.column, 1), len(text) + 1)
    end = span.end_column if span.end_line == span.line else len(text) + 1
    width = max(end - start, 1)
    gutter = " " * len(str(span.line))
    # keep tabs so that the caret lines up under the same characters
    indent = "".join("\t" if char == "\t" else " " for char in text[: start - 1])
    carets = "^" * width + " " + diagnostic.code
    if color:
        carets = click.style(carets, fg="red", bold=True)
    return [f"{gutter} |", f"{span.line} | {text}", f"{gutter} | {indent}{carets}", f"{gutter} |"]


def render(results: Sequence[FileResult], *, color: bool = False, quiet: bool = False,
           unsafe_fixes: bool = False) -> str:
    found = diagnostics(results)
    sources = _source_lines(results)
    blocks: list[str] = []
    for diagnostic in found:
        block = [concise.line(diagnostic, color, unsafe_fixes), *_snippet(diagnostic, sources.get(diagnostic.path), color)]
        data = data_line(diagnostic)
        if data:
            block.append(f"  = data: {data}")
        if diagnostic.fix is not None:
            block.append(f"  = help: {diagnostic.fix.message}")
        blocks.append("\n".join(block) + "\n")
    if not quiet:
        blocks.append(summary(found, color) + "\n")
    return "\n".join(blocks)
