"""`initlint explain`: the table a person reads, and the JSON contract (design.md, version 1)."""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any, Callable

from initlint.model import FileResult, Weight

EXPLAIN_VERSION = 1


def _round(value: float | None, digits: int = 6) -> float | None:
    if value is None:
        return None
    return float(f"{value:.{digits}g}")


def weight_json(weight: Weight) -> dict[str, Any]:
    init = weight.initializer
    return {
        "path": weight.path,
        "line": weight.span.line, "column": weight.span.column,
        "end_line": weight.span.end_line, "end_column": weight.span.end_column,
        "call_stack": [{"path": site.path, "line": site.line} for site in weight.call_stack],
        "api": weight.api,
        "role": weight.role,
        "shape": list(weight.shape) if weight.shape is not None else None,
        "shape_reason": weight.shape_reason,  # why the shape rests on an assumption (a parameter's default)
        "shape_unknown_reason": weight.facts.get("shape_unknown"),  # why a dimension is null
        "fan_in": weight.fan_in, "fan_out": weight.fan_out,
        "initializer": {
            "name": init.name,
            "params": {key: value for key, value in init.params.items()},
            "source": init.source,
            "source_line": init.source_line,
            "certain": init.certain,
            "reason": init.reason,
        },
        "certain": weight.certain,  # the initializer and the shape both
        "std": _round(weight.std), "mean": _round(weight.mean),
        "activation": weight.activation,
        "signal": {"mean_square": _round(weight.signal.mean_square), "gain": _round(weight.signal.gain),
                   "backward_gain": _round(weight.signal.backward_gain),
                   "input_mean_square": _round(weight.signal.input_mean_square)},
        "contexts": [{key: context[key] for key in ("path", "line", "initializer", "params", "source", "certain")}
                     for context in weight.facts.get("contexts", ())],
        "iteration": weight.iteration,
        "dialect": weight.dialect,
        "conditions": [{"path": c.path, "line": c.line, "test": c.test, "holds": c.holds} for c in weight.conditions],
        "repeats": {"path": weight.repeats.path, "line": weight.repeats.line} if weight.repeats is not None else None,
    }


def render_json(results: list[FileResult], notebooks: Sequence[str] = ()) -> str:
    """What `json.dumps(document, indent=2)` writes, built one weight at a time: the whole list as
    dicts first took 1.6 GB on a repository of 160,000 weights (hzy46's copies of slim's tests)."""
    weights = [_indented(json.dumps(weight_json(weight), indent=2), "    ", first=True)
               for result in results for weight in result.weights]
    files = [{"path": r.path, "dialect": r.dialect, "dialect_reason": r.dialect_reason,
              "skipped": r.skipped, "problems": [{"code": d.code, "message": d.message, "line": d.span.line}
                                                 for d in r.diagnostics if d.code.startswith("INI9")],
              "unfollowed": [{"line": line, "call": name} for line, name in r.unfollowed],
              "cut_calls": [{"line": line, "call": name} for line, name in r.cut_calls],
              "unread": [{"line": line, "call": name, "module": module} for line, name, module in r.unread]}
             for r in results]
    listed = "[\n" + ",\n".join(weights) + "\n  ]" if weights else "[]"
    return (f'{{\n  "version": {EXPLAIN_VERSION},\n  "weights": {listed},\n'
            f'  "files": {_indented(json.dumps(files, indent=2), "  ")},\n'
            f'  "notebooks_not_read": {_indented(json.dumps(list(notebooks), indent=2), "  ")}\n}}\n')


def _indented(text: str, prefix: str, first: bool = False) -> str:
    """`text` one level deeper in a JSON document: every line after the first (which follows its
    key) gets the prefix; the first too when it starts a line of its own."""
    lines = text.split("\n")
    return "\n".join((prefix + line) if index or first else line for index, line in enumerate(lines))


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    if value == 0:
        return "0"
    if abs(value) >= 1000 or abs(value) < 0.001:
        return f"{value:.2e}"
    return f"{value:.4g}"


