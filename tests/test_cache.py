"""The results cache: hits, misses, what invalidates an entry, corruption, concurrent runs."""
from __future__ import annotations

import dataclasses
import os
import pickle
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

import initlint.cache as cache_module
import initlint.engine as engine
from initlint import __version__
from initlint.cache import CACHEDIR_TAG, GITIGNORE, Cache, cache_dir, open_cache, settings_digest
from initlint.cli import main
from initlint.model import Diagnostic, FileResult, Span
from initlint.settings import Settings, Thresholds

MODEL = ("import tensorflow as tf\n\n"
         "x = tf.placeholder(tf.float32, [None, 784])\n"
         "h = tf.layers.dense(x, 256, activation=tf.nn.relu,\n"
         "                    kernel_initializer=tf.random_normal_initializer(stddev=1.0))\n")
HELPER = ("import tensorflow as tf\n\n"
          "def fc(x, units):\n"
          "    return tf.layers.dense(x, units, kernel_initializer=tf.random_normal_initializer(stddev={std}))\n")
TRAIN = ("import tensorflow as tf\nfrom helpers import fc\n\n"
         "x = tf.placeholder(tf.float32, [None, 784])\nh = fc(x, 256)\n")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("INITLINT_CACHE_DIR", raising=False)
    (tmp_path / "model.py").write_text(MODEL)
    (tmp_path / "helpers.py").write_text(HELPER.format(std=1.0))
    (tmp_path / "train.py").write_text(TRAIN)
    (tmp_path / "notes.py").write_text("print('no model here')\n")
    return tmp_path


def _files(root: Path) -> list[tuple[Path, str]]:
    return [(root / name, name) for name in ("model.py", "helpers.py", "train.py", "notes.py")]


def _settings(root: Path, **changes: object) -> Settings:
    return dataclasses.replace(Settings(jobs=1, cache=True, cache_dir=str(root / "cache")), **changes)


class Counting:
    """Counts the files the engine really analyses (cache misses)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.analysed: list[str] = []
        original = engine.analyze_bytes

        def counting(data: bytes, shown: str, settings: Settings) -> FileResult:
            self.analysed.append(shown)
            return original(data, shown, settings)

        monkeypatch.setattr(engine, "analyze_bytes", counting)

    def take(self) -> list[str]:
        analysed, self.analysed = self.analysed, []
        return sorted(analysed)


def test_layout_like_ruffs(project: Path) -> None:
    engine.run(_files(project), _settings(project))
    root = project / "cache"
    assert (root / ".gitignore").read_text() == GITIGNORE == "# Automatically created by initlint.\n*"
    assert (root / "CACHEDIR.TAG").read_text() == CACHEDIR_TAG
    assert CACHEDIR_TAG.startswith("Signature: 8a477f597d28d172789f06886806bc55")
    entries = [p for p in (root / __version__).rglob("*") if p.is_file() and "trees" not in p.parts]
    assert len(entries) == 4
    # a first run of a few files marks the modules it parsed without linting them (TreeStore)
    assert all(p.name.endswith(".seen") for p in (root / __version__ / "trees").rglob("*") if p.is_file())
    assert not [p for p in root.rglob("*.part")]


def test_second_run_hits_and_gives_equal_results(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counting = Counting(monkeypatch)
    first = engine.run(_files(project), _settings(project))
    assert counting.take() == ["helpers.py", "model.py", "notes.py", "train.py"]
    second = engine.run(_files(project), _settings(project))
    assert counting.take() == []
    assert first == second
    assert any(r.weights for r in second) and any(r.diagnostics for r in second)


def test_only_results_with_diagnostics_keep_their_text(project: Path) -> None:
    # the text serves source lines, noqa comments and fixes: a clean file's was held (and cached)
    # for nothing, every file's text of a large tree until the run ended
    for settings in (_settings(project), _settings(project, cache=False)):
        for result in engine.run(_files(project), settings):
            assert (result.source is not None) == bool(result.diagnostics), result.path
    results = engine.run(_files(project), _settings(project))
    assert [r.path for r in results if r.diagnostics] == ["model.py", "train.py"]
    assert results[0].source == MODEL and results[1].source is None and results[1].weights


def test_a_changed_file_misses(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counting = Counting(monkeypatch)
    engine.run(_files(project), _settings(project))
    counting.take()
    (project / "model.py").write_text(MODEL.replace("stddev=1.0", "stddev=0.01"))
    results = engine.run(_files(project), _settings(project))
    assert counting.take() == ["model.py"]
    assert results[0].weights[0].initializer.params["stddev"] == 0.01


def test_a_file_changed_during_the_run_is_not_stored_under_its_old_key(project: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    original_key = Cache.key

    def key_then_edit(self: Cache, data: bytes, shown: str) -> str:
        found = original_key(self, data, shown)
        if shown == "model.py":  # edited after it was keyed, before it is analysed
            (project / "model.py").write_text(MODEL.replace("stddev=1.0", "stddev=0.01"))
        return found

    with monkeypatch.context() as patched:
        patched.setattr(Cache, "key", key_then_edit)
        changed = engine.run(_files(project), _settings(project))
    assert changed[0].weights[0].initializer.params["stddev"] == 0.01  # what the file holds now
    (project / "model.py").write_text(MODEL)
    counting = Counting(monkeypatch)
    again = engine.run(_files(project), _settings(project))
    assert counting.take() == ["model.py"]  # its old key got no entry: not the edited text's result
    assert again[0].weights[0].initializer.params["stddev"] == 1.0


def test_a_changed_dependency_misses(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """train.py's result depends on helpers.py, which initlint follows across files."""
    counting = Counting(monkeypatch)
    before = engine.run(_files(project), _settings(project))
    counting.take()
    (project / "helpers.py").write_text(HELPER.format(std=0.05))
    after = engine.run(_files(project), _settings(project))
    assert counting.take() == ["helpers.py", "train.py"]
    assert before[2].weights and after[2].weights
    assert before[2].weights[0].std != after[2].weights[0].std


