"""Field-trial behaviours a fixture marker cannot state: what a reason says."""
from __future__ import annotations

from initlint.engine import analyze_source
from initlint.report.explain import render_table
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


def test_a_cell_class_picked_among_three_names_every_candidate() -> None:
    # write-rnn-tensorflow's `cell_fn`: the bias reason left GRUCell out and said BasicRNNCell's
    # bias was "unknown" (it is zeros: the comparison went on from the first mismatch's verdict)
    source = ("import tensorflow as tf\n"
              "if FLAGS.model == 'rnn':\n"
              "    cell_fn = tf.contrib.rnn.BasicRNNCell\n"
              "elif FLAGS.model == 'gru':\n"
              "    cell_fn = tf.contrib.rnn.GRUCell\n"
              "else:\n"
              "    cell_fn = tf.contrib.rnn.BasicLSTMCell\n"
              "out, state = tf.nn.dynamic_rnn(cell_fn(FLAGS.rnn_size), tf.placeholder(tf.float32, [None, 10, 3]),\n"
              "                               dtype=tf.float32)\n")
    # the classes make different weights (a GRU cell two kernels and two biases): whatever the size,
    # no weight is certainly one class's, and every class is named (session 18: tf-seq2seq's GRU
    # kernels were listed as certain glorot_uniform on an unknown width)
    [bias] = [w for w in analyze_source(source, "m.py", Settings(dialect="tf1")).weights if w.role == "bias"]
    assert bias.initializer.reason == ("depends on a run-time choice: rnn.BasicRNNCell, rnn.GRUCell or "
                                       "rnn.BasicLSTMCell, which make different weights")
    # with a known size their shapes differ too
    sized = analyze_source(source.replace("FLAGS.rnn_size", "128"), "m.py", Settings(dialect="tf1"))
    [bias] = [w for w in sized.weights if w.role == "bias"]
    assert bias.initializer.reason == ("depends on a run-time choice: rnn.BasicRNNCell, rnn.GRUCell or "
                                       "rnn.BasicLSTMCell, which make different weights")


def test_a_load_under_a_parameters_default_makes_the_finding_info() -> None:
    # image-segmentation-keras' VGG encoder, run on its own: `if pretrained == 'imagenet':
    # load_weights(...)` reads a default callers may change, so its INI104 warning was a guess
    source = ("from keras.models import Model\nfrom keras.layers import Input, Conv2D\n\n\n"
              "def encoder(pretrained='imagenet'):\n"
              "    img_input = Input(shape=(64, 64, 3))\n"
              "    x = img_input\n"
              "    for i in range(12):\n"
              "        x = Conv2D(64, (3, 3), activation='relu', padding='same')(x)\n"
              "    if pretrained == 'imagenet':\n"
              "        Model(img_input, x).load_weights('w.h5', by_name=True)\n"
              "    return img_input, x\n")
    [finding] = analyze_source(source, "m.py", Settings()).diagnostics
    assert (finding.code, finding.severity, finding.certain) == ("INI102", "info", False)
    assert finding.message.endswith("(uncertain: `load_weights` at line 11 overwrites them unless a caller passes "
                                    "another value than a parameter's default)")
    # with a flag instead of a default the from-scratch run is real: still a warning
    flagged = analyze_source(source.replace("if pretrained == 'imagenet':", "if FLAGS.pretrained:"), "m.py", Settings())
    assert [(d.code, d.severity) for d in flagged.diagnostics] == [("INI102", "warning")]


def test_a_function_picked_by_a_conditional_expression_is_built_for_each_choice() -> None:
    # the tpu ResNet's `block_a if depth == 18 else block_b`: neither was called
    source = ("import tensorflow as tf\n\n\n"
              "def block_a(x):\n    return tf.layers.conv2d(x, 64, 3, padding='same')\n\n\n"
              "def block_b(x):\n    return tf.layers.conv2d(x, 64, 1, padding='same')\n\n\n"
              "block_fn = block_a if FLAGS.depth == 18 else block_b\n"
              "y = block_fn(tf.placeholder(tf.float32, [None, 8, 8, 64]))\n")
    result = analyze_source(source, "m.py", Settings(dialect="tf1"))
    assert sorted(w.shape for w in result.weights if w.role == "kernel") == [(1, 1, 64, 64), (3, 3, 64, 64)]


def test_candidates_with_different_outputs_each_get_the_activation_and_leave_an_unknown_scale() -> None:
    # efficientnet's conv_cls: a project subclass or a partial of the library layer; the ReLU after
    # the chosen layer is each one's, and what it gives the next layer is one of their signals
    source = ("import functools\nimport tensorflow as tf\n\n\n"
              "class ThinConv2D(tf.layers.Conv2D):\n    def _bias_activation(self, outputs):\n        return outputs\n\n\n"
              "conv_cls = ThinConv2D\nif FLAGS.big:\n"
              "    conv_cls = functools.partial(tf.layers.Conv2D, kernel_initializer=tf.random_normal_initializer(stddev=1.0))\n"
              "y = tf.nn.relu(conv_cls(filters=64, kernel_size=3, padding='same')(tf.placeholder(tf.float32, [None, 8, 8, 64])))\n"
              "z = tf.layers.dense(tf.layers.flatten(y), 10)\n")
    kernels = [w for w in analyze_source(source, "m.py", Settings(dialect="tf1")).weights if w.role == "kernel"]
    assert [(w.initializer.name, w.activation, round(w.signal.mean_square or 0)) for w in kernels[:2]] == [
        ("random_normal", "relu", 484), ("glorot_uniform", "relu", 1)]
    assert kernels[2].shape == (4096, 10) and kernels[2].signal.mean_square is None


