"""Every context that reaches a function: the same weights, resolved as other project files call them.

A module's function that nothing in the module calls is analysed on its own, with its callers unknown
(so defaults are uncertain). When other files of the project import and call it, each caller is
analysed (once per process) and the initializer the weight gets under that caller's scopes is
attached to the weight as a context, so `explain` shows "default xavier when called bare; He via
resnet_arg_scope from train.py:12".
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from initlint.analysis.project import find_callers, shown_path
from initlint.model import FileResult, Weight

MAX_CALLER_FILES = 5
_CALLER_RESULTS: dict[tuple[str, int, int], FileResult] = {}


def _analyse_caller(file: Path, settings) -> FileResult | None:
    from initlint.engine import analyze_path

    try:
        stat = file.stat()
    except OSError:
        return None
    key = (str(file.resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _CALLER_RESULTS:
        _CALLER_RESULTS[key] = analyze_path(file, replace(settings, follow_callers=False), str(file))
    return _CALLER_RESULTS[key]


def attach_contexts(path: str, weights: tuple[Weight, ...], settings) -> tuple[Weight, ...]:
    roots = {w.facts["root_function"] for w in weights if "root_function" in w.facts}
    if not roots or not settings.follow_callers or path.startswith("<"):
        return weights
    callers = find_callers(path, roots, MAX_CALLER_FILES)
    if not callers:
        return weights
    here = Path(path).resolve()
    contexts: dict[tuple[int, int], list[dict]] = {}
    for file in callers:
        result = _analyse_caller(file, settings)
        if result is None:
            continue
        shown = shown_path(file, path)
        for weight in result.weights:
            if not weight.call_stack or Path(weight.path).resolve() != here:
                continue
            init = weight.initializer
            contexts.setdefault((weight.span.line, weight.span.column), []).append({
                "path": shown, "line": weight.anchor.line, "initializer": init.name, "params": dict(init.params),
                "source": init.source, "certain": weight.certain, "role": weight.role, "file": str(file.resolve()),
            })
    if not contexts:
        return weights
    updated: list[Weight] = []
    for weight in weights:
        found = [c for c in contexts.get((weight.span.line, weight.span.column), []) if c["role"] == weight.role]
        if not found or "root_function" not in weight.facts:
            updated.append(weight)
            continue
        facts = dict(weight.facts)
        facts["contexts"] = found
        init = weight.initializer
        if all((c["initializer"], c["params"]) == (init.name, init.params) for c in found):
            updated.append(replace(weight, facts=facts))  # every caller agrees with the bare answer
            continue
        seen = "; ".join(sorted({f"{c['initializer']} via {c['source'].replace('_', ' ')} from {c['path']}:{c['line']}"
                                 for c in found}))
        reason = f"{init.name} when called bare; {seen}"
        updated.append(replace(weight, facts=facts, initializer=replace(init, reason=reason, certain=False)))
    return tuple(updated)


def callers_read(weights: tuple[Weight, ...]) -> set[str]:
    """The caller files whose analysis these weights' contexts came from (for cache invalidation)."""
    return {context["file"] for weight in weights for context in weight.facts.get("contexts", ())}
