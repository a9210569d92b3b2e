"""Fixes: rewrite a risky initializer into one that suits its fans (pure functions, no I/O).

* `attach_fixes(result, settings)` gives each diagnostic of a FileResult its `Fix` (or none), after
  checking the fixes on the text: applied together, every fixed finding must be gone on a re-lint
  and no new finding may appear where they edited; a fix that fails this is not offered.
* `apply_fixes(source, diagnostics, unsafe)` splices the applicable fixes into the text (conflicts
  wait for the next round; the result must parse).
* `fix_source(source, path, settings, unsafe)` lints, fixes and lints again until nothing
  applicable is left: what `--fix` and `--diff` run for each file.

Safety (ruff's applicability): mechanical rewrites that keep the initial values' distribution are
"safe" (calling an uncalled initializer class with the defaults TensorFlow would use; replacing a
deprecated initializer with its exact equivalent). Everything that changes the initial values
(He / LeCun instead of a fixed stddev, a copied scope initializer, contrib's normal variance
scaling replaced by TF's, which differs by 0.3%) is "unsafe": it changes training results.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from initlint.fix.edits import Applied, applicable, apply_fixes, line_map, parses
from initlint.model import Diagnostic, FileResult, Fix
from initlint.settings import Settings

MAX_ROUNDS = 8  # --fix re-lints and fixes again until nothing applicable is left
_VERIFY_ROUNDS = 6


@dataclass(frozen=True, slots=True)
class FixOutcome:
    path: str
    original: str
    source: str  # the fixed text (== original when nothing applied)
    fixed: tuple[Diagnostic, ...]  # the diagnostics whose fixes went in, over all rounds
    result: FileResult  # the lint of the fixed text, with its remaining fixes attached

    @property
    def changed(self) -> bool:
        return self.source != self.original


def plan_fixes(result: FileResult) -> dict[int, Fix]:
    """Unchecked fixes by diagnostic position (see attach_fixes for the checked ones)."""
    if result.source is None or not result.diagnostics:
        return {}
    if any(d.code in ("INI900", "INI901", "INI902") for d in result.diagnostics):
        return {}  # the engine refused or failed to parse it: a second parse could crash the process
    from initlint.analysis.guard import run_deep
    from initlint.fix.locate import index_source
    from initlint.fix.plan import FIXABLE_CODES, Planner

    if not any(d.certain and d.code in FIXABLE_CODES for d in result.diagnostics):
        return {}  # nothing to plan: indexing a big module cost more than a second (common_layers.py)

    try:
        index = run_deep(index_source, result.source)  # deep (valid) nesting needs a big stack
    except Exception:  # a file libcst cannot parse has no fixes (and an INI901 already)
        return {}
    planner = Planner(result, index)
    planned: dict[int, Fix] = {}
    for position, diagnostic in enumerate(result.diagnostics):
        try:
            found = planner.fix(diagnostic)
        except Exception:  # a planner bug must not stop the lint: the diagnostic keeps no fix
            found = None
        if found is not None and found.edits:
            planned[position] = found
    return planned


def attach_fixes(result: FileResult, settings: Settings | None = None, verify: bool = True) -> FileResult:
    """`result` with a checked Fix on every diagnostic that has one."""
    planned = plan_fixes(result)
    if not planned:
        return result
    if verify:
        planned = _verified(result, planned, settings or Settings())
    if not planned:
        return result
    diagnostics = tuple(replace(d, fix=planned[i]) if i in planned else d for i, d in enumerate(result.diagnostics))
    return replace(result, diagnostics=diagnostics)


def _verified(result: FileResult, planned: dict[int, Fix], settings: Settings) -> dict[int, Fix]:
    """Apply the planned fixes together and re-lint; drop every fix whose finding survives or that
    brings a new finding onto a line it edited, until the rest pass (or none is left)."""
    from initlint.engine import analyze_source

    source = result.source or ""
    before = [(d.code, d.span.line) for d in result.diagnostics]
    planned = dict(planned)
    pending = set(planned)
    for _ in range(_VERIFY_ROUNDS):
        if not pending:
            break
        candidates = [replace(result.diagnostics[i], fix=planned[i]) for i in sorted(pending)]
        by_identity = {id(c): i for c, i in zip(candidates, sorted(pending))}
        out = apply_fixes(source, candidates, unsafe=True)
        if not out.applied:
            break
        after = analyze_source(out.source, result.path, settings)
        mapped = line_map(out.edits)
        if any(d.code in ("INI901", "INI902") for d in after.diagnostics):
            rejected = {by_identity[id(d)] for d in out.applied}
        else:
            rejected = _rejected(out, after, before, mapped, by_identity)
        if rejected:
            for i in rejected:
                planned.pop(i, None)
                pending.discard(i)
            continue
        pending -= {by_identity[id(d)] for d in out.applied}
    for i in pending:  # never checked (conflicts to the end): not offered
        planned.pop(i, None)
    return planned


def _rejected(out: Applied, after: FileResult, before: list[tuple[str, int]], mapped, by_identity) -> set[int]:  # noqa: ANN001
    found_after = {(d.code, d.span.line) for d in after.diagnostics}
    known = {(code, mapped(line)) for code, line in before}
    new = found_after - known
    rejected: set[int] = set()
    for diagnostic in out.applied:
        fix = diagnostic.fix
        assert fix is not None
        anchor = mapped(diagnostic.span.line)
        if (diagnostic.code, anchor) in found_after:
            rejected.add(by_identity[id(diagnostic)])
            continue
        touched = {anchor}
        for edit in fix.edits:
            first = mapped(edit.span.line)
            touched.update(range(first, first + edit.content.count("\n") + 1))
        if any(line in touched for _, line in new):
            rejected.add(by_identity[id(diagnostic)])
    return rejected


def fix_source(source: str, path: str, settings: Settings | None = None, unsafe: bool = False,
               result: FileResult | None = None) -> FixOutcome:
    """Lint, apply the applicable fixes, lint again, until nothing applicable is left."""
    from initlint.engine import analyze_source

    settings = settings or Settings()
    current = source
    if result is None or result.source != source:
        result = attach_fixes(analyze_source(source, path, settings), settings)
    fixed: list[Diagnostic] = []
    for _ in range(MAX_ROUNDS):
        wanted = [d for d in result.diagnostics if applicable(d, unsafe)]
        if not wanted:
            break
        out = apply_fixes(current, wanted, unsafe)
        if not out.applied or out.source == current:
            break
        fixed.extend(out.applied)
        current = out.source
        result = attach_fixes(analyze_source(current, path, settings), settings)
    return FixOutcome(path, source, current, tuple(fixed), result)


def fixable_counts(results: Sequence[FileResult], unsafe: bool) -> tuple[int, int]:
    """(fixes applicable with these settings, unsafe fixes left out)."""
    shown = hidden = 0
    for result in results:
        for diagnostic in result.diagnostics:
            if diagnostic.fix is None or not diagnostic.fix.edits:
                continue
            if applicable(diagnostic, unsafe):
                shown += 1
            else:
                hidden += 1
    return shown, hidden


__all__ = ["Applied", "FixOutcome", "apply_fixes", "applicable", "attach_fixes", "fix_source", "fixable_counts",
           "parses", "plan_fixes"]
