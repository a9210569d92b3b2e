"""Which edit fixes which diagnostic: the remedy for each rule, and where it is written.

A weight's initializer is written at one *site*:

* an expression site: the initializer expression itself (`init.span`), wherever it is written:
  at the layer call, in a module-level `init = ...`, in an `arg_scope`, a `variable_scope`, a
  helper's parameter default, or the random op a `tf.Variable` starts from;
* an argument site: the weight-creating call, where `kernel_initializer=` (or
  `weights_initializer=`, `initializer=`, ...) is written or can be inserted.

Every weight that reaches a site changes with it, so a site is rewritten only when the new
initializer suits every weight that reaches it (all of them kernels with fans, none of them a
bias, an embedding or a recurrent kernel). A weight whose expression site does not qualify is
fixed at its argument site instead; if neither qualifies, the diagnostic gets no fix. The remedy
is He for ReLU-family activations and LeCun otherwise (linear, tanh, sigmoid, selu): exactly the
references the rules measure against, so the fixed layer sits at ratio 1.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import libcst as cst

from initlint.analysis.catalog import LAYERS
from initlint.analysis.names import canonical
from initlint.analysis.signal import RELU_FAMILY
from initlint.fix import spell_keras, spell_slim, spell_tf1, spell_variable
from initlint.fix.arguments import find_argument, insertion_end, set_argument
from initlint.fix.locate import SourceIndex, dotted, last_name
from initlint.model import Diagnostic, Edit, FileResult, Fix, Span, Weight, kernel_shaped
from initlint.rules._common import LayerView, chains, layer_views

HE_ACTIVATIONS = frozenset(RELU_FAMILY - {"selu"})
KERNEL_ROLES = ("kernel", "depthwise_kernel", "pointwise_kernel", "variable")
# A layer whose std is within this band of its reference is left alone by a chain fix.
BAND = (0.8, 1.5)
# When all of a compounding chain is inside BAND, the layers further off than this are fixed.
NEAR = (0.95, 1.05)
CHAIN_RULES = ("INI101", "INI102", "INI104")
SCALE_RULES = ("INI103", "INI201", "INI202", "INI301")
LABEL = {"he": "He", "lecun": "LeCun"}
_GET_VARIABLE_PARAMS = ("name", "shape", "dtype", "initializer")


@dataclass(frozen=True, slots=True)
class SiteKey:
    kind: str  # expr | arg
    span: Span
    kwarg: str | None = None


@dataclass
class SitePlan:
    key: SiteKey
    kind: str  # he | lecun
    edits: tuple[Edit, ...]
    what: str  # the replacement, for the message
    members: list[Weight] = field(default_factory=list)


def remedy_kind(weights: Iterable[Weight]) -> str:
    return "he" if any(w.activation in HE_ACTIVATIONS for w in weights) else "lecun"


def kwarg_of(weight: Weight) -> tuple[str | None, int | None, tuple[str, ...]]:
    """(parameter, its position, the call names whose positions those are) for a weight's initializer."""
    if weight.family in ("get_variable",):
        return "initializer", 3, ("get_variable", "variable", "model_variable")
    spec = LAYERS.get(weight.api)
    if spec is None:
        return None, None, ()
    for wspec in spec.weights:
        if wspec.role == weight.role:
            kwarg = wspec.kwarg
            if kwarg is None:
                return None, None, ()
            names = tuple({name.rsplit(".", 1)[-1] for name, other in LAYERS.items() if other is spec})
            position = spec.params.index(kwarg) if kwarg in spec.params else None
            return kwarg, position, names
    return None, None, ()


