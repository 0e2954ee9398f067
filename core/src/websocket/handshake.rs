//! The opening handshake (RFC 6455 section 4.2): is a parsed HTTP request an
//! upgrade, is it a valid one, and the bytes of the answer.
//!
//! Swoole 6.2.1 treats a request as a WebSocket one when it has
//! `Upgrade: websocket`, and then checks only that `Sec-WebSocket-Key` is 24
//! bytes long. This module also checks what RFC 6455 requires of the
//! request: `GET`, HTTP/1.1 or later, `Connection` holding the `Upgrade`
//! token, a key that is base64 of 16 bytes, `Sec-WebSocket-Version: 13`
//! (else `426 Upgrade Required` naming version 13). The `101` answer is
//! Swoole's, header for header.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha1::{Digest, Sha1};
use std::fmt;

/// The GUID RFC 6455 appends to the key.
pub const GUID: &str = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/// The only protocol version: `Sec-WebSocket-Version: 13`.
pub const VERSION: &str = "13";

/// Swoole's `Server` header.
pub const SERVER: &str = "swoole-http-server";

/// What Swoole answers a request that is not an upgrade on a WebSocket
/// server without an `onRequest` callback, byte for byte.
pub const NOT_AN_UPGRADE_RESPONSE: &[u8] = b"HTTP/1.1 400 Bad Request\r\n\
Connection: close\r\n\
Content-Type: text/html; charset=UTF-8\r\n\
Cache-Control: must-revalidate,no-cache,no-store\r\n\
Content-Length: 83\r\n\
Server: swoole-http-server\r\n\r\n\
<html><body><h2>HTTP 400 Bad Request</h2><hr><i>Powered by Swoole</i></body></html>";

/// `Sec-WebSocket-Accept` for a key: base64(SHA-1(key + GUID)).
pub fn accept_key(key: &[u8]) -> String {
    let mut sha = Sha1::new();
    sha.update(key);
    sha.update(GUID.as_bytes());
    BASE64.encode(sha.finalize())
}

/// The headers of a request that matter to the handshake, gathered from
/// the parsed request (names compared case-insensitively; list headers may
/// come on several lines).
#[derive(Debug, Clone, Default)]
pub struct UpgradeRequest<'a> {
    /// The request method.
    pub method: &'a str,
    /// The `1` of `HTTP/1.1` (`0` for HTTP/1.0).
    pub http_minor: u8,
    /// `Sec-WebSocket-Key` values (exactly one is valid).
    keys: Vec<&'a [u8]>,
    /// `Sec-WebSocket-Version` values.
    versions: Vec<&'a [u8]>,
    /// `Upgrade` values.
    upgrade: Vec<&'a [u8]>,
    /// `Connection` values.
    connection: Vec<&'a [u8]>,
    /// `Sec-WebSocket-Protocol` values.
    protocols: Vec<&'a [u8]>,
    /// `Sec-WebSocket-Extensions` values.
    extensions: Vec<&'a [u8]>,
}

/// Why a handshake is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandshakeError {
    /// Not `GET` (400).
    Method,
    /// HTTP/1.0 (400).
    HttpVersion,
    /// `Connection` lacks the `Upgrade` token (400).
    Connection,
    /// No `Sec-WebSocket-Key`, several, or not base64 of 16 bytes (400).
    Key,
    /// `Sec-WebSocket-Version` missing or not 13 (426).
    Version,
}

impl HandshakeError {
    /// The HTTP status answered.
    pub fn status(self) -> u16 {
        match self {
            HandshakeError::Version => 426,
            _ => 400,
        }
    }

    /// The refusal: Swoole's empty 400 (with `Connection: close`, where
    /// Swoole says keep-alive and closes anyway), or a 426 naming the version.
    pub fn response(self, date: &str) -> Vec<u8> {
        let (status, extra) = match self {
            HandshakeError::Version => ("426 Upgrade Required", "Sec-WebSocket-Version: 13\r\n"),
            _ => ("400 Bad Request", ""),
        };
        format!(
            "HTTP/1.1 {status}\r\nServer: {SERVER}\r\nDate: {date}\r\n{extra}Connection: close\r\n\
             Content-Type: text/html\r\nContent-Length: 0\r\n\r\n"
        )
        .into_bytes()
    }
}

