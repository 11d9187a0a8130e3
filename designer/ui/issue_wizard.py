"""The issue wizard: choose rows, issuer, key and folder; issue off the UI thread with
progress and cancel; end with a summary. An unfinished batch is offered for resuming.

All the work is ``designer.issue.pipeline`` (what ``shosho issue`` runs); the wizard only
collects the choices, asks for the PIN when the token needs it, and shows progress.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QSettings,
    QThread,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from designer.errors import ShoshoError
from designer.settings import data_home, load_settings
from designer.ui.issuer_form import IssuerForm, issuer_names, key_for_issuer
from designer.ui.pin_dialog import SecretAsker, ask_pin_dialog, with_pin_retries
from designer.ui.settings_dialog import read_settings_file
from designer.ui.widgets import ComboBox

LAST_KEY = "issue/last_key"
LAST_ISSUER = "issue/last_issuer"


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def profile_signs_pdfs(issuer_ref: str) -> bool:
    """The issuer profile's ``pdf_signature.sign`` default, when the profile is a file."""
    from designer.errors import ShoshoError
    from designer.issue.profile import read_profile_file

    path = Path(issuer_ref.strip())
    if not issuer_ref.strip() or not path.is_file():
        return False
    try:
        section = read_profile_file(path).get("pdf_signature") or {}
    except ShoshoError:
        return False
    return bool(section.get("sign"))


def default_issuer_ref() -> str:
    """The issuer profile set in Settings (settings.json ``issuer_profile``): a profile JSON
    file or the name of a profile saved by an earlier batch."""
    profile = read_settings_file().get("issuer_profile")
    if isinstance(profile, str):
        return profile
    if isinstance(profile, dict):
        return str(profile.get("file") or "")
    return ""


def ui_settings() -> QSettings:
    return QSettings(str(data_home() / "ui.ini"), QSettings.Format.IniFormat)


class IssueWorker(QObject):
    """Runs a batch in a worker thread; reports progress and the result through signals."""

    progress = Signal(object)  # designer.issue.pipeline.Progress
    finished = Signal(object)  # BatchResult
    failed = Signal(str)

    def __init__(self, job: Callable[..., object]) -> None:
        super().__init__()
        self.job = job
        self.cancel_requested = False

    def run(self) -> None:
        try:
            result = self.job(
                progress=self.progress.emit, should_cancel=lambda: self.cancel_requested
            )
        except ShoshoError as error:
            self.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - shown to the user, the batch stays resumable
            self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            self.finished.emit(result)


