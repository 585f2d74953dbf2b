"""Issue #14, names, colours, layout and the training curve: the widgets as an analyst meets them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

NOW = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)


def _snapshot(kind, name, *, seq=1, expires=None, progress=None, metrics=None, sid=None):
    from orca_huntr.snapshots import SnapshotInfo

    return SnapshotInfo(
        id=sid or f"s-{seq}",
        model_id="m-1",
        seq=seq,
        kind=kind,
        name=name,
        created_at=NOW - timedelta(hours=1),
        expires_at=expires,
        counts={"training_areas": 2, "labels_per_class": {1: 5}, "scenes": 1},
        metrics=metrics or {},
        progress=progress if progress is not None else {"steps": 500, "epochs": 3.44, "tiles_seen": 4000},
        parent_id=None,
        config={"mode": "count"},
    )


def test_card_shows_steps_epochs_and_the_expiry_date(qtbot):
    from orca_huntr.ui.timeline import TimelineWidget, format_timestamp

    expires = datetime(2026, 1, 17, 9, 30, tzinfo=UTC)
    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    timeline.set_snapshots(
        [
            _snapshot("current", "#2 · 900 steps", seq=2, progress={"steps": 900, "epochs": 6.0}),
            _snapshot(
                "temporary", "#1 · 1 step", seq=1, expires=expires, progress={"steps": 1, "epochs": 0.04}
            ),
        ]
    )
    current, temporary = timeline.entries()
    assert current.progress_label.text() == "900 steps · 6.0 epochs"
    assert temporary.progress_label.text() == "1 step · 0.0 epochs"
    # the card's second line is the time: the default name does not repeat it
    assert current.time_label.text() not in current.name_label.text()
    assert f"Expires on {format_timestamp(expires)} (local time)" in temporary.badge.toolTip()
    assert "Expires on" not in current.badge.toolTip()


def test_detection_layers_are_named_after_the_rasters_layer(fresh_project, tmp_path):
    import synthdata
    from qgis.core import QgsRasterLayer

    from orca_huntr.adapters.detection_layer import name_options, scene_name
    from orca_huntr.detection import DetectOptions

    scene = synthdata.write_scene(tmp_path / "ortho_2023_rgb.tif", 32)
    other = synthdata.write_scene(tmp_path / "elsewhere.tif", 32)
    layer = QgsRasterLayer(str(scene.path), "Orthophoto 2023")
    fresh_project.addMapLayer(layer)
    assert scene_name(layer) == "Orthophoto 2023"
    # a path (Processing, the console) is named after the project's layer reading that file
    assert scene_name(str(scene.path), fresh_project) == "Orthophoto 2023"
    assert scene_name(str(other.path), fresh_project) == "elsewhere"  # no layer reads it
    assert name_options(DetectOptions(), layer).scene_name == "Orthophoto 2023"
    assert name_options(DetectOptions(scene_name="mine"), layer).scene_name == "mine"  # given: kept


# -- layout -------------------------------------------------------------------------------------


def _band_above_buttons(dialog) -> int:
    """Pixels between the bottom of the widget above the buttons and the buttons' top."""
    from qgis.PyQt.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
    above = dialog.problem_label if dialog.problem_label.isVisible() else dialog.advanced
    bottom = above.mapTo(dialog, above.rect().bottomLeft()).y()
    return dialog.buttons.mapTo(dialog, dialog.buttons.rect().topLeft()).y() - bottom


def test_dialogs_leave_no_empty_band_when_advanced_is_folded(qtbot, fresh_project, tmp_path):
    from types import SimpleNamespace

    import synthdata
    from qgis.core import QgsRasterLayer

    from orca_huntr.ui.detect_dialog import DetectDialog
    from orca_huntr.ui.new_model_dialog import NewModelDialog

    scene = synthdata.write_scene(tmp_path / "scene.tif", 32)
    fresh_project.addMapLayer(QgsRasterLayer(str(scene.path), "scene"))
    new = NewModelDialog(None, fresh_project)
    qtbot.addWidget(new)
    new.name_edit.setText("Trees")
    detect = DetectDialog(SimpleNamespace(name="m", id="m", classes=[]), [], None, None, fresh_project)
    qtbot.addWidget(detect)
    for dialog in (new, detect):
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda d=dialog: d.height() == d.sizeHint().height())
        assert dialog.advanced.isCollapsed()
        assert _band_above_buttons(dialog) <= 12, dialog.objectName()
        folded = dialog.height()
        dialog.advanced.setCollapsed(False)
        qtbot.waitUntil(lambda d=dialog, h=folded: d.height() > h + 100)  # it grows to show them
        dialog.advanced.setCollapsed(True)
        qtbot.waitUntil(lambda d=dialog, h=folded: d.height() == h)  # and shrinks back
        assert _band_above_buttons(dialog) <= 12, dialog.objectName()
    # the problem line takes room only while there is a problem
    assert not new.problem_label.isVisible()
    new.name_edit.setText("")
    assert new.problem_label.isVisible() and new.problem_label.text() == "Give the model a name."
    assert detect.problem_label.isVisible()  # no snapshot: said above the buttons


