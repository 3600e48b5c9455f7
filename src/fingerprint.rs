//! FNV-1a, 64 bits: the hash behind derived article ids and the index's change detection.
//! Tiny, fast and stable across Rust versions and runs (unlike `DefaultHasher`), which both
//! need: an id or a fingerprint must not change when the same bytes are hashed again.

pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Fnv1a {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= b as u64;
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub fn finish(&self) -> u64 {
        self.0
    }
}
