"""The Qt-free heart: what a correct WMPF camera config is (model, rules, import/export, profiles)."""
