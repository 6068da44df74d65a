"""The profile library beside the form: list, search, open, save, save as, duplicate, delete, diff.

A profile that `extends` another is edited as the technician sees it (its resolved config);
saving writes back only what differs from its parent, so a change to the parent still
reaches it. Switching profile or closing the window asks before dropping unsaved changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QStyle, QVBoxLayout, QWidget)

from camtool.config.errors import ConfigError
from camtool.gui.config_document import ConfigDocument
from camtool.gui.dialogs import DiffDialog, Prompts, UnsavedAnswer, sku_rule_text
from camtool.gui.retranslating import Retranslating

SKU_ROLE = Qt.ItemDataRole.UserRole + 1
EXAMPLE_ROLE = Qt.ItemDataRole.UserRole + 2   # a shipped example listed in an empty library


def own_config(resolved: dict, parent: dict | None) -> dict:
    """The keys a profile stores itself: all of them, or only those differing from its parent.

    A parent's key the technician removed is stored as null, which the library reads as
    "remove what was inherited".
    """
    if not parent:
        return dict(resolved)
    own = {key: value for key, value in resolved.items()
           if key not in parent or parent[key] != value or type(parent[key]) is not type(value)}
    own.update({key: None for key in parent if key not in resolved})
    return own


@dataclass(frozen=True)
class ProfileSummary:
    verifications: int
    latest_verdict: str | None     # "pass" | "fail" (camtool.vision.records), or None
    latest_date: str | None


def profile_summary(profile: Any) -> ProfileSummary:
    """Verification records are opaque to the config layer (docs/architecture.md, Verification records): read defensively."""
    records = getattr(profile, "verifications", None) or []
    latest = records[-1] if records else None
    verdict = date = None
    if isinstance(latest, dict):
        verdict = latest.get("verdict") if latest.get("verdict") in ("pass", "fail") else None
        date = str(latest["date"]) if isinstance(latest.get("date"), str) else None
    return ProfileSummary(len(records), verdict, date)


class ProfilesSidebar(Retranslating, QWidget):
    """Works on a `ProfileLibrary` (camtool.config.profiles) and the window's document."""

    profileOpened = Signal(str)
    profileSaved = Signal(str)
    diffShown = Signal(list)      # rows of (key, value in A, value in B)

    def __init__(self, library, document: ConfigDocument, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._document = document
        self._prompts = prompts
        self._title = QLabel(self)
        # An empty library (the first run) lists the shipped examples instead, and offers to copy them in.
        self.examples_note = QLabel(self)
        self.examples_note.setWordWrap(True)
        self.copy_examples_button = QPushButton(self)
        self.copy_examples_button.clicked.connect(self.copy_examples)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)   # "sku  (extends parent)" wraps in the narrow column
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.buttons = {name: QPushButton(self) for name in
                        ("open", "save", "save_as", "duplicate", "delete", "diff")}
        grid = QGridLayout()
        for index, name in enumerate(self.buttons):
            grid.addWidget(self.buttons[name], index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(self.examples_note)
        layout.addWidget(self.copy_examples_button)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(grid)
        self._save_blocked = ""

        self.search.textChanged.connect(self._apply_filter)
        self.list.itemDoubleClicked.connect(self._open_item)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.buttons["open"].clicked.connect(
            lambda: self._open_item(self.list.selectedItems()[0]) if len(self.list.selectedItems()) == 1 else None)
        self.buttons["save"].clicked.connect(self.save_current)
        self.buttons["save_as"].clicked.connect(self.save_as)
        self.buttons["duplicate"].clicked.connect(lambda: self._with_selected(self.duplicate))
        self.buttons["delete"].clicked.connect(lambda: self._with_selected(self.delete))
        self.buttons["diff"].clicked.connect(self.diff_selected)
        self.retranslate()   # also fills the list

    # ---- library -------------------------------------------------------------------------
    def library_dir(self) -> Path:
        return Path(self._library.directory)

    def set_library_dir(self, path: Path) -> bool:
        if not self.confirm_leave():
            return False
        self._library = type(self._library)(path)
        self.reload()
        return True

    def skus(self) -> list[str]:
        """The SKUs listed now (after the search filter)."""
        return [self.list.item(i).data(SKU_ROLE) for i in range(self.list.count())
                if not self.list.item(i).isHidden()]

    def examples_library(self):
        """The example profiles shipped with camtool (read only: opened as unsaved copies)."""
        from camtool.resources import shipped_profiles_dir

        return type(self._library)(shipped_profiles_dir())

    def showing_examples(self) -> bool:
        return not self.copy_examples_button.isHidden()

    def reload(self) -> None:
        self.list.clear()
        skus = self._library.list()
        examples = self.examples_library()
        offer = not skus and Path(examples.directory).resolve() != self.library_dir().resolve() and bool(examples.list())
        self.examples_note.setVisible(offer)
        self.copy_examples_button.setVisible(offer)
        if offer:
            self.examples_note.setText(self.tr(
                "No profiles in {folder} yet. The examples shipped with camtool are listed below: open one "
                "(as an unsaved copy), or copy them all into the library.").format(folder=self.library_dir()))
            for sku in examples.list():
                item = QListWidgetItem(self.tr("{sku}  (example)").format(sku=sku))
                item.setData(SKU_ROLE, sku)
                item.setData(EXAMPLE_ROLE, True)
                item.setToolTip(self.tr("An example shipped with camtool: opens as an unsaved copy."))
                self.list.addItem(item)
        for sku in skus:
            profile, findings = self._library.read(sku)
            if profile is None:   # listed, so the technician sees it and can open it to read why
                item = QListWidgetItem(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
                                       self.tr("{sku}  (cannot be read)").format(sku=sku))
                item.setData(SKU_ROLE, sku)
                item.setToolTip("\n".join(f"{f.code} {f.message}" for f in findings))
                self.list.addItem(item)
                continue
            summary = profile_summary(profile)
            text = sku if not profile.extends else self.tr("{sku}  (extends {parent})").format(
                sku=sku, parent=profile.extends)
            item = QListWidgetItem(text)
            item.setData(SKU_ROLE, sku)
            description = profile.shown_description()  # the Chinese line when the window speaks Chinese
            tooltip = [description] if description else []
            if summary.verifications:
                # The orientation check's latest verdict on a real device (docs/architecture.md, Verification records).
                verdict = {"pass": self.tr("both ends upright"), "fail": self.tr("not upright")}.get(
                    summary.latest_verdict or "", "-")
                tooltip.append(self.tr("{count} verification record(s); latest: {verdict} ({date})").format(
                    count=summary.verifications, verdict=verdict, date=summary.latest_date or "-"))
                icon = {"pass": QStyle.StandardPixmap.SP_DialogApplyButton,
                        "fail": QStyle.StandardPixmap.SP_DialogCancelButton}.get(summary.latest_verdict or "")
                if icon is not None:
                    item.setIcon(self.style().standardIcon(icon))
            item.setToolTip("\n".join(tooltip))
            self.list.addItem(item)
        self._apply_filter(self.search.text())
        self._update_buttons()

    # ---- the unsaved-changes guard -------------------------------------------------------
    def confirm_leave(self) -> bool:
        """True when the document may be replaced (no changes, saved, or discarded)."""
        if not self._document.is_dirty:
            return True
        answer = self._prompts.unsaved_changes(self._document.origin_name or self.tr("untitled"))
        if answer is UnsavedAnswer.SAVE:
            return self.save_current()
        return answer is UnsavedAnswer.DISCARD

    # ---- operations ----------------------------------------------------------------------
    def _open_item(self, item: QListWidgetItem) -> bool:
        if item.data(EXAMPLE_ROLE):
            return self.open_example(item.data(SKU_ROLE))
        return self.open_profile(item.data(SKU_ROLE))

    def open_example(self, sku: str) -> bool:
        """Open a shipped example as untitled work: saving asks for a name in the technician's library."""
        if not self.confirm_leave():
            return False
        data, findings = self.examples_library().resolved_config(sku)
        if not data and any(f.is_error for f in findings):
            self._prompts.show_error(self.tr("Profile not opened"), "\n".join(f"{f.code} {f.message}" for f in findings))
            return False
        self._document.load(data, origin_name=self.tr("{sku} (example)").format(sku=sku), profile_sku=None)
        return True

    def copy_examples(self) -> int:
        """Copy the shipped examples into the (empty) library; returns how many were copied."""
        from camtool.config.atomic import atomic_write_text

        examples = self.examples_library()
        copied = 0
        try:
            Path(self._library.directory).mkdir(parents=True, exist_ok=True)
            for sku in examples.list():
                if not self._library.exists(sku):
                    atomic_write_text(self._library.path_for(sku), examples.path_for(sku).read_text(encoding="utf-8"))
                    copied += 1
        except (ConfigError, OSError) as exc:
            self._prompts.show_error(self.tr("Examples not copied"), str(exc))
        self.reload()
        return copied

    def open_profile(self, sku: str, *, guard: bool = True, quiet: bool = False) -> bool:
        if guard and not self.confirm_leave():
            return False
        try:
            data, findings = self._library.resolved_config(sku)
        except (ConfigError, OSError) as exc:
            data, findings = None, []
            error_text = str(exc)
        else:
            # A broken file or extends chain is not opened: saving would overwrite what it has.
            error_text = "\n".join(f"{f.code} {f.message}\n{f.fix}" for f in findings if f.is_error)
        if data is None or error_text:
            if not quiet:
                self._prompts.show_error(self.tr("Profile not opened"), self.tr(
                    "The profile \"{sku}\" could not be opened:\n{details}").format(sku=sku, details=error_text))
            return False
        self._document.load(data, origin_name=sku, profile_sku=sku)
        self.profileOpened.emit(sku)
        return True

    def save_current(self) -> bool:
        """Save the document into its profile (Save as when it has none)."""
        sku = self._document.profile_sku
        if sku is None or not self._library.exists(sku):
            return self.save_as()
        return self._write(self._library.read(sku)[0], sku)

    def save_as(self) -> bool:
        if self._save_blocked:
            self._prompts.show_error(self.tr("Profile not saved"), self._save_blocked)
            return False
        current = self._document.profile_sku
        sku = self._prompts.ask_sku(self.tr("Save profile as"), current or "")
        if not sku:
            return False
        if sku_rule_text(sku):
            self._prompts.show_error(self.tr("Profile not saved"), sku_rule_text(sku))
            return False
        if self._library.exists(sku) and sku != current:
            self._prompts.show_error(self.tr("Profile not saved"), self.tr(
                "A profile named \"{sku}\" exists already. Choose another name, or open it and save.").format(sku=sku))
            return False
        base = self._library.read(current)[0] if current and self._library.exists(current) else None
        return self._write(base, sku)

    def duplicate(self, sku: str) -> bool:
        new_sku = self._prompts.ask_sku(self.tr("Duplicate profile"), f"{sku}-copy")
        if not new_sku:
            return False
        if sku_rule_text(new_sku):
            self._prompts.show_error(self.tr("Profile not duplicated"), sku_rule_text(new_sku))
            return False
        try:
            if self._library.exists(new_sku):
                raise ValueError(self.tr(
                    "A profile named \"{sku}\" exists already. Choose another name, or open it and save.").format(
                    sku=new_sku))
            source = self._library.load(sku)
            self._library.save(source.model_copy(update={"sku": new_sku}))
        except (ConfigError, OSError, ValueError) as exc:
            self._prompts.show_error(self.tr("Profile not duplicated"), str(exc))
            return False
        self.reload()
        return True

    def delete(self, sku: str) -> bool:
        if not self._prompts.confirm_delete(sku):
            return False
        try:
            self._library.delete(sku)
        except (ConfigError, OSError) as exc:
            self._prompts.show_error(self.tr("Profile not deleted"), str(exc))
            return False
        if self._document.profile_sku == sku:
            self._document.detach()
        self.reload()
        return True

    def diff_selected(self) -> list:
        selected = [item.data(SKU_ROLE) for item in self.list.selectedItems()]
        if len(selected) != 2:
            return []
        rows = list(self._library.diff(selected[0], selected[1]))
        self.diff_dialog = DiffDialog(selected[0], selected[1], rows, self)
        self.diff_dialog.open()
        self.diffShown.emit(rows)
        return rows

    def set_save_blocked(self, reason: str) -> None:
        """Save is refused while the config has an error; the buttons say why on hover."""
        self._save_blocked = reason
        self._update_buttons()

    # ---- internals -----------------------------------------------------------------------
    def _write(self, base, sku: str) -> bool:
        if self._save_blocked:
            self._prompts.show_error(self.tr("Profile not saved"), self._save_blocked)
            return False
        from camtool.config.profiles import Profile

        try:
            profile = Profile(sku=sku) if base is None else base.model_copy(update={"sku": sku})
            parent = self._library.resolved_config(profile.extends)[0] if profile.extends else None
            profile = profile.model_copy(update={"config": own_config(self._document.data, parent)})
            self._library.save(profile, wmpf_version=self._document.wmpf_version)
        except (ConfigError, OSError, ValueError) as exc:
            details = "\n".join(f"{f.code} {f.message}" for f in getattr(exc, "findings", []) if f.is_error)
            self._prompts.show_error(self.tr("Profile not saved"), "\n".join(filter(None, [str(exc), details])))
            return False
        self._document.mark_saved(origin_name=sku, profile_sku=sku)
        self.reload()
        self.profileSaved.emit(sku)
        return True

    def _with_selected(self, operation) -> None:
        items = self.list.selectedItems()
        if len(items) == 1:
            operation(items[0].data(SKU_ROLE))

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(needle) and needle not in item.text().lower()
                           and needle not in item.toolTip().lower())

    def _update_buttons(self) -> None:
        count = len(self.list.selectedItems())
        example = any(item.data(EXAMPLE_ROLE) for item in self.list.selectedItems())   # not in the library
        self.buttons["open"].setEnabled(count == 1)
        for name in ("duplicate", "delete"):
            self.buttons[name].setEnabled(count == 1 and not example)
        self.buttons["diff"].setEnabled(count == 2 and not example)
        for name in ("save", "save_as"):
            self.buttons[name].setEnabled(not self._save_blocked)
            self.buttons[name].setToolTip(self._save_blocked)

    def retranslate(self) -> None:
        self._title.setText(self.tr("Profiles (one per SKU)"))
        self.search.setPlaceholderText(self.tr("Search profiles"))
        texts = {"open": self.tr("Open"), "save": self.tr("Save"), "save_as": self.tr("Save as..."),
                 "duplicate": self.tr("Duplicate"), "delete": self.tr("Delete..."), "diff": self.tr("Diff two")}
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.buttons["diff"].setStatusTip(self.tr("Select two profiles to compare their configs."))
        self.copy_examples_button.setText(self.tr("Copy the examples into the library"))
        self.reload()
