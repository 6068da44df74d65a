"""Chinese for the direct camera source (issue 17): scrcpy's server file, its refusals, the CLI options."""

MESSAGES: dict[str, str] = {
    # camtool/device/camera_source.py, camera_refusals.py, scrcpy_server.py
    "The camera source needs Android 12 or later; device {serial} runs SDK {detail}.":
        "摄像头直连画面需要 Android 12 或更高版本；设备 {serial} 的 SDK 为 {detail}。",
    "Use the screen source (leave out --source camera): it shows the camera while an app shows it.":
        "请改用屏幕画面（去掉 --source camera）：当有应用显示摄像头时，屏幕画面可以看到它。",
    "No scrcpy server file was found.": "未找到 scrcpy 服务端文件。",
    "The scrcpy server file {detail} cannot be read.": "无法读取 scrcpy 服务端文件 {detail}。",
    "Install scrcpy 2.2 or later (its package has the file scrcpy-server; releases at "
    "https://github.com/Genymobile/scrcpy/releases), then give its path with --scrcpy-server FILE or set "
    "SCRCPY_SERVER_PATH. camtool never downloads it.":
        "请安装 scrcpy 2.2 或更高版本（安装包中有 scrcpy-server 文件；发布页面："
        "https://github.com/Genymobile/scrcpy/releases），然后用 --scrcpy-server FILE 指定其路径，"
        "或设置 SCRCPY_SERVER_PATH。camtool 从不下载该文件。",
    "{path} (from {origin})": "{path}（来自 {origin}）",
    "{path} ({reason})": "{path}（{reason}）",
    "The scrcpy server file is version {detail}; the camera source needs 2.2 or later.":
        "scrcpy 服务端文件的版本为 {detail}；摄像头直连画面需要 2.2 或更高版本。",
    "Give the server file of scrcpy 2.2 or later with --scrcpy-server FILE.":
        "请用 --scrcpy-server FILE 指定 scrcpy 2.2 或更高版本的服务端文件。",
    "Device {serial} has no camera with that id ({detail}).": "设备 {serial} 上没有该 ID 的摄像头（{detail}）。",
    "Use one of the ids `camtool cameras` lists with --camera-id.":
        "请用 --camera-id 指定 `camtool cameras` 列出的某个 ID。",
    "The camera is in use by another app on device {serial} (WMPF in a call, or another camera app).":
        "设备 {serial} 上的摄像头正被其他应用占用（可能是 WMPF 正在通话，或打开了其他相机应用）。",
    "End the call or close the app that holds the camera, then try again; or use the screen source.":
        "请结束通话或关闭占用摄像头的应用后重试；或改用屏幕画面。",
    "The scrcpy server on device {serial} stopped without streaming.": "设备 {serial} 上的 scrcpy 服务端未输出画面就停止了。",
    "Read the server's own words below; check --camera-id and --camera-size.":
        "请查看下方服务端的输出，并检查 --camera-id 和 --camera-size。",
    "(the server said: {detail})": "（服务端提示：{detail}）",
    "The scrcpy server on device {serial} did not open its stream in time.": "设备 {serial} 上的 scrcpy 服务端未能及时打开画面流。",
    "The device may be busy: try again; if it persists, use the screen source.":
        "设备可能正忙：请重试；如果仍然如此，请改用屏幕画面。",
    "the scrcpy server closed its stream": "scrcpy 服务端关闭了画面流",
    "the scrcpy server's stream does not start as documented": "scrcpy 服务端的画面流开头与文档不符",
    "nothing; is the file a scrcpy server?": "没有任何输出；该文件是 scrcpy 服务端吗？",
    "it streams codec {codec:#x}, not H.264": "它输出的编码为 {codec:#x}，不是 H.264",
    "{id}; the cameras are {ids}": "{id}；现有摄像头为 {ids}",
    "nothing": "无",
    "a packet of {size} bytes from the scrcpy server": "scrcpy 服务端发来 {size} 字节的数据包",
    # camtool/cli/device_commands.py
    "The private virtual device's scenario (default tablet-a12); not with --serial.":
        "私有虚拟设备的场景（默认 tablet-a12）；不能与 --serial 同用。",
    "What to capture: the device's screen (default) or a camera itself (Android 12+, needs the scrcpy server file).":
        "采集什么：设备屏幕（默认），或摄像头本身（Android 12 及以上，需要 scrcpy 服务端文件）。",
    "With --source camera: the camera's id, as `camtool cameras` lists it.":
        "与 --source camera 同用：摄像头 ID，即 `camtool cameras` 列出的值。",
    "With --source camera: the size to stream, e.g. 1280x720 (default: the camera's largest).":
        "与 --source camera 同用：画面尺寸，例如 1280x720（默认：摄像头的最大尺寸）。",
    "With --source camera: scrcpy's server file (default: $SCRCPY_SERVER_PATH or where scrcpy installs it).":
        "与 --source camera 同用：scrcpy 服务端文件（默认：$SCRCPY_SERVER_PATH 或 scrcpy 的安装位置）。",
    "--camera-id, --camera-size and --scrcpy-server go with --source camera.":
        "--camera-id、--camera-size 和 --scrcpy-server 需与 --source camera 同用。",
    "--camera-size must look like 1280x720, not {value}.": "--camera-size 应形如 1280x720，而不是 {value}。",
    "camtool bench: --scenario is for the private virtual device; leave out --serial.":
        "camtool bench：--scenario 用于私有虚拟设备；请去掉 --serial。",
    "Also list the sizes each camera streams, asked through the scrcpy server file (Android 12+).":
        "同时列出每个摄像头可输出的尺寸，通过 scrcpy 服务端文件查询（Android 12 及以上）。",
    "With --sizes: scrcpy's server file (default: $SCRCPY_SERVER_PATH or where scrcpy installs it).":
        "与 --sizes 同用：scrcpy 服务端文件（默认：$SCRCPY_SERVER_PATH 或 scrcpy 的安装位置）。",
    "Sizes each camera streams (camera source, scrcpy server):": "每个摄像头可输出的尺寸（摄像头直连画面，scrcpy 服务端）：",
    "  camera {id} ({facing}): {sizes}": "  摄像头 {id}（{facing}）：{sizes}",
}

MESSAGES.update({
    # camtool/cli/camera_verify.py
    "camtool verify: --source camera reads one camera of one device: give --serial and --camera-id "
    "(no pictures, no --wechat-serial, no --apply).":
        "camtool verify：--source camera 只读取一台设备上的一个摄像头：请给出 --serial 和 --camera-id"
        "（不能同时给图片、--wechat-serial 或 --apply）。",
    "Camera {id} on {serial} ({size}, its own picture): the chart is turned {rotation} degrees "
    "clockwise{mirrored}. With the chart held upright, that is the camera's mounting.":
        "{serial} 上的摄像头 {id}（{size}，摄像头本身的画面）：图卡顺时针旋转了 {rotation} 度{mirrored}。"
        "图卡摆正时，这就是摄像头的安装方向。",
    " and mirrored": "，且为镜像",
    "No chart is visible in the picture of camera {id} on {serial}: hold the printed chart "
    "(camtool chart) upright in front of the camera and try again.":
        "{serial} 上摄像头 {id} 的画面中看不到图卡：请把打印的图卡（camtool chart）摆正放在摄像头前，然后重试。",
    "Starting camera {id} on {serial} through the scrcpy server (Ctrl+C cancels)...":
        "正在通过 scrcpy 服务端启动 {serial} 上的摄像头 {id}（按 Ctrl+C 取消）……",
    "Cancelled.": "已取消。",
})
