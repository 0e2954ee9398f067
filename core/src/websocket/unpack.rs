//! `Swoole\WebSocket\Server::unpack($data)`: one frame from a string, as
//! leniently as Swoole 6.2.1 reads it (no RFC checks: reserved opcodes and
//! bits, unmasked or masked, all pass; bytes after the frame are ignored).
//! A frame with RSV1 is inflated, and its flags gain COMPRESS. Unlike
//! Swoole, inflation stops at a limit the caller gives.

use super::close::CloseCode;
use super::flags::{self, FLAG_COMPRESS};
use super::header::{self, Parsed};
use flate2::{Decompress, FlushDecompress, Status};
use std::fmt;

/// `SW_ERROR_PROTOCOL_ERROR`: `swoole_last_error()` after a failed unpack.
pub const ERROR_PROTOCOL: i32 = 508;
/// `SW_ERROR_WEBSOCKET_INCOMPLETE_PACKET`: the code of the logged warning.
pub const ERROR_INCOMPLETE_PACKET: i32 = 8507;

/// What `unpack()` returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unpacked {
    /// A `Swoole\WebSocket\Frame`.
    Frame { opcode: u8, flags: u8, data: Vec<u8> },
    /// A `Swoole\WebSocket\CloseFrame` (`$data` stays empty): the code is
    /// 1000 when the payload is shorter than 2 bytes.
    Close { flags: u8, code: u16, reason: Vec<u8> },
}

impl Unpacked {
    /// `$flags`; `$finish` is `flags & FLAG_FIN != 0`.
    pub fn flags(&self) -> u8 {
        match self {
            Unpacked::Frame { flags, .. } | Unpacked::Close { flags, .. } => *flags,
        }
    }
}

/// Why `unpack()` returned false (`swoole_last_error()` is then
/// [`ERROR_PROTOCOL`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnpackError {
    /// Under 2 bytes: false without a warning.
    TooShort,
    /// The frame is longer than the string: Swoole logs this (as
    /// `websocket::parse_frame() (ERRNO 8507)`); `expected` is 0 when the
    /// header itself is cut, and 2^64-1 for a length with the top bit set.
    Incomplete { expected: u64, actual: usize },
    /// RSV1 and the payload does not inflate: a PHP warning.
    Inflate(InflateFailure),
    /// The payload inflates past the caller's limit (ours, not Swoole's).
    TooBig(usize),
}

/// zlib's words for an inflate failure, as Swoole prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InflateFailure {
    /// `Z_DATA_ERROR`: not deflate data.
    Data,
    /// `Z_BUF_ERROR`: nothing could be inflated (an empty payload).
    Buffer,
}

impl fmt::Display for UnpackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UnpackError::TooShort => write!(f, "frame shorter than its 2-byte header"),
            UnpackError::Incomplete { expected, actual } => {
                write!(f, "incomplete packet, expected length is {expected}, actual length is {actual}")
            }
            UnpackError::Inflate(InflateFailure::Data) => write!(f, "inflate() failed, Error: data error[-3]"),
            UnpackError::Inflate(InflateFailure::Buffer) => write!(f, "inflate() failed, Error: buffer error[-5]"),
            UnpackError::TooBig(limit) => write!(f, "inflate() failed, the data inflates past {limit} bytes"),
        }
    }
}

/// Unpacks the frame at the start of `data`; a compressed payload may
/// inflate to at most `max_inflated` bytes.
pub fn unpack(data: &[u8], max_inflated: usize) -> Result<Unpacked, UnpackError> {
    if data.len() < 2 {
        return Err(UnpackError::TooShort);
    }
    let h = match header::parse(data) {
        Parsed::Partial(_) => return Err(UnpackError::Incomplete { expected: 0, actual: data.len() }),
        Parsed::Header(h) => h,
    };
    if h.payload_len >> 63 != 0 {
        return Err(UnpackError::Incomplete { expected: u64::MAX, actual: data.len() });
    }
    if h.frame_len() > data.len() as u64 {
        return Err(UnpackError::Incomplete { expected: h.frame_len(), actual: data.len() });
    }
    let mut payload = data[h.header_len..h.header_len + h.payload_len as usize].to_vec();
    if let Some(key) = h.mask {
        header::apply_mask(&mut payload, key);
    }
    let mut flags = flags::from_wire(h.b0, h.mask.is_some());
    if h.rsv1() {
        payload = inflate_like_swoole(&payload, max_inflated)?;
        flags |= FLAG_COMPRESS;
    }
    if h.opcode == flags::Opcode::Close as u8 {
        let (code, reason) = match payload.len() {
            0 | 1 => (CloseCode::NORMAL, Vec::new()),
            _ => (u16::from_be_bytes([payload[0], payload[1]]), payload[2..].to_vec()),
        };
        return Ok(Unpacked::Close { flags, code, reason });
    }
    Ok(Unpacked::Frame { opcode: h.opcode, flags, data: payload })
}

