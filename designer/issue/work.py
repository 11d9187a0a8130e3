"""The work done for one record, in a worker process or inline: build and sign the credential
and its QR seal; render the PDF and bake the badge images. Nothing here touches the store.

What is the same for the whole batch (template, issuer profile, suite, output folder) is handed
to each process once as a ``BatchSetup``; jobs carry only the record's own data.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from designer.issue.files import write_atomic
from designer.issue.records import credential_record, template_from_archive
from designer.keys.signer import Signer

SEAL_ALGORITHMS = ("Ed25519", "P-256")
"""Keys a QR seal can be signed with (COSE EdDSA and ES256)."""


@dataclass(frozen=True)
class BatchSetup:
    template_hash: str
    template_content: bytes
    profile: dict[str, Any]
    suite: str
    created: str  # ISO time shared by every proof of the batch
    out_dir: str
    outputs: tuple[str, ...]
    assets_base: str | None

    @property
    def verify_url(self) -> str | None:
        return self.profile.get("verify_url")

    @property
    def verify_host(self) -> str:
        """The host printed beside the QR: the verify page's, else the issuer's web site's."""
        url = self.verify_url or self.profile.get("url") or ""
        return urlsplit(url).hostname or ""

    @property
    def credential_extension(self) -> str:
        return ".jwt" if self.suite == "vc-jwt" else ".json"


@dataclass(frozen=True)
class SignJob:
    credential_id: str
    values: dict[str, Any]
    issued_at: str
    revocation: dict[str, Any]
    suspension: dict[str, Any] | None


@dataclass(frozen=True)
class Signed:
    credential_id: str
    signed_text: str  # JSON with a proof, or a compact JWS
    qr_text: str


@dataclass(frozen=True)
class RenderJob:
    credential_id: str
    values: dict[str, Any]
    signed_text: str
    qr_text: str
    file_stem: str


@dataclass(frozen=True)
class Rendered:
    credential_id: str
    files: dict[str, str]  # file name -> SHA-256


class _Process:
    """What one process keeps between records of a batch."""

    def __init__(self, setup: BatchSetup, signer: Signer) -> None:
        self.setup = setup
        self.signer = signer

    @cached_property
    def template(self):
        return template_from_archive(self.setup.template_content)

    @cached_property
    def batch_signer(self):
        from designer.issue.signing import BatchSigner

        created = dt.datetime.fromisoformat(self.setup.created)
        return BatchSigner(self.signer, self.setup.suite, created)

    @cached_property
    def fonts(self):
        from designer.render.fonts import installed_fonts

        return installed_fonts()

    @cached_property
    def seals(self) -> bool:
        from designer.prepare import uses_seal

        return (
            bool(self.setup.verify_url)
            and self.signer.algorithm in SEAL_ALGORITHMS
            and uses_seal(self.template)
        )

    @cached_property
    def badge_png(self) -> bytes:
        return badge_png(self.template)

    @cached_property
    def badge_svg(self) -> str:
        return badge_svg(self.template)

    @cached_property
    def badge_design(self):
        from designer.issue.badges import badge_design

        return badge_design(self.template, self.setup.profile)

    @cached_property
    def _badge_fields(self) -> tuple[str, ...]:
        from designer.issue.plan import achievement_fields
        from designer.render.badge import badge_fields

        used = set(achievement_fields(self.template)) | set(badge_fields(self.badge_design))
        return tuple(sorted(used))

    @cached_property
    def _badges(self) -> dict[tuple[str, ...], tuple[bytes, str]]:
        return {}

    def badge_images(self, values: dict[str, Any]) -> tuple[bytes, str]:
        """The record's badge (PNG, SVG): the rendered design, else the template's assets.
        Records that agree on the fields the badge shows share one rendering."""
        if self.badge_design is None:
            return self.badge_png, self.badge_svg
        from designer.issue.badges import badge_images

        key = tuple(str(values.get(name, "")) for name in self._badge_fields)
        images = self._badges.get(key)
        if images is None:
            if len(self._badges) >= 64:  # a design showing each person's name: keep memory flat
                self._badges.clear()
            images = self._badges[key] = badge_images(
                self.badge_design, self.template, values, self.setup.profile["id"]
            )
        return images

    def achievement_image(self, values: dict[str, Any]) -> dict[str, str]:
        from designer.issue.badges import image_data_uri

        png = self.badge_images(values)[0]
        uri = self._image_uris.get(png)
        if uri is None:
            uri = self._image_uris[png] = image_data_uri(png)
        return {"id": uri, "type": "Image"}

    @cached_property
    def _image_uris(self) -> dict[bytes, str]:
        return {}


