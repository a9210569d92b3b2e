"""Field-trial behaviours a fixture marker cannot state: what a reason says."""
from __future__ import annotations

from initlint.engine import analyze_source
from initlint.settings import Settings


def test_a_flag_chosen_initializer_names_both_choices() -> None:
    # tf-faster-rcnn's cfg.TRAIN.TRUNCATED: explain said only "depends on a condition"
    source = ("import tensorflow as tf\n"
              "if FLAGS.truncated:\n"
              "    init = tf.truncated_normal_initializer(stddev=0.01)\n"
              "else:\n"
              "    init = tf.random_normal_initializer(stddev=0.01)\n"
              "h = tf.layers.dense(tf.placeholder(tf.float32, [None, 512]), 18, kernel_initializer=init)\n")
    [kernel] = [w for w in analyze_source(source, "m.py", Settings(dialect="tf1")).weights if w.role == "kernel"]
    assert not kernel.certain
    assert kernel.initializer.reason == ("truncated_normal(mean=0, stddev=0.01) or random_normal(mean=0, "
                                         "stddev=0.01), picked by a condition known only at run time")
