//! The checksums and registries that tell a real identifier from a string shaped like one:
//! IBAN mod-97 with each country's length, ISO 3166 country codes (for BICs), base58check
//! (Bitcoin and TRON), bech32/bech32m (Bitcoin SegWit), EIP-55 (Ethereum) and the IMO check
//! digit. A candidate that fails its check is no identifier, so a typo or a random string of
//! the right shape never becomes a facet value an investigator pivots on.

use sha2::{Digest, Sha256};
use sha3::Keccak256;

/// ISO 3166-1 alpha-2 codes, and XK (Kosovo), which banks use.
const COUNTRIES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI \
BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ \
DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ \
GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN \
KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS \
MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT \
PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF \
TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA \
ZM ZW";

/// Whether `code` (two upper-case letters) is a country code.
pub fn is_country(code: &str) -> bool {
    code.len() == 2 && COUNTRIES.split(' ').any(|c| c == code)
}

/// The length of an IBAN of each country that issues them (the SWIFT IBAN registry).
#[rustfmt::skip]
const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("AD", 24), ("AE", 23), ("AL", 28), ("AT", 20), ("AZ", 28), ("BA", 20), ("BE", 16),
    ("BG", 22), ("BH", 22), ("BR", 29), ("BY", 28), ("CH", 21), ("CR", 22), ("CY", 28),
    ("CZ", 24), ("DE", 22), ("DK", 18), ("DO", 28), ("EE", 20), ("EG", 29), ("ES", 24),
    ("FI", 18), ("FO", 18), ("FR", 27), ("GB", 22), ("GE", 22), ("GI", 23), ("GL", 18),
    ("GR", 27), ("GT", 28), ("HR", 21), ("HU", 28), ("IE", 22), ("IL", 23), ("IQ", 23),
    ("IS", 26), ("IT", 27), ("JO", 30), ("KW", 30), ("KZ", 20), ("LB", 28), ("LC", 32),
    ("LI", 21), ("LT", 20), ("LU", 20), ("LV", 21), ("MC", 27), ("MD", 24), ("ME", 22),
    ("MK", 19), ("MR", 27), ("MT", 31), ("MU", 30), ("NL", 18), ("NO", 15), ("PK", 24),
    ("PL", 28), ("PS", 29), ("PT", 25), ("QA", 29), ("RO", 24), ("RS", 22), ("SA", 24),
    ("SC", 31), ("SE", 24), ("SI", 19), ("SK", 24), ("SM", 27), ("SV", 28), ("TL", 23),
    ("TN", 24), ("TR", 26), ("UA", 29), ("VA", 22), ("VG", 24), ("XK", 20),
];

/// The IBAN length of `country`, if it issues IBANs.
pub fn iban_length(country: &str) -> Option<usize> {
    IBAN_LENGTHS
        .iter()
        .find(|(c, _)| *c == country)
        .map(|&(_, n)| n)
}

/// Whether `iban` (upper-case letters and digits, no spaces) has its country's length and
/// passes ISO 7064 mod 97-10.
pub fn is_iban(iban: &str) -> bool {
    let b = iban.as_bytes();
    if b.len() < 5
        || !b
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        || iban_length(&iban[..2]) != Some(b.len())
        || !b[2].is_ascii_digit()
        || !b[3].is_ascii_digit()
    {
        return false;
    }
    let mut remainder = 0u32;
    for &c in b[4..].iter().chain(&b[..4]) {
        let value = if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            u32::from(c - b'A') + 10
        };
        remainder = if value >= 10 {
            (remainder * 100 + value) % 97
        } else {
            (remainder * 10 + value) % 97
        };
    }
    remainder == 1
}

/// Whether `bic` has the structure of a SWIFT/BIC code: four letters (the bank), a valid
/// country code, two letters or digits (the place), optionally three more (the branch).
pub fn is_bic(bic: &str) -> bool {
    let b = bic.as_bytes();
    (b.len() == 8 || b.len() == 11)
        && b[..6].iter().all(u8::is_ascii_uppercase)
        && b[6..]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && is_country(&bic[4..6])
}

const BASE58: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// The bytes `s` encodes in base58, if every character is base58 (at most 64 characters:
/// addresses are shorter, and the quadratic decoding stays cheap).
fn base58_decode(s: &str) -> Option<Vec<u8>> {
    if s.len() > 64 {
        return None;
    }
    let mut bytes: Vec<u8> = Vec::with_capacity(s.len());
    for c in s.bytes() {
        let mut carry = BASE58.iter().position(|&d| d == c)? as u32;
        for b in bytes.iter_mut().rev() {
            carry += u32::from(*b) * 58;
            *b = (carry & 0xff) as u8;
            carry >>= 8;
        }
        while carry > 0 {
            bytes.insert(0, (carry & 0xff) as u8);
            carry >>= 8;
        }
    }
    let zeros = s.bytes().take_while(|&c| c == b'1').count();
    let mut out = vec![0u8; zeros];
    out.extend(bytes);
    Some(out)
}

