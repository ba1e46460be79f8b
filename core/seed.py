"""The seed post's own numbers, in one place.

The post ("PyTorch Zero To All", lecture 06) trains ``nn.Linear(1, 1)`` on hours 1, 2, 3, 4 →
passed 0, 0, 1, 1 for 1000 epochs of SGD at lr 0.01. Its random initialisation drew weight
≈ 0.235 and bias ≈ 0.153 (recovered by fitting its printed numbers); with exactly these the
engine prints every number of the post.
"""

from __future__ import annotations

INIT_WEIGHT = 0.235
INIT_BIAS = 0.153
EPOCHS = 1000
LEARNING_RATE = 0.01

# "Epoch 1/1000 | Loss: 0.6502" … printed every 100 epochs (the loss before that epoch's step)
PRINTED_LOSSES = (
    "0.6502",
    "0.6231",
    "0.5986",
    "0.5758",
    "0.5546",
    "0.5348",
    "0.5163",
    "0.4990",
    "0.4829",
    "0.4678",
)
# (hours, printed probability, above 50%?)
PREDICTIONS = ((1.0, "0.3779", False), (7.0, "0.9714", True))
