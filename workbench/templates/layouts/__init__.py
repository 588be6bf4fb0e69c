"""One module per NHSE template: its sheets, input cells, lists and checks (see spec.py)."""
