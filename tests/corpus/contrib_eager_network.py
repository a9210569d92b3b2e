# corpus: aymericdamien/TensorFlow-Examples examples/3_NeuralNetworks/neural_network_eager_api.py:22:
# `tfe = tf.contrib.eager` made canonical() recurse for ever (tf.contrib.<module> with no prefix of
# its own): 6 s and an INI902 on every file that wrote it. Fixed in initlint/analysis/names.py.
import tensorflow as tf

tfe = tf.contrib.eager
tf.enable_eager_execution()


class NeuralNet(tfe.Network):
    def __init__(self):
        super(NeuralNet, self).__init__()
        self.layer1 = self.track_layer(tf.layers.Dense(256, activation=tf.nn.relu))  # explain: kernel glorot_uniform default shape=?x256; bias zeros default shape=256
        self.out_layer = self.track_layer(tf.layers.Dense(10))  # explain: kernel glorot_uniform default shape=?x10; bias zeros default shape=10

    def call(self, x):
        return self.out_layer(self.layer1(x))


neural_net = NeuralNet()
