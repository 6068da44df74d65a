"""Device access over adb (adbutils), parsers of device output, capture sources, apply. No Qt."""
