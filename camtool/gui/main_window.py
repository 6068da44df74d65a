"""The camtool window: profiles | selection form + findings | both ends + export, around one document.

The window only wires parts together: each part takes the document (and the services it
needs) in its constructor and listens to it. Without a device layer a banner says that both
ends are simulated. With one (`device_service`), the device side is wired in
camtool.gui.device_side: the device bar, the cameras panel, live ends, Apply to device and
(with `auto_virtual`) the virtual device when no phone is attached.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QFrame, QLabel, QMainWindow, QScrollArea, QSplitter, QVBoxLayout, QWidget

from camtool import __version__
from camtool.gui.actions import AboutBox, WindowActions
from camtool.gui.config_document import ConfigDocument
from camtool.gui.device_side import DeviceSide
from camtool.gui.dialogs import Prompts
from camtool.gui.ends_panel import EndsPanel
from camtool.gui.export_panel import ExportPanel
from camtool.gui.findings_panel import FindingsPanel
from camtool.gui.live_device import DeviceService
from camtool.gui.preferences import LanguageSwitcher, WindowSettings
from camtool.gui.profiles_sidebar import ProfilesSidebar
from camtool.gui.selection_form import SelectionForm
from camtool.gui.retranslating import Retranslating

_SPLITTERS = ("main", "left", "middle", "right")
#: Device findings that mean the device has no (single) camera for the selection: a simulated
#: picture of that camera would show something the device cannot.
_NO_CAMERA_CODES = ("CAM601", "CAM602", "CAM603", "CAM604", "CAM605")
#: Splitter sizes before the technician has moved them, for 1366x768: where the config comes
#: from on the left (profiles, the device's cameras), the form down to its push flip and at
#: least three findings in the middle, both ends and the export on the right
#: (tests/gui/test_gui_layout.py checks it in both languages).
_FIRST_RUN_SIZES = {"main": [330, 400, 636], "left": [230, 420], "middle": [330, 320], "right": [430, 230]}


class MainWindow(Retranslating, QMainWindow):
    """The whole window; close() runs the unsaved-changes guard and stops the render thread."""

    def __init__(self, document: ConfigDocument, library, settings: WindowSettings, *,
                 prompts: Prompts | None = None, language: LanguageSwitcher | None = None,
                 device_service: DeviceService | None = None, auto_virtual: bool = False,
                 ask_package=None) -> None:
        super().__init__()
        self.document = document
        self.settings = settings
        self.prompts = prompts or Prompts(self)
        self.language = language or LanguageSwitcher(self)
        self.device_service = device_service
        self.setObjectName("camtoolMainWindow")

        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel#banner { background: #fff3c4; color: #5a4500; padding: 6px; }")
        self.sidebar = ProfilesSidebar(library, document, self.prompts, self)
        self.form = SelectionForm(document, self)
        self.findings = FindingsPanel(document, self)
        self.ends = EndsPanel(document, device_service=device_service, parent=self)
        # "Device runs:" offers the sidebar's library (which the technician may switch).
        self.ends.device_runs.set_library_source(lambda: type(library)(self.sidebar.library_dir()))
        self.export = ExportPanel(document, self.prompts, self)
        self.device_side = (DeviceSide(self, device_service, library, auto_virtual=auto_virtual,
                                       ask_package=ask_package) if device_service is not None else None)

        self.splitters = {name: QSplitter(self) for name in _SPLITTERS}
        self.splitters["left"].setOrientation(Qt.Orientation.Vertical)
        self.splitters["middle"].setOrientation(Qt.Orientation.Vertical)
        self.splitters["right"].setOrientation(Qt.Orientation.Vertical)
        # The form scrolls rather than squeezes: a USB triple with its explanation is taller
        # than the built-in choice, and wrapped labels must never be drawn over the fields.
        self.form_scroll = QScrollArea(self)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)   # texts wrap
        self.form_scroll.setWidget(self.form)
        self.splitters["left"].addWidget(self.sidebar)
        if self.device_side is not None:
            self.splitters["left"].addWidget(self.device_side.cameras)
        self.splitters["middle"].addWidget(self.form_scroll)
        self.splitters["middle"].addWidget(self.findings)
        # When the window loses height (the orientation check's dock, a smaller screen) the
        # findings list gives it up first: it scrolls, while a squeezed form hides the rotation
        # buttons the technician came for.
        self.splitters["middle"].setStretchFactor(0, 0)
        self.splitters["middle"].setStretchFactor(1, 1)
        self.splitters["right"].addWidget(self.ends)
        self.splitters["right"].addWidget(self.export)
        self.splitters["right"].setStretchFactor(0, 3)
        self.splitters["right"].setStretchFactor(1, 2)
        for part in (self.splitters["left"], self.splitters["middle"], self.splitters["right"]):
            self.splitters["main"].addWidget(part)
        self.splitters["main"].setStretchFactor(0, 1)
        self.splitters["main"].setStretchFactor(1, 2)
        self.splitters["main"].setStretchFactor(2, 4)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        if self.device_side is not None:
            if self.device_side.virtual_banner is not None:
                layout.addWidget(self.device_side.virtual_banner)
            layout.addWidget(self.device_side.bar)
        layout.addWidget(self.splitters["main"], 1)
        self.setCentralWidget(central)

        self.actions = WindowActions(self, {
            "new": self.new_config,
            "open": self.open_config,
            "save": self.sidebar.save_current,
            "save_as": self.sidebar.save_as,
            "export": self.export.save_current,
            "choose_library": self.choose_library,
            "quit": self.close,
            "rotate_cw": lambda: document.rotate_by(90),
            "rotate_ccw": lambda: document.rotate_by(-90),
            "flip": document.toggle_flip,
            "shortcuts": self.show_shortcuts,
            "about": self.show_about,
        }, on_language=self.switch_language)
        self.actions.mark_language(self.language.language)

        self.live_figures = QLabel(self)
        self.statusBar().addPermanentWidget(self.live_figures)
        self.ends.liveFiguresChanged.connect(self.live_figures.setText)
        self.findings.focusRequested.connect(self._focus_key)
        self.export.imported.connect(lambda path: self.statusBar().showMessage(
            self.tr("Imported {path}").format(path=path), 5000))
        self.export.exportSaved.connect(lambda path: self.statusBar().showMessage(
            self.tr("Export saved to {path}").format(path=path), 5000))
        document.changed.connect(self._update_no_camera_notice)
        document.dirtyChanged.connect(self._update_title)
        document.originChanged.connect(self._update_title)
        document.changed.connect(self._update_save_actions)
        self.setAcceptDrops(True)
        self._restore_settings()
        self.retranslate()
        self._update_save_actions()
        if self.device_side is not None:
            self.device_side.start()
        # Extensions that build on every other part come last.
        from camtool.gui.orientation_check import install_orientation_check
        from camtool.gui.record_action import install_recorder

        install_orientation_check(self)
        install_recorder(self)

    # ---- actions -------------------------------------------------------------------------
    def new_config(self) -> bool:
        """File > New: an empty config (WMPF's defaults), untitled, after the unsaved-changes guard."""
        if not self.sidebar.confirm_leave():
            return False
        self.document.load({}, origin_name="", profile_sku=None)
        return True

    def open_config(self) -> bool:
        if not self.sidebar.confirm_leave():
            return False
        return self.export.import_with_dialog()

    def choose_library(self) -> None:
        path = self.prompts.choose_library_dir(self.sidebar.library_dir())
        if path is not None and self.sidebar.set_library_dir(path):
            self.settings.set_library_dir(path)

    def switch_language(self, lang: str) -> None:
        lang = self.language.switch(lang)
        self.settings.set_language(lang)
        self.actions.mark_language(lang)

    def show_shortcuts(self) -> None:
        self.prompts.show_text(self.tr("Keyboard shortcuts"), "\n".join(self.actions.shortcut_lines()))

    def show_about(self) -> None:
        """Non-modal, so the window (and a test) goes on while adb reports its version."""
        self.about_box = AboutBox(self)
        self.about_box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_box.open()

    def _focus_key(self, key: str) -> None:
        if not self.form.focus_key(key):
            self.statusBar().showMessage(self.tr(
                "{key} is not on the form for the selected camera: remove it or switch the camera kind.").format(
                key=key), 8000)

    # ---- state ---------------------------------------------------------------------------
    def _update_save_actions(self) -> None:
        reason = self.export.blocked_reason()
        for name in ("save", "save_as", "export"):
            self.actions.actions[name].setEnabled(not reason)
            self.actions.actions[name].setToolTip(reason)
        self.sidebar.set_save_blocked(reason)

    def _update_no_camera_notice(self) -> None:
        """Over the simulated ends: the device in the device bar has no camera for this selection."""
        finding = next((f for f in self.document.device_findings if f.code in _NO_CAMERA_CODES), None)
        if finding is None:
            notice = ""
        elif finding.code == "CAM605":
            notice = self.tr("{serial} has more than one camera for this selection: which one WMPF opens is not "
                             "known, so this picture may not be what the device shows.\n{code}: {message}")
        else:
            notice = self.tr("{serial} has no camera for this selection, so this end would show no camera "
                             "picture.\n{code}: {message}")
        if finding is not None:
            notice = notice.format(serial=self.document.device_serial, code=finding.code, message=finding.message)
        for view in (self.ends.device_view, self.ends.wechat_view):
            view.set_notice(notice)

    def _update_title(self, *_args) -> None:
        name = self.document.origin_name or self.tr("untitled")
        star = "*" if self.document.is_dirty else ""
        self.setWindowTitle(f"{name}{star} — camtool")

    def retranslate(self) -> None:
        if self.device_service is None:
            self.banner.setText(self.tr(
                "No device layer attached yet: both ends are simulated from a virtual camera, "
                "for the config in the form."))
        self.banner.setVisible(self.device_service is None)
        self._update_title()
        self._update_no_camera_notice()
        self.statusBar().showMessage(self.tr("camtool {version} · Qt {qt}").format(
            version=__version__, qt=qVersion()), 4000)


    def _restore_settings(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1366, 768)
        for name, splitter in self.splitters.items():
            state = self.settings.splitter_state(name)
            if state is None or not splitter.restoreState(state):
                splitter.setSizes(self._first_run_sizes(name))
        last = self.settings.last_profile()
        if last:
            self.sidebar.open_profile(last, guard=False, quiet=True)

    def _first_run_sizes(self, name: str) -> list[int]:
        sizes = list(_FIRST_RUN_SIZES[name])
        return sizes[:self.splitters[name].count()]

    def _save_settings(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        for name, splitter in self.splitters.items():
            self.settings.set_splitter_state(name, splitter.saveState())
        self.settings.set_library_dir(self.sidebar.library_dir())
        self.settings.set_last_profile(self.document.profile_sku)
        self.settings.set_language(self.language.language)
        self.settings.sync()

    # ---- drop and close ------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 (a config dropped anywhere on the window)
        self.export.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        self.export.dropEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.sidebar.confirm_leave():
            event.ignore()
            return
        self._save_settings()
        self.ends.shutdown()
        if self.device_side is not None:
            self.device_side.shutdown()
        event.accept()
