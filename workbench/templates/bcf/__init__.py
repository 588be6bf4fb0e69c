"""The Better Care Fund template: fill_and_read (the plan's non-elective metric and its
kept values, both ways)."""
