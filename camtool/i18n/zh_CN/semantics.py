"""Chinese for WMPF semantics (why a key had no effect, what no key can fix) and the frame pipeline."""

MESSAGES: dict[str, str] = {
    "This key belongs to the other camera family; WMPF ignores it for the camera in use.":
        "此配置项属于另一类摄像头；对当前使用的摄像头，WMPF 会忽略它。",
    "This key needs a newer WMPF than the one on the device; WMPF ignores it.":
        "此配置项需要更高版本的 WMPF；设备上的 WMPF 版本过旧，会忽略它。",
    "Invalid value (wrong JSON type or out of range); WMPF ignores it.":
        "取值无效（JSON 类型错误或超出范围）；WMPF 会忽略它。",
    "A USB camera is selected only by usbCameraName or by all three of vendor id, product id and serial number; a partial triple selects nothing.":
        "只有 usbCameraName，或厂商 ID、产品 ID、序列号三项齐全时，才会选用 USB 摄像头；三项不全则不会选中任何摄像头。",
    "Keys are case-sensitive: WMPF does not know this spelling of a camera key.":
        "配置项区分大小写：WMPF 不认识这种写法的摄像头配置项。",
    "InitGlobalConfig cannot rotate a built-in camera's device preview: the integrator's preview code or the device's display rotation must turn it. A USB camera behind the external camera HAL can be selected by USB keys instead, whose rotation turns both ends.":
        "InitGlobalConfig 无法旋转内置摄像头的预览画面：需由集成方的预览代码或设备的显示旋转来处理。若该摄像头是经外接摄像头 HAL 接入的 USB 摄像头，可改用 USB 配置项选择它，其旋转角度会同时作用于设备端和微信端。",
    "No InitGlobalConfig key mirrors the picture: set horMirror / vertMirror with the VoIP plugin's setUIConfig in the mini program.":
        "InitGlobalConfig 没有镜像画面的配置项：请在小程序中通过 VoIP 插件的 setUIConfig 设置 horMirror / vertMirror。",
    "The picture {width}x{height} is too small for a frame stamp (it needs at least {minimum} pixels of width).":
        "画面 {width}x{height} 太小，无法绘制帧标记（宽度至少需要 {minimum} 像素）。",
    "Video size {width}x{height} cannot be encoded: width and height must be even and at least 16.":
        "无法编码 {width}x{height} 的视频：宽和高必须为偶数且不小于 16。",
    "Frame rate {fps} or bit rate {bit_rate} is out of range.":
        "帧率 {fps} 或码率 {bit_rate} 超出范围。",
    "The picture could not be encoded as PNG.":
        "无法将画面编码为 PNG。",
}
