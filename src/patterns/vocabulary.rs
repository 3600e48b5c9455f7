//! The words the patterns react to, in one table: every word of a document is looked up once
//! ([`classify`]), and each pattern stage then only visits the words that can start it. This
//! replaces per-word chains of string comparisons, which dominated tagging time. The small
//! words that end or join a phrase (function words, name connectors) are classes of the same
//! table, asked about one word at a time with [`has`], so each list is written once, here.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::Doc;
use crate::text::word_hash::WordHashing;

/// Word classes, as bits.
pub const TITLE: u32 = 1;
pub const TITLE_MODIFIER: u32 = 1 << 1;
pub const ROLE: u32 = 1 << 2;
pub const ORG_HEAD: u32 = 1 << 3;
pub const LEADING_HEAD: u32 = 1 << 4;
pub const MONTH: u32 = 1 << 5;
pub const WEEKDAY: u32 = 1 << 6;
pub const NUMBER: u32 = 1 << 7;
pub const DATE_CUE: u32 = 1 << 8;
pub const ARTICLE: u32 = 1 << 9;
pub const PLACE_CUE: u32 = 1 << 10;
pub const FACILITY: u32 = 1 << 11;
pub const LEADING_FACILITY: u32 = 1 << 12;
pub const GIVEN_NAME: u32 = 1 << 13;
pub const SHIP_PREFIX: u32 = 1 << 14;
pub const HOLIDAY: u32 = 1 << 15;
pub const FUNCTION_WORD: u32 = 1 << 16;
pub const NAME_CONNECTOR: u32 = 1 << 17;
pub const SENTENCE_OPENER: u32 = 1 << 18;
pub const NOUN_SEARCH_END: u32 = 1 << 19;
pub const COMMON_CAPITALIZED: u32 = 1 << 20;
/// Not from the table: the word starts with a digit.
pub const DIGITS: u32 = 1 << 21;
/// Very common Spanish function words, counted to tell a Spanish article ([`crate::patterns::language`]).
pub const SPANISH_CUE: u32 = 1 << 22;
/// Very common English function words, counted against the Spanish ones.
pub const ENGLISH_CUE: u32 = 1 << 23;
/// Spanish numbers written as words, read only in a Spanish article ("once" is English too).
pub const SPANISH_NUMBER: u32 = 1 << 24;
/// Spanish words that end the search for the noun a figure counts ("300 armas en …").
pub const SPANISH_NOUN_END: u32 = 1 << 25;
/// Words that name a fraction ("half", "thirds", "quarter"), valued by their denominator.
pub const FRACTION: u32 = 1 << 26;
/// Nouns that name an item by the number after them ("Section 1960", "route 15", "carretera
/// federal 15"): that number is neither a figure nor a year.
pub const NUMBERING: u32 = 1 << 27;

/// Ship prefixes of navies that appear in the news ("USS Mahan"), as written.
pub const SHIP_PREFIXES: &[&str] = &[
    "USS", "USNS", "USCGC", "HMS", "HMCS", "HMAS", "HMNZS", "FS", "INS", "ARM", "BAP", "ARC",
    "ROKS", "JS", "TCG", "RFS", "ITS", "ESPS", "HNLMS", "FGS", "KRI", "PNS", "BNS", "SLNS", "HDMS",
    "HNoMS", "HSwMS", "NRP", "ARA", "BRP", "IRIS", "CNS",
];

/// Given names that start a person's name ("Jonathan Cohen"): `lexicons/given_names.txt`,
/// one per line, compiled in.
const GIVEN_NAMES: &str = include_str!("../../lexicons/given_names.txt");

