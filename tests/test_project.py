"""Whole-project resolution across files: imports of project modules, caller contexts, the cache."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from initlint.engine import analyze_path
from initlint.settings import Settings

PROJECTS = Path(__file__).resolve().parent.parent / "fixtures" / "projects"


def test_callee_module_reports_every_context_that_reaches_it() -> None:
    path = PROJECTS / "slim_resnet" / "nets" / "resnet_v1.py"
    result = analyze_path(path, Settings(), str(path))
    kernels = [w for w in result.weights if w.role == "kernel"]
    assert len(kernels) == 6
    for weight in kernels:
        assert weight.initializer.name == "glorot_uniform" and not weight.certain
        contexts = weight.facts["contexts"]
        assert [(Path(c["path"]).name, c["line"], c["initializer"], c["source"]) for c in contexts] == [
            ("train.py", 12, "variance_scaling", "arg_scope")]
        assert "glorot_uniform when called bare; variance_scaling via arg scope from" in weight.initializer.reason
    assert str((PROJECTS / "slim_resnet" / "train.py").resolve()) in result.dependencies


def test_caller_resolves_through_the_other_modules() -> None:
    path = PROJECTS / "slim_resnet" / "train.py"
    result = analyze_path(path, Settings(), str(path))
    kernels = [w for w in result.weights if w.role == "kernel"]
    assert {w.initializer.source for w in kernels} == {"arg_scope"}
    assert all(w.certain for w in kernels)
    assert {Path(w.path).name for w in kernels} == {"resnet_v1.py"}
    assert {w.anchor.line for w in kernels} == {12}
    assert [Path(site.path).name for site in kernels[0].call_stack][:1] == ["train.py"]


def test_a_driver_reports_a_model_module_at_its_call_of_it_not_at_main(tmp_path: Path) -> None:
    (tmp_path / "model.py").write_text(
        "import tensorflow as tf\n\n\ndef build(x):\n"
        "    h = tf.layers.dense(x, 1024, activation=tf.nn.relu,\n"
        "                        kernel_initializer=tf.random_normal_initializer(stddev=1.0))\n"
        "    return tf.layers.dense(h, 10)\n")
    driver = tmp_path / "main.py"
    driver.write_text(
        "import tensorflow as tf\nfrom model import build\n\n\ndef main():\n"
        "    x = tf.placeholder(tf.float32, [None, 784])\n    return build(x)\n\n\n"
        "if __name__ == '__main__':\n    main()\n")
    result = analyze_path(driver, Settings(), str(driver))
    assert [(d.code, d.span.line) for d in result.diagnostics] == [("INI101", 7)]  # not 11, `main()`
    # the message names the layer itself, in the other file (a `# noqa` at line 7 would silence more)
    assert result.diagnostics[0].message.endswith(f"[the layer: {tmp_path / 'model.py'}:5]")
    assert {(w.anchor.line, w.span.line) for w in result.weights} == {(7, 5), (7, 7)}


def test_a_context_is_the_same_weight_only_through_the_same_calls_in_its_module(tmp_path: Path) -> None:
    # srez: two calls of one helper create at one line; a caller's context of one of them made the
    # other uncertain, and a true INI101 dropped to info (field trial P)
    (tmp_path / "model.py").write_text(
        "import tensorflow as tf\n\n\ndef conv(x, n_in, n_out, stddev, name):\n"
        "    w = tf.get_variable(name, initializer=tf.truncated_normal([1, 1, n_in, n_out], stddev=stddev))\n"
        "    return tf.nn.conv2d(x, w, strides=[1, 1, 1, 1], padding='SAME')\n\n\n"
        "def build(x):\n    h = tf.nn.relu(conv(x, 3, 64, 0.2, 'a'))\n    return conv(h, 64, 1, 4.0, 'c')\n")
    (tmp_path / "main.py").write_text(
        "import tensorflow as tf\nimport model\n\nlogits = model.build(tf.placeholder(tf.float32, [8, 32, 32, 3]))\n")
    path = tmp_path / "model.py"
    result = analyze_path(path, Settings(), str(path))
    assert all(w.certain for w in result.weights)
    assert sorted(c["params"]["stddev"] for w in result.weights for c in w.facts["contexts"]) == [0.2, 4.0]
    assert [(d.code, d.severity) for d in result.diagnostics] == [("INI101", "warning")]  # not info


def test_contexts_are_not_followed_without_callers(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(PROJECTS / "slim_resnet", project)
    (project / "train.py").unlink()
    path = project / "nets" / "resnet_v1.py"
    result = analyze_path(path, Settings(), str(path))
    assert all("contexts" not in w.facts for w in result.weights)
    assert result.dependencies == ()


def test_base_class_initializer_reaches_subclass_layers() -> None:
    path = PROJECTS / "base_class_scope" / "model.py"
    result = analyze_path(path, Settings(), str(path))
    kernels = [w for w in result.weights if w.role == "kernel"]
    assert [(w.initializer.name, w.initializer.params.get("gain"), w.initializer.source) for w in kernels] == [
        ("orthogonal", 1.5, "variable_scope")] * 3


def _fresh_parse_cache(monkeypatch, total: int, protected: int) -> None:  # noqa: ANN001
    from collections import OrderedDict

    from initlint.analysis import project

    monkeypatch.setattr(project, "MAX_PARSED_TEXT", total)
    monkeypatch.setattr(project, "MAX_PROTECTED_TEXT", protected)
    monkeypatch.setattr(project, "_PROBATION", OrderedDict())
    monkeypatch.setattr(project, "_PROTECTED", OrderedDict())
    monkeypatch.setattr(project, "_text_size", {"probation": 0, "protected": 0})


def _text(index: int) -> str:
    return f"value_{index:04d} = \"{index:04d}\"\n" + "# padding\n" * 8  # all of one length


def test_a_module_asked_for_twice_outlives_a_stream_of_files_parsed_once(monkeypatch) -> None:  # noqa: ANN001
    from initlint.analysis import project

    _fresh_parse_cache(monkeypatch, total=10 * len(_text(0)), protected=4 * len(_text(0)))
    imported = _text(9999)
    first, _ = project.parse_text(imported)
    assert project.parse_text(imported)[0] is first  # the second question protects it
    for index in range(50):  # a package's files, each linted once: five times what the cache holds
        project.parse_text(_text(index))
    assert project.parse_text(imported)[0] is first  # not parsed again
    assert project.parse_text(_text(0))[0] is not None
    held = sum(entry[2] for segment in (project._PROBATION, project._PROTECTED) for entry in segment.values())
    assert held <= project.MAX_PARSED_TEXT
    assert project._text_size["probation"] + project._text_size["protected"] == held


def test_protected_modules_give_way_to_newer_ones(monkeypatch) -> None:  # noqa: ANN001
    from initlint.analysis import project

    _fresh_parse_cache(monkeypatch, total=10 * len(_text(0)), protected=3 * len(_text(0)))
    modules = [_text(1000 + index) for index in range(5)]
    trees = []
    for text in modules:  # each imported twice: all five are asked to be protected, three fit
        trees.append(project.parse_text(text)[0])
        project.parse_text(text)
    assert len(project._PROTECTED) == 3
    assert project.parse_text(modules[-1])[0] is trees[-1]
    # the demoted ones went back to probation, most recent first out of the protected segment
    for index in range(10):
        project.parse_text(_text(index))
    assert project.parse_text(modules[0])[0] is not trees[0]  # evicted with probation, parsed anew


def test_a_text_is_scanned_for_obstacles_once_even_after_its_tree_is_let_go(monkeypatch) -> None:  # noqa: ANN001
    from initlint.analysis import guard, project
    from initlint.engine import analyze_source

    _fresh_parse_cache(monkeypatch, total=1, protected=1)  # every tree is let go at once
    monkeypatch.setattr(project, "_SCANNED_CLEAN", set())
    scanned: list[str] = []
    real_scan = guard.parse_obstacle
    monkeypatch.setattr(guard, "parse_obstacle", lambda source: scanned.append(source) or real_scan(source))
    clean = "import tensorflow as tf\nw = tf.Variable(tf.random_normal([784, 256]))\n"
    deep = clean + "y = x" + " + x" * 2_000 + "\n"
    for _ in range(3):
        assert [d.code for d in analyze_source(clean, "clean.py", Settings()).diagnostics] == ["INI301"]
        assert [d.code for d in analyze_source(deep, "deep.py", Settings()).diagnostics] == ["INI901"]
    assert project.parse_safely(clean) is not None
    # the clean text once; the deep one each time, since a text that fails is never remembered as clean
    assert scanned == [clean, deep, deep, deep]


def test_the_fixer_reads_the_tree_the_analysis_parsed(monkeypatch) -> None:  # noqa: ANN001
    import libcst

    from initlint.engine import analyze_source
    from initlint.fix import attach_fixes

    _fresh_parse_cache(monkeypatch, total=2_000_000, protected=1_500_000)
    source = "import tensorflow as tf\nh = tf.layers.dense(x, 10, kernel_initializer=tf.glorot_uniform_initializer)\n"
    parses: list[str] = []
    real = libcst.parse_module

    def counting(text: str, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        parses.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(libcst, "parse_module", counting)
    result = analyze_source(source, "<string>")
    assert [d.code for d in result.diagnostics] == ["INI304"]
    fixed = attach_fixes(result)
    assert fixed.diagnostics[0].fix is not None
    assert parses.count(source) == 1  # planning the fix did not parse the file again



def test_valid_code_that_libcst_validation_crashes_on_is_analysed() -> None:
    # LibCST issue #1061: validating the conditional expression raises TypeError on valid Python
    source = ("import tensorflow as tf\nx = () if 0 else(lambda:())\n"
              "y = tf.layers.dense(tf.zeros([4, 8]), 16)\n")
    from initlint.engine import analyze_source

    result = analyze_source(source, "odd.py")
    assert [d.code for d in result.diagnostics] == []
    assert [(w.role, w.fan_in, w.fan_out, w.initializer.name) for w in result.weights] == [
        ("kernel", 8, 16, "glorot_uniform"), ("bias", 16, 16, "zeros")]


def test_a_parse_skips_node_validation_and_restores_it(monkeypatch) -> None:  # noqa: ANN001
    import libcst as cst
    import pytest

    from initlint.analysis import project

    def refuse(node: cst.Name) -> None:
        raise cst.CSTValidationError("validated")

    monkeypatch.setattr(cst.Name, "_validate", refuse)
    module, _ = project.parse_text("import tensorflow as tf\nw = tf.Variable(tf.zeros([3]))\n")
    assert module.code.startswith("import tensorflow")  # parsed, and no Name was validated
    with pytest.raises(cst.CSTValidationError, match="validated"):
        cst.Name("w")  # nodes built after the parse are


_LONG_TEXTS = {
    "comments between and after blocks": (
        "# licence\n\n\"\"\"Doc.\"\"\"\nimport tensorflow as tf\n\n\n# about f\ndef f(x):\n    return x\n"
        "    # indented, ends f's block\n\n# about C\n\nclass C:\n    def g(self):\n        pass\n# last\n"),
    "decorators, async, a def inside a string at column 0": (
        "import tensorflow as tf\nDOC = '''\ndef not_code():\n'''\n@property\n@staticmethod\ndef h():\n"
        "    pass\nasync def k():\n    await f()\n@dec(\n    1)\ndef m():\n    pass\n"),
    "indentation first seen after the first piece": (
        "import tensorflow as tf\nA = 1\nB = 2\nC = 3\ndef f(x):\n  if x:\n    return 1\n  return 2\n"
        "def g():\n  pass\n"),
    "windows line endings, no newline at the end": (
        "# -*- coding: utf-8 -*-\r\nimport tensorflow as tf\r\ndef f():\r\n    pass\r\n\r\n"
        "def g():\r\n    return 1"),
}


@pytest.mark.parametrize("name", sorted(_LONG_TEXTS))
def test_a_long_text_parsed_in_pieces_is_the_tree_a_whole_parse_gives(name: str, monkeypatch) -> None:  # noqa: ANN001
    import libcst as cst

    from initlint.analysis import project

    source = _LONG_TEXTS[name]
    monkeypatch.setattr(project, "PIECE_CHARS", 24)
    assert len(project._pieces(source)) > 1  # the test is about pieces
    whole = cst.parse_module(source)
    joined = project._parse_unvalidated(cst, source)
    assert joined.deep_equals(whole)
    assert (joined.code, joined.default_indent, joined.default_newline, joined.encoding,
            joined.has_trailing_newline) == (source, whole.default_indent, whole.default_newline,
                                             whole.encoding, whole.has_trailing_newline)


def test_a_long_text_that_is_not_python_fails_where_a_whole_parse_does(monkeypatch) -> None:  # noqa: ANN001
    import libcst as cst

    from initlint.analysis import project

    source = "import tensorflow as tf\ndef f():\n    pass\ndef g(:\n    pass\ndef h():\n    pass\n"
    monkeypatch.setattr(project, "PIECE_CHARS", 20)
    assert len(project._pieces(source)) > 2
    with pytest.raises(cst.ParserSyntaxError) as whole:
        cst.parse_module(source)
    with pytest.raises(cst.ParserSyntaxError) as pieces:
        project._parse_unvalidated(cst, source)
    assert (pieces.value.raw_line, pieces.value.raw_column, str(pieces.value)) == (
        whole.value.raw_line, whole.value.raw_column, str(whole.value))


def test_a_path_relative_to_the_working_directory_finds_packages_above_it(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """tensornets' tests/ scripts import the package next to tests/: `cd tests && initlint check
    driver.py` skipped the file (Path("driver.py").parent is ".", which has no parent to walk)."""
    from dataclasses import replace

    from initlint.discovery import discover
    from initlint.engine import run

    (tmp_path / "mypkg").mkdir()
    (tmp_path / "mypkg" / "__init__.py").write_text("")
    (tmp_path / "mypkg" / "net.py").write_text(
        "import tensorflow as tf\n\n\ndef build(x):\n"
        "    w = tf.get_variable('w', [784, 256], initializer=tf.random_normal_initializer(stddev=1.0))\n"
        "    return tf.nn.relu(tf.matmul(x, w))\n")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "driver.py").write_text(
        "import mypkg.net as net\n\nx = net.build(None)\n")  # no TensorFlow word of its own: the prefilter follows
    monkeypatch.chdir(tmp_path / "tests")
    settings = replace(Settings(), jobs=1, cache=False)
    [result] = run(discover(["driver.py"], settings), settings)
    assert not result.skipped
    assert [(w.path, w.span.line, w.shape) for w in result.weights] == [("../mypkg/net.py", 5, (784, 256))]


def test_a_deprecated_default_in_a_helper_module_is_that_modules_finding_only(tmp_path: Path) -> None:
    # simulated-unsupervised's layers.py: `weights_initializer=xavier_initializer()` as conv2d's
    # default was also reported in model.py, at layers.py's line and column (past model.py's text)
    (tmp_path / "layers.py").write_text(
        "import tensorflow as tf\nimport tensorflow.contrib.slim as slim\n\n\n"
        "def conv2d(inputs, num_outputs, weights_initializer=tf.contrib.layers.xavier_initializer()):\n"
        "    return slim.conv2d(inputs, num_outputs, 3, weights_initializer=weights_initializer)\n")
    (tmp_path / "model.py").write_text(
        "import tensorflow as tf\nfrom layers import conv2d\n\nh = conv2d(tf.placeholder(tf.float32, [None, 8, 8, 3]), 64)\n")
    model = analyze_path(tmp_path / "model.py", Settings(), "model.py")
    layers = analyze_path(tmp_path / "layers.py", Settings(), "layers.py")
    assert [d.code for d in model.diagnostics] == []
    assert [(d.code, d.span.line, d.span.column) for d in layers.diagnostics] == [("INI305", 5, 53)]


def test_a_module_found_through_a_sys_path_insert_is_the_projects(tmp_path: Path) -> None:
    # fast-style-transfer: `sys.path.insert(0, 'src'); import transform` was a third-party import,
    # so the INI101 its layers earn from this driver was missed
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "net.py").write_text(
        "import tensorflow as tf\n\n\ndef mlp(h):\n    for i in range(4):\n"
        "        w = tf.Variable(tf.random_normal([int(h.get_shape()[1]), 512], stddev=0.1))\n"
        "        h = tf.nn.relu(tf.matmul(h, w))\n    return h\n")
    (tmp_path / "main.py").write_text(
        "import sys\nsys.path.insert(0, 'src')\nimport tensorflow as tf\nimport net\n\n"
        "out = net.mlp(tf.placeholder(tf.float32, [None, 784]))\n")
    result = analyze_path(tmp_path / "main.py", Settings())
    assert [(d.code, d.span.line) for d in result.diagnostics] == [("INI101", 6)]
    assert str(tmp_path / "src" / "net.py") in result.dependencies
    from initlint.analysis.project import sys_path_entries
    assert sys_path_entries("sys.path.append(\"lib\")\nsys.path.insert(0, r'src')\nsys.path.insert(0, '/abs')\n") == (
        "lib", "src")
    # joined to a directory name (pointnet's BASE_DIR, ROOT_DIR); a computed part is no entry
    assert sys_path_entries("sys.path.append(os.path.join(BASE_DIR, '../utils'))\n"
                            "sys.path.append(os.path.join(ROOT_DIR, 'tf_ops', \"sampling\"))\n"
                            "sys.path.append(os.path.join(BASE_DIR, name))\nsys.path.append('a' + b)\n") == (
        "../utils", "tf_ops/sampling")


def test_a_sequential_an_imported_module_makes_at_its_top_level_is_not_this_files(tmp_path: Path) -> None:
    # a Sequential without an input shape, built at the end of an analysis, was built in the importing
    # file's analysis too, and listed there
    (tmp_path / "shared.py").write_text(
        "from tensorflow import keras\nhead = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(64)])\n"
        "SIZE = 10\n")
    (tmp_path / "main.py").write_text(
        "import tensorflow as tf\nimport shared\nx = tf.placeholder(tf.float32, [None, 784])\n"
        "y = tf.layers.dense(x, shared.SIZE)\n")
    result = analyze_path(tmp_path / "main.py", Settings())
    assert [(w.path, w.shape) for w in result.weights if w.role == "kernel"] == [(str(tmp_path / "main.py"), (784, 10))]


def test_a_chain_that_comes_back_into_the_file_is_reported_at_the_layer(tmp_path: Path) -> None:
    # audio-super-res: a subclass's create_model(), called by the base class's __init__ in another
    # module, was reported at `Model.__init__(self)`, where a `# noqa` silenced the whole model
    (tmp_path / "base.py").write_text(
        "import tensorflow as tf\n\n\nclass Model(object):\n    def __init__(self):\n"
        "        self.x = tf.compat.v1.placeholder(tf.float32, shape=(None, 64, 1))\n"
        "        self.out = self.create_model()\n")
    net = tmp_path / "net.py"
    net.write_text(
        "from keras.layers import Conv1D\nfrom keras.initializers import Orthogonal\nfrom base import Model\n\n\n"
        "class Net(Model):\n    def __init__(self):\n        Model.__init__(self)\n\n"
        "    def create_model(self):\n"
        "        x = Conv1D(32, 9, padding='same', kernel_initializer=Orthogonal())(self.x)\n"
        "        x = Conv1D(32, 9, padding='same', kernel_initializer=Orthogonal)(x)\n"
        "        return x\n")
    result = analyze_path(net, Settings(), str(net))
    assert [(d.code, d.span.line) for d in result.diagnostics] == [("INI304", 12)]  # not 8
    silenced = net.read_text().replace("Orthogonal)(x)", "Orthogonal)(x)  # noqa: INI304")
    net.write_text(silenced)
    assert analyze_path(net, Settings(), str(net)).diagnostics == ()


