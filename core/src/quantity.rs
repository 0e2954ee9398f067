//! PHP's quantity strings (`'2M'`, `'512K'`, `'1G'`, `'0x10k'`): how
//! Swoole reads a size setting given as a string. Swoole 6 hands such a
//! string to the engine's `zend_ini_parse_quantity()` and treats any
//! complaint of it as a fatal error, so this is that function, byte for byte:
//! leading and trailing whitespace, an optional sign, `0x`/`0o`/`0b` and
//! leading-`0` octal prefixes, whitespace, then one `k`, `m` or `g` (any case)
//! multiplier. The complaint texts are the engine's own, so the fatal error
//! reads as Swoole's does.

/// What the engine makes of `value`: the number, and its complaint if the
/// string is not a clean quantity (then the number is what the engine would
/// fall back to, "for backwards compatibility").
pub fn parse(value: &[u8]) -> (i64, Option<String>) {
    Parser { s: value }.run()
}

struct Parser<'a> {
    s: &'a [u8],
}

/// The engine's `zend_is_whitespace()`.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The engine's `smart_str_append_escaped()`: what the messages quote.
fn escaped(bytes: &[u8]) -> String {
    let mut out = String::new();
    for &c in bytes {
        match c {
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x0c => out.push_str("\\f"),
            0x0b => out.push_str("\\v"),
            b'\\' => out.push_str("\\\\"),
            0x1b => out.push_str("\\e"),
            32..=126 => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02X}")),
        }
    }
    out
}

