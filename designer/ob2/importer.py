"""``shosho import ob2``: from an office's Open Badges 2.0 export to what ``shosho issue`` needs.

For every BadgeClass with awards that may be carried over: a badge design (``.shosho``, from
the badge's own image when the export holds it) whose achievement is the mapped Achievement,
and a roster (CSV, UTF-8 with BOM so that Excel opens it) with one row per recipient. Also the
issuer profile with the link to the 2.0 Profile, and a report of what was created and of every
file or award left out, with the reason. The import is planned first (``plan_import``, which
the GUI shows as a preview) and then written all at once: into a new folder that appears
complete or not at all.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from designer.errors import ShoshoError
from designer.ob2.reader import Collection, read_ob2
from designer.ob2.upgrade import (
    ROSTER_COLUMNS,
    achievement_from_badgeclass,
    badge_image,
    profile_from_issuer,
    roster_row,
)
from designer.ob2.verify import (
    CANNOT_CHECK,
    EXPIRED,
    INVALID,
    REVOKED,
    UNTRUSTED,
    VERIFIED,
    Ob2Verdict,
    check_assertion,
    recipient_matches,
)

REPORT_NAME = "import-report.txt"
_RANK = {VERIFIED: 0, UNTRUSTED: 1, CANNOT_CHECK: 2}


@dataclass
class PlannedBadge:
    badge_id: str
    name: str
    slug: str
    achievement: dict[str, Any]
    image: tuple[str, bytes] | None
    rows: list[dict[str, str]] = field(default_factory=list)


@dataclass
class ImportPlan:
    sources: list[str]
    badges: list[PlannedBadge] = field(default_factory=list)
    profiles: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (file, profile)
    notes: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (what, why)
    verdicts: list[Ob2Verdict] = field(default_factory=list)

    @property
    def recipient_count(self) -> int:
        return sum(len(badge.rows) for badge in self.badges)

    def summary(self) -> str:
        return (
            f"{len(self.badges)} achievement(s), {self.recipient_count} recipient(s) to issue, "
            f"{len(self.skipped)} left out"
        )


def slug(text: str, taken: set[str]) -> str:
    """A file-name stem from a badge name (Japanese kept; unsafe characters replaced)."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    cleaned = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', "_", cleaned)
    cleaned = re.sub(r"\s+", "-", cleaned).strip(" .-_")[:60] or "badge"
    candidate, n = cleaned, 2
    while candidate.lower() in taken:
        candidate, n = f"{cleaned}-{n}", n + 1
    taken.add(candidate.lower())
    return candidate


def _roster_people(path: Path) -> list[dict[str, str]]:
    """Name, e-mail and student id of every row of the office's roster that has an e-mail."""
    from designer.data.binding import bind_roster
    from designer.data.mapping import map_columns
    from designer.data.roster import read_roster

    roster = read_roster(path)
    mapping = map_columns(roster.headers)
    if mapping.column_for("email") is None:
        raise ShoshoError(f"{path}: the roster has no e-mail column to match recipients with")
    people = []
    for bound in bind_roster(roster, mapping):
        values = bound.values
        email = str(values.get("email") or "").strip()
        if email:
            people.append(
                {
                    "email": email,
                    "full_name": str(values.get("full_name") or "").strip(),
                    "student_id": str(values.get("student_id") or "").strip(),
                }
            )
    return people


def _why_left_out(verdict: Ob2Verdict) -> str:
    if verdict.state == REVOKED:
        return "revoked under 2.0: not upgraded (" + "; ".join(verdict.reasons) + ")"
    if verdict.state == EXPIRED:
        return "expired: not upgraded (" + "; ".join(verdict.reasons) + ")"
    if verdict.state == INVALID:
        return "invalid: " + "; ".join(verdict.reasons)
    if verdict.state == CANNOT_CHECK:
        return "cannot be checked: " + "; ".join(verdict.reasons)
    return "its revocation could not be checked: " + "; ".join(verdict.notes)


