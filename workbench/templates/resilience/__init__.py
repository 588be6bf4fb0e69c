"""The SRG operational resilience template: fill_and_read (the plan's figures and its kept
values, both ways)."""
