"""Python builtins and math functions evaluated on known values (range, len, min, math.sqrt, np.prod ...)."""
from __future__ import annotations

import math
import re

from initlint.analysis.records import is_instance
from initlint.analysis.values import Const, DictV, Ref, Seq, TensorV, Unknown, Value

_MAPPABLE = frozenset({"builtins.int", "builtins.float", "builtins.round", "builtins.abs", "builtins.str", "builtins.bool"})
_MATH = {"sqrt", "pow", "ceil", "floor", "log", "log2", "log10", "exp", "prod", "sum", "clip", "int32", "float32"}

# Constant folding must stay cheap whatever the file says: `"a" * 10**10` would allocate 10 GB and
# `(10**64) ** 64 ** 3` would compute for hours. Larger results are left unknown.
MAX_BITS = 65_536  # of an integer result
MAX_LENGTH = 100_000  # of a string, bytes, tuple or list result
MAX_ITEMS = 10_000  # of an abstract sequence (Seq)
_FORMAT_WIDTH = re.compile(r"%[-+ #0]*(?:\*|\d{4,})|%[-+ #0]*\d*\.(?:\*|\d{4,})")


def _bits(value: object) -> int:
    return abs(value).bit_length() if isinstance(value, int) else 0


def _length(value: object) -> int:
    return len(value) if isinstance(value, (str, bytes, tuple, list)) else 0


def too_costly(kind: str, a: object, b: object) -> bool:
    """Whether folding `a <kind> b` (kind: libcst's operator class name) could take unbounded time or memory."""
    if kind == "Power" and isinstance(a, int) and isinstance(b, int):
        return abs(a) > 1 and b > 0 and b * _bits(a) > MAX_BITS
    if kind in ("Multiply", "LeftShift"):
        if isinstance(a, int) and isinstance(b, int):
            return _bits(a) + (b if kind == "LeftShift" else _bits(b)) > MAX_BITS
        count, sequence = (b, a) if isinstance(b, int) else (a, b)
        return isinstance(count, int) and count > 0 and _length(sequence) * count > MAX_LENGTH
    if kind == "Add":
        return _length(a) + _length(b) > MAX_LENGTH
    if kind == "Modulo" and isinstance(a, (str, bytes)):  # `"%01000000000d" % 1`
        text = a.decode("latin-1") if isinstance(a, bytes) else a
        return _FORMAT_WIDTH.search(text) is not None
    return False


