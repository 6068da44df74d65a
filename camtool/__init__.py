"""camtool: see, choose, check and export the camera keys of WMPF's initGlobalConfig."""

__version__ = "0.1.0"
