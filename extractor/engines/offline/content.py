"""What was said: the reported clause or noun phrase of a cue, as rule families.

Each family recognises one construction ("X said that ...", "..., X said.",
"In the long run, X said, ...", "asked the choir to sing", "told Reuters: ...") and
returns the content tokens with the name of the construction (`how`, which later steps
read), or `None` when the construction is not there. `content_tokens` asks them in the
order of `CONTENT_RULES`; the first answer wins, and an empty answer (`NOTHING`) means
"this cue reports nothing here" and stops the search. Order matters: a family placed
earlier shadows the ones after it. To add a construction, write a family with its
example (here for clauses, in content_objects.py for objects, questions and what follows
a colon or quotation mark) and put it in `CONTENT_RULES` where it must win.
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Span as TokSpan, Token

from . import lexicon as lx
from .content_objects import (after_a_colon, aside_before_quote, opens_quotation, asked_question, content_noun_clause, instruction, light_verb_object,
                              next_paragraph, passive_with_agent, passive_with_complement, quotation_right_after,
                              clause_read_as_object, said_object, speech_act_object)
from .acts import ACT_CONTENT_RULES, issued_act
from .content_ends import content_end
from .cues import is_cue_verb
from .evidence import evidence_finding
from .phrases import (NOTHING, Answer, Cue, before_a_rival_claim, clause_tokens, lost_subject_with_aside, main_clause_after,
                      near_cue, object_relative_tokens, opens_with_adverbial,
                      read_cue, rival_conjunct, reason_after, sentence_final_cue)
from .spans import aside_cut
from .subjects import surface_subject
from .unsourced import agentless_report
from .syntax import (after_quote, aside_left, has_subject, is_parenthetical, is_trailing, is_trailing_shape, own_subject,
                     starts_with_wh)


# ---- relative clauses around the cue ------------------------------------------------------


def relative_clause(c: Cue) -> Answer | None:
    """"a wall, which he said Mexico should pay for": the relative pronoun and the clause
    after the cue are the content (PolNeAR and our guideline take the covering span). The
    parser may hang the pronoun on the cue itself: "a fund that auditors said was used
    for ...", where the clause after the cue has no subject of its own."""
    verb, wh, subject, after = c.verb, c.wh, c.subject, c.after
    hung_on_cue = wh.head.i == verb.i and bool(after) and not has_subject(after[0])
    if wh.tag_ in ("WP", "WDT") and wh.lower_ in ("which", "that", "who", "whom") and (wh.head.i != verb.i or hung_on_cue) \
            and subject is not None and wh.i < subject.i:
        return list(verb.doc[wh.i : verb.right_edge.i + 1]), "relative"
    return None


def what_was(c: Cue) -> Answer | None:
    """"in what observers said was a sign that ...": "what" is the subject of the reported
    clause, so its predicate after the cue is the content."""
    wh, subject, after = c.wh, c.subject, c.after
    if wh.lower_ == "what" and wh.dep_ in ("nsubj", "nsubjpass") and subject is not None and wh.i < subject.i \
            and after and wh.head.i == after[0].i:
        return clause_tokens(after[0]), "what"
    return None


def relative_object(c: Cue) -> Answer | None:
    """"a rocket strike ..., which Israel and the United States blamed on Hezbollah": the
    antecedent and the phrase after the cue."""
    toks = object_relative_tokens(c.verb, c.wh, c.subject)
    return (toks, "relative_object") if toks else None


def content_outside(c: Cue) -> Answer | None:
    """Any other relative or "what" clause: "in what observers said was ...", "the plan
    which she said ...": the content is outside the cue clause, so nothing here."""
    wh = c.wh
    if (wh.tag_ in ("WP", "WDT") and wh.dep_ not in ("nsubj", "nsubjpass")) or c.verb.doc[max(wh.i - 1, 0)].lower_ == "what":
        return NOTHING
    return None


# ---- a clause before the cue ----------------------------------------------------------------


