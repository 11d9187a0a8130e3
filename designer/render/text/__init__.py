"""The text engine: Japanese and Latin text measured from the font files and laid out once,
horizontally or vertically, for both painters. See docs/typesetting.md."""

from designer.render.text.layout import TextLayout, layout_text, text_fits, text_problems
from designer.render.text.placement import TextLine

__all__ = ["TextLayout", "TextLine", "layout_text", "text_fits", "text_problems"]
