"""PySide6 6.12.0 regression: Signal.emit() drops a reference to True on every emit.

On Python 3.11 the refcount of True then falls until "Fatal Python error: bool_dealloc"
crashes the window after a few thousand frames or edits. pyproject.toml pins
PySide6 < 6.12 because of it; this test shows whether an installed PySide6 has the bug.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal

pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="from Python 3.12 True is immortal: its refcount never changes, so the leak cannot be seen "
           "(or crash) there; the regression matters on Python 3.11")

EMITS = 5000


class _Emitter(QObject):
    flag = Signal(bool)
    pair = Signal(object, bool)


def test_emitting_true_thousands_of_times_keeps_its_refcount(qapp):
    emitter = _Emitter()
    received = []
    emitter.flag.connect(lambda value: received.append(value) if len(received) < 1 else None)
    emitter.pair.connect(lambda _obj, _value: None)
    before = sys.getrefcount(True)
    for _ in range(EMITS):
        emitter.flag.emit(True)
        emitter.pair.emit(None, True)
    after = sys.getrefcount(True)
    assert received == [True]
    # Other code may take references meanwhile; a leak of one per emit falls by thousands.
    assert after >= before - 100, f"True lost {before - after} references over {EMITS} emits"
