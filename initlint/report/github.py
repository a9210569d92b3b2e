"""GitHub Actions workflow commands: `::warning title=...,file=...,line=...::path:line:col: CODE message`.

Escaping follows actions/toolkit (`packages/core/src/command.ts`): data escapes % CR LF;
property values also escape `:` and `,`. `col`/`endColumn` are only given on single-line spans,
because the runner drops the inline annotation otherwise.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from initlint.model import Diagnostic, FileResult
from initlint.report._common import diagnostics, posix

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(diagnostic: Diagnostic) -> str:
    span = diagnostic.span
    path = posix(diagnostic.path)
    properties = [f"title={escape_property(f'initlint ({diagnostic.code})')}",
                  f"file={escape_property(path)}", f"line={span.line}"]
    if span.line == span.end_line:
        properties += [f"col={span.column}", f"endLine={span.end_line}",
                       f"endColumn={max(span.end_column, span.column)}"]
    else:
        properties.append(f"endLine={span.end_line}")
    message = f"{path}:{span.line}:{span.column}: {diagnostic.code} {diagnostic.message}"
    return f"::{LEVELS.get(diagnostic.severity, 'warning')} {','.join(properties)}::{escape_data(message)}"


def render(results: Sequence[FileResult], **_: Any) -> str:
    return "".join(command(d) + "\n" for d in diagnostics(results))
