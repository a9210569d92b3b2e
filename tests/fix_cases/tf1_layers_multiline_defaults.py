# A TF1 tf.layers tower written one argument per line, every kernel left to the
# default (glorot_uniform): fourteen ReLU layers halve the signal each time.
import tensorflow as tf

inputs = tf.placeholder(tf.float32, [None, 512], name="inputs")
net = inputs
for depth in range(14):
    net = tf.layers.dense(
        net,
        512,
        activation=tf.nn.relu,  # the stack's non-linearity
        name="dense_%d" % depth,
    )
logits = tf.layers.dense(net, 10,
                         name="logits")
