//! Building answers as Swoole 6.2.1 sends them: the status line with its
//! reason phrases, user headers with its name formatting (`$format`), then
//! `Set-Cookie`, then the defaults it adds: `Server`, `Date`, `Connection`,
//! `Content-Type: text/html`, `Content-Encoding`, and `Content-Length` or
//! `Transfer-Encoding: chunked` (an upgrade's head, the answer of
//! onHandShake, ends after `Date`); chunks in lower-case hex; trailers.

use std::borrow::Cow;

/// The `Server` header Swoole sends.
pub const SERVER: &str = "swoole-http-server";

/// The warning (at `end()`) for a header value with CR or LF; the header is
/// not sent.
pub const NEWLINE_WARNING: &str =
    "Header may not contain more than a single header, new line detected";

/// The reason phrase Swoole sends for `code` ("Unknown Status" for codes it
/// does not know).
pub fn reason(code: u16) -> &'static str {
    match code {
        100 => "Continue",
        101 => "Switching Protocols",
        102 => "Processing",
        103 => "Early Hints",
        0 | 200 => "OK",
        201 => "Created",
        202 => "Accepted",
        203 => "Non-Authoritative Information",
        204 => "No Content",
        205 => "Reset Content",
        206 => "Partial Content",
        207 => "Multi-Status",
        208 => "Already Reported",
        226 => "IM Used",
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        305 => "Use Proxy",
        306 => "(Unused)",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Payload Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        418 => "I'm a teapot",
        421 => "Misdirected Request",
        422 => "Unprocessable Entity",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        510 => "Not Extended",
        511 => "Network Authentication Required",
        _ => "Unknown Status",
    }
}

/// Swoole's `$format`: the first byte and every byte after a `-` upper case,
/// every other letter lower case (`x-lower_under` is `X-Lower_under`,
/// `-x-` stays `-x-`).
pub fn format_name(name: &[u8]) -> Vec<u8> {
    let mut upper_next = true;
    name.iter()
        .map(|&c| {
            let out = if upper_next {
                c.to_ascii_uppercase()
            } else if c == b'-' {
                c
            } else {
                c.to_ascii_lowercase()
            };
            upper_next = if upper_next { false } else { c == b'-' };
            out
        })
        .collect()
}

/// How the body follows the head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// `Content-Length: n` (unless the user set one).
    Length(u64),
    /// `Transfer-Encoding: chunked` (`write()`).
    Chunked,
    /// Neither (a 1xx, 204 or 304 answer: no body may follow).
    None,
}

/// The answer's status and headers while the callback runs.
#[derive(Debug, Clone)]
pub struct ResponseHead {
    /// The status code (`status()`), 200 until set.
    pub status: u16,
    /// The reason given to `status()`, when not empty.
    pub reason: Option<Vec<u8>>,
    /// User headers as they will be sent (names formatted or not), in order;
    /// a header set again keeps its place with its new values.
    headers: Vec<(Vec<u8>, Vec<Vec<u8>>)>,
    /// `Set-Cookie` values, in order.
    cookies: Vec<Vec<u8>>,
    /// Trailer fields (`trailer()`), names lower-cased as Swoole sends them.
    trailers: Vec<(Vec<u8>, Vec<u8>)>,
}

impl Default for ResponseHead {
    fn default() -> Self {
        ResponseHead {
            status: 200,
            reason: None,
            headers: Vec::new(),
            cookies: Vec::new(),
            trailers: Vec::new(),
        }
    }
}

/// What the server decides about one answer besides the user's headers.
#[derive(Debug, Clone, Copy)]
pub struct HeadContext<'a> {
    /// Whether the connection stays open (`Connection: keep-alive`).
    pub keep_alive: bool,
    /// How the body is framed.
    pub framing: Framing,
    /// The `Date` value (cached once a second by the caller).
    pub date: &'a str,
    /// `Content-Encoding` chosen by [`super::compress`], if any.
    pub content_encoding: Option<&'a str>,
    /// The answer of a WebSocket handshake (onHandShake's): as Swoole's, the
    /// head ends after `Server` and `Date`, none of the defaults that follow
    /// them (`Connection`, `Content-Type`, `Content-Length`, ...).
    pub upgrade: bool,
}

