"""Chinese for device access: errors and states (camtool/device/errors.py, states.py)."""

MESSAGES: dict[str, str] = {
    "The device could not be used.": "无法使用该设备。",
    "Check the cable and that USB debugging is on, then try again.": "请检查数据线并确认已开启 USB 调试，然后重试。",
    "(adb said: {detail})": "（adb 提示：{detail}）",
    "adb is missing or its server did not start.": "找不到 adb，或 adb 服务未能启动。",
    "Reinstall camtool (its adb comes with it) or set ADBUTILS_ADB_PATH to a working adb, then try again.":
        "请重新安装 camtool（自带 adb），或将 ADBUTILS_ADB_PATH 设为可用的 adb，然后重试。",
    "No device with serial {serial} is attached.": "未连接序列号为 {serial} 的设备。",
    "Run `camtool devices` to see the serials adb knows; plug the device in or start the virtual device.":
        "运行 `camtool devices` 查看 adb 已识别的序列号；请连接设备或启动虚拟设备。",
    "Device {serial} has not authorized this computer.": "设备 {serial} 尚未授权此电脑。",
    "Accept the USB debugging prompt on the device (tick \"Always allow\"), then try again.":
        "请在设备上接受 USB 调试授权提示（勾选“始终允许”），然后重试。",
    "Device {serial} is offline.": "设备 {serial} 处于离线状态。",
    "Replug the cable or restart adb on the device (toggle USB debugging); camtool reconnects by itself.":
        "请重新插拔数据线，或在设备上关闭再打开 USB 调试；camtool 会自动重连。",
    "This computer has no permission to open device {serial}.": "此电脑没有打开设备 {serial} 的权限。",
    "On Linux add a udev rule for the device's USB vendor id (and be in the plugdev group), then replug it.":
        "在 Linux 上请为该设备的 USB 厂商 ID 添加 udev 规则（并加入 plugdev 组），然后重新插拔。",
    "Device {serial} went away during the operation.": "操作过程中设备 {serial} 断开了。",
    "Check the cable; camtool picks the device up again when it returns.": "请检查数据线；设备恢复后 camtool 会自动重新连接。",
    "Device {serial} did not answer in time.": "设备 {serial} 未在规定时间内响应。",
    "The device may be busy or stuck: wait a moment, replug it, and try again.": "设备可能正忙或卡住：请稍候，重新插拔后重试。",
    "Device {serial} refused: {detail}": "设备 {serial} 拒绝了请求：{detail}",
    "Read the device's answer above.": "请查看上面设备的回复。",
    "ready": "就绪",
    "unauthorized": "未授权",
    "offline": "离线",
    "no permissions": "无权限",
    "authorizing": "正在授权",
    "connecting": "正在连接",
    "in recovery": "处于恢复模式",
    "in bootloader": "处于 bootloader 模式",
    "in sideload": "处于 sideload 模式",
    "not a device (host)": "不是设备（主机）",
    "unknown state": "未知状态",
    "Ready to use.": "可以使用。",
    "Accept the USB debugging prompt on the device.": "请在设备上接受 USB 调试授权提示。",
    "Replug the cable or toggle USB debugging; camtool reconnects by itself.": "请重新插拔数据线或关闭再打开 USB 调试；camtool 会自动重连。",
    "Add a udev rule for the device (Linux) and replug it.": "请为该设备添加 udev 规则（Linux）并重新插拔。",
    "Wait a moment: adb is checking the device's authorization.": "请稍候：adb 正在检查设备授权。",
    "Wait a moment: adb is connecting.": "请稍候：adb 正在连接。",
    "Reboot the device into Android.": "请将设备重启进入 Android 系统。",
    "Finish the sideload and reboot the device into Android.": "请完成 sideload 并将设备重启进入 Android 系统。",
    "This entry is not an Android device.": "此条目不是 Android 设备。",
    "Replug the device and try again.": "请重新插拔设备后重试。",
}