def test_ini102_describes_the_previous_transposed_conv_as_that_one() -> None:
    # compare_gan's DCGAN generator: "the previous layer's std ... for the 741 inputs each output of
    # this transposed convolution sums" described the previous layer as if it were the reported one
    source = ("import tensorflow as tf\n\n\n"
              "def deconv(x, out_shape, name):\n"
              "    with tf.variable_scope(name):\n"
              "        w = tf.get_variable('kernel', [5, 5, out_shape[-1], x.get_shape()[-1]],\n"
              "                            initializer=tf.random_normal_initializer(stddev=0.02))\n"
              "        return tf.nn.conv2d_transpose(x, w, output_shape=out_shape, strides=[1, 2, 2, 1])\n\n\n"
              "z = tf.placeholder(tf.float32, [16, 120])\n"
              "w = tf.get_variable('fc', [120, 8192], initializer=tf.random_normal_initializer(stddev=0.02))\n"
              "net = tf.nn.relu(tf.reshape(tf.matmul(z, w), [-1, 4, 4, 512]))\n"
              "net = tf.nn.relu(deconv(net, [16, 8, 8, 256], 'dc1'))\n"
              "net = tf.nn.relu(deconv(net, [16, 16, 16, 128], 'dc2'))\n"
              "net = tf.nn.relu(deconv(net, [16, 32, 32, 64], 'dc3'))\n"
              "img = tf.nn.tanh(deconv(net, [16, 64, 64, 3], 'dc4'))\n")
    [finding] = [d for d in analyze_source(source, "m.py", Settings(dialect="tf1")).diagnostics if d.code == "INI102"]
    assert "each output of that transposed convolution sums" in finding.message, finding.message


def test_a_third_party_star_import_call_is_listed_as_unfollowed() -> None:
    # generative_inpainting's `from neuralgym.ops.gan_ops import *`: its conv2d_spectral_norm makes
    # the discriminator's six convs, and explain said nothing about them
    source = ("import tensorflow as tf\n"
              "from neuralgym.ops.gan_ops import *\n"
              "x = conv2d_spectral_norm(tf.placeholder(tf.float32, [None, 64, 64, 3]), 64, 5)\n"
              "y = tf.layers.dense(tf.layers.flatten(x), 1)\n")
    result = analyze_source(source, "m.py", Settings(dialect="tf1"))
    assert result.unfollowed == ((3, "neuralgym.ops.gan_ops.conv2d_spectral_norm"),)
    # a name a library star import defines is that library's, as before
    keras = analyze_source("from keras.layers import *\nfrom neuralgym.ops import *\n"
                           "x = Dense(10)(Input((4,)))\n", "m.py", Settings(dialect="tf2"))
    assert [w.api for w in keras.weights if w.role == "kernel"] == ["keras.layers.Dense"]
    assert keras.unfollowed == ()


def test_a_library_model_built_without_an_input_tensor_is_listed_as_unfollowed() -> None:
    # age-gender-estimation: `ResNet50(weights=None)` read through `.output`; only the head was listed
    source = ("from keras.applications import ResNet50\nfrom keras.layers import Dense\n"
              "base = ResNet50(include_top=False, weights=None, pooling='avg')\n"
              "head = Dense(10)(base.output)\n"
              "from keras.applications.resnet50 import preprocess_input\n"
              "x = preprocess_input(None)\n")
    result = analyze_source(source, "m.py", Settings(dialect="tf2"))
    assert result.unfollowed == ((3, "keras.applications.ResNet50"),)


def test_a_slim_nets_backbone_on_an_unknown_input_is_listed_as_unfollowed() -> None:
    # hmr's encoder, fed by a data loader initlint cannot follow: ResNet-50's weights went unmentioned
    source = ("import tensorflow as tf\n"
              "from tensorflow.contrib.slim.python.slim.nets import resnet_v2\n"
              "def encoder(x):\n"
              "    with tf.contrib.slim.arg_scope(resnet_v2.resnet_arg_scope()):\n"
              "        net, _ = resnet_v2.resnet_v2_50(x, num_classes=None)\n"
              "    return tf.layers.dense(tf.squeeze(net, [1, 2]), 10)\n"
              "out = encoder(load_images())\n")
    result = analyze_source(source, "m.py", Settings(dialect="tf1"))
    assert result.unfollowed == ((5, "slim.nets.resnet_v2.resnet_v2_50"),)


def test_a_separable_layer_is_judged_on_its_pointwise_output() -> None:
    # MobileNet's inception_v2 stem: INI101 quoted the depthwise half (37.3) as the pre-activation the
    # ReLU reads (TensorFlow 711), and compared it with the pointwise output's default (382x)
    source = ("import tensorflow as tf\nimport tf_slim as slim\n"
              "x = tf.placeholder(tf.float32, [None, 224, 224, 3])\n"
              "net = slim.separable_conv2d(x, 64, [7, 7], depth_multiplier=8, stride=2,\n"
              "                            weights_initializer=tf.truncated_normal_initializer(0.0, 1.0))\n")
    result = analyze_source(source, "m.py", Settings(dialect="tf1"))
    pointwise = next(w for w in result.weights if w.role == "pointwise_kernel")
    [finding] = [d for d in result.diagnostics if d.code == "INI101"]
    assert finding.data["peak_mean_square"] == pointwise.signal.mean_square
    assert round(pointwise.signal.mean_square) == 693
    assert "reaches 693 here (gain 693)" in finding.message and "7.1e+03x what the default" in finding.message


