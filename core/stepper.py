"""One step of the seed's loop, explained: what the forward pass, the loss, ``backward()`` and
``step()`` computed, row by row and parameter by parameter.

:func:`explain_step` takes parameters and a batch of rows and returns a
:class:`StepExplanation`: each row's score z = w·x + b, probability ŷ = σ(z), its share of the
mean loss and of the gradient; the loss; ∂L/∂w and ∂L/∂b; the part weight decay adds; and the
update, for SGD (w ← w − lr·g) or Adam (running averages m and v, their bias-corrected values
and the step). The arithmetic is PyTorch's, in float32, in the order ``torch.optim`` uses, so
the new parameters are the ones ``optimizer.step()`` produces.

:class:`Stepper` walks a run one epoch or one minibatch at a time with the same initial
parameters and the same shuffling as :class:`core.training.Trainer`, so stepping through a run
gives the trainer's losses and parameters.

torch is imported inside the functions, as in :mod:`core.training`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from core.training import Trainer, TrainingConfig, to_float32_tensors

if TYPE_CHECKING:
    import torch

__all__ = [
    "ADAM_BETAS",
    "ADAM_EPS",
    "AdamDetail",
    "AdamState",
    "EpochExplanation",
    "StepExplanation",
    "Stepper",
    "explain_step",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: ``torch.optim.Adam``'s defaults, which the trainer uses.
ADAM_BETAS = (0.9, 0.999)
ADAM_EPS = 1e-8


@dataclass(frozen=True)
class AdamState:
    """Adam's memory between steps, for the weights then the bias (``d + 1`` values each).

    Attributes
    ----------
    step : int
        Steps taken so far.
    exp_avg : tuple of float
        m, the running average of the gradient.
    exp_avg_sq : tuple of float
        v, the running average of the squared gradient.
    """

    step: int
    exp_avg: tuple[float, ...]
    exp_avg_sq: tuple[float, ...]


@dataclass(frozen=True, eq=False)
class AdamDetail:
    """What Adam computed in one step; arrays hold the weights then the bias (``d + 1``).

    Attributes
    ----------
    step : int
        This step's number t (1 for the first step).
    m, v : ndarray
        The running averages after this step: m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g².
    bias_correction1, bias_correction2 : float
        1 − β1^t and 1 − β2^t.
    m_hat, v_hat : ndarray
        m / (1 − β1^t) and v / (1 − β2^t), the bias-corrected averages.
    step_size : ndarray
        lr · m̂ / (√v̂ + ε), what is subtracted from each parameter.
    """

    step: int
    m: FloatArray
    v: FloatArray
    bias_correction1: float
    bias_correction2: float
    m_hat: FloatArray
    v_hat: FloatArray
    step_size: FloatArray


@dataclass(frozen=True, eq=False)
class StepExplanation:
    """One optimizer step on one batch, explained.

    Per-row arrays are ``None`` when the batch has more rows than the ``detail_limit`` given to
    :func:`explain_step`; the totals are always there. Float values are the float32 values
    PyTorch computed, held as float64.

    Attributes
    ----------
    rows : ndarray of int
        Indices (0-based) of the batch's rows in the data, in the order used.
    x, y : ndarray or None
        The batch's features ``(k, d)`` and labels ``(k,)``.
    z, y_hat : ndarray or None
        Each row's score w·x + b and probability σ(z).
    loss_terms : ndarray or None
        Each row's share of the mean loss: −[y·log ŷ + (1−y)·log(1−ŷ)] / k (logs clamped at
        −100, as ``BCELoss`` does); they add up to ``loss``.
    grad_z : ndarray or None
        ∂L/∂z for each row: (ŷ − y) / k, as autograd computed it.
    grad_w_terms, grad_b_terms : ndarray or None
        Each row's pull on the parameters: ``grad_z · x`` ``(k, d)`` and ``grad_z`` ``(k,)``;
        they add up to ``grad_w`` and ``grad_b``.
    loss : float
        The mean BCE of the batch, before the update.
    grad_w, grad_b : ndarray, float
        ∂L/∂w ``(d,)`` and ∂L/∂b from ``backward()``.
    decay_w, decay_b : ndarray, float
        What weight decay adds to the gradient: weight_decay · w and weight_decay · b.
    total_grad_w, total_grad_b : ndarray, float
        The gradient the optimizer uses: ``grad + decay``.
    optimizer : str
        ``"sgd"`` or ``"adam"``.
    learning_rate, weight_decay : float
        The settings used.
    weights_before, bias_before, weights_after, bias_after
        The parameters before and after ``step()``.
    adam : AdamDetail or None
        Adam's running averages and step, for Adam.
    adam_state : AdamState or None
        Adam's memory after this step, to pass to the next :func:`explain_step`.
    """

    rows: IntArray
    x: FloatArray | None
    y: FloatArray | None
    z: FloatArray | None
    y_hat: FloatArray | None
    loss_terms: FloatArray | None
    grad_z: FloatArray | None
    grad_w_terms: FloatArray | None
    grad_b_terms: FloatArray | None
    loss: float
    grad_w: FloatArray
    grad_b: float
    decay_w: FloatArray
    decay_b: float
    total_grad_w: FloatArray
    total_grad_b: float
    optimizer: str
    learning_rate: float
    weight_decay: float
    weights_before: tuple[float, ...]
    bias_before: float
    weights_after: tuple[float, ...]
    bias_after: float
    adam: AdamDetail | None
    adam_state: AdamState | None

    @property
    def n_rows(self) -> int:
        """Rows in this batch."""
        return int(self.rows.shape[0])


@dataclass(frozen=True)
class EpochExplanation:
    """One epoch: its batches' steps and its loss as the trainer reports it.

    Attributes
    ----------
    epoch : int
        1-based epoch number.
    loss : float
        Full batch: the batch's loss. Minibatches: the row-weighted mean of the batches' losses,
        each taken before its own update (what ``Trainer.epochs`` yields).
    steps : tuple of StepExplanation
        One per batch, in order.
    """

    epoch: int
    loss: float
    steps: tuple[StepExplanation, ...]

    @property
    def weights_after(self) -> tuple[float, ...]:
        return self.steps[-1].weights_after

    @property
    def bias_after(self) -> float:
        return self.steps[-1].bias_after


def explain_step(
    features: np.ndarray,
    labels: np.ndarray,
    weights: Sequence[float],
    bias: float,
    config: TrainingConfig,
    *,
    rows: Sequence[int] | np.ndarray | None = None,
    adam_state: AdamState | None = None,
    detail_limit: int = 1000,
) -> StepExplanation:
    """Explain one optimizer step of the seed's loop on one batch.

    Parameters
    ----------
    features, labels
        The whole data, ``(n, d)`` and ``(n,)``.
    weights, bias
        The parameters before the step (rounded to float32, as PyTorch holds them).
    config
        Optimizer, learning rate and weight decay are used.
    rows
        The batch's row indices in order; ``None`` is every row (full batch).
    adam_state
        Adam's memory from the previous step; ``None`` for Adam's first step.
    detail_limit
        Per-row arrays are kept for batches of at most this many rows.

    Returns
    -------
    StepExplanation

    Raises
    ------
    core.training.TrainingError
        If the data cannot be trained on (the message names the row).
    ValueError
        If the parameters, rows or Adam state do not fit the data.
    """
    x_all, y_all = to_float32_tensors(features, labels)
    return _explain(
        x_all,
        y_all,
        weights=weights,
        bias=bias,
        config=config,
        rows=rows,
        adam_state=adam_state,
        detail_limit=detail_limit,
    )


def _explain(
    x_all: torch.Tensor,
    y_all: torch.Tensor,
    *,
    weights: Sequence[float],
    bias: float,
    config: TrainingConfig,
    rows: Sequence[int] | np.ndarray | None,
    adam_state: AdamState | None,
    detail_limit: int,
) -> StepExplanation:
    import torch

    d = int(x_all.shape[1])
    if len(weights) != d:
        raise ValueError(f"Give one weight per feature: {d} expected, {len(weights)} given.")
    index, x, y = _select_rows(x_all, y_all, rows)
    k = int(index.shape[0])
    lr, wd = float(config.learning_rate), float(config.weight_decay)

    w = torch.tensor([list(weights)], dtype=torch.float32, requires_grad=True)
    b = torch.tensor([float(bias)], dtype=torch.float32, requires_grad=True)
    z = torch.nn.functional.linear(x, w, b)
    z.retain_grad()
    y_hat = torch.sigmoid(z)
    terms = torch.nn.functional.binary_cross_entropy(y_hat, y, reduction="none")
    loss = torch.nn.functional.binary_cross_entropy(y_hat, y, reduction="mean")
    loss.backward()  # type: ignore[no-untyped-call]
    assert w.grad is not None and b.grad is not None and z.grad is not None

    with torch.no_grad():
        w0, b0 = w.detach().clone(), b.detach().clone()
        gw, gb = w.grad.clone(), b.grad.clone()
        # torch.optim's order of operations, so the result is the optimizer's to the bit.
        tw = gw.add(w0, alpha=wd) if wd else gw
        tb = gb.add(b0, alpha=wd) if wd else gb
        adam: AdamDetail | None = None
        new_state: AdamState | None = None
        if config.optimizer == "adam":
            w1, b1, adam, new_state = _adam_step(w0, b0, tw, tb, adam_state=adam_state, lr=lr)
        else:
            w1 = w0.add(tw, alpha=-lr)
            b1 = b0.add(tb, alpha=-lr)

    detail = k <= detail_limit

    def arr(t: torch.Tensor) -> FloatArray:
        return np.asarray(t.detach().double().numpy(), dtype=np.float64)

    gz = z.grad.detach()
    return StepExplanation(
        rows=index,
        x=arr(x) if detail else None,
        y=arr(y).reshape(-1) if detail else None,
        z=arr(z).reshape(-1) if detail else None,
        y_hat=arr(y_hat).reshape(-1) if detail else None,
        loss_terms=arr(terms).reshape(-1) / k if detail else None,
        grad_z=arr(gz).reshape(-1) if detail else None,
        grad_w_terms=arr(gz * x) if detail else None,
        grad_b_terms=arr(gz).reshape(-1) if detail else None,
        loss=float(loss.item()),
        grad_w=arr(gw).reshape(-1),
        grad_b=float(gb.item()),
        decay_w=arr(w0 * wd).reshape(-1),
        decay_b=float(b0.item() * wd),
        total_grad_w=arr(tw).reshape(-1),
        total_grad_b=float(tb.item()),
        optimizer=config.optimizer,
        learning_rate=lr,
        weight_decay=wd,
        weights_before=tuple(w0.reshape(-1).tolist()),
        bias_before=float(b0.item()),
        weights_after=tuple(w1.reshape(-1).tolist()),
        bias_after=float(b1.item()),
        adam=adam,
        adam_state=new_state,
    )


def _select_rows(
    x_all: torch.Tensor, y_all: torch.Tensor, rows: Sequence[int] | np.ndarray | None
) -> tuple[npt.NDArray[np.int64], torch.Tensor, torch.Tensor]:
    """The batch's row indices and its features and labels (all rows when ``rows`` is None)."""
    import torch

    n = int(x_all.shape[0])
    if rows is None:
        return np.arange(n, dtype=np.int64), x_all, y_all
    index = np.asarray(rows, dtype=np.int64).reshape(-1)
    if index.size == 0 or index.min() < 0 or index.max() >= n:
        raise ValueError(f"Batch rows must be between 0 and {n - 1}, and at least one.")
    idx = torch.from_numpy(index)
    return index, x_all[idx], y_all[idx]


