"""The code behind a run: a standalone PyTorch script (or notebook) that reproduces it exactly.

:func:`script_for` writes a commented script that needs nothing but ``torch``, runs from any
folder with plain ``python``, and prints the same lines as ``main.py train DATA.csv`` with the
same options: the ``Epoch …`` lines, the ``Prediction …`` lines and the decision boundary. It
does what :class:`core.training.Trainer` does, in the seed post's style: ``torch.manual_seed``
then ``nn.Linear`` (the same draws as the trainer's default initialisation), the explicit
initial parameters copied in, the optimizer with its learning rate and weight decay, and for
minibatches a ``torch.Generator`` seeded with the same seed that draws each epoch's order.

:func:`notebook_for` gives the same code as an nbformat 4 notebook, one cell per step with a
short explanation before it.

Every sentence a reader sees (comments in the script, the notebook's text) lives in
:data:`TEXTS`, one dictionary per language, so that a translation is one more entry.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from core.data import Dataset
from core.training import TrainingConfig

__all__ = [
    "INLINE_MAX_ROWS",
    "TEXTS",
    "notebook_for",
    "script_for",
]

#: Tables with at most this many rows are written into the script; larger ones are read from
#: the CSV file when its path is given (and it holds exactly the same data).
INLINE_MAX_ROWS = 1000

#: Every sentence of the generated code and notebook, per language. Placeholders in braces are
#: filled with ``str.format``.
TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Logistic regression with PyTorch, as trained by Logistic Regression Studio",
        "header": (
            "Reproduces one training run of Logistic Regression Studio exactly.\n"
            "It needs only PyTorch and runs with plain `python` from any folder.\n"
            "It prints the same lines as `{command}`."
        ),
        "closed_form_note": (
            "The run used the app's closed-form fast path; this script uses autograd, which\n"
            "agrees with it to about 1e-7 (the printed 4-decimal numbers are the same)."
        ),
        "imports_md": (
            "## Imports\nOnly PyTorch is needed (plus `math` and `sys` from Python itself)."
        ),
        "data_md": (
            "## The data\nEach row of `x_data` holds the features of one example and the same row "
            "of `y_data` its label, 0 or 1. PyTorch trains in float32, so the numbers are stored "
            "as float32."
        ),
        "data_inline": "Training data ({rows} rows, features: {features}) and labels ({label})",
        "data_csv": (
            "Training data: read from the CSV file below ({rows} rows, features: {features},\n"
            "label: {label}). Every column but the last is a feature, the last is the 0/1 label;\n"
            "a header line is skipped, and labels may also be true/false, yes/no or pass/fail."
        ),
        "data_csv_path": "Change this path if you move the file.",
        "model_md": (
            "## The model\n`nn.Linear` computes the score z = w·x + b and the sigmoid turns it into "
            "a probability ŷ = σ(z) between 0 and 1."
        ),
        "model_linear": "{d} input(s), one output: the score z = w·x + b",
        "model_forward": "the probability that the label is 1",
        "init_md": (
            "## The starting point\n`torch.manual_seed` makes PyTorch's random initial weight and "
            "bias the same every time; explicit starting values, when given, replace them."
        ),
        "init_seed": "The seed decides nn.Linear's random initial parameters{and_order}.",
        "init_seed_order": " and the order of the minibatches",
        "init_drawn": "(No seed was set, so this one was drawn at random.)",
        "init_weights": "Explicit initial weight(s), as set in the app",
        "init_bias": "Explicit initial bias, as set in the app",
        "loss_md": (
            "## Loss and optimizer\nThe binary cross entropy (BCE) is the mean of "
            "−[y·log ŷ + (1−y)·log(1−ŷ)] over the rows; the optimizer moves the parameters "
            "against its gradient."
        ),
        "loss_criterion": "Binary cross entropy, averaged over the rows",
        "loss_sgd": "Plain gradient descent: w <- w - lr * dL/dw",
        "loss_adam": "Adam: a step per parameter from running averages of the gradient",
        "loss_decay": "weight decay adds weight_decay * parameter to each gradient (bias included)",
        "train_md": (
            "## Training\nEach epoch: the forward pass, the loss, `backward()` computes the "
            "gradient, `step()` updates the parameters. The loss printed is the one before that "
            "epoch's update."
        ),
        "train_minibatch_md": (
            " With minibatches the rows are shuffled every epoch and each batch gets its own "
            "update; the epoch's loss is the row-weighted mean of its batches' losses."
        ),
        "train_diverged": "stop when the numbers stop being finite (a learning rate too large)",
        "train_forward": "Forward pass and loss",
        "train_backward": "Zero the gradients, backward pass, update the parameters",
        "train_shuffle": "A new order of the rows every epoch, drawn from the seeded generator",
        "train_print": "Print every {log_every} epoch(s), as the post does",
        "predict_md": (
            "## Predictions\nThe trained model's probability for new inputs, compared with the "
            "threshold."
        ),
        "predict_comment": "After training: the probability for each new input",
        "boundary_md": (
            "## The decision boundary\nThe input at which the probability equals the threshold: "
            "σ(w·x + b) = t means x = (log(t / (1 − t)) − b) / w."
        ),
        "boundary_comment": "Where the probability crosses the threshold",
    },
    "ko": {
        "title": "PyTorch로 구현한 로지스틱 회귀, Logistic Regression Studio에서 학습한 그대로",
        "header": (
            "Logistic Regression Studio의 학습 실행 하나를 그대로 재현합니다.\n"
            "PyTorch만 있으면 되고, 어느 폴더에서든 그냥 `python`으로 실행합니다.\n"
            "출력하는 줄은 `{command}`의 출력과 같습니다."
        ),
        "closed_form_note": (
            "이 실행은 앱의 닫힌 형식 빠른 경로를 썼습니다. 이 스크립트는 autograd를 쓰며,\n"
            "약 1e-7까지 일치합니다(출력되는 소수점 네 자리 숫자는 같습니다)."
        ),
        "imports_md": "## 라이브러리 불러오기\nPyTorch만 있으면 됩니다(그리고 Python 내장 `math`와 `sys`).",
        "data_md": (
            "## 데이터\n`x_data`의 각 행은 예제 하나의 특성이고, `y_data`의 같은 행은 그 레이블(0 또는 1)"
            "입니다. PyTorch는 float32로 학습하므로 숫자도 float32로 저장합니다."
        ),
        "data_inline": "학습 데이터({rows}개 행, 특성: {features})와 레이블({label})",
        "data_csv": (
            "학습 데이터: 아래 CSV 파일에서 읽습니다({rows}개 행, 특성: {features},\n"
            "레이블: {label}). 마지막 열은 0/1 레이블이고 나머지 열은 모두 특성입니다.\n"
            "머리글 줄은 건너뛰며, 레이블은 true/false, yes/no, pass/fail이어도 됩니다."
        ),
        "data_csv_path": "파일을 옮기면 이 경로를 바꾸세요.",
        "model_md": (
            "## 모델\n`nn.Linear`가 점수 z = w·x + b를 계산하고, 시그모이드가 이를 0과 1 사이의 확률 "
            "ŷ = σ(z)로 바꿉니다."
        ),
        "model_linear": "입력 {d}개, 출력 하나: 점수 z = w·x + b",
        "model_forward": "레이블이 1일 확률",
        "init_md": (
            "## 시작점\n`torch.manual_seed`는 PyTorch가 무작위로 정하는 초기 가중치와 편향을 매번 "
            "같게 만듭니다. 시작값을 직접 주면 그 값으로 바꿉니다."
        ),
        "init_seed": "시드가 nn.Linear의 무작위 초기 파라미터{and_order}를 정합니다.",
        "init_seed_order": "와 미니배치의 순서",
        "init_drawn": "(시드를 정하지 않아서 이 값을 무작위로 뽑았습니다.)",
        "init_weights": "앱에서 정한 초기 가중치",
        "init_bias": "앱에서 정한 초기 편향",
        "loss_md": (
            "## 손실 함수와 옵티마이저\n이진 교차 엔트로피(BCE)는 행들에 대한 "
            "−[y·log ŷ + (1−y)·log(1−ŷ)]의 평균입니다. 옵티마이저는 그 기울기의 반대 방향으로 "
            "파라미터를 움직입니다."
        ),
        "loss_criterion": "이진 교차 엔트로피, 행들에 대한 평균",
        "loss_sgd": "기본 경사 하강법: w <- w - lr * dL/dw",
        "loss_adam": "Adam: 기울기의 이동 평균으로 파라미터마다 스텝 크기를 정합니다",
        "loss_decay": "가중치 감쇠는 각 기울기에 weight_decay * 파라미터를 더합니다(편향 포함)",
        "train_md": (
            "## 학습\n에포크마다: 순전파, 손실 계산, `backward()`로 기울기 계산, `step()`으로 "
            "파라미터 업데이트. 출력하는 손실은 그 에포크의 업데이트 전 손실입니다."
        ),
        "train_minibatch_md": (
            " 미니배치를 쓰면 에포크마다 행을 섞고 배치마다 따로 업데이트합니다. 에포크의 손실은 "
            "배치 손실들의 행 수 가중 평균입니다."
        ),
        "train_diverged": "숫자가 유한하지 않게 되면 멈춥니다(학습률이 너무 큰 경우)",
        "train_forward": "순전파와 손실",
        "train_backward": "기울기 초기화, 역전파, 파라미터 업데이트",
        "train_shuffle": "에포크마다 시드를 준 생성기에서 행의 새 순서를 뽑습니다",
        "train_print": "포스트처럼 {log_every} 에포크마다 출력합니다",
        "predict_md": "## 예측\n학습된 모델이 새 입력에 대해 내는 확률을 임계값과 비교합니다.",
        "predict_comment": "학습 후: 새 입력마다의 확률",
        "boundary_md": (
            "## 결정 경계\n확률이 임계값과 같아지는 입력: σ(w·x + b) = t이면 "
            "x = (log(t / (1 − t)) − b) / w입니다."
        ),
        "boundary_comment": "확률이 임계값을 넘는 지점",
    },
}

_CSV_READER = """
LABEL_WORDS = {"0": 0.0, "1": 1.0, "false": 0.0, "true": 1.0,
               "no": 0.0, "yes": 1.0, "fail": 0.0, "pass": 1.0}


