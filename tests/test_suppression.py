"""`# noqa` suppression: a pure function over (source text, diagnostics)."""
from __future__ import annotations

import pytest

from initlint.model import Diagnostic, Span
from initlint.suppression import NOQA_INLINE_REGEX, parse_directives, suppress


def d(code: str, line: int) -> Diagnostic:
    return Diagnostic(code=code, name="x", severity="warning", message="m", path="a.py", span=Span(line, 1, line, 2))


def kept(source: str, *diagnostics: Diagnostic) -> list[tuple[str, int]]:
    return [(x.code, x.span.line) for x in suppress(source, list(diagnostics))]


@pytest.mark.parametrize("comment, suppressed", [
    ("# noqa", {"INI101", "INI201"}),
    ("# NOQA", {"INI101", "INI201"}),
    ("# noqa: INI101", {"INI101"}),
    ("# noqa:INI101", {"INI101"}),
    ("# noqa: ini101", {"INI101"}),
    ("# noqa: INI101, INI201", {"INI101", "INI201"}),
    ("# noqa: INI101,INI201", {"INI101", "INI201"}),
    ("# noqa: INI101 INI201", {"INI101", "INI201"}),
    ("# noqa: INI1", {"INI101"}),  # flake8 matches code prefixes
    ("# noqa: E501", set()),
    ("# noqa: E501, INI201 because reasons", {"INI201"}),
    ("# type: ignore  # noqa: INI201", {"INI201"}),
    ("# noqa : INI101", {"INI101", "INI201"}),  # flake8: not a code list, so a bare noqa
    ("#noqa", set()),  # flake8's regex needs "# noqa"
])
def test_inline_noqa(comment, suppressed):
    source = f"w = make()  {comment}\n"
    remaining = {code for code, _ in kept(source, d("INI101", 1), d("INI201", 1))}
    assert remaining == {"INI101", "INI201"} - suppressed


def test_noqa_applies_only_to_its_line():
    source = "a = 1  # noqa\nb = 2\n"
    assert kept(source, d("INI101", 1), d("INI101", 2)) == [("INI101", 2)]


def test_noqa_inside_a_string_is_not_a_comment():
    source = 'w = f("# noqa")\n'
    assert kept(source, d("INI101", 1)) == [("INI101", 1)]


@pytest.mark.parametrize("directive, remaining", [
    ("# initlint: noqa", []),
    ("# INITLINT: NOQA", []),
    ("#initlint:noqa", []),
    ("# initlint: noqa: INI101", [("INI201", 5)]),
])
def test_file_level(directive, remaining):
    source = f"import tensorflow as tf\n{directive}\n\n\nw = 1\n"
    assert kept(source, d("INI101", 5), d("INI201", 5)) == remaining


def test_file_level_needs_the_initlint_prefix():
    source = "# flake8: noqa\nw = 1\n"
    assert kept(source, d("INI101", 2)) == [("INI101", 2)]


def test_untokenizable_source_falls_back_to_lines():
    source = "def f(:\n    x = (  # noqa: INI901\n"
    assert kept(source, d("INI901", 2), d("INI101", 1)) == [("INI101", 1)]


def test_unsuppressible_codes_stay():
    source = "# initlint: noqa\n"
    assert [x.code for x in suppress(source, [d("INI902", 1), d("INI101", 1)], frozenset({"INI902"}))] == ["INI902"]


def test_no_source_or_no_comment_returns_input():
    diagnostics = [d("INI101", 1)]
    assert suppress(None, diagnostics) == tuple(diagnostics)
    assert suppress("x = 1\n", diagnostics) == tuple(diagnostics)
    assert parse_directives("x = 1\n").lines == {}


def test_regex_is_flake8s():
    assert NOQA_INLINE_REGEX.pattern == r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?"
