"""Chinese for lab runs (`camtool lab run`, JUnit, the reports index) and `camtool record` (issue 16)."""

MESSAGES: dict[str, str] = {
    # The lab file
    "{where}: profiles must be a folder name in quotes.": "{where}：profiles 必须是带引号的文件夹名。",
    "{file} lists no station: add a [[station]] table with name and serial.":
        "{file} 中没有任何工位：请添加包含 name 和 serial 的 [[station]] 表。",
    "{where}: station {number}: {problem}": "{where}：第 {number} 个工位：{problem}",
    "apply must be true or false.": "apply 必须是 true 或 false。",
    "give config or profile, not both.": "config 和 profile 只能给一个，不能同时给。",
    "wechat_serial is the phone in the call; it cannot be the device itself.":
        "wechat_serial 是通话中的手机，不能是设备本身。",
    "apply = true needs package (the app with camtool's receiver), or a profile with apply_package.":
        "apply = true 需要 package（带有 camtool 接收器的应用），或使用设置了 apply_package 的配置档案。",
    "cannot read the lab file {file} ({reason}).": "无法读取实验室文件 {file}（{reason}）。",
    "{file} is not valid TOML: {reason}": "{file} 不是有效的 TOML：{reason}",
    "{where}: unknown field {field}; a lab file has {fields}.": "{where}：未知字段 {field}；实验室文件的字段为 {fields}。",
    "{where}: station name {name} is used twice (first on line {first}); names must be unique.":
        "{where}：工位名 {name} 重复使用（首次出现在第 {first} 行）；工位名必须唯一。",
    "unknown field {field}; a station has {fields}.": "未知字段 {field}；工位的字段为 {fields}。",
    "{field} is missing.": "缺少 {field}。",
    "{field} must be a non-empty text in quotes.": "{field} 必须是带引号的非空文本。",
    # Running and reporting
    "camtool failed on this station ({error}).": "camtool 在该工位上出错（{error}）。",
    "Not run: the lab run was interrupted.": "未运行：实验室检查被中断。",
    "Keys to change: {keys}": "需要修改的配置项：{keys}",
    "Both ends are not upright; keys to change: {keys}": "两端方向并非都正确；需要修改的配置项：{keys}",
    "device end {serial}; WeChat end {wechat}": "设备端 {serial}；微信端 {wechat}",
    "UNAVAILABLE": "不可用",
    "ERROR": "出错",
    "NOT RUN": "未运行",
    "{passed} of {total} stations pass; {date}; camtool {version}": "{total} 个工位中 {passed} 个通过；{date}；camtool {version}",
    "Lab run: {lab}": "实验室检查：{lab}",
    "interrupted: stations not reached are marked NOT RUN": "已中断：未轮到的工位标为“未运行”",
    "Station": "工位",
    "Verdict": "结论",
    "Device end": "设备端",
    "Keys to change": "需要修改的配置项",
    "Seconds": "秒",
    # camtool lab run
    "Check many stations at once (for CI): JUnit XML and HTML reports.":
        "一次检查多个工位（用于 CI）：输出 JUnit XML 和 HTML 报告。",
    "A lab file lists stations (a WMPF device, optionally the phone in the call, and the config it runs); "
    "`lab run` checks them all concurrently and writes what CI reads.":
        "实验室文件列出各个工位（一台 WMPF 设备、可选的通话手机，以及设备运行的配置）；"
        "`lab run` 并发检查所有工位，并输出 CI 可读取的结果。",
    "Run the orientation check on every station of a lab file.": "对实验室文件中的每个工位运行方向检查。",
    "Run `camtool verify` on every station of LAB.toml, one worker per device; a phone shared by stations is "
    "used by one at a time. A station whose device is missing, offline or unauthorized is reported as unavailable "
    "and the others go on. Ctrl+C stops all and still writes what finished. See docs/lab.md.":
        "对 LAB.toml 中的每个工位运行 `camtool verify`，每台设备一个工作线程；多个工位共用的手机同一时间只供一个工位使用。"
        "设备缺失、离线或未授权的工位报告为不可用，其余工位继续。Ctrl+C 停止全部，并仍写出已完成的结果。见 docs/lab.md。",
    "The lab file (TOML) listing the stations.": "列出各工位的实验室文件（TOML）。",
    "Write JUnit XML (one testcase per station) for CI.": "为 CI 写出 JUnit XML（每个工位一个 testcase）。",
    "Write each station's HTML report and an index.html into this folder.":
        "将每个工位的 HTML 报告和一个 index.html 写入该文件夹。",
    "Stations checked at the same time (default: all).": "同时检查的工位数（默认：全部）。",
    "camtool {command}: {problem}": "camtool {command}：{problem}",
    "{folder} exists and is not a folder.": "{folder} 已存在且不是文件夹。",
    "the folder of {file}, {folder}, does not exist.": "{file} 所在的文件夹 {folder} 不存在。",
    "{file} exists and is not a regular file; give another name.": "{file} 已存在且不是普通文件；请换一个名字。",
    "--jobs must be 1 or more.": "--jobs 必须大于等于 1。",
    "Interrupted: writing the stations that finished.": "已中断：正在写出已完成的工位。",
    "JUnit written to {file}.": "JUnit 已写入 {file}。",
    "Reports written to {folder} (open index.html).": "报告已写入 {folder}（打开 index.html）。",
    "[{station}] checking {serial}...": "[{station}] 正在检查 {serial}……",
    "[{station}] {status} in {seconds} s": "[{station}] {status}，用时 {seconds} 秒",
    "{status}  {station}  ({seconds} s)": "{status}  {station}  （{seconds} 秒）",
    "  - {text}": "  - {text}",
    "  {text}": "  {text}",
    "  keys to change: {keys}": "  需要修改的配置项：{keys}",
    "{passed} of {total} stations pass.": "{total} 个工位中 {passed} 个通过。",
    "could not write {file} ({reason}).": "无法写入 {file}（{reason}）。",
    # camtool record
    "Record both ends side by side into an MP4 clip (evidence for a bug report).":
        "将两端画面并排录制为 MP4 视频片段（用作问题报告的证据）。",
    "Record the device end (left) and the WeChat end (right), each labelled with the time, into an H.264 MP4, "
    "from the same low-latency capture as the window. --seconds bounds it; Ctrl+C ends it early with a playable "
    "file. Without --wechat-serial the device end is recorded alone.":
        "将设备端（左）和微信端（右）录制为 H.264 MP4，每端都标注名称和时间，画面来自与窗口相同的低延迟采集。"
        "--seconds 限定时长；Ctrl+C 可提前结束，文件仍可播放。不给 --wechat-serial 时只录制设备端。",
    "How long to record.": "录制时长（秒）。",
    "The clip to write (.mp4).": "要写出的视频片段（.mp4）。",
    "the clip is an MP4: give a file name ending in .mp4, not {file}.": "视频片段为 MP4 格式：请给出以 .mp4 结尾的文件名，而不是 {file}。",
    "--seconds must be more than 0 and at most {limit}.": "--seconds 必须大于 0 且不超过 {limit}。",
    "--wechat-serial is the phone in the call; it cannot be the device itself.": "--wechat-serial 是通话中的手机，不能是设备本身。",
    "Device end {serial}": "设备端 {serial}",
    "WeChat end {serial}": "微信端 {serial}",
    "Recording: {elapsed} s of {total} s": "正在录制：{elapsed} / {total} 秒",
    "Interrupted before the first picture: no clip written.": "还没收到第一帧画面就被中断了：未写出视频片段。",
    "no frame was recorded, so no clip was written.": "没有录到任何帧，因此未写出视频片段。",
    "Recorded {seconds} s ({frames} frames) to {file}.": "已录制 {seconds} 秒（{frames} 帧）到 {file}。",
    "{end} showed no picture within {seconds} seconds. Check that its screen is on and that `camtool devices` "
    "lists it as ready, then try again.":
        "{end} 在 {seconds} 秒内没有画面。请确认其屏幕已点亮，且 `camtool devices` 显示其为就绪，然后重试。",
    "Camera {camera} of {serial}": "{serial} 的摄像头 {camera}",
    # camtool verify --report-clip
    "Record both ends for SECONDS (at most {limit}) after the last check and embed the clip in the report "
    "(about 100 kB a second). Default: no clip.":
        "在最后一次检查后录制两端画面 SECONDS 秒（最多 {limit} 秒），并将视频片段嵌入报告（每秒约 100 kB）。"
        "默认：不录制。",
    "--report-clip goes with --report: the clip is embedded in the report.":
        "--report-clip 需与 --report 一起使用：视频片段嵌入在报告中。",
    "--report-clip needs --serial: it records the devices' screens, not picture files.":
        "--report-clip 需要 --serial：它录制的是设备的屏幕，而不是图片文件。",
    "--report-clip must be more than 0 and at most {limit} seconds.": "--report-clip 必须大于 0 且不超过 {limit} 秒。",
    "--report-clip records the screens of a call; it does not go with --source camera.":
        "--report-clip 录制的是通话两端的屏幕，不能与 --source camera 一起使用。",
    "Recording {seconds} s of the ends for the report...": "正在为报告录制两端画面 {seconds} 秒……",
    "the report has no clip: {reason}": "报告中没有视频片段：{reason}",
    "the recording was interrupted before the first picture.": "录制在第一帧画面之前被中断。",
    "no frame was recorded.": "没有录到任何帧。",
    "Clip": "视频片段",
    "No clip: {reason}": "没有视频片段：{reason}",
    "Both ends for {seconds} s after the last check, as the devices showed them: the device end on the left, "
    "the WeChat end on the right, each labelled with its serial and the time.":
        "最后一次检查后 {seconds} 秒内两端的实际画面：左为设备端，右为微信端，每端都标注序列号和时间。",
    "The device end for {seconds} s after the last check, as the device showed it, labelled with its serial and "
    "the time.":
        "最后一次检查后 {seconds} 秒内设备端的实际画面，标注序列号和时间。",
    "This browser cannot play the embedded MP4 (H.264) clip.": "此浏览器无法播放嵌入的 MP4（H.264）视频片段。",
}
