//! The default lexicons, compiled into the binary so `dossier` runs anywhere, and the reader
//! for a user's own lexicon directory.

use std::fs;
use std::io;
use std::path::Path;

use super::load::Lexicon;

/// The file of a lexicon directory that holds identifier patterns rather than lexicon rows.
pub const PATTERNS_FILE: &str = "patterns.tsv";

/// Each default lexicon file with its name (for messages). A test checks that every
/// `lexicons/*.tsv` file is listed here.
pub(crate) const FILES: &[(&str, &str)] = &[
    (
        "lexicons/org_criminal.tsv",
        include_str!("../../lexicons/org_criminal.tsv"),
    ),
    (
        "lexicons/org_armed.tsv",
        include_str!("../../lexicons/org_armed.tsv"),
    ),
    (
        "lexicons/org_government.tsv",
        include_str!("../../lexicons/org_government.tsv"),
    ),
    (
        "lexicons/org_private.tsv",
        include_str!("../../lexicons/org_private.tsv"),
    ),
    (
        "lexicons/person.tsv",
        include_str!("../../lexicons/person.tsv"),
    ),
    (
        "lexicons/location.tsv",
        include_str!("../../lexicons/location.tsv"),
    ),
    (
        "lexicons/nationality.tsv",
        include_str!("../../lexicons/nationality.tsv"),
    ),
    (
        "lexicons/weapon.tsv",
        include_str!("../../lexicons/weapon.tsv"),
    ),
    (
        "lexicons/military_platform.tsv",
        include_str!("../../lexicons/military_platform.tsv"),
    ),
    (
        "lexicons/vehicle.tsv",
        include_str!("../../lexicons/vehicle.tsv"),
    ),
    ("lexicons/drug.tsv", include_str!("../../lexicons/drug.tsv")),
    (
        "lexicons/ignore.tsv",
        include_str!("../../lexicons/ignore.tsv"),
    ),
];

impl Lexicon {
    /// The default lexicons.
    pub fn builtin() -> Lexicon {
        let mut lexicon = Lexicon::default();
        for (name, content) in FILES {
            lexicon.add_file(name, content);
        }
        // The currency table is checked with the lexicons, so their check reports its rows.
        let currency_problems = &super::currencies::currencies().problems;
        lexicon.problems.extend(currency_problems.iter().cloned());
        lexicon
    }

    /// The default lexicons, read once for the whole process: what searches look names up in.
    pub(crate) fn shared() -> &'static Lexicon {
        static SHARED: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        SHARED.get_or_init(Lexicon::builtin)
    }

    /// Adds every `*.tsv` file of `dir` (not recursive), in name order, and its
    /// [`PATTERNS_FILE`] as identifier patterns. A file that cannot be read is an error
    /// naming it; bad rows are recorded in `problems`.
    pub fn add_dir(&mut self, dir: &Path) -> io::Result<()> {
        let listing = fs::read_dir(dir)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
        let mut files = Vec::new();
        let mut patterns = None;
        for item in listing {
            let path = item?.path();
            if path.file_name().is_some_and(|n| n == PATTERNS_FILE) {
                patterns = Some(path);
            } else if path.extension().is_some_and(|e| e == "tsv") {
                files.push(path);
            }
        }
        if files.is_empty() && patterns.is_none() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("{}: no .tsv lexicon files in this directory", dir.display()),
            ));
        }
        files.sort();
        for path in files {
            let content = fs::read_to_string(&path)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
            self.add_file(&path.display().to_string(), &content);
        }
        if let Some(path) = patterns {
            self.add_patterns_file(&path)?;
        }
        Ok(())
    }

    /// Adds the identifier patterns of the file at `path` (`--patterns FILE`).
    pub fn add_patterns_file(&mut self, path: &Path) -> io::Result<()> {
        let content = fs::read_to_string(path)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        self.add_patterns(&path.display().to_string(), &content);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::FILES;

    #[test]
    fn every_lexicon_file_is_compiled_in() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons");
        let listed: HashSet<String> = FILES.iter().map(|(name, _)| name.to_string()).collect();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "tsv") {
                let name = format!("lexicons/{}", path.file_name().unwrap().to_string_lossy());
                assert!(listed.contains(&name), "{name} is not listed in FILES");
            }
        }
    }
}
