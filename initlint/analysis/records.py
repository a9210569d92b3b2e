"""Named tuples: `collections.namedtuple` / `typing.NamedTuple` classes and the records they build.

A record is a Seq (it is a tuple: indexing, unpacking and iteration work as on any tuple) whose
`record` names its class, so its fields read by name and `isinstance(x, Conv)` has an answer.
"""
from __future__ import annotations

import keyword

from initlint.analysis.values import (ClassV, Const, DictV, FuncV, LayerV, ModelV, ModuleV, PartialV, RecordClassV, Ref,
                                      Seq, TensorV, Unknown, Value, VariableV)


def field_names(value: Value, typed: bool) -> list[str] | None:
    """namedtuple's field_names (a list of names, or one string split at commas and spaces), or
    typing.NamedTuple's list of (name, type) pairs; None when not known statically."""
    if not typed and isinstance(value, Const) and isinstance(value.value, str):
        return value.value.replace(",", " ").split()
    if not isinstance(value, Seq):
        return None
    names: list[str] = []
    for item in value.items:
        if typed and isinstance(item, Seq) and len(item.items) == 2:
            item = item.items[0]
        if not (isinstance(item, Const) and isinstance(item.value, str)):
            return None
        names.append(item.value)
    return names


def valid_fields(names: list[str]) -> bool:
    """Names namedtuple takes as they are (anything else is an error, or renamed under rename=True)."""
    return len(set(names)) == len(names) and all(
        name.isidentifier() and not keyword.iskeyword(name) and not name.startswith("_") for name in names)


def namedtuple_class(typed: bool, positional: list[Value], keywords: dict[str, Value], opaque: bool) -> Value:
    """collections.namedtuple(typename, field_names, *, rename=False, defaults=None, module=None), or
    typing.NamedTuple(typename, [(name, type), ...])."""
    if opaque or len(positional) > 2:
        return Unknown("a namedtuple whose arguments are not known statically")
    args = dict(zip(("typename", "fields"), positional))
    args.update({key: value for key, value in keywords.items() if key in ("typename", "field_names", "fields")})
    fields_value = args.get("fields", args.get("field_names"))
    typename = args.get("typename")
    names = field_names(fields_value, typed) if fields_value is not None else None
    if names is None or not valid_fields(names):
        return Unknown("a namedtuple whose fields are not known statically")
    if any(key not in ("typename", "field_names", "fields", "rename", "defaults", "module") for key in keywords):
        return Unknown("a namedtuple built with arguments initlint does not read")
    defaults: dict[str, Value] = {}
    given = keywords.get("defaults")
    if given is not None and not (isinstance(given, Const) and given.value is None):
        if not isinstance(given, Seq) or len(given.items) > len(names):
            return Unknown("a namedtuple whose defaults are not known statically")
        defaults = dict(zip(names[len(names) - len(given.items):], given.items))
    name = typename.value if isinstance(typename, Const) and isinstance(typename.value, str) else "namedtuple"
    return RecordClassV(name, tuple(names), defaults)


def build(cls: RecordClassV, positional: list[Value], keywords: dict[str, Value], opaque: bool) -> Value:
    """A call to a namedtuple class: the record, its fields bound as Python binds them."""
    if opaque:  # `Conv(*spec)`: of that class, but which value went to which field is not known
        return Seq([Unknown(f"field `{name}` of a {cls.name} built from *args or **kwargs") for name in cls.fields],
                   "tuple", cls)
    if len(positional) > len(cls.fields):
        return Unknown(f"{cls.name}() with too many arguments")
    bound = dict(zip(cls.fields, positional))
    for key, value in keywords.items():
        if key not in cls.fields or key in bound:
            return Unknown(f"{cls.name}() with an unexpected argument `{key}`")
        bound[key] = value
    for name in cls.fields:
        if name not in bound:
            if name not in cls.defaults:
                return Unknown(f"{cls.name}() without its field `{name}`")
            bound[name] = cls.defaults[name]
    return Seq([bound[name] for name in cls.fields], "tuple", cls)


