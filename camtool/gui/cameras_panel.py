"""The cameras of the chosen device: built-in cameras and USB devices, one click fills the selection.

The inventory is read on a worker thread (five adb commands, seconds on a busy device), which
closing the window cancels between two commands.
Built-in cameras show their id, facing, sensor orientation and whether they are a USB camera
behind the external HAL; USB devices their path, vendor/product ids (hex and decimal) and
serial or "none". Devices that are not cameras are listed but greyed out (a technician
looks for "where did my camera go" among them). Picking a camera sets the form's selection
mode and keys through the document; the device's WMPF version goes to the document too,
so the version gates follow the device.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (QLabel, QPushButton, QStyledItemDelegate, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from camtool.gui.config_document import ConfigDocument
from camtool.gui.selection import SelectionMode
from camtool.gui.workers import LatestOnlyWorker
from camtool.gui.retranslating import Retranslating

_ROLE = Qt.ItemDataRole.UserRole


class _WrappedDetails(QStyledItemDelegate):
    """Rows as tall as their wrapped details: a tree sizes rows from one unwrapped line otherwise."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        if index.column() != 1:
            return size
        width = max(self._tree.columnWidth(1) - 8, 40)
        text = index.data() or ""
        bounds = option.fontMetrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(size.width(), max(size.height(), bounds.height() + 4))


