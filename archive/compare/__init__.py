"""Comparing texts: the reports of one event claim by claim, and reuse across the archive.

``align`` pairs the sentences of several reports of one event (``comparison`` in
``chronology.json``); ``reuse`` finds passages that several articles share
(``api/reuse.json``). Neither imports Pelican.
"""
