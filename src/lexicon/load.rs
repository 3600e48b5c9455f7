//! Reading and validating lexicon TSV files (format in `lexicons/README.md`).

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use crate::entity::{Label, Sense};
use crate::fingerprint::Fnv1a;
use crate::patterns::user::Patterns;
use crate::text::fold;

/// The header every lexicon file starts with.
pub const HEADER: [&str; 6] = ["canonical", "label", "category", "aliases", "kb_id", "case"];

/// One entity of a lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub label: Label,
    pub sense: Sense,
    /// Where the entry was defined, for messages.
    pub origin: Location,
}

/// How a name's case must agree with the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaseRule {
    /// Any case matches.
    Fold,
    /// Only the case as written matches.
    Exact,
}

/// One name (the canonical or an alias) by which an entry is found.
#[derive(Debug, Clone)]
pub(crate) struct Name {
    /// The name as written in the lexicon.
    pub written: String,
    pub entry: usize,
    pub case: CaseRule,
}

/// Where an entry is, when its canonical name says so after a comma ("Texas" in "Odessa,
/// Texas"): such an entry may share its other names with another.
pub(crate) fn place_in(canonical: &str) -> Option<&str> {
    canonical.rsplit_once(", ").map(|(_, place)| place)
}

/// A place in a lexicon file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file's path (or its name among the built-in lexicons).
    pub file: Arc<str>,
    /// The 1-based line.
    pub line: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A problem found in a lexicon row: reported as `file:line: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where.
    pub at: Location,
    /// What is wrong, and what to do about it.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// All entries and names of the loaded lexicon files, plus the problems found on the way.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    pub(crate) entries: Vec<Entry>,
    pub(crate) names: Vec<Name>,
    /// The rows that were skipped, and why: for the caller to report.
    pub problems: Vec<Problem>,
    /// The user's identifier patterns (`--patterns FILE`, `patterns.tsv` in a lexicon
    /// directory), checked and reported with the lexicons.
    pub(crate) patterns: Patterns,
    /// Entry index by (label, canonical), so a later file can add aliases to an entry.
    by_identity: HashMap<(Label, String), usize>,
    /// Names by their folded form, to find conflicts.
    by_folded: HashMap<String, Vec<usize>>,
    /// Interned categories, kb ids and units, shared by all mentions.
    strings: HashMap<String, Arc<str>>,
    /// A hash of every file added, in order: what the index compares to know whether articles
    /// tagged earlier were tagged with the same lexicons.
    content_hash: u64,
}

impl Lexicon {
    /// Parses one TSV file's content and adds its rows. Bad rows are recorded in `problems`
    /// and skipped; the rest load.
    pub fn add_file(&mut self, file: &str, content: &str) {
        let mut hash = Fnv1a::default();
        hash.write(&self.content_hash.to_le_bytes());
        hash.write(content.as_bytes());
        self.content_hash = hash.finish();
        let file: Arc<str> = Arc::from(file);
        let mut lines = content.lines().enumerate();
        let at = |line: usize| Location {
            file: file.clone(),
            line,
        };
        // Comment lines may come before the header too.
        let mut extra_labels: Vec<String> = Vec::new();
        let mut first = lines.next();
        while let Some((_, line)) = first {
            match line.strip_prefix('#') {
                Some(comment) => {
                    declared_labels(comment, &mut extra_labels);
                    first = lines.next();
                }
                None if line.trim().is_empty() => first = lines.next(),
                None => break,
            }
        }
        let Some((header_index, header)) = first else {
            self.problems.push(Problem {
                at: at(1),
                message: "empty file: expected the header line".into(),
            });
            return;
        };
        let header = header.trim_start_matches('\u{feff}').trim_end_matches('\r');
        if header.split('\t').collect::<Vec<_>>() != HEADER {
            self.problems.push(Problem {
                at: at(header_index + 1),
                message: format!(
                    "the header must be the six tab-separated columns `{}`; the file was not loaded",
                    HEADER.join("\\t")
                ),
            });
            return;
        }
        for (index, line) in lines {
            let line = line.trim_end_matches('\r');
            let number = index + 1;
            if line.trim().is_empty() {
                continue;
            }
            if let Some(comment) = line.strip_prefix('#') {
                declared_labels(comment, &mut extra_labels);
                continue;
            }
            match parse_row(line, &extra_labels, &at(number)) {
                Ok(row) => self.add_row(row, at(number)),
                Err(problem) => self.problems.push(problem),
            }
        }
    }

    /// Parses a pattern file's content (`label<TAB>regex<TAB>options` rows) and adds its
    /// rows. Bad rows are recorded in `problems` and skipped; the rest load. The file counts
    /// in [`Lexicon::content_hash`], so articles are tagged again under new patterns.
    pub fn add_patterns(&mut self, file: &str, content: &str) {
        let mut hash = Fnv1a::default();
        hash.write(&self.content_hash.to_le_bytes());
        hash.write(b"patterns\0");
        hash.write(content.as_bytes());
        self.content_hash = hash.finish();
        let problems = self.patterns.add_file(file, content);
        self.problems.extend(problems);
    }

    /// The number of pattern rows loaded per label.
    pub fn pattern_counts(&self) -> Vec<(Label, usize)> {
        self.patterns.counts()
    }

    fn intern(&mut self, s: &str) -> Arc<str> {
        if let Some(found) = self.strings.get(s) {
            return found.clone();
        }
        let arc: Arc<str> = Arc::from(s);
        self.strings.insert(s.to_owned(), arc.clone());
        arc
    }

    fn add_row(&mut self, row: Row<'_>, at: Location) {
        let key = (row.label, row.canonical.to_owned());
        let entry = match self.by_identity.get(&key) {
            Some(&existing) => existing,
            None => {
                let sense = Sense {
                    canonical: self.intern(row.canonical),
                    category: Some(self.intern(row.category)),
                    kb_id: row.kb_id.map(|k| self.intern(k)),
                };
                self.entries.push(Entry {
                    label: row.label,
                    sense,
                    origin: at.clone(),
                });
                self.by_identity.insert(key, self.entries.len() - 1);
                self.entries.len() - 1
            }
        };
        // A canonical name that says where ("Odessa, Texas") labels the entry; the text names
        // it by its aliases, with the place after it tagged on its own, as everywhere else.
        let says_where = place_in(row.canonical).is_some() && !row.aliases.is_empty();
        let canonical = (!says_where).then_some(row.canonical);
        for written in canonical.into_iter().chain(row.aliases.iter().copied()) {
            let case = match row.case {
                Some(rule) => rule,
                None => automatic_case(written),
            };
            self.add_name(written, entry, case, &at);
        }
    }

    fn add_name(&mut self, written: &str, entry: usize, case: CaseRule, at: &Location) {
        let folded = fold(written);
        if folded.trim().is_empty() {
            return;
        }
        let same_form = |a: &Name| match (a.case, case) {
            (CaseRule::Exact, CaseRule::Exact) => a.written == written,
            (CaseRule::Fold, CaseRule::Fold) => true,
            // An exact-case name and a case-folding one can share a folded form: the exact one is
            // tried first ("US" the country, "us" the pronoun of some other name).
            _ => false,
        };
        if let Some(ids) = self.by_folded.get(&folded) {
            for &id in ids {
                let other = &self.names[id];
                if !same_form(other) {
                    continue;
                }
                if other.entry == entry {
                    return; // the same name twice for one entity: harmless
                }
                // Places that share a name are told apart by where they are: "Odessa" is
                // Odesa, and "Odessa, Texas" the Texan city, whose canonical name says so.
                let says_where = |e: usize| place_in(&self.entries[e].sense.canonical).is_some();
                if says_where(entry) || says_where(other.entry) {
                    continue;
                }
                let owner = &self.entries[other.entry];
                self.problems.push(Problem {
                    at: at.clone(),
                    message: format!(
                        "name '{}' already belongs to {} '{}' ({}); it was not added",
                        written, owner.label, owner.sense.canonical, owner.origin
                    ),
                });
                return;
            }
        }
        self.names.push(Name {
            written: written.to_owned(),
            entry,
            case,
        });
        self.by_folded
            .entry(folded)
            .or_default()
            .push(self.names.len() - 1);
    }

    /// The entries a folded name refers to, exact-case names first.
    /// A hash of the content of every file loaded, in order.
    pub fn content_hash(&self) -> u64 {
        self.content_hash
    }

    /// The label and sense of the entry `name` belongs to.
    pub(crate) fn entry_of(&self, name: &Name) -> (Label, &Sense) {
        let entry = &self.entries[name.entry];
        (entry.label, &entry.sense)
    }

    /// The names whose folded form is `folded`.
    pub(crate) fn lookup(&self, folded: &str) -> impl Iterator<Item = &Name> {
        self.by_folded
            .get(folded)
            .into_iter()
            .flatten()
            .map(|&id| &self.names[id])
    }

    /// Every sense the lexicon gives a folded name, with its label: "cjng" is the Jalisco New
    /// Generation Cartel (ORG).
    pub fn senses(&self, folded: &str) -> impl Iterator<Item = (Label, &Sense)> {
        self.lookup(folded).map(|name| self.entry_of(name))
    }

    /// What the lexicon says about a folded name read as `label`, if it knows one.
    pub fn sense(&self, folded: &str, label: Label) -> Option<&Sense> {
        self.lookup(folded)
            .map(|name| &self.entries[name.entry])
            .find(|entry| entry.label == label)
            .map(|entry| &entry.sense)
    }

    /// Number of entries and of names per label, in label order.
    pub fn counts(&self) -> Vec<(Label, usize, usize)> {
        let mut counts: Vec<(Label, usize, usize)> = Vec::new();
        for entry in &self.entries {
            match counts.iter_mut().find(|(l, _, _)| *l == entry.label) {
                Some(c) => c.1 += 1,
                None => counts.push((entry.label, 1, 0)),
            }
        }
        for name in &self.names {
            let label = self.entries[name.entry].label;
            if let Some(c) = counts.iter_mut().find(|(l, _, _)| *l == label) {
                c.2 += 1;
            }
        }
        counts.sort_by_key(|(l, _, _)| {
            Label::BUILT_IN
                .iter()
                .position(|b| b == l)
                .unwrap_or(usize::MAX)
        });
        counts
    }
}

/// Reads a `# labels: A, B` comment, which declares labels beyond the built-in ones.
fn declared_labels(comment: &str, labels: &mut Vec<String>) {
    if let Some(list) = comment.trim().strip_prefix("labels:") {
        labels.extend(
            list.split(',')
                .map(|l| l.trim().to_owned())
                .filter(|l| !l.is_empty()),
        );
    }
}

