//! One connection as a reactor holds it ([`Connection`]: its socket,
//! queues and state), and what `getClientInfo()` reports about it
//! ([`ConnectionInfo`]), with the facts derived from that report.

use crate::output::Output;
use crate::port::Stream;
use crate::proxy::stage::Awaiting;
use crate::session::SessionId;
use std::net::SocketAddr;
use std::os::fd::RawFd;

/// What `getClientInfo()` reports about one connection.
#[derive(Debug, Clone, PartialEq)]
pub struct ConnectionInfo {
    pub session: SessionId,
    /// The port it came in on (index into `$server->ports`).
    pub port: usize,
    /// The uid given to `bind()` (0 if none).
    pub uid: u64,
    pub server_port: u16,
    pub server_fd: RawFd,
    pub socket_fd: RawFd,
    pub socket_type: i32,
    pub remote_port: u16,
    pub remote_ip: String,
    pub reactor_id: i32,
    pub connect_time: f64,
    pub last_recv_time: f64,
    pub last_send_time: f64,
    pub last_dispatch_time: f64,
    pub close_errno: i32,
    pub recv_queued_bytes: usize,
    pub send_queued_bytes: usize,
    /// `close()` was called on the server side: onClose gets reactor id -1,
    /// as in Swoole.
    pub closed_by_server: bool,
    /// The balancer whose PROXY header named `remote_ip`/`remote_port`
    /// (`proxy_ip`/`proxy_port`); `None` without one.
    pub proxy: Option<SocketAddr>,
    /// A TLS client's certificate (PEM) on a port with
    /// `ssl_client_cert_file`: `getClientInfo()['ssl_client_cert']`.
    pub ssl_client_cert: Option<String>,
}

/// One accepted client.
pub(crate) struct Connection {
    /// The socket.
    pub(crate) stream: Stream,
    /// The port it came in on (index into the reactor's ports).
    pub(crate) port: usize,
    /// What `getClientInfo()` shows; kept current as bytes move.
    pub(crate) info: ConnectionInfo,
    /// Bytes `send()` accepted and files `sendfile()` queued that the
    /// kernel has not taken yet.
    pub(crate) out: Output,
    /// Received bytes not yet a whole packet (framed modes only).
    pub(crate) inbuf: bytes::BytesMut,
    /// How much of `inbuf` was searched for an EOF marker already.
    pub(crate) scanned: usize,
    /// `close()` was called while output was pending: close once it drains,
    /// and ignore further input.
    pub(crate) close_after_flush: bool,
    /// Whether WRITABLE interest is registered (only while `out` is pending).
    pub(crate) want_write: bool,
    /// onBufferFull fired and onBufferEmpty has not yet.
    pub(crate) full: bool,
    /// `pause()` (or `enable_delay_receive` before `confirm()`): input is
    /// left in the kernel until `resume()`.
    pub(crate) paused: bool,
    /// PROCESS mode, `max_queued_bytes`: input is left in the kernel until
    /// the workers took enough of what was read before (the reactor
    /// thread's own hold, apart from the user's `pause()`).
    pub(crate) held: bool,
    /// A PROXY port's connection whose header has not arrived: it is not
    /// the application's yet (no onConnect, no onReceive).
    pub(crate) proxy: Option<Awaiting>,
    /// Bytes that came after the PROXY header, read again as the
    /// connection's first input.
    pub(crate) replay: Vec<u8>,
    /// The TLS session of a connection on a `SWOOLE_SSL` port: bytes in and
    /// out go through it (boxed: a plain connection stays small).
    pub(crate) tls: Option<Box<crate::tls::TlsConnection>>,
}

/// Seconds a connection has taken no input (since it connected, if it never
/// sent anything): what the heartbeat measures. Sends do not count, as in Swoole.
pub fn idle_since(last_recv_time: f64, connect_time: f64, now: f64) -> f64 {
    now - if last_recv_time > 0.0 { last_recv_time } else { connect_time }
}

/// The dispatch key facts of a connection (open or just closed).
pub fn target_of(info: &ConnectionInfo, with_ip: bool, uid: u64) -> crate::dispatch::Target {
    let ip = if with_ip { info.remote_ip.parse().ok() } else { None };
    let ip = ip.unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED));
    crate::dispatch::Target { socket_fd: info.socket_fd, remote: SocketAddr::new(ip, info.remote_port), uid }
}

/// A peer's address as Swoole reports it (a v4-mapped v6 address as v4).
///
/// An IPv4 address is written digit by digit: `Ipv4Addr`'s `Display` goes
/// through the formatting machinery (padding, width) and cost over 1,000
/// instructions, a fifth of a UDP echo's own work, where onPacket's
/// `$clientInfo['address']` is built for every datagram.
pub fn ip_string(addr: &SocketAddr) -> String {
    match addr.ip().to_canonical() {
        std::net::IpAddr::V4(v4) => {
            let mut out = String::with_capacity(15);
            for (i, octet) in v4.octets().into_iter().enumerate() {
                if i > 0 {
                    out.push('.');
                }
                if octet >= 100 {
                    out.push(char::from(b'0' + octet / 100));
                }
                if octet >= 10 {
                    out.push(char::from(b'0' + octet / 10 % 10));
                }
                out.push(char::from(b'0' + octet % 10));
            }
            out
        }
        v6 => v6.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::ip_string;
    use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

    #[test]
    fn ip_string_writes_what_display_writes() {
        for octets in [[0, 0, 0, 0], [127, 0, 0, 1], [10, 9, 99, 100], [255, 255, 255, 255], [1, 20, 200, 109]] {
            let v4 = Ipv4Addr::from(octets);
            assert_eq!(ip_string(&SocketAddr::new(IpAddr::V4(v4), 1)), v4.to_string());
            // A v4-mapped v6 peer (a dual-stack socket) reads as v4.
            assert_eq!(ip_string(&SocketAddr::new(IpAddr::V6(v4.to_ipv6_mapped()), 1)), v4.to_string());
        }
        let v6 = Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1);
        assert_eq!(ip_string(&SocketAddr::new(IpAddr::V6(v6), 1)), "2001:db8::1");
        for n in 0..=255u8 {
            let v4 = Ipv4Addr::new(n, n / 3, 255 - n, n % 10);
            assert_eq!(ip_string(&SocketAddr::new(IpAddr::V4(v4), 1)), v4.to_string());
        }
    }
}
