"""Session-wide test settings: offscreen Qt, English messages by default, no user state touched."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from camtool import i18n


@pytest.fixture(autouse=True)
def _english_messages():
    """Tests read English unless they switch; the language never leaks between tests."""
    i18n.set_language("en")
    yield
    i18n.set_language("en")
