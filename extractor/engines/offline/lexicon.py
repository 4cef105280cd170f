"""Word lists the offline engine reasons with: cue verbs, acts, stance, content edges.

Kept apart from the rules so that widening coverage is a data change, not a code change.
All entries are lemmas or lower-cased forms. The lists for kinds of sources live in
source_words.py and are re-exported here, so every rule reads a list as `lx.X`.
"""

from __future__ import annotations

from .source_words import *  # noqa: F401,F403  (source-kind words: read as lx.X like the rest)

# Speech and reporting verbs: any subject may be a source ("The Quds Force said").
SPEECH_VERBS = frozenset("""
say tell report add note state announce explain declare claim insist argue warn deny charge
confirm reveal stress underscore emphasize emphasise write tweet post reply respond
answer comment remark mention acknowledge admit concede assert maintain contend allege
caution predict promise pledge vow threaten urge demand complain lament boast testify
disclose divulge inform brief recount recall describe quip joke muse scoff retort counter
reiterate repeat echo point observe indicate hint suggest speculate estimate forecast
guarantee assure reassure affirm aver proclaim dispute refute communicate convey relay
reject dismiss rebuff question doubt wonder learn quote cite express ask outline
""".split())

# Verbs of speaking and writing: whatever noun is their subject is presented as speaking
# ("the challenger complained", "the budget plan promises to ..."), unlike "the results
# confirmed", "the strike threatened", "the exchange of messages reveals".
UTTERANCE_VERBS = frozenset("""
say tell add state announce explain declare claim insist argue warn deny charge stress
emphasize emphasise write tweet post reply respond answer comment remark acknowledge admit
concede assert maintain contend allege caution pledge vow urge demand complain lament boast
testify disclose recount quip joke muse scoff retort counter reiterate proclaim affirm ask
note observe recall mention describe promise predict cite
""".split())

# Belief, evidence and intention verbs: need a subject that can hold a view (a person,
# an organisation, "sources", "polls"), not "the attacks suggest".
BELIEF_VERBS = frozenset("""
hope fear conclude find show indicate suggest estimate calculate anticipate doubt
""".split())


# Verbs whose direct object can itself be the claim ("denied responsibility").
OBJECT_CONTENT_VERBS = frozenset(
    "deny refute confirm underscore stress emphasize emphasise reveal acknowledge admit".split()
)

# Speech acts whose complement is the position taken: "called for a ceasefire", "urged
# restraint", "praised the deal", "pledged to win", "described X as Y", "spoke about X".
SPEECH_ACT_VERBS = frozenset("""
call urge pledge vow promise threaten describe mention praise criticize criticise blast
slam attack accuse announce tout cite boast comment warn complain joke argue predict
repeat reiterate tweet express condemn welcome blame demand dismiss reject deny confirm stress
emphasize underscore acknowledge admit recall suggest hint insist propose recommend decry
denounce hail applaud point report claim note outline highlight detail recount explain write
answer inform
""".split())
# Official acts (a public act of speech, evals/GUIDELINES.md section 9): "declared a state of
# emergency", "identified the suspect as X", "named Ana Ruiz its new commissioner".
OFFICIAL_ACTS = frozenset("""
declare order name designate appoint recognize recognise identify endorse characterize
characterise label dub ascribe attribute state
""".split())
SPEECH_ACT_VERBS = SPEECH_ACT_VERBS | OFFICIAL_ACTS
# Prepositions that introduce what a speech act is about ("warned of", "called for").
ABOUT_PREPS = frozenset("for about of against as over".split())

# Verbs that are a speech act only with one preposition, whose phrase is the content:
# advocacy ("has been pushing for a ceasefire", not "pushed the cart") and speaking of
# something ("has spoken of 'cautious optimism' that ...", not "spoke at a rally").
PREP_CUE_VERBS = {
    **{v: frozenset({"for"}) for v in "push press lobby campaign advocate".split()},
    "speak": frozenset({"of", "about", "against"}),
}

# Words opening an indirect question ("asked whether ...", "asked if ...").
QUESTION_MARKS = frozenset("if whether".split())

# Adverbs that are the whole answer: "half said so", "most said yes".
SAID_ADVERBS = frozenset("so yes no otherwise".split())

# Speech verbs whose object is the person addressed ("told a radio station", "urged them").
RECIPIENT_VERBS = frozenset("tell urge ask remind assure reassure warn inform promise advise caution brief".split())

