"""Chinese for the orientation check: verdict, verify workflow, records, HTML report and `camtool verify`."""

MESSAGES: dict[str, str] = {
    # The verdict (camtool/vision/verdict.py)
    "device end": "设备端",
    "WeChat end": "微信端",
    "clockwise": "顺时针",
    "counter-clockwise": "逆时针",
    "turns the picture by 180 degrees": "将画面旋转 180 度",
    "mirrors the picture top to bottom": "将画面上下镜像",
    "The {end} was not captured, so it could not be checked.": "未采集到{end}画面，因此无法检查。",
    "No chart is visible on the {end}: hold the printed chart (camtool chart) upright in front of the camera, "
    "fully in view and evenly lit, and check again.":
        "{end}画面中看不到图卡：请将打印的图卡（camtool chart）摆正放在摄像头前，完整入镜、光照均匀，然后重新检查。",
    "The chart is tilted by {degrees} degrees on the {end}. No key turns by less than 90 degrees: hold the chart "
    "level, or straighten the camera.":
        "{end}画面中的图卡倾斜了 {degrees} 度。没有配置项能旋转小于 90 度的角度：请把图卡放正，或把摄像头装正。",
    "Built-in camera \"{camera}\" is the USB camera {path} behind the external camera HAL. The recommendation "
    "selects it by USB keys instead, because usbCameraRotationAngle turns the device end too.":
        "内置摄像头“{camera}”其实是经外接摄像头 HAL 接入的 USB 摄像头 {path}。建议改用 USB 配置项选择它，"
        "因为 usbCameraRotationAngle 也会旋转设备端画面。",
    "The rotation went the other way: on this device WMPF turns the picture counter-clockwise for a rotation "
    "value (camtool assumed clockwise). The recommendation is corrected for that.":
        "旋转方向相反：在这台设备上，WMPF 按旋转角度逆时针旋转画面（camtool 原先假设为顺时针）。建议已据此更正。",
    "The rotation went the other way: on this device WMPF turns the picture clockwise for a rotation value. "
    "The recommendation is corrected for that.":
        "旋转方向相反：在这台设备上，WMPF 按旋转角度顺时针旋转画面。建议已据此更正。",
    "The push flip mirrored the picture top to bottom instead of turning it by 180 degrees on this device. "
    "The recommendation is corrected for that.":
        "在这台设备上，推流翻转把画面上下镜像，而不是旋转 180 度。建议已据此更正。",
    "The push flip turned the picture by 180 degrees on this device. The recommendation is corrected for that.":
        "在这台设备上，推流翻转把画面旋转了 180 度。建议已据此更正。",
    "{key} has no effect: {reason}": "{key} 不起作用：{reason}",
    "{key} needs WMPF {needed} or newer and the device has {wmpf}: update WMPF, then the picture can be turned "
    "by keys.":
        "{key} 需要 WMPF {needed} 及以上版本，而设备上是 {wmpf}：请升级 WMPF，之后才能通过配置项旋转画面。",
    "Not yet confirmed on this device: camtool assumes a rotation value turns the picture {direction}. Apply "
    "the recommendation (--apply) and camtool checks which way it went.":
        "尚未在这台设备上确认：camtool 假设旋转角度会{direction}旋转画面。应用建议（--apply）后，camtool 会检查实际旋转方向。",
    "Not yet confirmed on this device: camtool assumes a push flip {flip}. Apply the recommendation (--apply) "
    "and camtool checks what it did.":
        "尚未在这台设备上确认：camtool 假设推流翻转会{flip}。应用建议（--apply）后，camtool 会检查实际效果。",
    "The recommended config still has an error: {message}": "建议的配置仍有错误：{message}",
    # The workflow (camtool/vision/verify_run.py)
    "The recommendation could not be applied: {reason}": "无法应用建议：{reason}",
    "The {end} did not show the new config within {seconds} seconds; the check used the pictures it had.":
        "{end}在 {seconds} 秒内没有显示新配置下的画面；本次检查使用的是已有画面。",
    "No key can do more: the remaining problems are explained above.": "配置项已无能为力：剩余问题见上文说明。",
    "Stopped after {rounds} applies without both ends upright; check the explanations and the pictures in the "
    "report.":
        "已应用 {rounds} 次，两端方向仍未全部正确，已停止；请查看说明和报告中的画面。",
    "screencap on {serial}": "{serial} 上的 screencap",
    "{source} gave no picture ({detail}). Check that the screen is on and unlocked, and try again.":
        "{source} 没有取到画面（{detail}）。请确认屏幕已点亮并解锁，然后重试。",
    "no data": "无数据",
    "Applying needs the package of the app with camtool's receiver: give --package or set apply_package in "
    "the profile.":
        "应用配置需要带有 camtool 接收器的应用包名：请使用 --package，或在配置档案中设置 apply_package。",
    # The report (camtool/vision/report.py)
    "Orientation check": "方向检查",
    "PASS": "通过",
    "FAIL": "未通过",
    "Device {model} ({serial}), WMPF {wmpf}; WeChat end: {wechat}; {date}; camtool {version}":
        "设备 {model}（{serial}），WMPF {wmpf}；微信端：{wechat}；{date}；camtool {version}",
    "not captured": "未采集",
    "no chart visible": "看不到图卡",
    "upright": "方向正确",
    "not upright": "方向不正确",
    "mirrored": "镜像",
    "not mirrored": "未镜像",
    "turned {degrees} degrees clockwise; needs {needed} degrees clockwise":
        "顺时针旋转了 {degrees} 度；需要再顺时针旋转 {needed} 度",
    "{markers} markers, confidence {confidence}": "{markers} 个标记，置信度 {confidence}",
    "{end}, before": "{end}（调整前）",
    "{end}, after": "{end}（调整后）",
    "key": "配置项",
    "checked": "检查时",
    "recommended": "建议值",
    "(not set)": "（未设置）",
    "No change: keep the config as it is.": "无需更改：保持当前配置。",
    "No findings.": "没有发现问题。",
    "Both ends": "两端画面",
    "The arrow points to the top of the chart as detected: green when the end is upright and not mirrored, red "
    "otherwise.":
        "箭头指向检测到的图卡顶部：该端方向正确且未镜像时为绿色，否则为红色。",
    "Explanations": "说明",
    "Nothing to explain: both ends are upright.": "无需说明：两端方向都正确。",
    "Recommendation": "建议",
    "Findings": "检查结果",
    "Config checked": "检查的配置",
    "Recommended config": "建议的配置",
    "Checks": "检查记录",
    "config": "配置",
    "verdict": "结论",
    "apply": "应用",
    # camtool verify (camtool/cli/verify_commands.py)
    "Check that both ends of a call show the chart upright, and recommend the keys that fix them.":
        "检查通话两端的图卡画面方向是否正确，并给出需要修改的配置项。",
    "Capture the device end (the device's preview) and the WeChat end (the phone in the call) while the printed "
    "chart (camtool chart) is held upright in front of the camera; detect the chart's turn and mirroring on "
    "each; recommend the config that makes both upright, and say what no key can fix. With --apply the "
    "recommendation is sent to the device and checked again (at most 3 times).":
        "将打印的图卡（camtool chart）摆正放在摄像头前，采集设备端（设备的预览画面）和微信端（通话中的手机）画面；"
        "检测每一端图卡的旋转和镜像；给出让两端方向都正确的配置，并说明哪些问题无法用配置项解决。"
        "使用 --apply 时会把建议发送到设备并再次检查（最多 3 次）。",
    "pictures": "画面来源",
    "Serial of the WMPF device (see camtool devices).": "WMPF 设备的序列号（见 camtool devices）。",
    "Serial of the phone that receives the call in WeChat (its screen is the WeChat end).":
        "在微信中接听通话的手机序列号（其屏幕即微信端）。",
    "A photo or screenshot of the device end, instead of --serial.": "设备端的照片或截图，代替 --serial。",
    "A photo or screenshot of the WeChat end.": "微信端的照片或截图。",
    "The config the device runs now (JSON). Default: an empty config (WMPF's defaults).":
        "设备当前运行的配置（JSON）。默认：空配置（WMPF 的默认行为）。",
    "Use the config of this profile, and add the result to it as a verification record.":
        "使用该配置档案的配置，并把结果作为验证记录添加到其中。",
    "Profile library folder (default: your camtool profiles folder).": "配置档案库文件夹（默认：你的 camtool 配置档案文件夹）。",
    "Apply the recommendation to the device, wait for the new pictures and check again.":
        "把建议应用到设备，等待新画面后再次检查。",
    "Package of the app with camtool's receiver (default: the profile's apply_package).":
        "带有 camtool 接收器的应用包名（默认：配置档案中的 apply_package）。",
    "Write an HTML report (one file, pictures included).": "输出 HTML 报告（单个文件，内含画面）。",
    "Output format (default: text).": "输出格式（默认：text）。",
    "camtool verify: {problem}": "camtool verify：{problem}",
    "give either --serial (capture from a device) or --device-image (a picture file).":
        "请指定 --serial（从设备采集）或 --device-image（图片文件）其中之一。",
    "--wechat-serial and --apply need --serial; with pictures give --wechat-image.":
        "--wechat-serial 和 --apply 需要配合 --serial；使用图片时请指定 --wechat-image。",
    "--wechat-image goes with --device-image; with --serial give --wechat-serial.":
        "--wechat-image 需配合 --device-image；使用 --serial 时请指定 --wechat-serial。",
    "--apply needs --package (or a profile with apply_package): the app with camtool's receiver.":
        "--apply 需要 --package（或带有 apply_package 的配置档案）：即带有 camtool 接收器的应用。",
    "the folder of the report, {folder}, does not exist.": "报告所在的文件夹 {folder} 不存在。",
    "cannot read {file} ({reason}).": "无法读取 {file}（{reason}）。",
    "{file} is not a config.": "{file} 不是配置文件。",
    "Verdict: {verdict}": "结论：{verdict}",
    "  {end}: {state}": "  {end}：{state}",
    "turned {degrees} degrees clockwise, {mirror}, {upright}": "顺时针旋转 {degrees} 度，{mirror}，{upright}",
    "not turned, {mirror}, {upright}": "未旋转，{mirror}，{upright}",
    "Applied {count} time(s); checked {checks} time(s).": "已应用 {count} 次；已检查 {checks} 次。",
    "- {text}": "- {text}",
    "Recommended config:": "建议的配置：",
    "Verification record added to profile {sku}.": "验证记录已添加到配置档案 {sku}。",
    "the verification record was not saved to profile {sku}: {reason}": "验证记录未保存到配置档案 {sku}：{reason}",
    "Report written to {file}.": "报告已写入 {file}。",
    "could not write the report {file} ({reason}).": "无法写入报告 {file}（{reason}）。",
}
