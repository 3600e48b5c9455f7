//! Facet counts by ordinal. tantivy's `FacetCollector` rebuilds, on every search, a map of each
//! segment's whole facet dictionary and then looks up the name of every value it counted;
//! over an index of 20,000 articles that was nearly half of a search's time. Here the map from
//! a segment's facet ordinals to the values below a requested facet is built once per
//! segment and facet and kept (segments never change), so counting is array increments and
//! only the values counted are named, from the kept map.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::index::SegmentId;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

use super::facets::value_below_dimension;

/// The values directly below one facet in one segment: `bucket[ord - first]` is the value's
/// index in `names`, or [`NONE`] for an ordinal that is the facet itself.
struct Buckets {
    first: u64,
    bucket: Vec<u32>,
    names: Arc<[String]>,
}

const NONE: u32 = u32::MAX;

impl Buckets {
    /// Reads the ordinals below `facet` from a segment's facet dictionary: they are
    /// contiguous, and those of one value below it are contiguous among them.
    fn build(
        dictionary: &tantivy::columnar::Dictionary,
        facet: &Facet,
    ) -> std::io::Result<Buckets> {
        let prefix = format!("{}\0", facet.encoded_str());
        let end = format!("{}\u{1}", facet.encoded_str());
        let mut stream = dictionary
            .range()
            .ge(prefix.as_bytes())
            .lt(end.as_bytes())
            .into_stream()?;
        let (mut first, mut bucket, mut names) = (None, Vec::new(), Vec::<String>::new());
        let mut current: Vec<u8> = Vec::new();
        while stream.advance() {
            let key = stream.key();
            first.get_or_insert(stream.term_ord());
            let below = &key[prefix.len()..];
            let child = &below[..below.iter().position(|&b| b == 0).unwrap_or(below.len())];
            if names.is_empty() || child != current.as_slice() {
                current = child.to_vec();
                let mut encoded = prefix.as_bytes().to_vec();
                encoded.extend_from_slice(child);
                let name = Facet::from_encoded(encoded)
                    .map(|f| value_below_dimension(&f))
                    .unwrap_or_default();
                names.push(name);
            }
            bucket.push((names.len() - 1) as u32);
        }
        Ok(Buckets {
            first: first.unwrap_or(0),
            bucket,
            names: names.into(),
        })
    }

    fn of(&self, ord: u64) -> u32 {
        ord.checked_sub(self.first)
            .and_then(|at| self.bucket.get(at as usize))
            .copied()
            .unwrap_or(NONE)
    }
}

/// The kept maps, by segment and facet; entries of segments a merge retired are dropped.
#[derive(Default)]
pub(crate) struct BucketCache(Mutex<HashMap<(SegmentId, String), Arc<Buckets>>>);

impl BucketCache {
    fn get(
        &self,
        segment: &SegmentReader,
        field: &str,
        facet: &Facet,
    ) -> tantivy::Result<Arc<Buckets>> {
        let key = (segment.segment_id(), facet.encoded_str().to_string());
        if let Some(found) = self.lock().get(&key) {
            return Ok(found.clone());
        }
        let reader = segment.facet_reader(field)?;
        let built = Arc::new(Buckets::build(reader.facet_dict(), facet)?);
        self.lock().insert(key, built.clone());
        Ok(built)
    }

    /// Forgets the segments `searcher` no longer has.
    pub(crate) fn keep_only(&self, searcher: &Searcher) {
        let live = live_segments(searcher);
        self.lock().retain(|(segment, _), _| live.contains(segment));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(SegmentId, String), Arc<Buckets>>> {
        // A panic while holding the lock leaves only a cache behind: keep using it.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The segments `searcher` reads, in order: what a cache of per-segment data is valid for.
pub(super) fn live_segments(searcher: &Searcher) -> Vec<SegmentId> {
    searcher
        .segment_readers()
        .iter()
        .map(|s| s.segment_id())
        .collect()
}

/// Counts, for each of `facets`, the matching documents below each of its values (a
/// document once per value, however many facets it has below it).
pub(crate) struct FacetCounter {
    pub field: String,
    pub facets: Vec<Facet>,
    pub cache: Arc<BucketCache>,
}

/// One segment's counts: for each facet, the value names and a count per name.
pub(crate) struct SegmentCounts {
    reader: tantivy::fastfield::FacetReader,
    buckets: Vec<Arc<Buckets>>,
    counts: Vec<Vec<u64>>,
    last: Vec<u32>,
}

/// Per requested facet, each value below it with its count (values without matches left out).
pub(crate) type Counted = Vec<HashMap<String, u64>>;

impl Collector for FacetCounter {
    type Fruit = Counted;
    type Child = SegmentCounts;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentCounts> {
        let buckets = self
            .facets
            .iter()
            .map(|facet| self.cache.get(segment, &self.field, facet))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let counts = buckets.iter().map(|b| vec![0; b.names.len()]).collect();
        Ok(SegmentCounts {
            reader: segment.facet_reader(&self.field)?,
            last: vec![NONE; buckets.len()],
            buckets,
            counts,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<Counted>) -> tantivy::Result<Counted> {
        let mut merged: Counted = vec![HashMap::new(); self.facets.len()];
        for segment in segments {
            for (into, counts) in merged.iter_mut().zip(segment) {
                for (name, n) in counts {
                    *into.entry(name).or_default() += n;
                }
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for SegmentCounts {
    type Fruit = Counted;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.last.fill(NONE);
        for ord in self.reader.facet_ords(doc) {
            for (at, buckets) in self.buckets.iter().enumerate() {
                let bucket = buckets.of(ord);
                // A document's ordinals are sorted, so those of one value come together.
                if bucket != NONE && bucket != self.last[at] {
                    self.counts[at][bucket as usize] += 1;
                    self.last[at] = bucket;
                }
            }
        }
    }

    fn harvest(self) -> Counted {
        self.buckets
            .iter()
            .zip(self.counts)
            .map(|(buckets, counts)| {
                counts
                    .into_iter()
                    .enumerate()
                    .filter(|(_, n)| *n > 0)
                    .map(|(at, n)| (buckets.names[at].clone(), n))
                    .collect()
            })
            .collect()
    }
}
