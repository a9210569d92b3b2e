"""[tool.initlint] in pyproject.toml + command-line overrides -> one frozen Settings.

The configuration is the nearest pyproject.toml with a [tool.initlint] table, searched upward
from the first path given (then from the current directory); `--config PATH` names a file
instead, `--isolated` ignores every file. Command-line options override the file. Every
problem is a ConfigError whose message names the file, the key and what was expected; the CLI
prints it and exits with code 2.
"""
from __future__ import annotations

import dataclasses
import math
import os
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from initlint.selection import Layer, SelectorError, check_selectors, resolve
from initlint.settings import DEFAULT_EXCLUDE, Settings, Thresholds

DIALECTS = ("auto", "tf1", "tf2")

# Thresholds: (type, lowest, highest). Floats accept TOML integers; bounds keep the risk model sane.
THRESHOLD_BOUNDS: dict[str, tuple[type, float, float]] = {
    "explode": (float, 1.0, 1e300),
    "explode-error": (float, 1.0, 1e300),
    "vanish": (float, 1e-300, 1.0),
    "vanish-error": (float, 1e-300, 1.0),
    "scale-ratio": (float, 1.0, 1e6),
    "deep-stack": (int, 1, 10_000),
}
INT_BOUNDS: dict[str, tuple[int, int]] = {"max-unroll": (0, 4096), "max-call-depth": (0, 64)}
LIST_KEYS = ("select", "extend-select", "ignore", "exclude", "extend-exclude")
BOOL_KEYS = ("respect-gitignore", "force-exclude")
KNOWN_KEYS = (*LIST_KEYS, "per-file-ignores", "dialect", "thresholds", *BOOL_KEYS, *INT_BOUNDS)


class ConfigError(ValueError):
    """Bad configuration: shown as `initlint failed\\n  Cause: <message>`, exit code 2."""


