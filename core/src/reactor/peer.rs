//! A connection's facts by reference, for what reads a few of them per
//! request (HTTP's `$request->server`): [`Reactor::info`] clones the whole
//! [`ConnectionInfo`] and looks up the uid and TLS certificate besides.

use super::{ConnectionInfo, Reactor};
use crate::session::SessionId;

impl Reactor {
    /// The facts of this worker's open connection `session` (not one still
    /// in its TLS handshake), without `uid` or `ssl_client_cert`.
    pub fn peer(&self, session: SessionId) -> Option<&ConnectionInfo> {
        let &k = self.by_session.get(&session)?;
        let conn = &self.conns[k];
        (!conn.handshaking()).then_some(&conn.info)
    }
}
