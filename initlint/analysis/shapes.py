"""Static shapes: literal shapes in the code, dimension arithmetic, convolution output sizes."""
from __future__ import annotations

from initlint.analysis.values import Const, Seq, TensorV, Value

# A dimension larger than this is no real tensor's (TensorFlow's own limit is int64): taken as
# unknown, so that fan arithmetic on it stays within floats (`units=1e300` must not overflow).
MAX_DIM = 2 ** 40


def _size(value: object) -> int | None:
    """A written dimension as an int: a non-negative int up to MAX_DIM, else None. A whole float
    (`input_channels / groups` in TF1's AlexNet) is one, as TensorFlow's Dimension takes it; another
    float is refused there, so it is no dimension here either."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_DIM:
        return value
    if isinstance(value, float) and value.is_integer() and 0 <= value <= MAX_DIM:
        return int(value)
    return None


def _dims(value: Value) -> tuple[int | None, ...] | None:
    """A shape written in the code: a list/tuple of ints, with None/-1/unknown as unknown dims."""
    if isinstance(value, Seq):
        out: list[int | None] = []
        for item in value.items:
            out.append(_size(item.value) if isinstance(item, Const) else None)
        return tuple(out)
    if isinstance(value, Const) and isinstance(value.value, int) and not isinstance(value.value, bool):
        return (_size(value.value),)
    if isinstance(value, TensorV) and value.shape is not None:
        return value.shape
    return None


def _int(value: Value | None) -> int | None:
    if isinstance(value, Const) and isinstance(value.value, (int, float)) and not isinstance(value.value, bool):
        try:
            whole = float(value.value).is_integer()
        except OverflowError:  # an int beyond floats
            return None
        if whole:
            return _size(int(value.value)) if value.value >= 0 else int(value.value)
    return None


def _count(value: Value | None) -> int | None:
    """A size written in the code (units, filters, a dimension): a non-negative int, else None."""
    found = _int(value)
    return found if found is None or found >= 0 else None


def _ints(value: Value | None, rank: int, default: int, channels_first: bool = False) -> tuple[int | None, ...]:
    if value is None:
        return (default,) * rank
    if isinstance(value, Const) and isinstance(value.value, int) and not isinstance(value.value, bool):
        return (_size(value.value),) * rank
    if isinstance(value, Seq):
        items = tuple(_int(item) for item in value.items)
        if len(items) == rank:
            return items
        if len(items) == rank + 2:  # tf.nn style [1, h, w, 1], or [1, 1, h, w] for NCHW
            return items[2:] if channels_first else items[1:-1]
        if len(items) == 1:
            return items * rank
    return (None,) * rank


def _product(dims: tuple[int | None, ...]) -> int | None:
    out = 1
    for dim in dims:
        if dim is None:
            return None
        out *= dim
    return out


def _note_of(value: Value | None) -> str | None:
    if isinstance(value, Const):
        return value.note
    if isinstance(value, Seq):
        for item in value.items:
            note = _note_of(item)
            if note:
                return note
    return None


def _spatial_out(size: int | None, kernel: int | None, stride: int | None, padding: str, dilation: int | None,
                 transpose: bool = False) -> int | None:
    if size is None or stride is None:
        return None
    same = padding.lower() == "same"
    if transpose:
        if same:
            return size * stride
        if kernel is None:
            return None
        return size * stride + max((kernel - 1) * (dilation or 1) + 1 - stride, 0)
    if same:
        return -(-size // stride)
    if kernel is None:
        return None
    effective = (kernel - 1) * (dilation or 1) + 1
    return max(0, (size - effective) // stride + 1)


def broadcast_shape(a: tuple[int | None, ...], b: tuple[int | None, ...]) -> tuple[int | None, ...] | None:
    """The shape of an elementwise operation on two shapes, as NumPy broadcasting gives it (aligned
    on the right; a 1 stretches); None when two known sizes cannot broadcast."""
    out: list[int | None] = []
    for index in range(1, max(len(a), len(b)) + 1):
        x = a[-index] if index <= len(a) else 1
        y = b[-index] if index <= len(b) else 1
        if x == y or y == 1:
            out.append(x)
        elif x == 1:
            out.append(y)
        elif x is None or y is None:
            out.append(x if y is None else y)  # the known size, unless it is the 1 that stretches
        else:
            return None
    return tuple(reversed(out))


_CHANNELS_FIRST = {"channels_first": True, "nchw": True, "ncw": True, "ncdhw": True,
                   "channels_last": False, "nhwc": False, "nwc": False, "ndhwc": False}


def channels_first(data_format: Value | None) -> bool | None:
    """Whether a layer's `data_format` puts the channels right after the batch. Absent or None is
    channels-last for slim, tf.layers and Keras (whose None is image_data_format(), channels_last
    unless keras.json says otherwise); a value not known statically: None, the channel axis is
    unknown."""
    if data_format is None or (isinstance(data_format, Const) and data_format.value is None):
        return False
    if isinstance(data_format, Const) and isinstance(data_format.value, str):
        return _CHANNELS_FIRST.get(data_format.value.lower())
    return None


def padding_pairs(paddings: Value | None, rank: int) -> list[tuple[int, int] | None] | None:
    """`tf.pad`'s [rank, 2] paddings as (before, after) per axis, None for a pair not known
    statically; None when they are not a list of the rank's length."""
    if not isinstance(paddings, Seq) or len(paddings.items) != rank:
        return None
    pairs: list[tuple[int, int] | None] = []
    for pair in paddings.items:
        amounts = [_count(item) for item in pair.items] if isinstance(pair, Seq) and len(pair.items) == 2 else None
        pairs.append(None if amounts is None or None in amounts else (amounts[0], amounts[1]))  # type: ignore[arg-type]
    return pairs


