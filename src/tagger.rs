//! The pipeline: an article's text in, its entities out. Stages run in this visible order:
//!
//! 1. fold the text, split it into words and classify them ([`crate::text`],
//!    [`crate::patterns::vocabulary`]); tell a Spanish article by its function words
//!    ([`crate::patterns::language`]), for how its figures are read;
//! 2. lexicon hits, and compounds of them ("AR-15 rifles", "Colt pistol");
//! 3. name patterns: titled people, people with a known given name, organization phrases, a
//!    nation's bodies ("Iraqi forces"), coordinated names ("the Sinaloa and Gulf cartels");
//! 4. dates, figures, warships, places named by context, URLs, identifiers (phones,
//!    accounts, addresses, vessels, case numbers: [`crate::patterns::identifiers`]);
//!    then the user's identifier patterns ([`crate::patterns::user`]);
//! 5. acronyms defined in the text, which override the lexicon for that document;
//! 6. overlap resolution ([`crate::resolve`]);
//! 7. countries that act become organizations; later mentions of a person's surname;
//! 8. offsets mapped back to the original text.

use std::collections::HashSet;
use std::sync::Arc;

use crate::article::Article;
use crate::entity::{Entity, Label, Sense};
use crate::error::Error;
use crate::facts;
use crate::fingerprint::Fnv1a;
use crate::lexicon::compound::compounds;
use crate::lexicon::matcher::hit_entity;
use crate::lexicon::{Lexicon, Matcher};
use crate::patterns::dates::{Published, find_dates};
use crate::patterns::figures::{Reading, find_figures};
use crate::patterns::language::Language;
use crate::patterns::outlets::Currency;
use crate::patterns::{
    acronyms, identifiers, metonymy, names, organizations, places, ships, urls, vocabulary,
};
use crate::resolve::{Candidate, Source, resolve};
use crate::tagged::Tagged;
use crate::text::Doc;

/// The label of lexicon rows that match only to hide their words from shorter names.
pub(crate) const IGNORE: &str = "IGNORE";

/// What the tagger needs to know about an article besides its text.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Context {
    /// Gives a year to "March 5" and resolves "last month".
    pub published: Option<Published>,
    /// What "$" means: pesos for a Mexican source.
    pub currency: Currency,
}

impl Context {
    /// The context of `article`, from its date, url and source.
    pub fn for_article(article: &Article) -> Context {
        Context {
            published: article.published.as_deref().and_then(Published::parse),
            currency: Currency::for_source(article.url.as_deref(), article.source.as_deref()),
        }
    }
}

/// Built once from the lexicons; shared read-only by every thread.
#[derive(Debug)]
pub struct Tagger {
    lexicon: Lexicon,
    matcher: Matcher,
}

impl Tagger {
    /// Compiles `lexicon` (its `problems` are the caller's to report).
    pub fn new(lexicon: Lexicon) -> Result<Tagger, Error> {
        let matcher = Matcher::new(&lexicon)
            .map_err(|e| Error::Lexicon(format!("the lexicon could not be compiled: {e}")))?;
        Ok(Tagger { lexicon, matcher })
    }

    /// A tagger with the lexicons compiled into dossier.
    pub fn builtin() -> Result<Tagger, Error> {
        Tagger::new(Lexicon::builtin())
    }

    /// The lexicon the tagger was built from.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Changes whenever the tags of some text could: with the lexicons loaded, the currency
    /// table or the version of this crate (its patterns). The index re-tags articles tagged
    /// under another.
    pub fn fingerprint(&self) -> u64 {
        let mut hash = Fnv1a::default();
        hash.write(env!("CARGO_PKG_VERSION").as_bytes());
        hash.write(&self.lexicon.content_hash().to_le_bytes());
        hash.write(crate::lexicon::currencies::CONTENT.as_bytes());
        hash.finish()
    }

