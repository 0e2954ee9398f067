//! One request head (request line and headers), parsed over `httparse`, with
//! the framing facts the connection needs and the values PHP sees.
//!
//! The head keeps its bytes ([`bytes::Bytes`], split off the connection
//! buffer without a copy) and the offsets of every piece, so a GET costs one
//! small `Vec` of offsets and nothing else.

use bytes::Bytes;

/// HTTP versions Swoole's HTTP/1 server speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// `HTTP/1.0`: close after the answer unless `Connection: keep-alive`.
    Http10,
    /// `HTTP/1.1`: keep the connection unless `Connection: close`.
    Http11,
}

impl Version {
    /// As in `$request->server['server_protocol']`.
    pub fn as_str(self) -> &'static str {
        match self {
            Version::Http10 => "HTTP/1.0",
            Version::Http11 => "HTTP/1.1",
        }
    }
}

macro_rules! methods {
    ($($variant:ident => $text:literal),* $(,)?) => {
        /// The methods Swoole accepts, upper case only (anything else: 400).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Method { $($variant),* }

        impl Method {
            /// The method of a request line, exact case.
            pub fn from_bytes(b: &[u8]) -> Option<Method> {
                $(if b == $text.as_bytes() { return Some(Method::$variant); })*
                None
            }

            /// As in `$request->server['request_method']`.
            pub fn as_str(self) -> &'static str {
                match self { $(Method::$variant => $text,)* }
            }
        }
    };
}

methods! {
    Delete => "DELETE", Get => "GET", Head => "HEAD", Post => "POST", Put => "PUT",
    Patch => "PATCH", Connect => "CONNECT", Options => "OPTIONS", Trace => "TRACE",
    Copy => "COPY", Lock => "LOCK", Mkcol => "MKCOL", Move => "MOVE",
    Propfind => "PROPFIND", Proppatch => "PROPPATCH", Unlock => "UNLOCK",
    Report => "REPORT", Mkactivity => "MKACTIVITY", Checkout => "CHECKOUT",
    Merge => "MERGE", MSearch => "M-SEARCH", Notify => "NOTIFY",
    Subscribe => "SUBSCRIBE", Unsubscribe => "UNSUBSCRIBE", Purge => "PURGE",
}

/// Why a head was refused; every case is answered `400 Bad Request` and the
/// connection closed, as Swoole does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadError {
    /// `httparse` refused the bytes (bad token, bad version, bad header line).
    Syntax,
    /// A method outside Swoole's list (or lower case).
    Method,
    /// `Content-Length` not a decimal number, or sent twice (Swoole refuses both).
    ContentLength,
    /// `Transfer-Encoding` other than `chunked`, or together with `Content-Length`.
    TransferEncoding,
    /// No end of head within [`crate::http::limits::HEAD_MAX`] bytes.
    TooLarge,
}

/// A byte range of the head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
    fn of(outer: &[u8], inner: &[u8]) -> Span {
        let start = inner.as_ptr() as usize - outer.as_ptr() as usize;
        Span {
            start: start as u32,
            end: (start + inner.len()) as u32,
        }
    }
}

/// How many headers are parsed on the stack before falling back to the heap.
const STACK_HEADERS: usize = 64;

/// One parsed request head.
#[derive(Debug, Clone)]
pub struct RequestHead {
    /// The head's bytes, request line to the blank line included.
    raw: Bytes,
    /// The request method.
    pub method: Method,
    /// The protocol version of the request line.
    pub version: Version,
    /// The request target as sent (`/path?query`, or an absolute URI).
    target: Span,
    /// Name and value of every header line, in order.
    headers: Vec<(Span, Span)>,
    /// `Content-Length`, when the request has one.
    pub content_length: Option<u64>,
    /// `Transfer-Encoding: chunked`.
    pub chunked: bool,
    /// Whether the connection stays open after the answer (version and
    /// `Connection` tokens).
    pub keep_alive: bool,
    /// `Expect: 100-continue` (any case).
    pub expect_continue: bool,
}

/// Headers that keep one value (the last) when sent twice; every other header
/// sent twice becomes a list in `$request->header`, as Swoole 6.2 does.
const SINGLE_VALUED: &[&str] = &[
    "host",
    "content-type",
    "content-length",
    "user-agent",
    "accept",
    "authorization",
    "connection",
    "accept-encoding",
];

