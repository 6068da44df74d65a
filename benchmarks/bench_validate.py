"""Time to validate 1,000 varied configs (issue 3 target: under 1 s on a 2-core machine).

Run: .venv/bin/python benchmarks/bench_validate.py [--count N] [--repeat R]
Prints the best of R runs for two paths: JSON text -> findings (read + rules, what
`camtool validate` and the editor do) and parsed dict -> findings (rules only).
"""

from __future__ import annotations

import argparse
import json
import random
import time

from camtool.config.rules import validate, validate_text

_VALUES = {
    "internalCameraName": ["0", "1", "2", "back", "", " 1", "/dev/video0", 0],
    "cameraId": [0, 1, -1, "0", True],
    "cameraRotationAngle": [0, 90, 180, 270, 45, "90", 90.0],
    "cameraPushFlip": [True, False, "true", 1],
    "usbCameraName": ["/dev/bus/usb/001/004", "/dev/bus/usb/002/007", "/dev/video0", "/dev/bus/usb/1/4",
                      "/dev/bus/usb/003/002 ", "/dev/bus/usb/001/004;reboot"],
    "usbCameraVendorId": [3034, 1133, "0bda", 70000, -1],
    "usbCameraProductId": [22136, 2085, 0, 65535, "5678"],
    "usbSerialNumber": ["200901010001", "SN-0042", ""],
    "usbCameraRotationAngle": [0, 90, 180, 270, -90, 360],
    "usbCameraPushFlip": [True, False, None],
}
_OTHER = {"uiZoom": [1.0, 1.25], "defaultRenderer": ["webview", "skyline"], "reverseLandscape": [True],
          "CameraRotationAngle": [90], "usbCameraRotationAngel": [180], "capsuleScale": [1.1],
          "processStrategy": [{"mode": 1, "keepAlive": [1, 2]}]}


def make_configs(count: int, seed: int = 3) -> list[dict]:
    """Deterministic mix: clean built-in and USB configs, typos, wrong types, mixed families."""
    rng = random.Random(seed)
    keys = list(_VALUES)
    configs = []
    for _ in range(count):
        config = {}
        for key in rng.sample(keys, rng.randint(0, 5)):
            config[key] = rng.choice(_VALUES[key])
        for key in rng.sample(list(_OTHER), rng.randint(0, 3)):
            config[key] = rng.choice(_OTHER[key])
        configs.append(config)
    return configs


def best_of(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description="Time camtool's config validation.")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--wmpf-version", default=None)
    args = parser.parse_args()
    configs = make_configs(args.count)
    texts = [json.dumps(config, indent=2).encode("utf-8") for config in configs]
    findings = sum(len(validate(config)) for config in configs)

    text_time = best_of(args.repeat, lambda: [validate_text(t, "bench.json", wmpf_version=args.wmpf_version)
                                              for t in texts])
    dict_time = best_of(args.repeat, lambda: [validate(c, wmpf_version=args.wmpf_version) for c in configs])
    print(f"configs: {args.count} ({findings} findings in all)")
    print(f"JSON text -> findings: {text_time:.3f} s  ({text_time / args.count * 1e6:.0f} us per config)")
    print(f"dict -> findings:      {dict_time:.3f} s  ({dict_time / args.count * 1e6:.0f} us per config)")
    print(f"target: under 1 s for 1000 configs -> {'met' if text_time * 1000 / args.count < 1.0 else 'NOT met'}")


if __name__ == "__main__":
    main()
