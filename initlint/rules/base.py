"""What every rule is: code, name, severity, documentation, examples, and a pure check()."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from initlint.model import Diagnostic, Severity

if TYPE_CHECKING:
    from initlint.analysis.interpret import ModuleAnalysis
    from initlint.settings import Settings

DOCS_URL = "https://github.com/initlint/initlint/blob/main/docs/rules.md#"


@dataclass(frozen=True, slots=True)
class Example:
    """A snippet and the codes a correct linter reports on it (empty: must stay quiet)."""

    source: str
    expected: tuple[str, ...]
    dialect: str = "auto"


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str  # kebab-case, reads as "allow <name>"
    severity: Severity  # the default; a check may raise or lower it with the measured risk
    summary: str  # one line
    doc: str  # markdown: What it does / Why is this bad? / Example / Use instead / References
    check: Callable[["ModuleAnalysis", "Settings"], Iterator[Diagnostic]]
    examples: tuple[Example, ...] = field(default=())

    @property
    def url(self) -> str:
        return DOCS_URL + self.code.lower()
