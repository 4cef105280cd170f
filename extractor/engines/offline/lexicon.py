"""Word lists the offline engine reasons with: cue verbs, stance, source kinds.

Kept apart from the rules so that widening coverage is a data change, not a code change.
All entries are lemmas or lower-cased forms.
"""

from __future__ import annotations

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

# Heads of noun phrases that describe a source without naming it.
ANONYMOUS_HEADS = frozenset("""
source sources official officials diplomat diplomats politician politicians analyst
analysts observer observers expert experts circle circles insider insiders aide aides
person people individual individuals figure figures member members leader leaders
lawmaker lawmakers legislator legislators minister ministers officer officers general
generals commander commanders spokesman spokeswoman spokesperson representative
representatives resident residents witness witnesses activist activists critic critics
supporter supporters ally allies adviser advisers advisor advisors negotiator negotiators
envoy envoys indicator indicators report reports poll polls survey surveys study studies
economist economists strategist strategists staffer staffers employee employees worker
workers voter voters official someone anyone candidate candidates nominee nominees reporter
reporters journalist journalists senator senators congressman congresswoman lawyer lawyers
attorney attorneys consultant consultants operative operatives donor donors delegate
delegates organizer organizers researcher researchers scientist scientists professor
professors historian historians author authors columnist columnists editor editors
pollster pollsters supporter backers backer fan fans protester protesters student students
veteran veterans friend friends relative relatives neighbor neighbors parent parents
statement statements memo memos letter letters document documents filing filings record
records data analysis analyses estimate estimates projection projections audit audits
authorities
""".split())
# Heads of documents and data that speak for whoever issued them ("a report by the Red
# Cross found", "data from the health ministry show", "the chain's press release said").
ISSUED_HEADS = frozenset("""
report reports study studies statement statements data analysis survey poll memo letter
release releases advisory summary figures tweet post
""".split())
# Words that make a name an outlet in other languages ("Gazeta Wyborcza", "Deutsche Welle").
FOREIGN_MEDIA_WORDS = frozenset("""
gazeta zeitung welle prensa diario corriere dziennik nachrichten novosti vesti kurier noticias
presse quotidien giornale tageblatt krant avis
""".split())

# Documents: they can report ("the memo says"), but "a letter asking ..." describes a
# document's terms, not a speech act.
DOCUMENT_HEADS = frozenset("""
letter memo document filing record draft proposal plan bill petition resolution ad
""".split())

# Other nouns for people who can speak ("the actor recalled", "a neighbor asked for"). Not
# anonymous-source heads by themselves, but able to be the subject of a cue.
PERSON_NOUNS = frozenset("""
man men woman women boy boys girl girls actor actors actress actresses star stars host hosts
anchor anchors businessman businesswoman billionaire mogul tycoon opponent opponents rival
rivals challenger challengers incumbent socialist socialists conservative conservatives
liberal liberals progressive progressives advocate advocates manager managers chairman
chairwoman founder founders owner owners pastor pastors priest bishop coach coaches player
players athlete athletes attendee attendees audience crowd others many some both father
mother son daughter husband wife brother sister child children kid kids doctor doctors nurse
nurses teacher teachers
judge judges prosecutor prosecutors detective investigator investigators sheriff agent
publicist widow widower fiancee fiance
commentator commentators pundit pundits blogger bloggers writer writers speaker speakers
moderator moderators interviewer panelist panelists campaigner campaigners
""".split())

# "X issued a statement saying ...": a message someone puts out speaks for them.
MESSAGE_NOUNS = frozenset("statement statements message messages letter note memo release tweet post email video ad".split())
PUBLISH_VERBS = frozenset("issue release post send publish tweet deliver put file circulate".split())

# Words that make a noun phrase an institution.
ORGANIZATION_HEADS = frozenset("""
ministry office government house embassy army military cabinet council committee
department party movement group coalition alliance framework organization organisation
agency administration authority police court parliament congress senate
commission presidency campaign company firm bank union force forces militia militias
faction factions state states service services secretariat bureau directorate
command headquarters team spokesman's
league club federation association institute institution university college school hospital
board conference diocese church center centre survey foundation corporation society tribunal
archive observatory council's
""".split())

