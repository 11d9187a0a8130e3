"""The main window: start page, canvas with rulers, inspector, layers, roster and preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from designer.errors import ShoshoError
from designer.model.document import Document
from designer.model.io import load_template
from designer.model.template import PageSpec, Template
from designer.settings import data_home
from designer.ui.autosave import INTERVAL_MS, Autosaver, find_recoveries
from designer.ui.canvas.rendering import ElementLayouts
from designer.ui.canvas.view import CanvasArea
from designer.ui.editor import Editor
from designer.ui.inspector import Inspector
from designer.ui.layers import LayersPanel
from designer.ui.preview import PreviewBar
from designer.ui.roster_panel import RosterPanel, RosterSession
from designer.ui.start_page import StartPage

MAX_RECENT = 10
TEMPLATE_FILTER = "Shosho templates (*.shosho);;Template JSON (*.json)"
ROSTER_FILTER = "Rosters (*.csv *.tsv *.txt *.xlsx *.xlsm)"


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def ui_settings() -> QSettings:
    """Window layout and recent files, kept in the data folder (so SHOSHO_HOME moves them)."""
    return QSettings(str(data_home() / "ui.ini"), QSettings.Format.IniFormat)


PREVIEW_SEAL_URL = "https://verify.example.invalid/#preview"


def preview_values(values: dict | None) -> dict | None:
    """A record's values for the on-screen preview. The seal link exists only once a
    credential is signed, so the preview QR encodes a stand-in link of typical length."""
    if values is None:
        return None
    return {"seal_url": PREVIEW_SEAL_URL, **values}


_qt_fonts_registered = False


def register_fonts_with_qt() -> None:
    """Once per process: bundled and user-added fonts become Qt fonts, so font lists can show
    each family in its own face."""
    global _qt_fonts_registered
    if not _qt_fonts_registered:
        from designer.ui.app import register_fonts
        from designer.ui.fonts import register_user_fonts_with_qt

        register_fonts()
        register_user_fonts_with_qt()
        _qt_fonts_registered = True


class MainWindow(QMainWindow):
    def __init__(
        self, fonts=None, check_recovery: bool = True, autosave_interval_ms: int = INTERVAL_MS
    ) -> None:
        super().__init__()
        register_fonts_with_qt()
        self.autosave_interval_ms = autosave_interval_ms
        self.setObjectName("MainWindow")
        self.fonts = fonts
        self.layouts = ElementLayouts(fonts)
        self.editor: Editor | None = None
        self.canvas: CanvasArea | None = None
        self.autosaver: Autosaver | None = None
        self.session = RosterSession(self)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.start_page = self._make_start_page()
        self.stack.addWidget(self.start_page)
        self.editor_page = QWidget()
        self.editor_layout = QVBoxLayout(self.editor_page)
        self.editor_layout.setContentsMargins(0, 0, 0, 0)
        self.editor_layout.setSpacing(0)
        self.side_tabs = QTabBar()
        self.side_tabs.setObjectName("sideTabs")
        self.side_tabs.currentChanged.connect(self._side_tab_changed)
        self.editor_layout.addWidget(self.side_tabs)
        self.stack.addWidget(self.editor_page)

        self.inspector_dock = self._dock(
            tr("Inspector"), "inspectorDock", Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.layers_dock = self._dock(
            tr("Layers"), "layersDock", Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.tabifyDockWidget(self.layers_dock, self.inspector_dock)
        self.roster_dock = self._dock(
            tr("Roster"), "rosterDock", Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.roster_panel = RosterPanel(
            self.session,
            lambda: self.editor.document.template if self.editor else None,
            undo_stack_getter=lambda: self.editor.undo_stack if self.editor else None,
        )
        self.roster_dock.setWidget(self.roster_panel)
        self.preview_bar = PreviewBar(self.session)
        self.preview_bar.values_changed.connect(self._show_values)
        self.session.loaded.connect(self._roster_loaded)

        self.zoom_label = QLabel()
        self.cursor_label = QLabel()
        self.statusBar().addPermanentWidget(self.cursor_label)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self._build_actions()
        self._set_editing(False)
        self._update_title()
        settings = ui_settings()
        if settings.value("geometry"):
            self.restoreGeometry(settings.value("geometry"))
        else:
            self.resize(1280, 820)
        if settings.value("state"):
            self.restoreState(settings.value("state"))
        if check_recovery:
            self.offer_recovery()

    # ----- building
    def _dock(self, title: str, name: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        self.addDockWidget(area, dock)
        return dock

    def _make_start_page(self) -> StartPage:
        page = StartPage(self.recent_files())
        page.open_template.connect(lambda path, copy: self.open_path(path, as_copy=copy))
        page.new_blank.connect(self.new_blank)
        page.open_file.connect(self.open_dialog)
        page.open_sample.connect(self.open_sample)
        page.setup_issuer.connect(self.show_settings)
        page.setup_key.connect(self.show_keys_window)
        return page

    def open_sample(self, template: str, roster: str) -> None:
        """The first step of the start page's set-up: a copy of the sample with its roster."""
        if self.open_path(template, as_copy=True) is not None:
            self.open_roster(roster)

    def _action(
        self, text: str, slot, shortcut=None, tip: str = "", checkable: bool = False
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        ed = lambda name, *args: lambda *_: self.editor and getattr(self.editor, name)(*args)  # noqa: E731
        key = QKeySequence.StandardKey
        self.actions: dict[str, QAction] = {
            "new": self._action(tr("&New…"), self.show_start_page, key.New),
            "open": self._action(tr("&Open…"), self.open_dialog, key.Open),
            "save": self._action(tr("&Save"), self.save, key.Save),
            "save_as": self._action(tr("Save &As…"), self.save_as, key.SaveAs),
            "open_roster": self._action(tr("Open &roster…"), self.open_roster_dialog, "Ctrl+R"),
            "print_preview": self._action(
                tr("Print pre&view…"), self.show_print_preview, "Ctrl+Shift+P"
            ),
            "quit": self._action(tr("&Quit"), self.close, key.Quit),
            "cut": self._action(tr("Cu&t"), ed("cut"), key.Cut),
            "copy": self._action(tr("&Copy"), ed("copy"), key.Copy),
            "paste": self._action(tr("&Paste"), ed("paste"), key.Paste),
            "duplicate": self._action(tr("&Duplicate"), ed("duplicate"), "Ctrl+D"),
            "delete": self._action(tr("De&lete"), ed("delete_selection"), key.Delete),
            "select_all": self._action(tr("Select &all"), ed("select_all"), key.SelectAll),
            "front": self._action(tr("Bring to front"), ed("bring_to_front"), "Ctrl+Shift+]"),
            "forward": self._action(tr("Bring forward"), ed("bring_forward"), "Ctrl+]"),
            "backward": self._action(tr("Send backward"), ed("send_backward"), "Ctrl+["),
            "back": self._action(tr("Send to back"), ed("send_to_back"), "Ctrl+Shift+["),
            "lock": self._action(
                tr("Lock"), lambda: self.editor and self.editor.set_locked(True), "Ctrl+L"
            ),
            "unlock": self._action(
                tr("Unlock"), lambda: self.editor and self.editor.set_locked(False), "Ctrl+Shift+L"
            ),
            "hide": self._action(
                tr("Hide"), lambda: self.editor and self.editor.set_visible(False)
            ),
            "zoom_fit": self._action(
                tr("Zoom to &fit"), lambda: self.canvas and self.canvas.view.zoom_to_fit(), "Ctrl+0"
            ),
            "zoom_100": self._action(
                tr("Actual size (100%)"),
                lambda: self.canvas and self.canvas.view.set_zoom(1.0),
                "Ctrl+1",
            ),
            "zoom_in": self._action(
                tr("Zoom &in"), lambda: self.canvas and self.canvas.view.zoom_by(1.25), key.ZoomIn
            ),
            "zoom_out": self._action(
                tr("Zoom &out"), lambda: self.canvas and self.canvas.view.zoom_by(0.8), key.ZoomOut
            ),
            "grid": self._action(tr("Snap to &grid (1 mm)"), self._toggle_grid, checkable=True),
            "snap": self._action(tr("&Smart guides"), self._toggle_snap, checkable=True),
            "clear_guides": self._action(tr("Clear guides"), ed("clear_guides")),
            "back_side": self._action(tr("Add &back side"), ed("add_back_side")),
            "previous_record": self._action(tr("Previous record"), self.session.previous, "PgUp"),
            "next_record": self._action(tr("Next record"), self.session.next, "PgDown"),
        }
        self.actions["snap"].setChecked(True)
        for name, text, mode in (
            ("align_left", tr("Align left"), "left"),
            ("align_hcenter", tr("Align centres horizontally"), "hcenter"),
            ("align_right", tr("Align right"), "right"),
            ("align_top", tr("Align top"), "top"),
            ("align_vcenter", tr("Align middles vertically"), "vcenter"),
            ("align_bottom", tr("Align bottom"), "bottom"),
        ):
            self.actions[name] = self._action(text, ed("align", mode))
        self.actions["distribute_x"] = self._action(
            tr("Distribute horizontally"), ed("distribute", "x")
        )
        self.actions["distribute_y"] = self._action(
            tr("Distribute vertically"), ed("distribute", "y")
        )
        insert_labels = {
            "text": tr("Text"),
            "field": tr("Field"),
            "image": tr("Image"),
            "photo": tr("Photo"),
            "qr": tr("QR code"),
            "barcode": tr("Barcode"),
            "shape": tr("Shape"),
            "border": tr("Border"),
        }
        for kind, label in insert_labels.items():
            self.actions["insert_" + kind] = self._action(
                label,
                lambda _=False, k=kind: self.canvas and self.canvas.view.set_place_tool(k),
                tip=tr("Click or drag on the page to add: %1").replace("%1", label),
            )

        menu = self.menuBar()
        file_menu = menu.addMenu(tr("&File"))
        for name in (
            "new",
            "open",
            None,
            "save",
            "save_as",
            None,
            "open_roster",
            "print_preview",
            None,
            "quit",
        ):
            file_menu.addSeparator() if name is None else file_menu.addAction(self.actions[name])
        self.recent_menu = file_menu.addMenu(tr("Open &recent"))
        self._fill_recent_menu()
        edit_menu = menu.addMenu(tr("&Edit"))
        self.undo_action = QAction(tr("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(lambda: self.editor and self.editor.undo_stack.undo())
        self.redo_action = QAction(tr("&Redo"), self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence.StandardKey.Redo])
        self.redo_action.triggered.connect(lambda: self.editor and self.editor.undo_stack.redo())
        for action in (self.undo_action, self.redo_action):
            edit_menu.addAction(action)
            self.addAction(action)
        edit_menu.addSeparator()
        for name in ("cut", "copy", "paste", "duplicate", "delete", None, "select_all"):
            edit_menu.addSeparator() if name is None else edit_menu.addAction(self.actions[name])
        insert_menu = menu.addMenu(tr("&Insert"))
        for kind in insert_labels:
            insert_menu.addAction(self.actions["insert_" + kind])
        arrange = menu.addMenu(tr("&Arrange"))
        for name in (
            "align_left",
            "align_hcenter",
            "align_right",
            None,
            "align_top",
            "align_vcenter",
            "align_bottom",
            None,
            "distribute_x",
            "distribute_y",
            None,
            "front",
            "forward",
            "backward",
            "back",
            None,
            "lock",
            "unlock",
            "hide",
        ):
            arrange.addSeparator() if name is None else arrange.addAction(self.actions[name])
        view_menu = menu.addMenu(tr("&View"))
        for name in (
            "zoom_fit",
            "zoom_100",
            "zoom_in",
            "zoom_out",
            None,
            "grid",
            "snap",
            "clear_guides",
            None,
            "back_side",
            None,
            "previous_record",
            "next_record",
        ):
            view_menu.addSeparator() if name is None else view_menu.addAction(self.actions[name])
        view_menu.addSeparator()
        for dock in (self.inspector_dock, self.layers_dock, self.roster_dock):
            view_menu.addAction(dock.toggleViewAction())
        self.tools_menu = menu.addMenu(tr("&Tools"))
        self.tools_menu.addAction(
            self._action(tr("&Issue certificates…"), self.show_issue_wizard, "Ctrl+I")
        )
        self.tools_menu.addAction(
            self._action(tr("&Verify a certificate…"), self.show_verify_window)
        )
        self.tools_menu.addAction(self._action(tr("&Keys and tokens…"), self.show_keys_window))
        self.tools_menu.addAction(self._action(tr("Iss&uer…"), self.show_issuer_form))
        self.tools_menu.addAction(
            self._action(tr("&Batches and credentials…"), self.show_batches_window, "Ctrl+B")
        )
        self.tools_menu.addAction(self._action(tr("Add &font…"), self.add_font_dialog))
        self.tools_menu.addAction(
            self._action(tr("Import Open &Badges 2.0…"), self.show_ob2_import)
        )
        self.tools_menu.addSeparator()
        self.tools_menu.addAction(self._action(tr("&Settings…"), self.show_settings))

        help_menu = menu.addMenu(tr("&Help"))
        self.actions["user_guide"] = self._action(
            tr("&User guide"), self.open_user_guide, QKeySequence.StandardKey.HelpContents
        )
        help_menu.addAction(self.actions["user_guide"])

        main_bar = QToolBar(tr("Main"))
        main_bar.setObjectName("mainToolbar")
        main_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in ("open", "save", "open_roster"):
            main_bar.addAction(self.actions[name])
        main_bar.addSeparator()
        main_bar.addAction(self.undo_action)
        main_bar.addAction(self.redo_action)
        main_bar.addSeparator()
        for kind in insert_labels:
            main_bar.addAction(self.actions["insert_" + kind])
        self.addToolBar(main_bar)
        arrange_bar = QToolBar(tr("Arrange"))
        arrange_bar.setObjectName("arrangeToolbar")
        for name, text in (
            ("align_left", "⇤"),
            ("align_hcenter", "↔"),
            ("align_right", "⇥"),
            ("align_top", "⤒"),
            ("align_vcenter", "↕"),
            ("align_bottom", "⤓"),
        ):
            self.actions[name].setIconText(text)
            arrange_bar.addAction(self.actions[name])
        arrange_bar.addSeparator()
        for name in ("zoom_fit", "zoom_100"):
            arrange_bar.addAction(self.actions[name])
        self.addToolBar(arrange_bar)
        self.addToolBarBreak()
        preview_bar = QToolBar(tr("Preview"))
        preview_bar.setObjectName("previewToolbar")
        preview_bar.addWidget(self.preview_bar)
        self.addToolBar(preview_bar)

    def show_issue_wizard(self, ask_secret=None):
        """Open the issue wizard for the saved template and the open roster."""
        from designer.ui.issue_wizard import IssueWizard

        if self.editor is not None and (self.editor.modified or self.editor.document.path is None):
            QMessageBox.information(
                self,
                tr("Save first"),
                tr("Save the template before issuing: each batch records the exact design."),
            )
            if not self.save():
                return None
        current = getattr(self, "issue_wizard", None)
        if current is not None and current.isVisible():
            current.raise_()  # one wizard at a time: two could issue the same people twice
            current.activateWindow()
            return current
        roster = self.session.roster.path if self.session.roster is not None else None
        template = self.editor.document.path if self.editor is not None else None
        wizard = IssueWizard(template, roster, ask_secret, self)
        unfinished = wizard.unfinished_batch()
        if unfinished is not None:
            answer = QMessageBox.question(
                self,
                tr("Unfinished batch"),
                tr("Batch %1 was not finished. Resume it now?").replace("%1", str(unfinished)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                wizard.offer_resume(unfinished)
        wizard.show()
        self.issue_wizard = wizard
        return wizard

    def show_ob2_import(self):
        from designer.ui.ob2_import import Ob2ImportDialog

        self.ob2_import = Ob2ImportDialog(self)
        self.ob2_import.designOpened.connect(self._open_imported)
        self.ob2_import.show()
        return self.ob2_import

    def user_guide_path(self) -> Path | None:
        """The user guide in the interface language (Japanese unless the UI is English)."""
        from designer.resources import docs_dir

        folder = docs_dir()
        english = tr("&Help") == "&Help"
        for name in ("user-guide.md",) if english else ("user-guide.ja.md", "user-guide.md"):
            if (folder / name).is_file():
                return folder / name
        return None

    def open_user_guide(self) -> Path | None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        path = self.user_guide_path()
        if path is None:
            QMessageBox.information(
                self, tr("User guide"), tr("The user guide is not installed with this copy.")
            )
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def show_issuer_form(self, name: str | None = None):
        from designer.ui.issuer_form import IssuerForm, issuer_names

        if name is None:
            names = issuer_names()
            name = names[0] if len(names) == 1 else ""
        self.issuer_form = IssuerForm(name, self)
        self.issuer_form.open()
        return self.issuer_form

    def show_batches_window(self, ask_reason=None):
        from designer.ui.batches_window import BatchesWindow

        self.batches_window = BatchesWindow(self, ask_reason)
        self.batches_window.show()
        return self.batches_window

    def _open_imported(self, design: str, roster: str) -> None:
        """An imported Open Badges 2.0 design, with the roster of its recipients."""
        if self.open_path(design) is not None and roster:
            self.open_roster(roster)

    def show_verify_window(self):
        from designer.ui.verify_window import VerifyWindow

        self.verify_window = VerifyWindow(self)
        self.verify_window.show()
        return self.verify_window

    def print_sheets(self):
        """The print run of the open design: every roster record, or the design alone."""
        from designer.ui.canvas.rendering import DesignValues
        from designer.ui.print_preview import PrintSheets

        if self.editor is None:
            return None
        template = self.editor.document.template
        with_roster = self.session.count() > 0
        if with_roster:
            count, values = self.session.count(), self.session.values
        else:
            count, values = 1, lambda _index: DesignValues()
        base = self.layouts.assets_base
        if base is None and self.editor.document.path is not None:
            base = self.editor.document.path.parent
        return PrintSheets(
            template, count, values, fonts=self._font_library(), assets_base=base,
            specimen=with_roster,
        )  # fmt: skip

    def show_print_preview(self):
        from designer.ui.print_preview import PrintPreviewDialog

        try:
            sheets = self.print_sheets()
        except ShoshoError as error:
            QMessageBox.warning(self, tr("Cannot show the print preview"), str(error))
            return None
        if sheets is None:
            return None
        self.print_preview = PrintPreviewDialog(sheets, self)
        if self.session.index >= 0:
            self.print_preview.go(self.session.index // sheets.per_sheet * sheets.sheets_per_group)
        self.print_preview.show()
        return self.print_preview

    def add_font_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Add a font"),
            "",
            tr("TrueType fonts (*.ttf *.ttc);;All fonts (*.ttf *.ttc *.otf *.otc)"),
        )
        if path:
            self.add_font(path)

    def add_font(self, path: str | Path) -> list[str]:
        """Add a TrueType font for every design (kept in the data folder's fonts/)."""
        from designer.ui.fonts import add_user_font

        try:
            families = add_user_font(path, self._font_library())
        except (ShoshoError, OSError) as error:
            QMessageBox.warning(self, tr("Cannot add the font"), str(error))
            return []
        self.layouts.clear()
        if self.editor is not None:
            self.inspector.refresh_fonts()
        self.statusBar().showMessage(tr("Added font: %1").replace("%1", ", ".join(families)), 6000)
        return families

    def show_keys_window(self, ask_pin=None, ask_passphrase=None):
        from designer.ui.keys_window import KeysWindow

        self.keys_window = KeysWindow(ask_pin, ask_passphrase, self)
        self.keys_window.show()
        return self.keys_window

    def show_settings(self) -> None:
        from designer.ui.fonts import families_to_offer
        from designer.ui.settings_dialog import SettingsDialog

        SettingsDialog(families_to_offer(self._font_library()), self).exec()

    def add_tool_action(self, action: QAction) -> None:
        """Windows such as the issue wizard or verifier add themselves to the Tools menu."""
        self.tools_menu.addAction(action)

    def _set_editing(self, editing: bool) -> None:
        names = [
            n
            for n in self.actions
            if n
            not in (
                "new",
                "open",
                "quit",
                "open_roster",
                "previous_record",
                "next_record",
                "user_guide",
            )
        ]
        for name in names:
            self.actions[name].setEnabled(editing)
        self.undo_action.setEnabled(editing)
        self.redo_action.setEnabled(editing)
        self.inspector_dock.setVisible(editing)
        self.layers_dock.setVisible(editing)

    # ----- documents
    def set_document(self, document: Document) -> Editor:
        """Show ``document`` in the editor (replacing any open one) and return the editor."""
        if self.autosaver is not None:
            self.autosaver.stop()
            self.autosaver.discard()
        if self.canvas is not None:
            self.editor_layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.editor = Editor(document, self.layouts, self)
        self.canvas = CanvasArea(self.editor)
        self.editor_layout.addWidget(self.canvas, 1)
        self.inspector = Inspector(self.editor, self._font_library())
        self.inspector_dock.setWidget(self.inspector)
        self.inspector_dock.setMinimumWidth(340)
        self.layers = LayersPanel(self.editor)
        self.layers_dock.setWidget(self.layers)
        self.editor.title_changed.connect(self._update_title)
        self.editor.undo_stack.cleanChanged.connect(self._update_title)
        self.editor.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.editor.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.editor.undo_stack.undoTextChanged.connect(self._undo_text_changed)
        self.editor.undo_stack.redoTextChanged.connect(self._redo_text_changed)
        self.editor.document.sides_changed.connect(self._fill_side_tabs)
        self.editor.side_changed.connect(self._fill_side_tabs)
        self.canvas.view.zoom_changed.connect(self._zoom_changed)
        self.canvas.view.cursor_moved.connect(self._cursor_moved)
        self.editor.scene.set_grid(1.0 if self.actions["grid"].isChecked() else 0.0)
        self.autosaver = Autosaver(self.editor, self.autosave_interval_ms)
        self._fill_side_tabs()
        self.stack.setCurrentWidget(self.editor_page)
        self._set_editing(True)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self._show_values(self.preview_bar_values())
        self._update_title()
        self.canvas.view.zoom_to_fit()
        if self.session.roster is not None:
            self.session.check(document.template)
        return self.editor

    def _undo_text_changed(self, text: str) -> None:
        self.undo_action.setText(tr("&Undo %1").replace("%1", text) if text else tr("&Undo"))

    def _redo_text_changed(self, text: str) -> None:
        self.redo_action.setText(tr("&Redo %1").replace("%1", text) if text else tr("&Redo"))

    def _zoom_changed(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom * 100:.0f}%")

    def _cursor_moved(self, x: float, y: float) -> None:
        self.cursor_label.setText(f"x {x:.1f} mm  y {y:.1f} mm")

    def preview_bar_values(self):
        if self.preview_bar.enabled_box.isChecked() and self.session.index >= 0:
            return self.session.values()
        return None

    def new_blank(self, preset: str, orientation: str, kind: str = "certificate") -> Editor | None:
        if not self.maybe_save():
            return None
        template = Template(
            name=tr("Untitled"), kind=kind, page=PageSpec.from_preset(preset, orientation)
        )
        if kind == "card":
            template.bleed = 2.0
            template.safe_margin = 3.0
        return self.set_document(Document(template))

    def open_path(self, path: str | Path, as_copy: bool = False) -> Editor | None:
        if not self.maybe_save():
            return None
        try:
            template = load_template(path)
        except ShoshoError as error:
            QMessageBox.warning(self, tr("Cannot open"), str(error))
            return None
        if as_copy:
            import uuid

            template.id = str(uuid.uuid4())
            editor = self.set_document(Document(template, None))
        else:
            editor = self.set_document(Document(template, path))
            self.add_recent(str(path))
        return editor

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open template"), "", tr(TEMPLATE_FILTER))
        if path:
            self.open_path(path)

    def save(self) -> bool:
        if self.editor is None:
            return False
        if (
            self.editor.document.path is None
            or self.editor.document.path.suffix.lower() != ".shosho"
        ):
            return self.save_as()
        return self._save_to(self.editor.document.path)

    def save_as(self) -> bool:
        if self.editor is None:
            return False
        suggested = str(
            self.editor.document.path or (self.editor.document.template.name + ".shosho")
        )
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Save template"), suggested, tr(TEMPLATE_FILTER)
        )
        return bool(path) and self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        assert self.editor is not None
        try:
            saved = self.editor.save(path)
        except (ShoshoError, OSError) as error:
            QMessageBox.warning(self, tr("Cannot save"), str(error))
            return False
        self.add_recent(str(saved))
        self.statusBar().showMessage(tr("Saved %1").replace("%1", str(saved)), 4000)
        return True

    def maybe_save(self) -> bool:
        """Ask before discarding unsaved changes. False means the user cancelled."""
        if self.editor is None or not self.editor.modified:
            return True
        answer = QMessageBox.question(
            self,
            tr("Unsaved changes"),
            tr("Save the changes to “%1” before closing it?").replace(
                "%1", self.editor.document.display_name()
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def show_start_page(self) -> None:
        if not self.maybe_save():
            return
        new_page = self._make_start_page()
        self.stack.removeWidget(self.start_page)
        self.start_page.deleteLater()
        self.start_page = new_page
        self.stack.insertWidget(0, new_page)
        self.stack.setCurrentWidget(new_page)

    # ----- roster and preview
    def open_roster(self, path: str | Path) -> bool:
        try:
            self.session.open(path, self.editor.document.template if self.editor else None)
        except ShoshoError as error:
            QMessageBox.warning(self, tr("Cannot open the roster"), str(error))
            return False
        self.roster_dock.show()
        return True

    def open_roster_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open roster"), "", tr(ROSTER_FILTER))
        if path:
            self.open_roster(path)

    def _roster_loaded(self) -> None:
        roster = self.session.roster
        self.layouts.assets_base = roster.path.parent if roster is not None else None
        self.layouts.clear()

    def _show_values(self, values) -> None:
        if self.editor is not None:
            self.editor.scene.set_values(preview_values(values))

    # ----- sides, grid, snapping
    def _fill_side_tabs(self, *_args) -> None:
        if self.editor is None:
            return
        names = self.editor.document.side_names()
        self.side_tabs.blockSignals(True)
        while self.side_tabs.count():
            self.side_tabs.removeTab(0)
        labels = {"front": tr("Front"), "back": tr("Back")}
        for name in names:
            self.side_tabs.addTab(labels.get(name, name))
        self.side_tabs.setCurrentIndex(names.index(self.editor.side_name))
        self.side_tabs.blockSignals(False)
        self.side_tabs.setVisible(len(names) > 1)

    def _side_tab_changed(self, index: int) -> None:
        if self.editor is not None and index >= 0:
            self.editor.set_side(self.editor.document.side_names()[index])

    def _toggle_grid(self, on: bool) -> None:
        if self.editor is not None:
            self.editor.scene.set_grid(1.0 if on else 0.0)

    def _toggle_snap(self, on: bool) -> None:
        if self.editor is not None:
            self.editor.scene.snap_enabled = on

    # ----- title, recent files, recovery
    def _update_title(self, *_args) -> None:
        if self.editor is None:
            self.setWindowTitle("Shosho")
            self.setWindowModified(False)
            return
        self.setWindowTitle(f"{self.editor.document.display_name()}[*] — Shosho")
        self.setWindowModified(self.editor.modified)

    def recent_files(self) -> list[str]:
        value = ui_settings().value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [p for p in (value or []) if Path(p).exists()]

    def add_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        recent = [path] + [p for p in self.recent_files() if p != path]
        ui_settings().setValue("recent", recent[:MAX_RECENT])
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_files():
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def offer_recovery(self) -> None:
        for recovery in find_recoveries():
            answer = QMessageBox.question(
                self,
                tr("Recover unsaved work"),
                tr("Shosho closed before “%1” was saved. Recover the autosaved copy?").replace(
                    "%1", recovery.name
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                try:
                    template = recovery.load()
                except ShoshoError as error:
                    QMessageBox.warning(self, tr("Cannot recover"), str(error))
                    continue
                editor = self.set_document(Document(template, recovery.original))
                editor.undo_stack.resetClean()
                recovery.discard()
                self._update_title()
                return
            recovery.discard()

    def _font_library(self):
        if self.fonts is None:
            self.fonts = self.layouts.fonts
        return self.fonts

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.maybe_save():
            event.ignore()
            return
        if self.autosaver is not None:
            self.autosaver.stop()
            self.autosaver.discard()
        settings = ui_settings()
        settings.setValue("geometry", self.saveGeometry())
        settings.setValue("state", self.saveState())
        event.accept()
