"""The result cache: `.initlint_cache/` (ruff's `.ruff_cache/` layout), one file per analysed file.

An entry is a pickled FileResult stored under a key that changes whenever the result could:

- the file's bytes and the path it is shown as (reports, per-file-ignores and `# noqa` use it);
- the bytes of every project module its analysis may read (prefilter.project_dependencies:
  helpers, arg_scope functions and base classes are followed across files), and where each
  import resolves to, so a new module that shadows an import also misses;
- the files that call its functions (callers.attach_contexts' search, repeated on a hit): a file
  that starts calling one brings a new context;
- initlint's version, a digest of its own source files (`code_digest`: an editable install or a
  patched copy changes what a result is without changing the version), and the settings that
  affect results (`settings_digest`: everything but discovery and performance knobs).

Entries are written atomically (a temporary file in the same folder, then os.replace), so runs
that share a cache never see half an entry; an entry that cannot be read or unpickled is a miss,
never an error. Results with an internal error (INI902) are never stored.

    .initlint_cache/
      .gitignore        # Automatically created by initlint.\\n*
      CACHEDIR.TAG      # https://bford.info/cachedir/
      0.1.0/            # one folder per initlint version
        3f/3f9a...      # one entry per (file, content, dependencies, settings)
        trees/a1/a1c0...  # a project module's libcst tree, stored by runs of a few files (TreeStore)
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import os
import pickle
import shutil
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any, BinaryIO

from initlint import __version__
from initlint.model import FileResult
from initlint.settings import Settings

CACHE_DIR_NAME = ".initlint_cache"
CACHE_DIR_ENV = "INITLINT_CACHE_DIR"
GITIGNORE = "# Automatically created by initlint.\n*"
CACHEDIR_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by initlint.\n"
                "# For information about cache directory tags, see:\n"
                "#\thttps://bford.info/cachedir/\n")
INTERNAL_ERROR = "INI902"
_FORMAT = 5  # bump when the entry layout changes

# Settings fields that decide which files are read or how fast, not what a file's result is.
_NOT_IN_KEY = frozenset({"exclude", "extend_exclude", "respect_gitignore", "force_exclude", "jobs", "cache",
                         "cache_dir"})


class ResultUnpickler(pickle.Unpickler):
    """Unpickles initlint's own result types and plain data only. The cache folder can come with the
    linted tree (a repository may ship `.initlint_cache/`), and a plain pickle.load would run any
    code an entry names; here anything else is an error, so such an entry is a miss."""

    _BUILTINS = {"complex": complex, "frozenset": frozenset, "set": set, "slice": slice}

    def __init__(self, file: BinaryIO, also: tuple[type, ...] = ()) -> None:
        super().__init__(file)
        self.also = {(kind.__module__, kind.__qualname__): kind for kind in also}  # more data classes allowed

    def find_class(self, module: str, name: str) -> type:
        from initlint import model

        if (module, name) in self.also:
            return self.also[(module, name)]
        found = getattr(model, name, None) if module == "initlint.model" else None
        if isinstance(found, type) and dataclasses.is_dataclass(found):
            return found
        if module == "builtins" and name in self._BUILTINS:
            return self._BUILTINS[name]
        raise pickle.UnpicklingError(f"not a result type: {module}.{name}")


@functools.cache
def code_digest() -> str:
    """A digest of initlint's source files (about 1 MB, read once per process)."""
    package = Path(__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.blake2b(path.read_bytes()).digest())
    return digest.hexdigest()


def settings_digest(settings: Settings) -> str:
    """A stable hash of the settings that affect results (same settings, same digest, any process)."""
    items = [(f.name, getattr(settings, f.name)) for f in dataclasses.fields(settings) if f.name not in _NOT_IN_KEY]
    return hashlib.sha256(repr(items).encode("utf-8")).hexdigest()


def cache_dir(settings: Settings) -> Path:
    """--cache-dir, else $INITLINT_CACHE_DIR, else .initlint_cache in the project root (else the cwd)."""
    configured = getattr(settings, "cache_dir", None) or os.environ.get(CACHE_DIR_ENV)
    if configured:
        return Path(configured)
    return Path(settings.project_root or os.getcwd()) / CACHE_DIR_NAME


