//! Opcodes and the flag bits of `Swoole\WebSocket\Frame::$flags`, `push()` and
//! `pack()`. The bits are Swoole's own numbering, not the wire's: the wire
//! keeps FIN/RSV in byte 0 and MASK in byte 1.

/// `SWOOLE_WEBSOCKET_FLAG_FIN`: the last frame of a message.
pub const FLAG_FIN: u8 = 1;
/// `SWOOLE_WEBSOCKET_FLAG_COMPRESS`: compress (push/pack) or was compressed (a received frame).
pub const FLAG_COMPRESS: u8 = 2;
/// `SWOOLE_WEBSOCKET_FLAG_RSV1`: the wire's RSV1 bit (permessage-deflate's "compressed").
pub const FLAG_RSV1: u8 = 4;
/// `SWOOLE_WEBSOCKET_FLAG_RSV2`.
pub const FLAG_RSV2: u8 = 8;
/// `SWOOLE_WEBSOCKET_FLAG_RSV3`.
pub const FLAG_RSV3: u8 = 16;
/// `SWOOLE_WEBSOCKET_FLAG_MASK`: the payload is (to be) masked.
pub const FLAG_MASK: u8 = 32;
/// Every user flag; Swoole drops the other bits of a `flags` argument.
pub const FLAGS_ALL: u8 = FLAG_FIN | FLAG_COMPRESS | FLAG_RSV1 | FLAG_RSV2 | FLAG_RSV3 | FLAG_MASK;

/// The wire's bits in byte 0 of a frame.
pub(crate) const WIRE_FIN: u8 = 0x80;
pub(crate) const WIRE_RSV1: u8 = 0x40;
pub(crate) const WIRE_RSV2: u8 = 0x20;
pub(crate) const WIRE_RSV3: u8 = 0x10;
/// The wire's mask bit in byte 1.
pub(crate) const WIRE_MASK: u8 = 0x80;

/// The largest opcode `pack()`/`push()` accept (`OPCODE_PONG`).
pub const OPCODE_MAX: u8 = 10;

/// A frame's opcode (RFC 6455 section 5.2). The values 3-7 and 11-15 are
/// reserved and never become an `Opcode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Opcode {
    Continuation = 0,
    Text = 1,
    Binary = 2,
    Close = 8,
    Ping = 9,
    Pong = 10,
}

impl Opcode {
    /// The opcode for a wire value; `None` for a reserved one.
    pub fn from_u8(v: u8) -> Option<Opcode> {
        Some(match v {
            0 => Opcode::Continuation,
            1 => Opcode::Text,
            2 => Opcode::Binary,
            8 => Opcode::Close,
            9 => Opcode::Ping,
            10 => Opcode::Pong,
            _ => return None,
        })
    }

    /// Close, ping and pong: at most 125 bytes, never fragmented.
    pub fn is_control(self) -> bool {
        (self as u8) & 0x08 != 0
    }
}

/// Swoole's flags for a frame's byte 0 and mask bit (`websocket::get_flags`):
/// FIN, RSV1-3 and MASK; COMPRESS is added by whoever inflated the payload.
pub fn from_wire(b0: u8, masked: bool) -> u8 {
    let mut f = 0;
    if b0 & WIRE_FIN != 0 {
        f |= FLAG_FIN;
    }
    if b0 & WIRE_RSV1 != 0 {
        f |= FLAG_RSV1;
    }
    if b0 & WIRE_RSV2 != 0 {
        f |= FLAG_RSV2;
    }
    if b0 & WIRE_RSV3 != 0 {
        f |= FLAG_RSV3;
    }
    if masked {
        f |= FLAG_MASK;
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_are_swooles() {
        // The values `SWOOLE_WEBSOCKET_FLAG_*` have in Swoole 6.2.1.
        assert_eq!((FLAG_FIN, FLAG_COMPRESS, FLAG_RSV1, FLAG_RSV2, FLAG_RSV3, FLAG_MASK), (1, 2, 4, 8, 16, 32));
        assert_eq!(FLAGS_ALL, 63);
    }

    #[test]
    fn opcodes() {
        for v in 0..16u8 {
            let op = Opcode::from_u8(v);
            assert_eq!(op.is_some(), matches!(v, 0 | 1 | 2 | 8 | 9 | 10), "{v}");
            if let Some(op) = op {
                assert_eq!(op as u8, v);
                assert_eq!(op.is_control(), v >= 8);
            }
        }
    }

    #[test]
    fn flags_from_the_wire() {
        // A masked final text frame is what onMessage shows as flags 33.
        assert_eq!(from_wire(0x81, true), 33);
        assert_eq!(from_wire(0x81, false), 1);
        assert_eq!(from_wire(0xc1, true), FLAG_FIN | FLAG_RSV1 | FLAG_MASK);
        assert_eq!(from_wire(0xa1, false), FLAG_FIN | FLAG_RSV2);
        assert_eq!(from_wire(0x91, false), FLAG_FIN | FLAG_RSV3);
        assert_eq!(from_wire(0x01, false), 0);
    }
}
