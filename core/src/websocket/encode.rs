//! Frames the server writes: a header builder for writing header and payload
//! separately, whole frames, and `Swoole\WebSocket\Server::pack()`'s rules
//! (which `push()` and `disconnect()` follow too), as Swoole 6.2.1 produces
//! them byte for byte:
//!
//! - `flags` keeps only [`FLAGS_ALL`]; FIN and RSV1 reach the wire, RSV2 and
//!   RSV3 are dropped, MASK masks with Swoole's fixed key `"258E"`;
//! - COMPRESS deflates the payload (and sets RSV1) only for a final
//!   (FIN) frame with a non-control, non-continuation opcode and a
//!   non-empty payload; otherwise it is ignored;
//! - a close frame always has FIN; its payload is the code (2 bytes, big
//!   endian, truncated to 16 bits) and the reason, at most 123 bytes;
//! - other control frames carry at most 125 bytes;
//! - opcodes outside 0-10 are refused (3-7 pass, as in Swoole).
//!
//! Swoole's compressed bytes come from zlib, ours from zlib-rs: short
//! messages compress to the same bytes, longer ones may differ while
//! inflating to the same message.

use super::close::{MAX_CONTROL_PAYLOAD, MAX_REASON_LEN};
use super::deflate::Deflater;
use super::flags::{FLAG_COMPRESS, FLAG_FIN, FLAG_MASK, FLAG_RSV1, FLAGS_ALL, OPCODE_MAX, Opcode, WIRE_FIN, WIRE_MASK, WIRE_RSV1};
use super::header::{MAX_HEADER_LEN, apply_mask};
use std::fmt;

/// The masking key Swoole's `pack()` always uses (`SW_WEBSOCKET_MASK_DATA`).
pub const SWOOLE_MASK_KEY: [u8; 4] = *b"258E";

/// A frame header, built on the stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head {
    /// The header bytes, `len` of them.
    bytes: [u8; MAX_HEADER_LEN],
    /// How many of `bytes` are the header.
    len: u8,
}

impl Head {
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len as usize]
    }
}

/// Byte 0 of a frame.
pub fn first_byte(opcode: u8, fin: bool, rsv1: bool) -> u8 {
    (opcode & 0x0f) | if fin { WIRE_FIN } else { 0 } | if rsv1 { WIRE_RSV1 } else { 0 }
}

/// The header of a frame whose payload is `payload_len` bytes, with the
/// shortest length field (7, 16 or 64 bits) and the masking key if any.
pub fn head(b0: u8, payload_len: usize, mask: Option<[u8; 4]>) -> Head {
    let mut bytes = [0u8; MAX_HEADER_LEN];
    bytes[0] = b0;
    let m = if mask.is_some() { WIRE_MASK } else { 0 };
    let mut len = match payload_len {
        n if n < 126 => {
            bytes[1] = m | n as u8;
            2
        }
        n if n <= 0xffff => {
            bytes[1] = m | 126;
            bytes[2..4].copy_from_slice(&(n as u16).to_be_bytes());
            4
        }
        n => {
            bytes[1] = m | 127;
            bytes[2..10].copy_from_slice(&(n as u64).to_be_bytes());
            10
        }
    };
    if let Some(key) = mask {
        bytes[len..len + 4].copy_from_slice(&key);
        len += 4;
    }
    Head { bytes, len: len as u8 }
}

/// Appends a whole frame to `out`, masking the payload when `mask` is given.
pub fn write_frame(out: &mut Vec<u8>, b0: u8, payload: &[u8], mask: Option<[u8; 4]>) {
    let h = head(b0, payload.len(), mask);
    out.reserve(h.as_bytes().len() + payload.len());
    out.extend_from_slice(h.as_bytes());
    let start = out.len();
    out.extend_from_slice(payload);
    if let Some(key) = mask {
        apply_mask(&mut out[start..], key);
    }
}

/// A final, unmasked server frame: what the server sends on its own
/// (the pong answering a ping, a reply to a close).
pub fn frame(opcode: Opcode, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + 10);
    write_frame(&mut out, first_byte(opcode as u8, true, false), payload, None);
    out
}

/// The close frame a server sends when the peer broke the protocol, or when
/// `disconnect($fd, $code, $reason)` is called (reason cut to 123 bytes on a
/// character boundary).
pub fn close_frame(code: u16, reason: &str) -> Vec<u8> {
    let mut end = reason.len().min(MAX_REASON_LEN);
    while !reason.is_char_boundary(end) {
        end -= 1;
    }
    let mut payload = [0u8; 2 + MAX_REASON_LEN];
    payload[..2].copy_from_slice(&code.to_be_bytes());
    payload[2..2 + end].copy_from_slice(&reason.as_bytes()[..end]);
    frame(Opcode::Close, &payload[..2 + end])
}

