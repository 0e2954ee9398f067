//! The sizes one HTTP connection may use, and the canned answers Swoole sends
//! when a request breaks them.

/// A head (request line and headers) may not grow past this: Swoole's receive
/// buffer for a head is 64 KiB, and it answers `400 Bad Request` past it
/// (not 431).
pub const HEAD_MAX: usize = 64 * 1024;

/// Swoole never applies a `package_max_length` below this to HTTP requests:
/// a request of head plus body up to 64 KiB is always accepted.
pub const PACKAGE_MIN: usize = 64 * 1024;

/// PHP's `max_input_vars` default.
pub const MAX_INPUT_VARS: usize = 1000;

/// PHP's `max_input_nesting_level` default.
pub const MAX_INPUT_NESTING: usize = 64;

/// Swoole's `upload_max_filesize` default (0 would mean no limit).
pub const UPLOAD_MAX_FILESIZE: u64 = 0;

/// Sent, then the connection closed, for a request that cannot be parsed.
pub const BAD_REQUEST: &[u8] = b"HTTP/1.1 400 Bad Request\r\n\r\n";
/// Sent, then the connection closed, for a request over `package_max_length`.
pub const ENTITY_TOO_LARGE: &[u8] = b"HTTP/1.1 413 Request Entity Too Large\r\n\r\n";
/// Sent when the server cannot take the request (no memory, shutting down).
pub const SERVICE_UNAVAILABLE: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\n\r\n";
/// Sent, then the connection closed, for a head not complete within `http_header_timeout`.
pub const REQUEST_TIMEOUT: &[u8] = b"HTTP/1.1 408 Request Timeout\r\n\r\n";
/// The interim answer to `Expect: 100-continue`.
pub const CONTINUE: &[u8] = b"HTTP/1.1 100 Continue\r\n\r\n";

/// What one connection may use; built once per port from its settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The longest head, `\r\n\r\n` included.
    pub head_max: usize,
    /// The longest request, head plus body as received (chunk framing
    /// included): `package_max_length`, never below [`PACKAGE_MIN`].
    pub package_max: usize,
    /// How many form variables one query string or body may set; the rest
    /// are dropped silently, as PHP does.
    pub max_input_vars: usize,
    /// How deep `a[b][c]...` may nest before the variable is dropped with a
    /// warning, as PHP does.
    pub max_input_nesting: usize,
    /// The largest uploaded file (`upload_max_filesize`); 0: no limit.
    pub upload_max_filesize: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits::new(2 * 1024 * 1024)
    }
}

impl Limits {
    /// The limits for a port whose `package_max_length` is `package_max_length`.
    pub fn new(package_max_length: usize) -> Self {
        Limits {
            head_max: HEAD_MAX,
            package_max: package_max_length.max(PACKAGE_MIN),
            max_input_vars: MAX_INPUT_VARS,
            max_input_nesting: MAX_INPUT_NESTING,
            upload_max_filesize: UPLOAD_MAX_FILESIZE,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_limit_never_below_64k() {
        assert_eq!(Limits::new(1024).package_max, 65536);
        assert_eq!(Limits::new(100_000).package_max, 100_000);
        assert_eq!(Limits::default().package_max, 2 * 1024 * 1024);
    }
}