class Planner:
    """Plans fixes for one file's diagnostics."""

    def __init__(self, result: FileResult, index: SourceIndex) -> None:
        self.result = result
        self.index = index
        self.dialect = result.dialect or "tf1"
        self.weights = result.weights
        self.by_init: dict[Span, list[Weight]] = defaultdict(list)
        self.by_call: dict[tuple[Span, str], list[Weight]] = defaultdict(list)
        for weight in self.weights:
            init = weight.initializer
            if init.span is not None and init.source != "default":
                self.by_init[init.span].append(weight)
            kwarg = kwarg_of(weight)[0]
            if kwarg is not None:
                self.by_call[(weight.span, kwarg)].append(weight)
        self.plans: dict[SiteKey, SitePlan | None] = {}
        self.views = layer_views(self.weights)

    # ---- sites --------------------------------------------------------------------------------
    def in_file(self, weight: Weight) -> bool:
        """The creating call is written in this file (not in a project module it imports)."""
        return weight.path == self.result.path

    def written_here(self, node: cst.Call, weight: Weight) -> bool:
        """The constructor at `node` is the one the analysis resolved for `weight` (and so is written in
        this file, not at the same position of a project module): its name resolves, through this
        file's imports, to the import path the analysis saw."""
        seen = weight.facts.get("init_api_path")
        func = dotted(node.func)
        if not isinstance(seen, str) or func is None:
            return False
        head, _, rest = func.partition(".")
        module = self.index.aliases.get(head)
        if module is None:
            return False
        path = f"{module}.{rest}" if rest else module
        return canonical(path) == canonical(seen)

    def sites(self, weight: Weight) -> list[SiteKey]:
        """Where this weight's initializer can be rewritten, the preferred site first: the shared
        definition, unless its callers configure it (it reads a parameter of the function or lambda
        it is written in: rewriting it would leave their arguments without effect), then the call."""
        keys: list[SiteKey] = []
        init = weight.initializer
        if init.span is not None and init.source != "default":
            keys.append(SiteKey("expr", init.span))
        kwarg = kwarg_of(weight)[0]
        if kwarg is not None and self.in_file(weight):
            keys.append(SiteKey("arg", weight.span, kwarg))
        if len(keys) == 2 and self.index.parameterized(keys[0].span):
            keys.reverse()
        return keys

    def members(self, key: SiteKey) -> list[Weight]:
        if key.kind == "expr":
            return self.by_init.get(key.span, [])
        return self.by_call.get((key.span, key.kwarg or ""), [])

    @staticmethod
    def suits(weight: Weight) -> bool:
        """A fan-based initializer suits this weight: a kernel of rank >= 2 outside RNNs and embeddings."""
        if weight.role not in KERNEL_ROLES:
            return False
        if weight.facts.get("layer_kind") in ("embedding", "rnn", "rnn_cell"):
            return False
        if not kernel_shaped(weight.shape, weight.facts):
            return False
        if weight.shape is None and weight.role == "variable":
            return False
        return True

    def plan(self, key: SiteKey) -> SitePlan | None:
        if key not in self.plans:
            self.plans[key] = self._plan(key)
        return self.plans[key]

    def _plan(self, key: SiteKey) -> SitePlan | None:
        members = self.members(key)
        if not members or not all(self.suits(w) for w in members):
            return None
        kind = remedy_kind(members)
        found = self._expr_edits(key, members, kind) if key.kind == "expr" else self._arg_edits(key, members, kind)
        if found is None:
            return None
        edits, what = found
        return SitePlan(key, kind, edits, what, members)

    def _expr_edits(self, key: SiteKey, members: list[Weight], kind: str) -> tuple[tuple[Edit, ...], str] | None:
        node = self.index.expression_at(key.span)
        if not isinstance(node, cst.Call):
            return None
        api = members[0].initializer.api
        if any(w.initializer.api != api for w in members):
            return None
        expected = (api or "").rsplit(".", 1)[-1]
        if last_name(node.func) != expected or not all(self.written_here(node, w) for w in members):
            return None  # the span does not hold the constructor the analysis saw
        if spell_variable.op_key(api) is not None:
            return spell_variable.rescale(self.index, self.dialect, node, api or "", kind, members)
        if (api or "").startswith(("np.", "numpy.")) or any(
                str(w.facts.get("init_api_path", "")).startswith("numpy.") for w in members):
            # a numpy array is the initial value itself: an initializer object in its place is no value
            # (cleverhans: `tf.Variable(tf.variance_scaling_initializer(...).astype(np.float32))` crashed)
            return None
        families = {w.family for w in members}
        spelled = self._constructor(node, families, kind)
        if spelled is None:
            return None
        text, imports = spelled
        span = self.index.span_of(node)
        assert span is not None
        return (Edit(text, span), *imports), f"`{text}`"

    def _constructor(self, node: cst.Call, families: set[str], kind: str) -> tuple[str, tuple[Edit, ...]] | None:
        """An initializer object in the family and namespace the replaced constructor was written in."""
        func = dotted(node.func) or ""
        base = func.rsplit(".", 1)[0] if "." in func else ""
        head = base.split(".")[0]
        module = self.index.aliases.get(head, "")
        resolved = module + base[len(head):] if module else ""
        if families == {"keras"} or resolved.endswith(".initializers") and "keras" in resolved:
            reuse = f"{base}." if resolved.endswith(".initializers") and "keras" in resolved else None
            return spell_keras.instance(self.index, self.dialect, kind, reuse)
        if families == {"slim"}:
            return spell_slim.fan_based(self.index, self.dialect, kind)
        if resolved in ("tensorflow", "tensorflow.compat.v1"):
            scale = spell_tf1.SCALE[kind]
            prefix = f"{base}." if (self.dialect == "tf1" or resolved == "tensorflow.compat.v1") else f"{base}.compat.v1."
            return f"{prefix}variance_scaling_initializer(scale={scale})", ()
        return spell_tf1.fan_based(self.index, self.dialect, kind)

    def _arg_edits(self, key: SiteKey, members: list[Weight], kind: str) -> tuple[tuple[Edit, ...], str] | None:
        call = self.index.call_at(key.span)
        if call is None or key.kwarg is None:
            return None
        families = {w.family for w in members}
        if len(families) != 1:
            return None
        family = next(iter(families))
        if family == "variable":
            return None
        if family == "get_variable" and any(str(w.facts.get("init_api_path", "")).startswith("numpy.")
                                            for w in members):
            return None  # `get_variable(initializer=array)` takes its shape from the array: none is left
        kwarg, position, names = kwarg_of(members[0])
        if last_name(call.func) not in names:
            position = None  # slim.repeat / slim.stack / an alias: only a keyword is safe
        if family == "keras":
            text, imports = spell_keras.string(self.index, kind), ()
        elif family == "slim":
            found = spell_slim.fan_based(self.index, self.dialect, kind)
            if found is None:
                return None
            text, imports = found
        else:
            found = spell_tf1.fan_based(self.index, self.dialect, kind)
            if found is None:
                return None
            text, imports = found
        edit = set_argument(self.index, call, key.kwarg, position, text)
        if edit is None:
            return None
        written = find_argument(call, key.kwarg, position) is not None
        return (edit, *imports), f"`{text}`" if written else f"`{key.kwarg}={text}`"

    def remedy(self, weight: Weight) -> SitePlan | None:
        if weight.role == "depthwise_kernel" or weight.facts.get("read_transposed"):
            # TensorFlow's fan-based initializers count a depthwise kernel's input channels, which
            # each output does not sum, and a table read transposed by the wrong dimension: none of
            # them gives it the std what it sums calls for
            return None
        for key in self.sites(weight):
            found = self.plan(key)
            if found is not None:
                return found
        return None

    # ---- which weights a diagnostic is about ----------------------------------------------------
    def views_at(self, span: Span) -> list[LayerView]:
        return [v for v in self.views if v.weight.anchor == span]

    def layer_kernels(self, view: LayerView) -> list[Weight]:
        if view.weight.layer_id < 0:
            return [view.weight]
        return [w for w in self.weights if w.layer_id == view.weight.layer_id and w.role in KERNEL_ROLES
                and kernel_shaped(w.shape, w.facts)]

    def scale_targets(self, diagnostic: Diagnostic) -> list[Weight]:
        views = self.views_at(diagnostic.span)
        predicate = _PREDICATES.get(diagnostic.code)
        chosen = [v for v in views if predicate is None or predicate(v)]
        return [w for v in (chosen or views) for w in self.layer_kernels(v)]

    def chain_targets(self, diagnostic: Diagnostic) -> list[Weight]:
        views = self.views_at(diagnostic.span)
        ids = {v.weight.signal.chain_id for v in views if v.weight.signal.chain_id is not None}
        grouped = chains(self.weights)
        rated = [(view, ratio) for chain_id in sorted(ids) for view in grouped.get(chain_id, [])
                 if (ratio := view.ratio()) is not None]
        # a small final layer stays small (logits); a final ReLU layer is a hidden one whose output is
        # read elsewhere (a VGG encoder's block5_conv3), fixed like the others
        outside = [view for view, ratio in rated if not BAND[0] <= ratio <= BAND[1]
                   and not (_small_logits(view) and ratio < BAND[0])]
        if not outside:
            # Every layer is near its reference, yet the stack compounds (ten layers at 1.4x He
            # double the mean square each): re-initialize the ones off on the finding's side.
            growing = diagnostic.code == "INI101"
            outside = [view for view, ratio in rated if (ratio > NEAR[1] if growing else ratio < NEAR[0])
                       and not (not growing and _small_logits(view))]
        return [w for view in outside for w in self.layer_kernels(view)]

    # ---- fixes --------------------------------------------------------------------------------
    def fix(self, diagnostic: Diagnostic) -> Fix | None:
        if not diagnostic.certain:
            return None
        code = diagnostic.code
        if code in CHAIN_RULES or code in SCALE_RULES:
            targets = self.chain_targets(diagnostic) if code in CHAIN_RULES else self.scale_targets(diagnostic)
            return self.rescale_fix(targets, partial=code in CHAIN_RULES)
        handler = _HANDLERS.get(code)
        return handler(self, diagnostic) if handler is not None else None

    def rescale_fix(self, targets: list[Weight], partial: bool) -> Fix | None:
        plans: dict[SiteKey, SitePlan] = {}
        for weight in targets:
            found = self.remedy(weight)
            if found is None:
                if not partial:
                    return None
                continue
            plans.setdefault(found.key, found)
        if not plans:
            return None
        ordered = sorted(plans.values(), key=lambda p: (p.key.span.line, p.key.span.column))
        edits = merge_edits([edit for plan in ordered for edit in plan.edits])
        return Fix("unsafe", _message(ordered), edits)


