"""Side panels: the plan summary and the financial drivers."""