def trailing_after_conjunct(c: Cue) -> Answer | None:
    """"X visited Baghdad ..., and said Tehran had nothing to do with it, two politicians
    said": X's own statement is X's; what the trailing cue adds is the first conjunct."""
    verb, before, outer = c.verb, c.before, c.verb.head
    if before and verb.dep_ == "ccomp" and outer.i < before[0].i and is_cue_verb(outer) \
            and own_subject(outer) is None and outer.dep_ == "conj" and is_trailing_shape(verb, before[0]):
        first = outer.head
        cc = min((x.i for x in first.children if x.dep_ in ("cc", "punct") and first.i < x.i < outer.i), default=outer.i)
        toks = [t for t in c.sent if first.left_edge.i <= t.i < cc]
        return (toks, "trailing") if toks else NOTHING
    return None


def inverted(c: Cue) -> Answer | None:
    """The clause before the cue: '"We're close," said X.', 'The ceasefire would ..., a
    senior official said.'"""
    if not c.before:
        return None
    verb, before = c.verb, c.before
    clause = {t.i for b in before for t in b.subtree}
    cue_left = min(t.i for t in verb.subtree if t.i not in clause and not t.is_punct)
    toks = [t for t in c.sent if before[0].left_edge.i <= t.i < cue_left]
    if after_quote(verb, cue_left):
        toks = set_off_quotation(toks, cue_left)
    if not (has_subject(before[0]) or after_quote(verb, cue_left)):
        return NOTHING
    # (a quotation before the cue is carried on by the quotation chain, quotes.continue_quotes)
    return toks + ([] if after_quote(verb, cue_left) else goes_on_after_cue(c)), "inverted"


def goes_on_after_cue(c: Cue) -> list[Token]:
    """"He is leaning toward the mayor, he said, because he values experience", "The streets were
    deserted, he added, 'but people need to meet'": the reported sentence goes on after the cue
    set off by commas, with a clause of its own (a reason, or a contrast or addition joined by
    "but"/"and") that the parser hung on the cue. It is the rest of what was said (one content
    split by its cue, evals/GUIDELINES.md section 2). Not a participle ("..., she said, adding
    that ..."), a time clause ("..., she said, as she left") or another cue."""
    verb, doc = c.verb, c.verb.doc
    for x in c.children:
        if x.i < verb.i or x.dep_ not in ("advcl", "conj") or x.tag_ == "VBG" or not has_subject(x) or is_cue_verb(x):
            continue
        marks = {m.lower_ for m in x.children if m.dep_ == "mark"}
        core_end = max(t.i for t in verb.subtree if verb.i <= t.i < x.left_edge.i and not (t.is_punct or t.is_quote or t.dep_ == "cc"))
        gap = doc[core_end + 1 : x.left_edge.i]
        words = [t.lower_ for t in gap if not (t.is_punct or t.is_quote)]
        quoted = any(t.is_quote for t in gap)
        # ("'We will win,' she said, and the crowd cheered": an "and" after a closed quotation is the author's)
        reason = marks == {"because"} and not words
        if not len(gap) or gap[0].text != "," or not (reason or quoted and not marks and words in ([], ["but"], ["and"])):
            continue
        return list(doc[gap[0].i + 1 : x.right_edge.i + 1])
    return []


def set_off_quotation(toks: list[Token], cue_left: int) -> list[Token]:
    """'The senator weighed in as well, telling a radio host, "They are both qualified," he
    said': the words before the cue are the quotation, set off from the author's lead-in by
    a comma, colon or bracket; the lead-in is not what the cue reports (unless another
    speaker's verb in it introduces the quotation). (A quotation that
    ends a clause, 'it will take time to "cool off," she said', keeps the clause.)"""
    if not toks:
        return toks
    doc = toks[0].doc
    close = cue_left - 1
    while close > toks[0].i and doc[close].text in (",", "."):
        close -= 1
    double = ('"', "“", "”", "''", "``")  # (not a single quote nested inside: '"... ‘Not now,’" she recalled')
    opening = next((t for t in reversed(toks) if t.i < close and t.text in double), None)
    if doc[close].text not in double or opening is None or opening.i <= toks[0].i or doc[opening.i - 1].text not in (",", ":", "("):
        return toks
    said = doc[opening.i - 2] if opening.i >= 2 else None
    if said is not None and is_cue_verb(said) and said.tag_ != "VBG":
        return toks  # ('Asked about the fire, Ruiz frowned and said, "Not today," the radio reported': it is Ruiz's)
    return [t for t in toks if t.i > opening.i]


