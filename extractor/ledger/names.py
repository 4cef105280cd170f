"""Names as the ledger compares them: titles stripped from a name, a small phonetic key for
transliterated names, and normal forms for outlets, organisations and anonymous
descriptors.

Why a key of our own rather than Soundex/Metaphone: those are tuned to English
spellings; Arabic and Persian names reach English through several romanisations whose
differences are vowels (Ismail / Ismael / Esmail), q / gh / g / k for one letter (Qaani /
Ghaani) and doubled letters. The key keeps the consonant skeleton and folds exactly those
alternations; `canonical.py` then also asks rapidfuzz for a minimum similarity, so the
key never joins two names on its own.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..engines.offline.lexicon import COUNTRIES, MEDIA_HEADS, MEDIA_NAMES, ORGANIZATION_HEADS, TITLE_HEADS

# Words that open a title before a name ("Lebanese Prime Minister Najib Mikati").
TITLE_WORDS = TITLE_HEADS | frozenset("""
prime vice deputy foreign defense defence interior finance state national security former
then-hezbollah acting caretaker senior special sheikh sayyed sayyid ayatollah imam pope
mr mrs ms dr sir lord lady pm gen lt col capt sgt rep sen gov prof judge justice
justice chancellor emperor sultan emir crown first lady minister's officer official
""".split())
DEMONYMS = frozenset("""
american british french german russian chinese iranian iraqi israeli lebanese syrian
palestinian saudi egyptian turkish ukrainian european western arab kurdish shiite sunni
sadrist jordanian qatari emirati yemeni afghan pakistani indian japanese korean un u.s. us
""".split())
# Capitalised words that start a sentence or name a time, never a first name.
_NOT_NAMES = frozenset("""
the a an in on at of for and but or as by with from to this that these those it its his her
their our we they he she monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december
""".split())
_PARTICLES = re.compile(r"^(?:al|el)-", re.I)
_GENERIC_MEDIA = frozenset("agency news-agency tv television channel newspaper daily network radio website".split())
_COUNTRY_ALIASES = {"us": "United States", "u.s.": "United States", "usa": "United States", "america": "United States",
                    "united states": "United States", "uk": "United Kingdom", "u.k.": "United Kingdom",
                    "britain": "United Kingdom", "united kingdom": "United Kingdom", "un": "United Nations",
                    "u.n.": "United Nations", "united nations": "United Nations"}
_DETERMINERS = frozenset("a an the this that these those some two three four several many other another both one "
                         "more most few each any".split())


@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Lowercase, accents off, curly apostrophes straight, spaces single."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).replace("’", "'").replace("‘", "'")
    return " ".join(text.lower().split())


@lru_cache(maxsize=1 << 18)
def _is_title_word(word: str) -> bool:
    w = fold(word).strip("'.,")
    if w.endswith("'s"):
        w = w[:-2]
    return w in TITLE_WORDS or w in DEMONYMS or w in COUNTRIES


@lru_cache(maxsize=1 << 18)
def strip_titles(run: str) -> str | None:
    """"Lebanese Prime Minister Najib Mikati" -> "Najib Mikati"; None unless at least two
    name words remain and the run does not look like an institution or an outlet."""
    words = [re.sub(r"[’']s$", "", w) for w in run.split()]
    # An institution's name before the person's ("Iran's Quds Force Esmail Ghaani"): the
    # person's name starts after its head word.
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if fold(w) in ORGANIZATION_HEADS), default=0)
    words = words[cut:]
    while words and (_is_title_word(words[0]) or fold(words[0]) in _NOT_NAMES):
        words = words[1:]
    if len(words) < 2:
        return None
    last = fold(words[-1]).strip("'")
    if last in ORGANIZATION_HEADS or last in MEDIA_HEADS or any(fold(w) in _NOT_NAMES for w in words):
        return None
    if fold(" ".join(words)) in MEDIA_NAMES or any(fold(w) in COUNTRIES or fold(w).split("-")[0] in COUNTRIES
                                                   for w in words):
        return None
    return " ".join(w.rstrip("’'") for w in words)


@lru_cache(maxsize=1 << 18)
def phonetic(word: str) -> str:
    """The consonant skeleton of one name word: Qaani, Ghaani -> "kn"; Ismail, Ismael,
    Esmail -> "sml"; Mohammed, Muhammad -> "mhmd". al-/el- prefixes are dropped."""
    w = _PARTICLES.sub("", fold(word))
    w = re.sub(r"[^a-z]", "", w)
    for a, b in (("kh", "h"), ("gh", "k"), ("ph", "f"), ("th", "t"), ("sh", "s"), ("ch", "s"), ("dh", "d"),
                 ("q", "k"), ("g", "k"), ("c", "k"), ("z", "s"), ("w", "v"), ("y", "")):
        w = w.replace(a, b)
    w = re.sub(r"[aeiou]", "", w)
    return re.sub(r"(.)\1+", r"\1", w)


@lru_cache(maxsize=1 << 18)
def name_words(name: str) -> tuple[str, ...]:
    """The words of a person's name without titles, possessives or particles-only words."""
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    while len(words) > 1 and _is_title_word(words[0]):
        words = words[1:]
    return tuple(re.sub(r"['’]s$", "", w).strip("’'.,") for w in words if w.strip("’'.,"))


