"""Abstract values the interpreter computes: what a name or an expression is known to be."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import libcst as cst

from initlint.analysis.names import canonical


class Value:
    """Base class: anything an expression can evaluate to."""


@dataclass(eq=False)
class Unknown(Value):
    reason: str
    alternatives: tuple[Value, ...] = ()  # what it may be, when a run-time condition picks one of these
    # a TensorFlow op's result on tensors initlint followed: a tensor whose scale is not known (a
    # layer reading it gets an unknown signal, not the standard-normal input a model input is)
    derived: bool = False
    # (the test, the file its code is in) whose truth picked alternatives[0] and falsity alternatives[1]
    # (the test of an `if` or a conditional expression, an `or`'s left operand)
    chosen_by: Any = None
    # the project module (as shown) it comes from, which cannot be parsed: calls into it are named
    unread: str | None = None


@dataclass(eq=False)
class Const(Value):
    """A Python literal value; `note` says when it is only a parameter's default."""

    value: Any
    note: str | None = None


@dataclass(eq=False)
class Seq(Value):
    items: list[Value]
    kind: str = "list"
    record: "RecordClassV | None" = None  # the namedtuple class that built it; None: a plain tuple or list
    # why it may hold more items than `items` lists (appended to in a loop that ran once for an
    # unknown count): its length is then unknown
    open_length: str | None = None


@dataclass(eq=False)
class DictV(Value):
    items: dict[Any, Value]
    # why it may hold keys `items` does not list (a store under a key not known statically): its
    # length and keys are then unknown, and each listed value may have been overwritten
    unknown: str | None = None


@dataclass(eq=False)
class Ref(Value):
    """A module or API object reached through imports, by its full import path."""

    path: str

    @property
    def name(self) -> str:
        return canonical(self.path)


@dataclass(eq=False)
class InitV(Value):
    """A constructed initializer."""

    name: str
    params: dict[str, Any]
    api: str
    arithmetic: str = "tf"
    line: int | None = None  # None with a node: located when a weight uses it (Interpreter.init_line)
    node: cst.CSTNode | None = None
    certain: bool = True
    reason: str | None = None
    uncalled: bool = False
    deprecated_for: str | None = None
    defaulted: tuple[str, ...] = ()  # parameters the code did not write: the constructor's defaults apply
    origin: str | None = None  # the file whose code constructed it


@dataclass(eq=False)
class TensorV(Value):
    """A tensor: its static shape (None dims unknown) and its predicted second moments."""

    shape: tuple[int | None, ...] | None = None
    ms: float | None = 1.0  # E[x^2]
    mean: float = 0.0  # E[x]
    ms_default: float | None = 1.0  # E[x^2] had every weight its library default
    chain: int | None = None
    depth: int = 0
    producer: Any = None  # the LayerDraft whose output reaches here
    pending: Any = None  # the LayerDraft whose pre-activation output this is (activation not yet applied)
    rectified: bool = False
    act_factor: float | None = 1.0  # E[phi(y)^2]/E[y^2] of the last activation it went through (None: not known)
    # per spatial axis, each position's mean square relative to the map's (mean 1): convolutions near
    # the padding of a small map sum fewer taps, and the next layer reads that profile; None: uniform
    profile: tuple[tuple[float, ...], ...] | None = None
    pre: tuple[float, float] | None = None  # (E[y^2], E[y]) a ReLU saw, for max pooling
    # a sum, product, concatenation or pool since the last layer: a layer reading it has its gain
    # against this, not against that layer's pre-activation
    rescaled: bool = False
    init: InitV | None = None  # for random tensors used as initial values
    dtype_int: bool = False
    # a statistic of another tensor: ("mean" | "var" | "sq" | "sqdev" | "meansq" | "centered" |
    # "inv_std" | "std" | "inv_rms" | "rms", that tensor), so that a normalization written by hand is
    # one (tensors compare by identity)
    stat: "tuple[str, TensorV] | None" = None
    # (E[x^2], E[x]) of a variable that is state, not a weight, from its known constant values: read
    # only where it is added to a layer's output as its bias (as an input, state is no signal)
    constant: tuple[float, float] | None = None
    # a numpy array: an index not known statically may be an array of indices (it keeps its axis)
    array: bool = False
    # `k * x` of a known number: x and k, whatever x's scale (`tf.maximum(0.2 * x, x)` is a leaky ReLU)
    scaled_from: "tuple[TensorV, float] | None" = None
    # a max pool of a ReLU's output: non-negative, so a ReLU after it is the identity (PSPNet's stem)
    nonnegative: bool = False
    # a layer's output (and its max pool): the mean square, over channels, of the part of each channel
    # that is the same at every position, around the mean (a conv reading an input with a mean adds
    # a fixed offset per channel), which a max pool does not amplify; None: not known (taken as 0)
    offsets: float | None = None
    # tf.one_hot's output: a matmul of it with a weight picks one of the weight's rows (a lookup)
    one_hot: bool = False
    # the correlation between its units, over the inputs: a layer whose weights share a nonzero mean
    # gives each unit that mean times the sum of its inputs, so its units move together, which the
    # next such layer sums coherently (0: independent units)
    correlation: float = 0.0


