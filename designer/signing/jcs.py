"""JSON Canonicalization Scheme (RFC 8785), used for the seal's credential digest and for
signing trust lists: the same JSON value always gives the same bytes."""

from __future__ import annotations

import json
import math
from decimal import Decimal
from typing import Any


def canonical_json(value: Any) -> bytes:
    return _serialize(value).encode("utf-8")


def _serialize(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ",".join(_serialize(item) for item in value) + "]"
    if isinstance(value, dict):
        keys = sorted(value, key=lambda key: key.encode("utf-16-be"))
        return "{" + ",".join(f"{_serialize(key)}:{_serialize(value[key])}" for key in keys) + "}"
    raise TypeError(f"cannot canonicalize a {type(value).__name__}")


def _number(value: float) -> str:
    """ECMAScript Number.prototype.toString for finite doubles, as RFC 8785 requires."""
    if not math.isfinite(value):
        raise ValueError("JSON has no NaN or Infinity")
    if value == 0:
        return "0"
    if value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    text = repr(value)
    if "e" not in text:
        return text
    mantissa, exponent = text.split("e")
    power = int(exponent)
    if -7 < power < 21:
        return format(Decimal(text), "f")
    return f"{mantissa}e{'-' if power < 0 else '+'}{abs(power)}"
