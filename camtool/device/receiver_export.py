"""Importing this module adds the "kotlin-receiver" export format (the config layer's CLI imports it).

The config layer never imports the device layer at module level; its `export` command loads
the format providers it knows by name, and this is the device layer's one.
"""

from camtool.device.receiver import register_export_format

register_export_format()
