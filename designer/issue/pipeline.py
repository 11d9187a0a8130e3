"""Running a planned batch: sign, journal, render, mark done; and resuming it after a crash.

Per chunk of records: sign (in workers), commit the signed credentials to the store, then
render and write their files, then mark them done. A record already signed is never signed
again: on resume its stored credential is rendered. Cancel stops between chunks and leaves a
batch that ``resume`` finishes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, Future, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from designer.errors import ShoshoError
from designer.issue.executor import RecordExecutor
from designer.issue.files import remove_stray_parts
from designer.issue.plan import PlanRequest, plan_batch
from designer.issue.profile import profile_of
from designer.issue.records import template_from_archive, values_from_json
from designer.issue.work import RenderJob, SignJob, render_record, sign_record
from designer.sign.signer import Signer
from designer.store import Store, audit
from designer.store.models import (
    BATCH_DONE,
    BATCH_INTERRUPTED,
    BATCH_RUNNING,
    DONE,
    PLANNED,
    SIGNED,
    Batch,
    Credential,
    StatusList,
    StoredTemplate,
    utcnow,
)

CHUNK = 64
STALE_AFTER = dt.timedelta(minutes=5)
"""A batch claimed by another computer is taken over when its heartbeat is this old."""


@dataclass(frozen=True)
class Progress:
    batch_id: int
    done: int
    total: int
    elapsed: float
    rate: float  # records per second in this run
    eta: float | None  # seconds left


@dataclass
class BatchResult:
    batch_id: int
    total: int
    done: int
    signed_now: int
    rendered_now: int
    out_dir: Path
    cancelled: bool = False
    errors: list[str] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return self.done == self.total


class BatchBusy(ShoshoError):
    """Another process (or this one) is issuing the batch right now."""


_running_here: set[tuple[str, int]] = set()


def _owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def owner_alive(owner: str | None, heartbeat: dt.datetime | None) -> bool:
    """Whether the process named by ``owner`` (host:pid) may still be working on the batch."""
    if not owner:
        return False
    host, _, pid_text = owner.rpartition(":")
    if host == socket.gethostname():
        try:
            os.kill(int(pid_text), 0)
        except (ProcessLookupError, ValueError):
            return False
        except PermissionError:
            return True
        return True
    beat = _aware(heartbeat)
    return beat is not None and utcnow() - beat < STALE_AFTER


def batch_state(batch: Batch) -> str:
    """What to show the user: a running batch whose process died is "interrupted"."""
    if batch.state == BATCH_RUNNING and not owner_alive(batch.owner, batch.heartbeat):
        return BATCH_INTERRUPTED
    return batch.state


def _claim(store: Store, batch_id: int) -> None:
    with store.write() as session:
        batch = session.get(Batch, batch_id)
        if batch is None:
            raise ShoshoError(f"there is no batch {batch_id}")
        me = _owner()
        if batch.owner and batch.owner != me and owner_alive(batch.owner, batch.heartbeat):
            raise BatchBusy(
                f"batch {batch_id} is being issued right now by {batch.owner}; "
                "wait for it to finish (nothing was changed)"
            )
        if (store.url, batch_id) in _running_here:
            raise BatchBusy(f"batch {batch_id} is already being issued by this program")
        batch.owner, batch.heartbeat = me, utcnow()
        if batch.state != BATCH_DONE:
            batch.state = BATCH_RUNNING


def _release(store: Store, batch_id: int, state: str, error: str | None) -> None:
    with store.write() as session:
        batch = session.get(Batch, batch_id)
        batch.owner, batch.heartbeat, batch.state, batch.last_error = None, None, state, error
        if state == BATCH_DONE:
            batch.finished_at = utcnow()
            audit.append(
                session, "batch.done", f"batch {batch_id}", {"records": batch.record_count}
            )
        else:
            audit.append(session, "batch.interrupted", f"batch {batch_id}", {"reason": error or ""})


def default_workers(records: int) -> int:
    """Worker processes: both cores for real batches; inline for a handful of records."""
    if records < 40:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def run_batch(
    store: Store,
    batch_id: int,
    signer: Signer,
    *,
    workers: int | None = None,
    progress: Callable[[Progress], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> BatchResult:
    """Issue every record of ``batch_id`` that is not done yet (first run or resume)."""
    _claim(store, batch_id)
    _running_here.add((store.url, batch_id))
    try:
        result = _run(store, batch_id, signer, workers, progress, should_cancel)
    except BaseException as error:
        message = (
            str(error) if isinstance(error, ShoshoError) else f"{type(error).__name__}: {error}"
        )
        _release(store, batch_id, BATCH_INTERRUPTED, message)
        raise
    finally:
        _running_here.discard((store.url, batch_id))
    if result.finished:
        _release(store, batch_id, BATCH_DONE, None)
    else:
        _release(store, batch_id, BATCH_INTERRUPTED, "cancelled" if result.cancelled else None)
    return result


def _run(store, batch_id, signer, workers, progress, should_cancel) -> BatchResult:
    with store.read() as session:
        batch = session.get(Batch, batch_id)
        issuer = batch.issuer
        profile = profile_of(issuer)
        stored = session.get(StoredTemplate, batch.template_hash)
        content = stored.content
        options = json.loads(batch.options_json)
        out_dir = Path(batch.out_dir)
        lists = {
            s.id: s.url
            for s in session.execute(
                select(StatusList).where(StatusList.issuer_id == issuer.id)
            ).scalars()
        }
        rows = (
            session.execute(
                select(Credential).where(Credential.batch_id == batch_id).order_by(Credential.seq)
            )
            .scalars()
            .all()
        )
    template = template_from_archive(content)
    outputs = tuple(options["outputs"])
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ShoshoError(
            f"{out_dir}: cannot create the output folder ({error.strerror})"
        ) from None
    remove_stray_parts(out_dir)
    total = len(rows)
    todo = [c for c in rows if c.state != DONE or not _files_present(out_dir, c)]
    done = total - len(todo)
    result = BatchResult(batch_id, total, done, 0, 0, out_dir)
    started = time.monotonic()
    done_at_start = done

    def report() -> None:
        if progress is None:
            return
        elapsed = time.monotonic() - started
        rate = (result.done - done_at_start) / elapsed if elapsed > 0 else 0.0
        eta = (total - result.done) / rate if rate > 0 else None
        progress(Progress(batch_id, result.done, total, elapsed, rate, eta))

    report()
    worker_count = workers if workers is not None else default_workers(len(todo))
    with RecordExecutor(signer, worker_count) as executor:
        for start in range(0, len(todo), CHUNK):
            if should_cancel is not None and should_cancel():
                result.cancelled = True
                break
            chunk = todo[start : start + CHUNK]
            _sign_chunk(store, executor, chunk, profile, template, options, lists, result)
            _render_chunk(
                store,
                executor,
                chunk,
                batch.template_hash,
                content,
                out_dir,
                outputs,
                options.get("assets_base"),
                result,
                report,
            )
    return result


def _files_present(out_dir: Path, credential: Credential) -> bool:
    if not credential.files_json:
        return False
    return all((out_dir / name).is_file() for name in json.loads(credential.files_json))


def _gather(futures: Iterable[Future]) -> tuple[list, list[BaseException]]:
    results, errors = [], []
    for future in as_completed(list(futures)):
        try:
            results.append(future.result())
        except Exception as error:
            errors.append(error)
    return results, errors


def _raise_first(errors: list[BaseException]) -> None:
    if errors:
        first = errors[0]
        if isinstance(first, ShoshoError):
            raise first
        raise ShoshoError(f"{type(first).__name__}: {first}") from first


def _sign_chunk(
    store, executor: Executor, chunk, profile, template, options, lists, result
) -> None:
    jobs = [
        SignJob(
            credential_id=c.id,
            profile=profile,
            achievement=template.achievement,
            kind=template.kind,
            values=values_from_json(c.values_json),
            issued_at=_aware(c.issued_at).isoformat(),
            suite=options.get("suite", "eddsa-rdfc-2022"),
            revocation={
                "url": lists[c.revocation_list_id],
                "index": c.revocation_index,
                "purpose": "revocation",
            },
            suspension=None
            if c.suspension_list_id is None
            else {
                "url": lists[c.suspension_list_id],
                "index": c.suspension_index,
                "purpose": "suspension",
            },
        )
        for c in chunk
        if c.state == PLANNED
    ]
    if not jobs:
        return
    signed, errors = _gather(executor.submit(sign_record, job) for job in jobs)
    if signed:
        by_id = {s.credential_id: s for s in signed}
        with store.write() as session:
            for c in chunk:
                s = by_id.get(c.id)
                if s is None:
                    continue
                row = session.get(Credential, c.id)
                if row.state != PLANNED:
                    raise ShoshoError(f"credential {c.id} was signed by another process")
                row.state, row.signed_json, row.qr_text = SIGNED, s.signed_json, s.qr_text
                c.state, c.signed_json, c.qr_text = SIGNED, s.signed_json, s.qr_text
                audit.append(
                    session,
                    "credential.issue",
                    c.id,
                    {"batch": c.batch_id, "row": c.row_number, "sha256": _sha256(s.signed_json)},
                )
            session.get(Batch, chunk[0].batch_id).heartbeat = utcnow()
        result.signed_now += len(signed)
    _raise_first(errors)


def _sha256(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _render_chunk(
    store, executor, chunk, template_hash, content, out_dir, outputs, assets_base, result, report
) -> None:
    jobs = [
        RenderJob(
            credential_id=c.id,
            template_hash=template_hash,
            template_content=content,
            values=values_from_json(c.values_json),
            signed_json=c.signed_json,
            qr_text=c.qr_text,
            out_dir=str(out_dir),
            file_stem=c.file_stem,
            outputs=outputs,
            assets_base=assets_base,
        )
        for c in chunk
        if c.state in (SIGNED, DONE) and c.signed_json
    ]
    rendered, errors = [], []
    futures = [executor.submit(render_record, job) for job in jobs]
    for completed, future in enumerate(as_completed(futures), start=1):
        try:
            rendered.append(future.result())
        except Exception as error:
            errors.append(error)
        if len(rendered) >= 16 or completed == len(futures):
            _mark_done(store, rendered)
            result.rendered_now += len(rendered)
            result.done += len(rendered)
            rendered = []
            report()
    _raise_first(errors)


def _mark_done(store: Store, rendered) -> None:
    if not rendered:
        return
    with store.write() as session:
        for r in rendered:
            row = session.get(Credential, r.credential_id)
            row.state = DONE
            row.files_json = json.dumps(r.files, ensure_ascii=False)


def issue_batch(
    store: Store,
    request: PlanRequest,
    signer: Signer,
    *,
    workers: int | None = None,
    progress: Callable[[Progress], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> BatchResult:
    """Check, plan and run a new batch (what ``shosho issue`` and the GUI's wizard call)."""
    batch_id = plan_batch(store, request)
    return run_batch(
        store, batch_id, signer, workers=workers, progress=progress, should_cancel=should_cancel
    )


def latest_unfinished(store: Store) -> int | None:
    with store.read() as session:
        return session.execute(
            select(Batch.id).where(Batch.state != BATCH_DONE).order_by(Batch.id.desc()).limit(1)
        ).scalar_one_or_none()


def resume_notes(store: Store, batch_id: int) -> list[str]:
    """What changed since the batch was planned (the batch continues with what was planned)."""
    from designer.issue.files import sha256_file
    from designer.model import load_template, template_hash

    notes = []
    with store.read() as session:
        batch = session.get(Batch, batch_id)
        if batch is None:
            raise ShoshoError(f"there is no batch {batch_id}")
        template_path, thash = Path(batch.template_path), batch.template_hash
        roster_path, roster_sha = Path(batch.roster.source), batch.roster.sha256
    if template_path.exists():
        try:
            changed = template_hash(load_template(template_path)) != thash
        except ShoshoError:
            changed = True
        if changed:
            notes.append(
                f"{template_path} was edited after batch {batch_id} started; the batch "
                f"continues with the design it started with (stored as {thash[:12]}). "
                "Start a new batch to use the edited design."
            )
    if roster_path.exists() and sha256_file(roster_path) != roster_sha:
        notes.append(
            f"{roster_path} changed after batch {batch_id} was planned; the batch continues "
            "with the rows as planned. Changed or new rows are not part of it: issue them in "
            "a new batch (people who already have a credential are listed then)."
        )
    return notes
