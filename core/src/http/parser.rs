//! One connection's HTTP/1 state machine: heads, bodies, pipelining,
//! keep-alive, `Expect: 100-continue` and the limits.
//!
//! Check-then-parse: bytes are only scanned for the end of a head (from where
//! the last scan stopped) until it is there; then `httparse` parses the head
//! once. A `Content-Length` body is split off the buffer without a copy when
//! all of it has arrived. The caller drains [`Http1Parser::poll`] after every
//! read, so the buffer never holds more than one incomplete request.

use bytes::{Buf, Bytes, BytesMut};

use super::body::{BodyError, ChunkedDecoder};
use super::limits::{self, Limits};
use super::request::{HeadError, RequestHead};

/// What the connection must do next.
#[derive(Debug)]
pub enum Event {
    /// Send [`limits::CONTINUE`] now: the client waits for it before the body.
    Continue,
    /// A complete request, in the order it was received.
    Request(Request),
}

/// A complete request.
#[derive(Debug, Clone)]
pub struct Request {
    /// Its head.
    pub head: RequestHead,
    /// Its body: `Content-Length` bytes as received (no copy), or the decoded
    /// chunks.
    pub body: Bytes,
    /// Trailer fields after a chunked body, names as sent.
    pub trailers: Vec<(Vec<u8>, Vec<u8>)>,
}

/// Why the connection must be answered with an error and closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseError {
    /// A head that does not parse or breaks a rule.
    Head(HeadError),
    /// A chunked body that does not decode.
    Body(BodyError),
    /// Head plus body over `package_max_length`.
    TooLarge,
}

impl ParseError {
    /// The bytes Swoole sends before closing: `400 Bad Request`, or `413`.
    pub fn answer(self) -> &'static [u8] {
        match self {
            ParseError::TooLarge => limits::ENTITY_TOO_LARGE,
            _ => limits::BAD_REQUEST,
        }
    }
}

/// Where the connection is.
#[derive(Debug)]
enum State {
    /// Waiting for (the end of) a head.
    Head,
    /// Waiting for `remaining` body bytes of `head`.
    Body {
        /// The request waiting for its body.
        head: RequestHead,
        /// The body length.
        length: usize,
    },
    /// Decoding a chunked body.
    Chunked {
        /// The request waiting for its body.
        head: RequestHead,
        /// The decoder's state.
        decoder: ChunkedDecoder,
        /// The data decoded so far.
        body: BytesMut,
        /// Head and raw chunked bytes consumed, for the size limit.
        consumed: usize,
    },
    /// After an error or a request that closes the connection: nothing more
    /// is parsed.
    Closed,
}

/// The HTTP/1 state of one connection.
#[derive(Debug)]
pub struct Http1Parser {
    /// Received bytes not yet consumed.
    buf: BytesMut,
    /// The sizes this connection may use.
    limits: Limits,
    /// Where the connection is.
    state: State,
    /// Where the search for the end of the head resumes.
    scan_from: usize,
    /// Whether the request line of the current head was already checked (so
    /// garbage is refused at its first line, not after 64 KiB).
    line_checked: bool,
}

impl Http1Parser {
    /// A parser for a new connection.
    pub fn new(limits: Limits) -> Self {
        Http1Parser {
            buf: BytesMut::new(),
            limits,
            state: State::Head,
            scan_from: 0,
            line_checked: false,
        }
    }

    /// The buffer to read into (the reactor reads straight into it).
    pub fn buffer_mut(&mut self) -> &mut BytesMut {
        &mut self.buf
    }

    /// Appends received bytes.
    pub fn feed(&mut self, data: &[u8]) {
        if !matches!(self.state, State::Closed) {
            self.buf.extend_from_slice(data);
        }
    }

    /// How many received bytes are held.
    pub fn buffered(&self) -> usize {
        self.buf.len()
    }

    /// Whether no request is half received (a timeout may close the
    /// connection quietly then).
    pub fn is_idle(&self) -> bool {
        matches!(self.state, State::Head) && self.buf.is_empty()
    }

    /// Whether a request head has begun and is not complete (what
    /// `http_header_timeout` limits).
    pub fn head_pending(&self) -> bool {
        matches!(self.state, State::Head) && !self.buf.is_empty()
    }

    /// Whether the parser stopped: after an error or a request after which
    /// the connection closes.
    pub fn is_closed(&self) -> bool {
        matches!(self.state, State::Closed)
    }

    /// The bytes after the last request, for a protocol that takes over the
    /// connection (WebSocket).
    pub fn into_buffer(self) -> BytesMut {
        self.buf
    }

