#!/usr/bin/env python3
"""Run one fixture model file in real TensorFlow and report what it created.

    python tests/oracle/tf_runner.py FIXTURE.py [--batch 64] [--batches 8] [--seed 0] [--draws 3]
                                                [--timeout 240] [--dialect tf1|tf2]

prints one JSON object on stdout:

    {"fixture": ..., "tensorflow": "2.21.0", "dialect": "tf1" | "tf2",
     "variables": [{"name", "shape", "dtype", "trainable", "std", "mean", "min", "max", "size",
                    "lines": [fixture lines of the creation stack, outermost first, innermost last],
                    "frames": [{"line", "end_line", "column", "end_column", "function"}, ...],
                    "construction_lines": [...], "construction_frames": [...],
                    "role_hint"}],
     "activations": [{"variable", "op", "op_type", "mean_square", "mean_square_draws", "mean",
                      "count", "lines"}],
     "placeholders": [{"name", "shape", "dtype", "fed"}],
     "warnings": [...]}

or, when the fixture cannot be run, {"error": "...", "traceback": "..."} with exit status 2.

This file is run as a subprocess by tests/test_oracle.py; it is never imported by pytest.

Environment it sets up before executing the fixture (see design.md, "the oracle tier"):

* TF_USE_LEGACY_KERAS=1, so `tf.keras`, `tf.layers` and `tf.compat.v1.layers` are tf_keras
  (Keras 2); graph mode (`tf.compat.v1.disable_eager_execution()`).
* TF1-dialect fixtures (`# fixture: dialect=tf1`, or TF1-only spellings such as `tf.layers.`,
  `tf.placeholder`, `tf.get_variable`, `tf.contrib` when no dialect is declared): every public name
  of `tf.compat.v1` is set on the `tensorflow` module, except `keras` and `compat`.
* `tf.contrib.slim`, `tf.contrib.layers`, `tf.contrib.framework` and the `tensorflow.contrib.*`
  imports map to `tf_slim`; `tf.contrib.rnn` to `tf.compat.v1.nn.rnn_cell` (plus `static_rnn`,
  `static_bidirectional_rnn`, `static_state_saving_rnn`), as in TF 1.x. For tf_slim's batch_norm,
  `tensorflow.python.framework.ops.Tensor` is restored (TF 2.21 removed it) and
  `tf_keras.legacy_tf_layers.normalization` is aliased to `tf_keras.src.legacy_tf_layers.normalization`
  (TF 2.21's `tensorflow.python.layers.normalization` lazily imports the former, which tf_keras 2.21
  does not have).
* The fixture is run with `runpy.run_path(..., run_name="__main__")`, so its frames carry its
  real file name and line numbers; whatever it prints goes to stderr.

Variables are captured with a variable creator scope (which also sees Keras' variables): the
creation stack is read from the Python frames, restricted to the fixture file. Each frame also
records the full source span of the call expression it was executing (Python 3.11 positions),
so a layer written inside a multi-line `keras.Sequential([...])` call can be matched. For a
variable built by a layer object (Keras layer, tf.layers class, TF1 RNN cell) the stack where
that object was constructed is recorded too (`construction_lines` / `construction_frames`):
such variables are created at the layer's first call, which may be far from where the layer is
written.

Pre-activation outputs: from each variable, follow its readers (ReadVariableOp / Identity /
Cast / Enter) to the first MatMul / BatchMatMul / Conv / Conv2DBackpropInput / DepthwiseConv2d
op that uses it; if that op's output (possibly through a Reshape) is added to another variable
by BiasAdd / Add / AddV2, measure that sum instead. Weights of recurrent cells (a layer with a
recurrent_kernel, or a TF1 `*_cell/` scope) are not measured: their gates sum several matmuls
and the first step sees a zero state.

Feeding: every Placeholder is fed, floats with standard normal values (scalar or unknown-rank
float placeholders, e.g. keep_prob, get 1.0), placeholders that index an embedding table with
integers valid for that table, other integers with 0/1, bools with False. Unknown dimensions
are --batch for the first dimension and 8 for the others.

A predicted mean square is an expectation over initializations, and one draw of a 10-unit
logits layer can be 2x off it, so the fixture is built --draws times (each in a fresh graph,
seeds --seed, --seed+1, ...) and `mean_square` is the average over the draws
(`mean_square_draws` lists them). Variables are reported from the first draw. Python's
`random`, numpy and the graph seed are all seeded (tf_keras initializers without a seed take
theirs from `random`), so the output is reproducible.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import runpy
import signal
import sys
import traceback
import types

MATMUL_OPS = {
    "MatMul",
    "BatchMatMul",
    "BatchMatMulV2",
    "BatchMatMulV3",
    "Conv1D",
    "Conv2D",
    "Conv3D",
    "Conv2DBackpropInput",
    "Conv3DBackpropInputV2",
    "DepthwiseConv2dNative",
}
# ops where the weight must be the filter / second operand
FILTER_OPS = {"Conv2D", "Conv3D", "DepthwiseConv2dNative", "Conv2DBackpropInput", "Conv3DBackpropInputV2"}
READ_THROUGH = {"ReadVariableOp", "Identity", "Cast", "Enter", "RefEnter"}
ADD_OPS = {"BiasAdd", "Add", "AddV2"}
VARIABLE_OPS = {"VarHandleOp", "VariableV2", "Variable"}

TF1_SPELLINGS = re.compile(
    r"\btf\.(layers|placeholder|get_variable|variable_scope|contrib|Session|truncated_normal"
    r"|random_normal|random_uniform|global_variables_initializer|get_variable_scope"
    r"|truncated_normal_initializer|uniform_unit_scaling_initializer|nn\.rnn_cell)\b"
)

ROLE_HINTS = [
    ("depthwise_kernel", "depthwise_kernel"),
    ("depthwise_weights", "depthwise_kernel"),
    ("pointwise_kernel", "pointwise_kernel"),
    ("pointwise_weights", "pointwise_kernel"),
    ("recurrent_kernel", "recurrent_kernel"),
    ("embeddings", "embeddings"),
    ("kernel", "kernel"),
    ("weights", "kernel"),
    ("bias", "bias"),
    ("biases", "bias"),
    ("gamma", "gamma"),
    ("beta", "beta"),
    ("moving_mean", "moving_mean"),
    ("moving_variance", "moving_variance"),
]


class FixtureTimeout(Exception):
    pass


def role_hint(var_name: str) -> str:
    base = var_name.split(":")[0].rsplit("/", 1)[-1]
    base = re.sub(r"_\d+$", "", base) if base not in ("moving_mean", "moving_variance") else base
    for key, role in ROLE_HINTS:
        if base == key:
            return role
    return "variable"


def declared_dialect(source: str) -> str | None:
    for line in source.splitlines()[:10]:
        m = re.search(r"#\s*fixture:.*\bdialect=(tf1|tf2)\b", line)
        if m:
            return m.group(1)
    return None


def choose_dialect(source: str, forced: str | None) -> str:
    if forced in ("tf1", "tf2"):
        return forced
    declared = declared_dialect(source)
    if declared:
        return declared
    return "tf1" if TF1_SPELLINGS.search(source) else "tf2"


# --------------------------------------------------------------------------- environment


def setup_tensorflow(dialect: str, warnings: list[str]):
    os.environ["TF_USE_LEGACY_KERAS"] = "1"
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow as tf  # noqa: PLC0415

    tf.compat.v1.disable_eager_execution()
    try:
        tf.get_logger().setLevel("ERROR")
    except Exception:  # pragma: no cover - logging is cosmetic
        pass

    dense_module = getattr(tf.compat.v1.layers.dense, "__module__", "")
    if not dense_module.startswith("tf_keras"):
        raise RuntimeError(
            f"tf.compat.v1.layers does not resolve to tf_keras (got {dense_module!r}); "
            "install tf-keras and set TF_USE_LEGACY_KERAS=1 before importing TensorFlow"
        )

    if dialect == "tf1":
        v1 = tf.compat.v1
        for name in dir(v1):
            if name.startswith("_") or name in ("keras", "compat"):
                continue
            try:
                setattr(tf, name, getattr(v1, name))
            except Exception as exc:  # pragma: no cover
                warnings.append(f"could not set tf.{name}: {exc}")

    install_contrib_shim(tf, warnings)
    return tf


def install_contrib_shim(tf, warnings: list[str]) -> None:
    from tensorflow.python.framework import ops as framework_ops  # noqa: PLC0415

    if not hasattr(framework_ops, "Tensor"):
        # tf_slim 1.1.0 (batch_norm -> layers.utils.constant_value) still uses ops.Tensor
        framework_ops.Tensor = tf.Tensor
    try:
        # tensorflow/python/layers/normalization.py (used by tf_slim's batch_norm) lazily imports
        # 'tf_keras.legacy_tf_layers.normalization', which tf_keras 2.21 ships as
        # 'tf_keras.src.legacy_tf_layers.normalization'.
        import tf_keras.src.legacy_tf_layers as legacy_layers  # noqa: PLC0415
        import tf_keras.src.legacy_tf_layers.normalization as legacy_normalization  # noqa: PLC0415

        sys.modules.setdefault("tf_keras.legacy_tf_layers", legacy_layers)
        sys.modules.setdefault("tf_keras.legacy_tf_layers.normalization", legacy_normalization)
    except ImportError as exc:
        warnings.append(f"tf_keras legacy layers not importable: {exc}")
    try:
        import tf_slim  # noqa: PLC0415
    except ImportError as exc:
        warnings.append(f"tf_slim not importable, tf.contrib is not available: {exc}")
        return

    contrib = types.ModuleType("tensorflow.contrib")
    contrib.__path__ = []  # a package, so `import tensorflow.contrib.slim` works
    layers = types.ModuleType("tensorflow.contrib.layers")
    for name in dir(tf_slim):
        if not name.startswith("_"):
            setattr(layers, name, getattr(tf_slim, name))
    # TF1's tf.contrib.rnn re-exported the core RNN cells and the static RNN runners
    rnn = types.ModuleType("tensorflow.contrib.rnn")
    for name in dir(tf.compat.v1.nn.rnn_cell):
        if not name.startswith("_"):
            setattr(rnn, name, getattr(tf.compat.v1.nn.rnn_cell, name))
    for name in ("static_rnn", "static_bidirectional_rnn", "static_state_saving_rnn"):
        setattr(rnn, name, getattr(tf.compat.v1.nn, name))
    contrib.slim = tf_slim
    contrib.layers = layers
    contrib.framework = tf_slim
    contrib.rnn = rnn
    sys.modules["tensorflow.contrib"] = contrib
    sys.modules["tensorflow.contrib.slim"] = tf_slim
    sys.modules["tensorflow.contrib.layers"] = layers
    sys.modules["tensorflow.contrib.framework"] = tf_slim
    sys.modules["tensorflow.contrib.rnn"] = rnn
    tf.contrib = contrib
    try:
        tf.compat.v1.contrib = contrib
    except Exception:  # pragma: no cover
        pass


# --------------------------------------------------------------------------- capture


def record_layer_construction(fixture_path: str, warnings: list[str]) -> None:
    """Remember where each tf_keras layer object (Keras layer, tf.layers class, TF1 RNN cell) was
    constructed: its variables are created later, at its first call, and a linter may anchor them
    at either place."""
    try:
        from tf_keras.src.engine import base_layer, base_layer_v1  # noqa: PLC0415
    except ImportError as exc:  # pragma: no cover
        warnings.append(f"layer construction sites not recorded: {exc}")
        return
    for cls in (base_layer.Layer, base_layer_v1.Layer):
        original = cls.__dict__.get("__init__")
        if original is None or getattr(original, "_oracle_wrapped", False):
            continue

        def wrapped(self, *args, __original=original, **kwargs):
            frames = frame_records(fixture_path)
            __original(self, *args, **kwargs)
            if frames:
                object.__setattr__(self, "_oracle_init_frames", frames)

        wrapped._oracle_wrapped = True
        wrapped.__wrapped__ = original
        cls.__init__ = wrapped


def building_layer_frames(start_frame) -> list[dict] | None:
    """The construction frames of the layer object whose add_weight/build is creating a variable
    (the innermost one; custom getters such as an RNN cell wrapper's can sit above it)."""
    fallback = None
    frame = start_frame
    while frame is not None:
        if "self" in frame.f_code.co_varnames:
            owner = frame.f_locals.get("self")
            frames = getattr(owner, "_oracle_init_frames", None) if owner is not None else None
            if frames:
                if frame.f_code.co_name in ("add_weight", "build", "_maybe_build"):
                    return frames
                fallback = fallback or frames
        frame = frame.f_back
    return fallback


def frame_records(fixture_path: str) -> list[dict]:
    """The current Python stack restricted to the fixture file, outermost first."""
    records = []
    frame = sys._getframe(1)
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename == fixture_path or os.path.realpath(filename) == fixture_path:
            record = {"line": frame.f_lineno, "function": frame.f_code.co_name}
            try:
                positions = list(frame.f_code.co_positions())
                pos = positions[frame.f_lasti // 2]
                if pos[0] is not None:
                    record.update(line=pos[0], end_line=pos[1], column=pos[2] + 1, end_column=pos[3] + 1)
                    # f_lineno is what tracebacks show; keep it as "line" if positions disagree
                    if frame.f_lineno != pos[0]:
                        record["line"] = frame.f_lineno
                        record["expr_line"] = pos[0]
            except Exception:  # pragma: no cover - positions are a bonus
                pass
            records.append(record)
        frame = frame.f_back
    records.reverse()
    return records


def traceback_lines(op, fixture_path: str) -> list[int]:
    lines = []
    try:
        for fr in op.traceback:
            filename, lineno = (fr[0], fr[1]) if isinstance(fr, tuple) else (fr.filename, fr.lineno)
            if filename == fixture_path or os.path.realpath(filename) == fixture_path:
                lines.append(lineno)
    except Exception:
        pass
    return lines


# --------------------------------------------------------------------------- graph walking


def handle_op(tensor):
    """The variable op a tensor reads, through reads / identities, or None."""
    op = tensor.op
    for _ in range(8):
        if op.type in VARIABLE_OPS:
            return op
        if op.type in READ_THROUGH and op.inputs:
            op = op.inputs[0].op
            continue
        return None
    return None


def first_matmul(var_op):
    """The earliest MatMul/Conv-like op fed (through reads) by the variable, or None."""
    found = []
    seen = set()
    frontier = list(var_op.outputs)
    while frontier:
        tensor = frontier.pop()
        for consumer in tensor.consumers():
            if consumer.name in seen:
                continue
            seen.add(consumer.name)
            if consumer.type in MATMUL_OPS:
                idx = [i for i, t in enumerate(consumer.inputs) if t is tensor]
                if consumer.type in FILTER_OPS and 1 not in idx:
                    continue
                found.append(consumer)
            elif consumer.type in READ_THROUGH:
                frontier.extend(consumer.outputs)
    if not found:
        return None, 0
    found.sort(key=lambda o: o._id)
    return found[0], len(found)


def pre_activation(mm_op):
    """The tensor to measure: the bias-added output of a matmul/conv op if there is one."""
    out = mm_op.outputs[0]
    candidates = [out]
    for consumer in out.consumers():
        if consumer.type == "Reshape":
            candidates.append(consumer.outputs[0])
    for tensor in candidates:
        for consumer in tensor.consumers():
            if consumer.type in ADD_OPS and len(consumer.inputs) == 2:
                other = consumer.inputs[1] if consumer.inputs[0] is tensor else consumer.inputs[0]
                if handle_op(other) is not None:
                    return consumer.outputs[0]
    return out


INDEX_PRESERVING = {
    "Cast", "Identity", "Reshape", "ExpandDims", "Squeeze", "Transpose", "StridedSlice", "Slice",
    "Unpack", "ConcatV2", "Pack", "GatherV2", "Enter",
}
GATHER_OPS = {"ResourceGather", "GatherV2", "Gather"}


def embedding_limit(placeholder_op, tf) -> int | None:
    """For a placeholder used as lookup indices: the smallest table size it indexes, else None."""
    limits = []
    seen = set()
    frontier = [placeholder_op.outputs[0]]
    while frontier:
        tensor = frontier.pop()
        for consumer in tensor.consumers():
            key = (consumer.name, tensor.name)
            if key in seen:
                continue
            seen.add(key)
            positions = [i for i, t in enumerate(consumer.inputs) if t is tensor]
            if consumer.type in GATHER_OPS and 1 in positions:
                params = consumer.inputs[0]
                dim0 = None
                var_op = handle_op(params)
                if var_op is not None:
                    try:
                        dims = tf.TensorShape(var_op.get_attr("shape")).as_list()
                        dim0 = dims[0] if dims else None
                    except Exception:
                        dim0 = None
                if dim0 is None:
                    try:
                        dim0 = params.shape.as_list()[0]
                    except Exception:
                        dim0 = None
                if dim0:
                    limits.append(int(dim0))
            elif consumer.type in INDEX_PRESERVING and 0 in positions:
                frontier.extend(consumer.outputs)
    return min(limits) if limits else None


# --------------------------------------------------------------------------- main


def stats(values, np) -> dict:
    arr = np.asarray(values)
    if arr.dtype.kind not in "biuf":
        return {"std": None, "mean": None, "min": None, "max": None}
    arr = arr.astype(np.float64)
    if arr.size == 0:
        return {"std": None, "mean": None, "min": None, "max": None}
    return {
        "std": float(arr.std()),
        "mean": float(arr.mean()),
        "min": float(arr.min()),
        "max": float(arr.max()),
    }


def run(args) -> dict:
    fixture = os.path.realpath(args.fixture)
    with open(fixture, encoding="utf-8") as fh:
        source = fh.read()
    warnings_out: list[str] = []
    dialect = choose_dialect(source, args.dialect)
    tf = setup_tensorflow(dialect, warnings_out)
    import numpy as np  # noqa: PLC0415

    record_layer_construction(fixture, warnings_out)

    if args.timeout > 0 and hasattr(signal, "SIGALRM"):
        signal.alarm(args.timeout)  # the fixture's own time, not TensorFlow's import

    variables, activations, placeholders = run_draw(tf, np, fixture, args, args.seed, warnings_out, True)
    # The predicted mean square is an expectation over initializations: average the measurement
    # over independent draws (the whole fixture rebuilt in a fresh graph with another seed).
    draws = {a["variable"]: [a["mean_square"]] for a in activations}
    for k in range(1, max(1, args.draws)):
        _, more, _ = run_draw(tf, np, fixture, args, args.seed + k, warnings_out, False)
        for record in more:
            if record["variable"] in draws:
                draws[record["variable"]].append(record["mean_square"])
    for record in activations:
        values = [v for v in draws[record["variable"]] if v is not None]
        record["mean_square_draws"] = values
        record["mean_square"] = sum(values) / len(values) if values else None
        record["draws"] = len(values)

    return {
        "fixture": args.fixture,
        "tensorflow": tf.__version__,
        "dialect": dialect,
        "seed": args.seed,
        "draws": max(1, args.draws),
        "variables": variables,
        "activations": activations,
        "placeholders": placeholders,
        "warnings": sorted(set(warnings_out), key=warnings_out.index),
    }


def run_draw(tf, np, fixture, args, seed, warnings_out, first):
    """Build the fixture in a fresh graph with `seed`, initialize, read variables, measure."""
    graph = tf.Graph()
    with graph.as_default():
        return _run_in_graph(tf, np, fixture, args, seed, warnings_out, first, graph)


def _run_in_graph(tf, np, fixture, args, seed, warnings_out, first, graph):
    # tf_keras initializers without a seed draw one from Python's `random` module
    random.seed(seed)
    np.random.seed(seed)
    tf.compat.v1.set_random_seed(seed)

    captured: list = []
    frames_by_name: dict[str, list[dict]] = {}

    construction_by_name: dict[str, list[dict]] = {}

    def creator(next_creator, **kwargs):
        records = frame_records(fixture)
        try:
            built_at = building_layer_frames(sys._getframe(1))
        except Exception:  # pragma: no cover - construction sites are a bonus
            built_at = None
        var = next_creator(**kwargs)
        try:
            name = var.name
        except Exception:
            name = None
        if name is not None and name not in frames_by_name:
            frames_by_name[name] = records
            if built_at:
                construction_by_name[name] = built_at
            captured.append(var)
        return var

    if os.path.dirname(fixture) not in sys.path:
        sys.path.insert(0, os.path.dirname(fixture))
    old_argv = sys.argv
    sys.argv = [fixture]
    try:
        with contextlib.redirect_stdout(sys.stderr), tf.compat.v1.variable_creator_scope(creator):
            try:
                runpy.run_path(fixture, run_name="__main__")
            except SystemExit as exc:
                if exc.code not in (None, 0):
                    raise RuntimeError(f"fixture called sys.exit({exc.code!r})") from exc
    finally:
        sys.argv = old_argv

    if tf.compat.v1.get_default_graph() is not graph:
        warnings_out.append("the fixture left a different default graph active; reading the original graph")

    # every variable: captured ones in creation order, then any global variable not captured
    all_vars = list(captured)
    known = {v.name for v in all_vars}
    with graph.as_default():
        for v in tf.compat.v1.global_variables() + tf.compat.v1.local_variables():
            if v.name not in known:
                all_vars.append(v)
                known.add(v.name)
                if first:
                    warnings_out.append(f"variable {v.name} was not seen by the creator scope")
    if not all_vars:
        raise RuntimeError("the fixture created no variables in the default graph")

    config = tf.compat.v1.ConfigProto(intra_op_parallelism_threads=2, inter_op_parallelism_threads=1)
    with graph.as_default(), tf.compat.v1.Session(graph=graph, config=config) as sess:
        sess.run(tf.compat.v1.variables_initializer(all_vars))
        try:
            sess.run(tf.compat.v1.tables_initializer())
        except Exception:
            pass
        values = sess.run([v.value() if hasattr(v, "value") else v for v in all_vars])

        trainable = {v.name for v in tf.compat.v1.trainable_variables()}
        variables = []
        for var, value in zip(all_vars, values):
            frames = frames_by_name.get(var.name)
            if frames is None:
                lines = traceback_lines(var.op, fixture)
                frames = [{"line": line} for line in lines]
            else:
                lines = [f["line"] for f in frames]
            shape = [int(d) for d in np.shape(value)]
            entry = {
                "name": var.name,
                "shape": shape,
                "dtype": var.dtype.base_dtype.name,
                "trainable": bool(getattr(var, "trainable", var.name in trainable)),
                "size": int(np.size(value)),
                **stats(value, np),
                "lines": lines,
                "frames": frames,
                "construction_lines": [f["line"] for f in construction_by_name.get(var.name, [])],
                "construction_frames": construction_by_name.get(var.name, []),
                "role_hint": role_hint(var.name),
            }
            variables.append(entry)

        # ---------------------------------------------------------------- activations
        targets = []
        recurrent_layers = {
            e["name"].rsplit("/", 1)[0] for e in variables if e["role_hint"] == "recurrent_kernel"
        }
        for var, entry in zip(all_vars, variables):
            if entry["name"].rsplit("/", 1)[0] in recurrent_layers or "_cell/" in entry["name"]:
                # recurrent layers: the gates sum several matmuls and the first step sees a zero
                # state, so a single matmul's output is not the layer's pre-activation
                continue
            var_op = var.op if var.op.type in VARIABLE_OPS else handle_op(var.op.outputs[0])
            if var_op is None:
                continue
            mm, count = first_matmul(var_op)
            if mm is None:
                continue
            tensor = pre_activation(mm)
            targets.append((entry, mm, count, tensor))

        placeholders = []
        feed_spec = []
        for op in graph.get_operations():
            if op.type != "Placeholder":
                continue
            dtype = tf.as_dtype(op.get_attr("dtype"))
            try:
                dims = tf.TensorShape(op.get_attr("shape")).as_list()
            except ValueError:
                dims = None
            record = {"name": op.name, "shape": dims, "dtype": dtype.name, "fed": None}
            placeholders.append(record)
            if dims is None:
                # tf.placeholder(tf.float32) without a shape: a scalar knob such as keep_prob
                if dtype.is_floating:
                    feed_spec.append((op.outputs[0], [], dtype, ("const", 1.0)))
                    record["fed"] = "1.0 (unknown rank float: keep_prob / rate style)"
                elif dtype.is_bool:
                    feed_spec.append((op.outputs[0], [], dtype, ("const", False)))
                    record["fed"] = "False (unknown rank bool)"
                else:
                    record["fed"] = "unknown rank: not fed"
                continue
            concrete = [
                (d if d is not None else (args.batch if i == 0 else 8)) for i, d in enumerate(dims)
            ]
            limit = embedding_limit(op, tf) if (dtype.is_floating or dtype.is_integer) else None
            if limit is not None:
                kind = ("int", limit)
                record["fed"] = f"uniform integers in [0, {limit}) (lookup indices)"
            elif dtype.is_floating:
                if not concrete:
                    kind = ("const", 1.0)
                    record["fed"] = "1.0 (scalar float: keep_prob / rate style)"
                else:
                    kind = ("normal", None)
                    record["fed"] = "standard normal"
            elif dtype.is_integer:
                kind = ("int", 2)
                record["fed"] = "uniform integers in [0, 2)"
            elif dtype.is_bool:
                kind = ("const", False)
                record["fed"] = "False"
            else:
                record["fed"] = "not fed (dtype)"
                continue
            feed_spec.append((op.outputs[0], concrete, dtype, kind))

        def make_feed(rng):
            feed = {}
            for tensor, shape, dtype, (kind, arg) in feed_spec:
                if kind == "normal":
                    feed[tensor] = rng.standard_normal(shape).astype(dtype.as_numpy_dtype)
                elif kind == "int":
                    feed[tensor] = rng.integers(0, arg, size=shape).astype(dtype.as_numpy_dtype)
                else:
                    feed[tensor] = np.full(shape, arg, dtype=dtype.as_numpy_dtype)
            return feed

        activations = []
        if targets:
            rng = np.random.default_rng(seed)
            tensors = [t for _, _, _, t in targets]
            sums = [0.0] * len(tensors)
            sums1 = [0.0] * len(tensors)
            counts = [0] * len(tensors)
            errors: dict[int, str] = {}
            for _ in range(args.batches):
                feed = make_feed(rng)
                try:
                    outs = sess.run(tensors, feed_dict=feed)
                    results = list(enumerate(outs))
                except Exception:
                    results = []
                    for i, tensor in enumerate(tensors):
                        if i in errors:
                            continue
                        try:
                            results.append((i, sess.run(tensor, feed_dict=feed)))
                        except Exception as exc:
                            errors[i] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:300]}"
                for i, out in results:
                    arr = np.asarray(out, dtype=np.float64)
                    sums[i] += float(np.sum(arr * arr))
                    sums1[i] += float(np.sum(arr))
                    counts[i] += arr.size
            for i, (entry, mm, count, tensor) in enumerate(targets):
                rec = {
                    "variable": entry["name"],
                    "op": tensor.op.name,
                    "op_type": tensor.op.type,
                    "matmul_op": mm.name,
                    "matmul_type": mm.type,
                    "uses": count,
                    "mean_square": (sums[i] / counts[i]) if counts[i] else None,
                    "mean": (sums1[i] / counts[i]) if counts[i] else None,
                    "count": counts[i],
                    "lines": entry["lines"],
                }
                if i in errors:
                    rec["error"] = errors[i]
                    warnings_out.append(f"could not measure {entry['name']}: {errors[i]}")
                activations.append(rec)

    return variables, activations, placeholders


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("fixture")
    parser.add_argument("--batch", type=int, default=64, help="size of unknown first dimensions")
    parser.add_argument("--batches", type=int, default=8, help="batches fed to measure activations")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--draws", type=int, default=3,
        help="independent initializations the activation mean squares are averaged over",
    )
    parser.add_argument(
        "--timeout", type=int, default=240,
        help="seconds the fixture (all draws and measurements) may take after TensorFlow is imported",
    )
    parser.add_argument("--dialect", choices=["tf1", "tf2"], default=None, help="override the dialect")
    args = parser.parse_args(argv)

    real_stdout = sys.stdout

    def on_alarm(signum, frame):
        raise FixtureTimeout(f"fixture {args.fixture} did not finish within {args.timeout} s")

    if args.timeout > 0 and hasattr(signal, "SIGALRM"):
        signal.signal(signal.SIGALRM, on_alarm)
    try:
        result = run(args)
    except BaseException as exc:  # noqa: BLE001 - report anything as a clear error
        if isinstance(exc, KeyboardInterrupt):
            raise
        tb = traceback.format_exc()
        message = f"{args.fixture}: {type(exc).__name__}: {exc}"
        print(tb, file=sys.stderr)
        print(json.dumps({"error": message, "traceback": tb}), file=real_stdout)
        real_stdout.flush()
        return 2
    finally:
        if hasattr(signal, "SIGALRM"):
            signal.alarm(0)
    print(json.dumps(result), file=real_stdout)
    real_stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
