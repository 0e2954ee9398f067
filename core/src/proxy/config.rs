//! How a port reads PROXY headers: the versions it accepts
//! (`open_proxy_protocol`), the longest header, the default timeout.

use crate::settings::SettingValue;

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
    /// Reads `open_proxy_protocol`: `true` for either version, `1` or `2` for
    /// one; `false`, `0` or null turn it off (`None`).
    pub fn from_setting(value: &SettingValue) -> Result<Option<Versions>, &'static str> {
        match value {
            SettingValue::Null | SettingValue::Bool(false) | SettingValue::Int(0) => Ok(None),
            SettingValue::Bool(true) => Ok(Some(Versions::Any)),
            SettingValue::Int(1) => Ok(Some(Versions::V1)),
            SettingValue::Int(2) => Ok(Some(Versions::V2)),
            SettingValue::Str(s) => match s.trim() {
                "" | "0" => Ok(None),
                "1" => Ok(Some(Versions::V1)),
                "2" => Ok(Some(Versions::V2)),
                _ => Err("open_proxy_protocol must be true, 1 or 2"),
            },
            _ => Err("open_proxy_protocol must be true, 1 or 2"),
        }
    }

    pub(super) fn v1(self) -> bool {
        self != Versions::V2
    }

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