def test_a_driver_that_settles_a_doubt_reports_the_finding_certain(tmp_path: Path) -> None:
    # yolo_tensorflow: the model module alone may be under a caller's arg_scope that adds a
    # normalizer, so its INI102 is an info; train.py builds it with no arg_scope, and repeated
    # nothing because the answer compared left certainty out: CI never failed on a certain finding
    (tmp_path / "net.py").write_text(
        "import tensorflow as tf\nslim = tf.contrib.slim\n\n\nclass Net(object):\n    def __init__(self):\n"
        "        self.logits = self.build(tf.placeholder(tf.float32, [None, 64, 64, 3]))\n\n"
        "    def build(self, x):\n"
        "        with slim.arg_scope([slim.conv2d], weights_initializer=tf.truncated_normal_initializer(0.0, 0.01)):\n"
        "            for _ in range(6):\n                x = slim.conv2d(x, 256, 3)\n        return x\n")
    (tmp_path / "train.py").write_text("import tensorflow as tf\nfrom net import Net\n\nnet = Net()\n")
    alone = analyze_path(tmp_path / "net.py", Settings())
    assert [(d.code, d.severity, d.certain) for d in alone.diagnostics] == [("INI102", "info", False)]
    driver = analyze_path(tmp_path / "train.py", Settings())
    assert [(d.code, d.severity, d.certain, d.span.line) for d in driver.diagnostics] == [("INI102", "warning", True, 4)]
    assert "the most is lost 2 layer(s) earlier, by a layer shown on this same line" in driver.diagnostics[0].message


