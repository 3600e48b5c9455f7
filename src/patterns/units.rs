//! The vocabulary around numbers: units of measure, currencies, counted nouns.

use super::language::Language;
use super::vocabulary;
use crate::text::Doc;

/// A unit of measure written as one word, by its folded spelling.
pub fn measure_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "kilogram" | "kilograms" | "kilo" | "kilos" | "kg" | "kgs" | "kilogramo" | "kilogramos" => {
            "kg"
        }
        "gram" | "grams" | "gramme" | "grammes" | "g" | "gramo" | "gramos" => "g",
        "milligram" | "milligrams" | "mg" | "miligramo" | "miligramos" => "mg",
        "pound" | "pounds" | "lb" | "lbs" | "libra" | "libras" => "lb",
        "ounce" | "ounces" | "oz" | "onza" | "onzas" => "oz",
        "ton" | "tons" | "tonne" | "tonnes" | "tonelada" | "toneladas" => "t",
        "kilometer" | "kilometers" | "kilometre" | "kilometres" | "km" | "kilometro"
        | "kilometros" => "km",
        "mile" | "miles" | "milla" | "millas" => "mi",
        "meter" | "meters" | "metre" | "metres" | "metro" | "metros" => "m",
        "foot" | "feet" | "ft" => "ft",
        "hectare" | "hectares" | "hectarea" | "hectareas" => "ha",
        "acre" | "acres" => "acre",
        "liter" | "liters" | "litre" | "litres" | "litro" | "litros" => "l",
        "gallon" | "gallons" | "galones" => "gal",
        "barrel" | "barrels" => "bbl",
        "year" | "years" | "anos" => "year",
        "month" | "months" | "meses" => "month",
        "week" | "weeks" | "semanas" => "week",
        "day" | "days" | "dias" => "day",
        "hour" | "hours" | "horas" => "hour",
        "minute" | "minutes" | "minutos" => "minute",
        _ => return None,
    })
}

/// Whether a figure's unit is a unit of measure (rather than a counted noun like "pill").
pub fn is_measure(unit: &str) -> bool {
    matches!(
        unit,
        "kg" | "g"
            | "mg"
            | "lb"
            | "oz"
            | "t"
            | "km"
            | "mi"
            | "nmi"
            | "m"
            | "ft"
            | "ha"
            | "acre"
            | "l"
            | "gal"
            | "bbl"
            | "year"
            | "month"
            | "week"
            | "day"
            | "hour"
            | "minute"
            | "km2"
            | "mi2"
            | "m2"
            | "ft2"
    )
}

/// `n` to 15 significant digits: a binary product such as 7,000 × 0.45359237 comes out
/// as 3175.1465900000003, where the exact decimal product is 3175.14659, and an analyst
/// reading the table should see the latter.
fn without_float_noise(n: f64) -> f64 {
    format!("{n:.14e}").parse().unwrap_or(n)
}

/// A mass in kilograms, from a value in one of [`measure_word`]'s mass units ("t" is the
/// metric ton: news rarely means the short ton, and never says which).
pub fn in_kilograms(unit: &str, value: f64) -> Option<f64> {
    let per_unit = match unit {
        "kg" => 1.0,
        "g" => 1e-3,
        "mg" => 1e-6,
        "t" => 1000.0,
        "lb" => 0.453_592_37,
        "oz" => 0.028_349_523_125,
        _ => return None,
    };
    Some(without_float_noise(value * per_unit))
}

/// A unit of measure glued to digits ("300kg", "5km", "20lbs").
pub fn attached_measure(letters: &str) -> Option<&'static str> {
    match letters {
        "kg" | "kgs" | "g" | "mg" | "lb" | "lbs" | "oz" | "km" | "ft" | "ha" | "l" => {
            measure_word(letters)
        }
        "t" => Some("t"),
        "m" => Some("m"),
        "mi" => Some("mi"),
        "km2" | "sqkm" => Some("km2"),
        _ => None,
    }
}

