"""Skip files that cannot create a weight before paying for a parse; find what a file's result
depends on (the project modules it imports, transitively), for the cache key.

A file can create a weight (or construct an initializer a rule reports on) in two ways only:

- itself, through an API initlint knows. Every such API is reached from an import of
  tensorflow, keras, tf_keras or tf_slim (names.canonical), so the file's text must name one of
  them, and name a weight-making API (`API_WORDS`: catalog layers, initializer constructors,
  variables, ...);
- through a project module it imports (a helper, an arg_scope function, a base class), which
  initlint follows across files (analysis/project.py): then that module, or one it imports, must
  pass the first test.

`project_imports` mirrors `project.resolve_module` and the interpreter's import handling (a
package's submodules reached as attributes are included), so the closure it gives is a superset
of the modules the analysis can load. tests/test_prefilter.py checks both claims.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from initlint.analysis import catalog, project
from initlint.analysis.initializers import KERAS_CONSTRUCTORS, RANDOM_OPS, SLIM_CONSTRUCTORS, TF_CONSTRUCTORS
from initlint.analysis.project import _module_file, resolve_in, sys_path_entries

# The import roots that canonical() folds into tf / keras / slim.
_LIBRARY_WORDS = re.compile(r"tensorflow|keras|tf_slim")


def _api_words() -> frozenset[str]:
    words = {"Variable", "get_variable", "get_local_variable", "variable", "model_variable", "add_weight",
             "arg_scope", "variable_scope", "initializer", "initializers", "Sequential", "Model", "layers",
             "slim", "contrib", "keras", "rnn_cell", "make_template"}
    names: Iterable[str] = (*catalog.LAYERS, *getattr(catalog, "POOLS", {}), *RANDOM_OPS, *TF_CONSTRUCTORS,
                            *KERAS_CONSTRUCTORS, *SLIM_CONSTRUCTORS)
    words.update(name.rsplit(".", 1)[-1] for name in names)
    return frozenset(words)


API_WORDS = _api_words()
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def may_create_weights_here(source: str) -> bool:
    """Whether this text, on its own, may create a weight or construct an initializer."""
    if _LIBRARY_WORDS.search(source) is None:
        return False
    return not API_WORDS.isdisjoint(WORD.findall(source))


def may_create_weights(source: str, path: str | None = None) -> bool:
    """False only when the analysis of `source` (shown as `path`) cannot find a weight or a diagnostic
    other than a syntax error."""
    if may_create_weights_here(source):
        return True
    if path is None:
        return False
    origin = _origin(path)
    if origin is None:
        return False
    resolver = _resolver()
    return any(resolver.file_may_create_weights(Path(module)) for module in sorted(resolver.closure(origin, source)))


# --------------------------------------------------------------------------------------------
# project imports

# Each pattern starts with its keyword, so that the regex engine can look for that literal text:
# a leading `\b` or `(?:^|[;:])` made it try every position (15x slower; half of a warm one-file
# run in tensor2tensor). The condition on what precedes the keyword is checked in _matches.
_FROM = re.compile(r"from[ \t]+(\.*)[ \t]*([\w.]*)[ \t]+import\b[ \t]*(\([^)]*\)|(?:[^\n;#\\]|\\\r?\n)*)")
_IMPORT = re.compile(r"import[ \t]+((?:[^\n;#\\]|\\\r?\n)*)")
_AS = re.compile(r"\s+as\s+\w+")


def _after_word_boundary(source: str, start: int) -> bool:
    return start == 0 or not (source[start - 1].isalnum() or source[start - 1] == "_")


def _starts_statement(source: str, start: int) -> bool:
    """Only blanks between the line's start, a `;` or a `:` and `start`."""
    index = start - 1
    while index >= 0 and source[index] in " \t":
        index -= 1
    return index < 0 or source[index] in "\n;:"


def _matches(pattern: re.Pattern[str], source: str, precedes: Callable[[str, int], bool]) -> Iterator[re.Match[str]]:
    """pattern.finditer, keeping the matches whose start `precedes` accepts (as a lookbehind would:
    after a rejected start the search goes on from the next character)."""
    position = 0
    while (match := pattern.search(source, position)) is not None:
        if precedes(source, match.start()):
            yield match
            position = match.end()  # never empty: every pattern starts with its keyword
        else:
            position = match.start() + 1