impl RequestHead {
    /// Parses the head at the start of `buf`. `Ok(None)`: not complete yet
    /// (the caller checks [`HeadError::TooLarge`] by length). `Ok(Some((len, head)))`:
    /// a head of `len` bytes; the caller splits those bytes off and hands them
    /// to [`RequestHead::attach`].
    pub fn parse(buf: &[u8]) -> Result<Option<(usize, RequestHead)>, HeadError> {
        let mut stack = [httparse::EMPTY_HEADER; STACK_HEADERS];
        match Self::parse_with(buf, &mut stack) {
            Err(httparse::Error::TooManyHeaders) => {
                // A head has at most one header per 4 bytes ("a:\r\n").
                let mut heap =
                    vec![httparse::EMPTY_HEADER; buf.len().min(super::limits::HEAD_MAX) / 4 + 1];
                Self::parse_with(buf, &mut heap).map_err(|_| HeadError::Syntax)
            }
            other => other.map_err(|_| HeadError::Syntax),
        }
    }

    fn parse_with<'b>(
        buf: &'b [u8],
        headers: &mut [httparse::Header<'b>],
    ) -> Result<Option<(usize, RequestHead)>, httparse::Error> {
        let mut req = httparse::Request::new(headers);
        let mut config = httparse::ParserConfig::default();
        config.allow_multiple_spaces_in_request_line_delimiters(true);
        let len = match config.parse_request(&mut req, buf)? {
            httparse::Status::Partial => return Ok(None),
            httparse::Status::Complete(len) => len,
        };
        let method = req.method.and_then(|m| Method::from_bytes(m.as_bytes()));
        let Some(method) = method else {
            return Err(httparse::Error::Token);
        };
        let version = if req.version == Some(0) {
            Version::Http10
        } else {
            Version::Http11
        };
        let target = Span::of(buf, req.path.unwrap_or("").as_bytes());
        let headers = req
            .headers
            .iter()
            .map(|h| (Span::of(buf, h.name.as_bytes()), Span::of(buf, h.value)))
            .collect();
        Ok(Some((
            len,
            RequestHead {
                raw: Bytes::new(),
                method,
                version,
                target,
                headers,
                content_length: None,
                chunked: false,
                keep_alive: version == Version::Http11,
                expect_continue: false,
            },
        )))
    }

    /// Gives the head its bytes (the `len` bytes `parse` measured, split off
    /// the buffer) and derives the framing facts from them.
    pub fn attach(mut self, raw: Bytes) -> Result<RequestHead, HeadError> {
        self.raw = raw;
        let mut content_length = None;
        let mut transfer_encoding = false;
        let (mut saw_close, mut saw_keep_alive) = (false, false);
        for i in 0..self.headers.len() {
            let (name, value) = self.header_at(i);
            if name.eq_ignore_ascii_case(b"content-length") {
                let n = parse_length(trim(value)).ok_or(HeadError::ContentLength)?;
                if content_length.is_some() {
                    return Err(HeadError::ContentLength);
                }
                content_length = Some(n);
            } else if name.eq_ignore_ascii_case(b"transfer-encoding") {
                if transfer_encoding || !trim(value).eq_ignore_ascii_case(b"chunked") {
                    return Err(HeadError::TransferEncoding);
                }
                transfer_encoding = true;
            } else if name.eq_ignore_ascii_case(b"connection") {
                for token in value.split(|&c| c == b',').map(trim) {
                    saw_close |= token.eq_ignore_ascii_case(b"close");
                    saw_keep_alive |= token.eq_ignore_ascii_case(b"keep-alive");
                }
            } else if name.eq_ignore_ascii_case(b"expect") {
                self.expect_continue = trim(value).eq_ignore_ascii_case(b"100-continue");
            }
        }
        if transfer_encoding && content_length.is_some() {
            return Err(HeadError::TransferEncoding);
        }
        self.content_length = content_length;
        self.chunked = transfer_encoding;
        // A `close` token anywhere wins over `keep-alive`.
        self.keep_alive = !saw_close && (self.version == Version::Http11 || saw_keep_alive);
        Ok(self)
    }

    fn slice(&self, span: Span) -> &[u8] {
        &self.raw[span.start as usize..span.end as usize]
    }

    fn header_at(&self, i: usize) -> (&[u8], &[u8]) {
        let (n, v) = self.headers[i];
        (self.slice(n), self.slice(v))
    }

    /// The whole head as received.
    pub fn raw(&self) -> &Bytes {
        &self.raw
    }

    /// The request target as sent.
    pub fn target(&self) -> &[u8] {
        self.slice(self.target)
    }

    /// `$request->server['request_uri']`: the target up to the first `?`.
    pub fn path(&self) -> &[u8] {
        let t = self.target();
        t.iter().position(|&c| c == b'?').map_or(t, |q| &t[..q])
    }

    /// `$request->server['query_string']`: after the first `?` (a `#fragment`
    /// stays in it, as in Swoole); `None` when there is no `?`.
    pub fn query(&self) -> Option<&[u8]> {
        let t = self.target();
        t.iter().position(|&c| c == b'?').map(|q| &t[q + 1..])
    }