# Cues whose reported clause may be an indirect question: "isn't saying which plan she
# prefers", "explained why ...", "described how ...".
WH_CONTENT_OK = frozenset("say tell explain describe reveal disclose detail outline specify".split())

# Saying the content is false. Rejecting or rebuffing a proposal is a refusal, not a
# denial of a proposition (evals/GUIDELINES.md §6), so it stays "asserted".
DENIAL_VERBS = frozenset("deny refute dismiss dispute".split())
HEDGE_VERBS = frozenset("""
claim allege suggest speculate believe think expect hope fear feel suspect assume reckon
estimate predict hint indicate forecast guess
""".split())

# A view held short of assertion: "expressed hope that ...", "spoke of optimism that ...".
HEDGE_NOUNS = frozenset("hope hopes optimism expectation expectations belief suspicion suspicions".split())
# Adverbs that weaken the act: "indirectly blamed the US", "reportedly told ...".
HEDGE_ADVERBS = frozenset("""
indirectly implicitly tacitly obliquely tentatively vaguely reportedly allegedly apparently seemingly
""".split())

# Nouns that name a view, taking a "that" clause: "expressed hope that ...".
CONTENT_NOUNS = frozenset(
    "hope belief confidence concern fear doubt view opinion claim assertion assurance warning "
    "statement announcement denial allegation expectation suggestion conviction optimism".split()
)

# Light verbs whose object noun makes them a speech act: "placing the blame on X", "casts
# doubt on X", "made the point that ...", "voiced concern over ...". The content is the
# noun's "that" clause or its preposition phrase.
LIGHT_VERBS = frozenset("place put lay pin cast raise voice make issue level offer".split())
LIGHT_NOUNS = frozenset("""
blame doubt doubts concern concerns question questions point comment comments remark remarks
mention accusation accusations allegation allegations argument case warning warnings criticism
charge charges promise promises pledge pledges appeal plea demand demands praise objection
objections complaint complaints
""".split())

# "X issued a statement saying ...": a message someone puts out speaks for them.
MESSAGE_NOUNS = frozenset("statement statements message messages letter note memo release tweet post email video ad".split())
PUBLISH_VERBS = frozenset("issue release post send publish tweet deliver put file circulate".split())
# "continued to assert", "went on to say": the verb before the cue belongs to the cue.
CATENATIVE_VERBS = frozenset("continue keep go begin start".split())
# What words are delivered in: "in comments broadcast on X", "in an interview with X".
CHANNEL_NOUNS = frozenset("""
statement interview comment remark speech address briefing appearance post message tweet letter email
op-ed column video blog essay
""".split())

# Openers of a reason or condition that belongs to the reported clause ("..., given that ...").
REASON_WORDS = frozenset("given because if unless provided considering".split())

# Passives that credit a claim to someone unnamed: "They had been blamed for ...", "He is
# said to have ...".
AGENTLESS_CUES = frozenset("blame accuse suspect allege say report rumor rumour believe think".split())
AGENTLESS_NEED_INFINITIVE = frozenset("say report rumor rumour believe think".split())

# The phrase that completes an object-relative cue: "which X blamed on Y", "which X
# attributed to Y", "which X described as Y".
RELATIVE_COMPLEMENT_PREPS = frozenset("on to as".split())

# "..., a demand that Iran consistently echoes": a view named after a reported clause, and
# verbs by which others hold it too.
VIEW_NOUNS = frozenset("""
demand view position call claim stance assessment argument sentiment concern belief conclusion
point assertion charge accusation allegation
""".split())
ECHO_VERBS = frozenset("echo share repeat reiterate support back endorse voice".split())

# "emailed donors saying ...": verbs that send a message to the object.
SENDING_VERBS = frozenset("email e-mail text message write send mail tweet phone call address".split())
# "the mayor at the time said": a time phrase is not part of the source.
TIME_NOUNS = frozenset("time moment day week month year weekend night morning evening afternoon hour".split())

# Unions the rules test per token, built once.
SPEECH_AND_ACT_LEMMAS = SPEECH_VERBS | SPEECH_ACT_VERBS  # a participle of these starts a claim of its own
WHEN_OR_WHERE_NOUNS = TIME_NOUNS | CHANNEL_NOUNS  # "at the time", "in a blog post": not part of a source
WRITTEN_NOUNS = MESSAGE_NOUNS | CHANNEL_NOUNS | DOCUMENT_HEADS  # "in a statement announcing ..." is the statement's