class CamerasPanel(Retranslating, QWidget):
    """Tree of the device's cameras; `inventoryShown(serial)` once one is on screen."""

    inventoryShown = Signal(str)
    cameraPicked = Signal(str)    # "builtin:<id>" or "usb:<path>"

    def __init__(self, document: ConfigDocument, service, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._service = service
        self.serial = ""
        self.fetched = None            # camtool.device.inventory_fetch.FetchedInventory
        self._worker = LatestOnlyWorker(self._fetch, "camtool-inventory", self)
        self._worker.done.connect(self._on_fetched)
        self._worker.failed.connect(self._on_failed)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(True)
        # Details (vendor/product ids, serial, why the triple cannot be used) wrap in the column
        # instead of running off under a horizontal scroll bar.
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.header().setStretchLastSection(True)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setItemDelegateForColumn(1, _WrappedDetails(self.tree))
        self.tree.header().sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        self.tree.itemActivated.connect(self._on_item_activated)
        self.tree.itemDoubleClicked.connect(self._on_item_activated)
        self.use_button = QPushButton(self)
        self.use_button.clicked.connect(lambda: self.pick_item(self.tree.currentItem()))
        self.tree.currentItemChanged.connect(self._update_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.use_button)
        self._builtin_root = QTreeWidgetItem(self.tree)
        self._usb_root = QTreeWidgetItem(self.tree)
        self.retranslate()
        self._update_button()

    # ---- API -----------------------------------------------------------------------------
    def show_device(self, serial: str) -> None:
        """Read this device's inventory (off the GUI thread); "" clears the panel."""
        if serial != self.serial:
            self._document.set_device_inventory(None)   # the last device's findings are not this one's
        self.serial = serial
        if not serial:
            self.fetched = None
            self._document.set_device_inventory(None)
            self._fill()
            return
        self.status.setText(self.tr("Reading the cameras of {serial}...").format(serial=serial))
        self._worker.submit(serial)

    def refresh(self) -> None:
        if self.serial:
            self.show_device(self.serial)

    def items(self) -> list[QTreeWidgetItem]:
        """Every camera/device row (for tests and keyboard navigation)."""
        rows = []
        for root in (self._builtin_root, self._usb_root):
            rows.extend(root.child(i) for i in range(root.childCount()))
        return rows

    def item_for(self, key: str) -> QTreeWidgetItem | None:
        return next((item for item in self.items() if item.data(0, _ROLE) == key), None)

    def pick(self, key: str) -> bool:
        """Pick a camera by key ("builtin:<id>" / "usb:<path>"), as a click on it would."""
        return self.pick_item(self.item_for(key))

    def pick_item(self, item: QTreeWidgetItem | None) -> bool:
        if item is None or self.fetched is None or not (item.flags() & Qt.ItemFlag.ItemIsEnabled):
            return False
        key = item.data(0, _ROLE)
        if not key:
            return False
        kind, _, ident = key.partition(":")
        inventory = self.fetched.inventory
        document = self._document
        if kind == "builtin":
            document.set_mode(SelectionMode.BUILTIN_NAME)
            document.set_value("internalCameraName", ident)
        else:
            entry = inventory.usb_at(ident)
            if entry is None:
                return False
            dev = entry.device
            if entry.triple_usable:
                # The triple survives replugging; the path does not (the form explains this too).
                document.set_mode(SelectionMode.USB_TRIPLE)
                document.set_value("usbCameraVendorId", dev.vendor_id)
                document.set_value("usbCameraProductId", dev.product_id)
                document.set_value("usbSerialNumber", dev.serial)
            else:
                document.set_mode(SelectionMode.USB_PATH)
                document.set_value("usbCameraName", dev.path)
        self.cameraPicked.emit(key)
        return True

    def shutdown(self) -> None:
        self._worker.stop()

    # ---- worker --------------------------------------------------------------------------
    def _fetch(self, serial: str):
        # Closing the window cancels: the device layer stops before its next adb command, so a
        # hung device holds this thread for one command's timeout at the most.
        return serial, self._service.inventory(serial, cancelled=self._worker.cancelled)

    @Slot(object, object)
    def _on_fetched(self, request: str, result) -> None:
        serial, fetched = result
        if serial != self.serial:
            return   # the technician chose another device meanwhile
        self.fetched = fetched
        self._document.set_wmpf_version(fetched.inventory.device.wmpf)
        self._document.set_device_inventory(fetched.inventory, serial)   # the CAM6xx findings follow the device
        self._fill()
        self.inventoryShown.emit(serial)

    @Slot(object, str)
    def _on_failed(self, request: str, message: str) -> None:
        if request != self.serial:
            return
        self.fetched = None
        self._document.set_device_inventory(None)   # nothing to compare with: no device findings
        self._fill()
        self.status.setText(self.tr("The cameras of {serial} could not be read: {error}").format(
            serial=request, error=message.split(": ", 1)[-1]))

    # ---- drawing -------------------------------------------------------------------------
    def _fill(self) -> None:
        for root in (self._builtin_root, self._usb_root):
            root.takeChildren()
        fetched = self.fetched
        if fetched is None:
            self.status.setText(self.tr("No device chosen.") if not self.serial else self.status.text())
            self._update_button()
            return
        inv = fetched.inventory
        unknown = self.tr("unknown")
        self.status.setText(self.tr("{model}, Android {android}, WMPF {wmpf}").format(
            model=inv.device.model or unknown, android=inv.device.android or unknown,
            wmpf=inv.device.wmpf or (self.tr("not installed") if inv.wmpf_known else unknown)))
        for entry in inv.builtin:
            self._add_builtin(entry, unknown)
        for entry in inv.usb:
            self._add_usb(entry, unknown)
        if not inv.builtin_known:
            QTreeWidgetItem(self._builtin_root, [self.tr("unknown (the camera service could not be read)")])
        if not inv.usb_known:
            QTreeWidgetItem(self._usb_root, [self.tr("unknown (dumpsys usb could not be read)")])
        tips = [note.text() for note in fetched.notes]
        self.status.setToolTip("\n".join(tips))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self._update_button()

    def _add_builtin(self, entry, unknown: str) -> None:
        cam = entry.camera
        facing = {"back": self.tr("back"), "front": self.tr("front"), "external": self.tr("external")}.get(
            cam.facing or "", unknown)
        orientation = f"{cam.sensor_orientation}°" if cam.sensor_orientation is not None else unknown
        details = self.tr("facing {facing}, sensor orientation {orientation}").format(
            facing=facing, orientation=orientation)
        if cam.external:
            details += " · " + self.tr("USB behind external HAL")
            if entry.usb_path:
                details += f" ({entry.usb_path})"
        item = QTreeWidgetItem(self._builtin_root, [self.tr("Camera {id}").format(id=cam.camera_id), details])
        item.setData(0, _ROLE, f"builtin:{cam.camera_id}")
        item.setToolTip(1, self.tr("Selected with internalCameraName \"{id}\".").format(id=cam.camera_id))

    def _add_usb(self, entry, unknown: str) -> None:
        dev = entry.device
        name = " ".join(p for p in (dev.manufacturer, dev.product) if p) or unknown
        if dev.vendor_id is not None and dev.product_id is not None:
            ids = self.tr("vendor 0x{vh} ({vd}), product 0x{ph} ({pd})").format(
                vh=f"{dev.vendor_id:04x}", vd=dev.vendor_id, ph=f"{dev.product_id:04x}", pd=dev.product_id)
        else:
            ids = self.tr("vendor/product unknown")
        serial = self.tr("serial \"{serial}\"").format(serial=dev.serial) if dev.serial is not None \
            else self.tr("serial none")
        item = QTreeWidgetItem(self._usb_root, [dev.path, f"{name} · {ids} · {serial}"])
        item.setData(0, _ROLE, f"usb:{dev.path}")
        if dev.is_camera is False:
            # Listed so the technician sees the whole bus, but it cannot be picked.
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            item.setToolTip(1, self.tr("Not a camera."))
        elif not entry.triple_usable:
            # Why the triple cannot select it, on its own line under the device (not only a tooltip).
            reason = entry.reason_text() or ""
            item.setToolTip(1, reason)
            item.setText(1, item.text(1) + " · " + self.tr("by path only"))
            note = QTreeWidgetItem(item, ["", reason])
            note.setFlags(Qt.ItemFlag.NoItemFlags)
            note.setToolTip(1, reason)
        else:
            item.setToolTip(1, self.tr("Selected by vendor id, product id and serial number (survives replugging)."))

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.pick_item(item)

    def _update_button(self, *_args) -> None:
        item = self.tree.currentItem()
        self.use_button.setEnabled(bool(item is not None and item.data(0, _ROLE)
                                        and item.flags() & Qt.ItemFlag.ItemIsEnabled))

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("Camera"), self.tr("Details")])
        self._builtin_root.setText(0, self.tr("Built-in cameras"))
        self._usb_root.setText(0, self.tr("USB devices"))
        self.use_button.setText(self.tr("&Use this camera"))
        self.use_button.setToolTip(self.tr("Fill the selection form with the chosen camera (or double-click it)."))
        if self.fetched is not None:
            self._fill()