@dataclass(frozen=True, slots=True)
class Overrides:
    """What the command line says; None / empty means "not given"."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] | None = None
    dialect: str | None = None
    thresholds: tuple[tuple[str, str], ...] = ()  # (key, value as typed)
    respect_gitignore: bool | None = None
    force_exclude: bool | None = None


@dataclass(frozen=True, slots=True)
class FileConfig:
    """A validated [tool.initlint] table (keys as in TOML, kebab-case)."""

    path: Path | None
    values: Mapping[str, Any] = field(default_factory=dict)
    explicit: bool = False  # named with --config: relative globs are anchored at the cwd, as in ruff


# --------------------------------------------------------------------------- finding and reading


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"Failed to read {path}: {error.strerror or error}") from None
    try:
        return tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ConfigError(f"Failed to parse {path}: the file is not UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"Failed to parse {path}: {error}") from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise ConfigError(f"Failed to parse {path}: arrays or tables nest too deeply") from None


def _initlint_table(document: dict[str, Any], path: Path) -> dict[str, Any] | None:
    tool = document.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, dict):
        raise ConfigError(f"Failed to parse {path}: `tool` must be a table")
    table = tool.get("initlint")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(f"Failed to parse {path}: `tool.initlint` must be a table")
    return table


def find_pyproject(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest pyproject.toml with a [tool.initlint] table, from `start` upward."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            table = _initlint_table(_read_toml(candidate), candidate)
            if table is not None:
                return candidate, table
    return None


def _search_starts(paths: Sequence[str], stdin_filename: str | None, cwd: Path) -> list[Path]:
    starts: list[Path] = []
    first = next((p for p in paths if p != "-"), None) or stdin_filename
    if first:
        candidate = cwd / first
        if candidate.is_dir():
            starts.append(candidate)
        elif candidate.parent.is_dir():
            starts.append(candidate.parent)
    starts.append(cwd)
    return starts


def load_file_config(paths: Sequence[str] = (), *, config: str | None = None, isolated: bool = False,
                     stdin_filename: str | None = None, cwd: Path | None = None) -> FileConfig:
    cwd = cwd or Path.cwd()
    if isolated:
        return FileConfig(None)
    if config is not None:
        path = Path(config)
        if not path.is_absolute():
            path = cwd / path
        if not path.is_file():
            raise ConfigError(f"The configuration file `{config}` does not exist")
        document = _read_toml(path)
        table = _initlint_table(document, path)
        if table is None:
            # a pyproject.toml without the table configures nothing; another file is the table itself
            table = {} if path.name == "pyproject.toml" else document
        return FileConfig(path, validate(table, str(path)), explicit=True)
    for start in _search_starts(paths, stdin_filename, cwd):
        found = find_pyproject(start)
        if found:
            return FileConfig(found[0], validate(found[1], str(found[0])))
    return FileConfig(None)


# --------------------------------------------------------------------------- validation


def _where(key: str, origin: str) -> str:
    return f"`{key}` in {origin}"


def _string_list(value: Any, key: str, origin: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"Invalid value for {_where(key, origin)}: expected a list of strings, "
                          f"got {_describe(value)}")
    return tuple(value)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, list):
        return "a list" if all(isinstance(item, str) for item in value) else "a list with non-string items"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _number(value: Any, where: str, kind: type, low: float, high: float) -> float | int:
    if isinstance(value, str):  # from the command line
        try:
            value = int(value) if kind is int else float(value)
        except ValueError:
            raise ConfigError(f"Invalid value for {where}: expected "
                              f"{'an integer' if kind is int else 'a number'}, got {value!r}") from None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (kind is int and not isinstance(value, int)):
        raise ConfigError(f"Invalid value for {where}: expected "
                          f"{'an integer' if kind is int else 'a number'}, got {_describe(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigError(f"Invalid value for {where}: expected a finite number, got {value!r}")
    if not low <= value <= high:
        raise ConfigError(f"Invalid value for {where}: {value!r} is out of range "
                          f"(expected {low:g} to {high:g})")
    return kind(value)


def _thresholds_table(value: Any, origin: str) -> dict[str, float | int]:
    if not isinstance(value, dict):
        raise ConfigError(f"Invalid value for {_where('thresholds', origin)}: expected a table, got {_describe(value)}")
    out: dict[str, float | int] = {}
    for key, item in value.items():
        if key not in THRESHOLD_BOUNDS:
            raise ConfigError(f"Unknown key `thresholds.{key}` in {origin} "
                              f"(expected one of: {', '.join(THRESHOLD_BOUNDS)})")
        kind, low, high = THRESHOLD_BOUNDS[key]
        out[key] = _number(item, _where(f"thresholds.{key}", origin), kind, low, high)
    return out


def validate(table: Mapping[str, Any], origin: str) -> dict[str, Any]:
    """Check the types and ranges of a [tool.initlint] table; values come back normalised."""
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KNOWN_KEYS:
            hint = f" (did you mean `{key.replace('_', '-')}`?)" if key.replace("_", "-") in KNOWN_KEYS else ""
            raise ConfigError(f"Unknown key `{key}` in {origin}{hint}; expected one of: {', '.join(KNOWN_KEYS)}")
        if key in LIST_KEYS:
            items = _string_list(value, key, origin)
            if key in ("select", "extend-select", "ignore"):
                items = _selectors(items, key, f"in {origin}")
            out[key] = items
        elif key in BOOL_KEYS:
            if not isinstance(value, bool):
                raise ConfigError(f"Invalid value for {_where(key, origin)}: expected true or false, got {_describe(value)}")
            out[key] = value
        elif key == "dialect":
            if value not in DIALECTS:
                raise ConfigError(f"Invalid value for {_where(key, origin)}: expected one of "
                                  f"{', '.join(map(repr, DIALECTS))}, got {_describe(value)}")
            out[key] = value
        elif key == "per-file-ignores":
            out[key] = _per_file_ignores(value, origin)
        elif key == "thresholds":
            out[key] = _thresholds_table(value, origin)
        else:
            low, high = INT_BOUNDS[key]
            out[key] = _number(value, _where(key, origin), int, low, high)
    return out


def _selectors(items: Sequence[str], key: str, origin: str) -> tuple[str, ...]:
    try:
        return check_selectors(items, key, origin)
    except SelectorError as error:
        raise ConfigError(str(error)) from None


def _per_file_ignores(value: Any, origin: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"Invalid value for {_where('per-file-ignores', origin)}: expected a table mapping "
                          f"glob patterns to lists of rule codes, got {_describe(value)}")
    out = []
    for pattern, codes in value.items():
        key = f'per-file-ignores."{pattern}"'
        out.append((pattern, _selectors(_string_list(codes, key, origin), key, f"in {origin}")))
    return tuple(out)


# --------------------------------------------------------------------------- merging


def parse_per_file_ignores(entries: Sequence[str], origin: str = "from the CLI") -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`PATTERN:CODE[,CODE...]` entries, as ruff's `--per-file-ignores`."""
    out = []
    for entry in entries:
        pattern, sep, codes = entry.rpartition(":")
        if not sep or not pattern or not codes.strip():
            raise ConfigError(f"Invalid value `{entry}` for `--per-file-ignores` {origin}: expected PATTERN:CODES")
        selectors = [code for code in codes.split(",") if code.strip()]
        out.append((pattern, _selectors(selectors, "--per-file-ignores", origin)))
    return tuple(out)


