"""Apply to device: the form's config sent to the device's receiver, and the device's answer shown.

It refuses (with the first error) while the config has errors, asks for the package of the
integrator's app that carries camtool's receiver (remembered per profile as the profile's
`apply_package`; for the virtual device the scenario's receiver package is offered first),
runs the broadcast on a worker thread and shows the answer. After an applied answer the
window knows which config the device runs (`applied_config`), which the simulated ends can
use to undo it and recover the camera's own picture.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QInputDialog, QWidget

from camtool.gui.config_document import ConfigDocument
from camtool.gui.workers import LatestOnlyWorker

#: ask(title, label, suggestion) -> package or None (cancelled); tests pass a scripted one.
PackageAsker = Callable[[str, str, str], "str | None"]


def ask_package_dialog(parent: QWidget | None) -> PackageAsker:
    def ask(title: str, label: str, suggestion: str) -> str | None:
        text, ok = QInputDialog.getText(parent, title, label, text=suggestion)
        return text.strip() if ok and text.strip() else None
    return ask


class ApplyToDevice(QObject):
    """Runs one apply at a time; `answered(applied, message)` when the device has answered."""

    answered = Signal(bool, str)
    refused = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, document: ConfigDocument, service, library, *, ask_package: PackageAsker,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._service = service
        self._library = library
        self._ask = ask_package
        self.serial = ""
        self.suggested_package: str | None = None    # the virtual device's receiver package
        self.applied_config: dict | None = None      # the config the device runs, as far as camtool knows
        self.last_answer = None
        self.busy = False
        self._worker = LatestOnlyWorker(self._apply, "camtool-apply", self)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)

    def set_device(self, serial: str, suggested_package: str | None = None) -> None:
        if serial != self.serial:
            # Another device: what camtool applied to it last (here, in the CLI, or in an earlier
            # session), else nothing known.
            from camtool.device.applied_record import last_applied

            record = last_applied(serial) if serial else None
            self.applied_config = dict(record.config) if record is not None else None
        self.serial = serial
        self.suggested_package = suggested_package

    def blocked_reason(self) -> str:
        if not self.serial:
            return self.tr("Choose a ready device in the device bar first.")
        error = self._document.first_error
        if error is not None:
            return self.tr("The config has an error; fix it first: {message}").format(message=error.message)
        if self.busy:
            return self.tr("An apply is still running.")
        return ""

    def trigger(self) -> bool:
        """Validate, ask the package, start the apply; False when refused or cancelled."""
        reason = self.blocked_reason()
        if reason:
            self.refused.emit(reason)
            return False
        package = self._ask(self.tr("Apply to device"),
                            self.tr("Package of the app with camtool's receiver on {serial}:").format(serial=self.serial),
                            self._remembered_package() or self.suggested_package or "")
        if not package:
            return False
        self._set_busy(True)
        self._worker.submit((self.serial, self._document.data, package, self._document.profile_sku))
        return True

    def shutdown(self) -> None:
        # An apply in hand is never cut: it finishes on its own thread after the window has gone.
        self._worker.stop()

    # ---- per-profile package ---------------------------------------------------------------
    def _profile(self):
        sku = self._document.profile_sku
        if not sku or self._library is None:
            return None
        try:
            return self._library.read(sku)[0] if self._library.exists(sku) else None
        except Exception:  # an unreadable profile only costs the suggestion
            return None

    def _remembered_package(self) -> str | None:
        profile = self._profile()
        return getattr(profile, "apply_package", None)

    def _remember_package(self, sku: str | None, package: str) -> None:
        if not sku or sku != self._document.profile_sku:
            return
        profile = self._profile()
        if profile is None or profile.apply_package == package:
            return
        try:
            self._library.save(profile.model_copy(update={"apply_package": package}))
        except Exception:  # remembering is a convenience: the apply itself already happened
            pass

    # ---- worker thread ---------------------------------------------------------------------
    def _apply(self, request):
        serial, config, package, _sku = request
        return self._service.apply_config(serial, config, package)

    @Slot(object, object)
    def _on_done(self, request, answer) -> None:
        self._set_busy(False)
        serial, config, package, sku = request
        self.last_answer = answer
        if answer.applied:
            if serial == self.serial:
                self.applied_config = dict(config)
            self._remember_package(sku, package)
        self.answered.emit(bool(answer.applied), answer.message)

    @Slot(object, str)
    def _on_failed(self, _request, message: str) -> None:
        self._set_busy(False)
        self.answered.emit(False, message.split(": ", 1)[-1])

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busyChanged.emit(busy)
