"""JUnit XML as ruff emits it: one testsuite per file, one failing testcase per diagnostic,
and a single passing testcase when there is nothing to report."""
from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from itertools import groupby
from typing import Any

from initlint.model import FileResult
from initlint.report._common import TOOL, diagnostics, posix

PACKAGE = f"org.{TOOL}"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 cannot hold


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    text = escape(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    return f'"{text}"'


def _attributes(**values: object) -> str:
    return "".join(f" {name}={quoteattr(_clean(str(value)))}" for name, value in values.items())


def render(results: Sequence[FileResult], **_: Any) -> str:
    found = diagnostics(results)
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    if not found:
        out.append(f"<testsuites{_attributes(name=TOOL, tests=1, skipped=0, failures=0, errors=0)}>")
        out.append(f"    <testsuite{_attributes(name=TOOL, tests=1, skipped=0, errors=0, failures=0, package=PACKAGE)}>")
        out.append(f'        <testcase{_attributes(name="No errors found", classname=TOOL)}/>')
        out.append("    </testsuite>")
        out.append("</testsuites>")
        return "\n".join(out) + "\n"
    out.append(f"<testsuites{_attributes(name=TOOL, tests=len(found), skipped=0, failures=len(found), errors=0)}>")
    for path, group in groupby(found, key=lambda d: d.path):
        items = list(group)
        shown = posix(path)
        classname = posixpath.splitext(shown)[0]
        out.append(f"    <testsuite{_attributes(name=shown, tests=len(items), skipped=0, errors=0, failures=len(items), package=PACKAGE)}>")
        for d in items:
            line, column = d.span.line, d.span.column
            out.append(f"        <testcase{_attributes(name=f'{PACKAGE}.{d.code}', classname=classname, line=line, column=column)}>")
            out.append("            <properties>")
            out.append(f'                <property{_attributes(name="severity", value=d.severity)}/>')
            out.append("            </properties>")
            out.append(f"            <failure{_attributes(message=d.message)}>{escape(_clean(f'line {line}, col {column}, {d.message}'))}</failure>")
            out.append("        </testcase>")
        out.append("    </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"
