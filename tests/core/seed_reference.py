"""The seed post's script, kept verbatim as the reference the engine must match.

Only two things differ from the post: the data and the initial parameters are arguments
(the post takes PyTorch's random init), and it returns what it prints instead of printing.
"""

from __future__ import annotations

import torch
from torch import nn, optim, sigmoid, tensor


class Model(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.linear = nn.Linear(1, 1)  # One in and one out

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return sigmoid(self.linear(x))


def run_seed_script(
    w0: float,
    b0: float,
    x: list[float] | None = None,
    y: list[float] | None = None,
    epochs: int = 1000,
    lr: float = 0.01,
) -> tuple[list[str], list[float], float, float]:
    """Return (printed lines, every loss, p(1 hour), p(7 hours))."""
    x_data = tensor([[v] for v in (x or [1.0, 2.0, 3.0, 4.0])])
    y_data = tensor([[v] for v in (y or [0.0, 0.0, 1.0, 1.0])])
    model = Model()
    with torch.no_grad():
        model.linear.weight.fill_(w0)
        model.linear.bias.fill_(b0)
    criterion = nn.BCELoss(reduction="mean")
    optimizer = optim.SGD(model.parameters(), lr=lr)
    lines: list[str] = []
    losses: list[float] = []
    for epoch in range(epochs):
        y_pred = model(x_data)
        loss = criterion(y_pred, y_data)
        losses.append(loss.item())
        if epoch % 100 == 0:
            lines.append(f"Epoch {epoch + 1}/{epochs} | Loss: {loss.item():.4f}")
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    lines.append(f"\nLet's predict the hours need to score above 50%\n{'=' * 50}")
    hour_var = model(tensor([[1.0]]))
    p1 = hour_var.item()
    lines.append(
        f"Prediction after 1 hour of training: {hour_var.item():.4f} | Above 50%: {hour_var.item() > 0.5}"
    )
    hour_var = model(tensor([[7.0]]))
    p7 = hour_var.item()
    lines.append(
        f"Prediction after 7 hours of training: {hour_var.item():.4f} | Above 50%: {hour_var.item() > 0.5}"
    )
    return lines, losses, p1, p7