def _thresholds(file_values: Mapping[str, Any], cli: Sequence[tuple[str, str]]) -> Thresholds:
    values: dict[str, float | int] = dict(file_values)
    for key, raw in cli:
        key = key.strip().replace("_", "-")
        if key not in THRESHOLD_BOUNDS:
            raise ConfigError(f"Unknown threshold `{key}` in `--threshold` from the CLI "
                              f"(expected one of: {', '.join(THRESHOLD_BOUNDS)})")
        kind, low, high = THRESHOLD_BOUNDS[key]
        values[key] = _number(raw.strip(), f"`--threshold {key}` from the CLI", kind, low, high)
    thresholds = dataclasses.replace(Thresholds(), **{key.replace("-", "_"): value for key, value in values.items()})
    if thresholds.vanish_error > thresholds.vanish:
        raise ConfigError(f"Invalid thresholds: `vanish-error` ({thresholds.vanish_error:g}) must not be "
                          f"above `vanish` ({thresholds.vanish:g})")
    if thresholds.explode_error < thresholds.explode:
        raise ConfigError(f"Invalid thresholds: `explode-error` ({thresholds.explode_error:g}) must not be "
                          f"below `explode` ({thresholds.explode:g})")
    return thresholds


def build_settings(file_config: FileConfig, overrides: Overrides = Overrides(), *, cwd: Path | None = None) -> Settings:
    """Defaults < the configuration file < the command line."""
    values = file_config.values
    try:
        cli_select = check_selectors(overrides.select, "select", "from the CLI") if overrides.select is not None else None
        cli_extend = check_selectors(overrides.extend_select, "extend-select", "from the CLI")
        cli_ignore = check_selectors(overrides.ignore, "ignore", "from the CLI")
    except SelectorError as error:
        raise ConfigError(str(error)) from None
    layers = [
        Layer(select=values.get("select"), extend_select=values.get("extend-select", ()), ignore=values.get("ignore", ())),
        Layer(select=cli_select, extend_select=cli_extend, ignore=cli_ignore),
    ]
    # A discovered pyproject.toml anchors relative globs at its own folder; with --config (as in
    # ruff) or without a file they are anchored at the current directory.
    cwd = cwd or Path.cwd()
    root = file_config.path.parent if file_config.path is not None and not file_config.explicit else cwd
    defaults = Settings()
    return Settings(
        dialect=overrides.dialect or values.get("dialect", "auto"),
        select=resolve(layers),
        ignore=(),
        thresholds=_thresholds(values.get("thresholds", {}), overrides.thresholds),
        max_unroll=values.get("max-unroll", defaults.max_unroll),
        max_call_depth=values.get("max-call-depth", defaults.max_call_depth),
        per_file_ignores=overrides.per_file_ignores if overrides.per_file_ignores is not None
        else values.get("per-file-ignores", ()),
        exclude=overrides.exclude if overrides.exclude is not None else values.get("exclude", DEFAULT_EXCLUDE),
        extend_exclude=(*values.get("extend-exclude", ()), *overrides.extend_exclude),
        respect_gitignore=overrides.respect_gitignore if overrides.respect_gitignore is not None
        else values.get("respect-gitignore", True),
        force_exclude=overrides.force_exclude if overrides.force_exclude is not None
        else values.get("force-exclude", False),
        project_root=os.fspath(root),
    )


def load_settings(paths: Sequence[str] = (), overrides: Overrides = Overrides(), *, config: str | None = None,
                  isolated: bool = False, stdin_filename: str | None = None, cwd: Path | None = None) -> Settings:
    """Find and read the configuration for `paths`, then apply the command line's overrides."""
    file_config = load_file_config(paths, config=config, isolated=isolated, stdin_filename=stdin_filename, cwd=cwd)
    return build_settings(file_config, overrides, cwd=cwd)