def _small_logits(view: LayerView) -> bool:
    """A final layer without a ReLU-family activation (logits): left small by a chain fix."""
    return view.weight.signal.feeds_weight is False and view.reference_name == "lecun"


def _message(plans: list[SitePlan]) -> str:
    if len(plans) == 1:
        plan = plans[0]
        weights = plan.members
        fans = sorted({w.fan_in for w in weights if w.fan_in})
        fan_text = f" for fan_in {fans[0]}" if len(fans) == 1 else ""
        # layers, not weights: a depthwise and a pointwise kernel are one layer's
        layers = len({w.layer_id for w in weights})
        where = "" if layers <= 1 else f" ({layers} layers use it)"
        others = len({w.layer_id for w in weights if remedy_kind([w]) != plan.kind})
        if others:
            # a definition shared by ReLU layers and others (DDPG's `init_w`): He for all of them
            # gives the tanh or linear ones 1.41x their LeCun std, which the message must not hide
            verb = "gets" if others == 1 else "get"
            where = f" ({layers} layers use it; the {others} without a ReLU {verb} 1.41x LeCun's std)"
        return f"Use {LABEL[plan.kind]} initialization{fan_text}: {plan.what}{where}"
    lines = ", ".join(f"line {line}" for line in sorted({p.key.span.line for p in plans}))
    kinds = " / ".join(sorted({LABEL[p.kind] for p in plans}))
    return f"Re-initialize {len(plans)} layers with {kinds} for their fans ({lines})"


