//! permessage-deflate (RFC 7692): the extension offer a client sends in
//! `Sec-WebSocket-Extensions`, the answer, and the compression itself.
//!
//! Swoole 6.2.1 accepts any offer whose header value starts with
//! `permessage-deflate` and always answers
//! `permessage-deflate; client_no_context_takeover; server_no_context_takeover`
//! (under the header name `Sec-Websocket-Extensions`): every message is
//! compressed on its own, which costs no memory per connection. That is
//! [`Policy::Swoole`], the default. Where an offer's parameters oblige an
//! answer Swoole leaves out (`server_max_window_bits`), this module gives it,
//! and it declines offers RFC 7692 says must be declined (unknown or repeated
//! parameters, bad values). [`Policy::ContextTakeover`] keeps the compression
//! context between messages unless the client asks otherwise: better ratios,
//! one deflate and one inflate state per connection.
//!
//! A message's compressed payload lacks the `00 00 ff ff` tail a sync flush
//! ends with: the [`Deflater`] strips it, the [`Inflater`] appends it before
//! the message ends. Inflation stops at a limit (`package_max_length`), so a
//! small "zip bomb" cannot make a large buffer.

use super::retained::RETAINED_CAPACITY;
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

/// The extension's name in the header.
pub const EXTENSION: &str = "permessage-deflate";

/// The response header as Swoole spells it.
pub const RESPONSE_HEADER: &str = "Sec-Websocket-Extensions";

/// Swoole's answer to every acceptable offer.
pub const SWOOLE_ANSWER: &str = "permessage-deflate; client_no_context_takeover; server_no_context_takeover";

/// The 4 bytes a sync flush ends with, left off the wire (RFC 7692 7.2.1).
pub const TAIL: [u8; 4] = [0x00, 0x00, 0xff, 0xff];

/// The smallest window this deflater can honour: zlib's raw deflate has no
/// 256-byte window, so an offer of `server_max_window_bits=8` is declined.
const MIN_SERVER_WINDOW_BITS: u8 = 9;

/// How the server answers an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Policy {
    /// No context takeover either way, as Swoole answers.
    #[default]
    Swoole,
    /// Keep the contexts unless the offer asks for `*_no_context_takeover`.
    ContextTakeover,
}

/// What both ends agreed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Agreement {
    /// The server resets its compressor after each message.
    pub server_no_context_takeover: bool,
    /// The client resets its compressor after each message (so the server may
    /// reset its inflater).
    pub client_no_context_takeover: bool,
    /// The server's LZ77 window, 9 to 15 bits.
    pub server_max_window_bits: u8,
    /// What the client was told about its window; inflating with 15 bits
    /// reads any smaller window too.
    pub client_max_window_bits: u8,
}

impl Agreement {
    /// The `Sec-Websocket-Extensions` value that states this agreement.
    pub fn answer(&self) -> String {
        let mut s = String::from(EXTENSION);
        if self.client_no_context_takeover {
            s.push_str("; client_no_context_takeover");
        }
        if self.server_no_context_takeover {
            s.push_str("; server_no_context_takeover");
        }
        if self.server_max_window_bits < 15 {
            s.push_str(&format!("; server_max_window_bits={}", self.server_max_window_bits));
        }
        s
    }

    /// The server's compressor for this connection.
    pub fn deflater(&self) -> Deflater {
        Deflater::new(self.server_max_window_bits, self.server_no_context_takeover)
    }

    /// The server's inflater for this connection.
    pub fn inflater(&self) -> Inflater {
        Inflater::new(self.client_no_context_takeover)
    }
}

/// One offer's parameters, as parsed.
#[derive(Debug, Default)]
struct Offer {
    server_no_context_takeover: bool,
    client_no_context_takeover: bool,
    server_max_window_bits: Option<u8>,
    /// Offered, with or without a value.
    client_max_window_bits: Option<Option<u8>>,
}