/// Why `pack()`/`push()` refused; `Display` is Swoole's warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackError {
    /// `opcode must be between 0 and 10`.
    Opcode(i64),
    /// `websocket control frame payload must not exceed 125 bytes`.
    ControlTooLong(usize),
    /// `the max length of close reason is 123`.
    ReasonTooLong(usize),
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackError::Opcode(_) => write!(f, "opcode must be between 0 and {OPCODE_MAX}"),
            PackError::ControlTooLong(_) => {
                write!(f, "websocket control frame payload must not exceed {MAX_CONTROL_PAYLOAD} bytes")
            }
            PackError::ReasonTooLong(_) => write!(f, "the max length of close reason is {MAX_REASON_LEN}"),
        }
    }
}

/// The user's `flags` argument, as Swoole reads it.
fn user_flags(flags: i64) -> u8 {
    (flags & FLAGS_ALL as i64) as u8
}

fn mask_of(flags: u8) -> Option<[u8; 4]> {
    (flags & FLAG_MASK != 0).then_some(SWOOLE_MASK_KEY)
}

/// `pack($data, $opcode, $flags)`: appends the frame to `out`. `deflater`
/// compresses when COMPRESS asks for it (for `push()`, only on a connection
/// that negotiated permessage-deflate; `pack()` passes [`Deflater::swoole`]).
pub fn pack(
    out: &mut Vec<u8>,
    data: &[u8],
    opcode: i64,
    flags: i64,
    deflater: Option<&mut Deflater>,
) -> Result<(), PackError> {
    if !(0..=OPCODE_MAX as i64).contains(&opcode) {
        return Err(PackError::Opcode(opcode));
    }
    let (opcode, flags) = (opcode as u8, user_flags(flags));
    if opcode == Opcode::Close as u8 {
        // A string packed as a close frame is its reason, under code 0.
        return pack_close(out, 0, data, flags as i64);
    }
    if opcode & 0x08 != 0 && data.len() > MAX_CONTROL_PAYLOAD {
        return Err(PackError::ControlTooLong(data.len()));
    }
    let fin = flags & FLAG_FIN != 0;
    let b0 = |rsv1| first_byte(opcode, fin, rsv1);
    let compressible = fin && (1..8).contains(&opcode) && !data.is_empty();
    match deflater {
        Some(d) if flags & FLAG_COMPRESS != 0 && compressible => {
            write_frame(out, b0(true), d.deflate(data), mask_of(flags))
        }
        _ => write_frame(out, b0(flags & FLAG_RSV1 != 0), data, mask_of(flags)),
    }
    Ok(())
}

/// A close frame with `code` and `reason` (`CloseFrame` objects,
/// `disconnect()`): FIN always, RSV1 and MASK as `flags` say.
pub fn pack_close(out: &mut Vec<u8>, code: i64, reason: &[u8], flags: i64) -> Result<(), PackError> {
    if reason.len() > MAX_REASON_LEN {
        return Err(PackError::ReasonTooLong(reason.len()));
    }
    let flags = user_flags(flags);
    let mut payload = [0u8; 2 + MAX_REASON_LEN];
    payload[..2].copy_from_slice(&(code as u16).to_be_bytes());
    payload[2..2 + reason.len()].copy_from_slice(reason);
    let b0 = first_byte(Opcode::Close as u8, true, flags & FLAG_RSV1 != 0);
    write_frame(out, b0, &payload[..2 + reason.len()], mask_of(flags));
    Ok(())
}

/// A `Swoole\WebSocket\Frame` (or `CloseFrame`) object's properties, as the
/// PHP layer reads them for `pack($frame)` and `push($fd, $frame)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameObject<'a> {
    /// `$opcode`.
    pub opcode: i64,
    /// `$data` (null reads as empty); not used for a close frame.
    pub data: &'a [u8],
    /// `$flags`.
    pub flags: i64,
    /// `$finish` when not null: sets or clears FIN whatever `$flags` say.
    pub finish: Option<bool>,
    /// `CloseFrame::$code` when set and not null (else 1000).
    pub code: Option<i64>,
    /// `CloseFrame::$reason` when set and not null (else empty).
    pub reason: Option<&'a [u8]>,
}

