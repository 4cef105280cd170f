"""Quotations: finding them in a paragraph and carrying them across sentences and paragraphs.

A quotation is found from its marks alone (straight, curly, mis-typed, or two
apostrophes), so it can be attached to a cue before or after it, widened to a content
that reaches into it, and followed when it runs on past the cue ('"We're close," said
Kirby. "The discussions ... were constructive."') or into the next paragraph.
"""

from __future__ import annotations

import re
from typing import Any

from .records import Found
from .spans import QUOTE_CHARS, trim


def find_quotations(text: str, base: int) -> list[tuple[int, int]]:
    """Inner [start, end) of each double-quoted stretch in a paragraph (raw offsets).

    A quote mark after a space or at the start opens, otherwise it closes. This copes
    with straight quotes and with mis-typed curly ones (” used to open).
    """
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    # Some wires type a double quote as two apostrophes (''like this''): read it as one
    # mark of width two, without changing any offset.
    text = text.replace("''", "\"\x00").replace("``", "\"\x00")
    for i, ch in enumerate(text):
        if ch not in QUOTE_CHARS:
            continue
        width = 2 if text[i + 1 : i + 2] == "\x00" else 1
        prev = text[i - 1] if i else " "
        opening = prev.isspace() or prev in "([{—–-:" or i == 0
        after = text[i + width : i + width + 1]
        if opening and open_at is not None and ch in "\"" and (not after or after.isspace() or after in ".,;:!?)"):
            # "''Readers pushed back on 'The Long Road,'  '' the author noted": a mark after
            # a space that is followed by a space closes the open quote.
            opening = False
        if ch == "“" or ch == "„" or ch == "«":
            opening = True
        if ch == "”" or ch == "»":
            opening = opening and open_at is None
        if opening and open_at is None:
            open_at = i + width
        elif open_at is not None and not opening:
            out.append((base + open_at, base + i))
            open_at = None
        elif opening:
            open_at = i + width
    if open_at is not None and len(text) - open_at > 20:
        out.append((base + open_at, base + len(text)))  # continues in the next paragraph
    return out


def quote_before(raw: str, at: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation that ends just before `at` (only spaces and punctuation between)."""
    for qs, qe in quotes:
        if 0 <= at - qe <= 6 and not raw[qe:at].strip(" \u00a0\t\"”“'’,.\n"):
            return qs, qe
    return None


def extend_with_quotes(raw: str, f: Found, quotes: list[tuple[int, int]]) -> None:
    """A content that reaches into a quotation takes the whole quotation (multi-sentence quotes)."""
    cs, ce = f.content
    cue = f.cue or (ce, ce)
    for qs, qe in quotes:
        if qs < ce and cs < qe and not (qs <= cue[0] < qe):
            qs2, qe2 = trim(raw, qs, qe, drop_that=False)
            f.quote = (qs2, qe2)
            cs, ce = min(cs, qs2), max(ce, qe2)
            if f.source is not None and cs <= f.source.start < ce:
                cs, ce = f.content  # never swallow the source
    f.content = trim(raw, cs, ce)


def continue_quotes(state: Any, quotes: list[tuple[int, int]]) -> None:
    """A quotation that carries on after the cue belongs to the same speaker.

    '"We're close," said Kirby. "The discussions ... were constructive."' and a quote
    running on into the next paragraph are one attribution whose content covers every
    piece (listed in `fragments`). Only the cue clause may stand between the pieces.
    """
    speaker = state.last_quote_speaker
    if speaker is None or speaker.source is None or not state.found or not ends_with(state.found, speaker):
        return
    for qs, qe in quotes:
        end = speaker.content[1]
        if qs < end:
            continue
        if any(f is not speaker and f.content[0] < qe and qs < f.content[1] for f in state.found):
            continue
        gap = state.raw[end : qs - 1]
        cue = state.raw[speaker.cue[0] : speaker.cue[1]] if speaker.cue else ""
        src = speaker.source.text
        holds_cue = end <= speaker.source.start < qs
        rest = gap.replace(src, " ").replace(cue, " ") if holds_cue else gap
        # The cue clause may carry the source's relative clause ("said a member who ...").
        if len(re.findall(r"\w+", rest)) > (25 if holds_cue else 8) or len(gap) > 250:
            return  # the author's own words come between: the quote chain ends
        if any(end <= at < qs and not SENTENCE_END.search(state.raw, at, qs) for at in state.cue_participles):
            return  # '"...," the engineer said, mentioning the report is "...": a second cue starts its own claim
        if "\n" in gap and not left_open(state.raw, end):
            return  # the last piece closed its quote: a new paragraph starts a new quotation
        cs, ce = trim(state.raw, qs, qe, drop_that=False)
        if ce - cs < 2:
            continue
        if not speaker.pieces:
            speaker.pieces = [speaker.content]
        speaker.pieces.append((cs, ce))
        speaker.content = (speaker.content[0], ce)
        speaker.quote = None


# A sentence ends between two offsets: '..., noting the club had two games left. "We ...'
SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")


def ends_with(found: list[Found], speaker: Found) -> bool:
    """Is `speaker` the last attribution read, but for the participles of its own cue clause
    ('"...," Lind said, noting the club had two games left. "..."': the quotation still goes on)?"""
    at = next((i for i in range(len(found) - 1, -1, -1) if found[i] is speaker), None)
    if at is None:
        return False
    src = speaker.source
    return all(f.source is not None and src is not None and (f.source.start, f.source.end) == (src.start, src.end)
               and f.cue is not None and f.cue[0] > speaker.content[1] and f.quote is None for f in found[at + 1 :])


def left_open(raw: str, end: int) -> bool:
    """Journalists leave a quote unclosed when it goes on in the next paragraph."""
    rest = raw[end : raw.find("\n", end) if "\n" in raw[end:] else len(raw)]
    return not any(q in rest for q in QUOTE_CHARS) and "''" not in rest
