"""Plain dataclasses and enums: the plan as users think of it. Standard library only."""
