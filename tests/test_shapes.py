"""Static shapes of TensorFlow's indexing and shape ops (initlint.analysis.shapes), as TensorFlow
infers them; None where TensorFlow would raise or the shape cannot be known statically."""
from __future__ import annotations

import pytest

from initlint.analysis.shapes import (UNREAD, concatenated_shape, expanded_shape, indexed_shape, reduced_shape,
                                      split_shapes, squeezed_shape, stacked_shape, transposed_shape, unstacked_shape)

I, E, N = ("index",), ("ellipsis",), ("newaxis",)


def S(lower: object = None, upper: object = None, step: object = None) -> tuple:  # noqa: N802 - reads like `:`
    return ("slice", lower, upper, step)


@pytest.mark.parametrize(("shape", "elements", "expected"), [
    ((None, 20, 48), [S(), I, S()], (None, 48)),  # x[:, -1, :]
    ((None, 20, 48), [S(), I], (None, 48)),  # x[:, -1]: the rest kept whole
    ((None, 20, 48), [S(), S(0, 1), S()], (None, 1, 48)),
    ((None, 20, 48), [S(), S(2, 5)], (None, 3, 48)),
    ((None, 20, 48), [S(), S(-5, None)], (None, 5, 48)),
    ((None, 20, 48), [S(), S(None, None, -1)], (None, 20, 48)),
    ((None, 20, 48), [S(), S(None, None, 3)], (None, 7, 48)),
    ((None, 20, 48), [S(), S(18, 40)], (None, 2, 48)),  # past the end: clipped, as in Python
    ((None, 20, 48), [S(), S(None, UNREAD)], (None, None, 48)),
    ((None, 20, 48), [E, S(None, 24)], (None, 20, 24)),
    ((None, 20, 48), [E, I], (None, 20)),
    ((None, 20, 48), [I, E, I], (20,)),
    ((None, 20, 48), [S(), N, I, S()], (None, 1, 48)),
    ((None, 20, 48), [N], (1, None, 20, 48)),
    ((8, 32, 32, 3), [S(), S(None, None, 2), S(None, None, 2), S()], (8, 16, 16, 3)),
    ((None, 20, 48), [E, E], None),  # TensorFlow raises
    ((None, 20), [I, I, I], None),  # more indices than dimensions
    (None, [I], None),
    ((None, 20, 48), [S(), S(None, None, 0)], (None, None, 48)),  # step 0 raises at run time
])
def test_indexed_shape(shape, elements, expected) -> None:  # noqa: ANN001
    assert indexed_shape(shape, elements) == expected


@pytest.mark.parametrize(("shape", "axes", "expected"), [
    ((None, 1, 48), (1,), (None, 48)),
    ((None, 1, 48), (-2,), (None, 48)),
    ((4, 1, 48, 1), None, (4, 48)),
    ((None, 1, 48), None, None),  # the unknown batch may be 1 too
    ((None, 3, 48), (1,), None),  # not 1: TensorFlow raises
    ((None, None, 48), (1,), (None, 48)),  # unknown: TensorFlow accepts it statically
    ((None, 1, 48), (5,), None),
])
def test_squeezed_shape(shape, axes, expected) -> None:  # noqa: ANN001
    assert squeezed_shape(shape, axes) == expected


def test_expand_transpose_unstack() -> None:
    assert expanded_shape((None, 32), -1) == (None, 32, 1)
    assert expanded_shape((None, 32), 0) == (1, None, 32)
    assert expanded_shape((None, 32), 1) == (None, 1, 32)
    assert expanded_shape((None, 32), 3) is None
    assert transposed_shape((None, 20, 48), (0, 2, 1)) == (None, 48, 20)
    assert transposed_shape((None, 20, 48), None) == (48, 20, None)
    assert transposed_shape((None, 20, 48), (0, 1)) is None
    assert transposed_shape((None, 20, 48), (0, 0, 1)) is None
    assert unstacked_shape((None, 20, 48), 1, None) == (20, (None, 48))
    assert unstacked_shape((None, 20, 48), -1, 48) == (48, (None, 20))
    assert unstacked_shape((None, None, 48), 1, 7) == (7, (None, 48))
    assert unstacked_shape((None, None, 48), 1, None) is None
    assert unstacked_shape((None, 20, 48), 1, 19) is None  # TensorFlow raises


def test_concat_split_stack_reduce() -> None:
    assert concatenated_shape([(32, 256)] * 4, 0) == ((128, 256), [32] * 4)  # batches stacked: features stay
    assert concatenated_shape([(None, 8, 8, 3), (None, 8, 8, 5)], -1) == ((None, 8, 8, 8), [3, 5])
    assert concatenated_shape([(None, 8, 3), (None, None, 3)], 1) == ((None, None, 3), [8, None])
    assert concatenated_shape([(None, 8), (None, 8, 3)], -1)[0] is None  # ranks differ: TensorFlow raises
    assert concatenated_shape([(None, 8)], None)[0] is None
    assert split_shapes((None, 5, 100), 5, 1) == [(None, 1, 100)] * 5
    assert split_shapes((None, 6, 100), [2, 4], 1) == [(None, 2, 100), (None, 4, 100)]
    assert split_shapes((None, None, 100), 2, 1) == [(None, None, 100)] * 2
    assert split_shapes((None, 5, 100), None, 1) is None
    assert stacked_shape([(None, 100)] * 3, 1) == (None, 3, 100)
    assert stacked_shape([(None, 100)] * 3, -1) == (None, 100, 3)
    assert stacked_shape([(None, 100), (None, 50)], 0) is None
    assert reduced_shape((None, 16, 16, 8), (1, 2), False) == (None, 8)
    assert reduced_shape((None, 16, 16, 8), (1, 2), True) == (None, 1, 1, 8)
    assert reduced_shape((None, 16), None, False) == ()