def import_statements(source: str) -> list[tuple[str, int, tuple[str, ...] | None]]:
    """(module, level, names or None for `import module` / `*`) for every import in the text.

    A superset: import-like text in strings and comments is included too."""
    found: list[tuple[str, int, tuple[str, ...] | None]] = []
    for match in _matches(_FROM, source, _after_word_boundary):
        level, module, rest = len(match.group(1)), match.group(2), match.group(3)
        if level == 0 and not module:
            continue
        items = _AS.sub("", rest.strip("()").replace("\\", " "))
        names = tuple(name for name in (part.strip() for part in items.split(",")) if name.isidentifier())
        found.append((module, level, None if "*" in items else names))
    for match in _matches(_IMPORT, source, _starts_statement):
        items = _AS.sub("", match.group(1).replace("\\", " "))
        for part in items.split(","):
            dotted = part.strip()
            if dotted and all(piece.isidentifier() for piece in dotted.split(".")):
                found.append((dotted, 0, None))
    return found


class _Resolver:
    """project.resolve_module with its directory probes memoised (one instance per run)."""

    def __init__(self) -> None:
        self.files: dict[tuple[Path, tuple[str, ...]], Path | None] = {}
        self.direct: dict[tuple[Path, tuple[int, int]], tuple[Path, ...]] = {}
        self.weights: dict[tuple[Path, tuple[int, int]], bool] = {}
        self.stamps: dict[Path, tuple[int, int] | None] = {}  # files do not change during one run
        self.packages: dict[Path, list[Path]] = {}
        self.reached: dict[Path, frozenset[str]] = {}
        self.digests: dict[str, bytes] = {}
        self.real_paths: dict[Path, Path] = {}  # Path.resolve: a realpath syscall per path part
        self.by_text: dict[tuple[Path, int, int], tuple[Path, ...]] = {}  # imports_of by (origin, text)
        # resolve_in by (directory, module parts, level, sys.path entries), the origin itself included
        self.nearest: dict[tuple[Path, tuple[str, ...], int, tuple[str, ...]], Path | None] = {}

    def module_file(self, base: Path, parts: tuple[str, ...]) -> Path | None:
        key = (base, parts)
        if key not in self.files:
            self.files[key] = _module_file(base, parts)
        return self.files[key]

    def resolve(self, origin: Path, module: str, level: int, entries: tuple[str, ...] = ()) -> Path | None:
        """resolve_in, memoised per directory: the files of a package import the same modules."""
        parts = tuple(part for part in module.split(".") if part)
        key = (origin.parent, parts, level, entries)
        if key in self.nearest:
            found = self.nearest[key]
        else:
            found = self.nearest[key] = resolve_in(origin, parts, level, self.module_file, self.real, entries,
                                                   even_itself=True)
        if found is not None and level == 0 and self.real(found) == self.real(origin):
            return resolve_in(origin, parts, level, self.module_file, self.real, entries)  # above itself
        return found

    def real(self, path: Path) -> Path:
        found = self.real_paths.get(path)
        if found is None:
            found = self.real_paths[path] = path.resolve()
        return found

    def stamp(self, path: Path) -> tuple[int, int] | None:
        if path in self.stamps:
            return self.stamps[path]
        try:
            stat = path.stat()
            found: tuple[int, int] | None = (stat.st_size, stat.st_mtime_ns)
        except OSError:
            found = None
        self.stamps[path] = found
        return found

    def text(self, path: Path) -> str | None:
        """Not kept: its two readers keep their answers (a run over a large tree held every text)."""
        if self.stamp(path) is None:
            return None
        try:
            return path.read_bytes().decode("utf-8-sig", errors="replace")
        except OSError:
            return None

    def imports_of(self, origin: Path, source: str) -> tuple[Path, ...]:
        """The project modules `source` (the text of `origin`) may load directly."""
        targets: list[Path] = []
        entries = sys_path_entries(source)
        for module, level, names in import_statements(source):
            if names:
                for name in names:
                    target = self.resolve(origin, f"{module}.{name}" if module else name, level, entries)
                    if target is not None:
                        targets.append(target)
            target = self.resolve(origin, module, level, entries)
            if target is not None:
                targets.append(target)
        expanded: list[Path] = []
        for target in targets:
            expanded.append(target)
            if target.name == "__init__.py":  # package.submodule reached as an attribute
                if target.parent not in self.packages:
                    self.packages[target.parent] = _package_modules(target.parent)
                expanded.extend(self.packages[target.parent])
        return tuple(dict.fromkeys(expanded))

    def imports_of_text(self, origin: Path, source: str) -> tuple[Path, ...]:
        """imports_of, once per (file, text): a linted file's text is usually the file's own, read
        again when another file's closure reaches it."""
        key = (origin, len(source), hash(source))
        found = self.by_text.get(key)
        if found is None:
            found = self.by_text[key] = self.imports_of(origin, source)
        return found

    def direct_of_file(self, path: Path) -> tuple[Path, ...]:
        stamp = self.stamp(path)
        if stamp is None:
            return ()
        key = (path, stamp)
        if key not in self.direct:
            text = self.text(path)
            self.direct[key] = self.imports_of_text(path, text) if text is not None else ()
        return self.direct[key]

    def closure(self, origin: Path, source: str) -> frozenset[str]:
        """Every module `source` may load, transitively (paths as resolve_module spells them)."""
        found: set[str] = set()
        for target in self.imports_of_text(origin, source):
            found |= self.reach(target)
        return frozenset(found)

    def reach(self, start: Path) -> frozenset[str]:
        """`start` and every module it may load, transitively; memoised per strongly connected
        component of the import graph (Tarjan), so a run walks each import edge once."""
        memo = self.reached
        if start in memo:
            return memo[start]
        index: dict[Path, int] = {start: 0}
        low: dict[Path, int] = {start: 0}
        stack: list[Path] = [start]
        on_stack: set[Path] = {start}
        work: list[tuple[Path, Iterator[Path]]] = [(start, iter(self.direct_of_file(start)))]
        while work:
            node, successors = work[-1]
            descended = False
            for following in successors:
                if following in memo:
                    continue
                if following not in index:
                    index[following] = low[following] = len(index)
                    stack.append(following)
                    on_stack.add(following)
                    work.append((following, iter(self.direct_of_file(following))))
                    descended = True
                    break
                if following in on_stack:
                    low[node] = min(low[node], index[following])
            if descended:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] != index[node]:
                continue
            members: list[Path] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                members.append(member)
                if member == node:
                    break
            component = set(map(str, members))
            for member in members:
                for following in self.direct_of_file(member):
                    if following in memo:
                        component |= memo[following]
            frozen = frozenset(component)
            for member in members:
                memo[member] = frozen
        return memo[start]

    def digest(self, path: str) -> bytes:
        """A hash of a module's bytes (memoised for the run); a marker if it cannot be read."""
        found = self.digests.get(path)
        if found is None:
            try:
                found = hashlib.blake2b(Path(path).read_bytes()).digest()
            except OSError:
                found = b"unreadable"
            self.digests[path] = found
        return found

    def file_may_create_weights(self, path: Path) -> bool:
        stamp = self.stamp(path)
        if stamp is None:
            return False
        key = (path, stamp)
        if key not in self.weights:
            text = self.text(path)
            self.weights[key] = text is not None and may_create_weights_here(text)
        return self.weights[key]