def test_colour_button_and_its_arrow_stay_inside_their_cell(qtbot):
    from orca_huntr.ui.class_table import ClassTable

    table = ClassTable()
    qtbot.addWidget(table)
    table.add_class("Tree")
    table.add_class("Roof")
    table.resize(420, 220)
    table.show()
    qtbot.waitExposed(table)
    viewport = table.table.viewport()
    for row in range(2):
        button = table.colour_button(row)
        cell = table.table.visualRect(table.table.model().index(row, 1))
        box = button.geometry().translated(button.parentWidget().pos())
        assert cell.contains(box), (cell, box)
        assert viewport.rect().contains(box)
        assert button.width() >= button.sizeHint().width()  # room for the swatch and its arrow
    assert table.colours() == ["#e6194b", "#3cb44b"]
    table.colour_button(1).setColor(table.colour_button(0).color())
    assert table.colours() == ["#e6194b", "#e6194b"]


def test_training_area_legend_names_each_purpose_once(fresh_project, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsRenderContext

    from orca_huntr.snapshots import ClassSpec, InputSpec, Workspace
    from orca_huntr.ui.training_layers import AREAS, add_training_layers

    ws = Workspace.open(tmp_path / "site.huntr")
    model = ws.create_model(
        "Trees", classes=[ClassSpec("Tree", "#33a02c")], input_spec=InputSpec(crs="EPSG:32612")
    )
    areas = add_training_layers(ws, model, fresh_project)[AREAS]
    renderer = areas.renderer()
    assert [item.label() for item in renderer.legendSymbolItems()] == ["Training", "Validation (accuracy)"]
    # an area without a purpose is drawn (and trained) as a training area, 'validation' dashed
    context = QgsRenderContext()
    renderer.startRender(context, areas.fields())
    try:
        drawn = {}
        for purpose in (None, "train", "validation", "other"):
            feature = QgsFeature(areas.fields())
            feature.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0,1 0,1 1,0 1,0 0))"))
            feature.setAttribute("purpose", purpose)
            context.expressionContext().setFeature(feature)
            symbol = renderer.symbolForFeature(feature, context)
            drawn[purpose] = symbol.symbolLayer(0).strokeStyle()
    finally:
        renderer.stopRender(context)
    assert drawn[None] == drawn["train"] == drawn["other"] != drawn["validation"]


# -- messages -----------------------------------------------------------------------------------


def test_long_errors_get_show_more_and_go_whole_to_the_log(qgis_iface):
    from qgis.core import Qgis, QgsApplication

    from orca_huntr import qgis_log
    from orca_huntr.errors import InputDataError
    from orca_huntr.ui import messages

    logged = []

    def keep(message, tag, level):
        if tag == qgis_log.TAG:
            logged.append(message)

    QgsApplication.messageLog().messageReceived.connect(keep)
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    long_text = "Band count does not match: " + "the raster has 1 band, the model 3. " * 8
    try:
        messages.show_error(qgis_iface, InputDataError(long_text), "Detection failed")
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(keep)
    [shown] = bar.get_messages(Qgis.Warning)
    assert shown.endswith(" …") and len(shown) < len(long_text)
    assert messages.short_text(long_text).rstrip(" …") in long_text
    assert any(long_text.strip() in message for message in logged)  # the whole text, in the log tab
    # a short one is shown as it is and not logged twice
    assert messages.short_text("Stopped.") == "Stopped."
    assert messages.short_text("One line.\nSecond line.") == "One line. …"


def test_sticky_messages_never_resurface(qgis_app):
    from qgis.core import Qgis
    from qgis.gui import QgsMessageBar

    from orca_huntr.ui import messages

    class Iface:
        def __init__(self):
            self.bar = QgsMessageBar()

        def messageBar(self):
            return self.bar

    iface = Iface()
    bar = iface.bar
    messages.push(iface, "0 detections: try a longer training", Qgis.Warning, duration=0)
    messages.push(iface, "Training could not start", Qgis.Warning, duration=0)
    # only the newest sticky message stays: closing it brings back no stale one
    assert [item.text() for item in bar.items()] == ["Training could not start"]
    messages.push(iface, "Detection started", Qgis.Info)  # a passing one is left alone
    assert len(bar.items()) == 2
    messages.clear_sticky(iface)  # a new project, an unload
    assert [item.text() for item in bar.items()] == ["Detection started"]
    bar.popWidget(bar.currentItem())
    assert bar.items() == []
    # a long one: shortened in the bar, the whole text behind QGIS's "Show more"
    long_text = "The raster does not fit the model: " + "it has 1 band, the model was trained on 3. " * 6
    messages.push(iface, long_text, Qgis.Warning, duration=0)
    item = bar.currentItem()
    assert item.text() == messages.short_text(long_text) and item.text().endswith(" …")
    assert item.widget() is not None and item.widget().defaultAction().text() == "Show more"