def merge_edits(edits: list[Edit]) -> tuple[Edit, ...]:
    """Drop duplicates; join insertions at one point (two kwargs into one call) in order."""
    seen: dict[tuple, Edit] = {}
    for edit in edits:
        key = (edit.span.line, edit.span.column, edit.span.end_line, edit.span.end_column)
        if key in seen:
            old = seen[key]
            if old.content == edit.content or edit.content in old.content:
                continue
            empty = edit.span.line == edit.span.end_line and edit.span.column == edit.span.end_column
            if empty:
                seen[key] = Edit(old.content + edit.content, old.span)
            continue
        seen[key] = edit
    return tuple(sorted(seen.values(), key=lambda e: (e.span.line, e.span.column)))


# ---- rule predicates: which of the layers at a diagnostic's anchor the rule is about ---------------
def _ini103(view: LayerView) -> bool:
    ratio = view.ratio()
    return ratio is not None and (ratio > 3 or ratio < 1 / 3)


def _ini201(view: LayerView) -> bool:
    return view.weight.std == 0 and view.weight.initializer.name in ("zeros", "ones", "constant")


def _ini202(view: LayerView) -> bool:
    w = view.weight
    return bool(w.std and w.mean and w.fan_in and w.fan_in * w.mean ** 2 > w.std ** 2)


def _ini301(view: LayerView) -> bool:
    init = view.weight.initializer
    return init.name in ("random_normal", "truncated_normal") and "stddev" in view.weight.facts.get("defaulted", ())


