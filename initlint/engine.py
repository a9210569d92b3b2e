"""The per-file pipeline: prefilter -> parse -> interpret -> rules -> FileResult. No printing here."""
from __future__ import annotations

import traceback
from pathlib import Path

import libcst as cst

from initlint.analysis.interpret import analyze_module
from initlint.analysis.prefilter import may_create_weights
from initlint.model import Diagnostic, FileResult, Span
from initlint.rules import run_rules
from initlint.selection import finish
from initlint.settings import Settings


def _file_diagnostic(code: str, name: str, message: str, path: str, line: int = 1, column: int = 1,
                     data: dict | None = None) -> Diagnostic:
    severity = "error"
    return Diagnostic(code=code, name=name, severity=severity, message=message, path=path,
                      span=Span(line, column, line, column), data=data or {})


def analyze_source(source: str, path: str = "<string>", settings: Settings | None = None) -> FileResult:
    """Analyse one file's text. Never raises for bad input: problems become INI9xx diagnostics.
    Rule selection, per-file-ignores and `# noqa` comments are applied (initlint.selection.finish)."""
    settings = settings or Settings()
    return finish(_analyze_source(source, path, settings), settings)


def _analyze_source(source: str, path: str, settings: Settings) -> FileResult:
    if not may_create_weights(source):
        return FileResult(path=path, source=source, skipped=True)
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError as error:
        return FileResult(path=path, source=source, diagnostics=(_file_diagnostic(
            "INI901", "syntax-error", f"cannot parse: {error.message}", path,
            error.raw_line or 1, (error.raw_column or 0) + 1),))
    except RecursionError:
        return FileResult(path=path, source=source, diagnostics=(_file_diagnostic(
            "INI901", "syntax-error", "cannot parse: the expression nesting is too deep", path),))
    try:
        analysis = analyze_module(module, source, path, settings)
        diagnostics = run_rules(analysis, settings)
    except RecursionError:
        return FileResult(path=path, source=source, diagnostics=(_file_diagnostic(
            "INI902", "internal-error", "analysis gave up: the code nests too deeply", path),))
    except Exception as error:  # one file's bug must not stop the run
        return FileResult(path=path, source=source, diagnostics=(_file_diagnostic(
            "INI902", "internal-error", f"internal error while analysing this file: {error!r}", path,
            data={"traceback": traceback.format_exc()}),))
    return FileResult(path=path, weights=analysis.weights, diagnostics=tuple(diagnostics),
                      dialect=analysis.dialect, dialect_reason=analysis.dialect_reason, source=source)


def read_source(path: Path) -> tuple[str | None, Diagnostic | None]:
    """Read a file as Python source text (UTF-8, BOM accepted), or say why not."""
    shown = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, _file_diagnostic("INI900", "unreadable-file", f"cannot read file: {error.strerror or error}", shown)
    return decode_source(data, shown)


def decode_source(data: bytes, shown: str) -> tuple[str | None, Diagnostic | None]:
    """Bytes (a file's, or standard input's) as Python source text, or say why not."""
    if b"\x00" in data:
        return None, _file_diagnostic("INI900", "unreadable-file", "cannot read file: it contains NUL bytes", shown)
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, _file_diagnostic("INI900", "unreadable-file",
                                      f"cannot decode file as UTF-8 (byte {error.start})", shown, line)


def analyze_path(path: Path, settings: Settings, shown: str | None = None) -> FileResult:
    shown = shown or str(path)
    source, problem = read_source(path)
    if problem is not None:
        return finish(FileResult(path=shown, diagnostics=(problem.__class__(**{**_asdict(problem), "path": shown}),)),
                      settings)
    return analyze_source(source, shown, settings)


def analyze_bytes(data: bytes, shown: str, settings: Settings) -> FileResult:
    """Analyse bytes read elsewhere (standard input), shown as `shown`."""
    source, problem = decode_source(data, shown)
    if problem is not None:
        return finish(FileResult(path=shown, diagnostics=(problem,)), settings)
    return analyze_source(source, shown, settings)


def _asdict(diagnostic: Diagnostic) -> dict:
    return {name: getattr(diagnostic, name) for name in diagnostic.__slots__}


def run(paths: list[tuple[Path, str]], settings: Settings) -> list[FileResult]:
    """Analyse files (each given as (path on disk, path as shown)), in order."""
    return [analyze_path(path, settings, shown) for path, shown in paths]
