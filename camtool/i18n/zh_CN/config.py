"""Chinese for the config core: JSON reading, the rules (titles, messages, fixes), validate/schema/rules."""

MESSAGES: dict[str, str] = {
    # --- rule titles (camtool rules, docs/rules.md) ---
    "The file cannot be read": "无法读取文件",
    "The file is not UTF-8 text": "文件不是 UTF-8 文本",
    "The JSON is malformed": "JSON 格式错误",
    "The top level is not a JSON object": "顶层不是 JSON 对象",
    "A key is given twice in one object": "同一对象中某个键出现了两次",
    "A camera key has the wrong JSON type": "摄像头配置项的 JSON 类型错误",
    "A rotation angle is not 0, 90, 180 or 270": "旋转角度不是 0、90、180 或 270",
    "A USB vendor or product id is outside 0..65535": "USB 厂商 ID 或产品 ID 超出 0..65535",
    "cameraId is negative": "cameraId 为负数",
    "usbCameraName is not of the form /dev/bus/usb/BBB/DDD": "usbCameraName 不是 /dev/bus/usb/BBB/DDD 形式",
    "usbCameraName is a /dev/videoN node, not the USB device path": "usbCameraName 是 /dev/videoN 节点，而不是 USB 设备路径",
    "usbCameraName contains whitespace, control or shell characters": "usbCameraName 含有空白、控制字符或 shell 特殊字符",
    "usbSerialNumber is empty": "usbSerialNumber 为空",
    "internalCameraName is a facing word, not a camera id": "internalCameraName 写的是朝向，而不是摄像头 ID",
    "internalCameraName is empty or padded with spaces": "internalCameraName 为空或前后带空格",
    "Unknown key that looks like a misspelt camera key": "未知的键，疑似拼错了摄像头配置项名",
    "Both usbCameraName and the complete USB triple are given": "同时给出了 usbCameraName 和完整的 USB 三元组",
    "The USB triple (vendor, product, serial) is incomplete": "USB 三元组（厂商 ID、产品 ID、序列号）不完整",
    "Both internalCameraName and cameraId are given": "同时给出了 internalCameraName 和 cameraId",
    "A rotation or flip key of the family not in use (no effect)": "设置了另一类摄像头的旋转或翻转配置项（不生效）",
    "A built-in camera is selected while a USB camera is also selected": "同时选择了内置摄像头和 USB 摄像头",
    "A key needs a newer WMPF than the given version": "某个配置项需要高于指定版本的 WMPF",
    "The given WMPF version is not of the form X.Y.Z": "指定的 WMPF 版本不是 X.Y.Z 形式",
    "usbCameraName is the client library's default /dev/bus/usb/002/007": "usbCameraName 是客户端库的默认值 /dev/bus/usb/002/007",
    "The USB camera is selected by path, which changes on replug or reboot": "按路径选择 USB 摄像头，重新插拔或重启后路径会变化",
    "cameraId is legacy": "cameraId 是旧版配置项",
    "internalCameraName is not a number": "internalCameraName 不是数字",
    "No camera is selected: WMPF uses its default built-in camera": "未选择摄像头：WMPF 使用默认的内置摄像头",
    "WMPF versions the keys of this config need": "此配置中各配置项需要的 WMPF 版本",
    # --- JSON reading ---
    "a comma comes right before a closing bracket (JSON allows no trailing comma)": "右括号前多了一个逗号（JSON 不允许末尾逗号）",
    "the text ends before the JSON does (a closing brace or bracket is missing, or the file was cut off)":
        "JSON 还没有结束，文本就已结束（缺少右花括号或右方括号，或者文件被截断）",
    "a value is missing or is not JSON (JSON has no comments, single quotes or bare words)":
        "缺少值，或值不是 JSON（JSON 不支持注释、单引号或裸词）",
    "a key must be written in double quotes": "键必须用双引号括起来",
    "a comma is missing between two items": "两项之间缺少逗号",
    "a colon is missing after a key": "键后面缺少冒号",
    "a string is not closed with a double quote": "字符串缺少结尾的双引号",
    "a string contains a raw line break or control character": "字符串中含有原始换行符或控制字符",
    "a backslash escape is not valid JSON (write \\\\ for one backslash)": "反斜杠转义不是合法的 JSON（一个反斜杠要写成 \\\\）",
    "a \\u escape needs exactly four hex digits": "\\u 转义后必须正好是四位十六进制数字",
    "there is more text after the end of the JSON object": "JSON 对象结束后还有多余的文本",
    "{source} cannot be read: {reason}.": "无法读取 {source}：{reason}。",
    "Check that the file exists and that you may read it.": "请确认文件存在且有读取权限。",
    "{source}, line {line}, column {column}: the JSON is malformed: {problem}.": "{source} 第 {line} 行第 {column} 列：JSON 格式错误：{problem}。",
    "Correct the JSON at line {line}, column {column}; a JSON checker or camtool export shows the valid form.":
        "请修改第 {line} 行第 {column} 列处的 JSON；可用 JSON 校验工具或 camtool export 查看正确写法。",
    "{source} does not exist.": "{source} 不存在。",
    "Check the path and the file name (camtool validate PATH, or - for standard input).":
        "请检查路径和文件名（camtool validate 路径，或用 - 表示标准输入）。",
    "{source} is a folder, not a file.": "{source} 是文件夹，不是文件。",
    "Give the path of the config file inside it.": "请给出该文件夹中配置文件的路径。",
    "{source} is UTF-16 text, not UTF-8.": "{source} 是 UTF-16 文本，不是 UTF-8。",
    "Save the file again as UTF-8 (in Notepad: Save as, Encoding: UTF-8).": "请将文件另存为 UTF-8（记事本：另存为，编码选 UTF-8）。",
    "{source}, line {line}, column {column}: {word} is not a JSON number.": "{source} 第 {line} 行第 {column} 列：{word} 不是 JSON 数字。",
    "Write a plain number instead of {word}.": "请用普通数字代替 {word}。",
    "{source} holds {found}, but a config is one JSON object in braces.": "{source} 的内容是 {found}，但配置必须是一个用花括号括起的 JSON 对象。",
    "Put the keys in one object: {{\"internalCameraName\": \"0\", \"cameraRotationAngle\": 90}}.":
        "请把配置项放在一个对象中：{{\"internalCameraName\": \"0\", \"cameraRotationAngle\": 90}}。",
    "{source} is not UTF-8 text: byte {offset} (line {line}, column {column}) is not valid UTF-8.":
        "{source} 不是 UTF-8 文本：第 {offset} 字节（第 {line} 行第 {column} 列）不是合法的 UTF-8。",
    "Save the file again as UTF-8 (in Notepad: Save as, Encoding: UTF-8); Chinese Windows editors often save as GBK.":
        "请将文件另存为 UTF-8（记事本：另存为，编码选 UTF-8）；中文 Windows 的编辑器常默认保存为 GBK。",
    "{source} is empty.": "{source} 是空文件。",
    "Write a JSON object, for example {{\"internalCameraName\": \"0\"}}.": "请写一个 JSON 对象，例如 {{\"internalCameraName\": \"0\"}}。",
    "{source} is more than {size} bytes: far too big to be a camera config.": "{source} 超过 {size} 字节，摄像头配置不可能这么大。",
    "Check that you chose the config file (a few hundred bytes of JSON).": "请确认选择的是配置文件（几百字节的 JSON）。",
    "{source} holds a number with thousands of digits, which is no camera setting.": "{source} 中有一个几千位的数字，不可能是摄像头设置。",
    "Check that you chose the right file; camera settings are small numbers.": "请确认选对了文件；摄像头设置都是较小的数字。",
    "{source} is nested too deeply to be a camera config.": "{source} 嵌套层级过深，不可能是摄像头配置。",
    "A camera config is one flat JSON object; check that you chose the right file.": "摄像头配置是一个扁平的 JSON 对象；请确认选对了文件。",
    "{source}, line {line}: the key {key} is given a second time in the same object; the device keeps only the last value, silently.":
        "{source} 第 {line} 行：配置项 {key} 在同一对象中第二次出现；WMPF 只保留最后一个值，且不会提示。",
    "Delete one of the two {key} entries, keeping the value you mean.": "请删除其中一个 {key}，保留你想要的值。",
    # --- key names and versions ---
    "{key} is not a key WMPF knows: keys are case-sensitive, so WMPF ignores it. Did you mean {suggestion}?":
        "WMPF 不认识 {key}（配置项名区分大小写），会忽略它。你是不是想写 {suggestion}？",
    "{key} is not a key WMPF knows, so WMPF ignores it. Did you mean {suggestion}?": "WMPF 不认识 {key}，会忽略它。你是不是想写 {suggestion}？",
    "Delete {key}: {suggestion} is already set.": "请删除 {key}：已经设置了 {suggestion}。",
    "Rename {key} to {suggestion}.": "请把 {key} 改为 {suggestion}。",
    "{key} needs WMPF {needed} or newer (assumed from the client library's release history), but the device has {version}.":
        "{key} 需要 WMPF {needed} 及以上版本（根据客户端库的发布历史推断），但设备上是 {version}。",
    "{key} needs WMPF {needed} or newer, but the device has {version}: WMPF {version} ignores it.":
        "{key} 需要 WMPF {needed} 及以上版本，但设备上是 {version}：WMPF {version} 会忽略它。",
    "Update WMPF on the device to {needed} or newer, or use cameraId on this older WMPF.":
        "请把设备上的 WMPF 升级到 {needed} 及以上版本，或在这个旧版 WMPF 上改用 cameraId。",
    "Update WMPF on the device to {needed} or newer; until then {key} has no effect.": "请把设备上的 WMPF 升级到 {needed} 及以上版本；在此之前 {key} 不生效。",
    "The config is {found}, not a JSON object.": "配置是 {found}，不是 JSON 对象。",
    "This config needs WMPF {version} or newer ({details}; * = assumed from the client library's release history).":
        "此配置需要 WMPF {version} 及以上版本（{details}；* = 根据客户端库的发布历史推断）。",
    "Check the device's WMPF version (camtool devices, or dumpsys package com.tencent.wmpf) or pass --wmpf-version to check it here.":
        "请查看设备的 WMPF 版本（camtool devices，或 dumpsys package com.tencent.wmpf），或用 --wmpf-version 指定版本，在这里一并检查。",
    "The WMPF version {version} is not of the form X.Y.Z, so the version gates were not checked.": "WMPF 版本 {version} 不是 X.Y.Z 形式，因此未检查版本要求。",
    "Give the version as dumpsys package com.tencent.wmpf shows it (versionName), e.g. 2.1.3.":
        "请按 dumpsys package com.tencent.wmpf 显示的版本（versionName）填写，例如 2.1.3。",
    "\"{text}\" is not a WMPF version: write it as X.Y.Z, for example 2.1.3.": "“{text}”不是 WMPF 版本：请写成 X.Y.Z，例如 2.1.3。",
    # --- types and values ---
    "a whole number (a JSON integer, without quotes)": "整数（JSON 整数，不带引号）",
    "a string in double quotes": "用双引号括起的字符串",
    "true or false (without quotes)": "布尔值 true 或 false（不带引号）",
    "Write a whole number without quotes, for example {example}.": "请写不带引号的整数，例如 {example}。",
    "Write the value in double quotes, for example {example}.": "请把值写在双引号中，例如 {example}。",
    "Write true or false without quotes.": "请写不带引号的 true 或 false。",
    "{key} must be {expected}, but the config has {found}.": "{key} 必须是{expected}，但配置中是 {found}。",
    "{key} is {value}, but a rotation angle is 0, 90, 180 or 270 (assumed: the WMPF documentation says only \"int, default 0\"; the VoIP plugin's cameraRotation takes exactly these).":
        "{key} 是 {value}，但旋转角度只能是 0、90、180 或 270（推断：WMPF 文档只写了“int，默认 0”；VoIP 插件的 cameraRotation 正好取这几个值）。",
    "Write a value, or delete {key} to leave it unset.": "请写一个值，或删除 {key} 表示不设置。",
    "Use 0, 90, 180 or 270; camtool verify finds the right one on the real ends.": "请使用 0、90、180 或 270；camtool verify 可以根据两端的实际画面找出正确的值。",
    "Write {suggested}: the same turn within 0..270.": "请写 {suggested}：换算到 0..270 范围内是同一个角度。",
    "usbCameraName {found} is not a USB device path of the form /dev/bus/usb/BBB/DDD.": "usbCameraName {found} 不是 /dev/bus/usb/BBB/DDD 形式的 USB 设备路径。",
    "Copy the path from camtool cameras or dumpsys usb, e.g. {example}.": "请从 camtool cameras 或 dumpsys usb 复制路径，例如 {example}。",
    "Android 9's external camera HAL used the video node as the id; keep it only if camtool cameras lists {found}, else use a numeric id.":
        "Android 9 的外接摄像头 HAL 曾用视频节点作为 ID；仅当 camtool cameras 列出了 {found} 时才保留，否则请使用数字 ID。",
    "Camera ids are usually numbers such as \"0\"; check that camtool cameras lists {found}.": "摄像头 ID 通常是数字，例如 \"0\"；请确认 camtool cameras 列出了 {found}。",
    "The JSON takes USB ids in decimal: hex {found} is {decimal}. Write {decimal} without quotes.":
        "JSON 中的 USB ID 使用十进制：十六进制 {found} 等于 {decimal}。请写不带引号的 {decimal}。",
    "Write {plain}: a whole number without a decimal point.": "请写 {plain}：不带小数点的整数。",
    "cameraId is {value}; camera ids are 0 or more.": "cameraId 是 {value}；摄像头 ID 不能为负数。",
    "Use the id of a camera that camtool cameras lists, e.g. 0 (better: internalCameraName \"0\").":
        "请使用 camtool cameras 列出的摄像头 ID，例如 0（更好的写法：internalCameraName \"0\"）。",
    "usbSerialNumber is empty, so it cannot match any camera.": "usbSerialNumber 为空，无法匹配任何摄像头。",
    "Copy the serial number from camtool cameras. If the camera has none, select it by usbCameraName instead of the triple.":
        "请从 camtool cameras 复制序列号。如果摄像头没有序列号，请用 usbCameraName 而不是三元组来选择它。",
    "usbCameraName {found} contains characters a USB device path never has: {chars}.": "usbCameraName {found} 含有 USB 设备路径中不会出现的字符：{chars}。",
    "Write exactly /dev/bus/usb/BBB/DDD, with no spaces, quotes or other characters; copy it from camtool cameras.":
        "请准确写成 /dev/bus/usb/BBB/DDD，不带空格、引号或其他字符；可从 camtool cameras 复制。",
    "usbCameraName {found} names bus {bus}, device {device}, which cannot exist (buses count from 1, devices from 1 to 127).":
        "usbCameraName {found} 指向总线 {bus}、设备 {device}，这不可能存在（总线号从 1 开始，设备号为 1 到 127）。",
    "Copy the path from camtool cameras or dumpsys usb (name=/dev/bus/usb/...).": "请从 camtool cameras 或 dumpsys usb（name=/dev/bus/usb/...）复制路径。",
    "usbCameraName is {found}, a V4L2 video node; WMPF expects the USB device path.": "usbCameraName 是 {found}，这是 V4L2 视频节点；WMPF 需要的是 USB 设备路径。",
    "Use the /dev/bus/usb/BBB/DDD path of the same camera (camtool cameras shows it), or select it by vendor id, product id and serial.":
        "请使用同一摄像头的 /dev/bus/usb/BBB/DDD 路径（camtool cameras 会显示），或按厂商 ID、产品 ID 和序列号选择它。",
    "usbCameraName {found} must have three digits for bus and device.": "usbCameraName {found} 中的总线号和设备号必须各为三位数字。",
    "Write {suggested}.": "请写 {suggested}。",
    "internalCameraName is {found}, a facing word; WMPF needs the camera id from the system camera service.":
        "internalCameraName 是 {found}，这是朝向，不是 ID；WMPF 需要的是系统相机服务中的摄像头 ID。",
    "Write the id, e.g. \"0\" or \"1\": camtool cameras lists each id with its facing.": "请写摄像头 ID，例如 \"0\" 或 \"1\"（camtool cameras 会列出每个 ID 及其朝向）。",
    "internalCameraName is empty, so it names no camera.": "internalCameraName 为空，没有指定任何摄像头。",
    "Write a camera id such as \"0\", or delete the key to use WMPF's default camera.": "请写摄像头 ID，例如 \"0\"；或删除此配置项，让 WMPF 使用默认摄像头。",
    "internalCameraName {found} contains control characters.": "internalCameraName {found} 含有控制字符。",
    "Write the camera id alone, e.g. \"0\": camtool cameras lists the ids.": "请只写摄像头 ID，例如 \"0\"（camtool cameras 会列出这些 ID）。",
    "internalCameraName {found} has spaces around the id.": "internalCameraName {found} 的 ID 前后有空格。",
    "internalCameraName {found} is not a number.": "internalCameraName {found} 不是数字。",
    "Remove the quotes: write {plain}. If {found} is the hex id shown by lsusb or sysfs, write {decimal} instead.":
        "请去掉引号，写成 {plain}。如果 {found} 是 lsusb 或 sysfs 显示的十六进制 ID，请改写为 {decimal}。",
    "Remove the quotes: write {plain}.": "请去掉引号，写成 {plain}。",
    "{key} is {value}, but USB ids are 0..65535.": "{key} 是 {value}，但 USB ID 的范围是 0..65535。",
    "Copy the decimal id from camtool cameras or dumpsys usb (vendor_id=, product_id=).": "请从 camtool cameras 或 dumpsys usb（vendor_id=、product_id=）复制十进制 ID。",
    "Write {plain} instead of {found}: JSON has its own true and false.": "请写 {plain}，不要写 {found}：JSON 的布尔值是不带引号的 true 和 false。",
    "Put the value in double quotes: {quoted}.": "请把值放在双引号中：{quoted}。",
    # --- selection and family ---
    "built-in": "内置",
    "USB": "USB",
    "usbCameraName or the complete USB triple is given": "给出了 usbCameraName 或完整的 USB 三元组",
    "The USB triple is incomplete ({missing} missing), so WMPF ignores {present}; usbCameraName selects the camera.":
        "USB 三元组不完整（缺少 {missing}），WMPF 会忽略 {present}；由 usbCameraName 选择摄像头。",
    "The USB triple is incomplete ({missing} missing): WMPF then selects no USB camera and silently uses the built-in camera.":
        "USB 三元组不完整（缺少 {missing}）：WMPF 因此选不到 USB 摄像头，会直接改用内置摄像头，且不会提示。",
    "the USB triple is incomplete": "USB 三元组不完整",
    "no USB camera is selected": "未选择 USB 摄像头",
    "Delete {key}: {counterpart} already sets this for the {family}.": "请删除 {key}：{counterpart} 已经为{family}设置了同样的内容。",
    "Write {counterpart} instead of {key} (the {family}'s key), or select the camera of the other family.":
        "请用 {counterpart}（{family}的配置项）代替 {key}，或改为选择另一类摄像头。",
    "The camera has a serial number: add usbCameraVendorId and usbCameraProductId and delete usbCameraName.":
        "该摄像头有序列号：请加上 usbCameraVendorId 和 usbCameraProductId，并删除 usbCameraName。",
    "If camtool cameras shows a serial number for this camera, select it by vendor id, product id and serial instead; without one, the path is the only choice: check it after every reboot.":
        "如果 camtool cameras 显示该摄像头有序列号，请改为按厂商 ID、产品 ID 和序列号选择；没有序列号时只能用路径：每次重启后请检查它。",
    "Both usbCameraName and the complete triple (vendor id, product id, serial) select the USB camera; give one, not both.":
        "usbCameraName 和完整的三元组（厂商 ID、产品 ID、序列号）都在选择 USB 摄像头；只能给出其中一种。",
    "Keep the triple if the camera reports a serial number (it survives replugs) and delete usbCameraName; else delete the triple.":
        "如果摄像头有序列号，请保留三元组（重新插拔后仍有效）并删除 usbCameraName；否则删除三元组。",
    "Give all three of usbCameraVendorId, usbCameraProductId and usbSerialNumber, or delete them and use usbCameraName.":
        "请同时给出 usbCameraVendorId、usbCameraProductId 和 usbSerialNumber 三项，或删除它们改用 usbCameraName。",
    "Both internalCameraName and cameraId select the built-in camera; give one, not both.": "internalCameraName 和 cameraId 都在选择内置摄像头；只能给出其中一个。",
    "Keep internalCameraName (WMPF >= 2.0.0) and delete cameraId.": "请保留 internalCameraName（WMPF >= 2.0.0），删除 cameraId。",
    "{builtin} selects a built-in camera, but the USB keys select a USB camera, which WMPF uses: {builtin} has no effect.":
        "{builtin} 选择了内置摄像头，但 USB 配置项选择了 USB 摄像头，WMPF 会使用 USB 摄像头：{builtin} 不生效。",
    "Delete {builtin} if you mean the USB camera; delete the USB keys if you mean the built-in one.":
        "如果要用 USB 摄像头，请删除 {builtin}；如果要用内置摄像头，请删除 USB 配置项。",
    "cameraId is a legacy key (it is in the FAQ only, in no reference table).": "cameraId 是旧版配置项（只出现在 FAQ 中，不在任何参考表里）。",
    "On WMPF 2.0.0 or newer write internalCameraName \"{camera_id}\" instead.": "在 WMPF 2.0.0 及以上版本上，请改写为 internalCameraName \"{camera_id}\"。",
    "This config selects no camera, so WMPF uses its default built-in camera.": "此配置没有选择摄像头，WMPF 将使用默认的内置摄像头。",
    "To choose a camera, add internalCameraName (built-in) or usbCameraName / the USB triple; camtool cameras lists them.":
        "要选择摄像头，请添加 internalCameraName（内置摄像头）或 usbCameraName / USB 三元组；camtool cameras 会列出它们。",
    "{key} is a {other} key, but this config uses a {family} ({reason}): WMPF ignores {key}, so it has no effect. This is the usual cause of \"set successfully but no effect\".":
        "{key} 是{other}的配置项，但此配置使用的是{family}（{reason}）：WMPF 会忽略 {key}，因此不生效。这正是“设置成功但没有效果”的常见原因。",
    "usbCameraName is {path}, the value the WMPF client library's getDefaultConfigJson() fills in: this config was probably copied from the default, and WMPF will look for a USB camera that is not there.":
        "usbCameraName 是 {path}，即 WMPF 客户端库 getDefaultConfigJson() 填入的默认值：此配置很可能是从默认配置复制的，WMPF 会去找一个并不存在的 USB 摄像头。",
    "Use the path of your camera from camtool cameras, or delete usbCameraName (and usbCameraPushFlip) for a built-in camera.":
        "请使用 camtool cameras 中你的摄像头的路径；如果用内置摄像头，请删除 usbCameraName（以及 usbCameraPushFlip）。",
    "The USB camera is selected by its path {path}, which changes when the camera is replugged or the device reboots.":
        "USB 摄像头是按路径 {path} 选择的，重新插拔摄像头或设备重启后路径会变化。",
    # --- CLI ---
    "error": "错误",
    "warning": "警告",
    "info": "提示",
    "Errors": "错误",
    "Warnings": "警告",
    "Information": "提示",
    "{source}: {errors} error(s), {warnings} warning(s), {infos} info": "{source}：{errors} 个错误，{warnings} 个警告，{infos} 条提示",
    "The config file, or - for standard input.": "配置文件，或用 - 表示标准输入。",
    "The device's WMPF version: also check that it reads every key.": "设备的 WMPF 版本：同时检查该版本是否支持每个配置项。",
    "Output format (json: one object for scripts).": "输出格式（json：供脚本使用的单个对象）。",
    "Read the input as this format (default: from the file name).": "按此格式读取输入（默认根据文件名判断）。",
    "Print the JSON Schema of the camera keys (machine output, in English like the keys and codes).":
        "输出摄像头配置项的 JSON Schema（供程序读取，与配置项名和代码一样始终为英文）。",
    "List the codes of every rule validate applies.": "列出 validate 使用的所有规则代码。",
    "Output format.": "输出格式。",
    "No errors: WMPF can use this config.": "没有错误：WMPF 可以使用此配置。",
    "code": "代码",
    "severity": "级别",
    "rule": "规则",
    "camtool validate: --wmpf-version: {error}": "camtool validate：--wmpf-version：{error}",
    "(line {line}, column {column})": "（第 {line} 行，第 {column} 列）",
    "Fix: {fix}": "修改建议：{fix}",
    # --- docs/rules.md ---
    "the file and its JSON: unreadable, not UTF-8, malformed, not an object, a key twice":
        "文件及其 JSON：无法读取、不是 UTF-8、格式错误、不是对象、键重复",
    "types and values of the camera keys, and misspelt key names": "摄像头配置项的类型和取值，以及拼错的配置项名",
    "selection and family: which camera WMPF uses, and keys that then have no effect": "选择与摄像头类型：WMPF 使用哪个摄像头，以及因此不生效的配置项",
    "WMPF version gates": "WMPF 版本要求",
    "warnings: works, but fragile or legacy": "警告：能用，但容易出问题或已过时",
    "information": "提示信息",
    "device-aware rules, checked against a connected device's cameras": "结合设备的规则：对照已连接设备的摄像头检查",
    "CAM102: rotation values are 0, 90, 180 and 270; the WMPF documentation says only \"int, default 0\", and the VoIP plugin's own cameraRotation takes exactly these.":
        "CAM102：旋转角度取 0、90、180 和 270；WMPF 文档只写了“int，默认 0”，而 VoIP 插件自己的 cameraRotation 正好取这几个值。",
    "CAM301, CAM502: the version gates of cameraRotationAngle and cameraPushFlip (WMPF 2.0.0) and of the USB keys (1.1.0) come from the client library's release history; only internalCameraName's 2.0.0 is documented.":
        "CAM301、CAM502：cameraRotationAngle 和 cameraPushFlip（WMPF 2.0.0）以及 USB 配置项（1.1.0）的版本要求根据客户端库的发布历史推断；只有 internalCameraName 的 2.0.0 有文档说明。",
    "CAM401: /dev/bus/usb/002/007 is what the client library's getDefaultConfigJson() fills in, as published in its sample code.":
        "CAM401：/dev/bus/usb/002/007 是客户端库 getDefaultConfigJson() 填入的值（见其公开的示例代码）。",
    "CAM403: cameraId appears in the FAQ only, in no reference table, so it is treated as legacy.":
        "CAM403：cameraId 只出现在 FAQ 中，不在任何参考表里，因此视为旧版配置项。",
    "Rules of camtool validate": "camtool validate 的规则",
    "Every finding has a stable code; scripts match on the code, never on the message.": "每条检查结果都有固定的代码；脚本应匹配代码，而不是消息文字。",
    "Code ranges": "代码范围",
    "Rules": "规则",
    "Assumptions the rules rest on": "规则所依据的推断",
}

MESSAGES["Also check the config against this connected device (its cameras and WMPF version)."] = \
    "同时按此已连接设备（其摄像头和 WMPF 版本）检查配置。"

MESSAGES.update({
    "built-in camera": "内置摄像头",
    "USB camera": "USB 摄像头",
})

MESSAGES.update({
    "This config needs WMPF {version} or newer ({details}).": "此配置需要 WMPF {version} 及以上版本（{details}）。",
})
