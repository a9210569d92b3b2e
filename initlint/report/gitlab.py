"""GitLab Code Quality (the Code Climate subset GitLab reads), as ruff writes it.

The description starts with the code (GitLab does not show check_name); the fingerprint
hashes the rule and the path, not the line, so it survives code moving, and is re-salted with
the previous hash until it is unique in the report; paths are relative to $CI_PROJECT_DIR.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from typing import Any

from initlint.model import Diagnostic, FileResult
from initlint.report._common import diagnostics, posix
from initlint.report.json import dumps

SEVERITIES = {"info": "info", "warning": "minor", "error": "major"}


def project_path(path: str) -> str:
    root = os.environ.get("CI_PROJECT_DIR")
    if not root:
        return posix(path)
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return posix(relative)


def fingerprint(diagnostic: Diagnostic, path: str, salt: str) -> str:
    text = "\0".join((salt, diagnostic.code, diagnostic.name, path))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def render(results: Sequence[FileResult], **_: Any) -> str:
    seen: set[str] = set()
    issues = []
    for diagnostic in diagnostics(results):
        path = project_path(diagnostic.path)
        value = fingerprint(diagnostic, path, "")
        while value in seen:
            value = fingerprint(diagnostic, path, value)
        seen.add(value)
        span = diagnostic.span
        issues.append({
            "check_name": diagnostic.code,
            "description": f"{diagnostic.code}: {diagnostic.message}",
            "severity": SEVERITIES.get(diagnostic.severity, "minor"),
            "fingerprint": value,
            "location": {"path": path, "positions": {
                "begin": {"line": span.line, "column": span.column},
                "end": {"line": span.end_line, "column": span.end_column}}},
        })
    return dumps(issues) + "\n"