def _fan(value: float | None) -> str:
    """A fan is a count: 3136, not 3.14e+03."""
    if value is not None and float(value).is_integer():
        return str(int(value))
    return _fmt(value)


def _init_text(weight: Weight, shown_path: str) -> str:
    init = weight.initializer
    params = ", ".join(f"{k}={_param_text(v)}" for k, v in init.params.items())
    text = f"{init.name}({params})" if params else init.name
    elsewhere = weight.facts.get("init_path")  # an initializer written in another module: say which
    line = f"{elsewhere}:{init.source_line}" if elsewhere and elsewhere != shown_path else init.source_line
    where = init.source + (f"@{line}" if init.source_line else "")
    text = f"{text} [{where}]"
    return text if init.certain else text + " ?"


def _param_text(value: object) -> str:
    """An initializer argument as the table shows it: `?` when it is not known statically."""
    if value is None:
        return "?"
    if isinstance(value, float):
        return f"{value:g}"
    return repr(value) if isinstance(value, str) else str(value)


def render_table(results: list[FileResult], notebooks: Sequence[str] = ()) -> str:
    """`notebooks`: those found in the directories given, which are not read."""
    out: list[str] = []
    for result in results:
        if result.skipped:
            continue
        for problem in result.diagnostics:
            if problem.code.startswith("INI9"):
                out.append(f"{result.path}:{problem.span.line}: {problem.code} {problem.message}")
        if not result.weights:
            if result.unfollowed or result.cut_calls or result.unread:
                out.append(f"{result.path}  (no weights seen)")
                out.extend(_unfollowed_text(result))
                out.extend(_cut_calls_text(result))
                out.extend(_unread_text(result))
                out.append("")
            continue
        others = sorted({weight.dialect for weight in result.weights if weight.dialect and weight.dialect != result.dialect})
        # a driver showing no TF1 API of its own runs a TF1 module's layers: each weight has its module's
        elsewhere = f"; weights made in {' and '.join(others)} modules use theirs" if others else ""
        out.append(f"{result.path}  (dialect {result.dialect_reason}{elsewhere})")
        rows = [("line", "api", "role", "shape", "fan_in", "fan_out", "initializer [source]", "std", "act",
                 "E[y²]", "gain")]
        notes: dict[str, list[str]] = {}  # reason -> the weights it is given for, in table order
        branches: dict[tuple[str, str], list[str]] = {}  # (line, condition) -> roles, in table order
        repeated: dict[str, list[str]] = {}  # the loop -> the weights it made, in table order
        unknown: dict[str, list[str]] = {}  # why a `?` in a shape -> the weights it is given for
        for weight in result.weights:
            line = str(weight.anchor.line)
            if weight.path != result.path:  # made in another module: say which
                line += f"→{weight.path}:{weight.span.line}"
            elif weight.anchor != weight.span:
                line += f"→{weight.span.line}"
            shape = "?" if weight.shape is None else "x".join("?" if d is None else str(d) for d in weight.shape)
            if weight.shape_reason is not None:  # a width that is a parameter's default: the shape is the guess
                shape = f"{shape or '()'} ?"
            rows.append((line, weight.api, weight.role, shape or "()", _fan(weight.fan_in), _fan(weight.fan_out),
                         _init_text(weight, result.path), _fmt(weight.std), weight.activation or "-",
                         _fmt(weight.signal.mean_square), _fmt(weight.signal.gain)))
            if not weight.certain:
                notes.setdefault(str(weight.initializer.reason or weight.shape_reason), []).append(f"{line} {weight.role}")
            if weight.facts.get("shape_unknown"):
                unknown.setdefault(weight.facts["shape_unknown"], []).append(f"{line} {weight.role}")
            if weight.conditions:
                branches.setdefault((line, _conditions_text(weight, result.path)), []).append(weight.role)
            if weight.repeats is not None:
                loop = f"line {weight.repeats.line}" if weight.repeats.path == result.path else \
                    f"{weight.repeats.path}:{weight.repeats.line}"
                repeated.setdefault(loop, []).append(f"{line} {weight.role}")
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        for row in rows:
            out.append("  " + "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if notes:
            out.append("  ? uncertain:")
            out.extend(f"    {_weights_text(weights)}: {reason}" for reason, weights in notes.items())
        if unknown:
            out.append("  ? in a shape, not known statically:")
            out.extend(f"    {_weights_text(weights)}: {reason}" for reason, weights in unknown.items())
        if branches:
            out.append("  | made on one branch of an `if` whose test is known only at run time:")
            for (line, condition), roles in branches.items():
                out.append(f"    line {line} {', '.join(dict.fromkeys(roles))}: {condition}")
        if repeated:
            out.append("  ↻ made in a loop whose count is not known statically (or over max-unroll), listed once; "
                       "it may make more:")
            out.extend(f"    {_weights_text(weights)}: the loop at {loop}" for loop, weights in repeated.items())
        out.extend(_unfollowed_text(result))
        out.extend(_cut_calls_text(result))
        out.extend(_unread_text(result))
        restored = sorted({(weight.facts.get("restored_in", result.path), weight.facts["restored"],
                            weight.facts.get("restored_by", "a load")) for weight in result.weights
                           if "restored" in weight.facts})
        if restored:  # nothing is reported on these weights: say why
            # the load may be in a module this file calls (QANet's main.py restores what config.py builds)
            loads = ", ".join(f"`{call}` at line {line}" if path == result.path else f"`{call}` at {path}:{line}"
                              for path, line, call in restored)
            savers = any(call.endswith("restore") for _, _, call in restored)
            keras = any(not call.endswith("restore") for _, _, call in restored)
            covers = "; ".join(([_KERAS_LOAD_COVERS] if keras else []) + ([_SAVER_COVERS] if savers else []))
            out.append(f"  initial values overwritten by {loads}: the weights it restores ({covers}) are not checked")
        given = sorted({weight.facts["initial_values_given"] for weight in result.weights
                        if "initial_values_given" in weight.facts})
        if given:
            lines = ", ".join(str(line) for line in given)
            out.append(f"  initial values given (`weights=`, `set_weights`) at line {lines}: those layers' "
                       "initializers are not checked, nor the signal after them")
        out.append("")
    if not any(result.weights for result in results):
        # an empty table read as a tool that did nothing (sjchoi86/Tensorflow-101: its models are notebooks)
        analysed = sum(1 for result in results if not result.skipped)
        skipped = len(results) - analysed
        out.append(f"No weights found ({analysed} file{'' if analysed == 1 else 's'} analysed" + (
            f", {skipped} skipped: they name no TensorFlow, Keras or slim API that makes one)." if skipped else ")."))
    if notebooks:  # gumbel-softmax: its models are two notebooks, and the run said nothing of them
        shown = ", ".join(notebooks[:3]) + (f" and {len(notebooks) - 3} more" if len(notebooks) > 3 else "")
        out.append(f"{len(notebooks)} notebook{'' if len(notebooks) == 1 else 's'} not read (initlint reads Python "
                   f"files only; `jupyter nbconvert --to script` exports one): {shown}")
    return "\n".join(out) + ("\n" if out else "")


_KERAS_LOAD_COVERS = "a Keras load: those of every Keras model built before it in the function, where the " \
                     "model's layers are not known"
_SAVER_COVERS = "a Saver's restore: the variables it covers"


def _weights_text(weights: list[str]) -> str:
    """`line 12 kernel`, `line 12 kernel, line 14 bias`; from four on, the lines once each
    (electra's 162 weights under one caller's reason were 162 lines of the same sentence)."""
    if len(weights) <= 3:
        # the same layer's weights made twice (a loop, two calls of one helper) are one entry, counted
        # (planet said "line 7 kernel, line 7 kernel")
        counts = {weight: weights.count(weight) for weight in weights}
        return ", ".join(f"line {weight}" + (f" (x{count})" if count > 1 else "") for weight, count in counts.items())
    lines = dict.fromkeys(weight.split(" ", 1)[0].split("→", 1)[0] for weight in weights)
    return f"{len(weights)} weights, {'line' if len(lines) == 1 else 'lines'} {', '.join(lines)}"


def _unfollowed_text(result: FileResult) -> list[str]:
    """Where tensors went through code initlint does not read (a third-party package, a layer of a
    module not known statically): its weights are not listed, and the signal after it is unknown."""
    if not result.unfollowed:
        return []
    return ["  > through code initlint does not read: third-party packages, library models, layers of a module "
            "not known statically (their weights are not listed; the signal after them is unknown):",
            *(f"    line {line} `{name}`" for line, name in result.unfollowed)]


def _unread_text(result: FileResult) -> list[str]:
    """Calls into project modules that cannot be parsed: the weights they make are not listed."""
    if not result.unread:
        return []
    return ["  > into project modules initlint cannot parse (their weights are not listed; linting the "
            "module itself reports why, INI901):",
            *(f"    line {line} `{name}` ({module})" for line, name, module in result.unread)]


def _cut_calls_text(result: FileResult) -> list[str]:
    """Where a chain of calls from this file reached max-call-depth before another module's code:
    the weights made beyond it are not listed here."""
    if not result.cut_calls:
        return []
    by_line: dict[int, list[str]] = {}
    for line, name in result.cut_calls:
        by_line.setdefault(line, []).append(f"`{name}`")
    shown = [f"    line {line} {', '.join(names[:3])}" + (f" and {len(names) - 3} more" if len(names) > 3 else "")
             for line, names in by_line.items()]
    return ["  > calls not followed past max-call-depth into code that makes weights (not listed here; "
            "raise max-call-depth to follow them):", *shown]


_EQUALITY = re.compile(r"""(.+?)\s*==\s*('[^']*'|"[^"]*"|-?\d+(?:\.\d+)?|True|False|None)""")


def _conditions_text(weight: Weight, shown_path: str) -> str:
    """`only if `a` (line 5) and not `b` (line 9)`: the branches a weight is made on. Where
    `x == 'c'` holds, a `not x == 'a'` of an elif chain before it says nothing more and is left out
    (QANet's `config.mode` chains repeated every earlier mode); the same test said twice is said once
    (the JSON keeps every `if`)."""
    equal: dict[str, str] = {}
    for condition in weight.conditions:
        matched = _EQUALITY.fullmatch(condition.test)
        if condition.holds and matched:
            equal[matched.group(1)] = matched.group(2)
    parts = []
    said: set[tuple[str, bool]] = set()
    for condition in weight.conditions:
        matched = _EQUALITY.fullmatch(condition.test)
        if not condition.holds and matched and equal.get(matched.group(1), matched.group(2)) != matched.group(2):
            continue
        if (condition.test, condition.holds) in said:
            continue  # the same test again, in a callee (efficientnet's `expand_ratio != 1` at two lines)
        said.add((condition.test, condition.holds))
        where = f"line {condition.line}" if condition.path == shown_path else f"{condition.path}:{condition.line}"
        parts.append(f"{'' if condition.holds else 'not '}`{condition.test}` ({where})")
    return "only if " + " and ".join(parts)


RENDERERS: dict[str, Callable[[list[FileResult], Sequence[str]], str]] = {"table": render_table, "json": render_json}


def render_explain(format_name: str, results: list[FileResult], notebooks: Sequence[str] = ()) -> str:
    """`notebooks`: the notebooks found in the directories given, which are not read."""
    return RENDERERS[format_name](results, notebooks)
