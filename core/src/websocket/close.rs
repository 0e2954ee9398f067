//! Close frames (RFC 6455 sections 5.5.1, 7.4): the status codes, which of
//! them may travel on the wire, and the payload (code and UTF-8 reason).

/// Close status codes, as `SWOOLE_WEBSOCKET_CLOSE_*` names them.
pub struct CloseCode;

impl CloseCode {
    pub const NORMAL: u16 = 1000;
    pub const GOING_AWAY: u16 = 1001;
    pub const PROTOCOL_ERROR: u16 = 1002;
    pub const DATA_ERROR: u16 = 1003;
    /// "No status received": never on the wire, only reported.
    pub const STATUS_ERROR: u16 = 1005;
    /// "Abnormal closure": never on the wire, only reported.
    pub const ABNORMAL: u16 = 1006;
    /// Invalid payload data, e.g. text that is not UTF-8.
    pub const MESSAGE_ERROR: u16 = 1007;
    pub const POLICY_ERROR: u16 = 1008;
    pub const MESSAGE_TOO_BIG: u16 = 1009;
    pub const EXTENSION_MISSING: u16 = 1010;
    pub const SERVER_ERROR: u16 = 1011;
    pub const SERVICE_RESTART: u16 = 1012;
    pub const TRY_AGAIN_LATER: u16 = 1013;
    pub const BAD_GATEWAY: u16 = 1014;
    /// "TLS handshake failure": never on the wire, only reported.
    pub const TLS: u16 = 1015;
}

/// The longest close reason: a control payload is at most 125 bytes, two of
/// them the code (`the max length of close reason is 123`).
pub const MAX_REASON_LEN: usize = 123;

/// The longest control frame payload (`websocket control frame payload must
/// not exceed 125 bytes`).
pub const MAX_CONTROL_PAYLOAD: usize = 125;

/// Whether a peer may send `code` in a close frame: the codes RFC 6455
/// defines for the wire (1000-1003, 1007-1011), those IANA registered since
/// (1012-1014), and the ranges for libraries and applications (3000-4999).
/// 1004 is reserved; 1005, 1006 and 1015 are only ever reported locally.
pub fn is_valid_on_wire(code: u16) -> bool {
    matches!(code, 1000..=1003 | 1007..=1014 | 3000..=4999)
}

/// A received close payload, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClosePayload<'a> {
    /// The status code; `None` when the payload was empty (then Swoole's
    /// `CloseFrame::$code` keeps its default, 1000).
    pub code: Option<u16>,
    /// The reason, UTF-8 (possibly empty).
    pub reason: &'a str,
}

/// Why a close payload is refused, and the code to close with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseError {
    /// One byte: half a code (1002).
    Truncated,
    /// A code a peer may not send (1002).
    InvalidCode(u16),
    /// A reason that is not UTF-8 (1007).
    InvalidReason,
}

impl CloseError {
    /// The close code the connection fails with.
    pub fn close_code(self) -> u16 {
        match self {
            CloseError::Truncated | CloseError::InvalidCode(_) => CloseCode::PROTOCOL_ERROR,
            CloseError::InvalidReason => CloseCode::MESSAGE_ERROR,
        }
    }

    /// A short reason for the close frame and the log.
    pub fn reason(self) -> &'static str {
        match self {
            CloseError::Truncated => "close frame with a 1-byte payload",
            CloseError::InvalidCode(_) => "invalid close code",
            CloseError::InvalidReason => "close reason is not UTF-8",
        }
    }
}

impl<'a> ClosePayload<'a> {
    /// Checks a close frame's payload (already unmasked) as RFC 6455 asks.
    pub fn parse(payload: &'a [u8]) -> Result<ClosePayload<'a>, CloseError> {
        match payload.len() {
            0 => Ok(ClosePayload { code: None, reason: "" }),
            1 => Err(CloseError::Truncated),
            _ => {
                let code = u16::from_be_bytes([payload[0], payload[1]]);
                if !is_valid_on_wire(code) {
                    return Err(CloseError::InvalidCode(code));
                }
                let reason = std::str::from_utf8(&payload[2..]).map_err(|_| CloseError::InvalidReason)?;
                Ok(ClosePayload { code: Some(code), reason })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_on_the_wire() {
        for code in [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 4000, 4999] {
            assert!(is_valid_on_wire(code), "{code}");
        }
        for code in [0, 1, 999, 1004, 1005, 1006, 1015, 1016, 2000, 2999, 5000, 65535] {
            assert!(!is_valid_on_wire(code), "{code}");
        }
    }

    #[test]
    fn payloads() {
        assert_eq!(ClosePayload::parse(b""), Ok(ClosePayload { code: None, reason: "" }));
        assert_eq!(ClosePayload::parse(b"\x03\xe8"), Ok(ClosePayload { code: Some(1000), reason: "" }));
        assert_eq!(ClosePayload::parse(b"\x0f\xa0bye"), Ok(ClosePayload { code: Some(4000), reason: "bye" }));
        assert_eq!(ClosePayload::parse(&[&b"\x03\xe8"[..], "κ".as_bytes()].concat()).unwrap().reason, "κ");
        assert_eq!(ClosePayload::parse(b"\x03"), Err(CloseError::Truncated));
        assert_eq!(ClosePayload::parse(b"\x03\xe7"), Err(CloseError::InvalidCode(999)));
        assert_eq!(ClosePayload::parse(b"\x03\xed"), Err(CloseError::InvalidCode(1005)));
        assert_eq!(ClosePayload::parse(b"\x03\xe8\xff\xfe"), Err(CloseError::InvalidReason));
        assert_eq!(CloseError::Truncated.close_code(), 1002);
        assert_eq!(CloseError::InvalidCode(5000).close_code(), 1002);
        assert_eq!(CloseError::InvalidReason.close_code(), 1007);
    }
}
