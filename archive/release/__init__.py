"""Releases: built, checked, marked good, then switched live in one step (``invoke publish``)."""
