# corpus: openai/baselines baselines/common/dataset.py:37: a suite on the same line as its header
# (`if self.enable_shuffle: self.shuffle()`) crashed the walk (INI902 on the file) before the
# interpreter learnt SimpleStatementSuite; the layers after such lines must still be found.
import tensorflow as tf

x = tf.placeholder(tf.float32, [None, 784])
use_hidden = True
if use_hidden: x = tf.layers.dense(x, 256, activation=tf.nn.relu)  # explain: kernel glorot_uniform default shape=784x256; bias zeros default
for _ in range(2): x = tf.layers.dense(x, 256, activation=tf.nn.relu)  # explain: kernel glorot_uniform default shape=256x256 count=2; bias zeros default count=2
with tf.variable_scope("out"): logits = tf.layers.dense(x, 10)  # explain: kernel glorot_uniform default shape=256x10 ms=0.36; bias zeros default
