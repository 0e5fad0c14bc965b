//! The hand-over link (issue 13): an answers file carried in a URL *fragment*, for WeChat's
//! in-app browser, which cannot download files. A fragment is never sent to a server, so the
//! answers still leave the device only in the link the user shares.
//!
//! A payload is `bsc1.<bytes>.<check>.<data>`:
//!
//! - `bsc1` — the format (`bsc` and a version; a higher version is [`HandoverError::NewerFormat`]);
//! - `<bytes>` — the JSON's length in bytes, in decimal, so a link cut off by a chat app or a
//!   careless copy is told apart from one that was edited;
//! - `<check>` — the first 8 bytes of the JSON's SHA-256 (`hash.rs`), 16 lowercase hex digits;
//! - `<data>` — the UTF-8 JSON in base64url without padding (RFC 4648 §5).
//!
//! Every character is URL-fragment safe. The encoding is canonical: [`decode`] accepts only what
//! [`encode`] produces (lowercase hex, no leading zeros, zero trailing bits), so any changed
//! character is refused rather than decoded to the same bytes. The decoded text then goes through
//! `AnswersFile::parse` like any imported file. No dependency: base64 is a few lines here.

use crate::hash::sha256;

/// The format version this code writes and reads.
pub const VERSION: u32 = 1;
/// The largest JSON a link may carry, in bytes (a complete answers file with long notes is tens
/// of kilobytes; a link of megabytes is no use in a chat).
pub const MAX_HANDOVER_BYTES: usize = 2 * 1024 * 1024;

const PREFIX: &str = "bsc";
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Why a fragment could not be read. Each is a different thing to tell the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandoverError {
    /// Not a hand-over payload at all (an ordinary fragment, or none).
    NotHandover,
    /// Made by a newer app, in a link format this code does not read.
    NewerFormat { found: u32 },
    /// Shorter than it says: the link was cut off (`found` bytes of `expected` arrived).
    CutOff { expected: usize, found: usize },
    /// Edited or corrupted: a character that does not belong, or the check does not match.
    Damaged,
    /// It says it carries more than [`MAX_HANDOVER_BYTES`].
    TooLarge { bytes: usize, max: usize },
}

impl std::fmt::Display for HandoverError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HandoverError::NotHandover => write!(f, "not a hand-over link"),
            HandoverError::NewerFormat { found } => {
                write!(f, "a hand-over link of format {found}; this version reads format {VERSION}")
            }
            HandoverError::CutOff { expected, found } => {
                write!(f, "the link is cut off: {found} of {expected} bytes arrived")
            }
            HandoverError::Damaged => write!(f, "the link was changed or damaged"),
            HandoverError::TooLarge { bytes, max } => write!(f, "the link carries {bytes} bytes; at most {max}"),
        }
    }
}

fn check_hex(data: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(16);
    for b in &sha256(data)[..8] {
        s.push(HEX[usize::from(b >> 4)] as char);
        s.push(HEX[usize::from(b & 15)] as char);
    }
    s
}