CUE_LEMMAS = SPEECH_VERBS | BELIEF_VERBS | SPEECH_ACT_VERBS | frozenset(PREP_CUE_VERBS)

# ---- i14-cues: word lists of the cue guards (guards.py) and cue rules (read_cues.py) ----------
# What is won, not said: "claimed victory", "claiming 41 percent of the vote", "claimed 20 lives".
WON_THINGS = frozenset("""
victory victories win wins title titles crown seat seats percent % share lives life prize
prizes medal medals trophy championship majority place spot nomination delegate delegates
""".split())
# The piece written, not what it says: "wrote a children's book", "writes a weekly column".
WRITTEN_WORKS = frozenset("""
book books column columns letter letters song songs op-ed article articles profile profiles
note notes novel novels script scripts story stories piece pieces essay essays poem poems
blog memoir memoirs biography play plays lyrics music chapter chapters foreword review reviews
screenplay thesis dissertation textbook
""".split())
# Written things that "read" what they carry: "the sign read ...", '"...," reads the report'.
READING_NOUNS = frozenset("""
sign signs banner banners placard placards caption captions headline headlines inscription
plaque note letter statement release report message tweet post text card poster posters
slogan t-shirt shirt sticker notice memo document email summary order ruling decision
advisory bulletin communique communiqué resolution petition leaflet flyer
""".split())
# What completes a passive with its agent: "described by X as Y", "criticized by X for Y".
PASSIVE_COMPLEMENT_PREPS = frozenset("as for of over on against".split())  # (not "to": the recipient)
# Words that set another claim against a reported clause: "says X despite Y claiming Z".
RIVAL_MARKERS = frozenset("despite".split())  # (not "while": "said that while X, Y" is one claim)

# ---- issue 14 (acts) ----------------------------------------------------------------------------
# Public acts whose cue is not a common speech verb (evals/GUIDELINES.md §1, §9.1), read by acts.py
# and evidence.py.
# Public speech acts with an object, like "praised X" and "criticized X": thanks,
# congratulations, mockery, defence, protest, petitions.
# ("defend" is left out: "defend the title", "defend the country" are not speech.)
MORE_SPEECH_ACTS = frozenset("""
thank congratulate commend mock ridicule deride lampoon protest petition lambaste rebuke
chide scold berate castigate excoriate bemoan disavow repudiate
""".split())
SPEECH_ACT_VERBS = SPEECH_ACT_VERBS | MORE_SPEECH_ACTS
# Acts performed by issuing something: "issued a hurricane warning for X", "put out an alert".
ISSUING_VERBS = frozenset("issue release".split())
# What an authority issues or places someone under: the act is the noun with its scope
# ("a hurricane warning in the Bahamas", "an evacuation order to some residents").
ACT_NOUNS = frozenset("""
warning warnings watch watches alert alerts advisory advisories order orders ban bans curfew
lockdown quarantine recall recalls ultimatum injunction decree decrees directive directives
guidance guideline guidelines declaration proclamation apology appeal appeals call calls plea
pleas threat threats condemnation rebuttal denial
""".split())
# "placed Palm Beach County under a tropical storm warning".
PLACING_VERBS = frozenset("place put".split())
PLACING_PREPS = frozenset({"under"})  # (not "put the others on notice": PolNeAR train leaves it out)
# "did not exclude the possibility of X" hedges like "did not rule out".
POSSIBILITY_NOUNS = frozenset("possibility possibilities prospect chance chances option scenario likelihood".split())
# Accusation by an authority: "charged the suspect with murder", "indicted X on charges of Y".
CHARGING_VERBS = frozenset("charge indict".split())
CHARGING_PREPS = frozenset("with on for".split())
# A ruling by a court or an official body is a public act; a private decision is not
# ("the court decided that ..." but not "she decided that she would leave").
RULING_BODIES = frozenset("""
court courts judge judges justice justices tribunal jury panel magistrate arbitrator arbiter
commission committee board council regulator referee umpire inquiry ombudsman
""".split())
# What a ruling body does as a public act (evidence.evidence_source): not "courts dismiss cases".
RULING_ACTS = frozenset("rule decide find conclude charge indict order declare".split())
# Light-verb acts: "made public requests for assistance", "extended condolences to X" (not "calls": "made phone calls to").
LIGHT_VERBS = LIGHT_VERBS | frozenset("extend send".split())
LIGHT_NOUNS = LIGHT_NOUNS | frozenset("""
request requests plea pleas appeal appeals condolences congratulations thanks
apology apologies sympathy sympathies
""".split())
# Evidence that presents a finding with a reporting verb: "the NHC advisory indicated ...",
# "the autopsy found ...", "FBI statistics show ...". (Not pictures, "a video showed him
# grabbing ...": what a camera saw is a scene, not a finding; on PolNeAR dev they cost more
# precision than they won recall.)
EVIDENCE_VERBS = frozenset("show indicate find suggest reveal estimate conclude confirm demonstrate".split())
EVIDENCE_NOUNS = frozenset("""
advisory advisories bulletin bulletins forecast forecasts finding findings research figures
statistics numbers test tests autopsy post-mortem census evidence investigation investigations
inquiry probe review assessment model models simulation simulations measurements readings
summary release
""".split())
# A passive of reporting with a predicate, no source: "33 were reported hospitalised",
# "Dorian was forecast to reach ...", "X has been charged with Y" (§9.2).
AGENTLESS_CUES = AGENTLESS_CUES | frozenset("forecast predict project estimate charge indict".split())
AGENTLESS_NEED_INFINITIVE = AGENTLESS_NEED_INFINITIVE | frozenset("forecast predict project estimate".split())
PASSIVE_COMPLEMENT_PREPS = PASSIVE_COMPLEMENT_PREPS | frozenset({"with"})

