//! A reactor's datagram ports (UDP, Unix datagram): receiving one
//! datagram for onPacket, `sendto()`, and which ports there are.

use super::{PortState, Reactor, ORD};
use crate::error::ErrorCode;
use crate::listener::SockType;
use crate::port::{Peer, PortSocket};
use std::os::fd::RawFd;

impl Reactor {
    /// Receives one datagram of datagram port `port` into `buf`: (length, sender).
    pub(crate) fn recv_packet(&mut self, port: usize, buf: &mut [u8]) -> Option<(usize, Peer)> {
        let socket = self.ports.get(port)?.socket.as_ref()?;
        let got = socket.recv_from(buf).ok()?;
        self.shared.stats.counters().total_recv_bytes.fetch_add(got.0 as u64, ORD);
        Some(got)
    }

    /// `sendto()` / `send($address)`: a datagram from the datagram port whose
    /// fd is `server_socket`, or else the first one of `to`'s kind (and IP
    /// version).
    pub fn send_to(&mut self, to: &Peer, data: &[u8], server_socket: Option<RawFd>) -> Result<(), ErrorCode> {
        let fits = |p: &PortState| match to {
            Peer::Inet(a) => matches!(p.sock_type, SockType::Udp | SockType::Udp6) && p.sock_type.is_v6() == a.is_ipv6(),
            Peer::Unix(_) => p.sock_type == SockType::UnixDgram,
        };
        let port = match server_socket {
            Some(fd) => self.ports.iter().find(|p| p.raw_fd == fd && p.socket.as_ref().is_some_and(PortSocket::is_datagram)),
            None => self.ports.iter().find(|p| p.socket.is_some() && fits(p)),
        };
        let Some(socket) = port.and_then(|p| p.socket.as_ref()) else { return Err(ErrorCode::WRONG_OPERATION) };
        // Not counted in stats(): Swoole's response_count and
        // total_send_bytes count stream send()s alone.
        match socket.send_to(data, to) {
            Ok(_) => Ok(()),
            Err(_) => Err(ErrorCode::SYSTEM_CALL_FAIL),
        }
    }

    /// The server socket (fd, port) of port `port`, as onPacket reports it.
    pub fn server_socket(&self, port: usize) -> (RawFd, u16) {
        self.ports.get(port).map_or((-1, 0), |p| (p.raw_fd, p.port))
    }

    /// Whether this process serves a Unix datagram port (`send()` takes a
    /// path as `$fd` then).
    pub fn has_unix_dgram_port(&self) -> bool {
        self.ports.iter().any(|p| p.sock_type == SockType::UnixDgram && p.socket.is_some())
    }

    /// Whether port `port` is a datagram port (UDP, Unix datagram).
    pub fn port_is_datagram(&self, port: usize) -> bool {
        self.ports.get(port).is_some_and(|p| p.sock_type.is_datagram())
    }
}
