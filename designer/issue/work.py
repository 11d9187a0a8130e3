"""The work done for one record, in a worker process or inline: build and sign the credential
and its QR seal; render the PDF and bake the badge images. Nothing here touches the store."""

from __future__ import annotations

import datetime as dt
import html
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from designer.issue.files import write_atomic
from designer.issue.records import credential_record, template_from_archive
from designer.sign.signer import Signer

_signer: Signer | None = None
_di_signers: dict[tuple[str, str], Any] = {}
_templates: dict[str, Any] = {}
_fonts: Any = None


def set_signer(signer: Signer | None) -> None:
    """The signer record work uses in this process (the real one inline, a proxy in workers)."""
    global _signer
    _signer = signer
    _di_signers.clear()


@dataclass(frozen=True)
class SignJob:
    credential_id: str
    profile: dict[str, Any]
    achievement: dict[str, Any]
    kind: str
    values: dict[str, Any]
    issued_at: str
    suite: str
    revocation: dict[str, Any]
    suspension: dict[str, Any] | None


@dataclass(frozen=True)
class Signed:
    credential_id: str
    signed_json: str
    qr_text: str


@dataclass(frozen=True)
class RenderJob:
    credential_id: str
    template_hash: str
    template_content: bytes
    values: dict[str, Any]
    signed_json: str
    qr_text: str
    out_dir: str
    file_stem: str
    outputs: tuple[str, ...]
    assets_base: str | None


@dataclass(frozen=True)
class Rendered:
    credential_id: str
    files: dict[str, str]  # file name -> SHA-256


def _data_integrity_signer(suite: str, created: str):
    from designer.sign.data_integrity import DataIntegritySigner

    key = (suite, created)
    signer = _di_signers.get(key)
    if signer is None:
        if _signer is None:
            raise RuntimeError("no signer set for record work")
        signer = DataIntegritySigner(_signer, suite, created=dt.datetime.fromisoformat(created))
        _di_signers[key] = signer
    return signer


def _status(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f"{entry['url']}#{entry['index']}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": entry["purpose"],
        "statusListIndex": str(entry["index"]),
        "statusListCredential": entry["url"],
    }


def sign_record(job: SignJob) -> Signed:
    from designer.credential.build import build_credential

    issued_at = dt.datetime.fromisoformat(job.issued_at)
    credential = build_credential(
        job.profile,
        job.achievement,
        credential_record(job.values),
        credential_id=job.credential_id,
        issued_at=issued_at,
        status=job.revocation,
    )
    statuses = [_status(job.revocation)]
    if job.suspension:
        statuses.append(_status(job.suspension))
    credential["credentialStatus"] = statuses if len(statuses) > 1 else statuses[0]
    signed = _data_integrity_signer(job.suite, job.issued_at).sign(credential)
    return Signed(job.credential_id, json.dumps(signed, ensure_ascii=False), _qr_text(job, signed))


def _qr_text(job: SignJob, signed: dict[str, Any]) -> str:
    """The printed QR: a signed seal on the issuer's verify page, else the credential id."""
    verify_url = job.profile.get("verify_url")
    if not verify_url or _signer is None or _signer.algorithm not in ("Ed25519", "P-256"):
        return job.credential_id
    from designer.sign.seal import build_seal_claims, seal_qr_text

    values = job.values
    expires = values.get("expiry_date") if job.kind == "card" else None
    student = str(values.get("student_id") or "") if expires else None
    subject = signed["credentialSubject"]
    claims = build_seal_claims(
        credential_id=job.credential_id,
        issued=job.issued_at,
        name=str(subject.get("name") or values.get("full_name") or ""),
        achievement=subject["achievement"]["name"],
        credential=signed,
        status_index=job.revocation["index"],
        student_number=student or None,
        expires=expires if student else None,
    )
    return seal_qr_text(claims, _signer, verify_url)


def _template(job: RenderJob):
    template = _templates.get(job.template_hash)
    if template is None:
        template = template_from_archive(job.template_content)
        _templates.clear()
        _templates[job.template_hash] = template
    return template


def _font_library():
    global _fonts
    if _fonts is None:
        from designer.render.fonts import FontLibrary

        _fonts = FontLibrary.default()
    return _fonts


def render_record(job: RenderJob) -> Rendered:
    out = Path(job.out_dir)
    files: dict[str, str] = {}
    credential_bytes = job.signed_json.encode("utf-8")
    template = None
    if "json" in job.outputs:
        name = f"{job.file_stem}.json"
        files[name] = write_atomic(out / name, credential_bytes)
    if "png" in job.outputs or "svg" in job.outputs:
        template = _template(job)
        from designer.credential.baking import bake_png, bake_svg

        if "png" in job.outputs:
            name = f"{job.file_stem}.png"
            png = bake_png(badge_png(template), job.signed_json, replace=True, source=name)
            files[name] = write_atomic(out / name, png)
        if "svg" in job.outputs:
            name = f"{job.file_stem}.svg"
            svg = bake_svg(badge_svg(template), job.signed_json, replace=True, source=name)
            files[name] = write_atomic(out / name, svg.encode("utf-8"))
    if "pdf" in job.outputs:
        template = template or _template(job)
        name = f"{job.file_stem}.pdf"
        files[name] = _write_pdf(template, job, out / name, credential_bytes)
    return Rendered(job.credential_id, files)


def _write_pdf(template, job: RenderJob, path: Path, credential_bytes: bytes) -> str:
    from designer.render.layout import layout_record
    from designer.render.pdf import write_pdf

    signed = json.loads(job.signed_json)
    values = dict(job.values)
    values.setdefault("seal_url", job.qr_text)
    values.setdefault("credential_id", job.credential_id)
    verify = (
        (signed.get("issuer") or {}).get("url") if isinstance(signed.get("issuer"), dict) else None
    )
    if verify:
        values.setdefault("verify_host", verify.split("//", 1)[-1].split("/", 1)[0])
    pages = layout_record(template, values, fonts=_font_library(), assets_base=job.assets_base)
    buffer = io.BytesIO()
    write_pdf(pages, buffer, attachments={"credential.json": credential_bytes})
    return write_atomic(path, buffer.getvalue())


def badge_png(template) -> bytes:
    """The badge image to bake: the template's ``badge.png`` asset, or a plain round badge."""
    if "badge.png" in template.assets:
        return template.assets["badge.png"]
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (256, 256), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 248, 248), fill=(138, 109, 43, 255))
    draw.ellipse((28, 28, 228, 228), outline=(255, 255, 255, 255), width=6)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def badge_svg(template) -> str:
    """The template's ``badge.svg`` asset, or a plain round badge with the template's name."""
    if "badge.svg" in template.assets:
        return template.assets["badge.svg"].decode("utf-8")
    title = html.escape(template.name or "Badge")
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">'
        f"<title>{title}</title>"
        '<circle cx="128" cy="128" r="120" fill="#8A6D2B"/>'
        '<circle cx="128" cy="128" r="100" fill="none" stroke="#fff" stroke-width="6"/>'
        "</svg>"
    )