/// Words that complete a title ("Secretary", "Gen."): a name follows them.
pub const TITLES: &[&str] = &[
    "president",
    "gen",
    "general",
    "lt",
    "lieutenant",
    "col",
    "colonel",
    "maj",
    "major",
    "capt",
    "captain",
    "sgt",
    "sergeant",
    "cpl",
    "corporal",
    "pvt",
    "spc",
    "specialist",
    "adm",
    "admiral",
    "cmdr",
    "commander",
    "commodore",
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "professor",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "judge",
    "justice",
    "secretary",
    "minister",
    "ambassador",
    "prosecutor",
    "director",
    "chief",
    "officer",
    "agent",
    "sheriff",
    "detective",
    "inspector",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "ayatollah",
    "imam",
    "chancellor",
    "premier",
    "commissioner",
    "chairman",
    "chairwoman",
    "speaker",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "advisor",
    "adviser",
    "czar",
    "administrator",
    "attorney",
    "marshal",
    "brig",
    "brigadier",
    "cdr",
    "superintendent",
    "comandante",
    "licenciado",
    "senora",
    "senor",
    "don",
    "dona",
    "presidenta",
    "gobernador",
    "gobernadora",
    "fiscal",
];

/// Words that may stand before a title in a compound one ("Deputy Secretary", "Navy Capt.",
/// "Prime Minister").
pub const TITLE_MODIFIERS: &[&str] = &[
    "vice",
    "deputy",
    "assistant",
    "acting",
    "former",
    "prime",
    "foreign",
    "defense",
    "defence",
    "interior",
    "press",
    "special",
    "senior",
    "staff",
    "first",
    "petty",
    "navy",
    "army",
    "air",
    "force",
    "marine",
    "coast",
    "guard",
    "command",
    "master",
    "chief",
    "executive",
    "general",
    "lt",
    "lieutenant",
    "maj",
    "major",
    "brig",
    "brigadier",
    "rear",
    "us",
    "u",
    "s",
    "state",
    "federal",
    "district",
    "associate",
    "under",
    "principal",
    "national",
    "security",
    "homeland",
    "border",
    "treasury",
    "pentagon",
    "white",
    "house",
    "attorney",
    "secretary",
    "mexican",
    "iraqi",
    "syrian",
    "sgt",
    "sergeant",
    "spc",
    "capt",
    "col",
    "gen",
    "adm",
    "cmdr",
];

/// Lower-case role nouns that introduce a full name: "spokesman John Kirby", "his son Ovidio
/// Guzmán".
pub const ROLE_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "analyst",
    "researcher",
    "professor",
    "prosecutor",
    "judge",
    "commander",
    "director",
    "minister",
    "secretary",
    "ambassador",
    "president",
    "governor",
    "mayor",
    "senator",
    "lawmaker",
    "congressman",
    "congresswoman",
    "lawyer",
    "attorney",
    "journalist",
    "reporter",
    "leader",
    "founder",
    "boss",
    "kingpin",
    "capo",
    "lieutenant",
    "official",
    "expert",
    "economist",
    "author",
    "historian",
    "activist",
    "sheriff",
    "detective",
    "operative",
    "trafficker",
    "smuggler",
    "defendant",
    "son",
    "daughter",
    "brother",
    "wife",
    "husband",
    "cousin",
    "nephew",
    "father",
    "mother",
    "businessman",
    "businesswoman",
    "colonel",
    "general",
    "admiral",
    "captain",
    "sergeant",
    "chief",
    "head",
    "fellow",
    "scholar",
    "coordinator",
    "candidate",
    "suspect",
    "witness",
    "pilot",
    "agent",
    "director-general",
    "investigator",
    "diplomat",
    "negotiator",
    "envoy",
];

/// Head nouns that make a capitalized phrase an organization ("… Implementation Group").
pub const ORG_HEADS: &[&str] = &[
    "group",
    "cartel",
    "agency",
    "ministry",
    "department",
    "council",
    "committee",
    "commission",
    "command",
    "forces",
    "force",
    "army",
    "navy",
    "guard",
    "police",
    "party",
    "front",
    "brigade",
    "brigades",
    "battalion",
    "regiment",
    "division",
    "corps",
    "university",
    "institute",
    "center",
    "centre",
    "foundation",
    "organization",
    "organisation",
    "association",
    "bank",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "llc",
    "company",
    "office",
    "bureau",
    "service",
    "services",
    "administration",
    "authority",
    "court",
    "tribunal",
    "coalition",
    "alliance",
    "network",
    "movement",
    "union",
    "federation",
    "assembly",
    "parliament",
    "secretariat",
    "unit",
    "gang",
    "clan",
    "syndicate",
    "mafia",
    "militia",
    "brotherhood",
    "industries",
    "technologies",
    "systems",
    "holdings",
    "board",
    "laboratories",
    "academy",
    "college",
    "fund",
    "agencies",
    "directorate",
    "cartels",
];

