"""The inspector: the selection's properties as a form, built from a table of field specs.

Every change goes through the editor as an undo step. With several elements selected, the
sections all of them share are shown and a change applies to each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from designer.model.document import get_path, has_path
from designer.model.pages import PAGE_PRESETS
from designer.ui.editor import Editor
from designer.ui.field_labels import field_label, formats_for, known_fields, placeholder_text
from designer.ui.widgets import ComboBox, DoubleSpinBox, SpinBox


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


@dataclass
class Spec:
    path: str
    label: str
    kind: str  # float | int | text | multiline | bool | choice | color | color_optional | font | asset
    options: list[tuple[str, str]] = field(default_factory=list)
    minimum: float = -10_000.0
    maximum: float = 10_000.0
    step: float = 1.0
    decimals: int = 1
    suffix: str = ""


@dataclass
class Section:
    title: str
    types: tuple[str, ...]  # element types the section applies to ("*" = all)
    specs: list[Spec]


def sections() -> list[Section]:
    mm = " mm"
    pt = " pt"
    return [
        Section(
            tr("Position and size"),
            ("*",),
            [
                Spec("name", tr("Name"), "text"),
                Spec("x", tr("X"), "float", suffix=mm, step=0.5),
                Spec("y", tr("Y"), "float", suffix=mm, step=0.5),
                Spec("width", tr("Width"), "float", minimum=0.1, suffix=mm, step=0.5),
                Spec("height", tr("Height"), "float", minimum=0.1, suffix=mm, step=0.5),
                Spec("rotation", tr("Rotation"), "float", minimum=-360, maximum=360, suffix=" °"),
                Spec(
                    "opacity", tr("Opacity"), "float", minimum=0, maximum=1, step=0.05, decimals=2
                ),
                Spec("locked", tr("Locked"), "bool"),
                Spec("visible", tr("Visible"), "bool"),
            ],
        ),
        Section(
            tr("Text"),
            ("text",),
            [
                Spec("text", tr("Text"), "multiline"),
                Spec("style.font_family", tr("Font"), "font"),
                Spec(
                    "style.size", tr("Size"), "float", minimum=1, maximum=500, suffix=pt, step=0.5
                ),
                Spec("style.bold", tr("Bold"), "bool"),
                Spec("style.color", tr("Colour"), "color"),
                Spec(
                    "style.align",
                    tr("Alignment"),
                    "choice",
                    [
                        ("left", tr("Left")),
                        ("center", tr("Centre")),
                        ("right", tr("Right")),
                        ("justify", tr("Justify")),
                        ("distribute", tr("Distribute (均等割付)")),
                    ],
                ),
                Spec(
                    "style.valign",
                    tr("Vertical alignment"),
                    "choice",
                    [("top", tr("Top")), ("middle", tr("Middle")), ("bottom", tr("Bottom"))],
                ),
                Spec(
                    "style.writing_mode",
                    tr("Writing"),
                    "choice",
                    [("horizontal", tr("Horizontal")), ("vertical", tr("Vertical (縦書き)"))],
                ),
                Spec(
                    "style.fit",
                    tr("Fit"),
                    "choice",
                    [
                        ("wrap", tr("Wrap lines")),
                        ("shrink", tr("Shrink to fit")),
                        ("single_line", tr("Single line")),
                    ],
                ),
                Spec(
                    "style.min_size",
                    tr("Smallest size"),
                    "float",
                    minimum=1,
                    maximum=500,
                    suffix=pt,
                ),
                Spec(
                    "style.line_height",
                    tr("Line height"),
                    "float",
                    minimum=0.5,
                    maximum=5,
                    step=0.1,
                    decimals=2,
                ),
                Spec(
                    "style.letter_spacing",
                    tr("Letter spacing"),
                    "float",
                    minimum=-1,
                    maximum=5,
                    step=0.05,
                    decimals=2,
                    suffix=" em",
                ),
            ],
        ),
        Section(
            tr("Image"),
            ("image",),
            [
                Spec("source", tr("Picture"), "asset"),
                Spec("field", tr("Photo field"), "text"),
                Spec(
                    "fit",
                    tr("Fit"),
                    "choice",
                    [
                        ("contain", tr("Fit inside")),
                        ("cover", tr("Fill and crop")),
                        ("stretch", tr("Stretch")),
                    ],
                ),
                Spec(
                    "crop_left",
                    tr("Crop left"),
                    "float",
                    minimum=0,
                    maximum=0.9,
                    step=0.01,
                    decimals=2,
                ),
                Spec(
                    "crop_top",
                    tr("Crop top"),
                    "float",
                    minimum=0,
                    maximum=0.9,
                    step=0.01,
                    decimals=2,
                ),
                Spec(
                    "crop_right",
                    tr("Crop right"),
                    "float",
                    minimum=0,
                    maximum=0.9,
                    step=0.01,
                    decimals=2,
                ),
                Spec(
                    "crop_bottom",
                    tr("Crop bottom"),
                    "float",
                    minimum=0,
                    maximum=0.9,
                    step=0.01,
                    decimals=2,
                ),
            ],
        ),
        Section(
            tr("QR code"),
            ("qr",),
            [
                Spec("content", tr("Content"), "text"),
                Spec(
                    "ec_level",
                    tr("Error correction"),
                    "choice",
                    [("L", "L (7%)"), ("M", "M (15%)"), ("Q", "Q (25%)"), ("H", "H (30%)")],
                ),
                Spec(
                    "quiet_zone",
                    tr("Quiet zone"),
                    "int",
                    minimum=0,
                    maximum=10,
                    suffix=tr(" modules"),
                ),
                Spec("color", tr("Colour"), "color"),
                Spec("background", tr("Background"), "color"),
                Spec("caption", tr("Caption"), "text"),
                Spec("caption_size", tr("Caption size"), "float", minimum=2, maximum=30, suffix=pt),
            ],
        ),
        Section(
            tr("Barcode"),
            ("barcode",),
            [
                Spec(
                    "symbology",
                    tr("Type"),
                    "choice",
                    [("code128", "Code 128"), ("codabar", "NW-7 (Codabar)"), ("ean13", "EAN-13")],
                ),
                Spec("content", tr("Content"), "text"),
                Spec("show_text", tr("Show digits"), "bool"),
                Spec("color", tr("Colour"), "color"),
            ],
        ),
        Section(
            tr("Shape"),
            ("shape",),
            [
                Spec(
                    "shape",
                    tr("Shape"),
                    "choice",
                    [("rect", tr("Rectangle")), ("ellipse", tr("Ellipse")), ("line", tr("Line"))],
                ),
                Spec("fill", tr("Fill"), "color_optional"),
                Spec("stroke", tr("Outline"), "color_optional"),
                Spec(
                    "stroke_width",
                    tr("Outline width"),
                    "float",
                    minimum=0,
                    maximum=50,
                    step=0.1,
                    decimals=2,
                    suffix=mm,
                ),
                Spec(
                    "corner_radius", tr("Corner radius"), "float", minimum=0, maximum=200, suffix=mm
                ),
            ],
        ),
        Section(
            tr("Border"),
            ("border",),
            [
                Spec(
                    "pattern",
                    tr("Pattern"),
                    "choice",
                    [
                        ("classic", tr("Classic")),
                        ("guilloche", tr("Guilloche")),
                        ("wave", tr("Wave")),
                        ("corners", tr("Corners")),
                        ("double", tr("Double line")),
                    ],
                ),
                Spec("color", tr("Colour"), "color"),
                Spec("secondary_color", tr("Second colour"), "color"),
                Spec(
                    "line_width",
                    tr("Line width"),
                    "float",
                    minimum=0.05,
                    maximum=10,
                    step=0.1,
                    decimals=2,
                    suffix=mm,
                ),
                Spec(
                    "density", tr("Density"), "float", minimum=0.1, maximum=10, step=0.1, decimals=2
                ),
                Spec("inset", tr("Inset"), "float", minimum=0, maximum=100, suffix=mm),
            ],
        ),
    ]


class ColorButton(QPushButton):
    """A swatch that opens the colour picker; optional colours may also be 'none'."""

    def __init__(self, optional: bool, on_change) -> None:
        super().__init__()
        self.optional = optional
        self.value: str | None = "#000000"
        self.on_change = on_change
        self.clicked.connect(self._pick)
        self.setMinimumWidth(90)

    def set_value(self, value: str | None) -> None:
        self.value = value
        if value is None:
            self.setText(tr("None"))
            self.setStyleSheet("")
        else:
            color = QColor(value)
            text = "#000000" if color.lightness() > 140 else "#ffffff"
            self.setText(value.upper())
            self.setStyleSheet(
                f"background:{value}; color:{text}; border:1px solid #9aa0a6; padding:3px;"
            )

    def _pick(self) -> None:
        dialog = QColorDialog(QColor(self.value or "#000000"), self)
        if self.optional:
            dialog.setOption(QColorDialog.ColorDialogOption.ShowAlphaChannel, False)
        if dialog.exec():
            self.on_change(dialog.selectedColor().name().upper())


class Inspector(QScrollArea):
    def __init__(self, editor: Editor, fonts: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.fonts = fonts
        self.setWidgetResizable(True)
        self._session = 0
        self._loading = False
        self._widgets: dict[str, QWidget] = {}
        self._rows: dict[str, tuple[QFormLayout, QWidget]] = {}
        self._groups: list[tuple[Section, QGroupBox]] = []
        body = QWidget()
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self.empty_label = QLabel(tr("Select an element on the page to change it."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color:#5f6368; padding:6px;")
        self._layout.addWidget(self.empty_label)
        self.page_group = self._build_page_group()
        self._layout.addWidget(self.page_group)
        for section in sections():
            box = QGroupBox(section.title)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for spec in section.specs:
                widget = self._make_widget(spec)
                form.addRow(spec.label, widget)
                self._widgets[section.title + spec.path] = widget
            self._groups.append((section, box))
            self._layout.addWidget(box)
        self._layout.addStretch(1)
        self.setWidget(body)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(350)
        self._pending_text: tuple[str, str] | None = None
        self._text_timer.timeout.connect(self._flush_text)
        editor.selection_changed.connect(self._on_selection)
        editor.document.elements_changed.connect(self._on_elements_changed)
        editor.document.page_changed.connect(self.refresh)
        self.refresh()

    # ----- building
    def _make_widget(self, spec: Spec) -> QWidget:
        kind = spec.kind
        if kind == "float":
            spin = DoubleSpinBox()
            spin.setRange(spec.minimum, spec.maximum)
            spin.setDecimals(spec.decimals)
            spin.setSingleStep(spec.step)
            spin.setSuffix(spec.suffix)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda v, p=spec.path: self._apply(p, round(float(v), 4)))
            return spin
        if kind == "int":
            spin = SpinBox()
            spin.setRange(int(spec.minimum), int(spec.maximum))
            spin.setSuffix(spec.suffix)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda v, p=spec.path: self._apply(p, int(v)))
            return spin
        if kind == "bool":
            box = QCheckBox()
            box.toggled.connect(lambda v, p=spec.path: self._apply(p, bool(v)))
            return box
        if kind == "choice":
            combo = ComboBox()
            for value, label in spec.options:
                combo.addItem(label, value)
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, p=spec.path: self._apply(p, c.currentData())
            )
            return combo
        if kind in ("color", "color_optional"):
            optional = kind == "color_optional"
            holder = QWidget()
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            button = ColorButton(optional, lambda v, p=spec.path: self._apply(p, v))
            row.addWidget(button)
            if optional:
                clear = QToolButton()
                clear.setText(tr("None"))
                clear.clicked.connect(lambda _=False, p=spec.path: self._apply(p, None))
                row.addWidget(clear)
            row.addStretch(1)
            holder.button = button  # type: ignore[attr-defined]
            return holder
        if kind == "font":
            combo = ComboBox()
            combo.setObjectName("fontCombo")
            self._fill_fonts(combo)
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, p=spec.path: self._apply(p, c.currentData())
            )
            return combo
        if kind == "multiline":
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            edit = QPlainTextEdit()
            edit.setFixedHeight(70)
            edit.textChanged.connect(
                lambda e=edit, p=spec.path: self._queue_text(p, e.toPlainText())
            )
            fields = ComboBox()
            fields.setObjectName("insertField")
            fields.setToolTip(tr("A roster field to put at the cursor"))
            for name in known_fields():
                fields.addItem(field_label(name), name)
            formats = ComboBox()
            formats.setObjectName("fieldFormat")
            formats.setToolTip(tr("How the field is printed"))
            insert = QPushButton(tr("Insert field"))
            insert.setObjectName("insertFieldButton")
            fields.currentIndexChanged.connect(
                lambda _i, c=fields, f=formats: _fill_formats(f, c.currentData())
            )
            _fill_formats(formats, fields.currentData())
            insert.clicked.connect(
                lambda _=False, c=fields, f=formats, e=edit: self._insert_field(c, f, e)
            )
            row = QHBoxLayout()
            row.addWidget(fields, 2)
            row.addWidget(formats, 2)
            row.addWidget(insert, 1)
            column.addWidget(edit)
            column.addLayout(row)
            holder.edit = edit  # type: ignore[attr-defined]
            holder.fields = fields  # type: ignore[attr-defined]
            holder.formats = formats  # type: ignore[attr-defined]
            holder.insert = insert  # type: ignore[attr-defined]
            return holder
        if kind == "asset":
            holder = QWidget()
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            label = QLabel()
            button = QPushButton(tr("Choose…"))
            button.clicked.connect(self._choose_picture)
            row.addWidget(label, 1)
            row.addWidget(button)
            holder.label = label  # type: ignore[attr-defined]
            return holder
        edit = QLineEdit()
        edit.editingFinished.connect(lambda e=edit, p=spec.path: self._apply(p, e.text()))
        return edit

    def refresh_fonts(self) -> None:
        """Refill the font lists (after a font was added), keeping each one's choice."""
        for combo in self.findChildren(QComboBox, "fontCombo"):
            current = combo.currentText()
            combo.blockSignals(True)
            self._fill_fonts(combo)
            combo.setCurrentText(current)
            combo.blockSignals(False)

    def _fill_fonts(self, combo: QComboBox) -> None:
        combo.clear()
        families = []
        if self.fonts is not None:
            from designer.ui.fonts import families_to_offer

            families = families_to_offer(self.fonts)
        for family in families:
            combo.addItem(family, family)
            combo.setItemData(combo.count() - 1, QFont(family, 11), Qt.ItemDataRole.FontRole)

    def _build_page_group(self) -> QGroupBox:
        box = QGroupBox(tr("Page"))
        form = QFormLayout(box)
        self.page_name = QLineEdit()
        self.page_name.editingFinished.connect(
            lambda: self._apply_template("name", self.page_name.text())
        )
        self.page_preset = ComboBox()
        self.page_preset.addItem(tr("Custom"), None)
        shown = {
            "B4": tr("B4 (JIS)"),
            "B5": tr("B5 (JIS)"),
            "CR80": tr("Card (CR80, 85.6 × 54 mm)"),
            "Square": tr("Square (100 × 100 mm)"),
        }
        for name in PAGE_PRESETS:
            self.page_preset.addItem(shown.get(name, name), name)
        self.page_orientation = ComboBox()
        self.page_orientation.addItem(tr("Portrait"), "portrait")
        self.page_orientation.addItem(tr("Landscape"), "landscape")
        self.page_width = DoubleSpinBox()
        self.page_height = DoubleSpinBox()
        for spin in (self.page_width, self.page_height):
            spin.setRange(10, 2000)
            spin.setDecimals(1)
            spin.setSuffix(" mm")
            spin.setKeyboardTracking(False)
        self.page_preset.currentIndexChanged.connect(self._apply_page)
        self.page_orientation.currentIndexChanged.connect(self._apply_page)
        self.page_width.valueChanged.connect(self._apply_custom_page)
        self.page_height.valueChanged.connect(self._apply_custom_page)
        self.page_bleed = DoubleSpinBox()
        self.page_bleed.setRange(0, 20)
        self.page_bleed.setSuffix(" mm")
        self.page_bleed.valueChanged.connect(lambda v: self._apply_template("bleed", float(v)))
        self.page_safe = DoubleSpinBox()
        self.page_safe.setRange(0, 50)
        self.page_safe.setSuffix(" mm")
        self.page_safe.valueChanged.connect(lambda v: self._apply_template("safe_margin", float(v)))
        self.page_background = ColorButton(False, self._apply_background)
        form.addRow(tr("Name"), self.page_name)
        form.addRow(tr("Size"), self.page_preset)
        form.addRow(tr("Orientation"), self.page_orientation)
        form.addRow(tr("Width"), self.page_width)
        form.addRow(tr("Height"), self.page_height)
        form.addRow(tr("Bleed"), self.page_bleed)
        form.addRow(tr("Safe margin"), self.page_safe)
        form.addRow(tr("Background"), self.page_background)
        return box

    # ----- showing values
    def _on_selection(self, _ids: list[str]) -> None:
        self._flush_text()
        self._session += 1
        self.refresh()

    def _on_elements_changed(self, ids: list[str]) -> None:
        if set(ids) & set(self.editor.selection()):
            self.refresh()

    def refresh(self) -> None:
        self._loading = True
        try:
            elements = self.editor.elements()
            types = {e.TYPE for e in elements}
            self.empty_label.setVisible(not elements)
            self.page_group.setVisible(not elements)
            if not elements:
                self._load_page()
            for section, box in self._groups:
                shown = bool(elements) and ("*" in section.types or types <= set(section.types))
                box.setVisible(shown)
                if shown:
                    for spec in section.specs:
                        first = elements[0]
                        if has_path(first, spec.path):
                            self._load(
                                self._widgets[section.title + spec.path],
                                spec,
                                get_path(first, spec.path),
                            )
        finally:
            self._loading = False

    def _load(self, widget: QWidget, spec: Spec, value: Any) -> None:
        kind = spec.kind
        if kind in ("float", "int"):
            widget.setValue(value or 0)  # type: ignore[attr-defined]
        elif kind == "bool":
            widget.setChecked(bool(value))  # type: ignore[attr-defined]
        elif kind in ("choice", "font"):
            combo: QComboBox = widget  # type: ignore[assignment]
            index = combo.findData(value)
            if index < 0 and kind == "font" and value:
                combo.addItem(value, value)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
        elif kind in ("color", "color_optional"):
            widget.button.set_value(value)  # type: ignore[attr-defined]
        elif kind == "multiline":
            edit: QPlainTextEdit = widget.edit  # type: ignore[attr-defined]
            if edit.toPlainText() != value:
                edit.setPlainText(value)
        elif kind == "asset":
            widget.label.setText(value or tr("(none)"))  # type: ignore[attr-defined]
        else:
            widget.setText("" if value is None else str(value))  # type: ignore[attr-defined]

    def _load_page(self) -> None:
        template = self.editor.document.template
        page = template.page
        self.page_name.setText(template.name)
        self.page_preset.setCurrentIndex(max(0, self.page_preset.findData(page.preset)))
        self.page_orientation.setCurrentIndex(0 if page.orientation == "portrait" else 1)
        self.page_width.setValue(page.width)
        self.page_height.setValue(page.height)
        custom = page.preset is None
        self.page_width.setEnabled(custom)
        self.page_height.setEnabled(custom)
        self.page_bleed.setValue(template.bleed)
        self.page_safe.setValue(template.safe_margin)
        self.page_background.set_value(self.editor.document.side(self.editor.side_name).background)

    # ----- applying
    def _apply(self, path: str, value: Any) -> None:
        if self._loading:
            return
        self.editor.set_attribute(path, value, merge_key=f"inspector:{path}:{self._session}")

    def _queue_text(self, path: str, text: str) -> None:
        if self._loading:
            return
        self._pending_text = (path, text)
        self._text_timer.start()

    def _flush_text(self) -> None:
        self._text_timer.stop()
        if self._pending_text is not None:
            path, text = self._pending_text
            self._pending_text = None
            self._apply(path, text)

    def _insert_field(self, fields: QComboBox, formats: QComboBox, edit: QPlainTextEdit) -> None:
        name = fields.currentData()
        if name:
            edit.insertPlainText(placeholder_text(name, formats.currentData() or ""))
            self._flush_text()

    def _choose_picture(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Choose a picture"), "", tr("Pictures (*.png *.jpg *.jpeg *.svg)")
        )
        if path:
            self.editor.set_picture(path)

    def _apply_template(self, path: str, value: Any) -> None:
        if self._loading:
            return
        from designer.ui.undo import SetTemplateAttributesCommand

        if self.editor.document.template_attributes([path])[path] != value:
            self.editor.undo_stack.push(
                SetTemplateAttributesCommand(self.editor.document, {path: value})
            )

    def _apply_page(self) -> None:
        if self._loading:
            return
        preset = self.page_preset.currentData()
        orientation = self.page_orientation.currentData()
        if preset:
            self.editor.set_page(preset, orientation, 0, 0)
        else:
            self._apply_custom_page()

    def _apply_custom_page(self) -> None:
        if self._loading or self.page_preset.currentData():
            return
        self.editor.set_page(
            None,
            self.page_orientation.currentData(),
            self.page_width.value(),
            self.page_height.value(),
        )

    def _apply_background(self, color: str) -> None:
        from designer.ui.undo import SetBackgroundCommand

        self.editor.undo_stack.push(
            SetBackgroundCommand(self.editor.document, self.editor.side_name, color)
        )


def _fill_formats(combo: QComboBox, field: str | None) -> None:
    combo.clear()
    for label, expression in formats_for(field or ""):
        combo.addItem(label, expression)
