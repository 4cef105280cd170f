"""Word lists the offline engine reasons with: cue verbs, stance, source kinds.

Kept apart from the rules so that widening coverage is a data change, not a code change.
All entries are lemmas or lower-cased forms.
"""

from __future__ import annotations

# Speech and reporting verbs: any subject may be a source ("The Quds Force said").
SPEECH_VERBS = frozenset("""
say tell report add note state announce explain declare claim insist argue warn deny
confirm reveal stress underscore emphasize emphasise write tweet post reply respond
answer comment remark mention acknowledge admit concede assert maintain contend allege
caution predict promise pledge vow threaten urge demand complain lament boast testify
disclose divulge inform brief recount recall describe quip joke muse scoff retort counter
reiterate repeat echo point observe indicate hint suggest speculate estimate forecast
guarantee assure reassure affirm aver proclaim dispute refute
reject dismiss rebuff question doubt wonder learn quote cite express ask outline
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
denounce hail applaud point report
""".split())
# Prepositions that introduce what a speech act is about ("warned of", "called for").
ABOUT_PREPS = frozenset("for about of against as over".split())

DENIAL_VERBS = frozenset("deny refute reject dismiss rebuff dispute".split())
HEDGE_VERBS = frozenset("""
claim allege suggest speculate believe think expect hope fear feel suspect assume reckon
estimate predict hint indicate forecast guess
""".split())

# Nouns that name a view, taking a "that" clause: "expressed hope that ...".
CONTENT_NOUNS = frozenset(
    "hope belief confidence concern fear doubt view opinion claim assertion assurance warning "
    "statement announcement denial allegation expectation suggestion conviction optimism".split()
)

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
""".split())

# Words that make a noun phrase an institution.
ORGANIZATION_HEADS = frozenset("""
ministry office government house embassy army military cabinet council committee
department party movement group coalition alliance framework organization organisation
agency administration authority authorities police court parliament congress senate
commission presidency campaign company firm bank union force forces militia militias
faction factions state states service services secretariat bureau directorate
command headquarters team spokesman's
""".split())

# News outlets: a phrase ending in one of these words, or one of the names below.
MEDIA_HEADS = frozenset("""
tv television radio channel newspaper paper daily agency network news times post journal
magazine outlet outlets media press broadcaster website gazette herald tribune telegraph
guardian observer wire
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
PRONOUNS = PRONOUNS_SINGULAR_PERSON | PRONOUNS_SINGULAR_THING | PRONOUNS_PLURAL | PRONOUNS_FIRST

# Heads that name one specific office-holder ("Head of Iran's Quds Force", "the Prime Minister").
TITLE_HEADS = frozenset("""
head chief president minister secretary spokesman spokeswoman spokesperson commander leader
director ambassador governor mayor king queen prince premier chairman chairwoman chair
speaker envoy coordinator representative
""".split())
INDEFINITE = frozenset("a an one two three four several some many other another few most".split())

CUE_LEMMAS = SPEECH_VERBS | BELIEF_VERBS | SPEECH_ACT_VERBS
