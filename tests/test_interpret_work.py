"""How much work a run does: what the analysis and the run can skip without changing an answer."""
from __future__ import annotations

from pathlib import Path

from initlint.analysis import interpret
from initlint.engine import analyze_source
from initlint.settings import Settings

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "resolution" / "training_loops.py"


def test_an_idle_training_loop_is_not_run_to_its_end(monkeypatch) -> None:  # noqa: ANN001
    calls: list[str] = []
    real = interpret.Interpreter.call_function

    def counting(self, func, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        calls.append(func.name)
        return real(self, func, *args, **kwargs)

    monkeypatch.setattr(interpret.Interpreter, "call_function", counting)
    result = analyze_source(FIXTURE.read_text(), "training_loops.py", Settings(dialect="tf1"))
    # two iterations (the second changed nothing), then one with `step` unknown: not sixty
    assert calls.count("train_step") == 3
    probe = [(w.role, w.shape) for w in result.weights if w.shape in ((10, 5), (5,))]
    assert probe == [("kernel", (10, 5)), ("bias", (5,))]  # built only when step == 58: still seen


def test_a_run_collects_its_oldest_generation_less_often_and_restores_the_collector(monkeypatch,  # noqa: ANN001
                                                                                     tmp_path) -> None:  # noqa: ANN001
    import gc

    from initlint import engine

    seen: list[int] = []
    real = engine._analyze_pending

    def recording(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        seen.append(gc.get_threshold()[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "_analyze_pending", recording)
    source = tmp_path / "m.py"
    source.write_text("import tensorflow as tf\nh = tf.layers.dense(tf.placeholder(tf.float32, [None, 8]), 4)\n")
    before = gc.get_threshold()
    results = engine.run([(source, "m.py")], Settings(jobs=1, cache=False))
    assert [len(result.weights) for result in results] == [2]
    assert seen == [1000]  # the parse cache's trees are walked by every full collection
    assert gc.get_threshold() == before


_CYCLIC_SOURCE = '''
import tensorflow as tf

ACTIVATIONS = {"relu": tf.nn.relu}


class Block(object):
    def __init__(self, width):
        self.width = width
        self.act = lambda x: ACTIVATIONS["relu"](x)

    def __call__(self, x):
        def project(y, units):
            return tf.layers.dense(y, units, activation=self.act)
        return project(x, self.width)


def model(x):
    blocks = [Block(w) for w in [64, 32] for _ in range(2)]
    for block in blocks:
        x = block(x)
    return x


model(tf.placeholder(tf.float32, [None, 128]))
'''


def test_a_finished_analysis_leaves_no_reference_cycles_behind() -> None:
    """Interpreter.release: an analysis' envs, functions, classes, layers and the trees they point
    into are freed by reference counting, so a run needs (almost) no full collections."""
    import gc

    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        result = analyze_source(_CYCLIC_SOURCE, "cyclic.py", Settings(dialect="tf1"))
        gc.collect()
        left = [type(o).__module__ + "." + type(o).__qualname__ for o in gc.garbage
                if type(o).__module__.startswith(("initlint", "libcst"))]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert [w.shape for w in result.weights if w.role == "kernel"] == [(128, 64), (64, 64), (64, 32), (32, 32)]
    assert left == []
