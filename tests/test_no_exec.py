"""initlint never imports, executes or evaluates what it reads.

The linted files below would, if imported or run, write a marker file, start a process or hang:
module-level code, a package's __init__.py, `if __name__ == "__main__"`, decorators, default
arguments, class bodies, f-strings, modules that shadow the libraries initlint itself imports,
and a results cache planted in the linted tree. After the run, no marker may exist. A second
test reads initlint's own source and fails on any builtin that compiles or runs code, any dynamic
import, and any process start.
"""
from __future__ import annotations

import ast
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "initlint"


def _run(args: list[str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    # -P: no current directory on sys.path, as for the installed `initlint` command (with
    # `python -m`, Python itself would import a `click.py` from the current directory)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("INITLINT_CACHE_DIR", None)
    return subprocess.run([sys.executable, "-P", "-m", "initlint", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=timeout)


def _hostile_tree(base: Path, markers: Path) -> None:
    """A project whose every file would leave a marker in `markers` if anything ran it."""

    def mark(name: str) -> str:
        target = markers / name
        return (f"open({str(target)!r}, 'w').write('ran'); "
                f"__import__('os').system('touch ' + {str(target) + '.sh'!r}); "
                f"__import__('subprocess').Popen(['touch', {str(target) + '.proc'!r}])")

    files = {
        "model.py": f"""
import tensorflow as tf
import time
from pkg import helpers
from pkg.layers import dense_block
{mark("module_level")}
time.sleep(3600)
exec("{mark('exec').replace('"', "'")}")
eval("__import__('os').system('touch {markers / 'eval'}')")
x = tf.placeholder(tf.float32, [None, 784])


def deco(function):
    {mark("decorator")}
    return function


@deco
def build(inputs, size=({mark("default_argument").replace("; ", ", ")})):
    {mark("function_body")}
    return tf.layers.dense(inputs, 256, name=f"dense_{{open({str(markers / 'fstring')!r}, 'w')}}")


class Net(object):
    {mark("class_body")}
    kernel_initializer = tf.truncated_normal_initializer(stddev=1.0)

    def __init_subclass__(cls):
        {mark("init_subclass")}

    def __call__(self, inputs):
        return build(inputs)


h = Net()(x)
h = helpers.wrap(h)
h = dense_block(h)
w = tf.Variable(tf.random_normal([784, 256]))
if __name__ == "__main__":
    {mark("main_guard")}
    while True:
        pass
""",
        "pkg/__init__.py": f"import tensorflow as tf\n{mark('package_init')}\n",
        "pkg/helpers.py": f"import tensorflow as tf\n{mark('helpers')}\n\n"
                          f"def wrap(h):\n    {mark('helper_call')}\n    return tf.layers.dense(h, 10)\n",
        "pkg/layers.py": f"import tensorflow as tf\nimport os\nos.fork()\n{mark('layers')}\n\n"
                         f"def dense_block(h):\n    return tf.keras.layers.Dense(10)(h)\n",
        "setup.py": f"{mark('setup')}\n",
        "conftest.py": f"{mark('conftest')}\n",
        "__main__.py": f"import tensorflow as tf\n{mark('dunder_main')}\n",
        "sitecustomize.py": f"{mark('sitecustomize')}\n",
        "usercustomize.py": f"{mark('usercustomize')}\n",
    }
    # modules named like the libraries initlint (and the code it reads) imports
    for shadow in ("tensorflow", "keras", "tf_slim", "numpy", "libcst", "click", "json", "pickle", "re",
                   "tomllib", "hashlib", "pathlib"):
        files[f"{shadow}.py"] = f"{mark('shadow_' + shadow)}\n"
    files["tensorflow/__init__.py"] = f"{mark('shadow_tensorflow_package')}\n"
    for name, text in files.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.lstrip("\n"), encoding="utf-8")


@pytest.fixture()
def hostile(tmp_path):
    project, markers = tmp_path / "project", tmp_path / "markers"
    project.mkdir()
    markers.mkdir()
    _hostile_tree(project, markers)
    return project, markers


def test_the_hostile_tree_is_really_hostile(hostile):
    """The markers do appear when the code is run, so their absence below means something."""
    project, markers = hostile
    done = subprocess.run([sys.executable, "-c", "import pkg.helpers"], cwd=project, capture_output=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert {"package_init", "helpers"} <= {path.name for path in markers.iterdir()}


@pytest.mark.parametrize("command", [
    ["--isolated", "--no-cache", "."],
    ["--isolated", "."],  # with the cache, twice below
    ["--jobs", "2", "--no-cache", "."],
    ["--isolated", "--no-cache", "--fix", "--unsafe-fixes", "--diff", "."],
    ["explain", "--format", "json", "--isolated", "--no-cache", "."],
])
def test_linting_a_hostile_tree_runs_none_of_it(hostile, command):
    project, markers = hostile
    for _ in range(2):
        done = _run(command, cwd=project)
        assert done.returncode in (0, 1), done.stderr[-3000:]
    assert sorted(path.name for path in markers.iterdir()) == []


def test_linting_from_another_directory_runs_none_of_it(hostile, tmp_path):
    project, markers = hostile
    done = _run(["--isolated", "--no-cache", str(project)], cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr[-3000:]
    assert "model.py" in done.stdout
    assert sorted(path.name for path in markers.iterdir()) == []


class _Payload:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_results_cache_planted_in_the_tree_runs_nothing(hostile):
    """A repository can ship `.initlint_cache/`: its entries are data, never code to unpickle."""
    project, markers = hostile
    first = _run(["--isolated", "model.py"], cwd=project)
    assert first.returncode in (0, 1), first.stderr[-3000:]
    entries = [path for path in (project / ".initlint_cache").rglob("*")
               if path.is_file() and path.name not in (".gitignore", "CACHEDIR.TAG")]
    assert entries, "the run should have written a cache entry to replace"
    for entry in entries:
        entry.write_bytes(pickle.dumps(_Payload(markers / "planted_cache")))
    second = _run(["--isolated", "model.py"], cwd=project)
    assert second.returncode in (0, 1), second.stderr[-3000:]
    assert sorted(path.name for path in markers.iterdir()) == []
    assert second.stdout == first.stdout  # the planted entry is a miss, the file is analysed again


# --------------------------------------------------------------------------- initlint's own source

# builtins that compile, evaluate or import code
_FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile", "input", "breakpoint"}
# modules whose use runs code or starts processes
_FORBIDDEN_MODULES = {"importlib", "runpy", "subprocess", "multiprocessing.popen_spawn_posix", "code", "codeop",
                      "imp", "pkgutil", "zipimport", "ctypes", "pty", "shelve", "marshal", "dill", "cloudpickle"}
_FORBIDDEN_ATTRIBUTES = {("os", "system"), ("os", "popen"), ("os", "execv"), ("os", "execve"), ("os", "execvp"),
                         ("os", "spawnv"), ("os", "startfile"), ("os", "fork"), ("pickle", "load"),
                         ("pickle", "loads"), ("importlib", "import_module"), ("sys", "setprofile"),
                         ("sys", "settrace")}


def _violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[str] = []
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _FORBIDDEN_CALLS:
            found.append(f"{where}:{node.lineno}: {node.func.id}()")
        elif isinstance(node, ast.Import):
            found.extend(f"{where}:{node.lineno}: import {alias.name}" for alias in node.names
                         if alias.name.split(".")[0] in _FORBIDDEN_MODULES or alias.name in _FORBIDDEN_MODULES)
        elif isinstance(node, ast.ImportFrom) and node.module and (
                node.module.split(".")[0] in _FORBIDDEN_MODULES or node.module in _FORBIDDEN_MODULES):
            found.append(f"{where}:{node.lineno}: from {node.module} import ...")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and \
                (node.value.id, node.attr) in _FORBIDDEN_ATTRIBUTES:
            found.append(f"{where}:{node.lineno}: {node.value.id}.{node.attr}")
    text = path.read_text(encoding="utf-8")
    for word in ("importlib", "__import__", "literal_eval"):
        for number, line in enumerate(text.splitlines(), 1):
            if word in line and not line.lstrip().startswith("#"):
                found.append(f"{where}:{number}: {word}")
    return found


def test_initlint_source_never_runs_or_imports_what_it_reads():
    sources = sorted(PACKAGE.rglob("*.py"))
    assert len(sources) > 20
    violations = [violation for path in sources for violation in _violations(path)]
    assert violations == []


def test_the_source_check_catches_what_it_should(tmp_path):
    """The checker itself: each forbidden spelling is found."""
    sample = tmp_path / "sample.py"
    sample.write_text("import importlib\nimport subprocess\nfrom runpy import run_path\nimport os, pickle\n"
                      "eval('1')\nexec('x = 1')\ncompile('1', 'f', 'eval')\n__import__('os')\nos.system('true')\n"
                      "pickle.loads(b'')\n", encoding="utf-8")
    found = _violations(sample)
    for expected in ("import importlib", "import subprocess", "from runpy", "eval()", "exec()", "compile()",
                     "__import__()", "os.system", "pickle.loads"):
        assert any(expected in violation for violation in found), (expected, found)
