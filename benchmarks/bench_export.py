"""Time to export 1,000 configs in each format and to import each export back.

Run: .venv/bin/python benchmarks/bench_export.py [--count N] [--repeat R]
Prints the best of R runs per format: export_config (dict -> text) and the import that
`camtool export` / `validate` run on such text (jsonread for JSON, the snippet reader for
Kotlin and Java). The GUI's export panel re-exports on every edit, so this is its budget.
"""

from __future__ import annotations

import argparse
import random
import time

from camtool.config.export import EXPORT_FORMATS, export_config
from camtool.config.jsonread import read_json_text
from camtool.config.snippets import read_snippet

_SELECTIONS = (
    lambda r: {"internalCameraName": str(r.randint(0, 3)), "cameraRotationAngle": r.choice((0, 90, 180, 270))},
    lambda r: {"cameraId": r.randint(0, 3), "cameraPushFlip": r.random() < 0.5},
    lambda r: {"usbCameraName": f"/dev/bus/usb/{r.randint(1, 9):03d}/{r.randint(1, 99):03d}",
               "usbCameraRotationAngle": r.choice((0, 90, 180, 270))},
    lambda r: {"usbCameraVendorId": r.randint(0, 65535), "usbCameraProductId": r.randint(0, 65535),
               "usbSerialNumber": r.choice(("200901010001", "SN-\"42\"", "前门$1", "a\\b")),
               "usbCameraPushFlip": True},
)
_OTHERS = {"uiZoom": 1.25, "defaultRenderer": "skyline", "reverseLandscape": False, "maxMemorySize": 2**33,
           "processStrategy": {"mode": 1, "keepAlive": [1, 2, None]}}


def make_configs(count: int, seed: int = 5) -> list[dict]:
    rng = random.Random(seed)
    configs = []
    for _ in range(count):
        config = rng.choice(_SELECTIONS)(rng)
        for key in rng.sample(sorted(_OTHERS), rng.randint(0, 3)):
            config[key] = _OTHERS[key]
        configs.append(config)
    return configs


def _read(text: str, to: str):
    if to in ("json", "line"):
        return read_json_text(text, "bench").data
    return read_snippet(text, to, "bench")[0]


def best_of(repeat: int, action) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    configs = make_configs(args.count)
    for to in EXPORT_FORMATS:
        texts = [export_config(c, to) for c in configs]
        export_s = best_of(args.repeat, lambda: [export_config(c, to) for c in configs])
        import_s = best_of(args.repeat, lambda: [_read(t, to) for t in texts])
        print(f"{to:7s} export {args.count} configs: {export_s * 1000:7.1f} ms   import back: {import_s * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