_process: _Process | None = None


def set_batch(setup: BatchSetup | None, signer: Signer | None = None) -> None:
    """The batch and signer record work uses in this process (the real signer inline, a proxy
    that asks the main process in workers); ``None`` clears it."""
    global _process
    _process = None if setup is None or signer is None else _Process(setup, signer)


def _current() -> _Process:
    if _process is None:
        raise RuntimeError("record work needs set_batch() first")
    return _process


def printed_values(values: dict[str, Any], credential_id: str, verify_host: str) -> dict[str, Any]:
    """The values a page is laid out from, apart from the seal itself."""
    printed = dict(values)
    printed.setdefault("credential_id", credential_id)
    printed.setdefault("verify_host", verify_host)
    return printed


def _status(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f"{entry['url']}#{entry['index']}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": entry["purpose"],
        "statusListIndex": str(entry["index"]),
        "statusListCredential": entry["url"],
    }


def sign_records(jobs: list[SignJob]) -> tuple[list[Signed], Exception | None]:
    """Sign each job in turn; stops at the first failure (a pulled token fails them all) and
    returns what was signed with the error."""
    done: list[Signed] = []
    for job in jobs:
        try:
            done.append(sign_record(job))
        except Exception as error:
            return done, error
    return done, None


def render_records(jobs: list[RenderJob]) -> tuple[list[Rendered], Exception | None]:
    """Render each job in turn; stops at the first failure (a full disk fails them all)."""
    done: list[Rendered] = []
    for job in jobs:
        try:
            done.append(render_record(job))
        except Exception as error:
            return done, error
    return done, None


def sign_record(job: SignJob) -> Signed:
    """Build and sign the record's credential, then its QR seal (both with the batch's key)."""
    from designer.credential.build import build_credential

    process = _current()
    template = process.template
    issued_at = dt.datetime.fromisoformat(job.issued_at)
    record = credential_record(job.values)
    if not template.credential.get("valid_until_field"):
        record.pop(
            "expiry_date", None
        )  # a roster's 有効期限 column dates ID cards, not certificates
    achievement = rendered_fields(template.achievement, job.values)
    if not achievement.get("image"):
        achievement["image"] = process.achievement_image(job.values)
    credential = build_credential(
        process.setup.profile,
        achievement,
        record,
        credential_id=job.credential_id,
        issued_at=issued_at,
        valid_until=_valid_until(template, job.values),
        status=job.revocation,
    )
    # One entry: the OB 3.0 schema allows a single credentialStatus. A card's entry is its
    # suspension bit, which revoking also sets for good, so every verifier that reads Bitstring
    # Status Lists fails a suspended or a revoked card; its revocation bit sits at the same list
    # position (store.status.mirror), where the printed seal's status index finds both.
    credential["credentialStatus"] = _status(job.suspension or job.revocation)
    signed_text, signed = process.batch_signer.sign(credential)
    # The seal's digest covers what was signed: the JWS itself for a VC-JWT.
    sealed = signed_text if process.setup.suite == "vc-jwt" else signed
    return Signed(job.credential_id, signed_text, _qr_text(process, job, sealed, issued_at))