    /// `$request->server['path_info']`: the path url-decoded (`+` is a space).
    pub fn path_info(&self) -> Vec<u8> {
        super::url::url_decode(self.path(), true)
    }

    /// Every header line in order, names as sent.
    pub fn headers(&self) -> impl Iterator<Item = (&[u8], &[u8])> {
        (0..self.headers.len()).map(|i| self.header_at(i))
    }

    /// The values of every header called `name` (any case), in order.
    pub fn headers_named<'a>(&'a self, name: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.headers()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    /// The first value of header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&[u8]> {
        self.headers()
            .find(|(n, _)| n.eq_ignore_ascii_case(name.as_bytes()))
            .map(|(_, v)| v)
    }

    /// `$request->header`: names lower-cased; a header sent twice becomes a
    /// list, except those Swoole keeps single (the last wins); `Cookie` is
    /// left out (it is `$request->cookie`).
    pub fn header_groups(&self) -> Vec<(std::borrow::Cow<'_, [u8]>, HeaderValue<'_>)> {
        use std::borrow::Cow;
        let mut out: Vec<(Cow<'_, [u8]>, HeaderValue<'_>)> = Vec::with_capacity(self.headers.len());
        for (name, value) in self.headers() {
            if name.eq_ignore_ascii_case(b"cookie") {
                continue;
            }
            // Most clients send lower-case names already (HTTP/2 style): no copy then.
            let lower: Cow<'_, [u8]> =
                if name.iter().any(u8::is_ascii_uppercase) { Cow::Owned(name.to_ascii_lowercase()) } else { Cow::Borrowed(name) };
            match out.iter_mut().find(|(n, _)| *n == lower) {
                None => out.push((lower, HeaderValue::One(value))),
                Some((n, slot)) => {
                    if SINGLE_VALUED.iter().any(|s| s.as_bytes() == &**n) {
                        *slot = HeaderValue::One(value);
                    } else {
                        match slot {
                            HeaderValue::One(first) => {
                                *slot = HeaderValue::Many(vec![first, value])
                            }
                            HeaderValue::Many(list) => list.push(value),
                        }
                    }
                }
            }
        }
        out
    }

    /// Every `Cookie` header's value, in order (Swoole parses them all).
    pub fn cookies(&self) -> impl Iterator<Item = &[u8]> {
        self.headers_named(b"cookie")
    }
}