impl fmt::Display for HandshakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            HandshakeError::Method => "websocket handshake: the method is not GET",
            HandshakeError::HttpVersion => "websocket handshake: HTTP/1.1 or later is required",
            HandshakeError::Connection => "websocket handshake: 'Connection' lacks 'Upgrade'",
            HandshakeError::Key => "websocket handshake: bad 'Sec-WebSocket-Key'",
            HandshakeError::Version => "websocket handshake: 'Sec-WebSocket-Version' is not 13",
        })
    }
}

/// A valid upgrade request, ready to answer.
#[derive(Debug, Clone)]
pub struct Accepted<'a> {
    /// `Sec-WebSocket-Accept`.
    pub accept: String,
    /// The request, for the subprotocol and extension offers.
    pub request: UpgradeRequest<'a>,
}

/// Optional bytes trimmed of HTTP's optional whitespace.
fn trim(v: &[u8]) -> &[u8] {
    let start = v.iter().position(|b| !matches!(b, b' ' | b'\t')).unwrap_or(v.len());
    let end = v.iter().rposition(|b| !matches!(b, b' ' | b'\t')).map_or(start, |e| e + 1);
    &v[start..end]
}

/// Whether a comma-separated list (over several header lines) holds `token`,
/// ASCII case-insensitively.
fn list_has(values: &[&[u8]], token: &str) -> bool {
    values.iter().flat_map(|v| v.split(|&b| b == b',')).any(|t| trim(t).eq_ignore_ascii_case(token.as_bytes()))
}

impl<'a> UpgradeRequest<'a> {
    /// Gathers the handshake's headers from a parsed request.
    pub fn new<I>(method: &'a str, http_minor: u8, headers: I) -> UpgradeRequest<'a>
    where
        I: IntoIterator<Item = (&'a str, &'a [u8])>,
    {
        let mut r = UpgradeRequest { method, http_minor, ..UpgradeRequest::default() };
        for (name, value) in headers {
            let list = match name.to_ascii_lowercase().as_str() {
                "sec-websocket-key" => &mut r.keys,
                "sec-websocket-version" => &mut r.versions,
                "upgrade" => &mut r.upgrade,
                "connection" => &mut r.connection,
                "sec-websocket-protocol" => &mut r.protocols,
                "sec-websocket-extensions" => &mut r.extensions,
                _ => continue,
            };
            list.push(value);
        }
        r
    }

    /// `Upgrade: websocket`: the request is for the WebSocket handshake
    /// (otherwise it is a plain HTTP request, for `onRequest`).
    pub fn is_upgrade(&self) -> bool {
        list_has(&self.upgrade, "websocket")
    }

    /// Checks the request against RFC 6455 4.2.1.
    pub fn validate(self) -> Result<Accepted<'a>, HandshakeError> {
        if self.method != "GET" {
            return Err(HandshakeError::Method);
        }
        if self.http_minor < 1 {
            return Err(HandshakeError::HttpVersion);
        }
        if !list_has(&self.connection, "upgrade") {
            return Err(HandshakeError::Connection);
        }
        let key = match self.keys.as_slice() {
            [key] => trim(key),
            _ => return Err(HandshakeError::Key),
        };
        if !matches!(BASE64.decode(key), Ok(raw) if raw.len() == 16) {
            return Err(HandshakeError::Key);
        }
        if !matches!(self.versions.as_slice(), [v] if trim(v) == VERSION.as_bytes()) {
            return Err(HandshakeError::Version);
        }
        Ok(Accepted { accept: accept_key(key), request: self })
    }

    /// The `Sec-WebSocket-Extensions` header values, for
    /// [`deflate::negotiate`](super::deflate::negotiate).
    pub fn extensions(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        self.extensions.iter().copied()
    }

    /// Whether the client offers `websocket_subprotocol`: Swoole answers it
    /// only then, matching the offered tokens case-insensitively.
    pub fn offers_protocol(&self, protocol: &str) -> bool {
        !protocol.is_empty() && list_has(&self.protocols, protocol)
    }
}

