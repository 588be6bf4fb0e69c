"""File > Board paper…: the cover fields, the paper previewed and printed through Qt, and
saved as PDF, Word or Excel by workbench.reports."""