/// One entry of `$request->header`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderValue<'a> {
    /// Sent once (or a single-valued header sent again: the last).
    One(&'a [u8]),
    /// Sent several times: every value in order.
    Many(Vec<&'a [u8]>),
}

/// Strips spaces and tabs at both ends.
pub(crate) fn trim(v: &[u8]) -> &[u8] {
    let start = v
        .iter()
        .position(|&c| c != b' ' && c != b'\t')
        .unwrap_or(v.len());
    let end = v
        .iter()
        .rposition(|&c| c != b' ' && c != b'\t')
        .map_or(start, |e| e + 1);
    &v[start..end]
}

/// A decimal length: digits only, no sign, no overflow.
fn parse_length(v: &[u8]) -> Option<u64> {
    if v.is_empty() || v.len() > 19 || !v.iter().all(u8::is_ascii_digit) {
        return None;
    }
    v.iter().try_fold(0u64, |n, &d| {
        n.checked_mul(10)?.checked_add(u64::from(d - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(s: &str) -> Result<RequestHead, HeadError> {
        let (len, h) = RequestHead::parse(s.as_bytes())?.expect("complete");
        assert_eq!(len, s.len());
        h.attach(Bytes::copy_from_slice(&s.as_bytes()[..len]))
    }

    #[test]
    fn server_values_as_swoole() {
        let h = head("GET /a%20b/c+d?x=1&y#frag HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        assert_eq!(h.method.as_str(), "GET");
        assert_eq!(h.path(), b"/a%20b/c+d");
        assert_eq!(h.path_info(), b"/a b/c d");
        assert_eq!(h.query(), Some(&b"x=1&y#frag"[..]));
        assert_eq!(h.version.as_str(), "HTTP/1.1");
        assert!(h.keep_alive);
        let h = head("GET http://example.com/a/b?q=1 HTTP/1.1\r\n\r\n").unwrap();
        assert_eq!(h.path(), b"http://example.com/a/b");
        assert_eq!(head("GET / HTTP/1.1\r\n\r\n").unwrap().query(), None);
        assert_eq!(head("GET  /x  HTTP/1.1\r\n\r\n").unwrap().path(), b"/x");
    }

    #[test]
    fn keep_alive_rules() {
        assert!(!head("GET / HTTP/1.0\r\n\r\n").unwrap().keep_alive);
        assert!(
            head("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                .unwrap()
                .keep_alive
        );
        assert!(
            head("GET / HTTP/1.0\r\nConnection: Upgrade, Keep-Alive\r\n\r\n")
                .unwrap()
                .keep_alive
        );
        assert!(
            !head("GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
                .unwrap()
                .keep_alive
        );
        assert!(
            !head("GET / HTTP/1.1\r\nConnection: keep-alive, close\r\n\r\n")
                .unwrap()
                .keep_alive
        );
        assert!(
            !head("GET / HTTP/1.0\r\nConnection: keep-alive\r\nConnection: close\r\n\r\n")
                .unwrap()
                .keep_alive
        );
    }

    #[test]
    fn refusals_as_swoole() {
        let err = |s: &str| head(s).unwrap_err();
        assert_eq!(err("FOO / HTTP/1.1\r\n\r\n"), HeadError::Syntax);
        assert_eq!(err("get / HTTP/1.1\r\n\r\n"), HeadError::Syntax);
        assert_eq!(err("PRI * HTTP/1.1\r\n\r\n"), HeadError::Syntax);
        assert_eq!(
            RequestHead::parse(b"GET / HTTP/2.0\r\n\r\n").unwrap_err(),
            HeadError::Syntax
        );
        assert_eq!(
            RequestHead::parse(b"GET / HTTP/1.1\r\nNoColon\r\n\r\n").unwrap_err(),
            HeadError::Syntax
        );
        assert_eq!(
            RequestHead::parse(b"GET / HTTP/1.1\r\nX-A : v\r\n\r\n").unwrap_err(),
            HeadError::Syntax
        );
        assert_eq!(
            RequestHead::parse(b"GET / HTTP/1.1\r\nX-A: a\r\n  b\r\n\r\n").unwrap_err(),
            HeadError::Syntax
        );
        assert_eq!(
            err("POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n"),
            HeadError::ContentLength
        );
        assert_eq!(
            err("POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n"),
            HeadError::ContentLength
        );
        assert_eq!(
            err("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n"),
            HeadError::ContentLength
        );
        assert_eq!(
            err("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n"),
            HeadError::ContentLength
        );
        assert_eq!(
            err("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"),
            HeadError::TransferEncoding
        );
        assert_eq!(
            err("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"),
            HeadError::TransferEncoding
        );
        assert_eq!(
            err("POST / HTTP/1.1\r\nTransfer-Encoding: identity\r\n\r\n"),
            HeadError::TransferEncoding
        );
    }

    #[test]
    fn framing_facts() {
        let h = head("POST / HTTP/1.1\r\ncontent-length:  2 \r\n\r\n").unwrap();
        assert_eq!(h.content_length, Some(2));
        let h =
            head("POST / HTTP/1.1\r\nTransfer-Encoding: Chunked\r\nexpect: 100-Continue\r\n\r\n")
                .unwrap();
        assert!(h.chunked && h.expect_continue);
        assert_eq!(
            RequestHead::parse(b"GET / HTTP/1.1\r\nHost: x\r\n")
                .unwrap()
                .map(|x| x.0),
            None
        );
    }

    #[test]
    fn header_groups_as_swoole() {
        let h = head(
            "GET / HTTP/1.1\r\nX-UPPER-Case: V1\r\nHost: a\r\nx-multi: a\r\nX-Multi: b\r\nhost: b\r\n\
             Cookie: a=1\r\nX-Empty:\r\nX-Sp:   padded   \r\n\r\n",
        )
        .unwrap();
        let g = h.header_groups();
        let names: Vec<&[u8]> = g.iter().map(|(n, _)| &**n).collect();
        assert_eq!(
            names,
            [
                &b"x-upper-case"[..],
                b"host",
                b"x-multi",
                b"x-empty",
                b"x-sp"
            ]
        );
        assert_eq!(g[1].1, HeaderValue::One(b"b"));
        assert_eq!(g[2].1, HeaderValue::Many(vec![b"a", b"b"]));
        assert_eq!(g[3].1, HeaderValue::One(b""));
        assert_eq!(h.cookies().collect::<Vec<_>>(), [b"a=1"]);
        assert_eq!(h.header("x-upper-case"), Some(&b"V1"[..]));
    }

    #[test]
    fn many_headers_fall_back_to_the_heap() {
        let mut s = String::from("GET / HTTP/1.1\r\n");
        for i in 0..500 {
            s.push_str(&format!("X-{i}: {i}\r\n"));
        }
        s.push_str("\r\n");
        assert_eq!(head(&s).unwrap().headers().count(), 500);
    }
}
