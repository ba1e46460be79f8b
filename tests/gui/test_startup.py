"""The window's first frame: shown before torch, pyqtgraph and the statistics are imported, then
completed in place (issue 12, "Time to window")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("_startup_probe.py")


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> dict:
    home = tmp_path_factory.mktemp("home")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home),
        "LOGREG_STUDIO_NO_WARMUP": "1",
        "LOGREG_STUDIO_NO_CRASH_DIALOG": "1",
    }
    out = subprocess.run(
        [sys.executable, str(PROBE)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    lines = [x for x in out.stdout.splitlines() if x.startswith("PROBE ")]
    assert lines, f"exit {out.returncode}\n{out.stdout[-2000:]}\n{out.stderr[-4000:]}"
    return json.loads(lines[-1][len("PROBE ") :])


def test_window_is_shown_before_torch_pyqtgraph_and_the_statistics_load(probe: dict) -> None:
    assert probe["visible_at_exec"]
    assert probe["loaded_at_exec"] == []
    # The first frame is painted with none of them either: they load after it.
    assert probe["loaded_after_first_frame"] == []
    assert probe["ready_after_first_frame"] is False


def test_every_named_widget_is_there_once_the_window_is_complete(probe: dict) -> None:
    assert probe["ready"]
    names = set(probe["deferred_names"])
    assert {"lossPlot", "curvePlot", "trainButton", "dataTable"} <= names
    assert names == set(probe["eager_names"])


def test_the_docks_do_not_move_when_the_plots_arrive(probe: dict) -> None:
    def on_screen(geometry: dict[str, list[int]]) -> dict[str, list[int]]:
        return {n: g for n, g in geometry.items() if g[0] >= 0 and g[1] >= 0}

    first = on_screen(probe["first_frame_geometry"])
    assert {"data", "training", "model", "loss", "prediction"} <= set(first)
    assert first == on_screen(probe["ready_geometry"])