SPEECH_AND_ACT_LEMMAS = SPEECH_VERBS | SPEECH_ACT_VERBS
CUE_LEMMAS = CUE_LEMMAS | MORE_SPEECH_ACTS | frozenset({"indict"})
# Describing someone as something: "portrays X as Y", "painted X as Y", "branded X a liar".
DESCRIBING_VERBS = frozenset("portray paint depict frame brand".split())  # (not "cast": "cast her as Juliet")
# Verbs act_cues.py looks at (a quick filter before the shapes).
ACT_CUE_LEMMAS = ISSUING_VERBS | PLACING_VERBS | DESCRIBING_VERBS | frozenset("exclude commit refer rule decide".split())
# States a passive "reported" predicates without "to be": "were reported missing" (syntax.reported_state).
REPORTED_STATES = frozenset("missing dead alive safe injured hospitalised hospitalized killed wounded".split())
# "indicted on two counts of fraud", "charged on suspicion of arson" (acts.charged_with).
CHARGE_NOUNS = frozenset("charge count suspicion allegation accusation".split())
# Acts that judge the person they name: "endorsed Cruz", "praised Ortiz" (acts.named_addressee).
EVALUATIVE_ACTS = frozenset("""
endorse praise criticize criticise blast slam thank congratulate mock condemn blame commend rebuke
ridicule denounce hail applaud lambaste berate castigate scold chide
""".split())
# An indication, an estimate or a forecast reports a measure as such; the source does not
# commit less to it (the Wikinews gold marks "indicated", "estimated", "was forecast" asserted;
# evals/GUIDELINES.md §6 hedges "suggest", "claimed", "did not rule out").
HEDGE_VERBS = HEDGE_VERBS - frozenset("indicate estimate forecast".split())
# ---- issue 14 (precision) ----------------------------------------------------------------
# Modals that make an act supposed, not reported ("says she would order", "hopes they can
# make the case"); "will", "may", "might", "should" already rule a cue out everywhere (cues.MODALS).
SUPPOSING_MODALS = frozenset("would could can must 'd ’d ca".split())
# Verbs whose infinitive complement is an act wanted, planned, asked for or caused, not one
# performed: "plans to call for", "asked her to condemn", "wants to say", "prompted him to say".
UNPERFORMED_HEADS = frozenset("""
want plan intend expect hope need require ask urge bother prompt fail wish prepare aim press
encourage invite force pressure push lead allow
""".split())
# Set phrases built on a cue verb that attribute nothing ("That said, ...", "needless to say").
SAY_IDIOMS = ("that said", "having said that", "that being said", "needless to say", "suffice it to say",
              "so to speak", "that is to say", "to say the least", "to say nothing of")