@dataclass(eq=False)
class VariableV(Value):
    weight: Any  # WeightDraft
    view_shape: tuple[int | None, ...] | None = None  # the shape after tf.reshape of the variable
    scaled: bool = False  # multiplied at run time (ProGAN's equalized learning rate): its values are not the layer's
    transposed: bool = False  # a matrix read as tf.transpose(w): its rows are the layer's outputs
    # the variables the other branches of an undecided `if` bound to the same name: a layer reading
    # this one reads one of them, each of which is its own layer
    alternatives: tuple["VariableV", ...] = ()

    @property
    def shape(self) -> tuple[int | None, ...] | None:
        return self.view_shape if self.view_shape is not None else self.weight.shape


@dataclass(eq=False)
class FuncV(Value):
    node: cst.FunctionDef | cst.Lambda
    env: "Env"
    name: str
    bound_self: Value | None = None
    owner: "ClassV | None" = None
    undecorated: bool = False  # the function itself, as its decorators receive it


@dataclass(eq=False)
class ClassV(Value):
    node: cst.ClassDef
    env: "Env"
    name: str
    bases: list[Value]
    methods: dict[str, cst.FunctionDef] = field(default_factory=dict)
    attrs: dict[str, Value] = field(default_factory=dict)


@dataclass(eq=False)
class RecordClassV(Value):
    """A namedtuple class (collections.namedtuple, typing.NamedTuple): calling it builds a Seq
    whose `record` is this class."""

    name: str
    fields: tuple[str, ...]
    defaults: dict[str, Value]
    base: "RecordClassV | None" = None  # the namedtuple a class statement derives it from
    cls: "ClassV | None" = None  # that class statement, for its methods


@dataclass(eq=False)
class InstanceV(Value):
    cls: ClassV
    attrs: dict[str, Value] = field(default_factory=dict)


@dataclass(eq=False)
class LayerV(Value):
    """A layer object (Keras, tf.layers class, RNN cell) constructed, weights made at first call."""

    spec: Any  # LayerSpec
    args: dict[str, Value]
    node: cst.Call
    call_stack: tuple
    context: Any  # the Context when constructed
    layer: Any = None  # LayerDraft once built
    weights_emitted: bool = False
    alternatives: tuple = ()  # other LayerSpecs a run-time choice may pick instead
    conditions: tuple = ()  # Interpreter.conditions when it was constructed
    repeats: Any = None  # the innermost of Interpreter.uncounted when it was constructed


@dataclass(eq=False)
class ForeignV(Value):
    """Something a third-party package (neither the project nor TensorFlow, Keras or slim) made or
    is: initlint does not read its code, and says so where tensors go through it."""

    name: str  # its import path


@dataclass(eq=False)
class TemplateV(Value):
    """tf.make_template(name, func, **kwargs): each call runs func in the variable scope `name`, the
    first creating its variables and the later ones reusing them."""

    func: Value
    name: str | None
    keywords: dict[str, Value]
    called: bool = False