# ---- the clause after the cue ---------------------------------------------------------------


def reported_clause(c: Cue) -> Answer | None:
    """The cue's complement clause: "The mayor said the bridge would reopen in May",
    "Kaine now says, however, that he supports the plan". It takes a reason or a main
    clause the parser hung elsewhere, and the subject the parser lost before the clause."""
    verb, after = c.verb, c.after
    # ("said - on the radio, as it happens - that the plan failed": the aside the parser hung
    # on the clause ends at the dash; the clause is what follows "that")
    mark = next((m for m in after[0].children if m.dep_ == "mark" and m.lower_ == "that"), None) if after else None
    aside_before_that = mark is not None and mark.i > after[0].left_edge.i and verb.doc[mark.i - 1].is_punct
    if not (after and (verb.doc[after[0].left_edge.i - 1].text != "," or after[0].left_edge.lower_ == "that"
                       or aside_before_that or lost_subject_with_aside(verb, verb.doc[verb.i + 1 : after[0].left_edge.i])
                       or opens_with_adverbial(after[0]))):
        return None
    comma_cut = aside_before_that and verb.doc[after[0].left_edge.i - 1].text == ","
    # "... and said Tehran had nothing to do with it, two politicians said Monday": the
    # parser made the trailing cue the complement; what was said is its own clause.
    inner = [x for x in after[0].children if x.dep_ == "ccomp" and x.i < after[0].i]
    if is_cue_verb(after[0]) and own_subject(after[0]) is not None and inner and is_trailing_shape(after[0], inner[0]):
        after = inner
    toks = []
    for x in after:
        if x is not after[0] and rival_conjunct(x):
            break  # "said A and one in four residents said B": B is theirs
        toks += clause_tokens(x)
    if comma_cut:
        toks = [t for t in toks if t.i >= mark.i]  # type: ignore[union-attr]
    # 'added, "What we saw is ..."', 'said on Monday, in a post, "Next year will be ..."': a
    # clause that opens a quotation is the speaker's words whatever it starts with, and a
    # subject the parser lost is inside the quotation, not in the words before it.
    quoted = opens_quotation(verb.doc[after[0].left_edge.i - 1]) if after[0].left_edge.i > verb.i + 1 else False
    if starts_with_wh(toks) and not lx.WH_CONTENT_OK & {c.lemma} and not quoted:
        return NOTHING
    if not quoted and not has_subject(after[0]) and not any(t.dep_ in ("nsubj", "nsubjpass") for t in after[0].subtree):
        # "said about half of X reflected Y": the parser lost the subject between the
        # cue and the clause; the words in between are it. (A subject found deeper in the
        # clause means the parser only picked a wrong head: "said the former mayor of
        # the city was ...".)
        gap = verb.doc[verb.i + 1 : after[0].left_edge.i]
        if not any(t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for t in gap) or any(t.is_punct for t in gap) \
                and not lost_subject_with_aside(verb, gap):
            return NOTHING
        toks = list(gap) + toks
    toks += main_clause_after(verb, toks)
    return before_a_rival_claim(verb, toks + reason_after(verb, toks)), "clause"


def as_clause(c: Cue) -> Answer | None:
    """"The second matter, as outlined by the source, is ...": the clause around the cue. A
    cue with a complement of its own is in a time clause, "As the two rivals lamented the
    deficit, the mayor spoke of jobs": its complement is what was said (later families)."""
    if any(x.dep_ == "mark" and x.lower_ == "as" for x in c.children) and not own_complement(c):
        own = {t.i for t in c.verb.subtree}
        toks = [t for t in c.sent.root.subtree if t.i not in own]
        if all(t.is_punct for t in toks if t.i > c.verb.right_edge.i) and credit_as(c.verb):
            # "The fire destroyed six homes, as reported by the paper.": the clause before it
            toks = [t for t in toks if t.i < c.verb.left_edge.i]
        return toks, "as"
    return None