def _builtin(name: str, positional: list[Value], keywords: dict[str, Value]) -> Value:
    values = [v.value if isinstance(v, Const) else v for v in positional]
    note = next((v.note for v in positional if isinstance(v, Const) and v.note), None)
    try:
        if name in ("range", "xrange") and all(isinstance(v, int) for v in values) and 1 <= len(values) <= 3:
            items = range(*values)  # type: ignore[arg-type]
            if len(items) > 4096:
                return Unknown("a long range")
            # the count may be a parameter's default (callers may pass another), but an index is
            # what it is in its own iteration: `if t == 0:` inside `for t in range(max_len)` is
            # decided (show-attend-and-tell listed its embedding once per step, "only if t == 0")
            return Seq([Const(i) for i in items], open_length=note)
        if name in ("int", "float", "round", "abs", "bool", "str") and len(values) == 1:
            if isinstance(values[0], (int, float, str, bool)):
                return Const({"int": int, "float": float, "round": round, "abs": abs, "bool": bool,
                              "str": str}[name](values[0]), note)
            if isinstance(positional[0], TensorV):
                return Unknown("a tensor converted to a number")
        if name == "len" and len(positional) == 1 and isinstance(positional[0], DictV) and positional[0].unknown:
            return Unknown(positional[0].unknown)
        if name == "len" and len(positional) == 1 and isinstance(positional[0], Seq) and positional[0].open_length:
            return Unknown(positional[0].open_length)
        if name == "len" and len(positional) == 1 and isinstance(positional[0], (Seq, DictV)):
            return Const(len(positional[0].items), note)
        if name == "len" and len(values) == 1 and isinstance(values[0], (str, bytes, tuple, list)):
            return Const(len(values[0]), note)  # `len('0123456789+ ')`: the Keras addition example's vocabulary
        if name == "isinstance" and len(positional) == 2:
            return is_instance(positional[0], positional[1])
        if name in ("min", "max", "sum") and positional:
            items = positional[0].items if len(positional) == 1 and isinstance(positional[0], Seq) else positional
            numbers = [v.value for v in items if isinstance(v, Const)]
            if len(numbers) == len(items) and numbers:
                return Const({"min": min, "max": max, "sum": sum}[name](numbers), note)
        if name == "type" and len(positional) == 1:  # `type(nb) is list` (keras-contrib's densenet)
            value = positional[0]
            if isinstance(value, Const) and value.note is None:  # a default callers may replace is no type
                return Ref(f"builtins.{type(value.value).__name__}")
            if isinstance(value, Seq) and value.kind in ("list", "tuple") and value.record is None:
                return Ref(f"builtins.{value.kind}")
            if isinstance(value, DictV) and not value.unknown:
                return Ref("builtins.dict")
        if name in ("all", "any") and len(positional) == 1 and isinstance(positional[0], Seq):
            items = positional[0].items
            truths = [v.value for v in items if isinstance(v, Const)]
            if len(truths) == len(items):
                note = next((v.note for v in items if isinstance(v, Const) and v.note), None)
                return Const({"all": all, "any": any}[name](truths), note)
        if name in ("list", "tuple") and len(positional) == 1 and isinstance(positional[0], Seq):
            return Seq(list(positional[0].items), name, open_length=positional[0].open_length)
        if name in ("list", "tuple") and not positional:
            return Seq([], name)
        if name == "dict" and not positional:
            return DictV(dict(keywords))
        if name == "dict" and len(positional) == 1 and isinstance(positional[0], DictV):
            # caffe-tensorflow's `self.layers = dict(inputs)`: a copy, tensors and all (facenet's MTCNN)
            return DictV({**positional[0].items, **keywords}, positional[0].unknown)
        if name == "dict" and len(positional) == 1 and isinstance(positional[0], Seq) and all(
                isinstance(pair, Seq) and len(pair.items) == 2 and isinstance(pair.items[0], Const)
                for pair in positional[0].items):
            return DictV({**{pair.items[0].value: pair.items[1] for pair in positional[0].items}, **keywords})
        if name == "dict" and len(positional) == 1 and type(positional[0]) is Unknown:
            # a dict of a caller's items: what it holds is not known, but a value stored in it under a
            # known key is read back (caffe-tensorflow's `self.layers = dict(inputs)`, linted alone)
            return DictV(dict(keywords), f"the items of {positional[0].reason or 'a value not known statically'}")
        if name == "map" and len(positional) == 2 and isinstance(positional[1], Seq) \
                and isinstance(positional[0], Ref) and positional[0].path in _MAPPABLE:
            # `list(map(int, x.get_shape()))`: pixel-cnn's int_shape
            function = positional[0].path.rsplit(".", 1)[-1]
            return Seq([_builtin(function, [item], {}) for item in positional[1].items])
        if name == "enumerate" and 1 <= len(positional) <= 2 and isinstance(positional[0], Seq):
            # `enumerate(blocks, 1)` (BiT's ResNet block loop): counted from the start given
            start = positional[1] if len(positional) == 2 else keywords.get("start", Const(0))
            if isinstance(start, Const) and type(start.value) is int:
                return Seq([Seq([Const(i), v], "tuple") for i, v in enumerate(positional[0].items, start.value)])
        if name == "zip" and positional and all(isinstance(p, Seq) for p in positional):
            return Seq([Seq(list(group), "tuple") for group in zip(*(p.items for p in positional))])  # type: ignore[union-attr]
        if name == "reversed" and len(positional) == 1 and isinstance(positional[0], Seq):
            return Seq(list(reversed(positional[0].items)))
        if name == "pow" and len(values) == 2 and all(isinstance(v, (int, float)) for v in values):
            if too_costly("Power", values[0], values[1]):
                return Unknown("a value too large to compute")
            return Const(values[0] ** values[1], note)  # type: ignore[operator]
    except (TypeError, ValueError, OverflowError, MemoryError):
        pass
    return Unknown(f"{name}() of values not known statically")


def _math(name: str, positional: list[Value]) -> Value:
    values = [v.value for v in positional if isinstance(v, Const)]
    note = next((v.note for v in positional if isinstance(v, Const) and v.note), None)
    if len(values) != len(positional) or not values:
        if name in ("prod", "sum") and len(positional) == 1 and isinstance(positional[0], Seq):
            items = [v.value for v in positional[0].items if isinstance(v, Const)]
            if len(items) == len(positional[0].items) and all(type(item) in (int, float) for item in items):
                if name == "sum":  # product-nets' Glorot: `np.sqrt(6. / np.sum(var_shape))`
                    return Const(sum(items))
                if sum(_bits(item) for item in items) > MAX_BITS:
                    return Unknown("a value too large to compute")
                return Const(math.prod(items))
        return Unknown(f"{name}() of values not known statically")
    try:
        if name == "sqrt":
            return Const(math.sqrt(values[0]), note)
        if name == "pow":
            return Const(math.pow(values[0], values[1]), note)
        if name == "ceil":
            return Const(math.ceil(values[0]), note)
        if name == "floor":
            return Const(math.floor(values[0]), note)
        if name == "log":
            return Const(math.log(*values), note)
        if name == "log2":  # stylegan2's `resolution_log2 = int(np.log2(resolution))`
            return Const(math.log2(values[0]), note)
        if name == "log10":
            return Const(math.log10(values[0]), note)
        if name == "exp":
            return Const(math.exp(values[0]), note)
        if name == "clip" and len(values) == 3:  # np.clip(x, low, high) of numbers (stylegan2's widths)
            return Const(min(max(values[0], values[1]), values[2]), note)
        if name == "sum" and len(values) == 1 and type(values[0]) in (int, float):
            return Const(values[0], note)
        if name in ("int32", "float32"):
            return Const(int(values[0]) if name == "int32" else float(values[0]), note)
    except (ValueError, TypeError, OverflowError, IndexError):
        pass
    return Unknown(f"{name}() of values not known statically")
