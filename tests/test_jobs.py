"""-j/--jobs: worker processes give the same results, in input order, as one process."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import initlint.engine as engine
from initlint.cli import main
from initlint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, str]]:
    """Every fixture (projects keep their layout), plus files that cannot be read or parsed."""
    shutil.copytree(ROOT / "fixtures", tmp_path / "fixtures")
    (tmp_path / "broken.py").write_text("import tensorflow as tf\nw = tf.Variable(1)\ndef f(:\n")
    (tmp_path / "binary.py").write_bytes(b"import tensorflow\x00\n")
    (tmp_path / "latin1.py").write_bytes(b"# \xe9\nimport tensorflow as tf\n")
    (tmp_path / "plain.py").write_text("print('nothing to see')\n")
    monkeypatch.chdir(tmp_path)
    files = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.py"))
    files.append(Path("missing.py"))  # vanished between discovery and analysis: INI900
    return [(tmp_path / p, str(p)) for p in reversed(files)]  # an order that is not sorted


def test_two_jobs_equal_one_job_in_input_order(corpus: list[tuple[Path, str]]) -> None:
    one = engine.run(corpus, Settings(jobs=1))
    two = engine.run(corpus, Settings(jobs=2))
    assert [r.path for r in two] == [shown for _, shown in corpus]
    assert two == one
    assert any(r.weights for r in two)
    codes = {d.code for r in two for d in r.diagnostics}
    assert {"INI900", "INI901"} <= codes


def test_many_jobs_and_the_default(corpus: list[tuple[Path, str]]) -> None:
    one = engine.run(corpus, Settings(jobs=1))
    assert engine.run(corpus, Settings(jobs=7)) == one
    assert engine.run(corpus, Settings()) == one  # None: one per core


def test_jobs_with_the_cache(corpus: list[tuple[Path, str]], tmp_path: Path) -> None:
    one = engine.run(corpus, Settings(jobs=1))
    settings = Settings(jobs=2, cache=True, cache_dir=str(tmp_path / "cache"))
    assert engine.run(corpus, settings) == one  # cold: the workers write the entries
    assert engine.run(corpus, settings) == one  # warm
    assert engine.run(corpus, Settings(jobs=1, cache=True, cache_dir=str(tmp_path / "cache"))) == one


def test_one_job_runs_in_process(corpus: list[tuple[Path, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("-j1 must not start worker processes")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    assert engine.run(corpus, Settings(jobs=1))
    assert engine.run(corpus[:1], Settings(jobs=4))  # one file: no pool either


def test_a_dying_worker_does_not_lose_files(corpus: list[tuple[Path, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures.process import BrokenProcessPool

    one = engine.run(corpus, Settings(jobs=1))

    class Broken:
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def map(self, *args: object, **kwargs: object):  # noqa: ANN202
            yield from ()
            raise BrokenProcessPool("a worker died")

        def shutdown(self, *args: object, **kwargs: object) -> None:
            pass

    import concurrent.futures

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Broken)
    assert engine.run(corpus, Settings(jobs=2)) == one


@pytest.mark.parametrize("command", [["check", "--isolated", "--format", "json", "-e"], ["explain", "--format", "json"]])
def test_cli_jobs_give_identical_output(corpus: list[tuple[Path, str]], command: list[str]) -> None:
    runner = CliRunner()
    outputs = {jobs: runner.invoke(main, [*command, "--no-cache", "-j", jobs, "fixtures"]) for jobs in ("1", "2", "0")}
    for result in outputs.values():
        assert result.exit_code == 0, result.output
    assert outputs["1"].output == outputs["2"].output == outputs["0"].output
    assert len(outputs["1"].output) > 1000


def test_jobs_rejects_negative() -> None:
    result = CliRunner().invoke(main, ["check", "-j", "-1", os.devnull])
    assert result.exit_code == 2


MODEL = "import tensorflow as tf\n\ndef net(x):\n    return tf.layers.dense(x, 10, kernel_initializer=tf.random_normal_initializer(stddev=0.1))\n"


def _analyse_in_a_worker(shared: Path, path: str = "model.py"):  # noqa: ANN202 - a ModuleAnalysis
    """analyze_alone as a fresh worker of a run sharing `shared` does it (its own memo empty)."""
    from initlint.analysis import interpret, project
    from initlint.analysis.prefilter import memoised_run

    with memoised_run():
        project.RUN.shared = shared
        return interpret.analyze_alone(None, MODEL, path, Settings())


def test_an_analysis_one_worker_shares_is_not_interpreted_again(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from initlint.analysis import interpret

    first = _analyse_in_a_worker(tmp_path)
    assert len(list(tmp_path.iterdir())) == 1  # written once, no partial file left
    assert first.weights and first.weights[0].initializer.params["stddev"] == 0.1

    def no_interpretation(self: object) -> None:
        raise AssertionError("the shared analysis must be reused")

    monkeypatch.setattr(interpret.Interpreter, "run", no_interpretation)
    assert _analyse_in_a_worker(tmp_path) == first
    with pytest.raises(AssertionError):  # another path is another analysis
        _analyse_in_a_worker(tmp_path, "other.py")


def test_a_damaged_shared_analysis_is_analysed_again(tmp_path: Path) -> None:
    first = _analyse_in_a_worker(tmp_path)
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(b"not a pickle")
    assert _analyse_in_a_worker(tmp_path) == first
    assert entry.read_bytes() != b"not a pickle"  # replaced by the new analysis


class _Planted:
    """An entry that, unpickled by a plain pickle.load, would create a file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # noqa: ANN204
        return (Path.touch, (self.marker,))


def test_a_shared_entry_naming_code_does_not_run_it(tmp_path: Path) -> None:
    import pickle

    shared = tmp_path / "shared"
    shared.mkdir()
    first = _analyse_in_a_worker(shared)
    (entry,) = shared.iterdir()
    entry.write_bytes(pickle.dumps(_Planted(tmp_path / "planted")))
    assert _analyse_in_a_worker(shared) == first
    assert not (tmp_path / "planted").exists()


def test_the_run_folder_of_shared_analyses_is_removed(corpus: list[tuple[Path, str]], tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    assert engine.run(corpus, Settings(jobs=2)) == engine.run(corpus, Settings(jobs=1))
    assert list(temporary.iterdir()) == []
