//! The `#d=` link: a dataset carried in the address's fragment (never sent to any server). The
//! browser compresses the file (`CompressionStream("deflate-raw")`); this module writes and reads
//! the compressed bytes as base64url and says when a table is too large for a link.

/// The most compressed bytes a link carries (about 11,000 characters of address): beyond it,
/// the editor offers the file download instead.
pub const LINK_LIMIT: usize = 8 * 1024;

/// The fragment's prefix.
pub const PREFIX: &str = "d=";

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Bytes as base64url without padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Base64url (with or without padding, `+/` accepted too) back to bytes; `None` for any other
/// character or an impossible length.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let value = |c: u8| match c {
        b'+' => Some(62),
        b'/' => Some(63),
        c => ALPHABET.iter().position(|&a| a == c).map(|p| p as u32),
    };
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= value(*c)? << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// Whether compressed bytes of this length fit in a link.
pub fn fits(compressed_len: usize) -> bool {
    compressed_len <= LINK_LIMIT
}

/// The base64url payload of an address's fragment (`#d=…`, maybe among other `&` parts).
pub fn payload(hash: &str) -> Option<&str> {
    hash.trim_start_matches('#').split('&').find_map(|part| part.strip_prefix(PREFIX)).filter(|p| !p.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..300usize {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 7919 % 256) as u8).collect();
            let text = encode(&bytes);
            assert!(text.bytes().all(|c| ALPHABET.contains(&c)), "{text}");
            assert_eq!(decode(&text).as_deref(), Some(bytes.as_slice()), "length {len}");
        }
        assert_eq!(encode(b"Ma"), "TWE");
        assert_eq!(decode("TWE="), Some(b"Ma".to_vec()));
        assert_eq!(decode("T"), None);
        assert_eq!(decode("TW E"), None);
    }

    #[test]
    fn the_payload_and_the_limit() {
        assert_eq!(payload("#d=abc"), Some("abc"));
        assert_eq!(payload("#x=1&d=abc"), Some("abc"));
        assert_eq!(payload("#d="), None);
        assert_eq!(payload(""), None);
        assert!(fits(LINK_LIMIT) && !fits(LINK_LIMIT + 1));
    }
}