_PREDICATES = {"INI103": _ini103, "INI201": _ini201, "INI202": _ini202, "INI301": _ini301}


# ---- INI304: call the uncalled initializer ----------------------------------------------------------
def _uncalled(planner: Planner, diagnostic: Diagnostic) -> Fix | None:
    index = planner.index
    api = str(diagnostic.data.get("api") or "")
    name = api.rsplit(".", 1)[-1]
    weights = [w for w in planner.weights if w.anchor == diagnostic.span and w.facts.get("uncalled")]
    edits: list[Edit] = []
    for weight in weights:
        node = None
        kwarg, position, names = kwarg_of(weight)
        if kwarg is not None and planner.in_file(weight):
            call = index.call_at(weight.span)
            if call is not None:
                arg = find_argument(call, kwarg, position if last_name(call.func) in names else None)
                if arg is not None and isinstance(arg.value, (cst.Name, cst.Attribute)):
                    node = arg.value
        if node is None and weight.initializer.source_line is not None:
            node = _scope_argument(index, weight.initializer.source_line, name)
        if node is None:
            return None
        edit = insertion_end(index, node)
        if edit is None:
            return None
        edits.append(Edit("()", edit.span))
    if not edits:
        return None
    label = index.code(node) if node is not None else name
    return Fix("safe", f"Call it: `{label}()` (the defaults TensorFlow would use)", merge_edits(edits))


def _scope_argument(index: SourceIndex, line: int, name: str) -> cst.BaseExpression | None:
    """The uncalled initializer passed to the scope (or get_variable call) written at `line`."""
    for node_list in index.by_span.values():
        for node in node_list:
            if not isinstance(node, cst.Call):
                continue
            span = index.span_of(node)
            if span is None or span.line != line:
                continue
            for arg in node.args:
                if arg.keyword is not None and arg.keyword.value.endswith("initializer") and \
                        isinstance(arg.value, (cst.Name, cst.Attribute)) and last_name(arg.value) == name:
                    return arg.value
    return None


