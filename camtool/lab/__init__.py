"""Lab runs: many stations (device + phone + config) checked at once, with CI output (issue 16)."""