/// Heads that can come first: "Ministry of Defence", "Secretaría de Marina".
pub const LEADING_HEADS: &[&str] = &[
    "ministry",
    "department",
    "office",
    "bureau",
    "secretariat",
    "institute",
    "university",
    "council",
    "bank",
    "court",
    "commission",
    "committee",
    "army",
    "coalition",
    "federation",
    "union",
    "league",
    "cartel",
    "secretaria",
    "fiscalia",
    "procuraduria",
    "ministerio",
    "policia",
    "guardia",
    "ejercito",
    "cartel de",
    "agency",
    "directorate",
    "embassy",
    "consulate",
    "school",
    "center",
    "centre",
    "organization",
    "bank of",
    "party",
    "administration",
];

/// Days of the week.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// First words of the cues after which a capitalized name is a place ("near", "town of").
pub const PLACE_CUES: &[&str] = &[
    "near",
    "outside",
    "town",
    "city",
    "village",
    "villages",
    "province",
    "municipality",
    "municipalities",
    "state",
    "region",
    "district",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "outskirts",
    "comunidad",
    "municipio",
    "poblado",
    "localidad",
    "ejido",
    "rancheria",
];

/// Heads that end facility and feature names ("Tabqa Dam", "Tiyas Military Airfield").
pub const FACILITIES: &[&str] = &[
    "airfield",
    "airbase",
    "airport",
    "dam",
    "bridge",
    "prison",
    "penitentiary",
    "crossing",
    "base",
    "refinery",
    "valley",
    "river",
    "mountains",
    "desert",
    "province",
    "governorate",
    "district",
    "municipality",
    "neighborhood",
    "highway",
    "island",
    "islands",
    "lake",
    "canyon",
];

/// Heads that begin facility and feature names ("Camp Hurriya", "Lake Chapala").
pub const LEADING_FACILITIES: &[&str] = &[
    "camp", "fort", "mount", "lake", "port", "puerto", "cerro", "isla",
];

/// Month names and abbreviations with their number.
pub const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Numbers written as words, with their value; "hundred", "thousand" and "dozen" multiply.
pub const NUMBER_WORDS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("dozen", 12),
    ("hundred", 100),
    ("thousand", 1000),
];

/// The nouns of [`NUMBERING`].
pub const NUMBERING_WORDS: &[&str] = &[
    "section",
    "sections",
    "article",
    "articles",
    "articulo",
    "rule",
    "title",
    "chapter",
    "paragraph",
    "clause",
    "resolution",
    "footnote",
    "exhibit",
    "docket",
    "route",
    "highway",
    "interstate",
    "carretera",
    "autopista",
    "flight",
    "vuelo",
    "room",
    "suite",
    "box",
    "page",
    "pages",
    "gate",
    "exit",
    "platform",
    "pier",
    "berth",
    "muelle",
    "kilometro",
];

/// Fraction words, with the denominator they name ([`crate::patterns::fractions`]).
pub const FRACTION_WORDS: &[(&str, u32)] = &[
    ("half", 2),
    ("halves", 2),
    ("third", 3),
    ("thirds", 3),
    ("quarter", 4),
    ("quarters", 4),
    ("fifth", 5),
    ("fifths", 5),
    ("sixth", 6),
    ("sixths", 6),
    ("eighth", 8),
    ("eighths", 8),
    ("tenth", 10),
    ("tenths", 10),
    ("hundredth", 100),
    ("hundredths", 100),
];

