"""Chinese for the hardening of issue 15: saves that refuse what is not a file, cut-off device
answers, unreadable libraries, the adb port setting, control characters in string keys."""

MESSAGES: dict[str, str] = {
    # --- atomic saves -----------------------------------------------------------------------
    "a folder": "文件夹",
    "a device": "设备文件",
    "a pipe (FIFO)": "管道（FIFO）",
    "a socket": "套接字",
    "not a regular file": "非普通文件",
    "it is {kind}, not a file; camtool only replaces files": "它是{kind}，不是文件；camtool 只替换文件",
    # --- the profile library ------------------------------------------------------------------
    "The profile library {directory} does not exist. Check the folder given with --profiles, or create a profile there with camtool profiles new SKU.":
        "配置档案库 {directory} 不存在。请检查 --profiles 给出的文件夹，或用 camtool profiles new SKU 在那里创建一个档案。",
    "The profile library {directory} is a file, not a folder. Give the folder that holds the profiles with --profiles DIR.":
        "配置档案库 {directory} 是文件，不是文件夹。请用 --profiles DIR 给出存放档案的文件夹。",
    "The profile library {directory} cannot be read ({reason}). Make it readable for your user, or choose another folder with --profiles DIR.":
        "无法读取配置档案库 {directory}（{reason}）。请让当前用户可以读取它，或用 --profiles DIR 选择其他文件夹。",
    "{source} is not a regular file (a pipe, a device or a socket).": "{source} 不是普通文件（而是管道、设备或套接字）。",
    "Keep only profile files in the library folder.": "档案库文件夹中只应存放档案文件。",
    # --- the adb port setting -------------------------------------------------------------------
    'ANDROID_ADB_SERVER_PORT is set to "{detail}", which is not a TCP port (1 to 65535).':
        'ANDROID_ADB_SERVER_PORT 被设为“{detail}”，这不是 TCP 端口（1 到 65535）。',
    "Set it to the port of your adb server (adb's default is 5037), or unset it.":
        "请把它设为你的 adb 服务器的端口（adb 默认是 5037），或取消这个设置。",
    # --- cut-off device answers -----------------------------------------------------------------
    "The answer of device {serial} to `{detail}` was cut off, so camtool did not use it.":
        "设备 {serial} 对 `{detail}` 的回答被截断了，camtool 没有使用它。",
    "Try again. If it keeps happening, check the cable and restart the device: it may be overloaded.":
        "请重试。如果反复出现，请检查数据线并重启设备：设备可能负载过高。",
    # --- CAM112: control characters in string keys ---------------------------------------------
    "usbCameraName contains whitespace or shell characters": "usbCameraName 含有空白或 shell 特殊字符",
    "A camera key's text contains control characters or a lone surrogate": "摄像头配置项的文本含有控制字符或孤立的代理项",
    "{key} {found} contains {chars}: half of a UTF-16 surrogate pair (a \\uD800-\\uDFFF escape without its partner), which is no character.":
        "{key} {found} 含有 {chars}：这是 UTF-16 代理对的一半（没有配对的 \\uD800-\\uDFFF 转义），不是字符。",
    "{key} {found} contains control characters ({chars}), which no camera id, USB path or serial number has.":
        "{key} {found} 含有控制字符（{chars}），摄像头 ID、USB 路径和序列号都不会有这些字符。",
    "Write {key} again without them; copy the value from camtool cameras.": "请去掉这些字符重新填写 {key}；可从 camtool cameras 复制该值。",
    # --- messages --------------------------------------------------------------------------------
    "{source} is UTF-32 text, not UTF-8.": "{source} 是 UTF-32 文本，不是 UTF-8。",
    "WMPF is not installed on {serial}, so there is no call whose ends could be checked. Install WMPF (com.tencent.wmpf) on the device, then run verify again.":
        "{serial} 上没有安装 WMPF，因此没有可检查两端画面的通话。请在设备上安装 WMPF（com.tencent.wmpf），然后再运行 verify。",
}