def _adam_step(
    w0: torch.Tensor,
    b0: torch.Tensor,
    tw: torch.Tensor,
    tb: torch.Tensor,
    *,
    adam_state: AdamState | None,
    lr: float,
) -> tuple[torch.Tensor, torch.Tensor, AdamDetail, AdamState]:
    """One Adam step as torch.optim.Adam takes it: new weights and bias, detail, next state."""
    import torch

    d = int(w0.shape[1])
    beta1, beta2 = ADAM_BETAS
    if adam_state is None:
        step = 1
        m = torch.zeros(d + 1)
        v = torch.zeros(d + 1)
    else:
        if len(adam_state.exp_avg) != d + 1 or len(adam_state.exp_avg_sq) != d + 1:
            raise ValueError(f"The Adam state must hold {d + 1} values per average.")
        step = adam_state.step + 1
        m = torch.tensor(adam_state.exp_avg, dtype=torch.float32)
        v = torch.tensor(adam_state.exp_avg_sq, dtype=torch.float32)
    g = torch.cat([tw.reshape(-1), tb.reshape(-1)])
    p0 = torch.cat([w0.reshape(-1), b0.reshape(-1)])
    m_new = torch.empty_like(m)
    v_new = torch.empty_like(v)
    p_new = torch.empty_like(p0)
    # Per parameter tensor, as torch does (weights and bias are separate tensors).
    for sl in (slice(0, d), slice(d, d + 1)):
        m_i, v_i, g_i, p_i = m[sl].clone(), v[sl].clone(), g[sl], p0[sl].clone()
        m_i.lerp_(g_i, 1 - beta1)
        v_i.mul_(beta2).addcmul_(g_i, g_i, value=1 - beta2)
        bc1 = 1 - beta1**step
        bc2 = 1 - beta2**step
        denom = (v_i.sqrt() / (bc2**0.5)).add_(ADAM_EPS)
        p_i.addcdiv_(m_i, denom, value=-(lr / bc1))
        m_new[sl], v_new[sl], p_new[sl] = m_i, v_i, p_i
    bc1 = 1 - beta1**step
    bc2 = 1 - beta2**step
    m64 = m_new.double().numpy()
    v64 = v_new.double().numpy()
    m_hat = m64 / bc1
    v_hat = v64 / bc2
    adam = AdamDetail(
        step=step,
        m=m64,
        v=v64,
        bias_correction1=bc1,
        bias_correction2=bc2,
        m_hat=m_hat,
        v_hat=v_hat,
        step_size=(p0 - p_new).double().numpy(),
    )
    new_state = AdamState(step, tuple(m_new.tolist()), tuple(v_new.tolist()))
    return p_new[:d].reshape(1, d), p_new[d:], adam, new_state


