"""Frozen settings every stage reads: [tool.initlint] in pyproject.toml plus CLI overrides."""
from __future__ import annotations

from dataclasses import dataclass, field

# Directories and files never walked into unless named explicitly (ruff's list, plus our cache).
DEFAULT_EXCLUDE: tuple[str, ...] = (
    ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".initlint_cache", ".ipynb_checkpoints",
    ".mypy_cache", ".nox", ".pants.d", ".pyenv", ".pytest_cache", ".pytype", ".ruff_cache", ".svn",
    ".tox", ".venv", ".vscode", "__pycache__", "__pypackages__", "_build", "buck-out", "build", "dist",
    "node_modules", "site-packages", "venv",
)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The risk model's band: what counts as a healthy signal."""

    explode: float = 10.0  # pre-activation mean square above this: exploding (warning)
    explode_error: float = 1e4  # logits spread ~100: a hand-written softmax loss goes NaN
    vanish: float = 1e-3  # mean square entering a layer below this: vanishing (warning)
    vanish_error: float = 1e-20  # float32 loses the signal
    scale_ratio: float = 3.0  # a layer's std this far from the reference for its fans (info)
    deep_stack: int = 10  # this many ReLU layers in one chain make a deep stack


@dataclass(frozen=True, slots=True)
class Settings:
    dialect: str = "auto"  # auto | tf1 | tf2
    select: tuple[str, ...] = ("INI",)
    ignore: tuple[str, ...] = ()
    thresholds: Thresholds = field(default_factory=Thresholds)
    max_unroll: int = 64  # loops over a constant range up to this many iterations are unrolled
    max_call_depth: int = 8  # helper functions are followed this deep (one more for an initializer helper)
    follow_callers: bool = True  # look for callers of a module's functions in other project files
    # Rule selection (selectors: ALL, INI, INI1, INI101). config.py resolves the layers of
    # pyproject.toml and the CLI into a plain `select` of codes; the Python API may use all three.
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, selectors)
    # File discovery (initlint.discovery).
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False
    project_root: str | None = None  # where relative globs are anchored: the config's folder, else the cwd
    # Performance (initlint.engine.run, initlint.cache): how fast, never what, a file's result is.
    jobs: int | None = None  # worker processes; None: one per core; 1: analyse in this process
    cache: bool = False  # reuse results from the cache (the CLI turns it on unless --no-cache)
    cache_dir: str | None = None  # default: $INITLINT_CACHE_DIR, else <project root>/.initlint_cache
