"""What an import says: findings (each Problem, Warning or note with its file, sheet and
cell) and the preview of the rows it would add, change, rename and remove."""
