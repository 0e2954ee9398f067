//! Helpers for the engine's unit tests.

/// Bytes from a hex string, for tests written from captured frames.
pub(crate) fn test_hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}