def is_cache_folder(folder: Path) -> bool:
    """A folder initlint made: its CACHEDIR.TAG says so. `initlint clean` removes nothing else, so a
    mistyped `--cache-dir ~` cannot cost the user their home folder."""
    try:
        tag = (folder / "CACHEDIR.TAG").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return tag.startswith(CACHEDIR_TAG.splitlines()[0]) and "created by initlint" in tag


def caches_under(root: Path) -> list[Path]:
    """Every `.initlint_cache` folder initlint made in `root` and the folders below it (ruff clean's
    search). Symbolic links are not followed, and nothing inside `.git` or a cache is searched."""
    found: list[Path] = []
    for folder, children, _ in os.walk(root):
        for child in sorted(children):
            if child == CACHE_DIR_NAME and is_cache_folder(Path(folder) / child):
                found.append(Path(folder) / child)
        children[:] = sorted(child for child in children if child not in (CACHE_DIR_NAME, ".git"))
    return found


def remove_cache(folder: Path) -> None:
    """Remove a cache folder (raises OSError if it cannot be removed)."""
    shutil.rmtree(folder)


def open_cache(settings: Settings) -> Cache | None:
    """The cache the settings ask for, or None when caching is off or the folder cannot be made."""
    if not getattr(settings, "cache", False):
        return None
    cache = Cache(cache_dir(settings), settings)
    return cache if cache.prepare() else None