    /// The next event, or `None` until more bytes arrive. After an error the
    /// caller sends [`ParseError::answer`] and closes the connection.
    pub fn poll(&mut self) -> Result<Option<Event>, ParseError> {
        let result = self.step();
        if result.is_err() {
            self.state = State::Closed;
            self.buf = BytesMut::new();
        }
        result
    }

    fn step(&mut self) -> Result<Option<Event>, ParseError> {
        match &mut self.state {
            State::Closed => Ok(None),
            State::Head => self.head(),
            State::Body { length, .. } => {
                if self.buf.len() < *length {
                    return Ok(None);
                }
                let body = self.buf.split_to(*length).freeze();
                let State::Body { head, .. } = std::mem::replace(&mut self.state, State::Head)
                else {
                    unreachable!("matched above")
                };
                Ok(Some(self.finish(head, body, Vec::new())))
            }
            State::Chunked {
                decoder,
                body,
                consumed,
                ..
            } => {
                let (n, done) = decoder.decode(&self.buf, body).map_err(ParseError::Body)?;
                self.buf.advance(n);
                *consumed += n;
                if *consumed > self.limits.package_max {
                    return Err(ParseError::TooLarge);
                }
                if !done {
                    return Ok(None);
                }
                let State::Chunked {
                    head,
                    decoder,
                    body,
                    ..
                } = std::mem::replace(&mut self.state, State::Head)
                else {
                    unreachable!("matched above")
                };
                Ok(Some(self.finish(head, body.freeze(), decoder.trailers())))
            }
        }
    }

    fn head(&mut self) -> Result<Option<Event>, ParseError> {
        // Empty lines before a request line are skipped (RFC 9112 2.2).
        let blank = self
            .buf
            .iter()
            .take_while(|&&c| c == b'\r' || c == b'\n')
            .count();
        if blank > 0 {
            self.buf.advance(blank);
            self.scan_from = 0;
        }
        if !self.line_checked && self.buf.contains(&b'\n') {
            // Refuse a bad request line or first header at once.
            RequestHead::parse(&self.buf).map_err(ParseError::Head)?;
            self.line_checked = true;
        }
        let Some(end) = find_head_end(&self.buf, self.scan_from) else {
            if self.buf.len() > self.limits.head_max {
                return Err(ParseError::Head(HeadError::TooLarge));
            }
            self.scan_from = self.buf.len().saturating_sub(3);
            return Ok(None);
        };
        if end > self.limits.head_max {
            return Err(ParseError::Head(HeadError::TooLarge));
        }
        let (len, head) = RequestHead::parse(&self.buf[..end])
            .map_err(ParseError::Head)?
            .ok_or(ParseError::Head(HeadError::Syntax))?;
        self.scan_from = 0;
        self.line_checked = false;
        let head = head
            .attach(self.buf.split_to(len).freeze())
            .map_err(ParseError::Head)?;
        if head.chunked {
            let consumed = len;
            let continue_first = head.expect_continue && self.buf.is_empty();
            self.state = State::Chunked {
                head,
                decoder: ChunkedDecoder::default(),
                body: BytesMut::new(),
                consumed,
            };
            return if continue_first {
                Ok(Some(Event::Continue))
            } else {
                self.step()
            };
        }
        let length = head.content_length.unwrap_or(0);
        if (len as u64).saturating_add(length) > self.limits.package_max as u64 {
            return Err(ParseError::TooLarge);
        }
        let length = length as usize;
        if length == 0 {
            return Ok(Some(self.finish(head, Bytes::new(), Vec::new())));
        }
        let continue_first = head.expect_continue && self.buf.len() < length;
        self.state = State::Body { head, length };
        if continue_first {
            Ok(Some(Event::Continue))
        } else {
            self.step()
        }
    }

    fn finish(
        &mut self,
        head: RequestHead,
        body: Bytes,
        trailers: Vec<(Vec<u8>, Vec<u8>)>,
    ) -> Event {
        if !head.keep_alive {
            // Swoole closes after answering; what follows is not read.
            self.state = State::Closed;
            self.buf = BytesMut::new();
        }
        Event::Request(Request {
            head,
            body,
            trailers,
        })
    }
}

/// The length of the head at the start of `buf` (through its blank line:
/// CRLF CRLF, or bare LFs), searching from `from`.
fn find_head_end(buf: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(p) = buf.get(i..)?.iter().position(|&c| c == b'\n') {
        let lf = i + p;
        match buf.get(lf + 1) {
            Some(b'\n') => return Some(lf + 2),
            Some(b'\r') if buf.get(lf + 2) == Some(&b'\n') => return Some(lf + 3),
            _ => i = lf + 1,
        }
    }
    None
}

#[cfg(test)]
#[path = "parser_tests.rs"]
mod tests;
