//! One frame header (RFC 6455 section 5.2), check-then-parse: [`parse`] says
//! whether the header is whole, and reads it without copying anything.
//! Whether the payload is there too, and whether the frame is allowed, is the
//! [`reader`](super::reader)'s business.

use super::flags::{WIRE_FIN, WIRE_MASK, WIRE_RSV1, WIRE_RSV2, WIRE_RSV3};

/// The longest header: 2 bytes, a 64-bit length, a 4-byte mask key.
pub const MAX_HEADER_LEN: usize = 14;

/// A frame header as it came from the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameHeader {
    /// Byte 0 as sent: FIN, RSV1-3 and the opcode's 4 bits.
    pub b0: u8,
    /// The opcode's 4 bits, reserved values included.
    pub opcode: u8,
    /// The masking key, when the MASK bit is set.
    pub mask: Option<[u8; 4]>,
    /// Bytes the header takes (2 to 14): the payload starts there.
    pub header_len: usize,
    /// The payload length as sent; RFC 6455 forbids the top bit, Swoole
    /// treats it as a negative length: the reader refuses it.
    pub payload_len: u64,
}

impl FrameHeader {
    /// The last frame of its message.
    pub fn fin(&self) -> bool {
        self.b0 & WIRE_FIN != 0
    }
    /// RSV1: "compressed" under permessage-deflate.
    pub fn rsv1(&self) -> bool {
        self.b0 & WIRE_RSV1 != 0
    }
    /// RSV2 or RSV3: no extension here gives them a meaning.
    pub fn rsv23(&self) -> bool {
        self.b0 & (WIRE_RSV2 | WIRE_RSV3) != 0
    }
    /// The whole frame, header and payload (saturating: a length near 2^64
    /// cannot wrap into a small one).
    pub fn frame_len(&self) -> u64 {
        (self.header_len as u64).saturating_add(self.payload_len)
    }
}

/// What [`parse`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parsed {
    /// The header needs at least this many bytes (counted from the frame's start).
    Partial(usize),
    /// A whole header.
    Header(FrameHeader),
}

/// Reads the header at the start of `buf`.
pub fn parse(buf: &[u8]) -> Parsed {
    if buf.len() < 2 {
        return Parsed::Partial(2);
    }
    let (b0, b1) = (buf[0], buf[1]);
    let masked = b1 & WIRE_MASK != 0;
    let (len_bytes, short) = match b1 & 0x7f {
        126 => (2, None),
        127 => (8, None),
        n => (0, Some(n as u64)),
    };
    let header_len = 2 + len_bytes + if masked { 4 } else { 0 };
    if buf.len() < header_len {
        return Parsed::Partial(header_len);
    }
    let payload_len = match (short, len_bytes) {
        (Some(n), _) => n,
        (None, 2) => u16::from_be_bytes([buf[2], buf[3]]) as u64,
        _ => u64::from_be_bytes(buf[2..10].try_into().expect("8 bytes")),
    };
    let mask = masked.then(|| {
        let at = 2 + len_bytes;
        [buf[at], buf[at + 1], buf[at + 2], buf[at + 3]]
    });
    Parsed::Header(FrameHeader { b0, opcode: b0 & 0x0f, mask, header_len, payload_len })
}

/// XORs `data` with the masking key, in place: masking and unmasking are the
/// same operation. Eight bytes at a time, then the rest.
pub fn apply_mask(data: &mut [u8], key: [u8; 4]) {
    let wide = u64::from_ne_bytes([key[0], key[1], key[2], key[3], key[0], key[1], key[2], key[3]]);
    let mut chunks = data.chunks_exact_mut(8);
    for chunk in &mut chunks {
        let v = u64::from_ne_bytes((&*chunk).try_into().expect("8 bytes")) ^ wide;
        chunk.copy_from_slice(&v.to_ne_bytes());
    }
    // The remainder starts at a multiple of 8, so the key starts over.
    for (i, b) in chunks.into_remainder().iter_mut().enumerate() {
        *b ^= key[i & 3];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(buf: &[u8]) -> FrameHeader {
        match parse(buf) {
            Parsed::Header(h) => h,
            p => panic!("{p:?}"),
        }
    }

    #[test]
    fn lengths_7_16_64() {
        let h = header(&[0x81, 0x05]);
        assert_eq!((h.header_len, h.payload_len, h.mask, h.opcode, h.fin()), (2, 5, None, 1, true));
        let h = header(&[0x82, 0x7e, 0x01, 0x00]);
        assert_eq!((h.header_len, h.payload_len), (4, 256));
        let h = header(&[0x02, 0x7f, 0, 0, 0, 0, 0, 1, 0, 0]);
        assert_eq!((h.header_len, h.payload_len, h.fin()), (10, 65536, false));
        let h = header(&[0x81, 0xfe, 0x00, 0x7e, 1, 2, 3, 4]);
        assert_eq!((h.header_len, h.payload_len, h.mask), (8, 126, Some([1, 2, 3, 4])));
        let h = header(&[0x81, 0xff, 0x80, 0, 0, 0, 0, 0, 0, 0, 9, 9, 9, 9]);
        assert_eq!((h.header_len, h.payload_len), (14, 1 << 63));
        assert_eq!(header(&[0x81, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]).frame_len(), u64::MAX);
    }

    #[test]
    fn partial_headers_say_what_they_need() {
        assert_eq!(parse(&[]), Parsed::Partial(2));
        assert_eq!(parse(&[0x81]), Parsed::Partial(2));
        assert_eq!(parse(&[0x81, 0x7e, 0]), Parsed::Partial(4));
        assert_eq!(parse(&[0x81, 0xfe, 0, 0x7e]), Parsed::Partial(8));
        assert_eq!(parse(&[0x81, 0xff, 0, 0, 0]), Parsed::Partial(14));
        assert_eq!(parse(&[0x81, 0x80, 1, 2, 3]), Parsed::Partial(6));
    }

    #[test]
    fn bits() {
        let h = header(&[0xf3, 0x00]);
        assert!(h.fin() && h.rsv1() && h.rsv23());
        assert_eq!(h.opcode, 3);
        let h = header(&[0x21, 0x00]);
        assert!(!h.fin() && !h.rsv1() && h.rsv23());
    }

    #[test]
    fn mask_round_trips_at_every_length() {
        let key = [0x37, 0xfa, 0x21, 0x3d];
        for n in 0..40 {
            let plain: Vec<u8> = (0..n as u8).collect();
            let mut data = plain.clone();
            apply_mask(&mut data, key);
            for (i, (&m, &p)) in data.iter().zip(&plain).enumerate() {
                assert_eq!(m, p ^ key[i % 4], "len {n} at {i}");
            }
            apply_mask(&mut data, key);
            assert_eq!(data, plain);
        }
        // RFC 6455 5.7: "Hello" masked with 37 fa 21 3d.
        let mut hello = *b"Hello";
        apply_mask(&mut hello, key);
        assert_eq!(hello, [0x7f, 0x9f, 0x4d, 0x51, 0x58]);
    }
}
