"""The per-file pipeline: prefilter -> parse -> interpret -> rules -> FileResult. No printing here."""
from __future__ import annotations

import dataclasses
import gc
import hashlib
import io
import os
import tempfile
import tokenize
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from initlint.analysis.guard import run_deep
from initlint.analysis.prefilter import may_create_weights
from initlint.model import Diagnostic, FileResult, Span
from initlint.selection import finish
from initlint.settings import Settings

# a file to analyse: (its position in the run, path on disk, path as shown, (cache key, digest of the
# bytes the key was computed from) or None without a cache)
_Item = tuple[int, Path, str, tuple[str, bytes] | None]


def _file_diagnostic(code: str, name: str, message: str, path: str, line: int = 1, column: int = 1,
                     data: dict | None = None) -> Diagnostic:
    severity = "error"
    return Diagnostic(code=code, name=name, severity=severity, message=message, path=path,
                      span=Span(line, column, line, column), data=data or {})


def analyze_source(source: str, path: str = "<string>", settings: Settings | None = None) -> FileResult:
    """Analyse one file's text. Never raises for bad input: problems become INI9xx diagnostics.
    Rule selection, per-file-ignores and `# noqa` comments are applied (initlint.selection.finish)."""
    settings = settings or Settings()
    try:
        # a thread with a large stack: deep but valid code is analysed, never a segfault
        return finish(run_deep(_analyze_source, source, path, settings), settings)
    except Exception as error:  # noqa: BLE001 - a bug outside the guarded steps must not stop the run
        return finish(FileResult(path=path, source=source, diagnostics=(_internal_error(path, error),)), settings)


def _internal_error(path: str, error: BaseException) -> Diagnostic:
    return _file_diagnostic("INI902", "internal-error", f"internal error while analysing this file: {error!r}",
                            path, data={"traceback": "".join(traceback.format_exception(error))})


def _analyze_source(source: str, path: str, settings: Settings) -> FileResult:
    if path.endswith(".ipynb"):  # its JSON text parses as a Python dict: "All checks passed!" on nothing
        return FileResult(path=path, source=source, diagnostics=(_file_diagnostic(
            "INI900", "unreadable-file", "not analysed: a Jupyter notebook (initlint reads Python files only; "
            "`jupyter nbconvert --to script` exports one)", path),))
    if not may_create_weights(source, path):
        return FileResult(path=path, source=source, skipped=True)
    from initlint.analysis.project import obstacle_once, parse_text, text_digest

    digest = text_digest(source)
    obstacle = obstacle_once(source, digest)
    if obstacle is not None:  # libcst would crash the process or take minutes on it
        code, line, message = obstacle
        if code == "INI900":
            return FileResult(path=path, source=source, diagnostics=(_file_diagnostic(
                "INI900", "unreadable-file", f"not analysed: {message}", path, line),))
        return FileResult(path=path, source=source, diagnostics=(_file_diagnostic(
            "INI901", "syntax-error", f"cannot parse: {message}", path, line),))
    # imported on first use: a run whose results all come from the cache never loads libcst
    import libcst as cst

    from initlint.analysis.callers import repeated_in_their_module
    from initlint.analysis.interpret import analyze_module
    from initlint.rules import run_rules

    try:
        module, positions = parse_text(source, digest)  # parsed once per process, if a project module was first
    except cst.ParserSyntaxError as error:
        line, column, message = _syntax_error(source) or (
            error.raw_line or 1, (error.raw_column or 0) + 1, error.message)
        return FileResult(path=path, source=source, diagnostics=(_file_diagnostic(
            "INI901", "syntax-error", f"cannot parse: {message}", path, line, column),))
    except RecursionError:
        return FileResult(path=path, source=source, diagnostics=(_file_diagnostic(
            "INI901", "syntax-error", "cannot parse: the expression nesting is too deep", path),))
    try:
        analysis = analyze_module(module, source, path, settings, positions)
        diagnostics = run_rules(analysis, settings)
        about = {d.about for d in diagnostics if d.about is not None and d.about[0] != path}
        if about:
            through: dict[tuple[str, int, int], set[str]] = {}
            for weight in analysis.weights:
                through.setdefault((weight.path, weight.span.line, weight.span.column), set()).update(
                    site.path for site in weight.call_stack)
            repeated = repeated_in_their_module(path, about, settings, through)
            diagnostics = [d for d in diagnostics if d.about not in repeated]
    except RecursionError as error:
        return FileResult(path=path, source=source, diagnostics=(_file_diagnostic(
            "INI902", "internal-error", "analysis gave up: the code nests too deeply", path,
            data={"traceback": "".join(traceback.format_exception(error))}),))
    except Exception as error:  # one file's bug must not stop the run
        return FileResult(path=path, source=source, diagnostics=(_internal_error(path, error),))
    return FileResult(path=path, weights=analysis.weights, diagnostics=tuple(diagnostics),
                      dialect=analysis.dialect, dialect_reason=analysis.dialect_reason, source=source,
                      dependencies=analysis.dependencies, unfollowed=analysis.unfollowed,
                      cut_calls=analysis.cut_calls, unread=analysis.unread)