/// The unit of measure that starts at word `j`, with the folded byte offset where it ends:
/// "kilograms", "square kilometers", "metric tons", "sq km".
pub fn measure_at(doc: &Doc<'_>, j: usize) -> Option<(&'static str, usize)> {
    let word = doc.word(j);
    let next_is = |k: usize| -> Option<&str> {
        (j + k < doc.words.len() && doc.gap_before(j + k) == " ").then(|| doc.word(j + k))
    };
    if matches!(word, "square" | "sq") {
        let area = match next_is(1)? {
            "kilometers" | "kilometres" | "kilometer" | "kilometre" | "km" => "km2",
            "miles" | "mile" | "mi" => "mi2",
            "meters" | "metres" | "meter" | "metre" | "m" => "m2",
            "feet" | "foot" | "ft" => "ft2",
            _ => return None,
        };
        return Some((area, doc.words[j + 1].end));
    }
    let nautical = match word {
        "nautical" => matches!(next_is(1), Some("miles" | "mile")),
        "millas" | "milla" => matches!(next_is(1), Some("nauticas" | "nautica")),
        _ => false,
    };
    if nautical {
        return Some(("nmi", doc.words[j + 1].end));
    }
    if matches!(word, "metric" | "short") && matches!(next_is(1), Some("tons" | "ton" | "tonnes")) {
        return Some(("t", doc.words[j + 1].end));
    }
    // "km2" is split into "km2"; "1,000 km²" folds "²" to "2" glued to "km".
    if matches!(word, "km2" | "mi2") {
        return Some((if word == "km2" { "km2" } else { "mi2" }, doc.words[j].end));
    }
    measure_word(word).map(|unit| (unit, doc.words[j].end))
}

/// Nouns that are counted in this domain, in the singular; plurals are recognized by their
/// ending, but these are also accepted in the singular ("one rifle").
const COUNTED: &[&str] = &[
    "person",
    "man",
    "woman",
    "child",
    "member",
    "soldier",
    "troop",
    "marine",
    "officer",
    "agent",
    "suspect",
    "migrant",
    "civilian",
    "victim",
    "death",
    "homicide",
    "murder",
    "killing",
    "arrest",
    "detainee",
    "prisoner",
    "inmate",
    "fighter",
    "militant",
    "gunman",
    "pill",
    "tablet",
    "dose",
    "rifle",
    "pistol",
    "gun",
    "firearm",
    "weapon",
    "round",
    "cartridge",
    "magazine",
    "grenade",
    "vehicle",
    "truck",
    "car",
    "boat",
    "vessel",
    "aircraft",
    "drone",
    "helicopter",
    "lab",
    "laboratory",
    "case",
    "country",
    "nation",
    "state",
    "city",
    "municipality",
    "strike",
    "airstrike",
    "target",
    "building",
    "position",
    "tunnel",
    "facility",
    "package",
    "shipment",
    "container",
    "bag",
    "brick",
    "bundle",
    "mine",
    "bomb",
    "launcher",
    "attack",
    "operation",
    "raid",
    "cartel",
    "gang",
    "group",
    "cell",
    "company",
    "bank",
    "account",
    "individual",
    "entity",
    "family",
    "student",
    "journalist",
    "police",
    "policeman",
    "mayor",
    "candidate",
    "defendant",
    "body",
    "corpse",
    "grave",
    "unit",
    "site",
    "warehouse",
    "camp",
    "checkpoint",
    "crossing",
    "port",
    "flight",
    "plane",
    "shot",
    "casualty",
    "injury",
];

/// Irregular plurals of counted nouns, mapped to their singular.
fn irregular_plural(word: &str) -> Option<&'static str> {
    Some(match word {
        "people" => "person",
        "persons" => "person",
        "men" => "man",
        "women" => "woman",
        "children" => "child",
        "police" => "police officer",
        "policemen" => "policeman",
        "gunmen" => "gunman",
        "aircraft" => "aircraft",
        "personnel" => "personnel",
        "troops" => "troop",
        _ => return None,
    })
}

