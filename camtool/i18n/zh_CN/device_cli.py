"""Chinese for the device commands: cameras, device capture, apply, bench, and the device service."""

MESSAGES: dict[str, str] = {
    # inventory over adb
    "`{command}` gave no usable answer ({reason}); that part of the inventory is unknown.":
        "`{command}` 没有给出可用的结果（{reason}）；这部分信息未知。",
    "exit code {code}": "退出码 {code}",
    # apply
    "The receiver in {package} answered an unknown result {code}: {reason}":
        "{package} 中的接收器返回了未知结果 {code}：{reason}",
    "\"{package}\" is not an Android package name; give one like com.example.doorbell.":
        "“{package}”不是 Android 包名；请给出形如 com.example.doorbell 的包名。",
    "The receiver in {package} applied the config; the mini program restarts with it.":
        "{package} 中的接收器已应用配置；小程序将以新配置重新启动。",
    "No receiver answered in package {package}. Install the integrator's debug build that contains camtool's receiver (`camtool export --to kotlin-receiver`), or give the right package with --package.":
        "包 {package} 中没有接收器应答。请安装集成方包含 camtool 接收器的调试版（`camtool export --to kotlin-receiver`），或用 --package 指定正确的包名。",
    "The receiver in {package} refused the config: {reason}": "{package} 中的接收器拒绝了配置：{reason}",
    "The device did not run the broadcast: {output}": "设备没有执行该广播：{output}",
    "Not sent: fix the errors above first.": "未发送：请先改正上面的错误。",
    # device capture
    "Recorded {count} answers of {serial} to {path}. Replay them with `camtool virtual start --replay {directory}`.":
        "已将 {serial} 的 {count} 条应答记录到 {path}。可用 `camtool virtual start --replay {directory}` 回放。",
    # bench
    "unknown (no frame stamps)": "未知（没有帧标记）",
    "Preview benchmark on {serial} ({kind}):": "{serial}（{kind}）的预览基准测试：",
    "{p50:.1f} / {p95:.1f} / {max:.1f} ms": "{p50:.1f} / {p95:.1f} / {max:.1f} 毫秒",
    "    delivered {fps:.1f} frames/s of {source} rendered ({ratio}); restarts {restarts}":
        "    交付 {fps:.1f} 帧/秒，设备渲染 {source} 帧/秒（{ratio}）；重启 {restarts} 次",
    "    latency render to delivered p50 / p95 / max: {latency}": "    从渲染到交付的延迟 p50 / p95 / 最大：{latency}",
    "    dropped frames: {dropped}": "    丢帧：{dropped}",
    "    CPU: {cpu:.0%} of one core (capture thread {thread})": "    CPU：单核的 {cpu:.0%}（采集线程 {thread}）",
    "{size}: {seconds:.0f} s of {total:.0f} s, {frames} frames": "{size}：{seconds:.0f} / {total:.0f} 秒，{frames} 帧",
    "No frame arrived from {serial} within {seconds} s: {detail}": "{seconds} 秒内没有收到 {serial} 的画面：{detail}",
    "virtual device": "虚拟设备",
    "device": "设备",
    "the virtual device did not attach": "虚拟设备没有连接到 adb",
    "Benchmark cancelled.": "基准测试已取消。",
    # cameras as text
    "back": "后置",
    "front": "前置",
    "external (USB behind the camera HAL)": "外接（经外接摄像头 HAL 接入的 USB 摄像头）",
    "unknown": "未知",
    "Device {serial}: {model}, Android {android} (SDK {sdk}), WMPF {wmpf}": "设备 {serial}：{model}，Android {android}（SDK {sdk}），WMPF {wmpf}",
    "Built-in cameras: unknown (the camera service could not be read).": "内置摄像头：未知（无法读取相机服务）。",
    "USB devices: unknown (dumpsys usb could not be read).": "USB 设备：未知（无法读取 dumpsys usb）。",
    "Built-in cameras: none.": "内置摄像头：无。",
    "Built-in cameras (select with internalCameraName):": "内置摄像头（用 internalCameraName 选择）：",
    "USB devices: none.": "USB 设备：无。",
    "USB devices:": "USB 设备：",
    "  internalCameraName \"{id}\": facing {facing}, sensor orientation {orientation}":
        "  internalCameraName \"{id}\"：{facing}，传感器方向 {orientation}",
    "  usbCameraName \"{path}\": {name} ({kind})": "  usbCameraName \"{path}\"：{name}（{kind}）",
    "not installed": "未安装",
    "    the USB camera at {path}": "    即 {path} 处的 USB 摄像头",
    "camera": "摄像头",
    "not a camera": "不是摄像头",
    "camera? unknown": "是否摄像头：未知",
    "none": "无",
    "    usbCameraVendorId {vendor} (0x{vendor_hex}), usbCameraProductId {product} (0x{product_hex}), usbSerialNumber {serial}":
        "    usbCameraVendorId {vendor}（0x{vendor_hex}），usbCameraProductId {product}（0x{product_hex}），usbSerialNumber {serial}",
    # errors and device choice
    "No device is attached.": "没有连接设备。",
    "Plug a device in with USB debugging on, or run `camtool virtual start`, then try again.":
        "请连接已开启 USB 调试的设备，或运行 `camtool virtual start`，然后重试。",
    "Several devices are attached ({serials}); choose one with --serial.": "连接了多台设备（{serials}）；请用 --serial 选择一台。",
    # CLI help
    "List a device's built-in and USB cameras with the values a config needs.": "列出设备的内置摄像头和 USB 摄像头，以及配置所需的取值。",
    "Device tools: record a device's answers for replay.": "设备工具：记录设备的应答以便回放。",
    "Record the answers camtool reads from a device into a capture directory.": "把 camtool 从设备读取的应答记录到采集目录。",
    "The directory to write (created if needed).": "要写入的目录（不存在时创建）。",
    "Validate a config against the device and send it to the receiver in the integrator's debug build.":
        "对照设备校验配置，并发送给集成方调试版中的接收器。",
    "The Android package whose debug build contains camtool's receiver.": "其调试版包含 camtool 接收器的 Android 包名。",
    "Read the config as this format (default: from the file name).": "按此格式读取配置（默认：根据文件名判断）。",
    "Measure the live preview: frames/s, latency, dropped frames, CPU (virtual device by default).":
        "测量实时预览：帧率、延迟、丢帧、CPU（默认使用虚拟设备）。",
    "Measure this device instead of a private virtual device.": "测量这台设备，而不是私有的虚拟设备。",
    "Seconds to measure each stream size (default 5).": "每种画面尺寸测量的秒数（默认 5）。",
    "The device's serial (see `camtool devices`); needed when several are attached.": "设备序列号（见 `camtool devices`）；连接多台设备时必须指定。",
    "camtool apply: give --package, the Android package of the integrator's debug build that contains camtool's receiver (e.g. --package com.example.doorbell).":
        "camtool apply：请用 --package 指定集成方调试版（包含 camtool 接收器）的 Android 包名（例如 --package com.example.doorbell）。",
    "camtool bench: --seconds must be between 1 and 600.": "camtool bench：--seconds 必须在 1 到 600 之间。",
    # capture fallback
    "screenrecord gives no picture on this device: showing screencap instead, about one frame per second.":
        "此设备的 screenrecord 没有画面：改用 screencap 显示，大约每秒一帧。",
}
