"""Paths -> files: recursion into directories, excludes, .gitignore, explicit files.

Follows ruff's rules ("Python file discovery"): directories are walked for `*.py`, skipping the
excluded and git-ignored entries; a file named on the command line is always linted unless
`force_exclude` is set, in which case `exclude` / `extend-exclude` also apply to it and to its
parent folders up to the project root.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePath

from initlint.settings import Settings

STDIN = "-"


# --------------------------------------------------------------------------- globs


@lru_cache(maxsize=1024)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """Translate a glob into a regex on '/'-separated paths.

    `*` and `?` stay inside one path component, `**` spans components (`a/**/b`, `**/x`,
    `x/**`), `[...]` is a character class (`[!...]` negated).
    """
    out: list[str | None] = []  # regex fragments; None for a `*` inside one component
    i, n = 0, len(pattern)
    while i < n:
        char = pattern[i]
        if char == "*":
            if pattern.startswith("**", i):
                before_ok = i == 0 or pattern[i - 1] == "/"
                after = pattern[i + 2] if i + 2 < n else ""
                if before_ok and after == "/":
                    out.append("(?:.*/)?")  # `**/` matches zero or more folders
                    i += 3
                    continue
                if before_ok and after == "":
                    out.append(".*")
                    i += 2
                    continue
                out.append(None)  # `a**b` is just `a*b`
                i += 2
                continue
            out.append(None)
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = pattern.find("]", i + 2 if pattern.startswith(("[!", "[^"), i) else i + 1)
            body = pattern[i + 1:end] if end != -1 else ""
            negate = body[:1] in ("!", "^")
            # `[`, `&`, `~`, `|` are plain characters in a glob class (in a regex class they warn)
            body = re.sub(r"([\\\[&~|])", r"\\\1", body[1:] if negate else body)
            fragment = f"[{'^' if negate else ''}{body}]"
            try:
                re.compile(fragment)
            except re.error:  # `[b-a]`: not a class, so a literal `[` (as git does)
                end = -1
            if end == -1:
                out.append(re.escape(char))
            else:
                out.append(fragment)
                i = end
        elif char == "\\" and i + 1 < n:
            i += 1
            out.append(re.escape(pattern[i]))
        else:
            out.append(re.escape(char))
        i += 1
    # Between two `*`s, match the first place the text between them fits, atomically (as fnmatch
    # does): `*a*a*a*...*b` would otherwise backtrack exponentially on a long name.
    chunks: list[list[str]] = [[]]
    for fragment in out:
        if fragment is None:
            chunks.append([])
        else:
            chunks[-1].append(fragment)
    regex = "".join(chunks[0])
    for middle in chunks[1:-1]:
        body = "".join(middle)
        spans = any(fragment in ("(?:.*/)?", ".*") for fragment in middle)
        regex += f"(?>[^/]*?{body})" if body and not spans else "[^/]*" + body
    if len(chunks) > 1:
        regex += "[^/]*" + "".join(chunks[-1])
    try:
        return re.compile(regex + r"\Z", re.DOTALL)
    except re.error:  # never expected; a pattern that is no glob matches itself
        return re.compile(re.escape(pattern) + r"\Z", re.DOTALL)


def _posix(path: PurePath | str) -> str:
    return PurePath(path).as_posix()


def matches_pattern(pattern: str, path: Path, root: Path) -> bool:
    """ruff's exclusion semantics: a pattern without '/' matches the entry's name; a pattern
    with '/' is anchored at `root` (the project root) and matched against the whole path."""
    pattern = pattern.rstrip("/") or pattern
    if "/" not in pattern:
        return glob_regex(pattern).match(path.name) is not None
    anchored = pattern if os.path.isabs(pattern) else _posix(root / pattern)
    return glob_regex(anchored).match(_posix(path)) is not None


def matches_any(patterns: Iterable[str], path: Path, root: Path) -> bool:
    return any(matches_pattern(pattern, path, root) for pattern in patterns)


# --------------------------------------------------------------------------- .gitignore


@dataclass(frozen=True, slots=True)
class _IgnoreRule:
    regex: re.Pattern[str]
    negate: bool
    dir_only: bool


@dataclass(frozen=True, slots=True)
class GitIgnore:
    """The rules of one .gitignore (or .git/info/exclude), relative to `base`."""

    base: Path
    rules: tuple[_IgnoreRule, ...]

    @classmethod
    def parse(cls, text: str, base: Path) -> "GitIgnore":
        rules: list[_IgnoreRule] = []
        for raw in text.splitlines():
            line = raw.rstrip("\r")
            # trailing spaces are ignored unless escaped with a backslash
            stripped = line.rstrip(" ")
            if stripped.endswith("\\") and len(stripped) < len(line):
                stripped += " "
            line = stripped
            if not line or line.startswith("#"):
                continue
            negate = line.startswith("!")
            if negate:
                line = line[1:]
            elif line.startswith(("\\!", "\\#")):
                line = line[1:]
            dir_only = line.endswith("/")
            line = line.rstrip("/")
            if not line:
                continue
            anchored = "/" in line
            line = line.lstrip("/")
            regex = glob_regex(line if anchored else "**/" + line)
            rules.append(_IgnoreRule(regex, negate, dir_only))
        return cls(base, tuple(rules))

    def verdict(self, path: Path, is_dir: bool) -> bool | None:
        """True: ignored, False: re-included by a `!` rule, None: no rule matches."""
        try:
            relative = _posix(path.relative_to(self.base))
        except ValueError:
            return None
        result: bool | None = None
        for rule in self.rules:
            if rule.dir_only and not is_dir:
                continue
            if rule.regex.match(relative):
                result = not rule.negate
        return result


def _read_gitignore(path: Path, base: Path) -> GitIgnore | None:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    ignore = GitIgnore.parse(text, base)
    return ignore if ignore.rules else None


def _git_root(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _ancestor_ignores(directory: Path, project_root: Path | None) -> list[GitIgnore]:
    """The ignore files that apply to `directory` from above it: those of its parent folders
    up to the git repository's root (or the project root outside git), outermost first."""
    top = _git_root(directory) or project_root
    if top is None or (directory != top and top not in directory.parents):
        return []
    chain = [directory, *directory.parents]
    chain = chain[: chain.index(top) + 1]
    ignores: list[GitIgnore] = []
    exclude = top / ".git" / "info" / "exclude"
    if exclude.is_file():
        found = _read_gitignore(exclude, top)
        if found:
            ignores.append(found)
    for folder in reversed(chain[1:]):  # the walk itself reads `directory`'s own .gitignore
        found = _read_gitignore(folder / ".gitignore", folder)
        if found:
            ignores.append(found)
    return ignores


