"""How much work a run does: what the analysis and the run can skip without changing an answer."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from initlint.analysis import interpret
from initlint.analysis.values import TensorV
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


EPOCHS = FIXTURE.parent / "eager_epoch_loop.py"


def test_loops_whose_turns_only_make_new_tensors_are_not_run_to_the_end(monkeypatch) -> None:  # noqa: ANN001
    turns: Counter[int] = Counter()
    real = interpret.Interpreter._turn

    def counting(self, body, env, context):  # noqa: ANN001, ANN202
        turns[self.line(body)] += 1  # a body's first line
        return real(self, body, env, context)

    monkeypatch.setattr(interpret.Interpreter, "_turn", counting)
    source = EPOCHS.read_text()
    result = analyze_source(source, "eager_epoch_loop.py", Settings(dialect="tf2"))
    lines = source.splitlines()
    epoch_body = lines.index("    for x in dataset:") + 1
    recurrence_body = lines.index("    state = tf.tanh(cell(state))") + 1
    # two epochs, the second making only tensors that stand where the first's did, then one with
    # `epoch` unknown: not fifty
    assert turns[epoch_body] == 3
    assert turns[recurrence_body] == 12  # each turn carries the state one layer on: every turn runs
    # `while True:` whose second turn changed nothing (but new tensors): not max-unroll's 64 turns
    assert turns[lines.index("        scores = model(tf.random.normal((16, 784)))") + 1] == 2
    assert sorted(w.shape for w in result.weights if w.role == "kernel") == [(20, 784), (784, 20), (784, 784)]


def test_new_chains_stand_for_the_last_turns_only_one_to_one() -> None:
    from initlint.analysis.interpret import _ChainRenaming, _same_names

    def tensor(chain: int, width: int = 4) -> TensorV:
        return TensorV((None, width), chain=chain)

    shared = tensor(15)  # the earlier turn started chains 11-20, the later one 21 and up
    assert _same_names({"a": shared, "b": shared}, {"a": tensor(25), "b": tensor(25)}, _ChainRenaming(10, 20))
    assert _same_names({"a": tensor(15), "b": tensor(16)}, {"a": tensor(25), "b": tensor(26)}, _ChainRenaming(10, 20))
    # one chain become two, two become one: the turns did not do the same
    assert not _same_names({"a": shared, "b": shared}, {"a": tensor(25), "b": tensor(26)}, _ChainRenaming(10, 20))
    assert not _same_names({"a": tensor(15), "b": tensor(16)}, {"a": tensor(25), "b": tensor(25)},
                           _ChainRenaming(10, 20))
    # a chain from before the earlier turn, or one the earlier turn left in place, is not renamed
    assert not _same_names({"a": tensor(5)}, {"a": tensor(25)}, _ChainRenaming(10, 20))
    assert not _same_names({"a": tensor(15)}, {"a": tensor(16)}, _ChainRenaming(10, 20))
    assert not _same_names({"a": tensor(15)}, {"a": tensor(25, width=8)}, _ChainRenaming(10, 20))
    # statistics of tensors, compared the same way (a hand-written normalization's mean)
    statistic = TensorV((None, 1), stat=("mean", tensor(15)))
    assert _same_names({"m": statistic}, {"m": TensorV((None, 1), stat=("mean", tensor(25)))}, _ChainRenaming(10, 20))
    assert not _same_names({"m": statistic}, {"m": TensorV((None, 1), stat=("var", tensor(25)))},
                           _ChainRenaming(10, 20))


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


def test_the_method_facts_memo_keeps_the_most_recently_asked(monkeypatch) -> None:  # noqa: ANN001
    # each entry holds its method's tree past the parse cache: 20,000 of them held 93 MB of
    # keras-hub's trees at the end of a run
    import libcst as cst

    monkeypatch.setattr(interpret, "_METHOD_FACTS", type(interpret._METHOD_FACTS)())
    monkeypatch.setattr(interpret, "_MAX_METHOD_FACTS", 3)
    methods = [cst.parse_statement(f"def m{i}(self):\n    with scope():\n        self.h{i}()\n") for i in range(5)]
    assert interpret._method_facts(methods[0]) == (frozenset({"h0"}), True)
    for method in methods[1:3]:
        interpret._method_facts(method)
    interpret._method_facts(methods[0])  # asked again: the most recent
    for method in methods[3:]:
        interpret._method_facts(method)
    assert [entry[0] for entry in interpret._METHOD_FACTS.values()] == [methods[0], methods[3], methods[4]]
