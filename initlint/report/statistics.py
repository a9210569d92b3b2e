"""`--statistics`: how often each rule fired, as ruff prints it (count, code, name)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import click

from initlint.model import FileResult
from initlint.report._common import diagnostics, summary
from initlint.report.json import dumps


def _rows(results: Sequence[FileResult], unsafe_fixes: bool = True) -> list[tuple[int, str, str, bool]]:
    found = diagnostics(results)
    counts = Counter(d.code for d in found)
    names = {d.code: d.name for d in found}
    # fixable with these settings: an unsafe fix counts only with --unsafe-fixes (ruff #16756)
    fixable = {d.code for d in found if d.fix is not None and (d.fix.applicability == "safe" or unsafe_fixes)}
    ordered = sorted(counts, key=lambda code: (-counts[code], code))
    return [(counts[code], code, names[code], code in fixable) for code in ordered]


def render_text(results: Sequence[FileResult], *, color: bool = False, quiet: bool = False,
                unsafe_fixes: bool = True) -> str:
    rows = _rows(results, unsafe_fixes)
    lines = []
    if rows:
        count_width = max(len(str(row[0])) for row in rows)
        code_width = max(len(row[1]) for row in rows)
        any_fixable = any(row[3] for row in rows)
        for count, code, name, fixable in rows:
            marker = ("[*] " if fixable else "[ ] ") if any_fixable else ""
            count_text, code_text = f"{count:>{count_width}}", f"{code:<{code_width}}"
            if color:
                count_text = click.style(count_text, bold=True)
                code_text = click.style(code_text, fg="red", bold=True)
            lines.append(f"{count_text}\t{code_text}\t{marker}{name}")
    if not quiet:
        lines.append(summary(diagnostics(results), color))
    return "".join(line + "\n" for line in lines)


def render_json(results: Sequence[FileResult]) -> str:
    return dumps([{"code": code, "name": name, "count": count, "fixable": fixable}
                  for count, code, name, fixable in _rows(results)]) + "\n"