def _ignored(ignores: Sequence[GitIgnore], path: Path, is_dir: bool) -> bool:
    for ignore in reversed(ignores):  # the deepest file that has an opinion decides
        verdict = ignore.verdict(path, is_dir)
        if verdict is not None:
            return verdict
    return False


# --------------------------------------------------------------------------- discovery


def project_root(settings: Settings) -> Path:
    return Path(settings.project_root).resolve() if settings.project_root else Path.cwd().resolve()


def exclude_patterns(settings: Settings) -> tuple[str, ...]:
    return (*settings.exclude, *settings.extend_exclude)


def is_force_excluded(path: str | Path, settings: Settings) -> bool:
    """Whether a file named explicitly is excluded under `force_exclude`: the file itself or
    one of its folders up to the project root matches `exclude` / `extend-exclude`."""
    root = project_root(settings)
    patterns = exclude_patterns(settings)
    absolute = Path(os.path.abspath(path))
    for candidate in (absolute, *absolute.parents):
        if candidate == root or not candidate.name:
            break
        if matches_any(patterns, candidate, root):
            return True
    return False


def _shown(given: str, relative: PurePath) -> str:
    return os.path.normpath(os.path.join(given, relative)) if given not in (".", "./") else str(relative)


def _walk(directory: Path, given: str, settings: Settings, root: Path, patterns: tuple[str, ...],
          ignores: list[GitIgnore], out: list[tuple[Path, str]], relative: PurePath,
          notebooks: list[str] | None) -> None:
    if settings.respect_gitignore:
        own = _read_gitignore(directory / ".gitignore", Path(os.path.abspath(directory)))
        if own:
            ignores = [*ignores, own]
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        path = directory / entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = entry.is_file()
        except OSError:
            continue
        if not (is_dir or is_file):
            continue
        notebook = is_file and notebooks is not None and entry.name.endswith(".ipynb")
        if is_file and not entry.name.endswith(".py") and not notebook:
            continue
        absolute = Path(os.path.abspath(path))
        if matches_any(patterns, absolute, root):
            continue
        if settings.respect_gitignore and _ignored(ignores, absolute, is_dir):
            continue
        if is_dir:
            _walk(path, given, settings, root, patterns, ignores, out, relative / entry.name, notebooks)
        elif notebook:
            notebooks.append(_shown(given, relative / entry.name))  # type: ignore[union-attr]
        else:
            out.append((path, _shown(given, relative / entry.name)))


def discover(paths: Sequence[str], settings: Settings, notebooks: list[str] | None = None) -> list[tuple[Path, str]]:
    """The files to lint, each as (path on disk, path as shown), deduplicated and sorted.

    `-` (standard input) is not handled here. A path that does not exist is passed through,
    so that the engine reports it as unreadable (INI900) rather than silently linting nothing.
    `notebooks`, if given, receives the notebooks (.ipynb) found in directories, which are not linted
    (one named on the command line is, as INI900).
    """
    root = project_root(settings)
    patterns = exclude_patterns(settings)
    found: list[tuple[Path, str]] = []
    for given in paths or (".",):
        if given == STDIN:
            continue
        path = Path(given)
        if path.is_dir():
            if settings.force_exclude and is_force_excluded(path, settings):
                continue
            absolute = Path(os.path.abspath(path))
            ignores = _ancestor_ignores(absolute, root) if settings.respect_gitignore else []
            _walk(path, given, settings, root, patterns, ignores, found, PurePath(), notebooks)
        else:
            if settings.force_exclude and is_force_excluded(path, settings):
                continue
            found.append((path, given))
    seen: set[str] = set()
    unique: list[tuple[Path, str]] = []
    for path, shown in sorted(found, key=lambda item: (PurePath(item[1]).parts, item[1])):
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            unique.append((path, shown))
    return unique