def test_a_depthwise_kernel_on_unknown_channels_names_no_tensorflow_fan_in() -> None:
    source = ("import tensorflow as tf\nimport tf_slim as slim\n\n\ndef stem(inputs):\n"
              "    return slim.separable_conv2d(inputs, None, [7, 7], depth_multiplier=8,\n"
              "                                 weights_initializer=tf.truncated_normal_initializer(0.0, 1.0))\n")
    [finding] = analyze_source(source, "m.py", Settings(dialect="tf1")).diagnostics
    assert "for the 49 inputs each output of this layer sums (Glorot" in finding.message
    assert "None" not in finding.message


def test_an_index_error_reaches_the_try_that_catches_it() -> None:
    # the inner try catches KeyError only: the IndexError of blocks[2] ends the loop in the outer one
    source = ("import tensorflow as tf\nblocks = [32, 64]\nx = tf.placeholder(tf.float32, [None, 16])\n"
              "try:\n    for i in range(3):\n        try:\n            x = tf.layers.dense(x, blocks[i])\n"
              "        except KeyError:\n            pass\n"
              "except IndexError:\n    x = tf.layers.dense(x, 7)\n")
    kernels = [w for w in analyze_source(source, "m.py", Settings(dialect="tf1")).weights if w.role == "kernel"]
    assert [(w.span.line, w.shape) for w in kernels] == [(7, (16, 32)), (7, (32, 64)), (11, (64, 7))]


def test_a_missing_key_runs_the_key_error_handler() -> None:
    source = ("import tensorflow as tf\nwidths = {'small': 32}\nx = tf.placeholder(tf.float32, [None, 16])\n"
              "try:\n    units = widths['large']\nexcept KeyError:\n    units = 64\n"
              "h = tf.layers.dense(x, units)\n")
    [kernel] = [w for w in analyze_source(source, "m.py", Settings(dialect="tf1")).weights if w.role == "kernel"]
    assert kernel.shape == (16, 64) and kernel.certain


def test_a_spaced_keras_import_is_named_as_written_in_the_dialect_evidence() -> None:
    # the TensorFlow 2 book's `from    tensorflow import keras` was shown as "`import keras`"
    source = "import tensorflow as tf\nfrom    tensorflow import keras\nh = keras.layers.Dense(4)\n"
    result = analyze_source(source, "m.py", Settings())
    assert result.dialect_reason == "tf2: `from    tensorflow import keras` at line 2"


def test_contrib_xavier_normal_is_contribs_truncated_normal_not_glorot_normal() -> None:
    # zh-NER-TF's `xavier_initializer(uniform=False)`: contrib draws truncated_normal(sqrt(1.3 / fan_avg)),
    # std 0.8796 * sqrt(1.3) = 1.0029x Glorot's (tf_slim measured 0.016271 for 600x7000, Glorot 0.016225)
    source = ("import tensorflow as tf\n"
              "a = tf.get_variable('a', [600, 7000], initializer=tf.contrib.layers.xavier_initializer(uniform=False))\n"
              "b = tf.get_variable('b', [600, 7000], initializer=tf.glorot_normal_initializer())\n"
              "c = tf.get_variable('c', [600, 7000], initializer=tf.contrib.layers.xavier_initializer())\n")
    a, b, c = analyze_source(source, "m.py", Settings(dialect="tf1")).weights
    glorot = (2 / 7600) ** 0.5
    assert abs(a.std / glorot - 1.00293) < 1e-4
    assert abs(b.std / glorot - 1) < 1e-9 and abs(c.std / glorot - 1) < 1e-9


def _input_mean_square(source: str, line: int) -> float:
    [kernel] = [w for w in analyze_source(source, "m.py", Settings(dialect="tf1")).weights
                if w.span.line == line and w.role == "kernel"]
    return kernel.signal.input_mean_square


def test_a_relu_after_a_max_pool_reads_the_pooled_values() -> None:
    # PSPNet's stem, conv -> max pool -> ReLU: the ReLU read the conv's own mean square (2.0) with the
    # pooled mean and gave 2.07; TensorFlow measures pool 3.039 and relu(pool) 3.024
    head = ("import tensorflow as tf\n"
            "x = tf.placeholder(tf.float32, [None, 56, 56, 64])\n"
            "init = tf.variance_scaling_initializer(2.0, distribution='untruncated_normal')\n"
            "h = tf.layers.conv2d(x, 64, 3, padding='same', use_bias=False, kernel_initializer=init)\n")
    pooled = _input_mean_square(head + "y = tf.layers.conv2d(tf.nn.relu(tf.layers.max_pooling2d(h, 2, 2)), 8, 1, "
                                       "kernel_initializer=init)\n", 5)
    assert abs(pooled / 3.024 - 1) < 0.02
    # a ReLU of a max-pooled ReLU output is the identity: the values are non-negative
    once = _input_mean_square(head + "y = tf.layers.conv2d(tf.layers.max_pooling2d(tf.nn.relu(h), 2, 2), 8, 1, "
                                     "kernel_initializer=init)\n", 5)
    twice = _input_mean_square(head + "y = tf.layers.conv2d(tf.nn.relu(tf.layers.max_pooling2d(tf.nn.relu(h), 2, 2)), "
                                      "8, 1, kernel_initializer=init)\n", 5)
    assert twice == once


