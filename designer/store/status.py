"""The store's status lists: handing out positions and flipping bits.

Indices are handed out in order and never reused: ``next_index`` only grows, and a full list is
followed by a new one. Encoding and naming live in ``designer.status_lists``.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from designer.errors import ShoshoError
from designer.status_lists import PURPOSES, empty_bits, get_bit, list_number, list_url, with_bit
from designer.status_lists import global_index as global_index
from designer.store.models import STATUS_LIST_SIZE, Issuer, StatusList, utcnow


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
