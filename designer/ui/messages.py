"""Messages from the roster checker and the verifier, in the interface language.

Those packages speak English to the command line and to logs; the window translates each
message it shows here, by its shape, keeping the file names, rows and values it quotes.
A message of an unknown shape is shown as it is (never hidden).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from designer.ui.field_labels import field_label


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def _fill(template: str, *values: str) -> str:
    for number, value in enumerate(values, start=1):
        template = template.replace(f"%{number}", value)
    return template


def _patterns() -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]:
    label = field_label
    table: list[tuple[str, Callable[[re.Match[str]], str]]] = [
        (
            r"the template needs (\S+) but no column provides it; add a column or name one "
            r"with --map \S+",
            lambda m: _fill(
                tr(
                    "The design needs %1, but no roster column provides it: add the column, "
                    "or choose one under Columns → fields."
                ),
                label(m[1]),
            ),
        ),
        (r"(\S+) is empty", lambda m: _fill(tr("%1 is empty"), label(m[1]))),
        (r"photo file not found: (.+)", lambda m: _fill(tr("Photo file not found: %1"), m[1])),
        (
            r"the photo path is a folder, not a file: (.+)",
            lambda m: _fill(tr("The photo path is a folder, not a file: %1"), m[1]),
        ),
        (
            r"the photo is not a readable PNG or JPEG image: (.+)",
            lambda m: _fill(tr("The photo is not a readable PNG or JPEG image: %1"), m[1]),
        ),
        (
            r"the photo is not a readable PNG or JPEG image \(damaged or cut short\): (.+)",
            lambda m: _fill(
                tr("The photo is damaged or cut short (it would print partly blank): %1"), m[1]
            ),
        ),
        (
            r"(.+): the image (?:is \d+ x \d+ pixels, more than the|has more than) ([\d,]+) "
            r"(?:Shosho draws|pixels, the most Shosho draws); scale it down",
            lambda m: _fill(
                tr("%1: the image has more than %2 pixels, the most Shosho draws; scale it down"),
                m[1],
                m[2],
            ),
        ),
        (
            r"(\S+) '(.*)' holds invisible characters \((.+)\); they are ignored when people "
            r"are compared, but check the cell: the value is printed and signed as written",
            lambda m: _fill(
                tr(
                    "%1 “%2” holds invisible characters (%3): they are ignored when people are "
                    "compared, but check the cell, as the value is printed and signed as written"
                ),
                label(m[1]),
                m[2],
                m[3],
            ),
        ),
        (
            r"sheet '(.+)' says it ends at row (\d+) but holds data down to row (\d+): every "
            r"row was read \((\d+) people\).*",
            lambda m: _fill(
                tr(
                    "Sheet “%1” says it ends at row %2 but holds data down to row %3: every row "
                    "was read (%4 people)"
                ),
                m[1],
                m[2],
                m[3],
                m[4],
            ),
        ),
        (
            r"the file is named like an Excel workbook but holds text: read as CSV",
            lambda m: tr("The file is named like an Excel workbook but holds text: read as CSV"),
        ),
        (
            r"unreadable date: '?(.+?)'? is not a real date",
            lambda m: _fill(tr("Unreadable date: %1 is not a real date"), m[1]),
        ),
        (r"unreadable date: (.+)", lambda m: _fill(tr("Unreadable date: %1"), m[1])),
        (
            r"student ID (\S+) appears twice: in row (\d+) and in row (\d+)",
            lambda m: _fill(tr("Student ID %1 appears twice: in rows %2 and %3"), m[1], m[2], m[3]),
        ),
        (
            r"the expiry date (\S+) is before the issue date (\S+)",
            lambda m: _fill(tr("The expiry date %1 is before the issue date %2"), m[1], m[2]),
        ),
        (
            r"the date of birth (\S+) is in the future",
            lambda m: _fill(tr("The date of birth %1 is in the future"), m[1]),
        ),
        (
            r"(.+) cannot be drawn with (.+)",
            lambda m: _fill(tr("%1 cannot be drawn with %2"), m[1], m[2]),
        ),
        # Credentials' lifecycle.
        (
            r"credential (\S+) cannot be suspended \(only student-ID cards can\); revoke it "
            r"instead",
            lambda m: tr(
                "Only student-ID cards can be suspended; revoke this certificate instead."
            ),
        ),
        # The verifier.
        (
            r"the signature is valid and the key belongs to the issuer",
            lambda m: tr("The signature is valid and the key belongs to the issuer"),
        ),
        (
            r"revocation status unknown: no cached status list for this issuer",
            lambda m: tr("Revocation not checked: no status list of this issuer is at hand"),
        ),
        (
            r"the seal carries no credential digest to compare",
            lambda m: tr("The seal signs the printed values only (a card carries no credential)"),
        ),
        (
            r"status list (\S+) is not available offline",
            lambda m: _fill(tr("the status list %1 is not available offline"), m[1]),
        ),
        (
            r"(\S+) by (\S+) \(created (\S+)\)",
            lambda m: _fill(tr("%1 by %2, made %3"), m[1], m[2], m[3]),
        ),
        (
            r"(.+) does not exist \(give a credential, a PDF, a photo or scan, or a QR text\)",
            lambda m: _fill(
                tr(
                    "“%1” is neither a file nor the text of a QR seal: choose a certificate "
                    "PDF, a badge image, a credential file or a photo of the QR code."
                ),
                m[1],
            ),
        ),
        (r"active", lambda m: tr("active (not revoked or suspended)")),
        (r"revoked", lambda m: tr("revoked")),
        (r"suspended", lambda m: tr("suspended")),
        (r"not checked: (.+)", lambda m: _fill(tr("not checked: %1"), translate(m[1]))),
        (
            r"(revoked|suspended) \(status list (\S+), index (\d+)\)",
            lambda m: _fill(tr("%1 (status list %2, entry %3)"), translate(m[1]), m[2], m[3]),
        ),
        (
            r"no trust list given \(.*\): anyone could have made this key",
            lambda m: tr(
                "No issuer is trusted yet: anyone could have made this key. Trust the issuer "
                "(Trust this issuer…) or import a trust list."
            ),
        ),
        (
            r"key (\S+) is listed for (.+) in the trust list",
            lambda m: _fill(tr("Key %1 is in your trust list for %2"), m[1], m[2]),
        ),
        (
            r"the key (.+) is not in the trust list for (\S+)",
            lambda m: _fill(tr("Key %1 is not in your trust list for %2"), m[1], m[2]),
        ),
        (
            r"the signing key is not bound to the issuer (\S+)",
            lambda m: _fill(tr("The signing key is not bound to the issuer %1"), m[1]),
        ),
        (
            r"the credential is not signed \(no proof\)",
            lambda m: tr("The credential is not signed"),
        ),
        (
            r"not valid yet: valid from (.+)",
            lambda m: _fill(tr("Not valid yet: valid from %1"), m[1]),
        ),
        (r"expired: valid until (.+)", lambda m: _fill(tr("Expired: valid until %1"), m[1])),
        (
            r"cannot resolve the verification method (\S+) offline",
            lambda m: _fill(tr("The key %1 cannot be looked up offline"), m[1]),
        ),
        (
            r"content the signature cannot cover \(JSON-LD safe mode\): (.+)",
            lambda m: _fill(
                tr(
                    "Content the signature does not cover was added (terms the credential's "
                    "contexts do not define): %1"
                ),
                m[1],
            ),
        ),
        (
            r"the demo key \(published with Shosho, passphrase included\) cannot act for "
            r"(.+?): it proves nothing.*",
            lambda m: _fill(
                tr(
                    "Signed with the demo key, which is published with Shosho: it cannot act "
                    "for %1 and proves nothing"
                ),
                m[1],
            ),
        ),
        (
            r"(\S+) proof: (.+)",
            lambda m: _fill(tr("%1 proof: %2"), m[1], translate(m[2])),
        ),
        (
            r"signature does not match|the signature is invalid|invalid signature",
            lambda m: tr("The signature does not match: the content was changed"),
        ),
    ]
    return [(re.compile(pattern + r"\.?$", re.DOTALL), make) for pattern, make in table]


def translate(message: str) -> str:
    """``message`` in the interface language when its shape is known, else unchanged."""
    text = message.strip()
    for pattern, make in _patterns():
        match = pattern.match(text)
        if match is not None:
            return make(match)
    return message


def describe_result(result) -> str:
    """A verification result for people: labelled lines in the interface language."""
    lines: list[str] = []
    issuer = None
    if result.issuer_id:
        issuer = f"{result.issuer_name or '?'} <{result.issuer_id}>"
    status = None if result.status in ("none", "") else translate(result.status)
    for label, value in (
        (tr("Issuer"), issuer),
        (tr("Recipient"), result.subject_name),
        (tr("Achievement"), result.achievement_name),
        (tr("Valid from"), result.valid_from),
        (tr("Valid until"), result.valid_until),
        (tr("Awarded"), result.awarded_date),
        (tr("Status"), status),
        (tr("Trust"), translate(result.trust) if result.trust else None),
    ):
        if value:
            lines.append(f"{label}: {value}")
    lines += [_fill(tr("Signature: %1"), translate(p)) for p in result.proofs]
    lines += [_fill(tr("Reason: %1"), translate(r)) for r in result.reasons]
    lines += [_fill(tr("Note: %1"), translate(w)) for w in result.warnings]
    return "\n".join(lines)


def seal_status_text(status: str) -> str:
    return {
        "genuine": tr("Genuine: the printed seal is signed by a trusted issuer"),
        "not_genuine": tr("Not genuine: the printed seal does not verify"),
        "revoked": tr("Revoked: the issuer has revoked this credential"),
        "suspended": tr("Suspended: the issuer has suspended this credential"),
        "expired": tr("Expired"),
        "unknown_issuer": tr("Unknown issuer: the seal's key is not in your trust list"),
    }.get(status, status)


def headline(item) -> str:
    """The one-line answer for a checked item (``designer.verification.any_item.ItemResult``).
    "Genuine" only when the checks said so; anything unchecked says so."""
    from designer.errors import EXIT_OK, EXIT_UNTRUSTED

    if item.error:
        return tr("Not valid")
    withdrawn = {
        item.credential.status if item.credential else None,
        item.paper.seal.status if item.paper else None,
    }
    if "revoked" in withdrawn:
        return seal_status_text("revoked")
    if "suspended" in withdrawn:
        return seal_status_text("suspended")
    code = item.exit_code
    if code == EXIT_OK:
        return tr("Genuine: signed by a trusted issuer")
    if code == EXIT_UNTRUSTED:
        return tr("Signature valid, but the issuer is not in your trust list")
    if item.paper is not None and not item.paper.genuine:
        if item.paper.credential_matches is False:
            return tr("Not genuine: the printed seal does not match the attached credential")
        return seal_status_text(item.paper.seal.status)
    return tr("Not valid")


def describe_item(item) -> str:
    """Everything checked about an item, labelled in the interface language."""
    lines: list[str] = []
    if item.error:
        lines.append(_fill(tr("Reason: %1"), translate(item.error)))
    paper = item.paper
    if paper is not None:
        seal = paper.seal
        lines.append(_fill(tr("Printed seal: %1"), seal_status_text(seal.status)))
        if seal.reason:
            lines.append("  " + translate(seal.reason))
        if seal.issuer is not None:
            lines.append(
                "  " + _fill(tr("Issuer: %1"), f"{seal.issuer.display_name} <{seal.issuer.id}>")
            )
        claims = seal.claims
        if claims is not None:
            for label, value in (
                (tr("Recipient"), claims.name),
                (tr("Achievement"), claims.achievement),
                (tr("Issued"), claims.issued),
                (tr("Student ID"), claims.student_number),
                (tr("Expires"), claims.expires),
            ):
                if value:
                    lines.append(f"  {label}: {value}")
        if seal.status_checked and seal.status_as_of:
            lines.append(
                "  " + _fill(tr("Status as of %1 UTC"), f"{seal.status_as_of:%Y-%m-%d %H:%M}")
            )
        elif claims is not None and claims.status_index is not None:
            lines.append(
                "  " + tr("Status: not checked (no status list for this issuer in the trust list)")
            )
        if paper.credential_matches is True:
            lines.append("  " + tr("The seal signs the attached credential"))
        lines += ["  " + _fill(tr("Note: %1"), translate(n)) for n in [*seal.notes, *paper.notes]]
    if item.credential is not None:
        lines.append(tr("Credential:"))
        lines += ["  " + line for line in describe_result(item.credential).splitlines()]
    lines += [_fill(tr("Note: %1"), translate(note)) for note in item.notes]
    return "\n".join(lines)