/// Spanish numbers written as words, with their value: units, teens, the "veinti-" words, tens,
/// hundreds and "mil". Tens join units with "y" ("treinta y cinco"); "mil", "millones" and
/// "billones" multiply ([`crate::patterns::spanish`]).
pub const SPANISH_NUMBER_WORDS: &[(&str, u32)] = &[
    ("un", 1),
    ("uno", 1),
    ("una", 1),
    ("dos", 2),
    ("tres", 3),
    ("cuatro", 4),
    ("cinco", 5),
    ("seis", 6),
    ("siete", 7),
    ("ocho", 8),
    ("nueve", 9),
    ("diez", 10),
    ("once", 11),
    ("doce", 12),
    ("trece", 13),
    ("catorce", 14),
    ("quince", 15),
    ("dieciseis", 16),
    ("diecisiete", 17),
    ("dieciocho", 18),
    ("diecinueve", 19),
    ("veinte", 20),
    ("veintiun", 21),
    ("veintiuno", 21),
    ("veintiuna", 21),
    ("veintidos", 22),
    ("veintitres", 23),
    ("veinticuatro", 24),
    ("veinticinco", 25),
    ("veintiseis", 26),
    ("veintisiete", 27),
    ("veintiocho", 28),
    ("veintinueve", 29),
    ("treinta", 30),
    ("cuarenta", 40),
    ("cincuenta", 50),
    ("sesenta", 60),
    ("setenta", 70),
    ("ochenta", 80),
    ("noventa", 90),
    ("cien", 100),
    ("ciento", 100),
    ("doscientos", 200),
    ("doscientas", 200),
    ("trescientos", 300),
    ("trescientas", 300),
    ("cuatrocientos", 400),
    ("cuatrocientas", 400),
    ("quinientos", 500),
    ("quinientas", 500),
    ("seiscientos", 600),
    ("seiscientas", 600),
    ("setecientos", 700),
    ("setecientas", 700),
    ("ochocientos", 800),
    ("ochocientas", 800),
    ("novecientos", 900),
    ("novecientas", 900),
    ("mil", 1000),
];

/// Spanish function words common in any Spanish text and absent from English prose; an
/// article with more of these than of [`ENGLISH_CUES`] is read as Spanish. Words shared with
/// English names ("de" in "Cartel de Sinaloa") count too: an English article about Mexico
/// still has many more English cues.
const SPANISH_CUES: &[&str] = &[
    "de", "la", "el", "los", "las", "del", "y", "que", "en", "por", "con", "para", "se", "su",
    "sus", "al", "una", "fue", "fueron", "entre", "como", "segun", "tambien", "este", "esta",
];

/// English function words, counted against [`SPANISH_CUES`].
const ENGLISH_CUES: &[&str] = &[
    "the", "of", "and", "to", "in", "on", "was", "were", "is", "are", "with", "that", "for",
    "from", "by", "said", "has", "have", "it",
];

/// Spanish words that end the search for a counted noun: articles, prepositions other than
/// "de" ("armas de fuego" goes on) and verbs that follow a bare number ("tres fueron …").
const SPANISH_NOUN_ENDS: &[&str] = &[
    "en", "a", "al", "por", "que", "y", "e", "o", "con", "para", "los", "las", "el", "la", "del",
    "se", "fue", "fueron", "son", "eran", "entre", "sin", "desde", "hasta", "segun", "mas",
    "menos", "su", "sus", "como", "tras", "sobre", "durante", "cada", "ya", "no", "ellos", "ellas",
];

/// Holidays that date an event: "on Thanksgiving Day", "this Christmas", "during Ramadan".
pub const HOLIDAYS: &[&str] = &[
    "thanksgiving",
    "christmas",
    "easter",
    "ramadan",
    "hanukkah",
    "passover",
    "halloween",
    "eid",
];

/// Words that begin relative dates: "today", "the past year", "earlier this month".
pub const DATE_CUES: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "the",
    "last",
    "past",
    "next",
    "coming",
    "previous",
    "this",
    "current",
    "earlier",
    "later",
    "early",
    "late",
    "recent",
];

