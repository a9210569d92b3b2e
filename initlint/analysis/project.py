"""Whole-project resolution: find the project modules a file imports, and parse each once per process.

Imports of the project's own modules (absolute from any enclosing directory, or relative) resolve
to their files on disk, so helpers, arg_scope functions and constants defined elsewhere in the tree
are followed even when pre-commit passes only the changed files. Library imports (tensorflow, keras,
slim, numpy, ...) never touch the disk.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from initlint.analysis.positions import positions as lazy_positions

LIBRARIES = {"tensorflow", "tf_keras", "keras", "tf_slim", "numpy", "scipy", "math", "os", "sys", "six",
             "absl", "collections", "functools", "itertools", "typing", "re", "json", "time", "logging",
             "argparse", "random", "pickle", "torch", "jax", "flax", "haiku", "sklearn", "pandas", "PIL", "cv2",
             "matplotlib", "h5py", "tqdm", "gin", "__future__"}
if TYPE_CHECKING:
    import libcst as cst

MAX_MODULE_BYTES = 2_000_000  # larger project modules are not followed


@dataclass(frozen=True, slots=True)
class ParsedModule:
    path: str  # as it will be shown: relative to the linted file's shown path where possible
    module: cst.Module
    positions: Any
    source: str


# Parsed modules by the digest of their text: a module is parsed once per process whether it is
# linted or imported (in either order). Bounded by the size of the texts. A segmented LRU: a text
# asked for a second time (a module other files import, a linted file the fixer reads again) moves
# from the probation segment to the protected one, and probation is evicted first, so the long
# stream of files parsed once does not evict the modules a package keeps importing. The bound must
# hold the modules a whole package imports: 1 MB made a run over tensor2tensor twice as slow and
# barely lowered the peak (README "Performance").
MAX_PARSED_TEXT = 2_000_000
MAX_PROTECTED_TEXT = 1_500_000
_PROBATION: OrderedDict[bytes, tuple[cst.Module, Any, int]] = OrderedDict()
_PROTECTED: OrderedDict[bytes, tuple[cst.Module, Any, int]] = OrderedDict()
_text_size = {"probation": 0, "protected": 0}
_UNPARSABLE: dict[tuple[str, int, int], None] = {}  # project modules that could not be read or parsed


def text_digest(source: str) -> bytes:
    """The key of a text in the parse cache and in the run's analyses."""
    return hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def is_parsed(digest: bytes) -> bool:
    return digest in _PROTECTED or digest in _PROBATION


def parse_text(source: str, digest: bytes | None = None) -> tuple[cst.Module, Any]:
    """libcst's module and lazy positions for this text, parsed once while the cache holds it.
    Raises what libcst.parse_module raises."""
    import libcst as cst  # on first use: a run whose results all come from the cache never loads it

    digest = digest or text_digest(source)
    found = _PROTECTED.get(digest)
    if found is not None:
        _PROTECTED.move_to_end(digest)
        return found[0], found[1]
    found = _PROBATION.pop(digest, None)
    if found is not None:
        _text_size["probation"] -= found[2]
        _protect(digest, found)
        return found[0], found[1]
    return _remember_parsed(digest, _parse_unvalidated(cst, source), len(source))


def _remember_parsed(digest: bytes, module: cst.Module, size: int) -> tuple[cst.Module, Any]:
    table = lazy_positions(module)
    _PROBATION[digest] = (module, table, size)
    _text_size["probation"] += size
    _evict(keep=digest)
    return module, table


def _parse_unvalidated(cst: Any, source: str) -> cst.Module:
    """libcst.parse_module without running each new node's `_validate()`.

    The parser builds only nodes that are valid, and libcst's own CSTNode.__post_init__ notes that
    validating there is wasted on a parse. It was a seventh of parsing, and on some valid Python
    (`() if 0 else(lambda:())`, LibCST issue #1061) the check itself crashes. Nodes built outside a
    parse (the fixer's edits) are validated as usual: the hook is restored before this returns.
    Only one thread per process parses or builds nodes (the analysis thread)."""
    node_class = cst.CSTNode
    validating = node_class.__dict__.get("__post_init__")
    if validating is None:  # a libcst that validates elsewhere: parse as it does
        return cst.parse_module(source)
    node_class.__post_init__ = _no_validation
    try:
        return _parse_in_pieces(cst, source)
    finally:
        node_class.__post_init__ = validating


# A line that starts with `def`, `class` or a decorator at column 0 begins a top-level statement,
# unless it sits inside a string or brackets; then the piece before it ends inside them, does not
# parse, and the text is parsed whole.
_TOP_LEVEL_START = re.compile(r"^(?:def |class |async def |@)", re.M)
PIECE_CHARS = 16_000


