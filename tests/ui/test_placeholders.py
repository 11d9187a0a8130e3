"""Without a record on screen, fields show as placeholders in their own style, with the
fixed text around them (殿 stays), as word processors show merge fields."""

from designer.render.display import GlyphRun, GroupItem
from designer.resources import examples_dir


def _texts(items) -> str:
    out = []
    for item in items:
        if isinstance(item, GlyphRun):
            out.append(item.text)
        elif isinstance(item, GroupItem):
            out.append(_texts(item.items))
    return "".join(out)


def _shown(window, element_id) -> str:
    display = window.editor.scene.item(element_id).display
    assert display is not None
    return _texts(display.items)


def test_field_lines_show_placeholders_with_their_fixed_text(window):
    editor = window.new_blank("A4", "landscape")
    name = editor.add_element("text", x=20, y=20, width=200, height=20)
    editor.set_attribute("text", "{{ full_name }} 殿", [name])
    date = editor.add_element("text", x=20, y=60, width=200, height=20)
    editor.set_attribute("text", "修了日 {{ completion_date | wareki }}", [date])
    shown = _shown(window, name).replace(" ", "")
    assert "«Fullname»" in shown and shown.endswith("殿")
    assert _shown(window, date).startswith("修了日") and "令和" in _shown(window, date)
    # With a roster open but the preview switched off, the same placeholders show.
    assert window.open_roster(examples_dir() / "roster-ja.csv")
    assert "髙橋" in _shown(window, name)  # the preview shows the first person
    window.preview_bar.enabled_box.setChecked(False)
    shown = _shown(window, name).replace(" ", "")
    assert "«Fullname»" in shown and shown.endswith("殿")
