"""The rule registry. Each rule lives in its own module; this tuple is the only list of them."""
from __future__ import annotations

from typing import TYPE_CHECKING

from initlint.model import Diagnostic
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
    diagnostics.sort(key=lambda d: (d.span.line, d.span.column, d.code))
    return diagnostics