def credit_as(verb: Token) -> bool:
    """", as reported by the paper", ", as the minister noted on Monday": an as-clause set off
    by a comma that only credits, with nothing after the cue but its agent and when or where.
    Not a reason ("..., as voters responded to the crackdown") nor a comparison ("as much
    money as he has promised")."""
    doc = verb.doc
    first = verb.left_edge
    if first.i == 0 or doc[first.i - 1].text not in (",", "—", "–"):
        return False
    return all(x.dep_ in ("agent", "punct", "advmod", "npadvmod") or x.dep_ == "prep" and x.lower_ in ("at", "in", "on", "during")
               for x in verb.children if x.i > verb.i)


def own_complement(c: Cue) -> bool:
    """Does the cue take an object, clause or about-phrase after it ("lamented the deficit",
    "called on them to wait", "accused the league of bias")?"""
    return any(x.i > c.verb.i and (x.dep_ in ("dobj", "ccomp", "xcomp", "dative", "oprd")
                                   or x.dep_ in ("prep", "prt") and x.lower_ in ("of", "about", "for", "against", "on")
                                   and not any(g.ent_type_ in ("DATE", "TIME") for g in x.subtree))
               for x in c.children)


# ---- cues set off by commas -------------------------------------------------------------------


def trailing(c: Cue) -> Answer | None:
    """"..., the sources said.": everything before the cue; and what goes on after it
    ("..., he said, by creating a false reality")."""
    verb, sent = c.verb, c.sent
    if not is_trailing(verb) or subordinate(verb):
        return None
    left = [t for t in sent if t.i < verb.left_edge.i]
    right = [t for t in sent if t.i > verb.right_edge.i and not (t.i == verb.right_edge.i + 1 and t.is_punct)]
    for x in c.after:  # "..., the sources said, where it would ...": parsed as the cue's clause
        right = list(x.subtree) + right
    first_right = min((t.i for t in right), default=None)
    # (not "..., analysts have said, reported the Daily Ledger": another trailing cue)
    if first_right is not None and verb.doc[first_right - 1].text == "," and not is_cue_verb(verb.doc[first_right]):
        if len([t for t in right if not t.is_punct]) >= 3:
            return left + right, "trailing"
    return left, "trailing"


def subordinate(verb: Token) -> bool:
    """"The union kept quiet for a month, when it expressed concern that ...", "...,
    though they blame the courts for it": a clause opened by a subordinator after the comma
    is not a cue trailing what it reports; its own complement is what was said."""
    return any(x.i < verb.i and (x.dep_ == "mark" or x.tag_ == "WRB" and x.dep_ == "advmod") for x in verb.children)


def parenthetical(c: Cue) -> Answer | None:
    """"In the long run, several engineers said, the repairs ...": both sides are the
    content (the pieces go in `fragments`), as for a quote interrupted by its cue. But
    "..., analysts have said, reported the Daily Ledger" is two trailing cues."""
    verb, sent = c.verb, c.sent
    if not (is_parenthetical(verb) or aside_before_quote(verb)) or subordinate(verb):  # (not "As the rivals lamented the deficit, ...")
        return None
    right = [t for t in sent if t.i > verb.right_edge.i]
    left = [t for t in sent if t.i < aside_left(verb).i and not t.is_punct]
    if right and is_cue_verb(next((t for t in right if not t.is_punct), right[0])) \
            and any(t.pos_ in ("VERB", "AUX") for t in left):  # (but "The paper, she said, called it ...")
        return left, "trailing"
    return left + right, "parenthetical"


def learned_on_the_surface(c: Cue) -> Answer | None:
    """"..., Asharq Al-Awsat learned from ...", with the clause misparsed: the sentence
    before the comma. Only for "learn": on PolNeAR dev a general fallback cost more
    precision than it won recall."""
    np_head = surface_subject(c.verb, c.sent) if c.lemma == "learn" else None
    if np_head is None:
        return None
    comma = np_head.left_edge.i - 1
    while comma > c.sent.start and c.verb.doc[comma].text != ",":
        comma -= 1
    return [t for t in c.sent if t.i < comma], "surface"


# ---- clauses the parser hung elsewhere -------------------------------------------------------


def said_that_object(c: Cue) -> Answer | None:
    """"said that Sunday's attack aimed ...", parsed as an object: "that" settles it."""
    verb, doc = c.verb, c.verb.doc
    if verb.i + 2 < len(doc) and doc[verb.i + 1].lower_ == "that" and c.lemma in lx.SPEECH_VERBS \
            and verb.right_edge.i > verb.i + 2:
        return list(doc[verb.i + 2 : verb.right_edge.i + 1]), "clause"
    return None