/// Picks the first acceptable permessage-deflate offer among the values of
/// the request's `Sec-WebSocket-Extensions` headers; `None` when there is none
/// (then the handshake goes on without compression).
pub fn negotiate<'a, I>(values: I, policy: Policy) -> Option<Agreement>
where
    I: IntoIterator<Item = &'a [u8]>,
{
    for value in values {
        let Ok(value) = std::str::from_utf8(value) else { continue };
        for ext in split_outside_quotes(value, ',') {
            let mut parts = split_outside_quotes(ext, ';').into_iter();
            if parts.next().map(str::trim) != Some(EXTENSION) {
                continue;
            }
            let Some(offer) = parse_offer(parts) else { continue };
            if let Some(agreement) = agree(&offer, policy) {
                return Some(agreement);
            }
        }
    }
    None
}

fn parse_offer<'a>(params: impl Iterator<Item = &'a str>) -> Option<Offer> {
    let mut offer = Offer::default();
    for param in params {
        let (name, value) = match param.split_once('=') {
            Some((n, v)) => (n.trim(), Some(unquote(v.trim())?)),
            None => (param.trim(), None),
        };
        match (name, value) {
            ("server_no_context_takeover", None) if !offer.server_no_context_takeover => {
                offer.server_no_context_takeover = true
            }
            ("client_no_context_takeover", None) if !offer.client_no_context_takeover => {
                offer.client_no_context_takeover = true
            }
            ("server_max_window_bits", Some(v)) if offer.server_max_window_bits.is_none() => {
                offer.server_max_window_bits = Some(window_bits(v)?)
            }
            ("client_max_window_bits", v) if offer.client_max_window_bits.is_none() => {
                offer.client_max_window_bits = Some(match v {
                    Some(v) => Some(window_bits(v)?),
                    None => None,
                })
            }
            // Unknown, repeated or with a value it cannot take: RFC 7692
            // section 5 says decline the offer.
            _ => return None,
        }
    }
    Some(offer)
}

fn agree(offer: &Offer, policy: Policy) -> Option<Agreement> {
    let server_bits = offer.server_max_window_bits.unwrap_or(15);
    if server_bits < MIN_SERVER_WINDOW_BITS {
        return None;
    }
    let swoole = policy == Policy::Swoole;
    Some(Agreement {
        server_no_context_takeover: swoole || offer.server_no_context_takeover,
        client_no_context_takeover: swoole || offer.client_no_context_takeover,
        server_max_window_bits: server_bits,
        client_max_window_bits: offer.client_max_window_bits.flatten().unwrap_or(15),
    })
}

/// `8` to `15`, decimal, no leading zero (RFC 7692 7.1.2).
fn window_bits(v: &str) -> Option<u8> {
    if v.is_empty() || v.len() > 2 || v.starts_with('0') || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    v.parse().ok().filter(|b| (8..=15).contains(b))
}

/// A parameter value: a token, or a quoted string holding a token.
fn unquote(v: &str) -> Option<&str> {
    match v.strip_prefix('"') {
        Some(rest) => {
            let inner = rest.strip_suffix('"')?;
            (!inner.contains(['"', '\\'])).then_some(inner)
        }
        None => (!v.is_empty() && !v.contains('"')).then_some(v),
    }
}

/// Splits at `sep` where it is not inside a quoted string.
fn split_outside_quotes(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (i, c) in s.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            out.push(&s[start..i]);
            start = i + 1;
        }
    }
    out.push(&s[start..]);
    out
}

/// Compresses outgoing messages.
pub struct Deflater {
    /// The zlib stream (raw deflate, no zlib header).
    stream: Compress,
    /// Reset after each message: no context takeover.
    reset_each: bool,
    /// The last message compressed by [`Deflater::deflate`], kept for its
    /// capacity (up to [`RETAINED_CAPACITY`]).
    scratch: Vec<u8>,
}

