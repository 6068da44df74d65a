"""Exit codes every camtool command shares (docs/architecture.md, Exit codes); scripts depend on them."""

OK = 0
#: The answer is "no": error findings, a failed check, no chart visible, the device refused.
NO = 1
#: The command line itself is wrong (argparse uses 2 as well).
USAGE = 2
#: adb or the device is unavailable: no adb, no such serial, offline, unauthorized.
UNAVAILABLE = 3
#: camtool itself failed (a bug): one line on stderr, the traceback with --debug.
INTERNAL = 70