    /// The article with its entities and facts.
    pub fn annotate(&self, article: Article) -> Tagged {
        let entities = self.tag_text(&article.text, Context::for_article(&article));
        let facts = facts::link(&article, &entities);
        Tagged {
            article,
            entities,
            facts,
        }
    }

    /// The entities of `text`, sorted by start, byte offsets into `text`.
    pub(crate) fn tag_text(&self, text: &str, context: Context) -> Vec<Entity> {
        let doc = Doc::new(text);
        let classes = vocabulary::classify(&doc);
        let language = Language::detect(&classes);
        let mut candidates = Vec::new();
        self.lexicon_stage(&doc, &mut candidates);
        self.name_stage(&doc, &classes, &mut candidates);
        pattern_stage(&doc, &classes, context, language, &mut candidates);
        let mut found = Vec::new();
        self.lexicon.patterns.find(&doc, &mut found);
        propose(&mut candidates, &mut found, Source::Identifier);
        acronym_stage(&doc, &mut candidates);
        let mut entities = resolve(candidates);
        metonymy::mark_acting_states(&doc, &mut entities);
        self.fill_canonicals(&doc, &mut entities);
        names::propagate_surnames(&doc, &mut entities);
        for e in &mut entities {
            (e.start, e.end) = doc.folded.to_original(e.start, e.end);
        }
        // One original character can fold to several words ("¾" to "3⁄4"), so two entities
        // apart in the folded text can share it: the first keeps it.
        let mut last_end = 0;
        entities.retain(|e| {
            let apart = e.start >= last_end;
            if apart {
                last_end = e.end;
            }
            apart
        });
        entities
    }

    fn lexicon_stage(&self, doc: &Doc<'_>, candidates: &mut Vec<Candidate>) {
        let mut hits = Vec::new();
        self.matcher.find(doc, &mut hits);
        // Rows labelled IGNORE ("think tank") only hide the names inside them.
        hits.retain(|hit| self.lexicon.entries[hit.entry].label.as_str() != IGNORE);
        candidates.extend(
            compounds(&self.lexicon, doc, &hits)
                .into_iter()
                .map(|entity| Candidate {
                    entity,
                    source: Source::Lexicon,
                }),
        );
        candidates.extend(hits.iter().map(|hit| Candidate {
            entity: hit_entity(&self.lexicon, hit),
            source: if hit.exact_case {
                Source::LexiconExact
            } else {
                Source::Lexicon
            },
        }));
    }

    fn name_stage(&self, doc: &Doc<'_>, classes: &[u32], candidates: &mut Vec<Candidate>) {
        let mut found = Vec::new();
        names::find_titled_people(doc, classes, &mut found);
        names::find_named_people(doc, classes, &mut found);
        organizations::find_organizations(doc, classes, &self.lexicon, &mut found);
        propose(candidates, &mut found, Source::Name);
        let nations = candidates
            .iter()
            .map(|c| &c.entity)
            .filter(|e| is_nation(e));
        organizations::find_national_bodies(doc, nations, &mut found);
        propose(candidates, &mut found, Source::Name);
        organizations::find_coordinated(doc, classes, &self.lexicon, &mut found);
        propose(candidates, &mut found, Source::Coordination);
    }

    /// Gives people and organizations found by patterns a canonical name: the lexicon's, when
    /// the mention is one of its names, else the mention itself.
    fn fill_canonicals(&self, doc: &Doc<'_>, entities: &mut [Entity]) {
        for e in entities.iter_mut().filter(|e| e.sense.is_none()) {
            if e.label.is_figure() || e.label == Label::DATE || e.label == Label::URL {
                continue;
            }
            let folded = &doc.text()[e.start..e.end];
            let known = self
                .lexicon
                .sense(folded, e.label)
                .or_else(|| self.nicknamed(folded, e.label));
            e.sense = Some(match known {
                Some(sense) => sense.clone(),
                None => Sense {
                    canonical: Arc::from(doc.original_span(e.start, e.end)),
                    category: None,
                    kb_id: None,
                },
            });
        }
    }

