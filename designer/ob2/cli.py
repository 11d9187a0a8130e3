"""``shosho verify`` for Open Badges 2.0 files: the items given are read together, so that an
award finds its BadgeClass, issuer, key and revocation list among them; ``--trust`` files that
are 2.0 CryptographicKeys vouch for those keys."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from designer.errors import EXIT_DATA_ERROR, EXIT_OK, EXIT_UNTRUSTED, UsageError
from designer.ob2.reader import Collection, looks_like_ob2, read_item
from designer.ob2.verify import UNTRUSTED, VERIFIED, check_all, describe, is_key_document

_EXIT = {VERIFIED: EXIT_OK, UNTRUSTED: EXIT_UNTRUSTED}


def split_ob2(items: list[str]) -> tuple[list[str], list[Path]]:
    """(other items, Open Badges 2.0 files) of what the user gave."""
    others, ob2 = [], []
    for item in items:
        path = Path(item)
        try:
            is_file = path.is_file()
        except (OSError, ValueError):  # a QR text far longer than a file name can be
            is_file = False
        if is_file and path.suffix.lower() != ".pdf" and looks_like_ob2(path):
            ob2.append(path)
        else:
            others.append(item)
    return others, ob2


def _collection(paths: list[Path]) -> Collection:
    collection = Collection()
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise UsageError(f"{path}: cannot be read ({error.strerror})") from None
        read_item(str(path), data, collection)
    return collection


def verify_ob2(
    paths: list[Path], trust_paths: list[Path], *, now: datetime | None = None, as_json: bool
) -> int:
    """Print a verdict for every 2.0 award among ``paths``; returns the worst exit code."""
    collection = _collection(paths)
    _add_context(collection, _beside(paths))
    trusted = [obj for obj in _collection(trust_paths).objects.values() if is_key_document(obj)]
    for key in trusted:  # a key given as a trust source is also a key to check with
        collection.objects.setdefault(str(key.get("id")), key)
    verdicts = check_all(collection, trusted_keys=trusted, now=now)
    codes = []
    for verdict in verdicts:
        code = _EXIT.get(verdict.state, EXIT_DATA_ERROR)
        codes.append(code)
        if as_json:
            print(
                json.dumps(
                    {
                        "source": verdict.source,
                        "format": "openbadges-2.0",
                        "verdict": verdict.state,
                        "exit_code": code,
                        "headline": verdict.headline,
                        "assertion": verdict.assertion_id,
                        "verification": verdict.verification,
                        "badge": (verdict.badge or {}).get("name"),
                        "issuer": (verdict.issuer or {}).get("id"),
                        "reasons": verdict.reasons,
                        "notes": verdict.notes,
                    },
                    ensure_ascii=False,
                )
            )
        else:
            print("\n".join(describe(verdict)))
    for source, reason in collection.skipped:
        codes.append(EXIT_DATA_ERROR)
        print(f"{source}: INVALID (Open Badges 2.0)\n  - {reason}")
    if not verdicts and not collection.skipped:
        kinds = sorted({str(obj.get("type")) for obj in collection.objects.values()})
        print(
            f"{', '.join(str(p) for p in paths)}: Open Badges 2.0 {', '.join(kinds)} — "
            "no award (Assertion) among the files given"
        )
        codes.append(EXIT_DATA_ERROR)
    return max(codes, key=lambda c: (c != EXIT_OK, c == EXIT_DATA_ERROR)) if codes else EXIT_OK


def _beside(paths: list[Path]) -> list[Path]:
    """The JSON files next to the files given: an export folder holds the BadgeClass, issuer,
    key and revocation list beside the awards."""
    given = {p.resolve() for p in paths}
    folders = dict.fromkeys(p.resolve().parent for p in paths)
    return [
        p
        for folder in folders
        for p in sorted(folder.glob("*.json"))[:500]
        if p.resolve() not in given
    ]


def _add_context(collection: Collection, paths: list[Path]) -> None:
    """Objects from ``paths`` that awards refer to (never their awards: those were not given)."""
    context = Collection()
    for path in paths:
        try:
            read_item(str(path), path.read_bytes(), context)
        except OSError:
            continue
    for obj_id, obj in context.objects.items():
        if obj.get("type") != "Assertion":
            collection.objects.setdefault(obj_id, obj)
    collection.revoked_hosted.update(context.revoked_hosted)


def verify_dropped_file(path: Path, *, now: datetime | None = None) -> list:
    """Verdicts for one 2.0 file handed to the verify window (read as ``shosho verify`` reads
    it: with the 2.0 objects beside it)."""
    collection = _collection([path])
    _add_context(collection, _beside([path]))
    return check_all(collection, now=now)