def test_a_vanishing_signal_names_the_layer_that_loses_the_most() -> None:
    # Keras-FCN's Glorot ReLU stack on RGB: the first layer (fan_in 27, fan_out 2304) loses 43x, the
    # others 2x each; INI102 named only the previous layer's 0.71x He
    source = ("from keras.layers import Conv2D, Input\n"
              "x = Input(shape=(224, 224, 3))\n"
              "for i in range(8):\n"
              "    x = Conv2D(256, (3, 3), activation='relu', padding='same')(x)\n")
    [finding] = [d for d in analyze_source(source, "m.py", Settings(dialect="tf2")).diagnostics if d.code == "INI102"]
    assert "the previous layer's std 0.0208 is 0.71x He's" in finding.message
    # in a loop the earlier layer is shown on the finding's own line: "at line 4" of a finding at line 4
    # read as a contradiction (yolo_tensorflow)
    assert "; the most is lost 5 layer(s) earlier, by a layer shown on this same line (gain 0.023: std 0.0293 is " \
           "0.11x He's 0.272" in finding.message


def test_a_variable_read_as_a_depthwise_filter_is_judged_on_its_taps() -> None:
    # QANet's separable convs: INI102 said the previous layer's std was "1.4x LeCun's for fan_in 672",
    # too large, where each output of a 7-tap depthwise filter sums 7 inputs and the std is 0.14x
    source = ("import tensorflow as tf\n"
              "he = tf.variance_scaling_initializer(scale=2.0, mode='fan_in')\n"
              "h = tf.placeholder(tf.float32, [8, 100, 1, 96])\n"
              "for i in range(4):\n"
              "    with tf.variable_scope('sep%d' % i):\n"
              "        dw = tf.get_variable('dw', (7, 1, 96, 1), initializer=he)\n"
              "        pw = tf.get_variable('pw', (1, 1, 96, 96), initializer=he)\n"
              "        h = tf.nn.relu(tf.nn.separable_conv2d(h, dw, pw, strides=(1, 1, 1, 1), padding='SAME'))\n")
    [finding] = [d for d in analyze_source(source, "m.py", Settings(dialect="tf1")).diagnostics if d.code == "INI102"]
    assert "the previous layer's std 0.0546 is 0.14x LeCun's 0.378 for the 7 inputs each output of that layer " \
           "sums (TensorFlow's fan_in: 672)" in finding.message


def test_ini305_names_the_nearest_for_xavier_normal_and_the_equivalent_for_xavier_uniform() -> None:
    # SRGAN / maml: every xavier INI305 called glorot_uniform "the equivalent", with a note about
    # uniform=False even where it was not written; for uniform=False nothing is the same distribution
    source = ("import tensorflow as tf\nx = tf.placeholder(tf.float32, [8, 100])\n"
              "a = tf.layers.dense(x, 64, kernel_initializer=tf.contrib.layers.xavier_initializer())\n"
              "b = tf.layers.dense(x, 64, kernel_initializer=tf.contrib.layers.xavier_initializer(uniform=False))\n")
    found = {d.span.line: d.message for d in analyze_source(source, "m.py", Settings()).diagnostics if d.code == "INI305"}
    assert found[3].endswith("the equivalent is tf.glorot_uniform_initializer() "
                             "(tf.keras.initializers.GlorotUniform() in TF2)")
    assert "the nearest is tf.glorot_normal_initializer(), not the same: contrib's uniform=False draws a " \
           "truncated normal of 1.0029x its std" in found[4]
    assert "the equivalent" not in found[4]


def test_ini102_names_an_input_above_one_and_gives_the_previous_layers_numbers() -> None:
    # tensorflow-vgg's `rgb * 255 - mean` (7.8e4) was "input 1.0"; Faster-RCNN_TF: the message described
    # the previous layer and the data only the reported one
    source = ("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 32, 32, 3]) * 255.0\n"
              "for i in range(4):\n"
              "    w = tf.get_variable('w%d' % i, [3, 3, int(x.shape[-1]), 64], "
              "initializer=tf.truncated_normal_initializer(stddev=0.001))\n"
              "    x = tf.nn.relu(tf.nn.conv2d(x, w, [1, 1, 1, 1], 'SAME'))\n")
    [finding] = [d for d in analyze_source(source, "m.py", Settings(dialect="tf1")).diagnostics if d.code == "INI102"]
    assert "(input 6.5e+04, judged against 1.0, 2 layer(s) earlier)" in finding.message, finding.message
    previous = finding.data["previous_layer"]
    assert previous["fan_in"] == 576  # the message's layer: the one before the reported one
    assert f"the previous layer's std {previous['std']:.2g} is {previous['ratio']:.2g}x He's" in finding.message