def plan_import(
    paths: list[Path],
    *,
    roster: Path | None = None,
    profile: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> ImportPlan:
    """What an import of ``paths`` would create and leave out, without writing anything."""
    collection: Collection = read_ob2(*paths)
    plan = ImportPlan([str(p) for p in paths])
    plan.skipped += collection.skipped
    people = _roster_people(roster) if roster else []
    taken: set[str] = set()
    by_badge: dict[str, PlannedBadge] = {}
    seen: dict[str, str] = {}
    issuers: dict[str, dict[str, Any]] = {}
    checked = [(f, check_assertion(f, collection, now=now)) for f in collection.assertions]
    plan.verdicts = [verdict for _, verdict in checked]
    revoked_ids = {f.id for f, verdict in checked if verdict.state == REVOKED}
    # The best-checked copy of each award is the one carried over (a signed copy before a
    # hosted one); a copy that shows the award revoked stops every copy.
    checked.sort(key=lambda pair: _RANK.get(pair[1].state, 9))
    for found, verdict in checked:
        what = f"{found.source} ({found.id})"
        if found.id in seen:
            if verdict.state == INVALID:
                why = f"invalid copy of the award in {seen[found.id]} (altered?): " + "; ".join(
                    verdict.reasons
                )
            else:
                why = f"the same award as {seen[found.id]}: imported once"
            plan.skipped.append((what, why))
            continue
        if found.id in revoked_ids and verdict.state != REVOKED:
            plan.skipped.append((what, "another copy of this award shows it revoked"))
            continue
        if not verdict.upgradeable:
            plan.skipped.append((what, _why_left_out(verdict)))
            continue
        if verdict.badge is None:
            plan.skipped.append((what, "its BadgeClass is not in the export"))
            continue
        seen[found.id] = found.source
        badge = verdict.badge
        badge_id = str(badge.get("id") or badge.get("name"))
        planned = by_badge.get(badge_id)
        if planned is None:
            achievement = achievement_from_badgeclass(badge)
            planned = PlannedBadge(
                badge_id,
                achievement["name"],
                slug(achievement["name"], taken),
                achievement,
                badge_image(badge, collection),
            )
            by_badge[badge_id] = planned
            plan.badges.append(planned)
        recipient = found.assertion.get("recipient") or {}
        known = next((p for p in people if recipient_matches(recipient, p["email"])), None)
        planned.rows.append(roster_row(found, verdict, known))
        if verdict.issuer is not None:
            issuers.setdefault(str(verdict.issuer.get("id")), verdict.issuer)
        if verdict.verification == "hosted":
            plan.notes.append(
                f"{what}: hosted award taken from the export as it stands (not re-fetched)"
            )
    unnamed = sum(1 for b in plan.badges for r in b.rows if not r["full_name"])
    if unnamed:
        plan.notes.append(
            f"{unnamed} recipient(s) have no name (known only by a hashed e-mail): their "
            "certificates print no name; give the office's roster to put names to them"
        )
    if people:
        matched = sum(1 for b in plan.badges for r in b.rows if r["email"])
        plan.notes.append(f"{matched} recipient(s) matched an e-mail address in {roster}")
    for n, issuer in enumerate(issuers.values(), start=1):
        mapped, notes = profile_from_issuer(issuer, profile)
        name = "issuer-profile.json" if n == 1 else f"issuer-profile-{n}.json"
        plan.profiles.append((name, mapped))
        plan.notes += notes
    return plan


def _roster_csv(rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(ROSTER_COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def report_text(plan: ImportPlan) -> str:
    lines = [f"Open Badges 2.0 import of {', '.join(plan.sources)}", plan.summary(), ""]
    for badge in plan.badges:
        lines.append(f"created: {badge.slug}.shosho + {badge.slug}-roster.csv  «{badge.name}»")
        lines.append(f"  {len(badge.rows)} recipient(s); achievement {badge.achievement['id']}")
    for name, _ in plan.profiles:
        lines.append(f"created: {name}")
    if plan.notes:
        lines += ["", "notes:"] + [f"  {note}" for note in plan.notes]
    if plan.skipped:
        lines += ["", "left out:"] + [f"  {what}: {why}" for what, why in plan.skipped]
    return "\n".join(lines) + "\n"


def _files(plan: ImportPlan, designs: bool) -> dict[str, bytes]:
    from designer.issue.records import template_archive
    from designer.ob2.designs import badge_design

    files: dict[str, bytes] = {}
    for badge in plan.badges:
        files[f"{badge.slug}-roster.csv"] = _roster_csv(badge.rows)
        files[f"{badge.slug}.achievement.json"] = (
            json.dumps(badge.achievement, ensure_ascii=False, indent=2) + "\n"
        ).encode("utf-8")
        if designs:
            issuer = plan.profiles[0][1] if plan.profiles else {}
            files[f"{badge.slug}.shosho"] = template_archive(
                badge_design(badge.achievement, badge.image, issuer)
            )
    for name, profile in plan.profiles:
        files[name] = (json.dumps(profile, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    files[REPORT_NAME] = report_text(plan).encode("utf-8")
    return files


def write_import(plan: ImportPlan, out_dir: Path, *, designs: bool = True) -> list[Path]:
    """Write the planned files into ``out_dir``, which must not exist yet (or be empty)."""
    out_dir = Path(out_dir)
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        raise ShoshoError(f"{out_dir}: already exists and is not empty; choose a new folder")
    if not plan.badges:
        raise ShoshoError(
            "nothing to import: no award could be carried over ("
            + (f"{len(plan.skipped)} left out, see the list" if plan.skipped else "no awards found")
            + ")"
        )
    files = _files(plan, designs)
    parent = out_dir.resolve().parent
    if not parent.is_dir():
        raise ShoshoError(f"{parent}: the folder to import into does not exist")
    staging = Path(tempfile.mkdtemp(prefix=".shosho-import-", dir=parent))
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        if out_dir.exists():
            out_dir.rmdir()
        os.replace(staging, out_dir)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise ShoshoError(f"{out_dir}: cannot write the import ({error.strerror})") from None
    return [out_dir / name for name in files]