# News outlets: a phrase ending in one of these words, or one of the names below.
MEDIA_HEADS = frozenset("""
tv television radio channel newspaper paper daily agency network news times post journal
magazine outlet outlets media press broadcaster website gazette herald tribune telegraph
guardian observer wire site
""".split())
MEDIA_NAMES = frozenset(x.lower() for x in [
    "Reuters", "AP", "The Associated Press", "Associated Press", "AFP", "Agence France-Presse",
    "Asharq Al-Awsat", "Al-Manar", "Al-Manar TV", "Shafaq News", "CNN", "BBC", "Al Jazeera",
    "Al-Jazeera", "Al Arabiya", "Bloomberg", "Politico", "Axios", "NPR", "ABC", "CBS", "NBC",
    "Fox News", "MSNBC", "The New York Times", "New York Times", "The Washington Post",
    "Washington Post", "The Wall Street Journal", "Wall Street Journal", "Breitbart", "The Hill",
    "Xinhua", "TASS", "IRNA", "Tasnim", "Fars", "Haaretz", "The Times of Israel", "Ynet",
    "Channel 12", "Kan", "Sky News", "Der Spiegel", "Le Monde", "The Guardian", "The Post",
    "The Times", "The Independent", "USA Today", "Newsweek", "Time", "BuzzFeed", "Vox",
    "HuffPost", "The Huffington Post", "Daily Mail", "The Daily Mail", "WikiLeaks",
    "Deutsche Welle", "DW", "Interfax", "RIA Novosti", "Kyodo", "Yonhap", "France 24", "Euronews",
    "CBC", "CTV", "NHK", "RT", "Sputnik", "Anadolu", "ANSA", "EFE", "Press Trust of India", "PTI",
])

# Country and bloc names: "Israel said" is a government speaking, not a person.
COUNTRIES = frozenset(x.lower() for x in """
Afghanistan|Albania|Algeria|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|Bangladesh|
Belarus|Belgium|Bolivia|Bosnia|Brazil|Britain|Bulgaria|Canada|Chile|China|Colombia|Croatia|Cuba|
Cyprus|Czech Republic|Denmark|Egypt|Eritrea|Estonia|Ethiopia|Finland|France|Georgia|Germany|
Greece|Hungary|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Japan|Jordan|Kazakhstan|Kenya|
Kosovo|Kuwait|Latvia|Lebanon|Libya|Lithuania|Malaysia|Mexico|Moldova|Morocco|Netherlands|
New Zealand|Nigeria|North Korea|Norway|Oman|Pakistan|Palestine|Peru|Philippines|Poland|
Portugal|Qatar|Romania|Russia|Saudi Arabia|Serbia|Singapore|Slovakia|Somalia|South Africa|
South Korea|Spain|Sudan|Sweden|Switzerland|Syria|Taiwan|Tehran|Thailand|Tunisia|Turkey|
Ukraine|United Arab Emirates|UAE|United Kingdom|UK|U.K.|United States|US|U.S.|USA|America|
Venezuela|Vietnam|Yemen|Washington|Moscow|Beijing|Baghdad|Beirut|Damascus|Cairo|Riyadh|
Ankara|Kyiv|Kiev|London|Paris|Berlin|Jerusalem|Tel Aviv|Erbil|Najaf|Gaza|Hamas|Hezbollah|
European Union|EU|NATO|United Nations|UN|U.N.|Kremlin|Pentagon|White House|State Department
""".replace("\n", "").split("|"))

PRONOUNS_SINGULAR_PERSON = frozenset("he she him her".split())
PRONOUNS_SINGULAR_THING = frozenset("it".split())
PRONOUNS_PLURAL = frozenset("they them".split())
PRONOUNS_FIRST = frozenset("i we".split())
# Object-case pronouns: never the (inverted) subject of a cue ("calling him a failure").
PRONOUNS_OBJECT = frozenset("him her them me us".split())
PRONOUNS = PRONOUNS_SINGULAR_PERSON | PRONOUNS_SINGULAR_THING | PRONOUNS_PLURAL | PRONOUNS_FIRST

# Heads that name one specific office-holder ("Head of Iran's Quds Force", "the Prime Minister").
TITLE_HEADS = frozenset("""
head chief president minister secretary spokesman spokeswoman spokesperson commander leader
director ambassador governor mayor king queen prince premier chairman chairwoman chair
speaker envoy coordinator representative general
""".split())
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

# Armed and political groups that spaCy's small model tags as people ("Kataib Hezbollah").
GROUP_NAMES = frozenset("""
hezbollah hamas taliban houthis houthi isis isil al-qaeda al-shabaab hashd pmf pmu
""".split())
INDEFINITE = frozenset("a an one two three four several some many other another few most".split())

