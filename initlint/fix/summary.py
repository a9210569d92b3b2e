"""The fix lines of the text output, in ruff's words (pure: the CLI prints them).

    [*] 2 fixable with `--fix` (1 unsafe fix available with `--fix --unsafe-fixes`).
    Would fix 2 errors (1 additional fix available with `--unsafe-fixes`).
    Fixed 3 errors:
    - models/cnn.py:
        2 × INI301 (tf1-default-stddev)
    Found 4 errors (3 fixed, 1 remaining).
"""
from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Sequence

from initlint.model import Diagnostic


def plural(count: int, word: str, suffix: str = "s") -> str:
    return f"{count} {word}{'' if count == 1 else suffix}"


def fixable_line(shown: int, hidden: int, unsafe: bool) -> str | None:
    """ruff's hint under the summary: what `--fix` would do, and what only `--unsafe-fixes` would."""
    extra = f" ({plural(hidden, 'unsafe fix', 'es')} available with `--fix --unsafe-fixes`)" if hidden else ""
    if shown:
        return f"[*] {shown} fixable with `--fix`{extra}."
    if hidden:
        return f"No fixes available{extra}."
    return None


def would_fix_line(count: int, hidden: int) -> str:
    extra = f" ({hidden} additional fix{'' if hidden == 1 else 'es'} available with `--unsafe-fixes`)" if hidden else ""
    if not count:
        return f"No errors would be fixed{extra}."
    return f"Would fix {plural(count, 'error')}{extra}."


def fixed_block(fixed: Sequence[tuple[str, Sequence[Diagnostic]]]) -> str:
    """`Fixed N errors:` then, per file, `    n × CODE (name)` (ruff's --show-fixes)."""
    total = sum(len(items) for _, items in fixed)
    lines = [f"Fixed {plural(total, 'error')}:"]
    for path, items in fixed:
        if not items:
            continue
        lines.append(f"- {path}:")
        counts = Counter((d.code, d.name) for d in items)
        for (code, name), count in sorted(counts.items()):
            lines.append(f"    {count} × {code} ({name})")
    return "\n".join(lines) + "\n"


def found_line(fixed: int, remaining: Sequence[Diagnostic]) -> str:
    """`Found 3 errors (2 fixed, 1 remaining).` once something was fixed."""
    total = fixed + len(remaining)
    return f"Found {plural(total, 'error')} ({fixed} fixed, {len(remaining)} remaining)."


def unified_diff(path: str, before: str, after: str) -> str:
    """ruff's --diff: `--- path` / `+++ path` and the hunks."""
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), path, path)
    text = ""
    for line in lines:
        text += line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
    return text