impl Deflater {
    /// A compressor at zlib's default level (Swoole's `Z_DEFAULT_COMPRESSION`).
    pub fn new(window_bits: u8, no_context_takeover: bool) -> Deflater {
        let bits = window_bits.clamp(MIN_SERVER_WINDOW_BITS, 15);
        Deflater {
            stream: Compress::new_with_window_bits(Compression::default(), false, bits),
            reset_each: no_context_takeover,
            scratch: Vec::new(),
        }
    }

    /// What `Swoole\WebSocket\Server::pack()` compresses with: a fresh
    /// 15-bit context for every message.
    pub fn swoole() -> Deflater {
        Deflater::new(15, true)
    }

    /// `input` compressed as one message, in a buffer the deflater reuses.
    pub fn deflate(&mut self, input: &[u8]) -> &[u8] {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        if scratch.capacity() > RETAINED_CAPACITY {
            scratch = Vec::new();
        }
        self.compress(input, &mut scratch);
        self.scratch = scratch;
        &self.scratch
    }

    /// Appends `input` compressed as one message to `out`, without the tail.
    pub fn compress(&mut self, input: &[u8], out: &mut Vec<u8>) {
        let start = out.len();
        let in_start = self.stream.total_in();
        loop {
            let consumed = (self.stream.total_in() - in_start) as usize;
            out.reserve((input.len() - consumed) / 2 + 64);
            self.stream
                .compress_vec(&input[consumed..], out, FlushCompress::Sync)
                .expect("deflate on a valid stream cannot fail");
            let consumed = (self.stream.total_in() - in_start) as usize;
            // zlib's rule: the flush is complete once it left output space unused.
            if consumed == input.len() && out.len() < out.capacity() {
                break;
            }
        }
        if out[start..].ends_with(&TAIL) {
            out.truncate(out.len() - TAIL.len());
        } else {
            // Nothing new since the last flush (an empty message with context
            // takeover): an empty stored block's first byte stands for it.
            debug_assert_eq!(out.len(), start);
            out.push(0x00);
        }
        if self.reset_each {
            self.stream.reset();
        }
    }
}

/// Why inflation stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InflateError {
    /// The message inflates past the limit (close 1009).
    TooBig,
    /// Not a deflate stream (close 1007).
    Corrupt,
}

/// Decompresses incoming messages.
pub struct Inflater {
    /// The zlib stream (raw inflate, 15-bit window: reads any smaller one).
    stream: Decompress,
    /// Reset after each message: the peer has no context takeover.
    reset_each: bool,
    /// The peer ended the deflate stream (a BFINAL block) in this message.
    ended: bool,
}

/// Output grown at a time while inflating.
const INFLATE_CHUNK: usize = 16 * 1024;

impl Inflater {
    pub fn new(no_context_takeover: bool) -> Inflater {
        Inflater { stream: Decompress::new(false), reset_each: no_context_takeover, ended: false }
    }

    /// Inflates a piece of a message's payload onto `out`, which may not
    /// grow past `limit` bytes.
    pub fn inflate(&mut self, input: &[u8], out: &mut Vec<u8>, limit: usize) -> Result<(), InflateError> {
        let result = self.inflate_some(input, out, limit);
        if result.is_err() {
            self.reset();
        }
        result
    }

