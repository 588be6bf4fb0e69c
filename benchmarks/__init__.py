"""Benchmarks of the large plan: `python benchmarks/run.py` (see README.md)."""
