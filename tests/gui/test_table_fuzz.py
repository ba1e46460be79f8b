"""Hypothesis against the table model: any edit is accepted or marked invalid, never lost.

Whatever text or number a user types into any cell, ``setData`` must not raise, the cell must
then read back as that value (a number) or as the text with a reason (invalid), every other
cell must be untouched, and undo must restore the table exactly.
"""

from __future__ import annotations

import math

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from core.data import example_dataset
from gui.table_model import DataTableModel, TableData

values = st.one_of(
    st.text(max_size=12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.sampled_from(["0", "1", "yes", "NO", "pass", " Fail ", "1e400", "nan", "-inf", "2,5", ""]),
)
edits = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 1), values, st.booleans()), min_size=1, max_size=8
)


def state(m: DataTableModel) -> tuple:
    s = m.snapshot()
    return (s.features.tobytes(), s.labels.tobytes(), tuple(sorted(s.invalid.items())))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=edits)
def test_fuzz_set_data(qapp, edits: list[tuple[int, int, object, bool]]) -> None:  # type: ignore[no-untyped-def]
    stack = QUndoStack()
    m = DataTableModel(stack)
    m.load_without_undo(TableData.from_dataset(example_dataset()))
    start = state(m)
    for row, col, value, as_check in edits:
        before = {(r, c): m.cell(r, c) for r in range(4) for c in range(2)}
        index = m.index(row, col)
        if as_check and col == 1:
            state_value = Qt.CheckState.Checked.value if value else Qt.CheckState.Unchecked.value
            assert m.setData(index, state_value, Qt.ItemDataRole.CheckStateRole)
            assert m.cell(row, col) == (1.0 if value else 0.0)
        else:
            assert m.setData(index, value, Qt.ItemDataRole.EditRole)
            got = m.cell(row, col)
            if isinstance(got, str):
                assert (row, col) in m.invalid_cells
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                assert f"Row {row + 1}" in tip
                assert m.first_problem() is not None
            else:
                assert math.isfinite(got)
                if col == 1:
                    assert got in (0.0, 1.0)
        for (r, c), v in before.items():
            if (r, c) != (row, col):
                assert m.cell(r, c) == v or (isinstance(v, float) and np.isnan(v))
    while stack.canUndo():
        stack.undo()
    assert state(m) == start
    assert m.first_problem() is None
