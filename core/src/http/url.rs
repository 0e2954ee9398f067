//! PHP's URL escapes: `urldecode`/`rawurldecode` and `urlencode`/
//! `rawurlencode`, as the request path, forms, cookies and autoindex links
//! use them. A leaf of `http`.

/// Decodes `%XX` escapes (and `+` as a space when `plus` is set) in place of
/// a copy: PHP's `urldecode` (`plus`) and `rawurldecode` (not `plus`). A `%`
/// not followed by two hex digits stays as it is, as in PHP.
pub fn url_decode(input: &[u8], plus: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        let c = input[i];
        if c == b'+' && plus {
            out.push(b' ');
        } else if c == b'%'
            && i + 2 < input.len()
            && let (Some(h), Some(l)) = (hex_value(input[i + 1]), hex_value(input[i + 2]))
        {
            out.push(h << 4 | l);
            i += 2;
        } else {
            out.push(c);
        }
        i += 1;
    }
    out
}

/// The value of one hex digit, either case.
pub(crate) fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// PHP's `urlencode`: letters, digits and `-_.` stay, a space becomes `+`,
/// every other byte `%XX` in upper case (Swoole's cookie values).
pub fn url_encode(input: &[u8], out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &c in input {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => out.push(c),
            b' ' => out.push(b'+'),
            _ => out.extend_from_slice(&[b'%', HEX[(c >> 4) as usize], HEX[(c & 15) as usize]]),
        }
    }
}

/// PHP's `rawurlencode` (RFC 3986): like [`url_encode`] but `~` stays and a
/// space is `%20` (autoindex links).
pub fn raw_url_encode(input: &[u8], out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &c in input {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(c),
            _ => out.extend_from_slice(&[b'%', HEX[(c >> 4) as usize], HEX[(c & 15) as usize]]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_decode_follows_php() {
        assert_eq!(url_decode(b"a+b%20c%2B", true), b"a b c+");
        assert_eq!(url_decode(b"a+b%20c", false), b"a+b c");
        assert_eq!(url_decode(b"bad%zz%4", true), b"bad%zz%4");
        assert_eq!(url_decode(b"%", true), b"%");
        assert_eq!(url_decode(b"%e2%82%AC", true), "€".as_bytes());
    }

    #[test]
    fn url_encode_follows_php() {
        let mut out = Vec::new();
        url_encode(b"v a;l=ue~*", &mut out);
        assert_eq!(out, b"v+a%3Bl%3Due%7E%2A");
        out.clear();
        raw_url_encode(b"sp ace~.js", &mut out);
        assert_eq!(out, b"sp%20ace~.js");
    }
}
