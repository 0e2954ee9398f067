//! The PROXY protocol (HAProxy's specification, versions 1 and 2): the
//! header a load balancer sends first on a connection, naming the real
//! client. Swoole has no such support; this follows the specification.
//!
//! - [`v1`]: the text line (`PROXY TCP4 ...\r\n`, at most 107 bytes).
//! - [`v2`]: the binary header (12-byte signature, command, family,
//!   addresses, TLVs; its CRC32C checked when sent).
//! - [`trusted`]: which peers may send a header (`proxy_protocol_trusted`).
//! - [`header`]: what a header says and what reading one found, shared by
//!   the files here; [`config`]: what a port accepts.
//! - [`stage`]: a connection's wait for its header, before the application
//!   sees a byte.
//!
//! [`parse`] is check-then-parse over the connection's first bytes: it
//! returns [`Parse::Incomplete`] while a valid header may still be on its way
//! (never past [`ProxyConfig::max_header`] bytes), [`Parse::Done`] with the
//! header and the bytes it took (what follows is the application's), or
//! [`Parse::Invalid`] with a reason as soon as the bytes cannot become one.

pub mod config;
pub mod header;
pub mod stage;
pub mod trusted;
pub mod v1;
pub mod v2;

pub use config::{ProxyConfig, Versions, DEFAULT_MAX_HEADER, DEFAULT_TIMEOUT_SECS};
pub use header::{Addresses, Command, Parse, ProxyHeader, Tlv, Transport, UnixPath};
pub use trusted::{Cidr, TrustedSources};

/// Reads the PROXY header at the start of a connection's input.
pub fn parse(buf: &[u8], config: &ProxyConfig) -> Parse {
    let Some(&first) = buf.first() else { return Parse::Incomplete };
    match first {
        b'P' if config.versions.v1() => v1::parse(buf),
        b'\r' if config.versions.v2() => v2::parse(buf, config.max_header),
        b'P' => Parse::Invalid("PROXY protocol v1 is not accepted on this port"),
        b'\r' => Parse::Invalid("PROXY protocol v2 is not accepted on this port"),
        _ => Parse::Invalid("not a PROXY protocol header"),
    }
}

#[cfg(test)]
mod tests;
