"""Plain-Python logic of the briefing archive.

Nothing in this package imports Pelican: the plugins in ``plugins/`` wire these
modules into Pelican's signals, and the tests exercise them on their own.
"""
