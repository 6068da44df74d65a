"""Chinese for the virtual device's adbd, faults, private adb server and `camtool virtual` (issue 4, part 1)."""

MESSAGES: dict[str, str] = {
    # camtool/device/adb_server.py
    "No adb executable found. Install Android platform-tools or set ADBUTILS_ADB_PATH to adb.":
        "找不到 adb 可执行文件。请安装 Android platform-tools，或将 ADBUTILS_ADB_PATH 设为 adb 的路径。",
    "No free TCP port found on 127.0.0.1.": "127.0.0.1 上找不到空闲的 TCP 端口。",
    "ADBUTILS_ADB_PATH points to {path}, which is not a file. Fix the variable or unset it to use the adb bundled with camtool.":
        "ADBUTILS_ADB_PATH 指向 {path}，但它不是文件。请改正该变量，或取消该设置，改用 camtool 自带的 adb。",
    "adbutils is not installed; reinstall camtool.": "未安装 adbutils，请重新安装 camtool。",
    "adb {command} failed: {output}": "adb {command} 执行失败：{output}",
    "adb did not answer within {seconds} s ({command}). Kill stray adb processes and try again.":
        "adb 在 {seconds} 秒内没有响应（{command}）。请结束残留的 adb 进程后重试。",
    "Cannot run adb ({path}): {error}": "无法运行 adb（{path}）：{error}",
    # camtool/virtual/faults.py
    "never answer (commands time out; adb connect fails after 10 s)":
        "从不应答（命令超时；adb connect 10 秒后失败）",
    "refuse connections (adb shows the device offline)": "拒绝连接（adb 显示设备 offline）",
    "ask for USB debugging authorisation and never accept (adb shows unauthorized)":
        "请求 USB 调试授权，但始终不授权（adb 显示 unauthorized）",
    "answer every command MS milliseconds late": "每条命令延迟 MS 毫秒应答",
    "cut every command's output after BYTES bytes": "每条命令的输出在 BYTES 字节后截断",
    "drop the connection after BYTES bytes of one stream (mid-stream)": "单个数据流传输 BYTES 字节后断开连接（在传输中途断开）",
    "start with USB device number I (0 = first in the scenario) unplugged":
        "启动时拔出第 I 个 USB 设备（0 = 场景中的第一个）",
    "start with WMPF not installed": "启动时模拟未安装 WMPF",
    "The fault {name} needs a whole number, as in {name}=100.": "故障 {name} 需要一个整数，例如 {name}=100。",
    "Unknown fault \"{fault}\". Valid faults: {valid}.": "未知故障“{fault}”。可用的故障：{valid}。",
    # camtool/virtual/device.py
    "The virtual device is not running; call start() first.": "虚拟设备未运行，请先调用 start()。",
    "Port {port} is in adb's emulator range (5554-5585); choose another.":
        "端口 {port} 位于 adb 的模拟器端口范围（5554-5585）内，请换一个端口。",
    "Cannot listen on {host} port {port}: {reason}. Choose another port with --port.":
        "无法在 {host} 的端口 {port} 上监听：{reason}。请用 --port 换一个端口。",
    "The adb server on port {port} did not attach {serial}. Check that adb runs and try again.":
        "端口 {port} 上的 adb 服务器没有连上 {serial}。请确认 adb 正在运行后重试。",
    # camtool/virtual/process.py
    "The virtual device did not attach to adb within {seconds} s.": "虚拟设备在 {seconds} 秒内没有连接到 adb。",
    # camtool/cli/virtual_commands.py
    "Run a virtual device that adb attaches like a real one (no phone needed).":
        "运行一台虚拟设备，adb 可像真机一样连接它（无需真机）。",
    "A virtual device speaks adb on 127.0.0.1 so that camtool (and adb itself) can be used without hardware. Its cameras, USB devices and WMPF version come from a scenario.":
        "虚拟设备在 127.0.0.1 上提供 adb 协议，无需硬件即可使用 camtool（以及 adb 本身）。它的摄像头、USB 设备和 WMPF 版本来自场景文件。",
    "List the shipped scenarios.": "列出预置场景。",
    "Start a virtual device and attach it to adb until Ctrl+C.": "启动虚拟设备并连接到 adb，直到按下 Ctrl+C。",
    "Start a virtual device (and the WeChat phone that receives its calls), attach both to the adb server (started if needed) and keep them until Ctrl+C. Exit 2: bad scenario or option; 3: adb is not available.":
        "启动虚拟设备（以及接听其通话的微信端手机），将两者连接到 adb 服务器（必要时启动服务器），直到按下 Ctrl+C。退出码 2：场景或选项有误；3：adb 不可用。",
    "A shipped scenario (see `camtool virtual list`) or a .toml/.json file.":
        "预置场景名（见 `camtool virtual list`）或 .toml/.json 文件。",
    "Answer commands from a capture directory (`camtool device capture`).":
        "用采集目录（`camtool device capture`）中的记录应答命令。",
    "TCP port of the device end (default: a free port).": "虚拟设备的 TCP 端口（默认：任一空闲端口）。",
    "TCP port of the WeChat phone (default: the device port + 1, or a free port).":
        "微信端手机的 TCP 端口（默认：设备端口 + 1，或任一空闲端口）。",
    "Inject a fault, repeatable. {faults}": "注入故障，可重复。{faults}",
    "Only listen; do not attach to adb (run `adb connect` yourself).": "只监听，不连接 adb（请自行运行 `adb connect`）。",
    " (default)": "（默认）",
    "{name}{default}: {description}": "{name}{default}：{description}",
    "Attached to the adb server on port {port}. Press Ctrl+C to detach and stop.":
        "已连接到端口 {port} 上的 adb 服务器。按 Ctrl+C 断开并停止。",
    "Not attached: run adb connect {serial} (and {wechat}). Press Ctrl+C to stop.":
        "未连接 adb：请运行 adb connect {serial}（以及 {wechat}）。按 Ctrl+C 停止。",
    "Port {port} is not a TCP port (0-65535).": "端口 {port} 不是有效的 TCP 端口（0-65535）。",
    "Run at a lower CPU priority (0-19; Linux). The window starts its virtual device at 10: it stands in for other "
    "hardware and must not slow the window down.":
        "以较低的 CPU 优先级运行（0-19，仅 Linux）。窗口启动的虚拟设备使用 10：它代替的是另一台硬件，不应拖慢窗口。",
    "--nice {value} is not a nice value (0-19).": "--nice {value} 不是有效的 nice 值（0-19）。",
    "Cannot apply the fault: {reason}": "无法施加该故障：{reason}",
    "Detached and stopped.": "已断开并停止。",
    "Virtual device \"{name}\" ({model}, Android {android}) is running.": "虚拟设备“{name}”（{model}，Android {android}）正在运行。",
    "  device end:  {serial}    e.g. adb -s {serial} shell dumpsys media.camera":
        "  设备端：  {serial}    例如 adb -s {serial} shell dumpsys media.camera",
    "  WeChat end:  {serial}    (the phone that receives the call)": "  微信端：  {serial}    （接听通话的手机）",
}