# Prepositions whose gerund names an act as a reason, a lack or a topic ("criticized him for
# saying", "without naming a site", "about her endorsing"), not an act reported.
REASON_PREPS = frozenset("for without about".split())
# More pieces written, not what they say (guards.wrote_a_work): "wrote the introduction for
# a new book", "wrote the bill", "wrote the amendment".
MORE_WRITTEN_WORKS = frozenset("introduction preface afterword bill bills legislation amendment amendments jingle".split())
# ---- issue 14 (content edges) ---------------------------------------------------------------
# Where and on what occasion words were said ("praised the crew at a rally", "in a speech"):
# a phrase on these is the speech act's circumstance, not part of what it is about.
OCCASION_NOUNS = frozenset("""
rally conference meeting event hearing debate session summit ceremony forum gathering dinner luncheon
breakfast reception visit trip tour stop appearance show program programme broadcast podcast episode
news press town hall speeches remarks comments interviews statements posts tweets letters point
""".split())

# ---- issue 14 (expressed feelings, tallies) ----
# Feelings and stances a speaker "expresses" about something (cues.light_noun): "expressed
# disappointment that the court ...", "expressed concern about X", "expressed outrage over
# X". The content is the noun's that-clause or its about-phrase; with neither there is no
# claim. (Not condolences, sympathy or thanks: their "to"/"for" phrase names whom they are
# for, not what was said.)
EXPRESSED_FEELINGS = frozenset("""
disappointment regret regrets concern concerns support outrage anger frustration dismay
surprise satisfaction sorrow sadness shock alarm skepticism scepticism reservation reservations
opposition displeasure unease worry worries fear fears pessimism doubt doubts indignation
disapproval approval disbelief astonishment
""".split())
# Tallies whose findings speak for whoever counted (evidence.issued_tally): "early results of
# the vote showed ...", "the count found ...".
RESULT_NOUNS = frozenset("result results count counts tally tallies returns".split())

# ---- speech-cue content recall (content.delayed_infinitive) ----
# Commitments whose infinitive may come after a time or place phrase the parser hangs it on:
# "promised on Sunday at a rally to end the program", "vowed in a speech to veto the bill".
COMMITMENT_VERBS = frozenset("promise pledge vow threaten swear".split())

# ---- issue 14 (acts: positions taken in one shape; position_cues.py) ----
# Verbs that are a position taken only with one complement: "challenged the governor to a
# debate", "compared the plan to robbery", "agreed that ...", "reminded voters that ...",
# "ruled the evidence inadmissible" (act_cues.is_act_cue reads ACT_CUE_LEMMAS as a filter).
COMPARING_VERBS = frozenset("compare liken equate".split())
# Verbs that make a feeling public like "expressed": "voiced support for", "signalled opposition to".
VOICING_VERBS = frozenset("voice signal signale register reaffirm".split())
# Nominations (position_cues.nominated): "nominated X for president", "selected X to be her
# running mate". ("chose X as its nominee", "picked", "tapped" cost a false claim on PolNeAR
# dev, where "chose" is as often a plain choice.)
NOMINATING_VERBS = frozenset("nominate select".split())
POSITION_LEMMAS = COMPARING_VERBS | VOICING_VERBS | NOMINATING_VERBS | frozenset("challenge agree remind rule appeal sue".split())
ACT_CUE_LEMMAS = ACT_CUE_LEMMAS | POSITION_LEMMAS
# People questioned as persons (an interrogation), not a claim doubted: "questioned the driver".
PEOPLE_OBJECTS = frozenset("""
suspect suspects driver drivers witness witnesses passenger passengers resident residents people
person persons student students worker workers employee employees officer officers soldier soldiers
voter voters member members candidate candidates detainee detainees victim victims
""".split())
# Official acts reported in an agentless passive (unsourced.agentless_report, §1, §9.1): "The
# victim was identified as Lena Ortiz", "Ortiz was named the agency's director" (not "was
# named after her grandfather": acts.undesignated).
AGENTLESS_DESIGNATIONS = frozenset("identify name appoint declare".split())
AGENTLESS_CUES = AGENTLESS_CUES | AGENTLESS_DESIGNATIONS
# ---- speech cues (speech helper): messages put out by a source (lost_subjects.publisher_of) ----
# "ran a piece that noted ...", "released data that suggest ...": besides MESSAGE_NOUNS and
# PUBLISH_VERBS, what a source publishes and the verbs it puts it out with.
PUBLISHED_NOUNS = frozenset("report piece column article editorial op-ed data datum survey commercial spot".split())
PUBLISHING_VERBS = frozenset("run air unveil launch distribute".split())
# ---- evidence, forecasts and unsourced hedges (evidence_cues.py, according.py, unsourced.py) ----
# Written things that "read" their words, besides READING_NOUNS: '"See you soon," the email read'.
READING_NOUNS = READING_NOUNS | frozenset("email e-mail editorial telegram text-message cable".split())
# A forecast by an agency: "the budget office projected that the deficit will double" (only
# with a clause: "projected confidence", "projected its worldview onto X" are no forecasts).
FORECAST_CLAUSE_VERBS = frozenset("project".split())
# "..., per the manufacturer": the credit phrase ("per" a source, like "according to"); not a
# rate ("$40 per person", "per cent", "per capita", "per day").
PER_WORDS = frozenset("per".split())
# Passives that report a state of people without an infinitive: "33 were reported hospitalised",
# "two people were confirmed dead" (syntax.reported_state). "confirmed" otherwise needs its
# infinitive ("are confirmed to have died"), as "said" does.
STATE_REPORTING_VERBS = frozenset("report confirm".split())
AGENTLESS_CUES = AGENTLESS_CUES | frozenset({"confirm"})
AGENTLESS_NEED_INFINITIVE = AGENTLESS_NEED_INFINITIVE | frozenset({"confirm"})
# Participles by which an as-clause reports what came out somewhere ("as revealed at trial",
# "as disclosed in the filing"; unsourced.agentless_as); not the article's own "as noted".
REVEALING_PARTICIPLES = frozenset("reveal report disclose confirm announce allege".split())

