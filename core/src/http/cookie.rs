//! Cookies: the `Cookie` request header into `$request->cookie`, and
//! `Set-Cookie` lines as `$response->cookie()` / `rawCookie()` build them.
//!
//! Parsing is Swoole's: pairs split on `;`, leading white space of a name
//! skipped, a pair without a name skipped, a pair without `=` an empty value,
//! values `rawurldecode`d (a `+` stays), names as sent; then PHP's variable
//! rules ([`super::form`]), the first of two same names kept.
//! Building is PHP's `setcookie` format, which Swoole follows.

use super::date;
use super::form::FormMap;

/// `$request->cookie` from every `Cookie` header of a request, in order.
pub fn parse_cookies<'a>(
    headers: impl IntoIterator<Item = &'a [u8]>,
    max_vars: usize,
    max_nesting: usize,
) -> FormMap<Vec<u8>> {
    let mut out = FormMap::default();
    let mut count = 0;
    for header in headers {
        for pair in header.split(|&c| c == b';') {
            let pair = &pair[pair
                .iter()
                .position(|c| !c.is_ascii_whitespace())
                .unwrap_or(pair.len())..];
            let (name, value) = match pair.iter().position(|&c| c == b'=') {
                Some(eq) => (&pair[..eq], &pair[eq + 1..]),
                None => (pair, &b""[..]),
            };
            if name.is_empty() {
                continue;
            }
            count += 1;
            if count > max_vars {
                return out;
            }
            // Too deep: dropped, as PHP does.
            out.register(name, super::url::url_decode(value, false), max_nesting, true);
        }
    }
    out
}

/// One `Set-Cookie` to build.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SetCookie<'a> {
    /// The cookie name (never encoded).
    pub name: &'a [u8],
    /// The value; `urlencode`d unless [`SetCookie::raw`].
    pub value: &'a [u8],
    /// Unix time of expiry; 0 or less: a session cookie.
    pub expires: i64,
    /// `path=`, when not empty.
    pub path: &'a [u8],
    /// `domain=`, when not empty.
    pub domain: &'a [u8],
    /// `secure`.
    pub secure: bool,
    /// `HttpOnly`.
    pub http_only: bool,
    /// `SameSite=`, as given, when not empty.
    pub same_site: &'a [u8],
    /// `Priority=`, as given, when not empty.
    pub priority: &'a [u8],
    /// `Partitioned`.
    pub partitioned: bool,
    /// `rawCookie()`: the value is sent as given.
    pub raw: bool,
}

/// Why a cookie was refused: the PHP layer warns with [`CookieError::message`]
/// and returns false, as Swoole does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CookieError {
    /// An empty name.
    EmptyName,
    /// A name with `=,; \t\r\n\v\f`.
    Name,
    /// A raw value with `,; \t\r\n\v\f`.
    Value,
    /// A path with `,; \t\r\n\v\f`.
    Path,
    /// A domain with `,; \t\r\n\v\f`.
    Domain,
    /// An expiry past year 9999.
    Expires,
}

const BAD: &[u8] = b",; \t\r\n\x0b\x0c";

impl CookieError {
    /// The warning text, as Swoole (and PHP's `setcookie`) word it.
    pub fn message(self) -> &'static str {
        match self {
            CookieError::EmptyName => "The name cannot be empty",
            CookieError::Name => {
                r#"The name cannot contain "=", ",", ";", " ", "\t", "\r", "\n", "\013", or "\014""#
            }
            CookieError::Value => {
                r#"The value cannot contain ",", ";", " ", "\t", "\r", "\n", "\013", or "\014""#
            }
            CookieError::Path => {
                r#"The path option cannot contain ",", ";", " ", "\t", "\r", "\n", "\013", or "\014""#
            }
            CookieError::Domain => {
                r#"The domain option cannot contain ",", ";", " ", "\t", "\r", "\n", "\013", or "\014""#
            }
            CookieError::Expires => r#""expires" option cannot have a year greater than 9999"#,
        }
    }
}

impl SetCookie<'_> {
    /// The header value (after `Set-Cookie: `), `now` being the current unix
    /// time (for `Max-Age`).
    pub fn build(&self, now: i64) -> Result<Vec<u8>, CookieError> {
        if self.name.is_empty() {
            return Err(CookieError::EmptyName);
        }
        let has_bad = |s: &[u8]| s.iter().any(|c| BAD.contains(c));
        if self.name.contains(&b'=') || has_bad(self.name) {
            return Err(CookieError::Name);
        }
        if self.raw && has_bad(self.value) {
            return Err(CookieError::Value);
        }
        if has_bad(self.path) {
            return Err(CookieError::Path);
        }
        if has_bad(self.domain) {
            return Err(CookieError::Domain);
        }
        let mut out = Vec::with_capacity(self.name.len() + self.value.len() * 3 + 64);
        out.extend_from_slice(self.name);
        out.push(b'=');
        if self.value.is_empty() {
            out.extend_from_slice(b"deleted; expires=");
            out.extend_from_slice(date::cookie_date(1).as_bytes());
            out.extend_from_slice(b"; Max-Age=0");
        } else {
            if self.raw {
                out.extend_from_slice(self.value);
            } else {
                super::url::url_encode(self.value, &mut out);
            }
            if self.expires > 0 {
                if date::year_of(self.expires) > 9999 {
                    return Err(CookieError::Expires);
                }
                out.extend_from_slice(b"; expires=");
                out.extend_from_slice(date::cookie_date(self.expires).as_bytes());
                out.extend_from_slice(
                    format!("; Max-Age={}", (self.expires - now).max(0)).as_bytes(),
                );
            }
        }
        push_attr(&mut out, b"; path=", self.path);
        push_attr(&mut out, b"; domain=", self.domain);
        if self.secure {
            out.extend_from_slice(b"; secure");
        }
        if self.http_only {
            out.extend_from_slice(b"; HttpOnly");
        }
        push_attr(&mut out, b"; SameSite=", self.same_site);
        push_attr(&mut out, b"; Priority=", self.priority);
        if self.partitioned {
            out.extend_from_slice(b"; Partitioned");
        }
        Ok(out)
    }
}

