//! How a port reads PROXY headers: the versions it accepts
//! (`open_proxy_protocol`, read by `settings.rs`), the longest header, the
//! default timeout.

/// Seconds to wait for the header (`proxy_protocol_timeout`'s default).
pub const DEFAULT_TIMEOUT_SECS: f64 = 3.0;

/// The longest header accepted by default: a v2 header's addresses and TLVs
/// (AWS, Azure, GCP and HAProxy's SSL TLVs all fit).
pub const DEFAULT_MAX_HEADER: usize = 4096;

/// Which versions a port accepts (`open_proxy_protocol`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Versions {
    /// `true`: either.
    Any,
    /// `1`: the text header only.
    V1,
    /// `2`: the binary header only.
    V2,
}

impl Versions {
    /// Whether the text header (v1) is accepted.
    pub(super) fn v1(self) -> bool {
        self != Versions::V2
    }

    /// Whether the binary header (v2) is accepted.
    pub(super) fn v2(self) -> bool {
        self != Versions::V1
    }
}

/// How a port reads PROXY headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProxyConfig {
    /// The versions accepted.
    pub versions: Versions,
    /// The longest v2 header (16 bytes and its length field); a longer one
    /// is refused before it is buffered. v1 lines are 107 bytes at most.
    pub max_header: usize,
}

impl ProxyConfig {
    pub fn new(versions: Versions) -> ProxyConfig {
        ProxyConfig { versions, max_header: DEFAULT_MAX_HEADER }
    }
}