/// The automatic case rule: a short all-capitals name ("ATF", "M30", "AK-47") is an acronym or
/// code and matches only as written; other names match in any case.
pub fn automatic_case(name: &str) -> CaseRule {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let has_lower = name.chars().any(char::is_lowercase);
    if !has_lower && (1..=5).contains(&letters) {
        CaseRule::Exact
    } else {
        CaseRule::Fold
    }
}

struct Row<'a> {
    canonical: &'a str,
    label: Label,
    category: &'a str,
    aliases: Vec<&'a str>,
    kb_id: Option<&'a str>,
    case: Option<CaseRule>,
}

/// The row on `line`, found `at` that place, or the problem with it.
fn parse_row<'a>(
    line: &'a str,
    extra_labels: &[String],
    at: &Location,
) -> Result<Row<'a>, Problem> {
    let bad = |message: String| Problem {
        at: at.clone(),
        message,
    };
    let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
    if fields.len() < 3 || fields.len() > HEADER.len() {
        return Err(bad(format!(
            "expected {} tab-separated columns ({}), found {}",
            HEADER.len(),
            HEADER.join(", "),
            fields.len()
        )));
    }
    let field = |i: usize| fields.get(i).copied().unwrap_or("");
    let canonical = field(0);
    if canonical.is_empty() {
        return Err(bad("the canonical name is empty".to_string()));
    }
    let label_name = field(1);
    let label = match Label::built_in(label_name) {
        Some(label) => label,
        None if extra_labels.iter().any(|l| l == label_name) => Label::intern(label_name),
        None => {
            let known: Vec<&str> = Label::BUILT_IN.iter().map(|l| l.as_str()).collect();
            return Err(bad(format!(
                "unknown label '{}': use one of {} or declare it in a comment line `# labels: {}`",
                label_name,
                known.join(", "),
                label_name
            )));
        }
    };
    let category = field(2);
    if category.is_empty() {
        return Err(bad("the category is empty".to_string()));
    }
    let aliases: Vec<&str> = field(3)
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect();
    let kb_id = match field(4) {
        "" => None,
        id if id.len() > 1
            && id.starts_with('Q')
            && id[1..].bytes().all(|b| b.is_ascii_digit()) =>
        {
            Some(id)
        }
        id => {
            return Err(bad(format!(
                "kb_id '{id}' is not a Wikidata QID (Q followed by digits)"
            )));
        }
    };
    let case = match field(5) {
        "" => None,
        "exact" => Some(CaseRule::Exact),
        "fold" => Some(CaseRule::Fold),
        other => {
            return Err(bad(format!(
                "case '{other}' must be empty (automatic), 'exact' or 'fold'"
            )));
        }
    };
    Ok(Row {
        canonical,
        label,
        category,
        aliases,
        kb_id,
        case,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "canonical\tlabel\tcategory\taliases\tkb_id\tcase\n";

    fn load(body: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        lex.add_file("test.tsv", &format!("{HEAD}{body}"));
        lex
    }

    #[test]
    fn a_row_gives_an_entry_and_its_names() {
        let lex = load("Sinaloa Cartel\tORG\tcartel\tCDS|Cártel de Sinaloa\tQ1\t\n");
        assert!(lex.problems.is_empty(), "{:?}", lex.problems);
        assert_eq!(lex.entries.len(), 1);
        assert_eq!(lex.names.len(), 3);
        assert_eq!(lex.names[1].case, CaseRule::Exact);
        assert_eq!(lex.names[2].case, CaseRule::Fold);
        assert_eq!(lex.lookup("cartel de sinaloa").count(), 1);
    }

    #[test]
    fn bad_rows_are_reported_with_their_line_and_skipped() {
        let lex = load(
            "A\tORG\n# comment\nB\tGROUP\tx\t\t\t\nC\tORG\tx\t\tX9\t\nD\tORG\tx\t\t\tloud\nE\tORG\tx\n",
        );
        let messages: Vec<String> = lex.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(messages.len(), 4, "{messages:?}");
        assert!(messages[0].starts_with("test.tsv:2: expected 6 tab-separated columns"));
        assert!(messages[1].starts_with("test.tsv:4: unknown label 'GROUP'"));
        assert!(messages[2].starts_with("test.tsv:5: kb_id 'X9'"));
        assert!(messages[3].starts_with("test.tsv:6: case 'loud'"));
        assert_eq!(lex.entries.len(), 1, "only E loads");
    }

    #[test]
    fn a_name_claimed_by_another_entity_is_rejected() {
        let lex = load("Gulf Cartel\tORG\tcartel\tCDG\t\t\nOther\tORG\tx\tGulf cartel\t\t\n");
        assert_eq!(lex.problems.len(), 1);
        assert!(lex.problems[0].to_string().contains(
            "test.tsv:3: name 'Gulf cartel' already belongs to ORG 'Gulf Cartel' (test.tsv:2)"
        ));
    }

    #[test]
    fn the_same_entity_in_another_file_gains_aliases() {
        let mut lex = load("Gulf Cartel\tORG\tcartel\tCDG\t\t\n");
        lex.add_file(
            "user.tsv",
            &format!("{HEAD}Gulf Cartel\tORG\tcartel\tCártel del Golfo\t\t\n"),
        );
        assert!(lex.problems.is_empty());
        assert_eq!(lex.entries.len(), 1);
        assert_eq!(lex.names.len(), 3);
    }

    #[test]
    fn declared_labels_are_accepted() {
        let mut lex = Lexicon::default();
        lex.add_file(
            "t.tsv",
            &format!("# labels: SHIP_NAME\n{HEAD}USS Hopper\tSHIP_NAME\tdestroyer\t\t\t\n"),
        );
        assert!(lex.problems.is_empty(), "{:?}", lex.problems);
        let lex = load("# labels: SHIP_NAME\nUSS Hopper\tSHIP_NAME\tdestroyer\t\t\t\n");
        assert!(lex.problems.is_empty(), "{:?}", lex.problems);
        assert_eq!(lex.entries[0].label.as_str(), "SHIP_NAME");
    }

    #[test]
    fn exact_and_folding_names_may_share_a_folded_form() {
        let lex =
            load("United States\tLOCATION\tcountry\tUS\t\t\nUs Weekly\tORG\tmedia\tus\t\tfold\n");
        assert!(lex.problems.is_empty(), "{:?}", lex.problems);
    }

    #[test]
    fn a_wrong_header_rejects_the_file() {
        let mut lex = Lexicon::default();
        lex.add_file("bad.tsv", "name\tlabel\nX\tORG\n");
        assert_eq!(lex.entries.len(), 0);
        assert!(
            lex.problems[0]
                .to_string()
                .starts_with("bad.tsv:1: the header")
        );
    }
}