def test_methods_inherited_from_an_unparseable_module_are_named_as_unread(tmp_path: Path) -> None:
    # Faster-RCNN_TF's VGGnet derives its layer methods from a Python 2 `Network`: explain printed
    # nothing, `unread` was empty and the check passed, as if the file made no weights
    (tmp_path / "network.py").write_text("import tensorflow as tf\n\n\nclass Network(object):\n"
                                         "    def conv(self, x, c, name):\n        print 'conv', name\n"
                                         "        return tf.get_variable(name, [3, 3, 3, c])\n")
    (tmp_path / "vgg.py").write_text("import tensorflow as tf\nfrom network import Network\n\n\nclass VGG(Network):\n"
                                     "    def __init__(self):\n        self.data = tf.placeholder(tf.float32, [None, 64, 64, 3])\n"
                                     "        self.conv(self.data, 64, 'conv1_1')\n\n\nnet = VGG()\n")
    result = analyze_path(tmp_path / "vgg.py", Settings())
    assert result.weights == ()
    assert [(line, call) for line, call, _ in result.unread] == [(8, "self.conv")]


def test_an_unparseable_module_that_makes_no_weight_is_not_named_as_unread(tmp_path: Path) -> None:
    # StackGAN's demo calls a Python 2 Theano helper: the note said its weights were not listed and
    # that linting it would report why (INI901), but the prefilter skips it and it makes no weight
    (tmp_path / "helper.py").write_text("import numpy\n\n\ndef load_model():\n    print 'loading'\n    return {}\n")
    (tmp_path / "demo.py").write_text("import tensorflow as tf\nimport helper\n\nmodel = helper.load_model()\n"
                                      "x = tf.placeholder(tf.float32, [None, 4])\ny = tf.layers.dense(x, 2)\n")
    result = analyze_path(tmp_path / "demo.py", Settings())
    assert result.unread == () and [w.span.line for w in result.weights] == [6, 6]
    (tmp_path / "helper.py").write_text("import tensorflow as tf\n\n\ndef load_model():\n    print 'loading'\n"
                                        "    return tf.get_variable('w', [4, 4])\n")
    result = analyze_path(tmp_path / "demo.py", Settings())
    assert [(line, call) for line, call, _ in result.unread] == [(4, "helper.load_model")]