/// The headers of a `101 Switching Protocols` answer.
#[derive(Debug, Clone, Default)]
pub struct Response<'a> {
    /// `Sec-WebSocket-Accept`.
    pub accept: &'a str,
    /// `Sec-WebSocket-Protocol`, when the subprotocol was offered.
    pub protocol: Option<&'a str>,
    /// The `Sec-Websocket-Extensions` value, when compression was agreed.
    pub extensions: Option<&'a str>,
    /// Headers the user set (`onBeforeHandshakeResponse`), after the
    /// WebSocket ones and before `Server` and `Date`.
    pub extra: &'a [(&'a str, &'a str)],
    /// The `Date` header's value (an IMF-fixdate).
    pub date: &'a str,
}

impl Response<'_> {
    /// The answer's bytes, in Swoole's order: `Upgrade`, `Connection`,
    /// `Sec-WebSocket-Accept`, `Sec-WebSocket-Version`, then the subprotocol,
    /// the extensions, `Server` and `Date`.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut s = String::with_capacity(256);
        s.push_str("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n");
        s.push_str(&format!("Sec-WebSocket-Accept: {}\r\nSec-WebSocket-Version: {VERSION}\r\n", self.accept));
        if let Some(p) = self.protocol {
            s.push_str(&format!("Sec-WebSocket-Protocol: {p}\r\n"));
        }
        if let Some(e) = self.extensions {
            s.push_str(&format!("{}: {e}\r\n", super::deflate::RESPONSE_HEADER));
        }
        for (name, value) in self.extra {
            s.push_str(&format!("{name}: {value}\r\n"));
        }
        s.push_str(&format!("Server: {SERVER}\r\nDate: {}\r\n\r\n", self.date));
        s.into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::websocket::deflate::{self, Policy};

    const KEY: &[u8] = b"dGhlIHNhbXBsZSBub25jZQ==";
    const DATE: &str = "Wed, 02 Dec 2026 14:00:08 GMT";

    fn request<'a>(method: &'a str, minor: u8, headers: &[(&'a str, &'a [u8])]) -> UpgradeRequest<'a> {
        UpgradeRequest::new(method, minor, headers.iter().copied())
    }

    fn good() -> Vec<(&'static str, &'static [u8])> {
        vec![
            ("Host", b"x"),
            ("Upgrade", b"websocket"),
            ("Connection", b"Upgrade"),
            ("Sec-WebSocket-Key", KEY),
            ("Sec-WebSocket-Version", b"13"),
        ]
    }

    fn without(name: &str) -> Vec<(&'static str, &'static [u8])> {
        good().into_iter().filter(|(n, _)| *n != name).collect()
    }

    fn with(name: &'static str, value: &'static [u8]) -> Vec<(&'static str, &'static [u8])> {
        let mut h = without(name);
        h.push((name, value));
        h
    }

    #[test]
    fn accept_key_of_rfc_6455() {
        assert_eq!(accept_key(KEY), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    #[test]
    fn the_101_is_swooles() {
        let a = request("GET", 1, &good()).validate().unwrap();
        let bytes = Response { accept: &a.accept, date: DATE, ..Response::default() }.to_bytes();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
             Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nSec-WebSocket-Version: 13\r\n\
             Server: swoole-http-server\r\nDate: Wed, 02 Dec 2026 14:00:08 GMT\r\n\r\n"
        );
    }

    #[test]
    fn subprotocol_and_compression_come_in_swooles_order() {
        let mut h = good();
        h.push(("Sec-WebSocket-Protocol", b"a, CHAT"));
        h.push(("Sec-WebSocket-Extensions", b"permessage-deflate"));
        let a = request("GET", 1, &h).validate().unwrap();
        assert!(a.request.offers_protocol("chat"));
        assert!(!a.request.offers_protocol("cha"));
        assert!(!a.request.offers_protocol(""));
        let agreement = deflate::negotiate(a.request.extensions(), Policy::Swoole).unwrap();
        let answer = agreement.answer();
        let bytes = Response {
            accept: &a.accept,
            protocol: Some("chat"),
            extensions: Some(&answer),
            date: DATE,
            ..Response::default()
        }
        .to_bytes();
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.contains(
            "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: chat\r\nSec-Websocket-Extensions: \
             permessage-deflate; client_no_context_takeover; server_no_context_takeover\r\nServer: swoole-http-server\r\n"
        ));
    }

    #[test]
    fn is_upgrade_decides_between_handshake_and_request() {
        assert!(request("GET", 1, &good()).is_upgrade());
        assert!(request("GET", 1, &with("Upgrade", b"WebSocket")).is_upgrade());
        assert!(request("GET", 1, &with("Upgrade", b"h2c, websocket")).is_upgrade());
        assert!(!request("GET", 1, &without("Upgrade")).is_upgrade());
        assert!(!request("GET", 1, &with("Upgrade", b"foo")).is_upgrade());
    }

    #[test]
    fn refusals() {
        let err = |r: UpgradeRequest<'_>| r.validate().unwrap_err();
        assert_eq!(err(request("POST", 1, &good())), HandshakeError::Method);
        assert_eq!(err(request("GET", 0, &good())), HandshakeError::HttpVersion);
        assert_eq!(err(request("GET", 1, &without("Connection"))), HandshakeError::Connection);
        assert_eq!(err(request("GET", 1, &with("Connection", b"keep-alive"))), HandshakeError::Connection);
        assert_eq!(err(request("GET", 1, &without("Sec-WebSocket-Key"))), HandshakeError::Key);
        assert_eq!(err(request("GET", 1, &with("Sec-WebSocket-Key", b"abc"))), HandshakeError::Key);
        assert_eq!(err(request("GET", 1, &with("Sec-WebSocket-Key", b"!!!!!!!!!!!!!!!!!!!!!!=="))), HandshakeError::Key);
        assert_eq!(err(request("GET", 1, &with("Sec-WebSocket-Key", b"AAAAAAAAAAAAAAAAAAAAAAAAAAA="))), HandshakeError::Key);
        let mut two = good();
        two.push(("sec-websocket-key", KEY));
        assert_eq!(err(request("GET", 1, &two)), HandshakeError::Key);
        assert_eq!(err(request("GET", 1, &with("Sec-WebSocket-Version", b"8"))), HandshakeError::Version);
        assert_eq!(err(request("GET", 1, &without("Sec-WebSocket-Version"))), HandshakeError::Version);
        assert_eq!(HandshakeError::Key.status(), 400);
        assert_eq!(HandshakeError::Version.status(), 426);
    }

    #[test]
    fn lenient_where_http_is() {
        // Token lists over several lines, any case; whitespace around values.
        let mut h = with("Connection", b"keep-alive");
        h.push(("CONNECTION", b" UPGRADE "));
        h.push(("sec-websocket-key", b" dGhlIHNhbXBsZSBub25jZQ== "));
        let h: Vec<_> = h.into_iter().filter(|(n, _)| *n != "Sec-WebSocket-Key").collect();
        let a = request("GET", 1, &h).validate().unwrap();
        assert_eq!(a.accept, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        assert!(request("GET", 1, &with("Connection", b"keep-alive, Upgrade")).validate().is_ok());
    }

    #[test]
    fn refusal_bytes() {
        assert_eq!(
            String::from_utf8(HandshakeError::Key.response(DATE)).unwrap(),
            "HTTP/1.1 400 Bad Request\r\nServer: swoole-http-server\r\nDate: Wed, 02 Dec 2026 14:00:08 GMT\r\n\
             Connection: close\r\nContent-Type: text/html\r\nContent-Length: 0\r\n\r\n"
        );
        let v = String::from_utf8(HandshakeError::Version.response(DATE)).unwrap();
        assert!(v.starts_with("HTTP/1.1 426 Upgrade Required\r\n"));
        assert!(v.contains("\r\nSec-WebSocket-Version: 13\r\n"));
        let page = std::str::from_utf8(NOT_AN_UPGRADE_RESPONSE).unwrap();
        let body = page.split("\r\n\r\n").nth(1).unwrap();
        assert_eq!(body.len(), 83);
    }
}