@lru_cache(maxsize=1 << 18)
def surname_key(name: str) -> str:
    words = name_words(name)
    return phonetic(words[-1]) if words else ""


@lru_cache(maxsize=1 << 18)
def media_name(name: str) -> str:
    """"the New York Times" -> "New York Times"; "Lebanon's Al-Manar TV" -> "Al-Manar TV";
    "Shafaq News agency" -> "Shafaq News". Known outlets keep their own spelling."""
    words = name.replace("“", "").replace("”", "").replace('"', "").split()
    if words and fold(words[0]) == "the":
        words = words[1:]
    if len(words) > 1 and re.search(r"['’]s$", words[0]) and fold(words[0])[:-2] in COUNTRIES:
        words = words[1:]
    while len(words) > 1 and fold(words[-1]) in _GENERIC_MEDIA and fold(" ".join(words[:-1])) in MEDIA_NAMES:
        words = words[:-1]
    return " ".join(words)


@lru_cache(maxsize=1 << 18)
def organization_name(name: str) -> str:
    """Countries and blocs by one name ("US", "the U.S." -> "United States"); otherwise the
    name without a leading "the"."""
    words = name.split()
    if words and fold(words[0]) == "the":
        words = words[1:]
    plain = " ".join(words)
    return _COUNTRY_ALIASES.get(fold(plain), plain)


@lru_cache(maxsize=1 << 18)
def descriptor_group(descriptor: str) -> tuple[str, str]:
    """(head, label) of an anonymous descriptor: counts, articles and "other" dropped, the
    first of coordinated descriptors kept, the head noun singular. "Other informed
    sources" -> ("source", "informed source"); "Circles close to the factions" ->
    ("circle", "circle close to the factions")."""
    from ..engines.offline.lexicon import ANONYMOUS_HEADS

    text = " ".join(descriptor.replace("’", "'").split())
    text = re.split(r"\s+and\s+(?:a|an|the|another)\s+", text, flags=re.I)[0]
    text = re.sub(r"^(?:one|some|many|most|each|any|all|none|two|three|several)\s+of\s+", "", text, flags=re.I)
    words = text.split()
    head_at = next((i for i, w in enumerate(words) if fold(w) in ANONYMOUS_HEADS), None)
    lead = head_at if head_at is not None else len(words)
    # counts, articles and "other" go only before the head: "close to the factions" keeps its "the"
    words = [w for i, w in enumerate(words) if i >= lead or (fold(w) not in _DETERMINERS and not w.isdigit())]
    head_at = next((i for i, w in enumerate(words) if fold(w) in ANONYMOUS_HEADS), None)
    if head_at is None:
        return (fold(words[-1]) if words else "source"), " ".join(words) or "source"
    head = _singular(fold(words[head_at]))
    words[head_at] = head
    return head, " ".join(words)


_STOP = frozenset("the a an of in on at to for and said his her its their as by with from".split())


def title_stems(text: str) -> str:
    """The content words of a title as 4-letter stems, space-separated and deduplicated
    ("Head of Iran's Quds Force" -> "head iran quds forc"; "Iranian" -> "iran")."""
    return " ".join(dict.fromkeys(w[:4] for w in re.findall(r"[a-z]+", fold(text)) if w not in _STOP and len(w) > 2))


def _singular(word: str) -> str:
    if word in {"people"}:
        return "person"
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
