# corpus: the calling side of scope_in_helper_module/helpers.py.
import tensorflow as tf

import helpers

x = tf.placeholder(tf.float32, [None, 784])
y = helpers.discriminator(x)  # expect: INI302