    fn inflate_some(&mut self, input: &[u8], out: &mut Vec<u8>, limit: usize) -> Result<(), InflateError> {
        if self.ended {
            // Data after the end of the stream (the tail aside) is not deflate.
            return if input.is_empty() { Ok(()) } else { Err(InflateError::Corrupt) };
        }
        let in_start = self.stream.total_in();
        loop {
            let consumed = (self.stream.total_in() - in_start) as usize;
            if out.len() == out.capacity() {
                // One byte past the limit is room enough to see it is passed.
                let room = (limit + 1).saturating_sub(out.len()).min(INFLATE_CHUNK.max(input.len() * 2));
                if room == 0 {
                    return Err(InflateError::TooBig);
                }
                out.reserve_exact(room);
            }
            let (in_before, out_before) = (consumed, out.len());
            let status = self
                .stream
                .decompress_vec(&input[consumed..], out, FlushDecompress::Sync)
                .map_err(|_| InflateError::Corrupt)?;
            if out.len() > limit {
                return Err(InflateError::TooBig);
            }
            let consumed = (self.stream.total_in() - in_start) as usize;
            match status {
                Status::StreamEnd => {
                    self.ended = true;
                    // Whatever follows the final block can only be the tail.
                    return if input[consumed..].is_empty() || input[consumed..] == TAIL[..] {
                        Ok(())
                    } else {
                        Err(InflateError::Corrupt)
                    };
                }
                Status::Ok | Status::BufError => {
                    let progress = consumed != in_before || out.len() != out_before;
                    // Done when the input is used up and zlib stopped short of
                    // the output's end (or had nothing more to give).
                    if consumed == input.len() && (out.len() < out.capacity() || !progress) {
                        return Ok(());
                    }
                    if !progress && out.len() < out.capacity() {
                        return Err(InflateError::Corrupt);
                    }
                }
            }
        }
    }

    /// Ends a message: inflates the tail, and forgets the context when the
    /// peer does not keep it (or ended its stream).
    pub fn finish(&mut self, out: &mut Vec<u8>, limit: usize) -> Result<(), InflateError> {
        let result = if self.ended { Ok(()) } else { self.inflate(&TAIL, out, limit) };
        if self.reset_each || self.ended {
            self.reset();
        }
        result
    }

