"""The rule registry. Each rule lives in its own module; this tuple is the only list of them."""
from __future__ import annotations

from typing import TYPE_CHECKING

from initlint.model import Diagnostic
from initlint.rules.base import Rule
from initlint.rules import file_errors

if TYPE_CHECKING:
    from initlint.analysis.interpret import ModuleAnalysis
    from initlint.settings import Settings

RULES: tuple[Rule, ...] = (
    *file_errors.RULES,
)
RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}


def run_rules(analysis: "ModuleAnalysis", settings: "Settings") -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    for rule in RULES:
        diagnostics.extend(rule.check(analysis, settings))
    return diagnostics
