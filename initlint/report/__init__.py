"""Output formats: one module per format, behind a registry of name -> render(results) -> str.

Every render function takes the list of FileResult (and the keyword options `color`, `quiet`,
which only the text formats use) and returns the whole output as a string; none prints.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from initlint.model import FileResult
from initlint.report import concise, full, github, gitlab, json, json_lines, junit, sarif, statistics

Renderer = Callable[..., str]

FORMATS: dict[str, Renderer] = {
    "concise": concise.render,
    "full": full.render,
    "json": json.render,
    "json-lines": json_lines.render,
    "github": github.render,
    "gitlab": gitlab.render,
    "sarif": sarif.render,
    "junit": junit.render,
}
DEFAULT_FORMAT = "concise"
# formats whose --statistics are JSON rather than ruff's text table
JSON_STATISTICS = frozenset({"json", "json-lines"})


def render_diagnostics(format_name: str, results: Sequence[FileResult], **options: Any) -> str:
    """Render `results` in `format_name` (one of FORMATS); options: color, quiet."""
    try:
        renderer = FORMATS[format_name]
    except KeyError:
        raise ValueError(f"unknown output format {format_name!r} (expected one of: {', '.join(FORMATS)})") from None
    return renderer(list(results), **options)


def render_statistics(format_name: str, results: Sequence[FileResult], **options: Any) -> str:
    if format_name in JSON_STATISTICS:
        return statistics.render_json(list(results))
    return statistics.render_text(list(results), **options)
