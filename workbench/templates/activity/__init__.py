"""The Activity Plan template: lines (the Activity Plan sheet to and from activity lines),
lines_edit (those lines as one edit), kept_sheets (Trajectories, Joint Plan and the Cover
as figures and kept values)."""
