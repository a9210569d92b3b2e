"""The rule registry. Each rule lives in its own module; this tuple is the only list of them."""
from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import replace

from initlint.model import SEVERITY_RANK, Diagnostic
from initlint.rules.base import Rule
from initlint.rules import (arg_scope_missed_op, constant_kernel, deprecated_initializer, exploding_signal,
                            file_errors, glorot_relu_deep_stack, keras_ignores_variable_scope,
                            layer_scale_mismatch, nonzero_mean, tf1_default_stddev, uncalled_initializer,
                            vanishing_signal)

if TYPE_CHECKING:
    from initlint.analysis.interpret import ModuleAnalysis
    from initlint.settings import Settings

RULES: tuple[Rule, ...] = (
    exploding_signal.RULE,
    vanishing_signal.RULE,
    layer_scale_mismatch.RULE,
    glorot_relu_deep_stack.RULE,
    constant_kernel.RULE,
    nonzero_mean.RULE,
    tf1_default_stddev.RULE,
    keras_ignores_variable_scope.RULE,
    arg_scope_missed_op.RULE,
    uncalled_initializer.RULE,
    deprecated_initializer.RULE,
    *file_errors.RULES,
)
RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}


def run_rules(analysis: "ModuleAnalysis", settings: "Settings") -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    for rule in RULES:
        diagnostics.extend(rule.check(analysis, settings))
    return _one_per_place(diagnostics)


def _one_per_place(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """A call that makes many weights (a helper in a loop, a shared layer) is reported once per code:
    the most severe finding, with how many others it stands for."""
    best: dict[tuple[str, str, int, int], tuple[Diagnostic, int]] = {}
    for diagnostic in diagnostics:
        key = (diagnostic.code, diagnostic.path, diagnostic.span.line, diagnostic.span.column)
        kept = best.get(key)
        if kept is None:
            best[key] = (diagnostic, 1)
        elif SEVERITY_RANK[diagnostic.severity] > SEVERITY_RANK[kept[0].severity]:
            best[key] = (diagnostic, kept[1] + 1)
        else:
            best[key] = (kept[0], kept[1] + 1)
    merged = []
    for diagnostic, count in best.values():
        if count > 1:
            diagnostic = replace(diagnostic, message=f"{diagnostic.message} (and {count - 1} more like it here)",
                                 data={**diagnostic.data, "occurrences": count})
        merged.append(diagnostic)
    merged.sort(key=lambda d: (d.span.line, d.span.column, d.code))
    return merged
