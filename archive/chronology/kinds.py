"""The kinds of event the chronology knows, and what each needs.

Kinds
    ``call`` (a phone or video call), ``meeting`` (talks, a meeting, a dialogue,
    a delegation hosted; the medium unstated), ``summit`` (leaders of a group,
    also virtually), ``statement`` (a briefing, remarks, a statement, a press
    conference: an explicit cue, never a plain "said"), ``takeover`` (power
    seized, a government overthrown, a city captured). One report per cue.
"""

from __future__ import annotations

KIND_LABELS = {
    "call": "Phone call",
    "summit": "Summit",
    "meeting": "Talks",
    "statement": "Statement",
    "takeover": "Takeover",
}
KINDS = tuple(KIND_LABELS)
CONVERSATIONS = ("call", "summit", "meeting")  # one occasion takes the first of these
MINIMUM_PARTICIPANTS = {"call": 2, "meeting": 2, "summit": 1, "statement": 1, "takeover": 1}