/// `pack($frame)`: Swoole's rules for a frame object.
pub fn pack_object(out: &mut Vec<u8>, frame: &FrameObject<'_>, deflater: Option<&mut Deflater>) -> Result<(), PackError> {
    let mut flags = user_flags(frame.flags);
    match frame.finish {
        Some(true) => flags |= FLAG_FIN,
        Some(false) => flags &= !FLAG_FIN,
        None => {}
    }
    if frame.opcode == Opcode::Close as i64 {
        let code = frame.code.unwrap_or(super::close::CloseCode::NORMAL as i64);
        return pack_close(out, code, frame.reason.unwrap_or_default(), flags as i64);
    }
    pack(out, frame.data, frame.opcode, flags as i64, deflater)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::websocket::test_support::test_hex as hex;

    fn packed(data: &[u8], opcode: i64, flags: i64) -> Result<Vec<u8>, PackError> {
        let mut out = Vec::new();
        pack(&mut out, data, opcode, flags, Some(&mut Deflater::swoole()))?;
        Ok(out)
    }

    /// Each pair: what Swoole 6.2.1's `pack()` returned for these arguments.
    #[test]
    fn pack_bytes_are_swooles() {
        let cases: &[(&[u8], i64, i64, &str)] = &[
            (b"hi", 1, 1, "81026869"),
            (b"hi", 2, 1, "82026869"),
            (b"hi", 1, 0, "01026869"),
            (b"hi", 0, 0, "00026869"),
            (b"hi", 9, 1, "89026869"),
            (b"hi", 10, 1, "8a026869"),
            (b"hi", 3, 1, "83026869"),
            (b"", 1, 1, "8100"),
            (b"hi", 1, 1 | 4, "c1026869"),
            (b"hi", 1, 1 | 8, "81026869"),
            (b"hi", 1, 1 | 16, "81026869"),
            (b"hi", 1, 4 | 8 | 16, "41026869"),
            (b"hi", 1, 64, "01026869"),
            (b"hi", 1, 65, "81026869"),
            (b"hi", 1, 257, "81026869"),
            (b"hi", 1, 1 | 32, "8182323538455a5c"),
            (b"hi", 1, 32, "0182323538455a5c"),
            (b"abcdefghi", 2, 33, "82893235384553575b2157535f2d5b"),
            (b"", 1, 33, "818032353845"),
            (b"hi", 1, 3, "c104cac80400"),
            (b"hi", 1, 0xff, "c18432353845f8fd3c45"),
            (b"hello", 1, 3, "c107ca48cdc9c90700"),
            (b"hello", 1, 35, "c18732353845f87df58cfb3238"),
            (b"hello hello hello", 1, 3, "c10bca48cdc9c957c840900000"),
            (b"hello", 3, 3, "c307ca48cdc9c90700"),
            (b"hello", 7, 3, "c707ca48cdc9c90700"),
            (b"", 1, 3, "8100"),
            (b"hello", 9, 3, "890568656c6c6f"),
            (b"hello", 1, 2, "010568656c6c6f"),
            (b"hello", 0, 3, "800568656c6c6f"),
            (b"hello", 0, 2, "000568656c6c6f"),
            (b"ab", 9, 5, "c9026162"),
            // A string packed with the close opcode: code 0, the string as reason.
            (b"bye", 8, 1, "88050000627965"),
            (b"\x03\xe8bye", 8, 1, "8807000003e8627965"),
            (b"", 8, 1, "88020000"),
            (b"", 8, 0, "88020000"),
            (b"", 8, 5, "c8020000"),
            (b"ab", 8, 3, "880400006162"),
            (b"ab", 8, 33, "88843235384532355927"),
        ];
        for (data, opcode, flags, want) in cases {
            assert_eq!(packed(data, *opcode, *flags).unwrap(), hex(want), "pack({data:?}, {opcode}, {flags})");
        }
    }

    #[test]
    fn length_fields() {
        assert_eq!(packed(&[b'a'; 125], 2, 1).unwrap()[..2], hex("827d"));
        assert_eq!(packed(&[b'a'; 126], 2, 1).unwrap()[..4], hex("827e007e"));
        assert_eq!(packed(&[b'a'; 65535], 2, 1).unwrap()[..4], hex("827effff"));
        let big = packed(&[b'a'; 65536], 2, 1).unwrap();
        assert_eq!(big[..10], hex("827f0000000000010000"));
        assert_eq!(big.len(), 65546);
    }

    #[test]
    fn refusals_and_their_warnings() {
        assert_eq!(packed(b"hi", 11, 1), Err(PackError::Opcode(11)));
        assert_eq!(packed(b"hi", -1, 1), Err(PackError::Opcode(-1)));
        assert_eq!(PackError::Opcode(11).to_string(), "opcode must be between 0 and 10");
        assert_eq!(packed(&[0; 126], 9, 1), Err(PackError::ControlTooLong(126)));
        assert_eq!(packed(&[0; 125], 9, 1).unwrap().len(), 127);
        assert_eq!(
            PackError::ControlTooLong(126).to_string(),
            "websocket control frame payload must not exceed 125 bytes"
        );
        assert_eq!(packed(&[b'r'; 124], 8, 1), Err(PackError::ReasonTooLong(124)));
        assert_eq!(packed(&[b'r'; 123], 8, 1).unwrap().len(), 127);
        assert_eq!(PackError::ReasonTooLong(124).to_string(), "the max length of close reason is 123");
    }

    #[test]
    fn compress_needs_a_deflater() {
        // push() on a connection without permessage-deflate: sent as is.
        let mut out = Vec::new();
        pack(&mut out, b"hello", 1, 3, None).unwrap();
        assert_eq!(out, hex("810568656c6c6f"));
    }

    fn object(opcode: i64) -> FrameObject<'static> {
        FrameObject { opcode, data: b"", flags: 1, finish: None, code: None, reason: None }
    }

    #[test]
    fn frame_objects_as_swoole_packs_them() {
        let pack = |f: FrameObject<'_>| {
            let mut out = Vec::new();
            pack_object(&mut out, &f, Some(&mut Deflater::swoole())).unwrap();
            out
        };
        assert_eq!(pack(FrameObject { data: b"xy", ..object(2) }), hex("82027879"));
        assert_eq!(pack(FrameObject { data: b"xy", finish: Some(false), ..object(1) }), hex("01027879"));
        assert_eq!(pack(FrameObject { data: b"xy", flags: 0, ..object(1) }), hex("01027879"));
        assert_eq!(pack(FrameObject { data: b"pp", flags: 0, finish: Some(true), ..object(9) }), hex("89027070"));
        assert_eq!(pack(FrameObject { data: b"hi", flags: 3, ..object(1) }), hex("c104cac80400"));
        assert_eq!(pack(FrameObject { data: b"\x0c", flags: 33, ..object(2) }), hex("8281323538453e"));
        // Close frames: code (default 1000) and reason; data ignored; FIN forced.
        assert_eq!(pack(object(8)), hex("880203e8"));
        assert_eq!(pack(FrameObject { data: b"dd", ..object(8) }), hex("880203e8"));
        assert_eq!(pack(FrameObject { code: Some(1000), reason: Some(b"bye"), ..object(8) }), hex("880503e8627965"));
        assert_eq!(pack(FrameObject { code: Some(70000), ..object(8) }), hex("88021170"));
        assert_eq!(pack(FrameObject { code: Some(-1), ..object(8) }), hex("8802ffff"));
        assert_eq!(
            pack(FrameObject { code: Some(1001), reason: Some(b"x"), flags: 0, finish: Some(false), ..object(8) }),
            hex("880303e978")
        );
        let mut out = Vec::new();
        let long = FrameObject { code: Some(4000), reason: Some(&[b'r'; 124]), ..object(8) };
        assert_eq!(pack_object(&mut out, &long, None), Err(PackError::ReasonTooLong(124)));
        let mut out = Vec::new();
        assert_eq!(pack_object(&mut out, &FrameObject { data: b"hi", ..object(12) }, None), Err(PackError::Opcode(12)));
    }

    #[test]
    fn server_frames() {
        assert_eq!(frame(Opcode::Pong, b"p1"), hex("8a027031"));
        assert_eq!(frame(Opcode::Close, b""), hex("8800"));
        assert_eq!(close_frame(1002, "bad"), hex("880503ea626164"));
        // A reason over 123 bytes is cut, never inside a character.
        let long = "é".repeat(70);
        let f = close_frame(1000, &long);
        assert_eq!(f.len(), 2 + 2 + 122);
        assert!(std::str::from_utf8(&f[4..]).is_ok());
    }

    #[test]
    fn headers_alone() {
        assert_eq!(head(0x82, 5, None).as_bytes(), hex("8205"));
        assert_eq!(head(0x82, 300, Some(*b"abcd")).as_bytes(), hex("82fe012c61626364"));
        assert_eq!(head(0x02, 1 << 20, None).as_bytes(), hex("027f0000000000100000"));
    }
}