def _syntax_error(source: str) -> tuple[int, int, str] | None:
    """Python's own account of a syntax error libcst found: libcst's position is often a line off
    and its message a list of tokens; CPython's says `'(' was never closed` or `Missing parentheses
    in call to 'print'`. ast.parse only parses: nothing is compiled to bytecode or run."""
    import ast
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escape sequences and the like
            ast.parse(source)
    except SyntaxError as error:
        line = max(1, min(error.lineno or 1, len(source.splitlines()) + 1))
        return line, max(1, error.offset or 1), error.msg
    except (RecursionError, MemoryError, ValueError):
        return None
    return None  # valid for this Python (libcst's grammar differs): keep libcst's account


def read_source(path: Path) -> tuple[str | None, Diagnostic | None]:
    """Read a file as Python source text (UTF-8, BOM accepted), or say why not."""
    shown = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, _file_diagnostic("INI900", "unreadable-file", f"cannot read file: {error.strerror or error}", shown)
    return decode_source(data, shown)


def decode_source(data: bytes, shown: str) -> tuple[str | None, Diagnostic | None]:
    """Bytes (a file's, or standard input's) as Python source text, or say why not."""
    nul = data.find(b"\x00")
    if nul >= 0:
        return None, _file_diagnostic("INI900", "unreadable-file", "cannot read file: it contains NUL bytes", shown,
                                      data[:nul].count(b"\n") + 1)
    try:  # PEP 263: a `# -*- coding: ... -*-` line on line 1 or 2 names the encoding (a BOM means UTF-8)
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as error:
        if "invalid or missing encoding declaration" in str(error):  # the first lines are not UTF-8
            encoding = "utf-8-sig"  # the decode below says where
        else:  # an unknown encoding, or a BOM with another declared encoding
            return None, _file_diagnostic("INI900", "unreadable-file", f"cannot decode file: {error}", shown,
                                          getattr(error, "lineno", None) or 1)
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        named = "UTF-8" if encoding in ("utf-8", "utf-8-sig") else encoding
        return None, _file_diagnostic("INI900", "unreadable-file",
                                      f"cannot decode file as {named} (byte {error.start})", shown, line)
    except (LookupError, TypeError, ValueError) as error:  # a codec that does not decode bytes to text
        return None, _file_diagnostic("INI900", "unreadable-file", f"cannot decode file as {encoding}: {error}",
                                      shown)


def analyze_path(path: Path, settings: Settings, shown: str | None = None) -> FileResult:
    shown = shown or str(path)
    source, problem = read_source(path)
    if problem is not None:
        return finish(FileResult(path=shown, diagnostics=(problem.__class__(**{**_asdict(problem), "path": shown}),)),
                      settings)
    return analyze_source(source, shown, settings)


