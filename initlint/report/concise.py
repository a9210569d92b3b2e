"""`path:line:col: CODE message`, one per line, sorted; then ruff's summary line."""
from __future__ import annotations

from collections.abc import Sequence

import click

from initlint.model import Diagnostic, FileResult
from initlint.report._common import diagnostics, summary


def line(diagnostic: Diagnostic, color: bool = False) -> str:
    span = diagnostic.span
    if not color:
        return f"{diagnostic.path}:{span.line}:{span.column}: {diagnostic.code} {diagnostic.message}"
    colon = click.style(":", fg="cyan")
    return (f"{click.style(diagnostic.path, bold=True)}{colon}{span.line}{colon}{span.column}{colon} "
            f"{click.style(diagnostic.code, fg='red', bold=True)} {diagnostic.message}")


def render(results: Sequence[FileResult], *, color: bool = False, quiet: bool = False) -> str:
    found = diagnostics(results)
    lines = [line(d, color) for d in found]
    if not quiet:
        lines.append(summary(found, color))
    return "".join(f"{text}\n" for text in lines)