/// Swoole inflates a frame on its own, without the `00 00 ff ff` tail, and
/// takes whatever came out once the input is used up.
fn inflate_like_swoole(input: &[u8], limit: usize) -> Result<Vec<u8>, UnpackError> {
    let mut z = Decompress::new(false);
    let mut out = Vec::with_capacity((input.len() * 4).clamp(64, limit.saturating_add(1).max(64)));
    loop {
        let consumed = z.total_in() as usize;
        let produced = out.len();
        let status = z
            .decompress_vec(&input[consumed..], &mut out, FlushDecompress::Sync)
            .map_err(|_| UnpackError::Inflate(InflateFailure::Data))?;
        if out.len() > limit {
            return Err(UnpackError::TooBig(limit));
        }
        if status == Status::StreamEnd {
            return Ok(out);
        }
        let done = z.total_in() as usize == input.len();
        let progress = z.total_in() as usize != consumed || out.len() != produced;
        let room_left = out.len() < out.capacity();
        if done && (room_left || !progress) {
            // zlib's Z_BUF_ERROR when there was nothing at all to inflate.
            return if input.is_empty() { Err(UnpackError::Inflate(InflateFailure::Buffer)) } else { Ok(out) };
        }
        if !progress && room_left {
            return Err(UnpackError::Inflate(InflateFailure::Buffer));
        }
        if !room_left {
            let room = (limit + 1).saturating_sub(out.len()).clamp(1, 64 * 1024);
            out.reserve_exact(room);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::websocket::test_support::test_hex as hex;

    fn frame(opcode: u8, flags: u8, data: &[u8]) -> Unpacked {
        Unpacked::Frame { opcode, flags, data: data.to_vec() }
    }

    fn u(h: &str) -> Result<Unpacked, UnpackError> {
        unpack(&hex(h), 1 << 20)
    }

    /// Each: what Swoole 6.2.1's `unpack()` gave for these bytes.
    #[test]
    fn frames_as_swoole_reads_them() {
        assert_eq!(u("8103616263"), Ok(frame(1, 1, b"abc")));
        assert_eq!(u("0103616263"), Ok(frame(1, 0, b"abc")));
        assert_eq!(u("8203616263"), Ok(frame(2, 1, b"abc")));
        assert_eq!(u("890170"), Ok(frame(9, 1, b"p")));
        assert_eq!(u("8a00"), Ok(frame(10, 1, b"")));
        assert_eq!(u("83016161"), Ok(frame(3, 1, b"a")));
        assert_eq!(u("8b00"), Ok(frame(11, 1, b"")));
        assert_eq!(u("0000"), Ok(frame(0, 0, b"")));
        assert_eq!(u("9103616263"), Ok(frame(1, 17, b"abc")));
        assert_eq!(u("a103616263"), Ok(frame(1, 9, b"abc")));
        assert_eq!(u("8183aabbccddcbd9af"), Ok(frame(1, 33, b"abc")));
        assert_eq!(u("818000000000"), Ok(frame(1, 33, b"")));
        assert_eq!(u("817e0003616263"), Ok(frame(1, 1, b"abc")));
        // Bytes after the frame are not looked at.
        assert_eq!(u("817e0003616263ffff"), Ok(frame(1, 1, b"abc")));
        assert_eq!(u("81036162638103646566"), Ok(frame(1, 1, b"abc")));
    }

    #[test]
    fn compressed_frames_gain_compress() {
        assert_eq!(u("c104cac80400"), Ok(frame(1, 7, b"hi")));
        assert_eq!(u("c107ca48cdc9c90700"), Ok(frame(1, 7, b"hello")));
        assert_eq!(u("4104cac80400"), Ok(frame(1, 6, b"hi")));
        // "test" starts a deflate block that never ends: nothing comes out.
        assert_eq!(u("c20474657374"), Ok(frame(2, 7, b"")));
        assert_eq!(u("c100"), Err(UnpackError::Inflate(InflateFailure::Buffer)));
        assert_eq!(u("c102ffff"), Err(UnpackError::Inflate(InflateFailure::Data)));
        assert_eq!(u("c100").unwrap_err().to_string(), "inflate() failed, Error: buffer error[-5]");
        assert_eq!(u("c102ffff").unwrap_err().to_string(), "inflate() failed, Error: data error[-3]");
        // Our limit.
        let mut big = vec![0xc2, 0x7e, 0, 0];
        let mut d = crate::websocket::deflate::Deflater::swoole();
        let c = d.deflate(&[0u8; 100_000]).to_vec();
        big[2..4].copy_from_slice(&(c.len() as u16).to_be_bytes());
        big.extend(c);
        assert_eq!(unpack(&big, 100_000).unwrap(), frame(2, 7, &[0u8; 100_000]));
        assert_eq!(unpack(&big, 99_999), Err(UnpackError::TooBig(99_999)));
    }

    #[test]
    fn close_frames() {
        let close = |code, reason: &[u8]| Unpacked::Close { flags: 1, code, reason: reason.to_vec() };
        assert_eq!(u("880203e8"), Ok(close(1000, b"")));
        assert_eq!(u("8800"), Ok(close(1000, b"")));
        assert_eq!(u("880103"), Ok(close(1000, b"")));
        assert_eq!(u("88020001"), Ok(close(1, b"")));
        assert_eq!(u("880503e8627965"), Ok(close(1000, b"bye")));
        assert_eq!(u("8803ffff00"), Ok(close(65535, b"\0")));
        assert_eq!(u("887e00020000"), Ok(close(0, b"")));
    }

    #[test]
    fn refusals() {
        assert_eq!(u(""), Err(UnpackError::TooShort));
        assert_eq!(u("81"), Err(UnpackError::TooShort));
        assert_eq!(u("880703e862796500"), Err(UnpackError::Incomplete { expected: 9, actual: 8 }));
        assert_eq!(u("8802"), Err(UnpackError::Incomplete { expected: 4, actual: 2 }));
        assert_eq!(u("81ff00000000000000036162"), Err(UnpackError::Incomplete { expected: 0, actual: 12 }));
        let e = u("81ff800000000000000061626364").unwrap_err();
        assert_eq!(e, UnpackError::Incomplete { expected: u64::MAX, actual: 14 });
        assert_eq!(
            e.to_string(),
            "incomplete packet, expected length is 18446744073709551615, actual length is 14"
        );
    }
}
