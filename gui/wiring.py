"""How the window's parts are wired: session → panels, panels → window, in two steps.

``connect_first_frame`` wires what the first frame holds (data, training, prediction, the
documents); ``build_panels`` and ``connect_panels`` add the plot and analysis panels after it
(see ``MainWindow.complete``). The window calls these once each; every connection is here.
"""

from __future__ import annotations

from typing import Any


def connect_first_frame(w: Any) -> None:
    """Wire the session, the first frame's panels and the documents to the window."""
    s, tp, pp = w.state, w.training_panel, w.prediction_panel
    s.dataChanged.connect(w._on_data_changed)
    s.modelChanged.connect(pp.set_model)
    s.modelOutOfDateChanged.connect(tp.set_model_status)
    s.modelOutOfDateChanged.connect(pp.set_out_of_date)
    s.analysisOptionsChanged.connect(w.exact.schedule)
    s.runningChanged.connect(w._on_running_changed)
    s.progressChanged.connect(tp.show_progress)
    s.errorChanged.connect(w._on_error_changed)
    s.runFinished.connect(w._on_run_finished)
    s.modifiedChanged.connect(w.setWindowModified)
    s.pathChanged.connect(w._update_title)
    tp.trainRequested.connect(w.train)
    tp.pauseRequested.connect(w.toggle_pause)
    tp.stopRequested.connect(w.training.stop)
    tp.resetRequested.connect(w.reset_model)
    tp.settingsEdited.connect(s.mark_changed)
    tp.holdoutChanged.connect(w._update_evaluation_rows)
    tp.statusMessage.connect(w.statusBar().showMessage)
    w.data_panel.statusMessage.connect(w.statusBar().showMessage)
    pp.thresholdChanged.connect(s.set_threshold)
    d = w.documents
    d.projectLoaded.connect(w._on_project_loaded)
    d.importFinished.connect(w.importFinished)
    d.errorRaised.connect(w.show_error_box)
    d.statusMessage.connect(w._on_status_message)


def build_panels(w: Any) -> None:
    """Make the plot and analysis panels (importing pyqtgraph) and put them in their docks."""
    from gui.panels.evaluation_panel import EvaluationPanel
    from gui.panels.landscape_panel import LandscapePanel
    from gui.panels.loss_panel import LossPanel
    from gui.panels.model_panel import ModelPanel
    from gui.panels.runs_panel import RunsPanel
    from gui.panels.statistics_panel import StatisticsPanel
    from gui.panels.step_panel import StepPanel
    from gui.teaching import TeachingController

    w.model_panel = ModelPanel()
    w.loss_panel = LossPanel()
    w.statistics_panel = StatisticsPanel()
    w.evaluation_panel = EvaluationPanel()
    w.landscape_panel = LandscapePanel()
    w.step_panel = StepPanel()
    w.runs_panel = RunsPanel()
    w.teaching = TeachingController(w, w)
    for name, panel in (
        ("model", w.model_panel),
        ("loss", w.loss_panel),
        ("statistics", w.statistics_panel),
        ("evaluation", w.evaluation_panel),
        ("landscape", w.landscape_panel),
        ("step", w.step_panel),
        ("runs", w.runs_panel),
    ):
        old = w.docks[name].widget()
        w.docks[name].setWidget(panel)
        if old is not None:
            old.deleteLater()


def connect_panels(w: Any) -> None:
    """Wire the panels :func:`build_panels` made, and show them what happened before."""
    s, mp, ev, st = w.state, w.model_panel, w.evaluation_panel, w.statistics_panel
    s.modelChanged.connect(mp.set_model)
    s.historyReset.connect(w.loss_panel.set_history)
    s.exactFitChanged.connect(mp.set_exact)
    s.analysisChanged.connect(st.show_analysis)
    s.exactFitProgress.connect(mp.show_fit_progress)
    s.modelChanged.connect(st.set_model)
    s.modelChanged.connect(ev.set_model)
    s.thresholdChanged.connect(ev.set_threshold)
    st.optionsChanged.connect(s.set_analysis_options)
    ev.thresholdRequested.connect(w.set_threshold)
    s.runningChanged.connect(ev.set_training)
    s.runningChanged.connect(st.set_training)
    s.thresholdChanged.connect(mp.set_threshold)
    w.loss_panel.errorRaised.connect(w.show_error_box)
    w.teaching.wire()
    # What happened before the panels were there (a loaded project's run, a threshold).
    mp.set_model(s.model)
    st.set_model(s.model)
    ev.set_model(s.model)
    ev.set_threshold(s.threshold)
    w.loss_panel.set_history(s.history)
