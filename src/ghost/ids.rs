//! Ghost's ids are 24 hexadecimal characters (MongoDB ObjectIds); front-ends keep them, so
//! each Newsdesk record gets one derived from what it is and its number, the same on every
//! instance, after every restart and after an export and import (which keep numbers):
//! `6e657773` ("news"), the kind in two characters, the number in fourteen.

use crate::auth::sha256_hex;

const PREFIX: &str = "6e657773";

/// What a Ghost id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Post,
    Page,
    Section,
    Tag,
    Author,
}

impl Kind {
    fn code(self) -> u8 {
        match self {
            Kind::Post => 1,
            Kind::Page => 2,
            Kind::Section => 3,
            Kind::Tag => 4,
            Kind::Author => 5,
        }
    }

    fn from_code(code: u8) -> Option<Kind> {
        Some(match code {
            1 => Kind::Post,
            2 => Kind::Page,
            3 => Kind::Section,
            4 => Kind::Tag,
            5 => Kind::Author,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Post => "post",
            Kind::Page => "page",
            Kind::Section => "section",
            Kind::Tag => "tag",
            Kind::Author => "author",
        }
    }
}

/// The largest number an id carries (56 bits).
const MAX_NUMBER: i64 = (1 << 56) - 1;

/// The Ghost id of a record.
pub fn encode(kind: Kind, number: i64) -> String {
    format!(
        "{PREFIX}{:02x}{:014x}",
        kind.code(),
        number.clamp(0, MAX_NUMBER)
    )
}

/// What a Ghost id names, if it is one of ours.
pub fn decode(id: &str) -> Option<(Kind, i64)> {
    let id = id.to_ascii_lowercase();
    if id.len() != 24 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let rest = id.strip_prefix(PREFIX)?;
    let kind = Kind::from_code(u8::from_str_radix(&rest[..2], 16).ok()?)?;
    let number = i64::from_str_radix(&rest[2..], 16).ok()?;
    Some((kind, number))
}

/// Whether text has the shape of a Ghost id (24 hexadecimal characters), ours or not.
pub fn is_id_shaped(id: &str) -> bool {
    id.len() == 24 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A UUID for a record, derived like its id (SHA-256 of what it is; RFC 9562 version 8,
/// for ids made by a rule of one's own).
pub fn uuid(kind: Kind, number: i64) -> String {
    let hash = sha256_hex(format!("newsdesk {} {number}", kind.name()).as_bytes());
    let hex: Vec<char> = hash.chars().take(32).collect();
    let mut out = String::with_capacity(36);
    for (n, c) in hex.iter().enumerate() {
        if matches!(n, 8 | 12 | 16 | 20) {
            out.push('-');
        }
        let c = match n {
            12 => '8',
            // The variant: 10xx.
            16 => ['8', '9', 'a', 'b'][c.to_digit(16).unwrap_or(0) as usize % 4],
            _ => *c,
        };
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_24_hex_characters_and_read_back() {
        let id = encode(Kind::Post, 42);
        assert_eq!(id, "6e657773010000000000002a");
        assert_eq!(id.len(), 24);
        assert_eq!(decode(&id), Some((Kind::Post, 42)));
        assert_eq!(decode(&encode(Kind::Author, 7)), Some((Kind::Author, 7)));
        assert_ne!(encode(Kind::Section, 3), encode(Kind::Tag, 3));
    }

    #[test]
    fn other_ids_are_not_ours() {
        assert_eq!(decode("5ddc9141c35e7700383b2937"), None);
        assert_eq!(decode("6e657773090000000000002a"), None);
        assert_eq!(decode("not an id"), None);
        assert!(is_id_shaped("5ddc9141c35e7700383b2937"));
        assert!(!is_id_shaped("5ddc"));
    }

    #[test]
    fn uuids_are_stable_and_shaped_like_uuids() {
        let a = uuid(Kind::Post, 1);
        assert_eq!(a, uuid(Kind::Post, 1));
        assert_ne!(a, uuid(Kind::Post, 2));
        let parts: Vec<&str> = a.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('8'));
    }
}
