"""Canonical sources across documents: one entity for every spelling, transliteration and
later mention of the same source.

The rule, in the order it is applied (docs/ledger.md says the same for users):

1. Inside one article, a person named by surname only ("Ghaani", "Mikati") takes the full
   name the same article introduced with that surname (a source's name or a capitalised
   name in its text: "Esmail Ghaani"), if exactly one such full name exists there. A
   title-only person ("Head of Iran's Quds Force", "the Iranian general") takes the full
   name whose title in the article (the words just before it, or an appositive after it:
   "The commander of Iran's Quds Force, Ismail Qaani, ...") shares the most words with
   it, if one name scores highest; on a tie, the
   tied name last seen before the mention, if it was seen at least 200 characters after
   any other tied name; otherwise the title stays an entity of its own.
2. Across articles, two full names are one person when their first AND last words have
   the same phonetic key (`names.phonetic`: Ismail / Ismael / Esmail, Qaani / Ghaani) and
   each pair of words is also at least 60% similar by rapidfuzz. Different first names
   never join, so "Donald Trump" and "Ivanka Trump" stay two people.
3. A surname-only person left after step 1 joins a full name from another article only
   if exactly one person in the whole corpus has that surname; otherwise it stays its own
   entity ("Trump"), never guessed.
4. Outlets and organisations join on their normal form (`names.media_name`,
   `names.organization_name`); anonymous sources group by descriptor head and
   affiliation (`names.descriptor_group`), never into one "anonymous".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from .names import (descriptor_group, fold, media_name, name_words, organization_name, phonetic,
                    surname_key, title_stems)

MIN_SIMILARITY = 60
NEAREST_GAP = 200  # characters by which the nearest fitting name must beat the next one
_BACK_REFERENCE = re.compile(r"^(?:the )?(?:same |said |aforementioned )?"
                             r"(?:agency|news agency|newspaper|paper|channel|outlet|network|broadcaster|daily|station|website)$")


@dataclass
class Entity:
    key: str
    type: str
    names: Counter = field(default_factory=Counter)  # full-name spellings (for the display name)
    variants: Counter = field(default_factory=Counter)  # how the source was written, as a source
    text_names: Counter = field(default_factory=Counter)  # spellings seen in article text
    roles: Counter = field(default_factory=Counter)
    claims: list[int] = field(default_factory=list)
    relay_names: Counter = field(default_factory=Counter)  # how it was written as a relay
    head: str | None = None

    @property
    def name(self) -> str:
        if self.names:
            return self.names.most_common(1)[0][0]
        for seen in (self.variants, self.relay_names):
            if seen:
                return seen.most_common(1)[0][0]
        return self.key

    def all_variants(self) -> Counter:
        out = Counter(self.variants)
        for k, v in self.text_names.items():
            out[k] += v if k not in out else 0
        return out


@lru_cache(maxsize=1 << 18)
def _words(text: str) -> frozenset[str]:
    return frozenset(title_stems(text).split())


@lru_cache(maxsize=1 << 18)
def _full_key(name: str) -> tuple[str, str] | None:
    words = name_words(name)
    if len(words) < 2:
        return None
    return phonetic(words[0]), phonetic(words[-1])


@lru_cache(maxsize=1 << 18)
def same_person(a: str, b: str) -> bool:
    """Rule 2: first and last words agree by phonetic key and by rapidfuzz similarity."""
    wa, wb = name_words(a), name_words(b)
    if len(wa) < 2 or len(wb) < 2:
        return False
    if _full_key(a) != _full_key(b):
        return False
    return all(fuzz.ratio(fold(x), fold(y)) >= MIN_SIMILARITY for x, y in ((wa[0], wb[0]), (wa[-1], wb[-1])))


def _unique_full(candidates: list[str]) -> str | None:
    """The one person among `candidates` (spellings of one person count once), or None."""
    people: list[str] = []
    for c in candidates:
        if not any(same_person(c, p) for p in people):
            people.append(c)
    return people[0] if len(people) == 1 else None


def resolve_in_article(name: str | None, mention: str | None, role: str | None,
                       doc_names: list[dict[str, Any]], doc_sources: list[str], at: int | None = None) -> tuple[str, str]:
    """Rule 1 for one person source: ("full", name), ("surname", word) or ("title", text)."""
    words = name_words(name or "")
    if len(words) >= 2:
        return "full", " ".join(words)
    fulls = [n for n in doc_sources if len(name_words(n)) >= 2] + [d["name"] for d in doc_names]
    if len(words) == 1 and not _looks_like_title(words[0]):
        key = phonetic(words[0])
        same = [f for f in fulls if surname_key(f) == key
                and fuzz.ratio(fold(name_words(f)[-1]), fold(words[0])) >= MIN_SIMILARITY]
        found = _unique_full(same)
        return ("full", found) if found else ("surname", words[0])
    title = role or (name if name and _looks_like_title(name) else None) or mention or name or ""
    wanted = _words(title)
    if wanted:
        scores = [(len(wanted.intersection(d["title"].split())), d) for d in doc_names]
        best = max((s for s, _ in scores), default=0)
        tied = [d for s, d in scores if s == best and best > 0]
        if len(tied) > 1 and at is not None:  # a later title refers back: the nearest name before it,
            # unless another fitting name is almost as near ("Mayor Lee met Mayor Kay. The mayor said")
            before = sorted(((max((p for p in d.get("at", []) if p < at), default=-1), d) for d in tied),
                            key=lambda pd: -pd[0])
            clear = before[0][0] >= 0 and before[0][0] - before[1][0] >= NEAREST_GAP
            tied = [before[0][1]] if clear else []
        if len(tied) == 1:
            return "full", tied[0]["name"]
    return "title", re.sub(r"^(the|a|an)\s+", "", " ".join(title.split()), flags=re.I) or "person"


@lru_cache(maxsize=1 << 18)
def _looks_like_title(word: str) -> bool:
    from .names import TITLE_WORDS

    return fold(word).strip(".") in TITLE_WORDS


class _LazyNames:
    """An article's introduced names (the index's JSON), parsed on first use."""

    __slots__ = ("text", "_parsed")

    def __init__(self, text: str) -> None:
        self.text, self._parsed = text, None

    def __iter__(self):
        if self._parsed is None:
            self._parsed = _parse_names(self.text)
        return iter(self._parsed)


@lru_cache(maxsize=4096)  # a corpus republishes articles; parsing is the cost, not the lookup
def _parse_names(text: str) -> list[dict[str, Any]]:
    import json

    return json.loads(text)


class Canonicalizer:
    """Collects source mentions article by article, then `finish()` joins them across the
    corpus (rules 2 and 3) and returns the entities."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.person_keys: dict[tuple[str, str], list[str]] = {}  # full key -> entity keys
        self.pending: list[tuple[str, str, int, str, str | None]] = []  # surname-only: (word, variant, claim, doc, role)
        self.claim_entity: dict[int, str] = {}
        self.relay_entities: dict[int, list[str]] = {}
        self.doc_names: list[list[dict[str, Any]]] = []
        self._memo: dict[tuple, tuple[str | None, Entity | None, str]] = {}

    def _entity(self, key: str, type_: str) -> Entity:
        ent = self.entities.get(key)
        if ent is None:
            ent = self.entities[key] = Entity(key=key, type=type_)
        return ent

    def _person(self, full: str) -> Entity:
        fk = _full_key(full)
        for key in self.person_keys.get(fk, []):  # type: ignore[arg-type]
            if any(same_person(full, n) for n in self.entities[key].names):
                return self.entities[key]
        key = f"person:{fold(full)}"
        self.person_keys.setdefault(fk, []).append(key)  # type: ignore[arg-type]
        return self._entity(key, "person")

    def _resolve(self, type_: str, name: str | None, mention: str | None, descriptor: str | None,
                 role: str | None, names: list[dict[str, Any]], sources: list[str],
                 at: int | None = None) -> tuple[str | None, Entity | None]:
        """The entity of one source or relay; (surname, None) when it must wait for rule 3.

        What does not depend on the article (outlets, organisations, descriptors, full
        names) is remembered by its fields: a large corpus names the same sources again."""
        if type_ != "person":
            memo = (type_, name, mention, descriptor)
        elif name and len(name_words(name)) >= 2:
            memo = (type_, name, None, None)
        else:
            memo = None
        hit = self._memo.get(memo) if memo else None
        if hit is None:
            hit = self._resolve_new(type_, name, mention, descriptor, role, names, sources, at)
            if memo and hit[1] is not None:
                self._memo[memo] = hit
        wait, ent, shown = hit
        if ent is not None:
            ent.names[shown] += 1
        return wait, ent

    def _resolve_new(self, type_: str, name: str | None, mention: str | None, descriptor: str | None,
                     role: str | None, names: list[dict[str, Any]], sources: list[str],
                     at: int | None) -> tuple[str | None, Entity | None, str]:
        if type_ == "person":
            kind, value = resolve_in_article(name, mention, role, names, sources, at)
            if kind == "full":
                return None, self._person(value), value
            if kind == "surname":
                return value, None, value
            return None, self._entity(f"title:{fold(value)}", "person"), value
        if type_ == "anonymous":
            head, label = descriptor_group(descriptor or mention or "source")
            ent = self._entity(f"anonymous:{fold(label)}", "anonymous")
            ent.head = head
            return None, ent, label
        if type_ in ("media", "organization"):
            plain = (media_name if type_ == "media" else organization_name)(name or mention or "")
            return None, self._entity(f"{type_}:{fold(plain)}", type_), plain
        return None, self._entity("unattributed", "unattributed"), "(unattributed)"

    def add_document(self, doc_names: list[dict[str, Any]] | str, claims: list[dict[str, Any]],
                     keep_names: bool = True) -> None:
        """All claims of one article (dicts with the ledger_claims columns, `via` parsed).

        `doc_names` may be the index's JSON text: it is parsed only if a person in the
        article is named by surname or title alone (most articles need no parse). With
        `keep_names=False` the caller gives `finish` the corpus's name counts itself."""
        if isinstance(doc_names, str):
            doc_names = _LazyNames(doc_names)  # type: ignore[assignment]
        if keep_names:
            self.doc_names.append([{"name": d["name"], "count": d["count"]} for d in doc_names])
        sources = [c["source_name"] for c in claims if c["source_type"] == "person" and c["source_name"]]
        last_media: Entity | None = None
        for c in claims:
            variant = c["mention"] or c["source_name"] or c["descriptor"] or "(unattributed)"
            wait, ent = self._resolve(c["source_type"], c["source_name"], c["mention"], c["descriptor"], c["role"],
                                      doc_names, sources, c.get("mention_start"))
            if ent is None:
                self.pending.append((wait or "", variant, c["id"], c["doc_id"], c["role"]))
            else:
                self._attach(ent, c["id"], variant, c["role"])
            relays = []
            for v in c["via"]:
                if v["type"] == "media" and last_media and _BACK_REFERENCE.match(fold(v["name"] or "")):
                    relays.append(last_media.key)  # "revealed to the same agency": the outlet named before
                    last_media.relay_names[last_media.name] += 1
                    continue
                _, rent = self._resolve(v["type"], v["name"], v["name"], v["name"], None, doc_names, sources)
                if rent is not None and v["type"] == "media":
                    last_media = rent
                if rent is None:  # a surname-only relay: kept by the word itself
                    rent = self._entity(f"surname:{fold(v['name'] or '')}", "person")
                rent.relay_names[v["name"] or "?"] += 1
                relays.append(rent.key)
            if relays:
                self.relay_entities[c["id"]] = relays

    def _attach(self, ent: Entity, claim: int, variant: str, role: str | None) -> None:
        ent.claims.append(claim)
        ent.variants[variant] += 1
        if role:
            ent.roles[role] += 1
        self.claim_entity[claim] = ent.key

    def finish(self, text_names: Counter | None = None) -> dict[str, Entity]:
        """Rule 3, then the spellings seen in article text for every person who is a source
        (`text_names`: name -> times in all articles; else from the articles added)."""
        by_surname: dict[str, set[str]] = {}
        for fk, keys in self.person_keys.items():
            by_surname.setdefault(fk[1], set()).update(keys)
        for word, variant, claim, _doc, role in self.pending:
            keys = [k for k in by_surname.get(phonetic(word), ())
                    if any(fuzz.ratio(fold(name_words(n)[-1]), fold(word)) >= MIN_SIMILARITY
                           for n in self.entities[k].names)]
            ent = self.entities[keys[0]] if len(keys) == 1 else self._entity(f"surname:{fold(word)}", "person")
            if len(keys) != 1:
                ent.names[word] += 0
            self._attach(ent, claim, variant, role)
        if text_names is None:
            text_names = Counter()
            for names in self.doc_names:
                for d in names:
                    text_names[d["name"]] += d["count"]
        for name, count in text_names.items():  # each spelling once, however many articles use it
            fk = _full_key(name)
            for key in self.person_keys.get(fk, []) if fk else []:
                ent = self.entities[key]
                if ent.claims and any(same_person(name, n) for n in ent.names):
                    ent.text_names[name] += count
                    break
        for ent in self.entities.values():  # the display name: the spelling seen in the most places
            for n, c in ent.text_names.items():
                ent.names[n] += c
        return self.entities
