"""Running record work on both cores while one process holds the key.

A token may sign from one session at a time, so worker processes never open the key: each gets
a ``SignerProxy`` that sends the bytes to be signed down a pipe to the main process, where one
lock serialises calls to the real signer. Canonicalisation, building and rendering, which
dominate the cost, run in the workers.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import Executor, Future, ProcessPoolExecutor

from cryptography.hazmat.primitives import serialization

from designer.errors import ShoshoError
from designer.issue import work
from designer.keys.passwords import withheld_secrets
from designer.keys.signer import Signer


class SignerProxy:
    """A ``Signer`` in a worker process that asks the main process to sign."""

    def __init__(self, connection, algorithm: str, key_id: str, public_pem: bytes):
        self._connection = connection
        self.algorithm = algorithm
        self.key_id = key_id
        self._public = serialization.load_pem_public_key(public_pem)

    def sign(self, data: bytes) -> bytes:
        self._connection.send_bytes(data)
        ok, payload = self._connection.recv()
        if not ok:
            raise ShoshoError(payload)
        return payload

    def public_key(self):
        return self._public


class GuardedSigner:
    """The real signer, with its failures (a pulled token) turned into a clear message."""

    def __init__(self, signer: Signer):
        self._signer = signer
        self.algorithm, self.key_id = signer.algorithm, signer.key_id

    def sign(self, data: bytes) -> bytes:
        try:
            return self._signer.sign(data)
        except Exception as error:
            raise ShoshoError(stopped_signing(self.key_id, error)) from None

    def public_key(self):
        return self._signer.public_key()


def stopped_signing(key_id: str, error: Exception) -> str:
    return (
        f"the key {key_id} stopped signing ({error or type(error).__name__}); "
        "check the token or key, then resume the batch"
    )


def _watch_parent(parent_pid: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != parent_pid:
            os._exit(1)  # the main process is gone (killed): do not linger


def _worker_init(
    connections, counter, lock, algorithm, key_id, public_pem, parent_pid, setup
) -> None:
    with lock:
        index = counter.value
        counter.value += 1
    work.set_batch(setup, SignerProxy(connections[index], algorithm, key_id, public_pem))
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()


class InlineExecutor(Executor):
    """Runs each job at once in this process (small batches, tests, one core)."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # handed to the caller through the future
            future.set_exception(error)
        return future


class RecordExecutor:
    """A context manager giving an executor for the records of one batch (``setup``), signing
    through ``signer``. Each worker receives the setup once, not with every record."""

    def __init__(self, signer: Signer, workers: int, setup: work.BatchSetup):
        self.signer = signer
        self.setup = setup
        self.workers = workers
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._sign_lock = threading.Lock()
        self.executor: Executor | None = None
        self._withheld = None

    def __enter__(self) -> Executor:
        if self.workers <= 1:
            work.set_batch(self.setup, GuardedSigner(self.signer))
            self.executor = InlineExecutor()
            return self.executor
        context = multiprocessing.get_context("spawn")
        pipes = [context.Pipe() for _ in range(self.workers)]
        public_pem = self.signer.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        for parent_end, _ in pipes:
            thread = threading.Thread(target=self._serve, args=(parent_end,), daemon=True)
            thread.start()
            self._threads.append(thread)
        self._withheld = withheld_secrets()  # workers inherit the environment: no PIN in it
        self._withheld.__enter__()
        self.executor = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_worker_init,
            initargs=(
                [child for _, child in pipes],
                context.Value("i", 0),
                context.Lock(),
                self.signer.algorithm,
                self.signer.key_id,
                public_pem,
                os.getpid(),
                self.setup,
            ),
        )
        return self.executor

    def _serve(self, connection) -> None:
        while not self._stop.is_set():
            try:
                if not connection.poll(0.2):
                    continue
                data = connection.recv_bytes()
            except (EOFError, OSError):
                return
            try:
                with self._sign_lock:
                    reply = (True, self.signer.sign(data))
            except Exception as error:  # a pulled token, a locked key: reported to the worker
                reply = (False, stopped_signing(self.signer.key_id, error))
            try:
                connection.send(reply)
            except (EOFError, OSError):
                return

    def __exit__(self, *exc) -> None:
        if isinstance(self.executor, ProcessPoolExecutor):
            self.executor.shutdown(wait=True, cancel_futures=True)
        if self._withheld is not None:
            self._withheld.__exit__(None, None, None)
            self._withheld = None
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=2)
        work.set_batch(None)
