"""The prefilter never skips a file the full analysis would report on, and the dependency closure
it computes (for the cache key) holds every project module the analysis reads."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import initlint.analysis.interpret as interpret
import initlint.engine as engine
from initlint.analysis.prefilter import import_statements, may_create_weights, memoised_run, project_dependencies
from initlint.model import FileResult
from initlint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted(p for p in (ROOT / "fixtures").rglob("*.py") if p.is_file())


def _full(source: str, shown: str, monkeypatch: pytest.MonkeyPatch, follow_callers: bool = True) -> FileResult:
    """The analysis with the prefilter switched off."""
    with monkeypatch.context() as patch:
        patch.setattr(engine, "may_create_weights", lambda *args, **kwargs: True)
        return engine.analyze_source(source, shown, Settings(select=("ALL",), follow_callers=follow_callers))


def _reports(result: FileResult) -> bool:
    return bool(result.weights) or any(d.code != "INI901" for d in result.diagnostics)


def _check(source: str, shown: str, monkeypatch: pytest.MonkeyPatch) -> bool:
    result = _full(source, shown, monkeypatch)
    if _reports(result):
        assert may_create_weights(source, shown), (shown, [d.code for d in result.diagnostics], len(result.weights))
    return _reports(result)


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # fixture projects resolve their imports from the shown (relative) path


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(ROOT)))
def test_never_skips_a_fixture_with_findings(path: Path, at_root: None, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = str(path.relative_to(ROOT))
    source = path.read_text(encoding="utf-8-sig")
    _check(source, shown, monkeypatch)
    _check(source, "<string>", monkeypatch)  # without a path: no project imports resolve


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(ROOT)))
def test_never_skips_a_truncated_or_edited_fixture(path: Path, at_root: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Generated variants: every prefix of the file (a few lines at a time), and the file with one
    of its import lines removed."""
    shown = str(path.relative_to(ROOT))
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    step = max(1, len(lines) // 12)
    for end in range(step, len(lines) + step, step):
        _check("".join(lines[:end]), shown, monkeypatch)
    for index, line in enumerate(lines):
        if re.match(r"\s*(import|from)\s", line):
            _check("".join(lines[:index] + lines[index + 1:]), shown, monkeypatch)


@pytest.mark.parametrize("path", [p for p in FIXTURES if "projects" not in p.parts],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_a_driver_that_only_imports_a_model_module(path: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A file without any TensorFlow text that calls helpers from a project module is kept."""
    source = path.read_text(encoding="utf-8-sig")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "model.py").write_text(source)
    functions = re.findall(r"^def (\w+)\(", source, re.M)
    calls = "".join(f"out = model.{name}(inputs)\n" for name in functions)
    drivers = {
        "import_module.py": f"from pkg import model\n\ninputs = None\n{calls}",
        "dotted.py": "import pkg.model\n\ninputs = None\n" + calls.replace("model.", "pkg.model."),
        "star.py": "from pkg.model import *\n\ninputs = None\n" + calls.replace("model.", ""),
        "package_attribute.py": "import pkg\n\ninputs = None\n" + calls.replace("model.", "pkg.model."),
    }
    monkeypatch.chdir(tmp_path)
    for name, text in drivers.items():
        (tmp_path / name).write_text(text)
        _check(text, name, monkeypatch)
        if _reports(_full(text, name, monkeypatch)):
            assert "pkg/model.py" in project_dependencies(text, name)


def test_a_driver_of_a_fixture_project_is_kept(at_root: None, monkeypatch: pytest.MonkeyPatch) -> None:
    project = ROOT / "fixtures" / "projects"
    for directory in sorted(p for p in project.iterdir() if p.is_dir()):
        modules = sorted(p for p in directory.rglob("*.py"))
        for module in modules:
            shown = str(module.relative_to(ROOT))
            _check(module.read_text(), shown, monkeypatch)


def test_the_closure_holds_every_module_the_analysis_reads(at_root: None, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded: list[Path] = []
    original = interpret.parse_module

    def recording(target, shown):  # noqa: ANN001, ANN202
        loaded.append(Path(target))
        return original(target, shown)

    monkeypatch.setattr(interpret, "parse_module", recording)
    checked = 0
    for path in FIXTURES:
        shown = str(path.relative_to(ROOT))
        source = path.read_text(encoding="utf-8-sig")
        loaded.clear()
        _full(source, shown, monkeypatch, follow_callers=False)  # callers' reads: result.dependencies
        dependencies = {Path(p).resolve() for p in project_dependencies(source, shown)}
        for target in loaded:
            assert target.resolve() in dependencies, (shown, target)
            checked += 1
    assert checked, "no fixture imports a project module"


def test_import_statements() -> None:
    source = (
        "import a.b as c, d\n"
        "from .x import (y,\n    z as w)  # comment\n"
        "from .. import q\n"
        "from m import *\n"
        "if t: import late\n"
        "x = 1; import semi\n"
        "from n import \\\n    cont\n"
        "    from nested.deep import thing\n"
    )
    found = import_statements(source)
    assert ("a.b", 0, None) in found and ("d", 0, None) in found
    assert ("x", 1, ("y", "z")) in found
    assert ("", 2, ("q",)) in found
    assert ("m", 0, None) in found
    assert ("late", 0, None) in found and ("semi", 0, None) in found
    assert ("n", 0, ("cont",)) in found
    assert ("nested.deep", 0, ("thing",)) in found


def test_import_keywords_count_only_where_a_statement_can_start() -> None:
    # the patterns look for the keyword's text first; what precedes it is checked after a match,
    # and a rejected match does not hide an import later on the same line
    found = import_statements("xfrom skipped import it; from kept import this\n"
                              "reimport nothere\n"
                              "ximport hidden; import shown\n"
                              "if flag:\timport after_colon\n"
                              "# from commented import name\n")
    assert ("kept", 0, ("this",)) in found and ("shown", 0, None) in found
    assert ("after_colon", 0, None) in found
    assert ("commented", 0, ("name",)) in found  # a superset: import-like text in comments counts
    assert not any(module in ("skipped", "it", "nothere", "hidden") for module, _, _ in found)


def test_a_module_importing_its_own_name_reaches_the_one_above_it(tmp_path: Path) -> None:
    # resolutions are remembered per directory: pkg/a.py's `import b` is pkg/b.py, and pkg/b.py's
    # own `import b` (after a.py asked) still goes past itself to the b.py above
    (tmp_path / "b.py").write_text("import tensorflow as tf\n")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.py").write_text("import b\n")
    (tmp_path / "pkg" / "b.py").write_text("import b\n")
    cwd = os.getcwd()
    try:
        os.chdir(tmp_path)
        with memoised_run():
            assert project_dependencies("import b\n", os.path.join("pkg", "a.py")) == \
                ("b.py", os.path.join("pkg", "b.py"))  # pkg/b.py, which imports the b.py above
            assert project_dependencies("import b\n", os.path.join("pkg", "b.py")) == ("b.py",)
    finally:
        os.chdir(cwd)


def test_files_without_weight_text_are_skipped(tmp_path: Path) -> None:
    assert not may_create_weights("import os\nprint(os.getcwd())\n", "<string>")
    assert not may_create_weights("import numpy as np\nx = np.zeros(3)\n", "<string>")
    assert not may_create_weights("import tensorflow as tf\nx = tf.reduce_mean(y)\n", "<string>")
    assert may_create_weights("import tensorflow as tf\nw = tf.Variable(tf.zeros([3]))\n", "<string>")
    assert may_create_weights("from keras import layers\nd = layers.Dense(3)\n", "<string>")
    (tmp_path / "helpers.py").write_text("import tensorflow as tf\ndef fc(x):\n    return tf.layers.dense(x, 3)\n")
    (tmp_path / "train.py").write_text("from helpers import fc\nfc(None)\n")
    (tmp_path / "other.py").write_text("import os\n")
    (tmp_path / "tool.py").write_text("from other import os\n")
    cwd = os.getcwd()
    try:
        os.chdir(tmp_path)
        with memoised_run():
            assert may_create_weights("from helpers import fc\nfc(None)\n", "train.py")
            assert not may_create_weights("from other import os\n", "tool.py")
    finally:
        os.chdir(cwd)


@pytest.mark.skipif(not os.environ.get("INITLINT_SOUNDNESS_CORPUS"),
                    reason="set INITLINT_SOUNDNESS_CORPUS=DIR to check the prefilter on a corpus (slow)")
def test_never_skips_a_corpus_file_with_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = Path(os.environ["INITLINT_SOUNDNESS_CORPUS"])
    with memoised_run():
        for path in sorted(corpus.rglob("*.py")):
            try:
                source = path.read_bytes().decode("utf-8-sig")
            except (OSError, UnicodeDecodeError):
                continue
            _check(source, str(path), monkeypatch)
