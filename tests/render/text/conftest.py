from __future__ import annotations

import pytest

from designer.model.elements import TextElement, TextStyle
from designer.render.fonts import FontLibrary


@pytest.fixture(scope="session")
def fonts() -> FontLibrary:
    return FontLibrary.default()


def make_element(
    text: str = "",
    x: float = 0.0,
    y: float = 0.0,
    width: float = 100.0,
    height: float = 50.0,
    **style,
) -> TextElement:
    return TextElement(
        name="test", x=x, y=y, width=width, height=height, text=text, style=TextStyle(**style)
    )


@pytest.fixture
def element():
    return make_element