def padded_shape(shape: tuple[int | None, ...] | None, paddings: Value | None) -> tuple[int | None, ...] | None:
    """The shape `tf.pad(x, paddings)` gives: each dim grows by its [before, after]. Paddings are
    [rank, 2], so the rank is the input's whatever they are; a dim whose pair is not known
    statically is unknown."""
    if shape is None:
        return None
    pairs = padding_pairs(paddings, len(shape))
    out: list[int | None] = []
    for index, dim in enumerate(shape):
        pair = pairs[index] if pairs is not None else None
        out.append(None if dim is None or pair is None else dim + pair[0] + pair[1])
    return tuple(out)


# One element of a tensor subscript, as indexed_shape reads it: ("index",) an integer (its value
# does not change the shape), ("slice", lower, upper, step) with ints, None where the bound is left
# out and UNREAD where it is not known statically, ("newaxis",) and ("ellipsis",).
UNREAD = object()
Shape = tuple[int | None, ...]


def indexed_shape(shape: Shape | None, elements: list[tuple]) -> Shape | None:
    """The static shape of `tensor[elements]` (TensorFlow's basic indexing: integers drop a
    dimension, slices keep it, `tf.newaxis` adds one of 1, `...` stands for the dimensions the other
    elements leave), or None when it cannot be known."""
    if shape is None or sum(1 for e in elements if e[0] == "ellipsis") > 1:
        return None
    consuming = sum(1 for e in elements if e[0] in ("index", "slice"))
    if consuming > len(shape):
        return None  # TensorFlow raises
    out: list[int | None] = []
    dims = iter(shape)
    for element in elements:
        kind = element[0]
        if kind == "newaxis":
            out.append(1)
        elif kind == "ellipsis":
            for _ in range(len(shape) - consuming):
                out.append(next(dims))
        elif kind == "index":
            next(dims)
        else:
            out.append(_sliced(next(dims), *element[1:]))
    out.extend(dims)  # dimensions after the last element are kept whole
    return tuple(out)


def _sliced(size: int | None, lower: object, upper: object, step: object) -> int | None:
    if size is None or UNREAD in (lower, upper, step) or step == 0:
        return None
    return len(range(size)[slice(lower, upper, step)])


def squeezed_shape(shape: Shape | None, axes: tuple[int, ...] | None) -> Shape | None:
    """tf.squeeze: the listed axes removed (each must be 1), or every dimension of size 1 when none
    is listed; None when that depends on a dimension not known statically."""
    if shape is None:
        return None
    if axes is None:
        if None in shape:
            return None  # an unknown dimension may be 1 and go
        return tuple(d for d in shape if d != 1)
    rank = len(shape)
    chosen = {axis % rank for axis in axes if -rank <= axis < rank}
    if len(chosen) != len(axes) or any(shape[axis] not in (1, None) for axis in chosen):
        return None  # TensorFlow raises
    return tuple(d for index, d in enumerate(shape) if index not in chosen)


def expanded_shape(shape: Shape | None, axis: int) -> Shape | None:
    """tf.expand_dims: a dimension of 1 inserted at `axis` (negative counts from the end, -1 appends)."""
    if shape is None or not -len(shape) - 1 <= axis <= len(shape):
        return None
    at = axis if axis >= 0 else len(shape) + 1 + axis
    return (*shape[:at], 1, *shape[at:])