class SetupPage(QWizardPage):
    def __init__(self, wizard: IssueWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(tr("What to issue"))
        self.setSubTitle(
            tr("Each person in the roster gets a signed credential and a PDF with a QR seal.")
        )
        self.template = QLineEdit(str(wizard.template_path or ""))
        self.roster = QLineEdit(str(wizard.roster_path or ""))
        self.rows = QLineEdit()
        self.rows.setPlaceholderText(tr("All rows (or e.g. 2-10,15)"))
        self.issuer = ComboBox()
        self.issuer.setObjectName("issuerChoice")
        self.issuer.setToolTip(tr("Issuers are set up with “New issuer…” (Tools ▸ Issuer)"))
        new_issuer = QPushButton(tr("New issuer…"))
        new_issuer.clicked.connect(self.new_issuer)
        edit_issuer = QPushButton(tr("Edit…"))
        edit_issuer.clicked.connect(self.edit_issuer)
        issuer_row = QWidget()
        issuer_layout = QHBoxLayout(issuer_row)
        issuer_layout.setContentsMargins(0, 0, 0, 0)
        issuer_layout.addWidget(self.issuer, 1)
        issuer_layout.addWidget(new_issuer)
        issuer_layout.addWidget(edit_issuer)
        self.key = QLineEdit(str(ui_settings().value(LAST_KEY, "") or ""))
        self.key.setPlaceholderText(tr("Made or chosen in Tools ▸ Keys and tokens"))
        self.out = QLineEdit(str(load_settings().output_dir))
        self.achievement = QLineEdit()
        self.achievement.setObjectName("achievementName")
        self.achievement.setPlaceholderText(tr("e.g. 地域データ活用講座 修了"))
        self.achievement_label = QLabel(tr("Achievement name"))
        self.why = QLabel()
        self.why.setObjectName("whyNotNext")
        self.why.setWordWrap(True)
        self.why.setStyleSheet("color:#8a5a00;")
        self.sign_pdf = QCheckBox(tr("Sign each PDF with the key's certificate (PAdES)"))
        self.sign_pdf.setToolTip(
            tr(
                "PDF readers then show who signed the certificate. Needs a P-256 or RSA token key with a certificate: see docs/pdf-signatures.md"
            )
        )
        form = QFormLayout(self)
        form.addRow(tr("Template"), _with_browse(self.template, self._browse_file(self.template)))
        form.addRow(tr("Roster"), _with_browse(self.roster, self._browse_file(self.roster)))
        form.addRow(tr("Rows"), self.rows)
        form.addRow(tr("Issuer"), issuer_row)
        form.addRow(tr("Key"), self.key)
        form.addRow(tr("Output folder"), _with_browse(self.out, self._browse_folder(self.out)))
        form.addRow("", self.sign_pdf)
        form.addRow(self.achievement_label, self.achievement)
        form.addRow(self.why)
        self._fill_issuers(str(ui_settings().value(LAST_ISSUER, "") or default_issuer_ref()))
        self.sign_pdf.setChecked(profile_signs_pdfs(self._issuer_file()))
        self.issuer.currentIndexChanged.connect(self._issuer_changed)
        for edit in (self.template, self.roster, self.key, self.out, self.achievement):
            edit.textChanged.connect(self.completeChanged)
        self.template.textChanged.connect(self._update_achievement_need)
        self.roster.textChanged.connect(self._update_achievement_need)
        self.issuer.currentIndexChanged.connect(self.completeChanged)
        self.completeChanged.connect(self._explain)
        self.needs_achievement = False
        self._update_achievement_need()
        if not self.key.text() and self.issuer_ref():
            self.key.setText(key_for_issuer(self.issuer.currentText()))
        self._explain()

    # ----- issuer
    def _fill_issuers(self, chosen: str = "") -> None:
        self.issuer.blockSignals(True)
        self.issuer.clear()
        self.issuer.addItem(tr("(choose an issuer)"), "")
        for name in issuer_names():
            self.issuer.addItem(name, name)
        self.issuer.blockSignals(False)
        if chosen:
            self.choose_issuer(chosen)

    def choose_issuer(self, ref: str) -> None:
        """Select an issuer by profile name, or add a profile file to the list and select it."""
        index = self.issuer.findData(ref)
        if index < 0:
            self.issuer.addItem(_profile_label(ref), ref)
            index = self.issuer.count() - 1
        self.issuer.setCurrentIndex(index)

    def issuer_ref(self) -> str:
        return str(self.issuer.currentData() or "")

    def _issuer_file(self) -> str:
        """The chosen issuer's profile file (a profile set up in the form, or a file)."""
        from designer.issue.profile import profiles_folder

        ref = self.issuer_ref()
        kept = profiles_folder() / f"{ref}.json"
        return str(kept) if ref and kept.is_file() else ref

    def _issuer_changed(self) -> None:
        key = key_for_issuer(self.issuer.currentText())
        if key:
            self.key.setText(key)
        self.sign_pdf.setChecked(profile_signs_pdfs(self._issuer_file()))

    def new_issuer(self) -> None:
        self._open_form("")

    def edit_issuer(self) -> None:
        self._open_form(self.issuer.currentText() if self.issuer_ref() else "")

    def _open_form(self, name: str) -> IssuerForm:
        form = IssuerForm(name, self)
        form.saved.connect(lambda saved: (self._fill_issuers(saved), self._issuer_changed()))
        self.wiz.issuer_form = form
        form.open()
        return form

    # ----- achievement
    def _update_achievement_need(self) -> None:
        self.needs_achievement = achievement_missing(
            self.template.text().strip(), self.roster.text().strip()
        )
        self.achievement_label.setVisible(self.needs_achievement)
        self.achievement.setVisible(self.needs_achievement)
        self.completeChanged.emit()

    # ----- paths
    def _browse_file(self, edit: QLineEdit):
        return lambda: (
            (path := QFileDialog.getOpenFileName(self, tr("Choose a file"))[0])
            and edit.setText(path)
        )

    def _browse_folder(self, edit: QLineEdit):
        return lambda: (
            (path := QFileDialog.getExistingDirectory(self, tr("Choose a folder")))
            and edit.setText(path)
        )

    def missing(self) -> list[str]:
        """What must still be given before Next, by the labels of its fields."""
        wanted = [
            (self.template.text().strip(), tr("a template")),
            (self.roster.text().strip(), tr("a roster")),
            (self.issuer_ref(), tr("an issuer (or set one up with New issuer…)")),
            (self.key.text().strip(), tr("a signing key")),
            (self.out.text().strip(), tr("an output folder")),
        ]
        if self.needs_achievement:
            wanted.append((self.achievement.text().strip(), tr("the achievement name")))
        return [label for value, label in wanted if not value]

    def _explain(self) -> None:
        missing = self.missing()
        self.why.setText(
            tr("Next is available once you give: %1.").replace("%1", tr(", ").join(missing))
            if missing
            else ""
        )

    def isComplete(self) -> bool:  # noqa: N802
        return not self.missing()


def _profile_label(ref: str) -> str:
    """A profile file as staff know it: the issuer's name (in the interface language when the
    profile has it), and the file."""
    from designer.issue.profile import read_profile_file

    try:
        name = read_profile_file(Path(ref)).get("name")
    except ShoshoError:
        return ref
    if isinstance(name, dict):
        language = "en" if tr("Issuer") == "Issuer" else "ja"
        name = name.get(language) or next((v for v in name.values() if v), "")
    return f"{name} ({Path(ref).name})" if name else ref


def achievement_missing(template_path: str, roster_path: str) -> bool:
    """True when a certificate would name no achievement: the design has no achievement name
    and the roster no course name. (A card names none.)"""
    from designer.data.mapping import map_columns
    from designer.data.roster import read_roster
    from designer.model.io import load_template

    if not template_path:
        return False
    try:
        template = load_template(template_path)
    except (ShoshoError, OSError):
        return False
    if template.kind == "card" or template.achievement.get("name"):
        return False
    if not roster_path or roster_path == "-":
        return False
    try:
        roster = read_roster(roster_path)
    except (ShoshoError, OSError):
        return False
    return map_columns(roster.headers).column_for("course_name") is None


class ReviewPage(QWizardPage):
    """What is about to be issued, before the PIN is asked."""

    def __init__(self, wizard: IssueWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(tr("Check before issuing"))
        self.setSubTitle(tr("Issuing signs each credential; it cannot be undone, only revoked."))
        self.summary = QLabel()
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        setup = self.wiz.setup
        lines = [
            (tr("Template"), setup.template.text().strip()),
            (tr("Roster"), setup.roster.text().strip()),
            (tr("Rows"), setup.rows.text().strip() or tr("all")),
            (tr("Issuer"), setup.issuer.currentText()),
            (tr("Key"), setup.key.text().strip()),
            (tr("Output folder"), setup.out.text().strip()),
        ]
        if setup.needs_achievement:
            lines.append((tr("Achievement name"), setup.achievement.text().strip()))
        self.summary.setText("\n".join(f"{label}: {value}" for label, value in lines))


class RunPage(QWizardPage):
    def __init__(self, wizard: IssueWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(tr("Issuing"))
        self.bar = QProgressBar()
        self.count = QLabel()
        self.rate = QLabel()
        self.summary = QLabel()
        self.summary.setObjectName("issueSummary")
        self.summary.setWordWrap(True)
        self.cancel_button = QPushButton(tr("Cancel issuing"))
        self.cancel_button.clicked.connect(wizard.cancel_batch)
        self.open_folder = QPushButton(tr("Open folder"))
        self.open_folder.setEnabled(False)
        self.open_folder.clicked.connect(wizard.open_output_folder)
        layout = QVBoxLayout(self)
        for widget in (
            self.bar,
            self.count,
            self.rate,
            self.cancel_button,
            self.summary,
            self.open_folder,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        self.wiz.start_batch()

    def isComplete(self) -> bool:  # noqa: N802
        return self.wiz.result is not None or self.wiz.error is not None


class IssueWizard(QWizard):
    batch_finished = Signal(object)
    worker_created = Signal(object)  # the IssueWorker, before its thread starts

    def __init__(
        self,
        template_path: Path | None = None,
        roster_path: Path | None = None,
        ask_secret: SecretAsker | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Issue certificates"))
        self.template_path = template_path
        self.roster_path = roster_path
        self.ask_secret = ask_secret or ask_pin_dialog(self)
        self.result = None
        self.error: str | None = None
        self.resume_batch: int | None = None
        self.thread: QThread | None = None
        self.worker: IssueWorker | None = None
        self.issuer_form: IssuerForm | None = None
        self.setup = SetupPage(self)
        self.review = ReviewPage(self)
        self.run_page = RunPage(self)
        self.addPage(self.setup)
        self.addPage(self.review)
        self.addPage(self.run_page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.resize(640, 440)

    # ----- resume
    def unfinished_batch(self) -> int | None:
        from designer.issue.pipeline import latest_unfinished
        from designer.store import open_store

        return latest_unfinished(open_store(load_settings().database_url))

    def offer_resume(self, batch_id: int) -> None:
        """Continue ``batch_id`` instead of planning a new one."""
        from designer.issue.lookup import get_batch
        from designer.store import open_store

        batch = get_batch(open_store(load_settings().database_url), batch_id)
        self.setup.key.setText(batch.key_ref)
        self.setup.template.setText(str(batch.template_path))
        self.setup.out.setText(str(batch.out_dir))
        self.setup.roster.setText(self.setup.roster.text() or "-")
        if not self.setup.issuer_ref():
            self.setup.choose_issuer("-")
        self.resume_batch = batch_id

    # ----- running
    def _job(self):
        from designer.issue.pipeline import issue_batch, run_batch
        from designer.issue.plan import PlanRequest
        from designer.keys.references import open_signer
        from designer.model.io import load_template
        from designer.signing.suites import default_suite
        from designer.store import open_store

        store = open_store(load_settings().database_url)
        setup = self.setup
        key_ref = setup.key.text().strip()
        signer = with_pin_retries(
            lambda pin: open_signer(key_ref, pin_provider=pin, passphrase_provider=self.ask_secret),
            self.ask_secret,
        )
        ui_settings().setValue(LAST_KEY, key_ref)  # a key reference, never a PIN
        if self.resume_batch is not None:
            batch_id = self.resume_batch
            return _closing(signer, lambda **kw: run_batch(store, batch_id, signer, **kw))
        template_path = Path(setup.template.text().strip())
        template = load_template(template_path)
        if setup.needs_achievement:
            # Asked in the wizard: recorded with the batch's copy of the design.
            template.achievement = {**template.achievement, "name": setup.achievement.text()}
        ui_settings().setValue(LAST_ISSUER, setup.issuer_ref())
        request = PlanRequest(
            template=template,
            template_path=template_path,
            roster_path=Path(setup.roster.text().strip()),
            issuer_ref=setup.issuer_ref(),
            key_ref=setup.key.text().strip(),
            out_dir=Path(setup.out.text().strip()),
            rows=setup.rows.text().strip() or None,
            sign_pdf=setup.sign_pdf.isChecked(),
        )
        request = replace(request, suite=default_suite(signer))
        return _closing(signer, lambda **kw: issue_batch(store, request, signer, **kw))

    def start_batch(self) -> None:
        self.result, self.error = None, None
        self.run_page.summary.setText("")
        try:
            job = self._job()  # the PIN is asked here, on the UI thread
        except ShoshoError as error:
            self._failed(str(error))
            return
        self.worker = IssueWorker(job)
        self.thread = QThread(self)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self.thread.quit)
        self.worker.failed.connect(self.thread.quit)
        self.run_page.cancel_button.setEnabled(True)
        self.worker_created.emit(self.worker)
        self.thread.start()

    def running(self) -> bool:
        return self.thread is not None and self.thread.isRunning()

    def reject(self) -> None:
        """The wizard's Cancel (or closing it) while issuing stops the batch first; what is
        done so far stays, and the batch is offered for resuming next time."""
        if self.running():
            self.cancel_batch()
            self.wait()
        super().reject()

    def cancel_batch(self) -> None:
        if self.worker is not None:
            self.worker.cancel_requested = True
            self.run_page.cancel_button.setEnabled(False)
            self.run_page.rate.setText(tr("Stopping after the current group of records…"))

    def _progress(self, progress) -> None:
        page = self.run_page
        page.bar.setMaximum(max(progress.total, 1))
        page.bar.setValue(progress.done)
        page.count.setText(
            tr("%1 of %2 done").replace("%1", str(progress.done)).replace("%2", str(progress.total))
        )
        eta = (
            ""
            if progress.eta is None
            else tr(", about %1 s left").replace("%1", f"{progress.eta:.0f}")
        )
        page.rate.setText(tr("%1 per second").replace("%1", f"{progress.rate:.1f}") + eta)

    def _finished(self, result) -> None:
        self.result = result
        page = self.run_page
        page.cancel_button.setEnabled(False)
        page.bar.setMaximum(max(result.total, 1))
        page.bar.setValue(result.done)
        if result.finished:
            text = tr("Batch %1 finished: %2 issued. Files are in %3.")
        else:
            text = tr(
                "Batch %1 stopped: %2 done. Open the wizard again to resume it. Files are in %3."
            )
        page.summary.setText(
            text.replace("%1", str(result.batch_id))
            .replace("%2", str(result.done))
            .replace("%3", str(result.out_dir))
        )
        page.open_folder.setEnabled(True)
        page.completeChanged.emit()
        self.batch_finished.emit(result)

    def _failed(self, message: str) -> None:
        self.error = message
        self.run_page.cancel_button.setEnabled(False)
        self.run_page.summary.setText(tr("Issuing stopped: %1").replace("%1", message))
        self.run_page.summary.setStyleSheet("color:#b3261e;")
        self.run_page.completeChanged.emit()

    def open_output_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.out_dir)))

    def wait(self, timeout_ms: int = 120_000) -> bool:
        """Wait until the worker thread ends, running the event loop (QThread.wait would keep
        Python's lock from the worker)."""
        if not self.running():
            return True
        loop = QEventLoop()
        self.thread.finished.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        if self.running():
            loop.exec()
        return not self.running()


def _with_browse(edit: QLineEdit, slot) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(edit, 1)
    button = QPushButton(tr("Browse…"))
    button.clicked.connect(slot)
    row.addWidget(button)
    return holder


def _closing(signer, job):
    """``job`` that ends the signer's token session when it is done, so the token does not stay
    logged in after the batch."""

    def run(**kwargs):
        try:
            return job(**kwargs)
        finally:
            close = getattr(signer, "close", None)
            if close is not None:
                close()

    return run
