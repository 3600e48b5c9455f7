//! A fast hash for tables of words: the patterns look a word up in a table for nearly every
//! word of an article, and std's SipHash, built to resist flooding by untrusted keys, costs
//! more than these lookups need.

use std::hash::{BuildHasherDefault, Hasher};

/// What a `HashMap` of words is built with: [`WordHasher`].
pub type WordHashing = BuildHasherDefault<WordHasher>;

/// A hash for short words: the first and last eight bytes (they overlap in
/// short words) and the length, mixed FxHash-style. Keys are constants, so there is no untrusted
/// input to flood it; `write_u8` ignores the terminator `str` hashing adds, as keys are only
/// ever single strings.
#[derive(Default)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let load = |b: &[u8]| {
            let mut word = [0u8; 8];
            word[..b.len()].copy_from_slice(b);
            u64::from_le_bytes(word)
        };
        let n = bytes.len();
        let (head, tail) = if n >= 8 {
            (load(&bytes[..8]), load(&bytes[n - 8..]))
        } else {
            (load(bytes), 0)
        };
        let mix = |h: u64, v: u64| (h.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95);
        self.0 = mix(mix(mix(self.0, head), tail), n as u64);
    }

    fn write_u8(&mut self, _terminator: u8) {}

    fn finish(&self) -> u64 {
        self.0
    }
}