def test_a_ratio_near_a_whole_number_is_shown_with_three_digits() -> None:
    # 3d-pose-baseline's INI103 said "3x He's" of a ratio of 3.02, under a rule that fires above 3x
    from initlint.rules._common import ratio_text

    assert [ratio_text(r) for r in (3.02, 2.98, 3.5, 0.32, 12.3, 3.0)] == ["3.02", "2.98", "3.5", "0.32", "12", "3"]


def test_many_weights_on_one_line_say_line() -> None:
    from initlint.report.explain import _weights_text

    assert _weights_text(["89 kernel", "89 bias", "89 gamma", "89 beta"]) == "4 weights, line 89"
    assert _weights_text(["89 kernel", "90 bias", "91 gamma", "91 beta"]) == "4 weights, lines 89, 90, 91"


def test_an_init_named_only_by_super_is_not_called_in_the_file() -> None:
    # attend_infer_repeat: "Child.__init__() is called in this file only in ways initlint does not
    # follow" of a class nothing calls (the only `__init__` call was the subclass's super().__init__())
    source = ("import tensorflow as tf\n\n\nclass Base(object):\n    def __init__(self):\n"
              "        self.w = tf.get_variable('w', [8, 8])\n\n\nclass Child(Base):\n    def __init__(self):\n"
              "        super(Child, self).__init__()\n")
    [weight] = analyze_source(source, "m.py", Settings(dialect="tf1")).weights
    assert weight.initializer.reason.endswith("Child.__init__() is not called in this file: its callers may "
                                              "set the scope")


def test_ini103_judges_a_drawn_mean_by_what_a_pass_sums() -> None:
    # cleverhans: U(0, 0.1) is 0.33x He's std by its std but 0.65x by sqrt(E[w²]); INI202 says the mean
    source = ("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 256])\n"
              "w = tf.get_variable('w', [256, 128], initializer=tf.random_uniform_initializer(0.0, 0.1))\n"
              "h = tf.nn.relu(tf.matmul(x, w))\ny = tf.layers.dense(h, 10)\n")
    codes = [d.code for d in analyze_source(source, "m.py", Settings(dialect="tf1")).diagnostics]
    assert codes == ["INI202"]


def test_layer_library_calls_are_named_even_on_unknown_inputs() -> None:
    # StackGAN builds every weight with prettytensor, from `pt.wrap(z_var)` on a method's parameter and
    # `self.variable(...)` in a VarStoreMethod subclass: "No weights found" and not a word of it
    source = ("import prettytensor as pt\nimport tensorflow as tf\n\n\n"
              "class fc(pt.VarStoreMethod):\n    def __call__(self, layer, size):\n"
              "        w = self.variable('w', [4, size], init=tf.random_normal_initializer(stddev=0.02))\n"
              "        return layer.with_tensor(tf.matmul(layer.tensor, w))\n\n\n"
              "class GAN(object):\n    def generator(self, z):\n        return pt.wrap(z).fc(256)\n")
    result = analyze_source(source, "model.py", Settings(dialect="tf1"))
    assert result.weights == ()
    assert result.unfollowed == ((7, "prettytensor.VarStoreMethod.variable"), (13, "prettytensor.wrap"))
    # a package that is no layer library stays unnamed when what it reads is not known
    plain = analyze_source(source.replace("prettytensor", "plotting"), "model.py", Settings(dialect="tf1"))
    assert plain.unfollowed == ()


def test_a_random_uniform_op_is_not_blamed_on_the_initializer_default() -> None:
    # tensor2tensor's test feeds `tf.random_uniform([6, 10])` as a kernel: [0, 1) is the op's default in
    # TF1 and TF2 alike; INI202 blamed TF1's random_uniform_initializer() default
    source = ("import tensorflow as tf\nw = tf.random_uniform([6, 10])\nx = tf.placeholder(tf.float32, [None, 6])\n"
              "y = tf.layers.dense(x, 10, use_bias=False, kernel_initializer=lambda shape, dtype, partition_info: w)\n"
              "z = tf.layers.dense(x, 10, kernel_initializer=tf.random_uniform_initializer())\n")
    found = {d.span.line: d.message for d in analyze_source(source, "m.py", Settings(dialect="tf1")).diagnostics
             if d.code == "INI202"}
    assert "mean 0.5" in found[4] and "random_uniform_initializer()" not in found[4]
    assert "TF1's random_uniform_initializer() samples [0, 1)" in found[5]


def test_a_random_op_without_stddev_is_not_said_to_default_to_0_05() -> None:
    # tensorflow/graphics: `tf.random.normal(shape)` is 1.0 in TF2 as in TF1; INI301 said "Keras and
    # TF2 initializers default to 0.05", true of the initializer, not of the op
    source = ("import tensorflow as tf\nx = tf.keras.Input((784,))\n"
              "w = tf.Variable(tf.random.normal([784, 256]))\ny = tf.matmul(x, w)\n"
              "z = tf.keras.layers.Dense(10, kernel_initializer=tf.compat.v1.random_normal_initializer())(y)\n")
    found = {d.span.line: d.message for d in analyze_source(source, "m.py").diagnostics if d.code == "INI301"}
    assert "(the op's default, in TF1 and TF2 alike)" in found[3]
    assert "(Keras and TF2 initializers default to 0.05)" in found[5]


