import pytest

from designer.model import PageSpec, preset_size


@pytest.mark.parametrize(
    ("name", "w", "h"),
    [
        ("A4", 210, 297),
        ("B5", 182, 257),
        ("Letter", 215.9, 279.4),
        ("A3", 297, 420),
        ("B4", 257, 364),
        ("A5", 148, 210),
    ],
)
def test_presets_portrait_and_landscape(name, w, h):
    assert (preset_size(name).width, preset_size(name).height) == (w, h)
    landscape = preset_size(name, "landscape")
    assert (landscape.width, landscape.height) == (h, w)


def test_card_is_cr80():
    card = PageSpec.from_preset("CR80", "landscape")
    assert (card.width, card.height) == (85.60, 53.98)


def test_unknown_preset_names_the_known_ones():
    with pytest.raises(KeyError, match="A4"):
        preset_size("A9")