    /// The sense of a name written with a quoted nickname ("Joaquín “El Chapo” Guzmán"): the
    /// lexicon's entry for the name without it ("Joaquín Guzmán") or for the nickname ("El
    /// Chapo"), so every way of writing the person is one entity.
    fn nicknamed(&self, folded: &str, label: Label) -> Option<&Sense> {
        let (before, rest) = folded.split_once('"')?;
        let (nickname, after) = rest.split_once('"')?;
        let without = format!("{} {}", before.trim(), after.trim());
        self.lexicon
            .sense(without.trim(), label)
            .or_else(|| self.lexicon.sense(nickname.trim(), label))
    }
}

fn pattern_stage(
    doc: &Doc<'_>,
    classes: &[u32],
    context: Context,
    language: Language,
    candidates: &mut Vec<Candidate>,
) {
    let mut found = Vec::new();
    find_dates(doc, classes, context.published, &mut found);
    propose(candidates, &mut found, Source::Date);
    let reading = Reading {
        currency: context.currency,
        language,
    };
    find_figures(doc, classes, reading, &mut found);
    propose(candidates, &mut found, Source::Figure);
    ships::find_ships(doc, classes, &mut found);
    places::find_places(doc, classes, &mut found);
    propose(candidates, &mut found, Source::Name);
    urls::find_urls(doc, &mut found);
    propose(candidates, &mut found, Source::Url);
    identifiers::find_identifiers(doc, context, &mut found);
    propose(candidates, &mut found, Source::Identifier);
}

/// Moves what a stage `found` into the candidates, from `source`.
fn propose(candidates: &mut Vec<Candidate>, found: &mut Vec<Entity>, source: Source) {
    candidates.extend(found.drain(..).map(|entity| Candidate { entity, source }));
}

/// A nationality, a country or an alliance: what can name a body of forces or a government
/// ("Iraqi Security Forces", "U.S. Embassy").
fn is_nation(e: &Entity) -> bool {
    let category = e.sense.as_ref().and_then(|s| s.category.as_deref());
    e.label == Label::NATIONALITY
        || metonymy::is_country(e)
        || e.label == Label::ORG && category == Some("intergovernmental")
}

/// Adds every mention of each acronym the document defines, with the sense of its long form,
/// and the long form itself when only its initials revealed it.
fn acronym_stage(doc: &Doc<'_>, candidates: &mut Vec<Candidate>) {
    if !doc.text().contains(" (") {
        return;
    }
    // An acronym defined again has the same mentions, which lose resolve's tie to those of
    // its first definition: they are sought once, not once per definition (an article that
    // defines one acronym in every paragraph would get paragraphs × mentions candidates).
    let mut sought: HashSet<String> = HashSet::new();
    for definition in acronyms::find_definitions(doc, candidates) {
        // "The Attorney General's Office (FGR)" names the FGR, there and wherever the
        // article writes "Attorney General's Office" again.
        if definition.adopted {
            let long = &definition.entity;
            let written = &doc.text()[long.start..long.end];
            for c in candidates.iter_mut() {
                let e = &mut c.entity;
                let unnamed = acronyms::found_by_pattern(e);
                if e.label == long.label && unnamed && &doc.text()[e.start..e.end] == written {
                    e.sense = long.sense.clone();
                }
            }
        }
        if !definition.proposed {
            candidates.push(Candidate {
                entity: definition.entity.clone(),
                source: Source::Name,
            });
        }
        if sought.contains(&definition.acronym) {
            continue;
        }
        candidates.extend(
            acronyms::mentions(doc, &definition)
                .into_iter()
                .map(|entity| Candidate {
                    entity,
                    source: Source::Acronym,
                }),
        );
        sought.insert(definition.acronym);
    }
}
