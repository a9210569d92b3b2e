# corpus: dennybritz/cnn-text-classification-tf text_cnn.py:69 (and taki0112/Self-Attention-GAN
# ops.py:10, openai/baselines her/util.py:64, tensor2tensor layers/discretization.py:895): a
# deprecated initializer written in a project module was also reported in every file importing
# it, at the module's line number (train.py:69 pointed at `del x, y, ...`, and --fix would have
# edited that line); fixed in analysis/interpret.py: it is reported where it is written only.
import tensorflow as tf

weight_init = tf.contrib.layers.xavier_initializer()  # expect: INI305


def dense(x, units, scope):
    with tf.variable_scope(scope):
        w = tf.get_variable("w", [784, units], initializer=weight_init)  # explain: variable glorot_uniform explicit shape=784x?
        return tf.matmul(x, w)
