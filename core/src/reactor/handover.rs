//! A BASE-mode worker's side of handing its port over to a new instance
//! (see [`crate::reuse_port`]): on SIGTERM a worker whose TCP listeners are
//! in an SO_REUSEPORT group accepts what they queued, takes them out of the
//! group, and finishes its connections instead of closing them.

use super::Reactor;
use crate::port::PortSocket;
use crate::reuse_port;

impl Reactor {
    /// The stream ports whose listener another instance shares now.
    pub fn shared_listeners(&self) -> Vec<usize> {
        let shared = |s: &PortSocket| matches!(s, PortSocket::Tcp(l) if reuse_port::shared(l));
        self.ports.iter().enumerate().filter(|(_, p)| p.socket.as_ref().is_some_and(shared)).map(|(i, _)| i).collect()
    }

    /// Takes port `port`'s listener out of its group (its queue accepted first
    /// by the caller).
    pub fn leave_group(&self, port: usize) {
        if let Some(PortSocket::Tcp(l)) = self.ports.get(port).and_then(|p| p.socket.as_ref()) {
            reuse_port::leave(l);
        }
    }
}
