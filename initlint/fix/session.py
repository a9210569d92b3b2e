"""What `--fix` and `--diff` do over a run's files: fix each file's text, then write it (or diff
it). Files are written here; nothing is printed (the CLI prints what this returns)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from initlint.fix import FixOutcome, applicable, fix_source
from initlint.fix.files import Changed, write_fixed
from initlint.fix.summary import unified_diff
from initlint.model import Diagnostic, FileResult
from initlint.settings import Settings


@dataclass
class FixSession:
    results: list[FileResult]  # the lint after fixing (unchanged files keep their result)
    fixed: list[tuple[str, tuple[Diagnostic, ...]]] = field(default_factory=list)  # per shown path
    diff: str = ""
    problems: list[str] = field(default_factory=list)  # files left as they were, and why
    stdin_source: str | None = None  # standard input's fixed text, under --fix

    @property
    def fixed_count(self) -> int:
        return sum(len(items) for _, items in self.fixed)


def fix_files(files: list[tuple[Path | None, str]], results: list[FileResult], settings: Settings, *,
              unsafe: bool, write: bool) -> FixSession:
    """`files[i]` (path on disk, or None for standard input; path as shown) was linted as `results[i]`."""
    session = FixSession(results=list(results))
    for position, ((disk, shown), result) in enumerate(zip(files, results)):
        if result.source is None or not any(applicable(d, unsafe) for d in result.diagnostics):
            if disk is None and result.source is not None:
                session.stdin_source = result.source
            continue
        outcome: FixOutcome = fix_source(result.source, result.path, settings, unsafe, result)
        if not outcome.changed:
            if disk is None:
                session.stdin_source = result.source
            continue
        if not write:
            session.diff += unified_diff(shown, outcome.original, outcome.source)
            session.fixed.append((shown, outcome.fixed))
            continue
        if disk is None:
            session.stdin_source = outcome.source
        else:
            try:
                write_fixed(disk, outcome.original, outcome.source)
            except Changed:
                session.problems.append(f"{shown}: changed on disk since it was read; not fixed")
                continue
            except OSError as error:
                session.problems.append(f"{shown}: cannot write the fixes: {error.strerror or error}")
                continue
        session.fixed.append((shown, outcome.fixed))
        session.results[position] = outcome.result
    return session
