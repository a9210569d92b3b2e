"""Frozen data types shared by every stage: analysis produces them, rules and reports read them."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Span:
    """A source range: 1-based lines, 1-based columns, end column exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class CallSite:
    """One call through which a helper function created a weight."""

    path: str
    line: int
    span: Span


@dataclass(frozen=True, slots=True)
class Condition:
    """An `if` whose test initlint cannot decide, on one branch of which a weight is created."""

    path: str
    line: int  # of the test
    test: str  # the test as written (shortened)
    holds: bool  # True: created when the test is true (the `if` branch); False: when it is false


@dataclass(frozen=True, slots=True)
class Initializer:
    """The initializer a weight really gets, and where that came from."""

    name: str  # canonical: glorot_uniform, he_normal, truncated_normal, ..., unknown
    params: dict[str, Any]
    source: Literal["explicit", "arg_scope", "variable_scope", "default"]
    source_line: int | None
    certain: bool
    reason: str | None = None
    api: str | None = None  # the constructor as written, canonicalised (tf.truncated_normal_initializer)
    span: Span | None = None  # where the initializer expression is written, when it is explicit


@dataclass(frozen=True, slots=True)
class Signal:
    """Predicted second moments at initialization, for standard-normal model inputs."""

    mean_square: float | None  # E[y^2] of the layer's pre-activation output
    gain: float | None  # n_in * E[w^2] * c(phi)
    input_mean_square: float | None = None
    backward_gain: float | None = None  # n_out * E[w^2] * E[phi'^2]
    chain_id: int | None = None  # weights of one chain (reset at normalization) share an id
    chain_index: int | None = None  # 0-based position of the layer in its chain
    feeds_weight: bool | None = None  # whether the layer's output reaches another weight layer
    normalized: bool = False  # a normalization layer directly follows this layer
    default_mean_square: float | None = None  # the same, had every weight its library default
    activation_factor: float | None = None  # E[phi(y)^2] / E[y^2] at this layer's q
    parent_layer: int | None = None  # layer_id of the layer whose output feeds this one, in the chain or not


@dataclass(frozen=True, slots=True)
class Weight:
    """One variable a weight-creating call makes."""

    path: str
    span: Span  # the weight-creating call
    call_stack: tuple[CallSite, ...]
    anchor: Span  # where a user sees it and its findings, in call_stack[0]'s file (interpret._anchor)
    api: str  # canonical API name, e.g. tf.layers.dense
    family: str  # tf_layers | keras | slim | get_variable | variable | rnn_cell
    role: str  # kernel | bias | depthwise_kernel | pointwise_kernel | recurrent_kernel | embeddings | variable
    shape: tuple[int | None, ...] | None
    fan_in: int | None
    fan_out: int | None
    signal_fan_in: int | None  # how many inputs one output sums over (differs for transposed/depthwise)
    initializer: Initializer
    std: float | None
    mean: float | None
    activation: str | None
    signal: Signal
    layer_id: int  # weights created by one layer call share it
    dialect: str  # tf1 | tf2
    iteration: int | None = None  # loop iteration that created it, when unrolled
    shape_reason: str | None = None  # why the shape rests on an assumption (a parameter default)
    facts: dict[str, Any] = field(default_factory=dict)  # what rules need beyond the contract
    conditions: tuple[Condition, ...] = ()  # undecided `if`s it is created under, outermost first
    # the loop or comprehension that made it running once, for a count not known statically (or over
    # max-unroll): run, it may make more of it
    repeats: CallSite | None = None

    @property
    def certain(self) -> bool:
        return self.initializer.certain and self.shape_reason is None

    def answer(self) -> str:
        """What its findings are made of: two weights with the same answer get the same findings."""
        init = self.initializer
        return repr((self.role, self.shape, init.name, sorted(init.params.items()), init.source, init.certain,
                     self.std, self.mean, self.activation, self.signal.mean_square, self.signal.gain))

    @property
    def doubtful(self) -> bool:
        """Whether something besides the initializer (Weight.answer has that) leaves its findings
        uncertain: a caller whose context settles it (yolo's train.py: no arg_scope adds a
        normalizer) may make a finding certain that the module alone reports as an info."""
        return self.shape_reason is not None or any(self.facts.get(fact) is not None
                                                    for fact in ("signal_uncertain", "maybe_restored"))


@dataclass(frozen=True, slots=True)
class Edit:
    content: str
    span: Span


@dataclass(frozen=True, slots=True)
class Fix:
    applicability: Literal["safe", "unsafe"]
    message: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    name: str
    severity: Severity
    message: str
    path: str
    span: Span
    fix: Fix | None = None
    data: dict[str, Any] = field(default_factory=dict)
    certain: bool = True
    # the weight it is about: its file, creating line and column, Weight.answer(), and whether this
    # finding is certain (not reported)
    about: tuple[str, int, int, str, bool] | None = None


@dataclass(frozen=True, slots=True)
class FileResult:
    """Everything initlint learnt about one file."""

    path: str
    weights: tuple[Weight, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    dialect: str | None = None
    dialect_reason: str | None = None
    source: str | None = None  # the text as read, for reporters that show source lines
    skipped: bool = False  # the prefilter found nothing that could create a weight
    dependencies: tuple[str, ...] = ()  # other project files (absolute paths) the answers depend on
    # (line, import path) of third-party calls that tensors went through, which initlint does not read
    unfollowed: tuple[tuple[int, str], ...] = ()
    # (line, function) where a chain from this file was cut at max-call-depth before another module's code
    cut_calls: tuple[tuple[int, str], ...] = ()
    # calls into a project module initlint cannot parse: (line, call, the module as shown)
    unread: tuple[tuple[int, str, str], ...] = ()


def kernel_shaped(shape: tuple[int | None, ...] | None, facts: dict[str, Any]) -> bool:
    """A weight that can be a layer's kernel: rank 2 or more (or unknown), and not a bias written
    as a row broadcast over the batch (`[1, n]`, which the analysis marks `broadcast_bias`)."""
    return (shape is None or len(shape) >= 2) and "broadcast_bias" not in facts


def _quick_unpickling(*classes: type) -> None:
    """A cached result holds thousands of these: dataclasses' own `__setstate__` for frozen slotted
    classes calls `fields()` for every object (a sixth of a warm run over the corpus). The state
    stays the list of field values in order; each value is set through its slot directly."""
    for cls in classes:
        setters = tuple(cls.__dict__[name].__set__ for name in cls.__dataclass_fields__)

        def __setstate__(self: Any, state: list[Any], setters: tuple = setters) -> None:
            for set_slot, value in zip(setters, state):
                set_slot(self, value)

        cls.__setstate__ = __setstate__  # type: ignore[attr-defined]


_quick_unpickling(Span, CallSite, Condition, Initializer, Signal, Weight, Edit, Fix, Diagnostic, FileResult)
