"""A reviewed claim's `claim` sentence, written again the way the engines write it.

When a reviewer corrects the source, content, cue or relays and leaves the sentence alone,
the gold must not keep the machine's words ("They said ..." for a claim now credited to
Maria Lopez), and it must not fall back to a formula ("According to Maria Lopez, the call
for a truce") that issue 14 took out of the engines. So the sentence reads like the offline
engine's (engines/offline/sentences.py): who, the cue as a finite verb, then the content,
quoted when the article quotes it. When only the source changed and the old sentence began
with the old source, just that subject is replaced and the rest of the words are kept.
"""

from __future__ import annotations

import re

from ..engines.offline.sentences import ARTICLE, AUXILIARIES, FUNCTION_WORD, IRREGULAR_PAST, PRONOUNS, QUOTE_MARKS, balanced, cap, end
from ..models import Claim


def rewrite(old: Claim, new: Claim, raw: str) -> str:
    """The sentence for `new`, an edit of `old` whose sentence the reviewer did not touch."""
    if _same_except_source(old, new):
        for form in _subject_forms(old):
            rest = old.claim[len(form):]
            if old.claim.lower().startswith(form.lower()) and rest[:1] in (" ", ",", "'", "’"):
                return who(new) + rest
    return build(new, raw)


def build(c: Claim, raw: str) -> str:
    """Who, the cue as a finite verb, the content: "Ann Roe said: "Taxes will rise."" """
    pieces = (c.fragments or {}).get("content")
    content = " ... ".join(p.text for p in pieces) if pieces else c.content.text
    content = " ".join(content.split()).strip(" ,;:")
    before = raw[max(0, c.content.start - 1): c.content.start] if c.content.start is not None else ""
    quoted = bool(before) and before in QUOTE_MARKS or bool(content) and content[0] in QUOTE_MARKS
    verb = _verb(c)
    if quoted:
        body = f'{verb}: "{content.strip(QUOTE_MARKS)}"'
    else:
        content = re.sub(r"^(But|And|So|Yet|However,?)\s+", "", content)
        if FUNCTION_WORD.match(content):
            content = content[:1].lower() + content[1:]
        body = f"{verb} {balanced(content)}"
    relays = [r.name or (r.mention.text if r.mention else "") for r in c.via]
    tail = f", according to {', '.join(r for r in relays if r)}" if any(relays) else ""
    return end(f"{who(c)} {body}{tail}")


def who(c: Claim) -> str:
    """The source as a reader needs it: its name, else its description with an article."""
    src = c.source
    if src.name:
        return cap(src.name)
    text = " ".join((src.descriptor or (src.mention.text if src.mention else "")).split())
    if not text:
        return "An unnamed source"
    if text.lower() in PRONOUNS or ARTICLE.match(text) or text[:1].isupper() or text.endswith("s"):
        return cap(text)
    return ("An " if text[:1].lower() in "aeiou" else "A ") + text


def _verb(c: Claim) -> str:
    """The cue as written when it is already finite ("denied", "has warned", "told"), else "said"."""
    cue = " ".join(c.cue.text.split()) if c.cue else ""
    words = cue.split()
    if not words or cue.lower().startswith("according") or "by" in (w.lower() for w in words):
        return "said"  # no cue, "according to", a passive "was told by": the plain verb keeps the meaning
    first = words[0].lower()
    if first.endswith("ing"):
        return IRREGULAR_PAST.get(first[:-3], "said")  # "saying" -> "said"; other participles lose their tense safely
    if first in AUXILIARIES or first.endswith(("ed", "s")) or first in IRREGULAR_PAST.values():
        return cue
    return "said"


def _same_except_source(old: Claim, new: Claim) -> bool:
    return (old.content.text, old.cue.text if old.cue else None, [r.name for r in old.via]) == \
        (new.content.text, new.cue.text if new.cue else None, [r.name for r in new.via])


def _subject_forms(c: Claim) -> list[str]:
    """Ways the old sentence may open with the old source, longest first."""
    src = c.source
    names = [t for t in (src.name, src.descriptor, src.mention.text if src.mention else None) if t]
    forms = {f"{art}{n}" for n in names for art in ("", "The ", "A ", "An ")}
    return sorted(forms, key=len, reverse=True)