    /// Drops the context (after an error, or between messages).
    pub fn reset(&mut self) {
        self.stream.reset(false);
        self.ended = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(v: &str) -> Option<Agreement> {
        negotiate([v.as_bytes()], Policy::Swoole)
    }

    #[test]
    fn swoole_answers_every_plain_offer_the_same() {
        for v in [
            "permessage-deflate",
            "permessage-deflate; client_max_window_bits",
            "permessage-deflate; server_no_context_takeover",
            "permessage-deflate; client_no_context_takeover",
            "permessage-deflate;client_max_window_bits=9",
            "foo, permessage-deflate",
        ] {
            let a = offer(v).unwrap_or_else(|| panic!("{v}"));
            assert_eq!(a.answer(), SWOOLE_ANSWER, "{v}");
        }
    }

    #[test]
    fn window_bits_offered_are_answered() {
        let a = offer("permessage-deflate; server_max_window_bits=10").unwrap();
        assert_eq!(a.server_max_window_bits, 10);
        assert_eq!(a.answer(), format!("{SWOOLE_ANSWER}; server_max_window_bits=10"));
        let a = offer("permessage-deflate; server_max_window_bits=\"12\"").unwrap();
        assert_eq!(a.server_max_window_bits, 12);
        // 8 cannot be honoured; the next offer can.
        assert_eq!(offer("permessage-deflate; server_max_window_bits=8"), None);
        let a = offer("permessage-deflate; server_max_window_bits=8, permessage-deflate").unwrap();
        assert_eq!(a.server_max_window_bits, 15);
    }

    #[test]
    fn bad_offers_are_declined() {
        for v in [
            "permessage-deflate; bogus=1",
            "permessage-deflate; server_max_window_bits",
            "permessage-deflate; server_max_window_bits=16",
            "permessage-deflate; server_max_window_bits=7",
            "permessage-deflate; server_max_window_bits=010",
            "permessage-deflate; client_max_window_bits=abc",
            "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
            "permessage-deflate; server_no_context_takeover=1",
            "permessage-deflatex",
            "PERMESSAGE-DEFLATE",
            "x-webkit-deflate-frame",
            "",
        ] {
            assert_eq!(offer(v), None, "{v}");
        }
        assert_eq!(negotiate([&b"\xff"[..]], Policy::Swoole), None);
        assert_eq!(negotiate(std::iter::empty(), Policy::Swoole), None);
    }

    #[test]
    fn several_header_lines() {
        let a = negotiate([&b"foo"[..], &b"permessage-deflate"[..]], Policy::Swoole);
        assert!(a.is_some());
    }

    #[test]
    fn context_takeover_policy_follows_the_offer() {
        let a = negotiate([&b"permessage-deflate; client_max_window_bits"[..]], Policy::ContextTakeover).unwrap();
        assert!(!a.server_no_context_takeover && !a.client_no_context_takeover);
        assert_eq!(a.answer(), "permessage-deflate");
        let a = negotiate([&b"permessage-deflate; server_no_context_takeover"[..]], Policy::ContextTakeover).unwrap();
        assert_eq!(a.answer(), "permessage-deflate; server_no_context_takeover");
    }

    fn compress(d: &mut Deflater, input: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        d.compress(input, &mut out);
        out
    }

    fn inflate_message(i: &mut Inflater, input: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
        let mut out = Vec::new();
        i.inflate(input, &mut out, limit)?;
        i.finish(&mut out, limit)?;
        Ok(out)
    }

    #[test]
    fn empty_message_with_context_takeover() {
        let mut d = Deflater::new(15, false);
        let mut i = Inflater::new(false);
        for m in [&b"abc"[..], b"", b"", b"abc"] {
            let c = compress(&mut d, m);
            assert!(!c.is_empty());
            assert_eq!(inflate_message(&mut i, &c, 100).unwrap(), m);
        }
    }

    #[test]
    fn compresses_as_swoole_pack_does() {
        // Bytes of Swoole 6.2.1's pack() with SWOOLE_WEBSOCKET_FLAG_COMPRESS, header left off.
        let mut d = Deflater::swoole();
        assert_eq!(compress(&mut d, b"hi"), [0xca, 0xc8, 0x04, 0x00]);
        assert_eq!(compress(&mut d, b"hello"), [0xca, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00]);
        assert_eq!(compress(&mut d, b"hello"), [0xca, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00]);
        assert_eq!(
            compress(&mut d, b"hello hello hello"),
            [0xca, 0x48, 0xcd, 0xc9, 0xc9, 0x57, 0xc8, 0x40, 0x90, 0x00, 0x00]
        );
        // zlib-rs follows zlib-ng, whose matches differ from zlib's on longer
        // inputs: Swoole's `62 60 18 05 a3 60 14 0c 77 00 00` for 1000 zero
        // bytes is not ours, but both inflate to the same message.
        let swoole = [0x62, 0x60, 0x18, 0x05, 0xa3, 0x60, 0x14, 0x0c, 0x77, 0x00, 0x00];
        assert_eq!(inflate_message(&mut Inflater::new(true), &swoole, 2000).unwrap(), [0u8; 1000]);
        let ours = compress(&mut d, &[0u8; 1000]);
        assert_eq!(inflate_message(&mut Inflater::new(true), &ours, 2000).unwrap(), [0u8; 1000]);
    }

    #[test]
    fn round_trip_with_and_without_context() {
        let msgs: [&[u8]; 4] = [b"abcabcabcabc", b"abcabcabcabc", b"", b"\x00\x01\x02 something else entirely"];
        for keep in [false, true] {
            let mut d = Deflater::new(15, !keep);
            let mut i = Inflater::new(!keep);
            let mut sizes = Vec::new();
            for m in msgs {
                let c = compress(&mut d, m);
                sizes.push(c.len());
                assert_eq!(inflate_message(&mut i, &c, 1 << 20).unwrap(), m);
            }
            // With context takeover the repeated message costs almost nothing.
            assert_eq!(sizes[1] < sizes[0], keep, "{sizes:?}");
        }
    }

    #[test]
    fn small_window_round_trips() {
        let data: Vec<u8> = (0..20000u32).map(|i| (i * 7 % 251) as u8).collect();
        let mut d = Deflater::new(9, true);
        let c = compress(&mut d, &data);
        assert_eq!(inflate_message(&mut Inflater::new(true), &c, 1 << 20).unwrap(), data);
    }

    #[test]
    fn message_split_anywhere_inflates_the_same() {
        let data = b"fragmented compressed fragmented compressed fragmented compressed".repeat(20);
        let c = compress(&mut Deflater::swoole(), &data);
        for cut in [0, 1, 5, c.len() / 2, c.len()] {
            let mut i = Inflater::new(true);
            let mut out = Vec::new();
            i.inflate(&c[..cut], &mut out, 1 << 20).unwrap();
            i.inflate(&c[cut..], &mut out, 1 << 20).unwrap();
            i.finish(&mut out, 1 << 20).unwrap();
            assert_eq!(out, data, "cut {cut}");
        }
    }

    #[test]
    fn output_exactly_filling_the_buffer() {
        // Inflated sizes at and around the growth step must not read as corrupt.
        for n in [INFLATE_CHUNK - 1, INFLATE_CHUNK, INFLATE_CHUNK + 1, 2 * INFLATE_CHUNK, 3 * INFLATE_CHUNK + 7] {
            let data: Vec<u8> = (0..n).map(|i| (i % 13) as u8).collect();
            let c = compress(&mut Deflater::swoole(), &data);
            for cap in [0, 1, n, n + 1] {
                let mut i = Inflater::new(true);
                let mut out = Vec::with_capacity(cap);
                i.inflate(&c, &mut out, 1 << 20).unwrap();
                i.finish(&mut out, 1 << 20).unwrap();
                assert_eq!(out, data, "{n} into {cap}");
            }
        }
    }

    #[test]
    fn zip_bomb_stops_at_the_limit() {
        let bomb = compress(&mut Deflater::swoole(), &vec![0u8; 10 << 20]);
        assert!(bomb.len() < 20_000);
        let mut i = Inflater::new(true);
        let mut out = Vec::new();
        assert_eq!(i.inflate(&bomb, &mut out, 1 << 20), Err(InflateError::TooBig));
        assert!(out.capacity() <= (1 << 20) + INFLATE_CHUNK + 1, "{}", out.capacity());
        // Exactly at the limit is fine.
        let exact = compress(&mut Deflater::swoole(), &vec![7u8; 4096]);
        assert_eq!(inflate_message(&mut Inflater::new(true), &exact, 4096).unwrap().len(), 4096);
        assert_eq!(inflate_message(&mut Inflater::new(true), &exact, 4095), Err(InflateError::TooBig));
    }

    #[test]
    fn garbage_is_corrupt() {
        // 0xff: BTYPE 11, reserved.
        assert_eq!(inflate_message(&mut Inflater::new(true), &[0xff, 0xff, 0xff], 1000), Err(InflateError::Corrupt));
        // An inflater reused after an error starts clean.
        let mut i = Inflater::new(false);
        assert!(inflate_message(&mut i, &[0xff], 1000).is_err());
        assert_eq!(inflate_message(&mut i, &[0xca, 0xc8, 0x04, 0x00], 1000).unwrap(), b"hi");
    }

    #[test]
    fn final_block_ends_the_context() {
        // "finish" deflated with Z_FINISH (BFINAL set), as a client may send it.
        let mut c = Compress::new(Compression::default(), false);
        let mut data = Vec::with_capacity(64);
        c.compress_vec(b"finish", &mut data, FlushCompress::Finish).unwrap();
        let mut i = Inflater::new(false);
        assert_eq!(inflate_message(&mut i, &data, 100).unwrap(), b"finish");
        assert_eq!(inflate_message(&mut i, &[0xca, 0xc8, 0x04, 0x00], 100).unwrap(), b"hi");
        // Anything but the tail after the final block is refused.
        let mut bad = data.clone();
        bad.push(0x42);
        assert_eq!(inflate_message(&mut Inflater::new(true), &bad, 100), Err(InflateError::Corrupt));
    }
}