def transposed_shape(shape: Shape | None, perm: tuple[int, ...] | None) -> Shape | None:
    """tf.transpose: the dimensions in `perm` order (reversed when no perm is given)."""
    if shape is None:
        return None
    if perm is None:
        return tuple(reversed(shape))
    rank = len(shape)
    if sorted(axis % rank if -rank <= axis < rank else -1 for axis in perm) != list(range(rank)):
        return None
    return tuple(shape[axis] for axis in perm)


def unstacked_shape(shape: Shape | None, axis: int, num: int | None) -> tuple[int, Shape] | None:
    """tf.unstack: how many tensors, and the shape of each (the axis removed); None when the count
    is not known statically."""
    if shape is None or not -len(shape) <= axis < len(shape):
        return None
    count = shape[axis] if shape[axis] is not None else num
    if count is None or (num is not None and count != num):
        return None
    return count, tuple(d for index, d in enumerate(shape) if index != axis % len(shape))


def concatenated_shape(shapes: list[Shape | None], axis: int | None) -> tuple[Shape | None, list[int | None]]:
    """tf.concat: the shape (the parts' sizes along `axis` added, the other dimensions as the parts
    agree on them) and each part's size along `axis`; the shape is None when the axis or a rank is
    not known statically, or the ranks differ (TensorFlow raises)."""
    ranks = {len(shape) for shape in shapes if shape is not None}
    if axis is None or None in shapes or len(ranks) != 1:
        return None, [None] * len(shapes)
    rank = ranks.pop()
    if not -rank <= axis < rank:
        return None, [None] * len(shapes)
    at = axis % rank
    sizes = [shape[at] for shape in shapes]  # type: ignore[index]
    out = []
    for index in range(rank):
        dims = {shape[index] for shape in shapes} - {None}  # type: ignore[index]
        if index == at:
            out.append(None if None in sizes else sum(sizes))  # type: ignore[arg-type]
        else:
            out.append(dims.pop() if len(dims) == 1 else None)
    return tuple(out), sizes


def resized_shape(shape: Shape | None, size: Shape | None) -> Shape | None:
    """tf.image.resize*: images [batch, h, w, c] or [h, w, c] to `size` (new_height, new_width),
    the channels kept; a size not known statically leaves the height and width unknown."""
    if shape is None or len(shape) not in (3, 4):
        return None
    height, width = size if size is not None and len(size) == 2 else (None, None)
    return (*shape[:-3], height, width, shape[-1])


def reduced_shape(shape: Shape | None, axes: tuple[int, ...] | None, keepdims: bool) -> Shape | None:
    """tf.reduce_mean / tf.nn.moments: the reduced axes dropped (or kept as 1); every axis when none
    is given."""
    if shape is None:
        return None
    rank = len(shape)
    chosen = set(range(rank)) if axes is None else {axis % rank for axis in axes if -rank <= axis < rank}
    if axes is not None and len(chosen) != len(set(axes)):
        return None  # TensorFlow raises
    return tuple(1 if index in chosen else d for index, d in enumerate(shape)) if keepdims else \
        tuple(d for index, d in enumerate(shape) if index not in chosen)


def split_shapes(shape: Shape | None, sizes: list[int] | int | None, axis: int) -> list[Shape | None] | None:
    """tf.split: the parts' shapes, `sizes` a count of equal parts or a list of sizes; None when the
    number of parts is not known statically."""
    if sizes is None:
        return None
    count = sizes if isinstance(sizes, int) else len(sizes)
    if shape is None:
        return [None] * count
    if not -len(shape) <= axis < len(shape):
        return None
    at = axis % len(shape)
    if isinstance(sizes, int):
        size = shape[at] // sizes if shape[at] is not None and sizes and shape[at] % sizes == 0 else None
        parts = [size] * sizes
    else:
        parts = list(sizes)
    return [(*shape[:at], part, *shape[at + 1:]) for part in parts]


def stacked_shape(shapes: list[Shape | None], axis: int) -> Shape | None:
    """tf.stack: the parts' common shape with a new dimension of their count at `axis`."""
    if not shapes or None in shapes or len(set(shapes)) != 1:
        return None
    shape = shapes[0]
    if not -len(shape) - 1 <= axis <= len(shape):  # type: ignore[arg-type]
        return None
    at = axis if axis >= 0 else len(shape) + 1 + axis  # type: ignore[arg-type]
    return (*shape[:at], len(shapes), *shape[at:])  # type: ignore[index]
