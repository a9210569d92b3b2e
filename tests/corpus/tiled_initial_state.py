# corpus: tensorflow/tensor2tensor tensor2tensor/models/video/epva.py:445: a [1, N] variable tiled
# into a batch of initial states is no layer kernel, yet INI103 compared its std with LeCun's for
# "fan_in 1" (fixed: a variable no layer uses is no kernel).
import tensorflow as tf

batch_size, size = 16, 64
init = tf.get_variable("back_connect_init", shape=[1, size],  # explain: variable truncated_normal explicit shape=1x64
                       initializer=tf.truncated_normal_initializer(stddev=0.01))
state = tf.tile(init, (batch_size, 1))