def test_methods_and_classes_get_their_callers_contexts(tmp_path: Path) -> None:
    # YOLOv3_TensorFlow: seven scripts call `yolo_model.forward(...)`; a method had no caller's context
    # (only module-level functions had), so the model's weights said only "its callers may set the scope"
    (tmp_path / "netmod.py").write_text(
        "import tensorflow as tf\nslim = tf.contrib.slim\n\n\nclass Net(object):\n    def __init__(self, width):\n"
        "        self.width = width\n        self.head = tf.get_variable('head', [width, 10])\n\n"
        "    def forward(self, x):\n        return slim.conv2d(x, 16, 3)\n\n    def _private(self, x):\n"
        "        return slim.conv2d(x, 8, 3)\n")
    (tmp_path / "driver.py").write_text(
        "import tensorflow as tf\nfrom netmod import Net\nslim = tf.contrib.slim\n\n"
        "net = Net(64)\nwith slim.arg_scope([slim.conv2d], weights_initializer=tf.truncated_normal_initializer(stddev=0.01)):\n"
        "    y = net.forward(tf.placeholder(tf.float32, [1, 32, 32, 3]))\n")
    result = analyze_path(tmp_path / "netmod.py", Settings())
    contexts = {(w.span.line, w.role): [(Path(c["path"]).name, c["line"], c["initializer"]) for c in
                                        w.facts.get("contexts", [])] for w in result.weights}
    assert contexts[(11, "kernel")] == [("driver.py", 7, "truncated_normal")]
    assert contexts[(8, "variable")] == [("driver.py", 5, "glorot_uniform")]
    assert contexts[(14, "kernel")] == []  # a private method is not called from other files


