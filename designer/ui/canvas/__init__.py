"""The design canvas: a QGraphicsScene that mirrors the document and a view with tools."""
