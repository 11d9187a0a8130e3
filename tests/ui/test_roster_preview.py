"""Open a roster with problems, jump to them, and step through the preview."""

from pathlib import Path

from PySide6.QtCore import Qt

from designer.resources import examples_dir, templates_dir

HEADER = "学籍番号,姓,名,セイ,メイ,講座名,修了日,発行日\n"
ROWS = [
    "2510001,髙橋,陽菜,タカハシ,ヒナ,地域データ活用講座,2025-03-19,2025-03-25",
    "2510002,,大翔,ヤマザキ,ヒロト,地域データ活用講座,2025-03-19,2025-03-25",  # row 3: no family name
    "2510003,佐藤,結衣,サトウ,ユイ,地域データ活用講座,2025-13-45,2025-03-25",  # row 4: bad date
    "2510001,鈴木,蓮,スズキ,レン,地域データ活用講座,2025-03-19,2025-03-25",  # row 5: duplicate id
]


def _roster(tmp_path: Path) -> Path:
    path = tmp_path / "名簿.csv"
    path.write_bytes((HEADER + "\n".join(ROWS) + "\n").encode("cp932"))
    return path


def test_problems_are_listed_and_each_jumps_to_its_cell(window, tmp_path):
    window.open_path(templates_dir() / "shusho.shosho", as_copy=True)
    assert window.open_roster(_roster(tmp_path))
    panel = window.roster_panel
    report = window.session.report
    assert report is not None and report.has_errors
    rows_with_problems = {p.row for p in report.problems if p.row is not None}
    assert {4, 5} <= rows_with_problems
    assert panel.problems.count() == len(report.problems)
    assert "cp932" in panel.summary.text()

    for i in range(panel.problems.count()):
        item = panel.problems.item(i)
        problem = item.data(Qt.ItemDataRole.UserRole)
        if problem.row is None:
            continue
        panel.jump_to_problem(item)
        current = panel.table.currentIndex()
        assert window.session.roster.records[current.row()].row == problem.row
        assert window.session.index == current.row()
        if problem.column and problem.column in window.session.roster.headers:
            assert (
                panel.model.headerData(current.column(), Qt.Orientation.Horizontal)
                == problem.column
            )
        # The bad cell is tinted in the table.
        if problem.column in window.session.roster.headers:
            assert panel.model.data(current, Qt.ItemDataRole.BackgroundRole) is not None


def test_preview_steps_through_records_and_finds_by_name(window, qtbot):
    editor = window.open_path(templates_dir() / "shusho.shosho", as_copy=True)
    window.open_roster(examples_dir() / "roster-ja.csv")
    session = window.session
    assert session.count() == 30 and session.index == 0
    first = editor.scene.values["full_name"]
    window.actions["next_record"].trigger()
    assert session.index == 1 and editor.scene.values["full_name"] != first
    assert window.preview_bar.number.value() == 2
    window.actions["previous_record"].trigger()
    assert editor.scene.values["full_name"] == first

    # The canvas draws the record's name: the display list of the name element holds it.
    name = session.values(5)["full_name"]
    window.preview_bar.search.setText(session.values(5)["student_id"])
    window.preview_bar.find_next()
    assert session.index == 5
    drawn = "".join(
        item.text
        for element_item in editor.scene.items_by_id.values()
        if element_item.display
        for item in element_item.display.items
        if hasattr(item, "text")
    )
    assert name.replace("\u3000", "") in drawn.replace("\u3000", "").replace(" ", "")

    # Switching the preview off shows the fields again.
    window.preview_bar.enabled_box.setChecked(False)
    assert editor.scene.values is None


def test_dropping_a_column_adds_a_bound_text_element(window):
    editor = window.new_blank("A4", "portrait")
    window.open_roster(examples_dir() / "roster-ja.csv")
    column = window.session.roster.headers.index("学籍番号")
    field = window.roster_panel.model.field_for_column(column)
    assert field == "student_id"
    element_id = window.canvas.view.drop_field(field, window.canvas.view.mapToScene(200, 200))
    assert editor.document.element(element_id).text == "{{ student_id }}"


def test_a_large_roster_opens_in_the_table(window, tmp_path):
    path = tmp_path / "big.csv"
    lines = [HEADER.strip()] + [
        f"{2600000 + i},姓{i},名{i},セイ,メイ,講座,2025-03-19,2025-03-25" for i in range(20_000)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    window.new_blank("A4", "portrait")
    window.open_roster(path)
    model = window.roster_panel.model
    assert model.rowCount() == 20_000
    last = model.index(19_999, 0)
    assert model.data(last) == "2619999"
    assert model.headerData(19_999, Qt.Orientation.Vertical) == "20001"