# ---- agentless findings and records, round two (unsourced.py, syntax.figure_at, evidence.py) ----
# Agentless passives of orders, findings and estimates credit nobody (§9.9, like "it was
# reported that"): "residents were told to leave", "the mayor was found to have lied", "the
# driver was identified as ...", "damage is estimated at $3 million". Told, ordered and found
# need their infinitive ("he was told that ..." is a hearer; "was found guilty" is a verdict,
# §9.9), identified its as-phrase ("the gene was identified in 2005" is no report) and an
# estimate its infinitive or a figure at (syntax.figure_at).
AGENTLESS_CUES = AGENTLESS_CUES | frozenset("tell order find identify".split())
AGENTLESS_NEED_INFINITIVE = AGENTLESS_NEED_INFINITIVE | frozenset("tell order find".split())
AGENTLESS_NEED_AS = frozenset("identify".split())
AGENTLESS_FIGURE_VERBS = frozenset("estimate".split())
# Records and papers that present a finding when a verb of finding has one after it ("the
# emails show that ...", "a 2012 paper found large gains ..."; evidence.record_finding; not
# "polling", which PolNeAR train marks as often without a finding as with one).
FINDING_RECORDS = frozenset("""
email emails e-mail e-mails paper papers examination examinations file files ledger
ledgers log logs transcript transcripts filing filings document documents record records
memo memos minutes tallies archive archives database databases
""".split())
# "By one estimate, 40,000 marched", "the deal, by all accounts, collapsed": "by" an account or a
# report, set off, credits its clause like "per" (according.per_source, §9.9); engine.py hands
# every "per" word to it, and "by" is one only before these nouns.
BY_CREDIT_WORDS = frozenset({"by"})
BY_CREDIT_NOUNS = frozenset("account report estimate count tally reckoning".split())
PER_WORDS = PER_WORDS | BY_CREDIT_WORDS
# Second-round act families (position_cues.py; act_words.py holds their lists): linking X to
# Y, crediting a cause, phrasal attacks.
from .act_words import PHRASAL_ATTACKS as _PHRASAL  # noqa: E402
ACT_CUE_LEMMAS = ACT_CUE_LEMMAS | frozenset("link connect credit".split()) | frozenset(_PHRASAL)
# Court acts and impeachment (legal_cues.py; legal_words.py holds their lists).
from .legal_words import LEGAL_AGENTLESS, LEGAL_CUE_LEMMAS  # noqa: E402
ACT_CUE_LEMMAS, AGENTLESS_CUES = ACT_CUE_LEMMAS | LEGAL_CUE_LEMMAS, AGENTLESS_CUES | LEGAL_AGENTLESS
