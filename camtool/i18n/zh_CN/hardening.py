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
}
