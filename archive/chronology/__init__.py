"""The chronology: cue words, clauses, reports, participants, merging, corrections, outputs.

The data path: a sentence is cut into clauses (``clauses``), cue words
(``cues``) say what happened, ``participants`` who took part, ``reports`` makes a
report of each; ``merge`` makes events of the reports, ``corrections`` applies
the editors' corrections, ``pages`` and ``icalendar`` show the result.
"""