# ---- INI305: the exact modern equivalent ------------------------------------------------------------
def _deprecated(planner: Planner, diagnostic: Diagnostic) -> Fix | None:
    index = planner.index
    call = index.call_at(diagnostic.span)
    if call is None:
        return None
    api = str(diagnostic.data.get("api") or "")
    name = api.rsplit(".", 1)[-1]
    if last_name(call.func) != name:
        return None
    args = {arg.keyword.value: arg for arg in call.args if arg.keyword is not None}
    positional = [arg for arg in call.args if arg.keyword is None]
    if any(arg.star for arg in call.args):
        return None
    dialect = planner.dialect if "contrib" not in api else "tf1"

    def text(arg: cst.Arg | None) -> str | None:
        return None if arg is None else index.code(arg.value)

    def pick(param: str, position: int) -> cst.Arg | None:
        if param in args:
            return args[param]
        return positional[position] if position < len(positional) else None

    reached = planner.by_init.get(diagnostic.span, [])
    if name in ("xavier_initializer", "xavier_initializer_conv2d"):
        uniform, seed, dtype = pick("uniform", 0), pick("seed", 1), pick("dtype", 2)
        extra = ", ".join(f"{k}={text(a)}" for k, a in (("seed", seed), ("dtype", dtype)) if a is not None)
        flag = None if uniform is None else _bool(uniform.value)
        if uniform is not None and flag is None:
            return None
        if flag is False:
            found = spell_tf1.call(index, dialect, "glorot_normal_initializer", extra)
            if found is None:
                return None
            return Fix("unsafe", f"Use `{found[0]}` (contrib's normal xavier is 1.0029x its std)",
                       merge_edits([Edit(found[0], diagnostic.span), *found[1]]))
        found = spell_tf1.call(index, dialect, "glorot_uniform_initializer", extra)
        if found is None:
            return None
        return Fix("safe", f"Use `{found[0]}` (the same distribution)",
                   merge_edits([Edit(found[0], diagnostic.span), *found[1]]))
    if name == "variance_scaling_initializer" and ("contrib" in api or api.startswith("tf_slim")):
        factor, mode, uniform = pick("factor", 0), pick("mode", 1), pick("uniform", 2)
        seed, dtype = pick("seed", 3), pick("dtype", 4)
        mode_text = None  # FAN_IN, the default of both
        if mode is not None:
            if not isinstance(mode.value, cst.SimpleString):
                return None
            value = mode.value.evaluated_value
            if not isinstance(value, str) or value.upper() not in ("FAN_IN", "FAN_OUT", "FAN_AVG"):
                return None
            quote = mode.value.quote  # the string's own quotes
            mode_text = f"{quote}{value.lower()}{quote}"
        flag = False if uniform is None else _bool(uniform.value)
        if flag is None:
            return None
        scale = text(factor) or "2.0"
        parts = [f"scale={scale}"] + ([f"mode={mode_text}"] if mode_text else [])
        if flag:
            parts.append(f"distribution={index.quote}uniform{index.quote}")
        parts += [f"{k}={text(a)}" for k, a in (("seed", seed), ("dtype", dtype)) if a is not None]
        found = spell_tf1.call(index, dialect, "variance_scaling_initializer", ", ".join(parts))
        if found is None:
            return None
        if flag:
            return Fix("safe", f"Use `{found[0]}` (the same distribution)",
                       merge_edits([Edit(found[0], diagnostic.span), *found[1]]))
        return Fix("unsafe", f"Use `{found[0]}` (contrib's truncated normal is 1.0029x this std)",
                   merge_edits([Edit(found[0], diagnostic.span), *found[1]]))
    if name == "uniform_unit_scaling_initializer":
        factor, seed, dtype = pick("factor", 0), pick("seed", 1), pick("dtype", 2)
        factor_text = text(factor)
        scale = "1.0" if factor_text is None else (
            factor_text if _float(factor.value) == 1.0 else f"{factor_text} ** 2")  # type: ignore[union-attr]
        parts = [f"scale={scale}", f"mode={index.quote}fan_in{index.quote}",
                 f"distribution={index.quote}uniform{index.quote}"]
        parts += [f"{k}={text(a)}" for k, a in (("seed", seed), ("dtype", dtype)) if a is not None]
        found = spell_tf1.call(index, "tf2" if planner.dialect == "tf2" else "tf1", "variance_scaling_initializer",
                               ", ".join(parts))
        if found is None:
            return None
        # prod(shape[:-1]) is TensorFlow's fan_in only for rank >= 2
        exact = bool(reached) and all(w.shape is not None and len(w.shape) >= 2 for w in reached)
        note = "the same distribution" if exact else "the same for shapes of rank 2 and more"
        return Fix("safe" if exact else "unsafe", f"Use `{found[0]}` ({note})",
                   merge_edits([Edit(found[0], diagnostic.span), *found[1]]))
    return None


def _bool(node: cst.BaseExpression) -> bool | None:
    if isinstance(node, cst.Name) and node.value in ("True", "False"):
        return node.value == "True"
    return None


def _float(node: cst.BaseExpression) -> float | None:
    if isinstance(node, (cst.Integer, cst.Float)):
        try:
            return float(node.value)
        except ValueError:
            return None
    return None


# ---- INI302 / INI303: pass the scope's initializer where the scope does not reach -----------------
def _copy_scope(planner: Planner, diagnostic: Diagnostic, scope_kwargs: tuple[str, ...], fact: str) -> Fix | None:
    index = planner.index
    line = diagnostic.data.get("scope_line")
    if not isinstance(line, int):
        return None
    weights = [w for w in planner.weights if w.anchor == diagnostic.span and w.facts.get(fact)
               and w.role in ("kernel", "depthwise_kernel", "pointwise_kernel", "embeddings")]
    if not weights:
        return None
    value: cst.BaseExpression | None = None
    scope: cst.With | None = None
    for with_node in index.with_at(line):
        for item in with_node.items:
            if isinstance(item.item, cst.Call):
                for arg in item.item.args:
                    if arg.keyword is not None and arg.keyword.value in scope_kwargs:
                        value, scope = arg.value, with_node
    if value is None or scope is None:
        return None
    text = index.code(value)
    source = "variable_scope" if fact == "ignored_variable_scope" else "arg_scope"
    siblings = [w.initializer for w in planner.weights
                if w.initializer.source == source and w.initializer.source_line == line]
    edits: list[Edit] = []
    for weight in weights:
        if not _copy_suits(planner, value, siblings, weight):
            return None
        if not planner.in_file(weight) or not index.contains(scope, weight.span):
            return None  # the layer is not written inside the scope: its names may differ there
        kwarg, position, names = kwarg_of(weight)
        call = index.call_at(weight.span)
        if kwarg is None or call is None:
            return None
        edit = set_argument(index, call, kwarg, position if last_name(call.func) in names else None, text)
        if edit is None:
            return None
        edits.append(edit)
    what = ", ".join(sorted({kwarg_of(w)[0] or "" for w in weights}))
    return Fix("unsafe", f"Pass the scope's initializer: `{what}={text}`", merge_edits(edits))