def clause_on_a_phrase(c: Cue) -> Answer | None:
    """"revealed to the same agency that ...", "says in a statement that ...", "said after
    Tuesday's vote that ...": the clause hung by the parser on a phrase after the cue."""
    verb = c.verb
    for x in c.children:
        if x.i > verb.i and (x.dep_ in ("dative", "dobj", "npadvmod") or x.dep_ == "prep"
                             and (x.lower_ == "to" or c.lemma in lx.SPEECH_VERBS)):
            recipient = x.dep_ in ("dative", "dobj") or x.lower_ == "to"
            for g in x.subtree:
                if g.dep_ == "mark" and g.lower_ == "that" and g.head.dep_ in ("relcl", "acl", "ccomp") \
                        and has_subject(g.head) and (recipient or near_cue(verb, x, g)):
                    return clause_tokens(g.head), "clause"
    return None


def final_cue_after_lost_clause(c: Cue) -> Answer | None:
    """"..., said Ana Ruiz, head of the council." / "..., he said." when the parser lost the
    clause before it (sentence_final_cue)."""
    toks = sentence_final_cue(c.verb, c.sent)
    return (toks, "trailing") if toks else None


def delayed_infinitive(c: Cue) -> Answer | None:
    """"The mayor promised Sunday at a rally to end the program", "vowed in a speech to veto
    the bill": a commitment whose infinitive comes after a time or place phrase, which the
    parser hangs on that phrase or reads as a purpose clause. The first infinitive after the
    cue, reached only through such phrases, is what was committed to."""
    verb = c.verb
    if c.lemma not in lx.COMMITMENT_VERBS or any(x.dep_ in ("xcomp", "ccomp") and x.i > verb.i for x in c.children):
        return None
    doc = verb.doc
    for t in doc[verb.i + 1 : c.sent.end]:
        if t.is_punct and t.text != "-" or t.pos_ in ("VERB", "AUX") and t.tag_ != "VB":
            return None  # (a comma or a finite verb first: the phrase is not the cue's)
        if t.tag_ == "VB" and any(a.lower_ == "to" and a.dep_ == "aux" and a.i == t.i - 1 for a in t.children):
            up = t
            while up.i != verb.i and up.dep_ in ("advcl", "acl", "pobj", "prep", "relcl", "npadvmod", "dobj") and up.head.i < up.i:
                up = up.head
            if up.i != verb.i:
                return None
            return list(doc[t.i - 1 : aside_cut(doc, t.i - 1, t.right_edge.i) + 1]), "object"
    return None


# Asked in this order; the first answer (content, how) wins, NOTHING included.
CONTENT_RULES: tuple[Callable[[Cue], Answer | None], ...] = (
    asked_question,
    passive_with_complement,
    passive_with_agent,
    issued_act,  # (acts.py: before the light verb reads "issued a warning" as bare)
    *ACT_CONTENT_RULES,  # acts.py: shapes with a complement after the verb, before any clause rule
    evidence_finding,  # evidence.py
    agentless_report,  # unsourced.py: "33 were reported hospitalised"
    light_verb_object,
    relative_clause,
    what_was,
    relative_object,
    content_outside,
    trailing_after_conjunct,
    inverted,
    reported_clause,
    as_clause,
    trailing,
    parenthetical,
    learned_on_the_surface,
    said_that_object,
    clause_on_a_phrase,
    next_paragraph,
    after_a_colon,
    quotation_right_after,
    content_noun_clause,
    clause_read_as_object,
    speech_act_object,
    instruction,
    delayed_infinitive,
    said_object,
    final_cue_after_lost_clause,
)


def content_tokens(verb: Token, sent: TokSpan) -> Answer:
    """The reported clause of a cue verb, and how it was found (the family's `how`)."""
    cue = read_cue(verb, sent)
    for rule in CONTENT_RULES:
        answer = rule(cue)
        if answer is not None:
            # (a fresh list: NOTHING is shared; content_ends.py cuts what any family chose)
            return ([], "") if answer is NOTHING else (content_end(verb, answer[0]), answer[1])
    return [], ""
