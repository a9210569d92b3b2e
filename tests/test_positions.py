"""initlint.analysis.positions gives exactly libcst's PositionProvider ranges, for every node but whitespace."""
from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

import initlint.analysis.interpret as interpret
from initlint.analysis.positions import positions, skipped_types
from initlint.engine import analyze_source

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted(p for p in (ROOT / "fixtures").rglob("*.py") if p.is_file())

TRICKY = '''\
# -*- coding: utf-8 -*-
"""Docstring with ünïcödé and a tab\there."""
import tensorflow as tf  # comment é


@decorator(arg)
@other
def f(x,
      y=(1 +
         2),  # trailing
      *args, **kw):
\tif x:  \\
\t\tpass
\treturn tf.layers.dense(
\t\tx, 10,
\t\tkernel_initializer=tf.truncated_normal_initializer(stddev=0.1))  # é


class C(Base, metaclass=M):
    a: int = 1
    s = """multi
line ü
string"""
    t = (f"x{y!r:>10}"
         'z')

    async def g(self):
        async with a as b, c:
            await h(*[i for i in range(3) if i], **{k: v for k, v in d.items()})
        lam = lambda q, *, r=1: q[1:2, ::3]
        return (yield)


try:
    import keras
except ImportError as error:
    raise
else:
    x = [1, 2,
         3][0] if y else {1, 2}
finally:
    del x
with open(f) as g: pass
while True: break
for (a, b) in z: continue
global_ = not a or b and c is not None
'''


def _variants(source: str) -> list[str]:
    variants = [source, source.replace("\n", "\r\n"), source.rstrip("\n"), "\n\n" + source + "\n\n# end"]
    if "\t" not in source:
        variants.append(source.replace("    ", "\t"))
    return variants


def _same(source: str) -> None:
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError:
        return
    every = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    skipped = skipped_types()
    expected = {node: code_range for node, code_range in every.items() if type(node) not in skipped}
    mine = positions(module)
    assert len(mine) == len(expected)
    for node in every:
        if type(node) in skipped:  # whitespace and comments get no range
            assert node not in mine and mine.get(node) is None
    for node, code_range in expected.items():
        assert node in mine
        assert mine.get(node) == code_range, (type(node).__name__, code_range, mine.get(node))
        assert mine[node] == code_range
    walked = positions(module)
    assert all(node in walked for node in expected)  # membership by the walk, before any range
    other = cst.parse_module("x = 1\n")
    assert other.body[0] not in walked
    assert other.body[0] not in mine and mine.get(other.body[0]) is None


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_node_of_every_fixture(path: Path) -> None:
    for source in _variants(path.read_text(encoding="utf-8-sig")):
        _same(source)


@pytest.mark.parametrize("source", _variants(TRICKY) + ["", "\n", "x", "# only a comment", "\r\n\r\nx = 1\r\n",
                                                         "x = 1\ry = 2\r", "if x:\r\n    y = '''a\r\nb'''\r\n",
                                                         "x = 1 \\\r\n    + 2\n"])
def test_tricky_sources(source: str) -> None:
    _same(source)


def test_spans_in_results_are_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole analysis gives the same results with either position source."""
    def provider(module: cst.Module):  # noqa: ANN202
        return MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)

    monkeypatch.chdir(ROOT)  # project imports resolve from the shown (relative) path
    for path in FIXTURES:
        shown = str(path.relative_to(ROOT))
        source = path.read_text(encoding="utf-8-sig")
        ours = analyze_source(source, shown)
        with monkeypatch.context() as patch:
            patch.setattr(interpret, "positions", provider)
            theirs = analyze_source(source, shown)
        assert ours == theirs, shown