/// Small words, English and Spanish, that never make up what a figure counts: the fact
/// linkers end an item ("rifles" in "40 rifles in the truck") or a source's phrase at them.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "by",
    "with",
    "from",
    "and",
    "or",
    "but",
    "as",
    "than",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "this",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "had",
    "has",
    "have",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "said",
    "says",
    "more",
    "most",
    "less",
    "fewer",
    "about",
    "nearly",
    "almost",
    "over",
    "under",
    "some",
    "each",
    "per",
    "all",
    "into",
    "through",
    "between",
    "after",
    "before",
    "during",
    "since",
    "while",
    "also",
    "not",
    "no",
    "they",
    "it",
    "he",
    "she",
    "we",
    "them",
    "there",
    "then",
    "when",
    "where",
    "if",
    "so",
    "el",
    "la",
    "los",
    "las",
    "un",
    "una",
    "unos",
    "unas",
    "de",
    "del",
    "en",
    "y",
    "o",
    "con",
    "por",
    "para",
    "que",
    "se",
    "su",
    "sus",
    "al",
    "mas",
    "menos",
    "casi",
    "total",
    "combined",
    "another",
    "other",
    "roughly",
    "around",
    "approximately",
    "estimated",
    "least",
    "up",
    "only",
    "just",
];

/// Small words allowed inside an organization's name when capitalized words surround them
/// ("Bureau of Alcohol", "Secretaría de Seguridad y Protección Ciudadana").
const NAME_CONNECTORS: &[&str] = &[
    "of", "for", "and", "the", "on", "de", "del", "la", "los", "las", "y", "el", "against",
];

/// Capitalized words that begin sentences and never begin a name: an organization phrase
/// drops them from its front.
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "in",
    "on",
    "at",
    "for",
    "by",
    "with",
    "from",
    "as",
    "when",
    "while",
    "after",
    "before",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "according",
    "under",
    "since",
    "if",
    "both",
    "each",
    "every",
    "all",
    "some",
    "many",
    "most",
    "other",
    "such",
    "during",
    "meanwhile",
    "however",
    "last",
    "former",
    "new",
    "several",
];

/// Words that end the search for the noun a figure counts: function words and common verbs
/// that follow a bare number ("killed 15 in", "six were").
const NOUN_SEARCH_ENDS: &[&str] = &[
    "of", "in", "on", "at", "to", "from", "by", "for", "with", "and", "or", "but", "were", "was",
    "are", "is", "be", "been", "have", "had", "has", "who", "that", "which", "the", "a", "an",
    "per", "than", "as", "into", "during", "since", "each", "across", "between", "while", "after",
    "before", "said", "says", "this", "these", "those", "its", "their", "his", "her", "our",
    "will", "would", "could", "can", "may", "might", "did", "do", "does", "not", "more", "less",
    "other", "others", "over", "under", "about", "percent", "times", "ago", "earlier", "later",
    "apiece", "when", "where", "if", "so", "because", "through", "against", "among",
];

/// Capitalized words that can stand before a number without making it part of a name ("About
/// 300", "USD 5"); after any other capitalized word the number names something ("Barrio 18").
/// Month names can too, by their own class.
const COMMON_CAPITALIZED_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "by",
    "for",
    "of",
    "from",
    "to",
    "with",
    "and",
    "but",
    "or",
    "only",
    "just",
    "about",
    "around",
    "nearly",
    "almost",
    "some",
    "over",
    "more",
    "less",
    "fewer",
    "least",
    "up",
    "as",
    "all",
    "another",
    "roughly",
    "approximately",
    "between",
    "since",
    "until",
    "after",
    "before",
    "during",
    "than",
    "those",
    "these",
    "usd",
    "mxn",
    "eur",
    "gbp",
    "cad",
    "under",
    "below",
    "above",
    "exactly",
    "when",
    "while",
    "if",
    "because",
    "still",
    "yet",
    // Spanish words that start a sentence before a figure ("Casi 600 mil …").
    "casi",
    "unos",
    "unas",
    "mas",
    "menos",
    "alrededor",
    "cerca",
    "hasta",
    "aproximadamente",
    "poco",
    "entre",
    "en",
    "con",
    "los",
    "las",
    "del",
    "al",
    "y",
    "por",
    "para",
    "otros",
    "otras",
    "solo",
];

