"""Chinese for the camera inventory and the device-aware findings (CAM6xx); terms per docs/glossary.md."""

MESSAGES: dict[str, str] = {
    # inventory: why a USB triple cannot select a device
    "The device reports no serial number: select it by usbCameraName and expect the path to change when it is replugged.":
        "该设备没有序列号：请用 usbCameraName 选择它，并注意重新插拔后设备路径会变化。",
    "Another connected device has the same vendor id, product id and serial number: select it by usbCameraName and expect the path to change when it is replugged.":
        "另一台已连接设备的厂商 ID、产品 ID 和序列号与它完全相同：请用 usbCameraName 选择它，并注意重新插拔后设备路径会变化。",
    "The vendor and product ids could not be read: select it by usbCameraName.":
        "无法读取厂商 ID 和产品 ID：请用 usbCameraName 选择它。",
    # rule titles
    "The selected built-in camera id does not exist on the device": "所选内置摄像头 ID 在设备上不存在",
    "No USB device is connected at usbCameraName": "usbCameraName 指向的位置没有连接 USB 设备",
    "The USB device at usbCameraName is not a camera": "usbCameraName 指向的 USB 设备不是摄像头",
    "The USB triple matches no connected camera": "USB 三元组（厂商 ID、产品 ID、序列号）没有匹配到已连接的摄像头",
    "The USB triple matches more than one connected camera": "USB 三元组匹配到多个已连接的摄像头",
    "The WMPF installed on the device is older than a key needs": "设备上安装的 WMPF 版本低于配置项所需版本",
    "WMPF is not installed on the device": "设备上未安装 WMPF",
    "A USB camera is connected but the config selects a built-in camera": "已连接 USB 摄像头，但配置选择的是内置摄像头",
    # CAM601
    "The device lists no built-in camera, but {key} selects built-in camera \"{camera_id}\".":
        "设备没有列出任何内置摄像头，但 {key} 选择了内置摄像头“{camera_id}”。",
    "Select a USB camera (usbCameraName or the vendor/product/serial triple), or check that the device's camera service works (camtool cameras).":
        "请选择 USB 摄像头（usbCameraName 或厂商/产品/序列号三元组），或检查设备的相机服务是否正常（camtool cameras）。",
    "The device has no built-in camera \"{camera_id}\" ({key}); its cameras are {ids}.":
        "设备上没有内置摄像头“{camera_id}”（{key}）；设备的摄像头为 {ids}。",
    "Set {key} to one of the ids the device lists: {ids}.":
        "请将 {key} 设为设备列出的 ID 之一：{ids}。",
    # CAM608
    "A USB camera is connected ({cameras}), but the config selects a built-in camera.":
        "已连接 USB 摄像头（{cameras}），但配置选择的是内置摄像头。",
    "To use the USB camera, set usbCameraName to {path} or give its vendor id, product id and serial number; else ignore this.":
        "如需使用该 USB 摄像头，请将 usbCameraName 设为 {path}，或填写其厂商 ID、产品 ID 和序列号；否则可忽略此提示。",
    # CAM602 / CAM603
    "The USB device at {path} ({device}) is not a camera.":
        "位于 {path} 的 USB 设备（{device}）不是摄像头。",
    "No USB device is connected at {path}. It probably meant the camera now at {candidate} ({device}): USB paths change when a camera is replugged or the device reboots.":
        "{path} 处没有连接 USB 设备。原本指的很可能是现在位于 {candidate} 的摄像头（{device}）：摄像头重新插拔或设备重启后，USB 设备路径会变化。",
    "Set usbCameraName to {candidate}, or select the camera by its vendor id, product id and serial number, which do not change.":
        "请将 usbCameraName 设为 {candidate}，或改用不会变化的厂商 ID、产品 ID 和序列号来选择该摄像头。",
    "No USB device is connected at {path}.": "{path} 处没有连接 USB 设备。",
    # CAM604 / CAM605
    "{count} connected USB devices have vendor id {vendor}, product id {product} and serial number \"{serial}\" ({cameras}): WMPF cannot tell them apart.":
        "有 {count} 台已连接的 USB 设备的厂商 ID 为 {vendor}、产品 ID 为 {product}、序列号为“{serial}”（{cameras}）：WMPF 无法区分它们。",
    "Select the camera by usbCameraName instead, and expect its path to change when it is replugged.":
        "请改用 usbCameraName 选择摄像头，并注意重新插拔后设备路径会变化。",
    "The USB device with vendor id {vendor}, product id {product} and serial number \"{serial}\" ({device}) is not a camera.":
        "厂商 ID 为 {vendor}、产品 ID 为 {product}、序列号为“{serial}”的 USB 设备（{device}）不是摄像头。",
    "No connected USB camera has vendor id {vendor}, product id {product} and serial number \"{serial}\".":
        "已连接的 USB 摄像头中，没有厂商 ID 为 {vendor}、产品 ID 为 {product}、序列号为“{serial}”的摄像头。",
    "The camera at {candidate} has the same vendor and product id but reports no serial number: select it by usbCameraName = {candidate} (the path changes when it is replugged).":
        "位于 {candidate} 的摄像头厂商 ID 和产品 ID 相同，但没有序列号：请用 usbCameraName = {candidate} 选择它（重新插拔后设备路径会变化）。",
    "The camera at {candidate} has the same vendor and product id with serial number \"{candidate_serial}\": set usbSerialNumber to \"{candidate_serial}\" if that is the camera.":
        "位于 {candidate} 的摄像头厂商 ID 和产品 ID 相同，序列号为“{candidate_serial}”：如果就是这台摄像头，请将 usbSerialNumber 设为“{candidate_serial}”。",
    "The camera at {candidate} has ids {vendor_hex}:{product_hex} in hex, which are {vendor_decimal} and {product_decimal} in decimal: the JSON needs the decimal numbers.":
        "位于 {candidate} 的摄像头的十六进制 ID 为 {vendor_hex}:{product_hex}，即十进制的 {vendor_decimal} 和 {product_decimal}：JSON 中需要填写十进制数。",
    "Connected USB cameras: {cameras}. Select one of them (camtool cameras lists their paths and triples).":
        "已连接的 USB 摄像头：{cameras}。请选择其中之一（camtool cameras 会列出它们的设备路径和三元组）。",
    "No USB camera is connected: connect it (and check it shows in camtool cameras), or select a built-in camera.":
        "没有连接 USB 摄像头：请连接摄像头（并确认 camtool cameras 中能看到它），或选择内置摄像头。",
    # CAM606 / CAM607
    "{key} needs WMPF {needed} or newer (assumed from the client library's release history); the device has WMPF {installed}.":
        "{key} 需要 WMPF {needed} 及以上版本（根据客户端库的发布历史推断）；设备上的 WMPF 为 {installed}。",
    "{key} needs WMPF {needed} or newer; the device has WMPF {installed}, which ignores it.":
        "{key} 需要 WMPF {needed} 及以上版本；设备上的 WMPF 为 {installed}，会忽略该配置项。",
    "Update WMPF on the device to {needed} or newer; until then {key} has no effect.":
        "请把设备上的 WMPF 升级到 {needed} 及以上版本；在此之前 {key} 不生效。",  # same text as config.py
    "WMPF ({package}) is not installed on the device, so no camera key takes effect there.":
        "设备上未安装 WMPF（{package}），因此所有摄像头配置项都不会生效。",
    "Install WMPF on the device before applying the config, or check that this is the right device.":
        "请先在设备上安装 WMPF 再应用配置，或确认连接的是否为正确的设备。",
}
