//! A connection's incoming frames become messages: check-then-parse over the
//! input buffer, one frame per [`Reader::read`] call.
//!
//! A whole, unfragmented, uncompressed frame is unmasked in place and its
//! payload handed out as a slice of the caller's buffer: nothing is copied or
//! allocated on that path (the echo path). Fragments are gathered in the
//! reader's own buffer, which keeps its capacity between messages up to
//! [`RETAINED_CAPACITY`]; compressed messages are inflated there.
//!
//! RFC 6455 is enforced, and a violation is a [`Failure`] carrying the close
//! code to send before closing: 1002 for reserved bits or opcodes, unmasked
//! client frames, long or fragmented control frames, a continuation out of
//! place; 1007 for text that is not UTF-8 (checked fragment by fragment) or
//! a message that does not inflate; 1009 for a frame or a message over
//! `package_max_length` (known from the header, before its payload is
//! buffered) and for a 2^63 length.

use super::close::{ClosePayload, CloseCode, MAX_CONTROL_PAYLOAD};
use super::deflate::{Agreement, InflateError, Inflater};
use super::flags::{self, FLAG_COMPRESS, FLAG_FIN, Opcode};
use super::header::{self, FrameHeader, Parsed};
use super::utf8::Utf8Cursor;
use super::retained::RETAINED_CAPACITY;
use std::fmt;

/// Which end of the connection reads: a server requires masked frames, a
/// client requires unmasked ones (RFC 6455 5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Server,
    Client,
}

/// How a connection's frames are read.
#[derive(Debug, Clone, Copy)]
pub struct ReaderConfig {
    /// `package_max_length`: the largest frame (header included) and the
    /// largest message payload, after inflation.
    pub max_message: usize,
    /// Which frames count as coming from the peer.
    pub role: Role,
    /// The permessage-deflate agreement, when the handshake made one: then
    /// RSV1 on a message's first frame means "compressed".
    pub deflate: Option<Agreement>,
}

/// A protocol violation: close the connection with `code` (after sending a
/// close frame with it), and log `reason`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failure {
    /// The close code to send (1002, 1007 or 1009).
    pub code: u16,
    /// What was wrong, short enough for a close frame's reason.
    pub reason: &'static str,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (close {})", self.reason, self.code)
    }
}

fn protocol(reason: &'static str) -> Failure {
    Failure { code: CloseCode::PROTOCOL_ERROR, reason }
}

const TOO_BIG: Failure = Failure { code: CloseCode::MESSAGE_TOO_BIG, reason: "message too big" };
const BAD_UTF8: Failure = Failure { code: CloseCode::MESSAGE_ERROR, reason: "text is not UTF-8" };
const BAD_DEFLATE: Failure = Failure { code: CloseCode::MESSAGE_ERROR, reason: "message does not inflate" };

fn inflate_failure(e: InflateError) -> Failure {
    match e {
        InflateError::TooBig => TOO_BIG,
        InflateError::Corrupt => BAD_DEFLATE,
    }
}