def _parse_in_pieces(cst: Any, source: str) -> cst.Module:
    """libcst.parse_module, the same tree, parsing a long text a few top-level statements at a time.

    libcst's native parser needs several times the tree's size while it runs: 166 MB on top of the
    process for tf-slim's 285 kB metric_ops_test.py, 39 MB in 16 kB pieces. That transient was the
    run's peak memory. A text the pieces cannot reproduce exactly is parsed whole, which also
    raises the parser's own error, with its position, for a text that is not valid Python."""
    pieces = _pieces(source)
    if len(pieces) == 1:
        return cst.parse_module(source)
    try:
        modules = [cst.parse_module(piece) for piece in pieces]
    except (cst.ParserSyntaxError, RecursionError):
        return cst.parse_module(source)
    # each piece detects the indentation and line ending from its first one; when they all agree,
    # that is what the whole text's first one is
    if (len({module.default_indent for module in modules}) > 1
            or len({module.default_newline for module in modules}) > 1
            or not all(module.body for module in modules)):
        return cst.parse_module(source)
    body: list[Any] = []
    carried: list[Any] = []  # comments and blank lines at the end of a piece lead the next statement
    for number, module in enumerate(modules):
        leading = [*carried, *module.header] if number else []
        first, *rest = module.body
        if leading:
            first = first.with_changes(leading_lines=[*leading, *first.leading_lines])
        body += [first, *rest]
        carried = list(module.footer)
    return modules[0].with_changes(body=body, footer=modules[-1].footer,
                                   has_trailing_newline=modules[-1].has_trailing_newline)


def _pieces(source: str) -> list[str]:
    cuts = [0]
    for match in _TOP_LEVEL_START.finditer(source):
        start = match.start()
        if start - cuts[-1] >= PIECE_CHARS and len(source) - start >= PIECE_CHARS // 4 \
                and not _follows_decorator(source, start):
            cuts.append(start)
    cuts.append(len(source))
    return [source[begin:end] for begin, end in zip(cuts, cuts[1:])]


def _follows_decorator(source: str, start: int) -> bool:
    previous_line = source.rfind("\n", 0, start - 1) + 1
    return source.startswith("@", previous_line)


def _no_validation(node: object) -> None:
    return None


def _protect(digest: bytes, entry: tuple[cst.Module, Any, int]) -> None:
    _PROTECTED[digest] = entry
    _text_size["protected"] += entry[2]
    while _text_size["protected"] > MAX_PROTECTED_TEXT and len(_PROTECTED) > 1:
        demoted, old = _PROTECTED.popitem(last=False)  # back to probation, as its most recent entry
        _text_size["protected"] -= old[2]
        _PROBATION[demoted] = old
        _text_size["probation"] += old[2]
    _evict(keep=digest)


def _evict(keep: bytes) -> None:
    """Least recently used first, probation before protected; never the text just asked for."""
    while _text_size["probation"] + _text_size["protected"] > MAX_PARSED_TEXT:
        for name, segment in (("probation", _PROBATION), ("protected", _PROTECTED)):
            victim = next((key for key in segment if key != keep), None)
            if victim is not None:
                _text_size[name] -= segment.pop(victim)[2]
                break
        else:
            return


class RunMemo:
    """What one run remembers (prefilter.memoised_run opens it; forked workers inherit a copy):
    files do not come and go during a run, and the analysis asks again each time an import runs."""

    def __init__(self) -> None:
        self.imports: dict[tuple[str, str, int], Path | None] = {}  # resolve_module's answers
        # analyses without callers' contexts, most recent last (interpret.analyze_alone): a file
        # analysed as another file's caller and linted in the same run is interpreted once
        self.analyses: OrderedDict[tuple, Any] = OrderedDict()
        # find_callers' word index per project root, most recent last: files come sorted by path,
        # so a run is done with one project before the next (each index holds its project's texts)
        self.indexes: OrderedDict[str, ProjectIndex] = OrderedDict()
        # real_path's answers: the callers' contexts compare every weight's call sites by real path
        # (Path.resolve took 4% of a run over the corpus)
        self.real_paths: dict[str, Path] = {}
        # with worker processes: a folder they share for the run, where each writes the analyses
        # above, so that a file one worker analysed as another file's caller is not interpreted
        # again by the worker that lints it (tensor2tensor at -j2: 30% more statements without it)
        self.shared: Path | None = None
        # with the cache on: the stored libcst trees of the project modules a run reads (cache.TreeStore)
        self.trees: Any = None

    def shared_analysis(self, key: tuple) -> Any:
        """An analysis another worker of this run stored under `key` (None: none, or unreadable)."""
        if self.shared is None:
            return None
        from initlint.analysis.interpret import ModuleAnalysis
        from initlint.cache import ResultUnpickler

        try:
            with open(self.shared / _shared_name(key), "rb") as handle:
                # initlint's data classes only, never code an entry names (as the results cache)
                return ResultUnpickler(handle, also=(ModuleAnalysis,)).load()
        except Exception:  # noqa: BLE001 - missing, half-written by a dead worker, or damaged: analyse again
            return None

    def share_analysis(self, key: tuple, analysis: Any) -> None:
        """Store an analysis for the run's other workers (atomically: a reader sees all or nothing)."""
        if self.shared is None:
            return
        from initlint.cache import write_atomically

        try:
            write_atomically(self.shared / _shared_name(key), pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL))
        except (OSError, pickle.PicklingError, RecursionError):
            return  # the other workers analyse it themselves


