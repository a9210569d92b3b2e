"""One ruff-shaped JSON object per line (the records of the `json` format)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from initlint.model import FileResult
from initlint.report._common import diagnostics
from initlint.report.json import dumps, record


def render(results: Sequence[FileResult], **_: Any) -> str:
    return "".join(dumps(record(d), indent=None) + "\n" for d in diagnostics(results))