def test_a_drivers_weights_are_listed_in_the_order_the_network_makes_them(tmp_path: Path) -> None:
    # YOLOv3_TensorFlow's drivers listed darknet's loops by their helper's lines (iteration 0 of every
    # loop first), and `conv(body(x))`'s head before the body it reads
    (tmp_path / "layers.py").write_text(
        "import tensorflow as tf\nslim = tf.contrib.slim\n\n\ndef body(net):\n    for i in range(2):\n"
        "        net = slim.conv2d(net, 16, 3) + net\n    net = slim.conv2d(net, 32, 3, stride=2)\n"
        "    for i in range(2):\n        net = slim.conv2d(net, 32, 3) + net\n    return net\n")
    (tmp_path / "driver.py").write_text(
        "import tensorflow as tf\nfrom layers import body\nslim = tf.contrib.slim\n\n"
        "x = tf.placeholder(tf.float32, [1, 32, 32, 16])\ny = slim.conv2d(body(x), 8, 1)\n")
    result = analyze_path(tmp_path / "driver.py", Settings())
    kernels = [(Path(w.path).name, w.span.line, w.iteration) for w in result.weights if w.role == "kernel"]
    assert kernels == [("layers.py", 7, 0), ("layers.py", 7, 1), ("layers.py", 8, None), ("layers.py", 10, 0),
                       ("layers.py", 10, 1), ("driver.py", 6, None)]


