"""Every context that reaches a function: the same weights, resolved as other project files call them.

A module's function that nothing in the module calls is analysed on its own, with its callers unknown
(so defaults are uncertain). When other files of the project import and call it, each caller is
analysed (once per process) and the initializer the weight gets under that caller's scopes is
attached to the weight as a context, so `explain` shows "default xavier when called bare; He via
resnet_arg_scope from train.py:12".
"""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from initlint.analysis.project import find_callers, real_path, shown_path
from initlint.model import Weight

MAX_CALLER_FILES = 5


def _analyse_caller(file: Path, shown: str, settings) -> tuple[tuple[Weight, ...], tuple[str, ...]]:
    """The caller's weights as if nothing called it in turn, and the project modules that analysis
    read (no parse or rule run if this run has just linted it under the same shown path:
    interpret.analyze_alone keeps it)."""
    from initlint.analysis.interpret import analyze_alone
    from initlint.engine import read_source

    source, problem = read_source(file)
    if problem is not None:
        return (), ()
    try:
        analysis = analyze_alone(None, source, shown, settings)
    except Exception:  # noqa: BLE001 - a caller initlint cannot parse or analyse only gives no context
        return (), ()
    return analysis.weights, analysis.dependencies


def _caller_shown(file: Path, linted: str) -> str:
    """The caller's path spelled as the run spells the linted file's (so that its own analysis, if
    it is linted in this run too, is the one reused)."""
    if os.path.isabs(linted):
        return str(file)
    relative = os.path.relpath(file)
    return relative if not relative.startswith("..") else str(file)


def attach_contexts(path: str, weights: tuple[Weight, ...], settings) -> tuple[tuple[Weight, ...], set[str]]:
    """The weights with their callers' contexts, and every file those contexts were read from (the
    callers and the project modules their analyses read: the cache is invalidated when they change)."""
    roots = {w.facts["root_function"] for w in weights if "root_function" in w.facts}
    if not roots or not settings.follow_callers or path.startswith("<"):
        return weights, set()
    callers = find_callers(path, roots, MAX_CALLER_FILES)
    if not callers:
        return weights, set()
    here = real_path(path)
    contexts: dict[tuple[int, int], list[tuple[tuple[int, ...], dict]]] = {}  # (chain in this module, context)
    read: set[str] = set()
    totals: dict[tuple[str, tuple], int] = {}  # per caller file and kind: how many weights it made there
    for file in callers:
        shown = shown_path(file, path)
        caller_weights, caller_read = _analyse_caller(file, _caller_shown(file, path), settings)
        resolved = str(real_path(file))
        read |= {resolved, *caller_read}
        mine = [weight for weight in caller_weights if weight.call_stack and real_path(weight.path) == here]
        for weight, ordinal in zip(mine, _ordinals(mine, here)):
            init = weight.initializer
            key = _same_kind(weight, here)
            totals[(resolved, key)] = totals.get((resolved, key), 0) + 1
            contexts.setdefault((weight.span.line, weight.span.column), []).append((_chain_in(weight, here), {
                "path": shown, "line": weight.anchor.line, "initializer": init.name, "params": dict(init.params),
                "source": init.source, "certain": weight.certain, "role": weight.role, "file": resolved,
                "ordinal": ordinal, "key": key,
            }))
    if not contexts:
        return weights, read
    updated: list[Weight] = []
    own_totals: dict[tuple, int] = {}
    for weight in weights:
        key = _same_kind(weight, here)
        own_totals[key] = own_totals.get(key, 0) + 1
    for weight, ordinal in zip(weights, _ordinals(list(weights), here)):
        # a context is the same weight only through the same calls inside this module: srez's
        # `conv(h, 64, 1, 4.0)` and `conv(x, 3, 64, 0.2)` create at one line, each its own weight;
        # and of the weights of one role a call makes (a GRUCell's gate and candidate biases), the
        # one in the same place in the order, when each call of the caller makes as many
        chain = _chain_in(weight, here)
        count = own_totals[_same_kind(weight, here)]
        found = [c for through, c in contexts.get((weight.span.line, weight.span.column), [])
                 if c["role"] == weight.role and through[len(through) - len(chain):] == chain
                 and (count == 1 or totals[(c["file"], c["key"])] % count != 0 or c["ordinal"] % count == ordinal)]
        if not found or "root_function" not in weight.facts:
            updated.append(weight)
            continue
        facts = dict(weight.facts)
        facts["contexts"] = found
        init = weight.initializer
        if all((c["initializer"], c["params"]) == (init.name, init.params) for c in found):
            updated.append(replace(weight, facts=facts))  # every caller agrees with the bare answer
            continue
        # where a caller's initializer has the bare one's name, what differs is a parameter: shown
        # (tapas' BERT: "truncated_normal when called bare; truncated_normal via explicit from ...")
        detailed = any(c["initializer"] == init.name for c in found)
        seen = "; ".join(sorted({f"{_shown(c['initializer'], c['params'], detailed)} via "
                                 f"{c['source'].replace('_', ' ')} from {c['path']}:{c['line']}" for c in found}))
        reason = f"{_shown(init.name, init.params, detailed)} when called bare; {seen}"
        updated.append(replace(weight, facts=facts, initializer=replace(init, reason=reason, certain=False)))
    return tuple(updated), read


