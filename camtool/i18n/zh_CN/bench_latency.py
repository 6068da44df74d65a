"""Chinese for `camtool bench`'s ceilings and added latency (issue 14)."""

MESSAGES: dict[str, str] = {
    "    ceiling, decode + colour conversion: {fps} frames/s (p95 {ms} ms per frame); decode alone: "
    "{decode_fps} frames/s (p95 {decode_ms} ms)":
        "    上限，解码 + 颜色转换：{fps} 帧/秒（每帧 p95 {ms} 毫秒）；仅解码：{decode_fps} 帧/秒（p95 {decode_ms} 毫秒）",
    "    keeps up (delivered >= 90% of the slower of rendered and ceiling): {answer}":
        "    跟得上（交付帧率 >= 渲染帧率与上限中较低者的 90%）：{answer}",
    "    added latency, last byte arrived to frame ready p50 / p95 / max: {latency}":
        "    附加延迟（从一帧的最后一个字节到达，到该帧可以绘制）p50 / p95 / 最大：{latency}",
    "yes": "是",
    "no": "否",
}