/// Words that end a search for the counted noun: function words and common verbs that follow
/// a bare number ("killed 15 in", "six were").
fn ends_noun_search(word: &str) -> bool {
    vocabulary::has(word, vocabulary::NOUN_SEARCH_END)
}

/// The singular of a regular English plural ("casualties", "pills", "boxes"), or `None` if the
/// word does not look like a plural noun.
pub fn singularize(word: &str) -> Option<String> {
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if !word.ends_with('s')
        || word.ends_with("ss")
        || word.ends_with("us")
        || word.ends_with("is")
        || word.ends_with("ous")
    {
        return None;
    }
    if matches!(
        word,
        "caches" | "niches" | "cliches" | "avalanches" | "moustaches"
    ) {
        return Some(word[..word.len() - 1].to_owned());
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    for ending in ["ches", "shes", "xes", "sses", "zes"] {
        if word.ends_with(ending) {
            return Some(word[..word.len() - 2].to_owned());
        }
    }
    if let Some(stem) = word.strip_suffix("ves")
        && matches!(stem, "kni" | "li" | "wi")
    {
        return Some(format!("{stem}fe"));
    }
    Some(word[..word.len() - 1].to_owned())
}

/// The noun a figure counts: the head of the noun phrase after it, in the singular. A count
/// above one looks for the first plural ("11 million fentanyl pills" gives "pill", "55 cartel
/// suspects" gives "suspect"); a count of one for the last noun before the phrase ends ("one
/// legal gun store in" gives "store"). Hyphenated heads keep their prefix ("co-defendant",
/// "narco-sub"). "killed 15 in" gives nothing.
pub fn counted_noun_after(
    doc: &Doc<'_>,
    first: usize,
    plural: bool,
    language: Language,
) -> Option<String> {
    if language.is_spanish() {
        return spanish_counted_noun(doc, first, plural);
    }
    let mut first = first;
    // A partitive: "14 of the pistols", "two of the victims".
    if first + 1 < doc.words.len()
        && doc.word(first) == "of"
        && matches!(
            doc.word(first + 1),
            "the" | "these" | "those" | "their" | "its"
        )
    {
        first += 2;
    }
    let mut last_noun: Option<usize> = None;
    let mut last_plural: Option<(usize, String)> = None;
    let mut lowercase_words = 0;
    for j in first..(first + 7).min(doc.words.len()) {
        let gap = doc.gap_before(j);
        let hyphenated = gap == "-" && j > first;
        if j > first && !matches!(gap, " " | "-")
            || j == first && !matches!(gap, " " | "-") && !gap.trim().is_empty()
        {
            break;
        }
        let word = doc.word(j);
        if !hyphenated && ends_noun_search(word) {
            break;
        }
        if !word.bytes().all(|b| b.is_ascii_lowercase()) {
            continue; // a number or name inside the phrase: "40 AR-15 rifles"
        }
        lowercase_words += 1;
        if lowercase_words > 4 {
            break;
        }
        let singular = irregular_plural(word)
            .map(str::to_owned)
            .or_else(|| singularize(word));
        match singular {
            // Plurals in a row: the last is the head ("ballistics laboratories").
            Some(singular) if plural => last_plural = Some((j, singular)),
            _ if last_plural.is_some() => break,
            _ => last_noun = Some(j),
        }
    }
    if let Some((j, singular)) = last_plural {
        return Some(with_prefix(doc, first, j, &singular));
    }
    if plural {
        return None;
    }
    let j = last_noun?;
    let word = doc.word(j);
    (COUNTED.contains(&word) || singularize(word).is_none())
        .then(|| with_prefix(doc, first, j, word))
}

/// Adjectives that stand before a Spanish noun ("2 mil 300 nuevas denuncias"): the counted
/// noun is the word after them.
fn is_spanish_prenominal(word: &str) -> bool {
    matches!(
        word,
        "nuevos"
            | "nuevas"
            | "otros"
            | "otras"
            | "presuntos"
            | "presuntas"
            | "supuestos"
            | "supuestas"
            | "diversos"
            | "diversas"
            | "distintos"
            | "distintas"
            | "diferentes"
            | "principales"
            | "primeros"
            | "primeras"
            | "ultimos"
            | "ultimas"
            | "posibles"
    )
}

/// The singular of a Spanish plural ("fusiles", "cargadores", "armas", "luces", "dosis"), or `None` if
/// the word does not end like one.
pub fn singularize_spanish(word: &str) -> Option<String> {
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_lowercase()) || !word.ends_with('s') {
        return None;
    }
    if word.ends_with("is") || word.ends_with("us") {
        return Some(word.to_owned()); // the same in both numbers: "dosis", "virus"
    }
    if let Some(stem) = word.strip_suffix("ces") {
        return Some(format!("{stem}z"));
    }
    // "-es" after a consonant that ends Spanish singulars: "fusil", "cargador", "camion".
    if let Some(stem) = word.strip_suffix("es")
        && stem.ends_with(['l', 'r', 'n', 'd', 'j', 'y'])
    {
        return Some(stem.to_owned());
    }
    Some(word[..word.len() - 1].to_owned())
}