def test_library_layers_initlint_does_not_model_are_named() -> None:
    # tf-ranking's MultiHeadAttention and feature-column embeddings, CLUE's hub.Module: their weights
    # were not listed, and nothing said so
    source = ("import tensorflow as tf\nimport tensorflow_hub as hub\n\nx = tf.keras.Input((10, 16))\n"
              "y = tf.keras.layers.MultiHeadAttention(num_heads=2, key_dim=8)(x, x)\n"
              "column = tf.feature_column.embedding_column(tf.feature_column.categorical_column_with_identity('id', 100), 20)\n"
              "encoder = hub.Module('https://tfhub.dev/google/bert')\n"
              "z = tf.keras.layers.Dense(1)(y)\n")
    result = analyze_source(source, "m.py")
    assert [(line, call) for line, call in result.unfollowed] == [
        (5, "keras.layers.MultiHeadAttention"), (6, "tf.feature_column.embedding_column"), (7, "tensorflow_hub.Module")]


def test_reasons_read_as_sentences() -> None:
    # bilm-tf: "stddev=None" for a stddev not known; recommenders: "a boolean expression" and nothing
    # else; CLUE: "`stddev` is an attribute of `bert_config` is not defined in this file"
    source = ("import numpy as np\nimport tensorflow as tf\n\n\ndef conv_weight(activation, width):\n"
              "    if activation == 'relu':\n        w_init = tf.random_uniform_initializer(minval=-0.05, maxval=0.05)\n"
              "    else:\n        w_init = tf.random_normal_initializer(stddev=np.sqrt(1.0 / width))\n"
              "    return tf.get_variable('W', [3, 8], initializer=w_init)\n\n\n"
              "def make_embedding(table_config):\n    return tf.keras.layers.Embedding(100, 8, "
              "embeddings_initializer=table_config.initializer or 'uniform')\n\n\n"
              "def model_fn(features):\n    return tf.layers.dense(features, 8, kernel_initializer="
              "tf.truncated_normal_initializer(stddev=bert_config.initializer_range))\n")
    reasons = {w.span.line: w.initializer.reason for w in analyze_source(source, "m.py", Settings(dialect="tf1")).weights
               if w.role in ("variable", "embeddings", "kernel")}
    assert "random_normal(mean=0, stddev=?)" in reasons[10]
    assert reasons[14] == ("a boolean expression of an attribute of parameter `table_config` of make_embedding(), "
                           "set by its callers")
    assert reasons[18] == "`stddev` is an attribute of a value not known (`bert_config` is not defined in this file)"


def test_library_code_picked_at_run_time_is_named() -> None:
    # tensorflow-deeplab-v3-plus' `base_model = resnet_v2.resnet_v2_50` / `else: ..._101`, then
    # `base_model(inputs)`: neither backbone was named (a constant one was); nor a third-party pick
    source = ("import tensorflow as tf\nfrom tensorflow.contrib.slim.nets import resnet_v2\nimport neuralgym.ops as ng\n"
              "if FLAGS.arch == 'resnet_v2_50':\n    base_model, head = resnet_v2.resnet_v2_50, ng.conv_a\n"
              "else:\n    base_model, head = resnet_v2.resnet_v2_101, ng.conv_b\n"
              "logits, points = base_model(tf.placeholder(tf.float32, [1, 224, 224, 3]), num_classes=None)\n"
              "y = head(tf.placeholder(tf.float32, [1, 8, 8, 3]), 64)\n")
    result = analyze_source(source, "m.py", Settings(dialect="tf1"))
    assert result.unfollowed == ((8, "slim.nets.resnet_v2.resnet_v2_101"), (8, "slim.nets.resnet_v2.resnet_v2_50"),
                                 (9, "neuralgym.ops.conv_a"), (9, "neuralgym.ops.conv_b"))


def test_an_initializer_picked_by_a_conditional_expression_names_both() -> None:
    # tapas' `tf.zeros_initializer() if init_to_zero else classification_initializer()`: the reason
    # said only "a conditional expression"
    source = ("import tensorflow as tf\n\n\ndef head(x, zero_init):\n"
              "    init = tf.zeros_initializer() if zero_init else tf.truncated_normal_initializer(stddev=0.02)\n"
              "    return tf.layers.dense(x, 2, kernel_initializer=init)\n\n\n"
              "head(tf.placeholder(tf.float32, [None, 8]), FLAGS.zero)\n")
    [kernel] = [w for w in analyze_source(source, "m.py", Settings(dialect="tf1")).weights if w.role == "kernel"]
    assert not kernel.certain
    assert kernel.initializer.reason == ("zeros() or truncated_normal(mean=0, stddev=0.02), picked by a condition "
                                         "known only at run time")


def test_uniform_unit_scaling_with_a_factor_names_its_variance_scaling_scale() -> None:
    # lingvo's `init_ops.uniform_unit_scaling_initializer(factor=1.43)`: U(±factor·sqrt(3/fan_in)) is
    # variance scaling with scale factor², not 1.0; and tf.compat.v1 still has it in TF2
    source = ("import tensorflow as tf\nfrom tensorflow.python.ops import init_ops\n"
              "w = tf.get_variable('w', [64, 64], initializer=init_ops.uniform_unit_scaling_initializer(factor=1.43))\n")
    [finding] = [d for d in analyze_source(source, "m.py", Settings(dialect="tf1")).diagnostics if d.code == "INI305"]
    assert finding.message == (
        "`tensorflow.python.ops.init_ops.uniform_unit_scaling_initializer` is deprecated (only tf.compat.v1 keeps "
        "it in TF2); the equivalent is tf.compat.v1.variance_scaling_initializer(scale=2.045, mode='fan_in', "
        "distribution='uniform')")


