"""ruff's JSON: a list of diagnostics with code, name, severity, location, fix, url, noqa_row, data."""
from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from initlint.model import Diagnostic, FileResult, Span
from initlint.report._common import diagnostics, jsonable, url


def _location(line: int, column: int) -> dict[str, int]:
    return {"row": line, "column": column}


def _range(span: Span) -> dict[str, dict[str, int]]:
    return {"location": _location(span.line, span.column), "end_location": _location(span.end_line, span.end_column)}


def record(diagnostic: Diagnostic) -> dict[str, Any]:
    fix = diagnostic.fix
    return {
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity,
        "message": diagnostic.message,
        "filename": diagnostic.path,
        **_range(diagnostic.span),
        "fix": None if fix is None else {
            "applicability": fix.applicability,
            "message": fix.message,
            "edits": [{"content": edit.content, **_range(edit.span)} for edit in fix.edits],
        },
        "url": url(diagnostic),
        "noqa_row": diagnostic.span.line,
        "data": jsonable(diagnostic.data),
    }


def dumps(value: Any, indent: int | None = 2) -> str:
    separators = None if indent else (",", ":")
    return json.dumps(value, indent=indent, sort_keys=True, ensure_ascii=False, separators=separators)


def render(results: Sequence[FileResult], **_: Any) -> str:
    return dumps([record(d) for d in diagnostics(results)]) + "\n"
