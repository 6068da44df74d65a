"""Chinese for "two ends, two bases": what no key fixes per end, the check's new sentences, version gates
with an unknown range, and which config `camtool verify` assumes the device runs."""

MESSAGES: dict[str, str] = {
    # camtool/config/semantics.py: what no key fixes, per end
    "The device end is upside down. Outside the camera keys, reverseLandscape (WMPF 1.2.0) turns the whole mini "
    "program by 180 degrees; that it turns the camera preview too is a guess (inferred): set it, then check again.":
        "设备端画面上下颠倒。摄像头配置项之外，reverseLandscape（WMPF 1.2.0）会把整个小程序旋转 180 度；"
        "它是否也会旋转摄像头预览画面尚未证实（推断）：可以设置后重新检查。",
    "On this USB camera the {end} is a quarter turn away from the {other}: usbCameraRotationAngle turns both ends "
    "and usbCameraPushFlip only by 180 degrees, so no USB key makes both upright. The recommendation keeps the "
    "{other} upright; the {end} stays turned {degrees} degrees clockwise. Outside these keys: if Android also "
    "lists this camera as a built-in camera (external camera HAL), select it by that id, whose "
    "cameraRotationAngle turns the push only; or turn the picture in the mini program with the VoIP plugin's "
    "setUIConfig cameraRotation.":
        "这个 USB 摄像头的{end}与{other}相差 90 度：usbCameraRotationAngle 会同时旋转两端，usbCameraPushFlip "
        "只能旋转 180 度，因此没有任何 USB 配置项能让两端方向都正确。建议保持{other}方向正确，{end}仍会顺时针偏转 "
        "{degrees} 度。配置项之外的办法：如果 Android 同时把这个摄像头列为内置摄像头（经外接摄像头 HAL 接入），"
        "可以改用该 ID 选择它，此时 cameraRotationAngle 只旋转推流画面；或者在小程序中通过 VoIP 插件 setUIConfig "
        "的 cameraRotation 旋转画面。",
    "The device end shows a mirror image, and no InitGlobalConfig key mirrors. A front camera's preview is often "
    "mirrored on purpose, like a mirror; if it must not be, set horMirror / vertMirror with the VoIP plugin's "
    "setUIConfig (callerUI / listenerUI) in the mini program.":
        "设备端画面是镜像的，而 InitGlobalConfig 没有镜像配置项。前置摄像头的预览画面常被有意镜像（像照镜子一样）；"
        "如果不应镜像，请在小程序中通过 VoIP 插件的 setUIConfig（callerUI / listenerUI）设置 horMirror / vertMirror。",
    # camtool/vision/verdict.py
    "The checks of this run contradict each other: the same camera showed the chart turned in a way no WMPF "
    "behaviour camtool knows explains (was the chart moved between checks, did another camera open, or is the "
    "config not the one the device runs?). The recommendation trusts the latest pictures: hold the chart still "
    "and check again.":
        "本次运行的几次检查互相矛盾：同一个摄像头显示的图卡方向，无法用 camtool 已知的任何 WMPF 行为解释"
        "（两次检查之间图卡是否被移动？是否打开了另一个摄像头？该配置是否并非设备正在运行的配置？）。"
        "建议以最新画面为准：请拿稳图卡后重新检查。",
    "The keys changed but the {end} did not: WMPF did not take the new config. Check that the app calls "
    "InitGlobalConfig before the mini program starts (camtool's receiver relaunches it), that the receiver is "
    "in the app given by --package, and that WMPF reads these keys; then check again.":
        "配置项变了，{end}画面却没有变化：WMPF 没有采用新配置。请确认应用在小程序启动前调用了 InitGlobalConfig"
        "（camtool 的接收器会重启小程序）、接收器位于 --package 指定的应用中、并且 WMPF 支持这些配置项，然后重新检查。",
    "The keys changed but neither end did: WMPF did not take the new config. Check that the app calls "
    "InitGlobalConfig before the mini program starts (camtool's receiver relaunches it), that the receiver is "
    "in the app given by --package, and that WMPF reads these keys; then check again.":
        "配置项变了，两端画面却都没有变化：WMPF 没有采用新配置。请确认应用在小程序启动前调用了 InitGlobalConfig"
        "（camtool 的接收器会重启小程序）、接收器位于 --package 指定的应用中、并且 WMPF 支持这些配置项，然后重新检查。",
    "The {end} was not checked, so camtool assumes it shows the camera the way the {other} does (the common "
    "case; the two can differ). Check it too to be sure: {how}":
        "{end}未经检查，因此 camtool 假设它显示摄像头的方式与{other}相同（常见情况，但两者可能不同）。"
        "要确认，请一并检查：{how}",
    "give --wechat-serial, the phone in a call with the device, or --wechat-image.":
        "用 --wechat-serial 指定与设备通话的手机，或用 --wechat-image 提供其截图。",
    "capture the device's own screen as well.": "同时采集设备自身的屏幕画面。",
    "The {end} shows the chart turned {degrees} degrees clockwise; the recommended {keys} make it upright. "
    "Apply the recommendation (--apply), then check again.":
        "{end}画面中的图卡顺时针偏转了 {degrees} 度；按建议设置 {keys} 后方向正确。请应用建议（--apply），然后重新检查。",
    "The {end} shows the chart mirrored; the recommended {keys} make it right. Apply the recommendation "
    "(--apply), then check again.":
        "{end}画面中的图卡是镜像的；按建议设置 {keys} 后即可恢复。请应用建议（--apply），然后重新检查。",
    "Both ends show the chart upright with the config the device runs: keep it as it is.":
        "在设备当前运行的配置下，两端画面中的图卡方向都正确：保持现有配置即可。",
    "The ends show a camera picture, but the config camtool checks against opens no camera this device has, so "
    "the device must run other keys. Give the config the app passes with --config (or --profile; in the "
    "window: Device runs), then check again. Nothing is recommended until then.":
        "两端都有摄像头画面，但 camtool 用来核对的配置在这台设备上打不开任何摄像头，说明设备运行的是别的配置项。"
        "请用 --config（或 --profile；在窗口中为“设备当前配置”）提供应用实际传入的配置，然后重新检查。在此之前不给出修改建议。",
    "camtool assumes the USB keys' path shows this camera the way the built-in path does; the check after "
    "applying tells.":
        "camtool 假设通过 USB 配置项打开时，这个摄像头的画面方向与作为内置摄像头打开时相同；应用后的检查会给出结论。",
    "No end shows the chart, so camtool cannot tell how either end shows the camera; the config is left as it "
    "is. Hold the printed chart in front of the camera and check again.":
        "两端都看不到图卡，camtool 无法判断两端各自如何显示摄像头画面；配置保持不变。请将打印的图卡放在摄像头前，然后重新检查。",
    # camtool/cli/verify_commands.py: which config the check assumes the device runs
    "camtool assumes the device runs the config it applied to it last ({when}, package {package}). Give "
    "--config or --profile if the app has set another one since.":
        "camtool 假设设备运行的是它上次应用到该设备的配置（{when}，应用包名 {package}）。如果此后应用设置了其他配置，"
        "请用 --config 或 --profile 指定。",
    "camtool assumes the device runs no camera keys: no --config or --profile was given and camtool has not "
    "applied a config to this device. If the app sets camera keys, give them with --config, or the "
    "recommendation may undo them.":
        "camtool 假设设备没有运行任何摄像头配置项：未指定 --config 或 --profile，camtool 也没有向这台设备应用过配置。"
        "如果应用设置了摄像头配置项，请用 --config 提供，否则修改建议可能会把它们撤销。",
    "Note: {text}": "注意：{text}",
    "  check {number}: device end {device}, WeChat end {wechat}; applied {keys}":
        "  第 {number} 次检查：设备端{device}，微信端{wechat}；已应用 {keys}",
    "turned {degrees} degrees clockwise": "顺时针偏转 {degrees} 度",
    "{turn}, mirrored": "{turn}，镜像",
    # Version gates with an unknown range (camtool/config/rules*.py, camtool/device/device_rules.py)
    "Whether WMPF {version} reads {key} is unknown: the WMPF client library {unseen} knows no camera key and "
    "{needed} knows them all; no version in between was found (inferred).":
        "WMPF {version} 是否支持 {key} 尚不清楚：WMPF 客户端库 {unseen} 不认识任何摄像头配置项，{needed} 则全部认识；"
        "两者之间的版本都没有找到（推断）。",
    "Update WMPF on the device to {needed} or newer to be sure, or check the picture on the device with camtool "
    "verify.":
        "如需确定，请将设备上的 WMPF 升级到 {needed} 及以上版本，或用 camtool verify 在设备上检查画面。",
    "Whether this WMPF version reads a key is unknown (no client library of it was seen)":
        "不清楚此 WMPF 版本是否支持某配置项（未见过该版本的客户端库）",
    "CAM301, CAM405, CAM502: the version gate of every camera key but internalCameraName (WMPF 2.0.0) comes from "
    "the client library's own constants: 1.1.0 knows no camera key, 2.0.0 knows them all; versions in between "
    "were not found, so they get a warning (CAM405), not an error. Only internalCameraName's 2.0.0 is documented.":
        "CAM301、CAM405、CAM502：除 internalCameraName 外，各摄像头配置项的版本要求（WMPF 2.0.0）来自客户端库自身的常量："
        "1.1.0 不认识任何摄像头配置项，2.0.0 全部认识；两者之间的版本都没有找到，因此只给出警告（CAM405），而不是错误。"
        "只有 internalCameraName 的 2.0.0 有文档说明。",
    "this WMPF version does not read the USB keys that would select it": "此 WMPF 版本不支持用于选择它的 USB 配置项",
    "the USB keys that would select it have values WMPF cannot read": "用于选择它的 USB 配置项取值无效，WMPF 无法读取",
    "Whether the WMPF installed on the device reads a key is unknown": "不清楚设备上安装的 WMPF 是否支持某配置项",
    "Whether WMPF {installed} on the device reads {key} is unknown: no WMPF client library between {unseen} (no "
    "camera keys) and {needed} (all of them) was found (inferred).":
        "设备上的 WMPF {installed} 是否支持 {key} 尚不清楚：在 {unseen}（不认识摄像头配置项）与 {needed}（全部认识）"
        "之间没有找到任何 WMPF 客户端库（推断）。",
    "Update WMPF on the device to {needed} or newer to be sure, or check the picture with camtool verify.":
        "如需确定，请将设备上的 WMPF 升级到 {needed} 及以上版本，或用 camtool verify 检查画面。",
    # Shipped scenarios (resources/scenarios)
    "Door intercom, USB camera: preview upright, WeChat end upside down (WMPF FAQ 4.1, first case)":
        "门禁对讲机，USB 摄像头：预览画面方向正确，微信端上下颠倒（WMPF FAQ 4.1 第一种情况）",
    "Android 11 tablet, built-in camera: preview sideways, WeChat end upright":
        "Android 11 平板，内置摄像头：预览画面转了 90 度，微信端方向正确",
    "Portrait intercom, USB camera: WeChat end a quarter turn from the upright preview":
        "竖屏对讲机，USB 摄像头：预览画面方向正确，微信端偏转 90 度",
}