/// What one frame brought. The slices borrow the input buffer or the
/// reader's own, until the next `read`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event<'a> {
    /// A whole text or binary message. `flags` is what
    /// `Swoole\WebSocket\Frame::$flags` shows: its first frame's FIN, RSV and
    /// MASK bits, FIN set, and COMPRESS when it was inflated.
    Message { opcode: Opcode, data: &'a [u8], flags: u8 },
    /// A ping; RFC 6455 wants a pong with the same data.
    Ping { data: &'a [u8], flags: u8 },
    /// A pong.
    Pong { data: &'a [u8], flags: u8 },
    /// A valid close frame: answer with one (Swoole echoes `payload`), then
    /// close. The reader ignores whatever follows.
    Close { code: Option<u16>, reason: &'a str, payload: &'a [u8], flags: u8 },
}

/// The outcome of one [`Reader::read`].
#[derive(Debug, PartialEq, Eq)]
pub enum Read<'a> {
    /// The frame at the front is not whole: `need` bytes from the front are
    /// wanted before anything can be said (a hint for reserving; the frame's
    /// size was checked against the limit already).
    Incomplete { need: usize },
    /// One frame was taken: drop `consumed` bytes from the front of the
    /// buffer, after using `event` (a fragment gives none).
    Frame { consumed: usize, event: Option<Event<'a>> },
}

/// The message whose fragments are being gathered.
#[derive(Debug, Clone, Copy)]
struct Partial {
    /// Text or binary, from the first frame.
    opcode: Opcode,
    /// Swoole flags of the first frame.
    flags: u8,
    /// RSV1 was set on the first frame: the fragments are one deflate stream.
    compressed: bool,
}

/// The reading half of one WebSocket connection.
pub struct Reader {
    /// Limits, role, compression.
    config: ReaderConfig,
    /// The message being reassembled, if a fragment without FIN came.
    partial: Option<Partial>,
    /// Payload gathered (or inflated) so far; also holds a compressed
    /// single-frame message once inflated.
    message: Vec<u8>,
    /// How much of a text `message` is checked UTF-8.
    utf8: Utf8Cursor,
    /// The last event lent `message`: empty it on the next read.
    lent: bool,
    /// Made on the first compressed message.
    inflater: Option<Inflater>,
    /// A close frame came: the rest of the input is ignored.
    closed: bool,
}

impl Reader {
    pub fn new(config: ReaderConfig) -> Reader {
        Reader {
            config,
            partial: None,
            message: Vec::new(),
            utf8: Utf8Cursor::default(),
            lent: false,
            inflater: None,
            closed: false,
        }
    }

    /// Whether a fragmented message is half read.
    pub fn in_message(&self) -> bool {
        self.partial.is_some()
    }

    /// Reads the frame at the front of `buf` (unmasking it in place). After
    /// a `Failure` the connection is over: send the close frame and close,
    /// without reading again.
    pub fn read<'a>(&'a mut self, buf: &'a mut [u8]) -> Result<Read<'a>, Failure> {
        if self.lent {
            self.lent = false;
            self.message.clear();
            if self.message.capacity() > RETAINED_CAPACITY {
                self.message = Vec::new();
            }
        }
        if self.closed {
            return Ok(Read::Frame { consumed: buf.len(), event: None });
        }
        let h = match header::parse(buf) {
            Parsed::Partial(need) => return Ok(Read::Incomplete { need }),
            Parsed::Header(h) => h,
        };
        let opcode = self.check(&h)?;
        let total = h.header_len + h.payload_len as usize;
        if buf.len() < total {
            return Ok(Read::Incomplete { need: total });
        }
        let payload = &mut buf[h.header_len..total];
        if let Some(key) = h.mask {
            header::apply_mask(payload, key);
        }
        let flags = flags::from_wire(h.b0, h.mask.is_some());
        let event = match opcode {
            Opcode::Ping => Some(Event::Ping { data: payload, flags }),
            Opcode::Pong => Some(Event::Pong { data: payload, flags }),
            Opcode::Close => {
                let close = ClosePayload::parse(payload)
                    .map_err(|e| Failure { code: e.close_code(), reason: e.reason() })?;
                self.closed = true;
                Some(Event::Close { code: close.code, reason: close.reason, payload, flags })
            }
            Opcode::Text | Opcode::Binary if h.fin() && !h.rsv1() => {
                if opcode == Opcode::Text && std::str::from_utf8(payload).is_err() {
                    return Err(BAD_UTF8);
                }
                Some(Event::Message { opcode, data: payload, flags })
            }
            Opcode::Text | Opcode::Binary => {
                self.partial = Some(Partial { opcode, flags, compressed: h.rsv1() });
                self.utf8.reset();
                self.gather(payload, h.fin())?
            }
            Opcode::Continuation => self.gather(payload, h.fin())?,
        };
        Ok(Read::Frame { consumed: total, event })
    }

    /// The frame rules that the header alone decides, checked before the
    /// payload is waited for.
    fn check(&self, h: &FrameHeader) -> Result<Opcode, Failure> {
        if h.rsv23() {
            return Err(protocol("reserved bits set"));
        }
        let opcode = Opcode::from_u8(h.opcode).ok_or(protocol("reserved opcode"))?;
        match (self.config.role, h.mask.is_some()) {
            (Role::Server, false) => return Err(protocol("unmasked client frame")),
            (Role::Client, true) => return Err(protocol("masked server frame")),
            _ => {}
        }
        if h.payload_len >> 63 != 0 {
            return Err(TOO_BIG);
        }
        if opcode.is_control() {
            if h.payload_len > MAX_CONTROL_PAYLOAD as u64 {
                return Err(protocol("control frame over 125 bytes"));
            }
            if !h.fin() {
                return Err(protocol("fragmented control frame"));
            }
            if h.rsv1() {
                return Err(protocol("RSV1 on a control frame"));
            }
            return Ok(opcode);
        }
        if h.frame_len() > self.config.max_message as u64 {
            return Err(TOO_BIG);
        }
        match (opcode, self.partial) {
            (Opcode::Continuation, None) => return Err(protocol("continuation without a message")),
            (Opcode::Continuation, Some(p)) => {
                if h.rsv1() {
                    return Err(protocol("RSV1 on a continuation frame"));
                }
                let gathered = self.message.len() as u64 + h.payload_len;
                if !p.compressed && gathered > self.config.max_message as u64 {
                    return Err(TOO_BIG);
                }
            }
            (_, Some(_)) => return Err(protocol("new message inside a fragmented one")),
            (_, None) => {
                if h.rsv1() && self.config.deflate.is_none() {
                    return Err(protocol("RSV1 without permessage-deflate"));
                }
            }
        }
        Ok(opcode)
    }

    /// Adds a data frame's payload to the message; returns it when `fin`.
    fn gather(&mut self, payload: &[u8], fin: bool) -> Result<Option<Event<'_>>, Failure> {
        let p = self.partial.expect("a message is being gathered");
        let limit = self.config.max_message;
        if p.compressed {
            let deflate = self.config.deflate.expect("RSV1 was checked against the agreement");
            let inflater = self.inflater.get_or_insert_with(|| deflate.inflater());
            let inflated = inflater.inflate(payload, &mut self.message, limit);
            let finished = if fin { inflater.finish(&mut self.message, limit) } else { Ok(()) };
            inflated.and(finished).map_err(inflate_failure)?;
        } else {
            self.message.extend_from_slice(payload);
        }
        if p.opcode == Opcode::Text && !self.utf8.advance(&self.message) {
            return Err(BAD_UTF8);
        }
        if !fin {
            return Ok(None);
        }
        if p.opcode == Opcode::Text && !self.utf8.finish(&self.message) {
            return Err(BAD_UTF8);
        }
        self.partial = None;
        self.lent = true;
        let compress = if p.compressed { FLAG_COMPRESS } else { 0 };
        Ok(Some(Event::Message { opcode: p.opcode, data: &self.message, flags: p.flags | FLAG_FIN | compress }))
    }
}

#[cfg(test)]
#[path = "reader_tests.rs"]
mod tests;