def _shown(name: str, params: dict, detailed: bool) -> str:
    """An initializer's name, with its parameters when `detailed` (`?`: not known statically)."""
    if not detailed:
        return name
    shown = ", ".join(f"{key}={value:.4g}" if isinstance(value, float) else f"{key}=?" if value is None else
                      f"{key}={value}" for key, value in params.items())
    return f"{name}({shown})"


def _chain_in(weight: Weight, module: Path) -> tuple[int, ...]:
    """The lines of the calls inside `module` that a weight was made through."""
    return tuple(site.line for site in weight.call_stack if real_path(site.path) == module)


def _same_kind(weight: Weight, module: Path) -> tuple:
    """Weights one call of a layer makes in the same role, through the same calls of `module`."""
    return (weight.span.line, weight.span.column, weight.role, _chain_in(weight, module))


def _ordinals(weights: list[Weight], module: Path) -> list[int]:
    """Each weight's place among the earlier weights of its kind (_same_kind)."""
    seen: dict[tuple, int] = {}
    ordinals = []
    for weight in weights:
        key = _same_kind(weight, module)
        ordinals.append(seen.get(key, 0))
        seen[key] = ordinals[-1] + 1
    return ordinals


def repeated_in_their_module(path: str, about: set[tuple[str, int, int, str, bool]], settings,
                             through: dict[tuple[str, int, int], set[str]] | None = None
                             ) -> set[tuple[str, int, int, str, bool]]:
    """Of the weights this file's findings are about (Diagnostic.about), those made in another
    project module that get the same answer there when that module is analysed on its own: that
    module reports them at its own lines, and this file's context changes nothing, so this file
    does not repeat them (a driver script repeated every finding of the model module it calls). So
    do those the same answer comes to in a module between (`through`: the files of each weight's
    call chain): a driver of a training library that builds the model (tensorflow/gan's cifar
    train.py, over train_lib.py, over networks.py) repeated the library's finding. A finding
    certain here on a weight the module alone has doubts about (Weight.doubtful) is this file's: its
    context settled them, and the module reports only an info."""
    if path.startswith("<"):  # a text given on stdin has no project around it
        return set()
    here = real_path(path)
    # analysed module -> (module that makes it, creating call) -> [(answer, doubtful)] there
    alone: dict[Path, dict[tuple[Path, int, int], list[tuple[str, bool]]]] = {}
    repeated: set[tuple[str, int, int, str, bool]] = set()
    for key in about:
        shown, line, column, answer, certain = key
        made_in = real_path(shown)
        between = {real_path(name) for name in (through or {}).get((shown, line, column), ())}
        for module in sorted({made_in} | between):
            if module == here:
                continue
            if module not in alone:
                weights, _ = _analyse_caller(module, _caller_shown(module, path), settings)
                answers: dict[tuple[Path, int, int], list[tuple[str, bool]]] = {}
                for weight in weights:
                    answers.setdefault((real_path(weight.path), weight.span.line, weight.span.column),
                                       []).append((weight.answer(), weight.doubtful))
                alone[module] = answers
            if any(answer == there and not (certain and doubtful_there)
                   for there, doubtful_there in alone[module].get((made_in, line, column), [])):
                repeated.add(key)
                break
    return repeated