@dataclass(eq=False)
class PartialV(Value):
    """functools.partial(func, *positional, **keywords): calling it calls func with them first."""

    func: Value
    positional: tuple
    keywords: dict[str, Value]


@dataclass(eq=False)
class OpLayerV(Value):
    """A Keras layer without weights: pooling, dropout, flatten, activation, reshape, merge."""

    kind: str
    params: dict[str, Value]


@dataclass(eq=False)
class ModelV(Value):
    layers: list[Value]
    input_shape: tuple | None = None
    # a Sequential built as layers join it: how many are applied, and the output so far
    layers_built: int | None = None
    tensor: Value | None = None


@dataclass(eq=False)
class FunctionalV(Value):
    """A functional Keras model, `Model(inputs, outputs)`: its `input(s)` and `output(s)` are those
    tensors, and called on another input it gives the outputs' shape (what it computes there is not
    followed: its scale is unknown)."""

    inputs: Value
    outputs: Value


@dataclass(eq=False)
class VarScopeObj(Value):
    """A captured tf.variable_scope / VariableScope object (re-entering it jumps back to it)."""

    initializer: Value | None
    line: int | None
    path: tuple[str, ...] = ()  # the scope's full name, for variable reuse
    file: str | None = None  # the file (as shown) of `line`
    # how many unnamed layers of each default name were made in this entry of the scope: TensorFlow
    # counts them per entry (leaving a scope resets its sub-scopes' counts), `dense`, `dense_1`, ...
    default_names: dict[str, int] = field(default_factory=dict)


@dataclass(eq=False)
class ContextV(Value):
    """What a `with` statement enters: a variable_scope, an arg_scope, or nothing that matters."""

    kind: str  # variable_scope | arg_scope | graph (tf.Graph().as_default()) | none
    initializer: Value | None = None
    initializer_given: bool = False
    scope_obj: VarScopeObj | None = None
    ops: Value | None = None
    kwargs: dict[str, Value] = field(default_factory=dict)
    line: int | None = None
    saved: "ArgScopeV | None" = None
    name: str | None = None  # a variable_scope's name, when written as a string
    reuse: str | None = None  # "strict" (reuse=True) | "auto" (tf.AUTO_REUSE)
    custom_getter: int | None = None  # the line of a variable_scope's custom_getter (0: line not known)
    getter_sets_initializer: bool = False  # that getter may pass get_variable another initializer


@dataclass(eq=False)
class ArgScopeV(Value):
    """A captured arg_scope: op key -> {kwarg: (value, line)}, plus scopes over unknown op lists."""

    ops: dict[str, dict[str, tuple[Value, int | None]]]
    unknown: list[tuple[dict[str, Value], int | None]]
    opaque: int | None = None  # line of an arg_scope entered from a value not known statically


@dataclass(eq=False)
class ModuleV(Value):
    """A project module imported by the analysed file: its top-level names, evaluated."""

    env: "Env"
    path: str


class Env:
    """Names visible in a function body; lookups fall back to the enclosing (closure) env."""

    __slots__ = ("names", "parent", "origin", "declared_global", "star_imports")

    def __init__(self, parent: "Env | None" = None, origin: str | None = None) -> None:
        self.names: dict[str, Value] = {}
        self.parent = parent
        self.origin = origin  # set on a module's env: the file its imports resolve from
        self.declared_global: set[str] | None = None  # names a `global` statement in this function names
        # on a module's env: the libraries its `from x import *` statements read, in order (None: none)
        self.star_imports: list[str] | None = None

    def module(self) -> "Env":
        """The env of the module this one's code is in (where `global` names live)."""
        env = self
        while env.origin is None and env.parent is not None:
            env = env.parent
        return env

    def file(self) -> str | None:
        env: Env | None = self
        while env is not None:
            if env.origin is not None:
                return env.origin
            env = env.parent
        return None

    def lookup(self, name: str) -> Value | None:
        env: Env | None = self
        while env is not None:
            found = env.names.get(name)
            if found is not None:
                return found
            env = env.parent
        return None
