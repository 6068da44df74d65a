"""Chinese for the orientation chart, its detection and `camtool chart`."""

MESSAGES: dict[str, str] = {
    # The chart itself (printed in the current language when a Chinese font is installed)
    "TOP": "顶部",
    "Hold this chart upright in front of the camera, TOP at the top.":
        "将本图卡摆正放在摄像头前，“顶部”朝上。",
    "camtool reads the markers and tells the turn and mirroring of each end.":
        "camtool 识别标记，并给出每一端画面的旋转角度和镜像情况。",
    "camtool orientation chart": "camtool 方向检查图卡",
    # Errors of the chart and detection functions
    "A chart of {width}x{height} pixels is too small; it needs at least 60x60.":
        "{width}x{height} 像素的图卡太小，至少需要 60x60。",
    "Unknown paper size {size}; use one of: {sizes}.": "未知的纸张尺寸 {size}；请使用以下之一：{sizes}。",
    "A resolution of {dpi} dpi is out of range; use 50 to 600.": "分辨率 {dpi} dpi 超出范围；请使用 50 到 600。",
    "A frame must be an image array, not {kind}.": "画面必须是图像数组，而不是 {kind}。",
    "Not an image frame (shape {shape}): expected a gray, BGR or BGRA image of at least 16x16 pixels.":
        "不是图像画面（形状 {shape}）：需要至少 16x16 像素的灰度、BGR 或 BGRA 图像。",
    "A frame must be a gray, BGR or BGRA image, not an array of shape {shape}.":
        "画面必须是灰度、BGR 或 BGRA 图像，而不是形状为 {shape} 的数组。",
    "The rotation must be 0, 90, 180 or 270, not {rotation}.": "旋转角度必须是 0、90、180 或 270，而不是 {rotation}。",
    "The kind of frame must be noise or scene, not {kind}.": "画面类型必须是 noise 或 scene，而不是 {kind}。",
    "The page image must be a gray or BGR image with 8 bits per channel.": "页面图像必须是每通道 8 位的灰度或 BGR 图像。",
    # camtool chart
    "Write the printable orientation chart: ArUco markers, a big TOP and an arrow. "
    "Print it at 100% scale and hold it upright in front of the camera.":
        "输出可打印的方向检查图卡：ArUco 标记、醒目的“顶部”字样和箭头。请按 100% 比例打印，并摆正放在摄像头前。",
    "Where to write the chart: a file name ending in .pdf or .png.": "图卡的输出位置：以 .pdf 或 .png 结尾的文件名。",
    "Paper size (default: a4).": "纸张尺寸（默认：a4）。",
    "camtool chart: {problem}": "camtool chart：{problem}",
    "{file} is a folder. Give a file name inside it, such as {example}.":
        "{file} 是一个文件夹。请给出其中的文件名，例如 {example}。",
    "The chart is written as .pdf or .png; {file} has neither extension. Choose a name such as chart.pdf or chart.png.":
        "图卡只能输出为 .pdf 或 .png；{file} 的扩展名都不是。请使用 chart.pdf 或 chart.png 这样的文件名。",
    "The folder {folder} does not exist. Create it first or choose another place.":
        "文件夹 {folder} 不存在。请先创建它，或选择其他位置。",
    "camtool chart: could not write {file} ({reason}). Check that the folder is writable "
    "and the file is not open in another program.":
        "camtool chart：无法写入 {file}（{reason}）。请检查文件夹是否可写，以及该文件是否被其他程序打开。",
    "Chart written to {file} ({size}). Print it at 100% scale, without fitting to the page.":
        "图卡已写入 {file}（{size}）。请按 100% 比例打印，不要缩放以适应页面。",
    "Letter": "Letter（美式信纸）",
}
