"""Running a planned batch: sign, journal, render, mark done; and resuming it after a crash.

Per chunk of records: sign (in workers), commit the signed credentials to the store, then
render and write their files, then mark them done. A record already signed is never signed
again: on resume its stored credential is rendered. Cancel stops between chunks and leaves a
batch that ``resume`` finishes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import socket
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from queue import SimpleQueue
from typing import Any

from sqlalchemy import select, update

from designer.errors import ShoshoError
from designer.issue.executor import InlineExecutor, RecordExecutor
from designer.issue.files import flush_folder, remove_stray_parts
from designer.issue.plan import PlanRequest, plan_batch
from designer.issue.profile import profile_of
from designer.issue.records import values_from_json
from designer.issue.work import (
    BatchSetup,
    Rendered,
    RenderJob,
    Signed,
    SignJob,
    render_records,
    sign_records,
)
from designer.keys.demo import refuse_demo_key
from designer.keys.signer import Signer
from designer.pdfsign.batch import check_signer_for_pdfs, pdf_signing_step
from designer.pdfsign.batch import wanted as wants_pdf_signatures
from designer.pdfsign.timestamps import check_tsa_url
from designer.store import Store, audit, seals
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
        audit.write_checkpoint(store, signer, f"batch {batch_id} done")
    else:
        _release(store, batch_id, BATCH_INTERRUPTED, "cancelled" if result.cancelled else None)
    return result


@dataclass
class _Record:
    """One credential of the batch, as the pipeline needs it (not an ORM object: a batch of
    20,000 stays small in memory)."""

    id: str
    batch_id: int
    row_number: int
    values_json: str
    issued_at: dt.datetime
    revocation: dict[str, Any]
    suspension: dict[str, Any] | None
    file_stem: str
    state: str
    signed_text: str | None
    qr_text: str | None
    files_json: str | None


def _load(store: Store, batch_id: int) -> tuple[BatchSetup, list[_Record]]:
    with store.read() as session:
        batch = session.get(Batch, batch_id)
        profile = profile_of(batch.issuer)
        content = session.get(StoredTemplate, batch.template_hash).content
        options = json.loads(batch.options_json)
        lists = {
            s.id: s.url
            for s in session.execute(
                select(StatusList).where(StatusList.issuer_id == batch.issuer_id)
            ).scalars()
        }
        columns = (
            Credential.id, Credential.batch_id, Credential.row_number, Credential.values_json,
            Credential.issued_at, Credential.revocation_list_id, Credential.revocation_index,
            Credential.suspension_list_id, Credential.suspension_index, Credential.file_stem,
            Credential.state, Credential.signed_json, Credential.qr_text, Credential.files_json,
        )  # fmt: skip
        rows = session.execute(
            select(*columns).where(Credential.batch_id == batch_id).order_by(Credential.seq)
        ).all()
        setup = BatchSetup(
            template_hash=batch.template_hash,
            template_content=content,
            profile=profile,
            suite=options.get("suite", "eddsa-rdfc-2022"),
            created=options.get("issued_at") or utcnow().isoformat(),
            out_dir=batch.out_dir,
            outputs=tuple(options["outputs"]),
            assets_base=options.get("assets_base"),
        )
    records = [
        _Record(
            id=r.id,
            batch_id=r.batch_id,
            row_number=r.row_number,
            values_json=r.values_json,
            issued_at=_aware(r.issued_at),
            revocation={
                "url": lists[r.revocation_list_id],
                "index": r.revocation_index,
                "purpose": "revocation",
            },
            suspension=None
            if r.suspension_list_id is None
            else {
                "url": lists[r.suspension_list_id],
                "index": r.suspension_index,
                "purpose": "suspension",
            },
            file_stem=r.file_stem,
            state=r.state,
            signed_text=r.signed_json,
            qr_text=r.qr_text,
            files_json=r.files_json,
        )
        for r in rows
    ]
    return setup, records


IN_FLIGHT_CHUNKS = 2
"""Chunks being signed at once: workers sign the next chunk while the store commits this one
and its files are written, so both cores stay busy and memory stays bounded."""
MARK_EVERY = 32


def _run(store, batch_id, signer, workers, progress, should_cancel) -> BatchResult:
    setup, records = _load(store, batch_id)
    out_dir = Path(setup.out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ShoshoError(
            f"{out_dir}: cannot create the output folder ({error.strerror})"
        ) from None
    remove_stray_parts(out_dir)
    total = len(records)
    todo = [r for r in records if r.state != DONE or not _files_present(out_dir, r)]
    del records
    result = BatchResult(batch_id, total, total - len(todo), 0, 0, out_dir)
    started = time.monotonic()
    done_at_start = result.done

    def report() -> None:
        if progress is None:
            return
        elapsed = time.monotonic() - started
        rate = (result.done - done_at_start) / elapsed if elapsed > 0 else 0.0
        eta = (total - result.done) / rate if rate > 0 else None
        progress(Progress(batch_id, result.done, total, elapsed, rate, eta))

    report()
    chunks = [todo[start : start + CHUNK] for start in range(0, len(todo), CHUNK)]
    worker_count = workers if workers is not None else default_workers(len(todo))
    del todo  # each chunk is let go once its files are handed out: memory stays flat
    errors: list[BaseException] = []
    with (
        pdf_signing_step(store, batch_id, signer, setup.template_content, out_dir) as pdf_step,
        RecordExecutor(signer, worker_count, setup) as executor,
    ):
        feeder = _Feeder(store, executor, chunks, result, errors, should_cancel, report)
        feeder.pdf_step = pdf_step
        feeder.run(out_dir)
    _raise_first(errors)
    return result


@dataclass
class _SignChunk:
    records: list[_Record]
    futures: list[Future]
    waiting: int


class _Feeder:
    """Keeps the workers busy: up to IN_FLIGHT_CHUNKS chunks being signed, each chunk journaled
    as soon as it (and every chunk before it) is signed, then its files rendered. Completions
    arrive on one queue, so the main process spends its time signing and committing, not
    polling futures."""

    def __init__(self, store, executor, chunks, result, errors, should_cancel, report):
        self.store, self.executor, self.chunks = store, executor, chunks
        self.result, self.errors = result, errors
        self.should_cancel, self.report = should_cancel, report
        self.next_chunk = 0
        self.signing: deque[_SignChunk] = deque()
        self.rendering = 0
        self.rendered: list[Rendered] = []
        self.events: SimpleQueue[tuple[str, Future]] = SimpleQueue()
        # Work runs at once when inline: looking ahead would only delay a cancel.
        self.in_flight = 1 if isinstance(executor, InlineExecutor) else IN_FLIGHT_CHUNKS
        self.pdf_step: Callable[[list[Rendered]], list[Rendered]] | None = None

    def _submit(self, kind: str, fn, job) -> Future:
        future = self.executor.submit(fn, job)
        future.add_done_callback(lambda done: self.events.put((kind, done)))
        return future

    def _fill(self) -> None:
        while (
            not self.errors
            and self.next_chunk < len(self.chunks)
            and len(self.signing) < self.in_flight
        ):
            if self.should_cancel is not None and self.should_cancel():
                self.result.cancelled = True
                self.next_chunk = len(self.chunks)
                return
            records, self.chunks[self.next_chunk] = self.chunks[self.next_chunk], []
            self.next_chunk += 1
            jobs = _groups([_sign_job(r) for r in records if r.state == PLANNED])
            chunk = _SignChunk(records, [], len(jobs))
            self.signing.append(chunk)
            chunk.futures = [self._submit("sign", sign_records, group) for group in jobs]

    def _advance(self, out_dir: Path) -> None:
        """Journal every leading chunk that is fully signed, then start rendering it."""
        while self.signing and self.signing[0].waiting == 0:
            chunk = self.signing.popleft()
            _commit_signed(self.store, chunk.records, chunk.futures, self.result, self.errors)
            if not self.errors:
                jobs = [_render_job(r) for r in chunk.records if r.signed_text is not None]
                for group in _groups(jobs):
                    self.rendering += 1
                    self._submit("render", render_records, group)
            self._fill()
        if self.rendered and (len(self.rendered) >= MARK_EVERY or self.rendering == 0):
            _mark_done(self.store, out_dir, self.rendered)
            self.result.rendered_now += len(self.rendered)
            self.result.done += len(self.rendered)
            self.rendered = []
            self.report()

    def run(self, out_dir: Path) -> None:
        self._fill()
        self._advance(out_dir)
        while self.signing or self.rendering:
            kind, future = self.events.get()
            if kind == "sign":
                for chunk in self.signing:
                    if future in chunk.futures:
                        chunk.waiting -= 1
                        break
            else:
                self.rendering -= 1
                try:
                    rendered, error = future.result()
                except Exception as failure:  # a worker died
                    rendered, error = [], failure
                self.rendered += self._sign_pdfs(rendered)
                if error is not None:
                    self.errors.append(error)
            self._advance(out_dir)

    def _sign_pdfs(self, rendered: list[Rendered]) -> list[Rendered]:
        """PDF signing (designer.pdfsign), in this process, before the records are marked
        done; a failure leaves them to be rendered and signed again on resume."""
        if self.pdf_step is None or not rendered:
            return rendered
        try:
            return self.pdf_step(rendered)
        except Exception as error:
            self.errors.append(error)
            return []


JOB_RECORDS = 8
"""Records per job sent to a worker: fewer, larger messages cost the main process less."""


def _groups(jobs: list) -> list[list]:
    return [jobs[start : start + JOB_RECORDS] for start in range(0, len(jobs), JOB_RECORDS)]


def _render_job(record: _Record) -> RenderJob:
    return RenderJob(
        credential_id=record.id,
        values=values_from_json(record.values_json),
        signed_text=record.signed_text,
        qr_text=record.qr_text or record.id,
        file_stem=record.file_stem,
    )


def _sign_job(record: _Record) -> SignJob:
    return SignJob(
        credential_id=record.id,
        values=values_from_json(record.values_json),
        issued_at=record.issued_at.isoformat(),
        revocation=record.revocation,
        suspension=record.suspension,
    )


def _files_present(out_dir: Path, record: _Record) -> bool:
    if not record.files_json:
        return False
    return all((out_dir / name).is_file() for name in json.loads(record.files_json))


def _raise_first(errors: list[BaseException]) -> None:
    if errors:
        first = errors[0]
        if isinstance(first, ShoshoError):
            raise first
        raise ShoshoError(f"{type(first).__name__}: {first}") from first


def _commit_signed(store, chunk, futures, result, errors) -> None:
    """Journal the chunk's signed credentials and QR texts (before any of their files)."""
    signed: list[Signed] = []
    for future in futures:
        try:
            done, error = future.result()
        except Exception as failure:  # a worker died
            done, error = [], failure
        signed += done
        if error is not None:
            errors.append(error)
    if not signed:
        return
    by_id = {s.credential_id: s for s in signed}
    with store.write() as session:
        states = dict(
            session.execute(
                select(Credential.id, Credential.state).where(Credential.id.in_(list(by_id)))
            ).all()
        )
        taken = sorted(cid for cid, state in states.items() if state != PLANNED)
        if taken:
            raise ShoshoError(f"credential {taken[0]} was signed by another process")
        session.execute(
            update(Credential),
            [
                {"id": s.credential_id, "state": SIGNED, "signed_json": s.signed_text,
                 "qr_text": s.qr_text}
                for s in signed
            ],
        )  # fmt: skip
        seals.touch(session, Credential, by_id)
        audit.append_many(
            session,
            [
                (
                    "credential.issue",
                    r.id,
                    {
                        "batch": r.batch_id,
                        "row": r.row_number,
                        "sha256": _sha256(by_id[r.id].signed_text),
                    },
                )  # fmt: skip
                for r in chunk
                if r.id in by_id
            ],
        )
        batch = session.get(Batch, chunk[0].batch_id)
        batch.heartbeat = utcnow()
        if json.loads(batch.options_json).get("reissue"):
            from designer.issue.lifecycle import supersede_replaced

            supersede_replaced(session, list(by_id), json.loads(batch.options_json).get("reason"))
    for record in chunk:
        s = by_id.get(record.id)
        if s is not None:
            record.state, record.signed_text, record.qr_text = SIGNED, s.signed_text, s.qr_text
    result.signed_now += len(signed)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _mark_done(store: Store, out_dir: Path, rendered: list[Rendered]) -> None:
    """Make the files durable, then mark their records done."""
    if not rendered:
        return
    flush_folder(out_dir, [name for r in rendered for name in r.files])
    with store.write() as session:
        session.execute(
            update(Credential),
            [
                {"id": r.credential_id, "state": DONE,
                 "files_json": json.dumps(r.files, ensure_ascii=False)}
                for r in rendered
            ],
        )  # fmt: skip


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
    from designer.issue.signing import BatchSigner

    BatchSigner(signer, request.suite, utcnow())  # a suite the key cannot sign stops here
    refuse_demo_key(signer.public_key(), _issuer_uri(store, request.issuer_ref))
    if request.tsa_url:
        check_tsa_url(request.tsa_url)
    if wants_pdf_signatures(store, request.issuer_ref, request.sign_pdf):
        check_signer_for_pdfs(signer)  # no certificate, or an Ed25519 key, stops here too
    batch_id = plan_batch(store, request)
    return run_batch(
        store, batch_id, signer, workers=workers, progress=progress, should_cancel=should_cancel
    )


def _issuer_uri(store: Store, ref: str) -> str | None:
    """The issuer id ``ref`` names (a profile file or a saved profile), read without saving."""
    from designer.issue.profile import read_profile_file
    from designer.store.models import Issuer

    path = Path(ref)
    if path.suffix.lower() == ".json" or path.exists():
        return str(read_profile_file(path).get("id") or "") or None
    with store.read() as session:
        return session.execute(select(Issuer.issuer_uri).where(Issuer.name == ref)).scalar()


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