def _package_modules(package: Path) -> list[Path]:
    """Every module of a package, its subpackages included."""
    found: list[Path] = []
    try:
        entries = sorted(package.iterdir())
    except OSError:
        return found
    for entry in entries:
        if entry.suffix == ".py" and entry.name != "__init__.py" and entry.is_file():
            found.append(entry)
        elif entry.is_dir() and (entry / "__init__.py").is_file():
            found.append(entry / "__init__.py")
            found.extend(_package_modules(entry))
    return found


# One resolver per run (engine.run opens one); outside a run every question probes the disk afresh.
_RUN: _Resolver | None = None


def _resolver() -> _Resolver:
    return _RUN if _RUN is not None else _Resolver()


class memoised_run:  # noqa: N801 - used as a context manager
    """`with memoised_run():` remembers directory probes, file texts, import resolutions and
    analyses (project.RunMemo) until the block ends."""

    def __enter__(self) -> None:
        global _RUN
        self.outer = (_RUN, project.RUN)
        _RUN = _Resolver() if _RUN is None else _RUN
        project.RUN = project.RunMemo() if project.RUN is None else project.RUN

    def __exit__(self, *exc: object) -> None:
        global _RUN
        _RUN, project.RUN = self.outer


def _origin(path: str) -> Path | None:
    if not path or path.startswith("<"):
        return None
    origin = Path(path)  # as given, like project.resolve_module: relative paths walk up to the cwd only
    return origin if origin.is_file() else None


def project_dependencies(source: str, path: str) -> tuple[str, ...]:
    """Every project module (as resolve_module spells it, sorted) that analysing `source` as `path` may read."""
    origin = _origin(path)
    if origin is None:
        return ()
    return tuple(sorted(_resolver().closure(origin, source)))


def dependency_digest(source: str, path: str) -> bytes:
    """One hash of where `source`'s project imports resolve and of those modules' bytes (the cache key)."""
    resolver = _resolver()
    digest = hashlib.blake2b(digest_size=20)
    for module in project_dependencies(source, path):
        digest.update(module.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(resolver.digest(module))
    return digest.digest()