impl Parser<'_> {
    /// The byte at `i`, NUL past the end (as the C code reads its buffer).
    fn at(&self, i: usize) -> u8 {
        self.s.get(i).copied().unwrap_or(0)
    }

    fn no_digits(&self, why: &str) -> (i64, Option<String>) {
        let v = escaped(self.s);
        (0, Some(format!("Invalid quantity \"{v}\": {why}, interpreting as \"0\" for backwards compatibility")))
    }

    /// `zend_ini_consume_quantity_prefix()`: where the digits after a base
    /// prefix would start if whitespace, a sign or a second prefix followed.
    fn consume_prefix(&self, digits: usize, end: usize) -> usize {
        let mut p = digits;
        while p < end && is_space(self.at(p)) {
            p += 1;
        }
        if matches!(self.at(p), b'+' | b'-') {
            p += 1;
        }
        if self.at(p) == b'0' && !self.at(p + 1).is_ascii_digit() {
            if p + 1 == end {
                return digits;
            }
            if matches!(self.at(p + 1), b'x' | b'X' | b'o' | b'O' | b'b' | b'B') {
                p += 2;
            }
        }
        p
    }

    /// `strtoull()` from `start` in `base` (0: decimal, or octal after a
    /// leading 0): the value, where the digits end, and whether it overflowed.
    fn strtoull(&self, start: usize, base: u32) -> (u64, usize, bool) {
        let base = match base {
            0 if self.at(start) == b'0' => 8,
            0 => 10,
            b => b,
        };
        let (mut value, mut i, mut overflow) = (0u64, start, false);
        while let Some(d) = (self.at(i) as char).to_digit(base) {
            match value.checked_mul(base as u64).and_then(|v| v.checked_add(d as u64)) {
                Some(v) => value = v,
                None => overflow = true,
            }
            i += 1;
        }
        (if overflow { u64::MAX } else { value }, i, overflow)
    }

    fn run(&self) -> (i64, Option<String>) {
        let s = self.s;
        let mut digits = 0;
        let mut end = s.len();
        while digits < end && is_space(s[digits]) {
            digits += 1;
        }
        while digits < end && is_space(s[end - 1]) {
            end -= 1;
        }
        if digits == end {
            return (0, None);
        }
        let negative = s[digits] == b'-';
        if matches!(s[digits], b'+' | b'-') {
            digits += 1;
        }
        if !self.at(digits).is_ascii_digit() {
            return self.no_digits("no valid leading digits");
        }
        let mut base = 0;
        if s[digits] == b'0' && !self.at(digits + 1).is_ascii_digit() {
            if digits + 1 == end {
                return (0, None);
            }
            match self.at(digits + 1) {
                b'g' | b'G' | b'm' | b'M' | b'k' | b'K' => {}
                b'x' | b'X' => base = 16,
                b'o' | b'O' => base = 8,
                b'b' | b'B' => base = 2,
                c => {
                    let c = c as char;
                    return (0, Some(format!("Invalid prefix \"0{c}\", interpreting as \"0\" for backwards compatibility")));
                }
            }
            if base != 0 {
                digits += 2;
                if digits == end || digits != self.consume_prefix(digits, end) {
                    return self.no_digits("no digits after base prefix");
                }
            }
        }
        let (raw, mut digits_end, range_error) = self.strtoull(digits, base);
        let mut overflow = range_error;
        let mut value = raw;
        if !range_error {
            if negative && raw == 1u64 << 63 {
                value = raw.wrapping_neg();
            } else if (raw as i64) < 0 {
                overflow = true;
            } else if negative {
                value = raw.wrapping_neg();
            }
        }
        if digits_end == digits {
            return self.no_digits("no valid leading digits");
        }
        while digits_end < end && is_space(s[digits_end]) {
            digits_end += 1;
        }
        if digits_end < end {
            let last = s[end - 1];
            let factor: u64 = match last {
                b'g' | b'G' => 1 << 30,
                b'm' | b'M' => 1 << 20,
                b'k' | b'K' => 1 << 10,
                _ => {
                    let (v, seen, c) = (escaped(s), escaped(&s[..digits_end]), escaped(&[last]));
                    let why = format!(
                        "Invalid quantity \"{v}\": unknown multiplier \"{c}\", interpreting as \"{seen}\" for backwards compatibility"
                    );
                    return (value as i64, Some(why));
                }
            };
            if !overflow {
                let signed = value as i64;
                let f = factor as i64;
                overflow = if signed > 0 { signed > i64::MAX / f } else { signed < i64::MIN / f };
            }
            value = value.wrapping_mul(factor);
            if digits_end != end - 1 {
                let (v, seen, c) = (escaped(s), escaped(&s[..digits_end]), escaped(&[last]));
                let why = format!("Invalid quantity \"{v}\", interpreting as \"{seen}{c}\" for backwards compatibility");
                return (value as i64, Some(why));
            }
        }
        if overflow {
            let v = escaped(s);
            let why = format!("Invalid quantity \"{v}\": value is out of range, using overflow result for backwards compatibility");
            return (value as i64, Some(why));
        }
        (value as i64, None)
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    /// Inputs with what PHP 8.2's own `ini_parse_quantity()` returned for
    /// them and the warning it gave (`tests/quantity_cases.txt` was made by
    /// running PHP on these strings).
    #[test]
    fn agrees_with_the_engine() {
        let cases = include_str!("../tests/quantity_cases.txt");
        let mut n = 0;
        for line in cases.lines().filter(|l| !l.is_empty()) {
            let mut parts = line.splitn(3, '\t');
            let input = unhex(parts.next().unwrap());
            let value: i64 = parts.next().unwrap().parse().unwrap();
            let warning = parts.next().unwrap();
            let (v, w) = parse(&input);
            let shown = String::from_utf8_lossy(&input).into_owned();
            assert_eq!(w.as_deref().unwrap_or(""), warning, "warning for {shown:?}");
            if w.is_none() {
                assert_eq!(v, value, "value of {shown:?}");
            }
            n += 1;
        }
        assert!(n > 50, "the table is there");
    }

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
    }

    #[test]
    fn the_usual_sizes() {
        assert_eq!(parse(b"2M"), (2 << 20, None));
        assert_eq!(parse(b"512k"), (512 << 10, None));
        assert_eq!(parse(b" 1 G "), (1 << 30, None));
        assert_eq!(parse(b"-1"), (-1, None));
        assert!(parse(b"garbage").1.unwrap().contains("no valid leading digits"));
    }
}