/// The noun a Spanish figure counts: the head comes first and its adjectives after it ("74
/// armas largas" gives "arma", "600 mil pastillas de fentanilo" gives "pastilla"), after a
/// joining "de" ("3 millones de dosis") or a partitive ("31 de los cuerpos").
fn spanish_counted_noun(doc: &Doc<'_>, first: usize, plural: bool) -> Option<String> {
    let mut j = first;
    let word_at = |j: usize| -> Option<&str> {
        (j < doc.words.len() && doc.gap_before(j) == " ").then(|| doc.word(j))
    };
    if word_at(j) == Some("de") {
        j += 1;
        if matches!(word_at(j), Some("los" | "las")) {
            j += 1;
        }
    }
    while word_at(j).is_some_and(is_spanish_prenominal) {
        j += 1;
    }
    let word = word_at(j)?;
    if vocabulary::has(word, vocabulary::SPANISH_NOUN_END) || word == "de" {
        return None;
    }
    if plural {
        singularize_spanish(word)
    } else {
        word.bytes()
            .all(|b| b.is_ascii_lowercase())
            .then(|| word.to_owned())
    }
}

/// The head noun at word `j` with the words hyphenated to it ("co-defendant").
fn with_prefix(doc: &Doc<'_>, first: usize, j: usize, singular: &str) -> String {
    let mut k = j;
    while k > first && doc.gap_before(k) == "-" {
        k -= 1;
    }
    let mut unit = String::new();
    for w in k..j {
        unit.push_str(doc.word(w));
        unit.push('-');
    }
    unit.push_str(singular);
    unit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_give_the_exact_decimal() {
        assert_eq!(in_kilograms("lb", 7000.0), Some(3175.14659));
        assert_eq!(in_kilograms("mg", 2.0), Some(0.000002));
        assert_eq!(in_kilograms("oz", 16.0), Some(0.45359237));
    }

    fn english_noun(doc: &Doc<'_>, first: usize, plural: bool) -> Option<String> {
        counted_noun_after(doc, first, plural, Language::English)
    }

    fn spanish_noun(text: &str, first: usize) -> Option<String> {
        counted_noun_after(&Doc::new(text), first, true, Language::Spanish)
    }

    #[test]
    fn spanish_heads_come_before_their_adjectives() {
        assert_eq!(spanish_noun("74 armas largas", 1).as_deref(), Some("arma"));
        assert_eq!(
            spanish_noun("600 mil pastillas de fentanilo", 2).as_deref(),
            Some("pastilla")
        );
        assert_eq!(
            spanish_noun("23 fusiles de asalto", 1).as_deref(),
            Some("fusil")
        );
        assert_eq!(
            spanish_noun("2 mil 300 nuevas denuncias", 3).as_deref(),
            Some("denuncia")
        );
        assert_eq!(
            spanish_noun("31 de los cuerpos hallados", 1).as_deref(),
            Some("cuerpo")
        );
        assert_eq!(spanish_noun("murieron 12 en el ataque", 2), None);
        assert_eq!(spanish_noun("dos de ellos con blindaje", 1), None);
        assert_eq!(singularize_spanish("luces").as_deref(), Some("luz"));
        assert_eq!(
            singularize_spanish("cargadores").as_deref(),
            Some("cargador")
        );
        assert_eq!(singularize_spanish("paquetes").as_deref(), Some("paquete"));
        assert_eq!(singularize_spanish("dosis").as_deref(), Some("dosis"));
    }

    #[test]
    fn spanish_measures() {
        let doc = Doc::new("190 millas nauticas");
        assert_eq!(measure_at(&doc, 1).map(|m| m.0), Some("nmi"));
        let doc = Doc::new("una tonelada");
        assert_eq!(measure_at(&doc, 1).map(|m| m.0), Some("t"));
        assert_eq!(in_kilograms("t", 41.0), Some(41_000.0));
    }

    #[test]
    fn plurals_become_singular() {
        assert_eq!(singularize("pills").as_deref(), Some("pill"));
        assert_eq!(singularize("casualties").as_deref(), Some("casualty"));
        assert_eq!(singularize("boxes").as_deref(), Some("box"));
        assert_eq!(singularize("launches").as_deref(), Some("launch"));
        assert_eq!(singularize("glass"), None);
        assert_eq!(singularize("famous"), None);
        let doc = Doc::new("15 people");
        assert_eq!(english_noun(&doc, 1, true).as_deref(), Some("person"));
    }

    #[test]
    fn the_counted_noun_skips_modifiers() {
        let doc = Doc::new("11 million fentanyl pills were seized");
        assert_eq!(english_noun(&doc, 2, true).as_deref(), Some("pill"));
        let doc = Doc::new("killed 15 in an attack");
        assert_eq!(english_noun(&doc, 2, true), None);
        let doc = Doc::new("40 AR-15 rifles");
        assert_eq!(english_noun(&doc, 1, true).as_deref(), Some("rifle"));
        let doc = Doc::new("55 cartel suspects and two co-defendants, nine caches");
        assert_eq!(english_noun(&doc, 1, true).as_deref(), Some("suspect"));
        assert_eq!(english_noun(&doc, 5, true).as_deref(), Some("co-defendant"));
        assert_eq!(english_noun(&doc, 8, true).as_deref(), Some("cache"));
        let doc = Doc::new(
            "14 of the pistols; four ballistics laboratories for two drive-through scanners",
        );
        assert_eq!(english_noun(&doc, 1, true).as_deref(), Some("pistol"));
        assert_eq!(english_noun(&doc, 5, true).as_deref(), Some("laboratory"));
        assert_eq!(english_noun(&doc, 9, true).as_deref(), Some("scanner"));
        let doc = Doc::new("one legal gun store in town");
        assert_eq!(english_noun(&doc, 1, false).as_deref(), Some("store"));
    }

    #[test]
    fn measures_of_one_or_two_words() {
        let doc = Doc::new("18,000 square kilometers");
        assert_eq!(measure_at(&doc, 2).map(|m| m.0), Some("km2"));
        let doc = Doc::new("3 metric tons");
        assert_eq!(measure_at(&doc, 1).map(|m| m.0), Some("t"));
        let doc = Doc::new("300 kilos");
        assert_eq!(measure_at(&doc, 1).map(|m| m.0), Some("kg"));
    }
}