/// `; label=value`, when the value is not empty.
fn push_attr(out: &mut Vec<u8>, label: &[u8], value: &[u8]) {
    if !value.is_empty() {
        out.extend_from_slice(label);
        out.extend_from_slice(value);
    }
}

#[cfg(test)]
mod tests {
    use super::super::form::{Key, Node};
    use super::*;

    fn text(c: SetCookie<'_>, now: i64) -> String {
        String::from_utf8(c.build(now).unwrap()).unwrap()
    }

    #[test]
    fn set_cookie_as_swoole_sends_it() {
        let c = SetCookie {
            name: b"plain",
            value: b"v a;l=ue",
            ..Default::default()
        };
        assert_eq!(text(c, 0), "plain=v+a%3Bl%3Due");
        let all = SetCookie {
            name: b"all",
            value: b"x",
            expires: 1_700_000_000,
            path: b"/p",
            domain: b"example.com",
            secure: true,
            http_only: true,
            same_site: b"Strict",
            priority: b"High",
            partitioned: true,
            raw: false,
        };
        assert_eq!(
            text(all.clone(), 1_800_000_000),
            "all=x; expires=Tue, 14-Nov-2023 22:13:20 GMT; Max-Age=0; path=/p; domain=example.com; secure; HttpOnly; SameSite=Strict; Priority=High; Partitioned"
        );
        assert!(text(all, 1_699_999_900).contains("; Max-Age=100;"));
        assert_eq!(
            text(
                SetCookie {
                    name: b"neg",
                    value: b"y",
                    expires: -1,
                    ..Default::default()
                },
                0
            ),
            "neg=y"
        );
        assert_eq!(
            text(
                SetCookie {
                    name: b"empty",
                    value: b"",
                    ..Default::default()
                },
                0
            ),
            "empty=deleted; expires=Thu, 01-Jan-1970 00:00:01 GMT; Max-Age=0"
        );
        assert_eq!(
            text(
                SetCookie {
                    name: b"enc",
                    value: b"a\xffb~-_.!*'()",
                    ..Default::default()
                },
                0
            ),
            "enc=a%FFb%7E-_.%21%2A%27%28%29"
        );
        assert_eq!(
            text(
                SetCookie {
                    name: b"r",
                    value: b"a%20=b",
                    raw: true,
                    ..Default::default()
                },
                0
            ),
            "r=a%20=b"
        );
    }

    #[test]
    fn refusals_carry_swoole_messages() {
        let err = |c: SetCookie<'_>| c.build(0).unwrap_err();
        assert_eq!(
            err(SetCookie {
                name: b"",
                value: b"x",
                ..Default::default()
            }),
            CookieError::EmptyName
        );
        assert_eq!(
            err(SetCookie {
                name: b"bad=name",
                value: b"v",
                ..Default::default()
            }),
            CookieError::Name
        );
        assert_eq!(
            err(SetCookie {
                name: b"r",
                value: b"v a",
                raw: true,
                ..Default::default()
            }),
            CookieError::Value
        );
        assert_eq!(
            err(SetCookie {
                name: b"p",
                value: b"x",
                path: b"/a b",
                ..Default::default()
            }),
            CookieError::Path
        );
        assert_eq!(
            err(SetCookie {
                name: b"e",
                value: b"x",
                expires: 253_402_300_800,
                ..Default::default()
            }),
            CookieError::Expires
        );
        assert!(
            CookieError::Name
                .message()
                .starts_with("The name cannot contain \"=\"")
        );
    }

    #[test]
    fn cookie_header_as_swoole_parses_it() {
        let h: [&[u8]; 2] = [
            b"a[]=1; a[]=2; b[x]=3;c=%41+B; d=\"q\";  e = sp ; =nokey; f; g=1=2; a=9",
            b"h=1",
        ];
        let m = parse_cookies(h, 1000, 64);
        let names: Vec<Key> = m.entries().iter().map(|(k, _)| k.clone()).collect();
        let s = |x: &str| Key::Str(x.as_bytes().to_vec());
        assert_eq!(
            names,
            [
                s("a"),
                s("b"),
                s("c"),
                s("d"),
                s("e_"),
                s("f"),
                s("g"),
                s("h")
            ]
        );
        assert_eq!(m.get_str("c"), Some(&Node::Leaf(b"A+B".to_vec())));
        assert_eq!(m.get_str("d"), Some(&Node::Leaf(b"\"q\"".to_vec())));
        assert_eq!(m.get_str("e_"), Some(&Node::Leaf(b" sp ".to_vec())));
        assert_eq!(m.get_str("g"), Some(&Node::Leaf(b"1=2".to_vec())));
        let Some(Node::Map(a)) = m.get_str("a") else {
            panic!("a is an array")
        };
        assert_eq!(a.len(), 2);
        // The first of two plain names wins; names are not decoded.
        let m = parse_cookies([&b"a=1; b=2; a=3; %61b=1"[..]], 1000, 64);
        assert_eq!(m.get_str("a"), Some(&Node::Leaf(b"1".to_vec())));
        assert!(m.get_str("%61b").is_some());
    }
}
