"""Dataclass <-> JSON-ready dict conversion that keeps fields it does not know.

Every model class carries an ``extra`` dict. Keys found in a file that the class does not
define are kept there and written back unchanged, so a file saved by a newer Shosho survives a
round trip through this one.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _dataclass_in(annotation: Any) -> type | None:
    """The dataclass type inside ``X`` or ``X | None``, if any."""
    if dataclasses.is_dataclass(annotation):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if dataclasses.is_dataclass(arg):
                return arg
    return None


def to_dict(obj: Any) -> Any:
    """Convert a model object to plain JSON data (``extra`` keys merged back in)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out: dict[str, Any] = {}
        hints = _hints(type(obj))
        for field in dataclasses.fields(obj):
            if field.name == "extra" or field.metadata.get("transient"):
                continue
            value = getattr(obj, field.name)
            if (
                hints.get(field.name) is float
                and isinstance(value, int)
                and not isinstance(value, bool)
            ):
                value = float(value)  # 10 and 10.0 are the same length: save them alike
            out[field.name] = to_dict(value)
        for key, value in getattr(obj, "extra", {}).items():
            out.setdefault(key, value)
        return out
    if isinstance(obj, list | tuple):
        return [to_dict(item) for item in obj]
    if isinstance(obj, dict):
        return {key: to_dict(value) for key, value in obj.items()}
    return obj


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Build ``cls`` from JSON data; unknown keys go to ``extra``."""
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__} must be an object, not {type(data).__name__}")
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    names = {field.name for field in dataclasses.fields(cls)}
    for key, value in data.items():
        if key not in names or key == "extra":
            extra[key] = value
            continue
        kwargs[key] = _convert(hints[key], value)
    if "extra" in names:
        kwargs["extra"] = extra
    return cls(**kwargs)


def _convert(annotation: Any, value: Any) -> Any:
    if value is None:
        return None
    nested = _dataclass_in(annotation)
    if nested is not None and isinstance(value, dict):
        return from_dict(nested, value)
    origin = typing.get_origin(annotation)
    if origin is list and isinstance(value, list):
        (item_type,) = typing.get_args(annotation) or (Any,)
        return [_convert(item_type, item) for item in value]
    if annotation is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if annotation is tuple or origin is tuple:
        return tuple(value)
    return value