def test_a_kernel_picked_by_a_flag_keeps_its_stack_in_both_branches() -> None:
    # lingvo's CreateVariable: the else branch's layers were linear after the matmul and each was a
    # path of its own: INI101 there said "3.2x LeCun's", and the chain's output 10.2 (it is 9.4e5)
    source = ("import sys\nimport tensorflow as tf\nh = tf.placeholder(tf.float32, [None, 256])\n"
              "for i in range(8):\n    if '--a' in sys.argv:\n"
              "        w = tf.get_variable('w%d' % i, [256, 256], initializer=tf.random_normal_initializer(stddev=0.2))\n"
              "    else:\n"
              "        w = tf.get_variable('w%d' % i, [256, 256], initializer=tf.random_normal_initializer(stddev=0.2))\n"
              "    h = tf.nn.relu(tf.matmul(h, w))\n")
    found = {d.span.line: d.message for d in analyze_source(source, "m.py", Settings(dialect="tf1")).diagnostics
             if d.code == "INI101"}
    assert sorted(found) == [6, 8]
    for message in found.values():
        assert "std 0.2 is 2.3x He's 0.0884 for fan_in 256" in message
        assert "the chain's output mean square is 9.4e+05" in message


def test_a_weight_made_in_a_loop_of_unknown_count_says_it_may_repeat() -> None:
    # youtube-8m's `MultiRNNCell([BasicLSTMCell(n) for _ in range(FLAGS.lstm_layers)])`: one cell's
    # weights were listed, with nothing saying the loop may make more
    source = ("import tensorflow as tf\n"
              "cells = tf.nn.rnn_cell.MultiRNNCell([tf.nn.rnn_cell.BasicLSTMCell(64) for _ in range(FLAGS.layers)])\n"
              "out, _ = tf.nn.dynamic_rnn(cells, tf.placeholder(tf.float32, [8, 20, 32]), dtype=tf.float32)\n"
              "x = tf.placeholder(tf.float32, [None, 16])\n"
              "for i in range(FLAGS.depth):\n    x = tf.layers.dense(x, 16)\n"
              "for i in range(3):\n    x = tf.layers.dense(x, 16)\n"
              "y = tf.layers.dense(x, 2)\n")
    result = analyze_source(source, "m.py", Settings(dialect="tf1"))
    assert [(w.span.line, w.role, w.repeats.line if w.repeats else None) for w in result.weights] == [
        (2, "kernel", 2), (2, "bias", 2), (6, "kernel", 5), (6, "bias", 5),
        *[(8, role, None) for _ in range(3) for role in ("kernel", "bias")], (9, "kernel", None), (9, "bias", None)]
    text = render_table([result])
    assert ("  ↻ made in a loop whose count is not known statically (or over max-unroll), listed once; it may make "
            "more:\n    line 2 kernel, line 2 bias: the loop at line 2\n    line 6 kernel, line 6 bias: the loop at "
            "line 5\n") in text


def test_what_barren_training_steps_change_is_unknown_after_the_loop() -> None:
    # baselines' DDPG: after two costly training steps that made nothing, the loop stops unrolling;
    # the counter its steps bump is no longer the number two steps left (it is a run-time value)
    source = ("import tensorflow as tf\n\n\nclass CountingAdam:\n    def __init__(self):\n        self.t = 1\n\n"
              "    def update(self):\n        for _ in range(60):\n            self.t += 1\n            self.t += 0\n\n\n"
              "adam = CountingAdam()\nfor step in range(50):\n    adam.update()\n"
              "w = tf.get_variable('w', [4, 4], initializer=tf.random_normal_initializer(stddev=adam.t))\n")
    [weight] = analyze_source(source, "m.py", Settings(dialect="tf1")).weights
    assert not weight.certain
    assert weight.initializer.reason == "`stddev` is a value the loop at line 15 changes at every turn"


def test_get_variable_of_a_dtype_not_known_is_uncertain() -> None:
    # tensorflow/compression's hific: `get_variable("global_step_disc", [], dtype=global_step.dtype)`,
    # an int64 counter, was a certain glorot_uniform weight; a tensor's own dtype stays a float one
    source = ("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 4])\n"
              "w = tf.get_variable('w', [4, 4], dtype=x.dtype)\n"
              "step = tf.train.get_or_create_global_step()\n"
              "c = tf.get_variable('c', [], dtype=step.dtype, trainable=False)\n")
    w, c = analyze_source(source, "m.py", Settings(dialect="tf1")).weights
    assert (w.initializer.name, w.certain) == ("glorot_uniform", True)
    assert (c.initializer.name, c.certain) == ("glorot_uniform", False)
    assert c.initializer.reason == ("glorot_uniform for a float dtype, zeros for an integer or boolean one: the dtype "
                                    "is an attribute of tf.train.get_or_create_global_step()")