class Cache:
    def __init__(self, root: Path, settings: Settings) -> None:
        self.root = Path(root)
        self.settings = settings
        self.folder = self.root / __version__
        self.salt = f"{_FORMAT}\0{__version__}\0{code_digest()}\0{settings_digest(settings)}".encode()

    def prepare(self) -> bool:
        """Create the folder with its .gitignore and CACHEDIR.TAG (as ruff does); False if impossible."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for name, text in ((".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
                if not (self.root / name).exists():
                    write_atomically(self.root / name, text.encode("utf-8"))
        except OSError:
            return False
        return True

    # ---- keys ------------------------------------------------------------------------------
    def key(self, data: bytes, shown: str) -> str:
        """The key of a file with these bytes, shown as `shown`, with its dependencies as they are now."""
        from initlint.analysis.prefilter import dependency_digest

        digest = hashlib.blake2b(self.salt, digest_size=20)
        digest.update(shown.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(hashlib.blake2b(data).digest())
        text = data.decode("utf-8-sig", errors="replace")
        digest.update(dependency_digest(text, shown))
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / key

    # ---- entries ---------------------------------------------------------------------------
    def get(self, key: str) -> FileResult | None:
        """The stored result, or None (missing, unreadable, corrupt or from another layout)."""
        try:
            with open(self._entry(key), "rb") as handle:
                stored = ResultUnpickler(handle).load()
        except Exception:  # noqa: BLE001 - any damage is a miss
            return None
        if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == key
                and isinstance(stored[1], FileResult) and isinstance(stored[2], dict)):
            return None
        # the result's own dependencies (callers whose contexts it shows) must still be as they were,
        # and its functions must have the same callers (a file that starts calling one is new context)
        for path, digest in stored[2].items():
            found = _callers_digest(stored[1].path, path) if path.startswith(_CALLERS) else _content_digest(Path(path))
            if found != digest:
                return None
        return stored[1]

    def put(self, key: str, result: FileResult) -> bool:
        """Store a result (not one with an internal error); False if it was not stored."""
        if any(d.code == INTERNAL_ERROR for d in result.diagnostics):
            return False
        try:
            dependencies = {path: _content_digest(Path(path)) for path in result.dependencies}
            roots = sorted({w.facts["root_function"] for w in result.weights if "root_function" in w.facts})
            if roots and self.settings.follow_callers and not result.path.startswith("<"):
                query = _CALLERS + ",".join(roots)
                dependencies[query] = _callers_digest(result.path, query)
            payload = pickle.dumps((key, result, dependencies), protocol=pickle.HIGHEST_PROTOCOL)
            entry = self._entry(key)
            entry.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(entry, payload)
        except Exception:  # noqa: BLE001 - a cache that cannot be written only costs time
            return False
        return True


_DIGESTS: dict[tuple[str, int, int], bytes] = {}
_CALLERS = "\0callers:"  # a dependency that is the set of files calling these functions, not a file


def _callers_digest(shown: str, query: str) -> bytes:
    """Which project files call the functions named in `query` (callers.attach_contexts' search)."""
    from initlint.analysis.callers import MAX_CALLER_FILES
    from initlint.analysis.project import find_callers

    names = set(query[len(_CALLERS):].split(","))
    found = sorted(str(path.resolve()) for path in find_callers(shown, names, MAX_CALLER_FILES))
    return hashlib.blake2b("\0".join(found).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _content_digest(path: Path) -> bytes:
    """Hash of a dependency's bytes (memoised by path, size and mtime); a marker if unreadable."""
    try:
        stat = path.stat()
    except OSError:
        return b"missing"
    memo = (str(path), stat.st_size, stat.st_mtime_ns)
    found = _DIGESTS.get(memo)
    if found is None:
        try:
            found = hashlib.blake2b(path.read_bytes()).digest()
        except OSError:
            found = b"unreadable"
        _DIGESTS[memo] = found
    return found


def write_atomically(target: Path, payload: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


# ---- parsed trees of the modules a small run reads --------------------------------------------

SMALL_RUN = 8  # files a run must analyse at most for it to store the trees it parses


class _TreeUnpickler(pickle.Unpickler):
    """libcst's node classes and its MaybeSentinel only (see ResultUnpickler: the folder can come
    with the linted tree)."""

    def find_class(self, module: str, name: str) -> type:
        import libcst

        if module.startswith("libcst._nodes.") or module == "libcst._maybe_sentinel":
            found = getattr(libcst, name, None)
            if isinstance(found, type) and (issubclass(found, libcst.CSTNode) or found is libcst.MaybeSentinel):
                return found
        raise pickle.UnpicklingError(f"not a libcst node: {module}.{name}")


class TreeStore:
    """libcst trees of project modules, by the digest of their text: a pre-commit hook that lints
    one changed file reads the modules it imports back instead of parsing them (unpickling is about
    3x faster than libcst's parser). Keyed by the libcst and Python versions too; compressed (a tree
    pickles to ten times its text). Writing a tree costs about half a parse, so only a small run
    stores them (`store`; a run over the whole project would pay for nothing), and only for a text
    an earlier run parsed too (the first leaves an empty marker): a one-off run, such as CI on the
    changed files of a fresh clone, pays for markers only."""

    def __init__(self, cache: Cache, store: bool) -> None:
        from libcst._version import __version__ as libcst_version

        self.folder = cache.folder / "trees"
        self.store = store
        self.salt = f"{libcst_version}\0{sys.version_info[:2]}\0{pickle.HIGHEST_PROTOCOL}".encode()

    def _entry(self, digest: bytes) -> Path:
        name = hashlib.blake2b(self.salt + digest, digest_size=16).hexdigest()
        return self.folder / name[:2] / name

    def get(self, digest: bytes) -> Any:
        """The stored tree of the text with this digest, or None (missing, damaged, or not a tree)."""
        import libcst

        try:
            with open(self._entry(digest), "rb") as handle:
                tree = _TreeUnpickler(io.BytesIO(zlib.decompress(handle.read()))).load()
        except Exception:  # noqa: BLE001 - any damage is a miss
            return None
        return tree if isinstance(tree, libcst.Module) else None

    def put(self, digest: bytes, tree: Any) -> None:
        if not self.store:
            return
        try:
            entry = self._entry(digest)
            marker = entry.with_name(f"{entry.name}.seen")
            if not marker.exists():
                entry.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(marker, b"")
                return
            write_atomically(entry, zlib.compress(pickle.dumps(tree, protocol=pickle.HIGHEST_PROTOCOL), 1))
        except Exception:  # noqa: BLE001 - too deep to pickle, or a folder that cannot be written: parse next time
            return
