"""Chinese for the camera keys' titles and descriptions (camtool/config/keys.py): the form's labels and tooltips."""

MESSAGES: dict[str, str] = {
    "Built-in camera id": "内置摄像头 ID",
    "Android camera id from the system camera service, e.g. \"0\" or \"1\" (not \"back\" or \"front\"). WMPF >= 2.0.0.":
        "系统相机服务中的 Android 摄像头 ID，例如 \"0\" 或 \"1\"（不是 \"back\" 或 \"front\"）。需要 WMPF >= 2.0.0。",
    "Built-in camera number (legacy)": "内置摄像头编号（旧版）",
    "Legacy numeric id of the built-in camera; prefer internalCameraName on WMPF >= 2.0.0.":
        "内置摄像头的旧版数字 ID；WMPF >= 2.0.0 时请优先使用 internalCameraName。",
    "Built-in camera push rotation": "内置摄像头推流旋转角度",
    "Turns the pushed stream (WeChat end) of a built-in camera: 0, 90, 180 or 270 degrees. The device preview cannot be rotated.":
        "旋转内置摄像头的推流画面（微信端）：0、90、180 或 270 度。设备端预览画面无法旋转。",
    "Built-in camera push flip": "内置摄像头推流翻转",
    "Turns the pushed stream (WeChat end) of a built-in camera by 180 degrees (upside-down fix).":
        "将内置摄像头的推流画面（微信端）旋转 180 度（用于解决画面倒置）。",
    "USB camera path": "USB 摄像头设备路径",
    "USB device path as Android's UsbDevice.getDeviceName() gives it: /dev/bus/usb/BBB/DDD. Changes when the camera is replugged or the device reboots.":
        "Android UsbDevice.getDeviceName() 给出的 USB 设备路径：/dev/bus/usb/BBB/DDD。重新插拔摄像头或设备重启后会变化。",
    "USB vendor id": "USB 厂商 ID",
    "USB vendor id as a decimal number, 0..65535 (sysfs and lsusb show it in hex: 0bda = 3034).":
        "十进制的 USB 厂商 ID，0..65535（sysfs 和 lsusb 显示为十六进制：0bda = 3034）。",
    "USB product id": "USB 产品 ID",
    "USB product id as a decimal number, 0..65535.": "十进制的 USB 产品 ID，0..65535。",
    "USB serial number": "USB 序列号",
    "USB serial number string. With vendor and product id it selects the camera stably across replugs; many cheap cameras have none.":
        "USB 序列号字符串。与厂商 ID、产品 ID 一起可在重新插拔后稳定地选中摄像头；许多廉价摄像头没有序列号。",
    "USB camera rotation": "USB 摄像头旋转角度",
    "Turns both the device preview and the pushed stream of a USB camera: 0, 90, 180 or 270 degrees.":
        "同时旋转 USB 摄像头的设备端预览画面和推流画面：0、90、180 或 270 度。",
    "USB camera push flip": "USB 摄像头推流翻转",
    "Turns the pushed stream (WeChat end) of a USB camera by 180 degrees (upside-down fix).":
        "将 USB 摄像头的推流画面（微信端）旋转 180 度（用于解决画面倒置）。",
}