def _shared_name(key: tuple) -> str:
    return hashlib.blake2b(repr(key).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


RUN: RunMemo | None = None


def real_path(path: str | Path) -> Path:
    """`Path(path).resolve()`, remembered for the run."""
    if RUN is None:
        return Path(path).resolve()
    key = str(path)
    found = RUN.real_paths.get(key)
    if found is None:
        found = RUN.real_paths[key] = Path(path).resolve()
    return found


def resolve_module(from_path: str, module: str, level: int) -> Path | None:
    """The file a `from ... import` / `import` names, if it is part of the project on disk."""
    if RUN is None:
        return _resolve_module(from_path, module, level)
    key = (from_path, module, level)
    if key not in RUN.imports:
        RUN.imports[key] = _resolve_module(from_path, module, level)
    return RUN.imports[key]


def _resolve_module(from_path: str, module: str, level: int) -> Path | None:
    if not from_path or from_path.startswith("<"):
        return None
    origin = Path(from_path)
    if not origin.is_file():
        return None
    return resolve_in(origin, tuple(p for p in module.split(".") if p), level, _module_file,
                      entries=_file_sys_path_entries(origin))


# `sys.path.insert(0, 'src')` / `sys.path.append("lib")` with a literal relative directory, or
# `sys.path.append(os.path.join(BASE_DIR, '../utils'))` joining literals to a directory name
# (pointnet's scripts): the name's directory is unknown, and, as for a literal, every enclosing
# directory is tried under it
_SYS_PATH = re.compile(r"""sys\.path\.(?:insert\(\s*-?\d+\s*,|append\()\s*"""
                       r"""(?:os\.path\.join\(\s*[\w.]+\s*,\s*)?((?:[rRuU]?(['"])[^'"\n]+\2\s*,?\s*)+)\)?\s*\)""")
_LITERAL = re.compile(r"""(['"])([^'"\n]+)\1""")
_SYS_PATH_ENTRIES: dict[tuple[str, int, int], tuple[str, ...]] = {}


def sys_path_entries(source: str) -> tuple[str, ...]:
    """The relative directories a script puts on sys.path before importing its modules
    (fast-style-transfer's `sys.path.insert(0, 'src'); import transform`)."""
    if "sys.path" not in source:
        return ()
    entries = (os.path.join(*(literal.group(2) for literal in _LITERAL.finditer(match.group(1))))
               for match in _SYS_PATH.finditer(source))
    return tuple(dict.fromkeys(entry for entry in entries if not os.path.isabs(entry)))


def _file_sys_path_entries(origin: Path) -> tuple[str, ...]:
    try:
        stat = origin.stat()
    except OSError:
        return ()
    key = (str(origin), stat.st_size, stat.st_mtime_ns)
    if key not in _SYS_PATH_ENTRIES:
        try:
            text = origin.read_bytes().decode("utf-8-sig", "replace")
        except OSError:
            text = ""
        _SYS_PATH_ENTRIES[key] = sys_path_entries(text)
    return _SYS_PATH_ENTRIES[key]


def resolve_in(origin: Path, parts: tuple[str, ...], level: int,
               module_file: "Callable[[Path, tuple[str, ...]], Path | None]",
               real: "Callable[[Path], Path]" = Path.resolve, entries: tuple[str, ...] = (),
               even_itself: bool = False) -> Path | None:
    """Where an import of `parts` at `level` from `origin` lands in the project, using `module_file`
    to test a directory and `real` to follow symlinks (the prefilter passes memoised ones).
    `entries`: relative directories `origin` puts on sys.path, tried under each enclosing directory
    (where the script is run from) when the import is not found otherwise. `even_itself`: the first
    module found, even when it is `origin` (which a module importing its own name does not load:
    the search goes on above it)."""
    if level == 0 and (not parts or parts[0] in LIBRARIES):
        return None
    if not origin.is_absolute():
        # walk up from the working directory (`cd tests && initlint check driver.py` imports the
        # package next to tests/: Path("driver.py").parent is ".", which has no parent), and
        # answer relative to it, as the path was given
        found = resolve_in(Path(os.path.abspath(origin)), parts, level, module_file, real, entries, even_itself)
        return Path(os.path.relpath(found)) if found is not None else None
    if level > 0:
        base = origin.parent
        for _ in range(level - 1):
            base = base.parent
        return module_file(base, parts)
    for entry in ("", *entries):
        directory = origin.parent
        for _ in range(8):  # the enclosing directories act as sys.path entries
            found = module_file(directory / entry if entry else directory, parts)
            if found is not None and (even_itself or real(found) != real(origin)):
                return found
            if directory.parent == directory:
                break
            directory = directory.parent
    return None


def _module_file(base: Path, parts: tuple[str, ...]) -> Path | None:
    if not parts:
        init = base / "__init__.py"
        return init if init.is_file() else None
    candidate = base.joinpath(*parts)
    if candidate.with_suffix(".py").is_file():
        return candidate.with_suffix(".py")
    if (candidate / "__init__.py").is_file():
        return candidate / "__init__.py"
    return None


_REEXPORTS: dict[tuple[str, int, int, str], bool] = {}


def reexports_own(package_init: Path, name: str) -> bool:
    """Whether a package's __init__ binds `name` to the same name from its submodule of that name
    (`from .conv_block import conv_block`, `from pkg.conv_block import conv_block`): then
    `from pkg import conv_block` is that function, not the submodule (Python gives the package's
    attribute first). Read from the text, without loading the __init__."""
    try:
        stat = package_init.stat()
    except OSError:
        return False
    key = (str(package_init), stat.st_size, stat.st_mtime_ns, name)
    found = _REEXPORTS.get(key)
    if found is None:
        try:
            text = package_init.read_bytes().decode("utf-8-sig", errors="replace")
        except OSError:
            text = ""
        word = re.escape(name)
        pattern = rf"^[ \t]*from[ \t]+(?:\.|[\w.]+\.){word}[ \t]+import[ \t]+\(?[\s\w,]*?\b{word}\b(?![ \t]+as\b)"
        if len(_REEXPORTS) > 10_000:
            _REEXPORTS.clear()
        found = _REEXPORTS[key] = re.search(pattern, text, re.M) is not None
    return found


def parse_module(path: Path, shown: str) -> ParsedModule | None:
    """A project module, parsed (see parse_text); None if it cannot be read or parsed."""
    try:
        stat = path.stat()
    except OSError:
        return None
    key = (str(real_path(path)), stat.st_size, stat.st_mtime_ns)
    if key in _UNPARSABLE or stat.st_size > MAX_MODULE_BYTES:
        return None
    try:
        source = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        parsed = None
    else:
        parsed = parse_safely(source)
    if parsed is None:
        _UNPARSABLE[key] = None
        return None
    return ParsedModule(shown, *parsed, source)


def parse_safely(source: str) -> tuple[cst.Module, Any] | None:
    """parse_text for a text nobody reports on (an imported module, a caller): None if libcst
    cannot parse it, or could crash the process or stall on it (scanned only when not cached)."""
    import libcst as cst

    digest = text_digest(source)
    trees = RUN.trees if RUN is not None and not is_parsed(digest) else None
    if trees is not None:
        stored = trees.get(digest)  # stored after a parse: the text passed obstacle_once then
        if stored is not None:
            return _remember_parsed(digest, stored, len(source))
    if obstacle_once(source, digest) is not None:
        return None
    try:
        parsed = parse_text(source, digest)
    except (cst.ParserSyntaxError, RecursionError):
        return None
    if trees is not None:
        trees.put(digest, parsed[0])
    return parsed


# texts guard.parse_obstacle passed, by digest: a text is scanned once per process, not again after
# the parse cache let it go (a third of the scans on the benchmark corpus were repeats)
_SCANNED_CLEAN: set[bytes] = set()
MAX_SCANNED_CLEAN = 200_000  # 16-byte digests: a few MB at most


def obstacle_once(source: str, digest: bytes) -> tuple[str, int, str] | None:
    """guard.parse_obstacle(source), skipped for a text parsed or passed before in this process."""
    from initlint.analysis.guard import parse_obstacle

    if digest in _SCANNED_CLEAN or is_parsed(digest):
        return None
    obstacle = parse_obstacle(source)
    if obstacle is None:
        if len(_SCANNED_CLEAN) >= MAX_SCANNED_CLEAN:
            _SCANNED_CLEAN.clear()
        _SCANNED_CLEAN.add(digest)
    return obstacle


def shown_path(target: Path, from_path: str) -> str:
    """Show a project module the way the linted file's path is shown (relative stays relative)."""
    origin = Path(from_path)
    relative = os.path.relpath(real_path(target), real_path(origin).parent)
    return os.path.normpath(os.path.join(str(origin.parent), relative))


_PROJECT_MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", ".git")
MAX_PROJECT_FILES = 5000
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class ProjectIndex:
    """A project's Python files (in path order) and, once a run has asked enough questions of it,
    for each word, the files it appears in."""

    files: tuple[tuple[Path, Path, str], ...]  # (path, resolved path, text)
    words: dict[str, frozenset[int]] | None = None
    questions: int = 0

    def with_words(self, stem: str, names: set[str]) -> list[int]:
        """The files (numbers, in path order) where `stem` and one of `names` appear as words. The
        first few questions scan the texts: a run that lints one file (pre-commit) does not build
        the index, which took a quarter of a cached one-file run in tensor2tensor."""
        names = {name for name in names if _WORD.fullmatch(name)}
        if not names or not _WORD.fullmatch(stem):
            return []  # a word of the index is a whole run of word characters
        self.questions += 1
        if self.words is None and self.questions > SCANS_BEFORE_INDEX:
            self.words = _word_index(self.files)
        if self.words is not None:
            named = frozenset().union(*(self.words.get(name, frozenset()) for name in names))
            return sorted(self.words.get(stem, frozenset()) & named)
        stem_word = re.compile(rf"\b{re.escape(stem)}\b")
        any_name = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(name) for name in sorted(names)))
        return [number for number, (_, _, text) in enumerate(self.files)
                if stem in text and stem_word.search(text) and any_name.search(text)]