impl ResponseHead {
    /// `status($code, $reason)`.
    pub fn set_status(&mut self, code: u16, reason: &[u8]) {
        self.status = code;
        self.reason = (!reason.is_empty()).then(|| reason.to_vec());
    }

    /// `header($name, $value, $format)`: one value, or several (an array:
    /// one line each). Replaces a header of the same (formatted) name.
    pub fn set_header(&mut self, name: &[u8], values: Vec<Vec<u8>>, format: bool) {
        let name = if format {
            format_name(name)
        } else {
            name.to_vec()
        };
        match self.headers.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = values,
            None => self.headers.push((name, values)),
        }
    }

    /// The values of a user header, any case.
    pub fn get_header(&self, name: &str) -> Option<&[Vec<u8>]> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name.as_bytes()))
            .map(|(_, v)| v.as_slice())
    }

    /// Whether the user set header `name` (any case).
    pub fn has_header(&self, name: &str) -> bool {
        self.get_header(name).is_some()
    }

    /// Adds a `Set-Cookie` value (built by [`super::cookie::SetCookie`]).
    pub fn add_cookie(&mut self, value: Vec<u8>) {
        self.cookies.push(value);
    }

    /// `trailer($name, $value)`: sent after the last chunk of a chunked
    /// answer, name lower-cased; ignored for a `Content-Length` answer.
    pub fn set_trailer(&mut self, name: &[u8], value: &[u8]) {
        let name = name.to_ascii_lowercase();
        match self.trailers.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value.to_vec(),
            None => self.trailers.push((name, value.to_vec())),
        }
    }

    /// Writes the status line and headers into `out`; returns how many user
    /// headers were dropped for a CR or LF in their name or value (the PHP layer
    /// warns [`NEWLINE_WARNING`] for each).
    pub fn write_head(&self, ctx: &HeadContext<'_>, out: &mut Vec<u8>) -> usize {
        out.extend_from_slice(b"HTTP/1.1 ");
        let reason: Cow<'_, [u8]> = match &self.reason {
            Some(r) => Cow::Borrowed(r),
            None => Cow::Borrowed(reason(self.status).as_bytes()),
        };
        push_decimal(out, u64::from(self.status));
        out.push(b' ');
        out.extend_from_slice(&reason);
        out.extend_from_slice(b"\r\n");
        let mut dropped = 0;
        for (name, values) in &self.headers {
            let breaks = |s: &[u8]| s.contains(&b'\r') || s.contains(&b'\n');
            if breaks(name) || values.iter().any(|v| breaks(v)) {
                dropped += 1;
                continue;
            }
            for value in values {
                line(out, name, value);
            }
        }
        for cookie in &self.cookies {
            line(out, b"Set-Cookie", cookie);
        }
        if !self.has_header("server") {
            line(out, b"Server", SERVER.as_bytes());
        }
        if !self.has_header("date") {
            line(out, b"Date", ctx.date.as_bytes());
        }
        if ctx.upgrade {
            out.extend_from_slice(b"\r\n");
            return dropped;
        }
        if !self.has_header("connection") {
            line(
                out,
                b"Connection",
                if ctx.keep_alive {
                    b"keep-alive"
                } else {
                    b"close"
                },
            );
        }
        if !self.has_header("content-type") {
            line(out, b"Content-Type", b"text/html");
        }
        if let Some(encoding) = ctx.content_encoding {
            line(out, b"Content-Encoding", encoding.as_bytes());
        }
        match ctx.framing {
            Framing::Length(n) if !self.has_header("content-length") => {
                out.extend_from_slice(b"Content-Length: ");
                push_decimal(out, n);
                out.extend_from_slice(b"\r\n");
            }
            Framing::Chunked if !self.has_header("transfer-encoding") => {
                line(out, b"Transfer-Encoding", b"chunked")
            }
            _ => {}
        }
        out.extend_from_slice(b"\r\n");
        dropped
    }

    /// The end of a chunked answer: the last chunk and the trailers.
    pub fn write_last_chunk(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"0\r\n");
        for (name, value) in &self.trailers {
            line(out, name, value);
        }
        out.extend_from_slice(b"\r\n");
    }
}

