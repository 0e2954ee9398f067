//! `swoole_hashcode()`: the two string hashes Swoole offers, bit for bit.

/// Type 0: PHP's own string hash (DJBX33A, `zend_inline_hash_func`, over C
/// `char`s, signed), with the high bit set as PHP sets it (a PHP hash is
/// never zero).
pub fn php_hash(data: &[u8]) -> u64 {
    let hash = data.iter().fold(5381u64, |h, &b| h.wrapping_mul(33).wrapping_add(b as i8 as i64 as u64));
    hash | 0x8000_0000_0000_0000
}

/// Type 1: Bob Jenkins' one-at-a-time hash, over C `char`s (signed on x86,
/// so a byte above 0x7f counts sign-extended, as in Swoole).
pub fn one_at_a_time(data: &[u8]) -> u32 {
    let mut value: u32 = 0;
    for &b in data {
        value = value.wrapping_add(b as i8 as i32 as u32);
        value = value.wrapping_add(value << 10);
        value ^= value >> 6;
    }
    value = value.wrapping_add(value << 3);
    value ^= value >> 11;
    value.wrapping_add(value << 15)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        // Values Swoole 6.2.1 returns for the same input.
        assert_eq!(php_hash(b"hello") as i64, -9223371826140139367);
        assert_eq!(php_hash(b"") as i64, -9223372036854770427);
        assert_eq!(one_at_a_time(b"hello"), 3372029979);
        assert_eq!(one_at_a_time(b""), 0);
        assert_eq!(one_at_a_time(&[0xff; 100]), 2805027337);
        assert_eq!(php_hash(&[0xff; 100]) as i64, -970336904813342623);
    }
}
