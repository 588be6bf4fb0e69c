"""The activity plan page."""
