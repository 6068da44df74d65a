"""The camtool window: the only package that imports PySide6."""
