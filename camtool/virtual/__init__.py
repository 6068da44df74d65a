"""The virtual device: an emulated adbd on loopback that the real adb server attaches. No Qt."""
