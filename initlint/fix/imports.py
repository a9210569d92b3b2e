"""Adding an import line when the module a replacement spells is not reachable under any name."""
from __future__ import annotations

from initlint.fix.locate import SourceIndex
from initlint.model import Edit, Span


def import_edit(index: SourceIndex, statement: str, binds: str) -> Edit | None:
    """An edit adding `statement` (which binds the name `binds`) after the file's last top-level
    import, or after the docstring and `__future__` imports; None if `binds` is already taken."""
    if binds in index.bound or binds in index.aliases:
        return None
    nl = index.newline
    if index.import_lines:
        line = max(index.import_lines)
        column = index.line_end(line)
        return Edit(nl + statement, Span(line, column, line, column))
    line = min(index.body_start, len(index.lines))
    if index.body_start > len(index.lines) or (index.body_start == len(index.lines) and index.lines[-1] == ""
                                              and index.body_start > 1):
        # nothing after the docstring: append at the end
        line = len(index.lines)
        column = index.line_end(line)
        prefix = "" if index.lines[-1] == "" else nl
        return Edit(prefix + statement + nl, Span(line, column, line, column))
    return Edit(statement + nl, Span(line, 1, line, 1))
