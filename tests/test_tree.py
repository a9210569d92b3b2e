"""initlint.analysis.tree.child_nodes leaves out formatting only: every other child libcst lists is there."""
from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest

from initlint.analysis.tree import child_nodes

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted(p for p in (ROOT / "fixtures").rglob("*.py") if p.is_file())

FORMATTING = (cst.SimpleWhitespace, cst.ParenthesizedWhitespace, cst.Newline, cst.TrailingWhitespace, cst.EmptyLine,
              cst.Comment, cst.LeftParen, cst.RightParen, cst.LeftSquareBracket, cst.RightSquareBracket,
              cst.LeftCurlyBrace, cst.RightCurlyBrace, cst.Comma, cst.Semicolon)

EVERY_SHAPE = '''\
@decorator(arg)
class A(Base, metaclass=M):
    x: int = 1
    def f(self, a, /, b=2, *args, c, d=3, **kw) -> "T":
        global g
        with open(p) as h, q as (r, s):
            yield from h
        try:
            del a[1:2, ::3]
        except (E, F) as e:
            raise G from e
        else:
            pass
        finally:
            assert b, "m"
        for i, j in z:
            continue
        else:
            break
        while w:
            lambda u, *v: u
        return {k: v for k, v in y.items() if k}, [*l], {**m}, {1, 2}, (x := 1), f"{a!r:>{b}}", -a, not b
async def h():
    async with x:
        await y
    async for i in z:
        pass
match cmd:
    case [1, *rest] | {"k": v} if v:
        pass
    case Point(x=0) as p:
        pass
'''


def _all_nodes(node: cst.CSTNode) -> list[cst.CSTNode]:
    found, stack = [], [node]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(node.children)
    return found


@pytest.mark.parametrize("source", [EVERY_SHAPE, *(p.read_text(encoding="utf-8") for p in FIXTURES)],
                         ids=["every_shape", *(p.name for p in FIXTURES)])
def test_child_nodes_are_the_children_that_hold_code(source: str) -> None:
    for node in _all_nodes(cst.parse_module(source)):
        if isinstance(node, FORMATTING):
            continue  # never reached from a node that holds code
        expected = [child for child in node.children if not isinstance(child, FORMATTING)]
        got = child_nodes(node)
        assert {id(child) for child in got} == {id(child) for child in expected}, type(node).__name__
        assert len(got) == len(expected)


def test_left_out_fields_hold_formatting_only() -> None:
    for node in _all_nodes(cst.parse_module(EVERY_SHAPE)):
        kept = {id(child) for child in child_nodes(node)}
        for child in node.children:
            if id(child) not in kept:
                assert all(isinstance(inner, FORMATTING) for inner in _all_nodes(child)), type(child).__name__

