"""Word lists for who is credited: kinds of sources, outlets, titles, pronouns, names.

Kept apart from the cue words (lexicon.py, which re-exports these, so rules read every list
as `lx.X`) because typing a source is its own idea: what makes a phrase a person, an
institution, an outlet or an unnamed description. All entries are lemmas or lower-cased forms.
"""

from __future__ import annotations

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

# Armed and political groups that spaCy's small model tags as people ("Kataib Hezbollah").
GROUP_NAMES = frozenset("""
hezbollah hamas taliban houthis houthi isis isil al-qaeda al-shabaab hashd pmf pmu
""".split())
INDEFINITE = frozenset("a an one two three four several some many other another few most".split())

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
# Capitalized function words that start a sentence before a name ("The Boeing", "But Kasich").
STOP_CAPITALS = frozenset("""
the a an and but or so if in on at by for from to of with as after before when while since
then also yet still this that these those its his her their our my your new former maybe
perhaps some many most all both even only now here there why what how who where not no yes
every each other another such like unlike although though because unless until meanwhile
instead indeed however just dear says said asked
""".split())
# ---- types (session 7): the kind noun beside a name says what the name is ------------------
# "oil firm Petrobras", "club Arsenal", "Petrobras, the state oil company": an organization,
# whatever NER tags the name (with ORGANIZATION_HEADS).
ORGANIZATION_KINDS = frozenset("""
firm giant maker conglomerate multinational startup business enterprise chain operator supplier
provider lender insurer carrier retailer club side outfit band orchestra choir troupe charity
ngo nonprofit non-profit group franchise label brand regulator watchdog
""".split())
# "striker Kylian Mbappe", "Kylian Mbappe, the French striker": a person, whatever NER tags
# the name (with PERSON_NOUNS, ROLE_NOUNS, TITLE_HEADS and OUTLET_STAFF).
PERSON_KINDS = frozenset("""
footballer cricketer sportsman sportswoman entrepreneur investor businessman businesswoman
politician official diplomat lawmaker legislator activist analyst expert scientist researcher
physicist chemist biologist ecologist astronomer astrophysicist mathematician philosopher
sociologist psychologist economist novelist actor actress singer rapper musician guitarist
drummer composer conductor artist painter photographer designer administrator
commissioner superintendent treasurer auditor dean rector provost principal headteacher
headmaster curator warden medic official spokesman spokeswoman spokesperson officer envoy
""".split())
# Outlet words, "the daily Postimees"; an "agency", "network", "channel" or "station" is an
# outlet only with a news word before it ("news agency Interfax", "TV channel Rossiya").
OUTLET_KINDS = frozenset("daily newspaper paper weekly magazine broadcaster tabloid outlet website portal blog".split())
OUTLET_KIND_IF_NEWS = frozenset("agency network channel station site service".split())
NEWS_WORDS = frozenset("news press wire tv television radio media broadcast broadcasting state-run".split())
# More people by their role, definite and singular ("the NASA administrator said").
ROLE_NOUNS = ROLE_NOUNS | frozenset("""
administrator commissioner superintendent treasurer auditor dean rector provost headteacher
headmaster headmistress curator warden registrar justice
""".split())
# Bodies of people acting as one ("the band said", "the orchestra announced").
ORGANIZATION_HEADS = ORGANIZATION_HEADS | frozenset("band orchestra choir troupe".split())
# Wire agencies: a later "the agency" is one of them (media, not a government agency).
WIRE_AGENCIES = frozenset(x.lower() for x in """
Reuters|AP|Associated Press|The Associated Press|AFP|Agence France-Presse|Xinhua|TASS|Interfax|Kyodo|
Yonhap|Anadolu|EFE|ANSA|dpa|PTI|Press Trust of India|Bernama|Antara|Itar-Tass|RIA Novosti|RIA|IRNA|
ISNA|Tasnim|Fars|Mehr|SANA|KCNA|WAFA|MENA|AAP|Ukrinform|UNIAN|BelTA|Prensa Latina|Notimex|Lusa|
Jiji|Kyodo News|CTK|PAP|BTA|MTI|ANI|IANS|Bloomberg
""".replace("\n", "").split("|"))
# Given names, for a full name the small model tags ORG ("Rodrigo Duterte said", "Novak
# Djokovic said"): a first word here makes a two-to-four-word name a person. No place, brand
# or common word ("Jordan", "Chelsea", "Morgan", "Ford", "Grace", "Will" are left out).
GIVEN_NAMES = frozenset("""
james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony donald steven
paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan
stephen larry justin scott brandon benjamin samuel gregory alexander patrick raymond jack dennis jerry tyler aaron jose
adam nathan henry douglas peter kyle ethan walter noah jeremy keith roger gerald harold sean carl arthur lawrence dylan
jesse bryan bruce albert gabriel alan juan wayne randy vincent eugene russell philip mary patricia jennifer linda
elizabeth barbara susan jessica sarah karen lisa nancy margaret sandra ashley kimberly emily donna michelle carol amanda
dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela anna brenda pamela emma nicole helen
samantha katherine christine rachel carolyn janet catherine maria heather diane julie olivia joyce kelly christina
lauren joan evelyn judith megan andrea hannah jacqueline martha gloria teresa sara kathryn janice abigail alice judy
sophia denise isabella theresa diana natalie tom tony bill bob jim jimmy mike dave steve chris nick matt dan sam ben alex
joe tim rick ted andy pete jeff greg harry kate liz beth jenny katie sally lucy sophie chloe ella zoe boris
mohammed muhammad mohamed mohammad ahmed ahmad hassan hussein omar abdullah abdul ibrahim khalid mahmoud mustafa youssef
yusuf hamid karim tariq nasser walid fatima aisha layla mariam zainab amina nadia leila hamza bashar recep ismail mehmet
ahmet reza hossein javad mohsen masoud ebrahim hamad tamim salman faisal fahd hosni anwar gamal
vladimir sergei sergey dmitry dmitri alexei alexey andrei andriy ivan igor oleg yuri mikhail nikolai viktor volodymyr
petro vitali vitaly olga natalia tatiana irina elena yulia svetlana anastasia ekaterina aleksandr pavel anatoly
gennady valery evgeny yevgeny konstantin ruslan artem maxim novak milos dragan goran zoran slobodan aleksandar lech
jaroslaw donald andrzej mateusz viktor
carlos luis miguel jorge pedro pablo manuel antonio francisco javier rafael alejandro diego fernando sergio ricardo
eduardo roberto marcelo andres andrés gustavo felipe rodrigo lucas mateo santiago raul raúl ramon enrique alberto
alvaro ignacio jaime joao joão paulo luiz inacio sebastian sebastián cristiano lionel neymar giorgia giuseppe giovanni
matteo marco luca francesco alessandro lorenzo mario silvio paolo carlo isabel lucia sofia valentina camila gabriela
daniela mariana carla ana marta pilar dilma cristina evo hugo nicolas nicolás
jean pierre jacques francois françois emmanuel ségolène segolene philippe olivier laurent thierry didier stephane
stéphane michel alain christophe sebastien julien antoine hans klaus jurgen jürgen wolfgang helmut gerhard olaf
friedrich heinrich dieter stefan lars jens anders erik henrik magnus sven mette sanna jacinda ursula annalena markus
mats ingrid mark-paul rutger
xi li wang zhang liu kim lee yoon shinzo fumio yoshihide naomi kei shohei narendra rahul sonia amit arvind manmohan
priyanka indira ravi sanjay vijay sachin virat mahendra imran nawaz shehbaz benazir asif cyril thabo julius uhuru raila
yoweri muhammadu goodluck olusegun bola ngozi abiy tedros kofi kwame ellen emmerson felix samia joko susilo prabowo
megawati ferdinand thaksin yingluck prayut yair naftali benny avigdor yitzhak shimon ehud moshe itamar kylian usain
serena rafael simone lebron kobe zinedine arsene arsène pep zlatan luka sadio virgil erling mesut carly ilya junot
eva eva-maria cecile cécile
""".split())
# Clergy titles before a name ("the Rev. Ana Okoro said").
NAME_TITLES = NAME_TITLES | frozenset("rev. rev reverend pastor".split())
TITLE_HEADS = TITLE_HEADS | frozenset({"lama"})  # "the Dalai Lama said"
# Nationality nouns for one person ("the Briton said", "the 22-year-old Spaniard said").
DEMONYM_NOUNS = frozenset("briton brit spaniard dane swede pole scot finn turk kiwi aussie filipino filipina".split())
MEDIA_NAMES = MEDIA_NAMES | frozenset("""la stampa|huffpo|bfmtv|newsmax|the daily beast|daily beast|mediaite|nikkei|rudaw|tvnz|9news
|channel newsasia|yedioth ahronoth|die welt|der standard|o globo|folha de s.paulo|el universal|le parisien""".replace("\n", "").split("|"))
FOREIGN_MEDIA_WORDS = FOREIGN_MEDIA_WORDS | frozenset("courrier stampa".split())
# Broadcasters: a later "the broadcaster" or "the network" is one of them.
BROADCASTERS = frozenset("bbc|cnn|abc|cbs|nbc|fox news|sky news|al jazeera|nhk|cbc|itv|rt|france 24|euronews|dw|npr|msnbc|rté|ctv".split("|"))
ORGANIZATION_HEADS = ORGANIZATION_HEADS | frozenset("""giant conglomerate multinational startup lender supplier coastguard
consulate mission delegation museum zoo library gallery theatre theater festival trust prison brewery refinery railway
fund sanctuary mosque temple parish academy clinic panel""".split())
