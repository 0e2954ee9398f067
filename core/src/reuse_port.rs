//! Handing a port over to a new instance (`enable_reuse_port`): the new
//! server's sockets join the old one's SO_REUSEPORT group, and the old one,
//! on SIGTERM, leaves the group at once (new connections go to the new
//! instance only) while it finishes the connections it holds, up to
//! `max_wait_time`. Without SO_REUSEPORT a shutdown is Swoole's: the
//! connections are closed.
//!
//! A listening socket leaves its group when it is shut down, whatever
//! process still holds a descriptor of it (PROCESS-mode workers inherit the
//! master's). Connections the kernel had queued on it are accepted first;
//! the few that arrive between that and the shutdown are reset, unless
//! `net.ipv4.tcp_migrate_req` is 1 (Linux 5.14+), which moves them to another
//! socket of the group.

use nix::sys::socket::{getsockopt, shutdown, sockopt, Shutdown};
use std::os::fd::{AsFd, AsRawFd};
use std::time::Instant;

/// Whether listening socket `fd` is in an SO_REUSEPORT group (the server
/// has `enable_reuse_port`; another instance may take its place).
pub fn shared(fd: &impl AsFd) -> bool {
    getsockopt(fd, sockopt::ReusePort).unwrap_or(false)
}

/// Takes listening socket `fd` out of its group: the kernel stops queueing
/// connections on it (the descriptor stays open).
pub fn leave(fd: &impl AsFd) {
    let _ = shutdown(fd.as_fd().as_raw_fd(), Shutdown::Read);
}

/// Whether a stopping server handing its port over may go on stopping:
/// its connections are all closed, or `deadline` (`max_wait_time`) passed.
pub fn handed_over(connections: i64, deadline: Instant) -> bool {
    connections <= 0 || Instant::now() >= deadline
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    #[test]
    fn a_plain_listener_is_not_shared_and_leaving_stops_connections() {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        assert!(!shared(&l));
        let addr = l.local_addr().unwrap();
        leave(&l);
        assert!(std::net::TcpStream::connect(addr).is_err(), "a socket out of the group takes no connection");
        assert!(handed_over(0, Instant::now() + std::time::Duration::from_secs(9)));
        assert!(!handed_over(1, Instant::now() + std::time::Duration::from_secs(9)));
        assert!(handed_over(1, Instant::now()));
    }
}
