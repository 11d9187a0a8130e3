"""Revoking, suspending and unsuspending credentials, and the signed status lists to upload."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from designer.issue.files import write_atomic
from designer.issue.profile import profile_of
from designer.keys.signer import Signer
from designer.store import Store, audit
from designer.store.models import (
    Issuer,
    StatusList,
)
from designer.store.status import encode_list


def change_status(store: Store, credential_id: str, action: str, reason: str) -> str:
    """``action`` is revoke, suspend or unsuspend. Returns the credential's new status (the
    rules live in ``designer.issue.lifecycle``)."""
    from designer.issue.lifecycle import change_status as change

    return change(store, credential_id, action, reason).status


def status_list_credential(status_list: StatusList, issuer: Issuer) -> dict[str, Any]:
    """The unsigned ``BitstringStatusListCredential`` for one list."""
    profile = profile_of(issuer)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": status_list.url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": profile["id"],
        "validFrom": now,
        "credentialSubject": {
            "id": f"{status_list.url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": status_list.purpose,
            "encodedList": encode_list(status_list.bits),
        },
    }


def signed_status_lists(
    store: Store, signer: Signer, suite: str = "eddsa-rdfc-2022"
) -> dict[str, dict]:
    """Every status list, signed: file name (last part of its URL) -> credential."""
    from designer.signing.data_integrity import DataIntegritySigner

    di = DataIntegritySigner(signer, suite)
    result = {}
    with store.read() as session:
        for status_list in session.execute(select(StatusList).order_by(StatusList.id)).scalars():
            name = status_list.url.rstrip("/").rsplit("/", 1)[-1] or f"status-{status_list.id}.json"
            result[name] = di.sign(status_list_credential(status_list, status_list.issuer))
    return result


def export_status_lists(store: Store, signer: Signer, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, credential in signed_status_lists(store, signer).items():
        path = out_dir / name
        write_atomic(path, json.dumps(credential, ensure_ascii=False, indent=2).encode("utf-8"))
        written.append(path)
    with store.write() as session:
        audit.append(session, "status.export", str(out_dir), {"files": [p.name for p in written]})
    audit.write_checkpoint(store, signer, "status export")
    return written