/// Whether an answer with this status and request method carries a body:
/// not for HEAD, 1xx, 204 and 304 (Swoole sends one anyway; we do not).
pub fn body_allowed(status: u16, head_request: bool) -> bool {
    !head_request && !(100..200).contains(&status) && status != 204 && status != 304
}

/// The framing of an `end($content)` answer of `len` bytes.
pub fn end_framing(status: u16, len: u64) -> Framing {
    if (100..200).contains(&status) || status == 204 || status == 304 {
        Framing::None
    } else {
        Framing::Length(len)
    }
}

/// Appends `n` in decimal (without the `String` that `to_string` makes).
fn push_decimal(out: &mut Vec<u8>, n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

fn line(out: &mut Vec<u8>, name: &[u8], value: &[u8]) {
    out.extend_from_slice(name);
    out.extend_from_slice(b": ");
    out.extend_from_slice(value);
    out.extend_from_slice(b"\r\n");
}

/// One chunk of `write($data)`: size in lower-case hex, CRLF, data, CRLF.
/// An empty `data` writes nothing (Swoole warns "the data sent must not be
/// empty" and returns false).
pub fn write_chunk(data: &[u8], out: &mut Vec<u8>) {
    if data.is_empty() {
        return;
    }
    out.extend_from_slice(format!("{:x}\r\n", data.len()).as_bytes());
    out.extend_from_slice(data);
    out.extend_from_slice(b"\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATE: &str = "Wed, 02 Dec 2026 13:34:37 GMT";

    fn head(r: &ResponseHead, keep_alive: bool, framing: Framing, enc: Option<&str>) -> String {
        let mut out = Vec::new();
        r.write_head(
            &HeadContext {
                keep_alive,
                framing,
                date: DATE,
                content_encoding: enc,
                upgrade: false,
            },
            &mut out,
        );
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn defaults_in_swoole_order() {
        let r = ResponseHead::default();
        assert_eq!(
            head(&r, true, Framing::Length(1), None),
            format!(
                "HTTP/1.1 200 OK\r\nServer: swoole-http-server\r\nDate: {DATE}\r\nConnection: keep-alive\r\nContent-Type: text/html\r\nContent-Length: 1\r\n\r\n"
            )
        );
        let mut r = ResponseHead::default();
        r.set_status(201, b"");
        r.add_cookie(b"c1=v".to_vec());
        r.set_header(b"X-A", vec![b"1".to_vec()], true);
        assert_eq!(
            head(&r, false, Framing::Length(56), Some("gzip")),
            format!(
                "HTTP/1.1 201 Created\r\nX-A: 1\r\nSet-Cookie: c1=v\r\nServer: swoole-http-server\r\nDate: {DATE}\r\nConnection: close\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: 56\r\n\r\n"
            )
        );
    }

    #[test]
    fn user_headers_replace_defaults_and_keep_order() {
        let mut r = ResponseHead::default();
        for (n, v, f) in [
            ("content-type", "text/plain", true),
            ("x-lower_under", "a", true),
            ("X-MiXeD-cASE", "b", true),
            ("x-noformat", "c", false),
            ("x-dup", "first", true),
            ("Server", "mine", true),
            ("date", "Thu, 01 Jan 1970 00:00:00 GMT", true),
            ("x-empty", "", true),
            ("x-dup", "second", true),
            ("X-Inj", "a\r\nb: c", true),
            ("X-Name\r\nInjected", "d", false),
        ] {
            r.set_header(n.as_bytes(), vec![v.as_bytes().to_vec()], f);
        }
        r.set_header(b"X-Arr", vec![b"1".to_vec(), b"2".to_vec()], true);
        let mut out = Vec::new();
        let ctx = HeadContext {
            keep_alive: true,
            framing: Framing::Length(1),
            date: DATE,
            content_encoding: None,
            upgrade: false,
        };
        assert_eq!(r.write_head(&ctx, &mut out), 2);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Lower_under: a\r\nX-Mixed-Case: b\r\nx-noformat: c\r\nX-Dup: second\r\nServer: mine\r\nDate: Thu, 01 Jan 1970 00:00:00 GMT\r\nX-Empty: \r\nX-Arr: 1\r\nX-Arr: 2\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\n"
        );
        let mut r = ResponseHead::default();
        r.set_header(b"Content-Length", vec![b"5".to_vec()], true);
        r.set_header(b"Connection", vec![b"close".to_vec()], true);
        assert!(
            head(&r, true, Framing::Length(3), None)
                .starts_with("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\nServer")
        );
        assert!(!head(&r, true, Framing::Length(3), None).contains("Content-Length: 3"));
    }

    #[test]
    fn names_formatted_as_swoole() {
        for (given, sent) in [
            ("Bad Name", "Bad name"),
            ("-x-", "-x-"),
            ("a--b", "A--b"),
            ("foo-bar-baz", "Foo-Bar-Baz"),
            ("", ""),
        ] {
            assert_eq!(format_name(given.as_bytes()), sent.as_bytes());
        }
    }

    #[test]
    fn status_lines() {
        let mut r = ResponseHead::default();
        for (code, reason, line) in [
            (418, "", "418 I'm a teapot"),
            (999, "", "999 Unknown Status"),
            (200, "Fine", "200 Fine"),
            (306, "", "306 (Unused)"),
        ] {
            r.set_status(code, reason.as_bytes());
            assert!(
                head(&r, true, Framing::Length(0), None)
                    .starts_with(&format!("HTTP/1.1 {line}\r\n"))
            );
        }
    }

    #[test]
    fn chunks_and_trailers() {
        let mut r = ResponseHead::default();
        r.set_trailer(b"X-T", b"v");
        r.set_trailer(b"x-two", b"w");
        assert!(
            head(&r, true, Framing::Chunked, None)
                .ends_with("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n")
        );
        let mut out = Vec::new();
        write_chunk(b"hello", &mut out);
        write_chunk(b"", &mut out);
        write_chunk(&[b'x'; 17], &mut out);
        r.write_last_chunk(&mut out);
        assert_eq!(
            out,
            b"5\r\nhello\r\n11\r\nxxxxxxxxxxxxxxxxx\r\n0\r\nx-t: v\r\nx-two: w\r\n\r\n"
        );
    }

    #[test]
    fn bodies_only_where_allowed() {
        assert!(body_allowed(200, false));
        assert!(!body_allowed(200, true));
        assert!(
            !body_allowed(204, false) && !body_allowed(304, false) && !body_allowed(101, false)
        );
        assert_eq!(end_framing(204, 6), Framing::None);
        assert_eq!(end_framing(200, 6), Framing::Length(6));
    }

    #[test]
    fn an_upgrade_head_ends_after_date() {
        let mut r = ResponseHead::default();
        r.set_status(403, b"");
        r.set_header(b"X-A", vec![b"b".to_vec()], true);
        r.add_cookie(b"c=d".to_vec());
        let mut out = Vec::new();
        let ctx = HeadContext {
            keep_alive: false,
            framing: Framing::Length(2),
            date: DATE,
            content_encoding: Some("gzip"),
            upgrade: true,
        };
        r.write_head(&ctx, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("HTTP/1.1 403 Forbidden\r\nX-A: b\r\nSet-Cookie: c=d\r\nServer: swoole-http-server\r\nDate: {DATE}\r\n\r\n")
        );
        r.set_header(b"Server", vec![b"me".to_vec()], true);
        let mut out = Vec::new();
        r.write_head(&HeadContext { framing: Framing::Chunked, ..ctx }, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("HTTP/1.1 403 Forbidden\r\nX-A: b\r\nServer: me\r\nSet-Cookie: c=d\r\nDate: {DATE}\r\n\r\n")
        );
    }
}
