from tensorflow.keras.initializers import TruncatedNormal
from tensorflow.keras.layers import Dense, Input
from tensorflow.keras.models import Model
from tensorflow.keras.initializers import HeNormal

kernel_init = HeNormal()

inputs = Input(shape=(1024,))
hidden = Dense(1024, activation="relu", kernel_initializer=kernel_init)(inputs)
hidden = Dense(1024, activation="relu", kernel_initializer=kernel_init)(hidden)
hidden = Dense(1024, activation="relu", kernel_initializer=kernel_init)(hidden)
outputs = Dense(10, activation="softmax")(hidden)
model = Model(inputs, outputs)