SCANS_BEFORE_INDEX = 8


def _word_index(files: tuple[tuple[Path, Path, str], ...]) -> dict[str, frozenset[int]]:
    words: dict[str, set[int]] = {}
    for number, (_, _, text) in enumerate(files):
        for word in set(_WORD.findall(text)):
            words.setdefault(word, set()).add(number)
    return {word: frozenset(found) for word, found in words.items()}


_INDEXES: OrderedDict[str, ProjectIndex] = OrderedDict()  # outside a run (a run keeps its own: RunMemo.indexes)


def project_root(path: Path) -> Path:
    """The nearest enclosing directory that looks like a project root, else the file's directory."""
    directory = path.resolve().parent
    for candidate in (directory, *directory.parents):
        if any((candidate / marker).exists() for marker in _PROJECT_MARKERS):
            return candidate
    return directory


MAX_INDEXES = 2


def _project_index(root: Path) -> ProjectIndex:
    indexes = RUN.indexes if RUN is not None else _INDEXES
    key = str(root)
    if key in indexes:
        indexes.move_to_end(key)
    else:
        files: list[tuple[Path, Path, str]] = []
        for file in sorted(root.rglob("*.py")):
            if len(files) >= MAX_PROJECT_FILES:
                break
            if any(part.startswith(".") or part in ("venv", "site-packages", "node_modules", "build", "dist")
                   for part in file.relative_to(root).parts[:-1]):
                continue
            try:
                if file.is_file() and file.stat().st_size <= MAX_MODULE_BYTES:
                    files.append((file, file.resolve(), file.read_text(encoding="utf-8", errors="replace")))
            except OSError:
                continue
        indexes[key] = ProjectIndex(tuple(files))
        while len(indexes) > MAX_INDEXES:
            indexes.popitem(last=False)
    return indexes[key]


def find_callers(path: str, names: set[str], limit: int = 5) -> list[Path]:
    """Other project files that import this module and call one of `names` (a text search, no parse)."""
    origin = Path(path)
    if not names or not origin.is_file():
        return []
    stem = origin.stem if origin.stem != "__init__" else origin.parent.name
    index = _project_index(project_root(origin))
    candidates = index.with_words(stem, names)  # both words appear: confirm the call
    calls = re.compile(r"\b(?:%s)\s*\(" % "|".join(re.escape(name) for name in sorted(names)))
    found: list[Path] = []
    resolved = real_path(origin)
    for number in candidates:
        file, file_resolved, text = index.files[number]
        if file_resolved == resolved or not calls.search(text):
            continue
        found.append(file)
        if len(found) >= limit:
            break
    return found
