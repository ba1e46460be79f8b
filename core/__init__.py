"""Logistic Regression Studio's engine: data, model, training, exact fit and files.

Plain Python, numpy and (lazily) torch. Nothing here imports Qt, pyqtgraph or ``gui``;
``tests/core/test_qt_free.py`` and the import-linter contract in ``pyproject.toml`` prove it.
"""

__version__ = "0.1.0"