class Stepper:
    """Walk a training run one minibatch or one epoch at a time, explaining every step.

    It starts from the same parameters as :class:`core.training.Trainer` with the same config
    (the seed's draws or the explicit values) and draws the same minibatch order, so its
    epoch losses and parameters are the trainer's.

    Parameters
    ----------
    features, labels
        The data, ``(n, d)`` and ``(n,)``.
    config
        The run's settings (validated; ``ConfigError``).
    detail_limit
        Batches of at most this many rows get per-row arrays.
    """

    def __init__(
        self,
        features: np.ndarray,
        labels: np.ndarray,
        config: TrainingConfig,
        *,
        detail_limit: int = 1000,
    ) -> None:
        import torch

        trainer = Trainer(features, labels, config)
        self.config = config
        self.seed = trainer.seed
        self.x, self.y = trainer.x, trainer.y
        self.weights: tuple[float, ...] = trainer.initial_model.weights
        self.bias: float = trainer.initial_model.bias
        self.adam_state: AdamState | None = None
        self.epochs_done = 0
        self.detail_limit = detail_limit
        self._shuffle = torch.Generator().manual_seed(self.seed)
        self._pending: list[np.ndarray] = []
        self._epoch_steps: list[StepExplanation] = []

    @property
    def n_rows(self) -> int:
        return int(self.x.shape[0])

    @property
    def full_batch(self) -> bool:
        bs = self.config.batch_size
        return bs is None or bs >= self.n_rows

    def next_batch(self) -> StepExplanation:
        """Take one optimizer step on the next batch (the whole data when full batch)."""
        import torch

        if not self._pending:
            self._epoch_steps = []
            if self.full_batch:
                self._pending = [np.arange(self.n_rows, dtype=np.int64)]
            else:
                assert self.config.batch_size is not None
                order = torch.randperm(self.n_rows, generator=self._shuffle)
                self._pending = [t.numpy() for t in torch.split(order, self.config.batch_size)]
        rows = self._pending.pop(0)
        step = _explain(
            self.x,
            self.y,
            weights=self.weights,
            bias=self.bias,
            config=self.config,
            rows=None if self.full_batch else rows,
            adam_state=self.adam_state,
            detail_limit=self.detail_limit,
        )
        self.weights, self.bias = step.weights_after, step.bias_after
        self.adam_state = step.adam_state
        self._epoch_steps.append(step)
        if not self._pending:
            self.epochs_done += 1
        return step

    def next_epoch(self) -> EpochExplanation:
        """Finish the current epoch (or run a whole one) and explain it."""
        self.next_batch()
        while self._pending:
            self.next_batch()
        steps = tuple(self._epoch_steps)
        self._epoch_steps = []
        if len(steps) == 1 and steps[0].n_rows == self.n_rows and self.full_batch:
            loss = steps[0].loss
        else:
            total = 0.0
            for s in steps:
                total += s.loss * s.n_rows
            loss = total / self.n_rows
        return EpochExplanation(self.epochs_done, loss, steps)