# Unions the rules test per token, built once.
SPEECH_AND_ACT_LEMMAS = SPEECH_VERBS | SPEECH_ACT_VERBS  # a participle of these starts a claim of its own
WHEN_OR_WHERE_NOUNS = TIME_NOUNS | CHANNEL_NOUNS  # "at the time", "in a blog post": not part of a source
WRITTEN_NOUNS = MESSAGE_NOUNS | CHANNEL_NOUNS | DOCUMENT_HEADS  # "in a statement announcing ..." is the statement's

CUE_LEMMAS = SPEECH_VERBS | BELIEF_VERBS | SPEECH_ACT_VERBS | frozenset(PREP_CUE_VERBS)

# ---- i14-sources: who is credited (source types, titles, earlier mentions) ----------------
# Titles written before a name ("Prosecutor Kama Melly QC", "Judge Ana Ruiz", "Dr. Tom Frieden"):
# the phrase names a person even when the small model tags the whole run ORG.
NAME_TITLES = frozenset("""
prosecutor judge justice senator sen. sen rep. rep representative congressman congresswoman
governor gov. gov mayor president minister secretary ambassador general gen. gen colonel col.
captain capt. lieutenant lt. sergeant sgt. commissioner chancellor premier inspector detective
sheriff attorney professor prof. dr. dr mr. mr mrs. mrs ms. ms sir dame lord lady father
bishop archbishop cardinal pope rabbi imam sheikh coach chief director chairman chairwoman
councillor councilor alderman deputy spokesman spokeswoman spokesperson agent officer
""".split())
# Letters after a name that are not part of it: "Kama Melly QC", "Ana Ruiz MP", "John Smith Jr.".
NAME_SUFFIXES = frozenset("qc kc mp mep jr jr. sr sr. phd md esq esq. ii iii".split())
# More nouns for one person in a role: "the bus driver said", "the pilot told" (evals/GUIDELINES.md
# §5: a uniquely identified individual is a person).
ROLE_NOUNS = frozenset("""
driver pilot captain victim survivor suspect defendant plaintiff accused passenger teenager
patient farmer shopkeeper owner landlord tenant neighbour neighbor colleague partner
girlfriend boyfriend fiancé grandmother grandfather uncle aunt cousin nephew niece
mom dad singer rapper musician artist director producer novelist poet comedian filmmaker
referee umpire goalkeeper striker captain manager trainer boxer wrestler runner cyclist
climber driver chef paramedic firefighter surgeon physician dentist pharmacist scientist
astronaut engineer architect economist activist
""".split())
# Words that end an organization's name: "Salling Group" makes a later "Salling" the group.
ORG_NAME_ENDS = frozenset("""
group inc inc. ltd ltd. plc corp corp. corporation company co. sa ag gmbh llc holdings
ministry council committee party agency institute university college association federation
union foundation commission authority board bank court service survey centre center
""".split())
# Words of outlets' own names ("Ukrainska Pravda", "Yomiuri Shimbun", "Radio Free Europe").
FOREIGN_MEDIA_WORDS = FOREIGN_MEDIA_WORDS | frozenset("""
pravda izvestia kommersant vedomosti shimbun ilbo asahi yomiuri mainichi hurriyet kathimerini
aftonbladet expressen politiken repubblica figaro spiegel tagesspiegel
""".split())
# Words that say the name after them is an outlet: "Russian daily Kommersant", "the newspaper El País".
OUTLET_NOUNS = frozenset("""
daily newspaper paper weekly magazine broadcaster channel network tabloid outlet website site
radio station agency
""".split())
# Kinds of organization a definite description names ("the airline said", "the regulator
# warned"): an institution speaking, typed organization like "the ministry".
ORGANIZATION_HEADS = ORGANIZATION_HEADS | frozenset("""
airline carrier retailer manufacturer operator insurer charity regulator watchdog prosecution
airport municipality county province city utility automaker carmaker broadcaster's chain
supermarket brand label studio publisher network's consortium cooperative
""".split())
# Source-describing nouns that, definite and singular, pick out one individual ("the lawyer
# said", "her attorney told"): a person, while "a lawyer" or "lawyers" stay anonymous.
ROLE_NOUNS = ROLE_NOUNS | frozenset("""
lawyer attorney senator congressman congresswoman lawmaker legislator professor historian
author columnist editor reporter journalist strategist researcher candidate nominee
consultant witness resident neighbour friend relative parent critic supporter ally adviser
advisor negotiator envoy aide
""".split())

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
# ---- issue 14 (sources) ----
# People who work for an outlet: "ABC moderator David Muir", "the Post's Ana Ruiz" is a person
# with the outlet in the role (evals/GUIDELINES.md 9.7), not the outlet.
OUTLET_STAFF = frozenset("""
reporter reporters correspondent correspondents journalist journalists editor editors columnist
columnists anchor anchors host hosts moderator moderators commentator commentators presenter
presenters writer writers critic critics contributor contributors analyst analysts producer
producers photographer photographers blogger bloggers pollster pollsters interviewer
""".split())
# Last words of proper names that are never a person's: a club, a metonymic street or a
# district speaking ("Manchester United said", "Downing Street said", "Bellwether County said").
NON_PERSON_NAME_ENDS = frozenset("""
united city fc rovers athletic athletics wanderers rangers county street avenue township
district airlines airways motors industries technologies systems labs pharmaceuticals energy
petroleum entertainment studios records partners capital securities brands foods railways
""".split())
# Companies and platforms the small model often tags PERSON ("Twitter said", "Boeing said").
COMPANY_NAMES = frozenset(x.lower() for x in """
Twitter Facebook Google Apple Amazon Microsoft Meta Instagram YouTube TikTok Netflix Uber Lyft
Airbnb Tesla Boeing Airbus Toyota Honda Nissan Ford Volkswagen BMW Renault Siemens Samsung Sony
Huawei Alibaba Tencent Nvidia Intel IBM Oracle Exxon ExxonMobil Chevron BP Walmart Tesco
Carrefour Nestle Nestlé Unilever Pfizer Moderna AstraZeneca Novartis Bayer Gazprom Rosneft
Aeroflot Lufthansa Ryanair easyJet Qantas Starbucks McDonald's Disney Spotify PayPal
Mastercard JPMorgan Citigroup Barclays HSBC Ikea Nike Adidas
""".split())
# Party members: singular and definite, "the Ohio Republican said" is one identified person.
PARTY_MEMBER_NOUNS = frozenset("republican democrat conservative liberal tory socialist".split())
# More nouns for one identified person when definite and singular ("the chief executive said").
ROLE_NOUNS = ROLE_NOUNS | frozenset("""
executive forecaster meteorologist physician investigator commentator correspondent anchor
host presenter
""".split())
# An outlet word only with these before it: "the agency" alone is more often a government agency.
NEWS_AGENCY_MARKERS = frozenset("news press wire".split())
# Organization heads that name an institution only when written as a name ("the Geological
# Survey"); lower-case, "the survey found" is a document.
NAME_ONLY_ORGANIZATION_HEADS = frozenset("survey archive observatory".split())
# More words for an institution speaking ("the district said", "the defence argued").
ORGANIZATION_HEADS = ORGANIZATION_HEADS | frozenset("""
district defence defense prosecution ministry's club's franchise squad outfit lab laboratory
""".split())
# Participles that name a document's issuer: "a poll conducted by Gallup", "a statement released by the club".
ISSUER_PARTICIPLES = frozenset("issue release publish conduct commission prepare compile produce post send".split())
# Words of newspapers' names, outlets only written as a name: "The Ledger reported", "the
# Toronto Star said" (lower-case "the star said" is a person, "the record" a document).
NEWSPAPER_NAME_WORDS = frozenset("""
ledger chronicle courier mirror examiner inquirer enquirer register bulletin dispatch sentinel
argus mercury advertiser star sun express standard globe monitor record review gazette herald
tribune telegraph observer journal times post news daily weekly independent guardian
""".split())
# One competitor or official in sport and the courts, definite and singular ("the defending
# champion said", "the coroner said"): a person, like "the coach".
ROLE_NOUNS = ROLE_NOUNS | frozenset("""
champion winner runner-up finalist semifinalist medallist medalist olympian rookie debutant
newcomer coroner skipper midfielder defender forward winger batsman bowler jockey sprinter
swimmer skier golfer quarterback pitcher playmaker goalscorer keeper challenger titleholder
""".split())
# Institutions and bodies by a common noun ("the fire brigade said", "the junta said").
ORGANIZATION_HEADS = ORGANIZATION_HEADS | frozenset("""
brigade opposition junta regime navy guard jury legislature assembly ombudsman inquiry
""".split())
# More words no person's name ends in: "Human Rights Watch", "Amnesty International".
NON_PERSON_NAME_ENDS = NON_PERSON_NAME_ENDS | frozenset("watch international borders frontières frontieres".split())
# Outlets and agencies beyond the first list; only names that are no common word, since a
# name longer than three letters is matched anywhere in the phrase ("vice", "dawn" are not here).
MEDIA_NAMES = MEDIA_NAMES | frozenset(x.lower() for x in [
    "SANA", "KCNA", "WAFA", "ISNA", "BTA", "PAP", "ČTK", "CTK", "MTI", "ANI", "IANS", "Bernama",
    "Antara", "Jiji", "Ukrinform", "UNIAN", "BelTA", "Prensa Latina", "Notimex", "Agerpres",
    "Tanjug", "Lusa", "CCTV", "CGTN", "Global Times", "People's Daily", "RIA", "Itar-Tass", "dpa",
    "AAP", "RNZ", "RTÉ", "ITV", "ESPN", "CNBC", "TMZ", "The Hollywood Reporter", "Financial Times",
    "The Economist", "El País", "El Mundo", "Süddeutsche Zeitung", "Bild", "Meduza", "Novaya Gazeta",
    "Al-Ahram", "Arab News", "Gulf News", "Hindustan Times", "NDTV", "Straits Times",
    "South China Morning Post", "Sydney Morning Herald", "Globe and Mail", "Toronto Star",
    "Irish Times", "Yle", "NRK", "SVT", "ORF", "TVN", "Polsat", "TVP", "Rzeczpospolita",
    "Voice of America", "VOA", "ProPublica", "National Review", "The New Yorker", "TechCrunch",
    "The Verge", "Ars Technica", "Rolling Stone", "Sky Sports", "Kyiv Independent", "Ukrainska Pravda",
])
# Armed and political groups by the last word of their name ("Boko Haram", "Islamic Jihad").
GROUP_NAMES = GROUP_NAMES | frozenset("haram jihad wagner farc pkk ypg sdf hts m23 jnim aqim iswap shabaab".split())
# Offices that speak, by title, definite and singular: "the pope said", "the emir told".
TITLE_HEADS = TITLE_HEADS | frozenset("""
pope emperor empress patriarch archbishop cardinal ayatollah sultan emir monarch sheikh
""".split())
# Seats of power that speak for a government or church ("The Vatican said", "the palace said").
SEAT_NAMES = frozenset(x.lower() for x in """
Vatican|Holy See|Élysée|Elysee|Élysée Palace|Whitehall|Capitol Hill|Quai d'Orsay|Zhongnanhai|Blue House|
Buckingham Palace|Kensington Palace|Kremlin|Pentagon|White House|Downing Street|Number 10|No 10|Palace
""".replace("\n", "").split("|"))
ORGANIZATION_HEADS = ORGANIZATION_HEADS | frozenset("palace".split())
# More documents and tallies that speak for whoever made them ("a count by the AP", "early
# results of the exit poll", "an email from the union's president").
ISSUED_HEADS = ISSUED_HEADS | frozenset("""
count counts tally tallies result results polling average estimate estimates projection
projections email emails audit review investigation
""".split())
# Executive titles by their letters ("the CEO said" is one person).
ROLE_NOUNS = ROLE_NOUNS | frozenset("ceo cfo coo cto cio".split())
# Nationalities and affiliations written before a name that are no first name ("Lebanese
# Hezbollah", "Iraqi Kataib"), for telling "Chidi Okonkwo" from "Iraqi Okonkwo".
DEMONYMS = frozenset("""
american russian iranian iraqi israeli syrian egyptian saudi yemeni palestinian jordanian afghan
pakistani indian indonesian nigerian kenyan ethiopian somali libyan algerian moroccan tunisian
mexican brazilian argentine colombian venezuelan cuban canadian australian korean european
african asian ukrainian belarusian georgian armenian azerbaijani kazakh uzbek serbian croatian
bosnian albanian romanian bulgarian hungarian austrian italian belgian norwegian estonian latvian
lithuanian emirati qatari kuwaiti omani bahraini shiite shia sunni muslim catholic republican
democratic conservative liberal socialist communist federal national regional northern southern
eastern western central international
""".split())
# Documents whose "of" names what they studied, not who issued them ("a review of the filings").
STUDY_HEADS = frozenset("review survey poll analysis audit investigation count tally study".split())
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
# ---- content edges (helper "bound") ------------------------------------------------------------
# Where and on what occasion words were said ("praised the crew at a rally", "in a speech"):
# a phrase on these is the speech act's circumstance, not part of what it is about.
OCCASION_NOUNS = frozenset("""
rally conference meeting event hearing debate session summit ceremony forum gathering dinner luncheon
breakfast reception visit trip tour stop appearance show program programme broadcast podcast episode
news press town hall speeches remarks comments interviews statements posts tweets letters point
""".split())

# ---- names and cues (helper "names") ----
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