/// The version byte of a base58check address of 25 bytes whose last four bytes are the first
/// four of the double SHA-256 of the rest.
pub fn base58check_version(s: &str) -> Option<u8> {
    let bytes = base58_decode(s)?;
    if bytes.len() != 25 {
        return None;
    }
    let (payload, checksum) = bytes.split_at(21);
    let hash = Sha256::digest(Sha256::digest(payload));
    (hash[..4] == *checksum).then_some(payload[0])
}

const BECH32: &[u8] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";

fn polymod(values: impl Iterator<Item = u8>) -> u32 {
    const GEN: [u32; 5] = [
        0x3b6a_57b2,
        0x2650_8e6d,
        0x1ea1_19fa,
        0x3d42_33dd,
        0x2a14_62b3,
    ];
    let mut chk: u32 = 1;
    for v in values {
        let top = chk >> 25;
        chk = (chk & 0x1ff_ffff) << 5 ^ u32::from(v);
        for (i, g) in GEN.iter().enumerate() {
            if (top >> i) & 1 == 1 {
                chk ^= g;
            }
        }
    }
    chk
}

/// Whether `s` is a SegWit address with human-readable part `hrp`: bech32 for witness
/// version 0, bech32m for later ones (BIP 173 and 350). One case throughout.
pub fn is_segwit(s: &str, hrp: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    if s != lower && s != s.to_ascii_uppercase() {
        return false;
    }
    let Some(data) = lower
        .strip_prefix(hrp)
        .and_then(|rest| rest.strip_prefix('1'))
    else {
        return false;
    };
    let Some(values) = data
        .bytes()
        .map(|c| BECH32.iter().position(|&d| d == c).map(|p| p as u8))
        .collect::<Option<Vec<u8>>>()
    else {
        return false;
    };
    if values.len() < 7 || lower.len() > 90 {
        return false;
    }
    let expanded = hrp
        .bytes()
        .map(|c| c >> 5)
        .chain([0])
        .chain(hrp.bytes().map(|c| c & 31))
        .chain(values.iter().copied());
    let constant = if values[0] == 0 { 1 } else { 0x2bc8_30a3 };
    // The program, regrouped from 5 bits to 8, is 2 to 40 bytes; 20 or 32 for version 0.
    let program_bytes = (values.len() - 7) * 5 / 8;
    let sized = if values[0] == 0 {
        program_bytes == 20 || program_bytes == 32
    } else {
        (2..=40).contains(&program_bytes)
    };
    values[0] <= 16 && sized && polymod(expanded) == constant
}

/// Whether a `0x`-less Ethereum address of 40 hex digits is valid: any one case, or the
/// mixed case of its EIP-55 checksum (upper case where the Keccak-256 of the lower-case
/// address has a nibble of 8 or more).
pub fn is_eip55(hex: &str) -> bool {
    let lower = hex.to_ascii_lowercase();
    if hex == lower || hex == hex.to_ascii_uppercase() {
        return true;
    }
    let hash = Keccak256::digest(lower.as_bytes());
    hex.bytes().enumerate().all(|(i, c)| {
        let nibble = (hash[i / 2] >> if i % 2 == 0 { 4 } else { 0 }) & 0xf;
        !c.is_ascii_alphabetic() || c.is_ascii_uppercase() == (nibble >= 8)
    })
}

/// Whether seven digits are an IMO ship number: the last digit is the sum of the first six
/// weighted 7 down to 2, modulo 10.
pub fn is_imo(digits: &str) -> bool {
    let d = digits.as_bytes();
    if d.len() != 7 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = d[..6]
        .iter()
        .zip((2..=7).rev())
        .map(|(c, w)| u32::from(c - b'0') * w)
        .sum();
    sum % 10 == u32::from(d[6] - b'0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_examples_validate_and_altered_ones_fail() {
        assert!(is_iban("GB82WEST12345698765432"));
        assert!(!is_iban("GB82WEST12345698765433"));
        assert!(is_iban("DE89370400440532013000"));
        assert!(!is_iban("DE8937040044053201300"));
        assert!(is_bic("DEUTDEFF") && is_bic("DEUTDEFF500"));
        assert!(!is_bic("DEUTZZFF") && !is_bic("DEUTDEF"));
        assert_eq!(
            base58check_version("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"),
            Some(0)
        );
        assert_eq!(
            base58check_version("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"),
            None
        );
        assert!(is_segwit(
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            "bc"
        ));
        assert!(!is_segwit(
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",
            "bc"
        ));
        assert!(is_segwit(
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
            "bc"
        ));
        assert!(is_eip55("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
        assert!(!is_eip55("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));
        assert!(is_imo("9074729") && !is_imo("9074728"));
    }
}
