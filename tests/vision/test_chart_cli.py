"""`camtool chart`: writes a printable PDF or PNG atomically, refuses bad names with exit 2 and a
sentence that says what to do; and every message of the vision layer has its Chinese text."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import cv2
import numpy as np
import pytest

from camtool import exitcodes
from camtool.cli import main
from camtool.i18n import placeholders
from camtool.i18n.zh_CN.vision import MESSAGES
from camtool.vision.chart import MARKER_IDS
from camtool.vision.detect import detect_orientation

ROOT = Path(__file__).resolve().parents[2]
VISION_MODULES = ["camtool/vision/chart.py", "camtool/vision/detect.py", "camtool/vision/degrade.py",
                  "camtool/vision/pdf.py", "camtool/cli/vision_commands.py"]


def _media_box(pdf: bytes) -> tuple[float, float]:
    match = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    return float(match.group(1)), float(match.group(2))


@pytest.mark.parametrize("size, points", [("a4", (595.3, 841.9)), ("letter", (612.0, 792.0))])
def test_pdf_chart_has_the_paper_size(tmp_path, capsys, size, points):
    target = tmp_path / "chart.pdf"
    assert main(["chart", "-o", str(target), "--size", size]) == exitcodes.OK
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert _media_box(data) == pytest.approx(points, abs=0.1)
    assert str(target) in capsys.readouterr().out


def test_png_chart_is_an_upright_readable_chart(tmp_path):
    target = tmp_path / "chart.PNG"  # the extension's case does not matter
    assert main(["chart", "-o", str(target)]) == exitcodes.OK
    image = cv2.imread(str(target), cv2.IMREAD_COLOR)
    assert image.shape[:2] == (2339, 1654)  # A4 at 200 dpi
    result = detect_orientation(image)
    assert result.detected and result.rotation == 0 and not result.mirrored and result.markers == len(MARKER_IDS)


def test_existing_file_is_replaced_and_no_temporary_file_is_left(tmp_path):
    target = tmp_path / "chart.pdf"
    target.write_bytes(b"old")
    assert main(["chart", "-o", str(target)]) == exitcodes.OK
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["chart.pdf"]


@pytest.mark.parametrize("name, words", [
    ("chart.jpg", ".pdf or .png"),
    ("chart", ".pdf or .png"),
    ("missing/chart.pdf", "does not exist"),
])
def test_bad_names_exit_2_with_what_to_do_and_write_nothing(tmp_path, capsys, name, words):
    assert main(["chart", "-o", str(tmp_path / name)]) == exitcodes.USAGE
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_folder_as_output_is_refused(tmp_path, capsys):
    assert main(["chart", "-o", str(tmp_path)]) == exitcodes.USAGE
    assert "is a folder" in capsys.readouterr().err


def test_unknown_paper_size_is_a_usage_error(tmp_path, capsys):
    assert main(["chart", "-o", str(tmp_path / "c.pdf"), "--size", "a3"]) == exitcodes.USAGE
    assert "--size" in capsys.readouterr().err


def test_missing_output_is_a_usage_error(capsys):
    assert main(["chart"]) == exitcodes.USAGE


def test_messages_follow_the_language(tmp_path, capsys):
    assert main(["--lang", "zh", "chart", "-o", str(tmp_path / "chart.gif")]) == exitcodes.USAGE
    assert "请使用 chart.pdf 或 chart.png" in capsys.readouterr().err


def _marked_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.args[0].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "N_"
            and node.args and isinstance(node.args[0], ast.Constant)]


def test_every_vision_message_has_a_chinese_text_with_the_same_placeholders():
    sources = [s for module in VISION_MODULES for s in _marked_strings(ROOT / module)]
    assert len(sources) > 15
    missing = [s for s in sources if s not in MESSAGES]
    assert not missing, missing
    for source in sources:
        assert placeholders(MESSAGES[source]) == placeholders(source), source


def test_no_message_is_translated_but_unused():
    sources = {s for module in VISION_MODULES for s in _marked_strings(ROOT / module)}
    assert set(MESSAGES) - sources == set()


def test_chinese_chart_renders_even_without_a_chinese_font(tmp_path):
    # This machine may have no CJK font: the chart then keeps English text and still works.
    target = tmp_path / "chart.png"
    assert main(["--lang", "zh", "chart", "-o", str(target)]) == exitcodes.OK
    image = cv2.imread(str(target), cv2.IMREAD_GRAYSCALE)
    assert detect_orientation(image).markers == len(MARKER_IDS)
    assert np.mean(image) > 200  # a mostly white printable page