/// The payload for `answers_file_json` (put it after `#` in the app's URL). Callers keep the JSON
/// within [`MAX_HANDOVER_BYTES`]; a larger one encodes, and [`decode`] refuses it.
pub fn encode(answers_file_json: &str) -> String {
    let data = answers_file_json.as_bytes();
    let mut out = format!("{PREFIX}{VERSION}.{}.{}.", data.len(), check_hex(data));
    out.reserve(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// The JSON carried by `fragment` (with or without its leading `#`).
pub fn decode(fragment: &str) -> Result<String, HandoverError> {
    let payload = fragment.strip_prefix('#').unwrap_or(fragment);
    // Refuse a huge fragment before looking at it.
    if payload.len() > MAX_HANDOVER_BYTES / 3 * 4 + 128 {
        return Err(HandoverError::TooLarge { bytes: payload.len() / 4 * 3, max: MAX_HANDOVER_BYTES });
    }
    let mut parts = payload.splitn(4, '.');
    let head = parts.next().unwrap_or("");
    let version = head
        .strip_prefix(PREFIX)
        .filter(|v| !v.is_empty() && !v.starts_with('0') && v.bytes().all(|c| c.is_ascii_digit()))
        .ok_or(HandoverError::NotHandover)?;
    if version != "1" {
        // Any other version is newer (versions start at 1); a huge one is still "newer".
        return Err(HandoverError::NewerFormat { found: version.parse().unwrap_or(u32::MAX) });
    }
    if !payload[head.len()..].starts_with('.') {
        return Err(HandoverError::NotHandover);
    }
    let (Some(length), Some(check), Some(data)) = (parts.next(), parts.next(), parts.next()) else {
        // The header itself is incomplete: cut off before the data began.
        return Err(cut_header(payload));
    };
    let expected = read_length(length)?;
    if expected > MAX_HANDOVER_BYTES {
        return Err(HandoverError::TooLarge { bytes: expected, max: MAX_HANDOVER_BYTES });
    }
    if check.len() != 16 || !check.bytes().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')) {
        return Err(HandoverError::Damaged);
    }
    // Each character carries 6 bits; a last group of one character carries none whole.
    let found = data.len() / 4 * 3 + (data.len() % 4).saturating_sub(1);
    if found < expected {
        return Err(HandoverError::CutOff { expected, found });
    }
    if found > expected || data.len() % 4 == 1 {
        return Err(HandoverError::Damaged);
    }
    let bytes = base64url(data).ok_or(HandoverError::Damaged)?;
    if check_hex(&bytes) != check {
        return Err(HandoverError::Damaged);
    }
    String::from_utf8(bytes).map_err(|_| HandoverError::Damaged)
}

/// A payload whose header ends early: cut off before the data began (with the length, if it
/// arrived).
fn cut_header(payload: &str) -> HandoverError {
    let mut parts = payload.split('.').skip(1);
    let expected = parts.next().and_then(|l| read_length(l).ok()).unwrap_or(0);
    HandoverError::CutOff { expected, found: 0 }
}

/// A canonical decimal length: digits only, no leading zero (except "0" itself).
fn read_length(s: &str) -> Result<usize, HandoverError> {
    if s.is_empty() || !s.bytes().all(|c| c.is_ascii_digit()) || (s.len() > 1 && s.starts_with('0')) {
        return Err(HandoverError::Damaged);
    }
    // More digits than any usize: far beyond the bound either way.
    Ok(s.parse().unwrap_or(usize::MAX))
}

/// Decodes unpadded base64url, refusing any character outside the alphabet and any non-zero
/// bits after the last whole byte (so each byte string has exactly one encoding).
fn base64url(data: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 2);
    for chunk in data.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'-' => 62,
                b'_' => 63,
                _ => return None,
            };
            n |= u32::from(v) << (18 - 6 * i);
        }
        // One character alone carries no whole byte: never produced by `encode`.
        let bytes = chunk.len().checked_sub(1).filter(|&b| b > 0)?;
        // Bits past the last whole byte must be zero.
        if n & ((1u32 << (24 - 8 * bytes)) - 1) != 0 {
            return None;
        }
        out.extend_from_slice(&n.to_be_bytes()[1..=bytes]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        // RFC 4648 §10, without padding, through the payload's data part.
        for (plain, b64) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert!(encode(plain).ends_with(&format!(".{b64}")), "{plain}");
            assert_eq!(base64url(b64).as_deref(), Some(plain.as_bytes()));
        }
        assert_eq!(base64url("-_8").as_deref(), Some(&[0xfb, 0xff][..]));
        assert_eq!(base64url("Zh"), None, "non-zero trailing bits");
        assert_eq!(base64url("Zm9+"), None, "not the URL alphabet");
    }
}