def analyze_bytes(data: bytes, shown: str, settings: Settings) -> FileResult:
    """Analyse bytes read elsewhere (standard input), shown as `shown`."""
    source, problem = decode_source(data, shown)
    if problem is not None:
        return finish(FileResult(path=shown, diagnostics=(problem,)), settings)
    return analyze_source(source, shown, settings)


def _asdict(diagnostic: Diagnostic) -> dict:
    return {name: getattr(diagnostic, name) for name in diagnostic.__slots__}


# A run keeps millions of objects alive (the parse cache's trees) that every full collection walks.
# An analysis breaks its own reference cycles when it is done (Interpreter.release): what it leaves
# is freed by reference counting, and full collections find almost nothing. One per 1,000
# second-generation collections instead of Python's 10 (none in a run over the benchmark corpus)
# is kept for code that still makes cycles (README "Performance").
_FULL_COLLECTION_EVERY = 1000


def _fewer_full_collections() -> tuple[int, int, int]:
    """Set the collector's thresholds for a run; the old ones are returned."""
    old = gc.get_threshold()
    gc.set_threshold(old[0], old[1], max(old[2], _FULL_COLLECTION_EVERY))
    return old


@contextmanager
def _collector_for_a_run() -> Iterator[None]:
    old = _fewer_full_collections()
    try:
        yield
    finally:
        gc.set_threshold(*old)


def run(paths: list[tuple[Path, str]], settings: Settings) -> list[FileResult]:
    """Analyse files (each given as (path on disk, path as shown)); the results come in input order.

    Cached results are reused (settings.cache, initlint.cache); the other files are analysed in
    `settings.jobs` worker processes (None: one per core; 1: in this process). One file's failure,
    wherever it happens, is that file's INI902 diagnostic; the other files are still analysed."""
    from initlint.analysis.prefilter import memoised_run
    from initlint.cache import open_cache

    results: list[FileResult | None] = [None] * len(paths)
    with memoised_run(), _collector_for_a_run():
        cache = open_cache(settings)
        pending: list[_Item] = []
        for index, (path, shown) in enumerate(paths):
            keyed = None
            if cache is not None:
                try:
                    data = path.read_bytes()
                except OSError:
                    pass  # analysed below, where it becomes INI900
                else:
                    key = cache.key(data, shown)
                    results[index] = cache.get(key)
                    if results[index] is not None:
                        continue
                    # the bytes are read again when analysed: a run over a large tree holding them all
                    # until then added their size to the peak
                    keyed = (key, _bytes_digest(data))
            pending.append((index, path, shown, keyed))
        with _stored_trees(cache, len(pending)):
            for index, result in _analyze_pending(pending, settings, cache):
                results[index] = result
    return results  # type: ignore[return-value] - every slot is filled


@contextmanager
def _stored_trees(cache: object, files: int) -> Iterator[None]:
    """With the cache on, the project modules a run reads (imports, callers) are parsed once across
    runs: their trees are kept in the cache (stored only by a run of a few files: cache.TreeStore)."""
    from initlint.analysis import project

    if cache is None or not files:
        yield
        return
    from initlint.cache import SMALL_RUN, TreeStore

    project.RUN.trees = TreeStore(cache, store=files <= SMALL_RUN)  # type: ignore[arg-type,union-attr] - run() opened it
    try:
        yield
    finally:
        project.RUN.trees = None


def _jobs(settings: Settings, files: int) -> int:
    wanted = settings.jobs
    if wanted is None or wanted <= 0:
        try:
            wanted = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            wanted = os.cpu_count() or 1
    return max(1, min(wanted, files))


_WORKER: tuple[Settings, object] | None = None  # (settings, cache) in a worker process


def _start_worker(settings: Settings, cache: object) -> None:
    global _WORKER
    _WORKER = (settings, cache)
    _fewer_full_collections()
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def _analyze_run_in_worker(items: list[_Item]) -> list[tuple[int, FileResult]]:
    assert _WORKER is not None
    settings, cache = _WORKER
    return run_deep(_analyze_items, items, settings, cache)