def replaced(record: Seq, positional: list[Value], keywords: dict[str, Value], opaque: bool) -> Value:
    """record._replace(**changes)."""
    cls = record.record
    assert cls is not None
    if opaque:
        return Seq([Unknown(f"field `{name}` of {cls.name}._replace(**kwargs)") for name in cls.fields], "tuple", cls)
    if positional or any(key not in cls.fields for key in keywords):
        return Unknown(f"{cls.name}._replace() with unexpected arguments")
    return Seq([keywords.get(name, item) for name, item in zip(cls.fields, record.items)], "tuple", cls)


def is_instance(value: Value, classes: Value) -> Value:
    """isinstance(value, classes) where every class is a namedtuple class: known for a record (its
    class or one derived from it) and for a plain literal, list or dict; unknown otherwise."""
    wanted = classes.items if isinstance(classes, Seq) and classes.kind == "tuple" else [classes]
    if wanted and all(isinstance(cls, Ref) and cls.path in _BUILTIN_TYPES for cls in wanted):
        return _is_builtin_instance(value, tuple(_BUILTIN_TYPES[cls.path] for cls in wanted))  # type: ignore[union-attr]
    if wanted and all(isinstance(cls, Ref) and cls.path in TENSOR_TYPES for cls in wanted):
        # sac's `if type(inputs) is tf.Tensor: inputs = [inputs]` of an (observation, action) tuple:
        # a literal, a list, a tuple or a dict is no tensor (one kernel of two was listed)
        if isinstance(value, (Const, DictV)) or isinstance(value, Seq) and value.kind in ("list", "tuple"):
            return Const(False, value.note if isinstance(value, Const) else None)
        return Unknown("isinstance() of a value and a tensor class")
    if not wanted or not all(isinstance(cls, RecordClassV) for cls in wanted):
        return Unknown("isinstance() of a class that is not a namedtuple")
    if isinstance(value, Seq):
        cls = value.record
        while cls is not None:
            if any(cls is other for other in wanted):
                return Const(True)
            cls = cls.base
        return Const(False)
    if isinstance(value, Const):
        return Const(False, value.note)  # a parameter's default: callers may pass a record
    if isinstance(value, DictV):
        return Const(False)
    return Unknown("isinstance() of a value not known statically")


TENSOR_TYPES = frozenset({"tensorflow.Tensor", "tensorflow.Variable", "tensorflow.SparseTensor", "numpy.ndarray"})
_BUILTIN_TYPES: dict[str, type] = {f"builtins.{t.__name__}": t for t in (int, float, str, bool, list, tuple, dict)}
# six's names for them on Python 3 (caffe-tensorflow's `isinstance(fed_layer, string_types)`)
_BUILTIN_TYPES.update({"six.string_types": str, "six.text_type": str, "six.integer_types": int,
                       # Python 2's, as its code reads them
                       "builtins.basestring": str, "builtins.unicode": str, "builtins.long": int})


def _is_builtin_instance(value: Value, types: tuple[type, ...]) -> Value:
    """isinstance(value, int / list / (list, tuple) ...) of a literal, a list, a tuple or a dict
    (keras-tcn: `nb_filters[i] if isinstance(nb_filters, list) else nb_filters`)."""
    if isinstance(value, Const):
        return Const(isinstance(value.value, types), value.note)
    if isinstance(value, Seq) and value.kind in ("list", "tuple"):
        return Const((list if value.kind == "list" else tuple) in types)
    if isinstance(value, DictV):
        return Const(dict in types)
    if isinstance(value, (FuncV, ClassV, PartialV, TensorV, VariableV, LayerV, ModelV, ModuleV)):
        return Const(False)  # keras-resnet's `_get_block(block_fn)`: a function is no str
    return Unknown("isinstance() of a value not known statically")
