"""Parser of the video4linux node names in sysfs (`/sys/class/video4linux/videoN/name`).

A UVC camera usually shows as two nodes of the same name (capture + metadata); SoC capture
pipeline nodes (Rockchip `rkcif_*`, `rkisp_*`, `stream_cif_mipi_id0`, Qualcomm `cam-req-mgr`
and the like) are not cameras a config can select. A node that sits on a USB device carries
that device's `/dev/bus/usb/BBB/DDD`, read from `videoN/device/../busnum` and `devnum`.
"""

from __future__ import annotations

import re

from camtool.device.parsers.records import VideoNode, usb_path
from camtool.device.parsers.sysfs_usb import parse_sysfs_dump

# Name prefixes of SoC media pipeline nodes (capture interfaces, ISPs, codecs), not cameras.
PIPELINE_NODE_PREFIXES = ("rkcif", "rkisp", "rkispp", "rkvdec", "rkvenc", "rockchip", "stream_cif",
                          "cam-req-mgr", "cam_sync", "msm_", "mtk-", "hantro", "cedrus", "sun6i",
                          "vpu", "isp", "mipi", "cif_", "csi")

_NUMBER = re.compile(r"[0-9]{1,3}")
_NODE_FILE = re.compile(r"(?:^|/)video4linux/(video\d+)/(name|device/\.\./busnum|device/\.\./devnum)$")


def is_pipeline_node(name: str) -> bool:
    lowered = name.strip().lower()
    return any(lowered.startswith(prefix) for prefix in PIPELINE_NODE_PREFIXES)


def parse_v4l_names(source: dict[str, str] | str) -> list[VideoNode]:
    """The V4L2 nodes from sysfs files (a `path -> value` dict) or from the sysfs dump text.

    A node is a camera when it sits on a USB device, or when its name is not a known SoC
    pipeline name.
    """
    files = parse_sysfs_dump(source) if isinstance(source, str) else source
    if not isinstance(files, dict):
        return []
    nodes: dict[str, dict[str, str]] = {}
    for path, value in files.items():
        if not isinstance(path, str) or not isinstance(value, str):
            continue
        match = _NODE_FILE.search(path)
        if match:
            nodes.setdefault(match.group(1), {})[match.group(2)] = value.strip()
    found = []
    for node, attributes in nodes.items():
        name = attributes.get("name")
        if name is None:
            continue
        path = _usb_path(attributes.get("device/../busnum"), attributes.get("device/../devnum"))
        found.append(VideoNode(node=node, name=name, usb_path=path,
                               is_camera=path is not None or not is_pipeline_node(name)))
    return sorted(found, key=lambda n: int(n.node[5:]))


def _usb_path(busnum: str | None, devnum: str | None) -> str | None:
    if not busnum or not devnum or not (_NUMBER.fullmatch(busnum) and _NUMBER.fullmatch(devnum)):
        return None
    if not (0 < int(busnum) < 1000 and 0 < int(devnum) < 1000):
        return None
    return usb_path(int(busnum), int(devnum))
