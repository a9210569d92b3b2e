"""Rule selection (`select`, `extend-select`, `ignore`, `per-file-ignores`) with ruff's semantics.

A selector is `ALL`, the prefix `INI`, or any prefix of a registered code (`INI1`, `INI10`,
`INI101`). Within one layer of configuration the more specific selector wins (`select = ["INI1"]`
with `ignore = ["INI101"]` turns off INI101 only; `ignore = ["INI"]` with `select = ["INI101"]`
keeps INI101); at equal specificity `ignore` wins. Layers (the defaults, then pyproject.toml,
then the command line) apply in order, and a layer that sets `select` starts afresh.
"""
from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from initlint.model import Diagnostic, FileResult
from initlint.settings import Settings

PREFIX = "INI"
# initlint's own failures cannot be deselected or suppressed: they mean a file was not checked.
ALWAYS_REPORTED = frozenset({"INI902"})


class SelectorError(ValueError):
    """An unknown rule selector; the message names it and where it came from."""


def all_codes() -> tuple[str, ...]:
    from initlint.rules import RULES

    return tuple(sorted(rule.code for rule in RULES))


def normalize(selector: str) -> str:
    return selector.strip().upper()


def is_valid(selector: str, codes: Sequence[str] | None = None) -> bool:
    selector = normalize(selector)
    if selector in ("ALL", PREFIX):
        return True
    return any(code.startswith(selector) for code in (codes if codes is not None else all_codes()))


def check_selectors(selectors: Iterable[str], option: str, origin: str) -> tuple[str, ...]:
    """Normalised selectors, or SelectorError naming the first unknown one."""
    codes = all_codes()
    out: list[str] = []
    for selector in selectors:
        if not is_valid(selector, codes):
            raise SelectorError(f"Unknown rule selector `{selector.strip()}` in `{option}` {origin}")
        out.append(normalize(selector))
    return tuple(out)


def matching(selector: str, codes: Sequence[str]) -> set[str]:
    selector = normalize(selector)
    if selector == "ALL":
        return set(codes)
    return {code for code in codes if code.startswith(selector)}


def _specificity(selector: str) -> int:
    selector = normalize(selector)
    return 0 if selector == "ALL" else len(selector)


@dataclass(frozen=True, slots=True)
class Layer:
    """One source of rule selection: the defaults, a config file, or the CLI."""

    select: tuple[str, ...] | None = None  # None: keep what earlier layers enabled
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


def resolve(layers: Iterable[Layer], codes: Sequence[str] | None = None) -> tuple[str, ...]:
    """The enabled codes after applying the layers in order, sorted."""
    codes = all_codes() if codes is None else tuple(codes)
    enabled: set[str] = matching(PREFIX, codes)
    for layer in layers:
        current = set() if layer.select is not None else set(enabled)
        entries = [(s, True) for s in (*(layer.select or ()), *layer.extend_select)]
        entries += [(s, False) for s in layer.ignore]
        entries.sort(key=lambda entry: (_specificity(entry[0]), not entry[1]))
        for selector, on in entries:
            chosen = matching(selector, codes)
            if on:
                current |= chosen
            else:
                current -= chosen
        enabled = current
    return tuple(sorted(enabled))


@lru_cache(maxsize=64)
def _enabled(select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...],
             codes: tuple[str, ...]) -> frozenset[str]:
    return frozenset(resolve([Layer(select=select, extend_select=extend_select, ignore=ignore)], codes))


def enabled_codes(settings: Settings) -> frozenset[str]:
    """The codes `settings` enables (one layer: select, extend_select, ignore)."""
    return _enabled(settings.select, settings.extend_select, settings.ignore, all_codes())


def is_enabled(code: str, settings: Settings) -> bool:
    return code in ALWAYS_REPORTED or code in enabled_codes(settings)


def _file_ignores(path: str, settings: Settings) -> frozenset[str]:
    """The selectors per-file-ignores turn off for `path` (as shown: relative to the cwd, or absolute)."""
    if not settings.per_file_ignores:
        return frozenset()
    from initlint.discovery import matches_pattern, project_root

    root = project_root(settings)
    absolute = Path(os.path.abspath(path))
    ignored: set[str] = set()
    for pattern, selectors in settings.per_file_ignores:
        if matches_pattern(pattern, absolute, root):
            ignored.update(normalize(s) for s in selectors)
    return frozenset(ignored)


def select_diagnostics(diagnostics: Sequence[Diagnostic], path: str, settings: Settings) -> tuple[Diagnostic, ...]:
    enabled = enabled_codes(settings)
    file_ignores = _file_ignores(path, settings)
    kept = []
    for diagnostic in diagnostics:
        code = diagnostic.code
        if code not in ALWAYS_REPORTED:
            if code not in enabled:
                continue
            if any(selector == "ALL" or code.startswith(selector) for selector in file_ignores):
                continue
        kept.append(diagnostic)
    return tuple(kept)


def finish(result: FileResult, settings: Settings) -> FileResult:
    """Apply selection, per-file-ignores and `# noqa` comments to one file's diagnostics."""
    if not result.diagnostics:
        return result
    from initlint.suppression import suppress

    kept = select_diagnostics(result.diagnostics, result.path, settings)
    kept = suppress(result.source, kept, ALWAYS_REPORTED)
    if kept == result.diagnostics:
        return result
    return dataclasses.replace(result, diagnostics=kept)
