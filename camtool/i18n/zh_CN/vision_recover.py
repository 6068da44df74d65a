"""Chinese for recovering the camera's picture from a device screen (camtool.vision.recover)."""

MESSAGES: dict[str, str] = {
    "The device screen is not a colour picture (8-bit BGR); capture the device screen again.":
        "设备屏幕画面不是彩色图像（8 位 BGR）；请重新采集设备屏幕。",
    "The device screen is too small ({width}x{height}) to find the camera's picture in it.":
        "设备屏幕画面太小（{width}x{height}），无法从中找到摄像头画面。",
    "The device screen is black: no camera picture to work from. "
    "Check that the camera is open on the device (start a call or its preview).":
        "设备屏幕是黑的：没有可用的摄像头画面。请确认设备上的摄像头已打开（发起通话或打开预览）。",
    "The camera's picture on the device screen is too small ({width}x{height}) to use.":
        "设备屏幕上的摄像头画面太小（{width}x{height}），无法使用。",
    "The picture area {area} does not fit in the device screen ({width}x{height}).":
        "画面区域 {area} 超出了设备屏幕（{width}x{height}）。",
}
