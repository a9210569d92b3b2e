"""initlint: static linter for weight initialization in TensorFlow / Keras model code."""
from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from initlint.model import FileResult
    from initlint.settings import Settings


def check_source(source: str, path: str = "<string>", settings: "Settings | None" = None) -> "FileResult":
    """Lint one file's text: the FileResult carries the diagnostics (and the weights)."""
    from initlint.engine import analyze_source

    return analyze_source(source, path, settings)


def explain_source(source: str, path: str = "<string>", settings: "Settings | None" = None) -> "FileResult":
    """Resolve every weight of one file's text: the FileResult carries the weights."""
    from initlint.engine import analyze_source

    return analyze_source(source, path, settings)


__all__ = ["__version__", "check_source", "explain_source"]
