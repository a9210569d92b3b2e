"""SARIF 2.1.0 for GitHub code scanning: relative URIs under %SRCROOT% (the current directory),
the rules that have results with their documentation, and one result per diagnostic."""
from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from initlint import __version__
from initlint.model import Diagnostic, FileResult, Span
from initlint.report._common import INFORMATION_URI, TOOL, diagnostics, jsonable, posix, rule
from initlint.report.json import dumps

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}
GITHUB_TEXT_LIMIT = 1024  # shortDescription / fullDescription


def _truncate(text: str, limit: int = GITHUB_TEXT_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _first_section(doc: str) -> str:
    """The paragraph under `## What it does`, as one line: the rule's full description."""
    match = re.search(r"^## What it does\s*\n(.*?)(?=^## |\Z)", doc, re.S | re.M)
    text = match.group(1) if match else doc
    return " ".join(text.split())


def _rule_descriptor(code: str, sample: Diagnostic) -> dict[str, Any]:
    found = rule(code)
    name = found.name if found else sample.name
    severity = found.severity if found else sample.severity
    summary = found.summary if found else sample.message
    doc = found.doc if found else summary
    descriptor: dict[str, Any] = {
        "id": code,
        "name": name,
        "shortDescription": {"text": _truncate(summary)},
        "fullDescription": {"text": _truncate(_first_section(doc) or summary)},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": LEVELS.get(severity, "warning")},
        "properties": {"tags": ["initialization"], "precision": "high",
                       "problem.severity": PROBLEM_SEVERITY.get(severity, "warning")},
    }
    if found:
        descriptor["helpUri"] = found.url
    return descriptor


def _artifact(path: str, root: Path) -> dict[str, str]:
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(posix(str(relative))), "uriBaseId": "%SRCROOT%"}


def _region(span: Span) -> dict[str, int]:
    return {"startLine": span.line, "startColumn": span.column,
            "endLine": span.end_line, "endColumn": max(span.end_column, 1)}


def _result(diagnostic: Diagnostic, index: int, root: Path) -> dict[str, Any]:
    artifact = _artifact(diagnostic.path, root)
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "ruleIndex": index,
        "level": LEVELS.get(diagnostic.severity, "warning"),
        "message": {"text": diagnostic.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": _region(diagnostic.span)}}],
    }
    if diagnostic.fix is not None:
        result["fixes"] = [{
            "description": {"text": diagnostic.fix.message},
            "artifactChanges": [{"artifactLocation": artifact, "replacements": [
                {"deletedRegion": _region(edit.span), "insertedContent": {"text": edit.content}}
                for edit in diagnostic.fix.edits]}],
        }]
    if diagnostic.data:
        result["properties"] = {"data": jsonable(diagnostic.data)}
    return result


def render(results: Sequence[FileResult], **_: Any) -> str:
    root = Path.cwd().resolve()
    found = diagnostics(results)
    samples: dict[str, Diagnostic] = {}
    for d in found:
        samples.setdefault(d.code, d)
    codes = sorted(samples)
    index = {code: i for i, code in enumerate(codes)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": TOOL, "version": __version__, "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule_descriptor(code, samples[code]) for code in codes],
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root.as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(d, index[d.code], root) for d in found],
        }],
    }
    return dumps(log) + "\n"