def _analyze_items(items: list[_Item], settings: Settings, cache: object) -> list[tuple[int, FileResult]]:
    # called through run_deep: one big-stack thread for all the files (starting one per file cost
    # about 6 ms each, 4% of a run over tensor2tensor)
    return [_analyze_item(item, settings, cache) for item in items]


def _bytes_digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _analyze_item(item: _Item, settings: Settings, cache: object) -> tuple[int, FileResult]:
    index, path, shown, keyed = item
    key = None
    try:
        try:
            data = path.read_bytes()
        except OSError:
            result = analyze_path(path, settings, shown)  # its INI900
        else:
            # a file that changed since its key was computed is not stored under that key
            key = keyed[0] if keyed is not None and keyed[1] == _bytes_digest(data) else None
            result = analyze_bytes(data, shown, settings)
        # fixes are planned and verified (a re-lint) here, in the workers, and cached with the result
        from initlint.fix import attach_fixes

        result = attach_fixes(result, settings)
    except Exception as error:  # noqa: BLE001 - one file's failure is that file's INI902
        result = FileResult(path=shown, diagnostics=(_file_diagnostic(
            "INI902", "internal-error", f"internal error while analysing this file: {error!r}", shown,
            data={"traceback": "".join(traceback.format_exception(error))}),))
    if not result.diagnostics and result.source is not None:
        # the text serves reporters' source lines, noqa comments and fixes, all of them diagnostics':
        # a run over a large tree held every clean file's text until its end (12 MB in keras-hub),
        # and its cache entry stored it
        result = dataclasses.replace(result, source=None)
    if cache is not None and key is not None:
        cache.put(key, result)  # type: ignore[attr-defined]
    return index, result


def _analyze_pending(pending: list[_Item], settings: Settings, cache: object) -> list[tuple[int, FileResult]]:
    jobs = _jobs(settings, len(pending))
    if jobs <= 1:
        return run_deep(_analyze_items, pending, settings, cache)
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Neighbouring files import the same modules and call each other: a worker given a run of them
    # reuses its parses and analyses (project.parse_text, RunMemo). The biggest runs go first, so
    # that no worker is left with a long tail.
    ordered = sorted(pending, key=lambda item: str(item[1]))
    size = max(1, min(32, len(ordered) // (jobs * 6)))
    runs = [ordered[start:start + size] for start in range(0, len(ordered), size)]
    runs.sort(key=lambda run: -sum(_size(item) for item in run))
    done: list[tuple[int, FileResult]] = []
    with _shared_analyses():
        executor = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(settings, cache))
        try:
            for outcomes in executor.map(_analyze_run_in_worker, runs):
                done.extend(outcomes)
        except BrokenProcessPool:  # a worker died (out of memory, a crash in a native parser)
            executor.shutdown(wait=False, cancel_futures=True)
            finished = {index for index, _ in done}
            done.extend(_analyze_item(item, settings, cache) for item in ordered if item[0] not in finished)
        except BaseException:  # Ctrl-C: do not wait for the workers' current files
            executor.shutdown(wait=False, cancel_futures=True)
            raise
        executor.shutdown(wait=True)
    return done


@contextmanager
def _shared_analyses() -> Iterator[None]:
    """A temporary folder where the workers (forked: they inherit project.RUN) share the run's
    analyses; removed after. Without one (no writable temporary folder) each worker analyses alone."""
    from initlint.analysis import project

    folder = None
    if project.RUN is not None:
        try:
            folder = tempfile.TemporaryDirectory(prefix="initlint-run-", ignore_cleanup_errors=True)
        except OSError:
            pass
    if folder is None:
        yield
        return
    project.RUN.shared = Path(folder.name)
    try:
        yield
    finally:
        project.RUN.shared = None
        folder.cleanup()


def _size(item: _Item) -> int:
    try:
        return item[1].stat().st_size
    except OSError:
        return 0