def rendered_fields(data: Any, values: dict[str, Any]) -> Any:
    """``data`` (the template's achievement) with every ``{{ field }}`` filled from the record."""
    from designer.data import render_text

    if isinstance(data, str):
        return render_text(data, values) if "{{" in data or "{%" in data else data
    if isinstance(data, dict):
        return {key: rendered_fields(value, values) for key, value in data.items()}
    if isinstance(data, list):
        return [rendered_fields(value, values) for value in data]
    return data


def _valid_until(template, values: dict[str, Any]) -> dt.datetime | None:
    """The end of the expiry day (local time) for designs that name a ``valid_until_field``."""
    name = template.credential.get("valid_until_field")
    day = values.get(name) if name else None
    if not isinstance(day, dt.date):
        return None
    return dt.datetime.combine(day, dt.time(23, 59, 59)).astimezone()


def _qr_text(process: _Process, job: SignJob, signed: dict[str, Any] | str, issued_at) -> str:
    """The printed QR: the signed seal on the issuer's verify page, else the credential id."""
    if not process.seals:
        return job.credential_id
    from designer.prepare import seal_claims
    from designer.signing.seal import seal_qr_text
    from designer.store.status import global_index

    values = printed_values(job.values, job.credential_id, process.setup.verify_host)
    claims = seal_claims(
        process.template,
        values,
        credential_id=job.credential_id,
        issued=issued_at,
        credential=signed,
        status_index=global_index(job.revocation["url"], job.revocation["index"]),
    )
    return seal_qr_text(claims, process.signer, process.setup.verify_url)


def render_record(job: RenderJob) -> Rendered:
    """Write the record's files (each atomically; made durable by the caller, see
    ``files.flush_folder``) and return their SHA-256."""
    process = _current()
    setup = process.setup
    out = Path(setup.out_dir)
    files: dict[str, str] = {}
    credential_bytes = job.signed_text.encode("utf-8")
    if "json" in setup.outputs:
        name = job.file_stem + setup.credential_extension
        files[name] = write_atomic(out / name, credential_bytes, durable=False)
    if "png" in setup.outputs or "svg" in setup.outputs:
        badge_png, badge_svg = process.badge_images(job.values)
    if "png" in setup.outputs:
        from designer.credential.baking import bake_png

        name = f"{job.file_stem}.png"
        png = bake_png(badge_png, job.signed_text, replace=True, source=name)
        files[name] = write_atomic(out / name, png, durable=False)
    if "svg" in setup.outputs:
        from designer.credential.baking import bake_svg

        name = f"{job.file_stem}.svg"
        svg = bake_svg(badge_svg, job.signed_text, replace=True, source=name)
        files[name] = write_atomic(out / name, svg.encode("utf-8"), durable=False)
    if "pdf" in setup.outputs:
        name = f"{job.file_stem}.pdf"
        files[name] = write_atomic(
            out / name, _pdf_bytes(process, job, credential_bytes), durable=False
        )
    return Rendered(job.credential_id, files)


def _pdf_bytes(process: _Process, job: RenderJob, credential_bytes: bytes) -> bytes:
    from designer.render.layout import layout_record
    from designer.render.pdf import write_pdf
    from designer.verification.credential import PDF_ATTACHMENT, PDF_JWT_ATTACHMENT

    values = printed_values(job.values, job.credential_id, process.setup.verify_host)
    values.setdefault("seal_url", job.qr_text)
    pages = layout_record(
        process.template, values, fonts=process.fonts, assets_base=process.setup.assets_base
    )
    buffer = io.BytesIO()
    name = PDF_JWT_ATTACHMENT if process.setup.suite == "vc-jwt" else PDF_ATTACHMENT
    write_pdf(pages, buffer, attachments={name: credential_bytes})
    return buffer.getvalue()


def badge_png(template) -> bytes:
    """The template's ``badge.png`` asset, or a plain round badge (see ``issue.badges`` for
    the rendered design that is baked instead)."""
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
