//! Cryptocurrency addresses as sanctions designations and laundering cases list them:
//! Bitcoin (base58check P2PKH/P2SH, bech32/bech32m SegWit), Ethereum (EIP-55 where mixed
//! case; normalized to lower case) and TRON (base58check with the 0x41 prefix).

use std::sync::OnceLock;

use super::checks::{base58check_version, is_eip55, is_segwit};
use super::{Found, compiled, stands_alone};
use crate::entity::Label;

/// Appends every valid address of `text` to `found`.
pub fn find(text: &str, found: &mut Vec<Found>) {
    static PATTERN: OnceLock<regex::Regex> = OnceLock::new();
    let pattern = compiled(
        &PATTERN,
        r"\b(?:[13T][1-9A-HJ-NP-Za-km-z]{25,34}|(?:bc1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{8,87}|0x[0-9a-fA-F]{40})\b",
    );
    for m in pattern.find_iter(text) {
        let written = m.as_str();
        let (kind, canonical) = if let Some(hex) = written.strip_prefix("0x") {
            if !is_eip55(hex) {
                continue;
            }
            ("ethereum", written.to_ascii_lowercase())
        } else if written[..3].eq_ignore_ascii_case("bc1") {
            if !is_segwit(written, "bc") {
                continue;
            }
            ("bitcoin", written.to_ascii_lowercase())
        } else {
            match (written.as_bytes()[0], base58check_version(written)) {
                (b'1', Some(0x00)) | (b'3', Some(0x05)) => ("bitcoin", written.to_string()),
                (b'T', Some(0x41)) => ("tron", written.to_string()),
                _ => continue,
            }
        };
        if stands_alone(text, m.start(), m.end(), &[]) {
            found.push(Found {
                start: m.start(),
                end: m.end(),
                label: Label::CRYPTO,
                canonical,
                kind: Some(kind),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Found, find_in};

    fn kinds(text: &str) -> Vec<(String, &'static str)> {
        let mut found: Vec<Found> = Vec::new();
        find_in(text, Default::default(), &mut found);
        found
            .into_iter()
            .map(|f| (f.canonical, f.kind.unwrap_or("")))
            .collect()
    }

    #[test]
    fn valid_addresses_of_each_chain_and_no_altered_one() {
        let found = kinds(
            "Wallets 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa, \
             bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4, \
             0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed and \
             TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t. Not 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb, \
             bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5, \
             0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD.",
        );
        assert_eq!(
            found,
            [
                ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa".into(), "bitcoin"),
                (
                    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4".into(),
                    "bitcoin"
                ),
                (
                    "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed".into(),
                    "ethereum"
                ),
                ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t".into(), "tron"),
            ]
        );
    }
}
