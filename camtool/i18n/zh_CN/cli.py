"""Chinese for the CLI's own texts (help, top-level errors)."""

MESSAGES: dict[str, str] = {
    "camtool: see, choose, check and export the camera keys of WMPF's initGlobalConfig.":
        "camtool：查看、选择、检查并导出 WMPF initGlobalConfig 的摄像头配置项。",
    "Language of messages (default: from LANG / LC_ALL).": "输出语言（默认取自 LANG / LC_ALL）。",
    "Show the Python traceback of an internal error.": "内部错误时显示 Python 调用栈。",
    "Show camtool's version and exit.": "显示 camtool 版本并退出。",
    "camtool hit an internal error ({error}). Please report it; run again with --debug to see the traceback.":
        "camtool 遇到内部错误（{error}）。请反馈此问题；加 --debug 重新运行可查看调用栈。",
    "Interrupted.": "已中断。",
    "commands": "命令",
}

MESSAGES.update({
    "Open the camtool window (the default with no command).": "打开 camtool 窗口（不带命令时的默认操作）。",
    "Open offscreen on the virtual device, wait for the first frame of both ends, exit 0.":
        "在虚拟设备上以离屏方式打开，收到两端的第一帧后退出（退出码 0）。",
})

MESSAGES.update({
    "List the devices adb sees, with their state in words and what to do.": "列出 adb 识别到的设备，说明其状态及处理方法。",
    "Print one JSON object for scripts.": "输出一个 JSON 对象，供脚本使用。",
    "No device attached. Plug a device in with USB debugging on, or run `camtool virtual start`.":
        "未连接设备。请连接已开启 USB 调试的设备，或运行 `camtool virtual start`。",
    "{serial}  {model}  {state}: {action}": "{serial}  {model}  {state}：{action}",
})