def read_label(text):
    key = text.strip().lower()
    if key in LABEL_WORDS:
        return LABEL_WORDS[key]
    value = float(key)
    if value not in (0.0, 1.0):
        raise ValueError(f"{text!r} is not a 0/1 label")
    return value + 0.0


def read_table(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        lines = [line for line in handle.read().splitlines() if line.strip()]
    delimiter = next((d for d in ("\\t", ";", ",") if d in lines[0]), ",")
    rows = [line.split(delimiter) for line in lines]
    try:
        [float(cell) for cell in rows[0][:-1]], read_label(rows[0][-1])
    except ValueError:
        rows = rows[1:]  # the header line
    features = [[float(cell) for cell in row[:-1]] for row in rows]
    labels = [[read_label(row[-1])] for row in rows]
    return features, labels
"""


@dataclass(frozen=True)
class _Section:
    key: str  # the TEXTS key of its markdown, without "_md"
    code: str
    extra_md: str = ""


def script_for(
    config: TrainingConfig,
    dataset: Dataset,
    csv_path: str | os.PathLike[str] | None = None,
    *,
    seed: int | None = None,
    log_every: int = 100,
    predict: Sequence[Sequence[float]] | None = None,
    threshold: float = 0.5,
    language: str = "en",
    inline_max_rows: int = INLINE_MAX_ROWS,
) -> str:
    """Return a standalone, commented PyTorch script that reproduces a training run.

    Run with plain ``python`` and only ``torch`` installed, from any folder, it prints the same
    lines as ``main.py train DATA.csv`` with the same options (``Epoch …`` every ``log_every``
    epochs, then the ``Prediction …`` lines and, for one feature, the decision boundary).

    Parameters
    ----------
    config
        The run's settings; validated against the data (``ConfigError``). The closed-form
        method is written as the autograd loop it agrees with (to ~1e-7).
    dataset
        The training data.
    csv_path
        The CSV file the data came from. Used only when the table has more than
        ``inline_max_rows`` rows and the file, read with the script's plain parser, gives
        exactly ``dataset``; otherwise the data are written into the script.
    seed
        The seed the run used (``Trainer.seed``); overrides ``config.seed``. When both are
        ``None`` a seed is drawn here, as the trainer would, and written into the script.
    log_every
        Print the loss every this many epochs (``--log-every``).
    predict
        Rows of feature values to predict after training (``--predict``), ``d`` values each.
    threshold
        The probability threshold (``--threshold``), strictly between 0 and 1.
    language
        A key of :data:`TEXTS`.
    inline_max_rows
        Largest table written into the script.

    Returns
    -------
    str
        The script's source.

    Raises
    ------
    ValueError
        If an argument is malformed (a prediction row of the wrong length, an unknown
        language, a bad threshold or ``log_every``).
    core.training.ConfigError
        If a setting is out of range for the data.
    """
    texts = _texts(language)
    sections, header = _build(
        config,
        dataset,
        csv_path,
        seed=seed,
        log_every=log_every,
        predict=predict,
        threshold=threshold,
        texts=texts,
        inline_max_rows=inline_max_rows,
    )
    parts = [f'"""{header}\n"""\n']
    parts.extend(s.code for s in sections)
    return "\n\n".join(parts)


def notebook_for(
    config: TrainingConfig,
    dataset: Dataset,
    csv_path: str | os.PathLike[str] | None = None,
    *,
    seed: int | None = None,
    log_every: int = 100,
    predict: Sequence[Sequence[float]] | None = None,
    threshold: float = 0.5,
    language: str = "en",
    inline_max_rows: int = INLINE_MAX_ROWS,
) -> dict[str, Any]:
    """Return the same code as :func:`script_for` as a Jupyter notebook (nbformat 4.5).

    One markdown cell explaining each step, then that step's code cell; run in order, the
    cells print the script's lines. Parameters are those of :func:`script_for`.

    Returns
    -------
    dict
        The notebook as JSON-ready data (write it with ``json.dump``).
    """
    texts = _texts(language)
    sections, header = _build(
        config,
        dataset,
        csv_path,
        seed=seed,
        log_every=log_every,
        predict=predict,
        threshold=threshold,
        texts=texts,
        inline_max_rows=inline_max_rows,
    )
    cells: list[dict[str, Any]] = [_markdown(f"# {texts['title']}\n\n{header}", 0)]
    for i, s in enumerate(sections):
        cells.append(_markdown(texts[f"{s.key}_md"] + s.extra_md, 2 * i + 1))
        cells.append(
            {
                "cell_type": "code",
                "id": f"code-{i + 1}",
                "metadata": {},
                "execution_count": None,
                "outputs": [],
                "source": _lines(s.code.strip("\n")),
            }
        )
    return {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "cells": cells,
    }


# ------------------------------------------------------------------------------------------


def _texts(language: str) -> dict[str, str]:
    if language not in TEXTS:
        raise ValueError(f"No texts for the language {language!r}; known: {', '.join(TEXTS)}.")
    return TEXTS[language]


def _markdown(text: str, index: int) -> dict[str, Any]:
    return {"cell_type": "markdown", "id": f"text-{index}", "metadata": {}, "source": _lines(text)}


def _lines(text: str) -> list[str]:
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + [lines[-1]]


def _comment(text: str, indent: str = "") -> str:
    return "\n".join(f"{indent}# {line}" for line in text.split("\n"))


def _num(value: float) -> str:
    """Python source for a float that reads back bit for bit."""
    return repr(float(value))


def _wrap_items(items: list[str], indent: str, width: int = 96) -> str:
    lines: list[str] = []
    current = ""
    for item in items:
        piece = f"{item},"
        if current and len(indent) + len(current) + 1 + len(piece) > width:
            lines.append(indent + current)
            current = piece
        else:
            current = f"{current} {piece}" if current else piece
    if current:
        lines.append(indent + current)
    return "\n".join(lines)


def _csv_matches(path: str, dataset: Dataset) -> bool:
    """Whether the script's plain parser reads ``path`` as exactly ``dataset``."""
    namespace: dict[str, Any] = {}
    exec(_CSV_READER, namespace)
    try:
        features, labels = namespace["read_table"](path)
        x = np.asarray(features, dtype=np.float64)
        y = np.asarray(labels, dtype=np.float64).reshape(-1)
    except (OSError, ValueError, IndexError, UnicodeDecodeError):
        return False
    return (
        x.shape == dataset.features.shape
        and np.array_equal(x, dataset.features)
        and np.array_equal(y, dataset.labels)
    )


def _command(
    config: TrainingConfig,
    seed: int,
    log_every: int,
    predict: np.ndarray,
    threshold: float,
) -> str:
    parts = ["python main.py train DATA.csv", f"--epochs {config.epochs}"]
    parts.append(f"--lr {config.learning_rate!r}")
    if config.optimizer != "sgd":
        parts.append(f"--optimizer {config.optimizer}")
    if config.weight_decay:
        parts.append(f"--weight-decay {config.weight_decay!r}")
    if config.batch_size is not None:
        parts.append(f"--batch-size {config.batch_size}")
    parts.append(f"--seed {seed}")
    if config.init_weights is not None:
        parts.append("--init-weight " + " ".join(repr(w) for w in config.init_weights))
    if config.init_bias is not None:
        parts.append(f"--init-bias {config.init_bias!r}")
    if log_every != 100:
        parts.append(f"--log-every {log_every}")
    if predict.size:
        parts.append("--predict " + " ".join(f"{v:g}" for v in predict.reshape(-1)))
    if threshold != 0.5:
        parts.append(f"--threshold {threshold!r}")
    return " ".join(parts)


def _build(
    config: TrainingConfig,
    dataset: Dataset,
    csv_path: str | os.PathLike[str] | None,
    *,
    seed: int | None,
    log_every: int,
    predict: Sequence[Sequence[float]] | None,
    threshold: float,
    texts: dict[str, str],
    inline_max_rows: int,
) -> tuple[list[_Section], str]:
    n, d = dataset.n_rows, dataset.n_features
    rows = _check_options(config, d, log_every, predict, threshold)
    drawn = seed is None and config.seed is None
    used_seed = seed if seed is not None else config.seed
    if used_seed is None:
        used_seed = secrets.randbelow(2**31)
    minibatch = config.batch_size is not None and config.batch_size < n

    header = texts["header"].format(
        command=_command(config, used_seed, log_every, rows, threshold),
    )
    if config.method == "closed-form":
        header += "\n\n" + texts["closed_form_note"]

    sections: list[_Section] = [
        _Section("imports", "import math\nimport sys\n\nimport torch\n"),
        _data_section(dataset, csv_path, texts, inline_max_rows),
        _model_section(d, texts),
        _init_section(config, used_seed, texts, drawn=drawn, minibatch=minibatch),
        _loss_section(config, texts),
        _train_section(config, log_every, texts, minibatch=minibatch),
    ]
    if rows.size:
        sections.append(_predict_section(rows, dataset, threshold, texts))
    # The decision boundary: one feature only, as `main.py train` prints it.
    if d == 1:
        sections.append(_boundary_section(rows, threshold, texts))
    return sections, header


def _check_options(
    config: TrainingConfig,
    d: int,
    log_every: int,
    predict: Sequence[Sequence[float]] | None,
    threshold: float,
) -> npt.NDArray[np.float64]:
    """Validate the options; the prediction rows as an ``(m, d)`` array."""
    config.validate(d)
    if isinstance(log_every, bool) or not isinstance(log_every, int) or log_every < 1:
        raise ValueError(f"log_every must be a whole number of at least 1, not {log_every!r}.")
    if not (isinstance(threshold, int | float) and 0.0 < threshold < 1.0):
        raise ValueError(f"The threshold must be strictly between 0 and 1, not {threshold!r}.")
    rows = np.asarray(predict if predict is not None else [], dtype=np.float64)
    if rows.size == 0:
        rows = np.zeros((0, d))
    if rows.ndim != 2 or rows.shape[1] != d:
        raise ValueError(f"Each prediction row needs {d} value(s), one per feature.")
    if not np.isfinite(rows).all():
        raise ValueError("Prediction values must be finite numbers.")
    return rows


def _data_section(
    dataset: Dataset,
    csv_path: str | os.PathLike[str] | None,
    texts: dict[str, str],
    inline_max_rows: int,
) -> _Section:
    """The data: read from the CSV file when it is large and unchanged, else written inline."""
    n = dataset.n_rows
    names = ", ".join(dataset.feature_names)
    path_str = os.fspath(csv_path) if csv_path is not None else None
    if n > inline_max_rows and path_str is not None and _csv_matches(path_str, dataset):
        code = (
            _comment(texts["data_csv"].format(rows=n, features=names, label=dataset.label_name))
            + "\n"
            + _CSV_READER.strip("\n")
            + "\n\n\n"
            + _comment(texts["data_csv_path"])
            + f"\nDATA_CSV = {os.path.abspath(path_str)!r}\n"
            + "features, labels = read_table(DATA_CSV)\n"
            + "x_data = torch.tensor(features, dtype=torch.float32)\n"
            + "y_data = torch.tensor(labels, dtype=torch.float32)\n"
        )
    else:
        x_items = ["[" + ", ".join(_num(v) for v in row) + "]" for row in dataset.features]
        y_items = [f"[{_num(v)}]" for v in dataset.labels]
        code = (
            _comment(texts["data_inline"].format(rows=n, features=names, label=dataset.label_name))
            + "\nx_data = torch.tensor(\n    [\n"
            + _wrap_items(x_items, " " * 8)
            + "\n    ],\n    dtype=torch.float32,\n)\n"
            + "y_data = torch.tensor(\n    [\n"
            + _wrap_items(y_items, " " * 8)
            + "\n    ],\n    dtype=torch.float32,\n)\n"
        )
    code += f"N_ROWS = {n}\n"
    return _Section("data", code)


def _model_section(d: int, texts: dict[str, str]) -> _Section:
    return _Section(
        "model",
        "class Model(torch.nn.Module):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        f"        self.linear = torch.nn.Linear({d}, 1)  # "
        + texts["model_linear"].format(d=d)
        + "\n\n"
        "    def forward(self, x):\n"
        "        return torch.sigmoid(self.linear(x))  # " + texts["model_forward"] + "\n",
    )


def _init_section(
    config: TrainingConfig, used_seed: int, texts: dict[str, str], *, drawn: bool, minibatch: bool
) -> _Section:
    code = (
        _comment(texts["init_seed"].format(and_order=texts["init_seed_order"] if minibatch else ""))
        + "\n"
    )
    if drawn:
        code += _comment(texts["init_drawn"]) + "\n"
    code += f"SEED = {used_seed}\ntorch.manual_seed(SEED)\nmodel = Model()\n"
    if config.init_weights is not None or config.init_bias is not None:
        code += "with torch.no_grad():\n"
        if config.init_weights is not None:
            weights = ", ".join(_num(w) for w in config.init_weights)
            code += (
                _comment(texts["init_weights"], "    ")
                + f"\n    model.linear.weight.copy_(torch.tensor([[{weights}]]))\n"
            )
        if config.init_bias is not None:
            code += (
                _comment(texts["init_bias"], "    ")
                + f"\n    model.linear.bias.fill_({_num(config.init_bias)})\n"
            )
    return _Section("init", code)


def _loss_section(config: TrainingConfig, texts: dict[str, str]) -> _Section:
    opt_name = "Adam" if config.optimizer == "adam" else "SGD"
    decay = f", weight_decay={_num(config.weight_decay)}" if config.weight_decay else ""
    code = (
        _comment(texts["loss_criterion"])
        + "\ncriterion = torch.nn.BCELoss(reduction='mean')\n"
        + _comment(texts["loss_adam" if config.optimizer == "adam" else "loss_sgd"])
        + "\n"
    )
    if config.weight_decay:
        code += _comment(texts["loss_decay"]) + "\n"
    code += (
        f"optimizer = torch.optim.{opt_name}(model.parameters(), "
        f"lr={_num(config.learning_rate)}{decay})\n"
    )
    return _Section("loss", code)


def _train_section(
    config: TrainingConfig, log_every: int, texts: dict[str, str], *, minibatch: bool
) -> _Section:
    code = (
        f"EPOCHS = {config.epochs}\nLOG_EVERY = {log_every}\n"
        + (f"BATCH_SIZE = {config.batch_size}\n" if minibatch else "")
        + "\n\n"
        + "def check_finite(epoch, value):\n"
        + _comment(texts["train_diverged"], "    ")
        + "\n"
        + "    params = [value, *model.linear.weight.flatten().tolist(), model.linear.bias.item()]\n"
        + "    if not all(math.isfinite(v) for v in params):\n"
        + "        print(f'error: Training diverged at epoch {epoch + 1}.', file=sys.stderr)\n"
        + "        sys.exit(2)\n\n\n"
    )
    if minibatch:
        code += (
            "shuffle = torch.Generator().manual_seed(SEED)\n"
            "for epoch in range(EPOCHS):\n" + _comment(texts["train_shuffle"], "    ") + "\n"
            "    order = torch.randperm(N_ROWS, generator=shuffle)\n"
            "    total = 0.0\n"
            "    for batch in torch.split(order, BATCH_SIZE):\n"
            + _comment(texts["train_forward"], "        ")
            + "\n"
            "        loss = criterion(model(x_data[batch]), y_data[batch])\n"
            "        total += loss.item() * len(batch)\n"
            + _comment(texts["train_backward"], "        ")
            + "\n"
            "        optimizer.zero_grad()\n"
            "        loss.backward()\n"
            "        optimizer.step()\n"
            "    value = total / N_ROWS\n"
        )
    else:
        code += (
            "for epoch in range(EPOCHS):\n" + _comment(texts["train_forward"], "    ") + "\n"
            "    y_pred = model(x_data)\n"
            "    loss = criterion(y_pred, y_data)\n"
            "    value = loss.item()\n" + _comment(texts["train_backward"], "    ") + "\n"
            "    optimizer.zero_grad()\n"
            "    loss.backward()\n"
            "    optimizer.step()\n"
        )
    code += (
        "    check_finite(epoch, value)\n"
        + _comment(texts["train_print"].format(log_every=log_every), "    ")
        + "\n"
        "    if epoch % LOG_EVERY == 0:\n"
        "        print(f'Epoch {epoch + 1}/{EPOCHS} | Loss: {value:.4f}')\n"
    )
    return _Section("train", code, texts["train_minibatch_md"] if minibatch else "")


def _predict_section(
    rows: npt.NDArray[np.float64], dataset: Dataset, threshold: float, texts: dict[str, str]
) -> _Section:
    d = dataset.n_features
    queries = ", ".join("[" + ", ".join(_num(v) for v in row) + "]" for row in rows)
    code = (
        f"THRESHOLD = {_num(threshold)}\n"
        + f"FEATURE_NAMES = {list(dataset.feature_names)!r}\n"
        + f"QUERIES = [{queries}]\n"
        + _comment(texts["predict_comment"])
        + "\n"
        "pct = f'{THRESHOLD * 100:g}%'\n"
        "print(f\"\\nLet's predict the hours need to score above {pct}\\n{'=' * 50}\")\n"
        "with torch.no_grad():\n"
        "    probabilities = model(torch.tensor(QUERIES, dtype=torch.float32))[:, 0].tolist()\n"
        "for row, p in zip(QUERIES, probabilities):\n"
    )
    if d == 1:
        code += (
            "    unit = 'hour' if row[0] == 1 else 'hours'\n"
            "    lead = f'Prediction after {row[0]:g} {unit} of training'\n"
        )
    else:
        code += (
            "    values = ', '.join(f'{n}={v:g}' for n, v in zip(FEATURE_NAMES, row))\n"
            "    lead = f'Prediction for {values}'\n"
        )
    code += (
        "    if math.isfinite(p):\n"
        "        print(f'{lead}: {p:.4f} | Above {pct}: {p > THRESHOLD}')\n"
        "    else:\n"
        "        print(f'{lead}: n/a (w·x + b overflowed the model\\'s float32 arithmetic, '\n"
        "              'so there is no probability)')\n"
    )
    return _Section("predict", code)


def _boundary_section(
    rows: npt.NDArray[np.float64], threshold: float, texts: dict[str, str]
) -> _Section:
    code = (
        ("" if rows.size else f"THRESHOLD = {_num(threshold)}\n")
        + _comment(texts["boundary_comment"])
        + (
            "\nw = model.linear.weight.item()\n"
            "b = model.linear.bias.item()\n"
            "boundary = (math.log(THRESHOLD / (1.0 - THRESHOLD)) - b) / w if w != 0.0 else None\n"
            "if boundary is None:\n"
            "    print('Decision boundary: none (the weight is 0, so the probability never '\n"
            "          f'crosses {THRESHOLD:g})')\n"
            "elif not math.isfinite(boundary):\n"
            "    print('Decision boundary: none (the weight is so small that the boundary is '\n"
            "          'beyond the float64 range)')\n"
            "else:\n"
            "    text = f'{boundary:.4f}' if abs(boundary) < 1e9 else f'{boundary:.6g}'\n"
            "    print(f'Decision boundary: {text} hours (probability {THRESHOLD:g})')\n"
        )
    )
    return _Section("boundary", code)