FAN_BASED = ("glorot_uniform", "glorot_normal", "he_normal", "he_uniform", "lecun_normal", "lecun_uniform",
             "variance_scaling", "xavier", "orthogonal", "uniform_unit_scaling")


def _copy_suits(planner: Planner, value: cst.BaseExpression, siblings: list, weight: Weight) -> bool:
    """The scope's initializer, passed to this weight, is not a risk of its own: not a constant, and
    (for a kernel the rules measure) within 3x of He / LeCun for the weight's fans."""
    from initlint.analysis.initializers import moments

    if siblings:
        init = siblings[0]
        name, params = init.name, dict(init.params)
        if not init.certain:
            return False
    else:
        found = _literal_initializer(planner, value)
        if found is None:
            return False
        name, params = found
    if name in ("constant", "zeros", "ones", "identity", "unknown", "custom"):
        return False
    if weight.role == "embeddings" or weight.facts.get("layer_kind") in ("embedding", "rnn", "rnn_cell"):
        return True
    std, mean = moments(name, params, weight.shape)
    if std is None:
        return name in FAN_BASED
    view = LayerView(weight)
    reference = view.references()[view.reference_name]
    if not reference or mean:
        return False
    return 1 / 3 <= std / reference <= 3


def _literal_initializer(planner: Planner, value: cst.BaseExpression) -> tuple[str, dict] | None:
    """(canonical name, params) of a constructor call written with literal arguments."""
    from initlint.analysis.initializers import KERAS_CONSTRUCTORS, SLIM_CONSTRUCTORS, TF1_INITIALIZERS_MODULE, \
        TF_CONSTRUCTORS

    if not isinstance(value, cst.Call):
        return None
    name = last_name(value.func) or ""
    func = dotted(value.func) or ""
    constructor = (TF_CONSTRUCTORS.get(name) or KERAS_CONSTRUCTORS.get(name) or SLIM_CONSTRUCTORS.get(name)
                   or TF1_INITIALIZERS_MODULE.get(name))
    if constructor is None:
        return None
    defaults = constructor.defaults
    if planner.dialect == "tf2" and constructor.tf2_defaults is not None and "compat.v1" not in func:
        defaults = constructor.tf2_defaults
    params = dict(defaults)
    for position, arg in enumerate(value.args):
        if arg.star:
            return None
        key = arg.keyword.value if arg.keyword is not None else (
            constructor.params[position] if position < len(constructor.params) else None)
        if key is None:
            return None
        if key in ("seed", "dtype", "name", "verify_shape"):
            continue
        literal = _number(arg.value)
        if literal is None:
            return None
        params[key] = literal
    result_name = constructor.name
    if result_name == "xavier":
        result_name = "glorot_uniform" if params.get("uniform", True) is True else "glorot_normal"
    return result_name, params


def _number(node: cst.BaseExpression) -> float | bool | str | None:
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        inner = _number(node.expression)
        return -inner if isinstance(inner, float) else None
    if isinstance(node, (cst.Integer, cst.Float)):
        return _float(node)
    if isinstance(node, cst.Name) and node.value in ("True", "False"):
        return node.value == "True"
    if isinstance(node, cst.SimpleString):
        evaluated = node.evaluated_value
        return evaluated if isinstance(evaluated, str) else None
    return None


def _keras_scope(planner: Planner, diagnostic: Diagnostic) -> Fix | None:
    return _copy_scope(planner, diagnostic, ("initializer",), "ignored_variable_scope")


def _missed_op(planner: Planner, diagnostic: Diagnostic) -> Fix | None:
    return _copy_scope(planner, diagnostic, ("weights_initializer",), "arg_scope_missed")


_HANDLERS = {"INI302": _keras_scope, "INI303": _missed_op, "INI304": _uncalled, "INI305": _deprecated}
FIXABLE_CODES = frozenset({*CHAIN_RULES, *SCALE_RULES, *_HANDLERS})  # the only codes Planner.fix can answer

__all__ = ["FIXABLE_CODES", "Planner", "merge_edits"]
