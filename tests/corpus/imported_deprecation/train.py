# corpus: the importing side of imported_deprecation/ops.py: nothing to report here.
import tensorflow as tf

import ops

x = tf.placeholder(tf.float32, [None, 784])
logits = ops.dense(x, 10, "out")  # explain: variable glorot_uniform explicit shape=784x10
loss = tf.reduce_mean(logits)