def test_an_object_built_past_max_call_depth_is_named_as_cut_where_it_is_called() -> None:
    # tensorflow/tpu's detection models: a sync BatchNormalization subclass constructed 8 calls deep
    # had no attributes (its __init__ was cut), and the next conv's input read "calling an instance"
    source = ("import tensorflow as tf\n\n\nclass SyncBatchNorm(tf.layers.BatchNormalization):\n"
              "    def __init__(self, fused=False, **kwargs):\n"
              "        super(SyncBatchNorm, self).__init__(fused=fused, **kwargs)\n\n\n"
              "def norm(x):\n    return SyncBatchNorm(name='bn')(x)\n\n\n"
              "def block(x):\n    return tf.layers.conv2d(norm(x), 64, 3)\n\n\n"
              "def tower(x):\n    return block(tf.layers.conv2d(x, 32, 3))\n\n\n"
              "tower(tf.placeholder(tf.float32, [None, 32, 32, 3]))\n")
    weights = analyze_source(source, "m.py", Settings(dialect="tf1", max_call_depth=3)).weights
    [conv] = [w for w in weights if w.role == "kernel" and w.span.line == 14 and w.call_stack]
    assert conv.shape == (3, 3, None, 64)
    assert conv.facts["shape_unknown"] == "the input: SyncBatchNorm.__init__() is nested deeper than max-call-depth (3)"
    # one call shallower, the object is built and the channel count reaches the conv
    deep_enough = analyze_source(source, "m.py", Settings(dialect="tf1", max_call_depth=4)).weights
    [conv] = [w for w in deep_enough if w.role == "kernel" and w.span.line == 14 and w.call_stack]
    assert conv.shape == (3, 3, 32, 64)


def test_layers_of_a_module_not_known_statically_are_named_as_unfollowed() -> None:
    # keras-applications: `layers = None`, filled from the caller's `**kwargs`; its 21 files said
    # only "No weights found"
    source = ("import keras\nlayers = None\n\n\ndef MobileNet(input_shape=None, **kwargs):\n    global layers\n"
              "    layers = kwargs.get('layers', layers)\n    img_input = layers.Input(shape=input_shape)\n"
              "    x = layers.Conv2D(32, (3, 3), use_bias=False)(img_input)\n"
              "    x = layers.BatchNormalization(axis=-1)(x)\n    return layers.Activation('relu')(x)\n")
    result = analyze_source(source, "m.py", Settings(dialect="tf2"))
    assert not result.weights
    assert list(result.unfollowed) == [(9, "layers.Conv2D"), (10, "layers.BatchNormalization")]
    assert "    line 9 `layers.Conv2D`\n    line 10 `layers.BatchNormalization`\n" in render_table([result])


def test_an_elif_chain_of_returned_initializers_names_every_choice() -> None:
    # tensorflow/nmt's get_initializer (session 32): the inner `elif`s' choice was an unknown with no
    # alternatives, so the outer choice said only "a value that depends on a condition"
    source = ("import tensorflow as tf\n"
              "def get_initializer(init_op, init_weight=None):\n"
              "    if init_op == 'uniform':\n"
              "        return tf.random_uniform_initializer(-init_weight, init_weight)\n"
              "    elif init_op == 'glorot_normal':\n"
              "        return tf.keras.initializers.glorot_normal()\n"
              "    elif init_op == 'glorot_uniform':\n"
              "        return tf.keras.initializers.glorot_uniform()\n"
              "    else:\n"
              "        raise ValueError(init_op)\n"
              "def build(hparams):\n"
              "    tf.get_variable_scope().set_initializer(get_initializer(hparams.init_op, hparams.init_weight))\n"
              "    return tf.get_variable('w', [128, 64])\n")
    [weight] = analyze_source(source, "m.py", Settings(dialect="tf1")).weights
    assert (weight.initializer.name, weight.certain) == ("unknown", False)
    assert weight.initializer.reason == ("random_uniform(minval=?, maxval=?) or glorot_normal() or glorot_uniform(), "
                                         "picked by a condition known only at run time")


def test_an_info_finding_on_an_uncertain_weight_says_why() -> None:
    # compare_gan's gin-bound weight_initializer (session 32): INI103 on its default read as certain,
    # though the project's own BigGAN config binds orthogonal instead
    source = ("import gin\n"
              "import tensorflow as tf\n"
              "@gin.configurable('weights')\n"
              "def weight_initializer(initializer='normal', stddev=0.02):\n"
              "    if initializer == 'normal':\n"
              "        return tf.initializers.random_normal(stddev=stddev)\n"
              "    return tf.initializers.orthogonal()\n"
              "def linear(inputs, output_size):\n"
              "    shape = inputs.get_shape().as_list()\n"
              "    kernel = tf.get_variable('kernel', [shape[1], output_size], initializer=weight_initializer())\n"
              "    return tf.matmul(inputs, kernel)\n"
              "def critic():\n"
              "    h = tf.nn.relu(linear(tf.placeholder(tf.float32, [None, 64]), 256))\n"
              "    return linear(h, 1)\n")
    [finding] = analyze_source(source, "m.py", Settings(dialect="tf1")).diagnostics
    assert (finding.code, finding.span.line, finding.severity, finding.certain) == ("INI103", 13, "info", False)
    assert finding.message.endswith(
        "(uncertain: the default of parameter `initializer` of weight_initializer(); a gin config may bind another; "
        "`stddev` is the default of parameter `stddev` of weight_initializer(); a gin config may bind another)")