# -- the training curve -------------------------------------------------------------------------


def _trained(seq, steps, kind, loss_points, validation, f1):
    return _snapshot(
        kind,
        f"#{seq}",
        seq=seq,
        sid=f"s-{seq}",
        progress={"steps": steps, "epochs": steps / 10},
        metrics={
            "f1": f1,
            "loss": loss_points[-1][1],
            "history": {"loss": loss_points, "validation": validation},
        },
    )


def _timeline():
    first = _trained(1, 20, "saved", [[10, 1.2], [20, 0.9]], [[10, 0.95, 0.1, 0.2]], 0.2)
    second = _trained(2, 40, "current", [[30, 0.7], [40, 0.5]], [[30, 0.6, 0.4, 0.5]], 0.55)
    return [second, first]  # newest first, as the store lists them


def test_curve_joins_the_snapshots_histories():
    from orca_huntr.ui.training_curve import curve_data

    data = curve_data(_timeline())
    assert data.loss == [(10, 1.2), (20, 0.9), (30, 0.7), (40, 0.5)]
    # validations during the runs, then each snapshot's own (final) F1 at its step
    assert data.metric == [(10, 0.1), (20, 0.2), (30, 0.4), (40, 0.55)]
    assert [(m.step, m.name, m.kind) for m in data.markers] == [(20, "#1", "saved"), (40, "#2", "current")]
    # a snapshot from before the history was kept still shows its last loss and F1
    old = _snapshot("current", "old", progress={"steps": 50, "epochs": 1}, metrics={"loss": 0.4, "f1": 0.3})
    assert curve_data([old]).loss == [(50, 0.4)] and curve_data([old]).metric == [(50, 0.3)]
    seg = _snapshot("current", "s", metrics={"mean_iou": 0.7, "f1": 0.1})
    assert curve_data([seg], "segmentation").metric == [(500, 0.7)]  # IoU for segmentation


def test_curve_draws_loss_metric_and_snapshot_marks(qtbot):
    from qgis.PyQt.QtGui import QColor

    from orca_huntr.training.config import Progress
    from orca_huntr.ui.timeline import BADGE_COLOURS
    from orca_huntr.ui.training_curve import LOSS_COLOUR, METRIC_COLOUR, TrainingCurve

    curve = TrainingCurve()
    qtbot.addWidget(curve)
    curve.resize(320, 130)
    empty = curve.grab().toImage()

    def colours(image):
        return {
            image.pixelColor(x, y).name()
            for x in range(0, image.width(), 1)
            for y in range(0, image.height(), 1)
        }

    assert QColor(LOSS_COLOUR).name() not in colours(empty)
    curve.set_snapshots(_timeline(), "m-1")
    drawn = colours(curve.grab().toImage())
    for colour in (LOSS_COLOUR, METRIC_COLOUR, BADGE_COLOURS["saved"][0], BADGE_COLOURS["current"][0]):
        assert QColor(colour).name() in drawn, colour
    rect = curve._plot_rect()
    assert curve.marker_at(curve._x(rect, 40)).name == "#2"
    assert curve.marker_at(curve._x(rect, 30)) is None  # between the marks: no snapshot
    # a running training of the same model adds its steps live ...
    live = Progress(step=41, total_steps=60, epoch=4.1, loss=0.45, eta_seconds=5, fraction=0.5, message="")
    curve.add_progress(live)
    curve.add_progress(Progress(42, 60, 4.2, 0.44, 4, 0.52, "", metrics={"f1": 0.6, "val_loss": 0.3}))
    assert curve.data.loss[-2:] == [(41, 0.45), (42, 0.44)] and curve.data.metric[-1] == (42, 0.6)
    assert curve.data.steps() == (10, 42)
    # ... kept across a refresh of the same timeline, dropped once a snapshot holds them
    curve.set_snapshots(_timeline(), "m-1")
    assert curve.data.loss[-1] == (42, 0.44)
    newer = _trained(3, 42, "current", [[42, 0.44]], [], 0.6)
    curve.set_snapshots([newer, *_timeline()], "m-1")
    assert curve.data.loss.count((42, 0.44)) == 1
    curve.set_snapshots([], "m-2")  # another model: nothing of this one
    assert curve.data.empty()
