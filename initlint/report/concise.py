"""`path:line:col: CODE message`, one per line, sorted; then ruff's summary line."""
from __future__ import annotations

from collections.abc import Sequence

import click

from initlint.model import Diagnostic, FileResult
from initlint.report._common import diagnostics, summary


def line(diagnostic: Diagnostic, color: bool = False, unsafe_fixes: bool = False) -> str:
    span = diagnostic.span
    fix = diagnostic.fix
    # ruff's marker: a fix that `--fix` would apply with these settings
    marker = "[*] " if fix is not None and fix.edits and (fix.applicability == "safe" or unsafe_fixes) else ""
    if not color:
        return f"{diagnostic.path}:{span.line}:{span.column}: {diagnostic.code} {marker}{diagnostic.message}"
    colon = click.style(":", fg="cyan")
    return (f"{click.style(diagnostic.path, bold=True)}{colon}{span.line}{colon}{span.column}{colon} "
            f"{click.style(diagnostic.code, fg='red', bold=True)} {click.style(marker, fg='cyan') if marker else ''}{diagnostic.message}")


def render(results: Sequence[FileResult], *, color: bool = False, quiet: bool = False,
           unsafe_fixes: bool = False) -> str:
    found = diagnostics(results)
    lines = [line(d, color, unsafe_fixes) for d in found]
    if not quiet:
        lines.append(summary(found, color))
    return "".join(f"{text}\n" for text in lines)
