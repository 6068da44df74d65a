"""Chinese for the virtual device's scenarios, state, replay and the shipped scenario descriptions."""

MESSAGES: dict[str, str] = {
    # scenario field problems (pydantic error types in our words)
    "is missing.": "缺失。",
    "is not a field of a scenario (check the spelling).": "不是场景的字段（请检查拼写）。",
    "must be a whole number.": "必须是整数。",
    "must be a text in quotes.": "必须是带引号的文本。",
    "must be true or false.": "必须是 true 或 false。",
    "must be a list.": "必须是列表。",
    "must be a table of fields.": "必须是字段表。",
    "must be one of {expected}.": "必须是以下之一：{expected}。",
    "must be at least {ge}.": "不能小于 {ge}。",
    "must be at most {le}.": "不能大于 {le}。",
    "must not be empty.": "不能为空。",
    "has the wrong form (expected {pattern}).": "格式不对（应符合 {pattern}）。",
    "(top level)": "（顶层）",
    "(cannot be read)": "（无法读取）",
    # loading
    "No scenario named \"{name}\". Shipped scenarios: {names}. Or give a .toml/.json file.":
        "没有名为“{name}”的场景。预置场景：{names}。也可以指定一个 .toml/.json 文件。",
    "Scenario {file}: the top level must be a table of fields.": "场景 {file}：顶层必须是字段表。",
    "Scenario {file}: field {field}: {problem}": "场景 {file}：字段 {field}：{problem}",
    "Scenario {file} cannot be read: {reason}": "无法读取场景 {file}：{reason}",
    "Scenario {file} is not UTF-8 text; save it as UTF-8.": "场景 {file} 不是 UTF-8 文本；请以 UTF-8 编码保存。",
    "Scenario {file} is not valid JSON at line {line}, column {column}: {reason}":
        "场景 {file} 第 {line} 行第 {column} 列不是有效的 JSON：{reason}",
    "Scenario {file} is not valid TOML: {reason}": "场景 {file} 不是有效的 TOML：{reason}",
    "({count} more problems after fixing this one.)": "（改正此处后还有 {count} 个问题。）",
    # cross-field checks
    "Android {android} reports SDK {expected}, not {sdk}.": "Android {android} 的 SDK 是 {expected}，不是 {sdk}。",
    "Camera id \"{id}\" is used twice.": "摄像头 ID“{id}”重复了。",
    "A camera facing external is served by hal = \"external\".": "朝向为 external 的摄像头应设置 hal = \"external\"。",
    "The external camera HAL exists from Android 9 (SDK 28); this device has SDK {sdk}.":
        "外接摄像头 HAL 从 Android 9（SDK 28）起才有；此设备的 SDK 是 {sdk}。",
    "On Android 9 the external camera HAL names its cameras after the video node, e.g. \"/dev/video0\".":
        "Android 9 的外接摄像头 HAL 以视频节点命名摄像头，例如“/dev/video0”。",
    "Bus {bus} device {dev} is used twice.": "总线 {bus} 设备 {dev} 重复使用。",
    "usb_ref \"{ref}\" matches no entry of usb_devices (write \"BUS/DEV\" of one).":
        "usb_ref“{ref}”与 usb_devices 中的任何条目都不匹配（请写其中一个的“总线/设备号”）。",
    "A camera behind the external HAL is the USB camera: give mounting on its usb_devices entry.":
        "经外接摄像头 HAL 接入的摄像头就是该 USB 摄像头：请在它的 usb_devices 条目中设置 mounting。",
    "A camera with usb_ref is served by hal = \"external\".": "带 usb_ref 的摄像头应设置 hal = \"external\"。",
    "Only a UVC camera can appear behind the external camera HAL.": "只有 UVC 摄像头才能经外接摄像头 HAL 接入。",
    "Add a builtin_cameras entry with id = \"{id}\", facing = \"external\", hal = \"external\" and usb_ref = \"{ref}\".":
        "请添加一个 builtin_cameras 条目：id = \"{id}\"、facing = \"external\"、hal = \"external\"、usb_ref = \"{ref}\"。",
    "Set external_hal_id = \"{id}\" on the USB device that camera \"{id}\" refers to.":
        "请在摄像头“{id}”所指的 USB 设备上设置 external_hal_id = \"{id}\"。",
    # device state
    "Built-in camera \"{id}\" ({facing})": "内置摄像头“{id}”（{facing}）",
    "USB camera {path} ({product})": "USB 摄像头 {path}（{product}）",
    "no product name": "无产品名",
    "No camera: the device lists no built-in camera and no USB camera is selected.":
        "没有摄像头：设备没有列出内置摄像头，也没有选择 USB 摄像头。",
    "A config must be a JSON object.": "配置必须是 JSON 对象。",
    "There is no USB device number {index}; this scenario has {count} (counted from 0).":
        "没有编号为 {index} 的 USB 设备；此场景共有 {count} 个（从 0 开始编号）。",
    # replay
    "Capture directory {path} does not exist.": "采集目录 {path} 不存在。",
    "{path} has no {file}: it is not a capture directory (make one with `camtool device capture`).":
        "{path} 中没有 {file}：它不是采集目录（请用 `camtool device capture` 生成）。",
    "{path} cannot be read: {reason}": "无法读取 {path}：{reason}",
    "{path} is not valid JSON at line {line}, column {column}: {reason}":
        "{path} 第 {line} 行第 {column} 列不是有效的 JSON：{reason}",
    "{path}: {field}: {problem}": "{path}：{field}：{problem}",
    "must be a JSON object.": "必须是 JSON 对象。",
    "must be {version}; this capture says {found}. Capture again with this camtool.":
        "必须是 {version}；此采集目录中是 {found}。请用当前版本的 camtool 重新采集。",
    "needs \"command\" (a text).": "需要“command”（文本）。",
    "must name a file in the capture directory.": "必须是采集目录中的文件名。",
    "\"{name}\" is not a plain file name inside the capture directory.": "“{name}”不是采集目录内的普通文件名。",
    "the file \"{name}\" is missing from the capture directory.": "采集目录中缺少文件“{name}”。",
    "Cannot write the capture to {path}: {reason}": "无法把采集写入 {path}：{reason}",
    "The phone that receives the call in WeChat": "在微信中接听通话的手机",
    # descriptions of the shipped scenarios (resources/scenarios/*.toml)
    "Android 12 tablet, back and front built-in cameras, WMPF 2.1.2":
        "Android 12 平板，前后两个内置摄像头，WMPF 2.1.2",
    "RK3588 intercom, one USB camera behind the external camera HAL (id 111), with serial":
        "RK3588 对讲机，一个经外接摄像头 HAL 接入的 USB 摄像头（ID 111），有序列号",
    "Android 8.1 device (old output formats), built-in back camera, USB camera without serial, WMPF 1.2.4":
        "Android 8.1 设备（旧输出格式），内置后置摄像头，无序列号的 USB 摄像头，WMPF 1.2.4",
    "Android 11 kiosk, two identical USB cameras told apart by serial, plus a USB sound card":
        "Android 11 自助终端，两个只靠序列号区分的相同 USB 摄像头，外加一个 USB 声卡",
    "Android 9 intercom, USB camera behind the external HAL as \"/dev/video0\", WMPF 2.0.3":
        "Android 9 对讲机，经外接摄像头 HAL 接入、以“/dev/video0”出现的 USB 摄像头，WMPF 2.0.3",
    "Android 10 doorbell whose WMPF rotates counter-clockwise and flips by vertical mirror":
        "Android 10 门铃，其 WMPF 按逆时针旋转，并用上下镜像实现翻转",
    "Android 12 tablet like tablet-a12, WMPF not installed": "与 tablet-a12 相同的 Android 12 平板，未安装 WMPF",
    "Android 7.1 learning machine (HAL1-era camera dump), back and front cameras, WMPF 1.1.2":
        "Android 7.1 学习机（HAL1 时代的 dumpsys 输出），前后两个摄像头，WMPF 1.1.2",
}
