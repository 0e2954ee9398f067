//! Swoole's error codes (`include/swoole_error.h`) and their messages.
//!
//! The codes are part of the API: users compare `getLastError()` with them.

/// A Swoole error code, as returned by `getLastError()` and `swoole_last_error()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorCode(pub i32);

impl ErrorCode {
    pub const OK: ErrorCode = ErrorCode(0);
    pub const SYSTEM_CALL_FAIL: ErrorCode = ErrorCode(502);
    pub const INVALID_PARAMS: ErrorCode = ErrorCode(505);
    pub const OPERATION_NOT_SUPPORTED: ErrorCode = ErrorCode(507);
    pub const WRONG_OPERATION: ErrorCode = ErrorCode(509);
    pub const FILE_NOT_EXIST: ErrorCode = ErrorCode(700);
    pub const FILE_EMPTY: ErrorCode = ErrorCode(702);
    pub const NO_PAYLOAD: ErrorCode = ErrorCode(550);
    pub const SESSION_CLOSED_BY_SERVER: ErrorCode = ErrorCode(1001);
    pub const SESSION_CLOSED_BY_CLIENT: ErrorCode = ErrorCode(1002);
    pub const SESSION_CLOSING: ErrorCode = ErrorCode(1003);
    pub const SESSION_CLOSED: ErrorCode = ErrorCode(1004);
    pub const SESSION_NOT_EXIST: ErrorCode = ErrorCode(1005);
    pub const SESSION_INVALID_ID: ErrorCode = ErrorCode(1006);
    pub const OUTPUT_BUFFER_OVERFLOW: ErrorCode = ErrorCode(1009);
    pub const DATA_LENGTH_TOO_LARGE: ErrorCode = ErrorCode(1203);
    pub const SERVER_WORKER_TERMINATED: ErrorCode = ErrorCode(9003);
    pub const SERVER_ONLY_START_ONE: ErrorCode = ErrorCode(9008);
    pub const SERVER_SEND_IN_MASTER: ErrorCode = ErrorCode(9009);
    pub const SERVER_INVALID_CALLBACK: ErrorCode = ErrorCode(9015);
}

/// The message `swoole_strerror($code, SWOOLE_STRERROR_SWOOLE)` gives for a code.
pub fn swoole_strerror(code: i32) -> &'static str {
    match code {
        0 => "Success",
        501 => "Malloc fail",
        502 => "System call fail",
        503 => "PHP fatal error",
        504 => "Name too long",
        505 => "Invalid params",
        506 => "Queue full",
        507 => "Operation not support",
        508 => "Protocol error",
        509 => "Wrong operation",
        510 => "PHP runtime notice",
        511 => "For test",
        550 => "No payload",
        600 => "Undefined behavior",
        601 => "Not thread safety",
        700 => "File not exist",
        701 => "File too large",
        702 => "File empty",
        703 => "Dir not exist",
        720 => "Bad ipv6 address",
        721 => "Unregistered signal",
        722 => "Bad host addr",
        723 => "Bad port",
        724 => "Bad socket type",
        711 => "DNS Lookup resolve failed",
        800 => "Event remove failed",
        801 => "Event add failed",
        802 => "Event update failed",
        803 => "Event unknown data",
        1001 => "Session closed by server",
        1002 => "Session closed by client",
        1003 => "Session closing",
        1004 => "Session closed",
        1005 => "Session not exist",
        1006 => "Session invalid id",
        1007 => "Session discard timeout data",
        1008 => "Session discard data",
        1009 => "Output buffer overflow",
        1010 => "Output send yield",
        5001 => "Client no connection",
        6002 => "Socket poll timeout",
        1201 => "Package length too large",
        1202 => "Package length not found",
        1203 => "Data length too large",
        1204 => "Package malformed data",
        2001 => "Task package too big",
        2002 => "Task dispatch fail",
        2003 => "Task timeout",
        9001 => "Server must created before client",
        9002 => "Server too many socket",
        9003 => "Server worker terminated",
        9004 => "Server invalid listen port",
        9005 => "Server too many listen port",
        9006 => "Server pipe buffer full",
        9007 => "Server no idle worker",
        9008 => "Server only start one",
        9009 => "Server send in master",
        9010 => "Server invalid request",
        9011 => "Server connect fail",
        9012 => "Server invalid command",
        9013 => "Server is not regular file",
        9014 => "Server send to woker timeout",
        9015 => "Server invalid callback",
        9016 => "Server unrelated thread",
        9101 => "Server worker exit timeout",
        9102 => "Server worker abnormal pipe data",
        9103 => "Server worker unprocessed data",
        _ => "Unknown error",
    }
}

/// The OS's message for an errno, as `strerror(3)` gives it.
pub fn os_strerror(errno: i32) -> String {
    std::io::Error::from_raw_os_error(errno)
        .to_string()
        .split(" (os error")
        .next()
        .unwrap_or_default()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_codes() {
        assert_eq!(swoole_strerror(1005), "Session not exist");
        assert_eq!(swoole_strerror(424242), "Unknown error");
        assert_eq!(os_strerror(libc::EADDRINUSE), "Address already in use");
    }
}

/// `s` as a C string for a system call; an interior NUL is `EINVAL`, as the
/// kernel would say for a path it cannot take.
pub fn c_string(s: &str) -> std::io::Result<std::ffi::CString> {
    std::ffi::CString::new(s).map_err(|_| std::io::Error::from_raw_os_error(libc::EINVAL))
}
