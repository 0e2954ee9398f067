//! `ssl_sni_certs`: which certificate answers the server name a client asks
//! for, and the host name patterns that select them.
//!
//! The rules are Swoole's (`ListenPort::ssl_matches_wildcard_name`): a name
//! matches a pattern case-insensitively, and a `*` may stand, in the
//! pattern's left-most label only, for characters without a dot. Unlike
//! Swoole, whose table is a hash map, exact names win over wildcards, and
//! wildcards are tried in the order given.

use super::error::TlsError;
use openssl::ssl::SslContext;

/// The contexts of the `ssl_sni_certs` entries.
pub(crate) struct SniTable {
    /// Exact names first, then wildcard patterns, each with its context.
    entries: Vec<(String, SslContext)>,
}

impl SniTable {
    /// The table of `entries` (host pattern, context), in the order given.
    pub(crate) fn new(mut entries: Vec<(String, SslContext)>) -> SniTable {
        // A stable sort: exact names first, the given order kept within each kind.
        entries.sort_by_key(|(host, _)| host.contains('*'));
        SniTable { entries }
    }

    /// The context for `server_name`, if an entry matches it.
    pub(crate) fn lookup(&self, server_name: &str) -> Option<&SslContext> {
        self.entries.iter().find(|(host, _)| matches(host, server_name)).map(|(_, ctx)| ctx)
    }
}

/// Refuses a host key that can never match.
pub(crate) fn check_pattern(host: &str) -> Result<(), TlsError> {
    let bad = |reason| Err(TlsError::BadSniHost { host: host.to_string(), reason });
    if host.is_empty() {
        return bad("an empty host name never matches");
    }
    if host.bytes().any(|b| b.is_ascii_whitespace() || b.is_ascii_control() || b == b'/') {
        return bad("a host name has no spaces, slashes or control characters");
    }
    let first_dot = host.find('.').unwrap_or(host.len());
    if host.rfind('*').is_some_and(|star| star > first_dot) || host.matches('*').count() > 1 {
        return bad("a '*' is only allowed once, in the left-most label");
    }
    Ok(())
}

/// Whether `name` (what the client sent) matches `pattern`.
pub(crate) fn matches(pattern: &str, name: &str) -> bool {
    if pattern.eq_ignore_ascii_case(name) {
        return true;
    }
    let Some(star) = pattern.find('*') else { return false };
    // Bytes, not chars: a name from the network may split anywhere.
    let (prefix, suffix, name) = (&pattern.as_bytes()[..star], &pattern.as_bytes()[star + 1..], name.as_bytes());
    if prefix.contains(&b'.') || name.len() < prefix.len() + suffix.len() {
        return false;
    }
    let (head, tail) = name.split_at(name.len() - suffix.len());
    head[..prefix.len()].eq_ignore_ascii_case(prefix)
        && tail.eq_ignore_ascii_case(suffix)
        && !head[prefix.len()..].contains(&b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_names_match_in_any_case() {
        assert!(matches("a.test", "a.test"));
        assert!(matches("a.test", "A.TEST"));
        assert!(!matches("a.test", "b.test"));
        assert!(!matches("a.test", "x.a.test"));
    }

    #[test]
    fn a_star_stands_for_one_label_or_part_of_it() {
        assert!(matches("*.wild.test", "x.wild.test"));
        assert!(matches("*.wild.test", "X.Wild.Test"));
        assert!(!matches("*.wild.test", "a.b.wild.test"), "no dot under the star");
        assert!(!matches("*.wild.test", "wild.test"));
        assert!(matches("www*.example.com", "www2.example.com"));
        assert!(!matches("www*.example.com", "web.example.com"));
        assert!(matches("*.example.com", ".example.com"), "Swoole matches an empty label too");
    }

    #[test]
    fn patterns_that_can_never_match_are_refused() {
        assert!(check_pattern("a.test").is_ok());
        assert!(check_pattern("*.a.test").is_ok());
        for bad in ["", "a.*.test", "*.*.test", "a b.test", "a/b"] {
            let e = check_pattern(bad).unwrap_err();
            assert_eq!(e.setting(), "ssl_sni_certs", "{bad}");
        }
    }
}