#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    classes: u32,
    /// A month's or number word's value.
    value: u32,
}

type Table = HashMap<&'static str, Entry, WordHashing>;

/// Longer words are in no class: they need no lookup.
const LONGEST: usize = 20;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Table::default();
        let lists: [(&[&str], u32); 20] = [
            (HOLIDAYS, HOLIDAY),
            (PLACE_CUES, PLACE_CUE),
            (FACILITIES, FACILITY),
            (LEADING_FACILITIES, LEADING_FACILITY),
            (TITLES, TITLE),
            (TITLE_MODIFIERS, TITLE_MODIFIER),
            (ROLE_NOUNS, ROLE),
            (ORG_HEADS, ORG_HEAD),
            (LEADING_HEADS, LEADING_HEAD),
            (WEEKDAYS, WEEKDAY),
            (DATE_CUES, DATE_CUE),
            (FUNCTION_WORDS, FUNCTION_WORD),
            (NAME_CONNECTORS, NAME_CONNECTOR),
            (SENTENCE_OPENERS, SENTENCE_OPENER),
            (NOUN_SEARCH_ENDS, NOUN_SEARCH_END),
            (COMMON_CAPITALIZED_WORDS, COMMON_CAPITALIZED),
            (SPANISH_CUES, SPANISH_CUE),
            (ENGLISH_CUES, ENGLISH_CUE),
            (SPANISH_NOUN_ENDS, SPANISH_NOUN_END),
            (NUMBERING_WORDS, NUMBERING),
        ];
        for (words, class) in lists {
            for word in words {
                table.entry(word).or_default().classes |= class;
            }
        }
        let valued_lists = [
            (MONTHS, MONTH),
            (NUMBER_WORDS, NUMBER),
            (SPANISH_NUMBER_WORDS, SPANISH_NUMBER),
            (FRACTION_WORDS, FRACTION),
        ];
        for (valued, class) in valued_lists {
            for &(word, value) in valued {
                let entry = table.entry(word).or_default();
                entry.classes |= class;
                entry.value = value;
            }
        }
        for word in ["a", "an"] {
            table.entry(word).or_default().classes |= ARTICLE;
        }
        for prefix in SHIP_PREFIXES {
            let folded: &'static str = Box::leak(prefix.to_ascii_lowercase().into_boxed_str());
            table.entry(folded).or_default().classes |= SHIP_PREFIX;
        }
        for line in GIVEN_NAMES.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            // Folded like the text, so "José" finds "Jose"; leaked once, as the table's keys
            // live as long as the process.
            let folded: &'static str = Box::leak(crate::text::fold(line).into_boxed_str());
            table.entry(folded).or_default().classes |= GIVEN_NAME;
        }
        table
    })
}

fn entry(word: &str) -> Entry {
    if word.len() > LONGEST {
        return Entry::default();
    }
    table().get(word).copied().unwrap_or_default()
}

/// Whether the folded `word` is in `class`.
pub fn has(word: &str, class: u32) -> bool {
    entry(word).classes & class != 0
}

/// The value of a word in `class` (a month's number, a number word's value).
pub fn value(word: &str, class: u32) -> Option<u32> {
    let e = entry(word);
    (e.classes & class != 0).then_some(e.value)
}

/// The classes of every word of `doc`, in word order.
pub fn classify(doc: &Doc<'_>) -> Vec<u32> {
    (0..doc.words.len())
        .map(|i| {
            let word = doc.word(i);
            if word.as_bytes()[0].is_ascii_digit() {
                DIGITS
            } else {
                entry(word).classes
            }
        })
        .collect()
}