def test_callers_context_with_the_same_initializer_names_the_parameter_that_differs(tmp_path: Path) -> None:
    # tapas' BERT: "truncated_normal when called bare; truncated_normal via explicit from ...": the
    # stddev a caller gives (config.initializer_range) is what differs, and it was not shown
    (tmp_path / "modeling.py").write_text(
        "import tensorflow as tf\n\n\ndef dense(x, config):\n"
        "    return tf.layers.dense(x, 8, kernel_initializer=tf.truncated_normal_initializer(stddev=config.initializer_range))\n")
    (tmp_path / "modeling_test.py").write_text(
        "import tensorflow as tf\nimport modeling\n\n\nclass Config:\n    initializer_range = 0.02\n\n\n"
        "def test_dense():\n    modeling.dense(tf.placeholder(tf.float32, [None, 4]), Config())\n")
    path = tmp_path / "modeling.py"
    [kernel] = [w for w in analyze_path(path, Settings(), str(path)).weights if w.role == "kernel"]
    assert kernel.initializer.reason.startswith(
        "truncated_normal(mean=0, stddev=?) when called bare; truncated_normal(mean=0, stddev=0.02) via explicit from ")


def test_a_scope_initializer_is_shown_at_the_scope_file_line(tmp_path: Path) -> None:
    # text-to-image: `[variable_scope@model.py:3990]` for a scope at tensorlayer's layers.py:3990, the
    # initializer written in model.py (its file was shown with the scope's line)
    (tmp_path / "rnnlib.py").write_text(
        "import tensorflow as tf\n\n\ndef rnn_layer(x, initializer):\n    cell = tf.nn.rnn_cell.BasicLSTMCell(128)\n"
        "    with tf.variable_scope('rnn', initializer=initializer):\n"
        "        out, _ = tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)\n    return out\n")
    (tmp_path / "model.py").write_text(
        "import tensorflow as tf\nfrom rnnlib import rnn_layer\n\n\n"
        "def rnn_embed(x):\n    return rnn_layer(x, tf.random_normal_initializer(stddev=0.02))\n")
    path = tmp_path / "model.py"
    [kernel] = [w for w in analyze_path(path, Settings(), str(path)).weights if w.role == "kernel"]
    assert (kernel.initializer.source, kernel.initializer.source_line) == ("variable_scope", 6)
    assert Path(kernel.facts["init_path"]).name == "rnnlib.py"


def test_callers_are_found_by_scanning_until_enough_questions_build_the_word_index(tmp_path: Path) -> None:
    # a one-file run (pre-commit) scans the texts; a run that asks more builds the index once:
    # both answer alike, words whole (`model` is not in `models`)
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "model.py").write_text("def build(x):\n    return x\n")
    (tmp_path / "train.py").write_text("import model\nmodel.build(1)\n")
    (tmp_path / "eval.py").write_text("import models\nmodels.rebuild(1)\n")
    (tmp_path / "serve.py").write_text("from model import build as make\nmake(2)\n")
    from initlint.analysis.project import SCANS_BEFORE_INDEX, _project_index

    index = _project_index(tmp_path)
    names = [path.name for path, _, _ in index.files]
    scanned = [[names[n] for n in index.with_words("model", {"build"})] for _ in range(SCANS_BEFORE_INDEX)]
    assert index.words is None
    assert scanned[0] == ["serve.py", "train.py"]
    assert index.with_words("model", {"build"}) == [names.index(n) for n in scanned[0]]
    assert index.words is not None and "models" in index.words
    assert index.with_words("model", {"rebuild"}) == []
    assert index.with_words("my-model", {"build"}) == []  # not a word: no file names it as one
