"""Which gold attributions are in the speech/reporting-cue subset.

Its own module because the subset is a definition (a word list and its inflections),
not scoring arithmetic: scorers and the calibration script ask it, and it changes when
the guideline's idea of "speech" does, not when the metrics do.
"""

from __future__ import annotations

import re

# A gold attribution is in the speech subset when its cue contains "according to" or a
# form of one of these lemmas (any word of the cue: "has said", "told reporters", "said
# in a statement"). Beliefs, intentions and actions ("wants", "believes", "plans") and
# punctuation-only cues (":" or a dash before a quote) are outside the subset.
SPEECH_LEMMAS = (
    "say", "tell", "report", "add", "note", "write", "announce", "state", "explain", "claim",
    "declare", "insist", "argue", "assert", "confirm", "deny", "reveal", "warn", "tweet",
    "post", "comment", "remark", "mention", "reply", "respond", "answer", "acknowledge",
    "admit", "ask", "quote", "cite", "recall", "describe", "emphasize", "stress", "suggest",
    "predict", "promise", "pledge", "vow", "urge", "call", "repeat", "reiterate",
    "speak", "testify", "disclose", "inform", "brief", "allege", "maintain", "contend",
    "concede", "complain", "boast", "joke", "charge", "counter", "observe", "point",
    "underscore", "tout", "blast", "criticize", "accuse", "praise", "refute", "outline",
    "express",
)
_IRREGULAR = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"),
    "speak": ("spoke", "spoken"), "tweet": ("tweeted",),
}
_PHRASES = ("according to",)


def inflections(lemma: str) -> set[str]:
    """Regular English verb forms of a lemma, plus listed irregular ones."""
    forms = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ied", lemma + "ing"}
    else:
        forms |= {lemma + "ed", lemma + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgmnprt]$", lemma):  # both spellings: stress is unknown
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # admit -> admitted
    forms |= set(_IRREGULAR.get(lemma, ()))
    return forms


SPEECH_FORMS = frozenset(f for lemma in SPEECH_LEMMAS for f in inflections(lemma))


def cue_is_speech(cue: str | None) -> bool:
    if not cue:
        return False
    low = cue.lower()
    return any(p in low for p in _PHRASES) or any(w in SPEECH_FORMS for w in re.findall(r"[a-z]+", low))
