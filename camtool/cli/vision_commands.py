"""CLI commands of the `vision` layer: `camtool chart` (the printable orientation chart)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from camtool import exitcodes
from camtool.config.atomic import atomic_write_bytes
from camtool.i18n import N_, tr
from camtool.vision.chart import DEFAULT_DPI, PAGE_SIZES_MM, render_chart_page
from camtool.vision.pdf import POINTS_PER_MM, image_page_pdf

_FORMATS = (".pdf", ".png")


def add_chart(chart: argparse.ArgumentParser) -> None:
    chart.description = tr(N_("Write the printable orientation chart: ArUco markers, a big TOP and an arrow. "
                              "Print it at 100% scale and hold it upright in front of the camera."))
    chart.add_argument("-o", "--output", required=True, metavar="FILE",
                       help=tr(N_("Where to write the chart: a file name ending in .pdf or .png.")))
    chart.add_argument("--size", choices=tuple(PAGE_SIZES_MM), default="a4",
                       help=tr(N_("Paper size (default: a4).")))
    chart.set_defaults(handler=run_chart)


PARSERS = {"chart": add_chart}


def chart_bytes(output: Path, size: str) -> bytes:
    """The chart file's content for `output`'s format, text in the current language."""
    page = render_chart_page(size, DEFAULT_DPI)
    if output.suffix.lower() == ".pdf":
        width_mm, height_mm = PAGE_SIZES_MM[size]
        return image_page_pdf(page, width_mm * POINTS_PER_MM, height_mm * POINTS_PER_MM,
                              title=tr(N_("camtool orientation chart")))
    import cv2

    ok, data = cv2.imencode(".png", page)
    if not ok:
        raise RuntimeError("PNG encoding of the chart failed")
    return data.tobytes()


def _usage_problem(output: Path) -> str | None:
    """Why `output` cannot be written, in words a user can act on; None when it can."""
    if output.is_dir():
        return tr(N_("{file} is a folder. Give a file name inside it, such as {example}."),
                  file=str(output), example=str(output / "chart.pdf"))
    if output.suffix.lower() not in _FORMATS:
        return tr(N_("The chart is written as .pdf or .png; {file} has neither extension. "
                     "Choose a name such as chart.pdf or chart.png."), file=str(output))
    folder = output.parent
    if not folder.is_dir():
        return tr(N_("The folder {folder} does not exist. Create it first or choose another place."),
                  folder=str(folder))
    return None


def run_chart(args: argparse.Namespace) -> int:
    output = Path(args.output).expanduser()
    problem = _usage_problem(output)
    if problem:
        print(tr(N_("camtool chart: {problem}"), problem=problem), file=sys.stderr)
        return exitcodes.USAGE
    data = chart_bytes(output, args.size)
    try:
        atomic_write_bytes(output, data)
    except OSError as exc:
        print(tr(N_("camtool chart: could not write {file} ({reason}). Check that the folder is writable "
                    "and the file is not open in another program."),
                 file=str(output), reason=exc.strerror or str(exc)), file=sys.stderr)
        return exitcodes.USAGE
    print(tr(N_("Chart written to {file} ({size}). Print it at 100% scale, without fitting to the page."),
             file=str(output), size=args.size.upper() if args.size == "a4" else tr(N_("Letter"))))
    return exitcodes.OK
