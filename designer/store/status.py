"""Bitstring status lists (W3C Bitstring Status List v1.0): allocation and bits.

Index 0 is the left-most bit, i.e. the most significant bit of byte 0. The encoded list is
multibase ``u`` + base64url (no padding) of the GZIP-compressed bitstring. Indices are handed
out in order and never reused: ``next_index`` only grows, and a full list is followed by a new one.
"""

from __future__ import annotations

import base64
import gzip
import math

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from designer.errors import ShoshoError
from designer.store.models import (
    REVOCATION,
    STATUS_LIST_SIZE,
    SUSPENSION,
    Issuer,
    StatusList,
    utcnow,
)

PURPOSES = (REVOCATION, SUSPENSION)


def empty_bits(size: int = STATUS_LIST_SIZE) -> bytes:
    return bytes(math.ceil(size / 8))


def get_bit(bits: bytes, index: int) -> bool:
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def with_bit(bits: bytes, index: int, value: bool) -> bytes:
    data = bytearray(bits)
    mask = 0x80 >> (index % 8)
    if value:
        data[index // 8] |= mask
    else:
        data[index // 8] &= ~mask & 0xFF
    return bytes(data)


def encode_list(bits: bytes) -> str:
    """``encodedList``: multibase base64url (``u``, no padding) of the GZIP'd bitstring."""
    compressed = gzip.compress(bits, compresslevel=9, mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def decode_list(encoded: str) -> bytes:
    if not encoded.startswith("u"):
        raise ShoshoError("status list: encodedList must be multibase base64url (start with 'u')")
    body = encoded[1:]
    try:
        return gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except (ValueError, OSError, EOFError) as error:
        raise ShoshoError(f"status list: encodedList cannot be decoded ({error})") from None


def list_url(base: str, purpose: str, number: int) -> str:
    """Where list ``number`` of ``purpose`` is published, under the issuer's status location."""
    return f"{base.rstrip('/')}/{purpose}-{number}.json"


def allocate(
    session: Session, issuer: Issuer, purpose: str, count: int, base_url: str
) -> list[tuple[StatusList, int]]:
    """Reserve ``count`` fresh indices on the issuer's lists for ``purpose`` (call inside a write)."""
    if purpose not in PURPOSES:
        raise ValueError(purpose)
    slots: list[tuple[StatusList, int]] = []
    current = session.execute(
        select(StatusList)
        .where(StatusList.issuer_id == issuer.id, StatusList.purpose == purpose)
        .order_by(StatusList.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    while len(slots) < count:
        if current is None or current.next_index >= current.size:
            number = (
                1
                + session.execute(
                    select(func.count(StatusList.id)).where(
                        StatusList.issuer_id == issuer.id, StatusList.purpose == purpose
                    )
                ).scalar_one()
            )
            url = list_url(base_url, purpose, number)
            if session.execute(select(StatusList.id).where(StatusList.url == url)).first():
                raise ShoshoError(
                    f"status list {url} already belongs to another issuer: give this issuer "
                    "its own status list location in its profile"
                )
            current = StatusList(
                issuer_id=issuer.id,
                purpose=purpose,
                url=url,
                size=STATUS_LIST_SIZE,
                bits=empty_bits(),
                next_index=0,
                version=1,
            )
            session.add(current)
            session.flush()
        take = min(count - len(slots), current.size - current.next_index)
        slots.extend((current, current.next_index + i) for i in range(take))
        current.next_index += take
        current.updated_at = utcnow()
    session.flush()
    return slots


def list_number(url: str) -> int:
    """The number of a list from its published name (``…/revocation-3.json`` -> 3)."""
    stem = url.rsplit("/", 1)[-1].removesuffix(".json")
    return int(stem.rsplit("-", 1)[-1])


def global_index(url: str, index: int, size: int = STATUS_LIST_SIZE) -> int:
    """One number for (list, index): what the printed seal carries, counting lists from 1."""
    return (list_number(url) - 1) * size + index


def mirror(
    session: Session,
    issuer: Issuer,
    purpose: str,
    slots: list[tuple[StatusList, int]],
    base_url: str,
) -> list[tuple[StatusList, int]]:
    """The same (list number, index) positions on the issuer's ``purpose`` lists.

    A student ID's suspension bit sits at the same place as its revocation bit, so the one
    status index printed in its seal finds both."""
    lists: dict[int, StatusList] = {}
    mirrored: list[tuple[StatusList, int]] = []
    for source, index in slots:
        number = list_number(source.url)
        target = lists.get(number)
        if target is None:
            url = list_url(base_url, purpose, number)
            target = session.execute(
                select(StatusList).where(StatusList.issuer_id == issuer.id, StatusList.url == url)
            ).scalar_one_or_none()
            if target is None:
                target = StatusList(
                    issuer_id=issuer.id,
                    purpose=purpose,
                    url=url,
                    size=source.size,
                    bits=empty_bits(source.size),
                    next_index=0,
                    version=1,
                )
                session.add(target)
                session.flush()
            lists[number] = target
        target.next_index = max(target.next_index, index + 1)
        mirrored.append((target, index))
    session.flush()
    return mirrored


def set_status(session: Session, status_list: StatusList, index: int, value: bool) -> bool:
    """Flip one bit; returns whether it changed. Bumps the list's version when it does."""
    if get_bit(status_list.bits, index) == value:
        return False
    status_list.bits = with_bit(status_list.bits, index, value)
    status_list.version += 1
    status_list.updated_at = utcnow()
    session.flush()
    return True