def test_a_new_module_that_changes_an_import_misses(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counting = Counting(monkeypatch)
    (project / "tool.py").write_text("from lib import fc\nh = fc(None, 10)\n")
    files = [(project / "tool.py", "tool.py")]
    assert not engine.run(files, _settings(project))[0].weights
    counting.take()
    (project / "lib.py").write_text(HELPER.format(std=1.0))
    assert engine.run(files, _settings(project))[0].weights
    assert counting.take() == ["tool.py"]


def test_a_new_caller_of_a_modules_functions_misses(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """helpers.py shows the contexts its callers give fc(): a file that starts calling it is one
    more (field trial P: a stale result came back until the cache was cleared)."""
    counting = Counting(monkeypatch)
    (project / "train.py").unlink()
    files = [(project / "helpers.py", "helpers.py")]
    assert "contexts" not in engine.run(files, _settings(project))[0].weights[0].facts
    counting.take()
    (project / "train.py").write_text(TRAIN)
    [weight] = engine.run(files, _settings(project))[0].weights[:1]
    assert counting.take() == ["helpers.py"]
    assert [c["path"] for c in weight.facts["contexts"]] == ["train.py"]
    engine.run(files, _settings(project))
    assert counting.take() == []  # and the new answer is cached


@pytest.mark.parametrize("change", [
    {"dialect": "tf2"}, {"select": ("INI1",)}, {"ignore": ("INI301",)}, {"thresholds": Thresholds(explode=99.0)},
    {"per_file_ignores": (("model.py", ("INI301",)),)}, {"max_unroll": 3},
])
def test_settings_that_affect_results_miss(project: Path, monkeypatch: pytest.MonkeyPatch, change: dict) -> None:
    counting = Counting(monkeypatch)
    engine.run(_files(project), _settings(project))
    counting.take()
    engine.run(_files(project), _settings(project, **change))
    assert counting.take() == ["helpers.py", "model.py", "notes.py", "train.py"]


def test_settings_that_do_not_affect_results_hit(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counting = Counting(monkeypatch)
    engine.run(_files(project), _settings(project))
    counting.take()
    engine.run(_files(project), _settings(project, jobs=2, extend_exclude=("x",), respect_gitignore=False))
    assert counting.take() == []


def test_a_change_in_initlint_itself_misses(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An editable install edited between runs, same version: the old results must not come back."""
    counting = Counting(monkeypatch)
    engine.run(_files(project), _settings(project))
    counting.take()
    monkeypatch.setattr(cache_module, "code_digest", lambda: "another build of initlint")
    engine.run(_files(project), _settings(project))
    assert counting.take() == ["helpers.py", "model.py", "notes.py", "train.py"]


def test_code_digest_follows_the_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "initlint"
    (package / "rules").mkdir(parents=True)
    (package / "cache.py").write_text(Path(cache_module.__file__).read_text())
    (package / "rules" / "rule.py").write_text("LIMIT = 3\n")
    monkeypatch.setattr(cache_module, "__file__", str(package / "cache.py"))
    cache_module.code_digest.cache_clear()
    try:
        before = cache_module.code_digest()
        cache_module.code_digest.cache_clear()
        assert cache_module.code_digest() == before  # stable
        (package / "rules" / "rule.py").write_text("LIMIT = 4\n")
        cache_module.code_digest.cache_clear()
        assert cache_module.code_digest() != before
    finally:
        cache_module.code_digest.cache_clear()


def test_settings_digest_is_stable_across_processes() -> None:
    settings = Settings(select=("INI1", "INI3"), per_file_ignores=(("a/*.py", ("INI101",)),))
    code = ("from initlint.settings import Settings; from initlint.cache import settings_digest; "
            "print(settings_digest(Settings(select=('INI1', 'INI3'), per_file_ignores=(('a/*.py', ('INI101',)),))))")
    env = {**os.environ, "PYTHONHASHSEED": "123"}
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert other.stdout.strip() == settings_digest(settings)
    assert settings_digest(settings) != settings_digest(Settings())
    assert settings_digest(Settings(jobs=4, cache=True, cache_dir="x")) == settings_digest(Settings())


def test_results_survive_pickling_field_by_field(project: Path) -> None:
    # model.py gives its frozen classes a quicker __setstate__ than dataclasses' own
    results = engine.run(_files(project), Settings(jobs=1))
    back = pickle.loads(pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == results
    weights = [weight for result in back for weight in result.weights]
    fixes = [d.fix for result in back for d in result.diagnostics if d.fix is not None]
    assert weights and fixes and fixes[0].edits[0].span.line == 5
    assert {weight.initializer.name for weight in weights} >= {"random_normal"}


def test_the_shown_path_is_part_of_the_key(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counting = Counting(monkeypatch)
    engine.run([(project / "model.py", "model.py")], _settings(project))
    counting.take()
    result = engine.run([(project / "model.py", "./model.py")], _settings(project))[0]
    assert counting.take() == ["./model.py"] and result.path == "./model.py"


@pytest.mark.parametrize("damage", [b"", b"garbage", pickle.dumps(("other-key", None)), pickle.dumps(42)])
def test_a_corrupt_entry_is_a_miss_not_an_error(project: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes) -> None:
    counting = Counting(monkeypatch)
    first = engine.run(_files(project), _settings(project))
    counting.take()
    for entry in (project / "cache" / __version__).rglob("*"):
        if entry.is_file():
            entry.write_bytes(damage)
    second = engine.run(_files(project), _settings(project))
    assert counting.take() == ["helpers.py", "model.py", "notes.py", "train.py"]
    assert first == second
    assert engine.run(_files(project), _settings(project)) == first  # repaired
    assert counting.take() == []


def test_an_unreadable_entry_is_a_miss(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine.run(_files(project), _settings(project))
    for entry in (project / "cache" / __version__).rglob("*"):
        if entry.is_file():
            entry.unlink()
            entry.mkdir()  # reading a directory fails with an OSError
    results = engine.run(_files(project), _settings(project))
    assert len(results) == 4 and results[0].weights


def test_an_unusable_cache_folder_only_costs_time(project: Path) -> None:
    (project / "blocker").write_text("a file where the cache folder should be")
    settings = _settings(project, cache_dir=str(project / "blocker" / "cache"))
    assert open_cache(settings) is None
    assert engine.run(_files(project), settings)[0].weights


def test_internal_errors_are_not_cached(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = FileResult(path="model.py", diagnostics=(Diagnostic(
        "INI902", "internal-error", "error", "internal error", "model.py", Span(1, 1, 1, 1)),))
    cache = Cache(project / "direct", Settings())
    assert cache.prepare()
    assert not cache.put("k" * 40, broken)
    assert cache.get("k" * 40) is None
    ok = FileResult(path="model.py")
    assert cache.put("k" * 40, ok) and cache.get("k" * 40) == ok

    def explode(*args: object) -> FileResult:
        raise RuntimeError("boom")

    monkeypatch.setattr(engine, "analyze_bytes", explode)
    results = engine.run(_files(project), _settings(project))
    assert all(r.diagnostics[0].code == "INI902" for r in results)
    assert not [p for p in (project / "cache" / __version__).rglob("*") if p.is_file()]


def test_cache_off_writes_nothing(project: Path) -> None:
    engine.run(_files(project), Settings(jobs=1))
    engine.run(_files(project), _settings(project, cache=False))
    assert not (project / "cache").exists() and not (project / ".initlint_cache").exists()


def test_cache_dir_default_and_environment(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cache_dir(Settings()) == project / ".initlint_cache"
    assert cache_dir(Settings(project_root=str(project / "sub"))) == project / "sub" / ".initlint_cache"
    monkeypatch.setenv("INITLINT_CACHE_DIR", str(project / "env-cache"))
    assert cache_dir(Settings()) == project / "env-cache"
    assert cache_dir(Settings(cache_dir=str(project / "flag"))) == project / "flag"


def test_cli_flags(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["check", "--isolated", "-j1", "model.py", "train.py"])
    assert first.exit_code == 1, first.output
    assert (project / ".initlint_cache" / "CACHEDIR.TAG").is_file()
    assert runner.invoke(main, ["check", "--isolated", "-j1", "model.py", "train.py"]).output == first.output
    assert runner.invoke(main, ["check", "--isolated", "--no-cache", "--cache-dir", "nocache", "model.py"]).exit_code == 1
    assert not (project / "nocache").exists()
    assert runner.invoke(main, ["check", "--isolated", "--cache-dir", "elsewhere", "model.py"]).exit_code == 1
    assert (project / "elsewhere" / ".gitignore").is_file()
    monkeypatch.setenv("INITLINT_CACHE_DIR", str(project / "from-env"))
    assert runner.invoke(main, ["explain", "-j1", "model.py"]).exit_code == 0
    assert (project / "from-env" / "CACHEDIR.TAG").is_file()


def test_discovery_skips_the_cache_folder(project: Path) -> None:
    runner = CliRunner()
    runner.invoke(main, ["check", "--isolated", "-j1", "."])
    (project / ".initlint_cache" / "stray.py").write_text("import tensorflow as tf\n")
    listed = runner.invoke(main, ["check", "--isolated", "--show-files", "."]).output
    assert ".initlint_cache" not in listed



def test_clean_removes_the_caches_initlint_made_and_nothing_else(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    (project / "pkg").mkdir()
    (project / "pkg" / "model.py").write_text(MODEL)
    assert runner.invoke(main, ["check", "--isolated", "-j1", "model.py"]).exit_code == 1
    assert runner.invoke(main, ["check", "--isolated", "-j1", "--cache-dir", "pkg/.initlint_cache",
                                "pkg/model.py"]).exit_code == 1
    # a folder with the cache's name that initlint did not make, and one inside .git, stay
    (project / "other" / ".initlint_cache").mkdir(parents=True)
    (project / "other" / ".initlint_cache" / "keep.txt").write_text("mine")
    (project / ".git" / ".initlint_cache").mkdir(parents=True)
    (project / ".git" / ".initlint_cache" / "CACHEDIR.TAG").write_text(CACHEDIR_TAG)
    cleaned = runner.invoke(main, ["clean"])
    assert cleaned.exit_code == 0, cleaned.output
    assert sorted(cleaned.stderr.splitlines()) == ["Removing cache at: .initlint_cache",
                                                   f"Removing cache at: {os.path.join('pkg', '.initlint_cache')}"]
    assert not (project / ".initlint_cache").exists() and not (project / "pkg" / ".initlint_cache").exists()
    assert (project / "other" / ".initlint_cache" / "keep.txt").read_text() == "mine"
    assert (project / ".git" / ".initlint_cache" / "CACHEDIR.TAG").exists()
    assert (project / "model.py").read_text() == MODEL
    # nothing left to remove: silent, as ruff clean is
    again = runner.invoke(main, ["clean"])
    assert (again.exit_code, again.output) == (0, "")


def test_clean_removes_the_configured_cache_and_refuses_a_folder_it_did_not_make(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    monkeypatch.setenv("INITLINT_CACHE_DIR", str(project / "elsewhere" / "cache"))
    assert runner.invoke(main, ["check", "--isolated", "-j1", "model.py"]).exit_code == 1
    assert (project / "elsewhere" / "cache" / "CACHEDIR.TAG").is_file()
    quiet = runner.invoke(main, ["clean", "-q", "pkg-that-does-not-exist"])
    assert (quiet.exit_code, quiet.output) == (0, "")
    assert not (project / "elsewhere" / "cache").exists()
    (project / "precious").mkdir()
    (project / "precious" / "thesis.tex").write_text("years of work")
    refused = runner.invoke(main, ["clean", "--cache-dir", "precious"])
    assert refused.exit_code == 2
    assert "not removing precious: it has no CACHEDIR.TAG written by initlint" in refused.output
    assert (project / "precious" / "thesis.tex").read_text() == "years of work"

CONCURRENT = """
import sys
import zlib
from pathlib import Path
from initlint.engine import run
from initlint.settings import Settings
root = Path(sys.argv[1])
files = [(p, p.name) for p in sorted(root.glob("*.py"))]
settings = Settings(jobs=1, cache=True, cache_dir=str(root / "cache"))
for _ in range(3):
    results = run(files, settings)
print(sum(len(r.weights) for r in results), sum(len(r.diagnostics) for r in results))
"""


def test_concurrent_runs_share_a_cache_safely(project: Path) -> None:
    for index in range(12):
        (project / f"extra_{index}.py").write_text(MODEL.replace("784", str(100 + index)))
    expected = engine.run(sorted(((p, p.name) for p in project.glob("*.py"))), Settings(jobs=1))
    summary = f"{sum(len(r.weights) for r in expected)} {sum(len(r.diagnostics) for r in expected)}"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    processes = [subprocess.Popen([sys.executable, "-c", CONCURRENT, str(project)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, env=env, cwd=project) for _ in range(4)]
    for process in processes:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        assert out.strip() == summary
    assert not [p for p in (project / "cache").rglob("*.part")]
    assert engine.run(sorted(((p, p.name) for p in project.glob("*.py"))), _settings(project)) == expected


def test_a_change_in_a_module_only_a_caller_imports_misses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """nets.py's weight is shown with the initializer train.py's scope gives it; that scope comes
    from scopes.py, which nets.py never imports: changing it must still re-analyse nets.py."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "nets.py").write_text("import tensorflow as tf\n\n\ndef block(x):\n    return tf.layers.dense(x, 10)\n")
    scopes = "import tensorflow as tf\n\nINIT = tf.truncated_normal_initializer(stddev={std})\n"
    (tmp_path / "scopes.py").write_text(scopes.format(std=0.1))
    (tmp_path / "train.py").write_text(
        "import tensorflow as tf\nfrom nets import block\nfrom scopes import INIT\n\n"
        "x = tf.placeholder(tf.float32, [None, 784])\nwith tf.variable_scope('s', initializer=INIT):\n"
        "    h = block(x)\n")
    files = [(tmp_path / "nets.py", "nets.py")]

    def context_stddev() -> float:
        [weight] = [w for w in engine.run(files, _settings(tmp_path))[0].weights if w.role == "kernel"]
        [context] = weight.facts["contexts"]
        return context["params"]["stddev"]

    assert context_stddev() == 0.1
    assert context_stddev() == 0.1  # from the cache
    (tmp_path / "scopes.py").write_text(scopes.format(std=0.5))
    assert context_stddev() == 0.5


WARM_RUN = """
import sys
import zlib
from initlint.cli import main
try:
    main(["check", "--isolated", "--select", "ALL", "--unsafe-fixes", "-j1", "--output-format", sys.argv[1], "."])
except SystemExit as stop:
    print("exit", stop.code, "libcst loaded:", "libcst" in sys.modules, file=sys.stderr)
"""


FIX_TEXT = "variance_scaling_initializer(scale=2.0)"  # the fix of model.py's INI101, in the JSON formats


@pytest.mark.parametrize(("output_format", "fix_shown"), [
    ("concise", "fixable with `--fix`"), ("full", "fixable with `--fix`"), ("json", FIX_TEXT), ("sarif", FIX_TEXT)])
def test_a_warm_run_never_loads_libcst(project: Path, output_format: str, fix_shown: str) -> None:
    # libcst's import is a third of a warm run's time: a pre-commit run on unchanged files should not pay it
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent), "INITLINT_CACHE_DIR": "cache"}
    command = [sys.executable, "-c", WARM_RUN, output_format]
    runs = [subprocess.run(command, capture_output=True, text=True, env=env, cwd=project, timeout=300)
            for _ in range(2)]
    cold, warm = runs
    assert "exit 1 libcst loaded: True" in cold.stderr
    assert "exit 1 libcst loaded: False" in warm.stderr
    # the same report, the fixes included, from the cache
    assert warm.stdout == cold.stdout and "INI101" in warm.stdout and fix_shown in warm.stdout


def _trees(root: Path) -> list[Path]:
    folder = root / "cache" / __version__ / "trees"
    return sorted(path for path in folder.rglob("*") if path.is_file() and not path.name.endswith(".seen"))


def _small_runs(project: Path, monkeypatch: pytest.MonkeyPatch, turns: int,
                between=lambda turn: None) -> tuple[list[bool], list[list[tuple]]]:  # noqa: ANN001
    """Lint train.py alone, edited before each turn, as a pre-commit hook would in fresh processes:
    per turn, whether helpers.py (which it imports) was parsed, and train.py's weights."""
    from collections import OrderedDict

    from initlint.analysis import project as project_module

    parsed: list[str] = []
    real = project_module._parse_unvalidated
    monkeypatch.setattr(project_module, "_parse_unvalidated",
                        lambda cst, source: parsed.append(source) or real(cst, source))
    helper_parsed, weights = [], []
    for turn in range(turns):
        between(turn)
        monkeypatch.setattr(project_module, "_PROBATION", OrderedDict())  # a new process: nothing parsed
        monkeypatch.setattr(project_module, "_PROTECTED", OrderedDict())
        monkeypatch.setattr(project_module, "_text_size", {"probation": 0, "protected": 0})
        (project / "train.py").write_text(f"{TRAIN}# edit {turn}\n")
        parsed.clear()
        result = engine.run([(project / "train.py", "train.py")], _settings(project))[0]
        helper_parsed.append(HELPER.format(std=1.0) in parsed)
        weights.append([(w.span.line, w.role, w.shape, w.initializer.name, w.std) for w in result.weights])
    return helper_parsed, weights


def test_a_small_run_reads_back_the_trees_of_the_modules_it_imports(project: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # the first run leaves a marker, the second stores the tree, the third reads it back
    helper_parsed, weights = _small_runs(project, monkeypatch, 3)
    assert helper_parsed == [True, True, False]
    assert len(_trees(project)) == 1
    assert weights[0] == weights[1] == weights[2] and weights[0][0][3:] == ("random_normal", 1.0)


@pytest.mark.parametrize("damage", [b"", b"garbage", zlib.compress(pickle.dumps(os.getcwd)),
                                    zlib.compress(pickle.dumps(("not", "a", "tree")))])
def test_a_damaged_or_foreign_tree_is_parsed_again(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                   damage: bytes) -> None:
    def spoil(turn: int) -> None:
        if turn == 2:
            for tree in _trees(project):
                tree.write_bytes(damage)

    helper_parsed, weights = _small_runs(project, monkeypatch, 3, spoil)
    assert helper_parsed == [True, True, True]
    assert weights[2] == weights[0]


def test_a_large_run_stores_no_tree(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "SMALL_RUN", 0)
    helper_parsed, _ = _small_runs(project, monkeypatch, 3)
    assert helper_parsed == [True, True, True]
    assert not (project / "cache" / __version__ / "trees").exists()


class _Planted:
    """What a tree entry that came with a repository could hold: a pickle that calls a function."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __reduce__(self) -> tuple:
        return (os.makedirs, (str(self.folder),))


def test_a_tree_entry_is_never_code(project: Path) -> None:
    store = cache_module.TreeStore(Cache(project / "cache", _settings(project)), store=True)
    digest = b"0" * 16
    planted = project / "planted"
    store._entry(digest).parent.mkdir(parents=True)
    store._entry(digest).write_bytes(zlib.compress(pickle.dumps(_Planted(planted))))
    assert store.get(digest) is None and not planted.exists()
    pickle.loads(pickle.dumps(_Planted(planted)))  # a plain unpickler would have run it
    assert planted.exists()
