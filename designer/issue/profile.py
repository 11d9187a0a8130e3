"""Issuer profiles: the JSON file an office writes (see docs/issuer-profile.md), and the copy
saved in the store so later batches can name the profile instead of the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from designer.errors import ShoshoError
from designer.store.models import Issuer

PROFILE_KEYS = {
    "id", "name", "url", "email", "phone", "description", "image", "verify_url",
    "status_list_url", "profile_name", "other_identifier", "pdf_signature",
}  # fmt: skip
SECRET_KEYS = {"pin", "passphrase", "password", "private_key", "privateKey", "secret", "d"}


def _https(value: Any, key: str, source: str) -> str:
    if (
        not isinstance(value, str)
        or urlsplit(value).scheme not in ("https", "http")
        or not urlsplit(value).netloc
    ):
        raise ShoshoError(f"{source}: {key!r} must be an https URL, not {value!r}")
    return value


def check_profile(data: Any, source: str) -> dict[str, Any]:
    """Check an issuer profile and return it; errors name the file and the key."""
    if not isinstance(data, dict):
        raise ShoshoError(f"{source}: an issuer profile is a JSON object")
    secrets = sorted(SECRET_KEYS & set(data))
    if secrets:
        raise ShoshoError(
            f"{source}: remove {', '.join(secrets)}: an issuer profile never holds PINs, "
            "passphrases or keys (give the key with --key)"
        )
    unknown = sorted(set(data) - PROFILE_KEYS)
    if unknown:
        raise ShoshoError(
            f"{source}: unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(PROFILE_KEYS))})"
        )
    issuer_id = data.get("id")
    if not isinstance(issuer_id, str) or not (
        issuer_id.startswith(("did:web:", "did:key:", "https://"))
    ):
        raise ShoshoError(f"{source}: 'id' must be a did:web, did:key or https URL")
    name = data.get("name")
    if not (isinstance(name, str) and name.strip()) and not (
        isinstance(name, dict) and any(isinstance(v, str) and v.strip() for v in name.values())
    ):
        raise ShoshoError(f'{source}: \'name\' is needed (a string, or {{"ja": …, "en": …}})')
    _https(data.get("status_list_url"), "status_list_url", source)
    if data.get("verify_url") is not None:
        _https(data["verify_url"], "verify_url", source)
    if data.get("url") is not None:
        _https(data["url"], "url", source)
    others = data.get("other_identifier")
    if others is not None and (
        not isinstance(others, list) or not all(isinstance(o, str) and o for o in others)
    ):
        raise ShoshoError(f"{source}: 'other_identifier' must be a list of URLs or identifiers")
    if "pdf_signature" in data:
        from designer.pdfsign.batch import check_profile_section

        check_profile_section(data["pdf_signature"], source)
    return data


def read_profile_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ShoshoError(f"{path}: no such issuer profile file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ShoshoError(f"{path}: cannot read the issuer profile ({error})") from None
    except json.JSONDecodeError as error:
        raise ShoshoError(
            f"{path}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    return check_profile(data, str(path))


def profile_of(issuer: Issuer) -> dict[str, Any]:
    return json.loads(issuer.profile_json)


def profiles_folder() -> Path:
    """Where profiles made in the designer's issuer form are kept, one ``NAME.json`` each;
    ``--issuer NAME`` finds them there."""
    from designer.settings import data_home

    return data_home() / "issuers"


def profile_files() -> list[Path]:
    """The profiles kept in :func:`profiles_folder`, by name."""
    folder = profiles_folder()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def write_profile_file(path: Path, data: dict[str, Any]) -> Path:
    """Check ``data`` and write it as a profile file (the same format ``--issuer FILE`` reads)."""
    check_profile(data, str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    temporary.replace(path)
    return path


def resolve_issuer(session: Session, ref: str) -> Issuer:
    """``ref`` is a profile JSON file (saved or updated in the store), the name of a profile
    in :func:`profiles_folder`, or a saved profile's name."""
    path = Path(ref)
    kept = profiles_folder() / f"{ref}.json"
    if path.suffix.lower() != ".json" and not path.exists() and kept.is_file():
        path = kept
    if path.suffix.lower() == ".json" or path.exists():
        data = read_profile_file(path)
        name = str(data.get("profile_name") or path.stem)
        issuer = session.execute(select(Issuer).where(Issuer.name == name)).scalar_one_or_none()
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
        if issuer is None:
            issuer = Issuer(name=name, issuer_uri=data["id"], profile_json=text)
            session.add(issuer)
        elif issuer.profile_json != text:
            if issuer.issuer_uri != data["id"]:
                raise ShoshoError(
                    f"{path}: a saved profile named {name!r} has the id {issuer.issuer_uri}; "
                    "give this one another profile_name"
                )
            issuer.profile_json = text
        session.flush()
        return issuer
    issuer = session.execute(select(Issuer).where(Issuer.name == ref)).scalar_one_or_none()
    if issuer is None:
        names = session.execute(select(Issuer.name).order_by(Issuer.name)).scalars().all()
        known = ", ".join(names) if names else "none saved yet"
        raise ShoshoError(
            f"issuer {ref!r}: no such profile file, and no saved profile of that name ({known})"
        )
    return issuer
